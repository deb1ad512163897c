// Issue 19, finding 10 and 11: what the JSON import used to accept silently (a key given twice,
// a map without lanes, phases without id or name, a blank map id) and a UTF-16 file it called
// "truncated". Each case failed before its fix.

#include "crosswalk/json/mapjson.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace crosswalk;

namespace {

std::string file(const std::string& map)
{
    return R"({"format": "crosswalk-map", "version": 1, "map": )" + map + "}";
}

const std::string kLanes = R"("lanes": [{"id": "l1", "name": "L"}, {"id": "l2", "name": "M"}])";
const std::string kTitleOpen = R"({"format": "crosswalk-map", "version": 1, "map": {"title": ")";

std::vector<std::string> problemsOf(const std::string& text)
{
    std::vector<std::string> lines;
    try {
        parseMapJson(text);
    } catch (const ImportError& e) {
        for (const ImportProblem& p : e.problems())
            lines.push_back(p.toString());
    }
    return lines;
}

std::string utf16(const std::string& ascii, bool little, bool bom)
{
    std::string out;
    if (bom)
        out += little ? "\xFF\xFE" : "\xFE\xFF";
    for (char c : ascii) {
        if (little) {
            out += c;
            out += '\0';
        } else {
            out += '\0';
            out += c;
        }
    }
    return out;
}

} // namespace

TEST_CASE("a key given twice is refused with the path of its object", "[json][safety]")
{
    // A second "map" used to import the second (empty) map.
    const std::string twoMaps = R"({"format": "crosswalk-map", "version": 1, "map": {"title": "Real", )" + kLanes +
                                R"(}, "map": {"title": "Empty", "lanes": []}})";
    CHECK(problemsOf(twoMaps) ==
          std::vector<std::string>{R"(duplicate key "map"; a key may appear once in an object (which one was meant?))"});

    const auto lines = problemsOf(file(R"({"title": "T", "lanes": [{"id": "l1", "name": "L"}, {"id": "l2", "name": "M"},
                                      {"id": "l3", "id": "l4", "name": "N"}]})"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with(R"(map.lanes[2]: duplicate key "id")"));

    // Deeper, after values of every kind in arrays (the index must count them all).
    const auto deep = problemsOf(file(R"({"title": "T", )" + kLanes +
                                      R"(, "votes": {"s1": 1}, "steps": [{"id": "s1", "lane": "l1", "label": "a"},
                                          {"id": "s2", "lane": "l1", "label": "b", "label": "c"}]})"));
    REQUIRE(deep.size() == 1);
    CHECK(deep[0].starts_with(R"(map.steps[1]: duplicate key "label")"));

    // Equal keys in different objects are fine.
    CHECK(problemsOf(file(R"({"title": "T", )" + kLanes + "}")).empty());
}

TEST_CASE("many duplicate keys are listed up to a limit", "[json][safety]")
{
    std::string lanes = R"("lanes": [)";
    for (int i = 0; i < 50; ++i)
        lanes += std::string(i ? "," : "") + R"({"id": "l)" + std::to_string(i) + R"(", "name": "a", "name": "b"})";
    const auto lines = problemsOf(file(R"({"title": "T", )" + lanes + "]}"));
    REQUIRE(lines.size() == 21);
    CHECK(lines[19].starts_with(R"(map.lanes[19]: duplicate key "name")"));
    CHECK(lines[20] == "and 30 more duplicate keys");
}

TEST_CASE("a map without its lanes array is refused", "[json][safety]")
{
    CHECK(problemsOf(file(R"({"title": "T"})")) ==
          std::vector<std::string>{
              "map.lanes: required, but missing; a map has an array of its lanes (it may be empty)"});
    CHECK(problemsOf(file(R"({"title": "T", "lanes": null})")).size() == 1);
    // An empty array is a map still being drawn: fine.
    CHECK(problemsOf(file(R"({"title": "T", "lanes": []})")).empty());
}

TEST_CASE("phases need an id and a name", "[json][safety]")
{
    CHECK(problemsOf(file(R"({"title": "T", )" + kLanes + R"(, "phases": [{"name": "Fall"}]})")) ==
          std::vector<std::string>{"map.phases[0].id: required, but missing"});
    CHECK(problemsOf(file(R"({"title": "T", )" + kLanes + R"(, "phases": [{"id": "p1"}]})")) ==
          std::vector<std::string>{"map.phases[0].name: required, but missing"});
    CHECK(problemsOf(file(R"({"title": "T", )" + kLanes + R"(, "phases": [{"id": "p1", "name": "Fall"}]})")).empty());
}

TEST_CASE("a blank map id is refused, an absent one is made", "[json][safety]")
{
    CHECK(problemsOf(file(R"({"id": "", "title": "T", )" + kLanes + "}")) ==
          std::vector<std::string>{
              "map.id: blank; give the map an id, or leave the field out to have one made"});
    CHECK(problemsOf(file(R"({"id": "  ", "title": "T", )" + kLanes + "}")).size() == 1);
    CHECK(parseMapJson(file(R"({"title": "T", )" + kLanes + "}")).map.id.starts_with("m-"));
    CHECK(parseMapJson(file(R"({"id": null, "title": "T", )" + kLanes + "}")).map.id.starts_with("m-"));
}

TEST_CASE("UTF-16 JSON is read as such, in both byte orders, with or without a mark", "[json][safety]")
{
    const std::string text = file(R"({"id": "m1", "title": "T", )" + kLanes + "}");
    for (bool little : {true, false})
        for (bool bom : {true, false}) {
            INFO("little endian " << little << ", byte order mark " << bom);
            const ImportResult result = parseMapJson(utf16(text, little, bom));
            CHECK(result.map.id == "m1");
            CHECK(result.map.lanes.size() == 2);
            REQUIRE(result.notices.size() == 1);
            CHECK(result.notices[0].find("UTF-16") != std::string::npos);
        }
    // Non-ASCII text survives: "Évaluation" with É = U+00C9 and an emoji (a surrogate pair).
    std::string title = utf16(kTitleOpen, true, true);
    title += std::string("\xC9\x00", 2) + utf16("valuation ", true, false) + std::string("\x3D\xD8\x00\xDE", 4);
    title += utf16(R"(", )" + kLanes + "}}", true, false);
    CHECK(parseMapJson(title).map.props.title == "\xC3\x89valuation \xF0\x9F\x98\x80");

    // Broken UTF-16: a clear message, not "truncated".
    const auto odd = problemsOf(utf16(text, true, true) + "x");
    REQUIRE(odd.size() == 1);
    CHECK(odd[0].find("UTF-16 text with an odd number of bytes") != std::string::npos);
    const auto lone = problemsOf(utf16(kTitleOpen, true, true) + std::string("\x00\xD8", 2) +
                                 utf16(R"(", )" + kLanes + "}}", true, false));
    REQUIRE(lone.size() == 1);
    CHECK(lone[0].find("broken character") != std::string::npos);
}
