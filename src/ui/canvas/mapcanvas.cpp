#include "ui/canvas/mapcanvas.h"

#include "crosswalk/layout/layout.h"
#include "ui/canvas/annotationbadgeitem.h"
#include "ui/canvas/canvasedits.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/common/strings.h"
#include "ui/canvas/connecttool.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/labeleditor.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/mapclipboard.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/movestepstool.h"
#include "ui/canvas/phaseheaderitem.h"
#include "ui/canvas/reordertool.h"
#include "ui/canvas/resizetool.h"
#include "ui/canvas/stepresizetool.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stepshape.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationtext.h"

#include <QApplication>
#include <QClipboard>
#include <QColorDialog>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollBar>
#include <QTextCursor>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

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

MapCanvas::MapCanvas(QWidget* parent) : QGraphicsView(parent), m_scene(new MapScene(this))
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
    if (m_editor) {
        delete m_editor;
        m_editor = nullptr;
    }
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
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
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
    // An undo can take away what is being edited.
    if (!m_editor || m_finishing)
        return;
    const Map* m = map();
    const std::string& id = m_editTarget.id;
    const bool gone = !m || (m_editTarget.kind == EditTarget::Kind::Step && !m->step(id)) ||
                      (m_editTarget.kind == EditTarget::Kind::Flow && !m->flow(id)) ||
                      (m_editTarget.kind == EditTarget::Kind::Lane && !m->lane(id)) ||
                      (m_editTarget.kind == EditTarget::Kind::Phase && !m->phase(id)) ||
                      (m_editTarget.kind == EditTarget::Kind::Annotation && !m->annotation(id));
    if (gone)
        finishEditing(false);
    else
        setTargetEditing(m_editTarget, true);
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
    const QRectF bounds = m_scene->mapBounds().adjusted(0, 0, 20, 20);
    const QSize size = viewport()->size();
    if (bounds.isEmpty() || size.isEmpty())
        return;
    const double zoom = std::min({size.width() / bounds.width(), size.height() / bounds.height(), 2.0});
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
}

void MapCanvas::reveal(const QRectF& rect)
{
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const qreal margin = 24 / m_zoom;
    const QRectF usable = visible.adjusted(kLaneHeaderWidth + margin, kPhaseHeaderHeight + margin, -margin, -margin);
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
        if (m_editor && (plain || key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut) ||
                         key->matches(QKeySequence::Paste) || key->matches(QKeySequence::SelectAll) ||
                         key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))) {
            // While typing a label, the window's shortcuts (Delete, Ctrl+A ...) must not fire.
            key->accept();
            return true;
        }
        if (!m_editor && plain &&
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
        if (editable())
            addNextStep(key == Qt::Key_Backtab || shift);
        return;
    }
    if (m_editor) {
        m_scene->sendEvent(m_editor, event); // keys go to the editor even when the scene is not active
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
        navigate(key);
        event->accept();
        return;
    default:
        break;
    }
    // Typing on a selected step starts editing its label with what was typed, as in Visio.
    const QString text = event->text();
    if (editable() && !text.isEmpty() && text.at(0).isPrint() &&
        !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        const auto ids = m_scene->selectedStepIds();
        if (ids.size() == 1) {
            editStepLabel(ids.front(), text);
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
        // Nothing selected: start where the process starts, top left.
        const Step* first = nullptr;
        for (const Step& s : m->steps) {
            const auto lane = m->laneIndex(s.lane).value_or(0);
            if (!first || lane < m->laneIndex(first->lane).value_or(0) ||
                (lane == m->laneIndex(first->lane).value_or(0) && s.x < first->x))
                first = &s;
        }
        selectOnly(first->id);
        return;
    }
    const Step* from = m->step(*current);
    if (!from)
        return;
    std::string target;
    if (key == Qt::Key_Right || key == Qt::Key_Left) {
        const bool forward = key == Qt::Key_Right;
        for (const Flow& f : m->flows)
            if (forward ? f.from == from->id : f.to == from->id) {
                target = forward ? f.to : f.from;
                break;
            }
        if (target.empty()) {
            // No flow that way: the nearest step in the same lane in that direction.
            int best = std::numeric_limits<int>::max();
            for (const Step& s : m->steps)
                if (s.lane == from->lane && s.id != from->id) {
                    const int d = forward ? s.x - from->x : from->x - s.x;
                    if (d > 0 && d < best) {
                        best = d;
                        target = s.id;
                    }
                }
        }
    } else {
        const auto laneIndex = m->laneIndex(from->lane);
        if (!laneIndex)
            return;
        const int dir = key == Qt::Key_Down ? 1 : -1;
        const int centre = from->x + from->w / 2;
        // The nearest lane in that direction that has steps, and in it the step nearest in x.
        for (int i = static_cast<int>(*laneIndex) + dir; i >= 0 && i < static_cast<int>(m->lanes.size()); i += dir) {
            int best = std::numeric_limits<int>::max();
            for (const Step& s : m->steps)
                if (s.lane == m->lanes[static_cast<std::size_t>(i)].id) {
                    const int d = std::abs(s.x + s.w / 2 - centre);
                    if (d < best) {
                        best = d;
                        target = s.id;
                    }
                }
            if (!target.empty())
                break;
        }
    }
    if (!target.empty())
        selectOnly(target);
}

// ----- step commands ------------------------------------------------------------------------

bool MapCanvas::pushAndEdit(const Batch& batch, const std::string& newStepId)
{
    if (!m_document || batch.edits.empty())
        return false;
    if (!m_document->push(batch, QString::fromStdString(batch.name)))
        return false;
    selectOnly(newStepId);
    editStepLabel(newStepId);
    return true;
}

void MapCanvas::addStep(StepKind kind)
{
    if (!editable())
        return;
    finishEditing(true);
    const Map& m = *map();
    std::string id;
    const auto ids = m_scene->selectedStepIds();
    if (ids.size() == 1 && m.step(ids.front())) {
        pushAndEdit(canvasedits::nextStep(m, *m.step(ids.front()), false, kind, &id), id);
    } else {
        if (m.lanes.empty())
            addLane(0); // a step needs a lane: give it one the team can name afterwards
        finishEditing(true);
        pushAndEdit(canvasedits::firstStep(*map(), kind, &id), id);
    }
}

void MapCanvas::addNextStep(bool below)
{
    if (!editable())
        return;
    // Tab while typing a label keeps the label and moves on: the heart of the keyboard flow.
    std::optional<std::string> from;
    if (m_editor && m_editTarget.kind == EditTarget::Kind::Step)
        from = m_editTarget.id;
    finishEditing(true);
    if (!from)
        from = currentStep();
    const Map& m = *map();
    if (!from || !m.step(*from)) {
        addStep(StepKind::Activity);
        return;
    }
    std::string id;
    pushAndEdit(canvasedits::nextStep(m, *m.step(*from), below, StepKind::Activity, &id), id);
}

void MapCanvas::createStepAt(const QPointF& scenePos, StepKind kind)
{
    if (!editable())
        return;
    const Map& m = *map();
    const std::string lane = layout::laneAt(m, static_cast<int>(std::lround(scenePos.y())));
    if (lane.empty())
        return;
    Step step = canvasedits::newStep(m, lane, 0, 0, kind);
    int x = static_cast<int>(std::lround(scenePos.x())) - step.w / 2;
    int y = static_cast<int>(std::lround(scenePos.y())) - layout::laneTop(m, lane) - step.h / 2;
    if (m_snap) {
        x = layout::snap(x);
        y = layout::snap(y);
    }
    step.x = std::max(0, x);
    step.y = std::max(0, y);
    step.phase = layout::phaseAt(m, step.x + step.w / 2);
    const std::string id = step.id;
    pushAndEdit(canvasedits::withRoomToFit(m, "Add step", {AddStep{step, std::nullopt}}), id);
}

void MapCanvas::deleteSelection()
{
    if (!editable() || m_editor)
        return;
    const auto steps = m_scene->selectedStepIds();
    const auto flows = m_scene->selectedFlowIds();
    const Batch batch = canvasedits::removal(*map(), steps, flows);
    if (!batch.edits.empty())
        m_document->push(batch, QString::fromStdString(batch.name));
}

void MapCanvas::editSelectedLabel()
{
    if (!editable())
        return;
    if (const auto step = currentStep()) {
        editStepLabel(*step);
        return;
    }
    const auto flows = m_scene->selectedFlowIds();
    if (!flows.empty())
        editFlowLabel(QString::fromStdString(flows.front()));
}

// ----- clipboard ----------------------------------------------------------------------------

void MapCanvas::copySelection()
{
    const Map* m = map();
    if (!m)
        return;
    const auto ids = m_scene->selectedStepIds();
    if (ids.empty())
        return;
    const Map fragment = MapClipboard::fragment(*m, ids);
    m_internalClipboard = fragment;
    if (QClipboard* clipboard = QApplication::clipboard()) {
        try {
            clipboard->setMimeData(MapClipboard::toMimeData(fragment));
        } catch (const std::exception&) {
            // The internal copy still pastes within this session.
        }
    }
}

void MapCanvas::cutSelection()
{
    copySelection();
    deleteSelection();
}

void MapCanvas::paste()
{
    if (!editable())
        return;
    finishEditing(true);
    std::optional<Map> fragment;
    if (QClipboard* clipboard = QApplication::clipboard())
        fragment = MapClipboard::fromMimeData(clipboard->mimeData());
    if (!fragment)
        fragment = m_internalClipboard;
    if (fragment)
        pasteFragment(*fragment, true);
}

void MapCanvas::duplicateSelection()
{
    const Map* m = map();
    if (!m || !editable())
        return;
    finishEditing(true);
    const auto ids = m_scene->selectedStepIds();
    if (!ids.empty())
        pasteFragment(MapClipboard::fragment(*m, ids), true);
}

void MapCanvas::pasteFragment(const Map& fragment, bool offset)
{
    const Map& m = *map();
    if (m.lanes.empty())
        return;
    std::string fallbackLane = m.lanes.front().id;
    if (const auto current = currentStep(); current && m.step(*current))
        fallbackLane = m.step(*current)->lane;
    // Pasted where the originals still are, the copies go down and right so both stay visible.
    bool originalsHere = false;
    for (const Step& s : fragment.steps)
        originalsHere = originalsHere || m.step(s.id);
    std::vector<std::string> newIds;
    const Batch batch =
        MapClipboard::pasteBatch(m, fragment, fallbackLane, offset && originalsHere ? 30 : 0, &newIds);
    if (newIds.empty() || !m_document->push(batch, QString::fromStdString(batch.name)))
        return;
    {
        const QSignalBlocker blocker(m_scene);
        m_scene->clearSelection();
        for (const std::string& id : newIds)
            if (StepItem* item = m_scene->stepItem(id))
                item->setSelected(true);
    }
    emit selectionChanged();
}

// ----- lanes and phases ---------------------------------------------------------------------

void MapCanvas::addLane(std::size_t index)
{
    if (!editable())
        return;
    finishEditing(true);
    const Map& m = *map();
    Lane lane;
    lane.id = newId("l-");
    lane.name = "New lane";
    lane.color = softPalette()[m.lanes.size() % 8].name().toUpper().toStdString();
    index = std::min(index, m.lanes.size());
    if (m_document->push(AddLane{lane, index}, QStringLiteral("Add lane")))
        renameLane(QString::fromStdString(lane.id));
}

void MapCanvas::addPhase(std::size_t index)
{
    if (!editable())
        return;
    finishEditing(true);
    const Map& m = *map();
    Phase phase;
    phase.id = newId("p-");
    phase.name = "New phase";
    index = std::min(index, m.phases.size());
    if (m_document->push(AddPhase{phase, index}, QStringLiteral("Add phase")))
        renamePhase(QString::fromStdString(phase.id));
}

void MapCanvas::renameLane(const QString& id)
{
    const Map* m = map();
    LaneHeaderItem* header = m_scene->laneHeader(toStd(id));
    if (!editable() || !header || !m->lane(toStd(id)))
        return;
    beginEditing({EditTarget::Kind::Lane, toStd(id)}, QString::fromStdString(m->lane(toStd(id))->name),
                 header->nameSceneRect(), kLaneNamePx, true, false, false);
}

void MapCanvas::renamePhase(const QString& id)
{
    const Map* m = map();
    PhaseHeaderItem* header = m_scene->phaseHeader(toStd(id));
    if (!editable() || !header || !m->phase(toStd(id)))
        return;
    beginEditing({EditTarget::Kind::Phase, toStd(id)}, QString::fromStdString(m->phase(toStd(id))->name),
                 header->nameSceneRect(), kPhaseNamePx, true, false, true);
}

void MapCanvas::recolourLane(const QString& id, const QColor& colour)
{
    if (editable() && colour.isValid() && map()->lane(toStd(id)))
        m_document->push(RecolourLane{toStd(id), colour.name().toUpper().toStdString()},
                         QStringLiteral("Recolour lane"));
}

void MapCanvas::recolourPhase(const QString& id, const QColor& colour)
{
    if (editable() && colour.isValid() && map()->phase(toStd(id)))
        m_document->push(RecolourPhase{toStd(id), colour.name().toUpper().toStdString()},
                         QStringLiteral("Recolour phase"));
}

void MapCanvas::deleteLane(const QString& id, bool confirm)
{
    if (!editable())
        return;
    finishEditing(true);
    const Map& m = *map();
    const Lane* lane = m.lane(toStd(id));
    if (!lane)
        return;
    const auto count = std::count_if(m.steps.begin(), m.steps.end(), [&](const Step& s) { return s.lane == lane->id; });
    if (confirm && count > 0 &&
        QMessageBox::question(this, tr("Delete lane"),
                              tr("Delete the lane \"%1\" and its %n step(s)? You can undo this.", nullptr,
                                 static_cast<int>(count))
                                  .arg(QString::fromStdString(lane->name))) != QMessageBox::Yes)
        return;
    m_document->push(RemoveLane{lane->id}, QStringLiteral("Delete lane"));
}

void MapCanvas::deletePhase(const QString& id, bool confirm)
{
    if (!editable())
        return;
    finishEditing(true);
    const Map& m = *map();
    const Phase* phase = m.phase(toStd(id));
    if (!phase)
        return;
    const auto count =
        std::count_if(m.steps.begin(), m.steps.end(), [&](const Step& s) { return s.phase == phase->id; });
    if (confirm && count > 0 &&
        QMessageBox::question(this, tr("Delete phase"),
                              tr("Delete the phase \"%1\" and its %n step(s)? You can undo this.", nullptr,
                                 static_cast<int>(count))
                                  .arg(QString::fromStdString(phase->name))) != QMessageBox::Yes)
        return;
    m_document->push(RemovePhase{phase->id}, QStringLiteral("Delete phase"));
}

// ----- in-place editing -----------------------------------------------------------------------

void MapCanvas::editStepLabel(const std::string& id, const std::optional<QString>& initialText)
{
    const Map* m = map();
    StepItem* item = m_scene->stepItem(id);
    if (!editable() || !item || !m->step(id))
        return;
    const Step& step = *m->step(id);
    QRectF area = StepShape::labelRect(step.kind, item->sceneRectOfStep());
    if (area.width() < 140) // diamonds and small steps: room to see what is typed
        area.adjust(-(140 - area.width()) / 2, 0, (140 - area.width()) / 2, 0);
    beginEditing({EditTarget::Kind::Step, id}, initialText.value_or(QString::fromStdString(step.label)), area,
                 kLabelPx, false, true, true);
    if (initialText && m_editor) {
        QTextCursor cursor = m_editor->textCursor();
        cursor.movePosition(QTextCursor::End);
        m_editor->setTextCursor(cursor);
    }
}

void MapCanvas::editFlowLabel(const QString& id)
{
    const Map* m = map();
    FlowItem* item = m_scene->flowItem(toStd(id));
    if (!editable() || !item || !m->flow(toStd(id)))
        return;
    QRectF area(0, 0, 150, 24);
    area.moveCenter(item->labelAnchor());
    beginEditing({EditTarget::Kind::Flow, toStd(id)}, QString::fromStdString(m->flow(toStd(id))->label), area,
                 kFlowLabelPx, false, false, true);
}

void MapCanvas::setTargetEditing(const EditTarget& target, bool editing)
{
    switch (target.kind) {
    case EditTarget::Kind::Step:
        if (StepItem* item = m_scene->stepItem(target.id))
            item->setEditing(editing);
        break;
    case EditTarget::Kind::Flow:
        if (FlowItem* item = m_scene->flowItem(target.id))
            item->setEditing(editing);
        break;
    case EditTarget::Kind::Lane:
        if (LaneHeaderItem* item = m_scene->laneHeader(target.id))
            item->setEditing(editing);
        break;
    case EditTarget::Kind::Phase:
        if (PhaseHeaderItem* item = m_scene->phaseHeader(target.id))
            item->setEditing(editing);
        break;
    case EditTarget::Kind::Annotation:
        break; // the badge stays in view: the editor opens under it
    case EditTarget::Kind::NewStickyNote:
        break;
    case EditTarget::Kind::StickyNote:
        if (StickyNoteItem* item = m_scene->stickyNoteItem(target.id))
            item->setEditing(editing);
        break;
    }
}

void MapCanvas::beginEditing(EditTarget target, const QString& text, const QRectF& area, int pixelSize, bool bold,
                             bool multiLine, bool centred)
{
    finishEditing(true);
    m_editor = new LabelEditor(text, area, pixelFont(pixelSize, bold), multiLine, centred);
    m_editTarget = std::move(target);
    m_scene->addItem(m_editor);
    setTargetEditing(m_editTarget, true);
    connect(m_editor, &LabelEditor::commitRequested, this, [this] { finishEditing(true); });
    connect(m_editor, &LabelEditor::cancelRequested, this, [this] { finishEditing(false); });
    m_editor->selectAllText();
    setFocus(Qt::OtherFocusReason);
    m_scene->setFocusItem(m_editor, Qt::OtherFocusReason);
    reveal(m_editor->sceneBoundingRect());
}

void MapCanvas::finishEditing(bool commit)
{
    if (!m_editor || m_finishing)
        return;
    m_finishing = true;
    LabelEditor* editor = m_editor;
    m_editor = nullptr;
    const EditTarget target = m_editTarget;
    const QString text = editor->text().trimmed();
    setTargetEditing(target, false);
    editor->clearFocus();
    editor->hide();
    editor->deleteLater(); // we may be inside one of its own key handlers

    const Map* m = map();
    if (commit && m && editable()) {
        const std::string value = text.toStdString();
        switch (target.kind) {
        case EditTarget::Kind::Step:
            if (const Step* s = m->step(target.id); s && s->label != value) {
                Step changed = *s;
                changed.label = value;
                m_document->push(UpdateStep{changed}, QStringLiteral("Edit label"));
            }
            break;
        case EditTarget::Kind::Flow:
            if (const Flow* f = m->flow(target.id); f && f->label != value)
                m_document->push(RelabelFlow{target.id, value}, QStringLiteral("Edit flow label"));
            break;
        case EditTarget::Kind::Lane:
            if (const Lane* l = m->lane(target.id); l && !value.empty() && l->name != value)
                m_document->push(RenameLane{target.id, value}, QStringLiteral("Rename lane"));
            break;
        case EditTarget::Kind::Phase:
            if (const Phase* p = m->phase(target.id); p && !value.empty() && p->name != value)
                m_document->push(RenamePhase{target.id, value}, QStringLiteral("Rename phase"));
            break;
        case EditTarget::Kind::Annotation:
            if (const Annotation* a = m->annotation(target.id); a && a->text != value) {
                Annotation changed = *a;
                changed.text = value;
                m_document->push(UpdateAnnotation{changed}, QStringLiteral("Edit annotation text"));
            }
            break;
        case EditTarget::Kind::NewStickyNote:
        case EditTarget::Kind::StickyNote:
            commitStickyNote(target, value);
            break;
        }
    }
    m_finishing = false;
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
    if (m_editor) {
        if (m_editor->isVisible() && m_editor->sceneBoundingRect().contains(pos)) {
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
    if (pos.x() < m_scene->laneHeaderX() + kLaneHeaderWidth || pos.y() < m_scene->phaseHeaderY() + kPhaseHeaderHeight)
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
                                                      editStepLabel(id);
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
    if (m_editor && m_editor->isVisible() && m_editor->sceneBoundingRect().contains(pos)) {
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
        editStepLabel(step->id());
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
    const QPointF pos = mapToScene(event->pos());
    if (AnnotationBadgeItem* badge = m_scene->badgeAt(pos))
        showBadgeMenu(badge->annotationId(), event->globalPos());
    else if (StickyNoteItem* note = m_scene->stickyNoteAt(pos))
        showNoteMenu(note->noteId(), event->globalPos());
    else if (LaneHeaderItem* laneHeader = m_scene->laneHeaderAt(pos))
        showLaneMenu(laneHeader->id(), event->globalPos());
    else if (PhaseHeaderItem* phaseHeader = m_scene->phaseHeaderAt(pos))
        showPhaseMenu(phaseHeader->id(), event->globalPos());
    else if (StepItem* step = m_scene->stepItemAt(pos))
        showStepMenu(step->id(), event->globalPos());
    else if (FlowItem* flow = m_scene->flowItemAt(pos))
        showFlowMenu(flow->id(), event->globalPos());
    else
        showEmptyMenu(pos, event->globalPos());
    event->accept();
}

static void addColourMenu(QMenu& menu, QWidget* parent, const std::function<void(const QColor&)>& apply)
{
    QMenu* colours = menu.addMenu(QObject::tr("Colour"));
    for (std::size_t i = 0; i < softPalette().size(); ++i) {
        QPixmap swatch(16, 16);
        swatch.fill(softPalette()[i]);
        const QColor colour = softPalette()[i];
        colours->addAction(QIcon(swatch), softPaletteNames()[i], [apply, colour] { apply(colour); });
    }
    colours->addSeparator();
    colours->addAction(QObject::tr("Other colour..."), [parent, apply] {
        const QColor colour = QColorDialog::getColor(Qt::white, parent, QObject::tr("Lane colour"));
        if (colour.isValid())
            apply(colour);
    });
}

void MapCanvas::showLaneMenu(const std::string& laneId, const QPoint& globalPos)
{
    const Map& m = *map();
    const std::size_t index = m.laneIndex(laneId).value_or(0);
    const QString id = QString::fromStdString(laneId);
    QMenu menu(this);
    menu.addAction(tr("Rename lane"), [this, id] { renameLane(id); });
    addColourMenu(menu, this, [this, id](const QColor& c) { recolourLane(id, c); });
    addAnnotationMenu(menu, {laneId});
    menu.addSeparator();
    menu.addAction(tr("Add lane above"), [this, index] { addLane(index); });
    menu.addAction(tr("Add lane below"), [this, index] { addLane(index + 1); });
    menu.addSeparator();
    menu.addAction(tr("Delete lane..."), [this, id] { deleteLane(id); });
    menu.exec(globalPos);
}

void MapCanvas::showPhaseMenu(const std::string& phaseId, const QPoint& globalPos)
{
    const Map& m = *map();
    const std::size_t index = m.phaseIndex(phaseId).value_or(0);
    const QString id = QString::fromStdString(phaseId);
    QMenu menu(this);
    menu.addAction(tr("Rename phase"), [this, id] { renamePhase(id); });
    addColourMenu(menu, this, [this, id](const QColor& c) { recolourPhase(id, c); });
    menu.addSeparator();
    menu.addAction(tr("Add phase before"), [this, index] { addPhase(index); });
    menu.addAction(tr("Add phase after"), [this, index] { addPhase(index + 1); });
    menu.addSeparator();
    menu.addAction(tr("Delete phase..."), [this, id] { deletePhase(id); });
    menu.exec(globalPos);
}

void MapCanvas::showStepMenu(const std::string& stepId, const QPoint& globalPos)
{
    QMenu menu(this);
    menu.addAction(tr("Edit label"), [this, stepId] { editStepLabel(stepId); })->setShortcut(Qt::Key_F2);
    QMenu* kinds = menu.addMenu(tr("Change kind"));
    for (StepKind kind : kAllStepKinds)
        kinds->addAction(toQString(displayName(kind)),
                         [this, kind] {
                             const Map& m = *map();
                             std::vector<Edit> edits;
                             for (const std::string& id : m_scene->selectedStepIds())
                                 if (const Step* s = m.step(id); s && s->kind != kind) {
                                     Step changed = *s;
                                     changed.kind = kind;
                                     edits.push_back(UpdateStep{changed});
                                 }
                             if (!edits.empty())
                                 m_document->push(Batch{"Change step kind", std::move(edits)},
                                                  tr("Change step kind"));
                         });
    {
        // On every selected step when the clicked one is among them, as "Change kind" does.
        std::vector<std::string> targets = m_scene->selectedStepIds();
        if (std::find(targets.begin(), targets.end(), stepId) == targets.end())
            targets = {stepId};
        addAnnotationMenu(menu, targets);
    }
    addFacilitationMenu(menu, stepId);
    menu.addSeparator();
    menu.addAction(tr("Add next step"), [this] { addNextStep(false); })->setShortcut(Qt::Key_Tab);
    menu.addAction(tr("Add step in lane below"), [this] { addNextStep(true); })
        ->setShortcut(Qt::SHIFT | Qt::Key_Tab);
    menu.addAction(tr("Duplicate"), [this] { duplicateSelection(); })->setShortcut(Qt::CTRL | Qt::Key_D);
    menu.addAction(tr("Copy"), [this] { copySelection(); })->setShortcut(QKeySequence::Copy);
    menu.addSeparator();
    menu.addAction(tr("Delete"), [this] { deleteSelection(); })->setShortcut(QKeySequence::Delete);
    menu.exec(globalPos);
}

void MapCanvas::showFlowMenu(const std::string& flowId, const QPoint& globalPos)
{
    const QString id = QString::fromStdString(flowId);
    QMenu menu(this);
    menu.addAction(tr("Edit label"), [this, id] { editFlowLabel(id); });
    addAnnotationMenu(menu, {flowId});
    menu.addSeparator();
    menu.addAction(tr("Delete flow"), [this, flowId] {
        if (editable() && map()->flow(flowId))
            m_document->push(RemoveFlow{flowId}, tr("Delete flow"));
    });
    menu.exec(globalPos);
}

void MapCanvas::showEmptyMenu(const QPointF& scenePos, const QPoint& globalPos)
{
    const Map& m = *map();
    QMenu menu(this);
    if (m_scene->inLaneArea(scenePos)) {
        QMenu* add = menu.addMenu(tr("Add step here"));
        for (StepKind kind : kAllStepKinds)
            add->addAction(toQString(displayName(kind)),
                           [this, scenePos, kind] { createStepAt(scenePos, kind); });
        menu.addAction(tr("Paste"), [this] { paste(); })->setShortcut(QKeySequence::Paste);
        menu.addSeparator();
    }
    menu.addAction(tr("Add lane"), [this, n = m.lanes.size()] { addLane(n); });
    menu.addAction(tr("Add phase"), [this, n = m.phases.size()] { addPhase(n); });
    menu.addSeparator();
    addAnnotationMenu(menu, {std::string()}); // empty space: the annotation is on the whole map
    menu.exec(globalPos);
}

void MapCanvas::addAnnotationMenu(QMenu& menu, const std::vector<std::string>& targets)
{
    QMenu* add = menu.addMenu(targets.size() == 1 && targets.front().empty() ? tr("Add annotation to the map")
                                                                            : tr("Add annotation"));
    for (const KindChoice& choice : kindChoices())
        add->addAction(annotationIcon(choice.kind, choice.horizon, choice.variation), kindChoiceText(choice),
                       [this, targets, choice] {
                           addAnnotationTo(targets, choice.kind, choice.variation, choice.horizon);
                       });
}

void MapCanvas::showBadgeMenu(const std::string& annotationId, const QPoint& globalPos)
{
    const Annotation* a = map()->annotation(annotationId);
    if (!a)
        return;
    const Annotation current = *a;
    const QString id = QString::fromStdString(annotationId);
    QMenu menu(this);
    menu.addAction(tr("Edit text"), [this, id] { editAnnotationText(id); });
    if (current.kind == AnnotationKind::Variation) {
        menu.addSeparator();
        for (Variation v : {Variation::Intentional, Variation::Unintentional}) {
            QAction* action = menu.addAction(v == Variation::Intentional ? tr("Intentional") : tr("Unintentional"),
                                             [this, current, v] {
                                                 Annotation changed = current;
                                                 changed.variation = v;
                                                 updateAnnotation(changed, tr("Change variation"));
                                             });
            action->setCheckable(true);
            action->setChecked(current.variation == v);
        }
    }
    if (current.kind == AnnotationKind::ChangeIdea) {
        menu.addSeparator();
        for (int h = 1; h <= 3; ++h) {
            QAction* action = menu.addAction(tr("Horizon %1").arg(h), [this, current, h] {
                Annotation changed = current;
                changed.horizon = h;
                updateAnnotation(changed, tr("Move change idea to horizon %1").arg(h));
            });
            action->setCheckable(true);
            action->setChecked(current.horizon == h);
        }
    }
    menu.addSeparator();
    menu.addAction(tr("Delete annotation"), [this, id] { deleteAnnotation(id); });
    menu.exec(globalPos);
}

// ----- annotations ----------------------------------------------------------------------------

void MapCanvas::clickBadge(const AnnotationBadgeItem& badge)
{
    const std::string id = badge.annotationId();
    const Map* m = map();
    const Annotation* a = m ? m->annotation(id) : nullptr;
    if (!a)
        return;
    // The target is selected too, so that the next keyboard command acts where the badge is.
    const std::string target = a->target;
    if (m->step(target)) {
        if (StepItem* item = m_scene->stepItem(target); item && !item->isSelected())
            selectOnly(target);
    } else if (FlowItem* flow = m_scene->flowItem(target)) {
        {
            const QSignalBlocker blocker(m_scene);
            m_scene->clearSelection();
            flow->setSelected(true);
        }
        emit selectionChanged();
    } else {
        m_scene->clearSelection();
    }
    m_scene->setCurrentAnnotation(id);
    emit annotationSelected(QString::fromStdString(id));
}

void MapCanvas::selectAnnotation(const QString& id)
{
    const Map* m = map();
    const Annotation* a = m ? m->annotation(toStd(id)) : nullptr;
    if (!a) {
        m_scene->setCurrentAnnotation({});
        return;
    }
    if (!(m_editor && m_editTarget.kind == EditTarget::Kind::Annotation && m_editTarget.id == a->id))
        finishEditing(true);
    const std::string target = a->target;
    m_scene->setCurrentAnnotation(a->id);
    if (m->step(target)) {
        selectStep(QString::fromStdString(target), true);
    } else if (FlowItem* flow = m_scene->flowItem(target)) {
        {
            const QSignalBlocker blocker(m_scene);
            m_scene->clearSelection();
            flow->setSelected(true);
        }
        emit selectionChanged();
        centerOn(flow->labelAnchor());
    } else {
        m_scene->clearSelection();
        if (m->lane(target)) {
            // The lane's header stays at the left edge; bring the lane's band to the middle.
            const qreal top = layout::laneTop(*m, target);
            const QPointF centre = mapToScene(viewport()->rect().center());
            centerOn(QPointF(centre.x(), top + m->lane(target)->height / 2.0));
        }
    }
    updateSticky();
}

QString MapCanvas::currentAnnotation() const
{
    return QString::fromStdString(m_scene->currentAnnotation());
}

void MapCanvas::addAnnotation(AnnotationKind kind, std::optional<Variation> variation, std::optional<int> horizon)
{
    if (!editable())
        return;
    finishEditing(true);
    std::vector<std::string> targets = m_scene->selectedStepIds();
    if (targets.empty())
        targets = m_scene->selectedFlowIds();
    if (targets.empty())
        targets = {std::string()}; // nothing selected: the whole map
    addAnnotationTo(targets, kind, variation, horizon);
}

void MapCanvas::addAnnotationTo(const std::vector<std::string>& targets, AnnotationKind kind,
                                std::optional<Variation> variation, std::optional<int> horizon)
{
    if (!editable() || targets.empty())
        return;
    finishEditing(true);
    std::vector<Edit> edits;
    std::vector<std::string> ids;
    for (const std::string& target : targets) {
        Annotation a;
        a.id = newId("a-");
        a.kind = kind;
        a.target = target;
        // The model accepts these only on their own kinds.
        if (kind == AnnotationKind::Variation)
            a.variation = variation;
        if (kind == AnnotationKind::ChangeIdea)
            a.horizon = horizon;
        ids.push_back(a.id);
        edits.push_back(AddAnnotation{a, std::nullopt});
    }
    const QString what = toQString(displayName(kind));
    const QString name = tr("Add %1").arg(what.toLower());
    const Edit edit = edits.size() == 1 ? edits.front() : Edit(Batch{name.toStdString(), std::move(edits)});
    if (!m_document->push(edit, name))
        return;
    m_scene->setCurrentAnnotation(ids.front());
    // Several targets share what the team says about them: the text goes on the first; the
    // others are edited from their own badges.
    editAnnotationText(QString::fromStdString(ids.front()));
}

void MapCanvas::editAnnotationText(const QString& id)
{
    const Map* m = map();
    AnnotationBadgeItem* badge = m_scene->badge(toStd(id));
    const Annotation* a = m ? m->annotation(toStd(id)) : nullptr;
    if (!editable() || !a)
        return;
    QRectF area(0, 0, 260, 24);
    if (badge) {
        const QRectF b = badge->mapRectToScene(QRectF(0, 0, badge->width(), AnnotationBadgeItem::kHeight));
        area.moveTopLeft(QPointF(b.left(), b.bottom() + 4));
    } else {
        // Its kind is hidden: edit it where the view is, rather than not at all.
        area.moveCenter(mapToScene(viewport()->rect().center()));
    }
    beginEditing({EditTarget::Kind::Annotation, a->id}, QString::fromStdString(a->text), area, kFlowLabelPx, false,
                 true, false);
}

void MapCanvas::updateAnnotation(const Annotation& changed, const QString& text)
{
    const Map* m = map();
    if (!editable() || !m)
        return;
    if (const Annotation* a = m->annotation(changed.id); a && !(*a == changed))
        m_document->push(UpdateAnnotation{changed}, text);
}

void MapCanvas::deleteAnnotation(const QString& id)
{
    if (!editable() || !map()->annotation(toStd(id)))
        return;
    finishEditing(true);
    if (m_scene->currentAnnotation() == toStd(id))
        m_scene->setCurrentAnnotation({});
    m_document->push(RemoveAnnotation{toStd(id)}, tr("Delete annotation"));
}

void MapCanvas::setHiddenAnnotationKinds(const QSet<AnnotationKind>& kinds)
{
    m_scene->setHiddenAnnotationKinds(kinds);
}

QSet<AnnotationKind> MapCanvas::hiddenAnnotationKinds() const
{
    return m_scene->hiddenAnnotationKinds();
}

void MapCanvas::highlightSteps(const QStringList& ids)
{
    std::set<std::string> set;
    for (const QString& id : ids)
        set.insert(toStd(id));
    m_scene->setHighlightedSteps(set);
}

QStringList MapCanvas::highlightedSteps() const
{
    QStringList out;
    for (const std::string& id : m_scene->highlightedSteps())
        out << QString::fromStdString(id);
    return out;
}

} // namespace crosswalk
