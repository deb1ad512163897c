// Two Crosswalk processes on one workspace: this test process and the edit-stream helper.
// Both open it read-write and work through SQLite's locking (WAL, a 5 s busy timeout,
// BEGIN IMMEDIATE per edit). Neither may corrupt the file or lose the other's edits
// silently: edits of different maps interleave; an edit of a map the other process changed
// since it was loaded is refused with a message saying so; a write lock held too long gives
// a clear busy message.

#include "safety_support.h"

#include "crosswalk/edit/edit.h"
#include "crosswalk/storage/workspace.h"

#include <chrono>
#include <thread>

using namespace crosswalk;
using namespace crosswalk::test;

namespace {

void requireHealthy(const std::string& path)
{
    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    const std::vector<std::string> problems = ws.check();
    INFO((problems.empty() ? "" : problems.front()));
    REQUIRE(problems.empty());
}

std::vector<std::string> answers(Child& child, int count)
{
    std::vector<std::string> lines;
    for (int i = 0; i < count; ++i) {
        auto line = child.readLine(60000);
        REQUIRE(line);
        lines.push_back(*line);
    }
    return lines;
}

} // namespace

TEST_CASE("Two processes editing different maps of one workspace both commit every edit", "[safety][instances]")
{
    TempDir dir;
    const std::string path = dir.file("shared.crosswalk");
    const Map a = randomMap(31, mapOptions(20, 24, 6, 4, 3, "a-"));
    const Map b = randomMap(32, mapOptions(20, 24, 6, 4, 3, "b-"));
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(a);
        ws.addMap(b);
    }
    constexpr int kEdits = 150;
    Child first({editStreamProgram(), "session", path, a.id, "501"});
    Child second({editStreamProgram(), "session", path, b.id, "502"});
    REQUIRE(first.readLine() == std::optional<std::string>("ready"));
    REQUIRE(second.readLine() == std::optional<std::string>("ready"));
    first.send("edit " + std::to_string(kEdits));
    second.send("edit " + std::to_string(kEdits));
    for (Child* child : {&first, &second}) {
        const std::vector<std::string> lines = answers(*child, kEdits);
        for (int i = 0; i < kEdits; ++i) {
            INFO(lines[static_cast<std::size_t>(i)]);
            REQUIRE(lines[static_cast<std::size_t>(i)] == "ok " + std::to_string(i + 1));
        }
        child->send("quit");
        REQUIRE(child->wait() == 0);
    }
    requireHealthy(path);
    Workspace ws = Workspace::open(path);
    EditReplay replayA(a, 501), replayB(b, 502);
    replayA.advanceTo(kEdits);
    replayB.advanceTo(kEdits);
    CHECK(ws.loadMap(a.id) == replayA.map());
    CHECK(ws.loadMap(b.id) == replayB.map());
}

TEST_CASE("An edit of a map another process changed since it was loaded is refused, not written over",
          "[safety][instances]")
{
    TempDir dir;
    const std::string path = dir.file("shared.crosswalk");
    const Map initial = randomMap(33, mapOptions(20, 24, 6));
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(initial);
    }
    Workspace here = Workspace::open(path);
    Map mine = here.loadMap(initial.id);

    Child other({editStreamProgram(), "session", path, initial.id, "601"});
    REQUIRE(other.readLine() == std::optional<std::string>("ready"));
    other.send("edit 5");
    for (const std::string& line : answers(other, 5))
        REQUIRE(line.rfind("ok ", 0) == 0);
    EditReplay theirs(initial, 601);
    theirs.advanceTo(5);

    // Our copy is stale: our edit must not be written over theirs.
    Rng rng(7);
    const Map before = mine;
    const std::string message = workspaceErrorOf([&] { here.applyEdit(mine, randomEdit(mine, rng)); });
    INFO(message);
    CHECK(message.find("changed by another Crosswalk window or program") != std::string::npos);
    CHECK(message.find(path) != std::string::npos);
    CHECK(mine == before);
    CHECK(here.loadMap(initial.id) == theirs.map());

    // Loaded again, our edits go in on top of theirs.
    mine = here.loadMap(initial.id);
    for (int i = 0; i < 3; ++i)
        here.applyEdit(mine, randomEdit(mine, rng));

    // And now the other process's copy is the stale one.
    other.send("edit 1");
    const std::string refused = answers(other, 1).front();
    INFO(refused);
    CHECK(refused.find("error ") == 0);
    CHECK(refused.find("changed by another Crosswalk window or program") != std::string::npos);
    other.send("reload");
    REQUIRE(answers(other, 1).front() == "ok 5");
    other.send("edit 2");
    for (const std::string& line : answers(other, 2))
        REQUIRE(line.rfind("ok ", 0) == 0);
    other.send("quit");
    REQUIRE(other.wait() == 0);
    requireHealthy(path);

    // A deleted map is refused too, naming what happened.
    Map stale = here.loadMap(initial.id);
    {
        Workspace third = Workspace::open(path);
        third.deleteMap(initial.id);
    }
    const std::string gone = workspaceErrorOf([&] { here.applyEdit(stale, randomEdit(stale, rng)); });
    INFO(gone);
    CHECK(gone.find("no map \"" + initial.id + "\"") != std::string::npos);
    CHECK(gone.find("deleted") != std::string::npos);
    requireHealthy(path);
}

TEST_CASE("A write lock held by another process: waited for, then a clear busy message", "[safety][instances]")
{
    TempDir dir;
    const std::string path = dir.file("shared.crosswalk");
    const Map initial = randomMap(34, mapOptions(12, 14, 4));
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(initial);
    }
    Workspace ws = Workspace::open(path);
    Map map = ws.loadMap(initial.id);
    Rng rng(3);

    SECTION("held for a moment: the edit waits and goes in")
    {
        Child locker({editStreamProgram(), "lock", path});
        REQUIRE(locker.readLine() == std::optional<std::string>("locked"));
        std::thread release([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(800));
            locker.send("go");
        });
        const auto start = std::chrono::steady_clock::now();
        ws.applyEdit(map, randomEdit(map, rng));
        release.join();
        CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(700));
        REQUIRE(locker.readLine() == std::optional<std::string>("released"));
        CHECK(ws.loadMap(initial.id) == map);
    }
    SECTION("held past the busy timeout: refused with a busy message, map unchanged")
    {
        Child locker({editStreamProgram(), "lock", path});
        REQUIRE(locker.readLine() == std::optional<std::string>("locked"));
        const Map before = map;
        const std::string message = workspaceErrorOf([&] { ws.applyEdit(map, randomEdit(map, rng)); });
        INFO(message);
        CHECK(message.find("another Crosswalk window or program is writing") != std::string::npos);
        CHECK(map == before);
        // Reading still works while the other holds the write lock (WAL).
        CHECK(ws.loadMap(initial.id) == map);
        locker.send("go");
        REQUIRE(locker.readLine() == std::optional<std::string>("released"));
        ws.applyEdit(map, randomEdit(map, rng));
        CHECK(ws.loadMap(initial.id) == map);
    }
    requireHealthy(path);
}
