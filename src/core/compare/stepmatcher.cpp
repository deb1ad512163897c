// Matching steps across two districts' maps on meaning, lane, kind and place in the year.

#include "crosswalk/compare/stepmatcher.h"

#include "crosswalk/compare/textnormalizer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

namespace crosswalk {
namespace {

// How alike two kinds are: a meeting written down as an activity is still the same
// step, a decision is not a document.
double kindSimilarity(StepKind x, StepKind y)
{
    if (x == y)
        return 1.0;
    const auto either = [&](StepKind p, StepKind q) { return (x == p && y == q) || (x == q && y == p); };
    if (either(StepKind::Meeting, StepKind::Activity) || either(StepKind::Document, StepKind::Data) ||
        either(StepKind::Data, StepKind::Wait))
        return 0.5;
    if (either(StepKind::Activity, StepKind::Decision) || either(StepKind::Meeting, StepKind::Decision) ||
        either(StepKind::Activity, StepKind::Document) || either(StepKind::Activity, StepKind::Data) ||
        either(StepKind::Activity, StepKind::Wait))
        return 0.3;
    return 0.0;
}

bool isTerminal(StepKind kind)
{
    return kind == StepKind::Start || kind == StepKind::End;
}

// Where each step falls in the year, in [0, 1]: the middle of its phase (phases are
// counted, not measured, as districts cut the year differently) averaged with its rank
// from left to right among all steps of the map.
std::vector<double> placesOf(const Map& map)
{
    const std::size_t n = map.steps.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return 2 * map.steps[x].x + map.steps[x].w < 2 * map.steps[y].x + map.steps[y].w;
    });
    std::vector<double> rank(n, 0.5);
    for (std::size_t r = 0; r < n && n > 1; ++r)
        rank[order[r]] = static_cast<double>(r) / static_cast<double>(n - 1);

    std::unordered_map<std::string, std::size_t> phaseIndex;
    for (std::size_t p = 0; p < map.phases.size(); ++p)
        phaseIndex.emplace(map.phases[p].id, p);
    std::vector<double> places(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = phaseIndex.find(map.steps[i].phase);
        if (it == phaseIndex.end()) {
            places[i] = rank[i];
        } else {
            const double phase =
                (static_cast<double>(it->second) + 0.5) / static_cast<double>(map.phases.size());
            places[i] = 0.5 * phase + 0.5 * rank[i];
        }
    }
    return places;
}

} // namespace

StepMatcher::StepMatcher(const Map& a, const Map& b, const LaneCrosswalk& lanes) : m_a(a), m_b(b), m_lanes(lanes)
{
    const TextNormalizer& normalizer = TextNormalizer::forSteps();
    std::unordered_map<std::string, std::uint32_t> dictionary;
    std::vector<std::uint32_t> documentFrequency;

    // Tokens per step, as (token, weight) with each token once (its highest weight).
    const auto tokenize = [&](const Map& map, std::vector<StepInfo>& infos) {
        infos.resize(map.steps.size());
        for (std::size_t i = 0; i < map.steps.size(); ++i) {
            std::vector<Token> tokens = normalizer.tokens(map.steps[i].label);
            StepInfo& info = infos[i];
            for (const Token& t : tokens) {
                if (!info.key.empty())
                    info.key += ' ';
                info.key += t.text;
                auto [it, added] = dictionary.emplace(t.text, static_cast<std::uint32_t>(dictionary.size()));
                if (added)
                    documentFrequency.push_back(0);
                info.features.push_back({it->second, t.weight});
            }
            std::sort(info.features.begin(), info.features.end(), [](const Feature& x, const Feature& y) {
                return std::tie(x.token, y.weight) < std::tie(y.token, x.weight);
            });
            info.features.erase(std::unique(info.features.begin(), info.features.end(),
                                            [](const Feature& x, const Feature& y) { return x.token == y.token; }),
                                info.features.end());
            for (const Feature& f : info.features)
                ++documentFrequency[f.token];
        }
    };
    tokenize(a, m_infoA);
    tokenize(b, m_infoB);

    // Rare tokens say more than common ones, counted over the two maps being compared:
    // "principal" in every label of both maps says little, "calibration" says a lot.
    const double documents = static_cast<double>(a.steps.size() + b.steps.size());
    std::vector<float> idf(documentFrequency.size());
    for (std::size_t t = 0; t < idf.size(); ++t)
        idf[t] = static_cast<float>(std::log(1.0 + documents / static_cast<double>(documentFrequency[t])));
    const auto weigh = [&](std::vector<StepInfo>& infos, const std::vector<double>& places) {
        for (std::size_t i = 0; i < infos.size(); ++i) {
            infos[i].total = 0.0;
            for (Feature& f : infos[i].features) {
                f.weight *= idf[f.token];
                infos[i].total += f.weight;
            }
            infos[i].place = places[i];
        }
    };
    weigh(m_infoA, placesOf(a));
    weigh(m_infoB, placesOf(b));

    m_postingsB.resize(dictionary.size());
    for (std::size_t j = 0; j < m_infoB.size(); ++j)
        for (const Feature& f : m_infoB[j].features)
            m_postingsB[f.token].emplace_back(static_cast<std::uint32_t>(j), f.weight);
}

double StepMatcher::labelSimilarity(std::size_t i, std::size_t j) const
{
    const StepInfo& x = m_infoA[i];
    const StepInfo& y = m_infoB[j];
    if (x.total <= 0.0 || y.total <= 0.0)
        return 0.0;
    double common = 0.0;
    auto p = x.features.begin();
    auto q = y.features.begin();
    while (p != x.features.end() && q != y.features.end()) {
        if (p->token < q->token) {
            ++p;
        } else if (q->token < p->token) {
            ++q;
        } else {
            common += std::min(p->weight, q->weight);
            ++p;
            ++q;
        }
    }
    return std::min(1.0, 2.0 * common / (x.total + y.total));
}

double StepMatcher::scoreWith(std::size_t i, std::size_t j, double label) const
{
    const Step& sa = m_a.steps[i];
    const Step& sb = m_b.steps[j];
    // The start and the end of a cycle are the same step whatever each district calls them.
    if (sa.kind == sb.kind && isTerminal(sa.kind))
        label = std::max(label, 0.5);

    double lane = 0.0;
    const std::string& partner = m_lanes.partnerOfA(sa.lane);
    if (!partner.empty() && partner == sb.lane)
        lane = 1.0;
    else if (partner.empty() || m_lanes.partnerOfB(sb.lane).empty())
        lane = 0.35; // a lane with no partner: unknown, not different

    const double place = std::max(0.0, 1.0 - 2.0 * std::abs(m_infoA[i].place - m_infoB[j].place));
    const double score = kLabelWeight * label + kLaneWeight * lane + kKindWeight * kindSimilarity(sa.kind, sb.kind) +
                         kPlaceWeight * place;
    return std::clamp(score, 0.0, 1.0);
}

double StepMatcher::score(std::size_t i, std::size_t j) const
{
    return scoreWith(i, j, labelSimilarity(i, j));
}

std::vector<StepMatch> StepMatcher::match(const std::vector<MatchDecision>& stepDecisions) const
{
    const std::size_t na = m_a.steps.size();
    const std::size_t nb = m_b.steps.size();
    std::unordered_map<std::string, std::size_t> indexA;
    std::unordered_map<std::string, std::size_t> indexB;
    for (std::size_t i = 0; i < na; ++i)
        indexA.emplace(m_a.steps[i].id, i);
    for (std::size_t j = 0; j < nb; ++j)
        indexB.emplace(m_b.steps[j].id, j);

    std::vector<char> usedA(na, 0);
    std::vector<char> usedB(nb, 0);
    std::vector<std::pair<std::size_t, StepMatch>> chosen; // (index in A, match)
    std::set<std::pair<std::size_t, std::size_t>> rejected;

    for (const MatchDecision& d : stepDecisions) {
        const auto ia = indexA.find(d.a);
        const auto jb = indexB.find(d.b);
        if (ia == indexA.end() || jb == indexB.end())
            continue;
        const std::size_t i = ia->second;
        const std::size_t j = jb->second;
        if (d.decision == Decision::Rejected) {
            rejected.emplace(i, j);
        } else if (!usedA[i] && !usedB[j]) {
            usedA[i] = usedB[j] = 1;
            chosen.push_back({i, {d.a, d.b, score(i, j), true}});
        }
    }

    struct Candidate {
        bool exact;
        double score;
        std::uint32_t i;
        std::uint32_t j;
    };
    std::vector<Candidate> candidates;
    std::vector<double> overlap(nb, 0.0);
    std::vector<char> touched(nb, 0);
    std::vector<std::uint32_t> touchedList;
    std::vector<std::uint32_t> terminalsB;
    for (std::size_t j = 0; j < nb; ++j)
        if (isTerminal(m_b.steps[j].kind))
            terminalsB.push_back(static_cast<std::uint32_t>(j));

    const auto consider = [&](std::size_t i, std::size_t j, double label) {
        if (usedB[j] || rejected.count({i, j}))
            return;
        const bool exact = !m_infoA[i].key.empty() && m_infoA[i].key == m_infoB[j].key;
        const bool terminal = m_a.steps[i].kind == m_b.steps[j].kind && isTerminal(m_a.steps[i].kind);
        if (!exact && !terminal && label < kMinLabel)
            return;
        const double s = scoreWith(i, j, label);
        if (exact || s >= kThreshold)
            candidates.push_back({exact, s, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    };

    for (std::size_t i = 0; i < na; ++i) {
        if (usedA[i])
            continue;
        const StepInfo& x = m_infoA[i];
        for (const Feature& f : x.features) {
            for (const auto& [j, weight] : m_postingsB[f.token]) {
                if (!touched[j]) {
                    touched[j] = 1;
                    touchedList.push_back(j);
                }
                overlap[j] += std::min(f.weight, weight);
            }
        }
        for (std::uint32_t j : touchedList) {
            const double denominator = x.total + m_infoB[j].total;
            const double label = denominator > 0.0 ? std::min(1.0, 2.0 * overlap[j] / denominator) : 0.0;
            consider(i, j, label);
        }
        if (isTerminal(m_a.steps[i].kind))
            for (std::uint32_t j : terminalsB)
                if (!touched[j])
                    consider(i, j, 0.0);
        for (std::uint32_t j : touchedList) {
            touched[j] = 0;
            overlap[j] = 0.0;
        }
        touchedList.clear();
    }

    // Exact matches first, then best first; ties by ids, so the result never depends on
    // the order of evaluation.
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& x, const Candidate& y) {
        if (x.exact != y.exact)
            return x.exact;
        if (x.score != y.score)
            return x.score > y.score;
        if (m_a.steps[x.i].id != m_a.steps[y.i].id)
            return m_a.steps[x.i].id < m_a.steps[y.i].id;
        return m_b.steps[x.j].id < m_b.steps[y.j].id;
    });
    for (const Candidate& c : candidates) {
        if (usedA[c.i] || usedB[c.j])
            continue;
        usedA[c.i] = usedB[c.j] = 1;
        chosen.push_back({c.i, {m_a.steps[c.i].id, m_b.steps[c.j].id, c.score, false}});
    }

    std::sort(chosen.begin(), chosen.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<StepMatch> out;
    out.reserve(chosen.size());
    for (auto& [i, m] : chosen)
        out.push_back(std::move(m));
    return out;
}

} // namespace crosswalk
