// Inputs that once made the draw.io or step-table fuzzers (tests/fuzz) fail: each is refused
// with ImportError, or imported into valid maps that survive export and import again.

#include "crosswalk/interchange/drawio.h"
#include "crosswalk/interchange/steptable.h"
#include "crosswalk/model/validate.h"

#include "support/interchangetest.h"
#include "support/storagetest.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace crosswalk;

TEST_CASE("Interchange fuzzer regressions: refused or round-trip", "[interchange][safety][fuzz]")
{
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(CROSSWALK_INTERCHANGE_REGRESSIONS)) {
        const std::string text = test::readBytes(entry.path().string());
        const bool csv = entry.path().extension() == ".csv";
        INFO(entry.path().filename().string());
        ++files;
        try {
            const InterchangeResult result = csv ? importStepTable(text) : importDrawio(text);
            for (const Map& map : result.maps) {
                CHECK(validateMap(map).empty());
                const InterchangeResult back =
                    csv ? importStepTable(exportStepTable(map)) : importDrawio(exportDrawio(map));
                REQUIRE(back.maps.size() == 1);
                CHECK(back.maps[0].steps.size() == map.steps.size());
                CHECK(back.maps[0].flows.size() == map.flows.size());
            }
        } catch (const ImportError& e) {
            CHECK(!e.problems().empty());
        }
    }
    CHECK(files >= 1);
}
