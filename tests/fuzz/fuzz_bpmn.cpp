// libFuzzer target for the BPMN import (importBpmn), which reads files other tools wrote. Besides
// not crashing (ASan and UBSan watch every access), every map it accepts must be valid, and must
// survive Crosswalk's own BPMN: after one trip out and back (which may normalise text, as XML
// does with line ends) a second trip changes nothing, and the first keeps every lane, step and flow.
//
// Built only with clang (-DCROSSWALK_FUZZ=ON, see scripts/test.sh); run by run_fuzz_bpmn.sh.

#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

crosswalk::Map trip(const crosswalk::Map& map)
{
    const crosswalk::InterchangeResult back = crosswalk::importBpmn(crosswalk::exportBpmn(map));
    if (back.maps.size() != 1 || !crosswalk::validateMap(back.maps[0]).empty())
        std::abort(); // Crosswalk's own BPMN did not come back as one valid map
    return back.maps[0];
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace crosswalk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    InterchangeResult result;
    try {
        result = importBpmn(text);
    } catch (const ImportError&) {
        return 0; // refusing is fine; what is checked is how
    }
    for (const Map& map : result.maps) {
        if (!validateMap(map).empty())
            std::abort(); // an accepted map that is not valid
        const Map once = trip(map);
        if (once.lanes.size() != map.lanes.size() || once.steps.size() != map.steps.size() ||
            once.flows.size() != map.flows.size() || once.annotations.size() != map.annotations.size())
            std::abort(); // the round trip lost entities
        for (std::size_t i = 0; i < map.steps.size(); ++i)
            if (once.steps[i].kind != map.steps[i].kind || once.steps[i].lane != map.steps[i].lane)
                std::abort();
        if (!(trip(once) == once))
            std::abort(); // not stable after one trip
    }
    return 0;
}
