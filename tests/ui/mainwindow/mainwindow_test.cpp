#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/library/librarypanel.h"
#include "ui/mainwindow/mainwindow.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>
#include <QTimer>
#include <QSettings>
#include <QTreeWidget>
#include <QUndoStack>

#include <filesystem>

#include <unistd.h>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

std::string demoWorkspace(const std::string& name)
{
    const fs::path path = fs::temp_directory_path() / ("cw-ui-" + name + "-" + std::to_string(::getpid()) + ".crosswalk");
    fs::remove(path);
    Workspace ws = Workspace::create(path.string());
    for (std::string_view text : demoMapTexts())
        ws.addMap(parseMapJson(text).map);
    return path.string();
}

void isolateSettings()
{
    QCoreApplication::setOrganizationName("CrosswalkTests");
    QCoreApplication::setApplicationName("crosswalk-ui-tests");
    QSettings().clear();
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
    const fs::path bogus = fs::temp_directory_path() / ("cw-ui-bogus-" + std::to_string(::getpid()) + ".crosswalk");
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
