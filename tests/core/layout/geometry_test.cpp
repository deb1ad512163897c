#include "crosswalk/layout/layout.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace crosswalk;
using namespace crosswalk::layout;

TEST_CASE("snap rounds to the nearest grid line, half-way away from zero", "[layout]")
{
    CHECK(snap(0) == 0);
    CHECK(snap(4) == 0);
    CHECK(snap(5) == 10);
    CHECK(snap(14) == 10);
    CHECK(snap(15) == 20);
    CHECK(snap(40) == 40);
    CHECK(snap(-4) == 0);
    CHECK(snap(-5) == -10);
    CHECK(snap(-16) == -20);
    CHECK(snap(23, 5) == 25);
    CHECK(snap(22, 5) == 20);
    CHECK(snap(7, 1) == 7);
    CHECK(snap(7, 0) == 7); // no grid: unchanged
    for (int v = -100; v <= 100; ++v) {
        CHECK(snap(v) % kGrid == 0);
        CHECK(std::abs(snap(v) - v) <= kGrid / 2);
        CHECK(snap(-v) == -snap(v));
    }
}

TEST_CASE("Lane tops, phase lefts, totals and step rectangles", "[layout]")
{
    const Map map = test::smallMap();
    CHECK(laneTop(map, "l1") == 0);
    CHECK(laneTop(map, "l2") == 160);
    CHECK(laneTop(map, "l3") == 320);
    CHECK(laneTop(map, "nope") == 0);
    CHECK(phaseLeft(map, "p1") == 0);
    CHECK(phaseLeft(map, "p2") == 480);
    CHECK(phaseLeft(map, "p3") == 960);
    CHECK(phaseLeft(map, "nope") == 0);
    CHECK(totalHeight(map) == 480);
    CHECK(totalWidth(map) == 1550); // s6 reaches past the last column (1360)
    Map narrow = map;
    narrow.steps.pop_back();
    CHECK(totalWidth(narrow) == 1360);
    CHECK(totalWidth(Map{}) == 0);
    CHECK(totalHeight(Map{}) == 0);

    CHECK(stepRect(map, *map.step("s3")) == Rect{520, 205, 150, 70});
    CHECK(stepRect(map, *map.step("s1")) == Rect{40, 45, 150, 70});
}

TEST_CASE("Rect::intersects treats touching edges as apart", "[layout]")
{
    const Rect a{0, 0, 100, 50};
    CHECK(a.intersects({50, 25, 100, 50}));
    CHECK(a.intersects({10, 10, 10, 10}));
    CHECK_FALSE(a.intersects({100, 0, 10, 10}));
    CHECK_FALSE(a.intersects({0, 50, 10, 10}));
    CHECK_FALSE(a.intersects({-10, 0, 10, 10}));
}

TEST_CASE("laneAt and phaseAt find the band or column, clamped at both ends", "[layout]")
{
    const Map map = test::smallMap();
    CHECK(laneAt(map, -50) == "l1");
    CHECK(laneAt(map, 0) == "l1");
    CHECK(laneAt(map, 159) == "l1");
    CHECK(laneAt(map, 160) == "l2");
    CHECK(laneAt(map, 479) == "l3");
    CHECK(laneAt(map, 5000) == "l3");
    CHECK(laneAt(Map{}, 10).empty());

    CHECK(phaseAt(map, -1) == "p1");
    CHECK(phaseAt(map, 479) == "p1");
    CHECK(phaseAt(map, 480) == "p2");
    CHECK(phaseAt(map, 960) == "p3");
    CHECK(phaseAt(map, 99999) == "p3");
    CHECK(phaseAt(Map{}, 10).empty());
}

TEST_CASE("clampToLane keeps a step inside its lane band and right of 0", "[layout]")
{
    const Map map = test::smallMap(); // lanes 160 high
    Step s = map.steps[0];
    CHECK(clampToLane(map, s) == s); // already inside
    s.y = 150;
    CHECK(clampToLane(map, s).y == 90);
    s.y = -20;
    s.x = -30;
    const Step clamped = clampToLane(map, s);
    CHECK(clamped.y == 0);
    CHECK(clamped.x == 0);
    CHECK(clamped.label == s.label);
    s.h = 200; // taller than the lane
    s.y = 30;
    CHECK(clampToLane(map, s).y == 0);
    s.h = 160; // exactly as tall
    CHECK(clampToLane(map, s).y == 0);
    s.lane = "nope";
    s.y = -5;
    CHECK(clampToLane(map, s).y == 0);
}

TEST_CASE("requiredLaneHeight and growLanesToFit", "[layout]")
{
    Map map = test::smallMap();
    CHECK(requiredLaneHeight(map, "l1") == 45 + 70 + kLanePadding);
    CHECK(requiredLaneHeight(map, "nope") == kMinLaneHeight);
    Map empty = map;
    empty.lanes.push_back({"l9", "Empty", "#FFFFFF", 40});
    CHECK(requiredLaneHeight(empty, "l9") == kMinLaneHeight);

    // Nothing to grow: an empty Batch.
    const Edit none = growLanesToFit(map);
    REQUIRE(std::holds_alternative<Batch>(none.v));
    CHECK(std::get<Batch>(none.v).edits.empty());
    // An empty lane below the minimum grows to it.
    const Edit growEmpty = growLanesToFit(empty);
    REQUIRE(std::get<Batch>(growEmpty.v).edits.size() == 1);
    CHECK(std::get<Batch>(growEmpty.v).edits[0] == Edit{ResizeLane{"l9", kMinLaneHeight}});

    map.step("s3")->y = 200;
    map.step("s4")->h = 150;
    const Edit grow = growLanesToFit(map);
    const Batch& batch = std::get<Batch>(grow.v);
    REQUIRE(batch.edits.size() == 2);
    CHECK(batch.edits[0] == Edit{ResizeLane{"l2", 200 + 70 + kLanePadding}});
    CHECK(batch.edits[1] == Edit{ResizeLane{"l3", 45 + 150 + kLanePadding}});
    const Map before = map;
    const Edit undo = apply(map, grow);
    for (const Lane& lane : map.lanes)
        CHECK(lane.height >= requiredLaneHeight(map, lane.id));
    CHECK(map.lane("l1")->height == 160); // tall enough already: never shrunk
    apply(map, undo);
    CHECK(map == before);
}

TEST_CASE("needsLayout tells a bare import from a drawn map", "[layout]")
{
    CHECK_FALSE(needsLayout(test::smallMap()));
    CHECK(needsLayout(test::randomMap(5, {.geometry = false})));
    CHECK_FALSE(needsLayout(test::randomMap(5)));
    CHECK_FALSE(needsLayout(Map{}));
    Map bare = test::randomMap(5, {.geometry = false});
    bare.steps[3].x = 10;
    CHECK_FALSE(needsLayout(bare));
}
