// A map as an uncompressed .drawio file. Without phases the lanes are swimlanes stacked one
// under the other; with phases they are the rows of a table (draw.io's cross-functional
// matrix) whose header row names the phases. Each step sits in its lane (its table cell)
// with its own geometry; flows are edges on the page. Each step's kind is written twice:
// as a draw.io shape, and as the style key crosswalkKind (draw.io keeps keys it does not
// know), so that a round trip gives back meetings and waits, which draw.io has no shape for.

#include "drawio_internal.h"

#include "crosswalk/interchange/drawio.h"
#include "crosswalk/layout/layout.h"

#include <sstream>

namespace crosswalk {
namespace {

constexpr int kLaneHeader = 30;  // width of a lane's title on the left
constexpr int kPhaseHeader = 30; // height of the row naming the phases

std::string cellId(const std::string& id)
{
    return "cw-" + id;
} // never "0" or "1", draw.io's root and layer

std::string stepStyle(StepKind kind)
{
    std::string shape;
    switch (kind) {
    case StepKind::Start:
        shape = "ellipse;fillColor=#D5E8D4;";
        break;
    case StepKind::End:
        shape = "ellipse;strokeWidth=3;fillColor=#F8CECC;";
        break;
    case StepKind::Activity:
        shape = "rounded=1;arcSize=10;";
        break;
    case StepKind::Meeting:
        shape = "shape=hexagon;perimeter=hexagonPerimeter2;size=0.15;fillColor=#E1D5E7;";
        break;
    case StepKind::Decision:
        shape = "rhombus;fillColor=#FFF2CC;";
        break;
    case StepKind::Document:
        shape = "shape=document;boundedLbl=1;size=0.2;";
        break;
    case StepKind::Data:
        shape = "shape=cylinder3;boundedLbl=1;backgroundOutline=1;size=10;";
        break;
    case StepKind::Wait:
        shape = "shape=mxgraph.flowchart.delay;";
        break;
    }
    return shape + "whiteSpace=wrap;html=0;crosswalkKind=" + std::string(toString(kind)) + ";";
}

void geometry(pugi::xml_node cell, int x, int y, int w, int h)
{
    pugi::xml_node geo = cell.append_child("mxGeometry");
    if (x != 0)
        geo.append_attribute("x") = x;
    if (y != 0)
        geo.append_attribute("y") = y;
    geo.append_attribute("width") = w;
    geo.append_attribute("height") = h;
    geo.append_attribute("as") = "geometry";
}

pugi::xml_node vertex(pugi::xml_node root, const std::string& id, const std::string& parent, const std::string& value,
                      const std::string& style, const std::string& tooltip = {})
{
    pugi::xml_node cell;
    if (tooltip.empty()) {
        cell = root.append_child("mxCell");
        cell.append_attribute("id") = id.c_str();
        cell.append_attribute("value") = value.c_str();
    } else { // draw.io keeps a tooltip on a UserObject wrapping the cell
        pugi::xml_node object = root.append_child("UserObject");
        object.append_attribute("label") = value.c_str();
        object.append_attribute("tooltip") = tooltip.c_str();
        object.append_attribute("id") = id.c_str();
        cell = object.append_child("mxCell");
    }
    cell.append_attribute("style") = style.c_str();
    cell.append_attribute("vertex") = "1";
    cell.append_attribute("parent") = parent.c_str();
    return cell;
}

} // namespace

std::string exportDrawio(const Map& map)
{
    pugi::xml_document doc;
    pugi::xml_node file = doc.append_child("mxfile");
    file.append_attribute("host") = "Crosswalk";
    file.append_attribute("type") = "device";
    pugi::xml_node diagram = file.append_child("diagram");
    diagram.append_attribute("id") = map.id.c_str();
    diagram.append_attribute("name") = map.props.title.empty() ? "Page-1" : map.props.title.c_str();
    pugi::xml_node model = diagram.append_child("mxGraphModel");
    for (const auto& [key, value] : {std::pair{"grid", "1"},
                                     {"gridSize", "10"},
                                     {"guides", "1"},
                                     {"tooltips", "1"},
                                     {"connect", "1"},
                                     {"arrows", "1"},
                                     {"fold", "1"},
                                     {"page", "0"},
                                     {"math", "0"},
                                     {"shadow", "0"}})
        model.append_attribute(key) = value;
    pugi::xml_node root = model.append_child("root");
    root.append_child("mxCell").append_attribute("id") = "0";
    pugi::xml_node layer = root.append_child("mxCell");
    layer.append_attribute("id") = "1";
    layer.append_attribute("parent") = "0";

    const int width = std::max(layout::totalWidth(map), 200);
    // The cell each step goes into, and the step's place inside it.
    std::map<std::string, std::string> parentOf;
    std::map<std::string, int> leftOf;
    if (map.phases.empty()) {
        int top = 0;
        for (const Lane& lane : map.lanes) {
            const std::string style = "swimlane;horizontal=0;startSize=" + std::to_string(kLaneHeader) +
                                      ";html=0;whiteSpace=wrap;collapsible=0;fillColor=" + lane.color +
                                      ";swimlaneFillColor=" + lane.color + ";";
            geometry(vertex(root, cellId(lane.id), "1", lane.name, style), 0, top, kLaneHeader + width, lane.height);
            top += lane.height;
        }
        for (const Step& step : map.steps) {
            parentOf[step.id] = cellId(step.lane);
            leftOf[step.id] = -kLaneHeader;
        }
    } else {
        int tableWidth = kLaneHeader;
        for (const Phase& phase : map.phases)
            tableWidth += phase.width;
        const std::string table = cellId(map.id + "-table");
        geometry(vertex(root, table, "1", "",
                        "shape=table;childLayout=tableLayout;startSize=0;collapsible=0;recursiveResize=0;expand=0;"
                        "fillColor=none;html=0;"),
                 0, 0, tableWidth, kPhaseHeader + layout::totalHeight(map));
        const std::string rowStyle = "shape=tableRow;horizontal=0;startSize=" + std::to_string(kLaneHeader) +
                                     ";swimlaneHead=0;swimlaneBody=0;top=0;left=0;bottom=0;right=0;collapsible=0;"
                                     "recursiveResize=0;expand=0;dropTarget=0;html=0;points=[[0,0.5],[1,0.5]];"
                                     "portConstraint=eastwest;fontStyle=1;";
        const std::string cellStyle = "swimlane;swimlaneHead=0;swimlaneBody=0;connectable=0;fillColor=none;"
                                      "startSize=0;collapsible=0;recursiveResize=0;expand=0;html=0;fontStyle=1;";
        // The header row: no name, and a cell naming each phase.
        const std::string header = table + "-phases";
        geometry(vertex(root, header, table, "", rowStyle + "fillColor=none;"), 0, 0, tableWidth, kPhaseHeader);
        int left = kLaneHeader;
        for (const Phase& phase : map.phases) {
            geometry(vertex(root, cellId(phase.id), header, phase.name, cellStyle), left, 0, phase.width, kPhaseHeader);
            left += phase.width;
        }
        int top = kPhaseHeader;
        for (const Lane& lane : map.lanes) {
            geometry(vertex(root, cellId(lane.id), table, lane.name, rowStyle + "fillColor=" + lane.color + ";"), 0,
                     top, tableWidth, lane.height);
            left = kLaneHeader;
            for (const Phase& phase : map.phases) {
                geometry(vertex(root, cellId(lane.id + "-" + phase.id), cellId(lane.id), "", cellStyle), left, 0,
                         phase.width, lane.height);
                left += phase.width;
            }
            top += lane.height;
        }
        for (const Step& step : map.steps) {
            // A step without a phase goes into the column it is drawn in.
            const std::string phase = step.phase.empty() ? layout::phaseAt(map, step.x + step.w / 2) : step.phase;
            parentOf[step.id] = cellId(step.lane + "-" + phase);
            leftOf[step.id] = layout::phaseLeft(map, phase);
        }
    }
    for (const Step& step : map.steps)
        geometry(vertex(root, cellId(step.id), parentOf[step.id], step.label, stepStyle(step.kind), step.notes),
                 step.x - leftOf[step.id], step.y, step.w, step.h);
    for (const Flow& flow : map.flows) {
        pugi::xml_node edge = root.append_child("mxCell");
        edge.append_attribute("id") = cellId(flow.id).c_str();
        edge.append_attribute("value") = flow.label.c_str();
        edge.append_attribute("style") = "edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;"
                                         "html=0;endArrow=classic;";
        edge.append_attribute("edge") = "1";
        edge.append_attribute("parent") = "1";
        edge.append_attribute("source") = cellId(flow.from).c_str();
        edge.append_attribute("target") = cellId(flow.to).c_str();
        pugi::xml_node geo = edge.append_child("mxGeometry");
        geo.append_attribute("relative") = "1";
        geo.append_attribute("as") = "geometry";
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

} // namespace crosswalk
