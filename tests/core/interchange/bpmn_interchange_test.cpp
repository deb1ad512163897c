// Recognising a map file by its content, and the one way in (importMapFile) for every format.

#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/interchange/drawio.h"
#include "crosswalk/interchange/steptable.h"
#include "crosswalk/layout/placement.h"
#include "crosswalk/interchange/interchange.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"
#include "crosswalk/storage/memorystore.h"

#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace crosswalk;

namespace {

constexpr const char* kBpmn = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- made by hand -->
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn2:process id="p" name="Tiny"><bpmn2:task id="t" name="Only step"/></bpmn2:process>
</bpmn2:definitions>)";

std::string refusal(std::string_view text)
{
    try {
        importMapFile(text);
    } catch (const ImportError& e) {
        return e.what();
    }
    FAIL("the file was imported");
    return {};
}

} // namespace

TEST_CASE("Interchange: a file is recognised by its content", "[bpmn][interchange]")
{
    CHECK(recogniseFormat("{\"format\": \"crosswalk-map\"}") == FileFormat::CrosswalkJson);
    CHECK(recogniseFormat("\xEF\xBB\xBF  \n{}") == FileFormat::CrosswalkJson);
    CHECK(recogniseFormat(kBpmn) == FileFormat::Bpmn);
    CHECK(recogniseFormat("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>") == FileFormat::Bpmn);
    CHECK(recogniseFormat("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><semantic:definitions/>") ==
          FileFormat::Bpmn);
    CHECK(recogniseFormat("<mxfile host=\"app.diagrams.net\"><diagram>eJy...</diagram></mxfile>") ==
          FileFormat::Drawio);
    CHECK(recogniseFormat("<?xml version=\"1.0\"?>\n<mxGraphModel><root/></mxGraphModel>") == FileFormat::Drawio);
    CHECK(recogniseFormat("Process Step ID,Process Step Description,Next Step ID\n1,Start,2\n") ==
          FileFormat::StepTable);
    CHECK(recogniseFormat("\xEF\xBB\xBF\"Process Step ID\";\"Process Step Description\"\r\n") == FileFormat::StepTable);
    CHECK(recogniseFormat("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") == FileFormat::Unknown);
    CHECK(recogniseFormat("Step,Next\n1,2\n") == FileFormat::Unknown);
    CHECK(recogniseFormat("") == FileFormat::Unknown);
    CHECK(describeUnrecognised("<svg/>").find("<svg>") != std::string::npos);
    CHECK(describeUnrecognised("   ").find("empty") != std::string::npos);

    for (FileFormat f : {FileFormat::CrosswalkJson, FileFormat::Bpmn, FileFormat::Drawio, FileFormat::StepTable}) {
        const auto key = parseFormatKey(formatKey(f));
        REQUIRE(key);
        CHECK(*key == f);
        CHECK_FALSE(fileExtension(f).empty());
    }
    CHECK_FALSE(parseFormatKey("pdf"));
}

TEST_CASE("Interchange: importMapFile reads JSON and BPMN, and says plainly what this build cannot read",
          "[bpmn][interchange]")
{
    Map original = test::randomMap(7);
    layout::settleImported(original); // as an import leaves it: no step on another
    const InterchangeResult json = importMapFile(mapToJson(original));
    REQUIRE(json.maps.size() == 1);
    CHECK(json.maps[0] == original);

    const InterchangeResult bpmn = importMapFile(kBpmn);
    REQUIRE(bpmn.maps.size() == 1);
    CHECK(bpmn.maps[0].props.title == "Tiny");
    CHECK(bpmn.maps[0].steps.size() == 1);

    CHECK(canImport(FileFormat::Drawio));
    CHECK(canImport(FileFormat::StepTable));
    CHECK(exportMapFile(original, FileFormat::Drawio) == exportDrawio(original));
    CHECK(exportMapFile(original, FileFormat::StepTable) == exportStepTable(original));
    CHECK(refusal("<svg/>").find("cannot tell what this file is") != std::string::npos);
    CHECK(refusal("<svg/>").find("<svg>") != std::string::npos);
    CHECK(exportMapFile(original, FileFormat::Bpmn) == exportBpmn(original));
    CHECK(exportMapFile(original, FileFormat::CrosswalkJson) == mapToJson(original));
}

TEST_CASE("Interchange: a map id that is taken, or given twice in a file, is replaced and reported",
          "[bpmn][interchange]")
{
    Map original = test::randomMap(3);
    layout::settleImported(original); // as an import leaves it: no note about moved steps
    const std::string bpmn = exportBpmn(original);
    const InterchangeResult kept = importMapFile(bpmn);
    CHECK(kept.maps[0].id == original.id);
    CHECK(kept.notes.empty());

    const InterchangeResult renamed = importMapFile(bpmn, [&](const std::string& id) { return id == original.id; });
    REQUIRE(renamed.maps.size() == 1);
    CHECK(renamed.maps[0].id != original.id);
    REQUIRE(renamed.notes.size() == 1);
    CHECK(renamed.notes[0].message.find(original.id) != std::string::npos);

    // Two processes that both claim one map id (an edited export): the second one gets a new id.
    std::string twice = bpmn;
    const auto end = twice.rfind("</bpmn:definitions>");
    twice.insert(end, "<bpmn:process id=\"Second\" cw:mapId=\"" + original.id +
                          "\"><bpmn:task id=\"T2\" name=\"x\"/></bpmn:process>\n");
    const InterchangeResult two = importMapFile(twice);
    REQUIRE(two.maps.size() == 2);
    CHECK(two.maps[0].id != two.maps[1].id);
}

TEST_CASE("Interchange: the maps of a file go into a store all or none", "[bpmn][interchange]")
{
    MemoryStore store;
    const Map a = test::randomMap(11), b = test::randomMap(12);
    Map clash = test::randomMap(13);
    clash.id = a.id; // the second add fails: the first is taken out again
    CHECK_THROWS(addImportedMaps(store, {a, b, clash}));
    CHECK(store.listMaps().empty());
    addImportedMaps(store, {a, b});
    CHECK(store.listMaps().size() == 2);

    InterchangeResult r;
    r.maps = {a};
    r.leftOut.push_back({"bpmn:group id=G", "no counterpart"});
    r.notes.push_back({"", "laid out"});
    const std::string report = importReport(r);
    CHECK(report.find(importSummary(a)) != std::string::npos);
    CHECK(report.find("left out 1 element") != std::string::npos);
    CHECK(report.find("bpmn:group id=G: no counterpart") != std::string::npos);
    CHECK(report.find("changed on the way") != std::string::npos);
}
