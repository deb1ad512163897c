#include "crosswalk/insights/annotationnumbers.h"
#include "crosswalk/layout/layout.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/annotationbadgeitem.h"
#include "ui/canvas/cornerheaderitem.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"
#include "support/uiinput.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace crosswalk;
using namespace crosswalk::test;

namespace {

Step step(const std::string& id, const std::string& laneId, int x)
{
    Step s;
    s.id = id;
    s.lane = laneId;
    s.phase = "p1";
    s.label = "Step " + id;
    s.x = x;
    s.y = 45;
    return s;
}

Annotation annotation(const std::string& id, AnnotationKind kind, const std::string& target,
                      const std::string& text)
{
    Annotation a;
    a.id = id;
    a.kind = kind;
    a.target = target;
    a.text = text;
    if (kind == AnnotationKind::Variation)
        a.variation = Variation::Unintentional;
    if (kind == AnnotationKind::ChangeIdea)
        a.horizon = 2;
    return a;
}

/// Two lanes, three steps, two flows and an annotation of every kind on every kind of target.
Map annotatedMap()
{
    Map m;
    m.id = "m-badges";
    m.props.title = "Principal evaluation";
    Lane l1;
    l1.id = "l1";
    l1.name = "Principal";
    Lane l2;
    l2.id = "l2";
    l2.name = "Principal Supervisor";
    m.lanes = {l1, l2};
    Phase p1;
    p1.id = "p1";
    p1.name = "Fall";
    p1.width = 900;
    m.phases = {p1};
    m.steps = {step("s1", "l1", 30), step("s2", "l1", 330), step("s3", "l2", 330)};
    Flow f1;
    f1.id = "f1";
    f1.from = "s1";
    f1.to = "s2";
    Flow f2;
    f2.id = "f2";
    f2.from = "s2";
    f2.to = "s3";
    m.flows = {f1, f2};
    m.annotations = {annotation("a1", AnnotationKind::BlackBox, "s2", "Nobody knows how the rating is set"),
                     annotation("a2", AnnotationKind::Harm, "s2", "Ratings arrive after contracts"),
                     annotation("a3", AnnotationKind::Variation, "f1", "Some supervisors skip this"),
                     annotation("a4", AnnotationKind::Question, "l2", "Who supervises the supervisors?"),
                     annotation("a5", AnnotationKind::Insight, "", "Most steps are in one lane"),
                     annotation("a6", AnnotationKind::ChangeIdea, "s1", "Start in spring")};
    m.annotations[1].affects = "Principals";
    return m;
}

struct Fixture {
    QTemporaryDir dir;
    Workspace ws;
    std::unique_ptr<MapDocument> doc;
    MapCanvas canvas;

    explicit Fixture(const Map& map) : ws(Workspace::create(dir.filePath("badges.crosswalk").toStdString()))
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
    MapScene* scene() const { return canvas.mapScene(); }
    QWidget* viewport() const { return canvas.viewport(); }
    QPoint at(const QPointF& scenePos) const { return canvas.mapFromScene(scenePos); }
    QPointF centreOfStep(const std::string& id) const
    {
        return scene()->stepItem(id)->sceneRectOfStep().center();
    }
    QPoint badgeCentre(const std::string& annotationId) const
    {
        AnnotationBadgeItem* badge = scene()->badge(annotationId);
        REQUIRE(badge);
        return at(badge->mapToScene(QPointF(badge->width() / 2, AnnotationBadgeItem::kHeight / 2)));
    }
    Map stored() const { return ws.loadMap(map().id); }

    /// Opens the context menu at a viewport point and triggers the action at this path of
    /// menu texts ("Add annotation", "Question").
    void chooseFromMenu(const QPoint& pos, const QStringList& path)
    {
        bool triggered = false;
        QTimer::singleShot(0, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QMenu* top = menu;
            for (int i = 0; menu && i < path.size(); ++i) {
                QAction* found = nullptr;
                for (QAction* action : menu->actions())
                    if (action->text().startsWith(path[i]))
                        found = action;
                if (!found)
                    break;
                if (i + 1 == path.size()) {
                    if (top)
                        top->close();
                    found->trigger();
                    triggered = true;
                    return;
                }
                menu = found->menu();
            }
            if (top)
                top->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, viewport()->mapToGlobal(pos));
        QApplication::sendEvent(viewport(), &event);
        QApplication::processEvents();
        REQUIRE(triggered);
    }
};

struct Choice {
    AnnotationKind kind;
    std::optional<Variation> variation;
    std::optional<int> horizon;
    const char* menuText;
};

const Choice kChoices[] = {
    {AnnotationKind::BlackBox, {}, {}, "Black box"},
    {AnnotationKind::Harm, {}, {}, "Harm point"},
    {AnnotationKind::Variation, Variation::Intentional, {}, "Variation (intentional)"},
    {AnnotationKind::Variation, Variation::Unintentional, {}, "Variation (unintentional)"},
    {AnnotationKind::Question, {}, {}, "Question"},
    {AnnotationKind::Insight, {}, {}, "Insight"},
    {AnnotationKind::ChangeIdea, {}, 1, "Change idea, horizon 1"},
    {AnnotationKind::ChangeIdea, {}, 2, "Change idea, horizon 2"},
    {AnnotationKind::ChangeIdea, {}, 3, "Change idea, horizon 3"},
};

/// The one annotation the map has and `before` had not.
const Annotation* added(const Map& before, const Map& after)
{
    const Annotation* found = nullptr;
    for (const Annotation& a : after.annotations)
        if (!before.annotation(a.id)) {
            REQUIRE_FALSE(found);
            found = &a;
        }
    return found;
}

} // namespace

TEST_CASE("Every annotation has a badge with its number on its target after load", "[badges]")
{
    Fixture fx(annotatedMap());
    MapScene* scene = fx.scene();
    REQUIRE(scene->badgeCount() == fx.map().annotations.size());
    for (const auto& [id, number] : annotationNumbers(fx.map())) {
        AnnotationBadgeItem* badge = scene->badge(id);
        REQUIRE(badge);
        CHECK(badge->number() == number);
        CHECK(badge->annotation() == *fx.map().annotation(id));
        CHECK(badge->toolTip().contains(QString::fromStdString(fx.map().annotation(id)->text)));
    }
    CHECK(scene->badge("a1")->parentItem() == scene->stepItem("s2"));
    CHECK(scene->badge("a2")->parentItem() == scene->stepItem("s2"));
    CHECK(scene->badge("a3")->parentItem() == scene->flowItem("f1"));
    CHECK(scene->badge("a4")->parentItem() == scene->laneHeader("l2"));
    CHECK(scene->badge("a5")->parentItem() == scene->cornerHeader());
    CHECK(scene->badge("a2")->toolTip().contains("Principals"));
    // Stacked, not on top of each other: two badges on one step.
    CHECK_FALSE(scene->badge("a1")->sceneBoundingRect().adjusted(4, 4, -4, -4).intersects(
        scene->badge("a2")->sceneBoundingRect().adjusted(4, 4, -4, -4)));
    // On the step's top-right corner.
    const QRectF stepRect = scene->stepItem("s2")->sceneRectOfStep();
    const QRectF last = scene->badge("a2")->sceneBoundingRect();
    CHECK(std::abs(last.center().y() - stepRect.top()) < 2);
    CHECK(last.right() > stepRect.right());
    // Removing an annotation renumbers the rest.
    REQUIRE(fx.doc->push(RemoveAnnotation{"a1"}));
    CHECK_FALSE(scene->badge("a1"));
    CHECK(scene->badge("a2")->number() == 1);
    CHECK(scene->badge("a6")->number() == 5);
}

TEST_CASE("Adding an annotation of every kind to a step, a flow, a lane and the map stores it, one undo removes it",
          "[badges]")
{
    Map map = annotatedMap();
    map.annotations.clear();
    Fixture fx(map);
    QUndoStack* undo = fx.doc->undoStack();

    const auto check = [&](const Map& before, const Choice& c, const std::string& target) {
        const Annotation* a = added(before, fx.map());
        REQUIRE(a);
        CHECK(a->kind == c.kind);
        CHECK(a->variation == c.variation);
        CHECK(a->horizon == c.horizon);
        CHECK(a->target == target);
        CHECK(a->text.empty());
        REQUIRE(fx.scene()->badge(a->id));
        CHECK(fx.canvas.isEditing()); // the text editor opens at once
        const Map stored = fx.stored();
        REQUIRE(stored.annotation(a->id));
        CHECK(*stored.annotation(a->id) == *a);
        const std::string id = a->id;
        undo->undo();
        CHECK_FALSE(fx.map().annotation(id));
        CHECK_FALSE(fx.stored().annotation(id));
        CHECK_FALSE(fx.scene()->badge(id));
        CHECK_FALSE(fx.canvas.isEditing());
        CHECK(fx.map() == before);
    };

    for (const Choice& c : kChoices) {
        INFO(c.menuText);
        // By keyboard command, on the selected step, the selected flow, and with nothing selected.
        Map before = fx.map();
        fx.canvas.selectStep("s2", false);
        fx.canvas.addAnnotation(c.kind, c.variation, c.horizon);
        check(before, c, "s2");

        fx.scene()->clearSelection();
        fx.scene()->flowItem("f2")->setSelected(true);
        before = fx.map();
        fx.canvas.addAnnotation(c.kind, c.variation, c.horizon);
        check(before, c, "f2");

        fx.scene()->clearSelection();
        before = fx.map();
        fx.canvas.addAnnotation(c.kind, c.variation, c.horizon);
        check(before, c, "");

        // From the context menus of a lane header, a step, a flow and empty space.
        before = fx.map();
        const QPointF laneHeader(fx.scene()->laneHeaderX() + 60, 100);
        fx.chooseFromMenu(fx.at(laneHeader), {"Add annotation", c.menuText});
        check(before, c, "l1");

        before = fx.map();
        fx.chooseFromMenu(fx.at(fx.centreOfStep("s3")), {"Add annotation", c.menuText});
        check(before, c, "s3");

        before = fx.map();
        const QPointF flowMid = fx.scene()->flowItem("f1")->labelAnchor();
        fx.chooseFromMenu(fx.at(flowMid), {"Add annotation", c.menuText});
        check(before, c, "f1");

        before = fx.map();
        fx.chooseFromMenu(fx.at(QPointF(700, 250)), {"Add annotation to the map", c.menuText});
        check(before, c, "");
    }
}

TEST_CASE("Several selected steps each get the annotation in one undo step, typing fills in the first", "[badges]")
{
    Map map = annotatedMap();
    map.annotations.clear();
    Fixture fx(map);
    fx.scene()->stepItem("s1")->setSelected(true);
    fx.scene()->stepItem("s3")->setSelected(true);
    fx.canvas.addAnnotation(AnnotationKind::Harm);
    REQUIRE(fx.map().annotations.size() == 2);
    CHECK(fx.map().annotations[0].target == "s1");
    CHECK(fx.map().annotations[1].target == "s3");
    REQUIRE(fx.canvas.isEditing());
    keyClicks(&fx.canvas, "Late feedback");
    keyClick(&fx.canvas, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    CHECK_FALSE(fx.canvas.isEditing());
    CHECK(fx.map().annotations[0].text == "Late feedback");
    CHECK(fx.stored().annotations[0].text == "Late feedback");
    fx.doc->undoStack()->undo(); // the text
    fx.doc->undoStack()->undo(); // both annotations
    CHECK(fx.map().annotations.empty());
}

TEST_CASE("A black-box step is drawn opaque, hiding a kind removes its badges", "[badges]")
{
    Fixture fx(annotatedMap());
    MapScene* scene = fx.scene();
    CHECK(scene->stepItem("s2")->isBlackBox());
    CHECK_FALSE(scene->stepItem("s1")->isBlackBox());
    CHECK_FALSE(scene->stepItem("s3")->isBlackBox());

    fx.canvas.setHiddenAnnotationKinds({AnnotationKind::BlackBox});
    CHECK_FALSE(scene->badge("a1"));
    CHECK_FALSE(scene->stepItem("s2")->isBlackBox());
    CHECK(scene->badgeCount() == 5);

    fx.canvas.setHiddenAnnotationKinds({AnnotationKind::Harm, AnnotationKind::Insight});
    CHECK(scene->badge("a1"));
    CHECK(scene->stepItem("s2")->isBlackBox());
    CHECK_FALSE(scene->badge("a2"));
    CHECK_FALSE(scene->badge("a5"));
    CHECK(scene->badgeCount() == 4);
    // Whole-map badges hidden: the corner shows its hint again and nothing is left in it.
    for (QGraphicsItem* child : scene->cornerHeader()->childItems())
        CHECK(child->type() != AnnotationBadgeItem::Type);

    fx.canvas.setHiddenAnnotationKinds({});
    CHECK(scene->badgeCount() == 6);

    // Marking a step a black box from the canvas turns it opaque at once; undo turns it back.
    fx.canvas.selectStep("s3", false);
    fx.canvas.addAnnotation(AnnotationKind::BlackBox);
    CHECK(scene->stepItem("s3")->isBlackBox());
    fx.doc->undoStack()->undo();
    CHECK_FALSE(scene->stepItem("s3")->isBlackBox());
}

TEST_CASE("Clicking a badge selects it, selectAnnotation selects its target", "[badges]")
{
    Fixture fx(annotatedMap());
    QSignalSpy spy(&fx.canvas, &MapCanvas::annotationSelected);
    click(fx.viewport(), fx.badgeCentre("a2"));
    REQUIRE(spy.count() == 1);
    CHECK(spy.takeFirst().at(0).toString() == "a2");
    CHECK(fx.canvas.currentAnnotation() == "a2");
    CHECK(fx.scene()->badge("a2")->isCurrent());
    CHECK(fx.canvas.selectedStepIds() == QStringList{"s2"});
    // The click selected the badge, it did not start a drag of the step beneath.
    CHECK(fx.map().step("s2")->x == 330);

    click(fx.viewport(), fx.badgeCentre("a3"));
    REQUIRE(spy.count() == 1);
    CHECK(spy.takeFirst().at(0).toString() == "a3");
    CHECK(fx.canvas.selectedFlowIds() == QStringList{"f1"});
    CHECK_FALSE(fx.scene()->badge("a2")->isCurrent());

    click(fx.viewport(), fx.badgeCentre("a5"));
    CHECK(spy.count() == 1);
    spy.clear();
    click(fx.viewport(), fx.badgeCentre("a4"));
    CHECK(spy.count() == 1);

    fx.canvas.selectAnnotation("a6");
    CHECK(fx.canvas.currentAnnotation() == "a6");
    CHECK(fx.canvas.selectedStepIds() == QStringList{"s1"});
    fx.canvas.selectAnnotation("a3");
    CHECK(fx.canvas.selectedFlowIds() == QStringList{"f1"});
    CHECK(spy.count() == 1); // selecting from outside does not echo back
}

TEST_CASE("Badges follow their step when it moves", "[badges]")
{
    Fixture fx(annotatedMap());
    const QPointF before = fx.scene()->badge("a1")->scenePos();
    const QPointF flowBefore = fx.scene()->badge("a3")->scenePos();
    // Drag s2 by its middle, away from the badges.
    const QPointF from = fx.centreOfStep("s2") + QPointF(-30, 10);
    const QPointF to = from + QPointF(120, 40);
    sendMouse(fx.viewport(), QEvent::MouseButtonPress, fx.at(from), Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 8; ++i)
        sendMouse(fx.viewport(), QEvent::MouseMove, fx.at(from + (to - from) * i / 8), Qt::NoButton, Qt::LeftButton);
    sendMouse(fx.viewport(), QEvent::MouseButtonRelease, fx.at(to), Qt::LeftButton, Qt::NoButton);
    const Step& s2 = *fx.map().step("s2");
    REQUIRE(s2.x != 330);
    const QPointF delta = fx.scene()->stepItem("s2")->sceneRectOfStep().topLeft() - QPointF(330, 45);
    CHECK(fx.scene()->badge("a1")->scenePos() == before + delta);
    // The flow into s2 was rerouted, and its badge went with it.
    const QPointF mid = fx.scene()->flowItem("f1")->labelAnchor();
    CHECK(QLineF(fx.scene()->badge("a3")->sceneBoundingRect().center(), mid).length() < 60);
    CHECK(fx.scene()->badge("a3")->scenePos() != flowBefore);

    fx.doc->undoStack()->undo();
    CHECK(fx.scene()->badge("a1")->scenePos() == before);
}

TEST_CASE("Double-clicking a badge edits its text in place, its context menu deletes it", "[badges]")
{
    Fixture fx(annotatedMap());
    doubleClick(fx.viewport(), fx.badgeCentre("a4"));
    REQUIRE(fx.canvas.isEditing());
    keyClick(&fx.canvas, Qt::Key_A, Qt::ControlModifier);
    keyClicks(&fx.canvas, "Who coaches the supervisors");
    keyClick(&fx.canvas, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    CHECK_FALSE(fx.canvas.isEditing());
    CHECK(fx.map().annotation("a4")->text == "Who coaches the supervisors");
    CHECK(fx.stored().annotation("a4")->text == "Who coaches the supervisors");
    CHECK(fx.scene()->badge("a4")->toolTip().contains("Who coaches the supervisors"));
    fx.doc->undoStack()->undo();
    CHECK(fx.map().annotation("a4")->text == "Who supervises the supervisors?");

    fx.chooseFromMenu(fx.badgeCentre("a6"), {"Horizon 3"});
    CHECK(fx.map().annotation("a6")->horizon == 3);

    fx.chooseFromMenu(fx.badgeCentre("a2"), {"Delete annotation"});
    CHECK_FALSE(fx.map().annotation("a2"));
    CHECK_FALSE(fx.stored().annotation("a2"));
    CHECK_FALSE(fx.scene()->badge("a2"));
    fx.doc->undoStack()->undo();
    REQUIRE(fx.map().annotation("a2"));
    CHECK(fx.scene()->badge("a2"));
}

TEST_CASE("highlightSteps outlines the given steps and an empty list clears them", "[badges]")
{
    Fixture fx(annotatedMap());
    fx.canvas.highlightSteps({"s1", "s3"});
    CHECK(fx.scene()->stepItem("s1")->isHighlighted());
    CHECK_FALSE(fx.scene()->stepItem("s2")->isHighlighted());
    CHECK(fx.scene()->stepItem("s3")->isHighlighted());
    // It survives edits that rebuild the items.
    REQUIRE(fx.doc->push(RemoveAnnotation{"a6"}));
    CHECK(fx.scene()->stepItem("s1")->isHighlighted());
    fx.canvas.highlightSteps({});
    CHECK_FALSE(fx.scene()->stepItem("s1")->isHighlighted());
    CHECK_FALSE(fx.scene()->stepItem("s3")->isHighlighted());
}
