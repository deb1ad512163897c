// PresentationWindow's session timer: T, +, Shift+T and the length asked for when there is
// none. The timer is the map's stored SessionTimer, or while a session runs the session's
// (issue 17: one timer per session, through the session hooks): a deadline while it runs, so
// that it is the same after leaving presentation, moving to the next agenda item, a restart
// and on every client.

#include "ui/document/mapdocument.h"
#include "ui/present/presentationwindow.h"

#include <QLabel>
#include <QLineEdit>

namespace crosswalk {

void PresentationWindow::setSessionHooks(SessionHooks hooks)
{
    m_sessionHooks = std::move(hooks);
    updateOverlays();
}

std::optional<SessionTimer> PresentationWindow::sessionTimer() const
{
    return m_sessionHooks.timer ? m_sessionHooks.timer() : std::nullopt;
}

bool PresentationWindow::showsSessionTimer() const
{
    return sessionTimer().has_value();
}

void PresentationWindow::syncTimer()
{
    if (const std::optional<SessionTimer> session = sessionTimer())
        m_session = SessionClock(*session);
    else if (const Map* m = m_scene->map())
        m_session = SessionClock(m->session);
    else if (m_document)
        m_session = SessionClock(m_document->map().session);
}

int PresentationWindow::timerRemaining() const
{
    return m_session.remainingAt(m_now());
}

bool PresentationWindow::timerRunning() const
{
    return m_session.running();
}

bool PresentationWindow::timerLengthInputOpen() const
{
    return inputOpen() && m_inputPurpose == kTimerLengthInput;
}

void PresentationWindow::setWallClock(WallClock clock)
{
    m_now = clock ? std::move(clock) : WallClock(systemNowMs);
    updateOverlays();
}

void PresentationWindow::storeTimer(const SessionTimer& timer)
{
    if (showsSessionTimer()) {
        // The session's timer is stored with the session (its panel says when it is refused).
        if (m_sessionHooks.setTimer)
            m_sessionHooks.setTimer(timer);
        updateOverlays();
        return;
    }
    if (!m_document || timer == m_document->map().session)
        return;
    // Starting, pausing and resetting is not a change of the map a team would undo: it is
    // stored at once (so the countdown survives leaving, a restart and a crash, and every
    // reader of the map sees it) but stays off the undo stack.
    m_document->storeSessionTimer(timer);
}

void PresentationWindow::toggleTimer()
{
    syncTimer();
    const bool session = showsSessionTimer();
    if (!session && (!m_document || m_document->readOnly()))
        return;
    if (const std::optional<SessionTimer> next = m_session.toggledAt(m_now())) {
        storeTimer(*next);
        return;
    }
    // Nothing to count down (no length set, or the time is up): ask how long, rather than
    // doing nothing.
    int offered = m_session.hasLength() ? m_session.stored().durationSeconds / 60 : kDefaultSessionMinutes;
    if (session && !m_session.hasLength() && m_sessionHooks.plannedMinutes && m_sessionHooks.plannedMinutes() > 0)
        offered = m_sessionHooks.plannedMinutes();
    openInput(tr("Session length in minutes (Enter starts the timer, Esc cancels)"), kTimerLengthInput);
    m_input->setText(QString::number(offered));
    m_input->selectAll();
}

void PresentationWindow::storeTimerLength()
{
    bool ok = false;
    const int minutes = m_input->text().trimmed().toInt(&ok);
    const int most = kMaxSessionSeconds / 60;
    if (!ok || minutes < 1 || minutes > most) {
        // Say what is wrong and keep the input open.
        m_inputPrompt->setText(tr("\u201C%1\u201D is not a session length: type whole minutes from 1 to %2")
                                   .arg(m_input->text().trimmed())
                                   .arg(most));
        m_input->selectAll();
        return;
    }
    closeInput();
    if (showsSessionTimer()) {
        storeTimer(startedWithLength(minutes, m_now()));
        return;
    }
    if (!m_document || m_document->readOnly())
        return;
    // Setting the length is a change of the map (undoable, as in the parking-lot panel);
    // it starts at once.
    m_document->push(Edit{SetSessionTimer{startedWithLength(minutes, m_now())}},
                     tr("Start a %n-Minute Session Timer", nullptr, minutes));
}

void PresentationWindow::addTimerMinutes(int minutes)
{
    syncTimer();
    if (showsSessionTimer()) {
        storeTimer(m_session.withMinutesAddedAt(minutes, m_now()));
        return;
    }
    if (!m_document || m_document->readOnly())
        return;
    const SessionTimer next = m_session.withMinutesAddedAt(minutes, m_now());
    m_document->push(Edit{SetSessionTimer{next}}, tr("Add %n Minutes to the Timer", nullptr, minutes));
}

void PresentationWindow::resetTimer()
{
    syncTimer();
    if (showsSessionTimer()) {
        if (m_session.shown())
            storeTimer(m_session.reset());
        return;
    }
    if (!m_document || m_document->readOnly() || !m_session.shown())
        return;
    storeTimer(m_session.reset());
}

void PresentationWindow::fixOldRunningTimer()
{
    if (!m_document || m_document->readOnly() || showsSessionTimer())
        return;
    if (const std::optional<SessionTimer> fixed = m_session.withDeadlineFixedAt(m_now()))
        storeTimer(*fixed);
}

} // namespace crosswalk
