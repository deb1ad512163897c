#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/library/librarycontroller.h"

#include <catch2/catch.hpp>

#include <QStringList>
#include <QUndoStack>

#include <filesystem>

#include <unistd.h>

using namespace crosswalk;
namespace fs = std::filesystem;

TEST_CASE("The library controller duplicates the open map, and its own undo stack takes the copy back",
          "[library]")
{
    const fs::path path = fs::temp_directory_path() / ("cw-ui-librarycontroller-" + std::to_string(::getpid()) + ".crosswalk");
    fs::remove(path);
    {
        Workspace ws = Workspace::create(path.string());
        for (std::string_view text : demoMapTexts())
            ws.addMap(parseMapJson(text).map);
    }
    Workspace ws = Workspace::open(path.string());
    const std::size_t maps = ws.listMaps().size();
    MapDocument document(ws, ws.loadMap(ws.listMaps().front().id));

    LibraryController controller(nullptr);
    controller.setWorkspace(&ws);
    controller.setDocument(&document);
    QStringList opened;
    int listChanges = 0;
    QObject::connect(&controller, &LibraryController::openMapRequested,
                     [&opened](const QString& id) { opened << id; });
    QObject::connect(&controller, &LibraryController::mapsChanged, [&listChanges] { ++listChanges; });

    controller.duplicateMap();
    REQUIRE(opened.size() == 1);
    const std::string copy = opened.front().toStdString();
    CHECK(copy != document.map().id);
    CHECK(ws.hasMap(copy));
    CHECK(ws.loadMap(copy).props.title == document.map().props.title + " (copy)");
    CHECK(ws.listMaps().size() == maps + 1);
    CHECK(listChanges == 1);
    QUndoStack* stack = controller.undoStack();
    REQUIRE(stack->count() == 1);
    CHECK(stack->undoText().startsWith(QStringLiteral("Duplicate map")));

    stack->undo();
    CHECK_FALSE(ws.hasMap(copy));
    CHECK(ws.listMaps().size() == maps);
    stack->redo();
    CHECK(ws.hasMap(copy));

    // The stack belongs to the workspace it changed: another workspace starts it afresh.
    controller.setWorkspace(&ws);
    CHECK(stack->count() == 0);

    controller.setWorkspace(nullptr);
    fs::remove(path);
}
