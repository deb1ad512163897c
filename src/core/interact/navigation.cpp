#include "crosswalk/interact/navigation.h"

#include <cstdlib>
#include <limits>

namespace crosswalk::navigation {

std::string startStep(const Map& map)
{
    const Step* first = nullptr;
    for (const Step& s : map.steps) {
        const auto lane = map.laneIndex(s.lane).value_or(0);
        if (!first || lane < map.laneIndex(first->lane).value_or(0) ||
            (lane == map.laneIndex(first->lane).value_or(0) && s.x < first->x))
            first = &s;
    }
    return first ? first->id : std::string();
}

std::string neighbourStep(const Map& map, const std::string& fromId, Direction direction)
{
    const Step* from = map.step(fromId);
    if (!from)
        return {};
    std::string target;
    if (direction == Direction::Right || direction == Direction::Left) {
        const bool forward = direction == Direction::Right;
        for (const Flow& f : map.flows)
            if (forward ? f.from == from->id : f.to == from->id) {
                target = forward ? f.to : f.from;
                break;
            }
        if (target.empty()) {
            // No flow that way: the nearest step in the same lane in that direction.
            int best = std::numeric_limits<int>::max();
            for (const Step& s : map.steps)
                if (s.lane == from->lane && s.id != from->id) {
                    const int d = forward ? s.x - from->x : from->x - s.x;
                    if (d > 0 && d < best) {
                        best = d;
                        target = s.id;
                    }
                }
        }
        return target;
    }
    const auto laneIndex = map.laneIndex(from->lane);
    if (!laneIndex)
        return {};
    const int dir = direction == Direction::Down ? 1 : -1;
    const int centre = from->x + from->w / 2;
    // The nearest lane in that direction that has steps, and in it the step nearest in x.
    for (int i = static_cast<int>(*laneIndex) + dir; i >= 0 && i < static_cast<int>(map.lanes.size()); i += dir) {
        int best = std::numeric_limits<int>::max();
        for (const Step& s : map.steps)
            if (s.lane == map.lanes[static_cast<std::size_t>(i)].id) {
                const int d = std::abs(s.x + s.w / 2 - centre);
                if (d < best) {
                    best = d;
                    target = s.id;
                }
            }
        if (!target.empty())
            break;
    }
    return target;
}

} // namespace crosswalk::navigation
