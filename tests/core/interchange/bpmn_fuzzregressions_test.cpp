// Inputs the BPMN-import fuzzer found or was seeded with (tests/fuzz/regressions-bpmn): each is
// refused with a message, or imported as valid maps that survive a trip through Crosswalk's BPMN.

#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace crosswalk;

TEST_CASE("BPMN import: every fuzz regression is refused cleanly or imported as valid maps", "[bpmn][safety]")
{
    const std::filesystem::path dir = std::filesystem::path(CROSSWALK_SOURCE_DIR) / "tests/fuzz/regressions-bpmn";
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++files;
        INFO(entry.path().filename().string());
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        try {
            const InterchangeResult r = importBpmn(text);
            for (const Map& map : r.maps) {
                CHECK(validateMap(map).empty());
                const InterchangeResult back = importBpmn(exportBpmn(map));
                REQUIRE(back.maps.size() == 1);
                CHECK(back.maps[0].steps.size() == map.steps.size());
                CHECK(back.maps[0].flows.size() == map.flows.size());
            }
        } catch (const ImportError& e) {
            CHECK(std::string(e.what()).size() > 10); // a message a person can act on
        }
    }
    CHECK(files >= 4);
}
