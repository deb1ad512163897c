// Exchange format: the optional facilitation fields (sticky_notes, parking_lot, votes, session).

#include "support/randommap.h"
#include "crosswalk/json/mapjson.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace crosswalk;
using nlohmann::json;

namespace {

Map facilitatedMap()
{
    Map map = test::smallMap();
    map.stickyNotes = {{"n1", "s3", "Ask HR who reads it", "#FFE680"}, {"n2", "s5", "Criteria?", "#C7F0D8"}};
    map.parkingLot = {{"q1", "Who owns the calendar?", "2026-03-05T15:04:00Z", false},
                      {"q2", "Budget for coaching", "", true}};
    map.votes = {{"s5", 2}, {"s3", 4}};
    map.session = SessionTimer{5400, 1200, false};
    return map;
}

std::vector<std::string> problemsOf(const json& document)
{
    try {
        parseMapJson(document.dump());
    } catch (const ImportError& error) {
        std::vector<std::string> out;
        for (const ImportProblem& p : error.problems())
            out.push_back(p.toString());
        return out;
    }
    return {};
}

bool has(const std::vector<std::string>& problems, const std::string& text)
{
    return std::find(problems.begin(), problems.end(), text) != problems.end();
}

} // namespace

TEST_CASE("Facilitation fields round-trip through the exchange format", "[json][facilitation]")
{
    const Map map = facilitatedMap();
    const std::string text = mapToJson(map);
    const json written = json::parse(text);
    const json& m = written["map"];
    CHECK(m["sticky_notes"] ==
          json::parse(R"([{"id": "n1", "step": "s3", "text": "Ask HR who reads it", "color": "#FFE680"},
                                               {"id": "n2", "step": "s5", "text": "Criteria?", "color": "#C7F0D8"}])"));
    CHECK(m["parking_lot"][0] ==
          json::parse(
              R"({"id": "q1", "text": "Who owns the calendar?", "created": "2026-03-05T15:04:00Z", "done": false})"));
    CHECK(m["votes"] == json::parse(R"({"s3": 4, "s5": 2})"));
    CHECK(m["session"] == json::parse(R"({"duration": 5400, "remaining": 1200, "running": false})"));
    // The new fields come after the version-1 fields, in a fixed order.
    CHECK(text.find("\"annotations\"") < text.find("\"sticky_notes\""));
    CHECK(text.find("\"sticky_notes\"") < text.find("\"parking_lot\""));
    CHECK(text.find("\"votes\"") < text.find("\"session\""));

    const Map back = parseMapJson(text).map;
    CHECK(back == map);
    CHECK(mapToJson(back) == text); // deterministic
}

TEST_CASE("A map without facilitation data writes none of the new fields", "[json][facilitation]")
{
    const std::string text = mapToJson(test::smallMap());
    for (const char* key : {"sticky_notes", "parking_lot", "votes", "session"})
        CHECK(text.find(key) == std::string::npos);
    // Empty facilitation values are the same as absent ones.
    Map map = test::smallMap();
    map.votes.clear();
    map.session = SessionTimer{};
    CHECK(mapToJson(map) == text);
}

TEST_CASE("Facilitation fields are optional and have defaults on import", "[json][facilitation]")
{
    json doc = json::parse(mapToJson(test::smallMap()));
    doc["map"]["sticky_notes"] = json::parse(R"([{"step": "s1", "text": "no id, no colour"}])");
    doc["map"]["parking_lot"] = json::parse(R"([{"text": "only text"}])");
    doc["map"]["votes"] = json::parse(R"({"s1": 0, "s2": 3})");
    doc["map"]["session"] = json::parse(R"({"duration": 1800})");
    const Map map = parseMapJson(doc.dump()).map;
    REQUIRE(map.stickyNotes.size() == 1);
    CHECK(map.stickyNotes[0].id.rfind("n-", 0) == 0);
    CHECK(map.stickyNotes[0].color == StickyNote{}.color);
    REQUIRE(map.parkingLot.size() == 1);
    CHECK(map.parkingLot[0].id.rfind("q-", 0) == 0);
    CHECK_FALSE(map.parkingLot[0].done);
    CHECK(map.parkingLot[0].createdAt.empty());
    CHECK(map.votes == std::map<std::string, int>{{"s2", 3}}); // zero votes are no votes
    CHECK(map.session == SessionTimer{1800, 1800, false});     // remaining defaults to the duration
    CHECK(test::mapProblems(map).empty());
    // null counts as absent, as everywhere in the format
    doc["map"]["votes"] = nullptr;
    doc["map"]["session"] = nullptr;
    const Map nulls = parseMapJson(doc.dump()).map;
    CHECK(nulls.votes.empty());
    CHECK(nulls.session == SessionTimer{});
}

TEST_CASE("Malformed facilitation fields are refused with clear messages", "[json][facilitation]")
{
    json doc = json::parse(mapToJson(facilitatedMap()));
    json& m = doc["map"];
    m["sticky_notes"][0]["step"] = "s9";
    m["sticky_notes"][1]["color"] = "yellow";
    m["sticky_notes"].push_back(json::parse(R"({"id": "s1", "step": "s1"})"));
    m["sticky_notes"].push_back("just text");
    m["parking_lot"][0]["done"] = "yes";
    m["parking_lot"][1].erase("text");
    m["parking_lot"].push_back(json::parse(R"({"id": "n1", "text": "clash"})"));
    m["votes"] = json::parse(R"({"s1": -1, "s2": 2.5, "s3": "many", "s9": 1, "a1": 2, "s4": 1000})");
    m["session"] = json::parse(R"({"duration": -5, "remaining": 100000, "running": 1})");
    const std::vector<std::string> problems = problemsOf(doc);
    INFO([&] {
        std::string all;
        for (const std::string& p : problems)
            all += p + "\n";
        return all;
    }());
    CHECK(has(problems, "map.sticky_notes[0].step: no step \"s9\""));
    CHECK(has(problems, "map.sticky_notes[1].color: expected a colour written #RRGGBB, found \"yellow\""));
    CHECK(has(problems, "map.sticky_notes[2].id: duplicate id \"s1\"; map.steps[0].id has it too"));
    CHECK(has(problems, "map.sticky_notes[3]: expected an object, found a string"));
    CHECK(has(problems, "map.parking_lot[0].done: expected true or false, found \"yes\""));
    CHECK(has(problems, "map.parking_lot[1].text: required, but missing"));
    CHECK(has(problems, "map.parking_lot[2].id: duplicate id \"n1\"; map.sticky_notes[0].id has it too"));
    CHECK(has(problems, "map.votes.s1: expected a whole number of votes from 0 to 999, found -1"));
    CHECK(has(problems, "map.votes.s2: expected a whole number of votes from 0 to 999, found 2.5"));
    CHECK(has(problems, "map.votes.s3: expected a number of votes, found a string"));
    CHECK(has(problems, "map.votes.s4: expected a whole number of votes from 0 to 999, found 1000"));
    CHECK(has(problems, "map.votes.s9: no step \"s9\""));
    CHECK(has(problems, "map.votes.a1: no step \"a1\" (\"a1\" is an annotation)"));
    CHECK(has(problems, "map.session.duration: expected a number from 0 to 86400, found -5"));
    CHECK(has(problems, "map.session.remaining: expected a number from 0 to 86400, found 100000"));
    CHECK(has(problems, "map.session.running: expected true or false, found 1"));

    json wrongTypes = json::parse(mapToJson(test::smallMap()));
    wrongTypes["map"]["sticky_notes"] = json::object();
    wrongTypes["map"]["parking_lot"] = "none";
    wrongTypes["map"]["votes"] = json::array();
    wrongTypes["map"]["session"] = 90;
    const std::vector<std::string> typeProblems = problemsOf(wrongTypes);
    CHECK(has(typeProblems, "map.sticky_notes: expected an array, found an object"));
    CHECK(has(typeProblems, "map.parking_lot: expected an array, found a string"));
    CHECK(has(typeProblems, "map.votes: expected an object of step id to number of votes, found an array"));
    CHECK(has(typeProblems, "map.session: expected an object, found a number"));
}
