// The user's match decisions, independent of the order in which maps are compared.

#include "crosswalk/compare/decisionset.h"

namespace crosswalk {

std::string_view toString(Decision decision)
{
    switch (decision) {
    case Decision::Confirmed:
        return "confirmed";
    case Decision::Rejected:
        return "rejected";
    case Decision::Added:
        return "added";
    }
    return "confirmed";
}

std::string_view toString(DecisionKind kind)
{
    return kind == DecisionKind::Lane ? "lane" : "step";
}

bool parseDecision(std::string_view text, Decision& out)
{
    for (Decision d : {Decision::Confirmed, Decision::Rejected, Decision::Added}) {
        if (text == toString(d)) {
            out = d;
            return true;
        }
    }
    return false;
}

bool parseDecisionKind(std::string_view text, DecisionKind& out)
{
    for (DecisionKind k : {DecisionKind::Lane, DecisionKind::Step}) {
        if (text == toString(k)) {
            out = k;
            return true;
        }
    }
    return false;
}

DecisionSet::Key DecisionSet::keyOf(const std::string& mapA, const std::string& mapB, DecisionKind kind,
                                    const std::string& a, const std::string& b)
{
    if (mapB < mapA)
        return {mapB, mapA, kind, b, a};
    return {mapA, mapB, kind, a, b};
}

void DecisionSet::set(const MatchDecision& decision)
{
    const Key key = keyOf(decision.mapA, decision.mapB, decision.kind, decision.a, decision.b);
    if (decision.decision != Decision::Rejected) {
        // One partner at most: a newer pairing of a or of b replaces the older one.
        for (auto it = m_decisions.begin(); it != m_decisions.end();) {
            const Key& k = it->first;
            const bool samePair = std::get<0>(k) == std::get<0>(key) && std::get<1>(k) == std::get<1>(key) &&
                                  std::get<2>(k) == std::get<2>(key);
            const bool shares = std::get<3>(k) == std::get<3>(key) || std::get<4>(k) == std::get<4>(key);
            if (samePair && shares && k != key && it->second != Decision::Rejected)
                it = m_decisions.erase(it);
            else
                ++it;
        }
    }
    m_decisions[key] = decision.decision;
}

void DecisionSet::clear(const std::string& mapA, const std::string& mapB, DecisionKind kind, const std::string& a,
                        const std::string& b)
{
    m_decisions.erase(keyOf(mapA, mapB, kind, a, b));
}

std::vector<MatchDecision> DecisionSet::between(const std::string& mapA, const std::string& mapB,
                                                DecisionKind kind) const
{
    std::vector<MatchDecision> out;
    const bool turned = mapB < mapA;
    const std::string& lo = turned ? mapB : mapA;
    const std::string& hi = turned ? mapA : mapB;
    for (auto it = m_decisions.lower_bound(Key{lo, hi, kind, {}, {}}); it != m_decisions.end(); ++it) {
        const auto& [m1, m2, k, x, y] = it->first;
        if (m1 != lo || m2 != hi || k != kind)
            break;
        out.push_back(turned ? MatchDecision{mapA, mapB, kind, y, x, it->second}
                             : MatchDecision{mapA, mapB, kind, x, y, it->second});
    }
    return out;
}

std::vector<MatchDecision> DecisionSet::all() const
{
    std::vector<MatchDecision> out;
    out.reserve(m_decisions.size());
    for (const auto& [key, decision] : m_decisions) {
        const auto& [m1, m2, k, x, y] = key;
        out.push_back({m1, m2, k, x, y, decision});
    }
    return out;
}

} // namespace crosswalk
