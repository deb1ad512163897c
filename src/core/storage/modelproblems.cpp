#include "modelproblems.h"

#include "workspacefiles.h"

#include <string_view>
#include <unordered_set>

namespace crosswalk::storage {

std::vector<std::string> modelProblems(const Map& map)
{
    std::vector<std::string> problems;
    std::unordered_set<std::string_view> ids, lanes, phases, steps, flows;
    auto unique = [&](const std::string& id, std::string_view what) {
        if (!ids.insert(id).second)
            problems.push_back("id " + quoted(id) + " is used twice (again by a " + std::string(what) + ")");
    };
    for (const Lane& lane : map.lanes) {
        unique(lane.id, "lane");
        lanes.insert(lane.id);
    }
    for (const Phase& phase : map.phases) {
        unique(phase.id, "phase");
        phases.insert(phase.id);
    }
    for (const Step& step : map.steps) {
        unique(step.id, "step");
        steps.insert(step.id);
    }
    for (const Flow& flow : map.flows) {
        unique(flow.id, "flow");
        flows.insert(flow.id);
    }
    for (const Annotation& annotation : map.annotations)
        unique(annotation.id, "annotation");
    for (const StickyNote& note : map.stickyNotes)
        unique(note.id, "sticky note");
    for (const ParkingItem& item : map.parkingLot)
        unique(item.id, "parking-lot item");
    for (const Step& step : map.steps) {
        if (!lanes.count(step.lane))
            problems.push_back("step " + quoted(step.id) + " is in lane " + quoted(step.lane) +
                               ", which does not exist");
        if (!step.phase.empty() && !phases.count(step.phase))
            problems.push_back("step " + quoted(step.id) + " is in phase " + quoted(step.phase) +
                               ", which does not exist");
    }
    for (const Flow& flow : map.flows) {
        if (!steps.count(flow.from))
            problems.push_back("flow " + quoted(flow.id) + " starts at step " + quoted(flow.from) +
                               ", which does not exist");
        if (!steps.count(flow.to))
            problems.push_back("flow " + quoted(flow.id) + " ends at step " + quoted(flow.to) +
                               ", which does not exist");
    }
    for (const Annotation& a : map.annotations) {
        if (!a.target.empty() && !steps.count(a.target) && !flows.count(a.target) && !lanes.count(a.target))
            problems.push_back("annotation " + quoted(a.id) + " is on " + quoted(a.target) + ", which does not exist");
    }
    for (const StickyNote& note : map.stickyNotes) {
        if (!steps.count(note.step))
            problems.push_back("sticky note " + quoted(note.id) + " is on step " + quoted(note.step) +
                               ", which does not exist");
    }
    for (const auto& [step, count] : map.votes) {
        if (!steps.count(step))
            problems.push_back("votes are on step " + quoted(step) + ", which does not exist");
        if (count <= 0)
            problems.push_back("step " + quoted(step) + " has " + std::to_string(count) + " votes");
    }
    if (map.session.durationSeconds < 0 || map.session.remainingSeconds < 0)
        problems.push_back("the session timer has a negative time");
    return problems;
}

} // namespace crosswalk::storage
