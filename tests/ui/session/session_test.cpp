// Sessions in the app (issue 17): the session dialog, the Session panel stepping through the
// agenda in presentation mode (maps presented, a comparison compared), the session's own
// parking lot, notes and votes while it runs, the deadline timer across a restart, two
// clients of one local workspace, and the session record.

#include "crosswalk/facilitation/session.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparewindow.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/present/presentationwindow.h"
#include "ui/session/sessiondialog.h"
#include "ui/session/sessionpanel.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <cstdlib>
#include <filesystem>

using namespace crosswalk;

namespace {

std::string sessionWorkspace(const std::string& name)
{
    return test::demoSessionWorkspaceFile("cw-session-" + name);
}

struct App {
    explicit App(const std::string& name) : path(sessionWorkspace(name))
    {
        test::isolateSettings();
        window.resize(1600, 900);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        REQUIRE(window.openWorkspace(QString::fromStdString(path)));
        panel = window.sessionPanel();
        REQUIRE(panel);
        REQUIRE(panel->session());
    }
    ~App()
    {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (qobject_cast<CompareWindow*>(w) || qobject_cast<PresentationWindow*>(w))
                w->close();
        window.close();
        QApplication::processEvents();
        std::filesystem::remove(path);
    }
    std::string path;
    MainWindow window;
    SessionPanel* panel = nullptr;
};

CompareWindow* openComparison()
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* c = qobject_cast<CompareWindow*>(w); c && c->isVisible())
            return c;
    return nullptr;
}

} // namespace

TEST_CASE("The session dialog edits title, date, agenda and voting, and refuses an invalid session", "[ui][session]")
{
    test::isolateSettings();
    const std::string path = test::demoWorkspaceFile("cw-session-dialog");
    {
        Workspace ws = Workspace::open(path);
        Session blank;
        blank.id = "s-new";
        SessionDialog dialog(ws, blank);
        dialog.addMapItem("m-harbor-city");
        dialog.addMapItem("m-kestrel-bay");
        dialog.addComparisonItem({"m-harbor-city", "m-kestrel-bay"});
        dialog.setMinutes(2, 20);
        dialog.moveItem(2, -1); // the comparison before Kestrel Bay
        dialog.votesPerParticipant()->setValue(5);
        dialog.dateEdit()->setDate(QDate(2026, 3, 12));
        // Without a title OK is refused, naming the field; the dialog stays open.
        dialog.accept();
        CHECK(dialog.result() != QDialog::Accepted);
        CHECK(dialog.problemText().contains("title: a session needs a title"));
        dialog.titleEdit()->setText("Third monthly session");
        dialog.accept();
        CHECK(dialog.result() == QDialog::Accepted);
        const Session s = dialog.session();
        CHECK(s.title == "Third monthly session");
        CHECK(s.date == "2026-03-12");
        REQUIRE(s.agenda.size() == 3);
        CHECK(s.agenda[1].isComparison());
        CHECK(s.agenda[1].plannedMinutes == 20);
        CHECK(s.agenda[2].maps == std::vector<std::string>{"m-kestrel-bay"});
        CHECK(s.voteSettings.votesPerParticipant == 5);
        CHECK(dialog.agendaTable()->item(1, 1)->text().contains("Comparison"));
        dialog.removeItem(0);
        CHECK(dialog.session().agenda.size() == 2);
    }
    std::filesystem::remove(path);
}

TEST_CASE("The facilitator steps through the agenda in presentation mode: maps, then a comparison", "[ui][session]")
{
    App app("agenda");
    SessionPanel* panel = app.panel;
    CHECK(panel->session()->title == "Third monthly session of the six districts");
    CHECK(panel->agendaList()->count() == 7);

    PresentationWindow* first = app.window.present(false);
    REQUIRE(first);
    first->setAnimated(false);
    REQUIRE(panel->startSession());
    // Starting opens the first item: Harbor City, presented again at a fitting view.
    QApplication::processEvents();
    REQUIRE(app.window.presentation());
    CHECK(app.window.document()->map().id == "m-harbor-city");
    CHECK(app.window.presentation()->viewMode() == PresentationWindow::ViewMode::Fitted);
    CHECK(panel->running());
    CHECK(panel->session()->startRevisions.size() == 6);

    // Ctrl+PageDown: the next item, a new presentation on its map.
    QTest::keyClick(app.window.presentation(), Qt::Key_PageDown, Qt::ControlModifier);
    QApplication::processEvents();
    CHECK(panel->session()->currentItem == 1);
    CHECK(app.window.document()->map().id == "m-kestrel-bay");
    REQUIRE(app.window.presentation());
    QTest::keyClick(app.window.presentation(), Qt::Key_PageDown, Qt::ControlModifier);
    QApplication::processEvents();
    CHECK(app.window.document()->map().id == "m-ironbridge-county");
    // The fourth item is a comparison of three districts: the comparison window opens.
    QTest::keyClick(app.window.presentation(), Qt::Key_PageDown, Qt::ControlModifier);
    QApplication::processEvents();
    CHECK(panel->session()->currentItem == 3);
    CompareWindow* comparison = openComparison();
    REQUIRE(comparison);
    CHECK(panel->currentItemMaps() == QStringList{"m-harbor-city", "m-kestrel-bay", "m-ironbridge-county"});
    CHECK(comparison->presenting()); // in the comparison's own presentation mode
    comparison->close();
    // Back (the panel's Previous, as Ctrl+PageUp does): the map before it.
    REQUIRE(panel->step(-1));
    CHECK(app.window.document()->map().id == "m-ironbridge-county");
    // Stored: another window opening the workspace finds the facilitator on item 3.
    CHECK(Workspace::open(app.path, Workspace::Mode::ReadOnly).loadSession("s-monthly-03").currentItem == 2);
}

TEST_CASE("While a session runs, the presentation's Q, N and D go to the session, votes within the limit",
          "[ui][session]")
{
    App app("running");
    SessionPanel* panel = app.panel;
    REQUIRE(panel->startSession());
    PresentationWindow* p = app.window.present(false);
    REQUIRE(p);
    p->setAnimated(false);
    const Map before = app.window.document()->map();

    p->openParkingLotInput();
    REQUIRE(p->inputOpen());
    p->input()->setText("Who trains the supervisors?");
    QTest::keyClick(p->input(), Qt::Key_Return);
    REQUIRE(panel->session()->parkingLot.size() == 3);
    CHECK(panel->session()->parkingLot.back().text == "Who trains the supervisors?");
    CHECK(panel->parkingList()->item(2)->text() == "Who trains the supervisors?");

    REQUIRE(p->walkForward());
    const std::string step = p->currentStep();
    p->openNoteInput();
    REQUIRE(p->inputOpen());
    p->input()->setText("Ask HR");
    QTest::keyClick(p->input(), Qt::Key_Return);
    REQUIRE(panel->session()->notes.size() == 1);
    CHECK(panel->session()->notes[0].stepId == step);
    REQUIRE(panel->notesList()->count() == 1);
    CHECK(panel->notesList()->item(0)->text().contains("Ask HR"));

    // Three dots each (the demo session): the fourth is refused and the panel says why.
    panel->setParticipant("harbor-city");
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(p, Qt::Key_D);
    CHECK(panel->session()->votesOf("harbor-city") == 3);
    CHECK(panel->message().contains("each participant has 3 votes"));
    CHECK(panel->tallyText().contains("Your dots: 3 of 3"));
    CHECK(panel->tallyText().contains("hidden"));
    REQUIRE(panel->setRevealed(true));
    const QString label = QString::fromStdString(app.window.document()->map().step(step)->label);
    CHECK(panel->tallyText().contains(label + ": 3"));
    // The map's own facilitation is untouched.
    const Map after = app.window.document()->map();
    CHECK(after.parkingLot == before.parkingLot);
    CHECK(after.stickyNotes == before.stickyNotes);
    CHECK(after.votes == before.votes);

    // Ended, the record says what happened.
    REQUIRE(panel->endSession());
    const QString json = QString::fromStdString(test::tempWorkspacePath("cw-session-record")) + ".json";
    const QString pdf = QString::fromStdString(test::tempWorkspacePath("cw-session-record")) + ".pdf";
    REQUIRE(panel->exportRecord(json));
    REQUIRE(panel->exportRecord(pdf));
    QFile jsonFile(json);
    REQUIRE(jsonFile.open(QIODevice::ReadOnly));
    const QByteArray record = jsonFile.readAll();
    CHECK(record.contains("Who trains the supervisors?"));
    CHECK(record.contains("\"votes\": 3"));
    QFile pdfFile(pdf);
    REQUIRE(pdfFile.open(QIODevice::ReadOnly));
    CHECK(pdfFile.read(5) == "%PDF-");
    std::filesystem::remove(json.toStdString());
    std::filesystem::remove(pdf.toStdString());
}

TEST_CASE("The session timer is a deadline: the same time after a restart and on a second client", "[ui][session]")
{
    const std::string path = sessionWorkspace("timer");
    test::isolateSettings();
    Workspace first = Workspace::open(path);
    SessionPanel a;
    a.setStore(&first);
    REQUIRE(a.session());
    REQUIRE(a.toggleTimer()); // the demo session has a length: 75 minutes planned
    CHECK(a.session()->timer.running);
    CHECK(a.timerRemaining() > 74 * 60);

    // A second client (another connection to the file) sees the same time left.
    Workspace second = Workspace::open(path);
    SessionPanel b;
    b.setStore(&second);
    REQUIRE(b.session());
    CHECK(std::abs(a.timerRemaining() - b.timerRemaining()) <= 1);
    CHECK(a.timerText() == b.timerText());

    // B adds a dot; A shows it after its next poll, within a second.
    b.setParticipant("kestrel-bay");
    const std::string stepId = second.loadMap("m-kestrel-bay").steps.front().id;
    REQUIRE(b.vote("m-kestrel-bay", stepId, 1));
    QElapsedTimer clock;
    clock.start();
    while (a.session()->votesOf("kestrel-bay") == 0 && clock.elapsed() < 1000)
        QTest::qWait(20);
    CHECK(a.session()->votesOf("kestrel-bay") == b.session()->votesOf("kestrel-bay"));
    CHECK(clock.elapsed() < 1000);

    // Paused and "restarted": a new panel on a new connection shows the paused time.
    REQUIRE(a.toggleTimer());
    const int left = a.timerRemaining();
    Workspace reopened = Workspace::open(path);
    SessionPanel c;
    c.setStore(&reopened);
    CHECK(c.timerRemaining() == left);
    CHECK(c.timerText().contains("paused"));
    std::filesystem::remove(path);
}
