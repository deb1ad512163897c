// MapCanvas: the commands on steps, the clipboard, lanes and phases, which the keyboard, the
// menus and the main window call. The edits themselves are built in core (crosswalk/interact).

#include "ui/canvas/mapcanvas.h"

#include "crosswalk/interact/gestures.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/common/strings.h"
#include "ui/canvas/labelediting.h"
#include "ui/canvas/mapclipboard.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"

#include <QApplication>
#include <QClipboard>
#include <QMessageBox>
#include <QMimeData>

#include <algorithm>
#include <cmath>

namespace crosswalk {

// The view leaves room for the step Tab adds where core places it.
static_assert(canvasstyle::kNextStepGap == gestures::kNextStepGap);

namespace {

} // namespace

// ----- step commands ------------------------------------------------------------------------

bool MapCanvas::pushAndEdit(const Batch& batch, const std::string& newStepId)
{
    if (!m_document || batch.edits.empty())
        return false;
    if (!m_document->push(batch, QString::fromStdString(batch.name)))
        return false;
    selectOnly(newStepId);
    m_editing->editNewStep(newStepId);
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
        pushAndEdit(gestures::nextStep(m, *m.step(ids.front()), false, kind, &id), id);
    } else {
        if (m.lanes.empty())
            addLane(0); // a step needs a lane: give it one the team can name afterwards
        finishEditing(true);
        pushAndEdit(gestures::firstStep(*map(), kind, &id), id);
    }
}

void MapCanvas::addNextStep(bool below)
{
    addNext(below ? gestures::NextLane::Below : gestures::NextLane::Same);
}

void MapCanvas::addNext(gestures::NextLane where)
{
    if (!editable())
        return;
    // Tab while typing a label keeps the label and moves on: the heart of the keyboard flow.
    std::optional<std::string> from;
    if (m_editing->isEditing() && m_editing->target().kind == LabelEditing::Target::Kind::Step)
        from = m_editing->target().id;
    finishEditing(true);
    if (!from)
        from = currentStep();
    const Map& m = *map();
    if (!from || !m.step(*from)) {
        addStep(StepKind::Activity);
        return;
    }
    std::string id;
    pushAndEdit(gestures::nextStep(m, *m.step(*from), where, StepKind::Activity, &id), id);
}

void MapCanvas::createStepAt(const QPointF& scenePos, StepKind kind)
{
    if (!editable())
        return;
    const Map& m = *map();
    const std::string lane = layout::laneAt(m, static_cast<int>(std::lround(scenePos.y())));
    if (lane.empty())
        return;
    Step step = gestures::newStep(m, lane, 0, 0, kind);
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
    pushAndEdit(gestures::withRoomToFit(m, "Add step", {AddStep{step, std::nullopt}}), id);
}

void MapCanvas::deleteSelection()
{
    if (!editable() || m_editing->isEditing())
        return;
    const auto steps = m_scene->selectedStepIds();
    const auto flows = m_scene->selectedFlowIds();
    const Batch batch = gestures::removal(*map(), steps, flows);
    if (!batch.edits.empty())
        m_document->push(batch, QString::fromStdString(batch.name));
}

void MapCanvas::editSelectedLabel()
{
    if (!editable())
        return;
    if (const auto step = currentStep()) {
        m_editing->editStep(*step);
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
    lane.color = gestures::newLaneColour(m);
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
    m_editing->editLane(toStd(id));
}

void MapCanvas::renamePhase(const QString& id)
{
    m_editing->editPhase(toStd(id));
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

void MapCanvas::editFlowLabel(const QString& id)
{
    m_editing->editFlow(toStd(id));
}

} // namespace crosswalk
