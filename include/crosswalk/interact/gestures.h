#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk::gestures {

// The edits the canvas's gestures produce, built as values from the map, so that each gesture
// is one Batch (one undo step) and can be tested without a screen.

inline constexpr int kNextStepGap = 60; // gap left between a step and the one Tab creates after it
inline constexpr int kFreeGap = 20;     // steps placed automatically never sit closer than this

/// Soft colours for lanes and phases (#RRGGBB): light enough for black text, distinct enough
/// to survive video compression. The last, white, is offered but never given to a new lane.
inline constexpr std::array<std::string_view, 9> kSoftPalette{"#E8F0FE", "#E6F4EA", "#FEF7E0",
                                                              "#FCE8E6", "#F3E8FD", "#E0F4F7",
                                                              "#FEEFE3", "#F1F3F4", "#FFFFFF"};

/// The colour a lane added to this map gets: the soft palette in turn, white left out.
std::string newLaneColour(const Map& map);

/// The edits as one Batch, followed by whatever makes the map hold them: each step they
/// touched is settled (layout::settleSteps: in its phase's column, overlapping no other step),
/// lanes grow to fit their steps, and the last phase widens to hold steps placed right of it.
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
/// Which lane the next step goes in: the same, the one below (Shift+Tab) or above
/// (Ctrl+Shift+Tab); past the bottom or top lane, a new lane is added there.
enum class NextLane { Same, Below, Above };
Batch nextStep(const Map& map, const Step& from, NextLane where, StepKind kind, std::string* stepId);

/// A step of this kind added to the map with nothing selected: in the first lane, at the first
/// free place from the left.
Batch firstStep(const Map& map, StepKind kind, std::string* stepId);

/// Removes the steps (with their flows) and the flows.
Batch removal(const Map& map, const std::vector<std::string>& stepIds, const std::vector<std::string>& flowIds);

/// Changes the kind of each of these steps that is of another kind (one UpdateStep each).
std::vector<Edit> changeKind(const Map& map, const std::vector<std::string>& stepIds, StepKind kind);

/// Adds an annotation of this kind with an empty text to each target ("" is the whole map);
/// variation applies to a variation only, horizon to a change idea only. ids receives the new
/// annotations' ids.
std::vector<Edit> annotate(const std::vector<std::string>& targets, AnnotationKind kind,
                           std::optional<Variation> variation, std::optional<int> horizon,
                           std::vector<std::string>* ids);

/// Adds (delta > 0) or takes off (delta < 0) votes on each of the steps, within 0 and
/// kMaxVotesPerStep; steps whose count would not change get no edit.
std::vector<Edit> vote(const Map& map, const std::vector<std::string>& stepIds, int delta);

} // namespace crosswalk::gestures
