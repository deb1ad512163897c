#pragma once

#include "crosswalk/interchange/interchangeresult.h"
#include "crosswalk/model/map.h"

#include <string>
#include <string_view>

namespace crosswalk {

/// Reads a process-step table as CSV, the layout Visio's Data Visualizer and Lucidchart's
/// process import use: one row per step with the columns Process Step ID, Process Step
/// Description, Next Step ID, Connector Label, Shape Type, Function (the lane), Phase and
/// Alt Text. Comma, semicolon or tab separated, UTF-8 with or without a BOM. The map is laid
/// out (the table has no geometry). Throws ImportError naming the row and column of every
/// unknown or duplicated step id, and every missing column.
InterchangeResult importStepTable(std::string_view text);

/// The map as a step table: UTF-8 with a BOM, comma separated, CRLF line ends, one row per
/// step in lane, phase and left-to-right order.
std::string exportStepTable(const Map& map);

/// Whether the text looks like a step table: its first line names the Process Step ID
/// column.
bool looksLikeStepTable(std::string_view text);

} // namespace crosswalk
