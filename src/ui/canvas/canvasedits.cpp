#include "ui/canvas/canvasedits.h"

#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"

#include <algorithm>
#include <set>

namespace crosswalk::canvasedits {
namespace {
constexpr int kFreeGap = 20; // steps placed automatically never sit closer than this
} // namespace

Batch withRoomToFit(const Map& map, std::string name, std::vector<Edit> edits)
{
    Map after = map;
    try {
        for (const Edit& e : edits)
            apply(after, e);
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
            x = layout::snap(s->x + s->w + canvasstyle::kNextStepGap);
    }
    return std::max(0, x);
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
    std::vector<Edit> edits;
    Map after = map;
    std::string laneId = from.lane;
    if (below) {
        const auto index = map.laneIndex(from.lane);
        if (index && *index + 1 < map.lanes.size()) {
            laneId = map.lanes[*index + 1].id;
        } else {
            // A handoff from the bottom lane goes to a new lane: the team names it next.
            Lane lane;
            lane.id = newId("l-");
            lane.name = "New lane";
            lane.color = canvasstyle::softPalette()[map.lanes.size() % 8].name().toUpper().toStdString();
            laneId = lane.id;
            AddLane add{lane, std::nullopt};
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
    step.x = firstFreeX(after, laneId, layout::snap(from.x + from.w + canvasstyle::kNextStepGap), step.y, step.w,
                        step.h);
    step.phase = layout::phaseAt(after, step.x + step.w / 2);
    if (stepId)
        *stepId = step.id;
    Flow flow;
    flow.id = newId("f-");
    flow.from = from.id;
    flow.to = step.id;
    edits.push_back(AddStep{step, std::nullopt});
    edits.push_back(AddFlow{flow, std::nullopt});
    return withRoomToFit(map, below ? "Add step in the lane below" : "Add next step", std::move(edits));
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

} // namespace crosswalk::canvasedits
