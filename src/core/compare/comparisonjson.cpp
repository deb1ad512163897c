// The comparison as JSON for scripts: the contract of DESIGN.md "Output for scripts",
// with extra fields after the contract's own.

#include "crosswalk/compare/compare.h"
#include "crosswalk/compare/findings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace crosswalk {
namespace {

// ordered_json: the contract's key order stays as written, whatever std::map would sort.
using ojson = nlohmann::ordered_json;

double rounded(double score)
{
    return std::round(std::clamp(score, 0.0, 1.0) * 1000.0) / 1000.0;
}

ojson idOrNull(const std::string& id)
{
    return id.empty() ? ojson(nullptr) : ojson(id);
}

ojson figuresJson(const std::optional<LaneTally>& f)
{
    if (!f)
        return nullptr;
    ojson j = ojson::object();
    j["steps"] = f->steps;
    j["handoffs"] = f->handoffs;
    j["black_boxes"] = f->blackBoxes;
    j["harm_points"] = f->harmPoints;
    j["variations"] = f->variations;
    return j;
}

ojson pairJson(const PairComparison& pair)
{
    ojson j = ojson::object();
    j["a"] = pair.mapA;
    j["b"] = pair.mapB;
    ojson lanes = ojson::array();
    for (const LanePair& l : pair.lanes) {
        ojson lane = ojson::object();
        lane["a"] = l.a;
        lane["b"] = l.b;
        lane["score"] = rounded(l.score);
        lane["decided"] = l.decided;
        lanes.push_back(std::move(lane));
    }
    j["lanes"] = std::move(lanes);
    ojson matches = ojson::array();
    for (const StepMatch& m : pair.matches) {
        ojson match = ojson::object();
        match["a"] = m.a;
        match["b"] = m.b;
        match["score"] = rounded(m.score);
        match["decided"] = m.decided;
        if (m.group != 0)
            match["group"] = m.group;
        matches.push_back(std::move(match));
    }
    j["matches"] = std::move(matches);
    j["only_a"] = pair.onlyA;
    j["only_b"] = pair.onlyB;

    ojson differences = ojson::array();
    for (const AnnotationDifference& d : pair.annotationDifferences) {
        ojson difference = ojson::object();
        difference["a"] = d.a;
        difference["b"] = d.b;
        difference["kind"] = toString(d.kind);
        difference["only_in"] = d.onA ? "a" : "b";
        difference["annotations"] = d.annotations;
        differences.push_back(std::move(difference));
    }
    j["annotation_differences"] = std::move(differences);
    ojson figures = ojson::array();
    for (const LaneFiguresRow& row : pair.laneFigures) {
        ojson r = ojson::object();
        r["a"] = idOrNull(row.a);
        r["b"] = idOrNull(row.b);
        r["figures_a"] = figuresJson(row.figuresA);
        r["figures_b"] = figuresJson(row.figuresB);
        figures.push_back(std::move(r));
    }
    j["lane_figures"] = std::move(figures);
    if (!pair.lexical.empty())
        j["lexical"] = pair.lexical;
    if (!pair.candidatesA.empty() || !pair.candidatesB.empty()) {
        const auto list = [](const StepCandidateList& steps) {
            ojson out = ojson::array();
            for (const auto& [step, partners] : steps) {
                ojson entry = ojson::object();
                entry["step"] = step;
                ojson others = ojson::array();
                for (const auto& [id, score] : partners) {
                    ojson partner = ojson::object();
                    partner["id"] = id;
                    partner["score"] = rounded(score);
                    others.push_back(std::move(partner));
                }
                entry["partners"] = std::move(others);
                out.push_back(std::move(entry));
            }
            return out;
        };
        ojson candidates = ojson::object();
        candidates["a"] = list(pair.candidatesA);
        candidates["b"] = list(pair.candidatesB);
        j["candidates"] = std::move(candidates);
    }
    // Added after the contract's fields: marks on one side only, with what each rests on.
    ojson findings = ojson::array();
    for (const MarkFinding& f : pair.findings) {
        ojson finding = ojson::object();
        finding["kind"] = toString(f.kind);
        finding["only_in"] = f.onA ? "a" : "b";
        finding["steps_a"] = f.stepsA;
        finding["steps_b"] = f.stepsB;
        finding["annotations"] = f.annotations;
        finding["basis"] = toString(f.basis);
        finding["score"] = rounded(f.score);
        findings.push_back(std::move(finding));
    }
    j["findings"] = std::move(findings);
    return j;
}

} // namespace

std::string comparisonToJson(const ComparisonResult& result)
{
    ojson root = ojson::object();
    root["maps"] = result.maps;
    ojson pairs = ojson::array();
    for (const PairComparison& pair : result.pairs)
        pairs.push_back(pairJson(pair));
    root["pairs"] = std::move(pairs);
    ojson rows = ojson::array();
    for (const auto& row : result.laneRows) {
        ojson r = ojson::array();
        for (const std::string& id : row)
            r.push_back(idOrNull(id));
        rows.push_back(std::move(r));
    }
    root["lane_rows"] = std::move(rows);
    return root.dump(2) + "\n";
}

} // namespace crosswalk
