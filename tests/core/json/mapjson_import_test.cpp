// Importing maps: broken and hostile files, defaults, layout and id clashes.

#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/layout.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

using namespace crosswalk;
using nlohmann::json;

namespace {

std::string readFixture(const std::string& name)
{
    const std::string path = std::string(CROSSWALK_SOURCE_DIR) + "/tests/core/json/data/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The one problem of a file refused as a whole.
std::string refusal(std::string_view text)
{
    try {
        parseMapJson(text);
    } catch (const ImportError& error) {
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems()[0].path.empty());
        return error.problems()[0].message;
    }
    FAIL("the file was accepted");
    return {};
}

std::string minimalText(const std::string& mapExtra = "")
{
    return R"({"format": "crosswalk-map", "version": 1, "map": {"title": "T")" + mapExtra +
           R"(, "lanes": [{"id": "l1", "name": "L"}], "steps": [{"id": "s1", "lane": "l1", "label": "S"}]}})";
}

// A valid file whose map carries an unknown field nested depth levels deep in total
// (the top-level object is level 1).
std::string nestedTo(int depth)
{
    const int extra = depth - 2; // levels 1 and 2 are the top-level and map objects
    return R"({"format": "crosswalk-map", "version": 1, "map": {"title": "T", "extra": )" + std::string(extra, '[') +
           std::string(extra, ']') + R"(, "lanes": []}})";
}

} // namespace

TEST_CASE("empty input", "[json]")
{
    CHECK(refusal("") == "the file is empty");
    CHECK(refusal(" \n\t\r\n") == "the file is empty (only white space)");
}

TEST_CASE("truncated and malformed files name line and column", "[json]")
{
    const std::string truncated = readFixture("truncated.crosswalk.json");
    CHECK(refusal(truncated) ==
          "not valid JSON: unexpected end of input at line 70, column 20; the file may be truncated");

    CHECK(refusal("{\n  \"format\": \"crosswalk-map\",\n") ==
          "not valid JSON: unexpected end of input at line 3, column 1; the file may be truncated");
    CHECK(refusal("{\"a\": [1, 2") ==
          "not valid JSON: unexpected end of input at line 1, column 12; the file may be truncated");

    const std::string literal = refusal("{\n  \"format\": tru,\n  \"version\": 1\n}");
    CHECK(literal.starts_with("not valid JSON at line 2, column "));
    CHECK(literal.find("invalid literal") != std::string::npos);

    const std::string comma = refusal("{\"format\": \"crosswalk-map\",, \"version\": 1}");
    CHECK(comma.starts_with("not valid JSON at line 1, column 28: "));

    // Columns count characters, not bytes.
    const std::string utf8 = refusal("{\"title\": \"Évaluation\" x}");
    CHECK(utf8.starts_with("not valid JSON at line 1, column 24: "));

    CHECK(refusal("{} ]") == "not valid JSON at line 1, column 4: unexpected ']'; expected end of input");

    // A broken UTF-8 byte is reported, and the message itself stays valid UTF-8.
    const std::string badByte = refusal("{\"a\": \"\xff\"}");
    CHECK(badByte.starts_with("not valid JSON at line 1, column 8: invalid string: ill-formed UTF-8 byte"));
    CHECK(badByte.find('\xff') == std::string::npos);
    CHECK(refusal("[1, 2]") == "expected a JSON object at the top of the file, found an array");
    CHECK(refusal("\"crosswalk-map\"") == "expected a JSON object at the top of the file, found a string");
}

TEST_CASE("nesting deeper than kMaxImportDepth is refused before parsing", "[json]")
{
    CHECK_NOTHROW(parseMapJson(nestedTo(kMaxImportDepth)));

    const std::string seventy = nestedTo(70);
    CHECK(refusal(seventy) == "arrays and objects are nested more than 64 levels deep at line 1, column " +
                                  std::to_string(seventy.find('[') + 63) + "; a Crosswalk map never nests that deep");

    SECTION("100000 levels do not crash")
    {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        CHECK(refusal(deep).starts_with("arrays and objects are nested more than 64 levels deep at line 1, column 65"));
        const std::string open(100000, '{');
        CHECK(refusal(open).starts_with("arrays and objects are nested more than 64 levels"));
    }
    SECTION("brackets inside strings do not count")
    {
        const std::string label = std::string(200, '[') + "\\\"" + std::string(200, '{');
        CHECK_NOTHROW(parseMapJson(R"({"format": "crosswalk-map", "version": 1, "map": {"lanes": [], "title": ")" + label + "\"}}"));
    }
}

TEST_CASE("files over kMaxImportBytes are refused with their size", "[json]")
{
    const auto bytes = static_cast<std::size_t>(71.3 * 1024 * 1024);
    const std::string huge(bytes, ' ');
    CHECK(refusal(huge) == "the file is 71.3 MB; Crosswalk imports maps of at most 50 MB");

    // Just over the limit never reads as "50.0 MB".
    CHECK(refusal(std::string(kMaxImportBytes + 1, ' ')) ==
          "the file is 50.1 MB; Crosswalk imports maps of at most 50 MB");

    // Exactly at the limit is fine.
    std::string atLimit = minimalText();
    atLimit.resize(kMaxImportBytes, ' ');
    CHECK(parseMapJson(atLimit).map.props.title == "T");
}

TEST_CASE("unknown fields are ignored", "[json]")
{
    json document = json::parse(readFixture("full.crosswalk.json"));
    const Map expected = parseMapJson(document.dump()).map;
    document["generator"] = {{"name", "other tool"}, {"version", "9"}};
    document["map"]["tags"] = json::array({"a", "b"});
    document["map"]["lanes"][0]["icon"] = "person";
    document["map"]["phases"][0]["start"] = "2024-08-01";
    document["map"]["steps"][0]["owner"] = json::object({{"name", "x"}});
    document["map"]["steps"][0]["style"] = nullptr;
    document["map"]["flows"][0]["waypoints"] = json::array({1, 2, 3});
    document["map"]["annotations"][0]["author"] = "kim";
    const ImportResult result = parseMapJson(document.dump(2));
    CHECK(result.map == expected);
}

TEST_CASE("a minimal file gets defaults and is laid out", "[json]")
{
    const ImportResult result = parseMapJson(readFixture("minimal.crosswalk.json"));
    const Map& map = result.map;
    CHECK(result.laidOut);
    CHECK(result.notices.empty());

    CHECK(map.id.starts_with("m-"));
    CHECK(map.props.title == "Principal hiring");
    CHECK(map.props.district.empty());
    CHECK(map.props.focus.empty());
    CHECK(map.props.notes.empty());
    CHECK(map.props.state == MapState::Current);
    REQUIRE(map.lanes.size() == 2);
    CHECK(map.lanes[0].id == "hr");
    CHECK(map.lanes[0].color == "#FFFFFF");
    CHECK(map.phases.empty());
    CHECK(map.annotations.empty());
    REQUIRE(map.steps.size() == 4);
    for (const auto& step : map.steps) {
        CHECK(step.kind == StepKind::Activity);
        CHECK(step.phase.empty());
        CHECK(step.notes.empty());
    }
    REQUIRE(map.flows.size() == 3);
    std::set<std::string> flowIds;
    for (const auto& flow : map.flows) {
        CHECK(flow.id.starts_with("f-"));
        CHECK(flow.label.empty());
        flowIds.insert(flow.id);
    }
    CHECK(flowIds.size() == 3);
    CHECK(map.flows[1].from == "screen");
    CHECK(map.flows[1].to == "panel");

    // Laid out: the three steps of the Talent Office lane do not overlap.
    for (std::size_t i = 0; i < map.steps.size(); ++i)
        for (std::size_t j = i + 1; j < map.steps.size(); ++j)
            if (map.steps[i].lane == map.steps[j].lane) {
                INFO(map.steps[i].id << " and " << map.steps[j].id);
                CHECK_FALSE(layout::stepRect(map, map.steps[i]).intersects(layout::stepRect(map, map.steps[j])));
            }

    // What was generated is written out and read back unchanged.
    const std::string text = mapToJson(map);
    CHECK(mapToJson(parseMapJson(text).map) == text);
}

TEST_CASE("optional ids, colours, kinds and nulls get defaults", "[json]")
{
    const ImportResult result = parseMapJson(R"({
      "format": "crosswalk-map", "version": 1,
      "map": {"id": null, "title": "T", "district": null, "state": null,
              "lanes": [{"id": "l1", "name": "L", "color": null, "height": null}],
              "phases": [{"id": "p1", "name": "Fall"}, {"id": "p2", "name": "Spring", "width": 300}],
              "steps": [{"id": "s1", "lane": "l1", "phase": null, "kind": null, "label": "S", "x": 10}],
              "annotations": [{"target": "s1", "text": "why?"}, {"id": "", "kind": "harm", "target": ""}]}
    })");
    const Map& map = result.map;
    CHECK(map.id.starts_with("m-"));
    CHECK(map.props.state == MapState::Current);
    CHECK(map.lanes[0] == Lane{"l1", "L", "#FFFFFF", 160});
    REQUIRE(map.phases.size() == 2);
    // Phase ids are required since issue 19 (mapjson_strict_test.cpp), as the format says.
    CHECK(map.phases[0].color == "#FFFFFF");
    CHECK(map.phases[0].width == 480);
    CHECK(map.phases[1].width == 300);
    CHECK(map.steps[0].phase.empty());
    CHECK(map.steps[0].kind == StepKind::Activity);
    REQUIRE(map.annotations.size() == 2);
    CHECK(map.annotations[0].id.starts_with("a-"));
    CHECK(map.annotations[0].kind == AnnotationKind::Question);
    CHECK(map.annotations[1].id.starts_with("a-"));
    CHECK(map.annotations[1].target.empty());
    CHECK_FALSE(result.laidOut);
}

TEST_CASE("geometry given in part", "[json]")
{
    const ImportResult result = parseMapJson(R"({
      "format": "crosswalk-map", "version": 1,
      "map": {"title": "T",
              "lanes": [{"id": "l1", "name": "A", "height": 200}, {"id": "l2", "name": "B", "height": 60}],
              "steps": [{"id": "s1", "lane": "l1", "label": "x, no y", "x": 40},
                        {"id": "s2", "lane": "l1", "label": "x and y", "x": 240, "y": 7, "h": 90},
                        {"id": "s3", "lane": "l2", "label": "taller than its lane", "x": 440},
                        {"id": "s4", "lane": "l1", "label": "odd", "x": 640, "h": 51},
                        {"id": "s5", "lane": "l1", "label": "fractional", "x": 40.6, "y": 9.4}]}
    })");
    CHECK_FALSE(result.laidOut); // some step is placed: keep the file's geometry
    const Map& map = result.map;
    CHECK(map.steps[0].x == 40);
    CHECK(map.steps[0].y == 65); // (200 - 70) / 2
    CHECK(map.steps[1].y == 7);
    CHECK(map.steps[1].h == 90);
    CHECK(map.steps[2].y == 0);  // max(0, (60 - 70) / 2)
    CHECK(map.steps[3].y == 74); // (200 - 51) / 2, rounded down
    CHECK(map.steps[4].x == 41);
    CHECK(map.steps[4].y == 9);
}

TEST_CASE("a map id already in use is replaced, with a notice", "[json]")
{
    const std::string text = readFixture("full.crosswalk.json");
    std::vector<std::string> asked;
    const ImportResult result = parseMapJson(text, [&](const std::string& id) {
        asked.push_back(id);
        return id == "m-lakeside-eval";
    });
    CHECK(result.map.id != "m-lakeside-eval");
    CHECK(result.map.id.starts_with("m-"));
    REQUIRE(result.notices.size() == 1);
    CHECK(result.notices[0] ==
          "map id \"m-lakeside-eval\" is already used here; the imported map gets the id \"" + result.map.id + "\"");
    REQUIRE(asked.size() == 2);
    CHECK(asked[0] == "m-lakeside-eval");
    CHECK(asked[1] == result.map.id);
    // Only the map id changes; entity ids are unique within a map, not across maps.
    Map expected = parseMapJson(text).map;
    expected.id = result.map.id;
    CHECK(result.map == expected);

    SECTION("a free id is kept")
    {
        const ImportResult kept = parseMapJson(text, [](const std::string&) { return false; });
        CHECK(kept.map.id == "m-lakeside-eval");
        CHECK(kept.notices.empty());
    }
}
