// BPMN 2.0 export with DI: one pool with the map's lanes, laid out as the canvas draws it, so
// that bpmn.io, Camunda Modeler and Signavio show lanes, shapes and edges where Crosswalk has them.

#include "crosswalk/interchange/bpmn.h"

#include "bpmnschema.h"

#include "crosswalk/layout/layout.h"

#include <pugixml.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

namespace crosswalk {

namespace {

using bpmn::kHeaderWidth;

// Where the pool sits in the BPMN picture; the drawing area of its lanes starts two name
// bands to the right (pool band, lane band), which is what the importer takes off again.
constexpr int kPoolX = 160;
constexpr int kPoolY = 80;
constexpr int kOriginX = kPoolX + 2 * kHeaderWidth;

struct StringWriter final : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

/// Turns ids into XML names (NCName: a letter or _ first, then letters, digits, . - _), unique
/// in the document. Crosswalk's ids already are, except ids from other files.
class Ids {
public:
    std::string make(const std::string& wanted)
    {
        std::string id;
        for (const char c : wanted) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                            c == '-' || c == '.';
            id += ok ? c : '_';
        }
        if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z') || id[0] == '_'))
            id = "_" + id;
        std::string unique = id;
        for (int n = 2; m_used.count(unique); ++n)
            unique = id + "_" + std::to_string(n);
        m_used.insert(unique);
        return unique;
    }

private:
    std::set<std::string> m_used;
};

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    int cx() const { return x + w / 2; }
    int cy() const { return y + h / 2; }
};

/// The size of the BPMN shape of a step: events, gateways and data have their standard sizes.
bpmn::ShapeSize shapeSize(const Step& s)
{
    switch (s.kind) {
    case StepKind::Start:
    case StepKind::End:
    case StepKind::Wait:
        return {36, 36};
    case StepKind::Decision:
        return {50, 50};
    case StepKind::Document:
        return {36, 50};
    case StepKind::Data:
        return {50, 50};
    case StepKind::Activity:
    case StepKind::Meeting:
        break;
    }
    return {s.w, s.h};
}

const char* elementName(StepKind kind)
{
    switch (kind) {
    case StepKind::Start:
        return "bpmn:startEvent";
    case StepKind::End:
        return "bpmn:endEvent";
    case StepKind::Activity:
        return "bpmn:task";
    case StepKind::Meeting:
        return "bpmn:userTask";
    case StepKind::Decision:
        return "bpmn:exclusiveGateway";
    case StepKind::Document:
        return "bpmn:dataObjectReference";
    case StepKind::Data:
        return "bpmn:dataStoreReference";
    case StepKind::Wait:
        return "bpmn:intermediateCatchEvent";
    }
    return "bpmn:task";
}

bool isData(StepKind kind)
{
    return kind == StepKind::Document || kind == StepKind::Data;
}

void bounds(pugi::xml_node shape, const Rect& r)
{
    pugi::xml_node b = shape.append_child("dc:Bounds");
    b.append_attribute("x") = r.x;
    b.append_attribute("y") = r.y;
    b.append_attribute("width") = r.w;
    b.append_attribute("height") = r.h;
}

void waypoint(pugi::xml_node edge, int x, int y)
{
    pugi::xml_node w = edge.append_child("di:waypoint");
    w.append_attribute("x") = x;
    w.append_attribute("y") = y;
}

/// Right side to left side with one vertical jog; a flow going back runs below both steps.
void route(pugi::xml_node edge, const Rect& a, const Rect& b)
{
    if (b.x >= a.x + a.w) {
        const int mid = (a.x + a.w + b.x) / 2;
        waypoint(edge, a.x + a.w, a.cy());
        if (a.cy() != b.cy()) {
            waypoint(edge, mid, a.cy());
            waypoint(edge, mid, b.cy());
        }
        waypoint(edge, b.x, b.cy());
        return;
    }
    const int below = std::max(a.y + a.h, b.y + b.h) + 20;
    waypoint(edge, a.cx(), a.y + a.h);
    waypoint(edge, a.cx(), below);
    waypoint(edge, b.cx(), below);
    waypoint(edge, b.cx(), b.y + b.h);
}

void setCw(pugi::xml_node node, const char* name, const std::string& value)
{
    if (!value.empty())
        node.append_attribute((std::string("cw:") + name).c_str()) = value.c_str();
}

/// Element content; XML reads a carriage return in content as a line feed, so text that holds
/// one also goes into cw:text, where it is kept (attributes escape it as &#13;).
void setText(pugi::xml_node node, const std::string& text)
{
    node.text() = text.c_str();
    if (text.find('\r') != std::string::npos)
        node.append_attribute("cw:text") = text.c_str();
}

void documentation(pugi::xml_node node, const std::string& text)
{
    if (!text.empty())
        setText(node.append_child("bpmn:documentation"), text);
}

} // namespace

std::string exportBpmn(const Map& map)
{
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node defs = doc.append_child("bpmn:definitions");
    defs.append_attribute("xmlns:bpmn") = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    defs.append_attribute("xmlns:bpmndi") = "http://www.omg.org/spec/BPMN/20100524/DI";
    defs.append_attribute("xmlns:dc") = "http://www.omg.org/spec/DD/20100524/DC";
    defs.append_attribute("xmlns:di") = "http://www.omg.org/spec/DD/20100524/DI";
    defs.append_attribute("xmlns:cw") = std::string(kBpmnExtensionNamespace).c_str();

    Ids ids;
    // Entity ids first, so that the names made up for the frame never take one of them.
    std::unordered_map<std::string, std::string> xml; // Crosswalk id -> XML id
    for (const Lane& l : map.lanes)
        xml[l.id] = ids.make(l.id);
    for (const Step& s : map.steps)
        xml[s.id] = ids.make(s.id);
    for (const Flow& f : map.flows)
        xml[f.id] = ids.make(f.id);
    for (const Annotation& a : map.annotations)
        xml[a.id] = ids.make(a.id);
    Ids frame = ids;
    const std::string defsId = frame.make("Definitions_1");
    const std::string collabId = frame.make("Collaboration_1");
    const std::string poolId = frame.make("Participant_1");
    const std::string processId = frame.make("Process_1");
    defs.append_attribute("id") = defsId.c_str();
    defs.append_attribute("targetNamespace") = "http://bpmn.io/schema/bpmn";
    defs.append_attribute("exporter") = "Crosswalk";
    defs.append_attribute("exporterVersion") = CROSSWALK_VERSION;

    pugi::xml_node collab = defs.append_child("bpmn:collaboration");
    collab.append_attribute("id") = collabId.c_str();
    pugi::xml_node pool = collab.append_child("bpmn:participant");
    pool.append_attribute("id") = poolId.c_str();
    pool.append_attribute("name") = map.props.title.c_str();
    pool.append_attribute("processRef") = processId.c_str();

    pugi::xml_node process = defs.append_child("bpmn:process");
    process.append_attribute("id") = processId.c_str();
    process.append_attribute("name") = map.props.title.c_str();
    process.append_attribute("isExecutable") = "false";
    setCw(process, "mapId", map.id);
    setCw(process, "title", map.props.title);
    setCw(process, "district", map.props.district);
    setCw(process, "focus", map.props.focus);
    setCw(process, "state", std::string(toString(map.props.state)));
    documentation(process, map.props.notes);

    // Crosswalk's own data that BPMN has no element for.
    const bool session = map.session.durationSeconds > 0 || map.session.remainingSeconds > 0 || map.session.running;
    if (!map.phases.empty() || !map.stickyNotes.empty() || !map.parkingLot.empty() || !map.votes.empty() || session) {
        pugi::xml_node ext = process.append_child("bpmn:extensionElements");
        for (const Phase& p : map.phases) {
            pugi::xml_node e = ext.append_child("cw:phase");
            e.append_attribute("id") = p.id.c_str();
            e.append_attribute("name") = p.name.c_str();
            e.append_attribute("color") = p.color.c_str();
            e.append_attribute("width") = p.width;
        }
        for (const StickyNote& n : map.stickyNotes) {
            pugi::xml_node e = ext.append_child("cw:stickyNote");
            e.append_attribute("id") = n.id.c_str();
            e.append_attribute("step") = n.step.c_str();
            e.append_attribute("color") = n.color.c_str();
            setText(e, n.text);
        }
        for (const ParkingItem& p : map.parkingLot) {
            pugi::xml_node e = ext.append_child("cw:parkingItem");
            e.append_attribute("id") = p.id.c_str();
            e.append_attribute("createdAt") = p.createdAt.c_str();
            e.append_attribute("done") = p.done;
            setText(e, p.text);
        }
        for (const auto& [step, count] : map.votes) {
            pugi::xml_node e = ext.append_child("cw:vote");
            e.append_attribute("step") = step.c_str();
            e.append_attribute("count") = count;
        }
        if (session) {
            pugi::xml_node e = ext.append_child("cw:session");
            e.append_attribute("duration") = map.session.durationSeconds;
            e.append_attribute("remaining") = map.session.remainingSeconds;
            e.append_attribute("running") = map.session.running;
        }
    }

    // Geometry: the canvas's, shifted into the pool.
    std::unordered_map<std::string, Rect> stepRect, shapeRect;
    for (const Step& s : map.steps) {
        const layout::Rect r = layout::stepRect(map, s);
        const Rect full{kOriginX + r.x, kPoolY + r.y, r.w, r.h};
        const bpmn::ShapeSize size = shapeSize(s);
        stepRect[s.id] = full;
        shapeRect[s.id] = Rect{full.x + (full.w - size.w) / 2, full.y + (full.h - size.h) / 2, size.w, size.h};
    }

    if (!map.lanes.empty()) {
        pugi::xml_node laneSet = process.append_child("bpmn:laneSet");
        laneSet.append_attribute("id") = frame.make("LaneSet_1").c_str();
        for (const Lane& l : map.lanes) {
            pugi::xml_node lane = laneSet.append_child("bpmn:lane");
            lane.append_attribute("id") = xml[l.id].c_str();
            if (xml[l.id] != l.id)
                setCw(lane, "id", l.id);
            lane.append_attribute("name") = l.name.c_str();
            setCw(lane, "color", l.color);
            for (const Step& s : map.steps)
                if (s.lane == l.id && !isData(s.kind))
                    lane.append_child("bpmn:flowNodeRef").text() = xml[s.id].c_str();
        }
    }

    // Flows at a document or data step are data associations, held by the task at the other end
    // (or, between two non-tasks, associations); the rest are sequence flows.
    auto stepKind = [&](const std::string& id) { return map.step(id) ? map.step(id)->kind : StepKind::Activity; };
    auto isTask = [&](const std::string& id) {
        const StepKind k = stepKind(id);
        return k == StepKind::Activity || k == StepKind::Meeting;
    };
    enum class FlowAs { Sequence, DataInput, DataOutput, Association };
    std::unordered_map<std::string, FlowAs> flowAs;
    std::unordered_map<std::string, int> flowIndex; // the map's order of flows, which BPMN regroups
    for (const Flow& f : map.flows)
        flowIndex.emplace(f.id, static_cast<int>(flowIndex.size()));
    for (const Flow& f : map.flows) {
        const bool dataFrom = isData(stepKind(f.from)), dataTo = isData(stepKind(f.to));
        if (!dataFrom && !dataTo)
            flowAs[f.id] = FlowAs::Sequence;
        else if (dataFrom && !dataTo && isTask(f.to))
            flowAs[f.id] = FlowAs::DataInput;
        else if (dataTo && !dataFrom && isTask(f.from))
            flowAs[f.id] = FlowAs::DataOutput;
        else
            flowAs[f.id] = FlowAs::Association;
    }

    for (const Step& s : map.steps) {
        pugi::xml_node e = process.append_child(elementName(s.kind));
        e.append_attribute("id") = xml[s.id].c_str();
        if (xml[s.id] != s.id)
            setCw(e, "id", s.id);
        if (!s.label.empty())
            e.append_attribute("name") = s.label.c_str();
        setCw(e, "kind", std::string(toString(s.kind)));
        setCw(e, "phase", s.phase);
        if (isData(s.kind))
            setCw(e, "lane", s.lane);
        e.append_attribute("cw:w") = s.w;
        e.append_attribute("cw:h") = s.h;
        documentation(e, s.notes);
        if (s.kind == StepKind::Wait)
            e.append_child("bpmn:timerEventDefinition").append_attribute("id") = frame.make(xml[s.id] + "_timer").c_str();
        if (s.kind == StepKind::Document) {
            // A reference needs the data object it shows.
            const std::string object = frame.make(xml[s.id] + "_object");
            e.append_attribute("dataObjectRef") = object.c_str();
            pugi::xml_node o = process.insert_child_before("bpmn:dataObject", e);
            o.append_attribute("id") = object.c_str();
        }
        if (!isTask(s.id))
            continue;
        for (const Flow& f : map.flows) {
            const FlowAs as = flowAs[f.id];
            if ((as == FlowAs::DataInput && f.to == s.id) || (as == FlowAs::DataOutput && f.from == s.id)) {
                const bool input = as == FlowAs::DataInput;
                pugi::xml_node a = e.append_child(input ? "bpmn:dataInputAssociation" : "bpmn:dataOutputAssociation");
                a.append_attribute("id") = xml[f.id].c_str();
                if (xml[f.id] != f.id)
                    setCw(a, "id", f.id);
                setCw(a, "label", f.label);
                a.append_attribute("cw:index") = flowIndex[f.id];
                a.append_child(input ? "bpmn:sourceRef" : "bpmn:targetRef").text() = xml[input ? f.from : f.to].c_str();
            }
        }
    }
    for (const Flow& f : map.flows) {
        if (flowAs[f.id] != FlowAs::Sequence)
            continue;
        pugi::xml_node e = process.append_child("bpmn:sequenceFlow");
        e.append_attribute("id") = xml[f.id].c_str();
        if (xml[f.id] != f.id)
            setCw(e, "id", f.id);
        if (!f.label.empty())
            e.append_attribute("name") = f.label.c_str();
        e.append_attribute("sourceRef") = xml[f.from].c_str();
        e.append_attribute("targetRef") = xml[f.to].c_str();
        e.append_attribute("cw:index") = flowIndex[f.id];
    }
    for (const Flow& f : map.flows) {
        if (flowAs[f.id] != FlowAs::Association)
            continue;
        pugi::xml_node e = process.append_child("bpmn:association");
        e.append_attribute("id") = xml[f.id].c_str();
        if (xml[f.id] != f.id)
            setCw(e, "id", f.id);
        e.append_attribute("sourceRef") = xml[f.from].c_str();
        e.append_attribute("targetRef") = xml[f.to].c_str();
        e.append_attribute("associationDirection") = "One";
        e.append_attribute("cw:flow") = "true";
        e.append_attribute("cw:index") = flowIndex[f.id];
        setCw(e, "label", f.label);
    }
    std::unordered_map<std::string, std::string> associationOf; // annotation id -> association XML id
    for (const Annotation& a : map.annotations) {
        pugi::xml_node e = process.append_child("bpmn:textAnnotation");
        e.append_attribute("id") = xml[a.id].c_str();
        if (xml[a.id] != a.id)
            setCw(e, "id", a.id);
        setCw(e, "kind", std::string(toString(a.kind)));
        setCw(e, "affects", a.affects);
        if (a.variation)
            setCw(e, "variation", std::string(toString(*a.variation)));
        if (a.horizon)
            setCw(e, "horizon", std::to_string(*a.horizon));
        setText(e.append_child("bpmn:text"), a.text);
    }
    for (const Annotation& a : map.annotations) {
        if (a.target.empty() || !xml.count(a.target))
            continue;
        pugi::xml_node e = process.append_child("bpmn:association");
        const std::string id = frame.make(xml[a.id] + "_association");
        associationOf[a.id] = id;
        e.append_attribute("id") = id.c_str();
        e.append_attribute("sourceRef") = xml[a.target].c_str();
        e.append_attribute("targetRef") = xml[a.id].c_str();
    }

    // The diagram.
    const int width = std::max(layout::totalWidth(map), 400) + layout::kStepGap;
    const int height = std::max(layout::totalHeight(map), layout::kMinLaneHeight);
    pugi::xml_node diagram = defs.append_child("bpmndi:BPMNDiagram");
    diagram.append_attribute("id") = frame.make("BPMNDiagram_1").c_str();
    pugi::xml_node plane = diagram.append_child("bpmndi:BPMNPlane");
    plane.append_attribute("id") = frame.make("BPMNPlane_1").c_str();
    plane.append_attribute("bpmnElement") = collabId.c_str();
    auto shape = [&](const std::string& element) {
        pugi::xml_node s = plane.append_child("bpmndi:BPMNShape");
        s.append_attribute("id") = frame.make(element + "_di").c_str();
        s.append_attribute("bpmnElement") = element.c_str();
        return s;
    };
    {
        const Rect r{kPoolX, kPoolY, width + 2 * kHeaderWidth, height};
        pugi::xml_node s = shape(poolId);
        s.append_attribute("isHorizontal") = true;
        bounds(s, r);
    }
    for (const Lane& l : map.lanes) {
        const Rect r{kPoolX + kHeaderWidth, kPoolY + layout::laneTop(map, l.id), width + kHeaderWidth, l.height};
        pugi::xml_node s = shape(xml[l.id]);
        s.append_attribute("isHorizontal") = true;
        bounds(s, r);
    }
    for (const Step& st : map.steps) {
        pugi::xml_node s = shape(xml[st.id]);
        if (st.kind == StepKind::Decision)
            s.append_attribute("isMarkerVisible") = true;
        bounds(s, shapeRect[st.id]);
    }
    for (const Flow& f : map.flows) {
        pugi::xml_node e = plane.append_child("bpmndi:BPMNEdge");
        e.append_attribute("id") = frame.make(xml[f.id] + "_di").c_str();
        e.append_attribute("bpmnElement") = xml[f.id].c_str();
        route(e, shapeRect[f.from], shapeRect[f.to]);
    }
    // Annotations in rows below the pool, each joined to what it marks.
    constexpr int kNoteW = 180, kNoteH = 70, kPerRow = 6;
    int i = 0;
    for (const Annotation& a : map.annotations) {
        const Rect r{kOriginX + (i % kPerRow) * (kNoteW + 30), kPoolY + height + 40 + (i / kPerRow) * (kNoteH + 30),
                     kNoteW, kNoteH};
        ++i;
        bounds(shape(xml[a.id]), r);
        if (!associationOf.count(a.id))
            continue;
        pugi::xml_node e = plane.append_child("bpmndi:BPMNEdge");
        e.append_attribute("id") = frame.make(associationOf[a.id] + "_di").c_str();
        e.append_attribute("bpmnElement") = associationOf[a.id].c_str();
        int fromX = kPoolX + kHeaderWidth + 15, fromY = kPoolY + height; // a lane: its name band
        if (const Step* s = map.step(a.target)) {
            fromX = shapeRect[s->id].cx();
            fromY = shapeRect[s->id].y + shapeRect[s->id].h;
        } else if (const Flow* f = map.flow(a.target)) {
            fromX = (shapeRect[f->from].cx() + shapeRect[f->to].cx()) / 2;
            fromY = (shapeRect[f->from].cy() + shapeRect[f->to].cy()) / 2;
        } else if (const Lane* l = map.lane(a.target)) {
            fromY = kPoolY + layout::laneTop(map, l->id) + l->height / 2;
        }
        waypoint(e, fromX, fromY);
        waypoint(e, r.cx(), r.y);
    }

    StringWriter writer;
    doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(writer.out);
}

} // namespace crosswalk
