#include "ui/present/presenttopbar.h"

#include "ui/common/annotationtext.h"
#include "ui/present/presentscene.h"
#include "ui/present/presentstyle.h"

#include <QFontMetrics>
#include <QPainter>
#include <QStringList>
#include <QTime>

#include <algorithm>

namespace crosswalk {

using namespace presentstyle;

PresentTopBar::PresentTopBar(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QString PresentTopBar::clock()
{
    return QTime::currentTime().toString(QStringLiteral("HH:mm"));
}

QString PresentTopBar::text() const
{
    QStringList parts{m_title, m_district};
    if (!m_status.isEmpty())
        parts << m_status;
    if (!m_timer.isEmpty())
        parts << m_timer;
    parts << clock();
    return parts.join(QStringLiteral(" | "));
}

void PresentTopBar::setState(const Map* m, const Spotlight& spot, const QSet<AnnotationKind>& hidden, bool wholeMap)
{
    if (m) {
        m_title = QString::fromStdString(m->props.title);
        m_district = QString::fromStdString(m->props.district);
    }
    QStringList status;
    if (m && spot.kind == Spotlight::Kind::Lane)
        if (const Lane* l = m->lane(spot.id))
            status << tr("Spotlight: %1").arg(QString::fromStdString(l->name));
    if (m && spot.kind == Spotlight::Kind::Phase)
        if (const Phase* p = m->phase(spot.id))
            status << tr("Spotlight: %1").arg(QString::fromStdString(p->name));
    if (m && spot.kind == Spotlight::Kind::Step)
        status << tr("Spotlight: step");
    if (hidden.size() == 5) {
        for (AnnotationKind k : kAllAnnotationKinds)
            if (!hidden.contains(k))
                status << tr("Only: %1").arg(toQString(displayName(k)));
    } else if (hidden.size() == 6) {
        status << tr("No marks");
    } else if (!hidden.isEmpty()) {
        QStringList names;
        for (AnnotationKind k : kAllAnnotationKinds)
            if (hidden.contains(k))
                names << toQString(displayName(k));
        status << tr("Hidden: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (wholeMap)
        status << tr("Whole map");
    m_status = status.join(QStringLiteral("  ·  "));
    update();
}

void PresentTopBar::setTimer(const SessionClock& session, std::int64_t elapsedMs)
{
    if (session.shown())
        m_timer = tr("%1 %2")
                      .arg(session.running() ? tr("Timer") : tr("Paused"))
                      .arg(QString::fromStdString(countdownText(session.remaining(elapsedMs))));
    else
        m_timer.clear();
    m_timerRunning = session.running();
    m_timerUp = session.timeUp(elapsedMs);
    update();
}

void PresentTopBar::setTimerAt(const SessionClock& session, std::int64_t nowMs, bool ofSession)
{
    const QString running = ofSession ? tr("Session") : tr("Timer");
    const QString paused = ofSession ? tr("Session paused") : tr("Paused");
    if (session.shown())
        m_timer = tr("%1 %2")
                      .arg(session.timeUpAt(nowMs) ? tr("Time up") : session.running() ? running : paused)
                      .arg(QString::fromStdString(countdownText(session.remainingAt(nowMs))));
    else
        m_timer.clear();
    m_timerRunning = session.running();
    m_timerUp = session.timeUpAt(nowMs);
    update();
}

void PresentTopBar::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), captionBack());
    const QRect r = rect().adjusted(18, 0, -18, 0);
    // Right: the clock, and the session timer before it.
    p.setFont(pixelFont(kCaptionPx, true));
    QFontMetrics fm(p.font());
    const QString clockText = clock();
    const int clockW = fm.horizontalAdvance(clockText);
    p.setPen(captionText());
    p.drawText(r, Qt::AlignVCenter | Qt::AlignRight, clockText);
    int right = r.right() - clockW - 28;
    if (!m_timer.isEmpty()) {
        const QString t = m_timer;
        const int tw = fm.horizontalAdvance(t) + 24;
        const QRect pill(right - tw, (height() - 36) / 2, tw, 36);
        p.setPen(Qt::NoPen);
        // Running: green with black type; time up: vermillion; paused: grey.
        p.setBrush(m_timerUp ? vermillion() : (m_timerRunning ? bluishGreen() : QColor(0x55, 0x55, 0x55)));
        p.drawRoundedRect(pill, 8, 8);
        p.setPen(m_timerRunning && !m_timerUp ? QColor(Qt::black) : QColor(Qt::white));
        p.drawText(pill, Qt::AlignCenter, t);
        right = pill.left() - 24;
    }
    if (!m_status.isEmpty()) {
        p.setFont(pixelFont(kCaptionPx, true));
        const QString s =
            QFontMetrics(p.font()).elidedText(m_status, Qt::ElideRight, std::max(0, right - r.left()) / 2);
        const int sw = QFontMetrics(p.font()).horizontalAdvance(s);
        p.setPen(yellow());
        p.drawText(QRect(right - sw, 0, sw, height()), Qt::AlignVCenter | Qt::AlignRight, s);
        right -= sw + 28;
    }
    // Left: title and district.
    p.setFont(pixelFont(kCaptionPx, true));
    const QString t = QFontMetrics(p.font()).elidedText(m_title, Qt::ElideRight, std::max(0, right - r.left()) * 3 / 5);
    p.setPen(captionText());
    p.drawText(r, Qt::AlignVCenter | Qt::AlignLeft, t);
    const int tw = QFontMetrics(p.font()).horizontalAdvance(t);
    p.setFont(pixelFont(kCaptionPx));
    const int room = right - (r.left() + tw + 24);
    if (room > 40)
        p.drawText(QRect(r.left() + tw + 24, 0, room, height()), Qt::AlignVCenter | Qt::AlignLeft,
                   QFontMetrics(p.font()).elidedText(m_district, Qt::ElideRight, room));
}

} // namespace crosswalk
