#include "crosswalk/insights/mapinsights.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace crosswalk {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// Adds one counted item and the steps behind it to a figure. Items arrive in map order
/// (the map is walked once), so ids stay in map order; stepIds are sorted into map order
/// at the end, because the ends of a handoff or a flow's annotation arrive out of order.
void count(Figure& figure, const std::string& id, std::initializer_list<const std::string*> steps)
{
    ++figure.count;
    figure.ids.push_back(id);
    for (const std::string* step : steps)
        if (step)
            figure.stepIds.push_back(*step);
}

Figure* annotationFigure(Figures& f, const Annotation& a)
{
    switch (a.kind) {
    case AnnotationKind::BlackBox:
        return &f.blackBoxes;
    case AnnotationKind::Harm:
        return &f.harmPoints;
    case AnnotationKind::Variation:
        if (!a.variation)
            return &f.variationUnspecified;
        return *a.variation == Variation::Intentional ? &f.variationIntentional : &f.variationUnintentional;
    case AnnotationKind::Question:
        return &f.questions;
    case AnnotationKind::Insight:
        return &f.insights;
    case AnnotationKind::ChangeIdea:
        if (a.horizon && *a.horizon >= 1 && *a.horizon <= 3)
            return &f.changeIdeas[static_cast<std::size_t>(*a.horizon - 1)];
        return &f.changeIdeasNoHorizon;
    }
    return nullptr;
}

/// Puts stepIds in map order without repeats, given each step's index in the map.
void finish(Figure& figure, const std::unordered_map<std::string, std::size_t>& stepIndex)
{
    auto& ids = figure.stepIds;
    std::sort(ids.begin(), ids.end(),
              [&](const std::string& a, const std::string& b) { return stepIndex.at(a) < stepIndex.at(b); });
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

void finish(Figures& f, const std::unordered_map<std::string, std::size_t>& stepIndex)
{
    for (Figure* figure :
         {&f.steps, &f.handoffs, &f.decisions, &f.waits, &f.blackBoxes, &f.harmPoints, &f.variationIntentional,
          &f.variationUnintentional, &f.variationUnspecified, &f.questions, &f.insights, &f.changeIdeas[0],
          &f.changeIdeas[1], &f.changeIdeas[2], &f.changeIdeasNoHorizon, &f.noWayForward})
        finish(*figure, stepIndex);
}

/// The longest start-to-end path as documented on MapInsights::longestPath().
std::vector<std::string> findLongestPath(const Map& map, const std::unordered_map<std::string, std::size_t>& stepIndex)
{
    const std::size_t n = map.steps.size();
    // Flows out of each step, as target step indices in flow (map) order.
    std::vector<std::vector<std::size_t>> out(n);
    for (const Flow& flow : map.flows) {
        const auto from = stepIndex.find(flow.from);
        const auto to = stepIndex.find(flow.to);
        if (from != stepIndex.end() && to != stepIndex.end())
            out[from->second].push_back(to->second);
    }

    // Iterative DFS, so that a long chain of steps cannot overflow the call stack.
    enum class State { New, OnStack, Done };
    std::vector<State> state(n, State::New);
    std::vector<std::vector<bool>> kept(n); // per flow out of a step: false for a back edge
    for (std::size_t i = 0; i < n; ++i)
        kept[i].assign(out[i].size(), true);
    std::vector<std::size_t> postorder;
    postorder.reserve(n);
    for (std::size_t root = 0; root < n; ++root) {
        if (map.steps[root].kind != StepKind::Start || state[root] != State::New)
            continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}}; // step, next flow
        state[root] = State::OnStack;
        while (!stack.empty()) {
            auto& [step, next] = stack.back();
            if (next == out[step].size()) {
                state[step] = State::Done;
                postorder.push_back(step);
                stack.pop_back();
                continue;
            }
            const std::size_t edge = next++;
            const std::size_t to = out[step][edge];
            if (state[to] == State::OnStack)
                kept[step][edge] = false;
            else if (state[to] == State::New) {
                state[to] = State::OnStack;
                stack.emplace_back(to, 0); // invalidates step/next; the loop re-reads back()
            }
        }
    }

    // In postorder every kept flow leads to a step already finished, so one pass gives
    // each step its longest way (in steps) to an end step, and the first flow on it.
    std::vector<int> length(n, 0); // 0: no end step reachable
    std::vector<std::size_t> via(n, kNone);
    for (std::size_t step : postorder) {
        if (map.steps[step].kind == StepKind::End)
            length[step] = 1;
        for (std::size_t edge = 0; edge < out[step].size(); ++edge) {
            const std::size_t to = out[step][edge];
            if (kept[step][edge] && length[to] > 0 && length[to] + 1 > length[step]) {
                length[step] = length[to] + 1;
                via[step] = to;
            }
        }
    }

    std::size_t best = kNone;
    for (std::size_t i = 0; i < n; ++i)
        if (map.steps[i].kind == StepKind::Start && length[i] > 0 && (best == kNone || length[i] > length[best]))
            best = i;
    std::vector<std::string> path;
    for (std::size_t step = best; step != kNone; step = via[step])
        path.push_back(map.steps[step].id);
    return path;
}

} // namespace

MapInsights::MapInsights(const Map& map)
{
    std::unordered_map<std::string, std::size_t> stepIndex;
    for (std::size_t i = 0; i < map.steps.size(); ++i)
        stepIndex.emplace(map.steps[i].id, i);
    std::unordered_map<std::string, std::size_t> laneIndex, phaseIndex;
    for (const Lane& lane : map.lanes) {
        laneIndex.emplace(lane.id, m_lanes.size());
        m_lanes.push_back({lane.id, {}});
    }
    for (const Phase& phase : map.phases) {
        phaseIndex.emplace(phase.id, m_phases.size());
        m_phases.push_back({phase.id, {}});
    }
    // The scopes (overall, lane, phase) an item counts in; a null lane or phase is skipped.
    const auto laneOf = [&](const std::string& id) -> Figures* {
        const auto it = laneIndex.find(id);
        return it == laneIndex.end() ? nullptr : &m_lanes[it->second].figures;
    };
    const auto phaseOf = [&](const std::string& id) -> Figures* {
        const auto it = phaseIndex.find(id);
        return it == phaseIndex.end() ? nullptr : &m_phases[it->second].figures;
    };

    // Lookups by index rather than Map::step(), which searches: maps run to hundreds of steps.
    const auto stepOf = [&](const std::string& id) -> const Step* {
        const auto it = stepIndex.find(id);
        return it == stepIndex.end() ? nullptr : &map.steps[it->second];
    };
    std::unordered_map<std::string, const Flow*> flowById;
    for (const Flow& flow : map.flows)
        flowById.emplace(flow.id, &flow);

    std::unordered_set<std::string> hasWayForward;
    for (const Flow& flow : map.flows)
        if (flow.from != flow.to && stepIndex.count(flow.to))
            hasWayForward.insert(flow.from);

    for (const Step& step : map.steps) {
        for (Figures* f : {&m_overall, laneOf(step.lane), phaseOf(step.phase)}) {
            if (!f)
                continue;
            count(f->steps, step.id, {&step.id});
            if (step.kind == StepKind::Decision)
                count(f->decisions, step.id, {&step.id});
            if (step.kind == StepKind::Wait)
                count(f->waits, step.id, {&step.id});
            if (step.kind != StepKind::End && !hasWayForward.count(step.id))
                count(f->noWayForward, step.id, {&step.id});
        }
    }

    for (const Flow& flow : map.flows) {
        const Step* from = stepOf(flow.from);
        const Step* to = stepOf(flow.to);
        if (!from || !to || from->lane == to->lane)
            continue;
        Figures* fromLane = laneOf(from->lane);
        Figures* toLane = laneOf(to->lane);
        for (Figures* f : {&m_overall, fromLane, toLane == fromLane ? nullptr : toLane, phaseOf(from->phase)})
            if (f)
                count(f->handoffs, flow.id, {&from->id, &to->id});
    }

    for (const Annotation& a : map.annotations) {
        Figures* lane = nullptr;
        Figures* phase = nullptr;
        const std::string* step1 = nullptr;
        const std::string* step2 = nullptr;
        const auto flow = flowById.find(a.target);
        if (const Step* step = stepOf(a.target)) {
            lane = laneOf(step->lane);
            phase = phaseOf(step->phase);
            step1 = &step->id;
        } else if (flow != flowById.end()) {
            if (const Step* from = stepOf(flow->second->from)) {
                lane = laneOf(from->lane);
                phase = phaseOf(from->phase);
                step1 = &from->id;
            }
            if (const Step* to = stepOf(flow->second->to))
                step2 = &to->id;
        } else {
            lane = laneOf(a.target); // a lane, or nothing: the whole map or an id not in it
        }
        for (Figures* f : {&m_overall, lane, phase})
            if (f)
                if (Figure* figure = annotationFigure(*f, a))
                    count(*figure, a.id, {step1, step2});
    }

    finish(m_overall, stepIndex);
    for (LaneFigures& l : m_lanes)
        finish(l.figures, stepIndex);
    for (PhaseFigures& p : m_phases)
        finish(p.figures, stepIndex);

    m_longestPath.ids = findLongestPath(map, stepIndex);
    m_longestPath.stepIds = m_longestPath.ids;
    m_longestPath.count = static_cast<int>(m_longestPath.ids.size());
}

const Figures* MapInsights::lane(std::string_view laneId) const
{
    for (const LaneFigures& l : m_lanes)
        if (l.laneId == laneId)
            return &l.figures;
    return nullptr;
}

const Figures* MapInsights::phase(std::string_view phaseId) const
{
    for (const PhaseFigures& p : m_phases)
        if (p.phaseId == phaseId)
            return &p.figures;
    return nullptr;
}

} // namespace crosswalk
