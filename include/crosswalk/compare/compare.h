#pragma once

// Entry points of the comparison engine: N maps in, a plain result out, and the JSON
// for scripts (`crosswalk compare ... --format json`).

#include "crosswalk/compare/comparisonresult.h"
#include "crosswalk/compare/decisionset.h"
#include "crosswalk/model/map.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace crosswalk {

/// The network view compares at most this many districts at once.
inline constexpr std::size_t kMaxComparedMaps = 8;

/// Compares two maps: lane crosswalk, step matches, steps only on one side, annotation
/// differences on matched steps and per-lane figures. Decisions between the two maps (in
/// either orientation) win over scores.
PairComparison comparePair(const Map& a, const Map& b, const DecisionSet& decisions = {});

/// Compares every pair of maps in the order given: (0,1), (0,2) ... (1,2) ... Throws
/// std::invalid_argument for more than kMaxComparedMaps maps.
ComparisonResult compareMaps(const std::vector<Map>& maps, const DecisionSet& decisions = {});

/// What each lane of the map holds, by lane id.
std::unordered_map<std::string, LaneTally> laneFigures(const Map& map);

/// The result as JSON for scripts, exactly the design's contract plus extra fields:
/// {"maps": [...], "pairs": [{"a", "b", "lanes": [{"a", "b", "score", "decided"}],
/// "matches": [{"a", "b", "score", "decided"}], "only_a", "only_b",
/// "annotation_differences", "lane_figures"}], "lane_rows": [...]}. Scores are rounded to
/// three decimals. Pretty-printed, two-space indents, final newline; deterministic.
std::string comparisonToJson(const ComparisonResult& result);

} // namespace crosswalk
