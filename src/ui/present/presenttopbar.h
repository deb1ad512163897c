#pragma once

#include "crosswalk/facilitation/sessionclock.h"
#include "crosswalk/model/map.h"
#include "ui/common/annotationglyph.h" // qHash for QSet<AnnotationKind>

#include <QSet>
#include <QString>
#include <QWidget>

#include <cstdint>

namespace crosswalk {

struct Spotlight;

/// The thin caption at the top of the presentation: the map's title and district, what is
/// spotlit or hidden, the session countdown and the time of day.
class PresentTopBar final : public QWidget {
    Q_OBJECT
  public:
    explicit PresentTopBar(QWidget* parent = nullptr);

    /// Title and district of `map` (kept when there is no map), and what the presentation
    /// shows of it: the spotlight, the annotation kinds hidden, the whole map.
    void setState(const Map* map, const Spotlight& spotlight, const QSet<AnnotationKind>& hidden, bool wholeMap);
    /// The session countdown `elapsedMs` after its timer was stored; none when no timer is set.
    void setTimer(const SessionClock& session, std::int64_t elapsedMs);
    /// The countdown at wall-clock time `nowMs` (UTC ms), from its deadline; `ofSession`:
    /// the running session's timer rather than the map's ("Session 12:00").
    void setTimerAt(const SessionClock& session, std::int64_t nowMs, bool ofSession = false);
    /// Its parts as plain text: title | district | status | timer | clock.
    QString text() const;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    static QString clock();

    QString m_title;
    QString m_district;
    QString m_status;
    QString m_timer;
    bool m_timerRunning = false;
    bool m_timerUp = false;
};

} // namespace crosswalk
