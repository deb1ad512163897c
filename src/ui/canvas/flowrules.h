#pragma once

#include <QtGlobal>

namespace crosswalk::flowrules {

// How flows are kept apart, shared by the router, the label placement and their tests. Where
// two flows must pass through one gap they are drawn side by side, at least kParallelGap apart,
// as draw.io and Visio nudge parallel connectors apart, rather than on one line.

/// Parallel stretches of two flows that share no end are at least this far apart (map units):
/// closer, two 2-unit lines read as one thick line on a shared screen.
inline constexpr qreal kParallelGap = 8;
/// Stretches shorter than this (where two routes merely touch at a bend) do not count.
inline constexpr qreal kSharedSlack = 3;
/// A horizontal stretch of a flow keeps at least this far from a lane border: nearer, the flow
/// reads as the border and hides it.
inline constexpr qreal kBorderClear = 9;

} // namespace crosswalk::flowrules
