#include "ui/canvas/mapcanvas.h"

#include "crosswalk/interact/navigation.h"
#include "ui/canvas/annotationbadgeitem.h"
#include "ui/canvas/canvascontextmenu.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/common/strings.h"
#include "ui/canvas/connecttool.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/labelediting.h"
#include "ui/canvas/labeleditor.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/movestepstool.h"
#include "ui/canvas/phaseheaderitem.h"
#include "ui/canvas/reordertool.h"
#include "ui/canvas/resizetool.h"
#include "ui/canvas/stepresizetool.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace crosswalk {

using namespace canvasstyle;

namespace {

constexpr std::array<int, 15> kZoomLevels{25, 33, 50, 67, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400};
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 4.0;

QStringList toQStringList(const std::vector<std::string>& ids)
{
    QStringList out;
    for (const std::string& id : ids)
        out << QString::fromStdString(id);
    return out;
}

} // namespace

MapCanvas::MapCanvas(QWidget* parent)
    : QGraphicsView(parent), m_scene(new MapScene(this)), m_editing(std::make_unique<LabelEditing>(*this)),
      m_contextMenu(std::make_unique<CanvasContextMenu>(*this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setAlignment(Qt::AlignLeft | Qt::AlignTop); // small maps sit under the headers, not in the middle
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    // Only what changed is repainted (a dragged step and its flows, not the whole map); a
    // scroll, which moves the sticky headers, repaints everything (see scrollContentsBy).
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // Lane bands, grid and phase dividers change only when lanes or phases do, yet filling
    // them made up half of every frame: keep them in a pixmap (the scene invalidates it).
    setCacheMode(QGraphicsView::CacheBackground);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MapCanvas::selectionChanged);
    connect(m_scene, &MapScene::synced, this, &MapCanvas::afterDocumentChange);
    updateSticky();
}

MapCanvas::~MapCanvas()
{
    m_tool.reset();
    m_editing.reset();
}

// ----- document ------------------------------------------------------------------------

void MapCanvas::setDocument(MapDocument* doc)
{
    if (m_document == doc)
        return;
    finishEditing(true);
    if (m_tool) {
        m_tool->cancel();
        m_tool.reset();
    }
    // Zoom and scroll belong to the map in view: the next map opens as it was last seen, or
    // at 100 % from its top left, never at the zoom another map was left at.
    if (m_document)
        m_views.insert(QString::fromStdString(m_document->map().id),
                       ViewState{m_zoom, horizontalScrollBar()->value(), verticalScrollBar()->value()});
    disconnect(m_documentDestroyed);
    m_document = doc;
    if (doc)
        m_documentDestroyed = connect(doc, &QObject::destroyed, this, [this] {
            // The scene must not keep items of a map that is gone.
            m_document = nullptr;
            finishEditing(false);
            m_tool.reset();
            m_scene->setDocument(nullptr);
        });
    m_scene->setDocument(doc);
    const ViewState view = doc ? m_views.value(QString::fromStdString(doc->map().id), ViewState{}) : ViewState{};
    setZoom(view.zoom);
    horizontalScrollBar()->setValue(view.h < 0 ? horizontalScrollBar()->minimum() : view.h);
    verticalScrollBar()->setValue(view.v < 0 ? verticalScrollBar()->minimum() : view.v);
    updateSticky();
    emit selectionChanged();
}

MapDocument* MapCanvas::document() const
{
    return m_document;
}

bool MapCanvas::editable() const
{
    return m_document && !m_document->readOnly();
}

const Map* MapCanvas::map() const
{
    return m_document ? &m_document->map() : nullptr;
}

void MapCanvas::afterDocumentChange()
{
    m_editing->documentChanged();
}

bool MapCanvas::isEditing() const
{
    return m_editing->isEditing();
}

void MapCanvas::finishEditing(bool commit)
{
    m_editing->finish(commit);
}

// ----- selection ----------------------------------------------------------------------------

QStringList MapCanvas::selectedStepIds() const
{
    return toQStringList(m_scene->selectedStepIds());
}

QStringList MapCanvas::selectedFlowIds() const
{
    return toQStringList(m_scene->selectedFlowIds());
}

void MapCanvas::selectOnly(const std::string& stepId)
{
    StepItem* item = m_scene->stepItem(stepId);
    if (!item)
        return;
    {
        const QSignalBlocker blocker(m_scene); // one selectionChanged, not two
        m_scene->clearSelection();
        item->setSelected(true);
    }
    emit selectionChanged();
    reveal(item->sceneRectOfStep());
}

void MapCanvas::selectStep(const QString& id, bool centre)
{
    selectOnly(toStd(id));
    if (StepItem* item = m_scene->stepItem(toStd(id)); item && centre)
        centerOn(item);
}

std::optional<std::string> MapCanvas::currentStep() const
{
    const auto ids = m_scene->selectedStepIds();
    if (ids.empty())
        return std::nullopt;
    return ids.front();
}

void MapCanvas::selectAll()
{
    finishEditing(true);
    const QSignalBlocker blocker(m_scene);
    for (QGraphicsItem* item : m_scene->items())
        if (item->type() == StepItem::Type || item->type() == FlowItem::Type)
            item->setSelected(true);
    emit selectionChanged();
}

// ----- zoom and sticky headers -----------------------------------------------------------

void MapCanvas::setZoom(double zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_zoom = zoom;
    m_scene->setHeaderScale(1.0 / zoom);
    setTransform(QTransform::fromScale(zoom, zoom));
    resetCachedContent(); // the grid's spacing depends on the zoom
    updateSticky();
    emit zoomChanged(zoomPercent());
}

int MapCanvas::zoomPercent() const
{
    return static_cast<int>(std::lround(m_zoom * 100));
}

void MapCanvas::setZoomPercent(int percent)
{
    setZoom(percent / 100.0);
}

void MapCanvas::zoomIn()
{
    const int now = zoomPercent();
    for (int level : kZoomLevels)
        if (level > now) {
            setZoomPercent(level);
            return;
        }
}

void MapCanvas::zoomOut()
{
    const int now = zoomPercent();
    for (auto it = kZoomLevels.rbegin(); it != kZoomLevels.rend(); ++it)
        if (*it < now) {
            setZoomPercent(*it);
            return;
        }
}

void MapCanvas::zoomReset()
{
    setZoom(1.0);
}

void MapCanvas::zoomToFit()
{
    // The headers keep their size on screen, so only the lanes' area scales to the room left.
    const QRectF bounds = m_scene->mapBounds();
    const qreal contentW = bounds.width() - m_scene->laneHeaderWidth() + 20;
    const qreal contentH = bounds.height() - m_scene->phaseHeaderHeight() + 20;
    const QSize size = viewport()->size();
    if (bounds.isEmpty() || size.width() <= kLaneHeaderWidth || size.height() <= kPhaseHeaderHeight)
        return;
    const double zoom = std::min({(size.width() - kLaneHeaderWidth) / contentW,
                                  (size.height() - kPhaseHeaderHeight) / contentH, 2.0});
    setZoom(zoom);
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
    updateSticky();
}

void MapCanvas::setGridVisible(bool visible)
{
    m_scene->setGridVisible(visible);
}

bool MapCanvas::gridVisible() const
{
    return m_scene->gridVisible();
}

void MapCanvas::setSnapEnabled(bool enabled)
{
    m_snap = enabled;
}

void MapCanvas::updateSticky()
{
    m_scene->setStickyOrigin(mapToScene(QPoint(0, 0)));
    // A phase scrolled half out of view keeps its name in the part still shown, right of
    // the sticky lane headers.
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    m_scene->setVisibleColumns(visible.left() + m_scene->laneHeaderWidth(), visible.right());
}

void MapCanvas::reveal(const QRectF& rect)
{
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const qreal margin = 24 / m_zoom;
    const QRectF usable = visible.adjusted(m_scene->laneHeaderWidth() + margin, m_scene->phaseHeaderHeight() + margin,
                                           -margin, -margin);
    qreal dx = 0;
    qreal dy = 0;
    if (rect.right() > usable.right())
        dx = rect.right() - usable.right();
    if (rect.left() - dx < usable.left())
        dx = rect.left() - usable.left();
    if (rect.bottom() > usable.bottom())
        dy = rect.bottom() - usable.bottom();
    if (rect.top() - dy < usable.top())
        dy = rect.top() - usable.top();
    if (dx != 0)
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(std::lround(dx * m_zoom)));
    if (dy != 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(std::lround(dy * m_zoom)));
}

void MapCanvas::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    updateSticky();
    // The scrolled pixels cannot be reused: the headers stay where they were on screen.
    viewport()->update();
}

void MapCanvas::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    updateSticky();
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        // Zoom around the mouse, like every drawing tool.
        const QPointF before = mapToScene(event->position().toPoint());
        const double factor = std::pow(1.0015, event->angleDelta().y());
        setZoom(m_zoom * factor);
        const QPointF after = mapToScene(event->position().toPoint());
        const QPointF shift = (after - before) * m_zoom;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - static_cast<int>(std::lround(shift.x())));
        verticalScrollBar()->setValue(verticalScrollBar()->value() - static_cast<int>(std::lround(shift.y())));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

// ----- keyboard -----------------------------------------------------------------------------

bool MapCanvas::focusNextPrevChild(bool next)
{
    Q_UNUSED(next)
    return false; // Tab belongs to the keyboard flow, never to focus changes
}

bool MapCanvas::event(QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
            // Handled here, before QWidget::event offers it to the focus chain.
            keyPressEvent(key);
            return true;
        }
    }
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool plain = (key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)) == 0;
        if (m_editing->isEditing() && (plain || key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut) ||
                         key->matches(QKeySequence::Paste) || key->matches(QKeySequence::SelectAll) ||
                         key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))) {
            // While typing a label, the window's shortcuts (Delete, Ctrl+A ...) must not fire.
            key->accept();
            return true;
        }
        if (!m_editing->isEditing() && plain &&
            (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace || key->key() == Qt::Key_Tab ||
             key->key() == Qt::Key_Backtab)) {
            key->accept();
            return true;
        }
    }
    return QGraphicsView::event(event);
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    const int key = event->key();
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (key == Qt::Key_Tab || key == Qt::Key_Backtab) {
        event->accept();
        const bool ctrl = event->modifiers() & Qt::ControlModifier;
        if (editable() && ctrl && (key == Qt::Key_Backtab || shift))
            addNextStepAbove();
        else if (editable())
            addNextStep(key == Qt::Key_Backtab || shift);
        return;
    }
    if (LabelEditor* editor = m_editing->editor()) {
        m_scene->sendEvent(editor, event); // keys go to the editor even when the scene is not active
        return;
    }
    if (key == Qt::Key_Escape) {
        if (m_tool) {
            m_tool->cancel();
            m_tool.reset();
            viewport()->unsetCursor();
        } else {
            m_scene->clearSelection();
        }
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    if (event->matches(QKeySequence::Cut)) {
        cutSelection();
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    if (key == Qt::Key_D && event->modifiers() == Qt::ControlModifier) {
        duplicateSelection();
        return;
    }
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_F2:
        editSelectedLabel();
        event->accept();
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        deleteSelection();
        event->accept();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (event->modifiers() == Qt::ControlModifier) // move the selection across lanes/phases
            moveSelectionBy(key == Qt::Key_Up ? -1 : key == Qt::Key_Down ? 1 : 0,
                            key == Qt::Key_Left ? -1 : key == Qt::Key_Right ? 1 : 0);
        else if (event->modifiers() == Qt::AltModifier && (key == Qt::Key_Left || key == Qt::Key_Right))
            selectNextFlow(key == Qt::Key_Right);
        else
            navigate(key);
        event->accept();
        return;
    case Qt::Key_L:
        if (event->modifiers() == Qt::ControlModifier) {
            chooseConnectionTarget();
            event->accept();
            return;
        }
        break;
    case Qt::Key_Menu:
    case Qt::Key_F10:
        // Qt 6.4 turns neither key into a context menu event itself except through some
        // platform plugins (xcb: the menu key only), so Shift+F10 did nothing on Linux.
        if (key == Qt::Key_Menu ? event->modifiers() == Qt::NoModifier : event->modifiers() == Qt::ShiftModifier) {
            QContextMenuEvent menu(QContextMenuEvent::Keyboard, selectionMenuPoint(),
                                   viewport()->mapToGlobal(selectionMenuPoint()));
            contextMenuEvent(&menu);
            event->accept();
            return;
        }
        break;
    case Qt::Key_K:
        if (event->modifiers() == Qt::ControlModifier && editable()) {
            m_contextMenu->showKindMenu(viewport()->mapToGlobal(selectionMenuPoint()));
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    // Typing on a selected step starts editing its label with what was typed, as in Visio.
    const QString text = event->text();
    if (editable() && !text.isEmpty() && text.at(0).isPrint() &&
        !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        const auto ids = m_scene->selectedStepIds();
        if (ids.size() == 1) {
            m_editing->editStep(ids.front(), text);
            event->accept();
            return;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void MapCanvas::navigate(int key)
{
    const Map* m = map();
    if (!m || m->steps.empty())
        return;
    const auto current = currentStep();
    if (!current) {
        // From a selected flow (just labelled, say), the arrows go to its ends: Right and Down
        // to where it leads, Left and Up to where it comes from.
        if (const auto flows = m_scene->selectedFlowIds(); !flows.empty())
            if (const Flow* f = m->flow(flows.front())) {
                selectOnly(key == Qt::Key_Right || key == Qt::Key_Down ? f->to : f->from);
                return;
            }
        selectOnly(navigation::startStep(*m));
        return;
    }
    const navigation::Direction direction = key == Qt::Key_Right ? navigation::Direction::Right
                                            : key == Qt::Key_Left ? navigation::Direction::Left
                                            : key == Qt::Key_Down ? navigation::Direction::Down
                                                                  : navigation::Direction::Up;
    if (const std::string target = navigation::neighbourStep(*m, *current, direction); !target.empty())
        selectOnly(target);
}

// ----- mouse --------------------------------------------------------------------------------

void MapCanvas::setTool(std::unique_ptr<CanvasTool> tool)
{
    m_tool = std::move(tool);
    if (m_tool)
        viewport()->setCursor(m_tool->cursor());
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = mapToScene(event->position().toPoint());
    if (LabelEditor* editor = m_editing->editor()) {
        if (editor->isVisible() && editor->sceneBoundingRect().contains(pos)) {
            QGraphicsView::mousePressEvent(event); // placing the cursor inside the editor
            return;
        }
        finishEditing(true);
    }
    setFocus(Qt::MouseFocusReason);
    if (m_document && (event->button() == Qt::LeftButton || event->button() == Qt::RightButton)) {
        // Badges sit on top of steps and headers: they take the click before what they mark.
        if (AnnotationBadgeItem* badge = m_scene->badgeAt(pos)) {
            clickBadge(*badge);
            event->accept();
            return;
        }
        // A note belongs to its step: clicking it selects the step.
        if (StickyNoteItem* note = m_scene->stickyNoteAt(pos)) {
            if (StepItem* step = m_scene->stepItem(note->note().step); step && !step->isSelected())
                selectOnly(step->id());
            event->accept();
            return;
        }
        if (event->button() == Qt::LeftButton)
            m_scene->setCurrentAnnotation({});
    }
    if (event->button() != Qt::LeftButton || !m_document) {
        if (event->button() == Qt::RightButton) {
            // Right-click selects what it is on first, as the context menu acts on the selection.
            if (StepItem* step = m_scene->stepItemAt(pos); step && !step->isSelected())
                selectOnly(step->id());
            event->accept();
            return;
        }
        QGraphicsView::mousePressEvent(event);
        return;
    }
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const qreal slack = kBorderHitSlack / m_zoom;

    if (LaneHeaderItem* header = m_scene->laneHeaderAt(pos)) {
        if (!editable())
            return;
        if (auto border = m_scene->laneBorderAt(pos, slack))
            setTool(std::make_unique<ResizeTool>(*m_scene, ResizeTool::Target::Lane, *border, pos));
        else
            setTool(std::make_unique<ReorderTool>(*m_scene, ReorderTool::Target::Lane, header->id(), pos));
        return;
    }
    if (PhaseHeaderItem* header = m_scene->phaseHeaderAt(pos)) {
        if (!editable())
            return;
        if (auto border = m_scene->phaseBorderAt(pos, slack))
            setTool(std::make_unique<ResizeTool>(*m_scene, ResizeTool::Target::Phase, *border, pos));
        else
            setTool(std::make_unique<ReorderTool>(*m_scene, ReorderTool::Target::Phase, header->id(), pos));
        return;
    }
    if (pos.x() < m_scene->laneHeaderX() + m_scene->laneHeaderWidth() ||
        pos.y() < m_scene->phaseHeaderY() + m_scene->phaseHeaderHeight())
        return; // the corner, or the header strip where there are no lanes or phases yet

    if (StepItem* step = m_scene->stepItemAt(pos)) {
        if (editable() && !ctrl && step->resizeGripAt(pos)) {
            setTool(std::make_unique<StepResizeTool>(*m_scene, step->id(), pos, m_snap));
            return;
        }
        if (auto side = step->handleAt(pos); side && editable() && !ctrl) {
            setTool(std::make_unique<ConnectTool>(*m_scene, step->id(), step->handleScenePos(*side), m_snap,
                                                  [this](const std::string& id) {
                                                      selectOnly(id);
                                                      m_editing->editStep(id);
                                                  }));
            return;
        }
        if (ctrl) {
            step->setSelected(!step->isSelected());
            return;
        }
        if (!step->isSelected())
            selectOnly(step->id());
        if (editable())
            setTool(std::make_unique<MoveStepsTool>(*m_scene, pos, m_snap));
        return;
    }
    if (FlowItem* flow = m_scene->flowItemAt(pos)) {
        if (ctrl) {
            flow->setSelected(!flow->isSelected());
        } else if (!flow->isSelected()) {
            const QSignalBlocker blocker(m_scene);
            m_scene->clearSelection();
            flow->setSelected(true);
        }
        emit selectionChanged();
        return;
    }
    if (editable() && m_scene->inLaneArea(pos)) {
        if (auto border = m_scene->laneBorderAt(pos, slack)) {
            setTool(std::make_unique<ResizeTool>(*m_scene, ResizeTool::Target::Lane, *border, pos));
            return;
        }
        if (auto border = m_scene->phaseBorderAt(pos, slack)) {
            setTool(std::make_unique<ResizeTool>(*m_scene, ResizeTool::Target::Phase, *border, pos));
            return;
        }
    }
    QGraphicsView::mousePressEvent(event); // rubber band, or a click on nothing clears the selection
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = mapToScene(event->position().toPoint());
    if (m_tool) {
        m_tool->move(pos, event->modifiers());
        viewport()->setCursor(m_tool->cursor());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton)
        updateHoverCursor(pos);
}

void MapCanvas::updateHoverCursor(const QPointF& pos)
{
    if (m_document && m_scene->badgeAt(pos)) {
        viewport()->setCursor(Qt::PointingHandCursor);
        return;
    }
    if (!editable()) {
        viewport()->unsetCursor();
        return;
    }
    const qreal slack = kBorderHitSlack / m_zoom;
    Qt::CursorShape shape = Qt::ArrowCursor;
    const bool onLaneHeader = m_scene->laneHeaderAt(pos) != nullptr;
    const bool onPhaseHeader = m_scene->phaseHeaderAt(pos) != nullptr;
    StepItem* step = (onLaneHeader || onPhaseHeader) ? nullptr : m_scene->stepItemAt(pos);
    if (step) {
        shape = step->resizeGripAt(pos) ? Qt::SizeFDiagCursor
                : step->handleAt(pos)   ? Qt::CrossCursor
                                        : Qt::SizeAllCursor;
    } else if (onLaneHeader) {
        shape = m_scene->laneBorderAt(pos, slack) ? Qt::SizeVerCursor : Qt::OpenHandCursor;
    } else if (onPhaseHeader) {
        shape = m_scene->phaseBorderAt(pos, slack) ? Qt::SizeHorCursor : Qt::OpenHandCursor;
    } else if (m_scene->inLaneArea(pos) && !m_scene->flowItemAt(pos)) {
        if (m_scene->laneBorderAt(pos, slack))
            shape = Qt::SizeVerCursor;
        else if (m_scene->phaseBorderAt(pos, slack))
            shape = Qt::SizeHorCursor;
    }
    viewport()->setCursor(shape);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_tool) {
        // Released before the edit is pushed: the push may rebuild what the tool looks at.
        std::unique_ptr<CanvasTool> tool = std::move(m_tool);
        tool->release(mapToScene(event->position().toPoint()), event->modifiers());
        viewport()->unsetCursor();
        if (dynamic_cast<MoveStepsTool*>(tool.get())) {
            // Dropped over the sticky lane or phase headers, a step lands in the map scrolled
            // behind them: the view follows it, as it does for the keyboard's moves.
            QRectF moved;
            for (const std::string& id : m_scene->selectedStepIds())
                if (StepItem* item = m_scene->stepItem(id))
                    moved = moved.united(item->sceneRectOfStep());
            if (!moved.isEmpty())
                reveal(moved);
        }
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_tool) {
        m_tool->cancel();
        m_tool.reset();
    }
    const QPointF pos = mapToScene(event->position().toPoint());
    if (LabelEditor* editor = m_editing->editor();
        editor && editor->isVisible() && editor->sceneBoundingRect().contains(pos)) {
        QGraphicsView::mouseDoubleClickEvent(event); // selects a word in the editor
        return;
    }
    if (event->button() != Qt::LeftButton || !editable())
        return;
    if (AnnotationBadgeItem* badge = m_scene->badgeAt(pos)) {
        editAnnotationText(QString::fromStdString(badge->annotationId()));
        return;
    }
    if (StickyNoteItem* note = m_scene->stickyNoteAt(pos)) {
        editStickyNote(QString::fromStdString(note->noteId()));
        return;
    }
    if (LaneHeaderItem* header = m_scene->laneHeaderAt(pos)) {
        renameLane(QString::fromStdString(header->id()));
        return;
    }
    if (PhaseHeaderItem* header = m_scene->phaseHeaderAt(pos)) {
        renamePhase(QString::fromStdString(header->id()));
        return;
    }
    if (StepItem* step = m_scene->stepItemAt(pos)) {
        selectOnly(step->id());
        m_editing->editStep(step->id());
        return;
    }
    if (FlowItem* flow = m_scene->flowItemAt(pos)) {
        editFlowLabel(QString::fromStdString(flow->id()));
        return;
    }
    if (m_scene->inLaneArea(pos))
        createStepAt(pos, StepKind::Activity);
}

// ----- context menus ----------------------------------------------------------------------------

void MapCanvas::contextMenuEvent(QContextMenuEvent* event)
{
    if (!editable())
        return;
    finishEditing(true);
    // From the keyboard (the menu key, Shift+F10) the menu is the selection's, shown at it.
    const QPoint pos = event->reason() == QContextMenuEvent::Keyboard ? selectionMenuPoint() : event->pos();
    const QPoint global = event->reason() == QContextMenuEvent::Keyboard ? viewport()->mapToGlobal(pos)
                                                                         : event->globalPos();
    m_contextMenu->exec(mapToScene(pos), global);
    event->accept();
}

} // namespace crosswalk
