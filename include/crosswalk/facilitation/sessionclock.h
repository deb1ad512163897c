#pragma once

#include "crosswalk/model/map.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace crosswalk {

/// Wall-clock time, UTC milliseconds since 1970. Injected where a test needs to set it.
using WallClock = std::function<std::int64_t()>;
/// The system's wall clock (std::chrono::system_clock).
std::int64_t systemNowMs();

/// Session length offered when a timer is started without one.
inline constexpr int kDefaultSessionMinutes = 45;

/// The session countdown as stored (a SessionTimer). A running countdown is a deadline on
/// the wall clock, so everyone who reads the same stored timer sees the same time left,
/// after leaving presentation or restarting the app too; a paused one is the time left.
/// Every change is a new SessionTimer to store, worked out here from the time now
/// (the *At functions, UTC ms since 1970).
///
/// The older functions taking `elapsedMs` (time since the timer was stored) are kept for
/// callers that count from when they read the timer; they ignore the deadline.
class SessionClock final {
  public:
    SessionClock() = default;
    explicit SessionClock(const SessionTimer& stored) : m_stored(stored) {}

    const SessionTimer& stored() const { return m_stored; }
    bool running() const { return m_stored.running; }
    /// Whether there is a countdown to show: a session length or time left.
    bool shown() const { return m_stored.durationSeconds > 0 || m_stored.remainingSeconds > 0; }
    /// Whether a length is set (T can start the countdown from it).
    bool hasLength() const { return m_stored.durationSeconds > 0; }

    // ----- from the deadline, at a wall-clock time ---------------------------------------------

    /// Seconds left at `nowMs`, rounded up (the countdown shows 0:00 only when time is up),
    /// never below 0. A running timer without a deadline (stored before deadlines existed)
    /// shows the time left it stored.
    int remainingAt(std::int64_t nowMs) const;
    /// Milliseconds left at `nowMs` (never below 0).
    std::int64_t remainingMsAt(std::int64_t nowMs) const;
    /// Shown, and no time left at `nowMs`.
    bool timeUpAt(std::int64_t nowMs) const { return shown() && remainingMsAt(nowMs) == 0; }
    /// Starts a paused countdown (its deadline is now plus the time left) or pauses a running
    /// one (keeping the time left); empty when there is nothing to count down (no length and
    /// no time left: ask for a length, then startedWithLength()).
    std::optional<SessionTimer> toggledAt(std::int64_t nowMs) const;
    /// Running from `nowMs`: unchanged when it already runs, empty with nothing left.
    std::optional<SessionTimer> startedAt(std::int64_t nowMs) const;
    /// Paused at `nowMs` with the time left then; unchanged when already paused.
    SessionTimer pausedAt(std::int64_t nowMs) const;
    /// `minutes` more on the time left and on the session length (which never ends up shorter
    /// than the time left), both at most kMaxSessionSeconds; a running timer keeps running,
    /// its deadline moved.
    SessionTimer withMinutesAddedAt(int minutes, std::int64_t nowMs) const;
    /// Back to the whole length, paused (no length: no timer).
    SessionTimer reset() const;
    /// A running countdown stored before deadlines: given its deadline counted from `nowMs`;
    /// empty when there is nothing to fix.
    std::optional<SessionTimer> withDeadlineFixedAt(std::int64_t nowMs) const;

    // ----- relative to when the timer was stored (no deadline) ---------------------------------

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

/// A new countdown of `minutes` (clamped to 1..kMaxSessionSeconds / 60), running from `nowMs`.
SessionTimer startedWithLength(int minutes, std::int64_t nowMs);

/// The session length set to `minutes` (clamped to 0..kMaxSessionSeconds / 60): a timer not
/// yet started starts from the new length, one started keeps what is left within it, 0
/// removes the timer. Empty when the timer is running (its time left lives in the
/// presentation) or the length does not change.
std::optional<SessionTimer> withSessionLength(const SessionTimer& timer, int minutes);

/// Seconds as the countdown shows them: minutes, a colon, two digits of seconds ("5:00",
/// "0:07", "1440:00").
std::string countdownText(int seconds);

} // namespace crosswalk
