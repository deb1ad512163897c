#pragma once

#include "crosswalk/model/map.h"

#include <cstdint>
#include <optional>
#include <string>

namespace crosswalk {

/// The session countdown as it runs: the SessionTimer stored with the map and the time that
/// has passed since it was stored. The UI keeps the stopwatch; every change it makes is a new
/// SessionTimer to store, worked out here.
class SessionClock final {
  public:
    SessionClock() = default;
    explicit SessionClock(const SessionTimer& stored) : m_stored(stored) {}

    const SessionTimer& stored() const { return m_stored; }
    bool running() const { return m_stored.running; }
    /// Whether there is a countdown to show: a session length or time left.
    bool shown() const { return m_stored.durationSeconds > 0 || m_stored.remainingSeconds > 0; }

    /// Seconds left `elapsedMs` milliseconds after the timer was stored (never below 0).
    int remaining(std::int64_t elapsedMs) const;
    /// Shown, and no time left.
    bool timeUp(std::int64_t elapsedMs) const { return shown() && remaining(elapsedMs) == 0; }

    /// Starts a paused countdown or pauses a running one, keeping the time left; empty when
    /// there is nothing left to count down (minutes have to be added first).
    std::optional<SessionTimer> toggled(std::int64_t elapsedMs) const;
    /// `minutes` more on the time left and on the session length (which never ends up shorter
    /// than the time left), both at most kMaxSessionSeconds.
    SessionTimer withMinutesAdded(int minutes, std::int64_t elapsedMs) const;

  private:
    SessionTimer m_stored;
};

/// The session length set to `minutes` (clamped to 0..kMaxSessionSeconds / 60): a timer not
/// yet started starts from the new length, one started keeps what is left within it, 0
/// removes the timer. Empty when the timer is running (its time left lives in the
/// presentation) or the length does not change.
std::optional<SessionTimer> withSessionLength(const SessionTimer& timer, int minutes);

/// Seconds as the countdown shows them: minutes, a colon, two digits of seconds ("5:00",
/// "0:07", "1440:00").
std::string countdownText(int seconds);

} // namespace crosswalk
