#include "crosswalk/layout/layout.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace crosswalk::layout {
namespace {

// const, not constexpr: Step holds std::strings, and clang 14 (the fuzzing and sanitizer
// build) cannot evaluate libstdc++ 12's std::string at compile time.
const int kDefaultStepWidth = Step{}.w;
const int kDefaultStepHeight = Step{}.h;
const int kDefaultStepY = Step{}.y;

int roundUp(int value, int grid) { return (value + grid - 1) / grid * grid; }

/// Step indices in flow order: a step comes after every step that flows into it, ties
/// (and cycles, which have no such order) go by position in Map::steps, so the result
/// depends only on the map.
std::vector<std::size_t> flowOrder(const Map& map, const std::unordered_map<std::string_view, std::size_t>& index)
{
    const std::size_t n = map.steps.size();
    std::vector<std::vector<std::size_t>> next(n);
    std::vector<std::size_t> incoming(n, 0);
    for (const Flow& flow : map.flows) {
        const auto from = index.find(flow.from);
        const auto to = index.find(flow.to);
        if (from == index.end() || to == index.end() || from->second == to->second)
            continue;
        next[from->second].push_back(to->second);
        ++incoming[to->second];
    }
    std::set<std::size_t> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (incoming[i] == 0)
            ready.insert(i);
    std::vector<bool> done(n, false);
    std::vector<std::size_t> order;
    order.reserve(n);
    std::size_t firstNotDone = 0;
    while (order.size() < n) {
        if (ready.empty()) {
            // Only cycles are left: break one at the earliest step still waiting.
            while (done[firstNotDone])
                ++firstNotDone;
            ready.insert(firstNotDone);
        }
        const std::size_t i = *ready.begin();
        ready.erase(ready.begin());
        done[i] = true;
        order.push_back(i);
        for (std::size_t j : next[i])
            if (!done[j] && --incoming[j] == 0)
                ready.insert(j);
    }
    return order;
}

/// Where autoLayout put things, before it is written into a map.
struct Plan {
    std::vector<int> phaseWidths;
    std::vector<int> laneHeights;
    // Per step (by index): placed or not, and where.
    std::vector<bool> placed;
    std::vector<int> x, y, w, h;
};

Plan planLayout(const Map& map)
{
    const std::size_t n = map.steps.size();
    const std::size_t phaseCount = map.phases.size();
    std::unordered_map<std::string_view, std::size_t> stepIndex;
    for (std::size_t i = 0; i < n; ++i)
        stepIndex.emplace(map.steps[i].id, i);
    std::unordered_map<std::string_view, std::size_t> laneIndex, phaseIndex;
    for (std::size_t i = 0; i < map.lanes.size(); ++i)
        laneIndex.emplace(map.lanes[i].id, i);
    for (std::size_t i = 0; i < phaseCount; ++i)
        phaseIndex.emplace(map.phases[i].id, i);

    Plan plan;
    plan.placed.assign(n, false);
    plan.x.assign(n, 0);
    plan.y.assign(n, 0);
    plan.w.assign(n, 0);
    plan.h.assign(n, 0);

    // Column group of each step: its phase's index, or one extra group to the right of
    // every phase for steps without a (known) phase. Steps in an unknown lane have no
    // band to go in and stay where they are.
    std::vector<std::size_t> group(n, phaseCount);
    std::vector<std::size_t> lane(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const Step& s = map.steps[i];
        const auto l = laneIndex.find(s.lane);
        if (l == laneIndex.end())
            continue;
        plan.placed[i] = true;
        lane[i] = l->second;
        const auto p = phaseIndex.find(s.phase);
        if (p != phaseIndex.end())
            group[i] = p->second;
        plan.w[i] = s.w > 0 ? s.w : kDefaultStepWidth;
        plan.h[i] = s.h > 0 ? s.h : kDefaultStepHeight;
    }

    std::vector<std::vector<std::size_t>> previous(n);
    for (const Flow& flow : map.flows) {
        const auto from = stepIndex.find(flow.from);
        const auto to = stepIndex.find(flow.to);
        if (from != stepIndex.end() && to != stepIndex.end())
            previous[to->second].push_back(from->second);
    }
    const std::vector<std::size_t> order = flowOrder(map, stepIndex);

    // Slots: the k-th position from the left inside a column group. A step takes the
    // first slot right of the last step in its lane and right of every step of the same
    // group that flows into it, so arrows within a column point rightwards.
    std::vector<int> slot(n, -1);
    std::vector<std::vector<int>> slotWidths(phaseCount + 1);
    for (std::size_t g = 0; g <= phaseCount; ++g) {
        std::map<std::size_t, int> lastInLane;
        for (std::size_t i : order) {
            if (!plan.placed[i] || group[i] != g)
                continue;
            const auto last = lastInLane.find(lane[i]);
            int s = last == lastInLane.end() ? 0 : last->second + 1;
            for (std::size_t p : previous[i])
                if (plan.placed[p] && group[p] == g && slot[p] >= 0)
                    s = std::max(s, slot[p] + 1);
            slot[i] = s;
            lastInLane[lane[i]] = s;
            auto& widths = slotWidths[g];
            if (widths.size() <= static_cast<std::size_t>(s))
                widths.resize(static_cast<std::size_t>(s) + 1, 0);
            widths[static_cast<std::size_t>(s)] = std::max(widths[static_cast<std::size_t>(s)], plan.w[i]);
        }
    }

    // Slot offsets inside each group (kStepGap before, between and after the slots), and
    // the width each group needs. Every slot holds a step: a step only takes slot k > 0
    // when its lane or a step flowing into it already holds slot k - 1.
    std::vector<std::vector<int>> slotOffsets(phaseCount + 1);
    std::vector<int> needed(phaseCount + 1, 0);
    for (std::size_t g = 0; g <= phaseCount; ++g) {
        int offset = kStepGap;
        for (int width : slotWidths[g]) {
            slotOffsets[g].push_back(offset);
            offset += width + kStepGap;
        }
        needed[g] = slotWidths[g].empty() ? 0 : offset;
    }

    std::vector<int> groupLeft(phaseCount + 1, 0);
    int left = 0;
    for (std::size_t g = 0; g < phaseCount; ++g) {
        groupLeft[g] = left;
        const int width = map.phases[g].width;
        plan.phaseWidths.push_back(width >= needed[g] && width >= kMinPhaseWidth
                                       ? width
                                       : std::max(roundUp(needed[g], kGrid), kMinPhaseWidth));
        left += plan.phaseWidths.back();
    }
    groupLeft[phaseCount] = left;

    // Lanes: tall enough for their tallest step with kLanePadding above and below, since
    // steps sit centred in their band.
    std::vector<int> tallest(map.lanes.size(), 0);
    for (std::size_t i = 0; i < n; ++i)
        if (plan.placed[i])
            tallest[lane[i]] = std::max(tallest[lane[i]], plan.h[i]);
    for (std::size_t l = 0; l < map.lanes.size(); ++l) {
        const int height = map.lanes[l].height;
        const int needs = tallest[l] + 2 * kLanePadding;
        plan.laneHeights.push_back(height >= needs && height >= kMinLaneHeight
                                       ? height
                                       : std::max(roundUp(needs, kGrid), kMinLaneHeight));
    }

    for (std::size_t i = 0; i < n; ++i) {
        if (!plan.placed[i])
            continue;
        const std::size_t g = group[i];
        const auto k = static_cast<std::size_t>(slot[i]);
        // Centred in its slot, so steps of one slot line up across lanes.
        plan.x[i] = groupLeft[g] + slotOffsets[g][k] + (slotWidths[g][k] - plan.w[i]) / 2;
        plan.y[i] = (plan.laneHeights[lane[i]] - plan.h[i]) / 2;
    }
    return plan;
}

} // namespace

int snap(int value, int grid)
{
    if (grid <= 0)
        return value;
    // Half-way values round away from zero, so snap(-v) == -snap(v); 64 bits so that
    // values near the int limits cannot overflow on the way.
    const std::int64_t v = value < 0 ? -static_cast<std::int64_t>(value) : value;
    const std::int64_t snapped = (v + grid / 2) / grid * grid;
    const std::int64_t result = value < 0 ? -snapped : snapped;
    return static_cast<int>(std::clamp<std::int64_t>(result, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

int laneTop(const Map& map, std::string_view laneId)
{
    int top = 0;
    for (const Lane& lane : map.lanes) {
        if (lane.id == laneId)
            return top;
        top += lane.height;
    }
    return 0;
}

int phaseLeft(const Map& map, std::string_view phaseId)
{
    int left = 0;
    for (const Phase& phase : map.phases) {
        if (phase.id == phaseId)
            return left;
        left += phase.width;
    }
    return 0;
}

int totalHeight(const Map& map)
{
    int height = 0;
    for (const Lane& lane : map.lanes)
        height += lane.height;
    return height;
}

int totalWidth(const Map& map)
{
    int width = 0;
    for (const Phase& phase : map.phases)
        width += phase.width;
    for (const Step& step : map.steps)
        width = std::max(width, step.x + step.w);
    return width;
}

Rect stepRect(const Map& map, const Step& step) { return {step.x, laneTop(map, step.lane) + step.y, step.w, step.h}; }

std::string laneAt(const Map& map, int y)
{
    if (map.lanes.empty())
        return {};
    int top = 0;
    for (const Lane& lane : map.lanes) {
        top += lane.height;
        if (y < top)
            return lane.id;
    }
    return map.lanes.back().id;
}

std::string phaseAt(const Map& map, int x)
{
    if (map.phases.empty())
        return {};
    int left = 0;
    for (const Phase& phase : map.phases) {
        left += phase.width;
        if (x < left)
            return phase.id;
    }
    return map.phases.back().id;
}

Step clampToLane(const Map& map, Step step)
{
    step.x = std::max(step.x, 0);
    const Lane* lane = map.lane(step.lane);
    const int maxY = lane ? lane->height - step.h : std::numeric_limits<int>::max();
    step.y = maxY <= 0 ? 0 : std::clamp(step.y, 0, maxY);
    return step;
}

int requiredLaneHeight(const Map& map, std::string_view laneId)
{
    int bottom = 0;
    bool any = false;
    for (const Step& step : map.steps) {
        if (step.lane != laneId)
            continue;
        bottom = std::max(bottom, step.y + step.h);
        any = true;
    }
    return any ? std::max(bottom + kLanePadding, kMinLaneHeight) : kMinLaneHeight;
}

Edit growLanesToFit(const Map& map)
{
    Batch batch{"Grow lanes to fit", {}};
    for (const Lane& lane : map.lanes) {
        const int required = requiredLaneHeight(map, lane.id);
        if (lane.height < required)
            batch.edits.push_back(ResizeLane{lane.id, required});
    }
    return batch;
}

bool needsLayout(const Map& map)
{
    // A map without steps has nothing to place.
    return !map.steps.empty() && std::all_of(map.steps.begin(), map.steps.end(), [](const Step& step) {
        return step.x == 0 && step.y == kDefaultStepY;
    });
}

void autoLayout(Map& map)
{
    const Plan plan = planLayout(map);
    for (std::size_t i = 0; i < map.phases.size(); ++i)
        map.phases[i].width = plan.phaseWidths[i];
    for (std::size_t i = 0; i < map.lanes.size(); ++i)
        map.lanes[i].height = plan.laneHeights[i];
    for (std::size_t i = 0; i < map.steps.size(); ++i) {
        if (!plan.placed[i])
            continue;
        Step& step = map.steps[i];
        step.x = plan.x[i];
        step.y = plan.y[i];
        step.w = plan.w[i];
        step.h = plan.h[i];
    }
}

Edit autoLayoutEdit(const Map& map)
{
    Map laidOut = map;
    autoLayout(laidOut);

    Batch batch{"Lay out map", {}};
    // Sizes first: resizing a phase shifts the steps of later phases, and the moves
    // below then set every step's final place from wherever the resizes left it.
    Map scratch = map;
    for (std::size_t i = 0; i < map.lanes.size(); ++i)
        if (laidOut.lanes[i].height != map.lanes[i].height)
            batch.edits.push_back(ResizeLane{map.lanes[i].id, laidOut.lanes[i].height});
    for (std::size_t i = 0; i < map.phases.size(); ++i)
        if (laidOut.phases[i].width != map.phases[i].width)
            batch.edits.push_back(ResizePhase{map.phases[i].id, laidOut.phases[i].width});
    for (const Edit& edit : batch.edits)
        apply(scratch, edit);

    MoveSteps moves;
    for (std::size_t i = 0; i < map.steps.size(); ++i) {
        const Step& from = scratch.steps[i];
        const Step& to = laidOut.steps[i];
        if (from.w != to.w || from.h != to.h) {
            // Only steps without a usable size change size; UpdateStep carries the place too.
            batch.edits.push_back(UpdateStep{to});
            continue;
        }
        if (from.x != to.x || from.y != to.y)
            moves.moves.push_back({to.id, to.lane, to.phase, to.x, to.y});
    }
    if (!moves.moves.empty())
        batch.edits.push_back(std::move(moves));
    return batch;
}

} // namespace crosswalk::layout
