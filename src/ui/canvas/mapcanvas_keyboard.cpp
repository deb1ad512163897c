// MapCanvas: the editing that is done from the keyboard alone (docs/user-guide.md, "Keys"):
// connecting existing steps, walking to a step's flows to label them, moving steps across
// lanes and phases, the next step in the lane above, and the selection's context menu.

#include "ui/canvas/mapcanvas.h"

#include "crosswalk/interact/gestures.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvascontextmenu.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/labelediting.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/common/strings.h"
#include "ui/document/mapdocument.h"

#include <QInputDialog>

#include <algorithm>

namespace crosswalk {

void MapCanvas::addNextStepAbove()
{
    addNext(gestures::NextLane::Above);
}

void MapCanvas::moveSelectionBy(int lanes, int phases)
{
    if (!editable() || m_editing->isEditing())
        return;
    const Map& m = *map();
    const auto ids = m_scene->selectedStepIds();
    if (ids.empty())
        return;
    MoveSteps moves;
    for (const std::string& id : ids) {
        const Step& s = *m.step(id);
        StepPlacement p{s.id, s.lane, s.phase, s.x, s.y};
        if (lanes != 0) {
            const auto index = static_cast<long>(m.laneIndex(s.lane).value_or(0)) + lanes;
            if (index < 0 || index >= static_cast<long>(m.lanes.size()))
                return; // the first or last lane already: nothing moves, as in a list
            p.lane = m.lanes[static_cast<std::size_t>(index)].id;
        }
        if (phases != 0 && !m.phases.empty()) {
            const auto current = m.phaseIndex(s.phase.empty() ? layout::phaseAt(m, s.x + s.w / 2) : s.phase);
            const long index = static_cast<long>(current.value_or(0)) + phases;
            if (index < 0 || index >= static_cast<long>(m.phases.size()))
                return;
            const Phase& target = m.phases[static_cast<std::size_t>(index)];
            // The same place within the column, as far as the step fits there.
            const int offset = s.x - layout::phaseLeft(m, m.phases[current.value_or(0)].id);
            p.phase = target.id;
            p.x = layout::phaseLeft(m, target.id) + std::clamp(offset, 0, std::max(0, target.width - s.w));
        }
        moves.moves.push_back(p);
    }
    const char* name = lanes < 0 ? "Move to the lane above"
                       : lanes > 0 ? "Move to the lane below"
                       : phases < 0 ? "Move to the previous phase"
                                    : "Move to the next phase";
    // Settled like any drop: in the new column, on free room, the lane growing if need be.
    if (m_document->push(gestures::withRoomToFit(m, name, {std::move(moves)}), QString::fromUtf8(name))) {
        const QSignalBlocker blocker(m_scene);
        m_scene->clearSelection();
        for (const std::string& id : ids)
            if (StepItem* item = m_scene->stepItem(id))
                item->setSelected(true);
    }
    emit selectionChanged();
    if (StepItem* item = m_scene->stepItem(ids.front()))
        reveal(item->sceneRectOfStep());
}

void MapCanvas::selectNextFlow(bool outgoing)
{
    const Map* m = map();
    if (!m)
        return;
    // From a step, its first flow out (in); from a flow, the next one of the same step.
    std::string stepId;
    std::string after;
    if (const auto step = currentStep()) {
        stepId = *step;
    } else if (const auto flows = m_scene->selectedFlowIds(); !flows.empty()) {
        if (const Flow* f = m->flow(flows.front())) {
            stepId = outgoing ? f->from : f->to;
            after = f->id;
        }
    }
    if (stepId.empty())
        return;
    std::vector<const Flow*> candidates;
    for (const Flow& f : m->flows)
        if ((outgoing ? f.from : f.to) == stepId)
            candidates.push_back(&f);
    if (candidates.empty())
        return;
    auto it = std::find_if(candidates.begin(), candidates.end(), [&](const Flow* f) { return f->id == after; });
    const Flow* chosen = (it == candidates.end() || std::next(it) == candidates.end()) ? candidates.front() : *std::next(it);
    FlowItem* item = m_scene->flowItem(chosen->id);
    if (!item)
        return;
    {
        const QSignalBlocker blocker(m_scene);
        m_scene->clearSelection();
        item->setSelected(true);
    }
    emit selectionChanged();
    reveal(item->sceneBoundingRect());
}

bool MapCanvas::connectSelectedTo(const QString& targetId)
{
    const auto from = currentStep();
    const Map* m = map();
    if (!editable() || !from || !m || !m->step(targetId.toStdString()) || *from == targetId.toStdString())
        return false;
    Flow flow;
    flow.id = newId("f-");
    flow.from = *from;
    flow.to = targetId.toStdString();
    if (!m_document->push(AddFlow{flow, std::nullopt}, tr("Connect steps")))
        return false;
    if (FlowItem* item = m_scene->flowItem(flow.id)) {
        const QSignalBlocker blocker(m_scene);
        m_scene->clearSelection();
        item->setSelected(true);
    }
    emit selectionChanged();
    return true;
}

void MapCanvas::chooseConnectionTarget()
{
    const auto from = currentStep();
    const Map* m = map();
    if (!editable() || !from || !m)
        return;
    finishEditing(true);
    // Every other step by its label (and lane, to tell equal labels apart); typing filters.
    QStringList names;
    std::vector<std::string> ids;
    for (const Step& s : m->steps) {
        if (s.id == *from)
            continue;
        const Lane* lane = m->lane(s.lane);
        const QString label = s.label.empty() ? tr("(unnamed %1)").arg(toQString(displayName(s.kind)).toLower())
                                              : toQString(s.label);
        names << label + QStringLiteral("  \u2014  ") + (lane ? toQString(lane->name) : QString());
        ids.push_back(s.id);
    }
    if (names.isEmpty())
        return;
    bool ok = false;
    const QString fromLabel = toQString(m->step(*from)->label);
    const QString chosen = QInputDialog::getItem(this, tr("Connect to a step"),
                                                 tr("Connect \"%1\" to:").arg(fromLabel), names, 0, true, &ok);
    if (!ok)
        return;
    // A few letters are enough: the first step whose name starts with them, else contains them.
    auto index = names.indexOf(chosen);
    for (int pass = 0; pass < 2 && index < 0 && !chosen.trimmed().isEmpty(); ++pass)
        for (qsizetype i = 0; i < names.size() && index < 0; ++i)
            if (pass == 0 ? names[i].startsWith(chosen.trimmed(), Qt::CaseInsensitive)
                          : names[i].contains(chosen.trimmed(), Qt::CaseInsensitive))
                index = i;
    if (index < 0)
        return;
    connectSelectedTo(toQString(ids[static_cast<std::size_t>(index)]));
}

QPoint MapCanvas::selectionMenuPoint() const
{
    // The menu key opens the menu of what is selected, at it, not under the mouse.
    if (const auto step = currentStep())
        if (StepItem* item = m_scene->stepItem(*step))
            return mapFromScene(item->sceneRectOfStep().center());
    if (const auto flows = m_scene->selectedFlowIds(); !flows.empty())
        if (FlowItem* item = m_scene->flowItem(flows.front()))
            return mapFromScene(item->sceneBoundingRect().center());
    return viewport()->rect().center();
}

} // namespace crosswalk
