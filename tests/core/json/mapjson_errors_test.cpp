// Validation of imported maps: every problem found, each named by its JSON path.

#include "crosswalk/json/mapjson.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace crosswalk;
using nlohmann::json;

namespace {

// A small valid file; each test breaks one thing in it.
json validDocument()
{
    return json::parse(R"({
      "format": "crosswalk-map",
      "version": 1,
      "map": {
        "id": "m-test", "title": "Test map", "district": "D", "focus": "F", "state": "current", "notes": "",
        "lanes": [{"id": "l1", "name": "Supervisor", "color": "#E8F0FE", "height": 160},
                  {"id": "l2", "name": "Principal", "color": "#FFFFFF", "height": 160}],
        "phases": [{"id": "p1", "name": "Fall", "color": "#FFFFFF", "width": 480},
                   {"id": "p2", "name": "Spring", "color": "#FFFFFF", "width": 480}],
        "steps": [{"id": "s0", "lane": "l1", "phase": "p1", "kind": "start", "label": "A", "notes": "", "x": 40, "y": 45, "w": 150, "h": 70},
                  {"id": "s1", "lane": "l1", "phase": "p1", "kind": "meeting", "label": "B", "notes": "", "x": 230, "y": 45, "w": 150, "h": 70},
                  {"id": "s2", "lane": "l2", "phase": "p2", "kind": "activity", "label": "C", "notes": "", "x": 520, "y": 45, "w": 150, "h": 70},
                  {"id": "s3", "lane": "l2", "phase": "p2", "kind": "end", "label": "D", "notes": "", "x": 710, "y": 45, "w": 150, "h": 70}],
        "flows": [{"id": "f1", "from": "s0", "to": "s1", "label": ""},
                  {"id": "f2", "from": "s1", "to": "s2", "label": ""}],
        "annotations": [{"id": "a1", "kind": "black_box", "target": "s1", "text": "?", "affects": "", "variation": null, "horizon": null},
                        {"id": "a2", "kind": "variation", "target": "l2", "text": "", "affects": "", "variation": "intentional", "horizon": null},
                        {"id": "a3", "kind": "change_idea", "target": null, "text": "", "affects": "", "variation": null, "horizon": 2}]
      }
    })");
}

std::vector<ImportProblem> problemsOf(const std::string& text)
{
    try {
        parseMapJson(text);
    } catch (const ImportError& error) {
        return error.problems();
    }
    return {};
}

std::vector<ImportProblem> problemsOf(const json& document)
{
    return problemsOf(document.dump(2));
}

std::vector<std::string> linesOf(const std::vector<ImportProblem>& problems)
{
    std::vector<std::string> lines;
    for (const auto& problem : problems)
        lines.push_back(problem.toString());
    return lines;
}

// The problem at path, or an empty one (with a failed check) when there is none.
ImportProblem problemAt(const std::vector<ImportProblem>& problems, const std::string& path)
{
    auto it = std::find_if(problems.begin(), problems.end(), [&](const auto& p) { return p.path == path; });
    INFO("problems: " << Catch::Detail::stringify(linesOf(problems)));
    CHECK(it != problems.end());
    return it == problems.end() ? ImportProblem{} : *it;
}

// Breaks the valid document at a JSON pointer and returns the problems of the result.
std::vector<ImportProblem> withValue(const std::string& pointer, json value)
{
    json document = validDocument();
    document[json::json_pointer(pointer)] = std::move(value);
    return problemsOf(document);
}

std::vector<ImportProblem> without(const std::string& parentPointer, const std::string& key)
{
    json document = validDocument();
    document[json::json_pointer(parentPointer)].erase(key);
    return problemsOf(document);
}

} // namespace

TEST_CASE("the valid test document imports", "[json]")
{
    CHECK(problemsOf(validDocument()).empty());
}

TEST_CASE("messages named in the design read exactly", "[json]")
{
    SECTION("dangling lane")
    {
        const auto problems = withValue("/map/steps/3/lane", "l9");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].toString() == R"(map.steps[3].lane: no lane "l9")");
    }
    SECTION("wrong format")
    {
        const auto problems = withValue("/format", "bpmn");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].toString() == R"(format: expected "crosswalk-map", found "bpmn")");
    }
    SECTION("newer version")
    {
        auto problems = withValue("/version", 3);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].toString() == "version: this file is version 3; this Crosswalk reads version 1");
        problems = withValue("/version", 2);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].toString() == "version: this file is version 2; this Crosswalk reads version 1");
    }
    SECTION("wrong type")
    {
        const auto problems = withValue("/map/steps/2/x", "40");
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].toString() == "map.steps[2].x: expected a number, found a string");
    }
}

TEST_CASE("a wrong format or version stops before the map is looked at", "[json]")
{
    json document = validDocument();
    document["format"] = "bpmn";
    document["version"] = 7;
    document["map"]["steps"][0]["lane"] = "nowhere";
    const auto problems = problemsOf(document);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "format");
    CHECK(problems[1].path == "version");

    CHECK(problemAt(withValue("/version", 0), "version").message == "expected 1, found 0");
    CHECK(problemAt(withValue("/version", 1.5), "version").message == "expected 1, found 1.5");
    CHECK(problemAt(withValue("/version", "1"), "version").message == "expected a number, found a string");
    CHECK(problemAt(withValue("/format", 1), "format").message == "expected a string, found a number");
}

TEST_CASE("required fields", "[json]")
{
    CHECK(problemAt(without("", "format"), "format").message.starts_with("required, but missing"));
    CHECK(problemAt(without("", "version"), "version").message == "required, but missing");
    CHECK(problemAt(without("", "map"), "map").message == "required, but missing");
    CHECK(problemAt(without("/map", "title"), "map.title").message == "required, but missing");
    CHECK(problemAt(without("/map/lanes/1", "id"), "map.lanes[1].id").message == "required, but missing");
    CHECK(problemAt(without("/map/lanes/0", "name"), "map.lanes[0].name").message == "required, but missing");
    CHECK(problemAt(without("/map/steps/1", "id"), "map.steps[1].id").message == "required, but missing");
    CHECK(problemAt(without("/map/steps/2", "lane"), "map.steps[2].lane").message == "required, but missing");
    CHECK(problemAt(without("/map/steps/3", "label"), "map.steps[3].label").message == "required, but missing");
    CHECK(problemAt(without("/map/flows/0", "from"), "map.flows[0].from").message == "required, but missing");
    CHECK(problemAt(without("/map/flows/1", "to"), "map.flows[1].to").message == "required, but missing");

    // Null is no value for a required field.
    CHECK(problemAt(withValue("/map/title", nullptr), "map.title").message == "expected a string, found null");
    CHECK(problemAt(withValue("/map/steps/0/id", ""), "map.steps[0].id").message == "an id must not be empty");
    CHECK(problemAt(withValue("/map/lanes/0/id", ""), "map.lanes[0].id").message == "an id must not be empty");
}

TEST_CASE("wrong types", "[json]")
{
    CHECK(problemAt(withValue("/map/title", 12), "map.title").message == "expected a string, found a number");
    CHECK(problemAt(withValue("/map/lanes", json::object()), "map.lanes").message ==
          "expected an array, found an object");
    CHECK(problemAt(withValue("/map/steps/1", "s1"), "map.steps[1]").message == "expected an object, found a string");
    CHECK(problemAt(withValue("/map/lanes/0/height", true), "map.lanes[0].height").message ==
          "expected a number, found a boolean");
    CHECK(problemAt(withValue("/map/phases/1/width", json::array()), "map.phases[1].width").message ==
          "expected a number, found an array");
    CHECK(problemAt(withValue("/map/flows/0/label", json::object()), "map.flows[0].label").message ==
          "expected a string, found an object");
    CHECK(problemAt(withValue("/map/annotations/0/text", false), "map.annotations[0].text").message ==
          "expected a string, found a boolean");
    CHECK(problemAt(withValue("/map", json::array()), "map").message == "expected an object, found an array");
    CHECK(problemAt(withValue("/map/steps/0/phase", 3), "map.steps[0].phase").message ==
          "expected a string, found a number");
    CHECK(problemAt(withValue("/map/id", 3), "map.id").message == "expected a string, found a number");
}

TEST_CASE("unknown enum values list the allowed ones", "[json]")
{
    CHECK(problemAt(withValue("/map/steps/1/kind", "task"), "map.steps[1].kind").message ==
          R"(unknown step kind "task"; expected one of start, end, activity, meeting, decision, document, data, wait)");
    CHECK(
        problemAt(withValue("/map/annotations/0/kind", "note"), "map.annotations[0].kind").message ==
        R"(unknown annotation kind "note"; expected one of black_box, harm, variation, question, insight, change_idea)");
    CHECK(problemAt(withValue("/map/annotations/1/variation", "accidental"), "map.annotations[1].variation").message ==
          R"(unknown variation "accidental"; expected one of intentional, unintentional)");
    CHECK(problemAt(withValue("/map/state", "past"), "map.state").message ==
          R"(unknown state "past"; expected one of current, future)");
    // Names are case-sensitive, as written by mapToJson.
    CHECK(problemAt(withValue("/map/steps/0/kind", "Start"), "map.steps[0].kind").message.starts_with("unknown"));
}

TEST_CASE("dangling references", "[json]")
{
    CHECK(problemAt(withValue("/map/steps/0/phase", "p7"), "map.steps[0].phase").message == R"(no phase "p7")");
    CHECK(problemAt(withValue("/map/flows/0/from", "s9"), "map.flows[0].from").message == R"(no step "s9")");
    CHECK(problemAt(withValue("/map/flows/1/to", "s9"), "map.flows[1].to").message == R"(no step "s9")");
    CHECK(problemAt(withValue("/map/annotations/0/target", "zz"), "map.annotations[0].target").message ==
          R"(no lane, step or flow "zz")");

    // An id of the wrong kind says what it is.
    CHECK(problemAt(withValue("/map/flows/0/to", "l1"), "map.flows[0].to").message ==
          R"(no step "l1" ("l1" is a lane))");
    CHECK(problemAt(withValue("/map/annotations/0/target", "p1"), "map.annotations[0].target").message ==
          R"(no lane, step or flow "p1" ("p1" is a phase))");
    CHECK(problemAt(withValue("/map/annotations/2/target", "a1"), "map.annotations[2].target").message ==
          R"(no lane, step or flow "a1" ("a1" is an annotation))");
    CHECK(problemAt(withValue("/map/steps/0/lane", "p1"), "map.steps[0].lane").message ==
          R"(no lane "p1" ("p1" is a phase))");

    // Targets of every allowed kind are fine.
    CHECK(withValue("/map/annotations/0/target", "l1").empty());
    CHECK(withValue("/map/annotations/0/target", "f2").empty());
    CHECK(withValue("/map/annotations/0/target", "s3").empty());
}

TEST_CASE("duplicate ids across every kind of entity", "[json]")
{
    CHECK(problemAt(withValue("/map/steps/2/id", "s1"), "map.steps[2].id").message ==
          R"(duplicate id "s1"; map.steps[1].id has it too)");
    CHECK(problemAt(withValue("/map/steps/0/id", "l2"), "map.steps[0].id").message ==
          R"(duplicate id "l2"; map.lanes[1].id has it too)");
    CHECK(problemAt(withValue("/map/phases/0/id", "l1"), "map.phases[0].id").message ==
          R"(duplicate id "l1"; map.lanes[0].id has it too)");
    CHECK(problemAt(withValue("/map/annotations/1/id", "f1"), "map.annotations[1].id").message ==
          R"(duplicate id "f1"; map.flows[0].id has it too)");
    CHECK(problemAt(withValue("/map/flows/1/id", "f1"), "map.flows[1].id").message ==
          R"(duplicate id "f1"; map.flows[0].id has it too)");
}

TEST_CASE("annotation extras", "[json]")
{
    for (int bad : {0, 4, -1}) {
        CHECK(problemAt(withValue("/map/annotations/2/horizon", bad), "map.annotations[2].horizon").message ==
              "expected 1, 2 or 3, found " + std::to_string(bad));
    }
    CHECK(problemAt(withValue("/map/annotations/2/horizon", 2.5), "map.annotations[2].horizon").message ==
          "expected 1, 2 or 3, found 2.5");
    CHECK(problemAt(withValue("/map/annotations/2/horizon", "2"), "map.annotations[2].horizon").message ==
          "expected a number, found a string");
    CHECK(problemAt(withValue("/map/annotations/0/variation", "intentional"), "map.annotations[0].variation").message ==
          R"(only a "variation" annotation has a variation; this one is "black_box")");
    CHECK(problemAt(withValue("/map/annotations/0/horizon", 1), "map.annotations[0].horizon").message ==
          R"(only a "change_idea" annotation has a horizon; this one is "black_box")");
    // The default kind is question, and a question has no variation either.
    json document = validDocument();
    document["map"]["annotations"][1].erase("kind");
    CHECK(problemAt(problemsOf(document), "map.annotations[1].variation").message ==
          R"(only a "variation" annotation has a variation; this one is "question")");
    // An unknown kind is reported once, not again through its extras.
    const auto problems = withValue("/map/annotations/1/kind", "variance");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "map.annotations[1].kind");
}

TEST_CASE("geometry and colours", "[json]")
{
    CHECK(problemAt(withValue("/map/lanes/0/height", 0), "map.lanes[0].height").message ==
          "expected a positive number, found 0");
    CHECK(problemAt(withValue("/map/phases/1/width", -5), "map.phases[1].width").message ==
          "expected a positive number, found -5");
    CHECK(problemAt(withValue("/map/steps/0/w", 0), "map.steps[0].w").message == "expected a positive number, found 0");
    CHECK(problemAt(withValue("/map/steps/3/h", -1), "map.steps[3].h").message ==
          "expected a positive number, found -1");
    CHECK(problemAt(withValue("/map/steps/3/h", 0.2), "map.steps[3].h").message ==
          "expected a positive number, found 0.2");
    CHECK(problemAt(withValue("/map/lanes/0/height", 5'000'000), "map.lanes[0].height").message ==
          "expected a number from 1 to 1000000, found 5000000");
    CHECK(problemAt(withValue("/map/steps/1/x", 1e12), "map.steps[1].x")
              .message.starts_with("expected a number from -10000000 to 10000000"));

    for (const char* colour : {"blue", "#12345", "#1234567", "E8F0FE", "#GGGGGG", ""}) {
        INFO(colour);
        CHECK(problemAt(withValue("/map/lanes/1/color", colour), "map.lanes[1].color").message ==
              std::string("expected a colour written #RRGGBB, found \"") + colour + "\"");
    }
    CHECK(problemAt(withValue("/map/phases/0/color", "red"), "map.phases[0].color").message ==
          R"(expected a colour written #RRGGBB, found "red")");
    CHECK(withValue("/map/lanes/1/color", "#abcdef").empty());
}

TEST_CASE("every problem is collected, in file order", "[json]")
{
    json document = validDocument();
    document["map"].erase("title");
    document["map"]["lanes"][1]["color"] = "blue";
    document["map"]["steps"][3]["lane"] = "l9";
    document["map"]["steps"][2]["x"] = "40";
    document["map"]["steps"][3]["id"] = "s0";
    document["map"]["flows"][1]["to"] = "s7";
    document["map"]["annotations"][2]["horizon"] = 5;

    try {
        parseMapJson(document.dump());
        FAIL("no ImportError");
    } catch (const ImportError& error) {
        const std::vector<std::string> expected = {
            "map.title: required, but missing",
            R"(map.lanes[1].color: expected a colour written #RRGGBB, found "blue")",
            "map.steps[2].x: expected a number, found a string",
            R"(map.steps[3].id: duplicate id "s0"; map.steps[0].id has it too)",
            R"(map.steps[3].lane: no lane "l9")",
            R"(map.flows[1].to: no step "s7")",
            "map.annotations[2].horizon: expected 1, 2 or 3, found 5",
        };
        CHECK(linesOf(error.problems()) == expected);
        std::string joined;
        for (const auto& line : expected)
            joined += (joined.empty() ? "" : "\n") + line;
        CHECK(std::string(error.what()) == joined);
    }
}

TEST_CASE("ImportProblem and ImportError", "[json]")
{
    CHECK(ImportProblem{"map.steps[3].lane", R"(no lane "l9")"}.toString() == R"(map.steps[3].lane: no lane "l9")");
    CHECK(ImportProblem{"", "the file is empty"}.toString() == "the file is empty");
    const ImportError error({{"a", "one"}, {"b", "two"}});
    CHECK(std::string(error.what()) == "a: one\nb: two");
    CHECK(error.problems().size() == 2);
}

TEST_CASE("long values are shortened in messages", "[json]")
{
    const std::string longId(5000, 'x');
    const auto message = problemAt(withValue("/map/steps/0/lane", longId), "map.steps[0].lane").message;
    CHECK(message.size() < 200);
    CHECK(message.find("...") != std::string::npos);
}
