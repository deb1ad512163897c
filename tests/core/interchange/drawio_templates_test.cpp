// The templates draw.io ships (shared/interop/drawio-templates, outside the repository):
// every one imports, and what each is known to hold comes through. Skipped when the folder
// is absent, as in a user's clone.

#include "crosswalk/interchange/drawio.h"
#include "crosswalk/model/validate.h"

#include "support/interchangetest.h"
#include "support/storagetest.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

using namespace crosswalk;

namespace {

std::string templatePath(const std::string& name)
{
    return std::string(CROSSWALK_DRAWIO_TEMPLATES) + "/" + name;
}

bool haveTemplates()
{
    if (std::filesystem::is_directory(CROSSWALK_DRAWIO_TEMPLATES))
        return true;
    WARN("draw.io templates not found at " << CROSSWALK_DRAWIO_TEMPLATES << "; skipped");
    return false;
}

Map importTemplate(const std::string& name)
{
    INFO(name);
    const std::string text = test::readBytes(templatePath(name));
    REQUIRE(!text.empty());
    REQUIRE(looksLikeDrawio(text));
    const InterchangeResult result = importDrawio(text);
    REQUIRE(result.maps.size() == 1);
    CHECK(validateMap(result.maps[0]).empty());
    return result.maps[0];
}

std::size_t countKind(const Map& map, StepKind kind)
{
    return static_cast<std::size_t>(
        std::count_if(map.steps.begin(), map.steps.end(), [&](const Step& s) { return s.kind == kind; }));
}

std::vector<std::string> laneNames(const Map& map)
{
    std::vector<std::string> names;
    for (const Lane& lane : map.lanes)
        names.push_back(lane.name);
    return names;
}

// Steps of a lane in x order are in the order of their source coordinate along the flow.
bool xOrderKept(const Map& map)
{
    for (const Step& a : map.steps)
        for (const Step& b : map.steps)
            if (a.lane == b.lane && a.x < b.x && a.x + a.w > b.x)
                return false; // two steps of one lane overlap along the flow
    return true;
}

} // namespace

TEST_CASE("draw.io templates: every template in the folder imports into valid maps", "[interchange][drawio]")
{
    if (!haveTemplates())
        return;
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(CROSSWALK_DRAWIO_TEMPLATES)) {
        if (entry.path().extension() != ".xml")
            continue;
        ++files;
        INFO(entry.path().filename().string());
        const InterchangeResult result = importDrawio(test::readBytes(entry.path().string()));
        REQUIRE(!result.maps.empty());
        for (const Map& map : result.maps) {
            CHECK(validateMap(map).empty());
            CHECK(!map.lanes.empty());
            CHECK(!map.steps.empty());
        }
    }
    CHECK(files >= 6);
}

TEST_CASE("draw.io templates: a table-style cross-functional matrix gives lanes and phases", "[interchange][drawio]")
{
    if (!haveTemplates())
        return;
    const Map map = importTemplate("basic_cross.xml");
    CHECK(map.props.title == "PERK UP WITH A LATTE"); // the table's title, the page having none of its own
    CHECK(laneNames(map) == std::vector<std::string>{"Customer", "Barista"});
    REQUIRE(map.phases.size() == 3);
    CHECK(map.phases[0].name == "Feel tired");
    CHECK(map.phases[1].name == "Make transaction");
    CHECK(map.phases[2].name == "Feel perky");
    CHECK(map.phases[1].width == 370);
    CHECK(map.steps.size() == 10);
    CHECK(map.flows.size() == 9);
    const Step& write = test::stepLabelled(map, "Write details\non cup"); // an HTML label with <br>
    CHECK(write.kind == StepKind::Document);
    CHECK(test::laneOf(map, write) == "Barista");
    CHECK(map.phase(write.phase)->name == "Make transaction");
    CHECK(test::stepLabelled(map, "Start").kind == StepKind::Start);
    CHECK(test::stepLabelled(map, "End").kind == StepKind::End);
    CHECK(map.phase(test::stepLabelled(map, "Drink latte").phase)->name == "Feel perky");
    // x follows the page: Request latte is left of Buy latte, both in the Customer row.
    CHECK(test::stepLabelled(map, "Request latte").x < test::stepLabelled(map, "Buy latte").x);
    CHECK(xOrderKept(map));
}

TEST_CASE("draw.io templates: a pool of horizontal lanes", "[interchange][drawio]")
{
    if (!haveTemplates())
        return;
    const Map map = importTemplate("basic_swimlanes.xml");
    CHECK(laneNames(map) == std::vector<std::string>{"Lane 1", "Lane 2", "Lane 3"});
    CHECK(map.steps.size() == 8);
    CHECK(map.flows.size() == 8);
    CHECK(countKind(map, StepKind::Decision) == 2);
    CHECK(countKind(map, StepKind::Start) == 1); // the ellipse nothing flows into
    CHECK(countKind(map, StepKind::End) == 1);   // the ellipse nothing flows out of
    CHECK(xOrderKept(map));
}

TEST_CASE("draw.io templates: a BPMN-style page without lanes", "[interchange][drawio]")
{
    if (!haveTemplates())
        return;
    const InterchangeResult result = importDrawio(test::readBytes(templatePath("business_bpmn.xml")));
    const Map& map = result.maps.at(0);
    CHECK(map.lanes.size() == 1);
    CHECK(map.steps.size() == 25);
    CHECK(map.flows.size() == 26);
    CHECK(countKind(map, StepKind::Decision) == 3); // the parallel gateways
    CHECK(countKind(map, StepKind::Start) == 1);
    CHECK(countKind(map, StepKind::End) == 1);
    // The markers and boundary events drawn on tasks are named, not dropped silently.
    CHECK(result.leftOut.size() == 8);
    CHECK(test::mentions(result.leftOut, "attached to the step \"Sub-Process\""));
    CHECK(test::mentions(result.leftOut, "mxgraph.bpmn.timer_start"));
}

TEST_CASE("draw.io templates: sibling vertical lanes, out of order in the file", "[interchange][drawio]")
{
    if (!haveTemplates())
        return;
    const InterchangeResult result = importDrawio(test::readBytes(templatePath("business_swimlane.xml")));
    const Map& map = result.maps.at(0);
    // Columns left to right on the page become lanes top to bottom.
    CHECK(laneNames(map) == std::vector<std::string>{"Inside Sales Rep", "Sales Admin", "Sales Representative",
                                                     "Sales Manager", "VP Sales", "Inside Sales Manager", "Director"});
    CHECK(map.steps.size() == 19);
    CHECK(map.flows.size() == 22);
    CHECK(countKind(map, StepKind::Document) == 8);
    CHECK(test::laneOf(map, test::stepLabelled(map, "Facilities Procurement\nApplication")) == "Sales Admin");
    // Down the column becomes along the lane.
    CHECK(test::stepLabelled(map, "Customer Management").x < test::stepLabelled(map, "Credit Management").x);
    CHECK(test::stepLabelled(map, "Credit Management").x < test::stepLabelled(map, "Price Management").x);
    CHECK(test::mentions(result.notes, "columns"));
    CHECK(xOrderKept(map));
}

TEST_CASE("draw.io templates: cross-functional flowcharts, vertical and horizontal", "[interchange][drawio]")
{
    if (!haveTemplates())
        return;
    const Map vertical = importTemplate("flowcharts_cross_functional_flowchart_1.xml");
    CHECK(vertical.lanes.size() == 6);
    CHECK(vertical.steps.size() == 17);
    CHECK(vertical.flows.size() == 21);
    CHECK(countKind(vertical, StepKind::Decision) == 3);
    CHECK(xOrderKept(vertical));

    const Map horizontal = importTemplate("flowcharts_cross_functional_flowchart_2.xml");
    CHECK(laneNames(horizontal) == std::vector<std::string>{"Lane 1", "Lane 2", "Lane 3"});
    CHECK(horizontal.steps.size() == 13);
    CHECK(horizontal.flows.size() == 14);
    CHECK(std::count_if(horizontal.flows.begin(), horizontal.flows.end(),
                        [](const Flow& f) { return f.label == "Yes" || f.label == "No"; }) == 4);
    CHECK(countKind(horizontal, StepKind::Decision) == 4); // two rhombus decisions, two gateways
    CHECK(xOrderKept(horizontal));
}
