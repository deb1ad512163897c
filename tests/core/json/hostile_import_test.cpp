// Issue 19, hostile maps: sizes that hung the export (a step of 1,000,000 x 1,000,000 units,
// a 100 KB label, 100,000 steps) and control characters that made the SVG unreadable are
// refused on import, with a message naming the place.

#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"

#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <string>

using namespace crosswalk;
using Catch::Matchers::Contains;

namespace {

/// The problems the import names, one per line.
std::string importProblems(const Map& map)
{
    try {
        parseMapJson(mapToJson(map));
    } catch (const ImportError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("A step of 1,000,000 x 1,000,000 units is refused on import", "[json][hardening]")
{
    Map map = test::smallMap();
    map.steps[0].w = 1'000'000;
    map.steps[0].h = 1'000'000;
    const std::string problems = importProblems(map);
    CHECK_THAT(problems, Contains("map.steps[0].w"));
    CHECK_THAT(problems, Contains("map.steps[0].h"));
    CHECK_THAT(problems, Contains(std::to_string(kMaxStepSize)));
}

TEST_CASE("A 100 KB label is refused on import", "[json][hardening]")
{
    Map map = test::smallMap();
    map.steps[1].label = std::string(100 * 1024, 'x');
    const std::string problems = importProblems(map);
    CHECK_THAT(problems, Contains("map.steps[1].label"));
    CHECK_THAT(problems, Contains("102400 bytes"));
}

TEST_CASE("A 100,000-step map is refused on import", "[json][hardening]")
{
    Map map = test::smallMap();
    const Step first = map.steps.front();
    map.steps.clear();
    map.flows.clear();
    map.annotations.clear();
    map.stickyNotes.clear();
    map.votes.clear();
    for (int i = 0; i < 100'000; ++i) {
        Step s = first;
        s.id = "s" + std::to_string(i);
        s.x = (i % 1000) * 10;
        map.steps.push_back(s);
    }
    const std::vector<MapProblem> problems = validateMap(map);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().where == "map.steps");
    CHECK_THAT(problems.front().message, Contains("100000 steps"));
}

TEST_CASE("Control characters in text are refused on import, tab and line break are kept", "[json][hardening]")
{
    Map map = test::smallMap();
    map.props.title = "Plan\x1b[31m";
    map.steps[0].label = std::string("a\0b", 3);
    const std::string problems = importProblems(map);
    CHECK_THAT(problems, Contains("map.title"));
    CHECK_THAT(problems, Contains("U+001B"));
    CHECK_THAT(problems, Contains("map.steps[0].label"));
    CHECK_THAT(problems, Contains("U+0000"));

    Map fine = test::smallMap();
    fine.props.title = "2025/26\tround";
    fine.steps[0].label = "two\nlines";
    CHECK(importProblems(fine).empty());
}
