#pragma once

#include "crosswalk/compare/comparisonresult.h"
#include "crosswalk/compare/decisionset.h"
#include "crosswalk/model/map.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosswalk {

/// Which lane of map B holds the same role as each lane of map A. Districts name roles
/// differently ("Principal Supervisor", "Instructional Superintendent", "Director of
/// School Leadership"), so names are compared through a table of role synonyms. Pairing
/// is one-to-one and best-first; lanes whose best partner scores below kThreshold stay
/// unpaired. A person's decisions win over the scores.
class LaneCrosswalk {
public:
    static constexpr double kThreshold = 0.5;

    /// decisions: lane decisions between a and b, turned so that .a is a lane of a
    /// (DecisionSet::between(a.id, b.id, DecisionKind::Lane)). Decisions on lanes that no
    /// longer exist are ignored.
    LaneCrosswalk(const Map& a, const Map& b, const std::vector<MatchDecision>& decisions = {});
    /// Pairs lanes by their names and by the steps they hold: stepMatches (a first pass of
    /// step matching) pair "Examining Board" with "Selection Committee", or lanes named in
    /// another language, when most of their steps match each other's.
    LaneCrosswalk(const Map& a, const Map& b, const std::vector<MatchDecision>& decisions,
                  const std::vector<StepMatch>& stepMatches);

    /// How alike two lanes are by the steps they hold, in [0, 1]: matched steps between
    /// them over the steps of the smaller lane, no more than 0.9.
    static double stepSimilarity(std::size_t matched, std::size_t stepsA, std::size_t stepsB);

    /// How alike two role names are, in [0, 1]: 1 for the same words, about 0.9 for two
    /// names of the same role, low for different roles.
    static double similarity(std::string_view nameA, std::string_view nameB);

    /// The pairs, in map A's lane order.
    const std::vector<LanePair>& pairs() const { return m_pairs; }
    /// The partner of a lane of A in B (or of B in A); empty when it has none.
    const std::string& partnerOfA(const std::string& laneA) const;
    const std::string& partnerOfB(const std::string& laneB) const;

private:
    std::vector<LanePair> m_pairs;
    std::unordered_map<std::string, std::string> m_aToB;
    std::unordered_map<std::string, std::string> m_bToA;
};

} // namespace crosswalk
