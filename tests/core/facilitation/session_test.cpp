// The session model: validation messages, votes within the limit and what others see of
// them, the deadline timer, and the JSON form round trip.

#include "crosswalk/facilitation/session.h"
#include "crosswalk/facilitation/sessionclock.h"

#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace crosswalk;
using Catch::Matchers::Contains;

namespace {

Session sampleSession()
{
    Session s;
    s.id = "s1";
    s.title = "Monthly session";
    s.date = "2026-03-12";
    s.agenda = {{"a1", {"m-a"}, 10, ""}, {"a2", {"m-a", "m-b"}, 15, "Side by side"}};
    s.voteSettings = {3, false, true};
    s.participants = {{"fac", "Facilitator", true}, {"p1", "Harbor City", false}, {"p2", "Kestrel Bay", false}};
    s.parkingLot = {{"k1", "Ask HR", "p1", "2026-03-12T16:00:00Z", false}};
    s.notes = {{"n1", "Who signs?", "m-a", "s3", "p2", "#FFE680", ""}};
    s.minutes = "We began late.";
    return s;
}

std::string allProblems(const Session& s)
{
    std::string all;
    for (const std::string& p : validateSession(s))
        all += p + "\n";
    return all;
}

} // namespace

TEST_CASE("A valid session has no problems, each broken field is named", "[facilitation][session]")
{
    Session s = sampleSession();
    CHECK(validateSession(s).empty());
    CHECK(s.agenda[1].isComparison());
    CHECK_FALSE(s.agenda[0].isComparison());
    CHECK(s.agendaMaps() == std::vector<std::string>{"m-a", "m-b"});
    CHECK(s.plannedMinutes() == 25);

    SECTION("date") {
        s.date = "12/03/2026";
        CHECK_THAT(allProblems(s), Contains("date: must be a date as YYYY-MM-DD, not \"12/03/2026\""));
    }
    SECTION("an agenda item without maps") {
        s.agenda[0].maps.clear();
        CHECK_THAT(allProblems(s), Contains("agenda[0].maps: an agenda item needs a map"));
    }
    SECTION("a comparison naming a map twice") {
        s.agenda[1].maps = {"m-a", "m-a"};
        CHECK_THAT(allProblems(s), Contains("agenda[1].maps: map \"m-a\" is named twice"));
    }
    SECTION("planned length out of range") {
        s.agenda[1].plannedMinutes = -5;
        CHECK_THAT(allProblems(s), Contains("agenda[1].minutes: must be 0 to 1440 minutes, not -5"));
    }
    SECTION("a map the store does not have") {
        const auto problems = validateSession(s, [](const std::string& id) { return id == "m-a"; });
        REQUIRE(problems.size() == 1);
        CHECK(problems[0] == "agenda[1].maps: no map \"m-b\" in this workspace");
    }
    SECTION("ids shared between agenda, parking lot and notes") {
        s.parkingLot[0].id = "a1";
        CHECK_THAT(allProblems(s), Contains("parking_lot[0].id: id \"a1\" is used twice"));
    }
    SECTION("the current item must be on the agenda") {
        s.currentItem = 2;
        CHECK_THAT(allProblems(s), Contains("current_item"));
    }
    SECTION("votes over the limit") {
        s.votes = {{"p1", "m-a", "s1", 2}, {"p1", "m-a", "s2", 2}};
        CHECK_THAT(allProblems(s), Contains("participant \"p1\" placed 4 votes; the limit is 3"));
    }
}

TEST_CASE("Dot votes: within each participant's limit, tallied across participants", "[facilitation][session]")
{
    Session s = sampleSession();
    setSessionVote(s, "p1", "m-a", "s1", 2);
    setSessionVote(s, "p2", "m-a", "s1", 1);
    setSessionVote(s, "p2", "m-b", "s4", 2);
    CHECK(s.votesOf("p1") == 2);
    CHECK(s.votesOf("p2") == 3);
    CHECK(sessionTally(s, "m-a") == std::map<std::string, int>{{"s1", 3}});
    CHECK(sessionTally(s, "m-b") == std::map<std::string, int>{{"s4", 2}});

    // p2 has used all three: one more is refused with the limit named, nothing changes.
    const Session before = s;
    try {
        setSessionVote(s, "p2", "m-a", "s2", 1);
        FAIL("a vote over the limit was accepted");
    } catch (const std::invalid_argument& e) {
        CHECK_THAT(e.what(), Contains("each participant has 3 votes"));
    }
    CHECK(s == before);
    // Taking a dot back always works, and frees it for another step.
    setSessionVote(s, "p2", "m-b", "s4", 1);
    setSessionVote(s, "p2", "m-a", "s2", 1);
    CHECK(s.votesOf("p2") == 3);
    setSessionVote(s, "p1", "m-a", "s1", 0);
    CHECK(s.votesOf("p1") == 0);
    CHECK(validateSession(s).empty());
}

TEST_CASE("What a participant sees of the votes", "[facilitation][session]")
{
    Session s = sampleSession();
    setSessionVote(s, "p1", "m-a", "s1", 2);
    setSessionVote(s, "p2", "m-a", "s1", 1);
    setSessionVote(s, "p2", "m-a", "s2", 1);

    // Before the reveal: only one's own.
    CHECK(visibleVotes(s, "p1") == std::vector<SessionVote>{{"p1", "m-a", "s1", 2}});
    // Revealed, anonymous: one's own, plus the others' merged per step without names.
    s.voteSettings.revealed = true;
    const auto anonymous = visibleVotes(s, "p1");
    CHECK(anonymous == std::vector<SessionVote>{{"p1", "m-a", "s1", 2}, {"", "m-a", "s1", 1}, {"", "m-a", "s2", 1}});
    for (const SessionVote& v : anonymous)
        CHECK(v.participant != "p2");
    // Revealed and open: everyone's with names.
    s.voteSettings.anonymous = false;
    CHECK(visibleVotes(s, "p1") == s.votes);
}

TEST_CASE("The session timer is a deadline: the same time left for every clock reading it", "[facilitation][session]")
{
    const std::int64_t start = 1'800'000'000'000;
    // Started with 10 minutes: stored as the moment it ends.
    const SessionTimerState running = storedTimer(SessionTimer{600, 600, true}, start);
    CHECK(running.deadlineMs == start + 600'000);
    // Read later, by anyone, after a restart: the time left follows the wall clock.
    CHECK(sessionTimerAt(running, start + 61'000).remainingSeconds == 539);
    CHECK(countdownText(sessionTimerAt(running, start + 61'000).remainingSeconds) == "8:59");
    CHECK(sessionTimerAt(running, start + 700'000).remainingSeconds == 0);
    // Paused: the time left is kept, not counted down.
    SessionClock clock(sessionTimerAt(running, start + 61'000));
    const auto paused = clock.toggled(0);
    REQUIRE(paused);
    const SessionTimerState stored = storedTimer(*paused, start + 61'000);
    CHECK_FALSE(stored.running);
    CHECK(stored.remainingSeconds == 539);
    CHECK(sessionTimerAt(stored, start + 3'600'000).remainingSeconds == 539);
}

TEST_CASE("The session's timer as the presentation's clock reads it keeps its deadline", "[facilitation][session]")
{
    const std::int64_t start = 1'700'000'000'000;
    const SessionTimerState running{1800, 1800, true, start + 1'800'000};
    const SessionTimer asClock = asSessionTimer(running);
    CHECK(asClock.deadlineMs == start + 1'800'000);
    CHECK(SessionClock(asClock).remainingAt(start + 240'300) == 26 * 60);
    CHECK(asTimerState(asClock) == running);
    // Paused at that moment (what T in the presentation stores): the time left, no deadline.
    const SessionTimerState paused = asTimerState(SessionClock(asClock).pausedAt(start + 240'300));
    CHECK(paused == SessionTimerState{1800, 1560, false, 0});
    CHECK(asSessionTimer(paused) == SessionTimer{1800, 1560, false, 0});
    // A paused state with a stale deadline does not carry it into the clock.
    CHECK(asSessionTimer(SessionTimerState{600, 300, false, 123}).deadlineMs == 0);
}

TEST_CASE("A session's JSON form round-trips, and a bad one is refused naming its problems", "[facilitation][session]")
{
    Session s = sampleSession();
    s.timer = storedTimer(SessionTimer{1500, 1500, true}, 1'800'000'000'000);
    s.startRevisions = {{"m-a", "r-1"}};
    setSessionVote(s, "p1", "m-a", "s1", 2);
    const std::string json = sessionToJson(s);
    CHECK(parseSessionJson(json) == s);
    CHECK(sessionToJson(parseSessionJson(json)) == json);

    std::string bad = json;
    bad.replace(bad.find("\"2026-03-12\""), 12, "\"March\"");
    bad.replace(bad.find("\"minutes\": 10"), 13, "\"minutes\": \"ten\"");
    try {
        (void)parseSessionJson(bad);
        FAIL("accepted");
    } catch (const std::invalid_argument& e) {
        CHECK_THAT(e.what(), Contains("session.agenda[0].minutes: must be a whole number"));
    }
    CHECK_THROWS_WITH(parseSessionJson("{\"format\": \"crosswalk-map\"}"), Contains("not a Crosswalk session"));
    CHECK_THROWS_WITH(parseSessionJson(std::string(100, '[')), Contains("nests deeper"));
}

TEST_CASE("The demo session: six districts, one comparison, planned lengths", "[facilitation][session][demo]")
{
    std::vector<Map> maps;
    for (const char* id : {"m-harbor-city", "m-kestrel-bay", "m-ironbridge-county", "m-sable-ridge", "m-lindenport",
                           "m-granite-hollow"}) {
        Map m = test::smallMap();
        m.id = id;
        maps.push_back(m);
    }
    const Session s = demoSession(maps);
    CHECK(validateSession(s).empty());
    CHECK_THAT(s.title, Contains("Third monthly session"));
    CHECK(s.agendaMaps().size() == 6);
    int comparisons = 0;
    for (const AgendaItem& item : s.agenda) {
        CHECK(item.plannedMinutes > 0);
        comparisons += item.isComparison() ? 1 : 0;
    }
    CHECK(comparisons == 1);
    maps.pop_back();
    CHECK_THROWS_WITH(demoSession(maps), Contains("m-granite-hollow"));
}
