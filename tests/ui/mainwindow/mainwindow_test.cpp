#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/document/mapdocument.h"
#include "ui/library/librarypanel.h"
#include "ui/mainwindow/mainwindow.h"
#include "support/tempworkspace.h"
#include "support/uidialogs.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QCoreApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>
#include <QSettings>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <filesystem>

#include <unistd.h>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

using test::answerSoon;
using test::isolateSettings;

std::string demoWorkspace(const std::string& name)
{
    return test::demoWorkspaceFile("cw-ui-" + name);
}

} // namespace

TEST_CASE("The main window lists the workspace's maps by district and opens the first", "[mainwindow]")
{
    isolateSettings();
    const std::string path = demoWorkspace("list");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));

    QTreeWidget* tree = window.library()->tree();
    CHECK(tree->topLevelItemCount() == 6);
    int maps = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        maps += tree->topLevelItem(i)->childCount();
    CHECK(maps == 6);
    REQUIRE(window.document() != nullptr);
    CHECK(window.windowTitle().contains(QString::fromStdString(window.document()->map().props.district)));

    SECTION("the filter hides districts that do not match")
    {
        const QString district = tree->topLevelItem(2)->text(0);
        window.library()->filterBox()->setText(district);
        int visible = 0;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            visible += tree->topLevelItem(i)->isHidden() ? 0 : 1;
        CHECK(visible == 1);
    }

    SECTION("renaming the map through the document is stored and undoable")
    {
        MapDocument* doc = window.document();
        const std::string id = doc->map().id;
        const MapProperties before = doc->map().props;
        MapProperties props = before;
        props.title = "Renamed in a test";
        REQUIRE(doc->push(UpdateMapProperties{props}));
        CHECK(window.workspace()->loadMap(id).props.title == "Renamed in a test");
        doc->undoStack()->undo();
        CHECK(doc->map().props == before);
        CHECK(window.workspace()->loadMap(id).props == before);
        doc->undoStack()->redo();
        CHECK(window.workspace()->loadMap(id).props.title == "Renamed in a test");
    }
    fs::remove(path);
}

TEST_CASE("The main window refuses a file that is not a workspace and keeps the one it has", "[mainwindow]")
{
    isolateSettings();
    const std::string path = demoWorkspace("keep");
    const fs::path bogus = test::tempWorkspacePath("cw-ui-bogus");
    {
        FILE* f = std::fopen(bogus.c_str(), "wb");
        std::fputs("this is not a database", f);
        std::fclose(f);
    }
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    // The refusal is shown in a message box; close it as a user would.
    QTimer::singleShot(0, [] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w))
                box->accept();
    });
    CHECK_FALSE(window.openWorkspace(QString::fromStdString(bogus.string())));
    CHECK(window.workspace()->path() == path);
    fs::remove(path);
    fs::remove(bogus);
}

TEST_CASE("In the main window, keys typed into a step label edit the label, not the map", "[mainwindow]")
{
    isolateSettings();
    const std::string path = demoWorkspace("keys");
    MainWindow window;
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    MapDocument* doc = window.document();
    REQUIRE(doc);
    const std::size_t steps = doc->map().steps.size();
    const std::size_t flows = doc->map().flows.size();
    const std::string first = doc->map().steps.front().id;

    window.canvas()->setFocus();
    window.canvas()->selectStep(QString::fromStdString(first), true);
    // Tab: a new connected step, its label open for typing.
    QTest::keyClick(window.canvas(), Qt::Key_Tab);
    REQUIRE(window.canvas()->isEditing());
    CHECK(doc->map().steps.size() == steps + 1);
    CHECK(doc->map().flows.size() == flows + 1);
    QWidget* editor = QApplication::focusWidget();
    REQUIRE(editor);
    QTest::keyClicks(editor, "Calibrate ratingx");
    // Backspace and Delete belong to the text while editing; Ctrl+A selects text, not steps.
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClick(editor, Qt::Key_Home);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK_FALSE(window.canvas()->isEditing());
    CHECK(doc->map().steps.size() == steps + 1);
    const Step& added = doc->map().steps.back();
    CHECK(added.label == "alibrate rating");

    // Undo through the window's shortcut: the label, then the step and its flow.
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(doc->map().steps.size() == steps);
    CHECK(doc->map().flows.size() == flows);
    CHECK(window.workspace()->loadMap(doc->map().id) == doc->map());
    fs::remove(path);
}

namespace {

void answerYesSoon()
{
    answerSoon(QMessageBox::Yes);
}

bool listed(const Workspace& ws, const std::string& id)
{
    for (const MapSummary& m : ws.listMaps())
        if (m.id == id)
            return true;
    return false;
}

} // namespace

TEST_CASE("Deleting, duplicating and creating maps is undone and redone with Ctrl+Z, newest change first",
          "[mainwindow]")
{
    isolateSettings();
    const std::string path = demoWorkspace("library-undo");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    Workspace& ws = *window.workspace();
    MapDocument* doc = window.document();
    REQUIRE(doc);
    const Map deleted = doc->map();
    const std::size_t maps = ws.listMaps().size();

    answerYesSoon();
    window.deleteMap();
    CHECK_FALSE(ws.hasMap(deleted.id));
    CHECK(ws.listMaps().size() == maps - 1);
    REQUIRE(window.document());
    CHECK(window.document()->map().id != deleted.id);
    CHECK(window.history()->undoTarget() == window.libraryStack());

    // An edit in the map opened next is newer: Undo takes it back first.
    MapDocument* next = window.document();
    const std::string nextId = next->map().id;
    MapProperties props = next->map().props;
    props.title = "Edited after the delete";
    REQUIRE(next->push(UpdateMapProperties{props}));
    CHECK(window.history()->undoTarget() == next->undoStack());
    window.history()->undo();
    CHECK(ws.loadMap(nextId).props.title != "Edited after the delete");
    CHECK_FALSE(ws.hasMap(deleted.id));

    // Then the delete: the map is back whole, listed, and open.
    window.history()->undo();
    REQUIRE(ws.hasMap(deleted.id));
    CHECK(ws.loadMap(deleted.id) == deleted);
    CHECK(listed(ws, deleted.id));
    REQUIRE(window.document());
    CHECK(window.document()->map().id == deleted.id);

    // Redo deletes it again; undo once more brings it back.
    window.history()->redo();
    CHECK_FALSE(ws.hasMap(deleted.id));
    window.history()->undo();
    CHECK(ws.loadMap(deleted.id) == deleted);

    // Duplicate and undo: the copy goes; redo: it is back.
    const std::size_t before = ws.listMaps().size();
    window.duplicateMap();
    REQUIRE(ws.listMaps().size() == before + 1);
    const std::string copy = window.document()->map().id;
    CHECK(copy != deleted.id);
    answerYesSoon(); // the copy has steps: undo asks before it removes it
    window.history()->undo();
    CHECK_FALSE(ws.hasMap(copy));
    CHECK(ws.listMaps().size() == before);
    window.history()->redo();
    CHECK(ws.hasMap(copy));

    // Opened again meanwhile (another window), the rest are all there.
    answerYesSoon();
    window.history()->undo(); // the duplicate is deleted again
    window.close();
    Workspace reopened = Workspace::open(path);
    CHECK_FALSE(reopened.hasMap(copy));
    CHECK(reopened.loadMap(deleted.id) == deleted);
    CHECK(reopened.listMaps().size() == maps);
    fs::remove(path);
}

TEST_CASE("Undo of a new map asks first once the team has drawn on it, a restore that cannot be done leaves the "
          "history",
          "[mainwindow]")
{
    isolateSettings();
    const std::string path = demoWorkspace("library-undo-ask");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    Workspace& ws = *window.workspace();
    QAction* undo = window.findChild<QAction*>("actionUndo");
    QAction* redo = window.findChild<QAction*>("actionRedo");
    REQUIRE(undo);
    REQUIRE(redo);

    // Duplicate a map (it has steps), then open another map: the duplicate's own edits
    // history is gone, and Edit > Undo would remove the duplicate.
    const std::string original = window.document()->map().id;
    window.duplicateMap();
    const std::string copy = window.document()->map().id;
    REQUIRE(copy != original);
    REQUIRE(window.openMap(QString::fromStdString(original)));
    CHECK(undo->isEnabled());
    CHECK(undo->text().contains("Duplicate map"));

    answerSoon(QMessageBox::No); // "it now has N steps": keep it
    undo->trigger();
    CHECK(ws.hasMap(copy));
    answerSoon(QMessageBox::Yes);
    undo->trigger();
    CHECK_FALSE(ws.hasMap(copy));
    redo->trigger();
    REQUIRE(ws.hasMap(copy));

    // Delete a map, then a map with its id arrives (an import of its JSON): the delete can
    // no longer be undone; undo says so, leaves the new map alone and drops the command.
    answerYesSoon();
    window.deleteMap();
    REQUIRE_FALSE(ws.hasMap(copy));
    Map arrived = ws.loadMap(original);
    arrived.id = copy;
    arrived.props.title = "Imported under the same id";
    ws.addMap(arrived);
    const int commands = window.libraryStack()->count();
    answerSoon(QMessageBox::Ok);
    undo->trigger();
    CHECK(ws.loadMap(copy).props.title == "Imported under the same id");
    CHECK(window.libraryStack()->count() == commands - 1);
    fs::remove(path);
}

TEST_CASE("The Session menu's keys add a sticky note and votes, and the Parking Lot dock parks a question",
          "[mainwindow][facilitation]")
{
    isolateSettings();
    const std::string path = demoWorkspace("session");
    {
        MainWindow window;
        REQUIRE(window.openWorkspace(QString::fromStdString(path)));
        window.resize(1600, 900);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        MapDocument* doc = window.document();
        REQUIRE(doc);
        const std::string mapId = doc->map().id;
        const std::string stepId = doc->map().steps[2].id;
        const std::size_t notesBefore = doc->map().stickyNotes.size();

        window.canvas()->selectStep(QString::fromStdString(stepId), true);
        window.canvas()->setFocus();
        QTest::keyClick(window.canvas(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        REQUIRE(window.canvas()->isEditing());
        QTest::keyClicks(window.canvas(), "Ask HR");
        QTest::keyClick(window.canvas(), Qt::Key_Return);
        REQUIRE(doc->map().stickyNotes.size() == notesBefore + 1);
        CHECK(doc->map().stickyNotes.back().step == stepId);
        CHECK(doc->map().stickyNotes.back().text == "Ask HR");

        QTest::keyClick(window.canvas(), Qt::Key_Period, Qt::ControlModifier);
        QTest::keyClick(window.canvas(), Qt::Key_Period, Qt::ControlModifier);
        CHECK(doc->map().votesOn(stepId) == 2);
        QTest::keyClick(window.canvas(), Qt::Key_Comma, Qt::ControlModifier);
        CHECK(doc->map().votesOn(stepId) == 1);

        // Ctrl+Shift+P puts the cursor in the parking lot; Return parks the question.
        QTest::keyClick(window.canvas(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QWidget* focus = QApplication::focusWidget();
        REQUIRE(focus);
        QTest::keyClicks(focus, "Who owns the calendar?");
        QTest::keyClick(focus, Qt::Key_Return);
        REQUIRE(doc->map().parkingLot.size() == 1);
        CHECK(doc->map().parkingLot.front().text == "Who owns the calendar?");

        window.canvas()->setFocus();
        doc->undoStack()->undo(); // the parked question
        CHECK(doc->map().parkingLot.empty());
        doc->undoStack()->redo();

        const Map stored = Workspace::open(path, Workspace::Mode::ReadOnly).loadMap(mapId);
        CHECK(stored.stickyNotes == doc->map().stickyNotes);
        CHECK(stored.votes == doc->map().votes);
        CHECK(stored.parkingLot == doc->map().parkingLot);
    }
    fs::remove(path);
}

TEST_CASE("Each map keeps its own undo history while the window is open, Undo acts on the map in view",
          "[mainwindow][undo]")
{
    isolateSettings();
    const std::string path = demoWorkspace("per-map-undo");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    Workspace& ws = *window.workspace();
    const auto maps = ws.listMaps();
    REQUIRE(maps.size() >= 3);
    const QString a = QString::fromStdString(maps[0].id);
    const QString b = QString::fromStdString(maps[1].id);
    const QString c = QString::fromStdString(maps[2].id);

    auto retitle = [&](const std::string& title) {
        MapProperties props = window.document()->map().props;
        props.title = title;
        REQUIRE(window.document()->push(UpdateMapProperties{props}));
    };
    REQUIRE(window.openMap(a));
    const std::string titleA = window.document()->map().props.title;
    retitle("A edited");
    retitle("A edited twice");
    REQUIRE(window.openMap(b));
    const std::string titleB = window.document()->map().props.title;
    retitle("B edited");

    // Back on A: its two edits are still there to undo, and Undo takes back A's, not B's.
    REQUIRE(window.openMap(a));
    CHECK(window.document()->undoStack()->count() == 2);
    CHECK(window.history()->undoTarget() == window.document()->undoStack());
    window.history()->undo();
    CHECK(ws.loadMap(a.toStdString()).props.title == "A edited");
    CHECK(ws.loadMap(b.toStdString()).props.title == "B edited");
    window.history()->undo();
    CHECK(ws.loadMap(a.toStdString()).props.title == titleA);
    CHECK(ws.loadMap(b.toStdString()).props.title == "B edited");
    // Nothing more of A's to undo, and B's edit is not reachable from A.
    CHECK(window.history()->undoTarget() != window.document()->undoStack());
    // Redo brings A's edit back, still on A.
    window.history()->redo();
    CHECK(ws.loadMap(a.toStdString()).props.title == "A edited");

    // B's history waited for it.
    REQUIRE(window.openMap(c));
    REQUIRE(window.openMap(b));
    REQUIRE(window.document()->undoStack()->count() == 1);
    window.history()->undo();
    CHECK(ws.loadMap(b.toStdString()).props.title == titleB);

    SECTION("a map changed elsewhere meanwhile starts a fresh history: the old one no longer applies")
    {
        REQUIRE(window.openMap(c));
        {
            Workspace other = Workspace::open(path);
            Map mapA = other.loadMap(a.toStdString());
            MapProperties props = mapA.props;
            props.title = "Changed by another window";
            other.commit(mapA, UpdateMapProperties{props});
        }
        REQUIRE(window.openMap(a));
        CHECK(window.document()->map().props.title == "Changed by another window");
        CHECK(window.document()->undoStack()->count() == 0);
    }
    window.close();
    fs::remove(path);
}

TEST_CASE("Esc in the inspector hands the keys back to the map", "[mainwindow][keyboard]")
{
    isolateSettings();
    const std::string path = demoWorkspace("esc-inspector");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* field = window.findChild<QDockWidget*>("InspectorDock")->findChild<QLineEdit*>();
    REQUIRE(field);
    field->setFocus();
    QApplication::processEvents();
    REQUIRE(field->hasFocus());
    QTest::keyClick(field, Qt::Key_Escape);
    QApplication::processEvents();
    CHECK(window.canvas()->hasFocus());
    window.close();
    fs::remove(path);
}
