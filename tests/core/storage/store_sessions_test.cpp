// Sessions in every local store: saved and listed, refused when invalid, a stale save
// refused as a conflict and updateSession re-applying over it, the record of what changed.

#include "support/randommap.h"
#include "support/storagetest.h"
#include "support/storefixtures.h"

#include "crosswalk/insights/sessionrecord.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using Catch::Matchers::Contains;
using crosswalk::test::TempDir;

namespace {

Session sessionOn(const std::string& mapId, const std::string& other)
{
    Session s;
    s.id = "s-1";
    s.title = "Third monthly session";
    s.date = "2026-03-12";
    s.agenda = {{"a1", {mapId}, 10, ""}, {"a2", {mapId, other}, 15, ""}};
    s.participants = {{"fac", "Facilitator", true}, {"p1", "Team one", false}};
    return s;
}

template <typename F> std::string storeErrorOf(F&& call)
{
    try {
        call();
    } catch (const StoreError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEMPLATE_TEST_CASE("Sessions are stored with the maps, versioned, and validated", "[storage][session]",
                   test::WorkspaceStore, test::MemoryStoreFixture)
{
    TestType fixture;
    MapStore& store = fixture.store;
    Map a = test::smallMap();
    Map b = test::smallMap();
    b.id = "m-other";
    b.props.district = "Kestrel Bay";
    store.addMap(a);
    store.addMap(b);

    CHECK(store.listSessions().empty());
    Session s = sessionOn(a.id, b.id);
    CHECK(store.saveSession(s, 0) == 1);
    CHECK(store.loadSession("s-1") == s);
    CHECK(store.listSessions() == std::vector<SessionSummary>{{"s-1", "Third monthly session", "2026-03-12"}});
    CHECK(store.resolveSession("Third monthly session") == "s-1");
    CHECK_THAT(storeErrorOf([&] { (void)store.resolveSession("nope"); }),
               Contains("no session with id or title \"nope\""));

    SECTION("an agenda naming a map the store does not have is refused, nothing stored")
    {
        Session bad = s;
        bad.agenda[0].maps = {"m-gone"};
        CHECK_THAT(storeErrorOf([&] { store.saveSession(bad, 1); }),
                   Contains("agenda[0].maps: no map \"m-gone\" in this workspace"));
        CHECK(store.loadSession("s-1") == s);
    }
    SECTION("the same id twice is refused")
    {
        CHECK_THAT(storeErrorOf([&] { store.saveSession(s, 0); }), Contains("already in"));
    }
    SECTION("a save from an old version is a conflict; updateSession re-applies over it")
    {
        Session mine = store.loadSession("s-1");
        Session theirs = mine;
        theirs.parkingLot.push_back({"k1", "Theirs", "p1", "", false});
        CHECK(store.saveSession(theirs, 1) == 2);
        mine.minutes = "Mine";
        CHECK_THROWS_AS(store.saveSession(mine, 1), CommitConflict);
        CHECK(store.loadSession("s-1") == theirs);
        const Session both = store.updateSession("s-1", [](Session& x) { x.minutes = "Mine"; });
        CHECK(both.parkingLot.size() == 1);
        CHECK(both.minutes == "Mine");
        CHECK(store.sessionVersion("s-1") == 3);
    }
    SECTION("a vote over the limit in updateSession stores nothing")
    {
        store.updateSession("s-1", [&](Session& x) { setSessionVote(x, "p1", a.id, "s1", 3); });
        CHECK_THROWS(store.updateSession("s-1", [&](Session& x) { setSessionVote(x, "p1", a.id, "s2", 1); }));
        CHECK(store.loadSession("s-1").votesOf("p1") == 3);
    }
    SECTION("deleted")
    {
        store.deleteSession("s-1");
        CHECK(store.listSessions().empty());
        CHECK(store.sessionVersion("s-1") == 0);
    }
}

TEMPLATE_TEST_CASE("The session record says what changed in each map during the session", "[storage][session]",
                   test::WorkspaceStore, test::MemoryStoreFixture)
{
    TestType fixture;
    MapStore& store = fixture.store;
    Map a = test::smallMap();
    Map b = test::smallMap();
    b.id = "m-other";
    store.addMap(a);
    store.addMap(b);
    store.saveSession(sessionOn(a.id, b.id), 0);

    const Session started = store.startSession("s-1");
    CHECK(started.currentItem == 0);
    CHECK_FALSE(started.startedAt.empty());
    REQUIRE(started.startRevisions.size() == 2);
    // Starting again (after a restart) keeps the "before".
    CHECK(store.startSession("s-1").startRevisions == started.startRevisions);

    Map edited = store.loadMap(a.id);
    Step relabelled = *edited.step("s3");
    relabelled.label = "Mid-year review with HR";
    store.applyEdit(edited, UpdateStep{relabelled});
    store.updateSession("s-1", [&](Session& x) {
        setSessionVote(x, "p1", a.id, "s3", 2);
        x.parkingLot.push_back({"k1", "Who keeps the form?", "p1", "", false});
        for (Participant& p : x.participants)
            if (p.id == "p1")
                p.name = "Lakeside team";
        x.notes.push_back({"n1", "Ask HR", a.id, "s3", "p1", "#FFE680", ""});
        x.notes.push_back({"n2", "Whole map", b.id, "", "p2", "#FFE680", ""});
        x.notes.push_back({"n3", "For the session", "", "", "p1", "#FFE680", ""});
    });
    const Session ended = store.endSession("s-1");
    CHECK_FALSE(ended.endedAt.empty());

    const SessionRecord record = buildSessionRecord(store, ended);
    REQUIRE(record.changes.size() == 2);
    CHECK(record.changes[0].known);
    REQUIRE(record.changes[0].changes.size() == 1);
    CHECK_THAT(record.changes[0].changes[0].text, Contains("Mid-year review with HR"));
    CHECK(record.changes[1].changes.empty());
    REQUIRE(record.tallies.size() == 1);
    CHECK(record.tallies[0].label == "Mid-year review with HR");
    CHECK(record.tallies[0].votes == 2);
    CHECK(record.agenda[1].title == "Lakeside USD / Lakeside USD");
    // Notes are placed by district and step label, and authors named, not by ids.
    CHECK(record.notePlaces ==
          std::vector<std::string>{"Lakeside USD: Mid-year review with HR", "Lakeside USD (whole map)", "the session"});
    CHECK(ended.participantName("p1") == "Lakeside team");
    CHECK(ended.participantName("p2") == "p2");
    const std::string json = sessionRecordToJson(record);
    CHECK_THAT(json, Contains("\"format\": \"crosswalk-session-record\""));
    CHECK_THAT(json, Contains("Who keeps the form?"));
    CHECK_THAT(json, !Contains("by_participant")); // anonymous by default
}

TEST_CASE("Sessions survive reopening, schema 3 workspaces open read-only and upgrade on write", "[storage][session]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(test::smallMap());
        Session s = sessionOn("m-small", "m-small");
        s.agenda.pop_back();
        ws.saveSession(s, 0);
    }
    {
        Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
        CHECK(ws.listSessions().size() == 1);
        CHECK(ws.loadSession("s-1").agenda.size() == 1);
        CHECK(ws.check().empty());
    }
    // Make it the schema before sessions.
    {
        Workspace ws = Workspace::open(path);
        test::sql(storage::handle(ws), "DROP TABLE sessions; DROP TABLE district_colors;"
                  " ALTER TABLE map_sessions DROP COLUMN deadline; PRAGMA user_version = 3");
    }
    {
        Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
        CHECK(ws.listSessions().empty());
        CHECK(ws.loadMap("m-small") == test::smallMap());
        CHECK(ws.districtColors().empty());
        CHECK_THAT(storeErrorOf([&] { ws.saveSession(sessionOn("m-small", "x"), 0); }), Contains("read-only"));
    }
    {
        Workspace ws = Workspace::open(path);
        CHECK(test::sqlInt(storage::handle(ws), "PRAGMA user_version") == kWorkspaceSchemaVersion);
        CHECK(ws.check().empty());
        Session s = sessionOn("m-small", "m-small");
        s.agenda.pop_back();
        CHECK(ws.saveSession(s, 0) == 1);
    }
    // A damaged session body is reported by check() and refused by loadSession, by name.
    {
        Workspace ws = Workspace::open(path);
        test::sql(storage::handle(ws), "UPDATE sessions SET body = '{\"format\": 1}'");
        CHECK_THAT(storeErrorOf([&] { (void)ws.loadSession("s-1"); }), Contains("session \"s-1\""));
        bool found = false;
        for (const std::string& p : ws.check())
            found = found || p.find("session \"s-1\" cannot be read") != std::string::npos;
        CHECK(found);
    }
}
