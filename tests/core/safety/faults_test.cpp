// Injected I/O errors: for each kind of call (read, write, sync, truncate, lock) and for every
// N, the Nth call fails, once or from then on, somewhere in a workspace's life around an edit
// or an import: opening, loading, editing or importing, closing. Whatever fails must
//  - reach the caller as a WorkspaceError that names the file (never another exception, never
//    a crash), or be absorbed (closing checkpoints quietly: the data is in the -wal);
//  - leave the in-memory map as it was before a failed edit, and equal to what is stored;
//  - after the fault clears, leave a file that reopens, passes check() (integrity_check,
//    foreign_key_check and our own rules) and holds exactly the edits that returned.
// The N run from 1 until a run where the Nth call never comes.

#include "faultvfs.h"
#include "safety_support.h"

#include "crosswalk/demo/demo.h"
#include "crosswalk/edit/edit.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <set>

using namespace crosswalk;
using namespace crosswalk::test;

namespace {

struct Tally {
    long runs = 0;
    long injected = 0;     // calls failed
    long surfaced = 0;     // WorkspaceErrors caught
    long failedEdits = 0;  // edits refused and rolled back
    long committedEdits = 0;
    std::set<std::string> messages; // distinct messages, with the path taken out
};

void copyFile(const std::string& from, const std::string& to)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(to + suffix);
    std::filesystem::copy_file(from, to);
}

std::string withoutPath(std::string message, const std::string& path)
{
    for (auto at = message.find(path); at != std::string::npos; at = message.find(path))
        message.replace(at, path.size(), "WS");
    return message;
}

/// Every error must name the file and say what went wrong in words, not just a code.
void checkMessage(const std::string& message, const std::string& path, Tally& tally)
{
    INFO(message);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.size() > path.size() + 10);
    ++tally.surfaced;
    tally.messages.insert(withoutPath(message, path));
}

/// One life of the workspace at path with the fault armed: open, load, three edits, close.
/// Returns the map the file must now hold.
Map editLife(const std::string& path, const Map& pristine, Tally& tally)
{
    Map expected = pristine;
    try {
        Workspace ws = Workspace::open(path);
        Map map;
        try {
            map = ws.loadMap(pristine.id);
        } catch (const WorkspaceError& e) {
            checkMessage(e.what(), path, tally);
            // The same connection reads again once the fault is out of the way.
            FaultVfs::instance().pause(true);
            map = ws.loadMap(pristine.id);
            FaultVfs::instance().pause(false);
        }
        REQUIRE(map == pristine);
        Rng rng(77);
        for (int i = 0; i < 3; ++i) {
            const Map before = map;
            const Edit edit = randomEdit(map, rng);
            try {
                ws.applyEdit(map, edit);
                expected = map;
                ++tally.committedEdits;
            } catch (const WorkspaceError& e) {
                checkMessage(e.what(), path, tally);
                ++tally.failedEdits;
                REQUIRE(map == before);
            }
        }
        // The in-memory map is what the file holds. Then the close, still under the fault:
        // its checkpoint may fail, quietly, since everything is in the -wal already.
        FaultVfs::instance().pause(true);
        REQUIRE(ws.loadMap(pristine.id) == map);
        FaultVfs::instance().pause(false);
    } catch (const WorkspaceError& e) {
        checkMessage(e.what(), path, tally); // open() refused
    }
    return expected;
}

/// One life around an import: open, import two demo maps, close.
std::vector<Map> importLife(const std::string& path, const std::vector<Map>& imports, Tally& tally)
{
    std::vector<Map> stored;
    try {
        Workspace ws = Workspace::open(path);
        for (const Map& map : imports) {
            try {
                ws.addMap(map);
                stored.push_back(map);
            } catch (const WorkspaceError& e) {
                checkMessage(e.what(), path, tally);
            }
        }
        FaultVfs::instance().pause(true);
        for (const Map& map : imports) {
            const bool wasStored = std::find(stored.begin(), stored.end(), map) != stored.end();
            REQUIRE(ws.hasMap(map.id) == wasStored);
            if (wasStored)
                REQUIRE(ws.loadMap(map.id) == map);
        }
        FaultVfs::instance().pause(false);
    } catch (const WorkspaceError& e) {
        checkMessage(e.what(), path, tally);
    }
    return stored;
}

/// Runs life for every fault kind, both modes and every N; after each run reopens the file
/// through the plain VFS and hands the workspace to verify.
void sweep(const std::string& name, const std::string& pristineFile, const std::string& work,
           const std::function<void(Tally&)>& life, const std::function<void(Workspace&)>& verify)
{
    Tally tally;
    std::string perKind;
    for (const Fault kind : kAllFaults) {
        for (const bool persistent : {false, true}) {
            long n = 1;
            for (;; ++n) {
                copyFile(pristineFile, work);
                long failures = 0;
                {
                    FaultVfs::Scope scope;
                    FaultVfs::instance().arm(kind, n, persistent);
                    INFO(name << ": " << toString(kind) << (persistent ? " from" : " at") << " call " << n);
                    life(tally);
                    failures = FaultVfs::instance().failures();
                }
                ++tally.runs;
                tally.injected += failures;
                INFO(name << ": after " << toString(kind) << (persistent ? " from" : " at") << " call " << n);
                Workspace ws = Workspace::open(work);
                const std::vector<std::string> problems = ws.check();
                INFO((problems.empty() ? "" : problems.front()));
                REQUIRE(problems.empty());
                verify(ws);
                if (failures == 0)
                    break; // the life made fewer than n calls of this kind: every N is done
            }
            perKind += std::string(perKind.empty() ? "" : ", ") + toString(kind) + (persistent ? "+" : "") + " " +
                       std::to_string(n - 1);
        }
    }
    std::printf("fault injection over %s: %ld runs, %ld calls failed, %ld WorkspaceErrors, %ld edits refused and "
                "rolled back, %ld committed; N per kind (+ = from then on): %s\n",
                name.c_str(), tally.runs, tally.injected, tally.surfaced, tally.failedEdits, tally.committedEdits,
                perKind.c_str());
    for (const std::string& m : tally.messages)
        std::printf("  message: %s\n", m.c_str());
    CHECK(tally.surfaced > 0);
}

} // namespace

TEST_CASE("Every failed read, write, sync, truncate or lock around an edit is reported and loses nothing",
          "[safety][faults]")
{
    TempDir dir;
    const std::string pristineFile = dir.file("pristine.crosswalk");
    const std::string work = dir.file("work.crosswalk");
    const Map pristine = randomMap(5, mapOptions(24, 28, 8));
    {
        Workspace ws = Workspace::create(pristineFile);
        ws.addMap(pristine);
    }
    Map expected;
    sweep(
        "an edit", pristineFile, work, [&](Tally& tally) { expected = editLife(work, pristine, tally); },
        [&](Workspace& ws) {
            Map map = ws.loadMap(pristine.id);
            REQUIRE(map == expected);
            Rng rng(99);
            ws.applyEdit(map, randomEdit(map, rng)); // and editing goes on
        });
}

TEST_CASE("Every failed read, write, sync, truncate or lock around an import is reported and loses nothing",
          "[safety][faults]")
{
    TempDir dir;
    const std::string pristineFile = dir.file("pristine.crosswalk");
    const std::string work = dir.file("work.crosswalk");
    const Map existing = randomMap(6, mapOptions(10, 12, 4));
    {
        Workspace ws = Workspace::create(pristineFile);
        ws.addMap(existing);
    }
    std::vector<Map> imports;
    for (std::size_t i = 0; i < 2; ++i)
        imports.push_back(parseMapJson(demoMapTexts().at(i)).map);
    std::vector<Map> stored;
    sweep(
        "an import", pristineFile, work, [&](Tally& tally) { stored = importLife(work, imports, tally); },
        [&](Workspace& ws) {
            REQUIRE(ws.loadMap(existing.id) == existing);
            for (const Map& map : imports) {
                const bool wasStored = std::find(stored.begin(), stored.end(), map) != stored.end();
                INFO(map.id);
                REQUIRE(ws.hasMap(map.id) == wasStored);
                if (wasStored)
                    REQUIRE(ws.loadMap(map.id) == map);
            }
        });
}
