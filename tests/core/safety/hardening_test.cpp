// Issue 19: side files deleted under an open workspace, a tampered schema, a symlinked
// workspace, readers beside a writer, a killed creation, damaged headers. Each case is one
// the red-team run found damaging or misleading.

#include "safety_support.h"

#include "crosswalk/edit/edit.h"
#include "crosswalk/storage/workspace.h"
#include "storage/sidefiles.h"
#include "storage/workspaceaccess.h"

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

using namespace crosswalk;
using namespace crosswalk::test;
using Catch::Matchers::Contains;

namespace {

/// The lines of a helper until "done" or "error ...", then lets it close.
std::string finish(Child& child)
{
    std::string last;
    while (auto line = child.readLine(60000)) {
        last = *line;
        if (last == "done" || last.rfind("error", 0) == 0)
            break;
    }
    if (last == "done")
        child.send("");
    child.wait();
    return last;
}

void requireIntact(const std::string& path, const std::vector<std::string>& mapIds)
{
    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    const std::vector<std::string> problems = ws.check();
    INFO((problems.empty() ? "" : problems.front()));
    REQUIRE(problems.empty());
    for (const std::string& id : mapIds)
        REQUIRE_NOTHROW(ws.loadMap(id));
}

} // namespace

TEST_CASE("Side files deleted under an open workspace: another program's write is refused, nothing is damaged",
          "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    const bool walToo = GENERATE(false, true);
    INFO((walToo ? "-shm and -wal deleted" : "-shm deleted"));
    Rng rng(5);
    {
        Workspace a = Workspace::open(path);
        Map map = a.loadMap(smallMap().id);
        for (int i = 0; i < 5; ++i)
            a.applyEdit(map, randomEdit(map, rng));
        REQUIRE(std::filesystem::remove(path + "-shm"));
        if (walToo)
            REQUIRE(std::filesystem::remove(path + "-wal"));

        // Another program (an import, another window) opens and writes.
        Child b({editStreamProgram(), "stream", path, "m-other", "9", "30"});
        const std::string last = finish(b);
        CHECK_THAT(last, Contains("error"));
        CHECK_THAT(last, Contains("deleted"));

        // The window that had it open stops writing, with a message that says why.
        const std::string message = workspaceErrorOf([&] { a.applyEdit(map, randomEdit(map, rng)); });
        CHECK_THAT(message, Contains("deleted"));
        CHECK_THAT(message, !Contains("disk or file system failed"));
    }
    requireIntact(path, {smallMap().id, "m-other"});
}

TEST_CASE("Only the -wal deleted under an open workspace: another program is told so, not that the disk failed",
          "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    Rng rng(6);
    Map map;
    {
        Workspace a = Workspace::open(path);
        map = a.loadMap(smallMap().id);
        for (int i = 0; i < 4; ++i)
            a.applyEdit(map, randomEdit(map, rng));
        REQUIRE(std::filesystem::remove(path + "-wal"));
        Child b({editStreamProgram(), "stream", path, "m-other", "3", "10"});
        const std::string last = finish(b);
        CHECK_THAT(last, Contains("-wal"));
        CHECK_THAT(last, !Contains("disk"));
        // Alone again, the open one goes on: its WAL is folded into the file, a new one made.
        for (int i = 0; i < 4; ++i)
            REQUIRE_NOTHROW(a.applyEdit(map, randomEdit(map, rng)));
    }
    requireIntact(path, {smallMap().id, "m-other"});
    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    CHECK(ws.loadMap(map.id) == map);
}

TEST_CASE("A tampered schema is refused for writing, and check names the difference", "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        sql(db, "CREATE TRIGGER wipe AFTER UPDATE ON steps BEGIN DELETE FROM maps WHERE id <> NEW.map_id; END;");
        sqlite3_close(db);
    }
    const std::string before = readBytes(path);
    const std::string message = workspaceErrorOf([&] { Workspace::open(path); });
    CHECK_THAT(message, Contains("wipe"));
    CHECK_THAT(message, Contains("schema"));
    CHECK(readBytes(path) == before);

    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    CHECK(ws.listMaps().size() == 2);
    const std::vector<std::string> problems = ws.check();
    REQUIRE_FALSE(problems.empty());
    CHECK_THAT(problems.front(), Contains("trigger \"wipe\""));
}

TEST_CASE("check reports out-of-range values, wrong types and a missing primary key", "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        sql(db, "UPDATE phases SET width = 9223372036854775807 WHERE map_id = 'm-other'");
        sql(db, "UPDATE steps SET x = 'far' WHERE map_id = 'm-other' AND pos = (SELECT MIN(pos) FROM steps "
                "WHERE map_id = 'm-other')");
        sql(db, "DROP TABLE map_sessions; CREATE TABLE map_sessions (map_id TEXT NOT NULL, duration INTEGER NOT "
                "NULL, remaining INTEGER NOT NULL, running INTEGER NOT NULL DEFAULT 0)");
        sqlite3_close(db);
    }
    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    const std::vector<std::string> problems = ws.check();
    std::string all;
    for (const std::string& p : problems)
        all += p + "\n";
    INFO(all);
    CHECK_THAT(all, Contains("column width holds 9223372036854775807, out of range"));
    CHECK_THAT(all, Contains("column x holds a value of type text"));
    CHECK_THAT(all, Contains("map_sessions"));
    CHECK_THAT(all, Contains("primary key"));
    CHECK_THROWS_AS(Workspace::open(path), WorkspaceError);
}

TEST_CASE("A symlinked workspace is read through its real file, -wal included", "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir, "real.crosswalk");
    const std::string link = dir.file("link.crosswalk");
    std::filesystem::create_symlink(path, link);
    // A writer that crashes leaves its edits in the -wal beside the real file.
    Child writer({editStreamProgram(), "stream", path, smallMap().id, "17", "12"});
    std::string last;
    while (auto line = writer.readLine(60000)) {
        last = *line;
        if (last == "done")
            break;
    }
    REQUIRE(last == "done");
    writer.kill();
    writer.wait();
    REQUIRE(std::filesystem::file_size(path + "-wal") > 0);

    EditReplay replay(smallMap(), 17);
    replay.advanceTo(12);
    Workspace ws = Workspace::open(link, Workspace::Mode::ReadOnly);
    CHECK(ws.loadMap(smallMap().id) == replay.map());
    CHECK(ws.path() == link);
}

TEST_CASE("Readers beside a writer never call a healthy workspace damaged", "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    const int wanted = envCount("CROSSWALK_READER_RUNS", 500);
    int runs = 0;
    int overlapping = 0;
    std::vector<std::string> failures;
    std::uint64_t seed = 1;
    while (runs < wanted) {
        Child writer({editStreamProgram(), "cycle", path, "m-other", std::to_string(seed++), "4"});
        bool writing = true;
        while (writing || runs < wanted) {
            if (writing) {
                if (auto line = writer.readLine(5)) {
                    REQUIRE(*line == "done");
                    writing = false;
                }
            }
            try {
                Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);

                const auto maps = ws.listMaps();
                ws.loadMap("m-other");
                ws.loadMap(smallMap().id);
                if (runs % 4 == 0) {
                    const auto problems = ws.check();
                    if (!problems.empty())
                        failures.push_back("check: " + problems.front());
                }
            } catch (const std::exception& e) {
                failures.push_back(e.what());
            }
            ++runs;
            if (writing)
                ++overlapping;
            if (!writing)
                break;
        }
        writer.wait();
    }
    WARN("concurrent readers: " << runs << " reader runs (" << overlapping << " while the writer ran), "
                                << failures.size() << " failures");
    INFO((failures.empty() ? "" : failures.front()));
    CHECK(failures.empty());
    CHECK(overlapping > 0);
    requireIntact(path, {smallMap().id, "m-other"});
}

TEST_CASE("A killed workspace creation never leaves an unusable file", "[safety][hardening]")
{
    TempDir dir;
    const int kills = envCount("CROSSWALK_CREATE_KILLS", 200);
    // How long a whole creation takes here, to aim the kills across it.
    long fullUs = 0;
    {
        const auto start = std::chrono::steady_clock::now();
        Child child({editStreamProgram(), "create", dir.file("timing.crosswalk")});
        REQUIRE(finish(child) == "done");
        fullUs = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
                     .count();
    }
    std::mt19937 rng(19);
    int appeared = 0;
    for (int round = 0; round < kills; ++round) {
        const std::string path = dir.file("w" + std::to_string(round) + ".crosswalk");
        Child child({editStreamProgram(), "create", path});
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::uniform_int_distribution<long>(0, fullUs + fullUs / 4)(rng)));
        child.kill();
        child.wait();
        INFO("round " << round << ", " << path);
        if (std::filesystem::exists(path)) {
            ++appeared;
            // What is there is a whole workspace: it opens, for reading and for writing.
            requireIntact(path, {});
            REQUIRE_NOTHROW(Workspace::open(path));
        } else {
            // Nothing under the name: creating it again works.
            REQUIRE_NOTHROW(Workspace::create(path));
        }
    }
    WARN("killed creation: " << kills << " kills over " << fullUs << " us, " << appeared
                             << " left a workspace, every one usable");
}

TEST_CASE("Two creators of one workspace: one creates it, the other is told it exists", "[safety][hardening]")
{
    TempDir dir;
    for (int round = 0; round < 10; ++round) {
        const std::string path = dir.file("both" + std::to_string(round) + ".crosswalk");
        Child a({editStreamProgram(), "create", path});
        Child b({editStreamProgram(), "create", path});
        const std::string la = finish(a);
        const std::string lb = finish(b);
        CHECK(((la == "done") != (lb == "done")));
        CHECK_THAT(la + lb, Contains("already exists"));
        requireIntact(path, {smallMap().id});
    }
}

TEST_CASE("A header with an impossible schema version is called damaged, not newer", "[safety][hardening]")
{
    TempDir dir;
    const std::string path = makeTwoMapWorkspace(dir);
    std::string bytes = readBytes(path);
    bytes[60] = '\xff';
    bytes[61] = '\0';
    bytes[62] = '\0';
    bytes[63] = '\x03';
    writeBytes(path, bytes);
    const std::string message = workspaceErrorOf([&] { Workspace::open(path); });
    CHECK_THAT(message, Contains("damaged"));
    CHECK_THAT(message, !Contains("newer"));
}

TEST_CASE("Known sync folders are recognised", "[hardening]")
{
    CHECK(storage::syncFolderOf("/home/ann/OneDrive - Lakeside District/maps/ws.crosswalk") == "OneDrive");
    CHECK(storage::syncFolderOf("/home/ann/Dropbox/ws.crosswalk") == "Dropbox");
    CHECK(storage::syncFolderOf("/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/ws.crosswalk") ==
          "iCloud Drive");
    CHECK(storage::syncFolderOf("/home/ann/Google Drive/ws.crosswalk") == "Google Drive");
    CHECK_FALSE(storage::syncFolderOf("/home/ann/maps/ws.crosswalk"));
    CHECK_FALSE(storage::syncFolderOf("/home/ann/dropboxes.txt/ws.crosswalk"));
}
