// Step tables (Visio Data Visualizer / Lucidchart process import) read from CSV: separators,
// quoting, BOM, kinds, lanes and phases, connector labels, loops, and refusals naming the
// row and column.

#include "crosswalk/interchange/steptable.h"
#include "crosswalk/model/validate.h"

#include "support/interchangetest.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

namespace {

const std::string kHeader =
    "Process Step ID,Process Step Description,Next Step ID,Connector Label,Shape Type,Function,Phase,Alt Text\n";

std::string semicolons(std::string text)
{
    // Only the separators: none of these fixtures has a comma inside quotes except lists.
    std::string out;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        out.push_back(!quoted && c == ',' ? ';' : c);
    }
    return out;
}

const std::string kTable = kHeader + R"(P1,Principal hired,P2,,Start,HR,Hire,
P2,"Plan the ""first 90 days""
with the coach",P3,,Process,Coach,Induct,Two meetings a month
P3,On track?,"P4,P2","yes,no",Decision,Supervisor,Induct,
P4,Evaluation report,P5,,Document,Supervisor,Evaluate,
P5,Store in HRIS,P6,,Database,HR,Evaluate,
P6,Done,,,End,HR,Evaluate,
)";

} // namespace

TEST_CASE("Step table import: a comma-separated table with quoted line breaks", "[interchange][steptable]")
{
    CHECK(looksLikeStepTable(kTable));
    const InterchangeResult result = importStepTable(kTable);
    REQUIRE(result.maps.size() == 1);
    const Map& map = result.maps[0];
    CHECK(validateMap(map).empty());
    REQUIRE(map.lanes.size() == 3); // in order of first appearance
    CHECK(map.lanes[0].name == "HR");
    CHECK(map.lanes[1].name == "Coach");
    CHECK(map.lanes[2].name == "Supervisor");
    REQUIRE(map.phases.size() == 3);
    CHECK(map.phases[0].name == "Hire");
    CHECK(map.phases[2].name == "Evaluate");
    REQUIRE(map.steps.size() == 6);
    const Step& plan = *map.step("P2");
    CHECK(plan.label == "Plan the \"first 90 days\"\nwith the coach");
    CHECK(plan.notes == "Two meetings a month");
    CHECK(plan.kind == StepKind::Activity);
    CHECK(test::laneOf(map, plan) == "Coach");
    CHECK(map.step("P1")->kind == StepKind::Start);
    CHECK(map.step("P3")->kind == StepKind::Decision);
    CHECK(map.step("P4")->kind == StepKind::Document);
    CHECK(map.step("P5")->kind == StepKind::Data);
    CHECK(map.step("P6")->kind == StepKind::End);
    REQUIRE(map.flows.size() == 6);
    // Connector labels match the next steps one for one.
    CHECK(map.flows[2].from == "P3");
    CHECK(map.flows[2].to == "P4");
    CHECK(map.flows[2].label == "yes");
    CHECK(map.flows[3].to == "P2");
    CHECK(map.flows[3].label == "no");
    // Laid out: no two steps of a lane overlap, and the flow runs left to right.
    CHECK(map.step("P1")->x < map.step("P5")->x);
    CHECK(map.step("P5")->x < map.step("P6")->x);
    // The loop back (P3 "no" -> P2) is kept, and the report says so.
    CHECK(test::mentions(result.notes, "row 4, column Next Step ID: \"P2\" leads back to an earlier step"));
}

TEST_CASE("Step table import: semicolons, tabs, a BOM and CRLF give the same map", "[interchange][steptable]")
{
    const Map comma = importStepTable(kTable).maps.at(0);
    std::string crlf; // record ends only: the line break inside quotes stays as it is
    bool quoted = false;
    for (char c : "\xEF\xBB\xBF" + semicolons(kTable)) {
        quoted = c == '"' ? !quoted : quoted;
        if (c == '\n' && !quoted)
            crlf += '\r';
        crlf += c;
    }
    CHECK(looksLikeStepTable(crlf));
    for (const std::string& text : {crlf}) {
        const Map other = importStepTable(text).maps.at(0);
        REQUIRE(other.steps.size() == comma.steps.size());
        for (std::size_t i = 0; i < comma.steps.size(); ++i) {
            CHECK(other.steps[i].label == comma.steps[i].label);
            CHECK(other.steps[i].kind == comma.steps[i].kind);
            CHECK(test::laneOf(other, other.steps[i]) == test::laneOf(comma, comma.steps[i]));
        }
        REQUIRE(other.flows.size() == comma.flows.size());
        for (std::size_t i = 0; i < comma.flows.size(); ++i)
            CHECK(std::tie(other.flows[i].from, other.flows[i].to, other.flows[i].label) ==
                  std::tie(comma.flows[i].from, comma.flows[i].to, comma.flows[i].label));
    }
    const std::string tabTable = "Process Step ID\tProcess Step Description\tNext Step ID\tFunction\n"
                                 "A\tFirst step\tB\tHR\nB\tSecond step\t\tHR\n";
    const Map tab = importStepTable(tabTable).maps.at(0);
    REQUIRE(tab.steps.size() == 2);
    CHECK(tab.steps[0].label == "First step");
    CHECK(tab.flows.size() == 1);
}

TEST_CASE("Step table import: columns in any order, any case, unknown columns reported", "[interchange][steptable]")
{
    const std::string text = "function;OWNER;next step id;process step id;process_step_description\n"
                             "Principal;Ana;;S2;Reflect\n"
                             "Coach;Ben;S2;S1;Observe\n"
                             ";;;;\n";
    const InterchangeResult result = importStepTable(text);
    const Map& map = result.maps.at(0);
    REQUIRE(map.steps.size() == 2);
    CHECK(map.steps[1].id == "S1");
    CHECK(map.steps[1].label == "Observe");
    CHECK(map.flows.at(0).from == "S1");
    CHECK(test::mentions(result.leftOut, "row 1, column 2: column \"OWNER\" is not a step-table column"));
    CHECK(map.phases.empty());
}

TEST_CASE("Step table import: shape types and terminators", "[interchange][steptable]")
{
    const std::string text = kHeader + "A,Begin,B,,Start/End,L,,\nB,Wait for board,C,,Delay,L,,\n"
                                       "C,Board meets,D,,Meeting,L,,\nD,Close,,,Terminator,L,,\n"
                                       "E,Odd one,,,Hexagon,L,,\n";
    const InterchangeResult result = importStepTable(text);
    const Map& map = result.maps.at(0);
    CHECK(map.step("A")->kind == StepKind::Start); // nothing flows into it
    CHECK(map.step("B")->kind == StepKind::Wait);
    CHECK(map.step("C")->kind == StepKind::Meeting);
    CHECK(map.step("D")->kind == StepKind::End); // nothing flows out of it
    CHECK(map.step("E")->kind == StepKind::Activity);
    CHECK(test::mentions(result.notes, "row 6, column Shape Type: \"Hexagon\" is not a known shape type"));
}

TEST_CASE("Step table import: a step that leads to itself is a loop, kept", "[interchange][steptable]")
{
    const std::string text = kHeader + "A,Revise draft,\"A,B\",\"again,done\",Process,L,,\nB,Submit,,,End,L,,\n";
    const InterchangeResult result = importStepTable(text);
    const Map& map = result.maps.at(0);
    CHECK(validateMap(map).empty());
    REQUIRE(map.flows.size() == 2);
    CHECK(map.flows[0].from == "A");
    CHECK(map.flows[0].to == "A");
    CHECK(test::mentions(result.notes, "row 2, column Next Step ID: \"A\" leads back"));
}

TEST_CASE("Step table import: bad tables are refused naming the row and column", "[interchange][steptable][safety]")
{
    const std::string unknown =
        test::refusal([] { importStepTable(kHeader + "A,First,\"B, Z\",,Process,L,,\nB,Second,,,Process,L,,\n"); });
    CHECK(unknown.find("row 2, column Next Step ID: no step has the id \"Z\"") != std::string::npos);

    const std::string duplicate = test::refusal(
        [] { importStepTable(kHeader + "A,First,,,Process,L,,\nB,Second,,,Process,L,,\nA,Third,,,Process,L,,\n"); });
    CHECK(duplicate.find("row 4, column Process Step ID: \"A\" is already the id of row 2") != std::string::npos);

    const std::string comma = test::refusal([] { importStepTable(kHeader + "\"A,1\",First,,,Process,L,,\n"); });
    CHECK(comma.find("row 2, column Process Step ID: \"A,1\" has a comma") != std::string::npos);

    const std::string empty = test::refusal([] { importStepTable(kHeader + ",No id,,,Process,L,,\n"); });
    CHECK(empty.find("row 2, column Process Step ID: empty") != std::string::npos);

    const std::string missing = test::refusal([] { importStepTable("Process Step ID,Shape Type\nA,Process\n"); });
    CHECK(missing.find("\"Process Step Description\" is missing") != std::string::npos);
    CHECK(missing.find("\"Next Step ID\" is missing") != std::string::npos);
    CHECK(missing.find("\"Function\" is missing") != std::string::npos);

    const std::string twice = test::refusal(
        [] { importStepTable("Process Step ID,Process Step Description,Next Step ID,Function,Function\n"); });
    CHECK(twice.find("row 1, column 5: column \"Function\" appears twice") != std::string::npos);

    const std::string quote = test::refusal([] { importStepTable(kHeader + "A,\"Unclosed quote,,,Process,L,,\n"); });
    CHECK(quote.find("not valid CSV") != std::string::npos);
    const std::string stray = test::refusal([] { importStepTable(kHeader + "A,Say \"hi\" x\"y,,,Process,L,,\n"); });
    CHECK(stray.find("row 2") != std::string::npos);

    CHECK(test::refusal([] { importStepTable(""); }).find("empty") != std::string::npos);
    CHECK(!looksLikeStepTable("<mxfile/>"));
}
