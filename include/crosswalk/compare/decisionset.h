#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace crosswalk {

/// What a person decided about one pairing the engine proposed or missed.
enum class Decision {
    Confirmed, // the engine's pairing is right: keep it whatever the scores say
    Rejected,  // never pair these two
    Added      // pair these two, which the engine did not
};

/// Whether a decision is about two lanes or two steps.
enum class DecisionKind { Lane, Step };

/// One decision: entity a of map mapA and entity b of map mapB.
struct MatchDecision {
    std::string mapA;
    std::string mapB;
    DecisionKind kind = DecisionKind::Step;
    std::string a;
    std::string b;
    Decision decision = Decision::Confirmed;
    bool operator==(const MatchDecision&) const = default;
};

// Names as stored ("confirmed", "rejected", "added"; "lane", "step").
std::string_view toString(Decision decision);
std::string_view toString(DecisionKind kind);
bool parseDecision(std::string_view text, Decision& out);
bool parseDecisionKind(std::string_view text, DecisionKind& out);

/// The decisions in force for a set of maps. A decision does not depend on the order in
/// which the two maps are compared: (A, B, a, b) and (B, A, b, a) are the same decision,
/// and setting one replaces the other.
class DecisionSet {
public:
    /// Records a decision, replacing any decision on the same two entities. A confirmed or
    /// added pairing also drops the other confirmed or added pairings of a or of b (of the
    /// same kind and maps): a lane or step has at most one partner in another map.
    void set(const MatchDecision& decision);
    /// Forgets the decision on these two entities, if any (either orientation).
    void clear(const std::string& mapA, const std::string& mapB, DecisionKind kind, const std::string& a,
               const std::string& b);

    /// The decisions between two maps, turned so that .mapA == mapA and .a is mapA's entity;
    /// in a fixed order (by kind, a, b).
    std::vector<MatchDecision> between(const std::string& mapA, const std::string& mapB, DecisionKind kind) const;
    /// Every decision, in a fixed order, as stored (not turned).
    std::vector<MatchDecision> all() const;
    std::size_t size() const { return m_decisions.size(); }
    bool empty() const { return m_decisions.empty(); }

private:
    // Keyed by the orientation with the smaller map id first, so both orientations meet.
    using Key = std::tuple<std::string, std::string, DecisionKind, std::string, std::string>;
    static Key keyOf(const std::string& mapA, const std::string& mapB, DecisionKind kind, const std::string& a,
                     const std::string& b);
    std::map<Key, Decision> m_decisions;
};

} // namespace crosswalk
