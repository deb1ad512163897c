// The other process in the data-safety tests: it edits a workspace through the same
// Workspace::applyEdit the app calls, and says on standard output how far it got.
//
//   crosswalk_editstream stream WORKSPACE MAP SEED [MAX]
//       Applies test::randomEdit(map, Rng(SEED)) edits one after another, printing "ready"
//       once the map is loaded and then each edit's sequence number (1, 2, ...) after
//       applyEdit() has returned, flushed at once: a printed number is a committed edit.
//       Runs until killed (what the kill test does), or prints "done" after MAX edits and
//       waits for a line on standard input before closing the workspace.
//   crosswalk_editstream session WORKSPACE MAP SEED
//       Prints "ready", then obeys lines on standard input: "edit K" applies K edits of the
//       same stream, answering "ok N" (edits committed so far) or "error MESSAGE" per edit;
//       "reload" loads the map again from the file ("ok N"); "quit" closes and exits.
//   crosswalk_editstream cycle WORKSPACE MAP SEED ROUNDS
//       ROUNDS times: opens the workspace, applies 3 edits of the stream, adds a small new map,
//       closes (which checkpoints into the main file); prints "done" at the end. The writer
//       the concurrent-reader test reads beside.
//   crosswalk_editstream create WORKSPACE
//       Creates the workspace, adds one map, prints "done" and waits for a line on standard
//       input (the killed-creation test).
//   crosswalk_editstream lock WORKSPACE
//       Holds the write lock (BEGIN IMMEDIATE on a plain SQLite connection), prints "locked",
//       and lets go when a line arrives on standard input ("released").
//
// Exit status 0 when done, 2 on an error (printed as "error MESSAGE").

#include "crosswalk/storage/workspace.h"

#include "support/randommap.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

namespace crosswalk {
namespace {

void say(const std::string& line)
{
    // One write per line, flushed: the reader must never see a number that was not committed,
    // and must see every one that was, up to the moment of the kill.
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
}

int stream(const std::string& path, const std::string& mapId, std::uint64_t seed, long max)
{
    Workspace ws = Workspace::open(path);
    Map map = ws.loadMap(mapId);
    test::Rng rng(seed);
    say("ready");
    for (long i = 1; max <= 0 || i <= max; ++i) {
        const Edit edit = test::randomEdit(map, rng);
        ws.applyEdit(map, edit);
        say(std::to_string(i));
    }
    say("done");
    std::string line;
    std::getline(std::cin, line);
    return 0;
}

int session(const std::string& path, const std::string& mapId, std::uint64_t seed)
{
    Workspace ws = Workspace::open(path);
    Map map = ws.loadMap(mapId);
    test::Rng rng(seed);
    long committed = 0;
    say("ready");
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line == "quit")
            break;
        if (line == "reload") {
            map = ws.loadMap(mapId);
            say("ok " + std::to_string(committed));
        } else if (line.rfind("edit ", 0) == 0) {
            for (long k = std::atol(line.c_str() + 5); k > 0; --k) {
                const Edit edit = test::randomEdit(map, rng);
                try {
                    ws.applyEdit(map, edit);
                    say("ok " + std::to_string(++committed));
                } catch (const WorkspaceError& e) {
                    say(std::string("error ") + e.what());
                }
            }
        } else {
            say("error unknown command " + line);
        }
    }
    return 0;
}

int cycle(const std::string& path, const std::string& mapId, std::uint64_t seed, long rounds)
{
    test::Rng rng(seed);
    for (long r = 0; r < rounds; ++r) {
        Workspace ws = Workspace::open(path);
        Map map = ws.loadMap(mapId);
        for (int i = 0; i < 3; ++i)
            ws.applyEdit(map, test::randomEdit(map, rng));
        Map extra = test::randomMap(seed * 1000 + static_cast<std::uint64_t>(r), test::RandomMapOptions{});
        extra.id = "m-cycle-" + std::to_string(seed) + "-" + std::to_string(r);
        ws.addMap(extra);
    }
    say("done");
    return 0;
}

int create(const std::string& path)
{
    Workspace ws = Workspace::create(path);
    ws.addMap(test::smallMap());
    say("done");
    std::string line;
    std::getline(std::cin, line);
    return 0;
}

int lock(const std::string& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
        say(std::string("error ") + sqlite3_errmsg(db));
        sqlite3_close(db);
        return 2;
    }
    say("locked");
    std::string line;
    std::getline(std::cin, line);
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    say("released");
    return 0;
}

int run(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "stream" && (argc == 5 || argc == 6))
            return stream(argv[2], argv[3], std::strtoull(argv[4], nullptr, 10), argc == 6 ? std::atol(argv[5]) : 0);
        if (mode == "session" && argc == 5)
            return session(argv[2], argv[3], std::strtoull(argv[4], nullptr, 10));
        if (mode == "cycle" && argc == 6)
            return cycle(argv[2], argv[3], std::strtoull(argv[4], nullptr, 10), std::atol(argv[5]));
        if (mode == "create" && argc == 3)
            return create(argv[2]);
        if (mode == "lock" && argc == 3)
            return lock(argv[2]);
    } catch (const std::exception& e) {
        say(std::string("error ") + e.what());
        return 2;
    }
    std::cerr << "usage: crosswalk_editstream stream WORKSPACE MAP SEED [MAX] | session WORKSPACE MAP SEED | "
                 "lock WORKSPACE\n";
    return 2;
}

} // namespace
} // namespace crosswalk

int main(int argc, char** argv)
{
    return crosswalk::run(argc, argv);
}
