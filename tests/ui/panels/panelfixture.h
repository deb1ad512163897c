#pragma once

// A temporary workspace with one map and a document on it, for the panel tests.

#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "support/tempworkspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <unistd.h>

namespace crosswalk::paneltest {

/// Two lanes, two phases, three steps, two flows, no annotations.
inline Map smallMap()
{
    Map m;
    m.id = "m-test";
    m.props.title = "Evaluation";
    m.props.district = "Test District";
    m.lanes = {Lane{"l1", "Principal", "#E8F0FE", 160}, Lane{"l2", "Supervisor", "#E6F4EA", 160}};
    m.phases = {Phase{"p1", "Fall", "#FFFFFF", 600}, Phase{"p2", "Spring", "#FFFFFF", 600}};
    m.steps = {Step{"s1", "l1", "p1", StepKind::Activity, "Self-assessment", "", 40, 45, 150, 70},
               Step{"s2", "l2", "p1", StepKind::Meeting, "Goal-setting conference", "", 260, 45, 150, 70},
               Step{"s3", "l2", "p2", StepKind::Decision, "Rating decision", "", 700, 45, 150, 70}};
    m.flows = {Flow{"f1", "s1", "s2", ""}, Flow{"f2", "s2", "s3", ""}};
    return m;
}

/// The first bundled demo map (six fictional districts), parsed.
inline Map demoMap(std::size_t index = 0)
{
    return parseMapJson(demoMapTexts().at(index)).map;
}

struct DocumentFixture {
    std::filesystem::path path;
    std::optional<Workspace> ws;
    std::optional<MapDocument> doc;
    std::string mapId;

    explicit DocumentFixture(const Map& map, const std::string& name)
    {
        static int serial = 0;
        path = test::tempWorkspacePath("cw-panels-" + name + "-" + std::to_string(++serial));
        ws.emplace(Workspace::create(path.string()));
        ws->addMap(map);
        mapId = map.id;
        doc.emplace(*ws, ws->loadMap(mapId));
    }
    ~DocumentFixture()
    {
        doc.reset();
        ws.reset();
        std::filesystem::remove(path);
    }
    DocumentFixture(const DocumentFixture&) = delete;
    DocumentFixture& operator=(const DocumentFixture&) = delete;

    /// The map as the workspace file holds it, read through a second connection.
    Map stored() const { return Workspace::open(path.string(), Workspace::Mode::ReadOnly).loadMap(mapId); }
};

/// Processes events until the condition holds (deferred commits) or a second passes.
inline bool waitFor(const std::function<bool()>& condition)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > 1000)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(5);
    }
    return true;
}

} // namespace crosswalk::paneltest
