#include "crosswalk/facilitation/sessionclock.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

TEST_CASE("A paused countdown keeps its time left, a running one counts down whole seconds to 0",
          "[facilitation][timer]")
{
    const SessionClock none;
    CHECK_FALSE(none.shown());
    CHECK_FALSE(none.running());
    CHECK(none.remaining(0) == 0);
    CHECK_FALSE(none.timeUp(0)); // no timer: nothing is up

    const SessionClock paused(SessionTimer{600, 300, false});
    CHECK(paused.shown());
    CHECK_FALSE(paused.running());
    CHECK(paused.remaining(0) == 300);
    CHECK(paused.remaining(1'000'000) == 300); // time passes, a paused clock does not move

    const SessionClock running(SessionTimer{600, 300, true});
    CHECK(running.running());
    CHECK(running.remaining(0) == 300);
    CHECK(running.remaining(999) == 300); // whole seconds only
    CHECK(running.remaining(1000) == 299);
    CHECK(running.remaining(299'999) == 1);
    CHECK_FALSE(running.timeUp(299'999));
    CHECK(running.remaining(300'000) == 0);
    CHECK(running.timeUp(300'000));
    CHECK(running.remaining(10'000'000) == 0); // never below 0

    // Time left without a length (an old file) still shows.
    CHECK(SessionClock(SessionTimer{0, 60, false}).shown());
    CHECK(SessionClock(SessionTimer{60, 0, false}).timeUp(0));
}

TEST_CASE("T starts a paused countdown from its time left and pauses a running one where it is",
          "[facilitation][timer]")
{
    const SessionClock paused(SessionTimer{600, 300, false});
    CHECK(paused.toggled(5000) == SessionTimer{600, 300, true});
    const SessionClock running(SessionTimer{600, 300, true});
    CHECK(running.toggled(42'500) == SessionTimer{600, 258, false});
    // Nothing left to count down: it does not start (+ adds minutes first) ...
    CHECK_FALSE(SessionClock().toggled(0).has_value());
    CHECK_FALSE(SessionClock(SessionTimer{600, 0, false}).toggled(0).has_value());
    // ... but a running countdown whose time is up can still be paused, at 0.
    CHECK(running.toggled(400'000) == SessionTimer{600, 0, false});
}

TEST_CASE("+ adds minutes to the time left and to the session length, up to a day", "[facilitation][timer]")
{
    CHECK(SessionClock().withMinutesAdded(5, 0) == SessionTimer{300, 300, false});
    CHECK(SessionClock(SessionTimer{600, 300, false}).withMinutesAdded(5, 99'000) == SessionTimer{900, 600, false});
    // Running: from the time left now; the clock keeps running.
    CHECK(SessionClock(SessionTimer{600, 300, true}).withMinutesAdded(5, 100'000) == SessionTimer{900, 500, true});
    // Time left that would outgrow the length stretches the length.
    CHECK(SessionClock(SessionTimer{0, 600, false}).withMinutesAdded(5, 0) == SessionTimer{900, 900, false});
    // At most kMaxSessionSeconds each.
    const SessionTimer full{kMaxSessionSeconds, kMaxSessionSeconds - 60, false};
    CHECK(SessionClock(full).withMinutesAdded(5, 0) == SessionTimer{kMaxSessionSeconds, kMaxSessionSeconds, false});
    CHECK(SessionClock(SessionTimer{kMaxSessionSeconds - 120, 60, false}).withMinutesAdded(5, 0) ==
          SessionTimer{kMaxSessionSeconds, 360, false});
}

TEST_CASE("Setting the session length restarts a fresh timer and keeps what is left of a started one",
          "[facilitation][timer]")
{
    // Not started yet (time left is the whole length): starts from the new length.
    CHECK(withSessionLength(SessionTimer{}, 30) == SessionTimer{1800, 1800, false});
    CHECK(withSessionLength(SessionTimer{1800, 1800, false}, 45) == SessionTimer{2700, 2700, false});
    // Started and paused: what is left stays, within the new length.
    CHECK(withSessionLength(SessionTimer{1800, 1000, false}, 45) == SessionTimer{2700, 1000, false});
    CHECK(withSessionLength(SessionTimer{1800, 1000, false}, 10) == SessionTimer{600, 600, false});
    // 0 removes the timer.
    CHECK(withSessionLength(SessionTimer{1800, 1000, false}, 0) == SessionTimer{});
    // Clamped to 0..a day.
    CHECK(withSessionLength(SessionTimer{}, 100'000) == SessionTimer{kMaxSessionSeconds, kMaxSessionSeconds, false});
    CHECK(withSessionLength(SessionTimer{600, 600, false}, -5) == SessionTimer{});
    // No change: nothing to store.
    CHECK_FALSE(withSessionLength(SessionTimer{1800, 1000, false}, 30).has_value());
    CHECK_FALSE(withSessionLength(SessionTimer{}, 0).has_value());
    CHECK_FALSE(withSessionLength(SessionTimer{}, -3).has_value());
    // Running: the length is locked (the time left lives in the presentation).
    CHECK_FALSE(withSessionLength(SessionTimer{1800, 1000, true}, 45).has_value());
}

TEST_CASE("The countdown reads minutes:seconds", "[facilitation][timer]")
{
    CHECK(countdownText(0) == "0:00");
    CHECK(countdownText(7) == "0:07");
    CHECK(countdownText(59) == "0:59");
    CHECK(countdownText(60) == "1:00");
    CHECK(countdownText(300) == "5:00");
    CHECK(countdownText(3599) == "59:59");
    CHECK(countdownText(3600) == "60:00");
    CHECK(countdownText(kMaxSessionSeconds) == "1440:00");
}

// ----- the deadline ---------------------------------------------------------------------------

namespace {
constexpr std::int64_t kNow = 1'796'353'200'000; // 2026-12-04T03:00:00Z
}

TEST_CASE("A running countdown is a deadline: everyone reading it at the same time sees the same time left",
          "[facilitation][timer]")
{
    const SessionTimer stored{2700, 2700, true, kNow + 2'700'000};
    // Two readers (two windows, two clients, the app after a restart) at the same moment.
    const SessionClock a(stored);
    const SessionClock b(stored);
    CHECK(a.remainingAt(kNow) == 2700);
    CHECK(a.remainingAt(kNow + 1) == 2700); // rounded up: 45:00 for the first second
    CHECK(a.remainingAt(kNow + 1000) == 2699);
    CHECK(a.remainingAt(kNow + 600'000) == b.remainingAt(kNow + 600'000));
    CHECK(b.remainingAt(kNow + 600'000) == 2100);
    // Reading it later (re-entering presentation) does not rewind it.
    CHECK(SessionClock(stored).remainingAt(kNow + 1'800'000) == 900);
    CHECK(a.remainingAt(kNow + 2'699'001) == 1);
    CHECK_FALSE(a.timeUpAt(kNow + 2'699'999));
    CHECK(a.remainingAt(kNow + 2'700'000) == 0);
    CHECK(a.timeUpAt(kNow + 2'700'000));
    CHECK(a.remainingAt(kNow + 99'000'000) == 0);
    // A clock behind the deadline by more than a day still shows at most a day.
    CHECK(a.remainingAt(0) == kMaxSessionSeconds);

    // Paused: the time left, whatever the time.
    const SessionClock paused(SessionTimer{2700, 1234, false, 0});
    CHECK(paused.remainingAt(kNow) == 1234);
    CHECK(paused.remainingAt(kNow + 5'000'000) == 1234);
    // Running but stored before deadlines: the time left it stored, until a deadline is given.
    const SessionClock old(SessionTimer{600, 300, true, 0});
    CHECK(old.remainingAt(kNow + 50'000) == 300);
    CHECK(old.withDeadlineFixedAt(kNow) == SessionTimer{600, 300, true, kNow + 300'000});
    CHECK_FALSE(a.withDeadlineFixedAt(kNow).has_value());
    CHECK_FALSE(paused.withDeadlineFixedAt(kNow).has_value());
}

TEST_CASE("Start, pause, add and reset store a new deadline or time left", "[facilitation][timer]")
{
    const SessionClock paused(SessionTimer{2700, 1200, false, 0});
    const std::optional<SessionTimer> started = paused.toggledAt(kNow);
    REQUIRE(started);
    CHECK(*started == SessionTimer{2700, 1200, true, kNow + 1'200'000});
    CHECK(paused.startedAt(kNow) == started);
    // Paused 100.4 s later: 1099.6 s left, shown (and kept) as 1100.
    const SessionClock running(*started);
    CHECK(running.toggledAt(kNow + 100'400) == SessionTimer{2700, 1100, false, 0});
    CHECK(running.pausedAt(kNow + 100'400) == SessionTimer{2700, 1100, false, 0});
    CHECK(running.startedAt(kNow + 5000) == *started); // already running: unchanged
    CHECK(paused.pausedAt(kNow + 5000) == paused.stored());
    // Time up: it pauses at 0 and does not start again until minutes are added.
    CHECK(running.toggledAt(kNow + 2'000'000) == SessionTimer{2700, 0, false, 0});
    CHECK_FALSE(SessionClock(SessionTimer{2700, 0, false, 0}).toggledAt(kNow).has_value());
    // No length, no time left: nothing to start (the window asks for a length).
    CHECK_FALSE(SessionClock().toggledAt(kNow).has_value());
    CHECK_FALSE(SessionClock().hasLength());
    CHECK(startedWithLength(45, kNow) == SessionTimer{2700, 2700, true, kNow + 2'700'000});
    CHECK(startedWithLength(0, kNow) == SessionTimer{60, 60, true, kNow + 60'000});
    CHECK(startedWithLength(100'000, kNow).durationSeconds == kMaxSessionSeconds);

    // + on a running timer moves the deadline and keeps it running.
    CHECK(running.withMinutesAddedAt(5, kNow + 200'000) == SessionTimer{3000, 1300, true, kNow + 1'500'000});
    CHECK(paused.withMinutesAddedAt(5, kNow + 200'000) == SessionTimer{3000, 1500, false, 0});
    CHECK(SessionClock().withMinutesAddedAt(5, kNow) == SessionTimer{300, 300, false, 0});
    // Never more than a day left.
    const SessionClock full(SessionTimer{kMaxSessionSeconds, kMaxSessionSeconds - 60, true,
                                         kNow + (kMaxSessionSeconds - 60) * std::int64_t{1000}});
    const SessionTimer capped = full.withMinutesAddedAt(5, kNow);
    CHECK(capped.remainingSeconds == kMaxSessionSeconds);
    CHECK(capped.deadlineMs == kNow + kMaxSessionSeconds * std::int64_t{1000});

    // Reset: the whole length again, paused.
    CHECK(running.reset() == SessionTimer{2700, 2700, false, 0});
    CHECK(SessionClock(SessionTimer{0, 50, false, 0}).reset() == SessionTimer{});

    // The relative functions drop a deadline they cannot keep true.
    CHECK(running.toggled(1000) == SessionTimer{2700, 1199, false, 0});
}

TEST_CASE("The system clock is the wall clock in ms since 1970", "[facilitation][timer]")
{
    // After 2020-01-01 and before 9999: a clock in seconds or microseconds would fail this.
    CHECK(systemNowMs() > 1'577'836'800'000);
    CHECK(systemNowMs() < kMaxSessionDeadlineMs);
}
