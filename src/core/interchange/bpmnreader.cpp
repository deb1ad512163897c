#include "bpmnreader.h"

#include "bpmnschema.h"
#include "bpmnxml.h"

#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cctype>
#include <cstring>

namespace crosswalk::bpmn {

namespace {

constexpr std::array kTasks = {"task",         "userTask",    "manualTask", "serviceTask", "scriptTask",
                               "businessRuleTask", "sendTask", "receiveTask", "callActivity"};
constexpr std::array kSubProcesses = {"subProcess", "transaction", "adHocSubProcess"};
constexpr std::array kEvents = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
                                "boundaryEvent", "implicitThrowEvent"};
constexpr std::array kGateways = {"exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway",
                                  "complexGateway"};
constexpr std::array kEventDefinitions = {
    "timerEventDefinition",  "messageEventDefinition",    "signalEventDefinition",     "errorEventDefinition",
    "escalationEventDefinition", "compensateEventDefinition", "conditionalEventDefinition", "linkEventDefinition",
    "terminateEventDefinition",  "cancelEventDefinition",     "eventDefinitionRef"};
// Children of a flow node that only repeat what the flows and the node already say.
constexpr std::array kRedundant = {"incoming", "outgoing", "documentation", "extensionElements"};

/// Deeper than any BPMN file a tool writes (definitions, process, a few sub-processes, a task,
/// its extension data), shallow enough that resolving names through the ancestors stays cheap.
constexpr int kMaxElementDepth = 256;

template <std::size_t N>
bool oneOf(std::string_view name, const std::array<const char*, N>& names)
{
    for (const char* n : names) {
        if (name == n)
            return true;
    }
    return false;
}

std::optional<double> number(const char* text)
{
    double v = 0;
    const char* end = text + std::strlen(text);
    while (text < end && (*text == ' ' || *text == '+'))
        ++text;
    const auto [ptr, ec] = std::from_chars(text, end, v);
    if (ec != std::errc() || ptr == text || !std::isfinite(v) || std::fabs(v) > 1e9)
        return std::nullopt;
    return v;
}

std::optional<int> whole(std::optional<std::string_view> text, int lo, int hi)
{
    if (!text)
        return std::nullopt;
    int v = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || ptr != text->data() + text->size() || v < lo || v > hi)
        return std::nullopt;
    return v;
}

std::string cw(pugi::xml_node node, std::string_view local)
{
    const auto v = attributeNs(node, kBpmnExtensionNamespace, local);
    return v ? std::string(*v) : std::string();
}

/// The text of the element's documentation children, joined by blank lines.
std::string documentation(pugi::xml_node node)
{
    std::string out;
    for (const pugi::xml_node c : node.children()) {
        if (!is(c, kModelNs, "documentation"))
            continue;
        const std::string text = textOf(c);
        if (text.empty())
            continue;
        out += (out.empty() ? "" : "\n\n") + text;
    }
    return out;
}

/// Whether the file being read is Crosswalk's own export, whose names are kept byte for byte;
/// other tools' names lose the spaces around them ("Task 1 "), which mean nothing in BPMN.
thread_local bool t_ownFile = false;

std::string nameOf(pugi::xml_node node)
{
    std::string_view name = node.attribute("name").value();
    if (!t_ownFile) {
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front())))
            name.remove_prefix(1);
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
            name.remove_suffix(1);
    }
    return std::string(name);
}

} // namespace

void BpmnReader::leftOut(pugi::xml_node node, std::string message)
{
    leftOut(describe(node), std::move(message));
}

void BpmnReader::leftOut(std::string where, std::string message)
{
    m_result.leftOut.push_back(InterchangeNote{std::move(where), std::move(message)});
}

void BpmnReader::note(std::string where, std::string message)
{
    m_result.notes.push_back(InterchangeNote{std::move(where), std::move(message)});
}

void BpmnReader::countForeign(pugi::xml_node node)
{
    std::string ns(namespaceOf(node));
    if (ns.empty())
        ns = node.name();
    ++m_foreign[ns];
}

void BpmnReader::indexDocument()
{
    // Every element with an id, in document order: flows, associations and lanes refer to them.
    // An explicit stack, not recursion: the depth of a hostile file is not ours to choose.
    // Names are resolved through the ancestors, so the depth is bounded before anything else.
    std::vector<std::pair<pugi::xml_node, int>> stack{{m_root, 0}};
    while (!stack.empty()) {
        const auto [n, depth] = stack.back();
        stack.pop_back();
        if (depth > kMaxElementDepth)
            throw ImportError({ImportProblem{describe(n), "elements are nested more than " +
                                                              std::to_string(kMaxElementDepth) + " deep"}});
        for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) {
            if (c.type() == pugi::node_element)
                stack.emplace_back(c, depth + 1);
        }
        const char* id = n.attribute("id").value();
        if (*id && namespaceOf(n) == kModelNs)
            m_byId.emplace(id, n);
        if (is(n, kBpmnDiNs, "BPMNShape")) {
            const std::string element = refOf(n, "bpmnElement");
            const pugi::xml_node bounds = childNs(n, kDcNs, "Bounds");
            const auto x = number(bounds.attribute("x").value()), y = number(bounds.attribute("y").value());
            const auto w = number(bounds.attribute("width").value()), h = number(bounds.attribute("height").value());
            if (!element.empty() && x && y && w && h && *w >= 0 && *h >= 0) {
                DiShape s{Box{*x, *y, *w, *h}, n.attribute("isExpanded").as_bool(false),
                          std::strcmp(n.attribute("isHorizontal").value(), "false") == 0};
                m_shapes.emplace(element, s); // the first diagram that shows an element wins
                m_planeOf.emplace(element, refOf(n.parent(), "bpmnElement"));
            }
        }
    }
}

InterchangeResult BpmnReader::read()
{
    t_ownFile = std::string_view(m_root.attribute("exporter").value()) == "Crosswalk";
    indexDocument();
    for (const pugi::xml_node c : m_root.children()) {
        if (is(c, kModelNs, "collaboration")) {
            for (const pugi::xml_node p : c.children()) {
                if (is(p, kModelNs, "participant") && !refOf(p, "processRef").empty())
                    m_processesInPools.insert(refOf(p, "processRef"));
            }
        }
    }
    // A process without a pool whose elements are drawn in a collaboration's diagram (Trisotech
    // draws lanes of a second process beside the pool) belongs to that collaboration's map.
    for (const pugi::xml_node c : m_root.children()) {
        if (!is(c, kModelNs, "process") || m_processesInPools.count(c.attribute("id").value()))
            continue;
        std::vector<pugi::xml_node> elements{c};
        if (const pugi::xml_node laneSet = childNs(c, kModelNs, "laneSet"))
            for (const pugi::xml_node l : laneSet.children())
                elements.push_back(l);
        for (const pugi::xml_node e : c.children())
            elements.push_back(e);
        for (const pugi::xml_node e : elements) {
            const auto plane = m_planeOf.find(e.attribute("id").value());
            const auto target = plane == m_planeOf.end() ? m_byId.end() : m_byId.find(plane->second);
            if (target != m_byId.end() && is(target->second, kModelNs, "collaboration")) {
                m_drawnWith[plane->second].push_back(c);
                m_processesInPools.insert(c.attribute("id").value());
                break;
            }
        }
    }
    for (const pugi::xml_node c : m_root.children()) {
        if (c.type() != pugi::node_element)
            continue;
        const std::string_view ns = namespaceOf(c);
        const std::string_view local = localName(c.name());
        if (ns == kBpmnDiNs && local == "BPMNDiagram")
            continue; // geometry, read through m_shapes
        if (ns != kModelNs) {
            countForeign(c);
            continue;
        }
        if (local == "collaboration")
            readCollaboration(c);
        else if (local == "process") {
            if (!m_processesInPools.count(c.attribute("id").value()))
                readProcessAlone(c);
        } else if (local == "extensionElements") {
            ++m_extensionElements;
            for (const pugi::xml_node e : c.children())
                if (e.type() == pugi::node_element)
                    countForeign(e);
        } else if (local == "documentation")
            leftOut(c, "documentation of the whole file; Crosswalk keeps documentation of maps and steps");
        else
            leftOut(c, (nameOf(c).empty() ? std::string() : "\"" + nameOf(c) + "\": ") +
                           "a definition that other elements refer to (messages, signals, errors, resources ...); "
                           "Crosswalk keeps none");
    }
    reportForeign();
    if (m_result.maps.empty())
        throw ImportError({ImportProblem{"bpmn:definitions", "the file holds no process and no collaboration"}});
    return std::move(m_result);
}

void BpmnReader::readCollaboration(pugi::xml_node collaboration)
{
    Unit u;
    std::vector<std::pair<pugi::xml_node, pugi::xml_node>> pools;
    for (const pugi::xml_node c : collaboration.children()) {
        if (c.type() != pugi::node_element)
            continue;
        if (namespaceOf(c) != kModelNs) {
            countForeign(c);
            continue;
        }
        const std::string_view local = localName(c.name());
        if (local == "participant") {
            const auto process = m_byId.find(refOf(c, "processRef"));
            pools.emplace_back(c, process == m_byId.end() ? pugi::xml_node() : process->second);
        } else if (local == "messageFlow")
            u.flows.push_back(PendingFlow{c.attribute("id").value(), refOf(c, "sourceRef"),
                                          refOf(c, "targetRef"), nameOf(c), describe(c),
                                          c.attribute("id").value(), std::nullopt});
        else if (local == "textAnnotation")
            u.textAnnotations.push_back(c);
        else if (local == "association")
            u.associations.push_back(c);
        else if (local == "documentation")
            u.map.props.notes += (u.map.props.notes.empty() ? "" : "\n\n") + textOf(c);
        else if (local == "extensionElements")
            readExtension(u, c);
        else
            leftOut(c, "no counterpart in Crosswalk (a map has lanes, steps, flows and annotations)");
    }
    for (const pugi::xml_node process : m_drawnWith[collaboration.attribute("id").value()]) {
        pools.emplace_back(pugi::xml_node(), process);
        note(describe(process), "a process without a pool, drawn in the collaboration's diagram; its lanes joined "
                                "the collaboration's map");
    }
    if (pools.empty()) {
        leftOut(collaboration, "a collaboration without pools; nothing to import");
        return;
    }
    for (const auto& [participant, process] : pools)
        readPool(u, participant, process, pools.size() > 1);
    std::string title = nameOf(collaboration);
    if (title.empty() && pools.size() == 1)
        title = nameOf(pools[0].first).empty() ? nameOf(pools[0].second) : nameOf(pools[0].first);
    if (title.empty())
        title = nameOf(m_root);
    finishUnit(u, title);
}

void BpmnReader::readProcessAlone(pugi::xml_node process)
{
    Unit u;
    readPool(u, pugi::xml_node(), process, false);
    finishUnit(u, nameOf(process).empty() ? nameOf(m_root) : nameOf(process));
}

void BpmnReader::readPool(Unit& u, pugi::xml_node participant, pugi::xml_node process, bool prefixLanes)
{
    std::string poolName = nameOf(participant);
    if (poolName.empty())
        poolName = nameOf(process);
    if (poolName.empty())
        poolName = "Pool " + std::to_string(u.lanes.size() + 1);
    ++u.pool;
    const std::size_t firstLane = u.lanes.size();
    if (process) {
        readProcessAttributes(u, process);
        if (const pugi::xml_node laneSet = childNs(process, kModelNs, "laneSet"))
            flattenLanes(u, laneSet, prefixLanes ? poolName : std::string(), 0);
    }
    const std::string poolId = participant ? participant.attribute("id").value() : process.attribute("id").value();
    if (u.lanes.size() == firstLane) {
        // A pool without lanes is one lane; so is a pool that shows another party (no process).
        LaneInfo lane;
        lane.id = uniqueId(u, poolId, "l-");
        lane.name = poolName;
        const auto shape = m_shapes.find(poolId);
        if (shape != m_shapes.end()) {
            lane.box = shape->second.box;
            u.vertical = u.vertical || shape->second.vertical;
        }
        if (!process)
            note(describe(participant), "a pool without a process (another party); it became an empty lane");
        u.lanes.push_back(std::move(lane));
    } else if (!poolId.empty()) {
        const auto shape = m_shapes.find(poolId);
        if (shape != m_shapes.end())
            u.vertical = u.vertical || shape->second.vertical;
    }
    if (!poolId.empty())
        u.laneOf.emplace(poolId, u.lanes[firstLane].id);
    for (std::size_t i = firstLane; i < u.lanes.size(); ++i)
        u.lanes[i].pool = u.pool;
    if (process) {
        // Flow elements of the process go to the pool's first lane unless something places them.
        walk(u, process, std::string(), 0);
    }
}

void BpmnReader::readProcessAttributes(Unit& u, pugi::xml_node process)
{
    MapProperties& p = u.map.props;
    if (const std::string id = cw(process, "mapId"); !id.empty() && u.map.id.empty())
        u.map.id = id;
    if (const std::string v = cw(process, "district"); !v.empty())
        p.district = v;
    if (const std::string v = cw(process, "focus"); !v.empty())
        p.focus = v;
    if (const auto state = parseMapState(cw(process, "state")))
        p.state = *state;
    if (const std::string v = cw(process, "title"); !v.empty())
        p.title = v;
}

void BpmnReader::flattenLanes(Unit& u, pugi::xml_node laneSet, const std::string& prefix, int depth)
{
    if (depth >= kMaxImportDepth)
        throw ImportError({ImportProblem{describe(laneSet), "lanes are nested more than " +
                                                                std::to_string(kMaxImportDepth) + " deep"}});
    for (const pugi::xml_node lane : laneSet.children()) {
        if (!is(lane, kModelNs, "lane")) {
            if (lane.type() == pugi::node_element)
                leftOut(lane, "no counterpart in a lane set");
            continue;
        }
        std::string name = nameOf(lane);
        if (name.empty())
            name = "Lane " + std::to_string(u.lanes.size() + 1);
        const std::string full = prefix.empty() ? name : prefix + " / " + name;
        std::vector<std::string> nodes;
        for (const pugi::xml_node ref : lane.children()) {
            if (is(ref, kModelNs, "flowNodeRef"))
                nodes.emplace_back(localName(ref.text().get()));
        }
        const pugi::xml_node children = childNs(lane, kModelNs, "childLaneSet");
        const std::size_t before = u.lanes.size();
        if (children)
            flattenLanes(u, children, full, depth + 1);
        if (u.lanes.size() > before) {
            note(describe(lane), "nested lanes flattened: its lanes are named \"" + full + " / ...\"");
            // What the outer lane names but none of its own lanes does goes to its first lane.
            for (const std::string& n : nodes) {
                bool placed = false;
                for (std::size_t i = before; i < u.lanes.size() && !placed; ++i)
                    placed = std::find(u.lanes[i].nodes.begin(), u.lanes[i].nodes.end(), n) != u.lanes[i].nodes.end();
                if (!placed)
                    u.lanes[before].nodes.push_back(n);
            }
            u.laneOf.emplace(lane.attribute("id").value(), u.lanes[before].id);
            continue;
        }
        LaneInfo info;
        const std::string cwId = cw(lane, "id");
        info.id = uniqueId(u, cwId.empty() ? std::string(lane.attribute("id").value()) : cwId, "l-");
        info.name = full;
        info.nodes = std::move(nodes);
        if (const std::string color = cw(lane, "color"); isColour(color))
            info.color = color;
        const auto shape = m_shapes.find(lane.attribute("id").value());
        if (shape != m_shapes.end()) {
            info.box = shape->second.box;
            u.vertical = u.vertical || shape->second.vertical;
        }
        u.laneOf.emplace(lane.attribute("id").value(), info.id);
        u.lanes.push_back(std::move(info));
    }
}

void BpmnReader::walk(Unit& u, pugi::xml_node container, const std::string& parentStep, int depth)
{
    if (depth >= kMaxImportDepth)
        throw ImportError({ImportProblem{describe(container), "sub-processes are nested more than " +
                                                                  std::to_string(kMaxImportDepth) + " deep"}});
    const bool isProcess = is(container, kModelNs, "process");
    for (const pugi::xml_node c : container.children()) {
        if (c.type() != pugi::node_element)
            continue;
        if (namespaceOf(c) != kModelNs) {
            countForeign(c);
            continue;
        }
        const std::string local(localName(c.name()));
        if (oneOf(local, kTasks))
            addStep(u, c, StepKind::Activity, parentStep);
        else if (oneOf(local, kSubProcesses))
            readSubProcess(u, c, parentStep, depth);
        else if (oneOf(local, kGateways)) {
            addStep(u, c, StepKind::Decision, parentStep);
            if (local != "exclusiveGateway" && local != "inclusiveGateway" && local != "complexGateway"
                && cw(c, "kind").empty())
                note(describe(c), "became a decision; Crosswalk has one kind for every gateway");
        } else if (oneOf(local, kEvents)) {
            bool timer = false;
            for (const pugi::xml_node d : c.children())
                timer = timer || is(d, kModelNs, "timerEventDefinition");
            StepKind kind = StepKind::Activity;
            if (local == "startEvent")
                kind = StepKind::Start;
            else if (local == "endEvent")
                kind = StepKind::End;
            else if (timer)
                kind = StepKind::Wait;
            else if (cw(c, "kind").empty())
                note(describe(c), "became an activity step; Crosswalk has no intermediate events besides waits");
            const bool boundary = local == "boundaryEvent";
            addStep(u, c, kind, boundary ? std::string(refOf(c, "attachedToRef")) : parentStep);
            if (boundary)
                u.boundaries.emplace_back(c.attribute("id").value(), refOf(c, "attachedToRef"));
        } else if (local == "dataObjectReference" || local == "dataStoreReference") {
            addStep(u, c, local == "dataStoreReference" ? StepKind::Data : StepKind::Document, parentStep);
            if (local == "dataObjectReference")
                u.referencedDataObjects.insert(refOf(c, "dataObjectRef"));
        } else if (local == "dataObject")
            u.dataObjects.push_back(c);
        else if (local == "sequenceFlow")
            readSequenceFlow(u, c);
        else if (local == "textAnnotation")
            u.textAnnotations.push_back(c);
        else if (local == "association")
            u.associations.push_back(c);
        else if (local == "laneSet" && isProcess)
            continue; // read by readPool
        else if (local == "documentation" && isProcess)
            u.map.props.notes += (u.map.props.notes.empty() ? "" : "\n\n") + textOf(c);
        else if (local == "documentation")
            continue; // a sub-process's: read by addStep
        else if (local == "extensionElements") {
            if (isProcess)
                readExtension(u, c);
            else
                ++m_extensionElements;
        } else if (local == "ioSpecification" || local == "property")
            leftOut(c, "inputs, outputs and properties of a process; Crosswalk has no counterpart");
        else if (oneOf(local, kRedundant) || oneOf(local, kEventDefinitions))
            continue;
        else
            leftOut(c, "no counterpart in Crosswalk");
    }
    // A data object that no reference shows is a document of its own.
    if (isProcess || depth > 0) {
        for (const pugi::xml_node d : u.dataObjects) {
            if (!u.referencedDataObjects.count(d.attribute("id").value()) && !u.stepOf.count(d.attribute("id").value()))
                addStep(u, d, StepKind::Document, parentStep);
        }
        u.dataObjects.clear();
    }
}

void BpmnReader::readSubProcess(Unit& u, pugi::xml_node node, const std::string& parentStep, int depth)
{
    addStep(u, node, StepKind::Activity, parentStep);
    const auto shape = m_shapes.find(node.attribute("id").value());
    const bool expanded = shape != m_shapes.end() && shape->second.expanded;
    if (expanded) {
        const std::size_t before = u.steps.size();
        walk(u, node, node.attribute("id").value(), depth + 1);
        note(describe(node), "an expanded sub-process; the " + std::to_string(u.steps.size() - before) +
                                 " steps inside it became steps of the map, in its lane");
        return;
    }
    // Collapsed: the steps inside are named in the sub-process's notes.
    std::vector<std::string> inside;
    int flows = 0;
    for (const pugi::xml_node c : node.children()) {
        if (namespaceOf(c) != kModelNs)
            continue;
        const std::string local(localName(c.name()));
        if (local == "sequenceFlow") {
            ++flows;
            continue;
        }
        if (oneOf(local, kTasks) || oneOf(local, kSubProcesses) || oneOf(local, kEvents) || oneOf(local, kGateways)
            || local == "dataObjectReference" || local == "dataStoreReference") {
            const std::string name = nameOf(c);
            inside.push_back(name.empty() ? local : name);
        }
    }
    if (inside.empty())
        return;
    std::string text = "Inside this sub-process (" + std::to_string(inside.size()) + " steps, " +
                       std::to_string(flows) + " flows):";
    for (const std::string& s : inside)
        text += "\n- " + s;
    Step& step = u.steps.back().step;
    step.notes += (step.notes.empty() ? "" : "\n\n") + text;
    note(describe(node), "a collapsed sub-process; its " + std::to_string(inside.size()) +
                             " steps are listed in the notes of its step");
}

void BpmnReader::addStep(Unit& u, pugi::xml_node node, StepKind kind, const std::string& parentStep)
{
    PendingStep p;
    p.bpmnId = node.attribute("id").value();
    const std::string cwId = cw(node, "id");
    p.step.id = uniqueId(u, cwId.empty() ? p.bpmnId : cwId, "s-");
    p.step.kind = parseStepKind(cw(node, "kind")).value_or(kind);
    p.step.label = nameOf(node);
    if (p.step.label.empty()) {
        // A reference shows the data object or store it refers to, and borrows its name.
        for (const char* ref : {"dataObjectRef", "dataStoreRef"}) {
            const auto target = m_byId.find(refOf(node, ref));
            if (target != m_byId.end())
                p.step.label = nameOf(target->second);
        }
    }
    p.step.notes = documentation(node);
    p.step.phase = cw(node, "phase");
    p.lane = cw(node, "lane");
    p.parent = parentStep;
    p.pool = u.pool;
    p.cwW = whole(attributeNs(node, kBpmnExtensionNamespace, "w"), 1, kMaxSize);
    p.cwH = whole(attributeNs(node, kBpmnExtensionNamespace, "h"), 1, kMaxSize);
    p.small = kind != StepKind::Activity || oneOf(std::string(localName(node.name())), kEvents);
    const auto shape = m_shapes.find(p.bpmnId);
    if (shape != m_shapes.end())
        p.shape = shape->second;
    readStepChildren(u, node, p);
    if (!p.bpmnId.empty())
        u.stepOf.emplace(p.bpmnId, p.step.id);
    u.steps.push_back(std::move(p));
}

void BpmnReader::readStepChildren(Unit& u, pugi::xml_node node, PendingStep& pending)
{
    const bool container = oneOf(std::string(localName(node.name())), kSubProcesses);
    for (const pugi::xml_node c : node.children()) {
        if (c.type() != pugi::node_element)
            continue;
        if (namespaceOf(c) != kModelNs) {
            countForeign(c);
            continue;
        }
        const std::string local(localName(c.name()));
        if (local == "extensionElements") {
            ++m_extensionElements;
            for (const pugi::xml_node e : c.children()) {
                if (e.type() == pugi::node_element && namespaceOf(e) != kBpmnExtensionNamespace)
                    countForeign(e);
            }
        } else if (local == "dataInputAssociation" || local == "dataOutputAssociation")
            readDataAssociation(u, c, pending.bpmnId, local == "dataInputAssociation");
        else if (local == "standardLoopCharacteristics" || local == "multiInstanceLoopCharacteristics")
            note(describe(node), "repeats (" + local + "); Crosswalk shows it once");
        else if (oneOf(local, kRedundant) || oneOf(local, kEventDefinitions) || local == "text")
            continue;
        else if (container)
            continue; // the flow elements inside a sub-process: read by walk or listed in its notes
        else if (local == "ioSpecification" || local == "property")
            leftOut(c, "inputs and outputs of " + describe(node) + "; Crosswalk has no counterpart");
        else
            leftOut(c, "part of " + describe(node) + "; Crosswalk has no counterpart");
    }
}

void BpmnReader::readSequenceFlow(Unit& u, pugi::xml_node node)
{
    const std::string cwId = cw(node, "id");
    PendingFlow f{cwId.empty() ? std::string(node.attribute("id").value()) : cwId,
                  refOf(node, "sourceRef"), refOf(node, "targetRef"), nameOf(node),
                  describe(node), node.attribute("id").value(), std::nullopt};
    f.index = whole(attributeNs(node, kBpmnExtensionNamespace, "index"), 0, kMaxSize);
    if (const pugi::xml_node condition = childNs(node, kModelNs, "conditionExpression")) {
        const std::string text = condition.text().get();
        if (!text.empty())
            leftOut(condition, "the condition \"" + text + "\" of " + describe(node) +
                                   "; Crosswalk keeps a flow's name, not its condition");
    }
    u.flows.push_back(std::move(f));
}

void BpmnReader::readDataAssociation(Unit& u, pugi::xml_node association, const std::string& stepBpmnId, bool input)
{
    const std::string label = cw(association, "label");
    const std::string cwId = cw(association, "id");
    const std::string id = cwId.empty() ? std::string(association.attribute("id").value()) : cwId;
    std::vector<std::string> ends;
    for (const pugi::xml_node c : association.children()) {
        if (is(c, kModelNs, input ? "sourceRef" : "targetRef"))
            ends.emplace_back(localName(c.text().get()));
    }
    if (ends.empty()) {
        leftOut(association, "a data association without a data object or store at its other end");
        return;
    }
    for (std::size_t i = 0; i < ends.size(); ++i) {
        PendingFlow f{i == 0 ? id : std::string(), input ? ends[i] : stepBpmnId, input ? stepBpmnId : ends[i], label,
                      describe(association), i == 0 ? std::string(association.attribute("id").value()) : std::string(),
                      std::nullopt};
        f.index = whole(attributeNs(association, kBpmnExtensionNamespace, "index"), 0, kMaxSize);
        u.flows.push_back(std::move(f));
    }
}

void BpmnReader::readExtension(Unit& u, pugi::xml_node extension)
{
    bool ours = false;
    for (const pugi::xml_node e : extension.children()) {
        if (e.type() != pugi::node_element)
            continue;
        if (namespaceOf(e) != kBpmnExtensionNamespace) {
            countForeign(e);
            continue;
        }
        ours = true;
        const std::string_view local = localName(e.name());
        const auto attr = [&](const char* name) { return std::string(e.attribute(name).value()); };
        if (local == "phase") {
            Phase ph;
            ph.id = uniqueId(u, attr("id"), "p-");
            ph.name = attr("name");
            if (isColour(attr("color")))
                ph.color = attr("color");
            ph.width = whole(std::string_view(e.attribute("width").value()), 1, kMaxSize).value_or(ph.width);
            u.map.phases.push_back(std::move(ph));
        } else if (local == "stickyNote") {
            StickyNote n;
            n.id = attr("id");
            n.step = attr("step");
            n.text = textOf(e);
            if (isColour(attr("color")))
                n.color = attr("color");
            u.map.stickyNotes.push_back(std::move(n)); // ids and steps checked in finishUnit
        } else if (local == "parkingItem") {
            ParkingItem p;
            p.id = attr("id");
            p.text = textOf(e);
            p.createdAt = attr("createdAt");
            p.done = e.attribute("done").as_bool(false);
            u.map.parkingLot.push_back(std::move(p));
        } else if (local == "vote") {
            if (const auto n = whole(std::string_view(e.attribute("count").value()), 1, kMaxVotesPerStep))
                u.map.votes[attr("step")] = *n;
        } else if (local == "session") {
            u.map.session.durationSeconds =
                whole(std::string_view(e.attribute("duration").value()), 0, kMaxSessionSeconds).value_or(0);
            u.map.session.remainingSeconds =
                whole(std::string_view(e.attribute("remaining").value()), 0, kMaxSessionSeconds).value_or(0);
            u.map.session.running = e.attribute("running").as_bool(false);
        } else if (local == "notes")
            u.map.props.notes = textOf(e);
    }
    if (!ours)
        ++m_extensionElements;
}

} // namespace crosswalk::bpmn
