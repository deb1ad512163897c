#pragma once

// What the stores that keep maps whole (MemoryStore, NetworkLibrary) share, so that they list
// and refuse maps exactly as a Workspace does.

#include "crosswalk/storage/mapstore.h"

#include <string>
#include <vector>

namespace crosswalk::storage {

/// Sorts into the order of Workspace::listMaps() (SQLite's NOCASE): district, then title,
/// each with ASCII letters folded first, then as they are, then id.
void sortLibrary(std::vector<MapSummary>& maps);

/// The refusal of a map that breaks the model's rules: names the map, the store and the
/// first problem (and how many more). Empty when there are no problems.
std::string unstorableMessage(const Map& map, const std::string& store);

} // namespace crosswalk::storage
