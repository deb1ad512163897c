// Pairing lanes across districts by role.

#include "crosswalk/compare/lanecrosswalk.h"

#include "crosswalk/compare/textnormalizer.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <set>
#include <tuple>

namespace crosswalk {
namespace {

struct RoleName {
    std::vector<std::string> words;    // every token, plain words and role concepts
    std::set<std::string> concepts;    // role concepts ("=supervisor")
    std::set<std::string> plain;       // the rest
};

RoleName roleName(std::string_view name)
{
    RoleName r;
    for (const Token& t : TextNormalizer::forRoles().tokens(name)) {
        r.words.push_back(t.text);
        (t.text.front() == '=' ? r.concepts : r.plain).insert(t.text);
    }
    return r;
}

std::vector<std::string> plainWords(std::string_view name)
{
    std::vector<std::string> out;
    for (const auto& w : TextNormalizer::words(name))
        if (w.text != "and" && w.text != "of" && w.text != "the")
            out.push_back(w.text);
    return out;
}

double dice(const std::set<std::string>& x, const std::set<std::string>& y)
{
    if (x.empty() && y.empty())
        return 0.0;
    std::size_t common = 0;
    for (const auto& t : x)
        common += y.count(t);
    return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
}

const std::string& emptyString()
{
    static const std::string empty;
    return empty;
}

} // namespace

double LaneCrosswalk::similarity(std::string_view nameA, std::string_view nameB)
{
    const std::vector<std::string> wordsA = plainWords(nameA);
    if (!wordsA.empty() && wordsA == plainWords(nameB))
        return 1.0; // the same words: "Human Resources" and "human resources"
    const RoleName a = roleName(nameA);
    const RoleName b = roleName(nameB);
    std::set<std::string> allA(a.words.begin(), a.words.end());
    std::set<std::string> allB(b.words.begin(), b.words.end());
    if (!a.concepts.empty() && !b.concepts.empty()) {
        // Both names are known roles: the roles decide, the remaining words only nudge
        // ("HR" and "Talent Office" are the same office; "Principal" and "Principal
        // Supervisor" are not).
        const double roles = dice(a.concepts, b.concepts);
        if (roles == 0.0)
            return 0.1 * dice(allA, allB);
        return std::min(0.95, 0.55 + 0.35 * roles + 0.05 * dice(allA, allB));
    }
    // At least one name is not in the table: only shared words can pair them.
    return 0.9 * dice(allA, allB);
}

LaneCrosswalk::LaneCrosswalk(const Map& a, const Map& b, const std::vector<MatchDecision>& decisions)
    : LaneCrosswalk(a, b, decisions, {})
{
}

double LaneCrosswalk::stepSimilarity(std::size_t matched, std::size_t stepsA, std::size_t stepsB)
{
    const std::size_t smaller = std::min(stepsA, stepsB);
    // Two lanes of one step each could meet by chance: ask for two matched steps at least.
    if (smaller == 0 || matched < 2)
        return 0.0;
    const double share = static_cast<double>(matched) / static_cast<double>(smaller);
    return std::min(0.9, 0.2 + 0.7 * share);
}

LaneCrosswalk::LaneCrosswalk(const Map& a, const Map& b, const std::vector<MatchDecision>& decisions,
                             const std::vector<StepMatch>& stepMatches)
{
    // Steps per lane, and matched steps per pair of lanes.
    std::map<std::string, std::size_t> stepsA;
    std::map<std::string, std::size_t> stepsB;
    std::unordered_map<std::string, const Step*> stepOfA;
    std::unordered_map<std::string, const Step*> stepOfB;
    for (const Step& s : a.steps) {
        ++stepsA[s.lane];
        stepOfA.emplace(s.id, &s);
    }
    for (const Step& s : b.steps) {
        ++stepsB[s.lane];
        stepOfB.emplace(s.id, &s);
    }
    std::map<std::pair<std::string, std::string>, std::size_t> shared;
    for (const StepMatch& m : stepMatches) {
        const auto sa = stepOfA.find(m.a);
        const auto sb = stepOfB.find(m.b);
        if (sa != stepOfA.end() && sb != stepOfB.end())
            ++shared[{sa->second->lane, sb->second->lane}];
    }
    const auto pairScore = [&](const Lane& la, const Lane& lb) {
        double score = similarity(la.name, lb.name);
        if (const auto it = shared.find({la.id, lb.id}); it != shared.end()) {
            const double names = score;
            score = std::max(score, stepSimilarity(it->second, stepsA[la.id], stepsB[lb.id]));
            // Names that share a word ("Hiring Manager", "Ward Manager") and a matched step.
            const std::size_t smaller = std::min(stepsA[la.id], stepsB[lb.id]);
            if (names > 0.0 && smaller > 0)
                score = std::max(score, std::min(0.9, names + 0.3 * static_cast<double>(it->second) /
                                                              static_cast<double>(smaller)));
        }
        return score;
    };

    std::set<std::pair<std::string, std::string>> rejected;
    std::vector<LanePair> chosen;
    const auto take = [&](const std::string& la, const std::string& lb, double score, bool decided) {
        m_aToB.emplace(la, lb);
        m_bToA.emplace(lb, la);
        chosen.push_back({la, lb, score, decided});
    };

    // Decisions first, in their fixed order; a decision on a lane already paired by an
    // earlier decision cannot hold (DecisionSet prevents this; a foreign file might not).
    for (const MatchDecision& d : decisions) {
        const Lane* la = a.lane(d.a);
        const Lane* lb = b.lane(d.b);
        if (!la || !lb)
            continue;
        if (d.decision == Decision::Rejected) {
            rejected.emplace(d.a, d.b);
            continue;
        }
        if (m_aToB.count(d.a) || m_bToA.count(d.b))
            continue;
        take(d.a, d.b, similarity(la->name, lb->name), true);
    }

    struct Candidate {
        double score;
        const Lane* a;
        const Lane* b;
    };
    std::vector<Candidate> candidates;
    for (const Lane& la : a.lanes) {
        if (m_aToB.count(la.id))
            continue;
        for (const Lane& lb : b.lanes) {
            if (m_bToA.count(lb.id) || rejected.count({la.id, lb.id}))
                continue;
            const double score = pairScore(la, lb);
            if (score >= kThreshold)
                candidates.push_back({score, &la, &lb});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(y.score, x.a->id, x.b->id) < std::tie(x.score, y.a->id, y.b->id);
    });
    for (const Candidate& c : candidates)
        if (!m_aToB.count(c.a->id) && !m_bToA.count(c.b->id))
            take(c.a->id, c.b->id, c.score, false);

    for (const Lane& la : a.lanes)
        for (const LanePair& p : chosen)
            if (p.a == la.id)
                m_pairs.push_back(p);
}

const std::string& LaneCrosswalk::partnerOfA(const std::string& laneA) const
{
    const auto it = m_aToB.find(laneA);
    return it == m_aToB.end() ? emptyString() : it->second;
}

const std::string& LaneCrosswalk::partnerOfB(const std::string& laneB) const
{
    const auto it = m_bToA.find(laneB);
    return it == m_bToA.end() ? emptyString() : it->second;
}

} // namespace crosswalk
