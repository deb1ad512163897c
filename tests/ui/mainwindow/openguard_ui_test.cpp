// Issue 19, finding 5: a map that crashed or hung the app last time must not lock the user out
// at the next start. The app marks a map as opening before it builds and draws it, and clears
// the mark after the first paint; a mark left behind (the process died or was killed while
// opening) keeps the next start from opening that workspace's map by itself.

#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

#include <memory>

using namespace crosswalk;

namespace {

QStringList openingMark()
{
    return QSettings().value("safety/openingMap").toStringList();
}

/// Settings of this test case's own: ctest runs UI tests in parallel, and every main window
/// that closes clears the mark in the settings it shares with them.
void ownSettings(const char* name)
{
    test::isolateSettings();
    QCoreApplication::setApplicationName(QString::fromLatin1(name));
    QSettings().clear();
}

} // namespace

TEST_CASE("A map whose opening never finished does not open by itself at the next start", "[mainwindow][hardening]")
{
    ownSettings("crosswalk-ui-tests-openguard");
    const QString path = QString::fromStdString(test::demoWorkspaceFile("cw-ui-openguard"));
    const std::string firstMap = Workspace::open(path.toStdString()).listMaps().front().id;

    // A run that dies while the first map is being built or drawn: the mark is on disk before
    // the canvas gets the map, and nothing painted it yet. What it leaves is what a crash or a
    // kill leaves (a normal end clears the mark, so it is kept here as the dead process left it).
    QStringList left;
    {
        MainWindow dying;
        REQUIRE(dying.openWorkspace(path));
        REQUIRE(dying.document() != nullptr);
        left = openingMark();
        REQUIRE(left.size() == 4);
        CHECK(left[0] == QFileInfo(path).absoluteFilePath());
        CHECK(left[1].toStdString() == firstMap);
        CHECK(left[2].toStdString() == dying.document()->map().props.title);
        CHECK(left[3] == QString::number(QCoreApplication::applicationPid()));
        // Opening the workspace again in this run is no sign of a crash: the map opens.
        REQUIRE(dying.openWorkspace(path));
        CHECK(dying.document() != nullptr);
        CHECK(dying.interruptedOpenNotice() == nullptr);
    }
    CHECK(openingMark().isEmpty()); // the window closed normally
    left[3] = QString::number(QCoreApplication::applicationPid() + 1); // the run that died
    QSettings().setValue("safety/openingMap", left);

    // The next start opens the workspace but not the map, says why, and does not block.
    {
        MainWindow next;
        REQUIRE(next.openWorkspace(path));
        CHECK(next.document() == nullptr);
        QMessageBox* notice = next.interruptedOpenNotice();
        REQUIRE(notice != nullptr);
        CHECK(notice->isVisible());
        CHECK_FALSE(notice->isModal());
        CHECK(notice->text().contains(left[2]));
        CHECK(notice->text().contains(QStringLiteral("no map was opened")));
        CHECK(openingMark().isEmpty()); // told once
        // The user may still choose it, and then it opens.
        CHECK(next.openMap(QString::fromStdString(firstMap)));
        CHECK(next.document() != nullptr);
    }

    // Told once: the start after that opens the map as before.
    MainWindow after;
    REQUIRE(after.openWorkspace(path));
    CHECK(after.document() != nullptr);
    CHECK(after.interruptedOpenNotice() == nullptr);
}

TEST_CASE("The opening mark goes once the map has been painted, and names only its workspace", "[mainwindow][hardening]")
{
    ownSettings("crosswalk-ui-tests-openguard-paint");
    const QString path = QString::fromStdString(test::demoWorkspaceFile("cw-ui-openguard-paint"));
    const QString other = QString::fromStdString(test::demoWorkspaceFile("cw-ui-openguard-other"));

    auto window = std::make_unique<MainWindow>();
    window->resize(1200, 800);
    window->show();
    REQUIRE(window->openWorkspace(path));
    REQUIRE(window->document() != nullptr);
    CHECK(openingMark().size() == 4);
    QElapsedTimer clock;
    clock.start();
    while (!openingMark().isEmpty() && clock.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    CHECK(openingMark().isEmpty());

    // A mark of another workspace does not keep this one's map from opening.
    QSettings().setValue("safety/openingMap", QStringList{QFileInfo(other).absoluteFilePath(), "m-x", "Other", "1"});
    MainWindow second;
    REQUIRE(second.openWorkspace(path));
    CHECK(second.document() != nullptr);
    CHECK(second.interruptedOpenNotice() == nullptr);
}
