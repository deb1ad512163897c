// Issue 19, finding 11: side files that do not belong with the workspace, and a real full
// disk. A -wal from another workspace used to make a healthy file "damaged"; a -wal left by a
// crash beside a backup restored over the file was silently applied to the backup; a full
// disk that SQLite met outside a plain write said "the disk or file system failed".

#include "safety_support.h"

#include "crosswalk/demo/demo.h"
#include "crosswalk/edit/edit.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <sys/mount.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace crosswalk;
using namespace crosswalk::test;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

/// Commits through a plain SQLite connection and leaves the -wal behind, as a Crosswalk that
/// was killed does (the close does not fold the -wal into the file).
void leaveWal(const std::string& path, const std::vector<std::string>& statements)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sql(db, "PRAGMA wal_autocheckpoint = 0");
    for (const std::string& s : statements)
        sql(db, s);
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_close(db);
    REQUIRE(fs::file_size(path + "-wal") > 32);
}

Map demo(std::size_t i)
{
    return parseMapJson(demoMapTexts().at(i)).map;
}

} // namespace

TEST_CASE("A -wal from another workspace is named, not the healthy file called damaged", "[hardening][safety]")
{
    TempDir dir("cw-wal");
    const std::string a = dir.file("a.crosswalk");
    const std::string b = dir.file("b.crosswalk");
    {
        Workspace ws = Workspace::create(a);
        ws.addMap(demo(4));
    }
    {
        Workspace ws = Workspace::create(b);
        for (std::size_t i = 0; i < demoMapTexts().size(); ++i)
            ws.addMap(demo(i));
    }
    std::vector<std::string> edits{"UPDATE maps SET title = title || ' edited'"};
    for (int i = 0; i < 20; ++i)
        edits.push_back("UPDATE steps SET label = label || 'x'");
    leaveWal(b, edits);
    fs::copy_file(b + "-wal", a + "-wal");
    const std::uint64_t before = fingerprint(a);

    for (const Workspace::Mode mode : {Workspace::Mode::ReadOnly, Workspace::Mode::ReadWrite}) {
        const std::string message = workspaceErrorOf([&] { Workspace::open(a, mode); });
        CHECK_THAT(message, Contains(a + " is intact, but the file " + a + "-wal beside it does not belong with it"));
        CHECK_THAT(message, Contains("move " + a + "-wal"));
        CHECK_THAT(message, !Contains("is damaged"));
        CHECK(fingerprint(a) == before);
    }
    // Done as the message says: the workspace opens as the file holds it.
    fs::create_directory(dir.file("aside"));
    fs::rename(a + "-wal", dir.file("aside/a.crosswalk-wal"));
    fs::remove(a + "-shm");
    Workspace ws = Workspace::open(a);
    CHECK(ws.check().empty());
    CHECK(ws.loadMap(demo(4).id) == demo(4));
}

TEST_CASE("A -wal left by a crash is not applied to a backup restored over the file", "[hardening][safety]")
{
    TempDir dir("cw-wal");
    const std::string path = dir.file("ws.crosswalk");
    const Map original = demo(1);
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(original);
    }
    const std::string backup = readBytes(path);
    leaveWal(path, {"UPDATE maps SET title = 'crash-era title'"});

    // The crash's own -wal, however long after: the edit is there.
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    {
        Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
        CHECK(ws.loadMap(original.id).props.title == "crash-era title");
    }
    // Run as root (CI), SQLite re-owns a -wal it opens, which renews its change time: the
    // backup is restored a while after that open, as a person would.
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));

    // The backup copied over the file, the -wal still beside it.
    writeBytes(path, backup);
    const std::uint64_t before = fingerprint(path);
    const std::string wal = readBytes(path + "-wal");
    for (const Workspace::Mode mode : {Workspace::Mode::ReadOnly, Workspace::Mode::ReadWrite}) {
        const std::string message = workspaceErrorOf([&] { Workspace::open(path, mode); });
        CHECK_THAT(message, Contains(path + " was replaced (a backup restored"));
        CHECK_THAT(message, Contains("move " + path + "-wal"));
        CHECK_THAT(message, Contains("put back the file that was there before"));
        CHECK(fingerprint(path) == before);
        CHECK(readBytes(path + "-wal") == wal);
    }
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    Workspace ws = Workspace::open(path);
    CHECK(ws.loadMap(original.id) == original);
}

TEST_CASE("A crashed workspace carried elsewhere with its -wal keeps the -wal's edits", "[hardening][safety]")
{
    // Moving or copying the pair renews the main file's change time long after the -wal was
    // last written; that is not a replaced file, and the crash-era edits must still be read.
    TempDir dir("cw-wal");
    const std::string path = dir.file("ws.crosswalk");
    const Map original = demo(1);
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(original);
    }
    leaveWal(path, {"UPDATE maps SET title = 'crash-era title'"});
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));

    SECTION("moved into another folder")
    {
        fs::create_directories(dir.file("moved"));
        const std::string moved = dir.file("moved/ws.crosswalk");
        fs::rename(path, moved);
        fs::rename(path + "-wal", moved + "-wal");
        Workspace ws = Workspace::open(moved, Workspace::Mode::ReadOnly);
        CHECK(ws.loadMap(original.id).props.title == "crash-era title");
    }
    SECTION("copied keeping the files' times (cp -p)")
    {
        fs::create_directories(dir.file("copy"));
        const std::string copy = dir.file("copy/ws.crosswalk");
        for (const std::string suffix : {"", "-wal"}) {
            fs::copy_file(path + suffix, copy + suffix);
            fs::last_write_time(copy + suffix, fs::last_write_time(path + suffix));
        }
        Workspace ws = Workspace::open(copy, Workspace::Mode::ReadOnly);
        CHECK(ws.loadMap(original.id).props.title == "crash-era title");
    }
}

TEST_CASE("A workspace's own checkpoints never make its -wal look left over", "[hardening][safety]")
{
    // Many edits (automatic checkpoints at 1,000 pages), each followed by a pause, then closed
    // without folding: the next open must take the -wal as the workspace's own.
    TempDir dir("cw-wal");
    const std::string path = dir.file("ws.crosswalk");
    Map map = randomMap(5, mapOptions(200, 200, 20, 6, 4));
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(map);
        for (int i = 0; i < 40; ++i) {
            Step step = map.steps[static_cast<std::size_t>(i) % map.steps.size()];
            step.notes = std::string(3000, static_cast<char>('a' + i % 26));
            ws.commit(map, UpdateStep{step});
        }
        sqlite3_db_config(storage::handle(ws), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        std::this_thread::sleep_for(std::chrono::milliseconds(2200));
        // The workspace is "killed": its connection goes without a checkpoint.
    }
    if (fs::exists(path + "-wal") && fs::file_size(path + "-wal") > 32) {
        Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
        CHECK(ws.loadMap(map.id) == map);
    }
}

TEST_CASE("A full disk says so, whatever call meets it, and keeps what was saved", "[hardening][safety]")
{
    // A real file system that fills up: a small tmpfs, which only root may mount (CI runs as
    // root); elsewhere the fault VFS's quota test (diskfull_test.cpp) stands in.
    TempDir dir("cw-full");
    const std::string mountPoint = dir.file("disk");
    fs::create_directory(mountPoint);
    if (::mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=384k") != 0) {
        WARN("cannot mount a small tmpfs (not root?): the real full-disk test is skipped");
        return;
    }
    struct Unmount {
        std::string at;
        ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
    } unmount{mountPoint};

    const std::string path = mountPoint + "/ws.crosswalk";
    std::vector<Map> saved;
    std::string message;
    {
        Workspace ws = Workspace::create(path);
        for (std::uint64_t seed = 1; seed < 200 && message.empty(); ++seed) {
            Map map = randomMap(seed, mapOptions(40, 40, 10, 4, 3, "m" + std::to_string(seed) + "-"));
            map.id = "m-" + std::to_string(seed);
            try {
                ws.addMap(map);
                saved.push_back(map);
            } catch (const WorkspaceError& e) {
                message = e.what();
            }
        }
        REQUIRE_FALSE(message.empty());
        CHECK_THAT(message, Contains("the disk is full"));
        CHECK_THAT(message, Contains(path));
        CHECK_THAT(message, !Contains("the disk or file system failed"));
        // Fill what is left, then edit: refused with the same words.
        {
            std::ofstream filler(mountPoint + "/filler", std::ios::binary);
            const std::string block(4096, 'x');
            while (filler.write(block.data(), static_cast<std::streamsize>(block.size())))
                ;
        }
        REQUIRE_FALSE(saved.empty());
        Map& map = saved.front();
        const Map shown = map;
        Step step = map.steps.front();
        step.notes = std::string(300000, 'n'); // more than the -wal has room for
        const std::string edit = workspaceErrorOf([&] { ws.commit(map, UpdateStep{step}); });
        CHECK_THAT(edit, Contains("the disk is full"));
        CHECK(map == shown);
        fs::remove(mountPoint + "/filler");
    }
    Workspace ws = Workspace::open(path);
    CHECK(ws.check().empty());
    for (const Map& map : saved)
        CHECK(ws.loadMap(map.id) == map);
    INFO("saved " << saved.size() << " maps before the disk filled");
}
