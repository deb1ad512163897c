#include "crosswalk/facilitation/sessionclock.h"

#include <algorithm>

namespace crosswalk {

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
