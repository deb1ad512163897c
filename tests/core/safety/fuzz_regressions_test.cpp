// Inputs that once crashed or misbehaved in the JSON-import fuzzer (tests/fuzz), and
// hand-made hostile ones (deep nesting, numbers out of range, bad UTF-8, NUL bytes): the
// import refuses them with ImportError or accepts a map that survives the round trip.
// A crash the fuzzer finds goes into tests/fuzz/regressions and is kept fixed here.

#include "crosswalk/json/mapjson.h"

#include "support/storagetest.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace crosswalk;

TEST_CASE("Fuzzer regressions: hostile imports are refused or round-trip", "[safety][fuzz]")
{
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(CROSSWALK_FUZZ_REGRESSIONS)) {
        const std::string text = test::readBytes(entry.path().string());
        INFO(entry.path().filename().string());
        ++files;
        try {
            const ImportResult first = parseMapJson(text, [](const std::string& id) { return id.size() % 2 == 1; });
            const std::string written = mapToJson(first.map);
            const ImportResult second = parseMapJson(written);
            CHECK(second.map == first.map);
            CHECK(mapToJson(second.map) == written);
        } catch (const ImportError& e) {
            CHECK(!e.problems().empty());
        }
    }
    CHECK(files >= 5);
}
