#pragma once

#include "crosswalk/compare/comparisonresult.h"
#include "crosswalk/compare/decisionset.h"
#include "crosswalk/compare/lanecrosswalk.h"
#include "crosswalk/model/map.h"

#include <cstdint>
#include <string>
#include <vector>

namespace crosswalk {

class Lexicon;

/// Finds the steps of two maps that do the same thing. A candidate pair scores by label
/// similarity, the same lane through the crosswalk, the same kind, the place in the year
/// and, in a second pass, its context (do the steps before and after it match each other?).
///
/// Labels are compared word by word: the same canonical token (the domain table's concepts
/// and stems), or, through WordNet (Lexicon), a synonym, a derivation or a broader term,
/// each worth less than the same word. A label that is negated ("Not take interview") or
/// holds an opposite (approve ~ disapprove) of the other never pairs with it on its words.
/// Steps whose labels carry no meaning (unnamed events, "?" decisions) never pair by
/// label or kind: only through neighbours that are matched to each other.
///
/// Matching is one-to-one, best first, with decisions first; then a step left over may join
/// a matched step of the other map when the district split it ("Learning walks" ~ "Fall
/// learning walk" + "Spring learning walk"): the matches share a group number.
/// Reported scores are calibrated (calibrated()): 0.8 means about 80 % of such proposals
/// were right on the labelled sets. Deterministic: ties are broken by step ids.
///
/// Cost: token vectors are built once per step; candidates come from an inverted index
/// over map B's tokens and their lexical neighbours, so only pairs that share a token or a
/// related word are scored; WordNet is read once per distinct word.
class StepMatcher {
public:
    static constexpr double kThreshold = 0.5;   // least raw score for a pair that is not exact
    static constexpr double kProposalFloor = 0.35; // least raw score of a weak proposal for leftovers
    static constexpr double kMinLabel = 0.2;    // least label similarity, so place alone never matches
    static constexpr double kLabelWeight = 0.6;
    static constexpr double kLaneWeight = 0.15;
    static constexpr double kKindWeight = 0.1;
    static constexpr double kPlaceWeight = 0.15;
    static constexpr double kContextWeight = 0.2; // second pass: neighbours matched to neighbours
    static constexpr double kSplitCoverage = 0.8;     // a split part and its whole: one label holds the other's words
    static constexpr double kSplitThreshold = 0.4;    // least raw score of a further part
    static constexpr double kFirstPartCoverage = 0.6; // the same for the part matched first, more loosely
    static constexpr double kOpposedFactor = 0.3; // a negated or opposite label keeps this share

    /// The maps and crosswalk must outlive the matcher. lexicon: nullptr for words only;
    /// by default the shared WordNet lexicon when its files are there.
    StepMatcher(const Map& a, const Map& b, const LaneCrosswalk& lanes);
    StepMatcher(const Map& a, const Map& b, const LaneCrosswalk& lanes, const Lexicon* lexicon);
    ~StepMatcher();

    /// The matches, in map A's step order (a split's parts follow each other). stepDecisions:
    /// step decisions between a and b, turned so that .a is a step of a; confirmed and added
    /// pairs are kept (decided), rejected pairs are never proposed. Decisions on missing
    /// steps are ignored. Scores are calibrated; matches below minScore are dropped
    /// (decided ones never).
    std::vector<StepMatch> match(const std::vector<MatchDecision>& stepDecisions = {}) const;
    std::vector<StepMatch> match(const std::vector<MatchDecision>& stepDecisions, double minScore) const;

    /// Second pass: score again with a better lane crosswalk (one that also pairs lanes by
    /// the steps they hold) and the first pass's matches as context.
    void refine(const LaneCrosswalk& lanes, const std::vector<StepMatch>& firstPass);

    /// Up to n next-best partners of every step of A (in B) and of B (in A), best first,
    /// leaving out the step's own matches: for review.
    StepCandidateList candidatesOfA(const std::vector<StepMatch>& matches, std::size_t n) const;
    StepCandidateList candidatesOfB(const std::vector<StepMatch>& matches, std::size_t n) const;

    /// "wordnet" when WordNet helped (its files are there and most words of the two maps
    /// are English words it knows), else "words-only".
    const std::string& lexical() const { return m_lexical; }

    /// A raw score mapped to the share of proposals with that score that were right on the
    /// labelled sets (isotonic fit, table in stepmatcher.cpp).
    static double calibrated(double raw);
    /// Report raw scores instead of calibrated ones (to fit the calibration table).
    void reportRawScores(bool raw) { m_rawScores = raw; }
    /// The default least calibrated score of a proposed match (`compare --min-score`).
    static constexpr double kDefaultMinScore = 0.5;

    /// The raw score of step i of A against step j of B (indices into the maps' steps).
    double score(std::size_t i, std::size_t j) const;
    /// The label part alone, in [0, 1].
    double labelSimilarity(std::size_t i, std::size_t j) const;
    /// Whether a step's label carries meaning (not "", "?", "Start", "End", "Decision").
    bool meaningfulA(std::size_t i) const { return m_infoA[i].meaningful; }
    bool meaningfulB(std::size_t j) const { return m_infoB[j].meaningful; }

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
        bool negated = false;          // "not", "no", "without", "non-" ...
        bool meaningful = true;
        bool compound = false;         // names several things: "A and B"
    };
    struct Candidate {
        bool exact = false;
        float label = 0.0f;
        float overlap = 0.0f; // weighted words of A's step found in B's
        std::uint32_t i = 0;
        std::uint32_t j = 0;
    };
    double scoreWith(std::size_t i, std::size_t j, double label) const;
    double context(std::size_t i, std::size_t j) const;
    double tokenSimilarity(std::uint32_t t, std::uint32_t u) const;
    bool opposed(std::size_t i, std::size_t j) const;
    const std::vector<Candidate>& labelCandidates() const;
    void buildLexicalNeighbours(const Lexicon& lexicon, const std::vector<std::string>& surface,
                                const std::vector<char>& inA, const std::vector<char>& inB);

    const Map& m_a;
    const Map& m_b;
    const LaneCrosswalk* m_lanes;
    std::vector<StepInfo> m_infoA;
    std::vector<StepInfo> m_infoB;
    std::vector<std::vector<std::pair<std::uint32_t, float>>> m_postingsB; // token -> (step of B, weight)
    // token of A -> (token of B, similarity) for related words (lexical neighbours).
    std::vector<std::vector<std::pair<std::uint32_t, float>>> m_related;
    // token -> tokens it is the opposite of.
    std::vector<std::vector<std::uint32_t>> m_opposites;
    std::string m_lexical = "words-only";
    // Flow neighbours, by step index.
    std::vector<std::vector<std::uint32_t>> m_predA, m_succA, m_predB, m_succB;
    // Context from the first pass: step of A -> steps of B it was matched with.
    std::vector<std::vector<std::uint32_t>> m_firstA;
    std::vector<std::vector<std::uint32_t>> m_firstB;
    bool m_refined = false;
    bool m_rawScores = false;
    mutable std::vector<Candidate> m_candidates;
    mutable bool m_candidatesReady = false;
};

} // namespace crosswalk
