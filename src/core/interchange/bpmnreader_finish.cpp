// The second half of reading a BPMN unit: ids, flows, annotations, geometry, the report.

#include "bpmnreader.h"

#include "bpmnschema.h"
#include "bpmnxml.h"

#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/layout.h"
#include "crosswalk/model/validate.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace crosswalk::bpmn {

namespace {

int toInt(double v, int lo, int hi)
{
    const double r = std::round(v);
    if (r <= lo)
        return lo;
    if (r >= hi)
        return hi;
    return static_cast<int>(r);
}

std::string cw(pugi::xml_node node, std::string_view local)
{
    const auto v = attributeNs(node, kBpmnExtensionNamespace, local);
    return v ? std::string(*v) : std::string();
}

Box transposed(const Box& b)
{
    return Box{b.y, b.x, b.h, b.w};
}

std::optional<int> whole(std::optional<std::string_view> text)
{
    if (!text)
        return std::nullopt;
    int v = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || ptr != text->data() + text->size() || v < 0)
        return std::nullopt;
    return v;
}

std::string quoted(const std::string& label)
{
    return "\"" + label + "\"";
}

} // namespace

std::string BpmnReader::uniqueId(Unit& u, std::string_view wanted, std::string_view prefix)
{
    std::string id(wanted);
    if (id.empty() || u.ids.count(id)) {
        do
            id = newId(prefix);
        while (u.ids.count(id));
    }
    u.ids.insert(id);
    return id;
}

void BpmnReader::finishUnit(Unit& u, std::string title)
{
    Map& map = u.map;
    if (map.props.title.empty())
        map.props.title = title.empty() ? "Imported BPMN process" : std::move(title);
    if (map.id.empty())
        map.id = newId("m-");
    // Phases named by steps must exist; the rest of the extension data must point at what is here.
    placeLanesAndSteps(u);
    resolveFlows(u);
    resolveAnnotations(u);
    std::erase_if(map.stickyNotes, [&](StickyNote& n) {
        if (!map.step(n.step))
            return true;
        n.id = uniqueId(u, n.id, "n-");
        return false;
    });
    for (ParkingItem& p : map.parkingLot)
        p.id = uniqueId(u, p.id, "k-");
    std::erase_if(map.votes, [&](const auto& v) { return map.step(v.first) == nullptr; });
    if (map.session.remainingSeconds > map.session.durationSeconds)
        map.session.remainingSeconds = map.session.durationSeconds;

    normaliseLineBreaks(map); // other tools write CR LF; maps hold LF
    const auto problems = validateMap(map);
    if (!problems.empty()) {
        std::vector<ImportProblem> out;
        for (const MapProblem& p : problems)
            out.push_back(ImportProblem{p.where, p.message});
        throw ImportError(std::move(out));
    }
    m_result.maps.push_back(std::move(map));
}

void BpmnReader::resolveFlows(Unit& u)
{
    std::unordered_map<std::string, std::optional<int>> indexOf; // flow id -> cw:index
    for (PendingFlow& f : u.flows) {
        const auto from = u.stepOf.find(f.from);
        const auto to = u.stepOf.find(f.to);
        if (from == u.stepOf.end() || to == u.stepOf.end()) {
            const std::string& missing = from == u.stepOf.end() ? f.from : f.to;
            const auto target = m_byId.find(missing);
            std::string what = target == m_byId.end() ? "\"" + missing + "\", which the file does not define"
                                                      : describe(target->second);
            leftOut(f.where, "its " + std::string(from == u.stepOf.end() ? "source" : "target") + " is " + what +
                                 ", not a step; Crosswalk flows join two steps");
            continue;
        }
        Flow flow;
        flow.id = uniqueId(u, f.id, "f-");
        flow.from = from->second;
        flow.to = to->second;
        flow.label = f.label;
        if (!f.bpmnId.empty())
            u.flowOf[f.bpmnId] = flow.id;
        indexOf[flow.id] = f.index;
        u.map.flows.push_back(std::move(flow));
    }
    for (const pugi::xml_node s : u.associations) {
        // Associations between two steps that Crosswalk wrote for flows at a document or data step.
        // ... or that another tool drew as a directed association between two steps.
        const std::string direction = s.attribute("associationDirection").value();
        if (cw(s, "flow") != "true" && direction != "One" && direction != "Both")
            continue;
        const auto from = u.stepOf.find(refOf(s, "sourceRef"));
        const auto to = u.stepOf.find(refOf(s, "targetRef"));
        if (from == u.stepOf.end() || to == u.stepOf.end())
            continue;
        Flow flow;
        const std::string cwId = cw(s, "id");
        flow.id = uniqueId(u, cwId.empty() ? std::string(s.attribute("id").value()) : cwId, "f-");
        flow.from = from->second;
        flow.to = to->second;
        flow.label = cw(s, "label");
        u.flowOf[s.attribute("id").value()] = flow.id;
        u.associationFlows.insert(s.attribute("id").value());
        indexOf[flow.id] = whole(attributeNs(s, kBpmnExtensionNamespace, "index"));
        u.map.flows.push_back(std::move(flow));
    }
    // Flows exported by Crosswalk come back in the order the map had them.
    if (std::all_of(u.map.flows.begin(), u.map.flows.end(), [&](const Flow& f) { return indexOf[f.id].has_value(); }))
        std::stable_sort(u.map.flows.begin(), u.map.flows.end(),
                         [&](const Flow& a, const Flow& b) { return *indexOf[a.id] < *indexOf[b.id]; });
    // A boundary event hangs on its activity: a flow from the activity keeps it joined to the map.
    for (const auto& [event, activity] : u.boundaries) {
        const auto host = u.stepOf.find(activity);
        const auto step = u.stepOf.find(event);
        if (host == u.stepOf.end() || step == u.stepOf.end())
            continue;
        Flow flow;
        flow.id = uniqueId(u, event + "-attached", "f-");
        flow.from = host->second;
        flow.to = step->second;
        u.map.flows.push_back(flow);
        note("bpmn:boundaryEvent id=" + event, "it became a step with a flow from the activity it is on");
    }
}

void BpmnReader::resolveAnnotations(Unit& u)
{
    Map& map = u.map;
    for (const pugi::xml_node a : u.textAnnotations) {
        const std::string bpmnId = a.attribute("id").value();
        const pugi::xml_node textNode = childNs(a, kModelNs, "text");
        const std::string text = textNode ? textOf(textNode) : std::string();
        // What the annotation is joined to, as Crosswalk ids of steps, flows or lanes.
        std::vector<std::string> targets;
        for (const pugi::xml_node s : u.associations) {
            const std::string src = refOf(s, "sourceRef"), dst = refOf(s, "targetRef");
            if (src != bpmnId && dst != bpmnId)
                continue;
            const std::string& other = src == bpmnId ? dst : src;
            if (const auto st = u.stepOf.find(other); st != u.stepOf.end())
                targets.push_back(st->second);
            else if (const auto fl = u.flowOf.find(other); fl != u.flowOf.end())
                targets.push_back(fl->second);
            else if (const auto la = u.laneOf.find(other); la != u.laneOf.end())
                targets.push_back(la->second);
            else
                leftOut(describe(s), "joins " + describe(a) + " to \"" + other + "\", which is no step, flow or lane");
        }
        const auto kind = parseAnnotationKind(cw(a, "kind"));
        const bool question = text.find('?') != std::string::npos;
        if (kind || question) {
            Annotation an;
            const std::string cwId = cw(a, "id");
            an.id = uniqueId(u, cwId.empty() ? bpmnId : cwId, "a-");
            an.kind = kind.value_or(AnnotationKind::Question);
            an.target = targets.empty() ? std::string() : targets.front();
            an.text = text;
            an.affects = cw(a, "affects");
            // Extras only on their kinds, and only when given (both may be left open).
            if (an.kind == AnnotationKind::Variation)
                an.variation = parseVariation(cw(a, "variation"));
            if (an.kind == AnnotationKind::ChangeIdea) {
                const std::string h = cw(a, "horizon");
                if (h == "1" || h == "2" || h == "3")
                    an.horizon = h[0] - '0';
            }
            if (targets.size() > 1)
                note(describe(a), "joined to " + std::to_string(targets.size()) +
                                      " elements; the annotation marks the first of them");
            if (!kind)
                note(describe(a), "a question; it became a question annotation");
            map.annotations.push_back(std::move(an));
            continue;
        }
        // Not a question: the notes of the steps it is joined to, else of the map.
        bool onStep = false;
        for (const std::string& t : targets) {
            if (Step* step = map.step(t)) {
                step->notes += (step->notes.empty() ? "" : "\n\n") + text;
                onStep = true;
                note(describe(a), "became part of the notes of step " + quoted(step->label));
            }
        }
        if (!onStep) {
            map.props.notes += (map.props.notes.empty() ? "" : "\n\n") + text;
            note(describe(a), "became part of the map's notes");
        }
    }
    for (const pugi::xml_node s : u.associations) {
        const bool annotated = std::any_of(u.textAnnotations.begin(), u.textAnnotations.end(), [&](pugi::xml_node a) {
            const std::string id = a.attribute("id").value();
            return id == refOf(s, "sourceRef") || id == refOf(s, "targetRef");
        });
        if (!annotated && !u.associationFlows.count(s.attribute("id").value()))
            leftOut(s, "an association between two elements that are not annotations; Crosswalk keeps flows");
    }
}

void BpmnReader::placeLanesAndSteps(Unit& u)
{
    Map& map = u.map;
    if (u.vertical) {
        // Pools drawn top to bottom: read the picture turned a quarter, so lanes stay bands.
        for (LaneInfo& l : u.lanes)
            if (l.box)
                l.box = transposed(*l.box);
        for (PendingStep& p : u.steps)
            if (p.shape)
                p.shape->box = transposed(p.shape->box);
        note("", "the pools and lanes of " + quoted(map.props.title) +
                     " run top to bottom; Crosswalk draws them left to right");
    }
    const bool allLanesDrawn = std::all_of(u.lanes.begin(), u.lanes.end(), [](const LaneInfo& l) { return l.box; });
    if (allLanesDrawn)
        std::stable_sort(u.lanes.begin(), u.lanes.end(),
                         [](const LaneInfo& a, const LaneInfo& b) { return a.box->y < b.box->y; });
    for (const LaneInfo& l : u.lanes) {
        Lane lane;
        lane.id = l.id;
        lane.name = l.name;
        if (!l.color.empty())
            lane.color = l.color;
        if (l.box)
            lane.height = toInt(l.box->h, layout::kMinLaneHeight, kMaxSize);
        map.lanes.push_back(std::move(lane));
    }
    // Which lane each step belongs to: the lane that names it, else the one its shape is in,
    // else its sub-process's or activity's, else the nearest drawn lane, else the first.
    std::unordered_map<std::string, std::string> laneOfNode;
    for (const LaneInfo& l : u.lanes)
        for (const std::string& n : l.nodes)
            laneOfNode.emplace(n, l.id);
    auto laneById = [&](const std::string& id) -> const LaneInfo* {
        for (const LaneInfo& l : u.lanes)
            if (l.id == id)
                return &l;
        return nullptr;
    };
    double originX = std::numeric_limits<double>::max();
    for (const LaneInfo& l : u.lanes)
        if (l.box)
            originX = std::min(originX, l.box->x + kHeaderWidth);
    bool anyShape = false;
    if (originX == std::numeric_limits<double>::max()) {
        for (const PendingStep& p : u.steps)
            if (p.shape)
                originX = std::min(originX, p.shape->box.x - layout::kStepGap);
    }
    std::unordered_map<std::string, std::string> placedLane; // step id -> lane id
    for (PendingStep& p : u.steps) {
        std::string lane;
        if (const auto named = laneOfNode.find(p.bpmnId); named != laneOfNode.end())
            lane = named->second;
        else if (!p.lane.empty() && laneById(p.lane))
            lane = p.lane;
        if (lane.empty() && p.shape) {
            double best = std::numeric_limits<double>::max();
            for (const LaneInfo& l : u.lanes) {
                if (!l.box || l.pool != p.pool)
                    continue;
                const double cy = p.shape->box.cy();
                const double distance = cy < l.box->y ? l.box->y - cy : cy > l.box->y + l.box->h ? cy - l.box->y - l.box->h : 0;
                if (distance < best && (distance == 0 || !u.stepOf.count(p.parent))) {
                    best = distance;
                    lane = l.id;
                }
            }
        }
        if (lane.empty()) {
            const auto host = u.stepOf.find(p.parent);
            if (host != u.stepOf.end() && placedLane.count(host->second))
                lane = placedLane[host->second];
        }
        for (const LaneInfo& l : u.lanes) // the first lane of its pool
            if (lane.empty() && l.pool == p.pool)
                lane = l.id;
        if (lane.empty() && !u.lanes.empty())
            lane = u.lanes.front().id;
        p.step.lane = lane;
        placedLane[p.step.id] = lane;
        if (!p.step.phase.empty() && !map.phase(p.step.phase))
            p.step.phase.clear();
        if (p.shape) {
            anyShape = true;
            const int sw = toInt(p.shape->box.w, 1, kMaxSize), sh = toInt(p.shape->box.h, 1, kMaxSize);
            const int sx = toInt(p.shape->box.x - originX, -kMaxCoordinate, kMaxCoordinate);
            const LaneInfo* li = laneById(lane);
            const int top = li && li->box ? toInt(li->box->y, -kMaxCoordinate, kMaxCoordinate) : 0;
            const int sy = toInt(p.shape->box.y, -kMaxCoordinate, kMaxCoordinate) - top;
            int w = sw, h = sh;
            if (p.cwW && p.cwH) {
                w = *p.cwW;
                h = *p.cwH;
            } else if (p.small) {
                w = std::max(w, kMinImportedWidth);
                h = std::max(h, kMinImportedHeight);
            } else if (p.shape->expanded) {
                // An expanded sub-process's box holds its steps; the sub-process step is one step.
                w = std::min(w, 150);
                h = std::min(h, 70);
            }
            p.step.w = w;
            p.step.h = h;
            p.step.x = std::clamp(sx - (p.shape->expanded ? 0 : (w - sw) / 2), 0, kMaxCoordinate);
            p.step.y = std::clamp(sy - (p.shape->expanded ? 0 : (h - sh) / 2), 0, kMaxCoordinate);
        } else {
            if (p.cwW)
                p.step.w = *p.cwW;
            if (p.cwH)
                p.step.h = *p.cwH;
        }
    }
    if (anyShape) {
        // Steps the diagram does not show go to the right end of their lane.
        for (PendingStep& p : u.steps) {
            if (p.shape)
                continue;
            int right = 0;
            for (const PendingStep& q : u.steps)
                if (q.shape && q.step.lane == p.step.lane)
                    right = std::max(right, q.step.x + q.step.w + layout::kStepGap);
            p.step.x = std::min(right, kMaxCoordinate);
            note(p.step.label.empty() ? p.bpmnId : quoted(p.step.label),
                 "the diagram does not show this step; it was placed at the end of its lane");
            for (PendingStep& q : u.steps)
                if (&q != &p && !q.shape && q.step.lane == p.step.lane && q.step.x == p.step.x)
                    p.step.x = std::min(p.step.x + p.step.w + layout::kStepGap, kMaxCoordinate);
        }
    }
    if (anyShape)
        separateGrownSteps(u);
    for (PendingStep& p : u.steps)
        map.steps.push_back(std::move(p.step));
    u.steps.erase(u.steps.begin(), u.steps.end()); // moved from; the ids live on in stepOf
    // Lanes grow to hold their steps.
    for (Lane& lane : map.lanes) {
        int bottom = 0;
        for (const Step& s : map.steps)
            if (s.lane == lane.id)
                bottom = std::max(bottom, s.y + s.h);
        if (bottom > lane.height)
            lane.height = std::min(bottom + layout::kLanePadding, kMaxSize);
    }
    if (!anyShape && !map.steps.empty()) {
        layout::autoLayout(map);
        note("", quoted(map.props.title) + " has no diagram (BPMN DI); it was laid out automatically");
    }
}

void BpmnReader::separateGrownSteps(Unit& u)
{
    // Events and gateways grew around their centres to hold their labels, and now may lie on
    // their neighbours: within each lane, left to right, a step that lies on one placed before it
    // moves right just past it. The x order stays; steps Crosswalk itself sized (cw:w) stay put.
    std::map<std::string, std::vector<PendingStep*>> byLane;
    for (PendingStep& p : u.steps)
        if (p.shape)
            byLane[p.step.lane].push_back(&p);
    int moved = 0;
    for (auto& [lane, steps] : byLane) {
        std::stable_sort(steps.begin(), steps.end(),
                         [](const PendingStep* a, const PendingStep* b) { return a->step.x < b->step.x; });
        std::vector<const Step*> open; // placed steps whose right edge may still reach the next one
        for (PendingStep* p : steps) {
            Step& s = p->step;
            const int origX = s.x;
            if (!p->cwW && !p->shape->expanded) {
                for (bool again = true; again;) {
                    again = false;
                    for (const Step* o : open) {
                        const bool overlap = s.x < o->x + o->w && o->x < s.x + s.w && s.y < o->y + o->h &&
                                             o->y < s.y + s.h;
                        const int past = std::min(o->x + o->w + layout::kGrid, kMaxCoordinate);
                        if (overlap && s.x + s.w / 2 >= o->x + o->w / 2 && past > s.x) {
                            s.x = past;
                            again = true;
                            ++moved;
                        }
                    }
                }
            }
            // Later steps start at or right of origX and only move right: what ends before it is done.
            std::erase_if(open, [&](const Step* o) { return o->x + o->w < origX; });
            open.push_back(&s);
        }
    }
    if (moved > 0)
        note("", "steps grown to hold their labels lay on their neighbours in " + quoted(u.map.props.title) +
                     "; " + std::to_string(moved) + " were moved right, keeping the order");
}

void BpmnReader::reportForeign()
{
    for (const auto& [ns, count] : m_foreign)
        leftOut(ns, std::to_string(count) + " element(s) of another tool's extension; Crosswalk has no counterpart");
    if (m_extensionElements > 0 && m_foreign.empty())
        leftOut("bpmn:extensionElements", std::to_string(m_extensionElements) + " empty extension element(s)");
}

} // namespace crosswalk::bpmn
