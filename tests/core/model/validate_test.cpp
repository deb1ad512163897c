#include "crosswalk/edit/edit.h"
#include "crosswalk/model/validate.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

using namespace crosswalk;

namespace {

std::vector<std::string> linesOf(const std::vector<MapProblem>& problems)
{
    std::vector<std::string> lines;
    for (const MapProblem& problem : problems)
        lines.push_back(problem.toString());
    return lines;
}

/// The problems of smallMap() after change.
std::vector<std::string> problemsAfter(const std::function<void(Map&)>& change)
{
    Map map = test::smallMap();
    change(map);
    return linesOf(validateMap(map));
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("valid maps have no problems", "[model][validate]")
{
    CHECK(validateMap(test::smallMap()).empty());
    CHECK(validateMap(Map{}).empty());
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        INFO("seed " << seed);
        const Map map = test::randomMap(seed, {.phaselessPercent = 20, .stickyNotes = 5, .parkingItems = 3});
        CHECK(linesOf(validateMap(map)) == Lines{});
    }
}

TEST_CASE("ids are present and unique across kinds", "[model][validate]")
{
    CHECK(problemsAfter([](Map& m) { m.lanes[1].id = ""; }) ==
          Lines{"map.lanes[1].id: an id must not be empty", R"(map.steps[2].lane: no lane "l2")",
                R"(map.annotations[2].target: no lane, step or flow "l2")"});
    CHECK(problemsAfter([](Map& m) { m.parkingLot.push_back({"", "later", "", false}); }) ==
          Lines{"map.parking_lot[0].id: an id must not be empty"});
    CHECK(problemsAfter([](Map& m) { m.flows[0].id = "s1"; }) ==
          Lines{R"(map.flows[0].id: duplicate id "s1"; map.steps[0].id has it too)"});
    CHECK(problemsAfter([](Map& m) { m.stickyNotes.push_back({"a2", "s1", "", "#FFE680"}); }) ==
          Lines{R"(map.sticky_notes[0].id: duplicate id "a2"; map.annotations[1].id has it too)"});
}

TEST_CASE("references resolve to an entity of the right kind", "[model][validate]")
{
    CHECK(problemsAfter([](Map& m) { m.steps[3].lane = "l9"; }) == Lines{R"(map.steps[3].lane: no lane "l9")"});
    CHECK(problemsAfter([](Map& m) { m.steps[3].lane = ""; }) == Lines{R"(map.steps[3].lane: no lane "")"});
    CHECK(problemsAfter([](Map& m) { m.steps[0].lane = "p1"; }) ==
          Lines{R"(map.steps[0].lane: no lane "p1" ("p1" is a phase))"});
    CHECK(problemsAfter([](Map& m) { m.steps[0].phase = "p7"; }) == Lines{R"(map.steps[0].phase: no phase "p7")"});
    CHECK(problemsAfter([](Map& m) { m.steps[0].phase = ""; }).empty());
    CHECK(problemsAfter([](Map& m) { m.flows[0].from = "s9"; }) == Lines{R"(map.flows[0].from: no step "s9")"});
    CHECK(problemsAfter([](Map& m) { m.flows[1].to = "l1"; }) ==
          Lines{R"(map.flows[1].to: no step "l1" ("l1" is a lane))"});
    CHECK(problemsAfter([](Map& m) { m.annotations[0].target = "zz"; }) ==
          Lines{R"(map.annotations[0].target: no lane, step or flow "zz")"});
    CHECK(problemsAfter([](Map& m) { m.annotations[0].target = "p1"; }) ==
          Lines{R"(map.annotations[0].target: no lane, step or flow "p1" ("p1" is a phase))"});
    CHECK(problemsAfter([](Map& m) { m.annotations[0].target = ""; }).empty());
    CHECK(problemsAfter([](Map& m) { m.stickyNotes.push_back({"n1", "s9", "", "#FFE680"}); }) ==
          Lines{R"(map.sticky_notes[0].step: no step "s9")"});
    CHECK(problemsAfter([](Map& m) { m.votes["s9"] = 2; }) == Lines{R"(map.votes.s9: no step "s9")"});
}

TEST_CASE("annotation extras only on their kinds", "[model][validate]")
{
    CHECK(problemsAfter([](Map& m) { m.annotations[0].variation = Variation::Intentional; }) ==
          Lines{R"(map.annotations[0].variation: only a "variation" annotation has a variation; this one is "black_box")"});
    CHECK(problemsAfter([](Map& m) { m.annotations[0].horizon = 1; }) ==
          Lines{R"(map.annotations[0].horizon: only a "change_idea" annotation has a horizon; this one is "black_box")"});
    CHECK(problemsAfter([](Map& m) { m.annotations[3].horizon = 4; }) ==
          Lines{"map.annotations[3].horizon: expected 1, 2 or 3, found 4"});
    CHECK(problemsAfter([](Map& m) { m.annotations[3].horizon = 0; }) ==
          Lines{"map.annotations[3].horizon: expected 1, 2 or 3, found 0"});
}

TEST_CASE("colours are #RRGGBB", "[model][validate]")
{
    CHECK(problemsAfter([](Map& m) { m.lanes[1].color = "blue"; }) ==
          Lines{R"(map.lanes[1].color: expected a colour written #RRGGBB, found "blue")"});
    CHECK(problemsAfter([](Map& m) { m.phases[0].color = "#12345"; }) ==
          Lines{R"(map.phases[0].color: expected a colour written #RRGGBB, found "#12345")"});
    CHECK(problemsAfter([](Map& m) { m.stickyNotes.push_back({"n1", "s1", "", "yellow"}); }) ==
          Lines{R"(map.sticky_notes[0].color: expected a colour written #RRGGBB, found "yellow")"});
    CHECK(problemsAfter([](Map& m) { m.lanes[1].color = "#abcDEF"; }).empty());
}

TEST_CASE("sizes are positive and geometry in range", "[model][validate]")
{
    CHECK(problemsAfter([](Map& m) { m.lanes[0].height = 0; }) ==
          Lines{"map.lanes[0].height: expected a positive number, found 0"});
    CHECK(problemsAfter([](Map& m) { m.lanes[0].height = kMaxSize + 1; }) ==
          Lines{"map.lanes[0].height: expected a number from 1 to 1000000, found 1000001"});
    CHECK(problemsAfter([](Map& m) { m.phases[1].width = -5; }) ==
          Lines{"map.phases[1].width: expected a positive number, found -5"});
    CHECK(problemsAfter([](Map& m) { m.steps[0].w = 0; }) == Lines{"map.steps[0].w: expected a positive number, found 0"});
    CHECK(problemsAfter([](Map& m) { m.steps[3].h = -1; }) ==
          Lines{"map.steps[3].h: expected a positive number, found -1"});
    CHECK(problemsAfter([](Map& m) { m.steps[1].x = kMaxCoordinate + 1; }) ==
          Lines{"map.steps[1].x: expected a number from -10000000 to 10000000, found 10000001"});
    CHECK(problemsAfter([](Map& m) { m.steps[1].y = -kMaxCoordinate - 1; }) ==
          Lines{"map.steps[1].y: expected a number from -10000000 to 10000000, found -10000001"});
    CHECK(problemsAfter([](Map& m) { m.steps[1].x = -40; }).empty());
}

TEST_CASE("vote counts and session times are in range", "[model][validate]")
{
    CHECK(problemsAfter([](Map& m) { m.votes["s1"] = 0; }) ==
          Lines{"map.votes.s1: expected a whole number of votes from 1 to 999, found 0"});
    CHECK(problemsAfter([](Map& m) { m.votes["s1"] = 1000; }) ==
          Lines{"map.votes.s1: expected a whole number of votes from 1 to 999, found 1000"});
    CHECK(problemsAfter([](Map& m) { m.votes["s1"] = 999; }).empty());
    CHECK(problemsAfter([](Map& m) { m.session.durationSeconds = -1; }) ==
          Lines{"map.session.duration: expected a number from 0 to 86400, found -1"});
    CHECK(problemsAfter([](Map& m) { m.session.remainingSeconds = kMaxSessionSeconds + 1; }) ==
          Lines{"map.session.remaining: expected a number from 0 to 86400, found 86401"});
}

TEST_CASE("problems come in map order, each entity's in field order", "[model][validate]")
{
    CHECK(problemsAfter([](Map& m) {
              m.flows[0].to = "x";
              m.steps[2].h = 0;
              m.steps[2].lane = "y";
              m.lanes[2].color = "";
          }) == Lines{R"(map.lanes[2].color: expected a colour written #RRGGBB, found "")",
                      R"(map.steps[2].lane: no lane "y")", "map.steps[2].h: expected a positive number, found 0",
                      R"(map.flows[0].to: no step "x")"});
}

TEST_CASE("apply refuses an edit that would leave the map invalid", "[model][validate][edit]")
{
    Map map = test::smallMap();
    const Map before = map;
    CHECK_THROWS_WITH(apply(map, RecolourLane{"l1", "blue"}),
                      R"(the edit would leave the map invalid: map.lanes[0].color: expected a colour written #RRGGBB, found "blue")");
    CHECK(map == before);
    CHECK_THROWS_AS(apply(map, ResizeLane{"l1", kMaxSize + 1}), EditError);
    CHECK(map == before);
    // A map that is invalid already can still be edited, as long as the edit adds no problem.
    map.lanes[2].color = "red";
    const Map invalid = map;
    CHECK_NOTHROW(apply(map, RenameLane{"l1", "Supervisor"}));
    CHECK(map.lanes[0].name == "Supervisor");
    CHECK_THROWS_AS(apply(map, RecolourLane{"l2", "green"}), EditError);
    CHECK(map.lanes[1] == invalid.lanes[1]);
}

TEST_CASE("random edits of a valid map give a valid map or change nothing", "[model][validate][edit][property]")
{
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        Map map = test::randomMap(seed, {.phaselessPercent = 20, .stickyNotes = 4, .parkingItems = 2});
        REQUIRE(validateMap(map).empty());
        test::Rng rng(seed * 7919);
        for (int i = 0; i < 40; ++i) {
            INFO("seed " << seed << ", edit " << i);
            const Edit edit = rng.chance(30) ? test::invalidEdit(map, rng) : test::randomEdit(map, rng);
            const Map before = map;
            try {
                apply(map, edit);
            } catch (const EditError&) {
                CHECK(map == before);
                continue;
            }
            CHECK(linesOf(validateMap(map)) == Lines{});
        }
    }
}

TEST_CASE("A large edit on a map with a problem of its own is refused only for what it brings in", "[model][validate]")
{
    // An older or hand-edited file may hold a value today's rules refuse (a lane colour
    // that is not #RRGGBB). Small edits are checked on what they touch; a large one is
    // checked on the whole map, and must not be refused for the old problem either.
    Map map = test::smallMap();
    for (int i = 0; i < 40; ++i) {
        Step step;
        step.id = "sx" + std::to_string(i);
        step.lane = "l1";
        step.x = 2000 + i * 200;
        map.steps.push_back(step);
    }
    map.lanes[0].color = "teal";
    REQUIRE(validateMap(map).size() == 1);

    MoveSteps move;
    for (int i = 0; i < 40; ++i)
        move.moves.push_back({"sx" + std::to_string(i), "l1", "", 2000 + i * 200 + 20, 45});
    const Map before = map;
    const Edit inverse = apply(map, move);
    CHECK(map.step("sx0")->x == 2020);
    apply(map, inverse);
    CHECK(map == before);

    // A large edit that brings in a problem of its own is still refused, map unchanged.
    MoveSteps bad = move;
    bad.moves.back().lane = "l-gone";
    CHECK_THROWS_AS(apply(map, bad), EditError);
    CHECK(map == before);
}
