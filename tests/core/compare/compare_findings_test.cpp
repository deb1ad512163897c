// Findings about marks: never across an unsure match, never where both sides mark, and
// marks on steps without a counterpart listed; one-to-many matches taken as groups.

#include "crosswalk/compare/compare.h"
#include "crosswalk/compare/findings.h"
#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace crosswalk;

namespace {

// A map of one lane whose steps carry the given labels; marks[k] lists the kinds on step k.
Map mapOf(const std::string& id, const std::vector<std::string>& labels,
          const std::vector<std::vector<AnnotationKind>>& marks)
{
    Map map;
    map.id = id;
    map.props.title = id;
    map.lanes.push_back({"l1", "Principal"});
    int n = 0;
    for (std::size_t k = 0; k < labels.size(); ++k) {
        Step step;
        step.id = "s" + std::to_string(k + 1);
        step.lane = "l1";
        step.label = labels[k];
        step.x = static_cast<int>(k) * 200;
        map.steps.push_back(step);
        if (k < marks.size())
            for (AnnotationKind kind : marks[k]) {
                Annotation note;
                note.id = "a" + std::to_string(++n);
                note.kind = kind;
                note.target = step.id;
                note.text = "note " + std::to_string(n);
                map.annotations.push_back(note);
            }
    }
    return map;
}

bool marks(const Map& map, const std::string& stepId, AnnotationKind kind)
{
    return std::any_of(map.annotations.begin(), map.annotations.end(),
                       [&](const Annotation& n) { return n.target == stepId && n.kind == kind; });
}

} // namespace

TEST_CASE("A kind marked on both sides of a match group is never a finding", "[compare][findings]")
{
    using K = AnnotationKind;
    const Map a = mapOf("A", {"Learning walks", "Rate"}, {{K::BlackBox}, {}});
    const Map b = mapOf("B", {"Fall learning walk", "Spring learning walk", "Rate"}, {{K::BlackBox}, {}, {K::Harm}});
    // One-to-many: A's walks ~ both of B's; both sides mark a black box on the group.
    const std::vector<StepMatch> matches{{"s1", "s1", 0.95, false}, {"s1", "s2", 0.95, false}, {"s2", "s3", 0.9, true}};
    CHECK(annotationDifferences(a, b, matches).size() == 1); // only the harm on B's "Rate"
    const auto findings = markFindings(a, b, matches, {}, {});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].kind == K::Harm);
    CHECK_FALSE(findings[0].onA);
    CHECK(findings[0].basis == FindingBasis::Confirmed);
    CHECK(findings[0].stepsA == std::vector<std::string>{"s2"});

    // Without the group the old pairwise rule would claim "black box in A, not B" at (s1, s2).
    const auto differences = annotationDifferences(a, b, matches);
    CHECK(std::none_of(differences.begin(), differences.end(),
                       [](const AnnotationDifference& d) { return d.kind == K::BlackBox; }));
}

TEST_CASE("Findings say what they rest on: confirmed, sure, unsure, no counterpart", "[compare][findings]")
{
    using K = AnnotationKind;
    const Map a = mapOf("A", {"Observe", "Rate", "Coach", "Survey"}, {{K::Harm}, {K::Variation}, {K::BlackBox}, {K::Harm}});
    const Map b = mapOf("B", {"Observe", "Rate", "Coach", "Extra"}, {{}, {}, {}, {K::BlackBox, K::Harm}});
    const std::vector<StepMatch> matches{{"s1", "s1", 0.5, true},
                                         {"s2", "s2", kSureMatchScore, false},
                                         {"s3", "s3", kSureMatchScore - 0.01, false}};
    const auto findings = markFindings(a, b, matches, {"s4"}, {"s4"});
    REQUIRE(findings.size() == 6);
    CHECK(findings[0].basis == FindingBasis::Confirmed);
    CHECK(findings[0].score == 1.0);
    CHECK(findings[1].basis == FindingBasis::Sure);
    CHECK(findings[1].score == kSureMatchScore);
    CHECK(findings[2].basis == FindingBasis::Unsure);
    CHECK_FALSE(shown(findings[2]));
    // Marks on steps without a counterpart: A's, then B's, kinds in order.
    CHECK(findings[3].basis == FindingBasis::NoCounterpart);
    CHECK(findings[3].onA);
    CHECK(findings[3].stepsB.empty());
    CHECK(findings[4].kind == K::BlackBox);
    CHECK_FALSE(findings[4].onA);
    CHECK(findings[4].stepsB == std::vector<std::string>{"s4"});
    CHECK(findings[5].kind == K::Harm);
    CHECK(findings[5].annotations == std::vector<std::string>{"a2"});
}

TEST_CASE("Harbor City and Kestrel Bay: no invented findings, both on-request harms surface", "[compare][findings]")
{
    std::vector<Map> maps;
    for (std::string_view text : demoMapTexts())
        maps.push_back(parseMapJson(text).map);
    const auto byDistrict = [&](const std::string& part) -> const Map& {
        const auto it = std::find_if(maps.begin(), maps.end(),
                                     [&](const Map& m) { return m.props.district.find(part) != std::string::npos; });
        REQUIRE(it != maps.end());
        return *it;
    };
    const Map& hc = byDistrict("Harbor City");
    const Map& kb = byDistrict("Kestrel Bay");
    const PairComparison pair = comparePair(hc, kb);
    REQUIRE_FALSE(pair.findings.empty());

    for (const MarkFinding& f : pair.findings) {
        // The side said not to mark it marks it on none of its steps in the group.
        const Map& other = f.onA ? kb : hc;
        for (const std::string& id : f.onA ? f.stepsB : f.stepsA) {
            INFO("step " << id << " of " << other.id);
            CHECK_FALSE(marks(other, id, f.kind));
        }
        // The marking side marks it where the finding says.
        const Map& marking = f.onA ? hc : kb;
        for (const std::string& note : f.annotations) {
            const auto it = std::find_if(marking.annotations.begin(), marking.annotations.end(),
                                         [&](const Annotation& n) { return n.id == note; });
            REQUIRE(it != marking.annotations.end());
            CHECK(it->kind == f.kind);
            const auto& steps = f.onA ? f.stepsA : f.stepsB;
            CHECK(std::find(steps.begin(), steps.end(), it->target) != steps.end());
        }
    }

    // "Support only on request": Harbor City's harm on "Coaching available on request" and
    // Kestrel Bay's on "Request support?" are each stated: as a mark on one side of a
    // confirmed or sure match, as a mark on a step with no counterpart, or (when the two
    // steps match) as the same harm on both sides, which then is no difference at all.
    const auto harmOn = [](const Map& map, const std::string& label) {
        for (const Annotation& n : map.annotations)
            if (n.kind == AnnotationKind::Harm)
                if (const Step* s = map.step(n.target); s && s->label == label)
                    return n.id;
        FAIL("no harm on " << label);
        return std::string();
    };
    const std::string hcHarm = harmOn(hc, "Coaching available on request");
    const std::string kbHarm = harmOn(kb, "Request support?");
    const auto stated = [&](const std::string& note, bool onA) {
        return std::any_of(pair.findings.begin(), pair.findings.end(), [&](const MarkFinding& f) {
            return shown(f) && f.onA == onA &&
                   std::find(f.annotations.begin(), f.annotations.end(), note) != f.annotations.end();
        });
    };
    const auto matchedTogether = [&](const std::string& sa, const std::string& sb) {
        return std::any_of(pair.matches.begin(), pair.matches.end(),
                           [&](const StepMatch& m) { return m.a == sa && m.b == sb; });
    };
    const std::string hcHarmStep =
        std::find_if(hc.annotations.begin(), hc.annotations.end(), [&](const Annotation& n) { return n.id == hcHarm; })->target;
    const std::string kbHarmStep =
        std::find_if(kb.annotations.begin(), kb.annotations.end(), [&](const Annotation& n) { return n.id == kbHarm; })->target;
    if (!matchedTogether(hcHarmStep, kbHarmStep)) {
        CHECK(stated(hcHarm, true));
        CHECK(stated(kbHarm, false));
    }

    // The JSON carries the findings after the contract's fields.
    ComparisonResult result;
    result.maps = {hc.id, kb.id};
    result.pairs.push_back(pair);
    const auto json = nlohmann::json::parse(comparisonToJson(result));
    const auto& first = json["pairs"][0];
    REQUIRE(first["findings"].size() == pair.findings.size());
    CHECK(first["findings"][0]["basis"].is_string());
    CHECK(first["findings"][0].contains("steps_a"));
}
