// libFuzzer target for the draw.io import (importDrawio): XML, base64, raw deflate and URL
// decoding of bytes from anywhere. Besides not crashing (ASan and UBSan watch every access),
// every map it accepts must be valid, and must survive export and import again with the
// same lanes, steps and flows.
//
// Built only with clang (-DCROSSWALK_FUZZ=ON, see scripts/test.sh); run by run_fuzz.sh.

#include "crosswalk/interchange/drawio.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace crosswalk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)looksLikeDrawio(text);
    try {
        const InterchangeResult result = importDrawio(text);
        for (const Map& map : result.maps) {
            if (!validateMap(map).empty())
                std::abort(); // an accepted map must be valid
            const InterchangeResult back = importDrawio(exportDrawio(map));
            if (back.maps.size() != 1 || back.maps[0].lanes.size() != map.lanes.size() ||
                back.maps[0].steps.size() != map.steps.size() || back.maps[0].flows.size() != map.flows.size())
                std::abort(); // an exported map that does not come back
        }
    } catch (const ImportError&) {
        // Refusing is fine; what is checked is how.
    }
    return 0;
}
