// A full disk, through the fault VFS's size limit: writes that would grow the workspace's
// files past a quota fail with SQLITE_FULL, as write() does with ENOSPC. Edits and imports
// then fail with a clear message, the in-memory map stays as stored, and once space is
// back nothing committed is missing and the file is whole.

#include "faultvfs.h"
#include "safety_support.h"

#include "crosswalk/demo/demo.h"
#include "crosswalk/edit/edit.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"

#include <cstdio>
#include <filesystem>

using namespace crosswalk;
using namespace crosswalk::test;

TEST_CASE("A full disk stops edits and imports with a clear message and loses nothing", "[safety][diskfull]")
{
    TempDir dir;
    const std::string pristineFile = dir.file("pristine.crosswalk");
    const std::string path = dir.file("full.crosswalk");
    const Map pristine = randomMap(8, mapOptions(30, 34, 10));
    {
        Workspace ws = Workspace::create(pristineFile);
        ws.addMap(pristine);
    }
    const Map import = parseMapJson(demoMapTexts().at(0)).map;
    const auto baseSize = static_cast<std::int64_t>(std::filesystem::file_size(pristineFile));

    long runs = 0, refusedEdits = 0, committedEdits = 0, refusedImports = 0, fullErrors = 0;
    std::string sample;
    // Room for nothing more, for a page or two, for a few dozen edits; the import of a demo
    // map needs tens of kilobytes more than the headroom in most of these.
    for (const std::int64_t headroom : {0, 100, 4096, 6000, 9000, 16384, 30000, 65536, 120000}) {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path + suffix);
        std::filesystem::copy_file(pristineFile, path);
        ++runs;
        Map map = pristine;
        bool importStored = false;
        {
            FaultVfs::Scope scope;
            FaultVfs& vfs = FaultVfs::instance();
            vfs.setQuota(baseSize + headroom);
            INFO("headroom " << headroom);
            try {
                Workspace ws = Workspace::open(path);
                map = ws.loadMap(pristine.id);
                Rng rng(static_cast<std::uint64_t>(headroom));
                int refusedInARow = 0;
                for (int i = 0; i < 400 && refusedInARow < 5; ++i) {
                    const Map before = map;
                    try {
                        ws.applyEdit(map, randomEdit(map, rng));
                        ++committedEdits;
                        refusedInARow = 0;
                    } catch (const WorkspaceError& e) {
                        const std::string message = e.what();
                        INFO(message);
                        CHECK(message.find(path) != std::string::npos);
                        CHECK(message.find("full") != std::string::npos);
                        REQUIRE(map == before);
                        ++refusedEdits;
                        ++refusedInARow;
                        if (sample.empty())
                            sample = message;
                    }
                }
                REQUIRE(ws.loadMap(pristine.id) == map);
                try {
                    ws.addMap(import);
                    importStored = true;
                } catch (const WorkspaceError& e) {
                    const std::string message = e.what();
                    INFO(message);
                    CHECK(message.find("full") != std::string::npos);
                    CHECK_FALSE(ws.hasMap(import.id));
                    ++refusedImports;
                }
                // Closing checkpoints into the main file, which may need to grow: that fails
                // quietly, and the -wal keeps everything.
            } catch (const WorkspaceError& e) {
                FAIL("opening under a full disk should work, the file is not written: " << e.what());
            }
            fullErrors += vfs.fullErrors();
        }
        // Space is back.
        Workspace ws = Workspace::open(path);
        const std::vector<std::string> problems = ws.check();
        INFO((problems.empty() ? "" : problems.front()));
        REQUIRE(problems.empty());
        REQUIRE(ws.loadMap(pristine.id) == map);
        REQUIRE(ws.hasMap(import.id) == importStored);
        Rng rng(1);
        ws.applyEdit(map, randomEdit(map, rng));
    }
    std::printf("disk full: %ld runs, %ld SQLITE_FULL writes, %ld edits refused, %ld committed, %ld imports "
                "refused\n  message: %s\n",
                runs, fullErrors, refusedEdits, committedEdits, refusedImports, sample.c_str());
    CHECK(refusedEdits > 0);
    CHECK(refusedImports > 0);
}
