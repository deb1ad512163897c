// File > Import Map and File > Export Map with other tools' formats, and the import report.

#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/io/atomicfile.h"
#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/interchange/importreportdialog.h"
#include "ui/interchange/mapfiles.h"
#include "ui/library/librarypanel.h"
#include "ui/mainwindow/mainwindow.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QTimer>
#include <QTreeWidget>

#include <filesystem>

using namespace crosswalk;

namespace {

QString fixture(const char* name)
{
    return QString::fromStdString(std::string(CROSSWALK_SOURCE_DIR) + "/tests/core/interchange/data/" + name);
}

int mapsIn(QTreeWidget* tree)
{
    int maps = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        maps += tree->topLevelItem(i)->childCount();
    return maps;
}

} // namespace

TEST_CASE("File > Import Map brings a BPMN file in and shows what it made and left out", "[interchange]")
{
    test::isolateSettings();
    const std::string path = test::demoWorkspaceFile("cw-ui-import-bpmn");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    window.resize(1400, 900);
    window.show();
    REQUIRE(mapsIn(window.library()->tree()) == 6);

    window.importMap(fixture("bpmnio-collaboration.bpmn"));
    CHECK(mapsIn(window.library()->tree()) == 7);
    REQUIRE(window.document() != nullptr);
    CHECK(window.document()->map().props.title == "Principal evaluation"); // opened
    CHECK(window.document()->map().lanes.size() == 2);

    auto* report = window.findChild<ImportReportDialog*>("importReport");
    REQUIRE(report != nullptr);
    CHECK(report->isVisible());
    CHECK(report->summary()->text().contains("bpmnio-collaboration.bpmn"));
    CHECK(report->summary()->text().contains("BPMN 2.0"));
    CHECK(report->summary()->text().contains("2 lanes, 8 steps, 7 flows, 1 annotation"));
    QTreeWidget* details = report->details();
    REQUIRE(details->topLevelItemCount() == 2);
    CHECK(details->topLevelItem(0)->text(0) == "Left out (3)");
    bool group = false;
    for (int i = 0; i < details->topLevelItem(0)->childCount(); ++i)
        group = group || details->topLevelItem(0)->child(i)->text(0) == "bpmn:group id=Group_1";
    CHECK(group);
    // For looking at under xvfb (docs/user-guide): the report over the window.
    QApplication::processEvents();
    report->grab().save(QString::fromStdString(std::string(CROSSWALK_BINARY_DIR) + "/import-report.png"));
    report->close();
}

TEST_CASE("File > Import Map refuses a BPMN file with entities and leaves the workspace as it was", "[interchange]")
{
    test::isolateSettings();
    const std::string path = test::demoWorkspaceFile("cw-ui-import-refused");
    const std::string bad = test::tempWorkspacePath("cw-ui-xxe") + ".bpmn";
    writeFileAtomically(bad, "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                             "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    QString shown;
    QTimer::singleShot(0, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->accept();
        }
    });
    window.importMap(QString::fromStdString(bad));
    CHECK(shown.contains("DOCTYPE"));
    CHECK(shown.contains("entit"));
    CHECK(mapsIn(window.library()->tree()) == 6);
    CHECK(window.findChild<ImportReportDialog*>("importReport") == nullptr);
    std::filesystem::remove(bad);
}

TEST_CASE("File > Export Map writes BPMN by the extension typed, and it reads back", "[interchange]")
{
    test::isolateSettings();
    const std::string path = test::demoWorkspaceFile("cw-ui-export-bpmn");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    REQUIRE(window.document() != nullptr);
    const Map map = window.document()->map();
    const std::string out = test::tempWorkspacePath("cw-ui-export") + ".bpmn";
    window.exportMap(QString::fromStdString(out));
    const InterchangeResult back = importBpmn(readFile(out, 1u << 26));
    REQUIRE(back.maps.size() == 1);
    CHECK(back.maps[0] == map);
    std::filesystem::remove(out);

    CHECK(MapFiles::exportFormatFor("x.bpmn", MapFiles::exportFilters().front()) == FileFormat::Bpmn);
    CHECK(MapFiles::exportFormatFor("x.crosswalk.json", "") == FileFormat::CrosswalkJson);
    CHECK(MapFiles::exportFormatFor("x", MapFiles::exportFilters().at(1)) == FileFormat::Bpmn);
    CHECK(MapFiles::importFilter().contains("*.bpmn"));
}
