#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"

#include <optional>
#include <string>
#include <string_view>

namespace crosswalk::layout {

// Pure geometry rules of a swimlane map, shared by the canvas, import and export.

inline constexpr int kGrid = 10;          // snapping grid, map units
inline constexpr int kLanePadding = 20;   // free space kept below the lowest step in a lane
inline constexpr int kMinLaneHeight = 100;
inline constexpr int kMinPhaseWidth = 160;
inline constexpr int kStepGap = 40;       // horizontal gap between steps placed by autoLayout

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Rect&) const = default;
    bool intersects(const Rect& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
};

/// Rounds a coordinate to the nearest multiple of grid.
int snap(int value, int grid = kGrid);

/// Top of the lane in map units (sum of the heights of the lanes above it); 0 when unknown.
int laneTop(const Map& map, std::string_view laneId);
/// Left of the phase column (sum of widths of phases before it); 0 when unknown.
int phaseLeft(const Map& map, std::string_view phaseId);
int totalHeight(const Map& map);
/// Sum of phase widths, or the right edge of the rightmost step if larger.
int totalWidth(const Map& map);

/// The step's rectangle in map units.
Rect stepRect(const Map& map, const Step& step);

/// The lane whose band contains map y (clamped to the first/last lane); empty when no lanes.
std::string laneAt(const Map& map, int y);
/// The phase whose column contains map x (clamped to first/last); empty when no phases.
std::string phaseAt(const Map& map, int x);

/// The step placed inside its lane: 0 <= y <= lane height - h (a step taller than its
/// lane gets y = 0), x >= 0.
Step clampToLane(const Map& map, Step step);

/// The height the lane needs to hold all its steps (lowest step bottom + padding),
/// never less than kMinLaneHeight.
int requiredLaneHeight(const Map& map, std::string_view laneId);

/// An edit that grows every lane too short for its steps (empty Batch when none is).
Edit growLanesToFit(const Map& map);

/// True when the map carries no geometry worth keeping (every step at x = 0 and y = default).
bool needsLayout(const Map& map);

/// Lays out every step: by phase, then in flow order within a phase, left to right in
/// its lane, with no two steps overlapping; sets phase widths and lane heights to fit.
void autoLayout(Map& map);

/// The edit that turns the map into autoLayout(map) (lane and phase resizes, then step
/// moves), so that laying out can be undone; an empty Batch when nothing would change.
Edit autoLayoutEdit(const Map& map);

} // namespace crosswalk::layout
