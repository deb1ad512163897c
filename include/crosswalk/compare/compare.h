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

class Lexicon;

/// The network view compares at most this many districts at once.
inline constexpr std::size_t kMaxComparedMaps = 8;

/// How a comparison proposes matches (`crosswalk compare --min-score X --candidates N`).
struct CompareOptions {
    /// Least calibrated score of a proposed step match; decided matches always stay. The
    /// default is chosen on the labelled sets (docs/performance.md).
    double minScore = 0.5;
    /// How many next-best partners to list per step (PairComparison::candidatesA/B); 0: none.
    std::size_t candidates = 0;
    /// The lexical data to use; nullptr: Lexicon::shared() (WordNet when installed).
    const Lexicon* lexicon = nullptr;
};

/// Compares two maps: lane crosswalk, step matches, steps only on one side, annotation
/// differences on matched steps and per-lane figures. Decisions between the two maps (in
/// either orientation) win over scores.
PairComparison comparePair(const Map& a, const Map& b, const DecisionSet& decisions = {});
PairComparison comparePair(const Map& a, const Map& b, const DecisionSet& decisions, const CompareOptions& options);

/// Compares every pair of maps in the order given: (0,1), (0,2) ... (1,2) ... Throws
/// std::invalid_argument for more than kMaxComparedMaps maps.
ComparisonResult compareMaps(const std::vector<Map>& maps, const DecisionSet& decisions = {});
ComparisonResult compareMaps(const std::vector<Map>& maps, const DecisionSet& decisions,
                             const CompareOptions& options);

/// What each lane of the map holds, by lane id.
std::unordered_map<std::string, LaneTally> laneFigures(const Map& map);

/// The result as JSON for scripts, exactly the design's contract plus extra fields:
/// {"maps": [...], "pairs": [{"a", "b", "lanes": [{"a", "b", "score", "decided"}],
/// "matches": [{"a", "b", "score", "decided"}], "only_a", "only_b",
/// "annotation_differences", "lane_figures"}], "lane_rows": [...]}. Added after the
/// contract's fields: "group" on matches of a split step, "lexical" per pair, and
/// "candidates" per pair when asked for (docs/file-format.md). Scores are rounded to
/// three decimals. Pretty-printed, two-space indents, final newline; deterministic.
std::string comparisonToJson(const ComparisonResult& result);

} // namespace crosswalk
