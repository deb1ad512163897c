// Lexical knowledge (WordNet), steps without meaning, negation, splits, lanes paired by
// their steps, maps in a language WordNet does not know, and the JSON's new fields.

#include "labelled_set.h"

#include "crosswalk/compare/abbreviations.h"
#include "crosswalk/compare/compare.h"
#include "crosswalk/compare/lexicon.h"
#include "crosswalk/compare/stepmatcher.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using namespace crosswalk;

namespace {

// A map from "ID LANE KIND: label" lines, in time order, chained by flows.
Map mapOf(const std::string& id, const std::vector<std::pair<std::string, std::string>>& lanes,
          const std::vector<std::string>& steps)
{
    Map map;
    map.id = id;
    for (const auto& [laneId, name] : lanes)
        map.lanes.push_back({laneId, name, "#FFFFFF", 160});
    int order = 0;
    for (const std::string& line : steps) {
        const auto colon = line.find(':');
        std::stringstream head(line.substr(0, colon));
        std::string stepId, lane, kind;
        head >> stepId >> lane >> kind;
        Step step;
        step.id = stepId;
        step.lane = lane;
        step.kind = *parseStepKind(kind);
        step.label = test::trimmed(line.substr(colon + 1));
        step.x = 10 * order++;
        map.steps.push_back(std::move(step));
    }
    test::chainIfNoFlows(map);
    return map;
}

bool hasMatch(const PairComparison& pair, const std::string& a, const std::string& b)
{
    return std::any_of(pair.matches.begin(), pair.matches.end(),
                       [&](const StepMatch& m) { return m.a == a && m.b == b; });
}

bool touchesA(const PairComparison& pair, const std::string& a)
{
    return std::any_of(pair.matches.begin(), pair.matches.end(), [&](const StepMatch& m) { return m.a == a; });
}

const std::filesystem::path kData = std::filesystem::path(CROSSWALK_SOURCE_DIR) / "tests/core/compare/data";

} // namespace

TEST_CASE("WordNet gives lemmas, synonyms, derivations and broader terms", "[compare][lexicon]")
{
    const Lexicon& lexicon = Lexicon::shared();
    if (!lexicon.available()) {
        WARN("WordNet files not found in " << lexicon.directory() << "; install wordnet-base");
        return;
    }
    const auto& interviews = lexicon.lookup("interviews");
    CHECK(interviews.known);
    CHECK(std::count(interviews.lemmas.begin(), interviews.lemmas.end(), "interview") == 1);
    const auto& went = lexicon.lookup("went"); // an exception list, not a suffix rule
    CHECK(std::count(went.lemmas.begin(), went.lemmas.end(), "go") == 1);
    CHECK_FALSE(lexicon.lookup("revisar").known);

    CHECK(lexicon.similarity("evaluate", "assess") >= 0.85);       // synonyms
    CHECK(lexicon.similarity("evaluate", "evaluation") >= 0.75);   // derivation
    CHECK(lexicon.similarity("evaluation", "assessment") >= 0.7);  // through their verbs
    CHECK(lexicon.similarity("enrol", "matriculate") >= 0.5);      // a narrower verb
    CHECK(lexicon.similarity("interview", "talk") >= 0.5);         // to interview is to talk to
    CHECK(lexicon.similarity("interview", "invoice") == 0.0);
    CHECK(lexicon.opposite("approve", "disapprove"));
    CHECK(lexicon.opposite("successful", "unsuccessful"));
    CHECK_FALSE(lexicon.opposite("approve", "sanction"));
}

TEST_CASE("Unnamed events and gateways never match on their kind alone", "[compare]")
{
    const Map a = mapOf("a", {{"L", "Clerk"}},
                        {"a1 L start:", "a2 L activity: Order office supplies", "a3 L decision: ?",
                         "a4 L activity: File the receipts", "a5 L end:"});
    const Map b = mapOf("b", {{"M", "Clerk"}},
                        {"b1 M start:", "b2 M activity: Inspect fire extinguishers", "b3 M decision: ?",
                         "b4 M activity: Repaint the parking lines", "b5 M end: End"});
    const PairComparison unrelated = comparePair(a, b);
    CHECK(unrelated.matches.empty());

    // With neighbours that match, the blank steps between them match too.
    const Map c = mapOf("c", {{"M", "Clerk"}},
                        {"c1 M start:", "c2 M activity: Order supplies for the office", "c3 M decision: ?",
                         "c4 M activity: File receipts", "c5 M end: End"});
    const PairComparison related = comparePair(a, c);
    CHECK(hasMatch(related, "a2", "c2"));
    CHECK(hasMatch(related, "a4", "c4"));
    CHECK(hasMatch(related, "a1", "c1"));
    CHECK(hasMatch(related, "a3", "c3"));
    CHECK(hasMatch(related, "a5", "c5"));

    StepMatcher matcher(a, b, LaneCrosswalk(a, b));
    CHECK_FALSE(matcher.meaningfulA(0));
    CHECK_FALSE(matcher.meaningfulA(2));
    CHECK(matcher.meaningfulA(1));
    CHECK_FALSE(matcher.meaningfulB(4)); // "End" says only what kind it is
}

TEST_CASE("Negation keeps steps apart", "[compare]")
{
    const Map a = mapOf("a", {{"R", "Recruiter"}},
                        {"a1 R activity: Take interview", "a2 R activity: Not take interview"});
    const Map b = mapOf("b", {{"R", "Recruiter"}}, {"b1 R activity: Take interview"});
    const PairComparison pair = comparePair(a, b);
    CHECK(hasMatch(pair, "a1", "b1"));
    CHECK_FALSE(touchesA(pair, "a2"));

    // Only the negated step on one side: no match at all.
    const Map c = mapOf("c", {{"R", "Recruiter"}}, {"c1 R activity: Applicant does not take the interview"});
    CHECK(comparePair(c, b).matches.empty());
    // An opposite word, through WordNet.
    if (Lexicon::shared().available()) {
        const Map d = mapOf("d", {{"R", "Recruiter"}}, {"d1 R activity: Notify successful candidates"});
        const Map e = mapOf("e", {{"R", "Recruiter"}}, {"e1 R activity: Notify unsuccessful candidates"});
        CHECK(comparePair(d, e).matches.empty());
    }
}

TEST_CASE("A step split in the other map matches each part, in one group", "[compare]")
{
    const Map a = mapOf("a", {{"PS", "Principal Supervisor"}},
                        {"a1 PS activity: Goal-setting conference", "a2 PS activity: Learning walks",
                         "a3 PS meeting: Summative evaluation conference"});
    const Map b = mapOf("b", {{"IS", "Instructional Superintendent"}},
                        {"b1 IS meeting: Goal setting meeting", "b2 IS activity: Fall learning walk",
                         "b3 IS activity: Spring learning walk", "b4 IS meeting: End-of-year evaluation conference"});
    const PairComparison pair = comparePair(a, b);
    REQUIRE(hasMatch(pair, "a2", "b2"));
    REQUIRE(hasMatch(pair, "a2", "b3"));
    int group = 0;
    for (const StepMatch& m : pair.matches) {
        if (m.a == "a2") {
            CHECK(m.group > 0);
            group = group == 0 ? m.group : group;
            CHECK(m.group == group);
        } else {
            CHECK(m.group == 0);
        }
    }
    CHECK(pair.onlyB.empty());

    // The JSON keeps its fields and adds "group" to the split's matches only.
    ComparisonResult result;
    result.maps = {"a", "b"};
    result.pairs = {pair};
    const auto json = nlohmann::json::parse(comparisonToJson(result));
    int grouped = 0;
    for (const auto& m : json["pairs"][0]["matches"]) {
        CHECK(m.contains("a"));
        CHECK(m.contains("b"));
        CHECK(m.contains("score"));
        CHECK(m.contains("decided"));
        grouped += m.contains("group") ? 1 : 0;
    }
    CHECK(grouped == 2);
}

TEST_CASE("Lanes pair by the steps they hold when their names differ", "[compare]")
{
    const auto pairs = test::readLabelledSet(kData / "hiring");
    const auto it = std::find_if(pairs.begin(), pairs.end(), [](const auto& p) { return p.name == "hire01"; });
    REQUIRE(it != pairs.end());
    CHECK(LaneCrosswalk::similarity("Examining Board", "Selection Committee") < LaneCrosswalk::kThreshold);
    const PairComparison pair = comparePair(it->a, it->b);
    CHECK(std::any_of(pair.lanes.begin(), pair.lanes.end(),
                      [](const LanePair& l) { return l.a == "EB" && l.b == "SC"; }));
}

TEST_CASE("Maps in a language WordNet does not know compare by their words, and say so", "[compare]")
{
    const Map a = mapOf("es-a", {{"J", "Junta Examinadora"}, {"R", "Recursos Humanos"}},
                        {"a1 R start:", "a2 R activity: Publicar la convocatoria", "a3 R activity: Revisar las solicitudes",
                         "a4 J meeting: Entrevistar a los candidatos", "a5 J activity: Evaluar a los candidatos",
                         "a6 R activity: Enviar la oferta", "a7 R end:"});
    const Map b = mapOf("es-b", {{"C", "Comité de Selección"}, {"P", "Oficina de Personal"}},
                        {"b1 P start:", "b2 P activity: Publicar convocatoria en el boletín",
                         "b3 P activity: Revisar solicitudes recibidas", "b4 C meeting: Entrevistar candidatos",
                         "b5 C activity: Evaluar candidatos", "b6 P activity: Enviar oferta de empleo", "b7 P end:"});
    const PairComparison pair = comparePair(a, b);
    CHECK(pair.lexical == "words-only");
    CHECK(hasMatch(pair, "a2", "b2"));
    CHECK(hasMatch(pair, "a3", "b3"));
    CHECK(hasMatch(pair, "a4", "b4"));
    CHECK(hasMatch(pair, "a5", "b5"));
    CHECK(hasMatch(pair, "a6", "b6"));
    CHECK(hasMatch(pair, "a1", "b1"));
    CHECK(hasMatch(pair, "a7", "b7"));
    // Lanes named in Spanish pair through their steps.
    CHECK(std::any_of(pair.lanes.begin(), pair.lanes.end(), [](const LanePair& l) { return l.a == "J" && l.b == "C"; }));
    CHECK(std::any_of(pair.lanes.begin(), pair.lanes.end(), [](const LanePair& l) { return l.a == "R" && l.b == "P"; }));

    ComparisonResult result;
    result.maps = {"es-a", "es-b"};
    result.pairs = {pair};
    CHECK(nlohmann::json::parse(comparisonToJson(result))["pairs"][0]["lexical"] == "words-only");

    // English maps say WordNet was used (when its files are there).
    const Map c = mapOf("c", {{"R", "Recruiter"}}, {"c1 R activity: Review applications", "c2 R activity: Send offer"});
    const Map d = mapOf("d", {{"R", "Recruiter"}}, {"d1 R activity: Assess applications", "d2 R activity: Make offer"});
    CHECK(comparePair(c, d).lexical == (Lexicon::shared().available() ? "wordnet" : "words-only"));
}

TEST_CASE("Without WordNet the matcher still works on words and says so", "[compare]")
{
    const Map c = mapOf("c", {{"R", "Recruiter"}}, {"c1 R activity: Review applications", "c2 R activity: Send offer"});
    const Map d = mapOf("d", {{"R", "Recruiter"}}, {"d1 R activity: Review the applications", "d2 R activity: Send an offer"});
    const LaneCrosswalk lanes(c, d);
    const StepMatcher matcher(c, d, lanes, nullptr);
    CHECK(matcher.lexical() == "words-only");
    const auto matches = matcher.match();
    CHECK(matches.size() == 2);

    const Lexicon missing("/nonexistent/wordnet");
    CHECK_FALSE(missing.available());
    CHECK_FALSE(missing.lookup("interview").known);
    const StepMatcher without(c, d, lanes, &missing);
    CHECK(without.lexical() == "words-only");
}

TEST_CASE("Scores are calibrated, min-score filters and candidates list next-best partners", "[compare]")
{
    CHECK(StepMatcher::calibrated(0.0) <= StepMatcher::calibrated(0.5));
    CHECK(StepMatcher::calibrated(0.5) <= StepMatcher::calibrated(0.9));
    CHECK(StepMatcher::calibrated(1.0) <= 1.0);

    const auto pairs = test::readLabelledSet(kData / "hiring");
    const auto& lp = pairs.front();
    CompareOptions all;
    all.minScore = 0.0;
    CompareOptions strict;
    strict.minScore = 0.95;
    strict.candidates = 2;
    const PairComparison loose = comparePair(lp.a, lp.b, {}, all);
    const PairComparison tight = comparePair(lp.a, lp.b, {}, strict);
    CHECK(tight.matches.size() <= loose.matches.size());
    for (const StepMatch& m : tight.matches)
        CHECK(m.score >= 0.95);
    REQUIRE_FALSE(tight.candidatesA.empty());
    for (const auto& [step, partners] : tight.candidatesA) {
        CHECK(partners.size() <= 2);
        for (std::size_t k = 1; k < partners.size(); ++k)
            CHECK(partners[k - 1].second >= partners[k].second);
        for (const auto& [partner, score] : partners)
            CHECK_FALSE(hasMatch(tight, step, partner));
    }
    ComparisonResult result;
    result.maps = {lp.a.id, lp.b.id};
    result.pairs = {tight};
    const auto json = nlohmann::json::parse(comparisonToJson(result));
    CHECK(json["pairs"][0]["candidates"]["a"].is_array());
    CHECK(json["pairs"][0]["candidates"]["b"].is_array());
    CHECK(json["pairs"][0]["candidates"]["a"][0].contains("partners"));
}

TEST_CASE("Abbreviations a map defines or its lanes make are written out", "[compare]")
{
    const Map a = mapOf("a", {{"PS", "Principal Supervisor"}, {"C", "Chief Schools Officer"}},
                        {"a1 PS meeting: Beginning of year (BOY) goal conference", "a2 PS activity: BOY visit by PS",
                         "a3 C activity: CSO signs off ratings", "a4 PS meeting: EOY conference"});
    const Abbreviations abbreviations = Abbreviations::of({&a});
    CHECK(abbreviations.meaning("BOY") == "Beginning of year");
    CHECK(abbreviations.meaning("PS") == "Principal Supervisor");
    CHECK(abbreviations.meaning("CSO") == "Chief Schools Officer");
    CHECK(abbreviations.meaning("EOY") == "end of year"); // the school year's own
    CHECK(abbreviations.meaning("XYZ").empty());
    CHECK(abbreviations.expand("Beginning of year (BOY) goal conference") == "Beginning of year goal conference");
    CHECK(abbreviations.expand("BOY visit by PS") == "Beginning of year visit by Principal Supervisor");
    CHECK(abbreviations.expand("Conference (EOY)") == "Conference (end of year)");
    CHECK(abbreviations.expand("Boy scouts visit") == "Boy scouts visit"); // capitals only

    const Map b = mapOf("b", {{"IS", "Instructional Superintendent"}, {"K", "Chief of Schools"}},
                        {"b1 IS meeting: Beginning-of-year goal conference", "b2 IS activity: Beginning-of-year school visit by the supervisor",
                         "b3 K activity: Chief schools officer signs off ratings", "b4 IS meeting: End-of-year conference"});
    const PairComparison pair = comparePair(a, b);
    CHECK(hasMatch(pair, "a1", "b1"));
    CHECK(hasMatch(pair, "a2", "b2"));
    CHECK(hasMatch(pair, "a3", "b3"));
    CHECK(hasMatch(pair, "a4", "b4"));
}
