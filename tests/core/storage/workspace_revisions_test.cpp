// Revisions (named snapshots) and the integrity check, as a workspace file stores them (what
// every store does with revisions: store_behaviour_test.cpp).

#include "support/storagetest.h"

#include "support/randommap.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using Catch::Matchers::Contains;
using crosswalk::test::TempDir;

TEST_CASE("The snapshot is the map in exchange format", "[storage]")
{
    TempDir dir;
    Workspace ws = Workspace::create(dir.file("ws.crosswalk"));
    const Map map = test::randomMap(21, test::mapOptions(40, 50, 15));
    ws.addMap(map);
    const Revision r = ws.createRevision(map.id, "snap");
    CHECK(test::sqlText(storage::handle(ws), "SELECT snapshot FROM revisions WHERE id = '" + r.id + "'") == mapToJson(map));
    CHECK_THAT(test::workspaceErrorOf([&] { ws.createRevision("m-nope", "x"); }), Contains("no map \"m-nope\""));
    // A workspace refuses with its own error type (the store tests catch any StoreError).
    CHECK_THROWS_AS(ws.loadRevision("r-nope"), WorkspaceError);
    const std::string path = ws.path();
    ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    CHECK_THROWS_AS(ws.restoreRevision(r.id), WorkspaceError);
}

TEST_CASE("check() finds nothing wrong in a healthy workspace", "[storage]")
{
    TempDir dir;
    Workspace ws = Workspace::create(dir.file("ws.crosswalk"));
    CHECK(ws.check().empty());
    ws.addMap(test::smallMap());
    ws.addMap(test::randomMap(5, test::mapOptions(100, 120, 30)));
    ws.createRevision("m5", "r");
    CHECK(ws.check().empty());
}

TEST_CASE("check() reports broken references, duplicates and damage", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    Workspace ws = Workspace::create(path);
    ws.addMap(test::smallMap());
    sqlite3* db = storage::handle(ws);

    auto problemsContain = [&](const std::string& fragment) {
        const std::vector<std::string> problems = ws.check();
        for (const std::string& p : problems)
            if (p.find(fragment) != std::string::npos)
                return true;
        std::string all;
        for (const std::string& p : problems)
            all += p + "\n";
        INFO("problems:\n" << all);
        CHECK(false);
        return false;
    };

    SECTION("a step in a lane that does not exist")
    {
        test::sql(db, "INSERT INTO steps (map_id, id, pos, lane, phase, kind, label, notes, x, y, w, h) "
                      "VALUES ('m-small', 's-bad', 99999, 'l-gone', '', 'activity', 'Orphan', '', 0, 0, 10, 10)");
        CHECK(problemsContain("map \"m-small\": step \"s-bad\" is in lane \"l-gone\", which does not exist"));
        CHECK(ws.check().size() == 1);
    }
    SECTION("flows and annotations pointing nowhere, ids used twice, unknown kinds")
    {
        test::sql(db, "INSERT INTO flows (map_id, id, pos, from_step, to_step, label) "
                      "VALUES ('m-small', 'f-bad', 99999, 's1', 's-gone', '')");
        test::sql(db, "INSERT INTO annotations (map_id, id, pos, kind, target, text, affects) "
                      "VALUES ('m-small', 'a-bad', 99999, 'question', 'x-gone', '?', '')");
        test::sql(db, "INSERT INTO lanes (map_id, id, pos, name, color, height) "
                      "VALUES ('m-small', 's1', 99999, 'Twin', '#FFFFFF', 100)");
        test::sql(db, "UPDATE steps SET kind = 'party', phase = 'p-gone' WHERE id = 's2'");
        CHECK(problemsContain("flow \"f-bad\" ends at step \"s-gone\""));
        CHECK(problemsContain("annotation \"a-bad\" is on \"x-gone\""));
        CHECK(problemsContain("id \"s1\" is used more than once"));
        CHECK(problemsContain("step \"s2\" has an unknown kind \"party\""));
        CHECK(problemsContain("step \"s2\" is in phase \"p-gone\""));
        // loadMap refuses what it cannot represent, naming the problem.
        CHECK_THAT(test::workspaceErrorOf([&] { ws.loadMap("m-small"); }), Contains("is damaged"));
    }
    SECTION("the model's rules, from the validator that edits and import use")
    {
        // Rows SQL accepts but a map may not hold: a colour that is not #RRGGBB, a step
        // with no width. Each reported once, in the validator's words.
        test::sql(db, "UPDATE lanes SET color = 'teal' WHERE id = 'l1'");
        test::sql(db, "UPDATE steps SET w = 0 WHERE id = 's1'");
        CHECK(problemsContain("map \"m-small\": map.lanes[0].color:"));
        CHECK(problemsContain("map \"m-small\": map.steps[0].w:"));
        CHECK(ws.check().size() == 2);
    }
    SECTION("schema version and foreign keys")
    {
        test::sql(db, "PRAGMA foreign_keys = OFF");
        test::sql(db, "INSERT INTO revisions (id, map_id, name, created, snapshot) "
                      "VALUES ('r-x', 'm-gone', 'x', '2024-01-01T00:00:00Z', '{}')");
        test::sql(db, "PRAGMA foreign_keys = ON");
        test::sql(db, "PRAGMA user_version = 0");
        CHECK(problemsContain("table revisions row"));
        CHECK(problemsContain("schema version is 0, expected " + std::to_string(kWorkspaceSchemaVersion)));
        CHECK(problemsContain("revision \"r-x\" cannot be read"));
    }
}
