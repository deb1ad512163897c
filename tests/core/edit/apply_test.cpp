#include "crosswalk/edit/edit.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace crosswalk;

namespace {

/// Applies the edit to a copy of original and checks that its inverse restores original
/// exactly and that the inverse of that inverse redoes the edit; returns the edited map.
Map roundTrip(const Map& original, const Edit& edit, Edit* inverseOut = nullptr)
{
    Map map = original;
    const Edit inverse = apply(map, edit);
    const Map edited = map;
    const Edit redo = apply(map, inverse);
    REQUIRE(map == original);
    const Edit undoAgain = apply(map, redo);
    REQUIRE(map == edited);
    // And the cycle goes on: undo once more.
    apply(map, undoAgain);
    REQUIRE(map == original);
    if (inverseOut)
        *inverseOut = inverse;
    return edited;
}

std::vector<std::string> stepIds(const Map& map)
{
    std::vector<std::string> ids;
    for (const Step& s : map.steps)
        ids.push_back(s.id);
    return ids;
}

std::vector<std::string> flowIds(const Map& map)
{
    std::vector<std::string> ids;
    for (const Flow& f : map.flows)
        ids.push_back(f.id);
    return ids;
}

std::vector<std::string> annotationIds(const Map& map)
{
    std::vector<std::string> ids;
    for (const Annotation& a : map.annotations)
        ids.push_back(a.id);
    return ids;
}

std::vector<std::string> laneIds(const Map& map)
{
    std::vector<std::string> ids;
    for (const Lane& l : map.lanes)
        ids.push_back(l.id);
    return ids;
}

std::vector<std::string> phaseIds(const Map& map)
{
    std::vector<std::string> ids;
    for (const Phase& p : map.phases)
        ids.push_back(p.id);
    return ids;
}

using Ids = std::vector<std::string>;

Step newStep(std::string id, std::string lane, std::string phase)
{
    Step s;
    s.id = std::move(id);
    s.lane = std::move(lane);
    s.phase = std::move(phase);
    s.label = "New step";
    s.x = 300;
    return s;
}

} // namespace

TEST_CASE("AddStep inserts at the end or at the index and is undone by RemoveStep", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    Map edited = roundTrip(original, AddStep{newStep("s9", "l2", "p1"), std::nullopt}, &inverse);
    CHECK(stepIds(edited) == Ids{"s1", "s2", "s3", "s4", "s5", "s6", "s9"});
    CHECK(*edited.step("s9") == newStep("s9", "l2", "p1"));
    CHECK(inverse == Edit{RemoveStep{"s9"}});

    edited = roundTrip(original, AddStep{newStep("s9", "l2", ""), 0});
    CHECK(stepIds(edited) == Ids{"s9", "s1", "s2", "s3", "s4", "s5", "s6"});
    edited = roundTrip(original, AddStep{newStep("s9", "l2", ""), 6});
    CHECK(stepIds(edited).back() == "s9");
}

TEST_CASE("RemoveStep takes its flows and their annotations and puts them back in place", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, RemoveStep{"s3"}, &inverse);
    CHECK(stepIds(edited) == Ids{"s1", "s2", "s4", "s5", "s6"});
    CHECK(flowIds(edited) == Ids{"f1", "f4", "f5"});
    CHECK(annotationIds(edited) == Ids{"a3", "a4", "a5"});
    CHECK(edited.lanes == original.lanes);
    CHECK(edited.phases == original.phases);

    Fragment expected;
    expected.steps = {{2, original.steps[2]}};
    expected.flows = {{1, original.flows[1]}, {2, original.flows[2]}};
    expected.annotations = {{0, original.annotations[0]}, {1, original.annotations[1]}};
    CHECK(inverse == Edit{InsertFragment{expected}});
}

TEST_CASE("UpdateStep replaces every field and its inverse carries the old step", "[edit]")
{
    const Map original = test::smallMap();
    Step changed = original.steps[1];
    changed.lane = "l3";
    changed.phase = "p2";
    changed.kind = StepKind::Decision;
    changed.label = "Goals approved?";
    changed.notes = "Only for new principals";
    changed.x = 600;
    changed.y = 10;
    changed.w = 120;
    changed.h = 90;
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, UpdateStep{changed}, &inverse);
    CHECK(*edited.step("s2") == changed);
    CHECK(inverse == Edit{UpdateStep{original.steps[1]}});
    // Nothing else moved.
    CHECK(edited.steps[0] == original.steps[0]);
    CHECK(edited.flows == original.flows);
}

TEST_CASE("MoveSteps moves several steps across lanes and phases, the inverse has the old places", "[edit]")
{
    const Map original = test::smallMap();
    const MoveSteps move{{{"s1", "l2", "p2", 500, 20}, {"s6", "l1", "p3", 1100, 80}, {"s4", "l3", "p2", 720, 45}}};
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, move, &inverse);
    const Step& s1 = *edited.step("s1");
    CHECK((s1.lane == "l2" && s1.phase == "p2" && s1.x == 500 && s1.y == 20));
    const Step& s6 = *edited.step("s6");
    CHECK((s6.lane == "l1" && s6.phase == "p3" && s6.x == 1100 && s6.y == 80));
    CHECK(s1.label == "Kick-off");
    CHECK(inverse == Edit{MoveSteps{{{"s1", "l1", "p1", 40, 45}, {"s6", "l3", "", 1400, 45}, {"s4", "l3", "p2", 720, 45}}}});
}

TEST_CASE("Lane edits round-trip: add, rename, recolour, resize, reorder", "[edit]")
{
    const Map original = test::smallMap();

    Map edited = roundTrip(original, AddLane{{"l9", "Data & Accountability", "#FFF8E1", 200}, 1});
    CHECK(laneIds(edited) == Ids{"l1", "l9", "l2", "l3"});
    CHECK(edited.lane("l9")->height == 200);

    Edit inverse = Batch{};
    edited = roundTrip(original, RenameLane{"l2", "HR / Talent"}, &inverse);
    CHECK(edited.lane("l2")->name == "HR / Talent");
    CHECK(inverse == Edit{RenameLane{"l2", "HR"}});

    edited = roundTrip(original, RecolourLane{"l2", "#000000"}, &inverse);
    CHECK(edited.lane("l2")->color == "#000000");
    CHECK(inverse == Edit{RecolourLane{"l2", "#FCE8E6"}});

    edited = roundTrip(original, ResizeLane{"l3", 240}, &inverse);
    CHECK(edited.lane("l3")->height == 240);
    CHECK(inverse == Edit{ResizeLane{"l3", 160}});

    edited = roundTrip(original, ReorderLane{"l3", 0}, &inverse);
    CHECK(laneIds(edited) == Ids{"l3", "l1", "l2"});
    CHECK(inverse == Edit{ReorderLane{"l3", 2}});
    // Step y is lane-relative: the steps travel with their lane untouched.
    CHECK(edited.steps == original.steps);

    edited = roundTrip(original, ReorderLane{"l1", 2});
    CHECK(laneIds(edited) == Ids{"l2", "l3", "l1"});
    edited = roundTrip(original, ReorderLane{"l2", 1});
    CHECK(edited == original);
}

TEST_CASE("RemoveLane cascades to its steps, their flows (across lanes too) and annotations", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, RemoveLane{"l1"}, &inverse);
    CHECK(laneIds(edited) == Ids{"l2", "l3"});
    CHECK(stepIds(edited) == Ids{"s3", "s4", "s6"});
    CHECK(flowIds(edited) == Ids{"f3"}); // f2 (s2->s3) and f4 (s4->s5) crossed lanes
    CHECK(annotationIds(edited) == Ids{"a1", "a3", "a4"});

    // Annotations on the lane itself go with it.
    const Map withoutHr = roundTrip(original, RemoveLane{"l2"});
    CHECK(stepIds(withoutHr) == Ids{"s1", "s2", "s4", "s5", "s6"});
    CHECK(flowIds(withoutHr) == Ids{"f1", "f4", "f5"});
    CHECK(annotationIds(withoutHr) == Ids{"a4", "a5"});

    const auto& fragment = std::get<InsertFragment>(inverse.v).fragment;
    CHECK(fragment.lanes == std::vector<Placed<Lane>>{{0, original.lanes[0]}});
    REQUIRE(fragment.steps.size() == 3);
    CHECK(fragment.steps[2].index == 4);
}

TEST_CASE("AddPhase shifts the steps of the columns after it", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, AddPhase{{"p9", "Winter", "#FFFFFF", 300}, 1}, &inverse);
    CHECK(phaseIds(edited) == Ids{"p1", "p9", "p2", "p3"});
    CHECK(edited.step("s1")->x == 40);
    CHECK(edited.step("s2")->x == 240);
    CHECK(edited.step("s3")->x == 820);
    CHECK(edited.step("s4")->x == 1020);
    CHECK(edited.step("s5")->x == 1300);
    CHECK(edited.step("s6")->x == 1400); // no phase: not shifted
    CHECK(inverse == Edit{RemovePhase{"p9"}});

    const Map atEnd = roundTrip(original, AddPhase{{"p9", "Summer", "#FFFFFF", 300}, std::nullopt});
    CHECK(phaseIds(atEnd) == Ids{"p1", "p2", "p3", "p9"});
    CHECK(atEnd.steps == original.steps);
}

TEST_CASE("RemovePhase removes its steps and shifts later columns left, the inverse restores exactly", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, RemovePhase{"p2"}, &inverse);
    CHECK(phaseIds(edited) == Ids{"p1", "p3"});
    CHECK(stepIds(edited) == Ids{"s1", "s2", "s5", "s6"});
    CHECK(flowIds(edited) == Ids{"f1", "f5"});
    CHECK(annotationIds(edited) == Ids{"a3", "a4", "a5"});
    CHECK(edited.step("s5")->x == 1000 - 480);
    CHECK(edited.step("s1")->x == 40);
    CHECK(edited.step("s6")->x == 1400);
    REQUIRE(std::holds_alternative<Batch>(inverse.v));
    const Batch& batch = std::get<Batch>(inverse.v);
    REQUIRE(batch.edits.size() == 2);
    CHECK(batch.edits[0] == Edit{ShiftSteps{{"s5"}, 480}});
    CHECK(std::holds_alternative<InsertFragment>(batch.edits[1].v));

    // The last column has nothing after it: a plain InsertFragment undoes it.
    const Map withoutLast = roundTrip(original, RemovePhase{"p3"}, &inverse);
    CHECK(std::holds_alternative<InsertFragment>(inverse.v));
    CHECK(stepIds(withoutLast) == Ids{"s1", "s2", "s3", "s4", "s6"});
}

TEST_CASE("Phase rename, recolour and resize carry their old values", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    Map edited = roundTrip(original, RenamePhase{"p1", "Fall"}, &inverse);
    CHECK(edited.phase("p1")->name == "Fall");
    CHECK(inverse == Edit{RenamePhase{"p1", "Beginning of year"}});

    edited = roundTrip(original, RecolourPhase{"p3", "#123456"}, &inverse);
    CHECK(edited.phase("p3")->color == "#123456");
    CHECK(inverse == Edit{RecolourPhase{"p3", "#FFFFFF"}});

    edited = roundTrip(original, ResizePhase{"p1", 600}, &inverse);
    CHECK(edited.phase("p1")->width == 600);
    CHECK(inverse == Edit{ResizePhase{"p1", 480}});
    CHECK(edited.step("s1")->x == 40); // in the resized column: stays
    CHECK(edited.step("s3")->x == 640);
    CHECK(edited.step("s4")->x == 840);
    CHECK(edited.step("s5")->x == 1120);
    CHECK(edited.step("s6")->x == 1400);

    edited = roundTrip(original, ResizePhase{"p2", 200});
    CHECK(edited.step("s3")->x == 520);
    CHECK(edited.step("s5")->x == 720);
}

TEST_CASE("ReorderPhase moves every column whose left edge changes, with its steps", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    Map edited = roundTrip(original, ReorderPhase{"p3", 0}, &inverse);
    CHECK(phaseIds(edited) == Ids{"p3", "p1", "p2"});
    CHECK(inverse == Edit{ReorderPhase{"p3", 2}});
    // p3 now starts at 0 (was 960), p1 at 400, p2 at 880 (was 480).
    CHECK(edited.step("s5")->x == 40);
    CHECK(edited.step("s1")->x == 440);
    CHECK(edited.step("s2")->x == 640);
    CHECK(edited.step("s3")->x == 920);
    CHECK(edited.step("s4")->x == 1120);
    CHECK(edited.step("s6")->x == 1400);

    edited = roundTrip(original, ReorderPhase{"p1", 1});
    CHECK(phaseIds(edited) == Ids{"p2", "p1", "p3"});
    CHECK(edited.step("s1")->x == 520);
    CHECK(edited.step("s3")->x == 40);
    CHECK(edited.step("s5")->x == 1000); // p3's left edge is still 960

    edited = roundTrip(original, ReorderPhase{"p2", 1});
    CHECK(edited == original);
}

TEST_CASE("Flow edits round-trip, RemoveFlow takes the annotations on the flow", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    Map edited = roundTrip(original, AddFlow{{"f9", "s6", "s1", "next year"}, 0}, &inverse);
    CHECK(flowIds(edited) == Ids{"f9", "f1", "f2", "f3", "f4", "f5"});
    CHECK(inverse == Edit{RemoveFlow{"f9"}});

    edited = roundTrip(original, RemoveFlow{"f2"}, &inverse);
    CHECK(flowIds(edited) == Ids{"f1", "f3", "f4", "f5"});
    CHECK(annotationIds(edited) == Ids{"a1", "a3", "a4", "a5"});
    CHECK(edited.steps == original.steps);
    Fragment expected;
    expected.flows = {{1, original.flows[1]}};
    expected.annotations = {{1, original.annotations[1]}};
    CHECK(inverse == Edit{InsertFragment{expected}});

    edited = roundTrip(original, RelabelFlow{"f2", "signed goals"}, &inverse);
    CHECK(edited.flow("f2")->label == "signed goals");
    CHECK(inverse == Edit{RelabelFlow{"f2", "goals"}});
}

TEST_CASE("Annotation edits round-trip", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    const Annotation idea{"a9", AnnotationKind::ChangeIdea, "f3", "Share forms", "", {}, 3};
    Map edited = roundTrip(original, AddAnnotation{idea, 2}, &inverse);
    CHECK(annotationIds(edited) == Ids{"a1", "a2", "a9", "a3", "a4", "a5"});
    CHECK(inverse == Edit{RemoveAnnotation{"a9"}});

    Annotation changed = original.annotations[2];
    changed.kind = AnnotationKind::Insight;
    changed.variation.reset();
    changed.target = "s4";
    changed.text = "Seen in two regions";
    edited = roundTrip(original, UpdateAnnotation{changed}, &inverse);
    CHECK(*edited.annotation("a3") == changed);
    CHECK(inverse == Edit{UpdateAnnotation{original.annotations[2]}});

    edited = roundTrip(original, RemoveAnnotation{"a4"}, &inverse);
    CHECK(annotationIds(edited) == Ids{"a1", "a2", "a3", "a5"});
    CHECK(inverse == Edit{AddAnnotation{original.annotations[3], 3}});

    // A whole-map annotation has an empty target.
    edited = roundTrip(original, AddAnnotation{{"a8", AnnotationKind::Insight, "", "Note", "", {}, {}}, std::nullopt});
    CHECK(edited.annotations.back().id == "a8");
}

TEST_CASE("UpdateMapProperties round-trips", "[edit]")
{
    const Map original = test::smallMap();
    const MapProperties props{"Evaluation, redesigned", "Lakeside USD", "Support", MapState::Future, "Draft"};
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, UpdateMapProperties{props}, &inverse);
    CHECK(edited.props == props);
    CHECK(inverse == Edit{UpdateMapProperties{original.props}});
}

TEST_CASE("RemoveEntities removes exactly the ids given and InsertFragment puts them back", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, RemoveEntities{{"f5", "a1", "a4"}}, &inverse);
    CHECK(flowIds(edited) == Ids{"f1", "f2", "f3", "f4"});
    CHECK(annotationIds(edited) == Ids{"a2", "a3", "a5"});
    CHECK(edited.steps == original.steps);
    Fragment expected;
    expected.flows = {{4, original.flows[4]}};
    expected.annotations = {{0, original.annotations[0]}, {3, original.annotations[3]}};
    CHECK(inverse == Edit{InsertFragment{expected}});

    // A closed set across every kind: lane l3 with its steps, their flows and annotations.
    const Map smaller = roundTrip(original, RemoveEntities{{"l3", "s4", "s6", "f3", "f4", "f5"}});
    CHECK(laneIds(smaller) == Ids{"l1", "l2"});
    CHECK(stepIds(smaller) == Ids{"s1", "s2", "s3", "s5"});
    CHECK(flowIds(smaller) == Ids{"f1", "f2"});

    // A phase can go too, once nothing refers to it.
    Map noP3Steps = original;
    apply(noP3Steps, RemoveStep{"s5"});
    const Map noP3 = roundTrip(noP3Steps, RemoveEntities{{"p3"}});
    CHECK(phaseIds(noP3) == Ids{"p1", "p2"});
}

TEST_CASE("InsertFragment inserts new entities at their indices and RemoveEntities undoes it", "[edit]")
{
    const Map original = test::smallMap();
    Fragment f;
    f.lanes = {{0, {"l9", "Coach", "#FFFFFF", 160}}};
    f.steps = {{0, newStep("s8", "l9", "p1")}, {7, newStep("s9", "l9", "")}};
    f.flows = {{5, {"f9", "s8", "s1", ""}}};
    f.annotations = {{0, {"a9", AnnotationKind::Question, "f9", "Why?", "", {}, {}}},
                     {6, {"a8", AnnotationKind::Insight, "l9", "New", "", {}, {}}}};
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, InsertFragment{f}, &inverse);
    CHECK(laneIds(edited) == Ids{"l9", "l1", "l2", "l3"});
    CHECK(stepIds(edited) == Ids{"s8", "s1", "s2", "s3", "s4", "s5", "s6", "s9"});
    CHECK(flowIds(edited) == Ids{"f1", "f2", "f3", "f4", "f5", "f9"});
    CHECK(annotationIds(edited) == Ids{"a9", "a1", "a2", "a3", "a4", "a5", "a8"});
    CHECK(inverse == Edit{RemoveEntities{{"l9", "s8", "s9", "f9", "a9", "a8"}}});
}

TEST_CASE("ShiftSteps moves x by dx and back", "[edit]")
{
    const Map original = test::smallMap();
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, ShiftSteps{{"s2", "s6"}, -35}, &inverse);
    CHECK(edited.step("s2")->x == 205);
    CHECK(edited.step("s6")->x == 1365);
    CHECK(edited.step("s1")->x == 40);
    CHECK(inverse == Edit{ShiftSteps{{"s2", "s6"}, 35}});
}

TEST_CASE("Batch applies in order and its inverse is the parts' inverses in reverse order", "[edit]")
{
    const Map original = test::smallMap();
    const Batch batch{"Add coach lane",
                      {AddLane{{"l9", "Coach", "#FFFFFF", 160}, std::nullopt},
                       AddStep{newStep("s9", "l9", "p2"), std::nullopt}, AddFlow{{"f9", "s3", "s9", ""}, std::nullopt},
                       RenameLane{"l9", "Leadership coach"}}};
    Edit inverse = Batch{};
    const Map edited = roundTrip(original, batch, &inverse);
    CHECK(edited.lane("l9")->name == "Leadership coach");
    CHECK(edited.step("s9")->lane == "l9");
    CHECK(edited.flow("f9")->to == "s9");
    const Batch expected{"Add coach lane",
                         {RenameLane{"l9", "Coach"}, RemoveFlow{"f9"}, RemoveStep{"s9"}, RemoveLane{"l9"}}};
    CHECK(inverse == Edit{expected});

    // Nested batches and an empty batch.
    const Map nested = roundTrip(original, Batch{"Outer", {batch, Batch{"Inner", {RemoveStep{"s9"}}}}});
    CHECK(nested.step("s9") == nullptr);
    CHECK(nested.lane("l9") != nullptr);
    CHECK(roundTrip(original, Batch{"Nothing", {}}) == original);
}

TEST_CASE("Batch equality compares the name and every part", "[edit]")
{
    const Batch a{"Tidy", {RenameLane{"l1", "A"}, ResizeLane{"l1", 200}}};
    Batch b = a;
    CHECK(a == b);
    b.name = "Tidy up";
    CHECK_FALSE(a == b);
    b = a;
    b.edits.back() = ResizeLane{"l1", 210};
    CHECK_FALSE(a == b);
    b.edits.pop_back();
    CHECK_FALSE(a == b);
}
