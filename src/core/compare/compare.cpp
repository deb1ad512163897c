// Comparing maps pair by pair, and what a comparison reports beside the matches.

#include "crosswalk/compare/compare.h"

#include "crosswalk/compare/findings.h"
#include "crosswalk/compare/lanecrosswalk.h"
#include "crosswalk/compare/lexicon.h"
#include "crosswalk/compare/stepmatcher.h"

#include <stdexcept>
#include <unordered_set>

namespace crosswalk {
namespace {

// Lanes lined up across all maps: a lane joins the first row whose lane in an earlier
// map is its crosswalk partner; a lane with no such row starts a new one.
std::vector<std::vector<std::string>> laneRows(const std::vector<Map>& maps,
                                               const std::vector<PairComparison>& pairs)
{
    const std::size_t n = maps.size();
    std::vector<std::vector<std::string>> rows;
    // The pair (j, k), j < k, sits at this index in the pair order (0,1), (0,2) ...
    const auto pairIndex = [n](std::size_t j, std::size_t k) { return j * n - j * (j + 1) / 2 + (k - j - 1); };
    for (std::size_t k = 0; k < n; ++k) {
        for (const Lane& lane : maps[k].lanes) {
            bool placed = false;
            for (std::size_t r = 0; r < rows.size() && !placed; ++r) {
                if (!rows[r][k].empty())
                    continue;
                for (std::size_t j = 0; j < k && !placed; ++j) {
                    if (rows[r][j].empty())
                        continue;
                    for (const LanePair& p : pairs[pairIndex(j, k)].lanes) {
                        if (p.a == rows[r][j] && p.b == lane.id) {
                            rows[r][k] = lane.id;
                            placed = true;
                            break;
                        }
                    }
                }
            }
            if (!placed) {
                rows.emplace_back(n);
                rows.back()[k] = lane.id;
            }
        }
    }
    return rows;
}

} // namespace

std::unordered_map<std::string, LaneTally> laneFigures(const Map& map)
{
    std::unordered_map<std::string, LaneTally> figures;
    for (const Lane& lane : map.lanes)
        figures[lane.id];
    for (const Step& step : map.steps)
        ++figures[step.lane].steps;
    for (const Flow& flow : map.flows) {
        const Step* from = map.step(flow.from);
        const Step* to = map.step(flow.to);
        if (from && to && from->lane != to->lane) {
            ++figures[from->lane].handoffs;
            ++figures[to->lane].handoffs;
        }
    }
    for (const Annotation& note : map.annotations) {
        std::string lane;
        if (map.lane(note.target))
            lane = note.target;
        else if (const Step* step = map.step(note.target))
            lane = step->lane;
        else if (const Flow* flow = map.flow(note.target))
            if (const Step* from = map.step(flow->from))
                lane = from->lane;
        if (lane.empty())
            continue; // on the whole map
        LaneTally& f = figures[lane];
        if (note.kind == AnnotationKind::BlackBox)
            ++f.blackBoxes;
        else if (note.kind == AnnotationKind::Harm)
            ++f.harmPoints;
        else if (note.kind == AnnotationKind::Variation)
            ++f.variations;
    }
    return figures;
}

PairComparison comparePair(const Map& a, const Map& b, const DecisionSet& decisions)
{
    return comparePair(a, b, decisions, CompareOptions{});
}

PairComparison comparePair(const Map& a, const Map& b, const DecisionSet& decisions, const CompareOptions& options)
{
    PairComparison out;
    out.mapA = a.id;
    out.mapB = b.id;

    // Two passes: lanes by name, steps; then lanes by name and by the steps they hold, and
    // steps again with the first pass's matches as context.
    const auto laneDecisions = decisions.between(a.id, b.id, DecisionKind::Lane);
    const auto stepDecisions = decisions.between(a.id, b.id, DecisionKind::Step);
    const LaneCrosswalk byName(a, b, laneDecisions);
    const Lexicon& lexicon = options.lexicon ? *options.lexicon : Lexicon::shared();
    StepMatcher matcher(a, b, byName, lexicon.available() ? &lexicon : nullptr);
    const std::vector<StepMatch> firstPass = matcher.match(stepDecisions, StepMatcher::kDefaultMinScore);
    const LaneCrosswalk lanes(a, b, laneDecisions, firstPass);
    out.lanes = lanes.pairs();
    matcher.refine(lanes, firstPass);
    out.matches = matcher.match(stepDecisions, options.minScore);
    out.lexical = matcher.lexical();
    if (options.candidates > 0) {
        out.candidatesA = matcher.candidatesOfA(out.matches, options.candidates);
        out.candidatesB = matcher.candidatesOfB(out.matches, options.candidates);
    }

    std::unordered_set<std::string> matchedA;
    std::unordered_set<std::string> matchedB;
    for (const StepMatch& m : out.matches) {
        matchedA.insert(m.a);
        matchedB.insert(m.b);
    }
    for (const Step& s : a.steps)
        if (!matchedA.count(s.id))
            out.onlyA.push_back(s.id);
    for (const Step& s : b.steps)
        if (!matchedB.count(s.id))
            out.onlyB.push_back(s.id);

    out.annotationDifferences = annotationDifferences(a, b, out.matches);
    out.findings = markFindings(a, b, out.matches, out.onlyA, out.onlyB);

    const auto figuresA = laneFigures(a);
    const auto figuresB = laneFigures(b);
    for (const Lane& lane : a.lanes) {
        const std::string& partner = lanes.partnerOfA(lane.id);
        LaneFiguresRow row{lane.id, partner, figuresA.at(lane.id), std::nullopt};
        if (!partner.empty())
            row.figuresB = figuresB.at(partner);
        out.laneFigures.push_back(std::move(row));
    }
    for (const Lane& lane : b.lanes)
        if (lanes.partnerOfB(lane.id).empty())
            out.laneFigures.push_back({"", lane.id, std::nullopt, figuresB.at(lane.id)});
    return out;
}

ComparisonResult compareMaps(const std::vector<Map>& maps, const DecisionSet& decisions)
{
    return compareMaps(maps, decisions, CompareOptions{});
}

ComparisonResult compareMaps(const std::vector<Map>& maps, const DecisionSet& decisions, const CompareOptions& options)
{
    if (maps.size() > kMaxComparedMaps)
        throw std::invalid_argument("at most " + std::to_string(kMaxComparedMaps) + " maps can be compared at once, not " +
                                    std::to_string(maps.size()));
    ComparisonResult result;
    for (const Map& map : maps)
        result.maps.push_back(map.id);
    for (std::size_t i = 0; i < maps.size(); ++i)
        for (std::size_t j = i + 1; j < maps.size(); ++j)
            result.pairs.push_back(comparePair(maps[i], maps[j], decisions, options));
    result.laneRows = laneRows(maps, result.pairs);
    return result;
}

} // namespace crosswalk
