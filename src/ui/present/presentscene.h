#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/facilitation/session.h"
#include "crosswalk/model/map.h"
#include "ui/common/annotationglyph.h" // qHash for QSet<AnnotationKind>
#include "ui/present/presentobstacles.h"

#include <QGraphicsScene>
#include <QPointer>
#include <QSet>

#include <string>
#include <unordered_map>
#include <vector>

namespace crosswalk {

class MapDocument;
struct PresentBadge;
class PresentStepItem;
class PresentFlowItem;

/// What the room is asked to look at; everything else is dimmed.
struct Spotlight {
    enum class Kind { None, Lane, Phase, Step };
    Kind kind = Kind::None;
    std::string id;
    bool operator==(const Spotlight&) const = default;
};

/// The scene presentation mode draws: the map in large type, thick lines and the Okabe-Ito
/// palette. Like MapScene it keeps one item per step and flow, rebuilds them from the
/// document after every change, and the items hold nothing of their own. Scene coordinates
/// are map coordinates; lane and phase names are drawn by the view in screen pixels.
class PresentScene final : public QGraphicsScene {
    Q_OBJECT
  public:
    explicit PresentScene(QObject* parent = nullptr);
    ~PresentScene() override;

    void setDocument(MapDocument* document);
    /// The map as presented: the document's, with steps (and their lanes) taller where a
    /// label needs the room (see sync()); ids and texts are the document's.
    const Map* map() const;

    /// Annotations of these kinds get no badge (and a hidden black-box kind shows its steps plain).
    void setHiddenKinds(const QSet<AnnotationKind>& kinds);
    const QSet<AnnotationKind>& hiddenKinds() const { return m_hiddenKinds; }
    void setSpotlight(const Spotlight& spotlight);
    const Spotlight& spotlight() const { return m_spotlight; }
    /// The step being walked and the flow a forward move takes from it ("" for none).
    void setWalk(const std::string& currentStep, const std::string& chosenFlow);
    const std::string& currentStep() const { return m_current; }
    /// The whole map fitted: step and flow labels give way to the shapes (they would be
    /// smaller than a shared screen can show).
    void setLabelsShown(bool shown);
    bool labelsShown() const { return m_labelsShown; }

    /// What flow labels and branch numbers were placed clear of (for tests and benchmarks).
    const PresentObstacles& obstacles() const { return m_obstacles; }
    PresentStepItem* stepItem(const std::string& id) const;
    PresentFlowItem* flowItem(const std::string& id) const;
    std::size_t stepItemCount() const { return m_steps.size(); }
    /// True when the step is outside the spotlight.
    bool isDimmed(const std::string& stepId) const;
    /// The step's rectangle as the model places it (map units).
    QRectF stepRect(const std::string& id) const;
    /// The drawing area: lanes by phases, without headers.
    QRectF drawingRect() const;
    /// The lane and phase at a scene point, or "".
    std::string laneAt(qreal y) const;
    std::string phaseAt(qreal x) const;
    /// Top and height of a lane, left and width of a phase, in map units.
    QRectF laneRect(const std::string& laneId) const;
    QRectF phaseRect(const std::string& phaseId) const;
    /// The step under a scene point, or "".
    std::string stepAt(const QPointF& pos) const;
    /// The marks on a lane of the kinds shown, in the map's order, with their numbers.
    std::vector<PresentBadge> laneMarks(const std::string& laneId) const;

    void sync();

    /// The running session's sticky notes (all maps; those on a step of this map are drawn
    /// on it, a framed paper with their count); empty when no session runs.
    void setSessionNotes(const std::vector<SessionNote>& notes);
    const std::vector<SessionNote>& sessionNotes() const { return m_sessionNotes; }
    /// The session's notes on this step of the map shown.
    std::vector<SessionNote> sessionNotesOn(const std::string& stepId) const;
    /// The session's notes on the map shown but on none of its steps.
    std::vector<SessionNote> sessionNotesOnMap() const;

  signals:
    void synced();

  protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;

  private:
    void applyDecorations();
    /// Makes taller, in m_shown, the step of each lane whose label its room cannot hold (the
    /// one short of the most), its lane by as much, and moves the steps below it in the lane
    /// down; false when every label fits.
    bool growForLabels();
    /// Where a step may grow for its label (scene coordinates), clear of its neighbours.
    QRectF roomFor(const Step& step, const std::unordered_map<std::string, QRectF>& rects) const;

    QPointer<MapDocument> m_document;
    QMetaObject::Connection m_changedConnection;
    Map m_shown; // the document's map as laid out for the presentation
    std::unordered_map<std::string, PresentStepItem*> m_steps;
    std::unordered_map<std::string, PresentFlowItem*> m_flows;
    PresentObstacles m_obstacles; // what flow labels keep clear of (sync())
    QSet<AnnotationKind> m_hiddenKinds;
    Spotlight m_spotlight;
    std::string m_current;
    std::string m_chosenFlow;
    bool m_labelsShown = true;
    std::vector<SessionNote> m_sessionNotes;
};

} // namespace crosswalk
