#include "crosswalk/layout/layout.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <map>

using namespace crosswalk;
using namespace crosswalk::layout;

namespace {

int phaseTotal(const Map& map)
{
    int total = 0;
    for (const Phase& p : map.phases)
        total += p.width;
    return total;
}

/// Everything autoLayout promises, checked on before and after.
void checkLayout(const Map& before, const Map& after)
{
    // Only geometry changes.
    REQUIRE(after.steps.size() == before.steps.size());
    CHECK(after.flows == before.flows);
    CHECK(after.annotations == before.annotations);
    CHECK(after.props == before.props);
    REQUIRE(after.lanes.size() == before.lanes.size());
    REQUIRE(after.phases.size() == before.phases.size());
    for (std::size_t i = 0; i < after.lanes.size(); ++i) {
        CHECK(after.lanes[i].id == before.lanes[i].id);
        CHECK(after.lanes[i].height >= before.lanes[i].height); // lanes only grow
        CHECK(after.lanes[i].height >= requiredLaneHeight(after, after.lanes[i].id));
    }
    for (std::size_t i = 0; i < after.phases.size(); ++i) {
        CHECK(after.phases[i].id == before.phases[i].id);
        CHECK(after.phases[i].width >= before.phases[i].width); // columns only widen
        CHECK(after.phases[i].width >= kMinPhaseWidth);
    }
    const int right = phaseTotal(after);
    for (std::size_t i = 0; i < after.steps.size(); ++i) {
        const Step& s = after.steps[i];
        const Step& b = before.steps[i];
        INFO("step " << s.id);
        CHECK((s.id == b.id && s.lane == b.lane && s.phase == b.phase && s.label == b.label && s.kind == b.kind));
        const Lane* lane = after.lane(s.lane);
        REQUIRE(lane);
        CHECK(s.y >= 0);
        CHECK(s.y + s.h <= lane->height);
        CHECK(s.x >= 0);
        if (const Phase* phase = after.phase(s.phase)) {
            const int left = phaseLeft(after, s.phase);
            CHECK(s.x >= left);
            CHECK(s.x + s.w <= left + phase->width);
        } else {
            CHECK(s.x >= right); // steps without a phase go right of every column
        }
        for (std::size_t j = i + 1; j < after.steps.size(); ++j) {
            INFO("and step " << after.steps[j].id);
            CHECK_FALSE(stepRect(after, s).intersects(stepRect(after, after.steps[j])));
        }
    }
}

test::RandomMapOptions layoutOptions(std::uint64_t seed)
{
    test::Rng rng(seed + 17);
    test::RandomMapOptions o;
    o.lanes = rng.range(1, 6);
    o.phases = rng.chance(25) ? 0 : rng.range(1, 5);
    o.steps = rng.range(0, 45);
    o.flows = rng.range(0, 60);
    o.annotations = 3;
    o.phaselessPercent = rng.chance(30) ? 25 : 0;
    o.geometry = rng.chance(50);
    return o;
}

/// Keeps only flows that go forward in step order, so the flows have no cycle.
Map withoutCycles(Map map)
{
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < map.steps.size(); ++i)
        index[map.steps[i].id] = i;
    std::erase_if(map.flows, [&](const Flow& f) { return index[f.from] >= index[f.to]; });
    std::erase_if(map.annotations, [&](const Annotation& a) { return a.target.starts_with("f"); });
    return map;
}

Step at(std::string id, std::string lane, std::string phase)
{
    Step s;
    s.id = std::move(id);
    s.lane = std::move(lane);
    s.phase = std::move(phase);
    return s;
}

} // namespace

TEST_CASE("autoLayout places steps by flow, across lanes, and widens a narrow phase", "[layout]")
{
    Map map;
    map.lanes = {{"l1", "Supervisor", "#FFFFFF", 160}, {"l2", "HR", "#FFFFFF", 160}};
    map.phases = {{"p1", "Fall", "#FFFFFF", 160}, {"p2", "Spring", "#FFFFFF", 480}};
    // Listed out of flow order on purpose.
    map.steps = {at("c", "l1", "p1"), at("a", "l1", "p1"), at("b", "l2", "p1"), at("d", "l2", "p2")};
    map.flows = {{"f1", "a", "b", ""}, {"f2", "b", "c", ""}, {"f3", "c", "d", ""}};
    const Map before = map;
    autoLayout(map);
    checkLayout(before, map);
    // a -> b -> c zig-zags across the lanes: three slots of 150 with gaps of kStepGap.
    CHECK(map.step("a")->x == kStepGap);
    CHECK(map.step("b")->x == kStepGap + 150 + kStepGap);
    CHECK(map.step("c")->x == kStepGap + 2 * (150 + kStepGap));
    CHECK(map.phase("p1")->width == kStepGap + 3 * (150 + kStepGap));
    CHECK(map.step("d")->x == map.phase("p1")->width + kStepGap);
    CHECK(map.phase("p2")->width == 480); // wide enough already
    // Centred in the lane, which was tall enough.
    CHECK(map.lane("l1")->height == 160);
    CHECK(map.step("a")->y == (160 - 70) / 2);
}

TEST_CASE("autoLayout breaks cycles by step order and grows lanes for tall steps", "[layout]")
{
    Map map;
    map.lanes = {{"l1", "Supervisor", "#FFFFFF", 100}};
    map.steps = {at("x", "l1", ""), at("y", "l1", ""), at("z", "l1", "")};
    map.steps[2].h = 140;
    map.flows = {{"f1", "y", "x", ""}, {"f2", "x", "y", ""}, {"f3", "z", "x", ""}};
    const Map before = map;
    autoLayout(map);
    checkLayout(before, map);
    // z has no incoming flow, so it leads; x and y form a cycle, broken at x (listed first).
    CHECK(map.step("z")->x < map.step("x")->x);
    CHECK(map.step("x")->x < map.step("y")->x);
    CHECK(map.lane("l1")->height == 140 + 2 * kLanePadding);
    CHECK(map.step("z")->y == kLanePadding);
}

TEST_CASE("autoLayout keeps every invariant on 200 random maps", "[layout]")
{
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        INFO("seed " << seed);
        const Map original = test::randomMap(seed, layoutOptions(seed));
        Map map = original;
        autoLayout(map);
        checkLayout(original, map);

        // Deterministic, and laying out a laid-out map changes nothing.
        Map again = original;
        autoLayout(again);
        CHECK(again == map);
        Map twice = map;
        autoLayout(twice);
        CHECK(twice == map);
    }
}

TEST_CASE("autoLayout puts a flow's target right of its source within a column", "[layout]")
{
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        INFO("seed " << seed);
        Map map = withoutCycles(test::randomMap(seed, layoutOptions(seed)));
        autoLayout(map);
        for (const Flow& f : map.flows) {
            const Step& from = *map.step(f.from);
            const Step& to = *map.step(f.to);
            const bool sameColumn = from.phase == to.phase;
            if (!sameColumn)
                continue;
            INFO("flow " << f.id);
            CHECK(from.x + from.w <= to.x);
        }
    }
}

TEST_CASE("autoLayout of a map without phases lays each lane out left to right", "[layout]")
{
    const Map original = test::randomMap(11, {.lanes = 3, .phases = 0, .steps = 25, .flows = 30, .geometry = false});
    REQUIRE(needsLayout(original));
    Map map = original;
    autoLayout(map);
    checkLayout(original, map);
    CHECK_FALSE(needsLayout(map));
    for (const Step& s : map.steps)
        CHECK(s.x >= kStepGap);
}

TEST_CASE("autoLayoutEdit does what autoLayout does, undoably", "[layout]")
{
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        INFO("seed " << seed);
        const Map original = test::randomMap(seed, layoutOptions(seed));
        Map expected = original;
        autoLayout(expected);

        Map map = original;
        const Edit edit = autoLayoutEdit(original);
        const Edit undo = apply(map, edit);
        CHECK(map == expected);
        apply(map, undo);
        CHECK(map == original);

        // Nothing left to do on a laid-out map.
        const Edit none = autoLayoutEdit(expected);
        CHECK(std::get<Batch>(none.v).edits.empty());
    }
}
