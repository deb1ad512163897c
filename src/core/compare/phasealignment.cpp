// Phases of several districts on one shared year, paired by name in year order.

#include "crosswalk/compare/phasealignment.h"

#include "crosswalk/compare/textnormalizer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

namespace crosswalk {
namespace {

// A bonus for phases at a similar share of the year: it only decides between names that
// are equally alike ("Winter and spring" is nearer "Mid-year" than "End of year").
constexpr double kPlaceWeight = 0.25;

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The middle of phase i of n, as a share of the year.
double place(std::size_t i, std::size_t n)
{
    return (static_cast<double>(i) + 0.5) / static_cast<double>(n);
}

// What pairing a and b is worth, or nothing (-infinity) when their names are too far apart.
double pairValue(double similarity, double placeA, double placeB)
{
    if (similarity < kPhasePairThreshold)
        return -std::numeric_limits<double>::infinity();
    return similarity + kPlaceWeight * (1.0 - std::abs(placeA - placeB));
}

// The monotone alignment of na items with nb items that maximises the sum of value(i, j)
// over its pairs; pairs with a value of -infinity are never taken. Ties go to pairing,
// then to leaving the item of a unpaired, so that the answer is always the same.
std::vector<std::pair<std::size_t, std::size_t>> align(std::size_t na, std::size_t nb,
                                                       const std::function<double(std::size_t, std::size_t)>& value)
{
    std::vector<std::vector<double>> best(na + 1, std::vector<double>(nb + 1, 0.0));
    std::vector<std::vector<double>> v(na, std::vector<double>(nb));
    for (std::size_t i = 0; i < na; ++i)
        for (std::size_t j = 0; j < nb; ++j)
            v[i][j] = value(i, j);
    for (std::size_t i = 1; i <= na; ++i)
        for (std::size_t j = 1; j <= nb; ++j) {
            double b = std::max(best[i - 1][j], best[i][j - 1]);
            if (std::isfinite(v[i - 1][j - 1]))
                b = std::max(b, best[i - 1][j - 1] + v[i - 1][j - 1]);
            best[i][j] = b;
        }
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::size_t i = na;
    std::size_t j = nb;
    while (i > 0 && j > 0) {
        if (std::isfinite(v[i - 1][j - 1]) && best[i][j] == best[i - 1][j - 1] + v[i - 1][j - 1]) {
            pairs.emplace_back(i - 1, j - 1);
            --i;
            --j;
        } else if (best[i][j] == best[i - 1][j]) {
            --i;
        } else {
            --j;
        }
    }
    std::reverse(pairs.begin(), pairs.end());
    return pairs;
}

} // namespace

double phaseSimilarity(std::string_view nameA, std::string_view nameB)
{
    std::vector<std::string> wordsA;
    std::vector<std::string> wordsB;
    for (const auto& w : TextNormalizer::words(nameA))
        wordsA.push_back(w.text);
    for (const auto& w : TextNormalizer::words(nameB))
        wordsB.push_back(w.text);
    if (!wordsA.empty() && wordsA == wordsB)
        return 1.0;
    std::set<std::string> a;
    std::set<std::string> b;
    for (const Token& t : TextNormalizer::forPhases().tokens(nameA))
        a.insert(t.text);
    for (const Token& t : TextNormalizer::forPhases().tokens(nameB))
        b.insert(t.text);
    if (a.empty() || b.empty())
        return 0.0;
    std::size_t common = 0;
    for (const std::string& t : a)
        common += b.count(t);
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

std::vector<std::pair<std::size_t, std::size_t>> alignPhasePair(const std::vector<std::string>& a,
                                                                const std::vector<std::string>& b)
{
    return align(a.size(), b.size(), [&](std::size_t i, std::size_t j) {
        return pairValue(phaseSimilarity(a[i], b[j]), place(i, a.size()), place(j, b.size()));
    });
}

std::vector<PhaseColumn> alignPhases(const std::vector<std::vector<std::string>>& phaseNames)
{
    const std::size_t n = phaseNames.size();
    std::vector<PhaseColumn> columns;
    for (std::size_t k = 0; k < n; ++k) {
        const std::vector<std::string>& names = phaseNames[k];
        const std::size_t m = names.size();
        // Each column's share of the year: the mean of its members' places.
        std::vector<double> columnPlace;
        for (const PhaseColumn& c : columns) {
            double sum = 0;
            int count = 0;
            for (std::size_t j = 0; j < k; ++j)
                if (c.phases[j] != kNoPhase) {
                    sum += place(c.phases[j], phaseNames[j].size());
                    ++count;
                }
            columnPlace.push_back(count ? sum / count : 0.5);
        }
        const auto pairs = align(columns.size(), m, [&](std::size_t c, std::size_t p) {
            double similarity = 0;
            for (std::size_t j = 0; j < k; ++j)
                if (columns[c].phases[j] != kNoPhase)
                    similarity = std::max(similarity, phaseSimilarity(phaseNames[j][columns[c].phases[j]], names[p]));
            return pairValue(similarity, columnPlace[c], place(p, m));
        });

        // Walk both sequences; between two pairs, the columns and phases left unpaired are
        // merged by their place in the year (existing columns first on a tie).
        std::vector<PhaseColumn> merged;
        std::size_t c = 0;
        std::size_t p = 0;
        const auto fresh = [&](std::size_t phase) {
            PhaseColumn col;
            col.phases.assign(n, kNoPhase);
            col.phases[k] = phase;
            return col;
        };
        const auto flushUntil = [&](std::size_t cEnd, std::size_t pEnd) {
            while (c < cEnd || p < pEnd) {
                const bool takeColumn = p >= pEnd || (c < cEnd && columnPlace[c] <= place(p, m));
                if (takeColumn)
                    merged.push_back(std::move(columns[c++]));
                else
                    merged.push_back(fresh(p++));
            }
        };
        for (const auto& [pc, pp] : pairs) {
            flushUntil(pc, pp);
            merged.push_back(std::move(columns[c++]));
            merged.back().phases[k] = p++;
        }
        flushUntil(columns.size(), m);
        for (PhaseColumn& col : merged)
            col.phases.resize(n, kNoPhase);
        columns = std::move(merged);
    }
    return columns;
}

PhaseColumnLabel phaseColumnLabel(const std::vector<std::string>& names)
{
    // Distinct names (case-insensitively) in map order, with how many maps use each.
    std::vector<std::pair<std::string, int>> counts;
    std::vector<std::string> keys;
    for (const std::string& name : names) {
        if (name.empty())
            continue;
        const std::string key = lowered(name);
        const auto it = std::find(keys.begin(), keys.end(), key);
        if (it == keys.end()) {
            keys.push_back(key);
            counts.push_back({name, 1});
        } else {
            ++counts[static_cast<std::size_t>(it - keys.begin())].second;
        }
    }
    PhaseColumnLabel label;
    if (counts.empty())
        return label;
    std::size_t best = 0;
    for (std::size_t i = 1; i < counts.size(); ++i)
        if (counts[i].second > counts[best].second)
            best = i;
    label.name = counts[best].first;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (i != best)
            label.others.push_back(counts[i].first);
    return label;
}

} // namespace crosswalk
