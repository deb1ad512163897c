#include "ui/canvas/canvascontextmenu.h"

#include "crosswalk/interact/gestures.h"
#include "ui/canvas/annotationbadgeitem.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/labelediting.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/phaseheaderitem.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationtext.h"

#include <QColorDialog>
#include <QMenu>

#include <map>
#include <QPixmap>

#include <algorithm>
#include <array>
#include <functional>

namespace crosswalk {

using namespace canvasstyle;

namespace {

/// Paper colours for notes: light enough for dark text, distinct from lane bands.
struct NoteColour {
    const char* name;
    const char* hex;
};
constexpr std::array<NoteColour, 5> kNoteColours{{
    {QT_TRANSLATE_NOOP("MapCanvas", "Yellow"), "#FFE680"},
    {QT_TRANSLATE_NOOP("MapCanvas", "Green"), "#C7F0D8"},
    {QT_TRANSLATE_NOOP("MapCanvas", "Blue"), "#CFE3FF"},
    {QT_TRANSLATE_NOOP("MapCanvas", "Pink"), "#FFD1E0"},
    {QT_TRANSLATE_NOOP("MapCanvas", "Orange"), "#FFD8A8"},
}};

QString tr(const char* text)
{
    return MapCanvas::tr(text);
}

QString kindName(StepKind kind)
{
    return toQString(displayName(kind));
}

void addColourMenu(QMenu& menu, QWidget* parent, const std::function<void(const QColor&)>& apply)
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

} // namespace

CanvasContextMenu::CanvasContextMenu(MapCanvas& canvas) : m_canvas(canvas) {}

void CanvasContextMenu::exec(const QPointF& pos, const QPoint& globalPos)
{
    MapScene* scene = m_canvas.mapScene();
    if (AnnotationBadgeItem* badge = scene->badgeAt(pos))
        showBadgeMenu(badge->annotationId(), globalPos);
    else if (StickyNoteItem* note = scene->stickyNoteAt(pos))
        showNoteMenu(note->noteId(), globalPos);
    else if (LaneHeaderItem* laneHeader = scene->laneHeaderAt(pos))
        showLaneMenu(laneHeader->id(), globalPos);
    else if (PhaseHeaderItem* phaseHeader = scene->phaseHeaderAt(pos))
        showPhaseMenu(phaseHeader->id(), globalPos);
    else if (StepItem* step = scene->stepItemAt(pos))
        showStepMenu(step->id(), globalPos);
    else if (FlowItem* flow = scene->flowItemAt(pos))
        showFlowMenu(flow->id(), globalPos);
    else
        showEmptyMenu(pos, globalPos);
}

std::vector<std::string> CanvasContextMenu::stepTargets(const std::string& stepId) const
{
    // On every selected step when the clicked one is among them, as "Change kind" does.
    std::vector<std::string> targets = m_canvas.mapScene()->selectedStepIds();
    if (std::find(targets.begin(), targets.end(), stepId) == targets.end())
        targets = {stepId};
    return targets;
}

void CanvasContextMenu::showLaneMenu(const std::string& laneId, const QPoint& globalPos)
{
    MapCanvas* canvas = &m_canvas;
    const Map& m = *canvas->map();
    const std::size_t index = m.laneIndex(laneId).value_or(0);
    const QString id = QString::fromStdString(laneId);
    QMenu menu(canvas);
    menu.addAction(tr("Rename lane"), [canvas, id] { canvas->renameLane(id); });
    addColourMenu(menu, canvas, [canvas, id](const QColor& c) { canvas->recolourLane(id, c); });
    addAnnotationMenu(menu, {laneId});
    menu.addSeparator();
    menu.addAction(tr("Add lane above"), [canvas, index] { canvas->addLane(index); });
    menu.addAction(tr("Add lane below"), [canvas, index] { canvas->addLane(index + 1); });
    menu.addSeparator();
    menu.addAction(tr("Delete lane..."), [canvas, id] { canvas->deleteLane(id); });
    menu.exec(globalPos);
}

void CanvasContextMenu::showPhaseMenu(const std::string& phaseId, const QPoint& globalPos)
{
    MapCanvas* canvas = &m_canvas;
    const Map& m = *canvas->map();
    const std::size_t index = m.phaseIndex(phaseId).value_or(0);
    const QString id = QString::fromStdString(phaseId);
    QMenu menu(canvas);
    menu.addAction(tr("Rename phase"), [canvas, id] { canvas->renamePhase(id); });
    addColourMenu(menu, canvas, [canvas, id](const QColor& c) { canvas->recolourPhase(id, c); });
    menu.addSeparator();
    menu.addAction(tr("Add phase before"), [canvas, index] { canvas->addPhase(index); });
    menu.addAction(tr("Add phase after"), [canvas, index] { canvas->addPhase(index + 1); });
    menu.addSeparator();
    menu.addAction(tr("Delete phase..."), [canvas, id] { canvas->deletePhase(id); });
    menu.exec(globalPos);
}

void CanvasContextMenu::fillKindMenu(QMenu& menu)
{
    // A letter for each kind, so Ctrl+K then D makes a decision without the mouse.
    static const std::map<StepKind, QString> withMnemonic{
        {StepKind::Start, tr("&Start")},       {StepKind::End, tr("&End")},
        {StepKind::Activity, tr("&Activity")}, {StepKind::Meeting, tr("&Meeting")},
        {StepKind::Decision, tr("&Decision")}, {StepKind::Document, tr("D&ocument")},
        {StepKind::Data, tr("Da&ta")},         {StepKind::Wait, tr("&Wait")}};
    MapCanvas* canvas = &m_canvas;
    const std::vector<std::string> selected = canvas->mapScene()->selectedStepIds();
    const Step* first = selected.empty() ? nullptr : canvas->map()->step(selected.front());
    for (StepKind kind : kAllStepKinds) {
        QAction* action = menu.addAction(withMnemonic.at(kind), [canvas, kind] {
            std::vector<Edit> edits = gestures::changeKind(*canvas->map(), canvas->mapScene()->selectedStepIds(), kind);
            if (!edits.empty())
                canvas->document()->push(Batch{"Change step kind", std::move(edits)}, tr("Change step kind"));
        });
        action->setCheckable(true);
        action->setChecked(first && first->kind == kind);
    }
}

void CanvasContextMenu::showKindMenu(const QPoint& globalPos)
{
    if (m_canvas.mapScene()->selectedStepIds().empty())
        return;
    QMenu menu(&m_canvas);
    menu.setTitle(tr("Change kind"));
    fillKindMenu(menu);
    menu.exec(globalPos);
}

void CanvasContextMenu::showStepMenu(const std::string& stepId, const QPoint& globalPos)
{
    MapCanvas* canvas = &m_canvas;
    QMenu menu(canvas);
    menu.addAction(tr("Edit label"), [canvas, stepId] { canvas->m_editing->editStep(stepId); })
        ->setShortcut(Qt::Key_F2);
    QMenu* kinds = menu.addMenu(tr("Change &kind"));
    fillKindMenu(*kinds);
    kinds->menuAction()->setShortcut(Qt::CTRL | Qt::Key_K);
    addAnnotationMenu(menu, stepTargets(stepId));
    addFacilitationMenu(menu, stepId);
    menu.addSeparator();
    menu.addAction(tr("Add next step"), [canvas] { canvas->addNextStep(false); })->setShortcut(Qt::Key_Tab);
    menu.addAction(tr("Add step in lane below"), [canvas] { canvas->addNextStep(true); })
        ->setShortcut(Qt::SHIFT | Qt::Key_Tab);
    menu.addAction(tr("Add step in lane above"), [canvas] { canvas->addNextStepAbove(); })
        ->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab);
    menu.addAction(tr("Connect to step..."), [canvas] { canvas->chooseConnectionTarget(); })
        ->setShortcut(Qt::CTRL | Qt::Key_L);
    menu.addAction(tr("Select flow out"), [canvas] { canvas->selectNextFlow(true); })
        ->setShortcut(Qt::ALT | Qt::Key_Right);
    QMenu* move = menu.addMenu(tr("Move to"));
    move->addAction(tr("Lane above"), [canvas] { canvas->moveSelectionBy(-1, 0); })->setShortcut(Qt::CTRL | Qt::Key_Up);
    move->addAction(tr("Lane below"), [canvas] { canvas->moveSelectionBy(1, 0); })->setShortcut(Qt::CTRL | Qt::Key_Down);
    move->addAction(tr("Previous phase"), [canvas] { canvas->moveSelectionBy(0, -1); })
        ->setShortcut(Qt::CTRL | Qt::Key_Left);
    move->addAction(tr("Next phase"), [canvas] { canvas->moveSelectionBy(0, 1); })
        ->setShortcut(Qt::CTRL | Qt::Key_Right);
    // The step's lane and phase, reachable from the keyboard (the menu key on a step).
    if (const Step* step = canvas->map()->step(stepId)) {
        const QString lane = QString::fromStdString(step->lane);
        const QString phase = QString::fromStdString(step->phase);
        QMenu* laneMenu = menu.addMenu(tr("This lane"));
        laneMenu->addAction(tr("Rename lane"), [canvas, lane] { canvas->renameLane(lane); });
        laneMenu->addAction(tr("Delete lane..."), [canvas, lane] { canvas->deleteLane(lane); });
        if (canvas->map()->phase(step->phase)) {
            QMenu* phaseMenu = menu.addMenu(tr("This phase"));
            phaseMenu->addAction(tr("Rename phase"), [canvas, phase] { canvas->renamePhase(phase); });
            phaseMenu->addAction(tr("Delete phase..."), [canvas, phase] { canvas->deletePhase(phase); });
        }
    }
    menu.addAction(tr("Duplicate"), [canvas] { canvas->duplicateSelection(); })->setShortcut(Qt::CTRL | Qt::Key_D);
    menu.addAction(tr("Copy"), [canvas] { canvas->copySelection(); })->setShortcut(QKeySequence::Copy);
    menu.addSeparator();
    menu.addAction(tr("Delete"), [canvas] { canvas->deleteSelection(); })->setShortcut(QKeySequence::Delete);
    menu.exec(globalPos);
}

void CanvasContextMenu::showFlowMenu(const std::string& flowId, const QPoint& globalPos)
{
    MapCanvas* canvas = &m_canvas;
    const QString id = QString::fromStdString(flowId);
    QMenu menu(canvas);
    menu.addAction(tr("Edit label"), [canvas, id] { canvas->editFlowLabel(id); });
    addAnnotationMenu(menu, {flowId});
    menu.addSeparator();
    menu.addAction(tr("Delete flow"), [canvas, flowId] {
        if (canvas->editable() && canvas->map()->flow(flowId))
            canvas->document()->push(RemoveFlow{flowId}, tr("Delete flow"));
    });
    menu.exec(globalPos);
}

void CanvasContextMenu::showEmptyMenu(const QPointF& scenePos, const QPoint& globalPos)
{
    MapCanvas* canvas = &m_canvas;
    const Map& m = *canvas->map();
    QMenu menu(canvas);
    if (canvas->mapScene()->inLaneArea(scenePos)) {
        QMenu* add = menu.addMenu(tr("Add step here"));
        for (StepKind kind : kAllStepKinds)
            add->addAction(kindName(kind), [canvas, scenePos, kind] { canvas->createStepAt(scenePos, kind); });
        menu.addAction(tr("Paste"), [canvas] { canvas->paste(); })->setShortcut(QKeySequence::Paste);
        menu.addSeparator();
    }
    menu.addAction(tr("Add lane"), [canvas, n = m.lanes.size()] { canvas->addLane(n); });
    menu.addAction(tr("Add phase"), [canvas, n = m.phases.size()] { canvas->addPhase(n); });
    menu.addSeparator();
    addAnnotationMenu(menu, {std::string()}); // empty space: the annotation is on the whole map
    menu.exec(globalPos);
}

void CanvasContextMenu::addAnnotationMenu(QMenu& menu, const std::vector<std::string>& targets)
{
    MapCanvas* canvas = &m_canvas;
    QMenu* add = menu.addMenu(targets.size() == 1 && targets.front().empty() ? tr("Add annotation to the map")
                                                                            : tr("Add annotation"));
    for (const KindChoice& choice : kindChoices())
        add->addAction(annotationIcon(choice.kind, choice.horizon, choice.variation), kindChoiceText(choice),
                       [canvas, targets, choice] {
                           canvas->addAnnotationTo(targets, choice.kind, choice.variation, choice.horizon);
                       });
}

void CanvasContextMenu::showBadgeMenu(const std::string& annotationId, const QPoint& globalPos)
{
    MapCanvas* canvas = &m_canvas;
    const Annotation* a = canvas->map()->annotation(annotationId);
    if (!a)
        return;
    const Annotation current = *a;
    const QString id = QString::fromStdString(annotationId);
    QMenu menu(canvas);
    menu.addAction(tr("Edit text"), [canvas, id] { canvas->editAnnotationText(id); });
    if (current.kind == AnnotationKind::Variation) {
        menu.addSeparator();
        for (Variation v : {Variation::Intentional, Variation::Unintentional}) {
            QAction* action = menu.addAction(v == Variation::Intentional ? tr("Intentional") : tr("Unintentional"),
                                             [canvas, current, v] {
                                                 Annotation changed = current;
                                                 changed.variation = v;
                                                 canvas->updateAnnotation(changed, tr("Change variation"));
                                             });
            action->setCheckable(true);
            action->setChecked(current.variation == v);
        }
    }
    if (current.kind == AnnotationKind::ChangeIdea) {
        menu.addSeparator();
        for (int h = 1; h <= 3; ++h) {
            QAction* action = menu.addAction(tr("Horizon %1").arg(h), [canvas, current, h] {
                Annotation changed = current;
                changed.horizon = h;
                canvas->updateAnnotation(changed, tr("Move change idea to horizon %1").arg(h));
            });
            action->setCheckable(true);
            action->setChecked(current.horizon == h);
        }
    }
    menu.addSeparator();
    menu.addAction(tr("Delete annotation"), [canvas, id] { canvas->deleteAnnotation(id); });
    menu.exec(globalPos);
}

void CanvasContextMenu::addFacilitationMenu(QMenu& menu, const std::string& stepId)
{
    MapCanvas* canvas = &m_canvas;
    const Map& m = *canvas->map();
    menu.addSeparator();
    menu.addAction(tr("Add sticky note"), [canvas, stepId] { canvas->addStickyNoteTo(QString::fromStdString(stepId)); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    const std::vector<std::string> targets = stepTargets(stepId);
    menu.addAction(tr("Add vote"), [canvas, targets] { canvas->voteOn(targets, 1); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    QAction* remove = menu.addAction(tr("Remove vote"), [canvas, targets] { canvas->voteOn(targets, -1); });
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    remove->setEnabled(
        std::any_of(targets.begin(), targets.end(), [&m](const std::string& id) { return m.votesOn(id) > 0; }));
}

void CanvasContextMenu::showNoteMenu(const std::string& noteId, const QPoint& globalPos)
{
    MapCanvas* canvas = &m_canvas;
    const QString id = QString::fromStdString(noteId);
    QMenu menu(canvas);
    menu.addAction(tr("Edit sticky note"), [canvas, id] { canvas->editStickyNote(id); });
    QMenu* colours = menu.addMenu(tr("Colour"));
    for (const NoteColour& c : kNoteColours) {
        QPixmap swatch(16, 16);
        swatch.fill(QColor(QString::fromLatin1(c.hex)));
        const QString hex = QString::fromLatin1(c.hex);
        colours->addAction(QIcon(swatch), tr(c.name), [canvas, id, hex] { canvas->recolourStickyNote(id, hex); });
    }
    menu.addSeparator();
    menu.addAction(tr("Delete sticky note"), [canvas, id] { canvas->deleteStickyNote(id); });
    menu.exec(globalPos);
}

} // namespace crosswalk
