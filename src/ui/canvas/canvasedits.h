#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"

#include <optional>
#include <string>
#include <vector>

namespace crosswalk::canvasedits {

// The edits canvas gestures produce, built as values from the map, so that each gesture is
// one Batch (one undo step) and can be tested without a screen.

/// The edits as one Batch, followed by whatever makes the map hold them: lanes grow to fit
/// their steps, and the last phase widens to hold steps placed right of it.
Batch withRoomToFit(const Map& map, std::string name, std::vector<Edit> edits);

/// The left edge of the first place, at or right of x, where a w x h step at lane-relative y
/// overlaps no step of the lane (other than ignoreId), keeping a small gap.
int firstFreeX(const Map& map, const std::string& laneId, int x, int y, int w, int h,
               const std::string& ignoreId = {});

/// The moves that make room for a step about to be placed at placed.x in the lane: the steps
/// of its row that overlap that place, and those right behind them, shift right together.
/// A step that starts left of the place and reaches into it moves placed (x and phase) past
/// it instead. Empty when the place is free.
MoveSteps makeRoom(const Map& map, const std::string& laneId, Step& placed, const std::string& ignoreId);

/// A new step of this kind in the lane, with its phase taken from x.
Step newStep(const Map& map, const std::string& laneId, int x, int y, StepKind kind);

/// What Tab (below = false) or Shift+Tab (below = true) creates after a step: the next step,
/// right after it in the same lane or in the lane below (a new lane when there is none), and
/// the flow to it; steps already in that place move right to make room. stepId is the new
/// step's id.
Batch nextStep(const Map& map, const Step& from, bool below, StepKind kind, std::string* stepId);

/// A step of this kind added to the map with nothing selected: in the first lane, at the first
/// free place from the left.
Batch firstStep(const Map& map, StepKind kind, std::string* stepId);

/// Removes the steps (with their flows) and the flows.
Batch removal(const Map& map, const std::vector<std::string>& stepIds, const std::vector<std::string>& flowIds);

} // namespace crosswalk::canvasedits
