// Damaged workspaces: truncated at many offsets, bytes flipped in the header and in every
// page, whole pages zeroed, the -wal deleted while the workspace is open. Each open must
// either succeed with integrity_check passing or be refused with a WorkspaceError naming
// the file; never crash, never throw anything else, and never write to a file it refuses
// (nor to any file opened read-only), checked by fingerprint.

#include "safety_support.h"

#include "crosswalk/edit/edit.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>

using namespace crosswalk;
using namespace crosswalk::test;

namespace {

struct DamageTally {
    long variants = 0;
    long refused = 0;
    long openedIntact = 0;
    long openedWithFindings = 0; // integrity fine, but check() or loading found bad rows
};

/// Opens the damaged file in both modes and checks the rules above.
void tryOpen(const std::string& path, const std::string& what, DamageTally& tally)
{
    INFO(what);
    ++tally.variants;
    for (const auto mode : {Workspace::Mode::ReadOnly, Workspace::Mode::ReadWrite}) {
        const std::uint64_t before = fingerprint(path);
        bool refused = false;
        try {
            Workspace ws = Workspace::open(path, mode);
            std::vector<std::string> found;
            {
                sqlite3_stmt* stmt = nullptr;
                REQUIRE(sqlite3_prepare_v2(storage::handle(ws), "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK);
                int rc = SQLITE_ROW;
                while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
                    found.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
                if (rc != SQLITE_DONE)
                    found.push_back(std::string("error: ") + sqlite3_errmsg(storage::handle(ws)));
                sqlite3_finalize(stmt);
            }
            INFO("integrity_check: " << (found.empty() ? "" : found.front()));
            REQUIRE(found == std::vector<std::string>{"ok"});
            bool findings = !ws.check().empty();
            try {
                for (const MapSummary& summary : ws.listMaps())
                    (void)ws.loadMap(summary.id);
            } catch (const WorkspaceError&) {
                findings = true; // a row whose value we cannot read is refused, by name
            }
            if (mode == Workspace::Mode::ReadWrite)
                (findings ? tally.openedWithFindings : tally.openedIntact) += 1;
        } catch (const WorkspaceError& e) {
            const std::string message = e.what();
            INFO(message);
            CHECK(message.find(path) != std::string::npos);
            refused = true;
            if (mode == Workspace::Mode::ReadWrite)
                ++tally.refused;
        }
        if (refused || mode == Workspace::Mode::ReadOnly) {
            CHECK(fingerprint(path) == before);
            CHECK_FALSE(exists(path + "-wal"));
            CHECK_FALSE(exists(path + "-shm"));
        }
        for (const char* suffix : {"-wal", "-shm"})
            std::filesystem::remove(path + suffix);
    }
}

} // namespace

TEST_CASE("A damaged workspace opens intact or is refused by name, and is never written", "[safety][damage]")
{
    TempDir dir;
    const std::string pristineFile = dir.file("pristine.crosswalk");
    const std::string path = dir.file("damaged.crosswalk");
    {
        Workspace ws = Workspace::create(pristineFile);
        ws.addMap(randomMap(41, mapOptions(40, 48, 14)));
        ws.addMap(randomMap(42, mapOptions(25, 30, 8, 4, 3, "b-")));
        ws.createRevision("m41", "First draft");
    }
    const std::string pristine = readBytes(pristineFile);
    const std::size_t pageSize = 4096;
    REQUIRE(pristine.size() % pageSize == 0);
    const std::size_t pages = pristine.size() / pageSize;
    DamageTally tally;
    Rng rng(4711);

    SECTION("truncated")
    {
        std::vector<std::size_t> offsets{0, 1, 15, 16, 50, 99, 100, 101, 512, pristine.size() - 1};
        for (std::size_t at = 1024; at < pristine.size(); at += 1024)
            offsets.push_back(at);
        for (int i = 0; i < 40; ++i)
            offsets.push_back(rng.below(pristine.size()));
        for (const std::size_t at : offsets) {
            writeBytes(path, pristine.substr(0, at));
            tryOpen(path, "truncated at " + std::to_string(at), tally);
        }
    }
    SECTION("a byte flipped in the header")
    {
        for (std::size_t at = 0; at < 100; ++at) {
            for (const unsigned char mask : {0xFF, 0x01, 0x80}) {
                std::string bytes = pristine;
                bytes[at] = static_cast<char>(static_cast<unsigned char>(bytes[at]) ^ mask);
                writeBytes(path, bytes);
                tryOpen(path, "header byte " + std::to_string(at) + " ^ " + std::to_string(mask), tally);
            }
        }
    }
    SECTION("bytes flipped in every page")
    {
        for (std::size_t page = 0; page < pages; ++page) {
            for (int i = 0; i < 12; ++i) {
                std::string bytes = pristine;
                const std::size_t at = page * pageSize + (page == 0 ? 100 : 0) + rng.below(pageSize - 100);
                bytes[at] = static_cast<char>(static_cast<unsigned char>(bytes[at]) ^ (1u << rng.below(8)));
                writeBytes(path, bytes);
                tryOpen(path, "page " + std::to_string(page + 1) + " byte " + std::to_string(at), tally);
            }
        }
    }
    SECTION("a page zeroed")
    {
        for (std::size_t page = 0; page < pages; ++page) {
            std::string bytes = pristine;
            std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(page * pageSize), pageSize, '\0');
            writeBytes(path, bytes);
            tryOpen(path, "page " + std::to_string(page + 1) + " zeroed", tally);
        }
    }
    std::printf("damaged workspaces: %zu pages; %ld variants, each opened read-only and read-write: %ld refused, "
                "%ld opened with integrity intact, %ld opened intact with bad rows reported by check()/load\n",
                pages, tally.variants, tally.refused, tally.openedIntact, tally.openedWithFindings);
}

TEST_CASE("A -wal file deleted while the workspace is open loses at most what it held, never integrity",
          "[safety][damage]")
{
    TempDir dir;
    const std::string path = dir.file("walless.crosswalk");
    const Map initial = randomMap(43, mapOptions(20, 24, 6));
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(initial);
    }

    SECTION("by another program while this one keeps editing")
    {
        std::optional<Workspace> ws = Workspace::open(path);
        Map map = ws->loadMap(initial.id);
        Rng rng(5);
        for (int i = 0; i < 10; ++i)
            ws->applyEdit(map, randomEdit(map, rng));
        REQUIRE(exists(path + "-wal"));
        std::filesystem::remove(path + "-wal");
        // A second open now sees the main file alone: refused or intact, never damaged.
        try {
            Workspace other = Workspace::open(path, Workspace::Mode::ReadOnly);
            CHECK(other.check().empty());
        } catch (const WorkspaceError& e) {
            CHECK(std::string(e.what()).find(path) != std::string::npos);
        }
        // The first goes on through the -wal it still holds, and closing checkpoints it.
        for (int i = 0; i < 10; ++i)
            ws->applyEdit(map, randomEdit(map, rng));
        CHECK(ws->loadMap(initial.id) == map);
        ws.reset();
        Workspace again = Workspace::open(path);
        CHECK(again.check().empty());
        CHECK(again.loadMap(initial.id) == map);
    }
    SECTION("after the editing process was killed")
    {
        Map checkpointed = initial;
        {
            Child child({editStreamProgram(), "stream", path, initial.id, "77", "40"});
            while (auto line = child.readLine())
                if (*line == "done")
                    break;
            child.kill(); // it waits after "done", before closing: its edits are in the -wal only
            child.wait();
        }
        REQUIRE(exists(path + "-wal"));
        std::filesystem::remove(path + "-wal");
        std::filesystem::remove(path + "-shm");
        Workspace ws = Workspace::open(path);
        CHECK(ws.check().empty());
        // What was only in the -wal is gone with it; what was checkpointed is all there.
        CHECK(ws.loadMap(initial.id) == checkpointed);
    }
}
