#pragma once

#include "crosswalk/model/map.h"

#include <string>

namespace crosswalk::navigation {

// Keyboard navigation between steps (the arrow keys on the canvas), as pure functions of the map.

enum class Direction { Left, Right, Up, Down };

/// Where the arrow keys start when nothing is selected: where the process starts, the leftmost
/// step of the topmost lane that has steps. Empty for a map without steps.
std::string startStep(const Map& map);

/// The step an arrow key goes to from the step `from`. Right and Left follow the first flow
/// out of (into) the step, else go to the nearest step of the same lane in that direction.
/// Down and Up go to the nearest lane in that direction that has steps, and in it to the step
/// whose centre is nearest in x. Empty when there is none (or `from` is not on the map).
std::string neighbourStep(const Map& map, const std::string& from, Direction direction);

} // namespace crosswalk::navigation
