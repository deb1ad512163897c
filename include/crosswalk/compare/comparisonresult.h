#pragma once

#include "crosswalk/model/kinds.h"

#include <optional>
#include <string>
#include <vector>

namespace crosswalk {

/// Two lanes that hold the same role in two districts.
struct LanePair {
    std::string a; // lane id in map A
    std::string b; // lane id in map B
    double score = 0.0; // in [0, 1]: how alike the role names are
    bool decided = false; // a person confirmed or added this pairing
    bool operator==(const LanePair&) const = default;
};

/// Two steps that do the same thing in two districts.
struct StepMatch {
    std::string a; // step id in map A
    std::string b; // step id in map B
    double score = 0.0; // in [0, 1], calibrated: about this share of such proposals is right
    bool decided = false;
    /// 0 for a one-to-one match. A step split in the other district matches each part: the
    /// matches of one split share a group number (1, 2 ... per pair) and their step on the
    /// unsplit side.
    int group = 0;
    bool operator==(const StepMatch&) const = default;
};

/// A black box, harm point or variation on one side of a match and not on the other.
struct AnnotationDifference {
    std::string a; // step id in map A
    std::string b; // step id in map B
    AnnotationKind kind = AnnotationKind::BlackBox;
    bool onA = true;                      // which side has it
    std::vector<std::string> annotations; // ids of that side's annotations of this kind
    bool operator==(const AnnotationDifference&) const = default;
};

/// What one lane of one map holds. Flows and annotations on flows count in the lane of
/// the flow's source step; a handoff counts in both lanes it joins.
struct LaneTally {
    int steps = 0;
    int handoffs = 0;
    int blackBoxes = 0;
    int harmPoints = 0;
    int variations = 0;
    bool operator==(const LaneTally&) const = default;
};

/// One row of the side-by-side lane figures: a lane pair, or a lane with no partner.
struct LaneFiguresRow {
    std::string a; // empty when map A has no partner lane
    std::string b; // empty when map B has no partner lane
    std::optional<LaneTally> figuresA;
    std::optional<LaneTally> figuresB;
    bool operator==(const LaneFiguresRow&) const = default;
};

/// Per step id, its next-best partners in the other map (id, calibrated score), best first.
using StepCandidateList = std::vector<std::pair<std::string, std::vector<std::pair<std::string, double>>>>;
/// What a finding about a mark rests on. Differences across a match are only as good as the
/// match: the views and the report show Confirmed and Sure findings, and count Unsure ones.
enum class FindingBasis {
    Confirmed,     // every match it rests on was confirmed or added by a person
    Sure,          // proposed matches, each scored at least kSureMatchScore
    Unsure,        // a proposed match below kSureMatchScore: check the match before believing it
    NoCounterpart  // the marked step has no matching step in the other map
};

/// A black box, harm point or variation that one map of a pair marks and the other does not.
/// Matches are taken as groups (one step may match several): a kind marked on any step of a
/// group's two sides is marked on both sides, and never a finding.
struct MarkFinding {
    AnnotationKind kind = AnnotationKind::BlackBox;
    bool onA = true;                      // which map marks it
    std::vector<std::string> stepsA;      // map A's steps of the group (or the unmatched step), A's order
    std::vector<std::string> stepsB;      // map B's steps of the group; empty for NoCounterpart on A
    std::vector<std::string> annotations; // ids of the marking side's annotations of this kind
    FindingBasis basis = FindingBasis::Confirmed;
    double score = 1.0; // the lowest score of the proposed matches it rests on (1 when confirmed)
    bool operator==(const MarkFinding&) const = default;
};

/// The comparison of two maps.
struct PairComparison {
    std::string mapA;
    std::string mapB;
    std::vector<LanePair> lanes;   // in map A's lane order
    std::vector<StepMatch> matches; // in map A's step order
    std::vector<std::string> onlyA; // step ids, in map A's step order
    std::vector<std::string> onlyB; // step ids, in map B's step order
    std::vector<AnnotationDifference> annotationDifferences; // in map A's step order, then kind
    std::vector<LaneFiguresRow> laneFigures; // A's lanes in order, then B's unpaired lanes
    /// "wordnet" when labels were also compared through WordNet, "words-only" when by their
    /// words alone (no lexical data, or labels in a language it does not know).
    std::string lexical;
    /// With CompareOptions::candidates > 0: for steps of A (B), their next-best partners in
    /// B (A), best first, leaving out their matches. Step id -> partners.
    StepCandidateList candidatesA;
    StepCandidateList candidatesB;
    /// Marks on one side only: across match groups in map A's step order, then on steps
    /// without a counterpart (A's, then B's); kinds in the order black box, harm, variation.
    std::vector<MarkFinding> findings;
    bool operator==(const PairComparison&) const = default;
};

/// Comparison of N maps: every pair (0,1), (0,2) ... (1,2) ... in the order given. It
/// describes differences; it never ranks or scores a district.
struct ComparisonResult {
    std::vector<std::string> maps;   // map ids, in the order given
    std::vector<PairComparison> pairs;
    /// Lanes lined up across all maps (for the lanes x districts grid): each row holds,
    /// per map, the id of its lane in that row or an empty string.
    std::vector<std::vector<std::string>> laneRows;
    bool operator==(const ComparisonResult&) const = default;
};

} // namespace crosswalk
