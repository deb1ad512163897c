// libFuzzer target for the step-table import (importStepTable, CSV through libcsv). Besides
// not crashing, every map it accepts must be valid, and must survive export and import
// again with the same steps, flows and labels.
//
// Built only with clang (-DCROSSWALK_FUZZ=ON, see scripts/test.sh); run by run_fuzz.sh.

#include "crosswalk/interchange/steptable.h"
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
    (void)looksLikeStepTable(text);
    try {
        const InterchangeResult result = importStepTable(text);
        for (const Map& map : result.maps) {
            if (!validateMap(map).empty())
                std::abort(); // an accepted map must be valid
            const Map back = importStepTable(exportStepTable(map)).maps.at(0);
            if (back.steps.size() != map.steps.size() || back.flows.size() != map.flows.size())
                std::abort(); // an exported table that does not come back
            for (const Step& step : map.steps) {
                const Step* same = back.step(step.id);
                if (!same || same->label != step.label || same->kind != step.kind || same->notes != step.notes)
                    std::abort();
            }
        }
    } catch (const ImportError&) {
        // Refusing is fine; what is checked is how. (An id with a comma is written with a
        // semicolon, which may then clash with another id: that export is refused on import.)
    }
    return 0;
}
