#include "crosswalk/facilitation/sessionclock.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

TEST_CASE("A paused countdown keeps its time left; a running one counts down whole seconds to 0",
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
