#include "crosswalk/insights/mapinsights.h"

#include "core/insights/insights_support.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <array>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace crosswalk;

namespace {

using Ids = std::vector<std::string>;
using Counts = std::array<int, 16>;

// The order of the columns in the hand-counted tables below.
Counts counts(const Figures& f)
{
    return {f.steps.count,
            f.handoffs.count,
            f.decisions.count,
            f.waits.count,
            f.noWayForward.count,
            f.blackBoxes.count,
            f.harmPoints.count,
            f.variationIntentional.count,
            f.variationUnintentional.count,
            f.variationUnspecified.count,
            f.questions.count,
            f.insights.count,
            f.changeIdeas[0].count,
            f.changeIdeas[1].count,
            f.changeIdeas[2].count,
            f.changeIdeasNoHorizon.count};
}

std::vector<const Figure*> all(const Figures& f)
{
    return {&f.steps,
            &f.handoffs,
            &f.decisions,
            &f.waits,
            &f.blackBoxes,
            &f.harmPoints,
            &f.variationIntentional,
            &f.variationUnintentional,
            &f.variationUnspecified,
            &f.questions,
            &f.insights,
            &f.changeIdeas[0],
            &f.changeIdeas[1],
            &f.changeIdeas[2],
            &f.changeIdeasNoHorizon,
            &f.noWayForward};
}

/// Checks the figures of the whole map ("") and of each lane and phase against the table.
void checkTable(const MapInsights& insights, const std::map<std::string, Counts>& expected)
{
    for (const auto& [scope, want] : expected) {
        INFO("scope " << (scope.empty() ? "overall" : scope));
        const Figures* f = scope.empty() ? &insights.overall() : insights.lane(scope);
        if (!f)
            f = insights.phase(scope);
        REQUIRE(f);
        CHECK(counts(*f) == want);
    }
    CHECK(expected.size() == 1 + insights.lanes().size() + insights.phases().size());
}

} // namespace

// Columns: steps, handoffs, decisions, waits, no way forward, black boxes, harm points,
// variation intentional, unintentional, unspecified, questions, insights, change ideas on
// horizon 1, 2, 3 and without horizon. Counted from the JSON by hand (and cross-checked
// with a throwaway script written apart from this code): a handoff counts in the lane it
// leaves and the lane it enters, and in the phase of its source step.

TEST_CASE("Insights of the Granite Hollow demo map match the hand count", "[insights]")
{
    const Map map = test::demoMap("06-granite-hollow.crosswalk.json");
    const MapInsights insights(map);
    checkTable(insights, {
                             {"", {26, 16, 3, 1, 0, 2, 2, 1, 1, 0, 2, 2, 1, 1, 1, 0}},
                             {"l1", {7, 7, 2, 1, 0, 0, 2, 1, 0, 0, 0, 0, 1, 1, 0, 0}}, // Principal
                             {"l2", {6, 7, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0}}, // Instructional Superintendent
                             {"l3", {4, 8, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}}, // Chief of Schools
                             {"l4", {5, 5, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}}, // Human Resources
                             {"l5", {4, 5, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}}, // Leadership Development
                             {"p1", {6, 6, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}}, // Summer
                             {"p2", {6, 4, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0}}, // Beginning of year
                             {"p3", {6, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0}}, // Mid-year
                             {"p4", {8, 5, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}}, // End of year
                         });

    const Figures& o = insights.overall();
    CHECK(o.handoffs.ids == Ids{"f2", "f3", "f4", "f5", "f8", "f9", "f10", "f12", "f14", "f22", "f23", "f25", "f26",
                                "f30", "f31", "f32"});
    CHECK(o.decisions.stepIds == Ids{"s11", "s13", "s22"});
    CHECK(o.waits.stepIds == Ids{"s15"});
    CHECK(o.blackBoxes.ids == Ids{"a1", "a2"});
    CHECK(o.blackBoxes.stepIds == Ids{"s20", "s21"});
    CHECK(o.harmPoints.stepIds == Ids{"s11", "s15"}); // a3 on s15, a4 on s11: map order of the steps
    // a8 is on flow f24 (s17 -> s25): both ends light up; it counts in s17's lane and phase.
    CHECK(o.questions.ids == Ids{"a7", "a8"});
    CHECK(o.questions.stepIds == Ids{"s3", "s17", "s25"});
    CHECK(insights.lane("l5")->questions.ids == Ids{"a8"});
    CHECK(insights.phase("p3")->questions.ids == Ids{"a8"});
    // a9 is on the whole map, a10 on lane l2: neither has steps behind it.
    CHECK(o.insights.ids == Ids{"a9", "a10"});
    CHECK(o.insights.stepIds.empty());
    CHECK(insights.lane("l2")->insights.ids == Ids{"a10"});
    CHECK(o.changeIdeas[2].ids == Ids{"a13"});
    // Chief of Schools: s1 -> s2 -> (l2, l5); s19 -> s20; s20 -> s21; s23, s24 -> s26; s25 -> s26.
    CHECK(insights.lane("l3")->handoffs.ids == Ids{"f2", "f3", "f4", "f25", "f26", "f30", "f31", "f32"});
    CHECK(o.noWayForward.ids.empty());

    // Acyclic; counted by hand along the flows: 17 steps.
    CHECK(insights.longestPath().count == 17);
    CHECK(insights.longestPath().ids == Ids{"s1", "s2", "s4", "s7", "s8", "s9", "s11", "s12", "s13", "s14", "s18",
                                            "s19", "s20", "s21", "s22", "s23", "s26"});
}

TEST_CASE("Insights of the Harbor City demo map match the hand count", "[insights]")
{
    const Map map = test::demoMap("01-harbor-city.crosswalk.json");
    const MapInsights insights(map);
    checkTable(insights, {
                             {"", {35, 29, 4, 1, 0, 3, 3, 1, 1, 0, 2, 1, 1, 1, 1, 0}},
                             {"l1", {6, 14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}},  // Principal
                             {"l2", {10, 17, 2, 0, 0, 0, 1, 0, 1, 0, 2, 0, 1, 0, 0, 0}}, // Principal Supervisor
                             {"l3", {6, 12, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},  // Chief of Schools
                             {"l4", {6, 4, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0}},   // Leadership Development
                             {"l5", {3, 5, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},   // Human Resources
                             {"l6", {4, 6, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}},   // Data & Accountability
                             {"p1", {6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},   // Summer
                             {"p2", {9, 6, 2, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0}},   // Beginning of year
                             {"p3", {7, 5, 1, 0, 0, 0, 0, 0, 1, 0, 2, 0, 1, 0, 0, 0}},   // Mid-year
                             {"p4", {6, 5, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},   // End of year
                             {"p5", {7, 6, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}},   // After the cycle
                         });
    // This map has a loop (f13 goes from s10 back to s9); the search from s1 cuts exactly
    // that flow, and the longest path is then 19 steps.
    CHECK(insights.longestPath().ids == Ids{"s1", "s2", "s5", "s7", "s8", "s9", "s16", "s17", "s20", "s21", "s23",
                                            "s24", "s25", "s26", "s27", "s30", "s32", "s33", "s35"});
}

TEST_CASE("Insights of the Ironbridge County demo map match the hand count", "[insights]")
{
    const Map map = test::demoMap("03-ironbridge-county.crosswalk.json");
    const MapInsights insights(map);
    checkTable(insights, {
                             {"", {30, 30, 3, 1, 0, 2, 3, 1, 2, 0, 1, 2, 1, 1, 1, 0}},
                             {"l1", {5, 7, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0}},  // Principal
                             {"l2", {3, 5, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0}},  // School Leadership Team
                             {"l3", {7, 17, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0}}, // Director of School Leadership
                             {"l4", {6, 12, 2, 0, 0, 2, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0}}, // Chief of Schools
                             {"l5", {2, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},  // HR
                             {"l6", {4, 9, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}},  // Leadership Development
                             {"l7", {3, 5, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}},  // Data & Accountability
                             {"p1", {5, 8, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0}},  // Summer and launch
                             {"p2", {8, 6, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0}},  // Fall
                             {"p3", {7, 6, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0}},  // Winter and spring
                             {"p4", {5, 7, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}},  // Close of year
                             {"p5", {5, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}},  // Summer transition
                         });
    CHECK(insights.longestPath().count == 19);
}

TEST_CASE("Insights of the small map: every scope rule", "[insights]")
{
    // smallMap(): s1..s5 in p1, p1, p2, p2, p3, s6 without a phase; lanes l1 l1 l2 l3 l1 l3.
    const Map map = test::smallMap();
    const MapInsights insights(map);
    const Figures& o = insights.overall();

    CHECK(o.steps.count == 6);
    CHECK(o.steps.ids == Ids{"s1", "s2", "s3", "s4", "s5", "s6"});
    CHECK(insights.phase("p1")->steps.ids == Ids{"s1", "s2"});
    CHECK(insights.phase("p3")->steps.ids == Ids{"s5"}); // s6 has no phase: in no phase column

    // Handoffs: f2 l1->l2, f3 l2->l3, f4 l3->l1, f5 l1->l3; f1 stays in l1.
    CHECK(o.handoffs.ids == Ids{"f2", "f3", "f4", "f5"});
    CHECK(o.handoffs.stepIds == Ids{"s2", "s3", "s4", "s5", "s6"});
    CHECK(insights.lane("l1")->handoffs.ids == Ids{"f2", "f4", "f5"}); // leaves, enters, leaves
    CHECK(insights.lane("l2")->handoffs.ids == Ids{"f2", "f3"});
    CHECK(insights.lane("l3")->handoffs.ids == Ids{"f3", "f4", "f5"});
    CHECK(insights.phase("p1")->handoffs.ids == Ids{"f2"}); // phase of the source step
    CHECK(insights.phase("p2")->handoffs.ids == Ids{"f3", "f4"});
    CHECK(insights.phase("p3")->handoffs.ids == Ids{"f5"});

    CHECK(o.decisions.ids == Ids{"s5"});
    CHECK(o.waits.count == 0);
    CHECK(o.noWayForward.count == 0); // s6 is an end

    // a1 black box on s3 (l2, p2).
    CHECK(insights.lane("l2")->blackBoxes.ids == Ids{"a1"});
    CHECK(insights.phase("p2")->blackBoxes.ids == Ids{"a1"});
    CHECK(o.blackBoxes.stepIds == Ids{"s3"});
    // a2 harm on flow f2 (s2 -> s3): counts where s2 is (l1, p1), not where s3 is.
    CHECK(insights.lane("l1")->harmPoints.ids == Ids{"a2"});
    CHECK(insights.phase("p1")->harmPoints.ids == Ids{"a2"});
    CHECK(insights.lane("l2")->harmPoints.count == 0);
    CHECK(insights.phase("p2")->harmPoints.count == 0);
    CHECK(o.harmPoints.stepIds == Ids{"s2", "s3"});
    // a3 unintentional variation on lane l2: that lane, no phase, no steps.
    CHECK(insights.lane("l2")->variationUnintentional.ids == Ids{"a3"});
    for (const PhaseFigures& p : insights.phases())
        CHECK(p.figures.variationUnintentional.count == 0);
    CHECK(o.variationUnintentional.stepIds.empty());
    // a4 change idea on horizon 2 on the whole map: overall only.
    CHECK(o.changeIdeas[1].ids == Ids{"a4"});
    for (const LaneFigures& l : insights.lanes())
        CHECK(l.figures.changeIdeas[1].count == 0);
    for (const PhaseFigures& p : insights.phases())
        CHECK(p.figures.changeIdeas[1].count == 0);
    // a5 question on s5 (l1, p3).
    CHECK(insights.lane("l1")->questions.ids == Ids{"a5"});
    CHECK(insights.phase("p3")->questions.ids == Ids{"a5"});

    CHECK(insights.longestPath().ids == Ids{"s1", "s2", "s3", "s4", "s5", "s6"});
    CHECK(insights.longestPath().count == 6);

    CHECK(insights.lane("nope") == nullptr);
    CHECK(insights.phase("l1") == nullptr);
    REQUIRE(insights.lanes().size() == 3);
    CHECK(insights.lanes()[2].laneId == "l3");
    REQUIRE(insights.phases().size() == 3);
    CHECK(insights.phases()[0].phaseId == "p1");
}

TEST_CASE("Insights count every annotation kind, with and without variation or horizon", "[insights]")
{
    Map map = test::smallMap();
    map.annotations.clear();
    const auto add = [&](std::string id, AnnotationKind kind, std::string target) -> Annotation& {
        map.annotations.push_back({std::move(id), kind, std::move(target), "text", "", {}, {}});
        return map.annotations.back();
    };
    add("b1", AnnotationKind::BlackBox, "s1");
    add("h1", AnnotationKind::Harm, "s1").affects = "principals";
    add("v1", AnnotationKind::Variation, "s1").variation = Variation::Intentional;
    add("v2", AnnotationKind::Variation, "s1").variation = Variation::Unintentional;
    add("v3", AnnotationKind::Variation, "s1");
    add("q1", AnnotationKind::Question, "s1");
    add("i1", AnnotationKind::Insight, "s1");
    add("c1", AnnotationKind::ChangeIdea, "s1").horizon = 1;
    add("c2", AnnotationKind::ChangeIdea, "s1").horizon = 2;
    add("c3", AnnotationKind::ChangeIdea, "s1").horizon = 3;
    add("c4", AnnotationKind::ChangeIdea, "s1");
    add("q2", AnnotationKind::Question, "gone"); // a dangling target: overall only
    add("q3", AnnotationKind::Question, "");     // the whole map

    const MapInsights insights(map);
    const Counts one = {2, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}; // l1's steps s1, s2 and f2
    CHECK(counts(*insights.lane("l1")) == Counts{3, 3, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    CHECK(counts(*insights.phase("p1")) == one);
    CHECK(insights.overall().questions.ids == Ids{"q1", "q2", "q3"});
    CHECK(insights.overall().questions.stepIds == Ids{"s1"});
    CHECK(insights.lane("l1")->questions.ids == Ids{"q1"});
    CHECK(insights.overall().variationUnspecified.ids == Ids{"v3"});
    CHECK(insights.overall().changeIdeasNoHorizon.ids == Ids{"c4"});
    CHECK(insights.overall().changeIdeas[0].ids == Ids{"c1"});
    CHECK(insights.overall().changeIdeas[2].ids == Ids{"c3"});
}

TEST_CASE("An annotation on a flow out of a phaseless step counts in its lane only", "[insights]")
{
    Map map = test::smallMap();
    map.flows.push_back({"f6", "s6", "s1", ""}); // s6 (l3, no phase) -> s1 (l1)
    map.annotations = {{"x1", AnnotationKind::Harm, "f6", "late", "", {}, {}}};
    const MapInsights insights(map);
    CHECK(insights.lane("l3")->harmPoints.ids == Ids{"x1"});
    CHECK(insights.lane("l1")->harmPoints.count == 0);
    for (const PhaseFigures& p : insights.phases()) {
        CHECK(p.figures.harmPoints.count == 0);
        CHECK(p.figures.handoffs.ids != Ids{"f6"});
    }
    CHECK(insights.overall().harmPoints.stepIds == Ids{"s1", "s6"});
    CHECK(insights.lane("l1")->handoffs.ids == Ids{"f2", "f4", "f5", "f6"});
}

TEST_CASE("Steps with no way forward", "[insights]")
{
    using K = StepKind;
    // s -> a -> e; a -> d (stops); w only loops on itself; x has a flow to nowhere; e is an end.
    Map map = test::graphMap({{"s", K::Start},
                              {"a", K::Activity},
                              {"d", K::Decision},
                              {"w", K::Wait},
                              {"x", K::Meeting},
                              {"e", K::End},
                              {"e2", K::End}},
                             {{"s", "a"}, {"a", "e"}, {"a", "d"}, {"w", "w"}, {"e2", "s"}});
    map.flows.push_back({"f9", "x", "no-such-step", ""});
    const MapInsights insights(map);
    CHECK(insights.overall().noWayForward.ids == Ids{"d", "w", "x"});
    CHECK(insights.overall().noWayForward.stepIds == Ids{"d", "w", "x"});
    CHECK(insights.lane("l1")->noWayForward.count == 3);
    CHECK(insights.overall().decisions.ids == Ids{"d"});
    CHECK(insights.overall().waits.ids == Ids{"w"});
    CHECK(insights.overall().handoffs.count == 0);
}

TEST_CASE("Longest path from start to end", "[insights]")
{
    using K = StepKind;
    SECTION("a straight line")
    {
        const Map map = test::graphMap({{"s", K::Start}, {"a", K::Activity}, {"e", K::End}}, {{"s", "a"}, {"a", "e"}});
        CHECK(MapInsights(map).longestPath().ids == Ids{"s", "a", "e"});
    }
    SECTION("the longer of two branches, whichever comes first")
    {
        const Map map = test::graphMap({{"s", K::Start},
                                        {"d", K::Decision},
                                        {"a", K::Activity},
                                        {"b", K::Activity},
                                        {"c", K::Activity},
                                        {"e", K::End}},
                                       {{"s", "d"}, {"d", "a"}, {"a", "e"}, {"d", "b"}, {"b", "c"}, {"c", "e"}});
        CHECK(MapInsights(map).longestPath().ids == Ids{"s", "d", "b", "c", "e"});
    }
    SECTION("equal branches: the first flow in map order wins")
    {
        const Map map = test::graphMap({{"s", K::Start}, {"a", K::Activity}, {"b", K::Activity}, {"e", K::End}},
                                       {{"s", "b"}, {"s", "a"}, {"a", "e"}, {"b", "e"}});
        CHECK(MapInsights(map).longestPath().ids == Ids{"s", "b", "e"});
    }
    SECTION("a loop is cut where the search from the start first closes it")
    {
        // s -> a <-> b, both lead to e. From s the search reaches a first, then b, and the
        // flow b -> a closes the loop: it is cut, leaving s a b e (4 steps).
        Map map = test::graphMap({{"s", K::Start}, {"a", K::Activity}, {"b", K::Activity}, {"e", K::End}},
                                 {{"s", "a"}, {"s", "b"}, {"a", "b"}, {"b", "a"}, {"b", "e"}, {"a", "e"}});
        CHECK(MapInsights(map).longestPath().ids == Ids{"s", "a", "b", "e"});
        // With s -> b first, the search goes b then a, cuts a -> b, and the path turns round.
        std::swap(map.flows[0], map.flows[1]);
        CHECK(MapInsights(map).longestPath().ids == Ids{"s", "b", "a", "e"});
    }
    SECTION("a self-loop and a loop back to the start never repeat a step")
    {
        const Map map = test::graphMap({{"s", K::Start}, {"a", K::Activity}, {"b", K::Wait}, {"e", K::End}},
                                       {{"s", "a"}, {"a", "a"}, {"a", "b"}, {"b", "s"}, {"b", "e"}});
        CHECK(MapInsights(map).longestPath().ids == Ids{"s", "a", "b", "e"});
    }
    SECTION("a path may pass an end step and end at a later one")
    {
        const Map map = test::graphMap({{"s", K::Start}, {"e1", K::End}, {"a", K::Activity}, {"e2", K::End}},
                                       {{"s", "e1"}, {"e1", "a"}, {"a", "e2"}});
        CHECK(MapInsights(map).longestPath().ids == Ids{"s", "e1", "a", "e2"});
    }
    SECTION("several starts: the longest wins, the earliest on a tie")
    {
        const Map map = test::graphMap({{"s1", K::Start},
                                        {"s2", K::Start},
                                        {"s3", K::Start},
                                        {"a", K::Activity},
                                        {"b", K::Activity},
                                        {"e", K::End}},
                                       {{"s1", "e"}, {"s2", "a"}, {"a", "e"}, {"s3", "b"}, {"b", "e"}});
        CHECK(MapInsights(map).longestPath().ids == Ids{"s2", "a", "e"});
    }
    SECTION("a start reached from another start")
    {
        const Map map = test::graphMap({{"s1", K::Start}, {"s2", K::Start}, {"a", K::Activity}, {"e", K::End}},
                                       {{"s2", "a"}, {"a", "e"}, {"s1", "s2"}});
        CHECK(MapInsights(map).longestPath().ids == Ids{"s1", "s2", "a", "e"});
    }
    SECTION("no start, or no end within reach: no path")
    {
        const Map noStart = test::graphMap({{"a", K::Activity}, {"e", K::End}}, {{"a", "e"}});
        CHECK(MapInsights(noStart).longestPath().ids.empty());
        CHECK(MapInsights(noStart).longestPath().count == 0);
        const Map noEnd = test::graphMap({{"s", K::Start}, {"a", K::Activity}, {"e", K::End}}, {{"s", "a"}});
        CHECK(MapInsights(noEnd).longestPath().ids.empty());
        const Map lone = test::graphMap({{"s", K::Start}}, {});
        CHECK(MapInsights(lone).longestPath().ids.empty());
        CHECK(MapInsights(Map{}).longestPath().ids.empty());
    }
    SECTION("a very long chain does not exhaust the stack")
    {
        std::vector<std::pair<std::string, StepKind>> steps;
        std::vector<std::pair<std::string, std::string>> flows;
        const int n = 50000;
        for (int i = 0; i < n; ++i) {
            steps.push_back({"s" + std::to_string(i), i == 0 ? K::Start : i == n - 1 ? K::End : K::Activity});
            if (i > 0)
                flows.push_back({"s" + std::to_string(i - 1), "s" + std::to_string(i)});
        }
        flows.push_back({"s" + std::to_string(n - 2), "s0"}); // and one long loop
        const MapInsights insights(test::graphMap(steps, flows));
        CHECK(insights.longestPath().count == n);
        CHECK(insights.longestPath().ids.back() == "s" + std::to_string(n - 1));
    }
}

namespace {

/// The longest simple path from a start to an end, by trying every one (small maps only).
int bruteForceLongest(const Map& map)
{
    std::map<std::string, std::vector<std::string>> out;
    for (const Flow& f : map.flows)
        out[f.from].push_back(f.to);
    int best = 0;
    std::set<std::string> seen;
    std::function<void(const std::string&, int)> walk = [&](const std::string& id, int length) {
        if (map.step(id)->kind == StepKind::End)
            best = std::max(best, length);
        for (const std::string& next : out[id])
            if (seen.insert(next).second) {
                walk(next, length + 1);
                seen.erase(next);
            }
    };
    for (const Step& s : map.steps)
        if (s.kind == StepKind::Start) {
            seen = {s.id};
            walk(s.id, 1);
        }
    return best;
}

bool hasCycle(const Map& map)
{
    std::map<std::string, int> state; // 1 on stack, 2 done
    std::function<bool(const std::string&)> visit = [&](const std::string& id) {
        state[id] = 1;
        for (const Flow& f : map.flows)
            if (f.from == id) {
                if (state[f.to] == 1 || (state[f.to] == 0 && visit(f.to)))
                    return true;
            }
        state[id] = 2;
        return false;
    };
    for (const Step& s : map.steps)
        if (state[s.id] == 0 && visit(s.id))
            return true;
    return false;
}

} // namespace

TEST_CASE("Insights of random maps add up and point at real things", "[insights]")
{
    int acyclic = 0, withPath = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        INFO("seed " << seed);
        const bool small = seed % 2 == 0;
        const Map map =
            small ? test::randomMap(
                        seed,
                        {.lanes = 3, .phases = 2, .steps = 9, .flows = 10, .annotations = 8, .phaselessPercent = 20})
                  : test::randomMap(seed, {.phaselessPercent = 10});
        const MapInsights insights(map);
        const Figures& o = insights.overall();

        CHECK(o.steps.count == static_cast<int>(map.steps.size()));
        int laneSteps = 0, laneHandoffs = 0, phaseSteps = 0, phaseHandoffs = 0, phased = 0;
        for (const LaneFigures& l : insights.lanes()) {
            laneSteps += l.figures.steps.count;
            laneHandoffs += l.figures.handoffs.count;
        }
        for (const PhaseFigures& p : insights.phases()) {
            phaseSteps += p.figures.steps.count;
            phaseHandoffs += p.figures.handoffs.count;
        }
        for (const Step& s : map.steps)
            phased += s.phase.empty() ? 0 : 1;
        CHECK(laneSteps == o.steps.count);
        CHECK(laneHandoffs == 2 * o.handoffs.count);
        CHECK(phaseSteps == phased);
        CHECK(phaseHandoffs <= o.handoffs.count);

        int annotations = 0;
        for (const Figure* f : all(o)) {
            CHECK(f->count == static_cast<int>(f->ids.size()));
            CHECK(std::set<std::string>(f->stepIds.begin(), f->stepIds.end()).size() == f->stepIds.size());
            for (const std::string& id : f->stepIds)
                CHECK(map.step(id) != nullptr);
            for (const std::string& id : f->ids)
                CHECK(map.hasEntity(id));
        }
        for (const Figure* f : {&o.blackBoxes, &o.harmPoints, &o.variationIntentional, &o.variationUnintentional,
                                &o.variationUnspecified, &o.questions, &o.insights, &o.changeIdeas[0],
                                &o.changeIdeas[1], &o.changeIdeas[2], &o.changeIdeasNoHorizon})
            annotations += f->count;
        CHECK(annotations == static_cast<int>(map.annotations.size()));

        // The path is a real start-to-end walk along flows, never visiting a step twice.
        const Ids& path = insights.longestPath().ids;
        if (!path.empty()) {
            ++withPath;
            CHECK(map.step(path.front())->kind == StepKind::Start);
            CHECK(map.step(path.back())->kind == StepKind::End);
            CHECK(std::set<std::string>(path.begin(), path.end()).size() == path.size());
            for (std::size_t i = 1; i < path.size(); ++i)
                CHECK(std::any_of(map.flows.begin(), map.flows.end(),
                                  [&](const Flow& f) { return f.from == path[i - 1] && f.to == path[i]; }));
        }
        if (small) {
            // Cutting loops can only shorten a path; without loops it is the true longest.
            const int longest = bruteForceLongest(map);
            CHECK(insights.longestPath().count <= longest);
            if (!hasCycle(map)) {
                ++acyclic;
                CHECK(insights.longestPath().count == longest);
            }
        }
    }
    // The exact comparison and the path checks did run.
    CHECK(acyclic > 10);
    CHECK(withPath > 30);
}
