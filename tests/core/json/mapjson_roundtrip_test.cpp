// Exchange format v1: writing, and reading back what was written.

#include "crosswalk/json/mapjson.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

using namespace crosswalk;

namespace {

std::string readFixture(const std::string& name)
{
    const std::string path = std::string(CROSSWALK_SOURCE_DIR) + "/tests/core/json/data/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Step makeStep(std::string id, std::string lane, std::string phase, StepKind kind, std::string label, int x, int y)
{
    Step step;
    step.id = std::move(id);
    step.lane = std::move(lane);
    step.phase = std::move(phase);
    step.kind = kind;
    step.label = std::move(label);
    step.x = x;
    step.y = y;
    return step;
}

Annotation makeAnnotation(std::string id, AnnotationKind kind, std::string target, std::string text)
{
    Annotation annotation;
    annotation.id = std::move(id);
    annotation.kind = kind;
    annotation.target = std::move(target);
    annotation.text = std::move(text);
    return annotation;
}

// A map that exercises every step kind, every annotation kind and every optional value
// of the format; its exchange text is tests/core/json/data/full.crosswalk.json.
Map fullMap()
{
    Map map;
    map.id = "m-lakeside-eval";
    map.props.title = "Principal evaluation";
    map.props.district = "Lakeside USD";
    map.props.focus = "Principal evaluation and support";
    map.props.state = MapState::Future;
    map.props.notes = "Drafted in session 2.\nRevised with \"HR\" after the March visit \\ backslash.";

    map.lanes = {{"l1", "Principal Supervisor", "#E8F0FE", 160},
                 {"l2", "Principal", "#FDEBD0", 200},
                 {"l3", "Talent Office (HR)", "#FFFFFF", 120}};
    map.phases = {{"p1", "Beginning of year", "#F4F6F8", 480},
                  {"p2", "Mid-year", "#FFFFFF", 520},
                  {"p3", "End of year", "#EAF7EA", 400}};

    map.steps = {
        makeStep("s1", "l1", "p1", StepKind::Start, "School year opens", 40, 45),
        makeStep("s2", "l1", "p1", StepKind::Meeting, "Goal-setting conference", 230, 45),
        makeStep("s3", "l2", "p1", StepKind::Document, "Self-assessment", 40, 65),
        makeStep("s4", "l2", "p2", StepKind::Activity, "Classroom walkthroughs", 520, 65),
        makeStep("s5", "l1", "p2", StepKind::Decision, "On track?", 700, 40),
        makeStep("s6", "l3", "p2", StepKind::Data, "Évaluation data — año 2", 560, 25),
        makeStep("s7", "l2", "p3", StepKind::Wait, "Wait for state scores ⏳", 1040, 65),
        makeStep("s8", "l3", "p3", StepKind::End, "Summative rating filed", 1100, 25),
        makeStep("s9", "l3", "", StepKind::Activity, "Unphased follow-up", 1300, 25),
    };
    map.steps[1].notes = "Uses the district rubric";
    map.steps[4].w = 120;
    map.steps[4].h = 80;

    map.flows = {
        {"f1", "s1", "s2", ""},   {"f2", "s2", "s3", "goals shared"}, {"f3", "s3", "s4", ""}, {"f4", "s4", "s5", ""},
        {"f5", "s5", "s6", "no"}, {"f6", "s5", "s7", "yes"},          {"f7", "s7", "s8", ""}, {"f8", "s8", "s9", ""}};

    map.annotations.push_back(makeAnnotation("a1", AnnotationKind::BlackBox, "s2", "How are goals approved?"));
    auto harm = makeAnnotation("a2", AnnotationKind::Harm, "f5", "Feedback arrives after the window to act");
    harm.affects = "Principals in their first year";
    map.annotations.push_back(harm);
    auto intentional = makeAnnotation("a3", AnnotationKind::Variation, "l2", "Walkthrough cadence differs");
    intentional.variation = Variation::Intentional;
    map.annotations.push_back(intentional);
    auto unintentional = makeAnnotation("a4", AnnotationKind::Variation, "s4", "Some supervisors skip it");
    unintentional.variation = Variation::Unintentional;
    map.annotations.push_back(unintentional);
    map.annotations.push_back(makeAnnotation("a5", AnnotationKind::Question, "", "Who owns this process?"));
    map.annotations.push_back(makeAnnotation("a6", AnnotationKind::Insight, "s6", "Data is a month late"));
    for (int horizon = 1; horizon <= 3; ++horizon) {
        auto idea = makeAnnotation("a" + std::to_string(6 + horizon), AnnotationKind::ChangeIdea, "s7",
                                   "Change idea, horizon " + std::to_string(horizon));
        idea.horizon = horizon;
        map.annotations.push_back(idea);
    }
    // Optional extras left out: a variation without its value, a change idea without horizon.
    map.annotations.push_back(makeAnnotation("a10", AnnotationKind::Variation, "l3", ""));
    map.annotations.push_back(makeAnnotation("a11", AnnotationKind::ChangeIdea, "", "Someday"));
    return map;
}

} // namespace

TEST_CASE("mapToJson writes exchange format v1 exactly", "[json]")
{
    const Map map = fullMap();
    const std::string text = mapToJson(map);
    CHECK(text == readFixture("full.crosswalk.json"));

    SECTION("deterministic")
    {
        CHECK(mapToJson(map) == text);
        CHECK(mapToJson(Map(map)) == text);
    }
    SECTION("two-space indent, final newline, header first")
    {
        CHECK(text.rfind("{\n  \"format\": \"crosswalk-map\",\n  \"version\": 1,\n  \"map\": {\n    \"id\": ", 0) == 0);
        REQUIRE(!text.empty());
        CHECK(text.back() == '\n');
        CHECK(text[text.size() - 2] == '}');
    }
    SECTION("UTF-8 is kept as is, not escaped")
    {
        CHECK(text.find("Évaluation data — año 2") != std::string::npos);
        CHECK(text.find("⏳") != std::string::npos);
        CHECK(text.find("\\u") == std::string::npos);
    }
    SECTION("nulls for the whole map, no phase and absent extras")
    {
        CHECK(text.find("\"phase\": null") != std::string::npos);
        CHECK(text.find("\"target\": null") != std::string::npos);
        CHECK(text.find("\"variation\": null") != std::string::npos);
        CHECK(text.find("\"horizon\": null") != std::string::npos);
        CHECK(text.find("\"horizon\": 2") != std::string::npos);
        CHECK(text.find("\"variation\": \"unintentional\"") != std::string::npos);
    }
}

TEST_CASE("Map -> JSON -> Map gives the same map", "[json]")
{
    const Map map = fullMap();
    const ImportResult result = parseMapJson(mapToJson(map));
    CHECK(result.map == map);
    CHECK(result.notices.empty());
    CHECK_FALSE(result.laidOut);

    SECTION("the hand-built map covers every kind")
    {
        std::set<StepKind> stepKinds;
        for (const auto& step : map.steps)
            stepKinds.insert(step.kind);
        CHECK(stepKinds.size() == std::size(kAllStepKinds));
        std::set<AnnotationKind> annotationKinds;
        std::set<int> horizons;
        std::set<Variation> variations;
        for (const auto& annotation : map.annotations) {
            annotationKinds.insert(annotation.kind);
            if (annotation.horizon)
                horizons.insert(*annotation.horizon);
            if (annotation.variation)
                variations.insert(*annotation.variation);
        }
        CHECK(annotationKinds.size() == std::size(kAllAnnotationKinds));
        CHECK(horizons == std::set<int>{1, 2, 3});
        CHECK(variations.size() == 2);
    }
}

TEST_CASE("JSON -> Map -> JSON is byte-identical", "[json]")
{
    const std::string text = readFixture("full.crosswalk.json");
    const ImportResult result = parseMapJson(text);
    CHECK(mapToJson(result.map) == text);
    CHECK(result.map == fullMap());
}

TEST_CASE("an empty map round-trips", "[json]")
{
    Map map;
    map.id = "m-empty";
    map.props.title = "";
    const std::string text = mapToJson(map);
    CHECK(text.find("\"lanes\": []") != std::string::npos);
    const ImportResult result = parseMapJson(text);
    CHECK(result.map == map);
    CHECK_FALSE(result.laidOut); // nothing to lay out
    CHECK(mapToJson(result.map) == text);
}

TEST_CASE("Every step and annotation kind round-trips on its own", "[json]")
{
    for (StepKind kind : kAllStepKinds) {
        Map map = fullMap();
        map.steps[0].kind = kind;
        CHECK(parseMapJson(mapToJson(map)).map == map);
    }
    for (AnnotationKind kind : kAllAnnotationKinds) {
        Map map = fullMap();
        map.annotations[0].kind = kind;
        if (kind == AnnotationKind::Variation)
            map.annotations[0].variation = Variation::Unintentional;
        if (kind == AnnotationKind::ChangeIdea)
            map.annotations[0].horizon = 3;
        CHECK(parseMapJson(mapToJson(map)).map == map);
    }
}

TEST_CASE("the bundled demo maps import and round-trip", "[json]")
{
    const std::filesystem::path dir = std::filesystem::path(CROSSWALK_SOURCE_DIR) / "resources" / "demo";
    if (!std::filesystem::is_directory(dir))
        return;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.path().string().ends_with(".crosswalk.json"))
            continue;
        INFO(entry.path().filename().string());
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        ImportResult result;
        REQUIRE_NOTHROW(result = parseMapJson(text));
        CHECK_FALSE(result.map.steps.empty());
        CHECK(parseMapJson(mapToJson(result.map)).map == result.map);
    }
}
