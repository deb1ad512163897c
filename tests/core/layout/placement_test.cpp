#include "crosswalk/interact/gestures.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/layout.h"
#include "crosswalk/layout/placement.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace crosswalk;

namespace {

/// What the placement rules promise of every map the gestures leave: each step inside its lane
/// band and its phase's column, and no two steps of a lane overlapping. Empty when all hold.
std::string brokenRules(const Map& map)
{
    std::ostringstream out;
    for (std::size_t i = 0; i < map.steps.size(); ++i) {
        const Step& s = map.steps[i];
        if (!layout::phaseAgrees(map, s))
            out << s.id << " is drawn in phase " << layout::phaseAt(map, s.x + s.w / 2) << " but is in " << s.phase
                << "\n";
        const Lane* lane = map.lane(s.lane);
        if (s.x < 0 || s.y < 0 || (lane && s.y + s.h > lane->height))
            out << s.id << " is outside its lane\n";
        for (std::size_t j = i + 1; j < map.steps.size(); ++j)
            if (layout::overlap(s, map.steps[j]))
                out << s.id << " overlaps " << map.steps[j].id << "\n";
    }
    return out.str();
}

Step someStep(const Map& map, test::Rng& rng) { return map.steps[rng.below(map.steps.size())]; }

/// One of the canvas's placing gestures, as the canvas builds it, with random targets that may
/// well land on other steps.
Batch randomGesture(const Map& map, test::Rng& rng, std::string* name)
{
    using namespace gestures;
    const int width = std::max(400, layout::totalWidth(map));
    const int height = std::max(200, layout::totalHeight(map));
    switch (rng.range(0, 5)) {
    case 0: { // double-click in a lane
        *name = "double-click";
        const int x = rng.range(0, width);
        const int y = rng.range(0, height);
        const std::string lane = layout::laneAt(map, y);
        Step s = newStep(map, lane, x - 75, y - layout::laneTop(map, lane) - 35, StepKind::Activity);
        return withRoomToFit(map, "Add step", {AddStep{s, std::nullopt}});
    }
    case 1: { // drag a selection of up to four steps
        *name = "drag";
        const int dx = rng.range(-300, 300);
        const int dy = rng.range(-150, 150);
        MoveSteps moves;
        std::set<std::string> picked;
        for (int i = rng.range(1, 4); i > 0; --i) {
            const Step s = someStep(map, rng);
            if (!picked.insert(s.id).second)
                continue;
            const int x = std::max(0, s.x + dx);
            const int top = layout::laneTop(map, s.lane) + s.y + dy;
            const std::string lane = layout::laneAt(map, std::max(0, top));
            const int y = std::max(0, top - layout::laneTop(map, lane));
            moves.moves.push_back({s.id, lane, layout::phaseAt(map, x + s.w / 2), x, y});
        }
        return withRoomToFit(map, "Move steps", {std::move(moves)});
    }
    case 2: { // resize
        *name = "resize";
        Step s = someStep(map, rng);
        s.w = layout::snap(rng.range(60, 420));
        s.h = layout::snap(rng.range(40, 200));
        s.phase = layout::phaseAt(map, s.x + s.w / 2);
        return withRoomToFit(map, "Resize step", {UpdateStep{s}});
    }
    case 3: { // the inspector's phase box
        *name = "choose phase";
        Step s = someStep(map, rng);
        if (!map.phases.empty())
            s.phase = map.phases[rng.below(map.phases.size())].id;
        return withRoomToFit(map, "Edit step", {UpdateStep{s}});
    }
    case 4: { // Tab or Shift+Tab
        *name = "tab";
        std::string id;
        return nextStep(map, someStep(map, rng), rng.chance(30), StepKind::Activity, &id);
    }
    default: { // paste a copy at an offset
        *name = "paste";
        Step s = someStep(map, rng);
        s.id = newId("s-");
        s.x = std::max(0, s.x + rng.range(-40, 40));
        s.y = std::max(0, s.y + rng.range(-20, 20));
        s.phase = layout::phaseAt(map, s.x + s.w / 2);
        return withRoomToFit(map, "Paste step", {AddStep{s, std::nullopt}});
    }
    }
}

} // namespace

TEST_CASE("Random gestures never leave two steps overlapping or a step outside its phase's column",
          "[layout][placement][property]")
{
    // 60 maps x 40 gestures; each map starts laid out (the rules hold), with and without phases.
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        Map map = test::randomMap(seed, {.lanes = 3, .phases = seed % 4 == 0 ? 0 : 3, .steps = 16, .flows = 14});
        layout::autoLayout(map);
        REQUIRE(brokenRules(map).empty());
        test::Rng rng(seed * 7919);
        for (int i = 0; i < 40; ++i) {
            std::string name;
            const Map before = map;
            const Batch batch = randomGesture(map, rng, &name);
            Edit inverse = apply(map, batch);
            const std::string broken = brokenRules(map);
            INFO("seed " << seed << ", gesture " << i << " (" << name << ")");
            REQUIRE(broken.empty());
            // One undo step takes all of it back, placement included.
            Map undone = map;
            apply(undone, inverse);
            REQUIRE(undone == before);
        }
    }
}

TEST_CASE("Choosing a phase moves the step into that phase's column, and a narrow column widens", "[layout][placement]")
{
    Map map = test::randomMap(3, {.lanes = 2, .phases = 3, .steps = 6, .flows = 4});
    layout::autoLayout(map);
    Step s = map.steps.front();
    const std::string target = s.phase == map.phases.back().id ? map.phases.front().id : map.phases.back().id;
    s.phase = target;
    const Batch batch = gestures::withRoomToFit(map, "Edit step", {UpdateStep{s}});
    apply(map, batch);
    const Step& moved = *map.step(s.id);
    CHECK(moved.phase == target);
    CHECK(layout::phaseAt(map, moved.x + moved.w / 2) == target);
    CHECK(brokenRules(map).empty());

    // A step wider than its (middle) column: the column widens and the later ones move right.
    Step wide = *map.step(s.id);
    const Phase middle = map.phases[1];
    const int rightBefore = layout::phaseLeft(map, map.phases[2].id);
    std::vector<std::string> laterSteps;
    for (const Step& t : map.steps)
        if (t.phase == map.phases[2].id && t.id != wide.id)
            laterSteps.push_back(t.id);
    const Map before = map;
    wide.phase = middle.id;
    wide.w = middle.width + 200;
    apply(map, gestures::withRoomToFit(map, "Resize step", {UpdateStep{wide}}));
    CHECK(map.phase(middle.id)->width >= wide.w + 2 * layout::kPlacementGap);
    const int shift = layout::phaseLeft(map, map.phases[2].id) - rightBefore;
    CHECK(shift > 0);
    for (const std::string& id : laterSteps)
        CHECK(map.step(id)->x == before.step(id)->x + shift);
    CHECK(brokenRules(map).empty());
}

TEST_CASE("A step dropped on another goes to the nearest free room in the same lane and phase", "[layout][placement]")
{
    Map map;
    map.id = "m";
    map.lanes.push_back(Lane{"l1", "Principal", "#FFFFFF", 160});
    map.lanes.push_back(Lane{"l2", "Supervisor", "#FFFFFF", 160});
    map.phases.push_back(Phase{"p1", "Fall", "#FFFFFF", 600});
    map.phases.push_back(Phase{"p2", "Spring", "#FFFFFF", 600});
    Step a;
    a.id = "a";
    a.lane = "l1";
    a.phase = "p1";
    a.x = 100;
    a.y = 40;
    map.steps.push_back(a);
    Step b = a;
    b.id = "b";
    b.x = 120; // right on top of a
    b.y = 50;
    const Batch batch = gestures::withRoomToFit(map, "Add step", {AddStep{b, std::nullopt}});
    apply(map, batch);
    const Step& placed = *map.step("b");
    CHECK(placed.lane == "l1");
    CHECK(placed.phase == "p1");
    CHECK_FALSE(layout::overlap(placed, *map.step("a")));
    // Nearest: beside a (right of it), not in the other phase or lane.
    CHECK(placed.x == a.x + a.w + layout::kPlacementGap);
    CHECK(placed.y == 50);
    CHECK(map.step("a")->x == 100); // the step already there stays put

    // A step that overlaps nothing stays where it was put, however close.
    Step c = a;
    c.id = "c";
    c.x = 100;
    c.y = a.y + a.h + 2;
    Map closeBy = map;
    apply(closeBy, gestures::withRoomToFit(map, "Add step", {AddStep{c, std::nullopt}}));
    CHECK(closeBy.step("c")->x == 100);
    CHECK(closeBy.step("c")->y == c.y);
    CHECK(brokenRules(closeBy).empty()); // the lane grew to hold it
}

TEST_CASE("placementProblems names a step drawn outside its phase and two steps on top of each other",
          "[layout][placement]")
{
    Map map;
    map.id = "m";
    map.lanes.push_back(Lane{"l1", "Principal", "#FFFFFF", 200});
    map.phases.push_back(Phase{"p1", "Fall", "#FFFFFF", 600});
    map.phases.push_back(Phase{"p2", "Spring", "#FFFFFF", 600});
    Step a;
    a.id = "a";
    a.label = "Goal setting";
    a.lane = "l1";
    a.phase = "p2"; // drawn in Fall
    a.x = 40;
    Step b = a;
    b.id = "b";
    b.label = "Walkthrough";
    b.phase = "p1";
    b.x = 100;
    map.steps = {a, b};
    const auto problems = layout::placementProblems(map);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == "step \"Goal setting\" (a) is in phase \"Spring\" but drawn in phase \"Fall\"");
    CHECK(problems[1] == "step \"Goal setting\" (a) and step \"Walkthrough\" (b) overlap");

    // Settled, the map keeps both rules, and a moves to Spring while b stays.
    layout::settleAll(map);
    CHECK(layout::placementProblems(map).empty());
    CHECK(map.step("a")->x + map.step("a")->w / 2 >= 600);
    CHECK(map.step("b")->x == 100);
}

TEST_CASE("An imported map whose step is drawn outside its phase is placed by its phase, with a notice",
          "[layout][placement][import]")
{
    Map map;
    map.id = "m-phase";
    map.props.title = "Evaluation";
    map.lanes.push_back(Lane{"l1", "Principal", "#FFFFFF", 160});
    map.phases.push_back(Phase{"p1", "Fall", "#FFFFFF", 600});
    map.phases.push_back(Phase{"p2", "Spring", "#FFFFFF", 600});
    map.steps.push_back(Step{"s1", "l1", "p2", StepKind::Activity, "Mid-year review", "", 40, 45, 150, 70});
    map.steps.push_back(Step{"s2", "l1", "p1", StepKind::Activity, "Goal setting", "", 60, 45, 150, 70});
    ImportResult result = parseMapJson(mapToJson(map));
    CHECK(result.map == map); // the exchange format itself keeps what the file says
    CHECK(layout::settleImported(result.map) == "1 step was moved into its phase's column or off another step");
    const Step& s1 = *result.map.step("s1");
    CHECK(s1.phase == "p2");
    CHECK(layout::phaseAt(result.map, s1.x + s1.w / 2) == "p2");
    CHECK(result.map.step("s2")->x == 60); // in its phase, on free room: left where it is
    CHECK(layout::placementProblems(result.map).empty());
    // A map that keeps the rules is left as it is.
    Map again = result.map;
    CHECK(layout::settleImported(again).empty());
    CHECK(again == result.map);
}
