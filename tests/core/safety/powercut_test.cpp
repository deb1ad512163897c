// Power loss with synchronous = NORMAL in WAL mode. A commit is written to the -wal but not
// synced; the -wal is synced before each checkpoint and the main file after it. A power cut
// can therefore lose the last edits since the last checkpoint, but must never damage the
// file or keep part of an edit.
//
// The fault VFS records every change not yet synced; at a random write (inside a commit or a
// checkpoint) it writes an image of the workspace as the disk could hold it after a power
// cut: each unsynced change kept, lost, or torn at 512-byte sectors, at random. Each image
// must open, pass check(), and hold the map after exactly some number j of edits, with j at
// least the number of edits made before the last completed checkpoint.
//
// CROSSWALK_POWERCUT_ROUNDS sets the number of cuts (default 300).

#include "faultvfs.h"
#include "safety_support.h"

#include "crosswalk/edit/edit.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <cstdio>
#include <filesystem>

using namespace crosswalk;
using namespace crosswalk::test;

TEST_CASE("A power cut loses at most the edits since the last checkpoint, and never damages the file",
          "[safety][powercut]")
{
    const int rounds = envCount("CROSSWALK_POWERCUT_ROUNDS", 300);
    TempDir dir;
    const std::string path = dir.file("live.crosswalk");
    const std::string image = dir.file("image.crosswalk");
    const Map initial = randomMap(21, mapOptions(30, 36, 12));
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(initial);
    }
    FaultVfs::Scope scope;
    FaultVfs& vfs = FaultVfs::instance();
    Workspace ws = Workspace::open(path);
    Map map = ws.loadMap(initial.id);
    vfs.recordUnsynced(true);

    std::vector<Map> states{map}; // states[j]: the map after j edits
    std::size_t durable = 0;      // edits made before the last completed checkpoint
    Rng rng(4242);
    long unsynced = 0, lostEdits = 0, imagesWithLoss = 0, cutsInCheckpoints = 0, checkpoints = 0;
    for (int round = 0; round < rounds; ++round) {
        vfs.cutBeforeWrite(rng.range(1, 14), path, image, 9000 + static_cast<std::uint64_t>(round));
        bool inCheckpoint = false;
        while (!vfs.cutTaken()) {
            if (rng.chance(12)) {
                // What the autocheckpoint does after 1000 pages, sooner.
                inCheckpoint = true;
                REQUIRE(sqlite3_wal_checkpoint_v2(storage::handle(ws), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) ==
                        SQLITE_OK);
                if (!vfs.cutTaken()) {
                    durable = states.size() - 1;
                    ++checkpoints;
                }
            } else {
                inCheckpoint = false;
                ws.applyEdit(map, randomEdit(map, rng));
                states.push_back(map);
            }
        }
        cutsInCheckpoints += inCheckpoint;
        unsynced += vfs.cutUnsynced();

        INFO("round " << round << ", " << states.size() - 1 << " edits made, " << durable << " durable");
        vfs.pause(true);
        {
            Workspace cut = Workspace::open(image);
            const std::vector<std::string> problems = cut.check();
            INFO((problems.empty() ? "" : problems.front()));
            REQUIRE(problems.empty());
            const Map there = cut.loadMap(initial.id);
            std::size_t j = states.size();
            for (std::size_t k = states.size(); k-- > durable;) {
                if (states[k] == there) {
                    j = k;
                    break;
                }
            }
            REQUIRE(j < states.size()); // some whole edit count, not before the last checkpoint
            lostEdits += static_cast<long>(states.size() - 1 - j);
            imagesWithLoss += j + 1 < states.size();
        }
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(image + suffix);
        vfs.pause(false);
    }
    std::printf("power cut: %d cuts (%ld inside checkpoints), %zu edits, %ld checkpoints, %ld unsynced changes "
                "dropped or torn at random; %ld images lost edits (%ld edits in all, none before a checkpoint)\n",
                rounds, cutsInCheckpoints, states.size() - 1, checkpoints, unsynced, imagesWithLoss, lostEdits);
    CHECK(imagesWithLoss > 0); // the simulation does lose unsynced edits, or it tests nothing
}
