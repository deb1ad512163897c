#include "crosswalk/facilitation/presentwalk.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

TEST_CASE("The walk follows flows, remembers the way back and survives edits", "[facilitation][walk]")
{
    Map map;
    map.lanes = {Lane{"l1", "A", "#FFFFFF", 140}};
    map.steps = {Step{"a", "l1", "", StepKind::Start, "A", "", 0, 30, 120, 50},
                 Step{"b", "l1", "", StepKind::Decision, "B", "", 200, 30, 110, 90},
                 Step{"c", "l1", "", StepKind::Activity, "C", "", 400, 30, 150, 70},
                 Step{"d", "l1", "", StepKind::End, "D", "", 600, 30, 120, 50}};
    map.flows = {Flow{"f1", "a", "b", ""}, Flow{"f2", "b", "c", "no"}, Flow{"f3", "b", "d", "yes"},
                 Flow{"f4", "c", "b", ""}};
    PresentWalk walk;
    CHECK(PresentWalk::firstStep(map) == "a");
    CHECK(walk.next(map));
    CHECK(walk.current() == "a");
    CHECK_FALSE(walk.chooseBranch(map, 1)); // one way on: nothing to choose
    CHECK(walk.next(map));
    CHECK(walk.current() == "b");
    CHECK(walk.chooseBranch(map, 1));
    CHECK(walk.branch() == 1);
    CHECK(walk.chooseBranch(map, 1));
    CHECK(walk.branch() == 0); // wraps round
    CHECK(walk.next(map));
    CHECK(walk.current() == "c");
    CHECK(walk.next(map));
    CHECK(walk.current() == "b");
    CHECK(walk.back(map));
    CHECK(walk.current() == "c");
    CHECK(walk.back(map));
    CHECK(walk.current() == "b");
    CHECK(walk.branch() == 0); // the branch walked before is offered again
    // A step removed while presenting drops out of the walk.
    map.steps.erase(map.steps.begin() + 2);
    map.flows.erase(map.flows.begin() + 1);
    map.flows.pop_back();
    CHECK(walk.next(map));
    CHECK(walk.current() == "d");
    CHECK_FALSE(walk.next(map));
    CHECK(walk.back(map));
    CHECK(walk.current() == "b");
}

TEST_CASE("A walk starts at a start step, else where nothing flows in, else at the first step", "[facilitation][walk]")
{
    Map map;
    CHECK(PresentWalk::firstStep(map).empty());
    PresentWalk walk;
    CHECK_FALSE(walk.next(map)); // no step to start at
    CHECK(walk.current().empty());
    CHECK_FALSE(walk.back(map));

    map.lanes = {Lane{"l1", "A", "#FFFFFF", 140}};
    map.steps = {Step{"x", "l1", "", StepKind::Activity, "X", "", 0, 30, 120, 50},
                 Step{"y", "l1", "", StepKind::Activity, "Y", "", 200, 30, 120, 50},
                 Step{"z", "l1", "", StepKind::Activity, "Z", "", 400, 30, 120, 50}};
    // A ring: every step has a flow in, so the walk starts at the first step.
    map.flows = {Flow{"f1", "x", "y", ""}, Flow{"f2", "y", "z", ""}, Flow{"f3", "z", "x", ""}};
    CHECK(PresentWalk::firstStep(map) == "x");
    // Nothing flows into y any more: the walk starts there.
    map.flows = {Flow{"f2", "y", "z", ""}, Flow{"f3", "z", "x", ""}};
    CHECK(PresentWalk::firstStep(map) == "y");
    // A start step wins, wherever it is.
    map.steps[2].kind = StepKind::Start;
    CHECK(PresentWalk::firstStep(map) == "z");
}

TEST_CASE("Flows in and out of a step are listed in map order, without ends that do not exist", "[facilitation][walk]")
{
    Map map;
    map.lanes = {Lane{"l1", "A", "#FFFFFF", 140}};
    map.steps = {Step{"a", "l1", "", StepKind::Start, "A", "", 0, 30, 120, 50},
                 Step{"b", "l1", "", StepKind::Decision, "B", "", 200, 30, 110, 90},
                 Step{"c", "l1", "", StepKind::End, "C", "", 400, 30, 150, 70}};
    map.flows = {Flow{"f1", "a", "b", ""}, Flow{"f2", "b", "c", ""}, Flow{"f3", "b", "gone", ""},
                 Flow{"f4", "b", "a", "again"}, Flow{"f5", "gone", "b", ""}};
    const auto ids = [](const std::vector<const Flow*>& flows) {
        std::vector<std::string> out;
        for (const Flow* f : flows)
            out.push_back(f->id);
        return out;
    };
    CHECK(ids(PresentWalk::outgoing(map, "b")) == std::vector<std::string>{"f2", "f4"});
    CHECK(ids(PresentWalk::incoming(map, "b")) == std::vector<std::string>{"f1"});
    CHECK(ids(PresentWalk::incoming(map, "a")) == std::vector<std::string>{"f4"});
    CHECK(PresentWalk::outgoing(map, "c").empty());
    CHECK(PresentWalk::outgoing(map, "nowhere").empty());
}

TEST_CASE("A click jumps the walk to a step, back returns to where it was, clear forgets all", "[facilitation][walk]")
{
    Map map;
    map.lanes = {Lane{"l1", "A", "#FFFFFF", 140}};
    map.steps = {Step{"a", "l1", "", StepKind::Start, "A", "", 0, 30, 120, 50},
                 Step{"b", "l1", "", StepKind::Decision, "B", "", 200, 30, 110, 90},
                 Step{"c", "l1", "", StepKind::Activity, "C", "", 400, 30, 150, 70},
                 Step{"d", "l1", "", StepKind::End, "D", "", 600, 30, 120, 50}};
    map.flows = {Flow{"f1", "a", "b", ""}, Flow{"f2", "b", "c", "no"}, Flow{"f3", "b", "d", "yes"}};
    PresentWalk walk;
    walk.setCurrent(map, "nowhere"); // not a step: nothing happens
    CHECK(walk.current().empty());
    walk.setCurrent(map, "d"); // a jump from nowhere: nothing to go back to but the flow in
    CHECK(walk.current() == "d");
    walk.setCurrent(map, "a");
    CHECK(walk.current() == "a");
    CHECK(walk.back(map));
    CHECK(walk.current() == "d");
    CHECK(walk.back(map)); // along the first flow into d
    CHECK(walk.current() == "b");
    CHECK(walk.branch() == 1); // the way to d is offered again
    CHECK(walk.back(map));
    CHECK(walk.current() == "a");
    CHECK(walk.branch() == 0);
    CHECK_FALSE(walk.back(map)); // nothing flows into the start
    CHECK(walk.current() == "a");
    CHECK(walk.next(map));
    CHECK(walk.chooseBranch(map, -1)); // wraps round backwards
    CHECK(walk.branch() == 1);
    CHECK(walk.next(map));
    CHECK(walk.current() == "d");
    walk.clear();
    CHECK(walk.current().empty());
    CHECK(walk.branch() == 0);
    CHECK_FALSE(walk.back(map));
    CHECK(walk.next(map));
    CHECK(walk.current() == "a");
}
