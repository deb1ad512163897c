// Issue 19, finding 2: a workspace is a file people email each other, so its schema is
// untrusted. Every kind of difference the comparison knows (a view, an index added or
// dropped, a column's declared type or default) refuses the file for writing and is named by
// check; the connections run in defensive mode with trusted_schema off; and a trigger that
// would wipe the other maps on an import never gets to run.

#include "safety_support.h"

#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <filesystem>

using namespace crosswalk;
using namespace crosswalk::test;
using Catch::Matchers::Contains;

namespace {

/// Runs `statements` on the file through a plain SQLite connection (no defensive mode, as
/// anyone editing the file would).
void tamper(const std::string& path, const std::string& statements)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sql(db, statements);
    REQUIRE(sqlite3_close(db) == SQLITE_OK);
}

/// The message of the WorkspaceError the call throws, or "" (the test goes on to show what
/// a call that was let through did to the file).
template <typename F> std::string refusalOf(F&& call)
{
    try {
        call();
    } catch (const WorkspaceError& e) {
        return e.what();
    }
    return {};
}

/// The whole text of check()'s problems, one a line.
std::string allProblems(const Workspace& ws)
{
    std::string all;
    for (const std::string& p : ws.check())
        all += p + "\n";
    return all;
}

bool defensive(sqlite3* db)
{
    int on = -1;
    REQUIRE(sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &on) == SQLITE_OK);
    return on == 1;
}

struct Tampering {
    const char* what;
    const char* statements;
    const char* named; // what the refusal and check must name
};

} // namespace

TEST_CASE("Every kind of schema difference is refused for writing and named by check", "[safety][hardening]")
{
    // Each a difference on its own, made the way a person with the sqlite3 shell would.
    const Tampering t = GENERATE(
        Tampering{"an added view", "CREATE VIEW every_step AS SELECT map_id, label FROM steps", "view \"every_step\""},
        Tampering{"an added index", "CREATE INDEX steps_by_label ON steps(label)", "index \"steps_by_label\""},
        Tampering{"a dropped index", "DROP INDEX steps_order", "index \"steps_order\" is missing"},
        // A column's declared type: flows.label TEXT becomes BLOB (the table rebuilt, its
        // rows and index kept).
        Tampering{"a changed column type",
                  "CREATE TABLE flows_new (map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,"
                  " id TEXT NOT NULL, pos INTEGER NOT NULL, from_step TEXT NOT NULL, to_step TEXT NOT NULL,"
                  " label BLOB NOT NULL DEFAULT '', PRIMARY KEY (map_id, id));"
                  " INSERT INTO flows_new SELECT * FROM flows; DROP TABLE flows;"
                  " ALTER TABLE flows_new RENAME TO flows; CREATE INDEX flows_order ON flows(map_id, pos);",
                  "column label has type BLOB"},
        // A column's default: a sticky note's colour '#FFE680' becomes '#000000'.
        Tampering{"a changed column default",
                  "CREATE TABLE notes_new (map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,"
                  " id TEXT NOT NULL, pos INTEGER NOT NULL, step TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',"
                  " color TEXT NOT NULL DEFAULT '#000000', PRIMARY KEY (map_id, id));"
                  " INSERT INTO notes_new SELECT * FROM sticky_notes; DROP TABLE sticky_notes;"
                  " ALTER TABLE notes_new RENAME TO sticky_notes;"
                  " CREATE INDEX sticky_notes_order ON sticky_notes(map_id, pos);",
                  "column color has type TEXT, NOT NULL, default '#000000'"});
    INFO(t.what);
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    tamper(path, t.statements);

    const std::string before = readBytes(path);
    const std::string message = refusalOf([&] { Workspace::open(path); });
    CHECK_THAT(message, Contains("schema that Crosswalk did not make"));
    CHECK_THAT(message, Contains(t.named));
    CHECK(readBytes(path) == before);

    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    CHECK(ws.listMaps().size() == 2);
    const std::string all = allProblems(ws);
    INFO(all);
    CHECK_THAT(all, Contains("schema: "));
    CHECK_THAT(all, Contains(t.named));
    CHECK(readBytes(path) == before);
}

TEST_CASE("Workspace connections run in defensive mode with trusted_schema off", "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    const bool readOnly = GENERATE(false, true);
    INFO((readOnly ? "read-only" : "read-write"));
    Workspace ws = Workspace::open(path, readOnly ? Workspace::Mode::ReadOnly : Workspace::Mode::ReadWrite);
    sqlite3* db = storage::handle(ws);
    CHECK(sqlInt(db, "PRAGMA trusted_schema") == 0);
    CHECK(defensive(db));
    if (!readOnly) {
        // What defensive mode is for: writable_schema cannot be used to rewrite the schema
        // through the workspace's own connection.
        sqlite3_exec(db, "PRAGMA writable_schema = ON", nullptr, nullptr, nullptr);
        const int rc = sqlite3_exec(db, "DELETE FROM sqlite_schema WHERE name = 'steps_order'", nullptr, nullptr,
                                    nullptr);
        CHECK(rc != SQLITE_OK);
        sqlite3_exec(db, "PRAGMA writable_schema = OFF", nullptr, nullptr, nullptr);
        CHECK(sqlInt(db, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'steps_order'") == 1);
    }
}

TEST_CASE("A trigger that would wipe the workspace on an import is refused and no map is lost",
          "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    tamper(path, "CREATE TRIGGER wipe_on_import AFTER INSERT ON maps BEGIN "
                 "DELETE FROM maps WHERE id <> NEW.id; END;");
    Map imported = smallMap();
    imported.id = "m-imported";

    // The trigger is real: on a copy, through a plain connection, one insert wipes the rest.
    {
        const std::string copy = dir.file("copy.crosswalk");
        std::filesystem::copy_file(path, copy);
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(copy.c_str(), &db) == SQLITE_OK);
        sql(db, "INSERT INTO maps (id, title, created, modified) VALUES ('m-x', 'X', '', '')");
        CHECK(sqlInt(db, "SELECT COUNT(*) FROM maps") == 1);
        sqlite3_close(db);
    }

    // An import: open for writing, add the map. The open refuses, naming the trigger.
    const std::string before = readBytes(path);
    const std::string message = refusalOf([&] {
        Workspace ws = Workspace::open(path);
        ws.addMap(imported);
    });
    CHECK_THAT(message, Contains("wipe_on_import"));
    CHECK(readBytes(path) == before);

    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    const std::vector<MapSummary> maps = ws.listMaps();
    REQUIRE(maps.size() == 2);
    CHECK(ws.loadMap(smallMap().id) == smallMap());
    CHECK_NOTHROW(ws.loadMap("m-other"));
    CHECK_FALSE(ws.hasMap(imported.id));
    CHECK_THAT(allProblems(ws), Contains("trigger \"wipe_on_import\""));
}
