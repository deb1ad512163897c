// StepMatcher, part three: what a review sees beside the matches: next-best partners
// and calibrated scores.

#include "crosswalk/compare/stepmatcher.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace crosswalk {
namespace {

StepCandidateList candidatesOf(const std::vector<std::pair<std::string, std::pair<std::string, double>>>& flat,
                               const std::set<std::pair<std::string, std::string>>& matched, bool fromA,
                               std::size_t n)
{
    std::map<std::string, std::vector<std::pair<std::string, double>>> per;
    for (const auto& [step, partner] : flat) {
        const bool own = fromA ? matched.count({step, partner.first}) > 0 : matched.count({partner.first, step}) > 0;
        if (!own)
            per[step].push_back(partner);
    }
    StepCandidateList out;
    for (auto& [step, partners] : per) {
        std::sort(partners.begin(), partners.end(), [](const auto& x, const auto& y) {
            return x.second != y.second ? x.second > y.second : x.first < y.first;
        });
        if (partners.size() > n)
            partners.resize(n);
        out.emplace_back(step, std::move(partners));
    }
    return out;
}

} // namespace

StepCandidateList StepMatcher::candidatesOfA(const std::vector<StepMatch>& matches, std::size_t n) const
{
    std::set<std::pair<std::string, std::string>> matched;
    for (const StepMatch& m : matches)
        matched.emplace(m.a, m.b);
    std::vector<std::pair<std::string, std::pair<std::string, double>>> flat;
    for (const Candidate& c : labelCandidates())
        flat.push_back({m_a.steps[c.i].id, {m_b.steps[c.j].id, calibrated(scoreWith(c.i, c.j, c.label))}});
    StepCandidateList list = candidatesOf(flat, matched, true, n);
    // In map A's step order.
    std::unordered_map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < m_a.steps.size(); ++i)
        order.emplace(m_a.steps[i].id, i);
    std::sort(list.begin(), list.end(), [&](const auto& x, const auto& y) { return order[x.first] < order[y.first]; });
    return list;
}

StepCandidateList StepMatcher::candidatesOfB(const std::vector<StepMatch>& matches, std::size_t n) const
{
    std::set<std::pair<std::string, std::string>> matched;
    for (const StepMatch& m : matches)
        matched.emplace(m.a, m.b);
    std::vector<std::pair<std::string, std::pair<std::string, double>>> flat;
    for (const Candidate& c : labelCandidates())
        flat.push_back({m_b.steps[c.j].id, {m_a.steps[c.i].id, calibrated(scoreWith(c.i, c.j, c.label))}});
    StepCandidateList list = candidatesOf(flat, matched, false, n);
    std::unordered_map<std::string, std::size_t> order;
    for (std::size_t j = 0; j < m_b.steps.size(); ++j)
        order.emplace(m_b.steps[j].id, j);
    std::sort(list.begin(), list.end(), [&](const auto& x, const auto& y) { return order[x.first] < order[y.first]; });
    return list;
}

double StepMatcher::calibrated(double raw)
{
    // Isotonic fit of "was the proposal right?" on raw score over the labelled sets
    // (tests/core/compare, calibration test); linear between the points.
    // Fitted 2026-12-04 on 260 proposals over principal evaluation, hiring and procurement
    // (`crosswalk_core_tests "[.calibration-fit]" -s`); the first point is not fitted: below
    // the weakest proposal (raw 0.35) pairs are next-best candidates, not proposals, and
    // fall to 0 by 0.2.
    static constexpr std::pair<double, double> kTable[] = {
        {0.2, 0.0},           {0.391092, 0.5},   {0.399537, 0.5},   {0.407646, 0.75},
        {0.443043, 0.75},     {0.465701, 0.954545}, {0.619214, 0.954545}, {0.627686, 0.985294},
        {0.799163, 0.985294}, {0.799631, 1.0},   {1.0, 1.0}};
    if (raw <= kTable[0].first)
        return kTable[0].second;
    for (std::size_t k = 1; k < std::size(kTable); ++k) {
        if (raw <= kTable[k].first) {
            const auto [x0, y0] = kTable[k - 1];
            const auto [x1, y1] = kTable[k];
            return x1 > x0 ? y0 + (y1 - y0) * (raw - x0) / (x1 - x0) : y1;
        }
    }
    return std::size(kTable) ? kTable[std::size(kTable) - 1].second : raw;
}

} // namespace crosswalk
