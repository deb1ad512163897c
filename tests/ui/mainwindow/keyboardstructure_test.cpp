// Lanes and phases changed from the keyboard alone (issue 14, point 5): the menu key or
// Shift+F10 on a step opens the step's menu at the step, its "This lane" / "This phase"
// submenus rename and delete them, and Ctrl+Z undoes each. The keys are real key presses
// (QTest), and the menus are walked with the arrow keys and Enter, as a user would.
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "support/tempworkspace.h"
#include "support/uidialogs.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <filesystem>
#include <functional>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

/// What a key press opened: whether a popup menu appeared, its items, where, and on screen.
struct MenuSeen {
    bool opened = false;
    QStringList items;
    QRect geometry;
    QRect screen; // where Qt may put it: it moves a menu that would not fit back onto the screen
};

/// Where Qt shows a menu of `size` asked for at `at` on `screen`: there, or moved in to fit.
QPoint placed(const QPoint& at, const QSize& size, const QRect& screen)
{
    return {std::min(at.x(), screen.right() - size.width() + 1), std::min(at.y(), screen.bottom() - size.height() + 1)};
}

/// Presses `key` on `target`; the first popup menu that opens is recorded and handed to
/// `drive` (which must close it, e.g. by pressing Esc or choosing an item).
MenuSeen pressForMenu(QWidget* target, Qt::Key key, Qt::KeyboardModifiers mods,
                      const std::function<void(QMenu*)>& drive)
{
    MenuSeen seen;
    QTimer poll;
    poll.setInterval(10);
    int tries = 0;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu) {
            if (++tries > 300) // 3 s: the key opened nothing that runs an event loop
                poll.stop();
            return;
        }
        poll.stop();
        seen.opened = true;
        seen.geometry = menu->geometry();
        seen.screen = menu->screen()->availableGeometry();
        for (QAction* a : menu->actions())
            seen.items << a->text();
        drive(menu);
    });
    poll.start();
    QTest::keyClick(target, key, mods);
    poll.stop();
    // Whatever the driver left open is closed, so a failing test cannot hang.
    while (QWidget* popup = QApplication::activePopupWidget())
        popup->close();
    return seen;
}

/// Moves down `menu` with the arrow key to the item called `text`; false when there is none.
bool arrowTo(QMenu* menu, const QString& text)
{
    for (int i = 0; i < 2 * menu->actions().size() + 2; ++i) {
        QTest::keyClick(menu, Qt::Key_Down);
        if (menu->activeAction() && menu->activeAction()->text() == text)
            return true;
    }
    return false;
}

/// Walks `submenu` > `item` of the open menu with the keys (Down..., Right, Down..., Enter).
std::function<void(QMenu*)> choose(const QString& submenu, const QString& item)
{
    return [submenu, item](QMenu* menu) {
        if (!arrowTo(menu, submenu))
            return;
        QTest::keyClick(menu, Qt::Key_Right); // opens the submenu on its first item
        auto* sub = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!sub || sub == menu)
            return;
        if (sub->activeAction() && sub->activeAction()->text() == item) {
            QTest::keyClick(sub, Qt::Key_Return);
            return;
        }
        if (arrowTo(sub, item))
            QTest::keyClick(sub, Qt::Key_Return);
    };
}

struct Window {
    std::string path;
    MainWindow window;
    explicit Window(const std::string& name) : path(test::demoWorkspaceFile("cw-ui-kbd-" + name))
    {
        test::isolateSettings();
        REQUIRE(window.openWorkspace(QString::fromStdString(path)));
        window.show();
        QApplication::setActiveWindow(&window);
        REQUIRE(QTest::qWaitForWindowActive(&window));
        REQUIRE(window.document());
    }
    ~Window()
    {
        window.close();
        fs::remove(path);
    }
    MapCanvas* canvas() const { return window.canvas(); }
    const Map& map() const { return window.document()->map(); }
    /// The map's first step selected where it is (the view not moved), the keys on the map.
    const Step& selectFirstStep()
    {
        const Step& s = map().steps.front();
        canvas()->setFocus();
        canvas()->selectStep(QString::fromStdString(s.id), false);
        QApplication::processEvents();
        const QRect shown = canvas()->mapFromScene(canvas()->mapScene()->stepItem(s.id)->sceneRectOfStep()).boundingRect();
        REQUIRE(canvas()->viewport()->rect().contains(shown)); // in view as the map opened
        return s;
    }
    void undoKey()
    {
        // The offscreen platform does not hand activation back when a dialog closes, as a
        // window manager does; the window's shortcuts need it.
        QApplication::setActiveWindow(&window);
        REQUIRE(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    }
    bool storedAsShown() const { return window.workspace()->loadMap(map().id) == map(); }
};

} // namespace

TEST_CASE("Delete lane from the keyboard: menu key, This lane, Delete lane, Yes, then Ctrl+Z brings it back",
          "[mainwindow][keyboard]")
{
    Window w("delete-lane");
    const Map before = w.map();
    const Step& s = w.selectFirstStep();
    const std::string laneId = s.lane;
    REQUIRE(before.lanes.size() >= 2);

    const MenuSeen seen = pressForMenu(w.canvas(), Qt::Key_Menu, Qt::NoModifier, [](QMenu* menu) {
        test::answerSoon(QMessageBox::Yes); // "Delete the lane ... and its steps?"
        choose("This lane", "Delete lane...")(menu);
    });
    REQUIRE(seen.opened);
    CHECK(w.map().lanes.size() == before.lanes.size() - 1);
    CHECK_FALSE(w.map().lane(laneId));
    for (const Step& st : w.map().steps)
        CHECK(st.lane != laneId);
    CHECK(w.storedAsShown());

    w.undoKey();
    CHECK(w.map() == before);
    CHECK(w.storedAsShown());
}

TEST_CASE("Delete phase from the keyboard: Shift+F10, This phase, Delete phase, Yes, then Ctrl+Z brings it back",
          "[mainwindow][keyboard]")
{
    Window w("delete-phase");
    const Map before = w.map();
    const Step& s = w.selectFirstStep();
    const std::string phaseId = s.phase;
    REQUIRE(before.phase(phaseId));

    const MenuSeen seen = pressForMenu(w.canvas(), Qt::Key_F10, Qt::ShiftModifier, [](QMenu* menu) {
        test::answerSoon(QMessageBox::Yes);
        choose("This phase", "Delete phase...")(menu);
    });
    REQUIRE(seen.opened);
    CHECK(w.map().phases.size() == before.phases.size() - 1);
    CHECK_FALSE(w.map().phase(phaseId));
    CHECK(w.storedAsShown());

    w.undoKey();
    CHECK(w.map() == before);
    CHECK(w.storedAsShown());
}

TEST_CASE("Rename phase from the keyboard: menu key, This phase, Rename phase, type in its header, Enter",
          "[mainwindow][keyboard]")
{
    Window w("rename-phase");
    const Map before = w.map();
    const Step& s = w.selectFirstStep();
    const std::string phaseId = s.phase;

    const MenuSeen seen = pressForMenu(w.canvas(), Qt::Key_Menu, Qt::NoModifier, choose("This phase", "Rename phase"));
    REQUIRE(seen.opened);
    REQUIRE(w.canvas()->isEditing());
    // The whole name is selected: what is typed replaces it.
    QTest::keyClicks(w.canvas(), "Spring window");
    QTest::keyClick(w.canvas(), Qt::Key_Return);
    CHECK_FALSE(w.canvas()->isEditing());
    CHECK(w.map().phase(phaseId)->name == "Spring window");
    CHECK(w.storedAsShown());
    // Nothing else changed: the other phases keep their names.
    for (const Phase& p : before.phases)
        if (p.id != phaseId)
            CHECK(w.map().phase(p.id)->name == p.name);

    w.undoKey();
    CHECK(w.map() == before);
}

TEST_CASE("The menu key and Shift+F10 open the selected step's menu at the step, with its lane and phase",
          "[canvas][keyboard]")
{
    // A canvas of its own at the screen's top left, so that a menu at the step has room on
    // the (800x800 offscreen) screen and is not moved to the same corner as one in the middle.
    QTemporaryDir dir;
    Workspace ws = Workspace::create(dir.filePath("menu.crosswalk").toStdString());
    Map map;
    map.id = "m";
    map.lanes = {Lane{"l1", "Principal", "#E8F0FE", 160}, Lane{"l2", "Supervisor", "#FEF7E0", 160}};
    map.phases = {Phase{"p1", "Fall", "#FFFFFF", 480}, Phase{"p2", "Spring", "#FFFFFF", 480}};
    Step step;
    step.id = "s1";
    step.lane = "l1";
    step.phase = "p1";
    step.label = "Self-assessment";
    step.x = 20;
    step.y = 40;
    map.steps = {step};
    ws.addMap(map);
    MapDocument doc(ws, ws.loadMap("m"));
    MapCanvas canvas;
    canvas.setGeometry(0, 0, 700, 700);
    canvas.setDocument(&doc);
    canvas.show();
    QApplication::setActiveWindow(&canvas);
    REQUIRE(QTest::qWaitForWindowActive(&canvas));
    canvas.setFocus();
    canvas.selectStep("s1", false);
    QApplication::processEvents();
    const Map before = doc.map();
    const QPoint stepOnScreen =
        canvas.viewport()->mapToGlobal(canvas.mapFromScene(canvas.mapScene()->stepItem("s1")->sceneRectOfStep().center()));
    const QPoint middle = canvas.viewport()->mapToGlobal(canvas.viewport()->rect().center());
    REQUIRE((stepOnScreen - middle).manhattanLength() > 100);

    for (const auto& [key, mods] : {std::pair{Qt::Key_Menu, Qt::KeyboardModifiers(Qt::NoModifier)},
                                    std::pair{Qt::Key_F10, Qt::KeyboardModifiers(Qt::ShiftModifier)}}) {
        INFO((key == Qt::Key_Menu ? "Menu key" : "Shift+F10"));
        QStringList laneItems;
        QStringList phaseItems;
        const MenuSeen seen = pressForMenu(&canvas, key, mods, [&](QMenu* menu) {
            for (QAction* a : menu->actions()) {
                if (a->text() == "This lane" && a->menu())
                    for (QAction* sub : a->menu()->actions())
                        laneItems << sub->text();
                if (a->text() == "This phase" && a->menu())
                    for (QAction* sub : a->menu()->actions())
                        phaseItems << sub->text();
            }
            QTest::keyClick(menu, Qt::Key_Escape);
        });
        REQUIRE(seen.opened);
        // The step's menu, not the empty canvas's.
        CHECK(seen.items.contains("Edit label"));
        CHECK(seen.items.contains("Connect to step..."));
        CHECK_FALSE(seen.items.contains("Add lane"));
        CHECK(laneItems.contains("Rename lane"));
        CHECK(laneItems.contains("Delete lane..."));
        CHECK(phaseItems.contains("Rename phase"));
        CHECK(phaseItems.contains("Delete phase..."));
        // At the step (its top left there, as far as the screen lets it be), not in the middle
        // of the view where a menu with nothing selected opens.
        INFO("menu " << seen.geometry.x() << "," << seen.geometry.y() << " " << seen.geometry.width() << "x"
                     << seen.geometry.height() << ", step at " << stepOnScreen.x() << "," << stepOnScreen.y());
        const QPoint atStep = placed(stepOnScreen, seen.geometry.size(), seen.screen);
        const QPoint atMiddle = placed(middle, seen.geometry.size(), seen.screen);
        REQUIRE((atStep - atMiddle).manhattanLength() > 20); // the check below tells them apart
        CHECK((seen.geometry.topLeft() - atStep).manhattanLength() <= 4);
        CHECK(seen.geometry.adjusted(-4, -4, 4, 4).contains(stepOnScreen));
        CHECK(doc.map() == before); // Esc changed nothing
        CHECK(ws.loadMap("m") == doc.map());
    }
}
