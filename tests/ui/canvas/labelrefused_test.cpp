// A label typed at the moment the store stops taking changes (a network library gone offline,
// a workspace whose side files were deleted) is refused with a message; what was typed must
// not vanish with the editor.

#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/document/mapdocument.h"
#include "support/uiinput.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QTemporaryDir>

using namespace crosswalk;
using namespace crosswalk::test;

TEST_CASE("A label the store refuses is kept on the clipboard, and the message says so", "[canvas][labels]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath("ws.crosswalk");
    Workspace ws = Workspace::create(path.toStdString());
    const Map original = parseMapJson(demoMapTexts().at(0)).map;
    ws.addMap(original);
    MapDocument doc(ws, ws.loadMap(original.id));
    QStringList messages;
    QObject::connect(&doc, &MapDocument::errorOccurred, [&](const QString& m) { messages << m; });
    MapCanvas canvas;
    canvas.resize(1400, 800);
    canvas.setDocument(&doc);
    canvas.show();
    QApplication::processEvents();
    canvas.setFocus();
    const std::string stepId = original.steps.front().id;
    auto typeLabel = [&](const QString& text) {
        canvas.selectStep(QString::fromStdString(stepId), true);
        keyClick(&canvas, Qt::Key_F2);
        keyClick(&canvas, Qt::Key_A, Qt::ControlModifier);
        keyClicks(&canvas, text);
        keyClick(&canvas, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
        QApplication::processEvents();
    };
    QGuiApplication::clipboard()->setText(QStringLiteral("copied earlier"));

    // Saved as usual: the clipboard is the person's, untouched.
    typeLabel(QStringLiteral("Saved as usual"));
    REQUIRE(messages.isEmpty());
    CHECK(doc.map().step(stepId)->label == "Saved as usual");
    CHECK(QGuiApplication::clipboard()->text() == QStringLiteral("copied earlier"));

    // The workspace's side files are deleted while it is open: it stops saving (reliability.md).
    REQUIRE(QFile::remove(path + "-shm"));
    QFile::remove(path + "-wal");
    typeLabel(QStringLiteral("Typed as the files went"));
    REQUIRE(messages.size() == 1);
    CHECK(messages.front().contains(QStringLiteral("clipboard")));
    CHECK(doc.map().step(stepId)->label == "Saved as usual");
    CHECK(QGuiApplication::clipboard()->text() == QStringLiteral("Typed as the files went"));
}
