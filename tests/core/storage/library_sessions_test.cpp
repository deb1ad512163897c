// Sessions in a network library, enforced by the server: the facilitator creates and runs
// them; a district's member reads them, adds parked questions, notes and their own dots (within
// the limit), and sees others' dots only as a tally once revealed, with names only when voting
// is not anonymous. Plain SQL as a member finds the same.

#include "support/pgtest.h"
#include "support/randommap.h"

#include "crosswalk/storage/networklibrary.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using Catch::Matchers::Contains;

namespace {

template <typename F> std::string errorOf(F&& call)
{
    try {
        call();
    } catch (const StoreError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("Network library sessions: who may do what, and what each sees of the votes", "[library][session]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    NetworkLibrary a = NetworkLibrary::open(lib.uri(lib.roleA()));
    NetworkLibrary b = NetworkLibrary::open(lib.uri(lib.roleB()));
    NetworkLibrary f = NetworkLibrary::open(lib.uri(lib.roleF()));
    Map lake = test::smallMap();
    lake.props.district = "Lakeside";
    a.addMap(lake);
    a.share(lake.id, true);

    Session s;
    s.id = "s-net";
    s.title = "Network session";
    s.date = "2026-03-12";
    s.agenda = {{"a1", {lake.id}, 10, ""}};
    s.voteSettings = {3, false, true};
    s.participants = {{lib.roleF(), "Facilitator", true}};

    // Only a facilitator creates a session; every member lists it.
    CHECK_THAT(errorOf([&] { a.saveSession(s, 0); }), Contains("only a facilitator"));
    REQUIRE(f.saveSession(s, 0) >= 1);
    CHECK(a.listSessions().size() == 1);
    CHECK(b.listSessions().size() == 1);
    CHECK(a.participantId() == lib.roleA());

    // A member cannot change the agenda, through Crosswalk or plain SQL.
    CHECK_THAT(errorOf([&] { a.updateSession("s-net", [](Session& x) { x.agenda[0].plannedMinutes = 99; }); }),
               Contains("only a facilitator"));
    auto sqlA = lib.connect(lib.roleA());
    CHECK_THAT(errorOf([&] { sqlA->exec("UPDATE crosswalk.sessions SET title = 'x'"); }), Contains("permission denied"));
    CHECK_THAT(errorOf([&] { sqlA->exec("DELETE FROM crosswalk.sessions"); }), Contains("permission denied"));

    // Dots: each their own, within the limit the facilitator set.
    a.updateSession("s-net", [&](Session& x) { setSessionVote(x, lib.roleA(), lake.id, "s3", 2); });
    b.updateSession("s-net", [&](Session& x) { setSessionVote(x, lib.roleB(), lake.id, "s3", 1); });
    b.updateSession("s-net", [&](Session& x) { setSessionVote(x, lib.roleB(), lake.id, "s5", 2); });
    CHECK_THAT(errorOf([&] { b.updateSession("s-net", [&](Session& x) { setSessionVote(x, lib.roleB(), lake.id, "s1", 1); }); }),
               Contains("3 votes"));
    // The server holds the limit too: plain SQL cannot pass it.
    auto sqlB = lib.connect(lib.roleB());
    CHECK_THAT(errorOf([&] {
                   sqlB->exec("INSERT INTO crosswalk.session_votes (session_id, map_id, step, count) "
                              "VALUES ('s-net', '" + lake.id + "', 's6', 5)");
               }),
               Contains("3 votes"));
    // Nor vote as someone else.
    CHECK_THAT(errorOf([&] {
                   sqlB->exec("INSERT INTO crosswalk.session_votes (session_id, participant, map_id, step, count) "
                              "VALUES ('s-net', '" + lib.roleA() + "', '" + lake.id + "', 's6', 1)");
               }),
               Contains("row-level security"));

    // Before the reveal: each sees their own only; the facilitator sees all.
    CHECK(a.loadSession("s-net").votes == std::vector<SessionVote>{{lib.roleA(), lake.id, "s3", 2}});
    CHECK(sqlA->exec("SELECT count(*) FROM crosswalk.session_votes").integer(0, 0) == 1);
    CHECK(sqlA->exec("SELECT count(*) FROM crosswalk.session_tally('s-net')").integer(0, 0) == 0);
    CHECK(f.loadSession("s-net").votes.size() == 3);

    // Revealed, anonymous: the others' dots as a tally without names.
    f.updateSession("s-net", [](Session& x) { x.voteSettings.revealed = true; });
    const Session seenByA = a.loadSession("s-net");
    CHECK(sessionTally(seenByA, lake.id) == std::map<std::string, int>{{"s3", 3}, {"s5", 2}});
    for (const SessionVote& v : seenByA.votes)
        CHECK(v.participant != lib.roleB());
    CHECK(sqlA->exec("SELECT count(*) FROM crosswalk.session_votes").integer(0, 0) == 1);

    // Open voting: names too.
    f.updateSession("s-net", [](Session& x) { x.voteSettings.anonymous = false; });
    CHECK(a.loadSession("s-net").votesOf(lib.roleB()) == 3);

    // A member parks a question; the server stamps it with the member, whatever it claims.
    a.updateSession("s-net", [](Session& x) { x.parkingLot.push_back({"k1", "Who signs?", "someone-else", "", false}); });
    const Session parked = f.loadSession("s-net");
    REQUIRE(parked.parkingLot.size() == 1);
    CHECK(parked.parkingLot[0].author == lib.roleA());
    a.updateSession("s-net", [&](Session& x) {
        SessionNote note;
        note.id = "n1";
        note.text = "Ask HR";
        note.mapId = lake.id;
        note.stepId = "s3";
        x.notes.push_back(note);
    });
    CHECK(f.loadSession("s-net").notes.size() == 1);

    // A stale save by the facilitator is a conflict; updateSession re-applies over it.
    const std::int64_t v = f.sessionVersion("s-net");
    Session stale = f.loadSession("s-net");
    a.updateSession("s-net", [&](Session& x) { setSessionVote(x, lib.roleA(), lake.id, "s3", 1); });
    stale.minutes = "stale";
    CHECK_THROWS_AS(f.saveSession(stale, v), CommitConflict);
    f.updateSession("s-net", [](Session& x) { x.minutes = "fresh"; });
    CHECK(a.loadSession("s-net").minutes == "fresh");
    CHECK(a.loadSession("s-net").votesOf(lib.roleA()) == 1);

    // Only a facilitator deletes it.
    CHECK_THAT(errorOf([&] { a.deleteSession("s-net"); }), Contains("only a facilitator"));
    f.deleteSession("s-net");
    CHECK(a.listSessions().empty());
}
