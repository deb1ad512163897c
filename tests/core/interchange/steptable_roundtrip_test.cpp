// Crosswalk -> step table -> Crosswalk keeps lanes, phases, steps, kinds, flows and labels.

#include "crosswalk/demo/demo.h"
#include "crosswalk/interchange/steptable.h"
#include "crosswalk/model/validate.h"

#include "support/interchangetest.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace crosswalk;

TEST_CASE("Step table export: every demo map survives Crosswalk -> CSV -> Crosswalk", "[interchange][steptable]")
{
    for (std::string_view text : demoMapTexts()) {
        const Map map = parseMapJson(text).map;
        INFO(map.props.title);
        const std::string csv = exportStepTable(map);
        CHECK(csv.rfind("\xEF\xBB\xBF\"Process Step ID\",", 0) == 0);
        CHECK(looksLikeStepTable(csv));
        const InterchangeResult back = importStepTable(csv);
        CHECK(back.leftOut.empty());
        const Map& after = back.maps.at(0);
        CHECK(validateMap(after).empty());

        // Lanes that hold steps, in map order (a lane without steps has no row to come back in).
        std::vector<std::string> lanes;
        for (const Lane& lane : map.lanes)
            if (std::any_of(map.steps.begin(), map.steps.end(), [&](const Step& s) { return s.lane == lane.id; }))
                lanes.push_back(lane.name);
        std::vector<std::string> lanesAfter;
        for (const Lane& lane : after.lanes)
            lanesAfter.push_back(lane.name);
        CHECK(lanesAfter == lanes);
        // Phases come back by name (their order is the order rows first name them).
        CHECK(after.phases.size() == map.phases.size());

        REQUIRE(after.steps.size() == map.steps.size());
        for (const Step& step : map.steps) {
            const Step* same = after.step(step.id); // ids are the Process Step IDs
            REQUIRE(same);
            CHECK(same->label == step.label);
            CHECK(same->kind == step.kind);
            CHECK(same->notes == step.notes);
            CHECK(test::laneOf(after, *same) == test::laneOf(map, step));
            CHECK(after.phase(same->phase)->name == map.phase(step.phase)->name);
        }
        REQUIRE(after.flows.size() == map.flows.size());
        std::vector<std::tuple<std::string, std::string, std::string>> flows, flowsAfter;
        for (const Flow& f : map.flows) {
            std::string label = f.label;
            std::replace(label.begin(), label.end(), ',', ';'); // lists are comma-separated
            flows.emplace_back(f.from, f.to, label);
        }
        for (const Flow& f : after.flows)
            flowsAfter.emplace_back(f.from, f.to, f.label);
        std::sort(flows.begin(), flows.end());
        std::sort(flowsAfter.begin(), flowsAfter.end());
        CHECK(flowsAfter == flows);
    }
}

TEST_CASE("Step table export: quotes, separators and line breaks in text survive", "[interchange][steptable]")
{
    Map map = parseMapJson(demoMapTexts().at(0)).map;
    map.steps.at(0).label = "Meet, \"talk\"; agree\r\nthen write";
    map.steps.at(0).notes = "Alt text, with \"quotes\"";
    const Map back = importStepTable(exportStepTable(map)).maps.at(0);
    CHECK(back.step(map.steps[0].id)->label == "Meet, \"talk\"; agree\nthen write"); // CR LF read as LF
    CHECK(back.step(map.steps[0].id)->notes == map.steps[0].notes);
}
