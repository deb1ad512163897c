#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"

#include <string>
#include <vector>

namespace crosswalk::layout {

// Where steps may be: every step lies in its lane and in its phase's column (its centre does),
// and no two steps of a lane overlap. Every gesture ends with settleSteps() on the steps it
// placed, so that the map keeps both rules however the step got where it is.

inline constexpr int kPlacementGap = 20; // room left around a step that had to be moved

/// True when the step's centre lies in the column of its phase (phaseAt), or the map or the
/// step has no phase.
bool phaseAgrees(const Map& map, const Step& step);
/// True when the two steps are in the same lane and their rectangles share any area.
bool overlap(const Step& a, const Step& b);

/// The step where it may be: where it is when that spot is free and in its phase's column;
/// otherwise the nearest spot (a step across counting half a step down) in its lane and that column where it overlaps no other step of
/// the lane, keeping kPlacementGap from them (below the lowest when nothing nearer is free;
/// the lane grows to hold it). Its phase must be one of the map's (or empty without phases).
Step nearestFreePlace(const Map& map, const Step& step);

/// Settles each of these steps in turn (unknown ids skipped): a phase column narrower than the
/// step is widened (later phases and their steps move right), then the step moves to
/// nearestFreePlace(). The edits are applied to map as they are made and returned, to go in
/// the same Batch (one undo step) as the gesture that placed the steps.
std::vector<Edit> settleSteps(Map& map, const std::vector<std::string>& stepIds);

/// Where the map breaks these rules, for `crosswalk check`: a step drawn in another phase's
/// column than its own, two steps of a lane overlapping. Empty when it keeps them.
std::vector<std::string> placementProblems(const Map& map);

/// Every step of the map settled, in map order.
std::vector<Edit> settleAll(Map& map);

/// A map coming in from outside (an import) made to keep the rules: settleAll(), then lanes
/// grown to hold their steps. Returns the notice to show when steps had to move, else "".
/// (Not for the workspace's own snapshots: a revision is kept exactly as it was.)
std::string settleImported(Map& map);

} // namespace crosswalk::layout
