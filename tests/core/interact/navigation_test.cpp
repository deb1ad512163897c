#include "crosswalk/interact/navigation.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using namespace crosswalk::navigation;

namespace {

Step step(const std::string& id, const std::string& laneId, int x, int w = 150)
{
    Step s;
    s.id = id;
    s.lane = laneId;
    s.x = x;
    s.w = w;
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

Map threeLanes()
{
    Map m;
    for (const char* id : {"l1", "l2", "l3"}) {
        Lane l;
        l.id = id;
        m.lanes.push_back(l);
    }
    return m;
}

} // namespace

TEST_CASE("With nothing selected, the arrows start top left", "[interact][navigation]")
{
    Map m = threeLanes();
    CHECK(startStep(m).empty());
    m.steps = {step("c", "l2", 0), step("b", "l1", 300), step("a", "l1", 100), step("d", "l1", 100)};
    CHECK(startStep(m) == "a"); // the first of two at the same place
    m.steps = {step("c", "l3", 0), step("b", "l2", 300)};
    CHECK(startStep(m) == "b");
    m.steps.push_back(step("x", "nolane", 0)); // counts as the first lane
    CHECK(startStep(m) == "x");
}

TEST_CASE("Right and Left follow the flows, else the lane", "[interact][navigation]")
{
    Map m = threeLanes();
    m.steps = {step("s1", "l1", 40), step("s2", "l1", 300), step("s3", "l2", 560), step("s4", "l1", 800),
               step("s5", "l1", 200)};
    m.flows = {flow("f1", "s1", "s2"), flow("f2", "s2", "s3"), flow("f3", "s2", "s4")};
    CHECK(neighbourStep(m, "s1", Direction::Right) == "s2");
    CHECK(neighbourStep(m, "s2", Direction::Right) == "s3"); // the first flow out
    CHECK(neighbourStep(m, "s3", Direction::Left) == "s2");
    CHECK(neighbourStep(m, "s4", Direction::Left) == "s2");
    CHECK(neighbourStep(m, "s3", Direction::Right).empty()); // nothing right of it in its lane
    CHECK(neighbourStep(m, "s1", Direction::Left).empty());
    CHECK(neighbourStep(m, "s5", Direction::Right) == "s2"); // no flow: the nearest in the lane
    CHECK(neighbourStep(m, "s5", Direction::Left) == "s1");
    m.steps.push_back(step("s6", "l1", 200));
    CHECK(neighbourStep(m, "s5", Direction::Right) == "s2"); // a step at the same x is not "right of"
    CHECK(neighbourStep(m, "nope", Direction::Right).empty());
}

TEST_CASE("Down and Up go to the nearest lane with steps, to the step nearest in x", "[interact][navigation]")
{
    Map m = threeLanes();
    m.steps = {step("a", "l1", 300), step("b", "l3", 0), step("c", "l3", 500), step("d", "l3", 280, 200),
               step("e", "l3", 320, 100)};
    // Centre of a: 375; b 75, c 575, d 380, e 370: d and e are both 5 away, the first listed wins.
    CHECK(neighbourStep(m, "a", Direction::Down) == "d");
    CHECK(neighbourStep(m, "a", Direction::Up).empty());
    CHECK(neighbourStep(m, "b", Direction::Up) == "a"); // over the empty lane
    CHECK(neighbourStep(m, "b", Direction::Down).empty());
    m.steps.push_back(step("f", "l2", 1000));
    CHECK(neighbourStep(m, "a", Direction::Down) == "f");
    CHECK(neighbourStep(m, "c", Direction::Up) == "f");
    m.steps.push_back(step("x", "nolane", 0));
    CHECK(neighbourStep(m, "x", Direction::Down).empty());
    CHECK(neighbourStep(m, "x", Direction::Up).empty());
}
