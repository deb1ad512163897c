// The comparison engine: normalisation, lane crosswalk, determinism, decisions, JSON.

#include "support/randommap.h"

#include "crosswalk/compare/compare.h"
#include "crosswalk/compare/lanecrosswalk.h"
#include "crosswalk/compare/stepmatcher.h"
#include "crosswalk/compare/textnormalizer.h"
#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

using namespace crosswalk;

namespace {

std::vector<Map> demoMaps()
{
    std::vector<Map> maps;
    for (std::string_view text : demoMapTexts())
        maps.push_back(parseMapJson(text).map);
    return maps;
}

// Steps of each map in some match: a split step is in several.
std::size_t distinctA(const std::vector<StepMatch>& matches)
{
    std::set<std::string> ids;
    for (const StepMatch& m : matches)
        ids.insert(m.a);
    return ids.size();
}

std::size_t distinctB(const std::vector<StepMatch>& matches)
{
    std::set<std::string> ids;
    for (const StepMatch& m : matches)
        ids.insert(m.b);
    return ids.size();
}

const Map& demo(const std::vector<Map>& maps, const std::string& id)
{
    const auto it = std::find_if(maps.begin(), maps.end(), [&](const Map& m) { return m.id == id; });
    REQUIRE(it != maps.end());
    return *it;
}

std::string laneNamed(const Map& map, const std::string& name)
{
    for (const Lane& lane : map.lanes)
        if (lane.name == name)
            return lane.id;
    FAIL("no lane " << name);
    return {};
}

std::string stepLabelled(const Map& map, const std::string& label)
{
    for (const Step& step : map.steps)
        if (step.label == label)
            return step.id;
    FAIL("no step " << label);
    return {};
}

const StepMatch* matchOfA(const PairComparison& pair, const std::string& stepA)
{
    for (const StepMatch& m : pair.matches)
        if (m.a == stepA)
            return &m;
    return nullptr;
}

} // namespace

TEST_CASE("Labels that say the same thing meet on the same tokens", "[compare]")
{
    const TextNormalizer& n = TextNormalizer::forSteps();
    CHECK(n.key("Goal-setting conference") == n.key("goal setting meeting"));
    CHECK(n.key("Walkthroughs") == n.key("School visit"));
    CHECK(n.key("Summative evaluation") == n.key("End-of-year evaluation"));
    CHECK(n.key("Self-assessment") == n.key("Self-reflection"));
    CHECK(n.key("PD") == n.key("Professional development"));
    CHECK(n.key("Professional learning") == n.key("pd"));
    CHECK(n.key("PLC") == n.key("Professional learning community"));
    CHECK(n.key("Improvement plan") == n.key("Growth plan"));
    CHECK(n.key("PIP") == n.key("growth plan"));
    CHECK(n.key("Rating entered into HR system") == n.key("Rating entered in the Human Resources system"));
    CHECK(n.key("Calibration") == n.key("calibrating"));
    CHECK(n.key("Climate survey") == n.key("climate surveys"));
    CHECK(n.key("Principal PLC") != n.key("Principal"));
    CHECK(n.key("") == "");
    // Parenthesised words qualify the label and weigh less.
    const auto tokens = n.tokens("Coaching (optional)");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[1].weight < tokens[0].weight);
}

TEST_CASE("The stemmer is light and deterministic", "[compare]")
{
    CHECK(TextNormalizer::stem("walkthroughs") == "walkthrough");
    CHECK(TextNormalizer::stem("meetings") == TextNormalizer::stem("meeting"));
    CHECK(TextNormalizer::stem("evaluated") == TextNormalizer::stem("evaluation"));
    CHECK(TextNormalizer::stem("approved") == TextNormalizer::stem("approval"));
    CHECK(TextNormalizer::stem("assessments") == TextNormalizer::stem("assessment"));
    CHECK(TextNormalizer::stem("planning") == TextNormalizer::stem("planned"));
    CHECK(TextNormalizer::stem("status") == "status");
    CHECK(TextNormalizer::stem("360") == "360");
    CHECK(TextNormalizer::stem("année") == "année");
}

TEST_CASE("Role names pair through the synonym table", "[compare]")
{
    CHECK(LaneCrosswalk::similarity("Principal Supervisor", "Instructional Superintendent") >= 0.9);
    CHECK(LaneCrosswalk::similarity("Director of School Leadership", "Area Superintendent") >= 0.9);
    CHECK(LaneCrosswalk::similarity("HR", "Talent Office") >= 0.9);
    CHECK(LaneCrosswalk::similarity("Human Resources", "human resources") == 1.0);
    CHECK(LaneCrosswalk::similarity("Data & Accountability", "Research and Assessment") >= 0.9);
    CHECK(LaneCrosswalk::similarity("Chief of Schools", "Deputy Superintendent") >= 0.9);
    CHECK(LaneCrosswalk::similarity("Labor association", "Principals' Union") >= 0.9);
    CHECK(LaneCrosswalk::similarity("Principal", "Principal Supervisor") < LaneCrosswalk::kThreshold);
    CHECK(LaneCrosswalk::similarity("Superintendent", "Chief of Schools") < LaneCrosswalk::kThreshold);
    CHECK(LaneCrosswalk::similarity("Leadership Development", "School Leadership Team") < LaneCrosswalk::kThreshold);
    CHECK(LaneCrosswalk::similarity("Office of Family Engagement", "Family engagement team") >= 0.5);
}

TEST_CASE("Two demo districts: the same roles are paired and familiar steps matched", "[compare]")
{
    const auto maps = demoMaps();
    const Map& harbor = demo(maps, "m-harbor-city");
    const Map& kestrel = demo(maps, "m-kestrel-bay");
    const PairComparison pair = comparePair(harbor, kestrel);

    const auto paired = [&](const std::string& a, const std::string& b) {
        const std::string la = laneNamed(harbor, a);
        const std::string lb = laneNamed(kestrel, b);
        return std::any_of(pair.lanes.begin(), pair.lanes.end(),
                           [&](const LanePair& p) { return p.a == la && p.b == lb; });
    };
    CHECK(paired("Principal", "Principal"));
    CHECK(paired("Principal Supervisor", "Instructional Superintendent"));
    CHECK(paired("Chief of Schools", "Deputy Superintendent"));
    CHECK(paired("Human Resources", "Talent Office"));
    CHECK(paired("Leadership Development", "Coaching & Leadership Development"));
    CHECK(paired("Data & Accountability", "Research and Assessment"));
    CHECK(pair.lanes.size() == 6); // Kestrel Bay's labor association has no partner

    const auto matched = [&](const std::string& a, const std::string& b) {
        const StepMatch* m = matchOfA(pair, stepLabelled(harbor, a));
        return m && m->b == stepLabelled(kestrel, b);
    };
    CHECK(matched("Goal-setting conference", "Goal-setting meeting"));
    CHECK(matched("Summative evaluation conference", "End-of-year evaluation conference"));
    CHECK(matched("Rating entered into HR system", "Provisional rating recorded in HRIS"));
    CHECK(matched("Improvement plan", "Assistance plan (90 days)"));
    CHECK(matched("Cycle closed", "Cycle closed"));

    // Only-in lists complete the partition of each map's steps, in map order (a split step
    // is in several matches of one group, so steps are counted, not matches).
    CHECK(distinctA(pair.matches) + pair.onlyA.size() == harbor.steps.size());
    CHECK(distinctB(pair.matches) + pair.onlyB.size() == kestrel.steps.size());
    for (const StepMatch& m : pair.matches) {
        CHECK(m.score >= 0.0);
        CHECK(m.score <= 1.0);
        CHECK_FALSE(m.decided);
    }
}

TEST_CASE("Annotation differences and lane figures describe matched steps and lanes", "[compare]")
{
    const auto maps = demoMaps();
    const Map& harbor = demo(maps, "m-harbor-city");
    const Map& kestrel = demo(maps, "m-kestrel-bay");
    const PairComparison pair = comparePair(harbor, kestrel);

    // Harbor City marks rating entry into HR as a black box; Kestrel Bay does not.
    const std::string entry = stepLabelled(harbor, "Rating entered into HR system");
    const bool found = std::any_of(pair.annotationDifferences.begin(), pair.annotationDifferences.end(),
                                   [&](const AnnotationDifference& d) {
                                       return d.a == entry && d.kind == AnnotationKind::BlackBox && d.onA;
                                   });
    CHECK(found);

    // One row per lane of A, then B's unpaired lanes; step counts add up.
    CHECK(pair.laneFigures.size() == harbor.lanes.size() + kestrel.lanes.size() - pair.lanes.size());
    int stepsA = 0;
    int stepsB = 0;
    for (const LaneFiguresRow& row : pair.laneFigures) {
        stepsA += row.figuresA ? row.figuresA->steps : 0;
        stepsB += row.figuresB ? row.figuresB->steps : 0;
        CHECK(row.a.empty() == !row.figuresA);
        CHECK(row.b.empty() == !row.figuresB);
    }
    CHECK(stepsA == static_cast<int>(harbor.steps.size()));
    CHECK(stepsB == static_cast<int>(kestrel.steps.size()));

    const auto figures = laneFigures(test::smallMap());
    CHECK(figures.at("l1") == LaneTally{3, 3, 0, 1, 0}); // harm a2 sits on a flow leaving l1
    CHECK(figures.at("l2") == LaneTally{1, 2, 1, 0, 1});
    CHECK(figures.at("l3") == LaneTally{2, 3, 0, 0, 0});
}

TEST_CASE("The same input gives the same result", "[compare]")
{
    const auto maps = demoMaps();
    const ComparisonResult first = compareMaps(maps);
    const ComparisonResult second = compareMaps(maps);
    CHECK(first == second);
    CHECK(comparisonToJson(first) == comparisonToJson(second));

    // Random maps full of equal labels: ties everywhere, still the same answer.
    const Map a = test::randomMap(11, {.lanes = 5, .phases = 4, .steps = 120, .flows = 100, .annotations = 30,
                                       .phaselessPercent = 10, .geometry = true, .idPrefix = "a"});
    const Map b = test::randomMap(12, {.lanes = 5, .phases = 4, .steps = 120, .flows = 100, .annotations = 30,
                                       .phaselessPercent = 10, .geometry = true, .idPrefix = "b"});
    const PairComparison p1 = comparePair(a, b);
    const PairComparison p2 = comparePair(a, b);
    CHECK(p1 == p2);
    // One-to-one, but for the parts of a split, which share a group.
    std::set<std::string> as;
    std::set<std::string> bs;
    for (const StepMatch& m : p1.matches) {
        if (m.group != 0)
            continue;
        CHECK(as.insert(m.a).second);
        CHECK(bs.insert(m.b).second);
    }
    for (const StepMatch& m : p1.matches) {
        if (m.group == 0)
            continue;
        const auto sameA = std::count_if(p1.matches.begin(), p1.matches.end(),
                                         [&](const StepMatch& o) { return o.group == m.group && o.a == m.a; });
        const auto sameB = std::count_if(p1.matches.begin(), p1.matches.end(),
                                         [&](const StepMatch& o) { return o.group == m.group && o.b == m.b; });
        CHECK(std::max(sameA, sameB) >= 2); // the whole is in every match of its group
        CHECK_FALSE(as.count(m.a) + bs.count(m.b) > 0);
    }
}

TEST_CASE("Decisions win over scores, for lanes and steps", "[compare]")
{
    const auto maps = demoMaps();
    const Map& harbor = demo(maps, "m-harbor-city");
    const Map& kestrel = demo(maps, "m-kestrel-bay");
    const PairComparison plain = comparePair(harbor, kestrel);

    const std::string goal = stepLabelled(harbor, "Goal-setting conference");
    const std::string goalB = stepLabelled(kestrel, "Goal-setting meeting");
    // A pair the engine does not propose (its "School visits and walkthroughs" now match
    // Kestrel Bay's first and second school visits, a split).
    const std::string visits = stepLabelled(harbor, "Mid-year review");
    const std::string firstVisit = stepLabelled(kestrel, "Informal check-in if time allows");
    const std::string plc = stepLabelled(harbor, "Principal PLC (monthly, by region)");
    const std::string academy = stepLabelled(kestrel, "Leadership academy (optional cohort)");
    REQUIRE(matchOfA(plain, goal));
    REQUIRE(matchOfA(plain, goal)->b == goalB);
    REQUIRE((!matchOfA(plain, visits) || matchOfA(plain, visits)->b != firstVisit));

    DecisionSet decisions;
    // Given in the other orientation: decisions do not depend on the order of the maps.
    decisions.set({kestrel.id, harbor.id, DecisionKind::Step, goalB, goal, Decision::Rejected});
    decisions.set({harbor.id, kestrel.id, DecisionKind::Step, visits, firstVisit, Decision::Confirmed});
    decisions.set({harbor.id, kestrel.id, DecisionKind::Step, plc, academy, Decision::Added});
    const PairComparison decided = comparePair(harbor, kestrel, decisions);

    const StepMatch* g = matchOfA(decided, goal);
    CHECK((!g || g->b != goalB));
    const StepMatch* v = matchOfA(decided, visits);
    REQUIRE(v);
    CHECK(v->b == firstVisit);
    CHECK(v->decided);
    const StepMatch* p = matchOfA(decided, plc);
    REQUIRE(p);
    CHECK(p->b == academy);
    CHECK(p->decided);
    CHECK(p->score >= 0.0);
    CHECK(p->score <= 1.0);

    // Lanes: reject an obvious pairing, add an unlikely one.
    const std::string sup = laneNamed(harbor, "Principal Supervisor");
    const std::string is = laneNamed(kestrel, "Instructional Superintendent");
    const std::string hr = laneNamed(harbor, "Human Resources");
    const std::string labor = laneNamed(kestrel, "Labor association");
    DecisionSet laneDecisions;
    laneDecisions.set({harbor.id, kestrel.id, DecisionKind::Lane, sup, is, Decision::Rejected});
    laneDecisions.set({harbor.id, kestrel.id, DecisionKind::Lane, hr, labor, Decision::Added});
    const PairComparison lanes = comparePair(harbor, kestrel, laneDecisions);
    bool supPaired = false;
    bool hrLabor = false;
    for (const LanePair& l : lanes.lanes) {
        supPaired = supPaired || (l.a == sup && l.b == is);
        if (l.a == hr) {
            hrLabor = l.b == labor;
            CHECK(l.decided);
        }
    }
    CHECK_FALSE(supPaired);
    CHECK(hrLabor);
    // The step matcher uses the decided crosswalk: compare the reversed order too.
    const PairComparison reversed = comparePair(kestrel, harbor, laneDecisions);
    const bool reversedPaired = std::any_of(reversed.lanes.begin(), reversed.lanes.end(), [&](const LanePair& l) {
        return l.a == labor && l.b == hr && l.decided;
    });
    CHECK(reversedPaired);
}

TEST_CASE("Lane decisions: confirmed pairs kept, rejected removed, added used, and steps follow", "[compare]")
{
    const auto maps = demoMaps();
    const Map& harbor = demo(maps, "m-harbor-city");
    const Map& kestrel = demo(maps, "m-kestrel-bay");
    const std::string principal = laneNamed(harbor, "Principal");
    const std::string principalB = laneNamed(kestrel, "Principal");
    const std::string sup = laneNamed(harbor, "Principal Supervisor");
    const std::string is = laneNamed(kestrel, "Instructional Superintendent");
    const std::string hr = laneNamed(harbor, "Human Resources");
    const std::string talent = laneNamed(kestrel, "Talent Office");
    const std::string labor = laneNamed(kestrel, "Labor association");
    const auto pairOf = [](const PairComparison& p, const std::string& laneA) -> const LanePair* {
        for (const LanePair& l : p.lanes)
            if (l.a == laneA)
                return &l;
        return nullptr;
    };

    DecisionSet decisions;
    decisions.set({harbor.id, kestrel.id, DecisionKind::Lane, principal, principalB, Decision::Confirmed});
    decisions.set({harbor.id, kestrel.id, DecisionKind::Lane, sup, is, Decision::Rejected});
    decisions.set({kestrel.id, harbor.id, DecisionKind::Lane, labor, hr, Decision::Added});
    const PairComparison plain = comparePair(harbor, kestrel);
    const PairComparison decided = comparePair(harbor, kestrel, decisions);

    // Confirmed: kept, marked decided, with the name similarity as its score.
    REQUIRE(pairOf(decided, principal));
    CHECK(pairOf(decided, principal)->b == principalB);
    CHECK(pairOf(decided, principal)->decided);
    CHECK(pairOf(decided, principal)->score == 1.0);
    // Rejected: the supervisor lanes have no other partner good enough, so both stay unpaired.
    CHECK(pairOf(decided, sup) == nullptr);
    // Added: HR pairs with the labor association, so the talent office loses its partner.
    REQUIRE(pairOf(decided, hr));
    CHECK(pairOf(decided, hr)->b == labor);
    CHECK(pairOf(decided, hr)->decided);
    CHECK(std::none_of(decided.lanes.begin(), decided.lanes.end(), [&](const LanePair& l) { return l.b == talent; }));
    // Every view's rows come from the lane figures: one row more for each lane left alone.
    CHECK(decided.laneFigures.size() == plain.laneFigures.size() + 1);
    const ComparisonResult all = compareMaps({harbor, kestrel}, decisions);
    CHECK(all.laneRows.size() == decided.laneFigures.size());

    // Step matching uses the decided crosswalk: a supervisor step and its Kestrel Bay partner
    // lose the same-lane part of their score (0.15 -> 0.35 x 0.15), and an HR step meets a
    // labor association step as same-lane.
    const LaneCrosswalk plainLanes(harbor, kestrel);
    const LaneCrosswalk decidedLanes(harbor, kestrel, decisions.between(harbor.id, kestrel.id, DecisionKind::Lane));
    const StepMatcher before(harbor, kestrel, plainLanes);
    const StepMatcher after(harbor, kestrel, decidedLanes);
    const auto index = [](const Map& map, const std::string& label) {
        for (std::size_t i = 0; i < map.steps.size(); ++i)
            if (map.steps[i].label == label)
                return i;
        FAIL("no step " << label);
        return std::size_t{0};
    };
    const std::size_t goal = index(harbor, "Goal-setting conference");
    const std::size_t goalB = index(kestrel, "Goal-setting meeting");
    CHECK(after.score(goal, goalB) == Approx(before.score(goal, goalB) - StepMatcher::kLaneWeight * 0.65));
    const std::size_t renewal = index(harbor, "Contract renewal letters");
    const std::size_t appeal = index(kestrel, "Appeal hearing");
    CHECK(after.score(renewal, appeal) == Approx(before.score(renewal, appeal) + StepMatcher::kLaneWeight * 0.65));
    // And the comparison reports no higher a score for a match that survives (reported
    // scores are calibrated: monotone in the raw score, flat where proposals are all right).
    const StepMatch* g = matchOfA(decided, harbor.steps[goal].id);
    const StepMatch* g0 = matchOfA(plain, harbor.steps[goal].id);
    REQUIRE(g0);
    CHECK((!g || g->score <= g0->score));
    CHECK(StepMatcher::calibrated(after.score(goal, goalB)) <= StepMatcher::calibrated(before.score(goal, goalB)));
}

TEST_CASE("A decision set keeps one partner per entity and one decision per pair", "[compare]")
{
    DecisionSet set;
    set.set({"m1", "m2", DecisionKind::Step, "a", "b", Decision::Confirmed});
    set.set({"m2", "m1", DecisionKind::Step, "b", "a", Decision::Rejected}); // same pair, turned
    REQUIRE(set.size() == 1);
    CHECK(set.between("m1", "m2", DecisionKind::Step).front().decision == Decision::Rejected);
    set.set({"m1", "m2", DecisionKind::Step, "a", "c", Decision::Added});
    set.set({"m1", "m2", DecisionKind::Step, "x", "c", Decision::Confirmed}); // c's partner changes
    const auto between = set.between("m2", "m1", DecisionKind::Step);
    REQUIRE(between.size() == 2);
    CHECK(between[0] == MatchDecision{"m2", "m1", DecisionKind::Step, "b", "a", Decision::Rejected});
    CHECK(between[1] == MatchDecision{"m2", "m1", DecisionKind::Step, "c", "x", Decision::Confirmed});
    CHECK(set.between("m1", "m2", DecisionKind::Lane).empty());
    set.clear("m2", "m1", DecisionKind::Step, "c", "x");
    CHECK(set.size() == 1);
}

TEST_CASE("The JSON for scripts follows the contract", "[compare]")
{
    const auto maps = demoMaps();
    const std::vector<Map> four(maps.begin(), maps.begin() + 4);
    const ComparisonResult result = compareMaps(four);
    const std::string text = comparisonToJson(result);
    CHECK(text.back() == '\n');
    const nlohmann::json j = nlohmann::json::parse(text);

    REQUIRE(j.is_object());
    REQUIRE(j.at("maps").is_array());
    REQUIRE(j.at("maps").size() == 4);
    for (std::size_t i = 0; i < 4; ++i)
        CHECK(j["maps"][i] == four[i].id);
    REQUIRE(j.at("pairs").is_array());
    REQUIRE(j["pairs"].size() == 4 * 3 / 2);
    std::size_t k = 0;
    for (std::size_t x = 0; x < 4; ++x) {
        for (std::size_t y = x + 1; y < 4; ++y, ++k) {
            const auto& pair = j["pairs"][k];
            CHECK(pair.at("a") == four[x].id);
            CHECK(pair.at("b") == four[y].id);
            REQUIRE(pair.at("lanes").is_array());
            for (const auto& lane : pair["lanes"]) {
                CHECK(lane.at("a").is_string());
                CHECK(lane.at("b").is_string());
                CHECK(lane.at("score").is_number());
                CHECK(lane["score"].get<double>() >= 0.0);
                CHECK(lane["score"].get<double>() <= 1.0);
            }
            REQUIRE(pair.at("matches").is_array());
            for (const auto& match : pair["matches"]) {
                CHECK(match.at("a").is_string());
                CHECK(match.at("b").is_string());
                CHECK(match.at("score").is_number());
                CHECK(match["score"].get<double>() >= 0.0);
                CHECK(match["score"].get<double>() <= 1.0);
                // Three decimals at most.
                const double scaled = match["score"].get<double>() * 1000.0;
                CHECK(std::abs(scaled - std::round(scaled)) < 1e-6);
                CHECK(match.at("decided").is_boolean());
            }
            REQUIRE(pair.at("only_a").is_array());
            REQUIRE(pair.at("only_b").is_array());
            for (const auto& id : pair["only_a"])
                CHECK(four[x].step(id.get<std::string>()));
            for (const auto& id : pair["only_b"])
                CHECK(four[y].step(id.get<std::string>()));
            std::set<std::string> matchedA;
            std::set<std::string> matchedB;
            for (const auto& match : pair["matches"]) {
                matchedA.insert(match["a"].get<std::string>());
                matchedB.insert(match["b"].get<std::string>());
            }
            CHECK(matchedA.size() + pair["only_a"].size() == four[x].steps.size());
            CHECK(matchedB.size() + pair["only_b"].size() == four[y].steps.size());
        }
    }
    // The contract's keys come first, in the contract's order.
    std::vector<std::string> keys;
    const auto ordered = nlohmann::ordered_json::parse(text);
    for (const auto& item : ordered["pairs"][0].items())
        keys.push_back(item.key());
    REQUIRE(keys.size() >= 6);
    CHECK(std::vector<std::string>(keys.begin(), keys.begin() + 6) ==
          std::vector<std::string>{"a", "b", "lanes", "matches", "only_a", "only_b"});

    // Lanes lined up across the maps for the grid: every lane in exactly one row.
    REQUIRE(j.at("lane_rows").is_array());
    std::size_t lanes = 0;
    for (const auto& row : j["lane_rows"]) {
        REQUIRE(row.size() == 4);
        for (const auto& cell : row)
            lanes += cell.is_string() ? 1 : 0;
    }
    std::size_t expected = 0;
    for (const Map& m : four)
        expected += m.lanes.size();
    CHECK(lanes == expected);

    CHECK_THROWS_AS(compareMaps(std::vector<Map>(9, four[0])), std::invalid_argument);
    CHECK(compareMaps({four[0]}).pairs.empty());
}
