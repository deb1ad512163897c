#include "crosswalk/edit/edit.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

TEST_CASE("describe() words an edit for the undo menu", "[edit]")
{
    Step s;
    s.id = "s9";
    s.lane = "l1";
    CHECK(describe(AddStep{s, std::nullopt}) == "Add step");
    s.label = "School visit";
    CHECK(describe(AddStep{s, std::nullopt}) == "Add step \"School visit\"");
    CHECK(describe(RemoveStep{"s1"}) == "Remove step");
    CHECK(describe(MoveSteps{{{"s1", "l1", "", 0, 0}, {"s2", "l1", "", 0, 0}, {"s3", "l1", "", 0, 0}}}) ==
          "Move 3 steps");
    CHECK(describe(MoveSteps{{{"s1", "l1", "", 0, 0}}}) == "Move step");
    CHECK(describe(AddLane{{"l9", "HR", "#FFFFFF", 160}, std::nullopt}) == "Add lane \"HR\"");
    CHECK(describe(RemoveLane{"l2"}) == "Remove lane");
    CHECK(describe(RenameLane{"l2", "Talent"}) == "Rename lane to \"Talent\"");
    CHECK(describe(AddPhase{{"p9", "Winter", "#FFFFFF", 300}, std::nullopt}) == "Add phase \"Winter\"");
    CHECK(describe(ResizePhase{"p1", 300}) == "Resize phase");
    CHECK(describe(AddFlow{{"f9", "s1", "s2", ""}, std::nullopt}) == "Add flow");
    CHECK(describe(RemoveFlow{"f1"}) == "Remove flow");
    CHECK(describe(AddAnnotation{{"a9", AnnotationKind::BlackBox, "", "", "", {}, {}}, std::nullopt}) ==
          "Add black box");
    CHECK(describe(AddAnnotation{{"a9", AnnotationKind::ChangeIdea, "", "", "", {}, 1}, std::nullopt}) ==
          "Add change idea");
    CHECK(describe(UpdateAnnotation{{"a9", AnnotationKind::Harm, "", "", "", {}, {}}}) == "Edit harm point");
    CHECK(describe(RemoveAnnotation{"a1"}) == "Remove annotation");
    CHECK(describe(UpdateMapProperties{}) == "Edit map properties");
    CHECK(describe(RemoveEntities{{"a1", "f1"}}) == "Remove 2 items");
    CHECK(describe(ShiftSteps{{"s1", "s2"}, 10}) == "Shift 2 steps");
    CHECK(describe(Batch{"Add step and connect", {RemoveStep{"s1"}}}) == "Add step and connect");
    CHECK(describe(Batch{"", {RemoveFlow{"f1"}}}) == "Remove flow");
    CHECK(describe(Batch{"", {RemoveFlow{"f1"}, RemoveFlow{"f2"}}}) == "2 changes");
}

TEST_CASE("describe() with the map names lanes, phases and steps", "[edit]")
{
    const Map map = test::smallMap();
    CHECK(describe(RemoveLane{"l2"}, map) == "Remove lane \"HR\"");
    CHECK(describe(RenameLane{"l2", "Talent"}, map) == "Rename lane \"HR\" to \"Talent\"");
    CHECK(describe(ReorderLane{"l1", 2}, map) == "Move lane \"Principal Supervisor\"");
    CHECK(describe(RemovePhase{"p3"}, map) == "Remove phase \"End of year\"");
    CHECK(describe(RecolourPhase{"p3", "#000000"}, map) == "Change colour of phase \"End of year\"");
    CHECK(describe(RemoveStep{"s5"}, map) == "Remove step \"Summative rating\"");
    CHECK(describe(MoveSteps{{{"s1", "l1", "", 0, 0}}}, map) == "Move step \"Kick-off\"");
    CHECK(describe(AddFlow{{"f9", "s1", "s5", ""}, std::nullopt}, map) ==
          "Add flow from \"Kick-off\" to \"Summative rating\"");
    CHECK(describe(RemoveAnnotation{"a1"}, map) == "Remove black box");
    // Unknown ids simply leave the name out.
    CHECK(describe(RemoveLane{"l9"}, map) == "Remove lane");

    // Long names are cut on a character boundary, never inside a UTF-8 sequence.
    Map longNames = map;
    longNames.lanes[0].name = std::string(38, 'x') + "ééé";
    CHECK(describe(RemoveLane{"l1"}, longNames) == "Remove lane \"" + std::string(38, 'x') + "éé\u2026\"");
}
