// Kill during edits: another process streams random edits into a workspace through
// Workspace::applyEdit, and is killed with SIGKILL at random moments. After each kill the
// workspace must open, pass integrity_check and foreign_key_check, and hold exactly the
// edits that were committed.
//
// What "exactly" means: the helper prints edit i's number only after applyEdit(i) has
// returned, and starts edit i + 1 only after printing. With N the last number read:
//  - edits 1..N are committed and must be there;
//  - edit N + 1 may have committed with the kill landing before its number was printed;
//  - edit N + 2 was never started.
// So the stored map must equal the replay of exactly N or exactly N + 1 edits; anything else
// (a half-applied edit, a lost one) fails. Both cases are counted.
//
// CROSSWALK_KILL_ROUNDS sets the number of kills (default 200, what CI runs).

#include "safety_support.h"

#include "crosswalk/edit/edit.h"
#include "crosswalk/storage/workspace.h"

#include <chrono>
#include <cstdio>
#include <thread>

using namespace crosswalk;
using namespace crosswalk::test;

TEST_CASE("A workspace killed during edits keeps exactly the committed ones", "[safety][kill]")
{
    const int rounds = envCount("CROSSWALK_KILL_ROUNDS", 200);
    TempDir dir;
    const std::string path = dir.file("killed.crosswalk");
    const Map initial = randomMap(11, mapOptions(30, 36, 12));
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(initial);
    }
    Map stored = initial;
    Rng timing(20240611);
    long committed = 0, beforeReady = 0, printedLate = 0, readOnlyChecks = 0;
    const auto started = std::chrono::steady_clock::now();

    for (int round = 0; round < rounds; ++round) {
        const std::uint64_t seed = 1000 + static_cast<std::uint64_t>(round);
        long last = 0;
        bool ready = false;
        {
            Child child({editStreamProgram(), "stream", path, initial.id, std::to_string(seed)});
            // A quarter of the kills land at any moment from the start (opening, loading, the
            // first edits), the rest while edits stream; the window spans a few dozen edits.
            if (timing.chance(75)) {
                const auto line = child.readLine();
                INFO("round " << round);
                REQUIRE(line == std::optional<std::string>("ready"));
                ready = true;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(timing.range(0, 12000)));
            child.kill();
            child.wait();
            for (const std::string& line : child.drainLines()) {
                if (line == "ready") {
                    ready = true;
                } else if (line.find("<cut>") == std::string::npos) {
                    INFO("round " << round << ": " << line);
                    REQUIRE(line.rfind("error", 0) != 0);
                    last = std::stol(line);
                }
            }
        }
        if (!ready)
            ++beforeReady;

        INFO("round " << round << ", seed " << seed << ", last printed " << last);
        // Every other round reads through a read-only connection first, which does not
        // checkpoint on close: the -wal then grows across rounds and the next helper opens a
        // workspace with a long, uncheckpointed -wal left by a killed process.
        const bool readOnly = round % 2 == 1;
        readOnlyChecks += readOnly;
        Workspace ws = Workspace::open(path, readOnly ? Workspace::Mode::ReadOnly : Workspace::Mode::ReadWrite);
        const std::vector<std::string> problems = ws.check();
        INFO("problems: " << problems.size() << (problems.empty() ? "" : " first: " + problems.front()));
        REQUIRE(problems.empty());
        const Map now = ws.loadMap(initial.id);

        EditReplay replay(stored, seed);
        replay.advanceTo(last);
        if (now == replay.map()) {
            committed += last;
        } else {
            replay.next();
            REQUIRE(now == replay.map());
            committed += last + 1;
            ++printedLate;
        }
        stored = now;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("kill test: %d kills in %.1f s, %ld committed edits verified, %ld kills before the map was loaded, "
                "%ld with the last edit committed but not yet printed, %ld checked read-only\n",
                rounds, seconds, committed, beforeReady, printedLate, readOnlyChecks);
    CHECK(committed > 0);
}
