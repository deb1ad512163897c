#include "crosswalk/layout/placement.h"

#include "crosswalk/layout/layout.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace crosswalk::layout {

namespace {

/// The band a step's centre must lie in: [left, right) in map x.
struct Column {
    int left = 0;
    int right = std::numeric_limits<int>::max();
};

Column columnOf(const Map& map, const Step& step)
{
    if (map.phases.empty())
        return {};
    Column c;
    c.left = phaseLeft(map, step.phase);
    const Phase* phase = map.phase(step.phase);
    // The last column reaches to the right without end, as phaseAt() has it.
    if (phase && &map.phases.back() != phase)
        c.right = c.left + phase->width;
    return c;
}

bool centreIn(const Column& c, int x, int w)
{
    const long centre = static_cast<long>(x) + w / 2;
    return centre >= c.left && centre < c.right;
}

bool hits(int x, int y, const Step& s, const Step& o, int gap)
{
    return x < o.x + o.w + gap && o.x < x + s.w + gap && y < o.y + o.h + gap && o.y < y + s.h + gap;
}

} // namespace

bool phaseAgrees(const Map& map, const Step& step)
{
    return map.phases.empty() || step.phase.empty() || phaseAt(map, step.x + step.w / 2) == step.phase;
}

bool overlap(const Step& a, const Step& b)
{
    return a.lane == b.lane && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

Step nearestFreePlace(const Map& map, const Step& step)
{
    const Column column = columnOf(map, step);
    std::vector<const Step*> others;
    for (const Step& s : map.steps)
        if (s.lane == step.lane && s.id != step.id)
            others.push_back(&s);

    // Where the step asks to be, with its centre pulled into the column.
    int x0 = std::max(0, step.x);
    if (!centreIn(column, x0, step.w)) {
        if (x0 + step.w / 2 < column.left)
            x0 = column.left + kPlacementGap;
        else
            x0 = std::max(column.left + kPlacementGap, column.right - step.w - kPlacementGap);
        x0 = snap(x0);
        if (!centreIn(column, x0, step.w)) // a column narrower than the step: centre it
            x0 = std::max(0, column.left + (column.right - column.left) / 2 - step.w / 2);
    }
    const int y0 = std::max(0, step.y);
    auto freeAt = [&](int x, int y, int gap) {
        return std::none_of(others.begin(), others.end(), [&](const Step* o) { return hits(x, y, step, *o, gap); });
    };
    Step placed = step;
    placed.x = x0;
    placed.y = y0;
    // A step that overlaps nothing stays where the person put it, however close.
    if (freeAt(x0, y0, 0))
        return placed;

    // Candidates: the spot asked for, and beside, above and below every step near the column.
    // The nearest free one wins; below the lowest step of the lane is always free.
    std::vector<int> xs{x0};
    std::vector<int> ys{y0, 0};
    int lowest = 0;
    for (const Step* o : others) {
        lowest = std::max(lowest, o->y + o->h);
        xs.push_back(o->x + o->w + kPlacementGap);
        xs.push_back(o->x - step.w - kPlacementGap);
        ys.push_back(o->y + o->h + kPlacementGap);
        ys.push_back(o->y - step.h - kPlacementGap);
    }
    ys.push_back(lowest + kPlacementGap);
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());

    struct Candidate {
        long distance;
        int y;
        int x;
        bool operator<(const Candidate& o) const
        {
            return distance != o.distance ? distance < o.distance : (y != o.y ? y < o.y : x < o.x);
        }
    };
    std::vector<Candidate> candidates;
    for (int x : xs) {
        if (x < 0 || !centreIn(column, x, step.w))
            continue;
        for (int y : ys) {
            if (y < 0)
                continue;
            const long dx = x - x0;
            // A move across costs half one down: the map reads left to right, and a step
            // pushed below its row makes the lane grow.
            const long dy = 2L * (y - y0);
            candidates.push_back({dx * dx + dy * dy, y, x});
        }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const Candidate& c : candidates) {
        if (freeAt(c.x, c.y, kPlacementGap)) {
            placed.x = c.x;
            placed.y = c.y;
            return placed;
        }
    }
    placed.x = x0;
    placed.y = lowest + kPlacementGap;
    return placed;
}

std::vector<Edit> settleSteps(Map& map, const std::vector<std::string>& stepIds)
{
    std::vector<Edit> edits;
    std::set<std::string> done;
    for (const std::string& id : stepIds) {
        if (!done.insert(id).second || !map.step(id))
            continue;
        Step step = *map.step(id);
        // A step without a phase (older maps allowed it) has no column to keep to.
        if (!map.phases.empty() && !step.phase.empty()) {
            if (!map.phase(step.phase))
                step.phase = phaseAt(map, step.x + step.w / 2);
            const Phase& phase = *map.phase(step.phase);
            const bool last = &map.phases.back() == &phase;
            if (!last && phase.width < step.w + 2 * kPlacementGap) {
                Edit widen = ResizePhase{phase.id, snap(step.w + 2 * kPlacementGap + kGrid / 2)};
                apply(map, widen);
                edits.push_back(std::move(widen));
                step = *map.step(id); // later columns moved; this one did not
                step.phase = phase.id;
            }
        }
        const Step placed = nearestFreePlace(map, step);
        const Step& now = *map.step(id);
        if (placed.x == now.x && placed.y == now.y && placed.phase == now.phase)
            continue;
        Edit move = MoveSteps{{StepPlacement{id, placed.lane, placed.phase, placed.x, placed.y}}};
        apply(map, move);
        edits.push_back(std::move(move));
    }
    return edits;
}

std::vector<std::string> placementProblems(const Map& map)
{
    std::vector<std::string> problems;
    auto name = [](const Step& s) { return "step \"" + s.label + "\" (" + s.id + ")"; };
    auto phaseName = [&](const std::string& id) {
        const Phase* p = map.phase(id);
        return p ? "\"" + p->name + "\"" : "\"" + id + "\"";
    };
    std::map<std::string, std::vector<const Step*>> byLane;
    for (const Step& s : map.steps) {
        byLane[s.lane].push_back(&s);
        if (!phaseAgrees(map, s))
            problems.push_back(name(s) + " is in phase " + phaseName(s.phase) + " but drawn in phase " +
                               phaseName(phaseAt(map, s.x + s.w / 2)));
    }
    for (auto& [lane, steps] : byLane) {
        std::sort(steps.begin(), steps.end(), [](const Step* a, const Step* b) { return a->x < b->x; });
        for (std::size_t i = 0; i < steps.size(); ++i)
            for (std::size_t j = i + 1; j < steps.size() && steps[j]->x < steps[i]->x + steps[i]->w; ++j)
                if (overlap(*steps[i], *steps[j]))
                    problems.push_back(name(*steps[i]) + " and " + name(*steps[j]) + " overlap");
    }
    return problems;
}

std::vector<Edit> settleAll(Map& map)
{
    std::vector<std::string> ids;
    ids.reserve(map.steps.size());
    for (const Step& s : map.steps)
        ids.push_back(s.id);
    return settleSteps(map, ids);
}

} // namespace crosswalk::layout

namespace crosswalk::layout {

std::string settleImported(Map& map)
{
    const std::vector<Edit> settled = settleAll(map);
    apply(map, growLanesToFit(map));
    const auto moved = static_cast<std::size_t>(std::count_if(
        settled.begin(), settled.end(), [](const Edit& e) { return std::holds_alternative<MoveSteps>(e.v); }));
    if (moved == 0)
        return {};
    return std::to_string(moved) + (moved == 1 ? " step was" : " steps were") +
           " moved into its phase's column or off another step";
}

} // namespace crosswalk::layout
