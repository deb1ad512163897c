// Edits committed one by one: the file always holds exactly the map in memory, in order.

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

TEST_CASE("Every kind of edit is committed, and undone through its inverse", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    const Map original = test::smallMap();
    Workspace ws = Workspace::create(path);
    ws.addMap(original);
    Map map = ws.loadMap(original.id);

    Annotation note{"a9", AnnotationKind::Variation, "s2", "Some regions skip it", "", Variation::Intentional, {}};
    Annotation changedNote = note;
    changedNote.kind = AnnotationKind::ChangeIdea;
    changedNote.variation.reset();
    changedNote.horizon = 3;
    changedNote.target = "";
    Step updated = *original.step("s4");
    updated.label = "Self-assessment (online)";
    updated.kind = StepKind::Data;
    updated.lane = "l2";
    updated.w = 180;
    MapProperties props = original.props;
    props.title = "Principal evaluation, 2025";
    props.state = MapState::Future;
    props.notes = "Drafted in session 3";

    const std::vector<std::pair<std::string, Edit>> edits{
        {"AddStickyNote", AddStickyNote{{"n1", "s3", "Ask HR", "#FFE680"}, std::nullopt}},
        {"AddStickyNote at the front", AddStickyNote{{"n2", "s4", "Second", "#C7F0D8"}, 0}},
        {"AddStickyNote to remove", AddStickyNote{{"n3", "s1", "Third", "#C7F0D8"}, 1}},
        {"UpdateStickyNote", UpdateStickyNote{{"n2", "s2", "Moved to s2", "#C7F0D8"}}},
        {"SetVotes", SetVotes{"s3", 3}},
        {"SetVotes again", SetVotes{"s4", 1}},
        {"AddParkingItem", AddParkingItem{{"q1", "Who owns it?", "2026-03-05T15:04:00Z", false}, std::nullopt}},
        {"AddParkingItem at the front", AddParkingItem{{"q2", "Budget?", "", false}, 0}},
        {"UpdateParkingItem", UpdateParkingItem{{"q1", "Who owns it?", "2026-03-05T15:04:00Z", true}}},
        {"SetSessionTimer", SetSessionTimer{{3600, 3000, true}}},
        {"AddStep at the front", AddStep{newStep("s-front", "l1", "p1", 10), 0}},
        {"AddStep at the end", AddStep{newStep("s-end", "l3", "p3", 1200), std::nullopt}},
        {"AddStep in the middle", AddStep{newStep("s-mid", "l2", "p2", 600), 3}},
        {"AddStep at the front again", AddStep{newStep("s-front2", "l1", "", 0), 0}},
        {"UpdateStep", UpdateStep{updated}},
        {"MoveSteps", MoveSteps{{{"s1", "l2", "p2", 500, 10}, {"s5", "l3", "p1", 30, 60}}}},
        {"ShiftSteps", ShiftSteps{{"s2", "s3"}, -20}},
        {"RemoveStep", RemoveStep{"s3"}},
        {"RemoveStickyNote", RemoveStickyNote{"n3"}},
        {"RemoveParkingItem", RemoveParkingItem{"q2"}},
        {"ReplaceVotes (reset)", ReplaceVotes{}},
        {"SetSessionTimer (clear)", SetSessionTimer{}},
        {"AddLane at the front", AddLane{{"l0", "Superintendent", "#123456", 200}, 0}},
        {"RenameLane", RenameLane{"l2", "Talent office"}},
        {"RecolourLane", RecolourLane{"l3", "#ABCDEF"}},
        {"ReorderLane", ReorderLane{"l3", 0}},
        {"ResizeLane", ResizeLane{"l1", 240}},
        {"RemoveLane", RemoveLane{"l2"}},
        {"AddPhase at the front", AddPhase{{"p0", "Summer", "#EEEEEE", 300}, 0}},
        {"RenamePhase", RenamePhase{"p2", "Winter"}},
        {"RecolourPhase", RecolourPhase{"p1", "#010203"}},
        {"ReorderPhase", ReorderPhase{"p3", 1}},
        {"ResizePhase", ResizePhase{"p1", 520}},
        {"RemovePhase", RemovePhase{"p2"}},
        {"AddFlow", AddFlow{{"f9", "s-front", "s-end", "then"}, 0}},
        {"RelabelFlow", RelabelFlow{"f9", "next"}},
        {"RemoveFlow", RemoveFlow{"f5"}},
        {"AddAnnotation", AddAnnotation{note, 1}},
        {"UpdateAnnotation", UpdateAnnotation{changedNote}},
        {"RemoveAnnotation", RemoveAnnotation{"a5"}},
        {"UpdateMapProperties", UpdateMapProperties{props}},
        {"Batch",
         Batch{"Add and connect",
               {AddStep{newStep("s-b", "l1", "p1", 700), 1}, AddFlow{{"f-b", "s-b", "s-end", ""}, std::nullopt},
                AddAnnotation{{"a-b", AnnotationKind::Question, "f-b", "Who?", "", {}, {}}, std::nullopt}}}},
    };

    std::vector<Edit> inverses;
    for (const auto& [name, edit] : edits) {
        INFO(name);
        ChangeSet changes;
        inverses.push_back(ws.applyEdit(map, edit, &changes));
        CHECK_FALSE(changes.empty());
        REQUIRE(ws.loadMap(map.id) == map);
        REQUIRE(storedElsewhere(path, map.id) == map);
    }
    CHECK(map != original);

    // Undo everything, newest first; the inverses (InsertFragment, RemoveEntities ...) are
    // edits too and go through the same path.
    for (auto it = inverses.rbegin(); it != inverses.rend(); ++it) {
        ws.applyEdit(map, *it);
        REQUIRE(ws.loadMap(map.id) == map);
    }
    CHECK(map == original);
    CHECK(storedElsewhere(path, map.id) == original);
    CHECK(ws.check().empty());

    // And the file says so after closing and opening again.
    ws = Workspace::open(path);
    CHECK(ws.loadMap(original.id) == original);
}

TEST_CASE("Stored order follows the vectors through many insertions at one place", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    Workspace ws = Workspace::create(path);
    ws.addMap(test::smallMap());
    Map map = ws.loadMap("m-small");

    // Forty insertions at the front and forty right after the first step exhaust the gaps
    // between neighbours several times over, so the kind has to be renumbered on the way.
    for (int i = 0; i < 40; ++i) {
        ws.applyEdit(map, AddStep{newStep("front" + std::to_string(i), "l1", "p1", i), 0});
        ws.applyEdit(map, AddStep{newStep("second" + std::to_string(i), "l2", "p2", i), 1});
        ws.applyEdit(map, AddFlow{{"flow" + std::to_string(i), "s1", "s2", ""}, 2});
        ws.applyEdit(map, AddLane{{"lane" + std::to_string(i), "Lane", "#FFFFFF", 100}, map.lanes.size() / 2});
    }
    CHECK(ws.loadMap(map.id) == map);
    CHECK(storedElsewhere(path, map.id) == map);

    // Removals in the middle, then undoing them, put everything back where it was.
    const Map before = map;
    std::vector<Edit> inverses;
    for (const char* id : {"s3", "front7", "second20", "lane5", "f5"}) {
        if (map.step(id))
            inverses.push_back(ws.applyEdit(map, RemoveStep{id}));
        else if (map.lane(id))
            inverses.push_back(ws.applyEdit(map, RemoveLane{id}));
        else
            inverses.push_back(ws.applyEdit(map, RemoveFlow{id}));
    }
    CHECK(ws.loadMap(map.id) == map);
    for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
        ws.applyEdit(map, *it);
    CHECK(map == before);
    CHECK(ws.loadMap(map.id) == before);
    CHECK(storedElsewhere(path, map.id) == before);
    CHECK(ws.check().empty());
}

TEST_CASE("Random edits and undos keep the file equal to the map", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    Workspace ws = Workspace::create(path);
    const auto seed = GENERATE(1u, 2u, 3u, 4u);
    Map map = test::randomMap(seed, test::mapOptions(60, 80, 20, 5, 4));
    Map other = test::randomMap(seed + 100, test::mapOptions(10, 10, 10, 4, 3, "o-"));
    ws.addMap(map);
    ws.addMap(other);
    test::Rng rng(seed * 7919);
    std::vector<Edit> undo;
    for (int i = 0; i < 150; ++i) {
        const Edit edit = test::randomEdit(map, rng);
        INFO("edit " << i << ": " << describe(edit));
        undo.push_back(ws.applyEdit(map, edit));
        // Sometimes undo a few, as a person would.
        if (rng.chance(20)) {
            for (int k = rng.range(1, 3); k > 0 && !undo.empty(); --k) {
                ws.applyEdit(map, undo.back());
                undo.pop_back();
            }
        }
        if (i % 10 == 0)
            REQUIRE(ws.loadMap(map.id) == map);
    }
    CHECK(ws.loadMap(map.id) == map);
    CHECK(ws.loadMap(other.id) == other); // untouched by edits of its neighbour
    CHECK(ws.check().empty());
    ws = Workspace::open(path);
    CHECK(ws.loadMap(map.id) == map);
}

TEST_CASE("An edit that does not fit the map changes nothing", "[storage]")
{
    TempDir dir;
    Workspace ws = Workspace::create(dir.file("ws.crosswalk"));
    ws.addMap(test::smallMap());
    Map map = ws.loadMap("m-small");
    test::Rng rng(5);
    for (int i = 0; i < 30; ++i) {
        const Edit bad = test::invalidEdit(map, rng);
        CHECK_THROWS_AS(ws.applyEdit(map, bad), EditError);
        CHECK(map == test::smallMap());
    }
    CHECK(ws.loadMap("m-small") == test::smallMap());

    // A map the workspace does not hold is refused before anything happens.
    Map stranger = test::randomMap(8);
    const Map strangerBefore = stranger;
    CHECK_THAT(test::workspaceErrorOf([&] {
                   ws.applyEdit(stranger, RenameLane{"l1", "x"});
               }),
               Contains("no map \"m8\""));
    CHECK(stranger == strangerBefore);
}

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

TEST_CASE("Another process's commits are seen before the next edit", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    Workspace first = Workspace::create(path);
    first.addMap(test::smallMap());
    Map a = first.loadMap("m-small");
    first.applyEdit(a, AddStep{newStep("s-a", "l1", "p1", 1), 0});

    Workspace second = Workspace::open(path);
    Map b = second.loadMap("m-small");
    second.applyEdit(b, AddStep{newStep("s-b", "l1", "p1", 2), 0});
    second.applyEdit(b, AddStep{newStep("s-c", "l1", "p1", 3), 1});

    // The first workspace's pos mirror is stale now (it has not seen s-b and s-c); it must
    // notice and read the positions again, or s-d would land in the wrong place.
    Map fresh = second.loadMap("m-small");
    first.applyEdit(fresh, AddStep{newStep("s-d", "l1", "p1", 4), 1});
    CHECK(second.loadMap("m-small") == fresh);
    CHECK(first.loadMap("m-small") == fresh);
}

TEST_CASE("Maps are found by id or title, and deleted with what belongs to them", "[storage]")
{
    TempDir dir;
    Workspace ws = Workspace::create(dir.file("ws.crosswalk"));
    Map a = test::smallMap();
    Map b = test::randomMap(1);
    Map c = test::randomMap(2);
    b.props.title = "Shared title";
    c.props.title = "Shared title";
    ws.addMap(a);
    ws.addMap(b);
    ws.addMap(c);

    CHECK(ws.resolveMap("m-small") == "m-small");
    CHECK(ws.resolveMap("Principal evaluation") == "m-small");
    const std::string ambiguous = test::workspaceErrorOf([&] { ws.resolveMap("Shared title"); });
    CHECK_THAT(ambiguous, Contains("m1"));
    CHECK_THAT(ambiguous, Contains("m2"));
    CHECK_THAT(test::workspaceErrorOf([&] { ws.resolveMap("Nothing"); }), Contains("\"Nothing\""));

    CHECK_THAT(test::workspaceErrorOf([&] { ws.addMap(a); }), Contains("already has a map with id \"m-small\""));
    Map broken = test::randomMap(3);
    broken.steps.front().lane = "l-missing";
    CHECK_THAT(test::workspaceErrorOf([&] { ws.addMap(broken); }), Contains("l-missing"));
    CHECK_FALSE(ws.hasMap(broken.id));

    ws.createRevision("m1", "first");
    test::sql(storage::handle(ws),
              "INSERT INTO match_decisions VALUES ('m1', 'm2', 'lane', 'l1', 'l2', 'confirmed'),"
              " ('m2', 'm1', 'step', 's1', 's2', 'rejected'), ('m-small', 'm2', 'step', 's1', 's1', 'added')");
    const Map m1 = ws.loadMap("m1");
    ws.deleteMap("m1");
    CHECK_FALSE(ws.hasMap("m1"));
    CHECK(ws.resolveMap("Shared title") == "m2");
    CHECK(ws.listMaps().size() == 2);
    CHECK_THAT(test::workspaceErrorOf([&] { ws.loadMap("m1"); }), Contains("no map \"m1\""));
    CHECK_THAT(test::workspaceErrorOf([&] { ws.deleteMap("m1"); }), Contains("no map \"m1\""));
    {
        // Another window or program opening the workspace meanwhile takes nothing away.
        Workspace other = Workspace::open(dir.file("ws.crosswalk"));
        CHECK_FALSE(other.hasMap("m1"));
    }
    // Until this connection closes, a deleted map can be restored whole (undo).
    ws.restoreMap("m1");
    CHECK(ws.loadMap("m1") == m1);
    CHECK(ws.listRevisions("m1").size() == 1);
    CHECK(ws.listMaps().size() == 3);
    CHECK_THAT(test::workspaceErrorOf([&] { ws.restoreMap("m1"); }), Contains("no deleted map \"m1\""));
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
