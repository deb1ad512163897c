// Matching steps across two districts' maps on meaning, lane, kind and place in the year.

#include "crosswalk/compare/stepmatcher.h"

#include "crosswalk/compare/abbreviations.h"
#include "crosswalk/compare/lexicon.h"
#include "crosswalk/compare/textnormalizer.h"

#include <algorithm>
#include <cmath>
#include <map>
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

// Words that say only what kind a step is: a label of nothing else carries no meaning
// ("Start", "End event", "Decision?", "Untitled task").
bool isGeneric(const std::string& token)
{
    static const std::set<std::string> generic{"=start", "=close", "=decide", "event", "gateway", "untitl",
                                               "unnam",  "task",   "activity", "yes",   "ok",      "xor",
                                               "split",  "merge",  "join",     "node",  "item",    "new"};
    return generic.count(token) > 0;
}

// Words that negate what a label says.
bool isNegator(const std::string& word)
{
    return word == "not" || word == "no" || word == "without" || word == "never" || word == "cannot" ||
           word == "non" || word == "nor" || word == "neither" || word == "fail" || word == "fails" ||
           word == "failed";
}

bool negatedLabel(std::string_view label)
{
    const auto words = TextNormalizer::rawWords(label);
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string& w = words[k].text;
        if (isNegator(w))
            return true;
        // "don't", "isn't": the apostrophe splits off a "t".
        if (w == "t" && k > 0 && words[k - 1].text.size() > 2 &&
            words[k - 1].text.compare(words[k - 1].text.size() - 1, 1, "n") == 0)
            return true;
    }
    return false;
}

// A label that names several things ("Calibration and final ratings", "Hire & onboard").
bool compoundLabel(std::string_view label)
{
    for (const auto& w : TextNormalizer::rawWords(label))
        if (w.text == "and")
            return true;
    return label.find_first_of("&+/,;") != std::string_view::npos;
}

bool plainWord(const std::string& surface)
{
    if (surface.size() < 3)
        return false;
    return std::all_of(surface.begin(), surface.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
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

StepMatcher::StepMatcher(const Map& a, const Map& b, const LaneCrosswalk& lanes)
    : StepMatcher(a, b, lanes, Lexicon::shared().available() ? &Lexicon::shared() : nullptr)
{
}

StepMatcher::~StepMatcher() = default;

StepMatcher::StepMatcher(const Map& a, const Map& b, const LaneCrosswalk& lanes, const Lexicon* lexicon)
    : m_a(a), m_b(b), m_lanes(&lanes)
{
    const TextNormalizer& normalizer = TextNormalizer::forSteps();
    // "BOY", "PS", "CSO": written out as either map defines them, before anything else.
    const Abbreviations abbreviations = Abbreviations::of({&a, &b});
    std::unordered_map<std::string, std::uint32_t> dictionary;
    std::vector<std::uint32_t> documentFrequency;
    std::vector<std::string> surface; // per token: a word it was written as, empty for concepts
    std::vector<char> inA;
    std::vector<char> inB;
    // Tokens per step, as (token, weight) with each token once (its highest weight).
    const auto tokenize = [&](const Map& map, std::vector<StepInfo>& infos, std::vector<char>& seen) {
        infos.resize(map.steps.size());
        for (std::size_t i = 0; i < map.steps.size(); ++i) {
            const std::string label = abbreviations.expand(map.steps[i].label);
            std::vector<TextNormalizer::SurfaceToken> tokens = normalizer.surfaceTokens(label);
            StepInfo& info = infos[i];
            info.negated = negatedLabel(label);
            info.compound = compoundLabel(label);
            info.meaningful = std::any_of(tokens.begin(), tokens.end(),
                                          [](const auto& t) { return !isGeneric(t.token.text); });
            if (!info.meaningful)
                continue; // no features, no key: it can match only through its neighbours
            for (const auto& t : tokens) {
                if (!info.key.empty())
                    info.key += ' ';
                info.key += t.token.text;
                auto [it, added] = dictionary.emplace(t.token.text, static_cast<std::uint32_t>(dictionary.size()));
                if (added) {
                    documentFrequency.push_back(0);
                    surface.push_back(t.surface);
                    inA.push_back(0);
                    inB.push_back(0);
                }
                if (seen.size() <= it->second)
                    seen.resize(it->second + 1, 0);
                seen[it->second] = 1;
                info.features.push_back({it->second, t.token.weight});
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
    std::vector<char> seenA;
    std::vector<char> seenB;
    tokenize(a, m_infoA, seenA);
    tokenize(b, m_infoB, seenB);
    for (std::size_t t = 0; t < inA.size(); ++t) {
        inA[t] = t < seenA.size() ? seenA[t] : 0;
        inB[t] = t < seenB.size() ? seenB[t] : 0;
    }

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

    m_related.resize(dictionary.size());
    m_opposites.resize(dictionary.size());
    if (lexicon && lexicon->available()) {
        // WordNet helps only when the labels are in its language: most of their words
        // must be words it knows ("Revisar solicitud" is not).
        std::size_t plain = 0;
        std::size_t known = 0;
        for (std::size_t t = 0; t < surface.size(); ++t) {
            if (!plainWord(surface[t]))
                continue;
            ++plain;
            known += lexicon->lookup(surface[t]).known ? 1u : 0u;
        }
        if (plain > 0 && 2 * known >= plain) {
            m_lexical = "wordnet";
            buildLexicalNeighbours(*lexicon, surface, inA, inB);
        }
    }

    // Flow neighbours.
    const auto neighbours = [](const Map& map, std::vector<std::vector<std::uint32_t>>& pred,
                               std::vector<std::vector<std::uint32_t>>& succ) {
        std::unordered_map<std::string, std::uint32_t> index;
        for (std::size_t i = 0; i < map.steps.size(); ++i)
            index.emplace(map.steps[i].id, static_cast<std::uint32_t>(i));
        pred.assign(map.steps.size(), {});
        succ.assign(map.steps.size(), {});
        for (const Flow& flow : map.flows) {
            const auto from = index.find(flow.from);
            const auto to = index.find(flow.to);
            if (from == index.end() || to == index.end() || from->second == to->second)
                continue;
            succ[from->second].push_back(to->second);
            pred[to->second].push_back(from->second);
        }
    };
    neighbours(a, m_predA, m_succA);
    neighbours(b, m_predB, m_succB);
}

double StepMatcher::tokenSimilarity(std::uint32_t t, std::uint32_t u) const
{
    if (t == u)
        return 1.0;
    for (const auto& [v, s] : m_related[t])
        if (v == u)
            return s;
    return 0.0;
}

bool StepMatcher::opposed(std::size_t i, std::size_t j) const
{
    const StepInfo& x = m_infoA[i];
    const StepInfo& y = m_infoB[j];
    if (x.negated != y.negated)
        return true;
    for (const Feature& f : x.features)
        for (std::uint32_t u : m_opposites[f.token])
            for (const Feature& g : y.features)
                if (g.token == u)
                    return true;
    return false;
}

double StepMatcher::labelSimilarity(std::size_t i, std::size_t j) const
{
    const StepInfo& x = m_infoA[i];
    const StepInfo& y = m_infoB[j];
    if (x.total <= 0.0 || y.total <= 0.0)
        return 0.0;
    double common = 0.0;
    for (const Feature& f : x.features) {
        double best = 0.0;
        for (const Feature& g : y.features)
            best = std::max(best, tokenSimilarity(f.token, g.token) * std::min(f.weight, g.weight));
        common += best;
    }
    common = std::min(common, y.total);
    double label = std::min(1.0, 2.0 * common / (x.total + y.total));
    if (opposed(i, j))
        label *= kOpposedFactor;
    return label;
}

double StepMatcher::context(std::size_t i, std::size_t j) const
{
    if (!m_refined)
        return 0.5;
    // Evidence only: a neighbour matched to a neighbour of the other step speaks for the
    // pair, a neighbour matched elsewhere against it; unmatched neighbours say nothing.
    std::size_t hits = 0;
    std::size_t misses = 0;
    const auto side = [&](const std::vector<std::uint32_t>& fromA, const std::vector<std::uint32_t>& fromB) {
        for (std::uint32_t p : fromA) {
            if (m_firstA[p].empty())
                continue;
            const bool hit = std::any_of(m_firstA[p].begin(), m_firstA[p].end(), [&](std::uint32_t q) {
                return std::find(fromB.begin(), fromB.end(), q) != fromB.end();
            });
            (hit ? hits : misses) += 1;
        }
        for (std::uint32_t q : fromB) {
            if (m_firstB[q].empty())
                continue;
            const bool hit = std::any_of(m_firstB[q].begin(), m_firstB[q].end(), [&](std::uint32_t p) {
                return std::find(fromA.begin(), fromA.end(), p) != fromA.end();
            });
            misses += hit ? 0 : 1;
        }
    };
    side(m_predA[i], m_predB[j]);
    side(m_succA[i], m_succB[j]);
    if (hits + misses == 0)
        return 0.5; // no evidence either way
    return static_cast<double>(hits) / static_cast<double>(hits + misses);
}

double StepMatcher::scoreWith(std::size_t i, std::size_t j, double label) const
{
    const Step& sa = m_a.steps[i];
    const Step& sb = m_b.steps[j];
    double lane = 0.0;
    const std::string& partner = m_lanes->partnerOfA(sa.lane);
    if (!partner.empty() && partner == sb.lane)
        lane = 1.0;
    else if (partner.empty() || m_lanes->partnerOfB(sb.lane).empty())
        lane = 0.35; // a lane with no partner: unknown, not different

    const double place = std::max(0.0, 1.0 - 2.0 * std::abs(m_infoA[i].place - m_infoB[j].place));
    double score = kLabelWeight * label + kLaneWeight * lane + kKindWeight * kindSimilarity(sa.kind, sb.kind) +
                   kPlaceWeight * place;
    if (m_refined)
        score += kContextWeight * (context(i, j) - 0.5);
    return std::clamp(score, 0.0, 1.0);
}

double StepMatcher::score(std::size_t i, std::size_t j) const
{
    return scoreWith(i, j, labelSimilarity(i, j));
}

void StepMatcher::refine(const LaneCrosswalk& lanes, const std::vector<StepMatch>& firstPass)
{
    m_lanes = &lanes;
    std::unordered_map<std::string, std::uint32_t> indexA;
    std::unordered_map<std::string, std::uint32_t> indexB;
    for (std::size_t i = 0; i < m_a.steps.size(); ++i)
        indexA.emplace(m_a.steps[i].id, static_cast<std::uint32_t>(i));
    for (std::size_t j = 0; j < m_b.steps.size(); ++j)
        indexB.emplace(m_b.steps[j].id, static_cast<std::uint32_t>(j));
    m_firstA.assign(m_a.steps.size(), {});
    m_firstB.assign(m_b.steps.size(), {});
    for (const StepMatch& m : firstPass) {
        const auto ia = indexA.find(m.a);
        const auto jb = indexB.find(m.b);
        if (ia != indexA.end() && jb != indexB.end()) {
            m_firstA[ia->second].push_back(jb->second);
            m_firstB[jb->second].push_back(ia->second);
        }
    }
    m_refined = true;
}

const std::vector<StepMatcher::Candidate>& StepMatcher::labelCandidates() const
{
    if (m_candidatesReady)
        return m_candidates;
    const std::size_t nb = m_b.steps.size();
    std::vector<double> overlap(nb, 0.0);
    std::vector<double> best(nb, 0.0); // for the current word of A
    std::vector<char> touched(nb, 0);
    std::vector<char> touchedNow(nb, 0);
    std::vector<std::uint32_t> touchedList;
    std::vector<std::uint32_t> nowList;
    for (std::size_t i = 0; i < m_infoA.size(); ++i) {
        const StepInfo& x = m_infoA[i];
        for (const Feature& f : x.features) {
            // Each word of A counts once per step of B, at its best partner there.
            const auto offer = [&](std::uint32_t token, double similarity) {
                for (const auto& [j, weight] : m_postingsB[token]) {
                    const double value = similarity * std::min(f.weight, weight);
                    if (!touchedNow[j]) {
                        touchedNow[j] = 1;
                        nowList.push_back(j);
                        best[j] = value;
                    } else {
                        best[j] = std::max(best[j], value);
                    }
                }
            };
            offer(f.token, 1.0);
            for (const auto& [u, similarity] : m_related[f.token])
                offer(u, similarity);
            for (std::uint32_t j : nowList) {
                touchedNow[j] = 0;
                if (!touched[j]) {
                    touched[j] = 1;
                    touchedList.push_back(j);
                }
                overlap[j] += best[j];
            }
            nowList.clear();
        }
        for (std::uint32_t j : touchedList) {
            const StepInfo& y = m_infoB[j];
            const double common = std::min(overlap[j], y.total);
            const double denominator = x.total + y.total;
            double label = denominator > 0.0 ? std::min(1.0, 2.0 * common / denominator) : 0.0;
            const bool against = opposed(i, j);
            if (against)
                label *= kOpposedFactor;
            const bool exact = !against && !x.key.empty() && x.key == y.key;
            if (exact || label >= kMinLabel)
                m_candidates.push_back({exact, static_cast<float>(label), static_cast<float>(common),
                                        static_cast<std::uint32_t>(i), j});
            touched[j] = 0;
            overlap[j] = 0.0;
        }
        touchedList.clear();
    }
    m_candidatesReady = true;
    return m_candidates;
}

std::vector<StepMatch> StepMatcher::match(const std::vector<MatchDecision>& stepDecisions) const
{
    return match(stepDecisions, kDefaultMinScore);
}

std::vector<StepMatch> StepMatcher::match(const std::vector<MatchDecision>& stepDecisions, double minScore) const
{
    const std::size_t na = m_a.steps.size();
    const std::size_t nb = m_b.steps.size();
    std::unordered_map<std::string, std::size_t> indexA;
    std::unordered_map<std::string, std::size_t> indexB;
    for (std::size_t i = 0; i < na; ++i)
        indexA.emplace(m_a.steps[i].id, i);
    for (std::size_t j = 0; j < nb; ++j)
        indexB.emplace(m_b.steps[j].id, j);

    struct Chosen {
        std::size_t i;
        std::size_t j;
        double raw;
        bool decided;
        int group;
    };
    std::vector<Chosen> chosen;
    std::vector<char> usedA(na, 0);
    std::vector<char> usedB(nb, 0);
    std::vector<std::vector<std::uint32_t>> partnersA(na); // for context of the neighbour pass
    std::set<std::pair<std::size_t, std::size_t>> rejected;
    const auto take = [&](std::size_t i, std::size_t j, double raw, bool decided, int group) {
        usedA[i] = usedB[j] = 1;
        partnersA[i].push_back(static_cast<std::uint32_t>(j));
        chosen.push_back({i, j, raw, decided, group});
    };

    for (const MatchDecision& d : stepDecisions) {
        const auto ia = indexA.find(d.a);
        const auto jb = indexB.find(d.b);
        if (ia == indexA.end() || jb == indexB.end())
            continue;
        const std::size_t i = ia->second;
        const std::size_t j = jb->second;
        if (d.decision == Decision::Rejected)
            rejected.emplace(i, j);
        else if (!usedA[i] && !usedB[j])
            take(i, j, score(i, j), true, 0);
    }

    struct Scored {
        bool exact;
        double score;
        std::uint32_t i;
        std::uint32_t j;
    };
    // Ties are broken by step ids: ranks of the ids, computed once.
    const auto ranks = [](const Map& map) {
        std::vector<std::uint32_t> order(map.steps.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(),
                  [&](std::uint32_t x, std::uint32_t y) { return map.steps[x].id < map.steps[y].id; });
        std::vector<std::uint32_t> rank(map.steps.size());
        for (std::size_t r = 0; r < order.size(); ++r)
            rank[order[r]] = static_cast<std::uint32_t>(r);
        return rank;
    };
    const std::vector<std::uint32_t> rankA = ranks(m_a);
    const std::vector<std::uint32_t> rankB = ranks(m_b);
    const auto byScore = [&](const Scored& x, const Scored& y) {
        if (x.exact != y.exact)
            return x.exact;
        if (x.score != y.score)
            return x.score > y.score;
        if (x.i != y.i)
            return rankA[x.i] < rankA[y.i];
        return rankB[x.j] < rankB[y.j];
    };
    const std::vector<Candidate>& all = labelCandidates();
    std::vector<Scored> scored;
    for (const Candidate& c : all) {
        if (usedA[c.i] || usedB[c.j] || rejected.count({c.i, c.j}))
            continue;
        const double s = scoreWith(c.i, c.j, c.label);
        if (c.exact || s >= kThreshold)
            scored.push_back({c.exact, s, c.i, c.j});
    }
    // Exact matches first, then best first; ties by ids, so the result never depends on
    // the order of evaluation.
    std::sort(scored.begin(), scored.end(), byScore);
    for (const Scored& c : scored)
        if (!usedA[c.i] && !usedB[c.j])
            take(c.i, c.j, c.score, false, 0);

    // Splits: a step left over joins a matched step of the other map when it holds (nearly)
    // all of that step's words, as the step's own partner does.
    std::vector<int> partnerOfA(na, -1);
    std::vector<int> partnerOfB(nb, -1);
    for (const Chosen& c : chosen) {
        partnerOfA[c.i] = static_cast<int>(c.j);
        partnerOfB[c.j] = static_cast<int>(c.i);
    }
    // The label candidate of each chosen pair, by either step.
    std::vector<const Candidate*> chosenOfA(na, nullptr);
    std::vector<const Candidate*> chosenOfB(nb, nullptr);
    for (const Candidate& c : all)
        if (partnerOfA[c.i] == static_cast<int>(c.j)) {
            chosenOfA[c.i] = &c;
            chosenOfB[c.j] = &c;
        }
    // coverage of A's step i by B's step j, and of B's step j by A's step i
    const auto coverA = [&](const Candidate& c) { return m_infoA[c.i].total > 0 ? c.overlap / m_infoA[c.i].total : 0.0; };
    const auto coverB = [&](const Candidate& c) { return m_infoB[c.j].total > 0 ? c.overlap / m_infoB[c.j].total : 0.0; };
    // A part happens about when the whole does: a second round of visits later in the year
    // is a step of its own, not part of the first.
    const auto near = [&](const Candidate& c) { return std::abs(m_infoA[c.i].place - m_infoB[c.j].place) <= 0.25; };
    // The share of a whole's words (by weight) that some of the given steps of the other
    // map hold (the same token or a related word).
    const auto covered = [&](const StepInfo& whole, bool wholeInA, const std::vector<std::size_t>& parts) {
        if (whole.total <= 0.0)
            return 0.0;
        double held = 0.0;
        for (const Feature& f : whole.features) {
            bool found = false;
            for (std::size_t p : parts) {
                const StepInfo& part = wholeInA ? m_infoB[p] : m_infoA[p];
                for (const Feature& g : part.features) {
                    const double similarity =
                        wholeInA ? tokenSimilarity(f.token, g.token) : tokenSimilarity(g.token, f.token);
                    found = found || similarity >= 0.5;
                }
            }
            held += found ? f.weight : 0.0;
        }
        return held / whole.total;
    };
    // A split: the part holds the whole's words or the whole the part's (either way round,
    // "Interviews" ~ "Final interview", "Background and credit checks" ~ "Credit check"),
    // or the new part holds what the first part lacks ("Calibration and final ratings" ~
    // "Final rating" + "Calibration session").
    const auto splitOf = [&](const Candidate& c, const Candidate& first, const StepInfo& whole, bool wholeInA,
                             std::size_t firstPart, std::size_t part) {
        const bool compound = whole.compound;
        // The whole's words in the part (a part names the whole and more), or, for a whole
        // that names several things, the part's words in the whole.
        const auto wholeIn = [&](const Candidate& x) { return wholeInA ? coverA(x) : coverB(x); };
        const auto partIn = [&](const Candidate& x) { return wholeInA ? coverB(x) : coverA(x); };
        const bool sameKind = wholeInA ? m_b.steps[part].kind == m_b.steps[firstPart].kind
                                       : m_a.steps[part].kind == m_a.steps[firstPart].kind;
        if (sameKind && wholeIn(c) >= kSplitCoverage && wholeIn(first) >= kFirstPartCoverage)
            return true;
        if (compound && partIn(c) >= kSplitCoverage && partIn(first) >= kFirstPartCoverage)
            return true;
        const double alone = covered(whole, wholeInA, {firstPart});
        const double both = covered(whole, wholeInA, {firstPart, part});
        return compound && c.label >= 0.25 && both >= 0.6 && both - alone >= 0.25;
    };
    // The parts sit in one lane, or the new part in the lane partnering the whole's.
    const auto laneOfPartB = [&](std::size_t whole, std::size_t firstPart, std::size_t part) {
        return m_b.steps[part].lane == m_b.steps[firstPart].lane ||
               m_lanes->partnerOfA(m_a.steps[whole].lane) == m_b.steps[part].lane;
    };
    const auto laneOfPartA = [&](std::size_t whole, std::size_t firstPart, std::size_t part) {
        return m_a.steps[part].lane == m_a.steps[firstPart].lane ||
               m_lanes->partnerOfB(m_b.steps[whole].lane) == m_a.steps[part].lane;
    };
    std::vector<Scored> splits;     // (whole in A, part in B)
    std::vector<Scored> splitsOfB;  // (part in A, whole in B)
    for (const Candidate& c : all) {
        if (rejected.count({c.i, c.j}) || c.label < 0.25 || !near(c))
            continue;
        if (!usedB[c.j] && partnerOfA[c.i] >= 0) {
            const std::size_t other = static_cast<std::size_t>(partnerOfA[c.i]);
            const Candidate* first = chosenOfA[c.i];
            if (first && laneOfPartB(c.i, other, c.j) && splitOf(c, *first, m_infoA[c.i], true, other, c.j))
                splits.push_back({false, scoreWith(c.i, c.j, c.label), c.i, c.j});
        } else if (!usedA[c.i] && partnerOfB[c.j] >= 0) {
            const std::size_t other = static_cast<std::size_t>(partnerOfB[c.j]);
            const Candidate* first = chosenOfB[c.j];
            if (first && laneOfPartA(c.j, other, c.i) && splitOf(c, *first, m_infoB[c.j], false, other, c.i))
                splitsOfB.push_back({false, scoreWith(c.i, c.j, c.label), c.i, c.j});
        }
    }
    std::sort(splits.begin(), splits.end(), byScore);
    std::sort(splitsOfB.begin(), splitsOfB.end(), byScore);
    std::vector<int> groupOfA(na, 0);
    std::vector<int> groupOfB(nb, 0);
    int groups = 0;
    const auto join = [&](std::size_t i, std::size_t j, double raw, bool wholeInA) {
        int& group = wholeInA ? groupOfA[i] : groupOfB[j];
        if (group == 0) {
            group = ++groups;
            for (Chosen& c : chosen)
                if ((wholeInA && c.i == i) || (!wholeInA && c.j == j))
                    c.group = group;
        }
        take(i, j, raw, false, group);
    };
    // The label and the split's shape are the evidence; the score only has to be fair.
    for (const Scored& c : splits)
        if (!usedB[c.j] && c.score >= kSplitThreshold)
            join(c.i, c.j, c.score, true);
    for (const Scored& c : splitsOfB)
        if (!usedA[c.i] && groupOfA[c.i] == 0 && c.score >= kSplitThreshold)
            join(c.i, c.j, c.score, false);

    // Steps without meaning (unnamed events, "?" decisions) of the same kind pair when
    // their neighbours are matched to each other: the start before two matched first
    // steps, the gateway between matched steps. Twice, so that a chain of them follows.
    for (int round = 0; round < 2; ++round) {
        std::vector<Scored> context;
        const auto linked = [&](const std::vector<std::uint32_t>& fromA, const std::vector<std::uint32_t>& fromB) {
            std::size_t hits = 0;
            for (std::uint32_t p : fromA)
                for (std::uint32_t q : partnersA[p])
                    if (std::find(fromB.begin(), fromB.end(), q) != fromB.end()) {
                        ++hits;
                        break;
                    }
            return hits;
        };
        // One side at least has no meaning (an unnamed start may meet "Application received").
        std::vector<std::size_t> blankB;
        for (std::size_t j = 0; j < nb; ++j)
            if (!usedB[j] && !m_infoB[j].meaningful)
                blankB.push_back(j);
        std::vector<std::size_t> openB;
        for (std::size_t j = 0; j < nb; ++j)
            if (!usedB[j])
                openB.push_back(j);
        for (std::size_t i = 0; i < na; ++i) {
            if (usedA[i])
                continue;
            // Starts and ends are where a process is entered and left, whatever each
            // district calls them: named ones meet through their neighbours too.
            const bool terminal = m_a.steps[i].kind == StepKind::Start || m_a.steps[i].kind == StepKind::End;
            // Decisions are where flows branch: named ones meet when most of their
            // neighbours are matched to each other.
            const bool decision = m_a.steps[i].kind == StepKind::Decision;
            for (std::size_t j : m_infoA[i].meaningful && !terminal && !decision ? blankB : openB) {
                if (usedB[j] || m_a.steps[i].kind != m_b.steps[j].kind || rejected.count({i, j}))
                    continue;
                const std::size_t slots = std::max(m_predA[i].size(), m_predB[j].size()) +
                                          std::max(m_succA[i].size(), m_succB[j].size());
                if (slots == 0)
                    continue;
                const std::size_t hits = linked(m_predA[i], m_predB[j]) + linked(m_succA[i], m_succB[j]);
                const double share = static_cast<double>(hits) / static_cast<double>(slots);
                const bool named = m_infoA[i].meaningful && m_infoB[j].meaningful;
                if (hits > 0 && share >= (named && !terminal ? 0.6 : 0.5))
                    context.push_back({false, 0.5 + 0.4 * share, static_cast<std::uint32_t>(i),
                                       static_cast<std::uint32_t>(j)});
            }
        }
        std::sort(context.begin(), context.end(), byScore);
        for (const Scored& c : context)
            if (!usedA[c.i] && !usedB[c.j])
                take(c.i, c.j, c.score, false, 0);
    }

    // Last, weaker proposals for what is left, so that the least score (calibrated) can be
    // set lower than the matcher's own threshold: `--min-score 0.2` shows more, less sure.
    std::vector<Scored> weak;
    for (const Candidate& c : all) {
        if (usedA[c.i] || usedB[c.j] || rejected.count({c.i, c.j}))
            continue;
        const double s = scoreWith(c.i, c.j, c.label);
        if (s >= kProposalFloor)
            weak.push_back({false, s, c.i, c.j});
    }
    std::sort(weak.begin(), weak.end(), byScore);
    for (const Scored& c : weak)
        if (!usedA[c.i] && !usedB[c.j])
            take(c.i, c.j, c.score, false, 0);

    // Calibrated scores; proposals below the least score go (decisions stay).
    std::vector<Chosen> kept;
    const auto reported = [&](double raw) { return m_rawScores ? raw : calibrated(raw); };
    for (const Chosen& c : chosen)
        if (c.decided || reported(c.raw) >= minScore)
            kept.push_back(c);
    std::unordered_map<int, int> members;
    for (const Chosen& c : kept)
        if (c.group)
            ++members[c.group];
    std::sort(kept.begin(), kept.end(), [](const Chosen& x, const Chosen& y) { return std::tie(x.i, x.j) < std::tie(y.i, y.j); });
    // Number the groups left in A's step order, so that they read 1, 2, 3.
    std::unordered_map<int, int> renumbered;
    std::vector<StepMatch> out;
    out.reserve(kept.size());
    for (const Chosen& c : kept) {
        int group = 0;
        if (c.group && members[c.group] > 1) {
            auto [it, added] = renumbered.emplace(c.group, static_cast<int>(renumbered.size()) + 1);
            group = it->second;
        }
        out.push_back({m_a.steps[c.i].id, m_b.steps[c.j].id, reported(c.raw), c.decided, group});
    }
    return out;
}

} // namespace crosswalk
