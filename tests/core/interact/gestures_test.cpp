#include "crosswalk/interact/gestures.h"
#include "crosswalk/layout/layout.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using namespace crosswalk::gestures;

namespace {

Step step(const std::string& id, const std::string& laneId, int x, int y = 45)
{
    Step s;
    s.id = id;
    s.lane = laneId;
    s.phase = x + s.w / 2 < 480 ? "p1" : "p2";
    s.label = id;
    s.x = x;
    s.y = y;
    return s;
}

Flow flow(const std::string& id, const std::string& from, const std::string& to)
{
    Flow f;
    f.id = id;
    f.from = from;
    f.to = to;
    return f;
}

/// Two lanes of 160 and two phases of 480, no steps.
Map twoLanes()
{
    Map m;
    m.id = "m";
    Lane l1;
    l1.id = "l1";
    Lane l2;
    l2.id = "l2";
    m.lanes = {l1, l2};
    Phase p1;
    p1.id = "p1";
    Phase p2;
    p2.id = "p2";
    m.phases = {p1, p2};
    return m;
}

template <typename T>
const T& as(const Edit& e)
{
    const T* t = std::get_if<T>(&e.v);
    REQUIRE(t);
    return *t;
}

} // namespace

TEST_CASE("A new lane takes the next soft colour, never white", "[interact][gestures]")
{
    Map m;
    CHECK(newLaneColour(m) == "#E8F0FE");
    m.lanes.resize(2);
    CHECK(newLaneColour(m) == "#FEF7E0");
    m.lanes.resize(7);
    CHECK(newLaneColour(m) == "#F1F3F4");
    m.lanes.resize(8);
    CHECK(newLaneColour(m) == "#E8F0FE");
    for (std::size_t n = 0; n < 20; ++n) {
        m.lanes.resize(n);
        CHECK(newLaneColour(m) != "#FFFFFF");
    }
}

TEST_CASE("newStep sizes the step by its kind and takes its phase from its centre", "[interact][gestures]")
{
    const Map m = twoLanes();
    const Step a = newStep(m, "l1", 400, 10, StepKind::Activity);
    CHECK(a.id.rfind("s-", 0) == 0);
    CHECK(a.lane == "l1");
    CHECK((a.w == 150 && a.h == 70));
    CHECK((a.x == 400 && a.y == 10));
    CHECK(a.phase == "p1"); // centre 475
    CHECK(newStep(m, "l1", 410, 10, StepKind::Activity).phase == "p2"); // centre 485
    const Step start = newStep(m, "l2", -30, -5, StepKind::Start);
    CHECK((start.w == 130 && start.h == 60));
    CHECK((start.x == 0 && start.y == 0));
    CHECK((newStep(m, "l2", 0, 0, StepKind::End).w == 130 && newStep(m, "l2", 0, 0, StepKind::End).h == 60));
    const Step decision = newStep(m, "l2", 0, 0, StepKind::Decision);
    CHECK((decision.w == 160 && decision.h == 90));
    CHECK(decision.kind == StepKind::Decision);
    CHECK(newStep(m, "l1", 0, 0, StepKind::Activity).id != newStep(m, "l1", 0, 0, StepKind::Activity).id);
}

TEST_CASE("firstFreeX moves past the steps in the way, keeping a gap", "[interact][gestures]")
{
    Map m = twoLanes();
    CHECK(firstFreeX(m, "l1", 40, 45, 150, 70) == 40);
    CHECK(firstFreeX(m, "l1", -40, 45, 150, 70) == 0);
    m.steps = {step("s1", "l1", 40)};
    CHECK(firstFreeX(m, "l1", 40, 45, 150, 70) == layout::snap(40 + 150 + kNextStepGap));
    CHECK(firstFreeX(m, "l1", 40, 45, 150, 70, "s1") == 40);
    CHECK(firstFreeX(m, "l2", 40, 45, 150, 70) == 40);   // another lane
    CHECK(firstFreeX(m, "l1", 40, 140, 150, 70) == 40);  // below it, more than half a gap away
    CHECK(firstFreeX(m, "l1", 40, 120, 150, 70) == 250); // within half a gap
    m.steps.push_back(step("s2", "l1", 260));
    CHECK(firstFreeX(m, "l1", 40, 45, 150, 70) == 470);
    CHECK(firstFreeX(m, "l1", 420, 45, 150, 70) == 470);
    CHECK(firstFreeX(m, "l1", 640, 45, 150, 70) == 640);
}

TEST_CASE("makeRoom pushes the steps in the way right, and stops at the first that stays clear",
          "[interact][gestures]")
{
    Map m = twoLanes();
    Step placed = newStep(m, "l1", 250, 45, StepKind::Activity);
    CHECK(makeRoom(m, "l1", placed, "").moves.empty()); // a free place
    CHECK(placed.x == 250);

    m.steps = {step("s1", "l1", 40), step("s2", "l1", 260), step("s3", "l1", 700), step("s4", "l2", 260)};
    placed = newStep(m, "l1", 250, 45, StepKind::Activity);
    const MoveSteps moves = makeRoom(m, "l1", placed, "s1");
    REQUIRE(moves.moves.size() == 1);
    CHECK(moves.moves[0] == StepPlacement{"s2", "l1", "p2", 460, 45});
    CHECK(placed.x == 250);
    CHECK(placed.phase == "p1");

    // Closer behind: the next one moves by the same amount.
    m.steps[2].x = 620;
    placed = newStep(m, "l1", 250, 45, StepKind::Activity);
    const MoveSteps chain = makeRoom(m, "l1", placed, "s1");
    REQUIRE(chain.moves.size() == 2);
    CHECK(chain.moves[0] == StepPlacement{"s2", "l1", "p2", 460, 45});
    CHECK(chain.moves[1] == StepPlacement{"s3", "l1", "p2", 820, 45});

    // Ignoring nothing, a step that starts left of the place moves the placed step past it.
    Map one = twoLanes();
    one.steps = {step("s1", "l1", 40)};
    placed = newStep(one, "l1", 100, 45, StepKind::Activity);
    CHECK(makeRoom(one, "l1", placed, "").moves.empty());
    CHECK(placed.x == 250);
    CHECK(placed.phase == "p1");
    placed = newStep(one, "l1", 100, 200, StepKind::Activity); // another row: nothing in the way
    CHECK(makeRoom(one, "l1", placed, "").moves.empty());
    CHECK(placed.x == 100);
}

TEST_CASE("nextStep adds a connected step after the step, in its lane or the lane below", "[interact][gestures]")
{
    Map m = twoLanes();
    m.steps = {step("s1", "l1", 40), step("s2", "l2", 40)};
    std::string id;
    const Batch right = nextStep(m, m.steps[0], false, StepKind::Activity, &id);
    CHECK(right.name == "Add next step");
    REQUIRE(right.edits.size() == 2);
    const Step& added = as<AddStep>(right.edits[0]).step;
    CHECK(added.id == id);
    CHECK(added.lane == "l1");
    CHECK((added.x == 250 && added.y == 45));
    CHECK(added.phase == "p1");
    const Flow& f = as<AddFlow>(right.edits[1]).flow;
    CHECK((f.from == "s1" && f.to == id));
    CHECK(f.id.rfind("f-", 0) == 0);

    const Batch below = nextStep(m, m.steps[0], true, StepKind::Decision, &id);
    CHECK(below.name == "Add step in the lane below");
    REQUIRE(below.edits.size() == 2);
    const Step& down = as<AddStep>(below.edits[0]).step;
    CHECK(down.lane == "l2");
    CHECK(down.kind == StepKind::Decision);
    CHECK(down.y == 45 + (70 - 90) / 2);
    // s2 sits left of the new place and reaches into it: the new step goes after it.
    CHECK(down.x == 250);

    // From the bottom lane: a new lane, named by the team next.
    const Batch handoff = nextStep(m, m.steps[1], true, StepKind::Activity, &id);
    REQUIRE(handoff.edits.size() == 3);
    const AddLane& lane = as<AddLane>(handoff.edits[0]);
    CHECK(lane.lane.name == "New lane");
    CHECK(lane.lane.color == "#FEF7E0");
    CHECK(!lane.index);
    CHECK(as<AddStep>(handoff.edits[1]).step.lane == lane.lane.id);
    CHECK(as<AddStep>(handoff.edits[1]).step.id == id);

    // Steps already there move over, in the same Batch.
    m.steps.push_back(step("s3", "l1", 260));
    const Batch pushing = nextStep(m, m.steps[0], false, StepKind::Activity, &id);
    REQUIRE(pushing.edits.size() == 3);
    CHECK(as<MoveSteps>(pushing.edits[0]).moves == std::vector<StepPlacement>{{"s3", "l1", "p2", 460, 45}});
    CHECK(as<AddStep>(pushing.edits[1]).step.x == 250);
}

TEST_CASE("nextStep near the right edge widens the last phase", "[interact][gestures]")
{
    Map m = twoLanes();
    m.steps = {step("s1", "l1", 760)};
    std::string id;
    const Batch batch = nextStep(m, m.steps[0], false, StepKind::Activity, &id);
    REQUIRE(batch.edits.size() == 3);
    CHECK(as<AddStep>(batch.edits[0]).step.x == 970);
    CHECK(as<ResizePhase>(batch.edits[2]) == ResizePhase{"p2", 480 + 1120 + 2 * kFreeGap - 960});
}

TEST_CASE("firstStep places a step in the first lane at the first free place", "[interact][gestures]")
{
    std::string id;
    Map none;
    const Batch empty = firstStep(none, StepKind::Activity, &id);
    CHECK(empty.name == "Add step");
    CHECK(empty.edits.empty());

    Map m = twoLanes();
    const Batch batch = firstStep(m, StepKind::Start, &id);
    CHECK(batch.name == "Add step");
    REQUIRE(batch.edits.size() == 1);
    const Step& s = as<AddStep>(batch.edits[0]).step;
    CHECK(s.id == id);
    CHECK(s.lane == "l1");
    CHECK((s.x == 40 && s.y == 50));
    CHECK(s.kind == StepKind::Start);
    CHECK(s.phase == "p1");

    m.steps = {step("s1", "l1", 40)};
    CHECK(as<AddStep>(firstStep(m, StepKind::Activity, &id).edits[0]).step.x == 250);
}

TEST_CASE("removal removes the steps and the flows not already going with them", "[interact][gestures]")
{
    Map m = twoLanes();
    m.steps = {step("s1", "l1", 40), step("s2", "l1", 260), step("s3", "l2", 40)};
    m.flows = {flow("f1", "s1", "s2"), flow("f2", "s2", "s3")};
    const Batch one = removal(m, {"s1"}, {"f1", "f2", "nope"});
    CHECK(one.name == "Delete step");
    REQUIRE(one.edits.size() == 2);
    CHECK(as<RemoveFlow>(one.edits[0]).id == "f2");
    CHECK(as<RemoveStep>(one.edits[1]).id == "s1");
    const Batch two = removal(m, {"s1", "s3", "gone"}, {});
    CHECK(two.name == "Delete 3 steps");
    CHECK(two.edits.size() == 2);
    const Batch flows = removal(m, {}, {"f1"});
    CHECK(flows.name == "Delete flow");
    REQUIRE(flows.edits.size() == 1);
    CHECK(as<RemoveFlow>(flows.edits[0]).id == "f1");
}

TEST_CASE("withRoomToFit grows lanes and the last phase to hold the edits", "[interact][gestures]")
{
    Map m = twoLanes();
    const Batch fits = withRoomToFit(m, "Add step", {AddStep{step("s1", "l1", 40), std::nullopt}});
    CHECK(fits.name == "Add step");
    CHECK(fits.edits.size() == 1);

    const Batch grows = withRoomToFit(m, "Add step", {AddStep{step("s1", "l1", 900, 120), std::nullopt}});
    REQUIRE(grows.edits.size() == 3);
    const Batch& lanes = as<Batch>(grows.edits[1]);
    REQUIRE(lanes.edits.size() == 1);
    CHECK(as<ResizeLane>(lanes.edits[0]) == ResizeLane{"l1", 120 + 70 + layout::kLanePadding});
    CHECK(as<ResizePhase>(grows.edits[2]) == ResizePhase{"p2", 480 + 1050 + 2 * kFreeGap - 960});

    // Edits that do not apply are returned as they are: pushing them reports why.
    const Batch bad = withRoomToFit(m, "Add flow", {AddFlow{flow("f1", "x", "y"), std::nullopt}});
    CHECK(bad.edits.size() == 1);
}

TEST_CASE("changeKind updates the steps of another kind only", "[interact][gestures]")
{
    Map m = twoLanes();
    m.steps = {step("s1", "l1", 40), step("s2", "l1", 260)};
    m.steps[1].kind = StepKind::Decision;
    const std::vector<Edit> edits = changeKind(m, {"s1", "s2", "nope"}, StepKind::Decision);
    REQUIRE(edits.size() == 1);
    Step changed = m.steps[0];
    changed.kind = StepKind::Decision;
    CHECK(as<UpdateStep>(edits[0]).step == changed);
    CHECK(changeKind(m, {"s2"}, StepKind::Decision).empty());
}

TEST_CASE("annotate adds one empty annotation per target, with variation and horizon on their kinds only",
          "[interact][gestures]")
{
    std::vector<std::string> ids;
    const std::vector<Edit> edits =
        annotate({"s1", ""}, AnnotationKind::Variation, Variation::Intentional, 2, &ids);
    REQUIRE(edits.size() == 2);
    REQUIRE(ids.size() == 2);
    const Annotation& a = as<AddAnnotation>(edits[0]).annotation;
    CHECK(a.id == ids[0]);
    CHECK(a.id.rfind("a-", 0) == 0);
    CHECK(a.target == "s1");
    CHECK(a.kind == AnnotationKind::Variation);
    CHECK(a.variation == Variation::Intentional);
    CHECK(!a.horizon);
    CHECK(a.text.empty());
    CHECK(as<AddAnnotation>(edits[1]).annotation.target.empty());
    CHECK(!as<AddAnnotation>(edits[1]).index);

    ids.clear();
    const Annotation idea = as<AddAnnotation>(annotate({"f1"}, AnnotationKind::ChangeIdea, Variation::Intentional, 3,
                                                       &ids)[0])
                                .annotation;
    CHECK(idea.horizon == 3);
    CHECK(!idea.variation);
}

TEST_CASE("vote adds and takes off votes within the limits", "[interact][gestures]")
{
    Map m = twoLanes();
    m.steps = {step("s1", "l1", 40), step("s2", "l1", 260)};
    CHECK(vote(m, {"s1"}, 0).empty());
    CHECK(vote(m, {"s1"}, -1).empty()); // never below zero
    std::vector<Edit> edits = vote(m, {"s1", "s2", "nope"}, 1);
    REQUIRE(edits.size() == 2);
    CHECK(as<SetVotes>(edits[0]) == SetVotes{"s1", 1});
    CHECK(as<SetVotes>(edits[1]) == SetVotes{"s2", 1});
    apply(m, SetVotes{"s1", kMaxVotesPerStep});
    edits = vote(m, {"s1", "s2"}, 5);
    REQUIRE(edits.size() == 1);
    CHECK(as<SetVotes>(edits[0]) == SetVotes{"s2", 5});
    CHECK(as<SetVotes>(vote(m, {"s1"}, -2)[0]) == SetVotes{"s1", kMaxVotesPerStep - 2});
}
