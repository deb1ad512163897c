#pragma once

// The rules a map must keep to be stored, private to storage.

#include "crosswalk/model/map.h"

#include <string>
#include <vector>

namespace crosswalk::storage {

/// Problems that would make a map unfit to store (ids used twice, references to what is
/// not there, negative counts): the same rules check() applies to the file. Empty when the
/// map is valid. The one place storage decides whether a map is valid.
std::vector<std::string> modelProblems(const Map& map);

} // namespace crosswalk::storage
