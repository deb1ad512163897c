// Workspace files: creating, opening, and refusing what is not ours, leaving it untouched.

#include "support/storagetest.h"

#include "support/randommap.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace crosswalk;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using crosswalk::test::TempDir;

namespace {

/// A workspace file holding the small map and a larger random one, closed cleanly.
std::string makeWorkspace(const TempDir& dir, const std::string& name = "ws.crosswalk")
{
    const std::string path = dir.file(name);
    Workspace ws = Workspace::create(path);
    ws.addMap(test::smallMap());
    ws.addMap(test::randomMap(11, test::mapOptions(300, 400, 40, 5)));
    return path;
}

/// Opening must fail with the message fragment, and leave the file (and its directory) as it was.
void requireRefusal(const TempDir& dir, const std::string& path, const std::string& fragment,
                    Workspace::Mode mode = Workspace::Mode::ReadWrite)
{
    const std::string before = test::readBytes(path);
    const auto entriesBefore = std::distance(std::filesystem::directory_iterator(dir.path()), {});
    const std::string message = test::workspaceErrorOf([&] { Workspace::open(path, mode); });
    CHECK_THAT(message, Contains(fragment));
    CHECK_THAT(message, Contains(path));
    CHECK(test::readBytes(path) == before);
    CHECK_FALSE(test::exists(path + "-wal"));
    CHECK_FALSE(test::exists(path + "-shm"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == entriesBefore);
}

} // namespace

TEST_CASE("A created workspace opens again with its maps exactly as stored", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("lib.crosswalk");
    const Map small = test::smallMap();
    const Map big = test::randomMap(3, test::mapOptions(200, 260, 50, 8, 5));
    Map bare = test::randomMap(4, test::mapOptions(5, 4, 3, 4, 0));
    bare.id = "m-bare";
    bare.props.district = "Aardvark District";
    {
        Workspace ws = Workspace::create(path);
        CHECK_FALSE(ws.readOnly());
        CHECK(ws.path() == path);
        CHECK(ws.listMaps().empty());
        ws.addMap(small);
        ws.addMap(big);
        ws.addMap(bare);
        CHECK(ws.loadMap(small.id) == small);
    }
    CHECK_FALSE(test::exists(path + "-wal")); // closing folds the WAL into the file

    Workspace ws = Workspace::open(path);
    CHECK_FALSE(ws.readOnly());
    CHECK(ws.loadMap(small.id) == small);
    CHECK(ws.loadMap(big.id) == big);
    CHECK(ws.loadMap(bare.id) == bare);
    CHECK(ws.hasMap(big.id));
    CHECK_FALSE(ws.hasMap("m-nope"));

    const std::vector<MapSummary> maps = ws.listMaps();
    REQUIRE(maps.size() == 3);
    // By district, then title.
    CHECK(maps[0] == MapSummary{bare.id, bare.props.district, bare.props.title, 5});
    for (std::size_t i = 1; i < maps.size(); ++i)
        CHECK(maps[i - 1].district <= maps[i].district);
    CHECK(std::find(maps.begin(), maps.end(), MapSummary{small.id, "Lakeside USD", "Principal evaluation", 6}) !=
          maps.end());
    CHECK(std::find(maps.begin(), maps.end(), MapSummary{big.id, big.props.district, big.props.title, 200}) !=
          maps.end());

    CHECK_THAT(test::workspaceErrorOf([&] { ws.loadMap("m-nope"); }), Contains("no map \"m-nope\""));
}

TEST_CASE("The schema carries our application id, version, WAL and foreign keys", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("ws.crosswalk");
    Workspace ws = Workspace::create(path);
    sqlite3* db = storage::handle(ws);
    CHECK(test::sqlInt(db, "PRAGMA application_id") == kWorkspaceApplicationId);
    CHECK(test::sqlInt(db, "PRAGMA user_version") == kWorkspaceSchemaVersion);
    CHECK(test::sqlInt(db, "PRAGMA foreign_keys") == 1);
    CHECK(test::sqlText(db, "PRAGMA journal_mode") == "wal");
    CHECK(test::sqlInt(db, "PRAGMA synchronous") == 1); // NORMAL
    for (const char* table : {"maps", "lanes", "phases", "steps", "flows", "annotations", "revisions",
                              "match_decisions", "sticky_notes", "parking_lot", "step_votes", "map_sessions"})
        CHECK(test::sqlInt(db, std::string("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = '") +
                                   table + "'") == 1);

    // Reopened: foreign keys are per connection and must be on again.
    ws = Workspace::open(path);
    CHECK(test::sqlInt(storage::handle(ws), "PRAGMA foreign_keys") == 1);
    Workspace reader = Workspace::open(path, Workspace::Mode::ReadOnly);
    CHECK(test::sqlInt(storage::handle(reader), "PRAGMA foreign_keys") == 1);
}

TEST_CASE("A schema-1 workspace is upgraded on open, its maps kept, and deleting then works", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("old.crosswalk");
    const Map small = test::smallMap();
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(small);
        ws.createRevision(small.id, "before the upgrade");
        // What schema 1 was: without maps.deleted (schema 2) and the facilitation tables
        // (schema 3) and sessions (schema 4).
        test::sql(storage::handle(ws), "ALTER TABLE maps DROP COLUMN deleted; DROP TABLE sticky_notes; DROP TABLE parking_lot;"
                               " DROP TABLE step_votes; DROP TABLE map_sessions; DROP TABLE district_colors;"
                               " DROP TABLE sessions;"
                               " PRAGMA user_version = 1");
    }
    {
        // Read-only, an older schema is refused with what to do about it.
        CHECK_THAT(test::workspaceErrorOf([&] { Workspace::open(path, Workspace::Mode::ReadOnly); }),
                   Contains("open it once for writing"));
    }
    Workspace ws = Workspace::open(path);
    CHECK(test::sqlInt(storage::handle(ws), "PRAGMA user_version") == kWorkspaceSchemaVersion);
    CHECK(test::sqlInt(storage::handle(ws), "SELECT COUNT(*) FROM pragma_table_info('maps') WHERE name = 'deleted'") == 1);
    CHECK(test::sqlInt(storage::handle(ws), "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'sticky_notes'") == 1);
    CHECK(ws.loadMap(small.id) == small);
    CHECK(ws.listRevisions(small.id).size() == 1);
    CHECK(ws.check().empty());
    ws.deleteMap(small.id);
    CHECK(ws.listMaps().empty());
    ws.restoreMap(small.id);
    CHECK(ws.loadMap(small.id) == small);
}

TEST_CASE("create() refuses an existing file and leaves it alone", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("notes.txt");
    test::writeBytes(path, "my notes\n");
    CHECK_THAT(test::workspaceErrorOf([&] { Workspace::create(path); }), Contains("already exists"));
    CHECK(test::readBytes(path) == "my notes\n");

    const std::string ws = makeWorkspace(dir);
    const std::string before = test::readBytes(ws);
    CHECK_THAT(test::workspaceErrorOf([&] { Workspace::create(ws); }), Contains("already exists"));
    CHECK(test::readBytes(ws) == before);

    CHECK_THAT(test::workspaceErrorOf([&] { Workspace::create(dir.file("no/such/dir/ws.crosswalk")); }),
               Contains("cannot create"));
}

TEST_CASE("open() refuses a missing file or a directory", "[storage]")
{
    TempDir dir;
    const std::string missing = dir.file("missing.crosswalk");
    CHECK_THAT(test::workspaceErrorOf([&] { Workspace::open(missing); }), Equals("no workspace at " + missing));
    CHECK_FALSE(test::exists(missing));
    CHECK_THAT(test::workspaceErrorOf([&] { Workspace::open(missing, Workspace::Mode::ReadOnly); }),
               Equals("no workspace at " + missing));
    CHECK_FALSE(test::exists(missing));
    CHECK_THAT(test::workspaceErrorOf([&] { Workspace::open(dir.path().string()); }), Contains("is a directory"));
}

TEST_CASE("open() refuses a file that is not SQLite, untouched", "[storage]")
{
    TempDir dir;
    SECTION("PNG bytes named .crosswalk")
    {
        const std::string path = dir.file("picture.crosswalk");
        std::string png = "\x89PNG\r\n\x1a\n";
        png += std::string("\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 21);
        for (int i = 0; i < 200; ++i)
            png += static_cast<char>(i * 7);
        test::writeBytes(path, png);
        requireRefusal(dir, path, "is not a Crosswalk workspace (it is not an SQLite database)");
        requireRefusal(dir, path, "it is not an SQLite database", Workspace::Mode::ReadOnly);
    }
    SECTION("an empty file")
    {
        const std::string path = dir.file("empty.crosswalk");
        test::writeBytes(path, "");
        requireRefusal(dir, path, "it is not an SQLite database");
    }
    SECTION("text")
    {
        const std::string path = dir.file("map.crosswalk");
        test::writeBytes(path, R"({"format": "crosswalk-map", "version": 1})");
        requireRefusal(dir, path, "it is not an SQLite database");
    }
}

TEST_CASE("open() refuses an SQLite database of another program, untouched", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("other.crosswalk");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        test::sql(db, "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ann', '555');");
        sqlite3_close(db);
    }
    requireRefusal(dir, path, "is an SQLite database from another program, not a Crosswalk workspace");
    requireRefusal(dir, path, "from another program", Workspace::Mode::ReadOnly);

    SECTION("even in WAL mode, with a different application id")
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        test::sql(db, "PRAGMA journal_mode = WAL; PRAGMA application_id = 42;");
        sqlite3_close(db);
        requireRefusal(dir, path, "from another program");
    }
}

TEST_CASE("open() refuses a workspace from a newer Crosswalk, untouched", "[storage]")
{
    TempDir dir;
    const std::string path = makeWorkspace(dir);
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        test::sql(db, "PRAGMA user_version = 99");
        sqlite3_close(db);
    }
    REQUIRE_FALSE(test::exists(path + "-wal"));
    requireRefusal(dir, path,
                   "was written by a newer Crosswalk (schema 99); this version reads schema " +
                       std::to_string(kWorkspaceSchemaVersion) + ". Update Crosswalk to open it.");
    requireRefusal(dir, path, "newer Crosswalk (schema 99)", Workspace::Mode::ReadOnly);
}

TEST_CASE("open() refuses a damaged workspace, untouched", "[storage]")
{
    TempDir dir;
    const std::string path = makeWorkspace(dir);
    const std::string good = test::readBytes(path);
    REQUIRE(good.size() > 8 * 4096);

    SECTION("truncated")
    {
        test::writeBytes(path, good.substr(0, good.size() / 2));
        requireRefusal(dir, path, "is damaged: ");
        requireRefusal(dir, path, "is damaged: ", Workspace::Mode::ReadOnly);
    }
    SECTION("truncated inside the header")
    {
        test::writeBytes(path, good.substr(0, 60));
        requireRefusal(dir, path, "is damaged: ");
    }
    SECTION("garbled pages")
    {
        std::string bad = good;
        // Keep the 100-byte header (so the file still says it is ours), scribble over the
        // rest of the first page (the schema) and several pages of maps, steps and flows.
        for (std::size_t i = 100; i < bad.size(); i += 3)
            if (i < 4096 || (i / 4096) % 3 == 1)
                bad[i] = static_cast<char>(0xA5 ^ (i & 0xff));
        test::writeBytes(path, bad);
        requireRefusal(dir, path, "is damaged: ");
    }
    SECTION("garbled b-tree pages only")
    {
        std::string bad = good;
        for (std::size_t i = 4096 * 2; i < bad.size(); i += 4096 * 2)
            for (std::size_t j = 0; j < 64 && i + j < bad.size(); ++j)
                bad[i + j] = static_cast<char>(0xFF - j);
        test::writeBytes(path, bad);
        requireRefusal(dir, path, "is damaged: ");
    }
}

TEST_CASE("Mode::ReadOnly reads without writing a byte or creating side files", "[storage]")
{
    TempDir dir;
    const std::string path = makeWorkspace(dir);
    const std::string before = test::readBytes(path);
    Map map = test::smallMap();
    {
        Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
        CHECK(ws.readOnly());
        CHECK(ws.loadMap(map.id) == map);
        CHECK(ws.listMaps().size() == 2);
        CHECK(ws.check().empty());
        CHECK_FALSE(test::exists(path + "-wal"));
        CHECK_FALSE(test::exists(path + "-shm"));

        const Map original = map;
        const std::string message = test::workspaceErrorOf([&] { ws.applyEdit(map, RenameLane{"l1", "Supervisor"}); });
        CHECK_THAT(message, Contains(path + " is read-only"));
        CHECK(map == original); // refused before the edit was applied
        CHECK_THAT(test::workspaceErrorOf([&] { ws.addMap(test::randomMap(99)); }), Contains("is read-only"));
        CHECK_THAT(test::workspaceErrorOf([&] { ws.deleteMap(map.id); }), Contains("is read-only"));
        CHECK_THAT(test::workspaceErrorOf([&] { ws.createRevision(map.id, "r"); }), Contains("is read-only"));
        // Not even raw SQL gets through the connection.
        CHECK(sqlite3_exec(storage::handle(ws), "DELETE FROM maps", nullptr, nullptr, nullptr) != SQLITE_OK);
    }
    CHECK(test::readBytes(path) == before);
    CHECK_FALSE(test::exists(path + "-wal"));
    CHECK_FALSE(test::exists(path + "-shm"));
}

TEST_CASE("A reader sees what a writer has committed but not checkpointed", "[storage]")
{
    TempDir dir;
    const std::string path = makeWorkspace(dir);
    Workspace writer = Workspace::open(path);
    Map map = writer.loadMap("m-small");
    writer.applyEdit(map, RenameLane{"l2", "Talent office"});
    REQUIRE(test::exists(path + "-wal"));
    const std::string mainBefore = test::readBytes(path);
    {
        Workspace reader = Workspace::open(path, Workspace::Mode::ReadOnly);
        CHECK(reader.readOnly());
        CHECK(reader.loadMap("m-small") == map);
    }
    CHECK(test::readBytes(path) == mainBefore);
    // And the writer goes on writing.
    writer.applyEdit(map, RenameLane{"l2", "HR"});
    CHECK(writer.loadMap("m-small") == map);
}

TEST_CASE("A file that cannot be written opens read-only", "[storage]")
{
    TempDir dir;
    const std::string path = makeWorkspace(dir);
    REQUIRE(::chmod(path.c_str(), 0444) == 0);
    const std::string before = test::readBytes(path);
    if (::access(path.c_str(), W_OK) == 0) {
        // Root writes through any permission bits, so access() rightly says writable; the
        // read-only path is covered by Mode::ReadOnly above.
        WARN("running as root: permission bits do not stop writes; skipping the chmod 0444 check");
        Workspace ws = Workspace::open(path);
        CHECK_FALSE(ws.readOnly());
        return;
    }
    {
        Workspace ws = Workspace::open(path);
        CHECK(ws.readOnly());
        Map map = ws.loadMap("m-small");
        CHECK(map == test::smallMap());
        CHECK_THAT(test::workspaceErrorOf([&] { ws.applyEdit(map, RenameLane{"l1", "x"}); }), Contains("is read-only"));
        CHECK(map == test::smallMap());
    }
    CHECK(test::readBytes(path) == before);
    CHECK_FALSE(test::exists(path + "-wal"));

    SECTION("a writable file in a read-only directory")
    {
        REQUIRE(::chmod(path.c_str(), 0644) == 0);
        REQUIRE(::chmod(dir.path().c_str(), 0555) == 0);
        Workspace ws = Workspace::open(path);
        CHECK(ws.readOnly()); // no room for the -wal file
        CHECK(ws.loadMap("m-small") == test::smallMap());
        REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    }
}

TEST_CASE("Closing a read-write workspace leaves one complete file", "[storage]")
{
    TempDir dir;
    const std::string path = makeWorkspace(dir);
    {
        Workspace ws = Workspace::open(path);
        Map map = ws.loadMap("m-small");
        for (int i = 0; i < 20; ++i)
            ws.applyEdit(map, ResizeLane{"l1", 160 + 10 * i});
        CHECK(test::exists(path + "-wal"));
    }
    CHECK_FALSE(test::exists(path + "-wal"));
    CHECK_FALSE(test::exists(path + "-shm"));
    // The file alone, copied elsewhere, holds the last edit.
    const std::string copy = dir.file("copy.crosswalk");
    test::writeBytes(copy, test::readBytes(path));
    Workspace ws = Workspace::open(copy, Workspace::Mode::ReadOnly);
    CHECK(ws.loadMap("m-small").lane("l1")->height == 350);
}

TEST_CASE("A moved-from workspace can be destroyed and reassigned", "[storage]")
{
    TempDir dir;
    Workspace a = Workspace::create(dir.file("a.crosswalk"));
    Workspace b = std::move(a);
    b.addMap(test::smallMap());
    a = Workspace::create(dir.file("c.crosswalk"));
    CHECK(a.listMaps().empty());
    CHECK(b.listMaps().size() == 1);
}

TEST_CASE("Paths with spaces and URI characters open in both modes", "[storage]")
{
    TempDir dir;
    const std::string path = dir.file("Lakeside maps #1 ?50% & more.crosswalk");
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(test::smallMap());
    }
    CHECK(Workspace::open(path, Workspace::Mode::ReadOnly).loadMap("m-small") == test::smallMap());
    CHECK(Workspace::open(path).loadMap("m-small") == test::smallMap());
}

TEST_CASE("A copy taken while Crosswalk had the file open keeps every committed edit", "[storage]")
{
    // What a crash leaves: the main file plus a -wal file holding the latest commits.
    TempDir dir;
    const std::string path = dir.file("live.crosswalk");
    const std::string copy = dir.file("crashed.crosswalk");
    Workspace ws = Workspace::create(path);
    ws.addMap(test::smallMap());
    Map map = ws.loadMap("m-small");
    ws.applyEdit(map, RenameLane{"l1", "Chief of Schools"});
    ws.applyEdit(map, RemoveStep{"s3"});
    REQUIRE(std::filesystem::file_size(path + "-wal") > 0);
    test::writeBytes(copy, test::readBytes(path));
    test::writeBytes(copy + "-wal", test::readBytes(path + "-wal"));

    SECTION("read-only")
    {
        const std::string mainBefore = test::readBytes(copy);
        CHECK(Workspace::open(copy, Workspace::Mode::ReadOnly).loadMap("m-small") == map);
        CHECK(test::readBytes(copy) == mainBefore);
    }
    SECTION("read-write")
    {
        {
            Workspace recovered = Workspace::open(copy);
            CHECK(recovered.loadMap("m-small") == map);
            CHECK(recovered.check().empty());
        }
        CHECK_FALSE(test::exists(copy + "-wal"));
        CHECK(Workspace::open(copy, Workspace::Mode::ReadOnly).loadMap("m-small") == map);
    }
}

TEST_CASE("A workspace whose every page is still in the -wal file opens", "[storage]")
{
    // A crash right after creating a workspace, before the first checkpoint: the main file
    // holds SQLite's first header only (no application id, schema 0); ours is in the -wal file.
    TempDir dir;
    const std::string model = dir.file("model.crosswalk");
    Workspace::create(model);
    std::string schema;
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(model.c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL", -1, &stmt, nullptr) ==
                SQLITE_OK);
        while (sqlite3_step(stmt) == SQLITE_ROW)
            schema += std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) + ";\n";
        sqlite3_finalize(stmt);
        sqlite3_close(db);
    }
    const std::string live = dir.file("live.crosswalk");
    const std::string crashed = dir.file("crashed.crosswalk");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(live.c_str(), &db) == SQLITE_OK);
    test::sql(db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; BEGIN; PRAGMA application_id = " +
                      std::to_string(kWorkspaceApplicationId) + "; " + schema +
                      " PRAGMA user_version = " + std::to_string(kWorkspaceSchemaVersion) + "; COMMIT;");
    const std::string mainFile = test::readBytes(live);
    REQUIRE(mainFile.size() <= 4096);
    REQUIRE((mainFile.size() < 72 || mainFile.substr(60, 12) == std::string(12, '\0')));
    test::writeBytes(crashed, test::readBytes(live));
    test::writeBytes(crashed + "-wal", test::readBytes(live + "-wal"));
    sqlite3_close(db);

    {
        Workspace ws = Workspace::open(crashed);
        CHECK(ws.listMaps().empty());
        ws.addMap(test::smallMap());
    }
    CHECK(Workspace::open(crashed, Workspace::Mode::ReadOnly).loadMap("m-small") == test::smallMap());

    SECTION("but an empty file with a -wal file of another program is still refused")
    {
        sqlite3* other = nullptr;
        const std::string otherLive = dir.file("other-live.db");
        const std::string otherCopy = dir.file("other.crosswalk");
        REQUIRE(sqlite3_open(otherLive.c_str(), &other) == SQLITE_OK);
        test::sql(other, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x);");
        test::writeBytes(otherCopy, test::readBytes(otherLive));
        test::writeBytes(otherCopy + "-wal", test::readBytes(otherLive + "-wal"));
        sqlite3_close(other);
        const std::string before = test::readBytes(otherCopy);
        CHECK_THAT(test::workspaceErrorOf([&] { Workspace::open(otherCopy); }), Contains("from another program"));
        CHECK(test::readBytes(otherCopy) == before);
    }
}
