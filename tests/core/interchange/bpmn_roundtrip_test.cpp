// BPMN export, and Crosswalk -> BPMN -> Crosswalk: the map comes back as it went out.

#include "crosswalk/demo/demo.h"
#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/interchange/interchange.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"

#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace crosswalk;

namespace {

/// The one map a BPMN text holds.
Map reimport(const std::string& bpmn)
{
    const InterchangeResult r = importBpmn(bpmn);
    REQUIRE(r.maps.size() == 1);
    for (const InterchangeNote& n : r.leftOut)
        UNSCOPED_INFO("left out: " << n.toString());
    CHECK(r.leftOut.empty()); // Crosswalk's own export has nothing another tool's file would
    return r.maps[0];
}

/// What the issue asks to survive, compared part by part so that a failure says which.
void checkSame(const Map& back, const Map& map)
{
    CHECK(back.lanes == map.lanes);
    CHECK(back.phases == map.phases);
    REQUIRE(back.steps.size() == map.steps.size());
    for (std::size_t i = 0; i < map.steps.size(); ++i) {
        INFO("step " << map.steps[i].id << " \"" << map.steps[i].label << "\"");
        CHECK(back.steps[i] == map.steps[i]);
    }
    CHECK(back.flows == map.flows);
    REQUIRE(back.annotations.size() == map.annotations.size());
    for (std::size_t i = 0; i < map.annotations.size(); ++i) {
        const Annotation &a = back.annotations[i], &b = map.annotations[i];
        INFO("annotation " << b.id << " kind " << toString(b.kind) << " target " << b.target << " text " << b.text);
        CHECK(a.id == b.id);
        CHECK(a.kind == b.kind);
        CHECK(a.target == b.target);
        CHECK(a.text == b.text);
        CHECK(a.affects == b.affects);
        CHECK(a.variation == b.variation);
        CHECK(a.horizon == b.horizon);
    }
    CHECK(back.props == map.props);
    CHECK(back.stickyNotes == map.stickyNotes);
    CHECK(back.parkingLot == map.parkingLot);
    CHECK(back.votes == map.votes);
    CHECK(back.session == map.session);
    CHECK(back.id == map.id);
    CHECK(back == map);
}

bool isData(StepKind kind)
{
    return kind == StepKind::Document || kind == StepKind::Data;
}

std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("BPMN round trip: every demo map comes back whole", "[bpmn]")
{
    for (std::string_view text : demoMapTexts()) {
        const Map map = parseMapJson(text).map;
        INFO(map.props.title << " (" << map.props.district << ")");
        const std::string bpmn = exportBpmn(map);
        checkSame(reimport(bpmn), map);
        CHECK(exportBpmn(map) == bpmn); // deterministic
    }
}

TEST_CASE("BPMN round trip: random maps, with facilitation data and odd ids, come back whole", "[bpmn]")
{
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        test::RandomMapOptions options;
        options.phases = static_cast<int>(seed % 4);
        options.phaselessPercent = 20;
        options.stickyNotes = static_cast<int>(seed % 3);
        options.parkingItems = static_cast<int>(seed % 2);
        Map map = test::randomMap(seed, options);
        if (seed % 7 == 0 && !map.steps.empty()) {
            // Line breaks and spaces around labels, which XML would otherwise change. (Maps hold
            // no CR: importers turn other tools' CR LF into LF before they validate.)
            map.steps[0].notes = "first line\nsecond line\n";
            map.steps[0].label = "  " + map.steps[0].label + " ";
            map.props.notes = "map\nnotes";
            if (!map.annotations.empty())
                map.annotations[0].text = "why?\n";
        }
        if (seed % 5 == 0 && !map.steps.empty()) {
            // Ids another file may have brought, which are no XML names.
            map.lanes[0].id = "1 lane";
            for (Step& s : map.steps)
                if (s.lane != "1 lane" && s.lane == map.lanes.front().id)
                    s.lane = "1 lane";
        }
        if (!validateMap(map).empty())
            continue; // a rename above that the random map did not allow
        INFO("seed " << seed);
        checkSame(reimport(exportBpmn(map)), map);
    }
}

TEST_CASE("BPMN export: one pool with the map's lanes, and DI for every element", "[bpmn]")
{
    const Map map = parseMapJson(demoMapTexts().front()).map;
    const std::string bpmn = exportBpmn(map);
    CHECK(bpmn.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
    CHECK(count(bpmn, "<bpmn:participant ") == 1);
    CHECK(count(bpmn, "<bpmn:lane ") == map.lanes.size());
    // Every lane, step and annotation has a shape; every flow an edge; the pool one more shape.
    CHECK(count(bpmn, "<bpmndi:BPMNShape ") == 1 + map.lanes.size() + map.steps.size() + map.annotations.size());
    std::size_t targeted = 0;
    for (const Annotation& a : map.annotations)
        targeted += a.target.empty() ? 0u : 1u;
    CHECK(count(bpmn, "<bpmndi:BPMNEdge ") == map.flows.size() + targeted);
    CHECK(count(bpmn, "<bpmn:textAnnotation ") == map.annotations.size());
    // Kinds as other tools know them.
    for (const Step& s : map.steps) {
        INFO(s.label);
        const std::string element = s.kind == StepKind::Decision   ? "<bpmn:exclusiveGateway id=\"" + s.id
                                    : s.kind == StepKind::Start    ? "<bpmn:startEvent id=\"" + s.id
                                    : s.kind == StepKind::End      ? "<bpmn:endEvent id=\"" + s.id
                                    : s.kind == StepKind::Meeting  ? "<bpmn:userTask id=\"" + s.id
                                    : s.kind == StepKind::Document ? "<bpmn:dataObjectReference id=\"" + s.id
                                    : s.kind == StepKind::Data     ? "<bpmn:dataStoreReference id=\"" + s.id
                                    : s.kind == StepKind::Wait     ? "<bpmn:intermediateCatchEvent id=\"" + s.id
                                                                   : "<bpmn:task id=\"" + s.id;
        CHECK(bpmn.find(element) != std::string::npos);
    }
}

TEST_CASE("BPMN export: a plain map read by another tool's rules (no Crosswalk attributes) keeps its shape",
          "[bpmn]")
{
    // Strip every cw: attribute and element, as a tool that drops unknown extensions would, and
    // read the file back: lanes, steps with their BPMN kinds, flows and labels are still there.
    const Map map = parseMapJson(demoMapTexts().front()).map;
    std::string bpmn = exportBpmn(map);
    std::string plain;
    for (std::size_t i = 0; i < bpmn.size();) {
        if (bpmn.compare(i, 4, " cw:") == 0) {
            const auto q1 = bpmn.find('"', i);
            const auto q2 = bpmn.find('"', q1 + 1);
            i = q2 + 1;
            continue;
        }
        plain += bpmn[i++];
    }
    const InterchangeResult r = importBpmn(plain);
    REQUIRE(r.maps.size() == 1);
    const Map& back = r.maps[0];
    CHECK(back.lanes.size() == map.lanes.size());
    for (std::size_t i = 0; i < map.lanes.size(); ++i)
        CHECK(back.lanes[i].name == map.lanes[i].name);
    REQUIRE(back.steps.size() == map.steps.size());
    for (const Step& s : map.steps) {
        const Step* b = back.step(s.id);
        REQUIRE(b != nullptr);
        CHECK(b->label == s.label);
        CHECK(b->lane == s.lane);
        const StepKind expected = s.kind == StepKind::Meeting ? StepKind::Activity : s.kind;
        CHECK(b->kind == expected);
    }
    CHECK(back.flows.size() == map.flows.size());
    for (const Flow& f : map.flows) {
        const bool found = std::any_of(back.flows.begin(), back.flows.end(), [&](const Flow& g) {
            // A flow at a document or data step goes out as a data association, which has no name.
            const bool data = isData(map.step(f.from)->kind) || isData(map.step(f.to)->kind);
            return g.from == f.from && g.to == f.to && (g.label == f.label || data);
        });
        CHECK(found);
    }
}
