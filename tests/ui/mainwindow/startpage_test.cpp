#include "crosswalk/layout/layout.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/startpage.h"
#include "support/tempworkspace.h"
#include "support/uidialogs.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolBar>
#include <QTest>

#include <filesystem>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

/// Shows the window and makes it the active one, so that focus is real.
void showActive(MainWindow& window)
{
    window.show();
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

bool showingStartPage(const MainWindow& window)
{
    return window.startPage()->isVisibleTo(&window) && !window.canvas()->isVisibleTo(&window);
}

} // namespace

TEST_CASE("An empty workspace opens on the start page, a map from the template opens ready for Tab",
          "[mainwindow][start]")
{
    test::isolateSettings();
    const std::string path = test::tempWorkspacePath("cw-start-empty");
    Workspace::create(path);
    MainWindow window;
    showActive(window);
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    REQUIRE(showingStartPage(window));
    StartPage* start = window.startPage();
    CHECK(start->templateButton()->isEnabled());
    CHECK(start->blankButton()->isEnabled());
    CHECK(start->importButton()->isEnabled());
    CHECK(start->demoButton()->isEnabled());
    CHECK(start->templateButton()->hasFocus()); // Enter takes the first choice

    // Enter on the focused choice, then Enter on the suggested title.
    QString suggested;
    test::acceptInputSoon(QString(), &suggested);
    QTest::keyClick(start->templateButton(), Qt::Key_Return);
    CHECK(suggested == "Principal evaluation and support");
    REQUIRE(window.document());
    CHECK_FALSE(showingStartPage(window));
    const Map& map = window.document()->map();
    CHECK(map.lanes.size() == 4);
    CHECK(map.lanes.front().name == "Principal");
    CHECK(map.phases.size() == 4);
    CHECK(map.phases.front().name == "Summer");
    CHECK(window.workspace()->loadMap(map.id) == map);
    // The canvas has the keys (once the window is active again after the title dialog): Tab
    // starts the first step in the first lane and phase.
    // (the offscreen platform activates no window when a dialog closes; a desktop does)
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
    CHECK(window.canvas()->hasFocus());
    QTest::keyClick(window.canvas()->viewport(), Qt::Key_Tab);
    REQUIRE(window.document()->map().steps.size() == 1);
    CHECK(window.document()->map().steps.front().lane == map.lanes.front().id);

    // Deleting the only map brings the start page back.
    test::answerSoon(QMessageBox::Yes);
    window.deleteMap();
    CHECK(window.workspace()->listMaps().empty());
    CHECK(showingStartPage(window));
    window.close();
    fs::remove(path);
}

TEST_CASE("The start page makes a blank map, opens the demo and offers to import", "[mainwindow][start]")
{
    test::isolateSettings();
    const std::string path = test::tempWorkspacePath("cw-start-blank");
    Workspace::create(path);
    MainWindow window;
    window.show();
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));

    test::acceptInputSoon("Our first try");
    window.startPage()->blankButton()->click();
    REQUIRE(window.document());
    CHECK(window.document()->map().props.title == "Our first try");
    CHECK(window.document()->map().lanes.size() == 1);
    CHECK(window.document()->map().phases.empty());
    window.history()->undo(); // the new map goes again, and the start page is back
    CHECK(window.workspace()->listMaps().empty());
    CHECK(showingStartPage(window));

    // Import asks for a file; cancelling it changes nothing.
    bool asked = false;
    QTimer::singleShot(0, [&asked] {
        if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
            asked = true;
            dialog->reject();
        }
    });
    window.startPage()->importButton()->click();
    CHECK(asked);
    CHECK(window.workspace()->listMaps().empty());

    const std::string demo = test::tempWorkspacePath("cw-start-demo");
    window.setDemoOpener([&demo] {
        test::createDemoWorkspace(demo);
        return QString::fromStdString(demo);
    });
    window.startPage()->demoButton()->click();
    REQUIRE(window.workspace());
    CHECK(window.workspace()->path() == demo);
    CHECK(window.workspace()->listMaps().size() == 6);
    CHECK_FALSE(showingStartPage(window));
    window.close();
    fs::remove(path);
    fs::remove(demo);
}

TEST_CASE("Without a workspace the start page offers only what can be done", "[mainwindow][start]")
{
    test::isolateSettings();
    MainWindow window;
    window.show();
    REQUIRE(showingStartPage(window));
    CHECK_FALSE(window.startPage()->templateButton()->isEnabled());
    CHECK_FALSE(window.startPage()->blankButton()->isEnabled());
    CHECK_FALSE(window.startPage()->importButton()->isEnabled());
    CHECK(window.startPage()->demoButton()->isEnabled());
    CHECK(window.startPage()->openButton()->isEnabled());
    CHECK(window.windowTitle() == "Crosswalk");
    REQUIRE(window.findChild<QToolBar*>("StepsToolBar"));
    CHECK_FALSE(window.findChild<QToolBar*>("StepsToolBar")->isEnabled()); // no map: the step buttons are off
}

TEST_CASE("A workspace path with nothing there is offered for creation, and nothing is made without a yes",
          "[mainwindow][start]")
{
    test::isolateSettings();
    const std::string path = test::tempWorkspacePath("cw-start-new");
    MainWindow window;
    window.show();

    test::answerSoon(QMessageBox::Cancel);
    CHECK_FALSE(window.openOrOfferToCreate(QString::fromStdString(path)));
    CHECK_FALSE(fs::exists(path));

    test::answerSoon(QMessageBox::Yes);
    REQUIRE(window.openOrOfferToCreate(QString::fromStdString(path)));
    REQUIRE(fs::exists(path));
    REQUIRE(window.workspace());
    CHECK(window.workspace()->listMaps().empty());
    CHECK(showingStartPage(window));
    CHECK(window.startPage()->templateButton()->isEnabled());

    // A folder that does not exist is named, and nothing is asked or made.
    const std::string nowhere = (fs::temp_directory_path() / "cw-no-such-folder" / "x.crosswalk").string();
    QString said;
    QTimer::singleShot(0, [&said] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            said = box->text();
            box->accept();
        }
    });
    CHECK_FALSE(window.openOrOfferToCreate(QString::fromStdString(nowhere)));
    CHECK(said.contains("cw-no-such-folder"));
    CHECK(said.contains("does not exist"));
    CHECK_FALSE(fs::exists(nowhere));
    CHECK(window.workspace()->path() == path); // the open workspace stays
    window.close();
    fs::remove(path);
}

TEST_CASE("The window opens maximised the first time, then as it was left, dock tabs show whole names",
          "[mainwindow][window]")
{
    test::isolateSettings();
    {
        MainWindow window;
        window.showAsLeft();
        CHECK(window.isMaximized());
        // The offscreen screen is small; the docks are checked at a 1920x1080 window.
        window.showNormal();
        window.resize(1920, 1050);
        QApplication::processEvents();
        window.fitDockTabs();
        QApplication::processEvents();
        const QList<QTabBar*> bars = window.findChildren<QTabBar*>(Qt::FindDirectChildrenOnly);
        REQUIRE_FALSE(bars.isEmpty());
        for (QTabBar* bar : bars) {
            CHECK(bar->elideMode() == Qt::ElideNone);
            for (int i = 0; i < bar->count(); ++i)
                if (bar->tabText(i) == "Inspector")
                    CHECK(bar->currentIndex() == i); // the inspector is in front at first
            for (int i = 0; i < bar->count(); ++i) {
                INFO(bar->tabText(i).toStdString());
                CHECK(bar->tabRect(i).width() >= bar->fontMetrics().horizontalAdvance(bar->tabText(i)));
                CHECK(bar->rect().contains(bar->tabRect(i))); // every tab in view, none scrolled off
            }
        }
        window.showNormal();
        window.setGeometry(100, 80, 1100, 760);
        window.close(); // saves the geometry
    }
    MainWindow again;
    again.showAsLeft();
    CHECK_FALSE(again.isMaximized());
    CHECK(again.size() == QSize(1100, 760));
}
