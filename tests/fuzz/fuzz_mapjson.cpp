// libFuzzer target for the JSON import (parseMapJson), the one place Crosswalk reads bytes
// that came from anywhere. Besides not crashing (ASan and UBSan watch every access), an
// accepted map must survive the round trip: writing it out and reading it back gives the
// same map, so that an import the user sees is the import that gets stored and exported.
//
// Built only with clang (-DCROSSWALK_FUZZ=ON, see scripts/test.sh); run by run_fuzz.sh.

#include "crosswalk/json/mapjson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace crosswalk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Every other id counts as taken, so that renaming a taken map id is fuzzed too.
    auto taken = [](const std::string& id) { return id.size() % 2 == 1; };
    try {
        const ImportResult first = parseMapJson(text, taken);
        const std::string written = mapToJson(first.map);
        const ImportResult second = parseMapJson(written);
        if (!(second.map == first.map) || mapToJson(second.map) != written)
            std::abort(); // an accepted map that does not round-trip
    } catch (const ImportError&) {
        // Refusing is fine; what is checked is how.
    }
    return 0;
}
