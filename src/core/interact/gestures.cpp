#include "crosswalk/interact/gestures.h"

#include "crosswalk/facilitation/votes.h"

#include "crosswalk/layout/layout.h"
#include "crosswalk/layout/placement.h"

#include <algorithm>
#include <set>

namespace crosswalk::gestures {

std::string newLaneColour(const Map& map)
{
    return std::string(kSoftPalette[map.lanes.size() % (kSoftPalette.size() - 1)]);
}

Batch withRoomToFit(const Map& map, std::string name, std::vector<Edit> edits)
{
    Map after = map;
    try {
        ChangeSet changes;
        for (const Edit& e : edits)
            apply(after, e, &changes);
        // Every step the gesture placed, moved or resized ends in its phase's column with no
        // other step under it, in the same undo step.
        const std::vector<std::string> placed(changes.steps.begin(), changes.steps.end());
        for (Edit& e : layout::settleSteps(after, placed))
            edits.push_back(std::move(e));
        Edit grow = layout::growLanesToFit(after);
        const auto* batch = std::get_if<Batch>(&grow.v);
        if (!batch || !batch->edits.empty()) {
            apply(after, grow);
            edits.push_back(std::move(grow));
        }
        if (!after.phases.empty()) {
            int phasesRight = 0;
            for (const Phase& p : after.phases)
                phasesRight += p.width;
            int stepsRight = 0;
            for (const Step& s : after.steps)
                stepsRight = std::max(stepsRight, s.x + s.w);
            if (stepsRight + kFreeGap > phasesRight) {
                const Phase& last = after.phases.back();
                edits.push_back(ResizePhase{last.id, last.width + stepsRight + 2 * kFreeGap - phasesRight});
            }
        }
    } catch (const EditError&) {
        // The edits themselves do not fit the map: pushing them reports why; no growth to add.
    }
    return Batch{std::move(name), std::move(edits)};
}

int firstFreeX(const Map& map, const std::string& laneId, int x, int y, int w, int h, const std::string& ignoreId)
{
    std::vector<const Step*> inLane;
    for (const Step& s : map.steps)
        if (s.lane == laneId && s.id != ignoreId)
            inLane.push_back(&s);
    std::sort(inLane.begin(), inLane.end(), [](const Step* a, const Step* b) { return a->x < b->x; });
    // Each pass moves past the first step in the way; steps are sorted, so one sweep suffices.
    for (const Step* s : inLane) {
        const layout::Rect want{x - kFreeGap, y - kFreeGap / 2, w + 2 * kFreeGap, h + kFreeGap};
        const layout::Rect have{s->x, s->y, s->w, s->h};
        if (want.intersects(have))
            x = layout::snap(s->x + s->w + kNextStepGap);
    }
    return std::max(0, x);
}

MoveSteps makeRoom(const Map& map, const std::string& laneId, Step& placed, const std::string& ignoreId)
{
    // The steps of the lane in the new step's row that reach into its place or lie beyond it,
    // left to right.
    std::vector<const Step*> row;
    for (const Step& s : map.steps)
        if (s.lane == laneId && s.id != ignoreId && s.y < placed.y + placed.h + kFreeGap / 2 &&
            placed.y - kFreeGap / 2 < s.y + s.h && s.x + s.w > placed.x - kFreeGap)
            row.push_back(&s);
    std::sort(row.begin(), row.end(), [](const Step* a, const Step* b) { return a->x < b->x; });
    // A step that starts left of the place and reaches into it comes before the new one in
    // time: the new step goes after it instead of pushing it over.
    std::size_t first = 0;
    for (; first < row.size() && row[first]->x < placed.x; ++first)
        placed.x = std::max(placed.x, layout::snap(row[first]->x + row[first]->w + kNextStepGap));
    placed.phase = layout::phaseAt(map, placed.x + placed.w / 2);
    MoveSteps moves;
    if (first == row.size())
        return moves;
    const int wanted = placed.x + placed.w + kNextStepGap - row[first]->x;
    if (wanted <= 0)
        return moves; // the next step is already far enough away
    const int shift = (wanted + layout::kGrid - 1) / layout::kGrid * layout::kGrid;
    // Like dominoes: each step moves by the same amount (keeping its gap to the one before)
    // only while it would otherwise come too close to the one pushed before it; the first
    // that stays clear stops the chain, and everything beyond it stays put.
    int previousRight = placed.x + placed.w;
    for (std::size_t i = first; i < row.size(); ++i) {
        const Step& s = *row[i];
        const int gap = i == first ? kNextStepGap : kFreeGap;
        if (s.x >= previousRight + gap)
            break;
        const int x = s.x + shift;
        moves.moves.push_back({s.id, s.lane, layout::phaseAt(map, x + s.w / 2), x, s.y});
        previousRight = std::max(previousRight, x + s.w);
    }
    return moves;
}

Step newStep(const Map& map, const std::string& laneId, int x, int y, StepKind kind)
{
    Step s;
    s.id = newId("s-");
    s.lane = laneId;
    s.kind = kind;
    if (kind == StepKind::Start || kind == StepKind::End) {
        s.w = 130;
        s.h = 60;
    } else if (kind == StepKind::Decision) {
        s.w = 160;
        s.h = 90;
    }
    s.x = std::max(0, x);
    s.y = std::max(0, y);
    s.phase = layout::phaseAt(map, s.x + s.w / 2);
    return s;
}

Batch nextStep(const Map& map, const Step& from, bool below, StepKind kind, std::string* stepId)
{
    return nextStep(map, from, below ? NextLane::Below : NextLane::Same, kind, stepId);
}

Batch nextStep(const Map& map, const Step& from, NextLane where, StepKind kind, std::string* stepId)
{
    std::vector<Edit> edits;
    Map after = map;
    std::string laneId = from.lane;
    if (where != NextLane::Same) {
        const auto index = map.laneIndex(from.lane);
        const bool below = where == NextLane::Below;
        if (index && below && *index + 1 < map.lanes.size()) {
            laneId = map.lanes[*index + 1].id;
        } else if (index && !below && *index > 0) {
            laneId = map.lanes[*index - 1].id;
        } else {
            // A handoff from the bottom (top) lane goes to a new lane below (above) it: the
            // team names it next.
            Lane lane;
            lane.id = newId("l-");
            lane.name = "New lane";
            lane.color = newLaneColour(map);
            laneId = lane.id;
            AddLane add{lane, below ? std::nullopt : std::optional<std::size_t>(0)};
            try {
                apply(after, add);
            } catch (const EditError&) {
            }
            edits.push_back(std::move(add));
        }
    }
    const Lane* lane = after.lane(laneId);
    Step step = newStep(after, laneId, 0, 0, kind);
    int y = from.y + (from.h - step.h) / 2;
    if (laneId != from.lane && lane && (y + step.h > lane->height || y < 0))
        y = std::max(0, (lane->height - step.h) / 2);
    step.y = std::max(0, y);
    // Right after the step, as a person writes the next line of a list: the steps that follow
    // in the lane move over to make room (in the same Batch, so one undo puts them back),
    // rather than the new step landing past them at the end of a long arrow.
    step.x = std::max(0, layout::snap(from.x + from.w + kNextStepGap));
    MoveSteps pushed = makeRoom(after, laneId, step, from.id);
    if (stepId)
        *stepId = step.id;
    Flow flow;
    flow.id = newId("f-");
    flow.from = from.id;
    flow.to = step.id;
    if (!pushed.moves.empty())
        edits.push_back(std::move(pushed));
    edits.push_back(AddStep{step, std::nullopt});
    edits.push_back(AddFlow{flow, std::nullopt});
    return withRoomToFit(map,
                         where == NextLane::Below   ? "Add step in the lane below"
                         : where == NextLane::Above ? "Add step in the lane above"
                                                    : "Add next step",
                         std::move(edits));
}

Batch firstStep(const Map& map, StepKind kind, std::string* stepId)
{
    std::vector<Edit> edits;
    if (map.lanes.empty())
        return Batch{"Add step", {}};
    Step step = newStep(map, map.lanes.front().id, 0, 0, kind);
    step.y = std::max(0, (map.lanes.front().height - step.h) / 2);
    step.x = firstFreeX(map, step.lane, 40, step.y, step.w, step.h);
    step.phase = layout::phaseAt(map, step.x + step.w / 2);
    if (stepId)
        *stepId = step.id;
    edits.push_back(AddStep{step, std::nullopt});
    return withRoomToFit(map, "Add step", std::move(edits));
}

Batch removal(const Map& map, const std::vector<std::string>& stepIds, const std::vector<std::string>& flowIds)
{
    const std::set<std::string> steps(stepIds.begin(), stepIds.end());
    std::vector<Edit> edits;
    // Flows first: a flow of a removed step goes with its step and cannot be removed twice.
    for (const std::string& id : flowIds)
        if (const Flow* f = map.flow(id); f && !steps.count(f->from) && !steps.count(f->to))
            edits.push_back(RemoveFlow{id});
    for (const std::string& id : stepIds)
        if (map.step(id))
            edits.push_back(RemoveStep{id});
    const std::size_t n = stepIds.size();
    std::string name = n == 1 ? "Delete step" : n > 1 ? "Delete " + std::to_string(n) + " steps" : "Delete flow";
    return Batch{std::move(name), std::move(edits)};
}

std::vector<Edit> changeKind(const Map& map, const std::vector<std::string>& stepIds, StepKind kind)
{
    std::vector<Edit> edits;
    for (const std::string& id : stepIds)
        if (const Step* s = map.step(id); s && s->kind != kind) {
            Step changed = *s;
            changed.kind = kind;
            edits.push_back(UpdateStep{changed});
        }
    return edits;
}

std::vector<Edit> annotate(const std::vector<std::string>& targets, AnnotationKind kind,
                           std::optional<Variation> variation, std::optional<int> horizon,
                           std::vector<std::string>* ids)
{
    std::vector<Edit> edits;
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
        if (ids)
            ids->push_back(a.id);
        edits.push_back(AddAnnotation{a, std::nullopt});
    }
    return edits;
}

std::vector<Edit> vote(const Map& map, const std::vector<std::string>& stepIds, int delta)
{
    // One dot rule for the canvas, the presentation and the panel: facilitation/votes.h.
    std::vector<Edit> edits;
    for (const std::string& id : stepIds)
        if (std::optional<SetVotes> edit = voteEdit(map, id, delta))
            edits.push_back(*edit);
    return edits;
}

} // namespace crosswalk::gestures
