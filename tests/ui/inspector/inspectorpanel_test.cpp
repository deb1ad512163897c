#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/inspector/inspectorpanel.h"
#include "support/tempworkspace.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QUndoStack>

#include <filesystem>

#include <unistd.h>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

Map smallMap()
{
    Map m;
    m.id = "m-test";
    m.props.title = "Evaluation";
    m.props.district = "Test District";
    m.lanes = {Lane{"l1", "Principal", "#E8F0FE", 160}, Lane{"l2", "Supervisor", "#E6F4EA", 160}};
    m.phases = {Phase{"p1", "Fall", "#FFFFFF", 600}, Phase{"p2", "Spring", "#FFFFFF", 600}};
    m.steps = {Step{"s1", "l1", "p1", StepKind::Activity, "Self-assessment", "", 40, 45, 150, 70},
               Step{"s2", "l2", "p1", StepKind::Meeting, "Goal-setting conference", "", 260, 45, 150, 70}};
    m.flows = {Flow{"f1", "s1", "s2", ""}};
    return m;
}

struct Fixture {
    fs::path path = test::tempWorkspacePath("cw-inspector");
    std::optional<Workspace> ws;
    std::optional<MapDocument> doc;
    InspectorPanel panel;

    Fixture()
    {
        fs::remove(path);
        ws.emplace(Workspace::create(path.string()));
        ws->addMap(smallMap());
        doc.emplace(*ws, ws->loadMap("m-test"));
        panel.setDocument(&*doc);
    }
    ~Fixture()
    {
        panel.setDocument(nullptr);
        doc.reset();
        ws.reset();
        fs::remove(path);
    }
    Map stored() { return Workspace::open(path.string(), Workspace::Mode::ReadOnly).loadMap("m-test"); }
};

void typeInto(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return); // editingFinished
}

} // namespace

TEST_CASE("The inspector shows the map when nothing is selected and edits its properties", "[inspector]")
{
    Fixture f;
    CHECK(f.panel.currentPage() == "map");
    CHECK(f.panel.mapTitle()->text() == "Evaluation");
    typeInto(f.panel.mapDistrict(), "Lakeview Schools");
    CHECK(f.doc->map().props.district == "Lakeview Schools");
    CHECK(f.stored().props.district == "Lakeview Schools");
    f.panel.mapState()->setCurrentIndex(1);
    emit f.panel.mapState()->activated(1);
    CHECK(f.doc->map().props.state == MapState::Future);
    f.doc->undoStack()->undo();
    f.doc->undoStack()->undo();
    CHECK(f.doc->map() == smallMap());
    CHECK(f.stored() == smallMap());
    CHECK(f.panel.mapDistrict()->text() == "Test District");
}

TEST_CASE("The inspector edits a step's label, kind, lane and its lane's name and colour", "[inspector]")
{
    Fixture f;
    f.panel.inspect({"s1"}, {});
    REQUIRE(f.panel.currentPage() == "step");
    CHECK(f.panel.stepLabel()->text() == "Self-assessment");

    typeInto(f.panel.stepLabel(), "Principal self-assessment");
    CHECK(f.doc->map().step("s1")->label == "Principal self-assessment");

    f.panel.stepKind()->setCurrentIndex(f.panel.stepKind()->findData(static_cast<int>(StepKind::Document)));
    emit f.panel.stepKind()->activated(f.panel.stepKind()->currentIndex());
    CHECK(f.doc->map().step("s1")->kind == StepKind::Document);

    f.panel.stepLane()->setCurrentIndex(f.panel.stepLane()->findData(QString("l2")));
    emit f.panel.stepLane()->activated(f.panel.stepLane()->currentIndex());
    CHECK(f.doc->map().step("s1")->lane == "l2");
    CHECK(f.panel.laneName()->text() == "Supervisor");

    typeInto(f.panel.laneName(), "Principal Supervisor");
    CHECK(f.doc->map().lane("l2")->name == "Principal Supervisor");
    typeInto(f.panel.laneColor(), "#FFEECC");
    CHECK(f.doc->map().lane("l2")->color == "#FFEECC");
    CHECK(f.stored() == f.doc->map());

    // An invalid colour is not accepted (the validator keeps it from being committed).
    typeInto(f.panel.laneColor(), "blue");
    CHECK(f.doc->map().lane("l2")->color == "#FFEECC");

    while (f.doc->undoStack()->canUndo())
        f.doc->undoStack()->undo();
    CHECK(f.doc->map() == smallMap());
    CHECK(f.stored() == smallMap());
}

TEST_CASE("The inspector relabels a flow", "[inspector]")
{
    Fixture f;
    f.panel.inspect({}, {"f1"});
    REQUIRE(f.panel.currentPage() == "flow");
    typeInto(f.panel.flowLabel(), "meets");
    CHECK(f.doc->map().flow("f1")->label == "meets");
    CHECK(f.stored().flow("f1")->label == "meets");
    f.doc->undoStack()->undo();
    CHECK(f.doc->map().flow("f1")->label.empty());
}

TEST_CASE("Choosing a step's phase in the inspector moves it into that phase's column, in one undo step",
          "[inspector][placement]")
{
    Fixture f;
    f.panel.inspect({"s1"}, {});
    REQUIRE(f.panel.currentPage() == "step");
    // The map has phases, so every step is in one: no "(no phase)" to choose.
    CHECK(f.panel.stepPhase()->count() == 2);
    CHECK(f.panel.stepPhase()->findData(QString()) == -1);

    f.panel.stepPhase()->setCurrentIndex(f.panel.stepPhase()->findData(QString("p2")));
    emit f.panel.stepPhase()->activated(f.panel.stepPhase()->currentIndex());
    const Step& moved = *f.doc->map().step("s1");
    CHECK(moved.phase == "p2");
    // Drawn in the Spring column (600..1200), where Insights counts it.
    CHECK(moved.x + moved.w / 2 >= 600);
    CHECK(moved.x + moved.w / 2 < 1200);
    CHECK(moved.lane == "l1");
    CHECK(f.stored() == f.doc->map());
    CHECK(f.doc->undoStack()->count() == 1);
    f.doc->undoStack()->undo();
    CHECK(f.doc->map() == smallMap());
    CHECK(f.stored() == smallMap());
}
