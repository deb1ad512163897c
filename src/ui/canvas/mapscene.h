#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"
#include "ui/canvas/flowrouter.h"
#include "ui/common/annotationglyph.h" // qHash for QSet<AnnotationKind>

#include <QGraphicsScene>
#include <QPointer>
#include <QSet>

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace crosswalk {

class MapDocument;
class StepItem;
class FlowItem;
class LaneHeaderItem;
class PhaseHeaderItem;
class CornerHeaderItem;
class AnnotationBadgeItem;
class StickyNoteItem;
class VoteDotsItem;

/// The scene of one map. It keeps an id -> item map for steps, flows, lanes and phases and
/// brings the items up to date from the document after every change; the items hold nothing
/// of their own. Scene coordinates are map coordinates: (0, 0) is the top left of the drawing
/// area, the headers sit left of x = 0 and above y = 0.
class MapScene final : public QGraphicsScene {
    Q_OBJECT
public:
    explicit MapScene(QObject* parent = nullptr);
    ~MapScene() override;

    /// nullptr empties the scene.
    void setDocument(MapDocument* document);
    MapDocument* document() const { return m_document; }
    /// The document's map, or nullptr.
    const Map* map() const;

    StepItem* stepItem(const std::string& id) const;
    FlowItem* flowItem(const std::string& id) const;
    LaneHeaderItem* laneHeader(const std::string& id) const;
    PhaseHeaderItem* phaseHeader(const std::string& id) const;
    std::size_t stepItemCount() const { return m_steps.size(); }
    /// Whether any step, as drawn now, overlaps r. Flow labels ask this for every place they
    /// try; a coarse grid of the step rectangles answers it without a scene query each time.
    bool stepCovers(const QRectF& r) const;
    /// Whether a flow label at r would be clear of steps, lane borders and other flows' labels
    /// (the label of flow `self` aside). Flow labels ask this for each place they try.
    bool flowLabelClear(const QRectF& r, const std::string& self) const;
    /// Where a flow's label now is (empty: it has none), for flowLabelClear().
    void setFlowLabelRect(const std::string& flowId, const QRectF& r);
    /// A step item moved, grew, appeared or went: the grid is made again on the next question.
    void invalidateStepGrid() { m_stepGridDirty = true; }
    std::size_t flowItemCount() const { return m_flows.size(); }
    std::size_t laneHeaderCount() const { return m_lanes.size(); }
    std::size_t phaseHeaderCount() const { return m_phases.size(); }
    /// The badge of this annotation, or nullptr when its kind is hidden (or it has no target item).
    AnnotationBadgeItem* badge(const std::string& annotationId) const;
    std::size_t badgeCount() const;
    CornerHeaderItem* cornerHeader() const { return m_corner; }

    /// Annotations of these kinds get no badge; a hidden black-box kind also shows its steps plain.
    void setHiddenAnnotationKinds(const QSet<AnnotationKind>& kinds);
    const QSet<AnnotationKind>& hiddenAnnotationKinds() const { return m_hiddenKinds; }
    /// Steps drawn with the strong highlight; the rest are left as they are.
    void setHighlightedSteps(const std::set<std::string>& ids);
    const std::set<std::string>& highlightedSteps() const { return m_highlighted; }
    /// The annotation whose badge is shown as selected; empty for none.
    void setCurrentAnnotation(const std::string& id);
    const std::string& currentAnnotation() const { return m_currentAnnotation; }

    // Facilitation (mapscene_facilitation.cpp): sticky notes below their steps, vote dots on them.

    StickyNoteItem* stickyNoteItem(const std::string& noteId) const;
    std::size_t stickyNoteItemCount() const;
    /// The dots on this step, or nullptr when it has no votes.
    VoteDotsItem* voteDots(const std::string& stepId) const;
    /// The note at a scene point when it is the topmost item there, or nullptr.
    StickyNoteItem* stickyNoteAt(const QPointF& pos) const;
    /// Where the next note on this step goes (scene coordinates), for typing a new one in place.
    QRectF nextNoteRect(const std::string& stepId) const;

    /// Selected steps, in map order.
    std::vector<std::string> selectedStepIds() const;
    std::vector<std::string> selectedFlowIds() const;

    void setGridVisible(bool visible);
    bool gridVisible() const { return m_gridVisible; }

    /// Keeps the headers at the top left of what the view shows (sticky headers).
    void setStickyOrigin(const QPointF& visibleTopLeft);
    /// The scene x range a view (or a printed tile) shows of the map: each phase's name is
    /// centred in the part of its header inside it, so that a phase cut by a page edge or
    /// scrolled half out of view still shows its name.
    void setVisibleColumns(qreal left, qreal right);
    /// x of the lane headers' left edge and y of the phase headers' top edge, as now placed.
    qreal laneHeaderX() const { return m_laneHeaderX; }
    /// The sticky headers keep their size on screen: the canvas sets 1/zoom here, and the
    /// headers' strips are this much wide and tall in scene units.
    void setHeaderScale(qreal scale);
    qreal headerScale() const { return m_headerScale; }
    qreal laneHeaderWidth() const;
    qreal phaseHeaderHeight() const;
    qreal phaseHeaderY() const { return m_phaseHeaderY; }

    /// Rebuilds every item from the model.
    void sync();

    /// Lets steps be shown somewhere else than the model says while they are dragged; their
    /// flows follow. An empty map ends the preview.
    void previewStepRects(const std::unordered_map<std::string, QRectF>& rects);

    /// The badge at a scene point when it is the topmost item there, or nullptr.
    AnnotationBadgeItem* badgeAt(const QPointF& pos) const;
    /// Step item under a scene point (the topmost), or nullptr.
    StepItem* stepItemAt(const QPointF& pos) const;
    FlowItem* flowItemAt(const QPointF& pos) const;
    LaneHeaderItem* laneHeaderAt(const QPointF& pos) const;
    PhaseHeaderItem* phaseHeaderAt(const QPointF& pos) const;
    /// The lane whose bottom border is at this point (within a few units), for resizing.
    std::optional<std::string> laneBorderAt(const QPointF& pos, qreal slack) const;
    std::optional<std::string> phaseBorderAt(const QPointF& pos, qreal slack) const;
    /// True when the point is inside a lane band, right of the lane headers.
    bool inLaneArea(const QPointF& pos) const;

    /// The map's extent, headers included.
    QRectF mapBounds() const;

signals:
    /// After the items were updated from the model.
    void synced();

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void applyChanges(const ChangeSet& changes);
    void updateStep(const Step& step);
    void updateFlow(const Flow& flow, bool remember = true);
    void rebuildObstacles();
    void updateHeaders();
    void updateSceneRect();
    void invalidateBackground();
    QRectF stepRect(const Step& step) const;
    std::optional<QPointF> handoffPoint(const QPolygonF& route) const;
    void removeAllItems();
    /// Brings badges, black-box and highlight states up to date with the model.
    void updateBadges();
    void removeAllBadges();
    /// Brings sticky notes and vote dots up to date with the model.
    void updateFacilitation();
    void removeAllFacilitation();

    QPointer<MapDocument> m_document;
    QMetaObject::Connection m_changedConnection;
    std::unordered_map<std::string, StepItem*> m_steps;
    mutable std::unordered_map<long long, std::vector<QRectF>> m_stepGrid;
    mutable bool m_stepGridDirty = true;
    std::unordered_map<std::string, FlowItem*> m_flows;
    std::unordered_map<std::string, QRectF> m_flowLabels; // by flow id; stale ids are skipped
    std::unordered_map<std::string, LaneHeaderItem*> m_lanes;
    std::unordered_map<std::string, PhaseHeaderItem*> m_phases;
    CornerHeaderItem* m_corner = nullptr;
    // Badges are children of the items they mark and die with them: held by QPointer.
    std::unordered_map<std::string, QPointer<AnnotationBadgeItem>> m_badges;
    // Children of their steps, like the badges: held by QPointer.
    std::unordered_map<std::string, QPointer<StickyNoteItem>> m_notes;
    std::unordered_map<std::string, QPointer<VoteDotsItem>> m_voteDots;
    QSet<AnnotationKind> m_hiddenKinds;
    std::set<std::string> m_highlighted;
    std::string m_currentAnnotation;
    FlowRouter m_router;
    std::unordered_map<std::string, QRectF> m_previewRects;
    bool m_gridVisible = true;
    QPointF m_stickyOrigin{-1e9, -1e9};
    qreal m_laneHeaderX = 0;
    qreal m_phaseHeaderY = 0;
    qreal m_headerScale = 1;
    qreal m_visibleLeft = -1e9;
    qreal m_visibleRight = 1e9;
};

} // namespace crosswalk
