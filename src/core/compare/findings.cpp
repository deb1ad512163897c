// Findings about marks, over groups of matched steps (a step may match several).

#include "crosswalk/compare/findings.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace crosswalk {
namespace {

constexpr AnnotationKind kKinds[] = {AnnotationKind::BlackBox, AnnotationKind::Harm, AnnotationKind::Variation};

// Annotation ids of one kind on each step.
std::unordered_map<std::string, std::vector<std::string>> marksOfKind(const Map& map, AnnotationKind kind)
{
    std::unordered_map<std::string, std::vector<std::string>> out;
    for (const Annotation& note : map.annotations)
        if (note.kind == kind && !note.target.empty() && map.step(note.target))
            out[note.target].push_back(note.id);
    return out;
}

// Matches joined into groups: two matches sharing a step of either map are in one group.
struct MatchGroups {
    std::vector<std::size_t> groupOf; // per match
    std::size_t count = 0;

    explicit MatchGroups(const std::vector<StepMatch>& matches)
    {
        std::vector<std::size_t> parent(matches.size());
        std::iota(parent.begin(), parent.end(), std::size_t{0});
        const auto find = [&](std::size_t x) {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        };
        std::unordered_map<std::string, std::size_t> byA;
        std::unordered_map<std::string, std::size_t> byB;
        for (std::size_t m = 0; m < matches.size(); ++m) {
            for (const auto& [index, id] : {std::pair{&byA, &matches[m].a}, std::pair{&byB, &matches[m].b}}) {
                auto [it, fresh] = index->try_emplace(*id, m);
                if (!fresh) {
                    const std::size_t x = find(it->second);
                    const std::size_t y = find(m);
                    if (x != y)
                        parent[std::max(x, y)] = std::min(x, y);
                }
            }
        }
        // Numbered by their first match, so groups come in the matches' (map A's) order.
        std::map<std::size_t, std::size_t> number;
        groupOf.resize(matches.size());
        for (std::size_t m = 0; m < matches.size(); ++m) {
            const auto [it, fresh] = number.try_emplace(find(m), number.size());
            groupOf[m] = it->second;
        }
        count = number.size();
    }
};

void addUnique(std::vector<std::string>& ids, const std::string& id)
{
    if (std::find(ids.begin(), ids.end(), id) == ids.end())
        ids.push_back(id);
}

// Ids in the map's step order.
/// Each step's place in the map's step list, by id.
std::unordered_map<std::string, std::size_t> stepOrder(const Map& map)
{
    std::unordered_map<std::string, std::size_t> order;
    for (std::size_t k = 0; k < map.steps.size(); ++k)
        order.emplace(map.steps[k].id, k);
    return order;
}

/// Sorts step ids by their place in the map (built once per map with stepOrder(): building it
/// for every group made two 1,000-step maps take 4 times as long to compare).
void sortByStepOrder(const std::unordered_map<std::string, std::size_t>& order, std::vector<std::string>& ids)
{
    auto place = [&order](const std::string& id) {
        const auto it = order.find(id);
        return it == order.end() ? order.size() : it->second;
    };
    std::stable_sort(ids.begin(), ids.end(),
                     [&](const std::string& x, const std::string& y) { return place(x) < place(y); });
}

// The marks of one kind on any of these steps.
std::vector<std::string> marksOn(const std::unordered_map<std::string, std::vector<std::string>>& marks,
                                 const std::vector<std::string>& steps)
{
    std::vector<std::string> out;
    for (const std::string& step : steps)
        if (const auto it = marks.find(step); it != marks.end())
            out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
}

} // namespace

std::string_view toString(FindingBasis basis)
{
    switch (basis) {
    case FindingBasis::Confirmed: return "confirmed";
    case FindingBasis::Sure: return "sure";
    case FindingBasis::Unsure: return "unsure";
    case FindingBasis::NoCounterpart: return "no_counterpart";
    }
    return "confirmed";
}

std::vector<AnnotationDifference> annotationDifferences(const Map& a, const Map& b,
                                                        const std::vector<StepMatch>& matches)
{
    const MatchGroups groups(matches);
    std::vector<AnnotationDifference> out;
    for (AnnotationKind kind : kKinds) {
        const auto onA = marksOfKind(a, kind);
        const auto onB = marksOfKind(b, kind);
        // Whether each group has the kind on side A, on side B.
        std::vector<bool> groupA(groups.count, false);
        std::vector<bool> groupB(groups.count, false);
        for (std::size_t m = 0; m < matches.size(); ++m) {
            groupA[groups.groupOf[m]] = groupA[groups.groupOf[m]] || onA.count(matches[m].a);
            groupB[groups.groupOf[m]] = groupB[groups.groupOf[m]] || onB.count(matches[m].b);
        }
        for (std::size_t m = 0; m < matches.size(); ++m) {
            const std::size_t g = groups.groupOf[m];
            if (groupA[g] == groupB[g])
                continue;
            const auto ita = onA.find(matches[m].a);
            const auto itb = onB.find(matches[m].b);
            if (groupA[g] && ita != onA.end())
                out.push_back({matches[m].a, matches[m].b, kind, true, ita->second});
            else if (groupB[g] && itb != onB.end())
                out.push_back({matches[m].a, matches[m].b, kind, false, itb->second});
        }
    }
    // In map A's step order (the matches' order), then kind, as before one-to-many matches.
    std::unordered_map<std::string, std::size_t> orderOfMatch;
    for (std::size_t m = 0; m < matches.size(); ++m)
        orderOfMatch.try_emplace(matches[m].a + '\n' + matches[m].b, m);
    std::stable_sort(out.begin(), out.end(), [&](const AnnotationDifference& x, const AnnotationDifference& y) {
        return orderOfMatch[x.a + '\n' + x.b] < orderOfMatch[y.a + '\n' + y.b];
    });
    return out;
}

std::vector<MarkFinding> markFindings(const Map& a, const Map& b, const std::vector<StepMatch>& matches,
                                      const std::vector<std::string>& onlyA, const std::vector<std::string>& onlyB)
{
    const MatchGroups groups(matches);
    struct Group {
        std::vector<std::string> stepsA;
        std::vector<std::string> stepsB;
        bool confirmed = true;
        double score = 1.0;
    };
    std::vector<Group> group(groups.count);
    for (std::size_t m = 0; m < matches.size(); ++m) {
        Group& g = group[groups.groupOf[m]];
        addUnique(g.stepsA, matches[m].a);
        addUnique(g.stepsB, matches[m].b);
        if (!matches[m].decided) {
            g.confirmed = false;
            g.score = std::min(g.score, matches[m].score);
        }
    }
    const auto orderA = stepOrder(a);
    const auto orderB = stepOrder(b);
    for (Group& g : group) {
        sortByStepOrder(orderA, g.stepsA);
        sortByStepOrder(orderB, g.stepsB);
    }

    std::vector<MarkFinding> out;
    std::vector<std::unordered_map<std::string, std::vector<std::string>>> marksA;
    std::vector<std::unordered_map<std::string, std::vector<std::string>>> marksB;
    for (AnnotationKind kind : kKinds) {
        marksA.push_back(marksOfKind(a, kind));
        marksB.push_back(marksOfKind(b, kind));
    }
    for (const Group& g : group)
        for (std::size_t k = 0; k < std::size(kKinds); ++k) {
            const std::vector<std::string> onA = marksOn(marksA[k], g.stepsA);
            const std::vector<std::string> onB = marksOn(marksB[k], g.stepsB);
            if (onA.empty() == onB.empty())
                continue; // marked on both sides, or on neither
            MarkFinding f;
            f.kind = kKinds[k];
            f.onA = !onA.empty();
            f.stepsA = g.stepsA;
            f.stepsB = g.stepsB;
            f.annotations = f.onA ? onA : onB;
            f.basis = g.confirmed ? FindingBasis::Confirmed
                                  : (g.score >= kSureMatchScore ? FindingBasis::Sure : FindingBasis::Unsure);
            f.score = g.confirmed ? 1.0 : g.score;
            out.push_back(std::move(f));
        }
    for (const auto& [ids, marks, sideA] : {std::tuple{&onlyA, &marksA, true}, std::tuple{&onlyB, &marksB, false}})
        for (const std::string& id : *ids)
            for (std::size_t k = 0; k < std::size(kKinds); ++k) {
                const auto it = (*marks)[k].find(id);
                if (it == (*marks)[k].end())
                    continue;
                MarkFinding f;
                f.kind = kKinds[k];
                f.onA = sideA;
                (sideA ? f.stepsA : f.stepsB).push_back(id);
                f.annotations = it->second;
                f.basis = FindingBasis::NoCounterpart;
                f.score = 1.0;
                out.push_back(std::move(f));
            }
    return out;
}

} // namespace crosswalk
