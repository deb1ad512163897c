// Facilitation data in the workspace: sticky notes, parking lot, votes and session timer are
// stored at once with every edit, survive reopening, revisions and the schema migration.

#include "support/storagetest.h"

#include "support/randommap.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using Catch::Matchers::Contains;
using crosswalk::test::TempDir;

namespace {

bool problemsContain(const std::vector<std::string>& problems, const std::string& text)
{
    for (const std::string& p : problems)
        if (p.find(text) != std::string::npos)
            return true;
    return false;
}

/// Closes and reopens the workspace, and loads the map from the file.
Map reopened(const std::string& path, const std::string& mapId)
{
    return Workspace::open(path).loadMap(mapId);
}

} // namespace

TEST_CASE("Facilitation edits are stored at once and survive reopening", "[storage][facilitation]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    std::vector<Edit> undos;
    Map map;
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(test::smallMap());
        map = ws.loadMap("m-small");
        undos.push_back(ws.applyEdit(map, AddStickyNote{{"n1", "s3", "Ask HR", "#FFE680"}, {}}));
        undos.push_back(ws.applyEdit(map, AddStickyNote{{"n2", "s3", "Second note", "#C7F0D8"}, 0}));
        undos.push_back(
            ws.applyEdit(map, AddParkingItem{{"q1", "Who owns the calendar?", "2026-03-05T15:04:00Z", false}, {}}));
        undos.push_back(
            ws.applyEdit(map, UpdateParkingItem{{"q1", "Who owns the calendar?", "2026-03-05T15:04:00Z", true}}));
        undos.push_back(ws.applyEdit(map, SetVotes{"s3", 3}));
        undos.push_back(ws.applyEdit(map, SetVotes{"s5", 1}));
        undos.push_back(ws.applyEdit(map, SetSessionTimer{{3600, 2400, false}}));
        CHECK(ws.check().empty());
    }
    const Map stored = reopened(path, "m-small");
    CHECK(stored == map);
    REQUIRE(stored.stickyNotes.size() == 2);
    CHECK(stored.stickyNotes[0].id == "n2"); // the stored order is the model's
    CHECK(stored.parkingItem("q1")->done);
    CHECK(stored.votes == std::map<std::string, int>{{"s3", 3}, {"s5", 1}});
    CHECK(stored.session == SessionTimer{3600, 2400, false});

    // Reset votes, remove a step with a note and votes, then undo everything in a new session.
    {
        Workspace ws = Workspace::open(path);
        Map m = ws.loadMap("m-small");
        const Edit undoReset = ws.applyEdit(m, ReplaceVotes{});
        CHECK(reopened(path, "m-small").votes.empty());
        ws.applyEdit(m, undoReset);
        CHECK(reopened(path, "m-small").votes == stored.votes);

        const Edit undoRemove = ws.applyEdit(m, RemoveStep{"s3"});
        const Map without = reopened(path, "m-small");
        CHECK(without.stickyNotes.empty());
        CHECK(without.votes == std::map<std::string, int>{{"s5", 1}});
        CHECK(ws.check().empty());
        ws.applyEdit(m, undoRemove);
        CHECK(reopened(path, "m-small") == stored);

        for (auto it = undos.rbegin(); it != undos.rend(); ++it)
            ws.applyEdit(m, *it);
        CHECK(m == test::smallMap());
        CHECK(ws.check().empty());
    }
    CHECK(reopened(path, "m-small") == test::smallMap());
    Workspace ws = Workspace::open(path);
    for (const char* table : {"sticky_notes", "parking_lot", "step_votes", "map_sessions"})
        CHECK(test::sqlInt(storage::handle(ws), std::string("SELECT COUNT(*) FROM ") + table) == 0);
}

TEST_CASE("Random facilitated maps store, reload and snapshot exactly", "[storage][facilitation]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    Workspace ws = Workspace::create(path);
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        test::RandomMapOptions options = test::mapOptions(12, 14, 4);
        options.stickyNotes = 5;
        options.parkingItems = 3;
        const Map original = test::randomMap(seed, options);
        INFO("seed " << seed);
        ws.addMap(original);
        Map map = ws.loadMap(original.id);
        CHECK(map == original);
        // Random edits, every one committed and compared with what the file holds.
        test::Rng rng(seed * 31);
        for (int i = 0; i < 30; ++i) {
            const Edit edit = test::randomEdit(map, rng);
            ws.applyEdit(map, edit);
        }
        CHECK(ws.loadMap(map.id) == map);
        const Revision revision = ws.createRevision(map.id, "After the session");
        CHECK(ws.loadRevision(revision.id) == map);
        const std::string restoredId = ws.restoreRevision(revision.id);
        Map restored = ws.loadMap(restoredId);
        CHECK(restored.stickyNotes == map.stickyNotes);
        CHECK(restored.parkingLot == map.parkingLot);
        CHECK(restored.votes == map.votes);
        CHECK(restored.session == map.session);
    }
    CHECK(ws.check().empty());
}

TEST_CASE("A workspace of the schema before facilitation is migrated on open", "[storage][facilitation]")
{
    TempDir dir;
    const std::string path = dir.file("old.crosswalk");
    {
        // Make a file of schema 2: the current one without the facilitation tables (and
        // without the sessions table of schema 4).
        Workspace ws = Workspace::create(path);
        ws.addMap(test::smallMap());
        sqlite3* db = storage::handle(ws);
        // Schema 2: the facilitation tables came with schema 3.
        test::sql(db, "DROP TABLE sticky_notes; DROP TABLE parking_lot; DROP TABLE step_votes; "
                      "DROP TABLE map_sessions; DROP TABLE district_colors; DROP TABLE sessions; "
                      "PRAGMA user_version = 2"); // schema 2: before facilitation (and schema 4's tables)
        test::sql(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    }
    SECTION("read-only: refused with a clear message until upgraded")
    {
        CHECK_THAT(test::workspaceErrorOf([&] { Workspace::open(path, Workspace::Mode::ReadOnly); }),
                   Contains("open it once for writing to upgrade it"));
    }
    SECTION("read-write: upgraded, the maps intact, facilitation editable")
    {
        {
            Workspace ws = Workspace::open(path);
            CHECK(test::sqlInt(storage::handle(ws), "PRAGMA user_version") == kWorkspaceSchemaVersion);
            CHECK(ws.check().empty());
            Map map = ws.loadMap("m-small");
            CHECK(map == test::smallMap());
            ws.applyEdit(map, AddStickyNote{{"n1", "s1", "Migrated and noted", "#FFE680"}, {}});
            ws.applyEdit(map, AddParkingItem{{"q1", "Parked after the upgrade", "", false}, {}});
            ws.applyEdit(map, SetVotes{"s1", 2});
        }
        const Map map = Workspace::open(path, Workspace::Mode::ReadOnly).loadMap("m-small");
        CHECK(map.stickyNotes.size() == 1);
        CHECK(map.parkingLot.size() == 1);
        CHECK(map.votesOn("s1") == 2);
    }
}

TEST_CASE("check() finds notes and votes on missing steps, and shared ids", "[storage][facilitation]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    Workspace ws = Workspace::create(path);
    ws.addMap(test::smallMap());
    sqlite3* db = storage::handle(ws);
    test::sql(db, "INSERT INTO sticky_notes (map_id, id, pos, step, text, color) "
                  "VALUES ('m-small', 'n-bad', 1024, 's-gone', 'x', '#FFE680')");
    test::sql(db, "INSERT INTO sticky_notes (map_id, id, pos, step, text, color) "
                  "VALUES ('m-small', 's1', 2048, 's1', 'x', '#FFE680')");
    test::sql(db, "INSERT INTO step_votes (map_id, step, count) VALUES ('m-small', 's-gone', 2)");
    test::sql(db, "INSERT INTO parking_lot (map_id, id, pos, text, created, done) "
                  "VALUES ('m-small', 'q1', 1024, 'a', '', 0), ('m-small', 'q2', 1024, 'b', '', 0)");
    const std::vector<std::string> problems = ws.check();
    CHECK(problemsContain(problems, "sticky note \"n-bad\" is on step \"s-gone\", which does not exist"));
    CHECK(problemsContain(problems, "votes are on step \"s-gone\", which does not exist"));
    CHECK(problemsContain(problems, "id \"s1\" is used more than once (step, sticky note)"));
    CHECK(problemsContain(problems, "2 parking_lot share position 1024"));

    // addMap refuses a map whose notes or votes point nowhere.
    Map broken = test::smallMap();
    broken.id = "m-broken";
    broken.stickyNotes = {{"n1", "s-gone", "x", "#FFE680"}};
    broken.votes = {{"s-gone", 1}};
    const std::string message = test::workspaceErrorOf([&] { ws.addMap(broken); });
    CHECK_THAT(message, Contains("map.sticky_notes[0].step: no step \"s-gone\""));
    CHECK_THAT(message, Contains("and 1 more problems"));
}
