#include "crosswalk/edit/edit.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

namespace {

/// Applies an edit that must fail: returns the message and checks that neither the map
/// nor the change set moved.
std::string refused(const Map& original, const Edit& edit)
{
    Map map = original;
    ChangeSet changes;
    changes.steps.insert("marker");
    const ChangeSet before = changes;
    std::string message;
    try {
        apply(map, edit, &changes);
        FAIL("apply() accepted an edit it should refuse: " << describe(edit));
    } catch (const EditError& e) {
        message = e.what();
    }
    CHECK(map == original);
    CHECK(changes.steps == before.steps);
    CHECK(changes.lanes.empty());
    CHECK(changes.flows.empty());
    CHECK(changes.annotations.empty());
    CHECK_FALSE(changes.laneOrder);
    CHECK_FALSE(changes.phaseOrder);
    return message;
}

Step step(std::string id, std::string lane, std::string phase = "")
{
    Step s;
    s.id = std::move(id);
    s.lane = std::move(lane);
    s.phase = std::move(phase);
    return s;
}

Annotation note(std::string id, AnnotationKind kind, std::string target)
{
    Annotation a;
    a.id = std::move(id);
    a.kind = kind;
    a.target = std::move(target);
    return a;
}

} // namespace

TEST_CASE("Unknown ids are refused with a message naming them", "[edit]")
{
    const Map map = test::smallMap();
    CHECK(refused(map, RemoveStep{"s9"}) == "no step \"s9\" in this map");
    CHECK(refused(map, RemoveLane{"l9"}) == "no lane \"l9\" in this map");
    CHECK(refused(map, RemovePhase{"p9"}) == "no phase \"p9\" in this map");
    CHECK(refused(map, RemoveFlow{"f9"}) == "no flow \"f9\" in this map");
    CHECK(refused(map, RemoveAnnotation{"a9"}) == "no annotation \"a9\" in this map");
    refused(map, UpdateStep{step("s9", "l1")});
    refused(map, MoveSteps{{{"s1", "l1", "p1", 0, 0}, {"s9", "l1", "p1", 0, 0}}});
    refused(map, RenameLane{"l9", "x"});
    refused(map, RecolourLane{"l9", "#000000"});
    refused(map, ReorderLane{"l9", 0});
    refused(map, ResizeLane{"l9", 100});
    refused(map, RenamePhase{"p9", "x"});
    refused(map, RecolourPhase{"p9", "#000000"});
    refused(map, ReorderPhase{"p9", 0});
    refused(map, ResizePhase{"p9", 100});
    refused(map, RelabelFlow{"f9", "x"});
    refused(map, UpdateAnnotation{note("a9", AnnotationKind::Question, "")});
    refused(map, RemoveEntities{{"a1", "zz"}});
    refused(map, ShiftSteps{{"s1", "s9"}, 10});
}

TEST_CASE("Ids are unique across every kind of entity", "[edit]")
{
    const Map map = test::smallMap();
    CHECK(refused(map, AddStep{step("s1", "l1"), std::nullopt}) == "id \"s1\" is already used in this map");
    refused(map, AddStep{step("l2", "l1"), std::nullopt});
    refused(map, AddLane{{"a1", "Lane", "#FFFFFF", 160}, std::nullopt});
    refused(map, AddPhase{{"f1", "Phase", "#FFFFFF", 300}, std::nullopt});
    refused(map, AddFlow{{"p1", "s1", "s2", ""}, std::nullopt});
    refused(map, AddAnnotation{note("s3", AnnotationKind::Question, ""), std::nullopt});
    refused(map, AddStep{step("", "l1"), std::nullopt});

    Fragment twice;
    twice.steps = {{0, step("s9", "l1")}, {1, step("s9", "l2")}};
    refused(map, InsertFragment{twice});
    Fragment clash;
    clash.flows = {{0, {"a2", "s1", "s2", ""}}};
    refused(map, InsertFragment{clash});
}

TEST_CASE("Dangling references are refused", "[edit]")
{
    const Map map = test::smallMap();
    CHECK(refused(map, AddStep{step("s9", "l9"), std::nullopt}) == "no lane \"l9\" in this map");
    CHECK(refused(map, AddStep{step("s9", "l1", "p9"), std::nullopt}) == "no phase \"p9\" in this map");
    refused(map, AddStep{step("s9", ""), std::nullopt});
    Step moved = map.steps[0];
    moved.lane = "l9";
    refused(map, UpdateStep{moved});
    moved = map.steps[0];
    moved.phase = "p9";
    refused(map, UpdateStep{moved});
    refused(map, MoveSteps{{{"s1", "l9", "p1", 0, 0}}});
    refused(map, MoveSteps{{{"s1", "l1", "p9", 0, 0}}});
    CHECK(refused(map, AddFlow{{"f9", "s1", "s9", ""}, std::nullopt}) == "no step \"s9\" in this map");
    refused(map, AddFlow{{"f9", "s9", "s1", ""}, std::nullopt});
    refused(map, AddAnnotation{note("a9", AnnotationKind::Harm, "x9"), std::nullopt});
    // An annotation goes on a step, flow or lane, not on a phase.
    refused(map, AddAnnotation{note("a9", AnnotationKind::Harm, "p1"), std::nullopt});
    Annotation moved2 = map.annotations[0];
    moved2.target = "gone";
    refused(map, UpdateAnnotation{moved2});

    Fragment orphan;
    orphan.steps = {{6, step("s9", "l9")}};
    refused(map, InsertFragment{orphan});
    Fragment loose;
    loose.annotations = {{0, note("a9", AnnotationKind::Insight, "f9")}};
    refused(map, InsertFragment{loose});
}

TEST_CASE("RemoveEntities refuses to leave references behind", "[edit]")
{
    const Map map = test::smallMap();
    CHECK(refused(map, RemoveEntities{{"l2"}}) == "lane \"l2\" still holds step \"s3\"");
    refused(map, RemoveEntities{{"p3"}});
    refused(map, RemoveEntities{{"s1"}});          // flow f1 still starts there
    refused(map, RemoveEntities{{"s3", "f2", "f3"}}); // annotation a1 is still on s3
    refused(map, RemoveEntities{{"f2"}});          // annotation a2 is still on f2
}

TEST_CASE("Bad positions and sizes are refused", "[edit]")
{
    const Map map = test::smallMap();
    CHECK(refused(map, AddStep{step("s9", "l1"), 7}) == "position 7 is past the end of the 6 steps");
    refused(map, AddLane{{"l9", "Lane", "#FFFFFF", 160}, 4});
    refused(map, AddPhase{{"p9", "Phase", "#FFFFFF", 300}, 4});
    refused(map, AddFlow{{"f9", "s1", "s2", ""}, 6});
    refused(map, AddAnnotation{note("a9", AnnotationKind::Insight, ""), 6});
    refused(map, ReorderLane{"l1", 3});
    refused(map, ReorderPhase{"p1", 3});

    refused(map, AddLane{{"l9", "Lane", "#FFFFFF", 0}, std::nullopt});
    refused(map, ResizeLane{"l1", -10});
    refused(map, ResizeLane{"l1", 0});
    refused(map, AddPhase{{"p9", "Phase", "#FFFFFF", 0}, std::nullopt});
    refused(map, ResizePhase{"p1", 0});
    Step flat = step("s9", "l1");
    flat.h = 0;
    refused(map, AddStep{flat, std::nullopt});

    // Fragment indices must be ascending and each valid when its turn comes.
    Fragment unordered;
    unordered.flows = {{3, {"f8", "s1", "s2", ""}}, {1, {"f9", "s1", "s2", ""}}};
    refused(map, InsertFragment{unordered});
    Fragment tooFar;
    tooFar.flows = {{5, {"f8", "s1", "s2", ""}}, {7, {"f9", "s1", "s2", ""}}};
    refused(map, InsertFragment{tooFar});
}

TEST_CASE("Horizon and variation only where they belong", "[edit]")
{
    const Map map = test::smallMap();
    Annotation idea = note("a9", AnnotationKind::ChangeIdea, "s1");
    for (int bad : {0, 4, -1}) {
        idea.horizon = bad;
        CHECK(refused(map, AddAnnotation{idea, std::nullopt}) == "a horizon is 1, 2 or 3, not " + std::to_string(bad));
    }
    Annotation question = note("a9", AnnotationKind::Question, "s1");
    question.horizon = 2;
    refused(map, AddAnnotation{question, std::nullopt});
    Annotation harm = note("a9", AnnotationKind::Harm, "s1");
    harm.variation = Variation::Intentional;
    refused(map, AddAnnotation{harm, std::nullopt});
    // Changing the kind of an existing variation without clearing its variation.
    Annotation a3 = map.annotations[2];
    a3.kind = AnnotationKind::Insight;
    refused(map, UpdateAnnotation{a3});

    // The right kinds accept them.
    Map ok = map;
    idea.horizon = 3;
    apply(ok, AddAnnotation{idea, std::nullopt});
    CHECK(ok.annotation("a9")->horizon == 3);
}

TEST_CASE("MoveSteps and ShiftSteps refuse a step listed twice", "[edit]")
{
    const Map map = test::smallMap();
    refused(map, MoveSteps{{{"s1", "l1", "p1", 0, 0}, {"s1", "l2", "p1", 10, 0}}});
    refused(map, ShiftSteps{{"s1", "s1"}, 10});
}

TEST_CASE("A failing Batch undoes the parts it already applied", "[edit]")
{
    const Map map = test::smallMap();
    const Batch batch{"Half done",
                      {RenameLane{"l1", "Supervisor"}, RemoveLane{"l2"}, ResizePhase{"p1", 700},
                       AddStep{step("s9", "l2"), std::nullopt}}}; // l2 is gone by then
    CHECK(refused(map, batch) == "no lane \"l2\" in this map");
    // Failure deep inside nested batches.
    refused(map, Batch{"Outer", {RemovePhase{"p1"}, Batch{"Inner", {ReorderPhase{"p2", 0}, RemoveStep{"s1"}}}}});
}
