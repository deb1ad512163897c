// Phases lined up across districts by name, in year order.

#include "crosswalk/compare/phasealignment.h"
#include "crosswalk/compare/textnormalizer.h"
#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace crosswalk;

namespace {

using Names = std::vector<std::string>;
using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;

// The demo districts' phase names, in the demo's order.
std::vector<Names> demoPhaseNames()
{
    std::vector<Names> out;
    for (std::string_view text : demoMapTexts()) {
        const Map map = parseMapJson(text).map;
        Names names;
        for (const Phase& phase : map.phases)
            names.push_back(phase.name);
        out.push_back(names);
    }
    return out;
}

// The column holding phase `phase` of map `map`.
std::size_t columnOf(const std::vector<PhaseColumn>& columns, std::size_t map, std::size_t phase)
{
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].phases.at(map) == phase)
            return c;
    FAIL("phase " << phase << " of map " << map << " is in no column");
    return 0;
}

// Every phase of every map in exactly one column, each map's phases in order.
void checkWellFormed(const std::vector<Names>& names, const std::vector<PhaseColumn>& columns)
{
    for (const PhaseColumn& c : columns) {
        REQUIRE(c.phases.size() == names.size());
        CHECK(std::any_of(c.phases.begin(), c.phases.end(), [](std::size_t p) { return p != kNoPhase; }));
    }
    for (std::size_t m = 0; m < names.size(); ++m) {
        std::vector<std::size_t> seen;
        for (const PhaseColumn& c : columns)
            if (c.phases[m] != kNoPhase)
                seen.push_back(c.phases[m]);
        std::vector<std::size_t> expected(names[m].size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            expected[i] = i;
        CHECK(seen == expected); // all of them, once each, in year order
    }
}

} // namespace

TEST_CASE("Phase names meet on the part of the year they name", "[compare][phases]")
{
    CHECK(phaseSimilarity("Summer", "summer") == 1.0);
    CHECK(phaseSimilarity("Beginning of year", "Fall") == 1.0);
    CHECK(phaseSimilarity("Quarter 1", "Beginning of the year") == 1.0);
    CHECK(phaseSimilarity("Quarters 2-3", "Mid-year") == 1.0);
    CHECK(phaseSimilarity("Close of year", "End of year") == 1.0);
    CHECK(phaseSimilarity("Summer transition", "After the cycle") == 1.0);
    CHECK(phaseSimilarity("Summer", "Summer institute") == Approx(2.0 / 3.0));
    CHECK(phaseSimilarity("Winter and spring", "Mid-year") == Approx(2.0 / 3.0));
    CHECK(phaseSimilarity("Winter and spring", "End of year") == Approx(2.0 / 3.0));
    CHECK(phaseSimilarity("Summer", "Summer transition") == 0.0); // the summer after the cycle
    CHECK(phaseSimilarity("Fall", "Spring") == 0.0);
    CHECK(phaseSimilarity("Phase A", "Planning") == 0.0);
    CHECK(phaseSimilarity("", "") == 0.0);
    CHECK(TextNormalizer::forPhases().key("Quarters 2-3") == "=mid");
}

TEST_CASE("Two maps' phases pair in year order, by name", "[compare][phases]")
{
    SECTION("the same phases")
    {
        const Names a{"Summer", "Fall", "Winter", "Spring"};
        CHECK(alignPhasePair(a, a) == Pairs{{0, 0}, {1, 1}, {2, 2}, {3, 3}});
    }
    SECTION("different names for the same parts of the year")
    {
        const Names harbor{"Summer", "Beginning of year", "Mid-year", "End of year", "After the cycle"};
        const Names ironbridge{"Summer and launch", "Fall", "Winter and spring", "Close of year", "Summer transition"};
        CHECK(alignPhasePair(harbor, ironbridge) == Pairs{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}});
    }
    SECTION("a phase only one map has stays unpaired, the rest still line up")
    {
        const Names four{"Summer", "Beginning of year", "Mid-year", "End of year"};
        const Names five{"Summer", "Fall", "Winter", "Spring", "After the cycle"};
        CHECK(alignPhasePair(four, five) == Pairs{{0, 0}, {1, 1}, {2, 2}, {3, 3}});
        CHECK(alignPhasePair(five, four) == Pairs{{0, 0}, {1, 1}, {2, 2}, {3, 3}});
        const Names inserted{"Summer", "Fall", "Board review", "Winter", "Spring"};
        CHECK(alignPhasePair(five, inserted) == Pairs{{0, 0}, {1, 1}, {2, 3}, {3, 4}});
    }
    SECTION("year order wins over a name further on: no pairs cross")
    {
        // "Summer" would like "Summer review" at the end, but that would cross Fall-Fall.
        const Names a{"Summer", "Fall", "Winter"};
        const Names b{"Fall", "Winter", "Summer review"};
        const Pairs pairs = alignPhasePair(a, b);
        CHECK(pairs == Pairs{{1, 0}, {2, 1}});
    }
    SECTION("a name that fits two phases goes to the one at its place in the year")
    {
        const Names harbor{"Summer", "Beginning of year", "Mid-year", "End of year", "After the cycle"};
        const Names three{"Fall", "Winter and spring", "After the cycle"};
        CHECK(alignPhasePair(harbor, three) == Pairs{{1, 0}, {2, 1}, {4, 2}});
    }
    SECTION("names with nothing in common are not paired")
    {
        CHECK(alignPhasePair({"Phase A", "Phase B"}, {"Planning", "Doing"}).empty());
        CHECK(alignPhasePair({}, {"Summer"}).empty());
    }
}

TEST_CASE("N maps' phases on shared columns", "[compare][phases]")
{
    SECTION("the six demo districts: five columns, one per part of the year")
    {
        const std::vector<Names> names = demoPhaseNames();
        REQUIRE(names.size() == 6);
        const std::vector<PhaseColumn> columns = alignPhases(names);
        checkWellFormed(names, columns);
        REQUIRE(columns.size() == 5);
        // Granite Hollow (the sixth) has no phase after the cycle.
        CHECK(columns[4].phases[5] == kNoPhase);
        for (std::size_t c = 0; c < 4; ++c)
            for (std::size_t m = 0; m < 6; ++m)
                CHECK(columns[c].phases[m] == c);
        CHECK(phaseColumnLabel({"Summer", "Summer", "Summer and launch", "Summer", "Summer institute", "Summer"}) ==
              PhaseColumnLabel{"Summer", {"Summer and launch", "Summer institute"}});
    }
    SECTION("an unpaired phase gets its own column between its neighbours")
    {
        const std::vector<Names> names{{"Summer", "Fall", "Winter", "Spring"},
                                       {"Summer", "Fall", "Board review", "Winter", "Spring"},
                                       {"Fall", "Spring", "After the cycle"}};
        const std::vector<PhaseColumn> columns = alignPhases(names);
        checkWellFormed(names, columns);
        REQUIRE(columns.size() == 6);
        CHECK(columns[2] == PhaseColumn{{kNoPhase, 2, kNoPhase}}); // Board review
        CHECK(columnOf(columns, 2, 0) == columnOf(columns, 0, 1)); // Fall
        CHECK(columnOf(columns, 2, 1) == columnOf(columns, 1, 4)); // Spring
        CHECK(columns[5] == PhaseColumn{{kNoPhase, kNoPhase, 2}}); // After the cycle
    }
    SECTION("maps without phases, and no maps")
    {
        CHECK(alignPhases({}).empty());
        const std::vector<PhaseColumn> columns = alignPhases({{}, {"Fall"}, {}});
        CHECK(columns == std::vector<PhaseColumn>{PhaseColumn{{kNoPhase, 0, kNoPhase}}});
    }
    SECTION("random phase lists: always well formed and deterministic")
    {
        const Names pool{"Summer",           "Fall",        "Winter",  "Spring",          "Quarter 1",
                         "Quarter 4",        "Mid-year",    "Launch",  "After the cycle", "Board review",
                         "Summer institute", "End of year", "Planning"};
        std::mt19937 rng(7);
        for (int round = 0; round < 200; ++round) {
            std::vector<Names> names(1 + rng() % 6);
            for (Names& list : names) {
                const std::size_t count = rng() % 7;
                for (std::size_t i = 0; i < count; ++i)
                    list.push_back(pool[rng() % pool.size()]);
            }
            const std::vector<PhaseColumn> columns = alignPhases(names);
            checkWellFormed(names, columns);
            CHECK(alignPhases(names) == columns);
        }
    }
}

TEST_CASE("A shared column's heading: one name when the names agree", "[compare][phases]")
{
    CHECK(phaseColumnLabel({"Mid-year", "Mid-year"}) == PhaseColumnLabel{"Mid-year", {}});
    CHECK(phaseColumnLabel({"Mid-year", "mid-year"}) == PhaseColumnLabel{"Mid-year", {}});
    CHECK(phaseColumnLabel({"Beginning of year", "Fall"}) == PhaseColumnLabel{"Beginning of year", {"Fall"}});
    CHECK(phaseColumnLabel({"Fall", "Beginning of year", "", "Beginning of year"}) ==
          PhaseColumnLabel{"Beginning of year", {"Fall"}});
    CHECK(phaseColumnLabel({"", "After the cycle"}) == PhaseColumnLabel{"After the cycle", {}});
    CHECK(phaseColumnLabel({"", ""}) == PhaseColumnLabel{});
}
