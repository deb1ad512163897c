#pragma once

// What a comparison says about marks (black boxes, harm points, variations): differences
// across matched steps, and marks on steps that have no counterpart. Plain C++ for the
// engine, the views and the report alike.

#include "crosswalk/compare/comparisonresult.h"
#include "crosswalk/model/map.h"

#include <string_view>
#include <vector>

namespace crosswalk {

/// A proposed match scored at least this is sure enough to state a difference across it.
/// Below it, a difference may be an artefact of a wrong match ("Black box in one district,
/// not the other" where both mark one), so it is held back until a person confirms the match.
inline constexpr double kSureMatchScore = 0.85;

/// "confirmed", "sure", "unsure", "no_counterpart" (as in the compare JSON).
std::string_view toString(FindingBasis basis);

/// Per matched step, the black boxes, harm points and variations on one side only (the
/// design's annotation_differences). A kind marked anywhere on both sides of a match group
/// (steps joined by one-to-many matches) is not a difference.
std::vector<AnnotationDifference> annotationDifferences(const Map& a, const Map& b,
                                                        const std::vector<StepMatch>& matches);

/// The findings of a pair: marks on one side of a match group, with what the group rests on,
/// and marks on steps without a counterpart (onlyA, onlyB).
std::vector<MarkFinding> markFindings(const Map& a, const Map& b, const std::vector<StepMatch>& matches,
                                      const std::vector<std::string>& onlyA, const std::vector<std::string>& onlyB);

/// Whether the views and the report state this finding: confirmed, sure or without counterpart.
inline bool shown(const MarkFinding& finding)
{
    return finding.basis != FindingBasis::Unsure;
}

} // namespace crosswalk
