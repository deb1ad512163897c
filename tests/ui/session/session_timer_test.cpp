// One timer per session (issue 17): while a session runs, the presentation's top bar shows and
// T / Shift+T change the session's deadline, not the map's timer; it reads the same after the
// next agenda item, after leaving and re-entering presentation and on a second client.

#include "crosswalk/facilitation/session.h"
#include "crosswalk/facilitation/sessionclock.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/present/presentationwindow.h"
#include "ui/session/sessionpanel.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QLineEdit>
#include <QTest>

#include <filesystem>

using namespace crosswalk;

namespace {

std::string timerWorkspace(const std::string& name)
{
    const std::string path = test::tempWorkspacePath("cw-session-timer-" + name);
    Workspace ws = Workspace::create(path);
    std::vector<Map> maps;
    for (std::string_view text : demoMapTexts())
        maps.push_back(parseMapJson(text).map);
    for (Map& m : maps) {
        // Every map has a timer of its own (10:00, paused): the top bar must not show it while
        // the session runs.
        m.session = SessionTimer{600, 600, false, 0};
        ws.addMap(m);
    }
    Session session = demoSession(maps);
    session.timer = {}; // no length yet: T asks for one
    ws.saveSession(session, 0);
    return path;
}

MainWindow* openWindow(const std::string& path)
{
    auto* window = new MainWindow;
    window->resize(1400, 850);
    window->show();
    REQUIRE(window->openWorkspace(QString::fromStdString(path)));
    REQUIRE(window->sessionPanel()->session());
    return window;
}

/// The timer part of the top bar ("Session 29:41").
QString timerPart(const PresentationWindow* p)
{
    const QStringList parts = p->topCaptionText().split(QStringLiteral(" | "));
    for (const QString& part : parts)
        if (part.startsWith(QStringLiteral("Session")) || part.startsWith(QStringLiteral("Timer")) ||
            part.startsWith(QStringLiteral("Paused")) || part.startsWith(QStringLiteral("Time up")))
            return part;
    return {};
}

} // namespace

TEST_CASE("While a session runs, the presentation shows the session's one timer on every item and every client",
          "[ui][session]")
{
    test::isolateSettings();
    const std::string path = timerWorkspace("one");
    MainWindow* facilitator = openWindow(path);
    SessionPanel* panel = facilitator->sessionPanel();
    REQUIRE(panel->startSession());
    PresentationWindow* p = facilitator->present(false);
    REQUIRE(p);
    p->setAnimated(false);
    QApplication::processEvents();
    REQUIRE(facilitator->document()->map().id == "m-harbor-city");
    CHECK(p->showsSessionTimer());
    CHECK(timerPart(p).isEmpty()); // the session has no timer yet; the map's 10:00 is not shown

    // T without a length asks for one (the agenda's planned minutes offered), Enter starts it.
    const std::int64_t start = unixNowMs();
    p->setWallClock([start] { return start; });
    QTest::keyClick(p, Qt::Key_T);
    REQUIRE(p->timerLengthInputOpen());
    CHECK(p->input()->text() == QString::number(panel->session()->plannedMinutes()));
    p->input()->setText("30");
    QTest::keyClick(p->input(), Qt::Key_Return);
    REQUIRE(panel->session()->timer.running);
    CHECK(panel->session()->timer.deadlineMs == start + 30 * 60 * 1000);
    CHECK(facilitator->document()->map().session == SessionTimer{600, 600, false, 0}); // map untouched

    // Four minutes and a bit later, the top bar reads the session's time left.
    const std::int64_t later = start + 4 * 60 * 1000 + 300;
    p->setWallClock([later] { return later; });
    CHECK(timerPart(p) == "Session 26:00");
    CHECK(p->timerRemaining() == 26 * 60);

    // The next agenda item (a new presentation on Kestrel Bay): the same deadline.
    QTest::keyClick(p, Qt::Key_PageDown, Qt::ControlModifier);
    QApplication::processEvents();
    REQUIRE(facilitator->document()->map().id == "m-kestrel-bay");
    p = facilitator->presentation();
    REQUIRE(p);
    p->setWallClock([later] { return later; });
    CHECK(timerPart(p) == "Session 26:00");

    // Leaving presentation and presenting again: still the session's.
    p->close();
    QApplication::processEvents();
    p = facilitator->present(false);
    REQUIRE(p);
    p->setWallClock([later] { return later; });
    CHECK(timerPart(p) == "Session 26:00");

    // A second client (another window on the workspace, as after a restart) shows the same.
    MainWindow* participant = openWindow(path);
    CHECK(participant->sessionPanel()->running());
    PresentationWindow* q = participant->present(false);
    REQUIRE(q);
    q->setWallClock([later] { return later; });
    CHECK(q->showsSessionTimer());
    CHECK(timerPart(q) == "Session 26:00");

    // Paused by the facilitator: the other client, after its poll, shows it paused at 26:00.
    QTest::keyClick(p, Qt::Key_T);
    CHECK_FALSE(panel->session()->timer.running);
    CHECK(panel->session()->timer.remainingSeconds == 26 * 60);
    CHECK(timerPart(p) == "Session paused 26:00");
    participant->sessionPanel()->poll();
    const std::int64_t muchLater = later + 10 * 60 * 1000;
    q->setWallClock([muchLater] { return muchLater; });
    CHECK(timerPart(q) == "Session paused 26:00");

    // Shift+T: back to the whole length, paused.
    QTest::keyClick(p, Qt::Key_T, Qt::ShiftModifier);
    CHECK(timerPart(p) == "Session paused 30:00");

    // Ended: the map's own timer again, as before sessions.
    REQUIRE(panel->endSession());
    p->setWallClock([later] { return later; });
    CHECK_FALSE(p->showsSessionTimer());
    CHECK(timerPart(p) == "Paused 10:00");

    for (QWidget* w : QApplication::topLevelWidgets())
        if (qobject_cast<PresentationWindow*>(w))
            w->close();
    QApplication::processEvents();
    delete participant;
    delete facilitator;
    QApplication::processEvents();
    std::filesystem::remove(path);
}
