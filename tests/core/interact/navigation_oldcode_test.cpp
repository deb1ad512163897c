// TEMPORARY: MapCanvas::navigate as it was before the move (copied verbatim from HEAD, with
// selectOnly(x) turned into return x), run side by side with navigation::neighbourStep.
#include "core/support/randommap.h"
#include "crosswalk/interact/navigation.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <limits>
#include <optional>

using namespace crosswalk;

namespace {
namespace Qt {
enum { Key_Left = 1, Key_Up, Key_Right, Key_Down };
}

std::string oldNavigate(const Map* m, const std::optional<std::string>& currentStepId, int key)
{
    if (!m || m->steps.empty())
        return "<none>";
    const auto current = currentStepId;
    if (!current) {
        // Nothing selected: start where the process starts, top left.
        const Step* first = nullptr;
        for (const Step& s : m->steps) {
            const auto lane = m->laneIndex(s.lane).value_or(0);
            if (!first || lane < m->laneIndex(first->lane).value_or(0) ||
                (lane == m->laneIndex(first->lane).value_or(0) && s.x < first->x))
                first = &s;
        }
        return first->id;
    }
    const Step* from = m->step(*current);
    if (!from)
        return "<none>";
    std::string target;
    if (key == Qt::Key_Right || key == Qt::Key_Left) {
        const bool forward = key == Qt::Key_Right;
        for (const Flow& f : m->flows)
            if (forward ? f.from == from->id : f.to == from->id) {
                target = forward ? f.to : f.from;
                break;
            }
        if (target.empty()) {
            // No flow that way: the nearest step in the same lane in that direction.
            int best = std::numeric_limits<int>::max();
            for (const Step& s : m->steps)
                if (s.lane == from->lane && s.id != from->id) {
                    const int d = forward ? s.x - from->x : from->x - s.x;
                    if (d > 0 && d < best) {
                        best = d;
                        target = s.id;
                    }
                }
        }
    } else {
        const auto laneIndex = m->laneIndex(from->lane);
        if (!laneIndex)
            return "<none>";
        const int dir = key == Qt::Key_Down ? 1 : -1;
        const int centre = from->x + from->w / 2;
        // The nearest lane in that direction that has steps, and in it the step nearest in x.
        for (int i = static_cast<int>(*laneIndex) + dir; i >= 0 && i < static_cast<int>(m->lanes.size()); i += dir) {
            int best = std::numeric_limits<int>::max();
            for (const Step& s : m->steps)
                if (s.lane == m->lanes[static_cast<std::size_t>(i)].id) {
                    const int d = std::abs(s.x + s.w / 2 - centre);
                    if (d < best) {
                        best = d;
                        target = s.id;
                    }
                }
            if (!target.empty())
                break;
        }
    }
    return target.empty() ? "<none>" : target;
}

} // namespace

TEST_CASE("TEMP navigation matches the old MapCanvas::navigate", "[interact][tempnav]")
{
    using navigation::Direction;
    int checked = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        Map map = test::randomMap(seed, {.lanes = 1 + static_cast<int>(seed % 6), .steps = static_cast<int>(seed % 40), .flows = static_cast<int>(seed % 30)});
        if (seed % 7 == 0 && !map.steps.empty())
            map.steps.front().x = map.steps.back().x; // ties
        for (int key : {Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down}) {
            const std::string start = oldNavigate(&map, std::nullopt, key);
            CHECK(start == (map.steps.empty() ? "<none>" : navigation::startStep(map)));
        }
        for (const Step& s : map.steps)
            for (const auto& [key, dir] : {std::pair{int(Qt::Key_Left), Direction::Left}, std::pair{int(Qt::Key_Right), Direction::Right},
                                           std::pair{int(Qt::Key_Up), Direction::Up}, std::pair{int(Qt::Key_Down), Direction::Down}}) {
                const std::string expected = oldNavigate(&map, s.id, key);
                const std::string actual = navigation::neighbourStep(map, s.id, dir);
                CHECK(expected == (actual.empty() ? "<none>" : actual));
                ++checked;
            }
    }
    CHECK(checked > 1000);
}
