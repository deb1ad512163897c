#pragma once

#include "crosswalk/compare/comparisonresult.h"
#include "crosswalk/compare/decisionset.h"
#include "crosswalk/compare/lanecrosswalk.h"
#include "crosswalk/model/map.h"

#include <cstdint>
#include <string>
#include <vector>

namespace crosswalk {

/// Finds the steps of two maps that do the same thing. A candidate pair scores by label
/// similarity (canonical tokens weighted by how rare they are in the two maps), the same
/// lane through the crosswalk, the same kind, and the place in the year. Exact matches
/// (equal normalised labels) go first, then the best-scoring pairs above kThreshold,
/// one-to-one. Deterministic: ties are broken by step ids.
///
/// Cost: token vectors are built once per step; candidates come from an inverted index
/// over map B's tokens, so only pairs that share a token are scored.
class StepMatcher {
public:
    static constexpr double kThreshold = 0.5;   // least score for a pair that is not exact
    static constexpr double kMinLabel = 0.2;    // least label similarity, so place alone never matches
    static constexpr double kLabelWeight = 0.6;
    static constexpr double kLaneWeight = 0.15;
    static constexpr double kKindWeight = 0.1;
    static constexpr double kPlaceWeight = 0.15;

    /// The maps and crosswalk must outlive the matcher.
    StepMatcher(const Map& a, const Map& b, const LaneCrosswalk& lanes);

    /// The matches, in map A's step order. stepDecisions: step decisions between a and b,
    /// turned so that .a is a step of a; confirmed and added pairs are kept (decided),
    /// rejected pairs are never proposed. Decisions on missing steps are ignored.
    std::vector<StepMatch> match(const std::vector<MatchDecision>& stepDecisions = {}) const;

    /// The score of step i of A against step j of B (indices into the maps' steps).
    double score(std::size_t i, std::size_t j) const;
    /// The label part alone, in [0, 1].
    double labelSimilarity(std::size_t i, std::size_t j) const;

private:
    struct Feature {
        std::uint32_t token;
        float weight;
    };
    struct StepInfo {
        std::vector<Feature> features; // sorted by token
        double total = 0.0;            // sum of weights
        std::string key;               // canonical label, for exact matches
        double place = 0.0;            // place in the year, in [0, 1]
    };
    double scoreWith(std::size_t i, std::size_t j, double label) const;

    const Map& m_a;
    const Map& m_b;
    const LaneCrosswalk& m_lanes;
    std::vector<StepInfo> m_infoA;
    std::vector<StepInfo> m_infoB;
    std::vector<std::vector<std::pair<std::uint32_t, float>>> m_postingsB; // token -> (step of B, weight)
};

} // namespace crosswalk
