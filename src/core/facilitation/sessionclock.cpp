#include "crosswalk/facilitation/sessionclock.h"

#include <algorithm>
#include <chrono>

namespace crosswalk {

std::int64_t systemNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {
constexpr std::int64_t kSecondMs = 1000;

int clampSeconds(std::int64_t seconds)
{
    return static_cast<int>(std::clamp<std::int64_t>(seconds, 0, kMaxSessionSeconds));
}
} // namespace

std::int64_t SessionClock::remainingMsAt(std::int64_t nowMs) const
{
    if (!m_stored.running || m_stored.deadlineMs == 0)
        return std::int64_t{m_stored.remainingSeconds} * kSecondMs;
    return std::clamp<std::int64_t>(m_stored.deadlineMs - nowMs, 0, std::int64_t{kMaxSessionSeconds} * kSecondMs);
}

int SessionClock::remainingAt(std::int64_t nowMs) const
{
    // Rounded up: a countdown started at 5:00 shows 5:00 for its first second and 0:00 only
    // when it is over.
    return clampSeconds((remainingMsAt(nowMs) + kSecondMs - 1) / kSecondMs);
}

std::optional<SessionTimer> SessionClock::startedAt(std::int64_t nowMs) const
{
    if (m_stored.running && m_stored.deadlineMs != 0)
        return m_stored;
    SessionTimer next = m_stored;
    next.remainingSeconds = remainingAt(nowMs);
    if (next.remainingSeconds <= 0)
        return std::nullopt;
    next.running = true;
    next.deadlineMs = nowMs + std::int64_t{next.remainingSeconds} * kSecondMs;
    return next;
}

SessionTimer SessionClock::pausedAt(std::int64_t nowMs) const
{
    SessionTimer next = m_stored;
    next.remainingSeconds = remainingAt(nowMs);
    next.running = false;
    next.deadlineMs = 0;
    return next;
}

std::optional<SessionTimer> SessionClock::toggledAt(std::int64_t nowMs) const
{
    if (m_stored.running)
        return pausedAt(nowMs);
    return startedAt(nowMs);
}

SessionTimer SessionClock::withMinutesAddedAt(int minutes, std::int64_t nowMs) const
{
    SessionTimer next = m_stored;
    const std::int64_t leftMs = std::min<std::int64_t>(remainingMsAt(nowMs) + std::int64_t{minutes} * 60 * kSecondMs,
                                                       std::int64_t{kMaxSessionSeconds} * kSecondMs);
    next.remainingSeconds = clampSeconds((leftMs + kSecondMs - 1) / kSecondMs);
    next.durationSeconds =
        std::min(kMaxSessionSeconds, std::max(next.durationSeconds + minutes * 60, next.remainingSeconds));
    if (next.running)
        next.deadlineMs = nowMs + std::max<std::int64_t>(leftMs, 0);
    return next;
}

SessionTimer SessionClock::reset() const
{
    if (m_stored.durationSeconds <= 0)
        return SessionTimer{};
    return SessionTimer{m_stored.durationSeconds, m_stored.durationSeconds, false, 0};
}

std::optional<SessionTimer> SessionClock::withDeadlineFixedAt(std::int64_t nowMs) const
{
    if (!m_stored.running || m_stored.deadlineMs != 0)
        return std::nullopt;
    SessionTimer next = m_stored;
    next.deadlineMs = nowMs + std::int64_t{m_stored.remainingSeconds} * kSecondMs;
    return next;
}

SessionTimer startedWithLength(int minutes, std::int64_t nowMs)
{
    const int seconds = std::clamp(minutes, 1, kMaxSessionSeconds / 60) * 60;
    return SessionTimer{seconds, seconds, true, nowMs + std::int64_t{seconds} * kSecondMs};
}

int SessionClock::remaining(std::int64_t elapsedMs) const
{
    if (!m_stored.running)
        return m_stored.remainingSeconds;
    return std::max(0, m_stored.remainingSeconds - static_cast<int>(elapsedMs / 1000));
}

std::optional<SessionTimer> SessionClock::toggled(std::int64_t elapsedMs) const
{
    SessionTimer next = m_stored;
    next.remainingSeconds = remaining(elapsedMs);
    next.running = !m_stored.running;
    next.deadlineMs = 0; // counted from when it was stored: no deadline known
    if (next.running && next.remainingSeconds <= 0)
        return std::nullopt;
    return next;
}

SessionTimer SessionClock::withMinutesAdded(int minutes, std::int64_t elapsedMs) const
{
    SessionTimer next = m_stored;
    next.remainingSeconds = std::min(kMaxSessionSeconds, remaining(elapsedMs) + minutes * 60);
    next.durationSeconds =
        std::min(kMaxSessionSeconds, std::max(next.durationSeconds + minutes * 60, next.remainingSeconds));
    return next;
}

std::optional<SessionTimer> withSessionLength(const SessionTimer& timer, int minutes)
{
    if (timer.running)
        return std::nullopt;
    const int duration = std::clamp(minutes, 0, kMaxSessionSeconds / 60) * 60;
    if (duration == timer.durationSeconds)
        return std::nullopt;
    if (duration == 0)
        return SessionTimer{};
    SessionTimer next = timer;
    next.durationSeconds = duration;
    // A timer that has not started yet starts from the new length; a paused one keeps what
    // is left, within the new length.
    const bool fresh = timer.remainingSeconds == timer.durationSeconds && !timer.running;
    next.remainingSeconds = fresh ? duration : std::min(timer.remainingSeconds, duration);
    return next;
}

std::string countdownText(int seconds)
{
    const int secs = seconds % 60;
    return std::to_string(seconds / 60) + (secs < 10 ? ":0" : ":") + std::to_string(secs);
}

} // namespace crosswalk
