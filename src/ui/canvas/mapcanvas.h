#pragma once

#include "crosswalk/interact/gestures.h"

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/kinds.h"
#include "crosswalk/model/map.h"
#include "ui/common/annotationglyph.h" // qHash for QSet<AnnotationKind>

#include <QGraphicsView>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QMenu;

namespace crosswalk {

class MapDocument;
class MapScene;
class CanvasTool;
class CanvasContextMenu;
class LabelEditing;
class AnnotationBadgeItem;

/// The swimlane editor: shows one map document and turns mouse and keyboard gestures into
/// edits pushed on the document (one gesture, one undo step). Keyboard flow: Tab adds the next
/// step to the right, Shift+Tab one in the lane below, both connected and ready for typing;
/// arrows walk the flows; Enter/F2 edits; Delete removes. In-place editing is LabelEditing's,
/// the context menus CanvasContextMenu's, the edits themselves core's (crosswalk/interact).
class MapCanvas final : public QGraphicsView {
    Q_OBJECT
public:
    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// nullptr clears the canvas.
    void setDocument(MapDocument* doc);
    MapDocument* document() const;
    MapScene* mapScene() const { return m_scene; }

    QStringList selectedStepIds() const;
    QStringList selectedFlowIds() const;
    void selectStep(const QString& id, bool centre = true);

    void zoomIn();
    void zoomOut();
    void zoomReset();
    void zoomToFit();
    void setZoomPercent(int percent);
    int zoomPercent() const;

    void setGridVisible(bool visible);
    bool gridVisible() const;
    void setSnapEnabled(bool enabled);
    bool snapEnabled() const { return m_snap; }

    // Commands on steps, the clipboard, lanes and phases (mapcanvas_commands.cpp).

    /// Adds a step of this kind after the selected step (connected), or in the first lane.
    void addStep(StepKind kind);
    /// Tab / Shift+Tab: the next step right of the selected one, or in the lane below.
    void addNextStep(bool below);
    /// Ctrl+Shift+Tab: the next step in the lane above (a new lane on top when there is none).
    void addNextStepAbove();
    /// Ctrl+arrows: the selected steps to the lane above or below, or the previous or next
    /// phase, settled there (one undo step). Nothing moves past the first or last lane/phase.
    void moveSelectionBy(int lanes, int phases);
    /// Alt+Right (Alt+Left): selects the selected step's first flow out (in), or the selected
    /// flow's next sibling, so that Enter labels it.
    void selectNextFlow(bool outgoing);
    /// Adds a flow from the selected step to this one (a loop back, a second branch).
    bool connectSelectedTo(const QString& targetId);
    /// Ctrl+L: asks which step the selected one connects to, by label, then connects.
    void chooseConnectionTarget();
    void deleteSelection();
    void selectAll();
    void editSelectedLabel();
    /// True while a label or name is edited in place.
    bool isEditing() const;

    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();

    // Lane and phase operations (also on the header context menus).
    void addLane(std::size_t index);
    void addPhase(std::size_t index);
    void renameLane(const QString& id);
    void renamePhase(const QString& id);
    void recolourLane(const QString& id, const QColor& colour);
    void recolourPhase(const QString& id, const QColor& colour);
    /// Asks first when the lane holds steps (unless confirm is false); undoable either way.
    void deleteLane(const QString& id, bool confirm = true);
    void deletePhase(const QString& id, bool confirm = true);
    void editFlowLabel(const QString& id);

    // Annotations (mapcanvas_annotations.cpp): numbered badges on their targets, added, edited and
    // deleted in place.

    /// Adds an annotation of this kind with an empty text to each selected step, else to each
    /// selected flow, else to the whole map (one undo step), and opens the text editor on it.
    /// variation applies to a variation only, horizon (1..3) to a change idea only.
    void addAnnotation(AnnotationKind kind, std::optional<Variation> variation = {},
                       std::optional<int> horizon = {});
    /// Shows the annotation's badge as selected and selects and centres its target.
    void selectAnnotation(const QString& id);
    /// The annotation whose badge is selected; empty for none.
    QString currentAnnotation() const;
    /// Edits the annotation's text in place, under its badge.
    void editAnnotationText(const QString& id);
    void deleteAnnotation(const QString& id);
    /// Hides the badges of these kinds; a hidden black-box kind also draws its steps plain.
    void setHiddenAnnotationKinds(const QSet<AnnotationKind>& kinds);
    QSet<AnnotationKind> hiddenAnnotationKinds() const;
    /// Draws a strong orange outline on these steps, leaving the rest as they are; an empty
    /// list clears it.
    void highlightSteps(const QStringList& ids);
    QStringList highlightedSteps() const;

    // Facilitation (mapcanvas_facilitation.cpp): sticky notes and dot votes on steps, every
    // change one undo step through the document.

    /// Opens an in-place editor for a new note on the selected step; Enter adds it, Esc or an
    /// empty text adds nothing.
    void addStickyNote();
    void addStickyNoteTo(const QString& stepId);
    /// Edits the note's text in place; committing an empty text deletes the note.
    void editStickyNote(const QString& noteId);
    void deleteStickyNote(const QString& noteId);
    void recolourStickyNote(const QString& noteId, const QString& colour);
    /// Adds (delta > 0) or takes off (delta < 0) votes on each selected step, one undo step.
    void voteOnSelection(int delta);
    /// Takes every vote off the map (undoable).
    void resetVotes();

    /// Scrolls so that the scene rectangle is in view and not hidden under the sticky headers.
    void reveal(const QRectF& sceneRect);

signals:
    void selectionChanged();
    void zoomChanged(int percent);
    /// A badge was clicked.
    void annotationSelected(const QString& annotationId);

protected:
    bool event(QEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Where a map was last seen in this canvas (zoom and scroll bars; -1: its top left).
    struct ViewState {
        double zoom = 1.0;
        int h = -1;
        int v = -1;
    };
    QHash<QString, ViewState> m_views;

    // The menus' actions are the canvas's own commands, some of them not public.
    friend class CanvasContextMenu;

    bool editable() const;
    const Map* map() const;
    void setZoom(double zoom);
    void updateSticky();
    void setTool(std::unique_ptr<CanvasTool> tool);
    void updateHoverCursor(const QPointF& scenePos);
    /// The step keyboard commands start from: the only selected one, else the first selected.
    std::optional<std::string> currentStep() const;
    QPoint selectionMenuPoint() const;
    /// Tab and its variants: the next step after the one being labelled or selected, in the
    /// same lane, the one below or the one above, its label open for typing.
    void addNext(gestures::NextLane where);
    void selectOnly(const std::string& stepId);
    void navigate(int key);
    void createStepAt(const QPointF& scenePos, StepKind kind);
    void pasteFragment(const Map& fragment, bool offset);
    bool pushAndEdit(const Batch& batch, const std::string& newStepId);
    void finishEditing(bool commit);
    void afterDocumentChange();

    void addAnnotationTo(const std::vector<std::string>& targets, AnnotationKind kind,
                         std::optional<Variation> variation, std::optional<int> horizon);
    void updateAnnotation(const Annotation& changed, const QString& text);
    void clickBadge(const AnnotationBadgeItem& badge);
    void voteOn(const std::vector<std::string>& stepIds, int delta);

    MapScene* m_scene = nullptr;
    QPointer<MapDocument> m_document;
    QMetaObject::Connection m_documentChanged;
    QMetaObject::Connection m_documentDestroyed;
    std::unique_ptr<CanvasTool> m_tool;
    std::unique_ptr<LabelEditing> m_editing;
    std::unique_ptr<CanvasContextMenu> m_contextMenu;
    double m_zoom = 1.0;
    bool m_snap = true;
    std::optional<Map> m_internalClipboard; // when the system clipboard is unavailable
};

} // namespace crosswalk
