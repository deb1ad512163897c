// draw.io import on fixtures written here in the structures draw.io writes: pools of lanes,
// sibling lanes, vertical lanes, a table matrix, nested lanes, edge labels held by child
// cells, HTML labels, cells wrapped in UserObject, several pages, plain and compressed.

#include "crosswalk/interchange/drawio.h"
#include "crosswalk/model/validate.h"

#include "support/interchangetest.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

namespace {

const std::string kHead =
    R"(<mxGraphModel dx="800" dy="600" grid="1" gridSize="10"><root><mxCell id="0"/><mxCell id="1" parent="0"/>)";
const std::string kTail = "</root></mxGraphModel>";

// A pool of two horizontal lanes; a decision, a document and a data store; an edge whose
// label is a child cell (as draw.io makes when a label is dragged off the edge).
const std::string kPool = kHead + R"(
<mxCell id="pool" value="Hiring" style="swimlane;html=1;childLayout=stackLayout;horizontal=0;startSize=20;horizontalStack=0;" vertex="1" parent="1"><mxGeometry x="100" y="50" width="620" height="300" as="geometry"/></mxCell>
<mxCell id="hr" value="HR &lt;b&gt;office&lt;/b&gt;" style="swimlane;html=1;horizontal=0;startSize=20;fillColor=#dae8fc;" vertex="1" parent="pool"><mxGeometry x="20" width="600" height="150" as="geometry"/></mxCell>
<mxCell id="sup" value="Supervisor" style="swimlane;html=1;horizontal=0;startSize=20;" vertex="1" parent="pool"><mxGeometry x="20" y="150" width="600" height="150" as="geometry"/></mxCell>
<mxCell id="a" value="Post&lt;br&gt;opening&amp;nbsp;" style="rounded=0;whiteSpace=wrap;html=1;" vertex="1" parent="hr"><mxGeometry x="60" y="40" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="b" value="Screen?" style="rhombus;whiteSpace=wrap;html=1;" vertex="1" parent="hr"><mxGeometry x="240" y="30" width="80" height="80" as="geometry"/></mxCell>
<mxCell id="c" value="Interview notes" style="shape=document;whiteSpace=wrap;html=1;" vertex="1" parent="sup"><mxGeometry x="300" y="40" width="120" height="70" as="geometry"/></mxCell>
<mxCell id="d" value="HRIS" style="shape=cylinder3;whiteSpace=wrap;html=1;" vertex="1" parent="sup"><mxGeometry x="460" y="40" width="60" height="80" as="geometry"/></mxCell>
<mxCell id="e1" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" value="yes" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="1" source="b" target="c"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" value="" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="pool" source="c" target="d"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3l" value="stored &amp;amp; filed" style="edgeLabel;html=1;align=center;" vertex="1" connectable="0" parent="e3"><mxGeometry x="-0.2" relative="1" as="geometry"><mxPoint as="offset"/></mxGeometry></mxCell>
)" + kTail;

void checkPool(const InterchangeResult& result)
{
    REQUIRE(result.maps.size() == 1);
    const Map& map = result.maps[0];
    CHECK(validateMap(map).empty());
    REQUIRE(map.lanes.size() == 2);
    CHECK(map.lanes[0].name == "HR office");
    CHECK(map.lanes[0].color == "#DAE8FC");
    CHECK(map.lanes[0].height == 150);
    CHECK(map.lanes[1].name == "Supervisor");
    REQUIRE(map.steps.size() == 4);
    const Step& post = test::stepLabelled(map, "Post\nopening");
    CHECK(post.kind == StepKind::Activity);
    CHECK(test::laneOf(map, post) == "HR office");
    CHECK(post.x == 40); // from the left of the drawing area, right of the lane titles
    CHECK(post.y == 40);
    CHECK(post.w == 120);
    CHECK(post.h == 60);
    CHECK(test::stepLabelled(map, "Screen?").kind == StepKind::Decision);
    CHECK(test::stepLabelled(map, "Interview notes").kind == StepKind::Document);
    CHECK(test::laneOf(map, test::stepLabelled(map, "Interview notes")) == "Supervisor");
    CHECK(test::stepLabelled(map, "HRIS").kind == StepKind::Data);
    REQUIRE(map.flows.size() == 3);
    CHECK(map.flows[0].from == post.id);
    CHECK(map.flows[1].label == "yes");
    CHECK(map.flows[2].label == "stored & filed");
    CHECK(map.props.title == "Hiring"); // the one pool names the map when the page is unnamed
}

} // namespace

TEST_CASE("draw.io import: a pool of lanes, plain and compressed, gives the same map", "[interchange][drawio]")
{
    const std::string plain = test::mxfile({{"Page-1", kPool}});
    const std::string compressed = test::mxfile({{"Page-1", test::compressPage(kPool)}});
    REQUIRE(compressed.find("swimlane") == std::string::npos); // really compressed
    CHECK(looksLikeDrawio(plain));
    CHECK(looksLikeDrawio(compressed));
    CHECK(looksLikeDrawio(kPool)); // a bare model, as older exports write
    checkPool(importDrawio(plain));
    checkPool(importDrawio(compressed));
    checkPool(importDrawio(kPool));
    CHECK(!looksLikeDrawio("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
    CHECK(!looksLikeDrawio("Process Step ID,Process Step Description"));
}

TEST_CASE("draw.io import: every page becomes a map", "[interchange][drawio]")
{
    const std::string second = kHead + R"(
<mxCell id="l" value="Coach" style="swimlane;horizontal=0;" vertex="1" parent="1"><mxGeometry width="400" height="120" as="geometry"/></mxCell>
<mxCell id="s" value="Visit school" style="rounded=1;whiteSpace=wrap;" vertex="1" parent="l"><mxGeometry x="60" y="30" width="100" height="50" as="geometry"/></mxCell>
)" + kTail;
    const InterchangeResult result =
        importDrawio(test::mxfile({{"Current state", test::compressPage(kPool)}, {"Coaching", second}}));
    REQUIRE(result.maps.size() == 2);
    CHECK(result.maps[0].props.title == "Current state");
    CHECK(result.maps[0].steps.size() == 4);
    CHECK(result.maps[1].props.title == "Coaching");
    REQUIRE(result.maps[1].lanes.size() == 1);
    CHECK(result.maps[1].lanes[0].name == "Coach");
    CHECK(result.maps[1].steps.at(0).x == 60 - 23); // draw.io's default title size
    CHECK(result.maps[0].id != result.maps[1].id);
}

TEST_CASE("draw.io import: vertical sibling lanes are turned into rows, in page order", "[interchange][drawio]")
{
    // Two columns side by side with no pool, the right one first in the file; one shape is
    // drawn over a column without being put in it.
    const std::string page = kHead + R"(
<mxCell id="t" value="Teacher" style="swimlane;startSize=30;" vertex="1" parent="1"><mxGeometry x="300" y="0" width="200" height="500" as="geometry"/></mxCell>
<mxCell id="p" value="Principal" style="swimlane;startSize=30;" vertex="1" parent="1"><mxGeometry x="100" y="0" width="200" height="500" as="geometry"/></mxCell>
<mxCell id="o" value="Observe" style="rounded=1;whiteSpace=wrap;" vertex="1" parent="p"><mxGeometry x="40" y="60" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="w" value="Write feedback" style="shape=document;whiteSpace=wrap;" vertex="1" parent="p"><mxGeometry x="40" y="160" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="r" value="Reflect" style="rounded=1;whiteSpace=wrap;" vertex="1" parent="1"><mxGeometry x="340" y="260" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="f1" edge="1" parent="1" source="o" target="w" style=""><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="f2" value="" edge="1" parent="1" source="w" target="r" style=""><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="f2l" value="shared" style="edgeLabel;" vertex="1" connectable="0" parent="f2"><mxGeometry relative="1" as="geometry"/></mxCell>
)" + kTail;
    const InterchangeResult result = importDrawio(page);
    const Map& map = result.maps.at(0);
    CHECK(validateMap(map).empty());
    REQUIRE(map.lanes.size() == 2);
    CHECK(map.lanes[0].name == "Principal");
    CHECK(map.lanes[1].name == "Teacher");
    CHECK(map.lanes[0].height >= 200); // the column's width
    const Step& observe = test::stepLabelled(map, "Observe");
    const Step& write = test::stepLabelled(map, "Write feedback");
    const Step& reflect = test::stepLabelled(map, "Reflect");
    CHECK(test::laneOf(map, reflect) == "Teacher"); // by where it is drawn
    CHECK(observe.x < write.x);
    CHECK(write.x + write.w <= reflect.x);
    CHECK(observe.x + observe.w <= write.x); // stretched so that turned steps do not overlap
    CHECK(observe.y == 40);                  // across the column becomes down the lane
    CHECK(map.flows.at(1).label == "shared");
    CHECK(test::mentions(result.notes, "columns"));
}

TEST_CASE("draw.io import: a table matrix with a header row names the phases", "[interchange][drawio]")
{
    const std::string row = "shape=tableRow;horizontal=0;startSize=40;swimlaneHead=0;swimlaneBody=0;top=0;left=0;"
                            "bottom=0;right=0;collapsible=0;dropTarget=0;fillColor=none;";
    const std::string cell = "swimlane;swimlaneHead=0;swimlaneBody=0;connectable=0;fillColor=none;startSize=0;";
    const std::string page =
        kHead + R"(
<mxCell id="tb" value="" style="shape=table;childLayout=tableLayout;startSize=0;collapsible=0;" vertex="1" parent="1"><mxGeometry x="40" y="40" width="540" height="330" as="geometry"/></mxCell>
<mxCell id="h" value="" style=")" +
        row + R"(" vertex="1" parent="tb"><mxGeometry width="540" height="30" as="geometry"/></mxCell>
<mxCell id="h1" value="Recruit" style=")" +
        cell + R"(" vertex="1" parent="h"><mxGeometry x="40" width="200" height="30" as="geometry"/></mxCell>
<mxCell id="h2" value="Support" style=")" +
        cell + R"(" vertex="1" parent="h"><mxGeometry x="240" width="300" height="30" as="geometry"/></mxCell>
<mxCell id="r1" value="Principal" style=")" +
        row + R"(" vertex="1" parent="tb"><mxGeometry y="30" width="540" height="150" as="geometry"/></mxCell>
<mxCell id="c11" value="" style=")" +
        cell + R"(" vertex="1" parent="r1"><mxGeometry x="40" width="200" height="150" as="geometry"/></mxCell>
<mxCell id="c12" value="" style=")" +
        cell + R"(" vertex="1" parent="r1"><mxGeometry x="240" width="300" height="150" as="geometry"/></mxCell>
<mxCell id="r2" value="Supervisor" style=")" +
        row + R"(" vertex="1" parent="tb"><mxGeometry y="180" width="540" height="150" as="geometry"/></mxCell>
<mxCell id="c21" value="" style=")" +
        cell + R"(" vertex="1" parent="r2"><mxGeometry x="40" width="200" height="150" as="geometry"/></mxCell>
<mxCell id="c22" value="" style=")" +
        cell + R"(" vertex="1" parent="r2"><mxGeometry x="240" width="300" height="150" as="geometry"/></mxCell>
<mxCell id="s1" value="Apply" style="ellipse;" vertex="1" parent="c11"><mxGeometry x="20" y="40" width="60" height="60" as="geometry"/></mxCell>
<mxCell id="s2" value="Match mentor" style="rounded=1;" vertex="1" parent="c22"><mxGeometry x="30" y="50" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="s3" value="Done" style="ellipse;strokeWidth=3;" vertex="1" parent="c12"><mxGeometry x="200" y="40" width="60" height="60" as="geometry"/></mxCell>
<mxCell id="x1" edge="1" parent="tb" source="s1" target="s2" style=""><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="x2" edge="1" parent="tb" source="s2" target="s3" style=""><mxGeometry relative="1" as="geometry"/></mxCell>
)" + kTail;
    const Map map = importDrawio(test::mxfile({{"Induction", test::compressPage(page)}})).maps.at(0);
    CHECK(validateMap(map).empty());
    REQUIRE(map.lanes.size() == 2); // the header row is not a lane
    CHECK(map.lanes[0].name == "Principal");
    CHECK(map.lanes[1].name == "Supervisor");
    REQUIRE(map.phases.size() == 2);
    CHECK(map.phases[0].name == "Recruit");
    CHECK(map.phases[0].width == 200);
    CHECK(map.phases[1].name == "Support");
    const Step& match = test::stepLabelled(map, "Match mentor");
    CHECK(test::laneOf(map, match) == "Supervisor");
    CHECK(match.phase == map.phases[1].id);
    CHECK(match.x == 230); // the phase's left (200) + its place in the cell
    CHECK(match.y == 50);
    CHECK(test::stepLabelled(map, "Apply").kind == StepKind::Start);
    CHECK(test::stepLabelled(map, "Done").kind == StepKind::End);
}

TEST_CASE("draw.io import: nested lanes are flattened, carrying their parent's name", "[interchange][drawio]")
{
    const std::string page = kHead + R"(
<mxCell id="pa" value="District" style="swimlane;horizontal=0;startSize=20;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="600" height="300" as="geometry"/></mxCell>
<mxCell id="off" value="Central office" style="swimlane;horizontal=0;startSize=20;" vertex="1" parent="pa"><mxGeometry x="20" y="0" width="580" height="200" as="geometry"/></mxCell>
<mxCell id="hr" value="HR" style="swimlane;horizontal=0;startSize=20;" vertex="1" parent="off"><mxGeometry x="20" y="0" width="560" height="100" as="geometry"/></mxCell>
<mxCell id="cu" value="Curriculum" style="swimlane;horizontal=0;startSize=20;" vertex="1" parent="off"><mxGeometry x="20" y="100" width="560" height="100" as="geometry"/></mxCell>
<mxCell id="sc" value="Schools" style="swimlane;horizontal=0;startSize=20;" vertex="1" parent="pa"><mxGeometry x="20" y="200" width="580" height="100" as="geometry"/></mxCell>
<mxCell id="pb" value="University" style="swimlane;horizontal=0;startSize=20;" vertex="1" parent="1"><mxGeometry x="0" y="320" width="600" height="100" as="geometry"/></mxCell>
<mxCell id="pr" value="Program" style="swimlane;horizontal=0;startSize=20;" vertex="1" parent="pb"><mxGeometry x="20" y="0" width="580" height="100" as="geometry"/></mxCell>
<mxCell id="s" value="Hire" style="rounded=1;" vertex="1" parent="hr"><mxGeometry x="40" y="20" width="100" height="50" as="geometry"/></mxCell>
)" + kTail;
    const Map map = importDrawio(page).maps.at(0);
    CHECK(validateMap(map).empty());
    std::vector<std::string> names;
    for (const Lane& lane : map.lanes)
        names.push_back(lane.name);
    // Two pools on the page: each lane carries its pool's name too.
    CHECK(names == std::vector<std::string>{"District / Central office / HR", "District / Central office / Curriculum",
                                            "District / Schools", "University / Program"});
    CHECK(test::laneOf(map, test::stepLabelled(map, "Hire")) == "District / Central office / HR");
}

TEST_CASE("draw.io import: cells with data, tooltips and own kinds", "[interchange][drawio]")
{
    const std::string page = kHead + R"(
<mxCell id="l" value="Coach" style="swimlane;horizontal=0;" vertex="1" parent="1"><mxGeometry width="600" height="160" as="geometry"/></mxCell>
<UserObject label="Check &lt;i&gt;in&lt;/i&gt;" tooltip="Every Monday" id="u1"><mxCell style="rounded=1;html=1;" vertex="1" parent="l"><mxGeometry x="40" y="40" width="100" height="50" as="geometry"/></mxCell></UserObject>
<object label="Team meeting" id="u2"><mxCell style="shape=hexagon;crosswalkKind=meeting;" vertex="1" parent="l"><mxGeometry x="200" y="40" width="100" height="50" as="geometry"/></mxCell></object>
<mxCell id="w" value="Wait for results" style="shape=mxgraph.flowchart.delay;" vertex="1" parent="l"><mxGeometry x="340" y="40" width="100" height="50" as="geometry"/></mxCell>
<mxCell id="t" value="Remember: bring laptops" style="text;html=1;" vertex="1" parent="1"><mxGeometry x="40" y="200" width="200" height="30" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="u1" target="u2" style=""><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" value="to nowhere" edge="1" parent="1" source="u2" style=""><mxGeometry relative="1" as="geometry"><mxPoint x="500" y="300" as="targetPoint"/></mxGeometry></mxCell>
<mxCell id="e3" edge="1" parent="1" source="w" target="l" style=""><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="loop1" value="A" style="rounded=1;" vertex="1" parent="loop2"><mxGeometry width="10" height="10" as="geometry"/></mxCell>
<mxCell id="loop2" value="B" style="rounded=1;" vertex="1" parent="loop1"><mxGeometry width="10" height="10" as="geometry"/></mxCell>
<mxCell id="orphan" value="Lost" style="rounded=1;" vertex="1" parent="nowhere"><mxGeometry width="10" height="10" as="geometry"/></mxCell>
)" + kTail;
    const InterchangeResult result = importDrawio(page);
    const Map& map = result.maps.at(0);
    CHECK(validateMap(map).empty());
    REQUIRE(map.steps.size() == 3);
    const Step& check = test::stepLabelled(map, "Check in");
    CHECK(check.notes == "Every Monday");
    CHECK(test::stepLabelled(map, "Team meeting").kind == StepKind::Meeting);
    CHECK(test::stepLabelled(map, "Wait for results").kind == StepKind::Wait);
    CHECK(map.flows.size() == 1);
    // Everything that could not come over is named.
    CHECK(test::mentions(result.leftOut, "cell id=t: \"Remember: bring laptops\" is free text"));
    CHECK(test::mentions(result.leftOut, "cell id=e2: edge \"to nowhere\" is not connected at its end"));
    CHECK(test::mentions(result.leftOut, "cell id=e3: edge connects \"l\", which is not a step"));
    CHECK(test::mentions(result.leftOut, "cell id=loop1: its parents loop"));
    CHECK(test::mentions(result.leftOut, "cell id=orphan: its parent \"nowhere\" is not on the page"));
}

TEST_CASE("draw.io import: a page without lanes gets one lane, and an empty page an empty map", "[interchange][drawio]")
{
    const std::string page = kHead + R"(
<mxCell id="a" value="Start here" style="ellipse;" vertex="1" parent="1"><mxGeometry x="300" y="200" width="60" height="60" as="geometry"/></mxCell>
<mxCell id="b" value="Do it" style="rounded=0;" vertex="1" parent="1"><mxGeometry x="420" y="400" width="100" height="60" as="geometry"/></mxCell>
<mxCell id="e" edge="1" parent="1" source="a" target="b" style=""><mxGeometry relative="1" as="geometry"/></mxCell>
)" + kTail;
    const InterchangeResult result =
        importDrawio(test::mxfile({{"Loose", page}, {"Blank", ""}, {"Bare", kHead + kTail}}));
    REQUIRE(result.maps.size() == 3);
    const Map& map = result.maps[0];
    CHECK(validateMap(map).empty());
    REQUIRE(map.lanes.size() == 1);
    CHECK(map.steps.at(0).x == 0);
    CHECK(map.steps.at(1).x == 120);
    CHECK(map.steps.at(1).y - map.steps.at(0).y == 200);
    CHECK(map.lanes[0].height >= map.steps.at(1).y + 60);
    CHECK(test::stepLabelled(map, "Start here").kind == StepKind::Start);
    CHECK(result.maps[1].steps.empty());
    CHECK(result.maps[1].props.title == "Blank");
    CHECK(result.maps[2].steps.empty());
}
