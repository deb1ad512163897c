#include "crosswalk/edit/edit.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

namespace {

using Ids = std::set<std::string>;

ChangeSet changesOf(const Edit& edit, Map map = test::smallMap())
{
    ChangeSet changes;
    apply(map, edit, &changes);
    return changes;
}

Step newStep(std::string id, std::string lane)
{
    Step s;
    s.id = std::move(id);
    s.lane = std::move(lane);
    return s;
}

} // namespace

TEST_CASE("ChangeSet::empty and merge", "[edit]")
{
    ChangeSet a;
    CHECK(a.empty());
    ChangeSet flag;
    flag.phaseOrder = true;
    CHECK_FALSE(flag.empty());
    ChangeSet b;
    b.steps = {"s1"};
    b.props = true;
    CHECK_FALSE(b.empty());
    a.steps = {"s2"};
    a.lanes = {"l1"};
    a.merge(b);
    a.merge(flag);
    CHECK(a.steps == Ids{"s1", "s2"});
    CHECK(a.lanes == Ids{"l1"});
    CHECK(a.props);
    CHECK(a.phaseOrder);
    CHECK_FALSE(a.laneOrder);
    CHECK(b.steps == Ids{"s1"}); // merge leaves its argument alone
}

TEST_CASE("ChangeSet names what step edits touched", "[edit]")
{
    ChangeSet c = changesOf(AddStep{newStep("s9", "l1"), std::nullopt});
    CHECK(c.steps == Ids{"s9"});
    CHECK(c.flows.empty());
    CHECK_FALSE(c.laneOrder);

    c = changesOf(RemoveStep{"s3"});
    CHECK(c.steps == Ids{"s3"});
    CHECK(c.flows == Ids{"f2", "f3"});
    CHECK(c.annotations == Ids{"a1", "a2"});
    CHECK(c.lanes.empty());
    CHECK_FALSE(c.laneOrder);
    CHECK_FALSE(c.props);

    Step s2 = test::smallMap().steps[1];
    CHECK(changesOf(UpdateStep{s2}).empty()); // nothing actually changed
    s2.label = "Goals";
    CHECK(changesOf(UpdateStep{s2}).steps == Ids{"s2"});

    // Only the steps whose place differs.
    c = changesOf(MoveSteps{{{"s1", "l1", "p1", 40, 45}, {"s2", "l2", "p1", 240, 45}}});
    CHECK(c.steps == Ids{"s2"});
    CHECK(changesOf(ShiftSteps{{"s1", "s4"}, 12}).steps == Ids{"s1", "s4"});
    CHECK(changesOf(ShiftSteps{{"s1", "s4"}, 0}).empty());
}

TEST_CASE("ChangeSet names what lane edits touched and flags the lane order", "[edit]")
{
    ChangeSet c = changesOf(AddLane{{"l9", "Coach", "#FFFFFF", 160}, 0});
    CHECK(c.lanes == Ids{"l9"});
    CHECK(c.laneOrder);
    CHECK(c.steps.empty());

    c = changesOf(RemoveLane{"l1"});
    CHECK(c.lanes == Ids{"l1"});
    CHECK(c.laneOrder);
    CHECK(c.steps == Ids{"s1", "s2", "s5"});
    CHECK(c.flows == Ids{"f1", "f2", "f4", "f5"});
    CHECK(c.annotations == Ids{"a2", "a5"});
    CHECK_FALSE(c.phaseOrder);

    c = changesOf(ReorderLane{"l1", 2});
    CHECK(c.laneOrder);
    CHECK(c.lanes.empty());
    CHECK(c.steps.empty()); // lane-relative y: steps are untouched
    CHECK(changesOf(ReorderLane{"l1", 0}).empty());

    c = changesOf(RenameLane{"l2", "Talent"});
    CHECK(c.lanes == Ids{"l2"});
    CHECK_FALSE(c.laneOrder);
    CHECK(changesOf(RenameLane{"l2", "HR"}).empty());
    CHECK(changesOf(RecolourLane{"l2", "#000000"}).lanes == Ids{"l2"});
    CHECK(changesOf(ResizeLane{"l2", 300}).lanes == Ids{"l2"});
}

TEST_CASE("ChangeSet includes steps shifted by phase edits", "[edit]")
{
    ChangeSet c = changesOf(AddPhase{{"p9", "Winter", "#FFFFFF", 300}, 1});
    CHECK(c.phases == Ids{"p9"});
    CHECK(c.phaseOrder);
    CHECK(c.steps == Ids{"s3", "s4", "s5"});

    c = changesOf(RemovePhase{"p2"});
    CHECK(c.phases == Ids{"p2"});
    CHECK(c.phaseOrder);
    CHECK(c.steps == Ids{"s3", "s4", "s5"}); // s3, s4 removed, s5 shifted
    CHECK(c.flows == Ids{"f2", "f3", "f4"});
    CHECK(c.annotations == Ids{"a1", "a2"});

    c = changesOf(ReorderPhase{"p3", 0});
    CHECK(c.phaseOrder);
    CHECK(c.phases.empty());
    CHECK(c.steps == Ids{"s1", "s2", "s3", "s4", "s5"});

    c = changesOf(ReorderPhase{"p1", 1});
    CHECK(c.steps == Ids{"s1", "s2", "s3", "s4"}); // p3 keeps its left edge

    c = changesOf(ResizePhase{"p1", 520});
    CHECK(c.phases == Ids{"p1"});
    CHECK_FALSE(c.phaseOrder);
    CHECK(c.steps == Ids{"s3", "s4", "s5"});
    CHECK(changesOf(ResizePhase{"p3", 900}).steps.empty()); // nothing after the last column

    CHECK(changesOf(RenamePhase{"p1", "Fall"}).phases == Ids{"p1"});
    CHECK(changesOf(RecolourPhase{"p1", "#000000"}).phases == Ids{"p1"});
}

TEST_CASE("ChangeSet for flows, annotations, properties and raw fragments", "[edit]")
{
    CHECK(changesOf(AddFlow{{"f9", "s1", "s4", ""}, std::nullopt}).flows == Ids{"f9"});
    ChangeSet c = changesOf(RemoveFlow{"f2"});
    CHECK(c.flows == Ids{"f2"});
    CHECK(c.annotations == Ids{"a2"});
    CHECK(c.steps.empty());
    CHECK(changesOf(RelabelFlow{"f2", "x"}).flows == Ids{"f2"});

    CHECK(changesOf(AddAnnotation{{"a9", AnnotationKind::Insight, "", "", "", {}, {}}, std::nullopt}).annotations ==
          Ids{"a9"});
    CHECK(changesOf(RemoveAnnotation{"a3"}).annotations == Ids{"a3"});

    c = changesOf(UpdateMapProperties{{"New title", "", "", MapState::Future, ""}});
    CHECK(c.props);
    CHECK(c.steps.empty());
    CHECK(changesOf(UpdateMapProperties{test::smallMap().props}).empty());

    c = changesOf(RemoveEntities{{"f5", "a1"}});
    CHECK(c.flows == Ids{"f5"});
    CHECK(c.annotations == Ids{"a1"});
    CHECK_FALSE(c.laneOrder);

    Fragment f;
    f.lanes = {{3, {"l9", "Coach", "#FFFFFF", 160}}};
    f.steps = {{6, newStep("s9", "l9")}};
    c = changesOf(InsertFragment{f});
    CHECK(c.lanes == Ids{"l9"});
    CHECK(c.steps == Ids{"s9"});
    CHECK(c.laneOrder);
    CHECK_FALSE(c.phaseOrder);
}

TEST_CASE("ChangeSet of a Batch is the union of its parts, added to what was there", "[edit]")
{
    Map map = test::smallMap();
    ChangeSet c;
    c.flows.insert("earlier");
    apply(map,
          Batch{"Two", {RenameLane{"l3", "Principals"}, AddStep{newStep("s9", "l3"), std::nullopt},
                        UpdateMapProperties{{"T", "", "", MapState::Current, ""}}}},
          &c);
    CHECK(c.lanes == Ids{"l3"});
    CHECK(c.steps == Ids{"s9"});
    CHECK(c.flows == Ids{"earlier"});
    CHECK(c.props);
    CHECK_FALSE(c.laneOrder);
}
