// BPMN 2.0 import: fixtures written in the shapes other tools save, the MIWG reference models,
// and files that must be refused.

#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace crosswalk;

namespace {

std::string readPath(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string fixture(const std::string& name)
{
    return readPath(std::filesystem::path(CROSSWALK_SOURCE_DIR) / "tests/core/interchange/data" / name);
}

const Step& stepLabelled(const Map& map, const std::string& label)
{
    const auto it = std::find_if(map.steps.begin(), map.steps.end(), [&](const Step& s) { return s.label == label; });
    REQUIRE(it != map.steps.end());
    return *it;
}

const Lane& laneOf(const Map& map, const Step& step)
{
    const Lane* lane = map.lane(step.lane);
    REQUIRE(lane != nullptr);
    return *lane;
}

bool hasFlow(const Map& map, const std::string& from, const std::string& to, const std::string& label = "")
{
    const std::string a = stepLabelled(map, from).id, b = stepLabelled(map, to).id;
    return std::any_of(map.flows.begin(), map.flows.end(),
                       [&](const Flow& f) { return f.from == a && f.to == b && f.label == label; });
}

bool mentions(const std::vector<InterchangeNote>& notes, const std::string& where, const std::string& text = "")
{
    return std::any_of(notes.begin(), notes.end(), [&](const InterchangeNote& n) {
        return n.toString().find(where) != std::string::npos && n.toString().find(text) != std::string::npos;
    });
}

std::string refusal(const std::string& text)
{
    try {
        importBpmn(text);
    } catch (const ImportError& e) {
        return e.what();
    }
    FAIL("the file was imported");
    return {};
}

} // namespace

TEST_CASE("BPMN import: a bpmn.io collaboration keeps lanes, kinds, flows, data and annotations", "[bpmn]")
{
    const InterchangeResult r = importBpmn(fixture("bpmnio-collaboration.bpmn"));
    REQUIRE(r.maps.size() == 1);
    const Map& map = r.maps[0];
    CHECK(validateMap(map).empty());
    CHECK(map.props.title == "Principal evaluation");
    CHECK(map.props.notes.find("How our district evaluates principals.") != std::string::npos);

    // Lanes in the picture's order (the file lists HR first, the diagram draws it second).
    REQUIRE(map.lanes.size() == 2);
    CHECK(map.lanes[0].name == "Principal Supervisor");
    CHECK(map.lanes[1].name == "HR / Talent");
    CHECK(map.lanes[0].height == 200);

    CHECK(stepLabelled(map, "School year starts").kind == StepKind::Start);
    CHECK(stepLabelled(map, "Goal-setting conference").kind == StepKind::Activity);
    CHECK(stepLabelled(map, "Goals approved?").kind == StepKind::Decision);
    CHECK(stepLabelled(map, "Wait for results").kind == StepKind::Wait);
    CHECK(stepLabelled(map, "Enter rating in HR system").kind == StepKind::Activity);
    CHECK(stepLabelled(map, "Cycle closed").kind == StepKind::End);
    CHECK(stepLabelled(map, "Goal sheet").kind == StepKind::Document);
    CHECK(stepLabelled(map, "HR system").kind == StepKind::Data);
    CHECK(map.steps.size() == 8);

    CHECK(laneOf(map, stepLabelled(map, "Goals approved?")).name == "Principal Supervisor");
    CHECK(laneOf(map, stepLabelled(map, "Wait for results")).name == "HR / Talent");
    // Data sit in the lane their shape is in.
    CHECK(laneOf(map, stepLabelled(map, "Goal sheet")).name == "Principal Supervisor");
    CHECK(laneOf(map, stepLabelled(map, "HR system")).name == "HR / Talent");

    // The diagram's left-to-right order, and its geometry in lane coordinates.
    const Step& start = stepLabelled(map, "School year starts");
    const Step& goals = stepLabelled(map, "Goal-setting conference");
    const Step& gateway = stepLabelled(map, "Goals approved?");
    const Step& end = stepLabelled(map, "Cycle closed");
    CHECK(start.x < goals.x);
    CHECK(goals.x < gateway.x);
    CHECK(gateway.x < end.x);
    CHECK(goals.x == 330 - 220); // lane at x 190 + 30 for its name band
    CHECK(goals.y == 90 - 60);
    CHECK(goals.w == 100);
    CHECK(goals.h == 80);
    // Events grow around their centre so that their label fits.
    CHECK(start.w >= 100);
    CHECK(start.x + start.w / 2 == 262 + 18 - 220);

    CHECK(hasFlow(map, "School year starts", "Goal-setting conference"));
    CHECK(hasFlow(map, "Goals approved?", "Wait for results", "yes"));
    CHECK(hasFlow(map, "Goals approved?", "Goal-setting conference", "no"));
    CHECK(hasFlow(map, "Goal-setting conference", "Goal sheet")); // the data output association
    CHECK(map.flows.size() == 7);

    CHECK(goals.notes.find("Within the first six weeks.") != std::string::npos);
    CHECK(goals.notes.find("Bring last year's plan.") != std::string::npos);
    REQUIRE(map.annotations.size() == 1);
    CHECK(map.annotations[0].kind == AnnotationKind::Question);
    CHECK(map.annotations[0].text == "Who approves the goals?");
    CHECK(map.annotations[0].target == gateway.id);

    // Named in the report: the group, the category, the condition, the vendor attribute's element.
    CHECK(mentions(r.leftOut, "bpmn:group id=Group_1"));
    CHECK(mentions(r.leftOut, "bpmn:category id=Category_1"));
    CHECK(mentions(r.leftOut, "conditionExpression", "${!approved}"));
    CHECK(mentions(r.notes, "Note_Plain", "notes of step"));
}

TEST_CASE("BPMN import: pools, nested lanes, message flows and vendor data in the default namespace", "[bpmn]")
{
    const InterchangeResult r = importBpmn(fixture("signavio-pools.bpmn"));
    REQUIRE(r.maps.size() == 1);
    const Map& map = r.maps[0];
    CHECK(validateMap(map).empty());
    std::vector<std::string> lanes;
    for (const Lane& l : map.lanes)
        lanes.push_back(l.name);
    // Several pools: lane names carry the pool's; nested lanes the parent's.
    CHECK(lanes == std::vector<std::string>{"District / Central office / HR", "District / Central office / Data",
                                            "State agency", "Union"});
    CHECK(laneOf(map, stepLabelled(map, "Ratings due")).name == "District / Central office / HR");
    CHECK(laneOf(map, stepLabelled(map, "Send report")).name == "District / Central office / Data");
    CHECK(laneOf(map, stepLabelled(map, "Receive report")).name == "State agency");
    CHECK(hasFlow(map, "Send report", "Receive report", "report")); // a message flow between steps
    CHECK(mentions(r.leftOut, "bpmn:messageFlow id=sid-mf-pool", "sid-pool-union"));
    CHECK(mentions(r.leftOut, "http://www.signavio.com", "2 element(s)"));
    CHECK(mentions(r.leftOut, "bpmn:message id=sid-msg"));
    CHECK(mentions(r.notes, "sid-office", "nested lanes flattened"));
    CHECK(mentions(r.notes, "sid-pool-union", "empty lane"));
}

TEST_CASE("BPMN import: without a diagram the map is laid out, a collapsed sub-process keeps its steps as notes",
          "[bpmn]")
{
    const InterchangeResult r = importBpmn(fixture("semantic-no-di.bpmn"));
    REQUIRE(r.maps.size() == 1);
    const Map& map = r.maps[0];
    CHECK(validateMap(map).empty());
    CHECK(map.props.title == "Coaching cycle");
    REQUIRE(map.lanes.size() == 1);
    CHECK(map.lanes[0].name == "Coaching cycle");
    // Laid out: no two steps on top of each other, and the flow runs left to right.
    for (const Step& a : map.steps)
        for (const Step& b : map.steps)
            if (&a != &b && a.lane == b.lane)
                CHECK_FALSE((a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
    CHECK(stepLabelled(map, "Coach assigned").x < stepLabelled(map, "Cycle done").x);

    const Step& cycle = stepLabelled(map, "Coaching cycle");
    CHECK(cycle.kind == StepKind::Activity);
    CHECK(cycle.notes.find("Observe practice") != std::string::npos);
    CHECK(cycle.notes.find("Debrief") != std::string::npos);
    CHECK(std::none_of(map.steps.begin(), map.steps.end(), [](const Step& s) { return s.label == "Debrief"; }));

    CHECK(stepLabelled(map, "Six weeks pass").kind == StepKind::Wait);
    CHECK(hasFlow(map, "Coaching cycle", "Six weeks pass")); // the boundary event hangs on its activity
    CHECK(hasFlow(map, "Six weeks pass", "Escalate to chief"));
    CHECK(stepLabelled(map, "Escalate to chief").kind == StepKind::Activity);
    CHECK(stepLabelled(map, "Log hours").kind == StepKind::Activity);
    // The flow to an element the file never defines is named, not dropped.
    CHECK(mentions(r.leftOut, "bpmn:sequenceFlow id=f6", "nowhere"));
    CHECK(mentions(r.notes, "", "laid out automatically"));
}

TEST_CASE("BPMN import: every MIWG reference model imports, with a report of what was left out", "[bpmn][miwg]")
{
    const std::filesystem::path dir = CROSSWALK_BPMN_MIWG_DIR;
    if (!std::filesystem::is_directory(dir)) {
        WARN("skipped: the MIWG reference models are not at " << dir.string()
                                                               << " (configure with -DCROSSWALK_INTEROP_DIR=...)");
        return;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".bpmn")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 20);
    std::ofstream report(std::filesystem::path(CROSSWALK_BINARY_DIR) / "bpmn-miwg-report.txt");
    for (const auto& file : files) {
        INFO(file.filename().string());
        const std::string text = readPath(file);
        InterchangeResult r;
        REQUIRE_NOTHROW(r = importBpmn(text));
        REQUIRE_FALSE(r.maps.empty());
        report << "== " << file.filename().string() << "\n";
        std::size_t steps = 0;
        for (const Map& map : r.maps) {
            CHECK(validateMap(map).empty());
            CHECK_FALSE(map.lanes.empty());
            steps += map.steps.size();
            report << "map \"" << map.props.title << "\": " << map.lanes.size() << " lanes, " << map.steps.size()
                   << " steps, " << map.flows.size() << " flows, " << map.annotations.size() << " annotations\n";
        }
        CHECK(steps > 0);
        for (const InterchangeNote& n : r.leftOut)
            report << "  left out: " << n.toString() << "\n";
        for (const InterchangeNote& n : r.notes)
            report << "  changed: " << n.toString() << "\n";
        // Every flow element the file has is a step, or is named in the report: count the
        // flow nodes of the file and compare with the steps plus what was left out.
        // What the test can check for certain: a model with DI keeps the x order of its tasks.
        if (text.find("BPMNShape") != std::string::npos)
            for (const Map& map : r.maps)
                CHECK(std::any_of(map.steps.begin(), map.steps.end(), [](const Step& s) { return s.x > 0; }));
    }
}

TEST_CASE("BPMN import: A.1.0, A.4.1 and C.1.0 hold what their pictures show", "[bpmn][miwg]")
{
    const std::filesystem::path dir = CROSSWALK_BPMN_MIWG_DIR;
    if (!std::filesystem::is_directory(dir)) {
        WARN("skipped: the MIWG reference models are not at " << dir.string());
        return;
    }
    {
        const InterchangeResult r = importBpmn(readPath(dir / "A.1.0.bpmn"));
        REQUIRE(r.maps.size() == 1);
        const Map& map = r.maps[0];
        // Start, three tasks, end, in a row, joined by four flows.
        CHECK(map.steps.size() == 5);
        CHECK(map.flows.size() == 4);
        std::vector<Step> byX = map.steps;
        std::sort(byX.begin(), byX.end(), [](const Step& a, const Step& b) { return a.x < b.x; });
        CHECK(byX.front().kind == StepKind::Start);
        CHECK(byX.back().kind == StepKind::End);
        CHECK(byX[1].label == "Task 1");
        CHECK(byX[2].label == "Task 2");
        CHECK(byX[3].label == "Task 3");
    }
    {
        // Pools drawn top to bottom are read turned a quarter; events grown to hold their labels
        // do not lie on their neighbours, and keep the order of the picture.
        const InterchangeResult r = importBpmn(readPath(dir / "A.4.1.bpmn"));
        REQUIRE(r.maps.size() == 1);
        const Map& map = r.maps[0];
        REQUIRE(map.lanes.size() == 3);
        CHECK(map.lanes[0].name == "Pool 1 / Lane 1");
        CHECK(laneOf(map, stepLabelled(map, "Task 6")).name == "Pool 2 / Lane 3");
        CHECK(stepLabelled(map, "Start Event 1").x < stepLabelled(map, "Task 1").x);
        CHECK(stepLabelled(map, "Task 1").x < stepLabelled(map, "Task 2").x);
        for (const Step& a : map.steps)
            for (const Step& b : map.steps)
                if (&a != &b && a.lane == b.lane && a.label.rfind("Expanded", 0) != 0 &&
                    b.label.rfind("Expanded", 0) != 0) {
                    INFO(a.label << " / " << b.label);
                    CHECK_FALSE((a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h));
                }
    }
    {
        const InterchangeResult r = importBpmn(readPath(dir / "C.1.0.bpmn"));
        REQUIRE(r.maps.size() == 1);
        const Map& map = r.maps[0];
        CHECK(map.lanes.size() >= 3); // pools with lanes, and the other party
        CHECK(std::any_of(map.steps.begin(), map.steps.end(), [](const Step& s) { return s.kind == StepKind::Wait; }));
        CHECK(std::any_of(map.steps.begin(), map.steps.end(), [](const Step& s) { return s.kind == StepKind::Decision; }));
    }
}

TEST_CASE("BPMN import: C.2.0's pools beside each other keep their own steps", "[bpmn][miwg]")
{
    const std::filesystem::path dir = CROSSWALK_BPMN_MIWG_DIR;
    if (!std::filesystem::is_directory(dir)) {
        WARN("skipped: the MIWG reference models are not at " << dir.string());
        return;
    }
    // The Carrier pool is drawn beside the Amazon pool, at the height of its Picker lane: its
    // steps stay in the Carrier lane all the same, and lanes follow the picture's top-to-bottom order.
    const InterchangeResult r = importBpmn(readPath(dir / "C.2.0.bpmn"));
    REQUIRE(r.maps.size() == 1);
    const Map& map = r.maps[0];
    for (const char* label : {"Load Truck", "Deliver Items"})
        CHECK(laneOf(map, stepLabelled(map, label)).name == "Carrier");
    CHECK(laneOf(map, stepLabelled(map, "Place in bin")).name == "Amazon / Picker");
    CHECK(laneOf(map, stepLabelled(map, "Browse Products on Amazon")).name == "Customer");
    CHECK(map.lanes.front().name == "Credit Card Company");
    CHECK(hasFlow(map, "Deliver Items", "Receive items")); // a message flow between pools
}

TEST_CASE("BPMN import: external entities and entity-expansion bombs are refused by name", "[bpmn][safety]")
{
    const std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"><task id="t" name="&secret;"/></process></definitions>)";
    std::string message = refusal(xxe);
    CHECK(message.find("DOCTYPE") != std::string::npos);
    CHECK(message.find("entit") != std::string::npos);
    CHECK(message.find("root:") == std::string::npos); // nothing of the file it names was read

    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i)
        bomb += " <!ENTITY lol" + std::to_string(i) + " \"" + std::string(10, '&') + "\">\n";
    bomb += "]>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\"><task "
            "id=\"t\" name=\"&lol9;\"/></process></definitions>";
    message = refusal(bomb);
    CHECK(message.find("entit") != std::string::npos);

    // A declared entity without a DOCTYPE is never expanded: it stays as written.
    const InterchangeResult r = importBpmn(R"(<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
<process id="p"><task id="t" name="a &unknown; b"/></process></definitions>)");
    REQUIRE(r.maps.size() == 1);
    REQUIRE(r.maps[0].steps.size() == 1);
    CHECK(r.maps[0].steps[0].label == "a &unknown; b");
}

TEST_CASE("BPMN import: files that are not BPMN are refused with the place of the problem", "[bpmn][safety]")
{
    CHECK(refusal("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\">\n<task>")
              .find("line 3") != std::string::npos);
    CHECK(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").find("not a BPMN 2.0 file") != std::string::npos);
    CHECK(refusal("<definitions xmlns=\"http://example.org/other\"/>").find("http://example.org/other") !=
          std::string::npos);
    CHECK(refusal("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>").find("no process") !=
          std::string::npos);

    // Sub-processes nested past the limit, and elements nested past any BPMN file's depth.
    std::string deep = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">";
    for (int i = 0; i < 100; ++i)
        deep += "<subProcess id=\"s" + std::to_string(i) + "\">";
    for (int i = 0; i < 100; ++i)
        deep += "</subProcess>";
    deep += "</process><bpmndi:BPMNDiagram xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\"/></definitions>";
    CHECK_NOTHROW(importBpmn(deep)); // collapsed (no DI): one step, its insides in its notes
    std::string deeper = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">";
    for (int i = 0; i < 100000; ++i)
        deeper += "<a>";
    for (int i = 0; i < 100000; ++i)
        deeper += "</a>";
    deeper += "</process></definitions>";
    CHECK(refusal(deeper).find("nested more than") != std::string::npos);
}
