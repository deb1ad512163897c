#pragma once

#include <string_view>
#include <vector>

namespace crosswalk {

/// The bundled demo maps (exchange format v1 texts), built into the binary from resources/demo.
const std::vector<std::string_view>& demoMapTexts();

} // namespace crosswalk
