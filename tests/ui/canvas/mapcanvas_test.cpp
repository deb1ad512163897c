#include "crosswalk/layout/layout.h"
#include "crosswalk/layout/placement.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/labelfit.h"
#include "ui/canvas/stepshape.h"
#include "ui/common/pixelfont.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stepresizetool.h"
#include "ui/document/mapdocument.h"
#include "support/uiinput.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QKeyEvent>
#include <QScrollBar>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QInputDialog>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <cmath>
#include <memory>
#include <set>

using namespace crosswalk;
using namespace crosswalk::test;

namespace {

Lane lane(const std::string& id, const std::string& name, int height = 160)
{
    Lane l;
    l.id = id;
    l.name = name;
    l.color = "#E8F0FE";
    l.height = height;
    return l;
}

Step step(const std::string& id, const std::string& laneId, int x, const std::string& label = {})
{
    Step s;
    s.id = id;
    s.lane = laneId;
    s.phase = x < 480 ? "p1" : "p2";
    s.label = label.empty() ? id : label;
    s.x = x;
    s.y = 45;
    return s;
}

Flow flow(const std::string& id, const std::string& from, const std::string& to)
{
    Flow f;
    f.id = id;
    f.from = from;
    f.to = to;
    return f;
}

Map twoLaneMap()
{
    Map m;
    m.id = "m-test";
    m.props.title = "Principal evaluation";
    m.props.district = "Lakeside USD";
    m.lanes = {lane("l1", "Principal"), lane("l2", "Principal Supervisor")};
    Phase p1;
    p1.id = "p1";
    p1.name = "Beginning of year";
    Phase p2;
    p2.id = "p2";
    p2.name = "Mid-year";
    m.phases = {p1, p2};
    return m;
}

/// A workspace in a temporary folder with one map, its document, and a canvas showing it.
struct Fixture {
    QTemporaryDir dir;
    Workspace ws;
    std::unique_ptr<MapDocument> doc;
    MapCanvas canvas;

    explicit Fixture(const Map& map) : ws(Workspace::create(dir.filePath("test.crosswalk").toStdString()))
    {
        ws.addMap(map);
        doc = std::make_unique<MapDocument>(ws, ws.loadMap(map.id));
        canvas.resize(1400, 800);
        canvas.setDocument(doc.get());
        canvas.show();
        QApplication::processEvents();
        canvas.setFocus();
    }

    const Map& map() const { return doc->map(); }
    QWidget* viewport() const { return canvas.viewport(); }
    QPoint at(const QPointF& scenePos) const { return canvas.mapFromScene(scenePos); }
    QPointF centreOf(const std::string& stepId) const
    {
        const layout::Rect r = layout::stepRect(map(), *map().step(stepId));
        return QPointF(r.x + r.w / 2.0, r.y + r.h / 2.0);
    }

    void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        keyClick(&canvas, k, mods, k == Qt::Key_Return ? QStringLiteral("\r") : QString());
    }
    void type(const QString& text) { keyClicks(&canvas, text); }

    void drag(const QPointF& fromScene, const QPointF& toScene, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        const QPoint from = at(fromScene);
        const QPoint to = at(toScene);
        sendMouse(viewport(), QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, mods);
        for (int i = 1; i <= 8; ++i)
            sendMouse(viewport(), QEvent::MouseMove, from + (to - from) * i / 8, Qt::NoButton, Qt::LeftButton, mods);
        sendMouse(viewport(), QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, mods);
    }

    /// The scene shows exactly the model: one item per step and flow, lane and phase.
    void requireSceneMatchesModel() const
    {
        MapScene* scene = canvas.mapScene();
        REQUIRE(scene->stepItemCount() == map().steps.size());
        REQUIRE(scene->flowItemCount() == map().flows.size());
        REQUIRE(scene->laneHeaderCount() == map().lanes.size());
        REQUIRE(scene->phaseHeaderCount() == map().phases.size());
        for (const Step& s : map().steps) {
            StepItem* item = scene->stepItem(s.id);
            REQUIRE(item);
            const layout::Rect r = layout::stepRect(map(), s);
            REQUIRE(item->sceneRectOfStep() == QRectF(r.x, r.y, r.w, r.h));
            REQUIRE(item->step() == s);
        }
        for (const Flow& f : map().flows)
            REQUIRE(scene->flowItem(f.id));
    }
};

int flowsBetween(const Map& m, const std::string& from, const std::string& to)
{
    int n = 0;
    for (const Flow& f : m.flows)
        n += f.from == from && f.to == to;
    return n;
}

} // namespace

TEST_CASE("Tab and Shift+Tab enter a connected ten-step map across two lanes without the mouse", "[canvas]")
{
    Fixture fx(twoLaneMap());
    fx.canvas.addStep(StepKind::Start);
    REQUIRE(fx.canvas.isEditing());
    fx.type("Self-assessment");
    const QStringList labels{"Goal-setting conference", "School visits", "Evidence collection", "Mid-year review",
                             "Calibration", "Summative evaluation", "Rating entered", "Renewal decision",
                             "Learning plan"};
    for (int i = 0; i < labels.size(); ++i) {
        if (i == 4)
            fx.key(Qt::Key_Tab, Qt::ShiftModifier); // the handoff to the supervisor's lane
        else
            fx.key(Qt::Key_Tab);
        REQUIRE(fx.canvas.isEditing());
        fx.type(labels[i]);
    }
    fx.key(Qt::Key_Return);
    CHECK_FALSE(fx.canvas.isEditing());

    const Map& m = fx.map();
    REQUIRE(m.steps.size() == 10);
    REQUIRE(m.flows.size() == 9);
    CHECK(m.steps[0].label == "Self-assessment");
    CHECK(m.steps[0].kind == StepKind::Start);
    for (int i = 0; i < labels.size(); ++i)
        CHECK(m.steps[static_cast<std::size_t>(i + 1)].label == labels[i].toStdString());
    int handoffs = 0;
    for (std::size_t i = 0; i + 1 < m.steps.size(); ++i) {
        CHECK(flowsBetween(m, m.steps[i].id, m.steps[i + 1].id) == 1);
        handoffs += m.steps[i].lane != m.steps[i + 1].lane;
    }
    CHECK(handoffs == 1);
    for (std::size_t i = 0; i < 5; ++i)
        CHECK(m.steps[i].lane == "l1");
    for (std::size_t i = 5; i < 10; ++i)
        CHECK(m.steps[i].lane == "l2");
    // Each next step is to the right of the one before, and no two steps overlap.
    for (std::size_t i = 0; i + 1 < m.steps.size(); ++i)
        CHECK(m.steps[i + 1].x > m.steps[i].x);
    for (std::size_t i = 0; i < m.steps.size(); ++i)
        for (std::size_t j = i + 1; j < m.steps.size(); ++j)
            CHECK_FALSE(layout::stepRect(m, m.steps[i]).intersects(layout::stepRect(m, m.steps[j])));
    // The last phase grew to hold the steps placed beyond it.
    CHECK(layout::phaseLeft(m, "p2") + m.phases[1].width >= m.steps.back().x + m.steps.back().w);
    CHECK(fx.canvas.selectedStepIds() == QStringList{QString::fromStdString(m.steps.back().id)});
    fx.requireSceneMatchesModel();
    CHECK(m == fx.ws.loadMap(m.id)); // committed as it happened
    if (const QByteArray dir = qgetenv("CROSSWALK_SNAPSHOT_DIR"); !dir.isEmpty()) {
        fx.canvas.zoomToFit();
        QApplication::processEvents();
        fx.canvas.grab().save(QString::fromUtf8(dir) + "/canvas-keyboard.png");
    }
}

TEST_CASE("Undo of Tab removes the new step and its flow in one step, redo brings both back", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40, "Self-assessment")};
    Fixture fx(map);
    fx.canvas.selectStep("s1");
    fx.key(Qt::Key_Tab);
    REQUIRE(fx.canvas.isEditing());
    fx.key(Qt::Key_Return); // keep the empty label, stop editing
    CHECK_FALSE(fx.canvas.isEditing());
    REQUIRE(fx.map().steps.size() == 2);
    REQUIRE(fx.map().flows.size() == 1);
    CHECK(fx.map().steps[1].lane == "l1");
    CHECK(fx.map().steps[1].x == layout::snap(40 + 150 + canvasstyle::kNextStepGap));
    fx.requireSceneMatchesModel();

    fx.doc->undoStack()->undo();
    CHECK(fx.map().steps.size() == 1);
    CHECK(fx.map().flows.empty());
    fx.requireSceneMatchesModel();
    fx.doc->undoStack()->redo();
    CHECK(fx.map().steps.size() == 2);
    CHECK(fx.map().flows.size() == 1);
    fx.requireSceneMatchesModel();
}

TEST_CASE("Shift+Tab in the bottom lane adds a lane for the handoff", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l2", 40)};
    Fixture fx(map);
    fx.canvas.selectStep("s1");
    fx.key(Qt::Key_Backtab, Qt::ShiftModifier);
    fx.type("Board review");
    fx.key(Qt::Key_Return);
    REQUIRE(fx.map().lanes.size() == 3);
    REQUIRE(fx.map().steps.size() == 2);
    CHECK(fx.map().steps[1].lane == fx.map().lanes[2].id);
    CHECK(fx.map().steps[1].label == "Board review");
    fx.requireSceneMatchesModel();
}

TEST_CASE("Double-clicking empty lane space creates a step there and edits its label", "[canvas]")
{
    Fixture fx(twoLaneMap());
    const QPointF where(400, 160 + 80); // the middle of the second lane
    doubleClick(fx.viewport(), fx.at(where));
    REQUIRE(fx.map().steps.size() == 1);
    REQUIRE(fx.canvas.isEditing());
    fx.type("Walkthrough");
    fx.key(Qt::Key_Return);
    const Step& s = fx.map().steps.front();
    CHECK(s.lane == "l2");
    CHECK(s.label == "Walkthrough");
    CHECK(s.kind == StepKind::Activity);
    CHECK(s.x % layout::kGrid == 0);
    CHECK(std::abs(s.x + s.w / 2 - 400) <= layout::kGrid);
    CHECK(std::abs(160 + s.y + s.h / 2 - 240) <= layout::kGrid);
    CHECK(s.phase == "p1");
    fx.requireSceneMatchesModel();
}

TEST_CASE("Dragging a step into another lane moves it there, grows the lane, and undoes in one step", "[canvas]")
{
    Map map = twoLaneMap();
    map.lanes[1].height = 100;
    map.steps = {step("s1", "l1", 100), step("s2", "l1", 600)};
    map.flows = {flow("f1", "s1", "s2")};
    Fixture fx(map);
    const std::size_t undoBefore = static_cast<std::size_t>(fx.doc->undoStack()->count());
    const QPointF from = fx.centreOf("s1");
    fx.drag(from, from + QPointF(23, 190));

    const Step& s = *fx.map().step("s1");
    CHECK(s.lane == "l2");
    CHECK(s.x == layout::snap(100 + 23));
    CHECK(s.x % layout::kGrid == 0);
    CHECK(s.y % layout::kGrid == 0);
    CHECK(fx.map().lanes[1].height >= layout::requiredLaneHeight(fx.map(), "l2"));
    CHECK(fx.map().lanes[1].height > 100);
    CHECK(static_cast<std::size_t>(fx.doc->undoStack()->count()) == undoBefore + 1);
    fx.requireSceneMatchesModel();
    CHECK(fx.canvas.mapScene()->flowItem("f1")->isHandoff());

    fx.doc->undoStack()->undo();
    CHECK(fx.map().step("s1")->lane == "l1");
    CHECK(fx.map().step("s1")->x == 100);
    CHECK(fx.map().lanes[1].height == 100);
    fx.requireSceneMatchesModel();
    CHECK_FALSE(fx.canvas.mapScene()->flowItem("f1")->isHandoff());
}

TEST_CASE("Several selected steps move together as one edit", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 260), step("s3", "l2", 40)};
    Fixture fx(map);
    fx.canvas.selectStep("s1", false);
    click(fx.viewport(), fx.at(fx.centreOf("s2")), Qt::ControlModifier);
    REQUIRE(fx.canvas.selectedStepIds().size() == 2);
    fx.drag(fx.centreOf("s2"), fx.centreOf("s2") + QPointF(300, 0));
    CHECK(fx.map().step("s1")->x == 340);
    CHECK(fx.map().step("s2")->x == 560);
    CHECK(fx.map().step("s2")->phase == "p2");
    CHECK(fx.map().step("s3")->x == 40);
    fx.doc->undoStack()->undo();
    CHECK(fx.map().step("s1")->x == 40);
    CHECK(fx.map().step("s2")->x == 260);
}

TEST_CASE("Renaming a lane in place: double-click its header, type, Enter", "[canvas]")
{
    Fixture fx(twoLaneMap());
    const QPointF header(fx.canvas.mapScene()->laneHeaderX() + canvasstyle::kLaneHeaderWidth / 2.0, 160 + 80);
    doubleClick(fx.viewport(), fx.at(header));
    REQUIRE(fx.canvas.isEditing());
    fx.type("HR / Talent");
    fx.key(Qt::Key_Return);
    CHECK(fx.map().lanes[1].name == "HR / Talent");
    CHECK(fx.map().lanes[0].name == "Principal");

    // Esc leaves the name as it was.
    doubleClick(fx.viewport(), fx.at(header));
    fx.type("Nobody");
    fx.key(Qt::Key_Escape);
    CHECK(fx.map().lanes[1].name == "HR / Talent");
}

TEST_CASE("Delete removes the selected steps with their flows as one undo step", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 260), step("s3", "l2", 500)};
    map.flows = {flow("f1", "s1", "s2"), flow("f2", "s2", "s3")};
    Fixture fx(map);
    fx.canvas.selectStep("s2", false);
    click(fx.viewport(), fx.at(fx.centreOf("s3")), Qt::ControlModifier);
    REQUIRE(fx.canvas.selectedStepIds().size() == 2);
    fx.key(Qt::Key_Delete);
    REQUIRE(fx.map().steps.size() == 1);
    CHECK(fx.map().flows.empty());
    fx.requireSceneMatchesModel();
    fx.doc->undoStack()->undo();
    CHECK(fx.map().steps.size() == 3);
    CHECK(fx.map().flows.size() == 2);
    fx.requireSceneMatchesModel();
}

TEST_CASE("Arrow keys move the selection along flows and between lanes", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 300), step("s3", "l2", 560), step("s4", "l2", 280)};
    map.flows = {flow("f1", "s1", "s2"), flow("f2", "s2", "s3")};
    Fixture fx(map);
    fx.canvas.selectStep("s1");
    auto selected = [&] { return fx.canvas.selectedStepIds().value(0).toStdString(); };
    fx.key(Qt::Key_Right);
    CHECK(selected() == "s2");
    fx.key(Qt::Key_Right);
    CHECK(selected() == "s3");
    fx.key(Qt::Key_Left);
    CHECK(selected() == "s2");
    fx.key(Qt::Key_Down);
    CHECK(selected() == "s4"); // the nearest step in the lane below
    fx.key(Qt::Key_Up);
    CHECK(selected() == "s2");
    CHECK(fx.canvas.selectedStepIds().size() == 1);
}

TEST_CASE("Enter edits the selected step's label, typing on a selected step replaces it", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40, "Old")};
    Fixture fx(map);
    fx.canvas.selectStep("s1");
    fx.key(Qt::Key_Return);
    REQUIRE(fx.canvas.isEditing());
    fx.type("Goal-setting conference");
    fx.key(Qt::Key_Return);
    CHECK(fx.map().steps[0].label == "Goal-setting conference");
    fx.type("New label");
    fx.key(Qt::Key_Return);
    CHECK(fx.map().steps[0].label == "New label");
    fx.key(Qt::Key_F2);
    fx.type("Discarded");
    fx.key(Qt::Key_Escape);
    CHECK(fx.map().steps[0].label == "New label");
}

TEST_CASE("Dragging from a step's handle onto another step connects them", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l2", 400)};
    Fixture fx(map);
    fx.canvas.selectStep("s1", false); // handles show on the selected step
    const layout::Rect r = layout::stepRect(fx.map(), *fx.map().step("s1"));
    fx.drag(QPointF(r.x + r.w, r.y + r.h / 2.0), fx.centreOf("s2"));
    REQUIRE(fx.map().flows.size() == 1);
    CHECK(fx.map().flows[0].from == "s1");
    CHECK(fx.map().flows[0].to == "s2");
    FlowItem* item = fx.canvas.mapScene()->flowItem(fx.map().flows[0].id);
    REQUIRE(item);
    CHECK(item->isHandoff());
    // The route is orthogonal and ends on the target.
    const QPolygonF route = item->route();
    for (int i = 1; i < route.size(); ++i)
        CHECK((route[i].x() == route[i - 1].x() || route[i].y() == route[i - 1].y()));
    const layout::Rect t = layout::stepRect(fx.map(), *fx.map().step("s2"));
    CHECK(QRectF(t.x, t.y, t.w, t.h).adjusted(-1, -1, 1, 1).contains(route.last()));
}

TEST_CASE("Flows route around steps that stand in the way", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 300), step("s3", "l1", 560)};
    map.flows = {flow("f1", "s1", "s3")};
    Fixture fx(map);
    const QPolygonF route = fx.canvas.mapScene()->flowItem("f1")->route();
    const layout::Rect mid = layout::stepRect(fx.map(), *fx.map().step("s2"));
    const QRectF block = QRectF(mid.x, mid.y, mid.w, mid.h).adjusted(2, 2, -2, -2);
    for (int i = 1; i < route.size(); ++i)
        CHECK_FALSE(QRectF(route[i - 1], route[i]).normalized().adjusted(-0.5, -0.5, 0.5, 0.5).intersects(block));
}

TEST_CASE("Dragging a lane header reorders the lane with its steps", "[canvas]")
{
    Map map = twoLaneMap();
    map.lanes.push_back(lane("l3", "HR"));
    map.steps = {step("s1", "l1", 40)};
    Fixture fx(map);
    const qreal x = fx.canvas.mapScene()->laneHeaderX() + 60;
    fx.drag(QPointF(x, 80), QPointF(x, 400)); // into the lower half of the third lane
    REQUIRE(fx.map().lanes.size() == 3);
    CHECK(fx.map().lanes[0].id == "l2");
    CHECK(fx.map().lanes[1].id == "l3");
    CHECK(fx.map().lanes[2].id == "l1");
    CHECK(fx.map().step("s1")->lane == "l1");
    fx.requireSceneMatchesModel();
    CHECK(fx.canvas.mapScene()->stepItem("s1")->sceneRectOfStep().top() == 320 + 45);
    fx.doc->undoStack()->undo();
    CHECK(fx.map().lanes[0].id == "l1");
    fx.requireSceneMatchesModel();
}

TEST_CASE("Dragging a lane's bottom border resizes it, never below what its steps need", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40)};
    Fixture fx(map);
    const qreal x = fx.canvas.mapScene()->laneHeaderX() + 60;
    fx.drag(QPointF(x, 160), QPointF(x, 260));
    CHECK(fx.map().lanes[0].height == 260);
    fx.drag(QPointF(x, 260), QPointF(x, 20));
    CHECK(fx.map().lanes[0].height == layout::requiredLaneHeight(fx.map(), "l1"));
    fx.requireSceneMatchesModel();
}

TEST_CASE("Copy and paste duplicates steps with the flows between them", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 300)};
    map.flows = {flow("f1", "s1", "s2")};
    map.stickyNotes = {StickyNote{"n1", "s2", "Ask HR who signs", "#FFE680"}};
    map.votes = {{"s2", 3}};
    Fixture fx(map);
    fx.canvas.selectAll();
    fx.canvas.copySelection();
    fx.canvas.paste();
    REQUIRE(fx.map().steps.size() == 4);
    REQUIRE(fx.map().flows.size() == 2);
    // The note comes with its step (on the copy of s2); the votes stay on the original.
    REQUIRE(fx.map().stickyNotes.size() == 2);
    const StickyNote& pastedNote = fx.map().stickyNotes[1];
    CHECK(pastedNote.text == "Ask HR who signs");
    CHECK(pastedNote.id != "n1");
    CHECK(pastedNote.step == fx.map().steps[3].id);
    CHECK(fx.map().votesOn(fx.map().steps[3].id) == 0);
    CHECK(fx.map().votesOn("s2") == 3);
    CHECK(fx.canvas.selectedStepIds().size() == 2);
    CHECK(fx.map().steps[2].x == 70);
    fx.doc->undoStack()->undo();
    CHECK(fx.map().steps.size() == 2);
    fx.canvas.selectStep("s1");
    fx.canvas.duplicateSelection();
    CHECK(fx.map().steps.size() == 3);
}

TEST_CASE("Scene items follow the model through a series of edits, undos and redos", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40)};
    Fixture fx(map);
    const Map initial = fx.map();
    fx.canvas.selectStep("s1");
    fx.key(Qt::Key_Tab);
    fx.type("Two");
    fx.key(Qt::Key_Tab, Qt::ShiftModifier);
    fx.type("Three");
    fx.key(Qt::Key_Return);
    fx.canvas.addLane(0);
    fx.type("Chief of Schools");
    fx.key(Qt::Key_Return);
    fx.canvas.addPhase(2);
    fx.key(Qt::Key_Escape);
    fx.key(Qt::Key_Delete); // the last step is still selected
    fx.requireSceneMatchesModel();
    const Map final = fx.map();
    QUndoStack* stack = fx.doc->undoStack();
    while (stack->canUndo()) {
        stack->undo();
        fx.requireSceneMatchesModel();
    }
    CHECK(fx.map() == initial);
    while (stack->canRedo()) {
        stack->redo();
        fx.requireSceneMatchesModel();
    }
    CHECK(fx.map() == final);
    CHECK(fx.ws.loadMap(final.id) == final);
}

TEST_CASE("The canvas renders a small map (written as PNG when CROSSWALK_SNAPSHOT_DIR is set)", "[canvas]")
{
    Map map = twoLaneMap();
    map.lanes[1].color = "#E6F4EA";
    map.lanes.push_back(lane("l3", "HR / Talent office"));
    map.lanes[2].color = "#FEF7E0";
    const StepKind kinds[] = {StepKind::Start, StepKind::Activity, StepKind::Meeting, StepKind::Decision};
    const char* labels[] = {"Cycle begins", "Principal self-assessment", "Goal-setting conference",
                            "Goals approved?"};
    for (int i = 0; i < 4; ++i) {
        Step s = step("a" + std::to_string(i), "l1", 30 + i * 210, labels[i]);
        s.kind = kinds[i];
        map.steps.push_back(s);
    }
    const StepKind kinds2[] = {StepKind::Document, StepKind::Data, StepKind::Wait, StepKind::End};
    const char* labels2[] = {"Leadership rubric", "Climate survey results", "Wait for state test results",
                             "Rating entered in HR system"};
    for (int i = 0; i < 4; ++i) {
        Step s = step("b" + std::to_string(i), i < 2 ? "l2" : "l3", 120 + i * 210, labels2[i]);
        s.kind = kinds2[i];
        map.steps.push_back(s);
    }
    map.flows = {flow("f1", "a0", "a1"), flow("f2", "a1", "a2"), flow("f3", "a2", "a3"), flow("f4", "a3", "b1"),
                 flow("f5", "b0", "a2"), flow("f6", "b1", "b2"), flow("f7", "b2", "b3"), flow("f8", "a0", "a3")};
    map.flows[3].label = "meets";
    Fixture fx(map);
    fx.canvas.selectStep("a2", false);
    QApplication::processEvents();
    const QImage image = fx.canvas.grab().toImage();
    REQUIRE_FALSE(image.isNull());
    if (const QByteArray dir = qgetenv("CROSSWALK_SNAPSHOT_DIR"); !dir.isEmpty()) {
        image.save(QString::fromUtf8(dir) + "/canvas-100.png");
        fx.canvas.horizontalScrollBar()->setValue(300);
        fx.canvas.verticalScrollBar()->setValue(120);
        fx.canvas.resize(900, 500);
        QApplication::processEvents();
        fx.canvas.grab().save(QString::fromUtf8(dir) + "/canvas-scrolled.png");
        fx.canvas.resize(1400, 800);
        fx.canvas.zoomToFit();
        QApplication::processEvents();
        fx.canvas.grab().save(QString::fromUtf8(dir) + "/canvas-fit.png");
        fx.canvas.zoomReset();
        fx.canvas.horizontalScrollBar()->setValue(fx.canvas.horizontalScrollBar()->minimum());
        fx.canvas.verticalScrollBar()->setValue(fx.canvas.verticalScrollBar()->minimum());
        fx.canvas.selectStep("a1", false);
        fx.key(Qt::Key_Tab);
        fx.type("Supervisor reads the self-assessment");
        QApplication::processEvents();
        fx.canvas.grab().save(QString::fromUtf8(dir) + "/canvas-editing.png");
        // Half-way through dragging the third lane's header up to the top.
        const qreal x = fx.canvas.mapScene()->laneHeaderX() + 60;
        const QPoint from = fx.at(QPointF(x, 400));
        const QPoint to = fx.at(QPointF(x, 60));
        sendMouse(fx.viewport(), QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        for (int i = 1; i <= 4; ++i)
            sendMouse(fx.viewport(), QEvent::MouseMove, from + (to - from) * i / 4, Qt::NoButton, Qt::LeftButton);
        QApplication::processEvents();
        fx.canvas.grab().save(QString::fromUtf8(dir) + "/canvas-reorder-drag.png");
        sendMouse(fx.viewport(), QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        QApplication::processEvents();
        fx.canvas.grab().save(QString::fromUtf8(dir) + "/canvas-reordered.png");
    }
}

TEST_CASE("Zoom steps through fixed levels and reports the percentage", "[canvas]")
{
    Fixture fx(twoLaneMap());
    std::vector<int> reported;
    QObject::connect(&fx.canvas, &MapCanvas::zoomChanged, [&](int percent) { reported.push_back(percent); });
    fx.canvas.zoomIn();
    CHECK(fx.canvas.zoomPercent() == 110);
    fx.canvas.zoomOut();
    fx.canvas.zoomOut();
    CHECK(fx.canvas.zoomPercent() == 90);
    fx.canvas.zoomReset();
    CHECK(fx.canvas.zoomPercent() == 100);
    CHECK(reported == std::vector<int>{110, 100, 90, 100});
    fx.canvas.zoomToFit();
    CHECK(fx.canvas.zoomPercent() > 100); // a small map is enlarged to fill the view
}

TEST_CASE("The canvas empties when its document is cleared or destroyed", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40)};
    Fixture fx(map);
    REQUIRE(fx.canvas.mapScene()->stepItemCount() == 1);
    fx.canvas.setDocument(nullptr);
    CHECK(fx.canvas.mapScene()->stepItemCount() == 0);
    CHECK(fx.canvas.mapScene()->laneHeaderCount() == 0);
    fx.canvas.setDocument(fx.doc.get());
    CHECK(fx.canvas.mapScene()->stepItemCount() == 1);
    fx.doc.reset();
    CHECK(fx.canvas.document() == nullptr);
    CHECK(fx.canvas.mapScene()->stepItemCount() == 0);
    fx.key(Qt::Key_Tab); // nothing to do, and nothing breaks
}

TEST_CASE("Canvas timings on a large map", "[.canvas-perf]")
{
    Map map;
    map.id = "m-big";
    map.props.title = "Big";
    for (int l = 0; l < 12; ++l)
        map.lanes.push_back(lane("l" + std::to_string(l), "Lane " + std::to_string(l), 260));
    for (int p = 0; p < 6; ++p) {
        Phase ph;
        ph.id = "p" + std::to_string(p);
        ph.name = "Phase " + std::to_string(p);
        ph.width = 6000;
        map.phases.push_back(ph);
    }
    for (int i = 0; i < 2000; ++i) {
        Step s = step("s" + std::to_string(i), "l" + std::to_string(i % 12), (i / 12) * 210 + 20,
                      "Step number " + std::to_string(i));
        s.y = 20 + (i / 12 % 2) * 110;
        s.phase = "p" + std::to_string(std::min(5, s.x / 6000));
        map.steps.push_back(s);
    }
    for (int i = 0; i < 3000; ++i) {
        const int a = i % 2000;
        const int b = (a + 1 + (i / 2000) * 12) % 2000;
        map.flows.push_back(flow("f" + std::to_string(i), "s" + std::to_string(a), "s" + std::to_string(b)));
    }
    QTemporaryDir dir;
    Workspace ws = Workspace::create(dir.filePath("big.crosswalk").toStdString());
    ws.addMap(map);
    MapDocument doc(ws, ws.loadMap(map.id));
    MapCanvas canvas;
    canvas.resize(1920, 1080);
    canvas.show();
    QElapsedTimer timer;
    timer.start();
    canvas.setDocument(&doc);
    canvas.grab();
    WARN("open to first paint: " << timer.elapsed() << " ms");
    canvas.zoomToFit();
    timer.restart();
    for (int i = 0; i < 5; ++i)
        canvas.grab();
    WARN("repaint fitted: " << timer.elapsed() / 5.0 << " ms");
    canvas.zoomReset();
    canvas.selectStep("s500");
    const QPoint start = canvas.mapFromScene(canvas.mapScene()->stepItem("s500")->sceneRectOfStep().center());
    sendMouse(canvas.viewport(), QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    timer.restart();
    for (int i = 1; i <= 50; ++i)
        sendMouse(canvas.viewport(), QEvent::MouseMove, start + QPoint(i * 3, i), Qt::NoButton, Qt::LeftButton);
    WARN("drag move: " << timer.elapsed() / 50.0 << " ms per event (without repaint)");
    timer.restart();
    sendMouse(canvas.viewport(), QEvent::MouseButtonRelease, start + QPoint(150, 50), Qt::LeftButton, Qt::NoButton);
    WARN("drop (edit + update): " << timer.elapsed() << " ms");
}

namespace {

/// A mouse drag through QTest, in steps, as a hand moves: press, several moves, release.
void qtestDrag(Fixture& fx, const QPointF& fromScene, const QPointF& toScene)
{
    const QPoint from = fx.at(fromScene);
    const QPoint to = fx.at(toScene);
    QTest::mousePress(fx.viewport(), Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= 6; ++i)
        QTest::mouseMove(fx.viewport(), from + (to - from) * i / 6);
    QTest::mouseRelease(fx.viewport(), Qt::LeftButton, Qt::NoModifier, to);
}

} // namespace

TEST_CASE("Tab on a step with steps to its right inserts right after it and pushes them along", "[canvas]")
{
    Map map = twoLaneMap();
    // s2 sits exactly where the new step goes, s3 right behind it, s4 far enough away to stay.
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 250), step("s3", "l1", 460), step("s4", "l1", 900)};
    map.flows = {flow("f1", "s1", "s2")};
    Fixture fx(map);
    fx.canvas.selectStep("s1");
    QTest::keyClick(&fx.canvas, Qt::Key_Tab);
    QTest::keyClick(&fx.canvas, Qt::Key_Return); // keep the empty label, stop editing
    REQUIRE(fx.map().steps.size() == 5);
    const Step& added = fx.map().steps.back();
    CHECK(added.lane == "l1");
    CHECK(added.x == 250);
    CHECK(added.y == fx.map().step("s1")->y);
    CHECK(flowsBetween(fx.map(), "s1", added.id) == 1);
    CHECK(fx.map().step("s2")->x == 460);
    CHECK(fx.map().step("s3")->x == 670);
    CHECK(fx.map().step("s4")->x == 900);
    CHECK(fx.map().step("s2")->phase == "p2"); // its middle (535) is now in the next column
    fx.requireSceneMatchesModel();

    fx.doc->undoStack()->undo(); // one gesture, one undo step
    CHECK(fx.map().steps.size() == 4);
    CHECK(fx.map().step("s2")->x == 250);
    CHECK(fx.map().step("s3")->x == 460);
    fx.requireSceneMatchesModel();
    fx.doc->undoStack()->redo();
    CHECK(fx.map().steps.size() == 5);
    CHECK(fx.map().step("s2")->x == 460);
    fx.requireSceneMatchesModel();
}

TEST_CASE("Tab into a free place moves nothing else", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 700)};
    Fixture fx(map);
    fx.canvas.selectStep("s1");
    QTest::keyClick(&fx.canvas, Qt::Key_Tab);
    QTest::keyClick(&fx.canvas, Qt::Key_Return);
    REQUIRE(fx.map().steps.size() == 3);
    CHECK(fx.map().steps.back().x == 250);
    CHECK(fx.map().step("s2")->x == 700);
}

TEST_CASE("Dragging a phase's right border in its header resizes it, and undoes in one step", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 560)};
    Fixture fx(map);
    const qreal y = fx.canvas.mapScene()->phaseHeaderY() + canvasstyle::kPhaseHeaderHeight / 2.0;
    qtestDrag(fx, QPointF(480, y), QPointF(600, y));
    CHECK(fx.map().phases[0].width == 600);
    CHECK(fx.map().step("s1")->x == 40);
    CHECK(fx.map().step("s2")->x == 680); // later columns move with the border
    fx.requireSceneMatchesModel();
    fx.doc->undoStack()->undo();
    CHECK(fx.map().phases[0].width == 480);
    CHECK(fx.map().step("s2")->x == 560);
    fx.requireSceneMatchesModel();
}

TEST_CASE("Dragging a phase's right border in the lane area resizes it too, never below its steps", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40)};
    Fixture fx(map);
    qtestDrag(fx, QPointF(480, 20), QPointF(400, 20)); // in the lane area, away from the step
    CHECK(fx.map().phases[0].width == 400);
    qtestDrag(fx, QPointF(400, 20), QPointF(20, 20));
    // s1 ends at 190: the phase keeps it and a little padding.
    CHECK(fx.map().phases[0].width >= 190);
    CHECK(fx.map().phases[0].width < 400);
    fx.requireSceneMatchesModel();
}

TEST_CASE("Dragging a phase header reorders the column with its steps", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l2", 560)};
    Fixture fx(map);
    const qreal y = fx.canvas.mapScene()->phaseHeaderY() + canvasstyle::kPhaseHeaderHeight / 2.0;
    qtestDrag(fx, QPointF(240, y), QPointF(860, y)); // into the right half of the second column
    REQUIRE(fx.map().phases.size() == 2);
    CHECK(fx.map().phases[0].id == "p2");
    CHECK(fx.map().phases[1].id == "p1");
    CHECK(fx.map().step("s1")->phase == "p1");
    CHECK(fx.map().step("s1")->x == 480 + 40);
    CHECK(fx.map().step("s2")->x == 80);
    fx.requireSceneMatchesModel();
    fx.doc->undoStack()->undo();
    CHECK(fx.map().phases[0].id == "p1");
    CHECK(fx.map().step("s1")->x == 40);
    fx.requireSceneMatchesModel();
}

TEST_CASE("A handoff route does not run along the lane border it crosses", "[canvas]")
{
    Map map = twoLaneMap();
    // Halfway between the two steps is exactly the border between the lanes (y = 160).
    map.steps = {step("s1", "l1", 40), step("s2", "l2", 180)};
    map.flows = {flow("f1", "s1", "s2")};
    Fixture fx(map);
    FlowItem* item = fx.canvas.mapScene()->flowItem("f1");
    REQUIRE(item);
    CHECK(item->isHandoff());
    const QPolygonF route = item->route();
    for (int i = 1; i < route.size(); ++i)
        if (route[i].y() == route[i - 1].y() && std::abs(route[i].x() - route[i - 1].x()) > 14)
            CHECK(std::abs(route[i].y() - 160) >= 9);
}

namespace {

const Step* stepLabelled(const Map& m, const std::string& label)
{
    for (const Step& s : m.steps)
        if (s.label == label)
            return &s;
    return nullptr;
}

} // namespace

TEST_CASE("Dragging a selected step's corner grip resizes it in one undo step, the lane grows to fit", "[canvas]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40), step("s2", "l1", 300)};
    Fixture fx(map);
    const Step before = *fx.map().step("s1");
    const int laneBefore = fx.map().lanes[0].height;

    // Without selection there is no grip: the same drag moves nothing's size.
    const layout::Rect r = layout::stepRect(fx.map(), before);
    CHECK_FALSE(fx.canvas.mapScene()->stepItem("s1")->resizeGripAt(QPointF(r.x + r.w, r.y + r.h)));

    fx.canvas.selectStep("s1", false);
    REQUIRE(fx.canvas.mapScene()->stepItem("s1")->resizeGripAt(QPointF(r.x + r.w, r.y + r.h)));
    const int undoBefore = fx.doc->undoStack()->index();
    fx.drag(QPointF(r.x + r.w, r.y + r.h), QPointF(r.x + r.w + 52, r.y + r.h + 118));
    const Step* after = fx.map().step("s1");
    REQUIRE(after);
    CHECK(after->w == layout::snap(before.w + 52));
    CHECK(after->h == layout::snap(before.h + 118));
    CHECK(after->x == before.x);
    CHECK(after->y == before.y);
    CHECK(fx.map().lanes[0].height >= after->y + after->h);
    CHECK(fx.map().lanes[0].height > laneBefore);
    CHECK(fx.doc->undoStack()->index() == undoBefore + 1);
    fx.requireSceneMatchesModel();
    CHECK(fx.ws.loadMap(fx.map().id) == fx.map());
    if (const QByteArray dir = qgetenv("CROSSWALK_SNAPSHOT_DIR"); !dir.isEmpty()) {
        QApplication::processEvents();
        fx.canvas.grab().save(QString::fromUtf8(dir) + "/canvas-step-resized.png");
    }

    // Never smaller than a short label needs.
    fx.drag(QPointF(r.x + after->w, r.y + after->h), QPointF(r.x - 300, r.y - 300));
    CHECK(fx.map().step("s1")->w == StepResizeTool::kMinWidth);
    CHECK(fx.map().step("s1")->h == StepResizeTool::kMinHeight);

    fx.doc->undoStack()->undo();
    fx.doc->undoStack()->undo();
    CHECK(*fx.map().step("s1") == before);
    CHECK(fx.map().lanes[0].height == laneBefore);
    fx.requireSceneMatchesModel();
}

TEST_CASE("End to end: draw a map from nothing, undo it all, redo it all, and reopen it as drawn", "[canvas][e2e]")
{
    Map empty;
    empty.id = "m-e2e";
    empty.props.title = "Principal evaluation";
    empty.props.district = "Lakeside USD";
    Fixture fx(empty);
    const Map initial = fx.map();
    const std::string path = fx.dir.filePath("test.crosswalk").toStdString();

    // Lanes and phases, each named in place as it is added.
    const auto addLane = [&](std::size_t index, const QString& name) {
        fx.canvas.addLane(index);
        REQUIRE(fx.canvas.isEditing());
        fx.type(name);
        fx.key(Qt::Key_Return);
    };
    addLane(0, "Principal");
    addLane(1, "Principal Supervisor");
    addLane(2, "HR");
    fx.canvas.addPhase(0);
    REQUIRE(fx.canvas.isEditing());
    fx.type("Fall");
    fx.key(Qt::Key_Return);
    fx.canvas.addPhase(1);
    fx.type("Spring");
    fx.key(Qt::Key_Return);
    REQUIRE(fx.map().lanes.size() == 3);
    CHECK(fx.map().lanes[2].name == "HR");
    REQUIRE(fx.map().phases.size() == 2);
    CHECK(fx.map().phases[1].name == "Spring");

    // Steps by keyboard: a start, the next to its right, a handoff below, one more right.
    fx.canvas.addStep(StepKind::Start);
    REQUIRE(fx.canvas.isEditing());
    fx.type("Self-assessment");
    fx.key(Qt::Key_Tab);
    fx.type("Goal-setting conference");
    fx.key(Qt::Key_Tab, Qt::ShiftModifier);
    fx.type("Approve goals");
    fx.key(Qt::Key_Tab);
    fx.type("School visit");
    fx.key(Qt::Key_Return);
    REQUIRE(fx.map().steps.size() == 4);
    REQUIRE(fx.map().flows.size() == 3);

    // A step by mouse: double-click empty space in the HR lane, far right.
    const std::string hr = fx.map().lanes[2].id;
    const qreal hrY = layout::laneTop(fx.map(), hr) + 80;
    const qreal farX = layout::totalWidth(fx.map()) - 200;
    doubleClick(fx.viewport(), fx.at(QPointF(farX, hrY)));
    REQUIRE(fx.canvas.isEditing());
    fx.type("Evaluation filed");
    fx.key(Qt::Key_Return);
    const Step* filed = stepLabelled(fx.map(), "Evaluation filed");
    REQUIRE(filed);
    CHECK(filed->lane == hr);
    const std::string filedId = filed->id;

    // Connect by mouse: from the last keyboard step's right handle onto the new step.
    const std::string visit = stepLabelled(fx.map(), "School visit")->id;
    fx.canvas.selectStep(QString::fromStdString(visit), false);
    const layout::Rect v = layout::stepRect(fx.map(), *fx.map().step(visit));
    fx.drag(QPointF(v.x + v.w, v.y + v.h / 2.0), fx.centreOf(filedId));
    REQUIRE(fx.map().flows.size() == 4);
    CHECK(flowsBetween(fx.map(), visit, filedId) == 1);

    // Reorder by mouse: the HR lane's header dragged to the top, with its step.
    const qreal headerX = fx.canvas.mapScene()->laneHeaderX() + 60;
    fx.drag(QPointF(headerX, hrY), QPointF(headerX, 10));
    REQUIRE(fx.map().lanes[0].id == hr);
    CHECK(fx.map().step(filedId)->lane == hr);

    // Resize a step by its grip.
    const std::string goals = stepLabelled(fx.map(), "Goal-setting conference")->id;
    fx.canvas.selectStep(QString::fromStdString(goals), false);
    const layout::Rect g = layout::stepRect(fx.map(), *fx.map().step(goals));
    fx.drag(QPointF(g.x + g.w, g.y + g.h), QPointF(g.x + g.w + 40, g.y + g.h + 20));
    CHECK(fx.map().step(goals)->w == layout::snap(g.w + 40));

    const Map drawn = fx.map();
    fx.requireSceneMatchesModel();
    REQUIRE(fx.ws.loadMap(drawn.id) == drawn);

    // Undo everything, back to the empty map, on screen and in the file.
    QUndoStack* stack = fx.doc->undoStack();
    const int edits = stack->index();
    CHECK(edits >= 14);
    while (stack->canUndo())
        stack->undo();
    CHECK(fx.map() == initial);
    CHECK(fx.ws.loadMap(drawn.id) == initial);
    fx.requireSceneMatchesModel();

    // Redo everything: exactly what was drawn.
    while (stack->canRedo())
        stack->redo();
    CHECK(stack->index() == edits);
    CHECK(fx.map() == drawn);
    fx.requireSceneMatchesModel();

    // Reopened, the workspace holds the map exactly as drawn.
    fx.canvas.setDocument(nullptr);
    fx.doc.reset();
    fx.ws = Workspace::open(path);
    CHECK(fx.ws.loadMap(drawn.id) == drawn);
}

TEST_CASE("Adding a step and typing its label is one undo step, Tab then Esc leaves no empty step", "[canvas][undo]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40, "Self-assessment")};
    Fixture fx(map);
    QUndoStack* stack = fx.doc->undoStack();
    fx.canvas.selectStep("s1");

    // Tab, then Esc: it was a slip; the step and its flow go again.
    fx.key(Qt::Key_Tab);
    REQUIRE(fx.canvas.isEditing());
    REQUIRE(fx.map().steps.size() == 2);
    fx.key(Qt::Key_Escape);
    CHECK_FALSE(fx.canvas.isEditing());
    CHECK(fx.map() == map);
    CHECK(fx.ws.loadMap(map.id) == map);
    CHECK_FALSE(stack->canUndo());
    fx.requireSceneMatchesModel();

    // Tab, type, Tab, type, Return: two steps, two undo steps, each with its label.
    fx.canvas.selectStep("s1");
    fx.key(Qt::Key_Tab);
    fx.type("Goal-setting conference");
    fx.key(Qt::Key_Tab);
    fx.type("Mid-year review");
    fx.key(Qt::Key_Return);
    REQUIRE(fx.map().steps.size() == 3);
    CHECK(fx.map().steps[1].label == "Goal-setting conference");
    CHECK(fx.map().steps[2].label == "Mid-year review");
    CHECK(stack->index() == 2);
    stack->undo(); // the second step, label and all
    REQUIRE(fx.map().steps.size() == 2);
    CHECK(fx.map().steps[1].label == "Goal-setting conference");
    stack->undo();
    CHECK(fx.map() == map);
    CHECK(fx.ws.loadMap(map.id) == map);
    stack->redo();
    stack->redo();
    REQUIRE(fx.map().steps.size() == 3);
    CHECK(fx.map().steps[2].label == "Mid-year review");
    CHECK(fx.ws.loadMap(map.id) == fx.map());
    fx.requireSceneMatchesModel();

    // Relabelling an existing step later is its own undo step, as before.
    fx.canvas.selectStep("s1");
    fx.key(Qt::Key_F2);
    fx.type("Principal self-assessment");
    fx.key(Qt::Key_Return);
    CHECK(stack->index() == 3);
    stack->undo();
    CHECK(fx.map().step("s1")->label == "Self-assessment");
    CHECK(fx.map().steps.size() == 3);
}

TEST_CASE("A step grows to show its whole label: height first, then width", "[canvas][label]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40, "Self-assessment")};
    Fixture fx(map);
    fx.canvas.selectStep("s1");
    fx.key(Qt::Key_Tab);
    const QString longLabel = "Principal supervisor and principal review the self-assessment against the "
                              "district rubric, agree two growth goals and record them in the platform";
    fx.type(longLabel);
    fx.key(Qt::Key_Return);
    REQUIRE(fx.map().steps.size() == 2);
    const Step& grown = fx.map().steps[1];
    CHECK(grown.label == longLabel.toStdString());
    CHECK(grown.h > 70);
    CHECK(grown.h <= labelfit::kMaxAutoHeight);
    // At its new size the label fits at the canvas font: nothing cut, nothing shrunk.
    const QRectF area = StepShape::labelRect(grown.kind, QRectF(0, 0, grown.w, grown.h));
    const QRectF needed = QFontMetricsF(pixelFont(canvasstyle::kLabelPx))
                              .boundingRect(area, Qt::AlignCenter | Qt::TextWordWrap, longLabel);
    CHECK(needed.height() <= area.height() + 0.5);
    CHECK(labelfit::grownToShowLabel(grown) == grown);
    // The lane grew with it, and nothing overlaps.
    CHECK(fx.map().lane("l1")->height >= grown.y + grown.h);
    CHECK(layout::placementProblems(fx.map()).empty());
    fx.requireSceneMatchesModel();

    // A label that needs more than the tallest step widens it too.
    Step s = grown;
    s.label = std::string(6, ' ');
    for (int i = 0; i < 40; ++i)
        s.label += "evaluation ";
    const Step wide = labelfit::grownToShowLabel(s);
    CHECK(wide.w > grown.w);
    CHECK(wide.h <= labelfit::kMaxAutoHeight);
    // A short label leaves the step as it is.
    s.label = "Ok";
    CHECK(labelfit::grownToShowLabel(s) == s);
}

TEST_CASE("Without the mouse: a step in the lane above, moves across lanes and phases, a flow labelled, a loop back",
          "[canvas][keyboard]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l2", 40, "Self-assessment"), step("s2", "l2", 260, "Goal setting")};
    map.flows = {flow("f1", "s1", "s2")};
    Fixture fx(map);
    QUndoStack* stack = fx.doc->undoStack();

    // Ctrl+Shift+Tab: the next step goes in the lane above, with its flow.
    fx.canvas.selectStep("s2");
    fx.key(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    fx.type("Supervisor reviews");
    fx.key(Qt::Key_Return);
    REQUIRE(fx.map().steps.size() == 3);
    const std::string above = fx.map().steps.back().id;
    CHECK(fx.map().step(above)->lane == "l1");
    CHECK(fx.map().step(above)->label == "Supervisor reviews");
    CHECK(flowsBetween(fx.map(), "s2", above) == 1);
    // From the top lane, a new lane is added on top.
    fx.key(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    fx.key(Qt::Key_Return);
    REQUIRE(fx.map().lanes.size() == 3);
    CHECK(fx.map().steps.back().lane == fx.map().lanes.front().id);
    stack->undo();
    REQUIRE(fx.map().lanes.size() == 2);

    // Ctrl+Down / Ctrl+Right: s1 to the lane below... it is the bottom lane: nothing moves.
    fx.canvas.selectStep("s1");
    const Map before = fx.map();
    fx.key(Qt::Key_Down, Qt::ControlModifier);
    CHECK(fx.map() == before);
    fx.key(Qt::Key_Up, Qt::ControlModifier);
    CHECK(fx.map().step("s1")->lane == "l1");
    fx.key(Qt::Key_Right, Qt::ControlModifier);
    const Step& moved = *fx.map().step("s1");
    CHECK(moved.phase == "p2");
    CHECK(layout::phaseAt(fx.map(), moved.x + moved.w / 2) == "p2");
    CHECK(layout::placementProblems(fx.map()).empty());
    CHECK(fx.canvas.selectedStepIds() == QStringList{"s1"}); // still selected, to go on moving
    stack->undo();
    stack->undo();
    CHECK(fx.map() == before);

    // Alt+Right walks to s2's flows out; Enter labels the selected one.
    fx.canvas.selectStep("s2");
    fx.key(Qt::Key_Right, Qt::AltModifier);
    REQUIRE(fx.canvas.selectedFlowIds().size() == 1);
    const std::string flowId = fx.canvas.selectedFlowIds().front().toStdString();
    CHECK(fx.map().flow(flowId)->from == "s2");
    fx.key(Qt::Key_Return);
    REQUIRE(fx.canvas.isEditing());
    fx.type("Yes");
    fx.key(Qt::Key_Return);
    CHECK(fx.map().flow(flowId)->label == "Yes");

    // Ctrl+L: connect to an existing step, chosen by its label: a loop back to s1.
    fx.canvas.selectStep(QString::fromStdString(above));
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        const QStringList items = dialog->comboBoxItems();
        const auto it = std::find_if(items.begin(), items.end(), [](const QString& s) { return s.startsWith("Self-assessment"); });
        REQUIRE(it != items.end());
        dialog->setTextValue(*it);
        dialog->accept();
    });
    fx.key(Qt::Key_L, Qt::ControlModifier);
    CHECK(flowsBetween(fx.map(), above, "s1") == 1);
    CHECK(fx.ws.loadMap(map.id) == fx.map());
    fx.requireSceneMatchesModel();
}

TEST_CASE("The menu key opens the selection's menu at the selection, not the empty-canvas menu", "[canvas][keyboard]")
{
    Map map = twoLaneMap();
    map.steps = {step("s1", "l1", 40, "Self-assessment")};
    Fixture fx(map);
    fx.canvas.selectStep("s1");
    QStringList shown;
    QTimer::singleShot(0, [&] {
        QWidget* popup = QApplication::activePopupWidget();
        REQUIRE(popup);
        for (QAction* a : popup->actions())
            shown << a->text();
        popup->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(5, 5), fx.viewport()->mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(fx.viewport(), &event);
    CHECK(shown.contains("Edit label"));
    CHECK(shown.contains("Connect to step..."));
    CHECK_FALSE(shown.contains("Add lane")); // the empty canvas's menu
}
