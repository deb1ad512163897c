// Label normalisation for comparison: how "Walkthroughs (monthly)" in one district and
// "School visit" in another come to share a token.

#include "crosswalk/compare/textnormalizer.h"

#include <algorithm>

namespace crosswalk {
namespace {

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool endsWith(const std::string& word, std::string_view suffix)
{
    return word.size() >= suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool hasVowel(const std::string& word, std::size_t length)
{
    for (std::size_t i = 0; i < length && i < word.size(); ++i)
        if (isVowel(word[i]))
            return true;
    return false;
}

// "planned" -> "plann" -> "plan"; not for l, s, z, f, where English doubles in the stem
// ("call", "pass", "staff").
void undouble(std::string& word)
{
    const std::size_t n = word.size();
    if (n >= 3 && word[n - 1] == word[n - 2] && !isVowel(word[n - 1]) && word[n - 1] != 'l' &&
        word[n - 1] != 's' && word[n - 1] != 'z' && word[n - 1] != 'f')
        word.pop_back();
}

// Articles carry nothing and would break phrases ("end of the year"); they go before
// phrase matching. Other stop words go after, so that "director of school leadership"
// still reads as one phrase.
bool isArticle(const std::string& word)
{
    return word == "a" || word == "an" || word == "the";
}

// Process vocabulary of principal evaluation and support. Each line: the canonical
// tokens, then the phrases that become them. Phrases are normalised by the same words()
// and stem() as labels, so spelling variants ("walk-through", "walkthroughs") need no
// entry of their own. Concepts start with '=' so they never collide with a plain word.
const std::vector<SynonymGroup>& stepGroups()
{
    static const std::vector<SynonymGroup> groups{
        {{"=visit"},
         {"walkthrough", "walk through", "walkthru", "school visit", "campus visit", "site visit", "visit",
          "learning walk", "instructional rounds", "rounds", "observation", "observe", "classroom observation",
          "drop in", "school tour", "look fors"}},
        {{"=endyear"}, {"end of year", "end of school year", "year end", "close of year", "end of cycle"}},
        {{"=endyear", "=evaluat"},
         {"summative", "summative evaluation", "summative appraisal", "summative review", "final evaluation",
          "annual evaluation", "annual review", "annual appraisal", "year end review", "end of year review",
          "overall evaluation"}},
        {{"=evaluat"},
         {"evaluation", "evaluate", "appraisal", "appraise", "performance review", "performance evaluation",
          "evaluator"}},
        {{"=midyear"}, {"mid year", "midyear", "middle of year", "middle of school year", "midpoint", "mid point",
                        "mid cycle", "interim review"}},
        {{"=meeting"},
         {"conference", "meeting", "meet", "conversation", "check in", "sit down", "discussion", "discuss",
          "debrief", "session", "one on one", "1 1"}},
        {{"=goal"}, {"goal", "objective", "target", "smart goal", "priority"}},
        {{"=goal", "=set"}, {"goal setting", "set goal", "goals set", "goal development", "develop goal",
                             "draft goal", "write goal", "establish goal"}},
        {{"=selfassess"},
         {"self assessment", "self assess", "self reflection", "self reflect", "self evaluation", "self evaluate",
          "self rating", "self rate", "reflection", "reflect", "self review"}},
        {{"=pd"},
         {"pd", "professional development", "professional learning", "professional growth", "training",
          "workshop", "learning opportunity", "learning offering", "pl"}},
        {{"=pd", "=plan"}, {"professional learning plan", "professional development plan", "pd plan",
                            "learning plan", "individual development plan", "idp", "professional growth plan"}},
        {{"=plc"},
         {"plc", "professional learning community", "learning community", "principal network meeting",
          "network meeting", "principal cohort", "community of practice"}},
        {{"=hr"},
         {"hr", "human resources", "human resource", "talent office", "talent management", "talent",
          "personnel", "human capital", "people office"}},
        {{"=hr", "=system"}, {"hris", "hr system", "hr database", "personnel file", "human resources system",
                              "talent system", "personnel system"}},
        {{"=system"}, {"system", "database", "platform", "information system"}},
        {{"=improvplan"},
         {"improvement plan", "growth plan", "pip", "performance improvement plan", "assistance plan",
          "plan of assistance", "support plan", "intensive support plan", "corrective action plan",
          "remediation plan", "plan for improvement", "focused support plan", "action plan"}},
        {{"=schoolplan"},
         {"school improvement plan", "campus improvement plan", "school plan", "campus plan", "sip", "cip",
          "school improvement"}},
        {{"=calibrat"}, {"calibration", "calibrate", "norming", "norm", "moderation", "moderate"}},
        {{"=rating"}, {"rating", "rate", "rated", "score", "scoring", "rank"}},
        {{"=survey"}, {"survey", "questionnaire", "poll"}},
        {{"=survey", "=climate"},
         {"climate survey", "culture survey", "working conditions survey", "school climate survey",
          "conditions survey", "engagement survey", "school culture survey"}},
        {{"=climate"}, {"climate", "culture", "working conditions", "conditions"}},
        {{"=survey", "=360"},
         {"360", "360 survey", "360 degree", "360 feedback", "multi rater", "multi rater survey",
          "multirater", "360 degree survey", "360 degree feedback"}},
        {{"=coach"}, {"coach", "coaching", "mentor", "mentoring", "mentorship", "coached"}},
        {{"=assign"}, {"assign", "assignment", "match", "pair", "allocate", "allocation", "designate"}},
        {{"=renew"}, {"renew", "renewal", "reappoint", "reappointment", "rehire", "reelect", "extend"}},
        {{"=evidence"}, {"evidence", "artifact", "artefact"}},
        {{"=portfolio"}, {"portfolio", "binder", "folder", "evidence file"}},
        {{"=collect"}, {"collect", "collection", "gather", "compile", "assemble"}},
        {{"=rubric"},
         {"rubric", "standard", "framework", "leadership standard", "leadership framework", "leadership rubric",
          "performance standard", "competency", "competencies"}},
        {{"=form"}, {"form", "template"}},
        {{"=profile"}, {"profile", "dashboard", "data profile", "data pull", "data snapshot", "data report"}},
        {{"=result"}, {"result", "outcome", "score report", "test score", "achievement", "student result",
                       "student outcome", "student data", "student achievement"}},
        {{"=interim"}, {"interim", "benchmark", "formative", "interim assessment", "benchmark assessment",
                        "benchmark test", "interim test"}},
        {{"=state"}, {"state", "accountability", "state accountability"}},
        {{"=induct"}, {"induction", "orientation", "onboarding", "onboard", "new principal academy"}},
        {{"=new"}, {"new", "novice", "first year", "early career", "beginning", "newly hired", "second year"}},
        {{"=supervisor"},
         {"supervisor", "principal supervisor", "instructional superintendent", "area superintendent",
          "director of school leadership", "school leadership director", "network superintendent",
          "executive director", "director", "principal manager", "network leader", "regional superintendent"}},
        {{"=chief"},
         {"chief of schools", "deputy superintendent", "chief academic officer", "deputy", "chief",
          "chief schools officer"}},
        {{"=superintendent"}, {"superintendent"}},
        {{"=school"}, {"school", "campus", "building", "site"}},
        {{"=principal"}, {"principal", "school leader", "campus leader", "building leader", "school head"}},
        {{"=board"}, {"board", "school board", "board of education", "trustees", "school committee"}},
        {{"=union"}, {"union", "association", "labor association", "bargaining unit", "labor", "association rep",
                      "union rep", "union representative"}},
        {{"=approve"}, {"approve", "approval", "sign off", "signoff", "sign", "endorse", "accept", "ok"}},
        {{"=record"},
         {"enter", "record", "key", "key in", "file", "input", "upload", "submit", "log in", "store"}},
        {{"=arrive"},
         {"arrive", "release", "return", "publish", "available", "receive", "deliver", "come back", "come in",
          "issued", "issue", "posted", "post", "back"}},
        {{"=start"}, {"start", "begin", "open", "launch", "kick off", "kickoff", "commence", "set up"}},
        {{"=close"}, {"close", "end", "complete", "finish", "wrap up", "conclude", "done"}},
        {{"=notice"}, {"notice", "letter", "notification", "notify", "memo", "notif"}},
        {{"=appeal"}, {"appeal", "grievance", "challenge", "dispute"}},
        {{"=feedback"}, {"feedback", "written feedback", "comment"}},
        {{"=teacher"}, {"teacher", "staff", "faculty", "educator"}},
        {{"=student"}, {"student", "pupil"}},
        {{"=peer"}, {"peer", "colleague", "triad", "peer to peer"}},
        {{"=ask"}, {"request", "ask", "on request", "upon request", "by request", "self referral", "opt in",
                    "optional", "voluntary", "volunteer"}},
        {{"=support"}, {"support", "assistance", "help", "intervention", "assist"}},
        {{"=choose"}, {"choose", "select", "selection", "pick", "elect"}},
        {{"=offer"}, {"offer", "offering", "catalog", "catalogue", "menu", "option", "announce"}},
        {{"=tier"}, {"tier", "level", "category", "band", "differentiated"}},
        {{"=decide"}, {"decide", "decision", "determine", "determination"}},
        {{"=document"}, {"document", "write up", "documentation", "written"}},
        {{"=concern"}, {"concern", "flag", "warning", "red flag"}},
        {{"=recommend"}, {"recommend", "recommendation", "propose", "proposal", "nominate", "nomination"}},
        {{"=draft"}, {"draft", "proposed", "provisional", "preliminary", "tentative", "initial"}},
        {{"=final"}, {"final", "finalize", "finalise", "official"}},
        {{"=schedule"}, {"calendar", "timeline", "schedule", "timetable"}},
        {{"=review"}, {"review", "examine", "look at", "go over", "analyse", "analyze", "analysis"}},
        {{"=data"}, {"data", "information", "metrics", "indicator"}},
        {{"=contract"}, {"contract", "employment"}},
        {{"=reassign"}, {"reassign", "reassignment", "transfer", "placement", "move"}},
        {{"=nonrenew"}, {"non renewal", "nonrenewal", "not renew", "dismissal", "dismiss", "terminate",
                         "termination", "exit"}},
        {{"=succession"}, {"succession", "pipeline", "pathway", "career ladder"}},
        {{"=retention"}, {"retention", "retain", "stay interview", "keep"}},
        {{"=leadership"}, {"leadership", "leader"}},
        {{"=progress"}, {"progress", "on track", "growth"}},
        {{"=adjust"}, {"adjust", "change", "revise", "update", "modify", "refine", "intensify", "increase"}},
        {{"=monitor"}, {"monitor", "track", "follow up", "oversee", "check progress"}},
    };
    return groups;
}

const std::vector<std::string>& stepStopWords()
{
    static const std::vector<std::string> words{
        // function words
        "of", "and", "or", "to", "for", "in", "into", "on", "onto", "with", "without", "by", "at", "from", "as",
        "is", "are", "was", "be", "been", "being", "all", "each", "every", "any", "some", "if", "per", "via",
        "their", "its", "it", "this", "that", "these", "those", "who", "what", "when", "which", "where", "how",
        "about", "up", "out", "then", "than", "so", "such", "may", "can", "will", "should", "must", "also",
        "etc", "eg", "ie", "more", "most", "only", "other", "our", "we", "they", "he", "she", "his", "her",
        "them", "not", "no", "against", "within", "under", "over", "through", "using", "based", "there", "has",
        "have", "had", "do", "does", "get", "gets", "both", "own", "next", "prior", "current", "year", "years",
        "district", "process", "step", "held", "made", "make", "takes", "take", "place", "happens", "happen",
        "time", "allows", "it's", "s",
        // timing words: where a step falls in the year is the phase's job, not the label's
        "summer", "fall", "autumn", "winter", "spring", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "quarter", "q1", "q2", "q3", "q4",
        "semester", "month", "week", "day", "days", "weeks", "months"};
    return words;
}

// District roles and offices, for lane names.
const std::vector<SynonymGroup>& roleGroups()
{
    static const std::vector<SynonymGroup> groups{
        {{"=principal"},
         {"principal", "school principal", "campus principal", "school leader", "campus leader",
          "building leader", "head of school", "building principal", "principals"}},
        {{"=supervisor"},
         {"principal supervisor", "instructional superintendent", "director of school leadership",
          "area superintendent", "school leadership director", "network superintendent", "network leader",
          "regional superintendent", "executive director of schools", "executive director",
          "community superintendent", "zone superintendent", "instructional leadership director",
          "principal manager", "school performance director", "supervisor", "principal supervisors",
          "assistant superintendent", "associate superintendent", "director of schools", "regional director",
          "area director", "network chief", "instructional director", "school support director",
          "director of principal support"}},
        {{"=chief"},
         {"chief of schools", "deputy superintendent", "chief academic officer", "chief schools officer",
          "chief of school leadership", "chief of school", "deputy", "chief", "chief of staff for schools",
          "chief of school performance", "chief school officer"}},
        {{"=superintendent"}, {"superintendent", "district superintendent", "superintendent office",
                               "superintendent cabinet", "cabinet"}},
        {{"=hr"},
         {"hr", "human resources", "human resource", "talent office", "talent management", "talent",
          "human capital", "personnel", "people office", "office of talent", "hr talent", "talent and hr",
          "people and culture", "human capital management", "talent development"}},
        {{"=leaddev"},
         {"leadership development", "coaching", "coaching and leadership development", "principal development",
          "leader development", "leadership academy", "coach", "coaches", "mentoring", "mentor",
          "professional learning", "professional development", "leadership coaching", "leadership support",
          "principal coaching", "principal support", "school leadership development", "pd"}},
        {{"=data"},
         {"data and accountability", "research and assessment", "data office", "accountability", "research",
          "assessment", "research and evaluation", "data and research", "data", "office of accountability",
          "assessment and accountability", "data strategy", "performance management", "strategy and performance",
          "research evaluation and assessment", "data analytics", "analytics", "planning and accountability"}},
        {{"=slt"},
         {"school leadership team", "leadership team", "instructional leadership team", "ilt", "school team",
          "site leadership team", "campus leadership team", "school site council"}},
        {{"=union"},
         {"labor association", "union", "principals association", "association", "principals union",
          "bargaining unit", "labor", "administrators union", "administrator association", "labor relations"}},
        {{"=board"}, {"school board", "board of education", "board", "trustees", "board of trustees"}},
        {{"=teacher"}, {"teacher", "teachers", "staff", "faculty"}},
        {{"=student"}, {"student", "students", "families", "family", "parents", "community"}},
        {{"=peer"}, {"peer principal", "peer", "peers", "mentor principal"}},
    };
    return groups;
}

const std::vector<std::string>& roleStopWords()
{
    static const std::vector<std::string> words{"of", "and", "or", "for", "the", "office", "department", "dept",
                                                "division", "services", "service", "team's", "unit", "s"};
    return words;
}

// Parts of the school year, for phase names. Seasons stand for the part of the year they
// usually cover in a school-year cycle (fall: the start, winter: the middle, spring: the
// end); what a district puts after the cycle is its own part.
const std::vector<SynonymGroup>& phaseGroups()
{
    static const std::vector<SynonymGroup> groups{
        {{"=summer"}, {"summer", "summer break", "july", "august"}},
        {{"=start"},
         {"beginning of year",
          "beginning of school year",
          "beginning",
          "start of year",
          "start of school year",
          "start of school",
          "start",
          "fall",
          "autumn",
          "launch",
          "back to school",
          "opening",
          "boy",
          "quarter 1",
          "first quarter",
          "q1",
          "semester 1",
          "first semester",
          "september",
          "october"}},
        {{"=mid"},
         {"mid year", "midyear",   "middle of year", "middle of school year", "mid cycle",      "moy",
          "winter",   "quarter 2", "quarter 3",      "quarter 2 3",           "second quarter", "third quarter",
          "q2",       "q3",        "semester 2",     "second semester",       "november",       "december",
          "january",  "february"}},
        {{"=end"},
         {"end of year", "end of school year", "year end", "close of year", "close of school year", "spring",
          "quarter 4", "fourth quarter", "q4", "eoy", "march", "april", "may", "june"}},
        {{"=after"},
         {"after cycle", "after", "summer transition", "transition", "next year", "following year", "next cycle",
          "post cycle", "between cycles"}},
    };
    return groups;
}

const std::vector<std::string>& phaseStopWords()
{
    static const std::vector<std::string> words{"of",     "and",   "or",     "to",     "the",  "phase",
                                                "period", "stage", "season", "window", "term", "s"};
    return words;
}

} // namespace

std::vector<TextNormalizer::Word> TextNormalizer::words(std::string_view text)
{
    return split(text, true);
}

std::vector<TextNormalizer::Word> TextNormalizer::rawWords(std::string_view text)
{
    return split(text, false);
}

std::vector<TextNormalizer::Word> TextNormalizer::split(std::string_view text, bool stemmed)
{
    std::vector<Word> out;
    std::string current;
    int depth = 0;
    bool currentInParens = false;
    const auto flush = [&] {
        if (!current.empty()) {
            out.push_back({stemmed ? stem(current) : current, currentInParens});
            current.clear();
        }
    };
    for (char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (c >= 'A' && c <= 'Z') {
            if (current.empty())
                currentInParens = depth > 0;
            current += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            // Bytes of multi-byte UTF-8 letters stay in the word; accents are left as they are.
            if (current.empty())
                currentInParens = depth > 0;
            current += static_cast<char>(c);
        } else if (c == '\'' && !current.empty()) {
            // "supervisor's" -> "supervisor": the possessive ends the word.
            flush();
            current.clear();
        } else {
            flush();
            if (c == '(' || c == '[')
                ++depth;
            else if ((c == ')' || c == ']') && depth > 0)
                --depth;
        }
    }
    flush();
    // Drop a lone "s" left by a possessive ("principal's" -> "principal", "s").
    out.erase(std::remove_if(out.begin(), out.end(), [](const Word& w) { return w.text == "s"; }), out.end());
    return out;
}

std::string TextNormalizer::stem(std::string_view input)
{
    std::string w(input);
    for (char c : w)
        if (static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9'))
            return w; // numbers and non-English words stay as they are
    if (w.size() <= 3)
        return w;

    // Plurals.
    if (endsWith(w, "ies") && w.size() > 4)
        w.replace(w.size() - 3, 3, "y");
    else if (endsWith(w, "sses"))
        w.erase(w.size() - 2);
    else if (endsWith(w, "s") && !endsWith(w, "ss") && !endsWith(w, "us") && !endsWith(w, "is"))
        w.pop_back();

    // Inflections.
    bool inflected = false;
    if (endsWith(w, "ied") && w.size() > 4) {
        w.replace(w.size() - 3, 3, "y"); // "intensified" -> "intensify"
    } else if (endsWith(w, "ing") && w.size() >= 6 && hasVowel(w, w.size() - 3)) {
        w.erase(w.size() - 3);
        inflected = true;
    } else if (endsWith(w, "ed") && w.size() >= 5 && hasVowel(w, w.size() - 2)) {
        w.erase(w.size() - 2);
        inflected = true;
    }
    if (inflected)
        undouble(w);

    // Derivations, one at most, so that stems stay recognisable.
    if (endsWith(w, "ation") && w.size() >= 8)
        w.erase(w.size() - 5);
    else if (endsWith(w, "ment") && w.size() >= 8)
        w.erase(w.size() - 4);
    else if (endsWith(w, "ion") && w.size() >= 7 && (w[w.size() - 4] == 't' || w[w.size() - 4] == 's'))
        w.erase(w.size() - 3);
    else if (endsWith(w, "al") && w.size() >= 7)
        w.erase(w.size() - 2);
    else if (endsWith(w, "ly") && w.size() >= 6)
        w.erase(w.size() - 2);
    else if (endsWith(w, "ness") && w.size() >= 8)
        w.erase(w.size() - 4);
    else if (endsWith(w, "ate") && w.size() >= 7)
        w.erase(w.size() - 3);
    else if (inflected && endsWith(w, "at") && w.size() >= 6)
        w.erase(w.size() - 2); // "evaluated" -> "evaluat" -> "evalu", as "evaluate"

    if (endsWith(w, "e") && w.size() >= 5)
        w.pop_back(); // "approve" and "approved" meet at "approv"
    return w;
}

TextNormalizer::TextNormalizer(const std::vector<SynonymGroup>& groups, const std::vector<std::string>& stopWords)
{
    for (const std::string& word : stopWords)
        for (const Word& w : words(word))
            m_stopWords.insert(w.text);
    m_canonical.reserve(groups.size());
    for (const SynonymGroup& group : groups) {
        m_canonical.push_back(group.canonical);
        for (const std::string& phrase : group.phrases) {
            Phrase p;
            for (const Word& w : words(phrase))
                if (!isArticle(w.text))
                    p.words.push_back(w.text);
            if (p.words.empty())
                continue;
            p.group = m_canonical.size() - 1;
            auto& list = m_phrases[p.words.front()];
            // A phrase listed twice keeps its first group: the table reads top-down.
            const bool known = std::any_of(list.begin(), list.end(),
                                           [&](const Phrase& other) { return other.words == p.words; });
            if (!known)
                list.push_back(std::move(p));
        }
    }
    for (auto& [first, list] : m_phrases)
        std::stable_sort(list.begin(), list.end(),
                         [](const Phrase& x, const Phrase& y) { return x.words.size() > y.words.size(); });
}

const TextNormalizer& TextNormalizer::forSteps()
{
    static const TextNormalizer normalizer(stepGroups(), stepStopWords());
    return normalizer;
}

const TextNormalizer& TextNormalizer::forRoles()
{
    static const TextNormalizer normalizer(roleGroups(), roleStopWords());
    return normalizer;
}

const TextNormalizer& TextNormalizer::forPhases()
{
    static const TextNormalizer normalizer(phaseGroups(), phaseStopWords());
    return normalizer;
}

std::vector<Token> TextNormalizer::tokens(std::string_view text) const
{
    std::vector<Token> out;
    for (SurfaceToken& t : surfaceTokens(text))
        out.push_back(std::move(t.token));
    return out;
}

std::vector<TextNormalizer::SurfaceToken> TextNormalizer::surfaceTokens(std::string_view text) const
{
    std::vector<Word> all = words(text);
    std::vector<Word> raw = rawWords(text); // the same words, one for one, unstemmed
    if (raw.size() != all.size())
        raw = all;
    std::vector<std::size_t> keep;
    for (std::size_t k = 0; k < all.size(); ++k)
        if (!isArticle(all[k].text))
            keep.push_back(k);
    std::vector<SurfaceToken> out;
    std::size_t i = 0;
    while (i < keep.size()) {
        const Word& word = all[keep[i]];
        const float weight = word.inParentheses ? 0.5f : 1.0f;
        const Phrase* found = nullptr;
        if (const auto it = m_phrases.find(word.text); it != m_phrases.end()) {
            for (const Phrase& phrase : it->second) {
                if (i + phrase.words.size() > keep.size())
                    continue;
                bool same = true;
                for (std::size_t k = 1; k < phrase.words.size() && same; ++k)
                    same = all[keep[i + k]].text == phrase.words[k];
                if (same) {
                    found = &phrase;
                    break;
                }
            }
        }
        if (found) {
            // The phrase as written, in WordNet's spelling of collocations ("set_up").
            std::string written;
            for (std::size_t k = 0; k < found->words.size(); ++k)
                written += (k ? "_" : "") + raw[keep[i + k]].text;
            for (const std::string& canonical : m_canonical[found->group])
                out.push_back({{canonical, weight}, written});
            i += found->words.size();
            continue;
        }
        if (!m_stopWords.count(word.text))
            out.push_back({{word.text, weight}, raw[keep[i]].text});
        ++i;
    }
    return out;
}

std::string TextNormalizer::key(std::string_view text) const
{
    std::string joined;
    for (const Token& token : tokens(text)) {
        if (!joined.empty())
            joined += ' ';
        joined += token.text;
    }
    return joined;
}

} // namespace crosswalk
