#pragma once

#include "crosswalk/model/map.h"

namespace crosswalk::labelfit {

// A step shows its whole label: when the label is set, the step grows to hold it at the
// canvas font, as draw.io's "autosize" does, rather than shrinking or cutting the text.

inline constexpr int kMaxAutoHeight = 200; // grow down to this first (map units) ...
inline constexpr int kMaxAutoWidth = 480;  // ... then across to this

/// The step, grown (never shrunk) in height first, up to kMaxAutoHeight, then in width, up to
/// kMaxAutoWidth, until its label fits its shape at the canvas's label font; sizes stay on the
/// grid. A label too long for even the largest step keeps that size and shrinks to fit there.
Step grownToShowLabel(Step step);

} // namespace crosswalk::labelfit
