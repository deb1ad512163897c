// The session timer's deadline where the timer is stored: the workspace file (through its
// MapStore) and the exchange format, so that a running countdown survives leaving
// presentation and restarting the app, and reads the same for everyone.

#include "support/storagetest.h"

#include "crosswalk/facilitation/sessionclock.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using Catch::Matchers::Contains;
using crosswalk::test::TempDir;

namespace {
constexpr std::int64_t kNow = 1'796'353'200'000; // 2026-12-04T03:00:00Z
}

TEST_CASE("A running timer's deadline is stored in the workspace and read back after reopening",
          "[facilitation][timer][storage]")
{
    TempDir dir;
    const std::string path = dir.file("deadline.crosswalk");
    const SessionTimer running = startedWithLength(45, kNow);
    {
        Workspace ws = Workspace::create(path);
        ws.addMap(test::smallMap());
        Map map = ws.loadMap("m-small");
        ws.applyEdit(map, SetSessionTimer{running});
    }
    // A restart: the same deadline, so the same time left at the same moment.
    const Map reopened = Workspace::open(path, Workspace::Mode::ReadOnly).loadMap("m-small");
    CHECK(reopened.session == running);
    CHECK(SessionClock(reopened.session).remainingAt(kNow + 600'000) == 2100);
    {
        // Paused: the deadline goes, the time left stays.
        Workspace ws = Workspace::open(path);
        Map map = ws.loadMap("m-small");
        ws.applyEdit(map, SetSessionTimer{SessionClock(map.session).pausedAt(kNow + 60'000)});
    }
    CHECK(Workspace::open(path, Workspace::Mode::ReadOnly).loadMap("m-small").session ==
          SessionTimer{2700, 2640, false, 0});
    CHECK(Workspace::open(path, Workspace::Mode::ReadOnly).check().empty());
}

TEST_CASE("The exchange format keeps a running timer's deadline and refuses a bad one", "[facilitation][timer][json]")
{
    Map map = test::smallMap();
    map.session = startedWithLength(30, kNow);
    const std::string text = mapToJson(map);
    CHECK_THAT(text, Contains("\"deadline_ms\": 1796355000000"));
    CHECK(parseMapJson(text).map.session == map.session);

    // A paused timer is written as before deadlines existed.
    map.session = SessionTimer{1800, 900, false, 0};
    CHECK_THAT(mapToJson(map), !Contains("deadline_ms"));

    std::string bad = text;
    bad.replace(bad.find("1796355000000"), 13, "-5");
    try {
        parseMapJson(bad);
        FAIL("a negative deadline was accepted");
    } catch (const ImportError& e) {
        CHECK_THAT(std::string(e.what()), Contains("map.session.deadline_ms"));
    }
}
