// Sessions in the app (issue 17), as the people in the room use them: a second client follows
// the facilitator's item, browses on its own with Follow unticked, and comes back with
// Ctrl+Home; revealed dots are anonymous unless the facilitator unticks Anonymous in the
// session dialog; Ctrl+PageDown and Ctrl+PageUp step through the whole demo agenda (maps and
// the comparison), each item at a view that fits; the panel's Start timer asks for a length
// and names a bad answer.

#include "crosswalk/facilitation/session.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparewindow.h"
#include "ui/compare/overlayview.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/present/presentationwindow.h"
#include "ui/session/sessiondialog.h"
#include "ui/session/sessionpanel.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>

using namespace crosswalk;

namespace {

std::string sessionWorkspace(const std::string& name)
{
    return test::demoSessionWorkspaceFile("cw-follow-" + name);
}

/// One Crosswalk window on the session workspace, its Session panel at hand.
struct Client {
    explicit Client(const std::string& file) : path(file)
    {
        window.resize(1600, 900);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        REQUIRE(window.openWorkspace(QString::fromStdString(path)));
        panel = window.sessionPanel();
        REQUIRE(panel);
        REQUIRE(panel->session());
    }
    ~Client()
    {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (qobject_cast<CompareWindow*>(w) && w->parent() == &window)
                w->close();
        if (window.presentation())
            window.presentation()->close();
        window.close();
        QApplication::processEvents();
    }
    std::string mapShown() const { return window.document() ? window.document()->map().id : std::string(); }
    std::string path;
    MainWindow window;
    SessionPanel* panel = nullptr;
};

/// Waits (events running, so the panels poll) until done() or ms pass; returns done().
bool waitFor(const std::function<bool()>& done, int ms = 2000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < ms)
        QTest::qWait(20);
    return done();
}

CompareWindow* shownComparison(const MainWindow& owner)
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* c = qobject_cast<CompareWindow*>(w); c && c->isVisible() && c->parent() == &owner)
            return c;
    return nullptr;
}

QCheckBox* checkBoxNamed(QWidget* parent, const QString& text)
{
    for (QCheckBox* box : parent->findChildren<QCheckBox*>())
        if (box->text() == text)
            return box;
    return nullptr;
}

/// Every time events run, until stop() says so: answer the modal dialog that is open.
void answerDialogs(const std::function<bool(QWidget*)>& answer)
{
    auto* poll = new QTimer(qApp);
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
        if (QWidget* modal = QApplication::activeModalWidget(); modal && answer(modal))
            poll->deleteLater();
    });
    poll->start();
}

} // namespace

TEST_CASE("A second client follows the facilitator's item, browses freely with Follow unticked, and Ctrl+Home "
          "brings it back",
          "[ui][session][follow]")
{
    test::isolateSettings();
    const std::string path = sessionWorkspace("two");
    {
        Client facilitator(path);
        Client other(path);
        PresentationWindow* p = facilitator.window.present(false);
        REQUIRE(p);
        p->setAnimated(false);
        REQUIRE(facilitator.panel->startSession());
        QApplication::processEvents();
        CHECK(facilitator.mapShown() == "m-harbor-city");

        // Following (the default): the other client opens the item the facilitator started on,
        // and moves when the facilitator presses Ctrl+PageDown.
        REQUIRE(other.panel->following());
        REQUIRE(other.panel->followBox()->isChecked());
        CHECK(waitFor([&] { return other.mapShown() == "m-harbor-city"; }));
        REQUIRE(other.window.present(false));
        QTest::keyClick(facilitator.window.presentation(), Qt::Key_PageDown, Qt::ControlModifier);
        QApplication::processEvents();
        REQUIRE(facilitator.mapShown() == "m-kestrel-bay");
        CHECK(waitFor([&] { return other.mapShown() == "m-kestrel-bay"; }));
        CHECK(other.window.presentation()); // still presenting, on the new item

        // Follow unticked: the other client browses to a map of its own and stays there while
        // the facilitator moves on (its panel knows where the facilitator is).
        other.panel->followBox()->click();
        CHECK_FALSE(other.panel->following());
        REQUIRE(other.window.openMap(QStringLiteral("m-sable-ridge")));
        QTest::keyClick(facilitator.window.presentation(), Qt::Key_PageDown, Qt::ControlModifier);
        QApplication::processEvents();
        REQUIRE(facilitator.mapShown() == "m-ironbridge-county");
        CHECK(waitFor([&] { return other.panel->session()->currentItem == 2; }));
        QTest::qWait(700); // more than one poll after it
        CHECK(other.mapShown() == "m-sable-ridge");

        // Ctrl+HOME in its presentation: back on the facilitator's item, following again.
        PresentationWindow* browsing = other.window.present(false);
        REQUIRE(browsing);
        QTest::keyClick(browsing, Qt::Key_Home, Qt::ControlModifier);
        QApplication::processEvents();
        CHECK(other.mapShown() == "m-ironbridge-county");
        CHECK(other.window.presentation());
        CHECK(other.panel->following());
        CHECK(other.panel->followBox()->isChecked()); // the box says so too
        // ... and follows the facilitator's next move again (Ctrl+PageUp: the item before).
        QTest::keyClick(facilitator.window.presentation(), Qt::Key_PageUp, Qt::ControlModifier);
        QApplication::processEvents();
        REQUIRE(facilitator.mapShown() == "m-kestrel-bay");
        CHECK(waitFor([&] { return other.mapShown() == "m-kestrel-bay"; }));
    }
    std::filesystem::remove(path);
}

TEST_CASE("Revealed dots are anonymous to participants unless the facilitator unticks Anonymous in the dialog",
          "[ui][session][votes]")
{
    test::isolateSettings();
    const std::string path = sessionWorkspace("anonymous");
    {
        Client facilitator(path);
        SessionPanel* f = facilitator.panel;
        REQUIRE(f->startSession());
        const Map kestrel = Workspace::open(path, Workspace::Mode::ReadOnly).loadMap("m-kestrel-bay");
        const std::string step = kestrel.steps.front().id;
        const QString label = QString::fromStdString(kestrel.steps.front().label);
        // Two teams' dots on one step (the facilitator entering them under "Vote as").
        f->setParticipant("harbor-city");
        REQUIRE(f->vote("m-kestrel-bay", step, 1));
        REQUIRE(f->vote("m-kestrel-bay", step, 1));
        f->setParticipant("kestrel-bay");
        REQUIRE(f->vote("m-kestrel-bay", step, 1));

        // The Ironbridge team on its own connection: its own dots only, the tally hidden.
        Workspace own = Workspace::open(path);
        SessionPanel team;
        team.setStore(&own);
        team.setParticipant("ironbridge");
        REQUIRE(team.session());
        CHECK(team.tallyText().contains("hidden"));
        CHECK_FALSE(team.tallyText().contains(label));

        // The facilitator ticks Reveal: the team sees the tally, without anyone's name.
        QCheckBox* reveal = checkBoxNamed(f, QStringLiteral("Reveal"));
        REQUIRE(reveal);
        reveal->click();
        REQUIRE(f->session()->voteSettings.revealed);
        REQUIRE(waitFor([&] { return team.tallyText().contains(label + ": 3"); }));
        CHECK_FALSE(team.tallyText().contains("Harbor City team"));
        CHECK_FALSE(team.tallyText().contains("Kestrel Bay team"));
        CHECK_FALSE(team.tallyText().contains("harbor-city"));

        // The facilitator chooses open voting in the session dialog (Edit…): names shown.
        bool anonymousOffered = false;
        answerDialogs([&](QWidget* modal) {
            auto* dialog = qobject_cast<SessionDialog*>(modal);
            if (!dialog)
                return false;
            anonymousOffered = dialog->anonymous()->isChecked();
            dialog->anonymous()->click();
            dialog->accept();
            return true;
        });
        REQUIRE(f->editSession());
        CHECK(anonymousOffered); // anonymous unless the facilitator chooses otherwise
        REQUIRE_FALSE(f->session()->voteSettings.anonymous);
        REQUIRE(waitFor([&] { return team.tallyText().contains("Harbor City team"); }));
        CHECK(team.tallyText().contains(label + ": 3 (Harbor City team 2, Kestrel Bay team 1)"));
        // The facilitator's own panel text shows the same.
        CHECK(f->tallyText().contains(label + ": 3 (Harbor City team 2, Kestrel Bay team 1)"));
    }
    std::filesystem::remove(path);
}

TEST_CASE("Ctrl+PageDown and Ctrl+PageUp step through every item of the demo agenda, each at a view that fits",
          "[ui][session][agenda]")
{
    test::isolateSettings();
    const std::string path = sessionWorkspace("keys");
    {
        Client c(path);
        const Session& s = *c.panel->session();
        const int items = static_cast<int>(s.agenda.size());
        REQUIRE(items == 7);
        PresentationWindow* first = c.window.present(false);
        REQUIRE(first);
        REQUIRE(c.panel->startSession());
        QApplication::processEvents();

        // Where the agenda keys go: the presentation, or the comparison presented.
        const auto press = [&](Qt::Key key) {
            if (CompareWindow* comparison = shownComparison(c.window)) {
                comparison->activateWindow();
                REQUIRE(QTest::qWaitForWindowActive(comparison));
                QTest::keyClick(comparison, key, Qt::ControlModifier);
            } else {
                REQUIRE(c.window.presentation());
                QTest::keyClick(c.window.presentation(), key, Qt::ControlModifier);
            }
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QApplication::processEvents();
        };
        // The item shown is the facilitator's, presented at a view that fits it.
        const auto checkShown = [&](int item) {
            INFO("agenda item " << item + 1);
            REQUIRE(c.panel->session()->currentItem == item);
            const AgendaItem& a = c.panel->session()->agenda[static_cast<std::size_t>(item)];
            if (!a.isComparison()) {
                CHECK(shownComparison(c.window) == nullptr);
                CHECK(c.mapShown() == a.maps.front());
                PresentationWindow* p = c.window.presentation();
                REQUIRE(p);
                CHECK(p->viewMode() == PresentationWindow::ViewMode::Fitted);
                return;
            }
            CompareWindow* comparison = shownComparison(c.window);
            REQUIRE(comparison);
            CHECK(c.window.presentation() == nullptr);
            CHECK(comparison->presenting());
            CHECK(static_cast<int>(comparison->session()->mapCount()) == static_cast<int>(a.maps.size()));
            // Fits as a comparison does (CompareGraphicsView::fitScene): the whole width of every
            // district, never below the readable 55 %, from its top left; no leftover zoom.
            QApplication::processEvents();
            CompareGraphicsView* view = comparison->overlay()->view();
            const QRectF scene = view->scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10);
            const double width = view->viewport()->width() - view->verticalScrollBar()->sizeHint().width();
            CHECK(view->zoom() == Approx(std::clamp(width / scene.width(), 0.55, 1.0)).epsilon(0.02));
            const QRectF drawn = view->mapFromScene(view->scene()->itemsBoundingRect()).boundingRect();
            INFO("drawn " << drawn.x() << "," << drawn.y() << " " << drawn.width() << "x" << drawn.height()
                          << " in " << view->viewport()->width() << "x" << view->viewport()->height());
            CHECK(drawn.left() >= -2);
            CHECK(drawn.top() >= -2);
            if (width / scene.width() >= 0.55)
                CHECK(drawn.right() <= view->viewport()->width() + 2);
        };
        checkShown(0);
        for (int i = 1; i < items; ++i) {
            press(Qt::Key_PageDown);
            checkShown(i);
        }
        press(Qt::Key_PageDown); // past the last: stays
        checkShown(items - 1);
        for (int i = items - 2; i >= 0; --i) {
            press(Qt::Key_PageUp);
            checkShown(i);
        }
    }
    std::filesystem::remove(path);
}

TEST_CASE("The panel's Start timer without a length asks for one, and names a bad answer without taking it",
          "[ui][session][timer]")
{
    test::isolateSettings();
    const std::string path = sessionWorkspace("timer-ask");
    {
        // The session without a timer length.
        Workspace ws = Workspace::open(path);
        Session s = ws.loadSession("s-monthly-03");
        s.timer = {};
        ws.saveSession(s, ws.sessionVersion(s.id));
    }
    {
        Workspace ws = Workspace::open(path);
        SessionPanel panel;
        panel.setStore(&ws);
        panel.show();
        REQUIRE(panel.session());
        REQUIRE(panel.timerText() == "No timer");
        QPushButton* start = nullptr;
        for (QPushButton* b : panel.findChildren<QPushButton*>())
            if (b->text() == "Start timer")
                start = b;
        REQUIRE(start);

        // Asked: the planned 75 minutes offered; "ten" is named and not taken; then 40 starts it.
        QStringList offered;
        QStringList prompts;
        int answers = 0;
        answerDialogs([&](QWidget* modal) {
            auto* dialog = qobject_cast<QInputDialog*>(modal);
            if (!dialog)
                return false;
            offered << dialog->textValue();
            prompts << dialog->labelText();
            dialog->setTextValue(++answers == 1 ? QStringLiteral("ten") : QStringLiteral("40"));
            dialog->accept();
            return answers == 2;
        });
        start->click();
        REQUIRE(answers == 2);
        CHECK(offered.value(0) == "75");
        CHECK(offered.value(1) == "ten"); // asked again with the answer to correct
        CHECK(prompts.value(1).contains("\u201Cten\u201D is not a session length"));
        CHECK(panel.session()->timer.running);
        CHECK(panel.session()->timer.durationSeconds == 40 * 60);
        CHECK(panel.timerRemaining() > 39 * 60);
        CHECK(panel.message().isEmpty());
        CHECK(Workspace::open(path, Workspace::Mode::ReadOnly).loadSession("s-monthly-03").timer.durationSeconds ==
              40 * 60);

        // Cancelled after a bad answer: nothing stored, and the panel names the answer.
        panel.toggleTimer(); // pause
        ws.updateSession("s-monthly-03", [](Session& x) { x.timer = {}; });
        REQUIRE(panel.poll());
        answers = 0;
        answerDialogs([&](QWidget* modal) {
            auto* dialog = qobject_cast<QInputDialog*>(modal);
            if (!dialog)
                return false;
            if (++answers == 1) {
                dialog->setTextValue(QStringLiteral("0"));
                dialog->accept();
                return false;
            }
            dialog->reject();
            return true;
        });
        CHECK_FALSE(panel.toggleTimer());
        CHECK(answers == 2);
        CHECK(panel.message().contains("\u201C0\u201D is not a session length"));
        CHECK(panel.timerText() == "No timer");
    }
    std::filesystem::remove(path);
}
