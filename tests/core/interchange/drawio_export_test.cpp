// draw.io export: the file parses back (as XML and through the importer) with lanes as
// swimlanes (or table rows) holding their steps, and Crosswalk -> draw.io -> Crosswalk keeps
// lanes, phases, steps, kinds, flows, labels and geometry.

#include "crosswalk/demo/demo.h"
#include "crosswalk/interchange/drawio.h"
#include "crosswalk/model/validate.h"

#include "support/interchangetest.h"

#include <catch2/catch.hpp>

#include <pugixml.hpp>

using namespace crosswalk;

namespace {

void checkSame(const Map& before, const Map& after)
{
    CHECK(validateMap(after).empty());
    CHECK(after.props.title == before.props.title);
    REQUIRE(after.lanes.size() == before.lanes.size());
    for (std::size_t i = 0; i < before.lanes.size(); ++i) {
        CHECK(after.lanes[i].name == before.lanes[i].name);
        CHECK(after.lanes[i].color == before.lanes[i].color);
        CHECK(after.lanes[i].height == before.lanes[i].height);
    }
    REQUIRE(after.phases.size() == before.phases.size());
    for (std::size_t i = 0; i < before.phases.size(); ++i) {
        CHECK(after.phases[i].name == before.phases[i].name);
        CHECK(after.phases[i].width == before.phases[i].width);
    }
    REQUIRE(after.steps.size() == before.steps.size());
    for (std::size_t i = 0; i < before.steps.size(); ++i) {
        const Step& a = after.steps[i];
        const Step& b = before.steps[i];
        INFO("step " << b.label);
        CHECK(a.label == b.label);
        CHECK(a.kind == b.kind);
        CHECK(a.notes == b.notes);
        CHECK(test::laneOf(after, a) == test::laneOf(before, b));
        CHECK(after.phaseIndex(a.phase) == before.phaseIndex(b.phase));
        CHECK(std::tie(a.x, a.y, a.w, a.h) == std::tie(b.x, b.y, b.w, b.h));
    }
    REQUIRE(after.flows.size() == before.flows.size());
    for (std::size_t i = 0; i < before.flows.size(); ++i) {
        CHECK(after.flows[i].label == before.flows[i].label);
        CHECK(after.step(after.flows[i].from)->label == before.step(before.flows[i].from)->label);
        CHECK(after.step(after.flows[i].to)->label == before.step(before.flows[i].to)->label);
    }
}

Map withoutPhases(Map map)
{
    map.phases.clear();
    for (Step& step : map.steps)
        step.phase.clear();
    return map;
}

} // namespace

TEST_CASE("draw.io export: every demo map survives Crosswalk -> draw.io -> Crosswalk", "[interchange][drawio]")
{
    for (std::string_view text : demoMapTexts()) {
        const Map map = parseMapJson(text).map;
        INFO(map.props.title);
        const std::string file = exportDrawio(map);
        CHECK(looksLikeDrawio(file));
        const InterchangeResult back = importDrawio(file);
        REQUIRE(back.maps.size() == 1);
        CHECK(back.leftOut.empty());
        checkSame(map, back.maps[0]);

        const Map plain = withoutPhases(map);
        const InterchangeResult plainBack = importDrawio(exportDrawio(plain));
        CHECK(plainBack.leftOut.empty());
        checkSame(plain, plainBack.maps.at(0));
    }
}

TEST_CASE("draw.io export: lanes are swimlanes holding their steps, edges carry labels", "[interchange][drawio]")
{
    const Map map = parseMapJson(demoMapTexts().at(0)).map;
    for (const Map& variant : {map, withoutPhases(map)}) {
        const std::string file = exportDrawio(variant);
        pugi::xml_document doc;
        REQUIRE(doc.load_string(file.c_str()));
        const pugi::xml_node root = doc.child("mxfile").child("diagram").child("mxGraphModel").child("root");
        REQUIRE(root);
        std::map<std::string, pugi::xml_node> cells;
        for (pugi::xml_node node : root.children()) {
            const pugi::xml_node cell = node.name() == std::string("mxCell") ? node : node.child("mxCell");
            cells[node.attribute("id").as_string()] = cell;
        }
        for (const Step& step : variant.steps) {
            INFO(step.label);
            const pugi::xml_node cell = cells["cw-" + step.id];
            REQUIRE(cell);
            // The step's parent is its lane: the swimlane itself, or the table cell in its row.
            const std::string parent = cell.attribute("parent").as_string();
            const pugi::xml_node lane =
                variant.phases.empty() ? cells[parent] : cells[cells[parent].attribute("parent").as_string()];
            REQUIRE(lane);
            CHECK(lane.attribute("id").as_string() == "cw-" + step.lane);
            const std::string style = lane.attribute("style").as_string();
            CHECK((style.find("swimlane") == 0 || style.find("shape=tableRow") == 0));
        }
        for (const Flow& flow : variant.flows) {
            const pugi::xml_node edge = cells["cw-" + flow.id];
            REQUIRE(edge);
            CHECK(edge.attribute("edge").as_string() == std::string("1"));
            CHECK(edge.attribute("value").as_string() == flow.label);
            CHECK(edge.attribute("source").as_string() == "cw-" + flow.from);
        }
    }
}

TEST_CASE("draw.io export: labels with markup characters and line breaks come back as typed", "[interchange][drawio]")
{
    Map map = parseMapJson(demoMapTexts().at(1)).map;
    map.steps.at(0).label = "Review <draft> & \"sign\"\nthen file";
    map.steps.at(0).notes = "Ask HR; it's 'their' form";
    map.lanes.at(0).name = "HR & Payroll <central>";
    map.flows.at(0).label = "yes & <no>";
    const Map back = importDrawio(exportDrawio(map)).maps.at(0);
    checkSame(map, back);
}
