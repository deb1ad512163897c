#pragma once

#include "crosswalk/model/map.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crosswalk {

// The number people see on an annotation's badge on the canvas, in the annotations panel
// and in the PDF appendix: 1..n in the map's annotation order. Every view numbers through
// these functions, so that "harm point 4" in the PDF is badge 4 on the screen.

/// (annotation id, number) for every annotation, in map order, numbered 1..n.
std::vector<std::pair<std::string, int>> annotationNumbers(const Map& map);

/// The number of this annotation; empty when the map has no annotation with this id.
std::optional<int> annotationNumber(const Map& map, std::string_view annotationId);

} // namespace crosswalk
