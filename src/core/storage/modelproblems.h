#pragma once

// The rules a map must keep to be stored, private to storage.

#include "crosswalk/model/map.h"

#include <string>
#include <vector>

namespace crosswalk::storage {

/// Why a map is unfit to store, as validateMap() (model/validate.h) words it: the same
/// rules edits and import apply. Empty when the map is valid.
std::vector<std::string> modelProblems(const Map& map);

} // namespace crosswalk::storage
