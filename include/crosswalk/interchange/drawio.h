#pragma once

#include "crosswalk/interchange/interchangeresult.h"
#include "crosswalk/model/map.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace crosswalk {

/// Largest total size the compressed pages of one draw.io file may inflate to.
inline constexpr std::size_t kMaxDrawioInflatedBytes = 50u * 1024u * 1024u;

/// Reads a draw.io file (.drawio, or the mxfile XML draw.io saves and exports, plain or
/// compressed): every page becomes a map, swimlanes become lanes, shapes steps, edges
/// flows. What cannot be represented is named in the result's leftOut. Throws ImportError
/// naming the page or cell when the file cannot be read at all.
InterchangeResult importDrawio(std::string_view text);

/// The map as an uncompressed .drawio file: lanes as swimlanes with the steps inside them
/// (a table of lanes by phases when the map has phases), flows as labelled edges.
std::string exportDrawio(const Map& map);

/// Whether the text looks like a draw.io file (an mxfile or mxGraphModel document), by its
/// content, not its name.
bool looksLikeDrawio(std::string_view text);

} // namespace crosswalk
