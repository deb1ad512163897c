#include "crosswalk/demo/demo.h"
#include "crosswalk/facilitation/presentwalk.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/present/presentationwindow.h"
#include "ui/present/presentitems.h"
#include "ui/present/presentscene.h"
#include "ui/present/presentstyle.h"
#include "support/presenteditor.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDockWidget>
#include <QGraphicsView>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QGuiApplication>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>

#include <deque>
#include <filesystem>
#include <map>

#include <unistd.h>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

/// The editor window of these tests (support/presenteditor.h), on a workspace file of its own.
struct Editor : test::PresentEditor {
    explicit Editor(const std::string& name, const std::string& mapId = "m-harbor-city")
        : PresentEditor("cw-present-" + name, mapId)
    {
    }
};

/// Clicks a step of the presentation.
void clickStep(PresentationWindow* p, const std::string& id)
{
    const QPoint at = p->view()->mapFromScene(p->scene()->stepRect(id).center());
    QTest::mouseClick(p->view()->viewport(), Qt::LeftButton, {}, at);
}

/// The shortest way along the flows between two steps (breadth first), start and end included.
std::vector<std::string> shortestWay(const Map& map, const std::string& from, const std::string& to)
{
    std::map<std::string, std::string> cameFrom;
    std::deque<std::string> queue{from};
    cameFrom[from] = "";
    while (!queue.empty()) {
        const std::string s = queue.front();
        queue.pop_front();
        if (s == to)
            break;
        for (const Flow* f : PresentWalk::outgoing(map, s))
            if (!cameFrom.count(f->to)) {
                cameFrom[f->to] = s;
                queue.push_back(f->to);
            }
    }
    std::vector<std::string> way;
    if (!cameFrom.count(to))
        return way;
    for (std::string s = to; !s.empty(); s = cameFrom[s])
        way.insert(way.begin(), s);
    return way;
}

} // namespace

TEST_CASE("F5 presents the map without editing clutter, Esc returns to the editor as it was", "[present]")
{
    Editor e("enter");
    MapCanvas* canvas = e.window.canvas();
    canvas->selectStep(QStringLiteral("s16"), true);
    canvas->zoomIn();
    QApplication::processEvents();
    const int zoom = canvas->zoomPercent();
    const int hScroll = canvas->horizontalScrollBar()->value();
    const int vScroll = canvas->verticalScrollBar()->value();
    const auto selected = canvas->selectedStepIds();
    const int undoCount = e.window.document()->undoStack()->count();
    std::map<QString, bool> docks;
    for (QDockWidget* d : e.window.findChildren<QDockWidget*>())
        docks[d->objectName()] = d->isVisible();
    REQUIRE(selected == QStringList{QStringLiteral("s16")});

    PresentationWindow* p = e.enter();
    CHECK(p->isWindow());
    CHECK(p->isVisible());
    // No handles, panels, menus or toolbars in the presentation, and the map is not editable.
    CHECK(p->findChildren<QDockWidget*>().isEmpty());
    CHECK(p->findChildren<QToolBar*>().isEmpty());
    CHECK(p->findChildren<QMenuBar*>().isEmpty());
    CHECK_FALSE(p->view()->isInteractive());
    // The thin caption: title, district and a clock.
    const Map& map = e.window.document()->map();
    CHECK(p->topCaptionText().contains(QString::fromStdString(map.props.title)));
    CHECK(p->topCaptionText().contains(QString::fromStdString(map.props.district)));
    CHECK(p->topCaptionText().contains(QTime::currentTime().toString("HH:")));
    CHECK(p->scene()->stepItemCount() == map.steps.size());
    CHECK(p->viewMode() == PresentationWindow::ViewMode::Fitted);

    SECTION("Shift+F5 while presenting brings the same presentation forward; a window of its own after Esc")
    {
        CHECK(e.window.present(false) == p);
        e.leave(p);
        QTest::keyClick(&e.window, Qt::Key_F5, Qt::ShiftModifier);
        PresentationWindow* windowed = e.window.presentation();
        REQUIRE(windowed);
        CHECK(windowed->isWindow());
        // A window of its own where the screen has room for 1920x1080; on a smaller screen
        // (the test's), a smaller window would cut the map down, so it fills the screen.
        CHECK(windowed->isFullScreen() ==
              PresentationWindow::fillsScreen(false, windowed->screen()->availableGeometry().size()));
        CHECK(windowed->screen() == e.window.screen());
        CHECK(windowed->width() <= windowed->screen()->geometry().width());
        p = windowed;
    }

    SECTION("Ctrl+F5 presents full screen on the other screen; with one screen, on this one, and says so")
    {
        e.leave(p);
        QTest::keyClick(&e.window, Qt::Key_F5, Qt::ControlModifier);
        PresentationWindow* other = e.window.presentation();
        REQUIRE(other);
        const QList<QScreen*> screens = QGuiApplication::screens();
        if (screens.size() > 1)
            CHECK(other->screen() != e.window.screen());
        else
            CHECK(e.window.statusBar()->currentMessage().contains("only one screen"));
        CHECK(other->isFullScreen());
        p = other;
    }

    SECTION("the help lists the keys, Esc closes the help first")
    {
        QTest::keyClick(p, Qt::Key_Question);
        CHECK(p->helpVisible());
        QTest::keyClick(p, Qt::Key_Escape);
        CHECK_FALSE(p->helpVisible());
        CHECK(e.window.presentation() == p);
    }

    e.leave(p);
    // The editor exactly as it was.
    CHECK(canvas->zoomPercent() == zoom);
    CHECK(canvas->horizontalScrollBar()->value() == hScroll);
    CHECK(canvas->verticalScrollBar()->value() == vScroll);
    CHECK(canvas->selectedStepIds() == selected);
    CHECK(e.window.document()->undoStack()->count() == undoCount);
    for (QDockWidget* d : e.window.findChildren<QDockWidget*>())
        CHECK(docks[d->objectName()] == d->isVisible());
}

TEST_CASE("Presentation text is never smaller than 18 px at 1920x1080 on any demo map", "[present]")
{
    Editor e("legible");
    const auto maps = e.window.workspace()->listMaps();
    REQUIRE(maps.size() == 6);
    for (const auto& info : maps) {
        REQUIRE(e.window.openMap(QString::fromStdString(info.id)));
        PresentationWindow* p = e.enter();
        INFO(info.id);
        // Fitted: every lane in view, at a scale where the map's smallest type is 18 px.
        const double scale = p->viewScale();
        CHECK(scale * presentstyle::kLabelPx >= 18 - 1e-9);
        const QRectF area = p->scene()->drawingRect();
        const QRectF shown = p->visibleSceneRect();
        CHECK(shown.top() <= area.top() + 1);
        CHECK(shown.bottom() >= area.bottom() - 40);
        // The whole map: the shapes alone, without labels that would be smaller.
        QTest::keyClick(p, Qt::Key_F);
        CHECK(p->viewMode() == PresentationWindow::ViewMode::WholeMap);
        CHECK(p->visibleSceneRect().contains(area));
        CHECK_FALSE(p->scene()->labelsShown());
        for (const Step& s : e.window.document()->map().steps)
            CHECK_FALSE(p->scene()->stepItem(s.id)->decorations().labelShown);
        // Its caption says which marks the map holds (the badges carry no numbers here).
        CHECK(p->captionText().startsWith("Marks on this map"));
        CHECK(p->captionText().contains("Black box"));
        QTest::keyClick(p, Qt::Key_F);
        CHECK(p->scene()->labelsShown());
        CHECK_FALSE(p->captionVisible());
        CHECK(p->viewScale() == Approx(scale));
        // Walking zooms in, never out below that.
        QTest::keyClick(p, Qt::Key_Right);
        CHECK(p->viewScale() * presentstyle::kLabelPx >= 18 - 1e-9);
        CHECK(p->visibleSceneRect().contains(p->scene()->stepRect(p->currentStep())));
        // F during a walk: the whole map with the step's caption, and back.
        QTest::keyClick(p, Qt::Key_F);
        CHECK(p->captionText().startsWith(
            QString::fromStdString(e.window.document()->map().step(p->currentStep())->label)));
        QTest::keyClick(p, Qt::Key_F);
        CHECK(p->scene()->labelsShown());
        e.leave(p);
    }
}

TEST_CASE("Spotlight by keys and clicks dims the rest of the map", "[present]")
{
    Editor e("spotlight");
    PresentationWindow* p = e.enter();
    const Map& map = e.window.document()->map();
    PresentScene* scene = p->scene();
    auto litSteps = [&] {
        std::vector<std::string> lit;
        for (const Step& s : map.steps)
            if (scene->stepItem(s.id)->opacity() == 1.0)
                lit.push_back(s.id);
        return lit;
    };
    CHECK(litSteps().size() == map.steps.size());

    QTest::keyClick(p, Qt::Key_L);
    REQUIRE(scene->spotlight().kind == Spotlight::Kind::Lane);
    CHECK(scene->spotlight().id == map.lanes[0].id);
    for (const std::string& id : litSteps())
        CHECK(map.step(id)->lane == map.lanes[0].id);
    CHECK(litSteps().size() < map.steps.size());
    CHECK(p->topCaptionText().contains(QString::fromStdString(map.lanes[0].name)));
    QTest::keyClick(p, Qt::Key_L);
    CHECK(scene->spotlight().id == map.lanes[1].id);
    QTest::keyClick(p, Qt::Key_L, Qt::ShiftModifier);
    CHECK(scene->spotlight().id == map.lanes[0].id);

    QTest::keyClick(p, Qt::Key_P);
    REQUIRE(scene->spotlight().kind == Spotlight::Kind::Phase);
    CHECK(scene->spotlight().id == map.phases[0].id);
    for (const std::string& id : litSteps())
        CHECK(map.step(id)->phase == map.phases[0].id);

    QTest::keyClick(p, Qt::Key_0);
    CHECK(scene->spotlight().kind == Spotlight::Kind::None);
    CHECK(litSteps().size() == map.steps.size());

    // A click on a step spotlights it and makes it the current step.
    clickStep(p, "s4");
    CHECK(scene->spotlight() == Spotlight{Spotlight::Kind::Step, "s4"});
    CHECK(p->currentStep() == "s4");
    CHECK(litSteps() == std::vector<std::string>{"s4"});
    // A click in the lane names column spotlights that lane.
    const QRectF lane = scene->laneRect(map.lanes[2].id);
    const QPoint inColumn(40, p->view()->mapFromScene(QPointF(0, lane.center().y())).y());
    QTest::mouseClick(p->view()->viewport(), Qt::LeftButton, {}, inColumn);
    CHECK(scene->spotlight() == Spotlight{Spotlight::Kind::Lane, map.lanes[2].id});

    // S spotlights the current step; walking on moves the spotlight with it.
    QTest::keyClick(p, Qt::Key_S);
    CHECK(scene->spotlight() == Spotlight{Spotlight::Kind::Step, "s4"});
    QTest::keyClick(p, Qt::Key_Right);
    CHECK(p->currentStep() != "s4");
    CHECK(scene->spotlight() == Spotlight{Spotlight::Kind::Step, p->currentStep()});
    e.leave(p);
}

TEST_CASE("The arrow keys walk a demo map from start to end through its decisions", "[present]")
{
    Editor e("walk");
    PresentationWindow* p = e.enter();
    const Map& map = e.window.document()->map();
    std::string end;
    for (const Step& s : map.steps)
        if (s.kind == StepKind::End)
            end = s.id;
    REQUIRE_FALSE(end.empty());
    const std::vector<std::string> way = shortestWay(map, PresentWalk::firstStep(map), end);
    REQUIRE(way.size() > 3);

    QTest::keyClick(p, Qt::Key_Right);
    REQUIRE(p->currentStep() == way.front());
    CHECK(p->captionVisible());
    int decisions = 0;
    int branchChoices = 0;
    for (std::size_t i = 0; i + 1 < way.size(); ++i) {
        INFO("at " << way[i]);
        const Step* step = map.step(way[i]);
        const auto out = PresentWalk::outgoing(map, way[i]);
        decisions += step->kind == StepKind::Decision;
        if (out.size() > 1) {
            // The ways on are offered on screen, numbered, and Down moves the choice.
            CHECK(p->captionText().contains("ways on"));
            for (const Flow* f : out)
                CHECK(p->captionText().contains(QString::fromStdString(map.step(f->to)->label)));
            int guard = 0;
            while (out[static_cast<std::size_t>(p->walk().branch())]->to != way[i + 1] && guard++ < 10) {
                QTest::keyClick(p, Qt::Key_Down);
                ++branchChoices;
            }
            const std::string chosen = out[static_cast<std::size_t>(p->walk().branch())]->id;
            CHECK(p->scene()->flowItem(chosen)->chosen());
        }
        QTest::keyClick(p, Qt::Key_Right);
        REQUIRE(p->currentStep() == way[i + 1]);
        // The view follows: the step is in view, at a legible scale, with its caption.
        CHECK(p->visibleSceneRect().contains(p->scene()->stepRect(p->currentStep())));
        CHECK(p->viewScale() >= presentstyle::kMinScale);
        CHECK(p->captionText().startsWith(QString::fromStdString(map.step(way[i + 1])->label)));
        CHECK(p->scene()->stepItem(p->currentStep())->decorations().current);
    }
    CHECK(decisions >= 1);
    CHECK(branchChoices >= 1);
    CHECK(p->currentStep() == end);
    CHECK(p->captionText().contains("End of the way"));
    // At the end Right stays; Left goes back the way the walk came.
    QTest::keyClick(p, Qt::Key_Right);
    CHECK(p->currentStep() == end);
    QTest::keyClick(p, Qt::Key_Left);
    CHECK(p->currentStep() == way[way.size() - 2]);
    QTest::keyClick(p, Qt::Key_Left);
    CHECK(p->currentStep() == way[way.size() - 3]);
    // Home ends the walk and shows the map fitted again.
    QTest::keyClick(p, Qt::Key_Home);
    CHECK(p->currentStep().empty());
    CHECK_FALSE(p->captionVisible());
    CHECK(p->viewMode() == PresentationWindow::ViewMode::Fitted);

    // With animation on, the view glides to the step rather than jumping there.
    p->setAnimated(true);
    const double fittedScale = p->viewScale();
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(p, Qt::Key_Right);
    const QRectF target = p->scene()->stepRect(p->currentStep());
    const double midScale = p->viewScale(); // the animation has only started
    QTest::qWait(700);
    CHECK(p->visibleSceneRect().contains(target));
    CHECK(p->viewScale() > fittedScale);
    CHECK(midScale < p->viewScale());
    e.leave(p);
}

TEST_CASE("Number keys and B/H/V/A show and hide annotation kinds, on the map and in the caption", "[present]")
{
    Editor e("kinds");
    PresentationWindow* p = e.enter();
    PresentScene* scene = p->scene();
    // s26 is a black box (a1); s16 has a variation (a8) and a change idea (a12).
    auto kindsOn = [&](const std::string& step) {
        std::set<AnnotationKind> kinds;
        for (const PresentBadge& b : scene->stepItem(step)->decorations().badges)
            kinds.insert(b.annotation.kind);
        return kinds;
    };
    CHECK(scene->stepItem("s26")->decorations().blackBox);
    CHECK(kindsOn("s16") == std::set<AnnotationKind>{AnnotationKind::Variation, AnnotationKind::ChangeIdea});

    clickStep(p, "s16");
    REQUIRE(p->currentStep() == "s16");
    CHECK(p->captionText().contains("One supervisor visits every school monthly"));
    CHECK(p->captionText().contains("Agree a shared minimum of six documented visits"));

    QTest::keyClick(p, Qt::Key_1); // black boxes off
    CHECK_FALSE(scene->stepItem("s26")->decorations().blackBox);
    CHECK(kindsOn("s26").empty());
    QTest::keyClick(p, Qt::Key_3); // variation off
    CHECK(kindsOn("s16") == std::set<AnnotationKind>{AnnotationKind::ChangeIdea});
    CHECK_FALSE(p->captionText().contains("One supervisor visits every school monthly"));
    CHECK(p->topCaptionText().contains("Hidden"));
    QTest::keyClick(p, Qt::Key_3);
    QTest::keyClick(p, Qt::Key_1);
    CHECK(scene->hiddenKinds().isEmpty());

    QTest::keyClick(p, Qt::Key_B);
    CHECK(scene->stepItem("s26")->decorations().blackBox);
    CHECK(kindsOn("s16").empty());
    CHECK(p->topCaptionText().contains("Only: Black box"));
    CHECK(p->captionText().contains("hidden"));
    QTest::keyClick(p, Qt::Key_H);
    CHECK(kindsOn("s13") == std::set<AnnotationKind>{AnnotationKind::Harm});
    QTest::keyClick(p, Qt::Key_V);
    CHECK(kindsOn("s16") == std::set<AnnotationKind>{AnnotationKind::Variation});
    CHECK(p->captionText().contains("One supervisor visits every school monthly"));
    CHECK_FALSE(p->captionText().contains("Agree a shared minimum"));
    QTest::keyClick(p, Qt::Key_A);
    CHECK(kindsOn("s16") == std::set<AnnotationKind>{AnnotationKind::Variation, AnnotationKind::ChangeIdea});
    e.leave(p);
}

TEST_CASE("In presentation mode Q parks a question, N sticks a note, D votes and T/+ run the timer: all stored",
          "[present][facilitation]")
{
    Editor e("facilitation");
    MapDocument* doc = e.window.document();
    const std::string mapId = doc->map().id;
    const std::size_t parked = doc->map().parkingLot.size();
    const int undoBefore = doc->undoStack()->count();
    PresentationWindow* p = e.enter();

    // Q: a small input over the presentation; Esc cancels it without leaving presentation mode.
    QTest::keyClick(p, Qt::Key_Q);
    REQUIRE(p->inputOpen());
    QTest::keyClicks(p->input(), "Who decides");
    QTest::keyClick(p->input(), Qt::Key_Escape);
    CHECK_FALSE(p->inputOpen());
    CHECK(e.window.presentation() == p);
    CHECK(doc->map().parkingLot.size() == parked);
    // Enter stores it at once, through the document.
    QTest::keyClick(p, Qt::Key_Q);
    REQUIRE(p->inputOpen());
    QTest::keyClicks(p->input(), "Does HR see the mid-year flag?");
    QTest::keyClick(p->input(), Qt::Key_Return);
    CHECK_FALSE(p->inputOpen());
    REQUIRE(doc->map().parkingLot.size() == parked + 1);
    CHECK(doc->map().parkingLot.back().text == "Does HR see the mid-year flag?");
    CHECK_FALSE(doc->map().parkingLot.back().createdAt.empty());

    // N: a note on the current step, shown on the step and in the caption.
    QTest::keyClick(p, Qt::Key_N); // no current step yet: nothing to stick it to
    CHECK_FALSE(p->inputOpen());
    clickStep(p, "s16");
    REQUIRE(p->currentStep() == "s16");
    QTest::keyClick(p, Qt::Key_N);
    REQUIRE(p->inputOpen());
    QTest::keyClicks(p->input(), "Ask each supervisor for last year's visit log");
    QTest::keyClick(p->input(), Qt::Key_Enter);
    REQUIRE(doc->map().notesOn("s16").size() == 1);
    CHECK(doc->map().notesOn("s16").front()->text == "Ask each supervisor for last year's visit log");
    CHECK(p->scene()->stepItem("s16")->decorations().notes == 1);
    CHECK(p->captionText().contains("Ask each supervisor for last year's visit log"));

    // D / Shift+D: dot votes on the current step.
    QTest::keyClick(p, Qt::Key_D);
    QTest::keyClick(p, Qt::Key_D);
    QTest::keyClick(p, Qt::Key_D);
    QTest::keyClick(p, Qt::Key_D, Qt::ShiftModifier);
    CHECK(doc->map().votesOn("s16") == 2);
    CHECK(p->scene()->stepItem("s16")->decorations().votes == 2);
    CHECK(p->captionText().contains("2 dot votes"));

    // + adds five minutes, T starts and pauses the countdown shown in the caption.
    QTest::keyClick(p, Qt::Key_T); // nothing to count down yet: it asks for a length
    CHECK(p->timerLengthInputOpen());
    QTest::keyClick(p->input(), Qt::Key_Escape);
    CHECK_FALSE(p->inputOpen());
    CHECK_FALSE(doc->map().session.running);
    QTest::keyClick(p, Qt::Key_Plus);
    CHECK(doc->map().session.remainingSeconds == 300);
    CHECK(doc->map().session.durationSeconds >= 300);
    CHECK(p->topCaptionText().contains("5:00"));
    QTest::keyClick(p, Qt::Key_T);
    CHECK(doc->map().session.running);
    CHECK(p->timerRunning());
    QTest::keyClick(p, Qt::Key_T);
    CHECK_FALSE(doc->map().session.running);
    CHECK(doc->map().session.remainingSeconds <= 300);
    CHECK(doc->map().session.remainingSeconds >= 298);
    CHECK(p->topCaptionText().contains("Paused"));

    // Every one of them is an undoable edit, except starting and pausing the timer, which
    // is stored at once but not put on the undo stack.
    CHECK(doc->undoStack()->count() == undoBefore + 2 + 4 + 1);
    e.leave(p);

    // Stored: the workspace opened afresh has them all.
    const Map stored = Workspace::open(e.path, Workspace::Mode::ReadOnly).loadMap(mapId);
    REQUIRE(stored.parkingLot.size() == parked + 1);
    CHECK(stored.parkingLot.back().text == "Does HR see the mid-year flag?");
    REQUIRE(stored.notesOn("s16").size() == 1);
    CHECK(stored.notesOn("s16").front()->text == "Ask each supervisor for last year's visit log");
    CHECK(stored.votesOn("s16") == 2);
    CHECK(stored.session == doc->map().session);
    CHECK(stored == doc->map());
}

TEST_CASE("The app's --present options play a walk, a spotlight and keys (with typed words) into the presentation",
          "[present]")
{
    Editor e("play");
    PresentationWindow* p = e.enter();
    MapDocument* doc = e.window.document();
    const std::size_t parked = doc->map().parkingLot.size();
    p->play(2, "principal supervisor", "B Q 'Who_signs? Return");
    CHECK_FALSE(p->currentStep().empty());
    CHECK(p->currentStep() != PresentWalk::firstStep(doc->map()));
    CHECK(p->scene()->spotlight().kind == Spotlight::Kind::Lane);
    CHECK(doc->map().lane(p->scene()->spotlight().id)->name == "Principal Supervisor");
    CHECK(p->hiddenKinds().size() == 5);
    REQUIRE(doc->map().parkingLot.size() == parked + 1);
    CHECK(doc->map().parkingLot.back().text == "Who signs?");
    e.leave(p);
}
