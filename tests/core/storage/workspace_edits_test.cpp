// Edits committed one by one, as only a workspace file does them: a commit that fails leaves
// the file as it was, an edit writes only its rows, a deleted map goes when its connection
// closes. What every store does with edits (the kinds of edit and their undo, order, other
// clients, random edits) is in store_behaviour_test.cpp and store_edits_test.cpp.

#include "support/storagetest.h"

#include "support/randommap.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

using namespace crosswalk;
using Catch::Matchers::Contains;
using crosswalk::test::TempDir;

namespace {

/// The map as stored, read through a second, read-only connection: what a crash would leave.
Map storedElsewhere(const std::string& path, const std::string& mapId)
{
    return Workspace::open(path, Workspace::Mode::ReadOnly).loadMap(mapId);
}

Step newStep(const std::string& id, const std::string& lane, const std::string& phase, int x)
{
    Step s;
    s.id = id;
    s.lane = lane;
    s.phase = phase;
    s.kind = StepKind::Wait;
    s.label = "Wait for \"HR\", then ☕";
    s.notes = "line one\nline two";
    s.x = x;
    return s;
}

} // namespace

TEST_CASE("A commit that fails leaves the map and the file as they were", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    Workspace ws = Workspace::create(path);
    ws.addMap(test::smallMap());
    ws.addMap(test::randomMap(2, test::mapOptions(50, 50)));
    Map map = ws.loadMap("m-small");
    // Some history first, so that the pos mirror is not fresh.
    ws.applyEdit(map, AddStep{newStep("s-x", "l1", "p1", 5), 0});
    ws.applyEdit(map, RemoveStep{"s4"});
    const Map before = map;

    auto requireUnchanged = [&] {
        CHECK(map == before);
        CHECK(ws.loadMap(map.id) == before);
        CHECK(storedElsewhere(path, map.id) == before);
    };

    SECTION("a trigger refuses new steps")
    {
        test::sql(storage::handle(ws), "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.steps "
                               "BEGIN SELECT RAISE(ABORT, 'simulated I/O failure'); END");
        const std::string message = test::workspaceErrorOf([&] {
            ws.applyEdit(map, AddStep{newStep("s-new", "l2", "p2", 300), 2});
        });
        CHECK_THAT(message, Contains("simulated I/O failure"));
        CHECK_THAT(message, Contains(path));
        requireUnchanged();

        // A Batch whose later part fails in SQL: the earlier parts are undone too.
        const Batch batch{"Rename and add",
                          {RenameLane{"l1", "Renamed"}, AddStep{newStep("s-new", "l2", "p2", 300), std::nullopt}}};
        CHECK_THROWS_AS(ws.applyEdit(map, batch), WorkspaceError);
        requireUnchanged();

        test::sql(storage::handle(ws), "DROP TRIGGER temp.refuse");
        ws.applyEdit(map, AddStep{newStep("s-new", "l2", "p2", 300), 2});
        CHECK(storedElsewhere(path, map.id) == map);
    }
    SECTION("a trigger refuses removals")
    {
        test::sql(storage::handle(ws), "CREATE TEMP TRIGGER refuse BEFORE DELETE ON main.flows "
                               "BEGIN SELECT RAISE(ABORT, 'simulated I/O failure'); END");
        // Removing a lane removes steps, flows and annotations; the flows fail.
        CHECK_THROWS_AS(ws.applyEdit(map, RemoveLane{"l2"}), WorkspaceError);
        requireUnchanged();
        test::sql(storage::handle(ws), "DROP TRIGGER temp.refuse");
        ws.applyEdit(map, RemoveLane{"l2"});
        CHECK(storedElsewhere(path, map.id) == map);
    }
    SECTION("the disk is full")
    {
        // max_page_count at the current size: any write needing a new page fails with SQLITE_FULL.
        const long long pages = test::sqlInt(storage::handle(ws), "PRAGMA page_count");
        test::sql(storage::handle(ws), "PRAGMA max_page_count = " + std::to_string(pages));
        Step big = newStep("s-big", "l1", "p1", 50);
        big.notes = std::string(200000, 'n');
        const std::string message = test::workspaceErrorOf([&] { ws.applyEdit(map, AddStep{big, 0}); });
        CHECK_THAT(message, Contains("full"));
        requireUnchanged();
        Step bigger = *map.step("s1");
        bigger.notes = std::string(300000, 'm');
        CHECK_THROWS_AS(ws.applyEdit(map, UpdateStep{bigger}), WorkspaceError);
        requireUnchanged();

        test::sql(storage::handle(ws), "PRAGMA max_page_count = 1073741823");
        ws.applyEdit(map, AddStep{big, 0});
        CHECK(ws.loadMap(map.id) == map);
        CHECK(storedElsewhere(path, map.id) == map);
    }
    SECTION("another connection holds the write lock")
    {
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
        test::sql(other, "BEGIN IMMEDIATE");
        sqlite3_busy_timeout(storage::handle(ws), 50); // do not wait the full five seconds here
        CHECK_THROWS_AS(ws.applyEdit(map, RenameLane{"l1", "Blocked"}), WorkspaceError);
        CHECK(map == before);
        test::sql(other, "ROLLBACK");
        sqlite3_close(other);
        ws.applyEdit(map, RenameLane{"l1", "Free again"});
        CHECK(storedElsewhere(path, map.id) == map);
    }
}

TEST_CASE("Edits write only the rows they touch", "[storage]")
{
    TempDir dir;
    Workspace ws = Workspace::create(dir.file("ws.crosswalk"));
    ws.addMap(test::randomMap(9, test::mapOptions(300, 300)));
    Map map = ws.loadMap("m9");
    sqlite3* db = storage::handle(ws);
    auto changesOf = [&](const Edit& edit) {
        const int before = sqlite3_total_changes(db);
        ws.applyEdit(map, edit);
        return sqlite3_total_changes(db) - before;
    };
    const Step& s = map.steps[150];
    CHECK(changesOf(MoveSteps{{{s.id, s.lane, s.phase, s.x + 10, s.y}}}) == 2); // the step and maps.modified
    CHECK(changesOf(AddStep{newStep("s-new", map.lanes[0].id, "", 5), 100}) == 2);
    CHECK(changesOf(RenameLane{map.lanes[1].id, "Renamed"}) == 2);
    CHECK(ws.loadMap(map.id) == map);
}

// Finding, deleting and restoring maps on every store: store_behaviour_test.cpp. What only a
// workspace file does: a deleted map lasts until the connection that deleted it closes (or a
// day after a crash), and its rows, revisions and match decisions go then.
TEST_CASE("A deleted map is removed for good, with what belongs to it, when its connection closes", "[storage]")
{
    TempDir dir;
    Workspace ws = Workspace::create(dir.file("ws.crosswalk"));
    Map b = test::randomMap(1);
    Map c = test::randomMap(2);
    b.props.title = "Shared title";
    c.props.title = "Shared title";
    ws.addMap(test::smallMap());
    ws.addMap(b);
    ws.addMap(c);

    ws.createRevision("m1", "first");
    test::sql(storage::handle(ws),
              "INSERT INTO match_decisions VALUES ('m1', 'm2', 'lane', 'l1', 'l2', 'confirmed'),"
              " ('m2', 'm1', 'step', 's1', 's2', 'rejected'), ('m-small', 'm2', 'step', 's1', 's1', 'added')");
    const Map m1 = ws.loadMap("m1");
    ws.deleteMap("m1");
    // A workspace refuses with its own error type (the store tests catch any StoreError).
    CHECK_THROWS_AS(ws.loadMap("m1"), WorkspaceError);
    CHECK_THROWS_AS(ws.deleteMap("m1"), WorkspaceError);
    CHECK_THROWS_AS(ws.resolveMap("Nothing"), WorkspaceError);
    CHECK_THROWS_AS(ws.addMap(c), WorkspaceError);
    {
        // Another window or program opening the workspace meanwhile takes nothing away.
        Workspace other = Workspace::open(dir.file("ws.crosswalk"));
        CHECK_FALSE(other.hasMap("m1"));
    }
    // Until this connection closes, a deleted map can be restored whole (undo).
    ws.restoreMap("m1");
    CHECK(ws.loadMap("m1") == m1);
    CHECK(ws.listRevisions("m1").size() == 1);
    CHECK_THROWS_AS(ws.restoreMap("m1"), WorkspaceError);
    ws.deleteMap("m1");
    CHECK(ws.check().empty());
    // Closing the connection that deleted it removes it for good, with what belongs to it.
    ws = Workspace::open(dir.file("ws.crosswalk"));
    CHECK_FALSE(ws.hasMap("m1"));
    CHECK(ws.listRevisions("m1").empty());
    CHECK(test::sqlInt(storage::handle(ws), "SELECT COUNT(*) FROM match_decisions") == 1);
    CHECK(test::sqlInt(storage::handle(ws), "SELECT COUNT(*) FROM steps WHERE map_id = 'm1'") == 0);
    CHECK(test::sqlInt(storage::handle(ws), "SELECT COUNT(*) FROM maps") == 2);
    CHECK_THAT(test::workspaceErrorOf([&] { ws.restoreMap("m1"); }), Contains("no deleted map \"m1\""));
    CHECK(ws.resolveMap("Shared title") == "m2");

    // A deleted map's id is free for a new map (an import of the same file, say).
    ws.deleteMap("m2");
    ws.addMap(c);
    CHECK(ws.loadMap("m2") == c);

    // A map left marked deleted by a session that never closed (a crash) is removed by the
    // first open a day later, not sooner.
    Map d = test::randomMap(3);
    ws.addMap(d);
    test::sql(storage::handle(ws), "UPDATE maps SET deleted = '" + std::string("2000-01-01T00:00:00Z") + "' WHERE id = '" +
                               d.id + "'");
    Workspace later = Workspace::open(dir.file("ws.crosswalk"));
    CHECK(test::sqlInt(storage::handle(later), "SELECT COUNT(*) FROM maps WHERE id = '" + d.id + "'") == 0);
    CHECK(later.check().empty());
    CHECK(ws.check().empty());
}
