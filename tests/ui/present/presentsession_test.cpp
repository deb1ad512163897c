// Presentation mode for a session (issue 17): the timer is a deadline, every mark is drawn
// (steps, lanes, flows, the whole map), Shift+F5 fills a 1080p screen with every lane in
// view, and labels are never cut or piled on one another.

#include "crosswalk/facilitation/sessionclock.h"
#include "crosswalk/storage/workspace.h"
#include "ui/common/annotationglyph.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/present/presentationwindow.h"
#include "ui/present/presentitems.h"
#include "ui/present/presentscene.h"
#include "ui/present/presentstyle.h"
#include "ui/present/presentview.h"
#include "crosswalk/facilitation/presentwalk.h"
#include "support/presenteditor.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <filesystem>
#include <optional>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kStart = 1'796'353'200'000; // 2026-12-04T03:00:00Z

/// The editor window of these tests (support/presenteditor.h), on a workspace file of its own.
struct SessionEditor : test::PresentEditor {
    explicit SessionEditor(const std::string& name, const std::string& mapId = "m-harbor-city")
        : PresentEditor("cw-present17-" + name, mapId)
    {
    }
};

const Annotation* annotationOn(const Map& map, const std::string& target, AnnotationKind kind)
{
    for (const Annotation& a : map.annotations)
        if (a.target == target && a.kind == kind)
            return &a;
    return nullptr;
}

/// How many pixels of `rect` in `image` are close to `colour`.
int pixelsOf(const QImage& image, const QRectF& rect, const QColor& colour)
{
    int n = 0;
    const QRect r = rect.toAlignedRect().intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) < 40 && std::abs(c.green() - colour.green()) < 40 &&
                std::abs(c.blue() - colour.blue()) < 40)
                ++n;
        }
    return n;
}

/// Every label drawn on the map now (steps and flows), in scene coordinates.
std::vector<std::pair<std::string, QRectF>> labelRects(PresentationWindow* p, const Map& map)
{
    std::vector<std::pair<std::string, QRectF>> rects;
    for (const Step& s : map.steps)
        rects.emplace_back("step " + s.id, p->scene()->stepItem(s.id)->labelSceneRect());
    for (const Flow& f : map.flows)
        if (PresentFlowItem* item = p->scene()->flowItem(f.id); item && !f.label.empty())
            rects.emplace_back("flow " + f.id, item->labelSceneRect());
    return rects;
}

/// Checks that no label is elided and that no two labels (nor two steps) overlap.
void checkLabelsClear(PresentationWindow* p, const Map& map)
{
    for (const Step& s : map.steps) {
        const PresentStepItem* item = p->scene()->stepItem(s.id);
        INFO(s.id << " \"" << s.label << "\"");
        CHECK(item->shownLabel() == QString::fromStdString(s.label));
        CHECK_FALSE(item->shownLabel().contains(QChar(0x2026)));
        CHECK(item->labelPixelSize() >= presentstyle::kLabelPx);
        // The label lies within the step as drawn; a decision's question inside its diamond,
        // line by line, not spilling over its edges.
        CHECK(item->drawnSceneRect().adjusted(-1, -1, 1, 1).contains(item->labelSceneRect()));
        if (s.kind == StepKind::Decision) {
            const QPainterPath diamond = item->outlineScenePath();
            for (const QRectF& line : item->labelLineSceneRects()) {
                INFO("line " << line.x() << "," << line.y() << " " << line.width() << "x" << line.height());
                CHECK(diamond.contains(line.adjusted(1, 1, -1, -1)));
            }
        }
    }
    // A flow's label is clear of every step's badges, every arrowhead and every handoff
    // diamond (lane borders give way first where a map is crowded).
    for (const Flow& f : map.flows) {
        const PresentFlowItem* flow = p->scene()->flowItem(f.id);
        if (!flow || f.label.empty())
            continue;
        const QRectF label = flow->labelSceneRect();
        INFO("flow " << f.id << " \"" << f.label << "\" (" << label.x() << "," << label.y() << " " << label.width()
                     << "x" << label.height() << ")");
        for (const Step& s : map.steps)
            for (const QRectF& badge : p->scene()->stepItem(s.id)->badgeSceneRects()) {
                INFO("badge on " << s.id);
                CHECK_FALSE(badge.intersects(label));
            }
        for (const Flow& g : map.flows) {
            const PresentFlowItem* other = p->scene()->flowItem(g.id);
            if (!other)
                continue;
            INFO("arrowhead of " << g.id);
            CHECK_FALSE(other->arrowSceneRect().intersects(label));
            if (other->handoffAt())
                CHECK_FALSE(label.contains(*other->handoffAt()));
        }
    }
    int choiceFlows = 0;
    int choicesOnSteps = 0;
    // A branch's number on a walk never hides a step's text, unless its route is shorter
    // than the number is wide (two steps grown for their labels until only the gap between
    // steps is left); it is off every step where its route leaves room (counted: a route
    // between two steps close together does not).
    for (const Flow& f : map.flows) {
        const PresentFlowItem* flow = p->scene()->flowItem(f.id);
        if (!flow || PresentWalk::outgoing(map, f.from).size() < 2)
            continue;
        ++choiceFlows;
        bool onAStep = false;
        for (const Step& s : map.steps) {
            INFO("choice number of " << f.id << " and step " << s.id);
            if (flow->routeLength() > 2 * PresentFlowItem::kChoiceDiscRadius + 6)
                CHECK_FALSE(flow->choiceSceneRect().intersects(p->scene()->stepItem(s.id)->labelSceneRect()));
            onAStep = onAStep || flow->choiceSceneRect().intersects(p->scene()->stepItem(s.id)->drawnSceneRect());
        }
        choicesOnSteps += onAStep ? 1 : 0;
    }
    // Most branches have room (on the demo maps, all but one in six or so).
    CHECK(choicesOnSteps * 4 <= choiceFlows);
    const auto labels = labelRects(p, map);
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            const QRectF& a = labels[i].second;
            const QRectF& b = labels[j].second;
            INFO(labels[i].first << " (" << a.x() << "," << a.y() << " " << a.width() << "x" << a.height() << ") and "
                                 << labels[j].first << " (" << b.x() << "," << b.y() << " " << b.width() << "x"
                                 << b.height() << ")");
            CHECK_FALSE(a.intersects(b));
        }
    for (std::size_t i = 0; i < map.steps.size(); ++i)
        for (std::size_t j = i + 1; j < map.steps.size(); ++j) {
            const QRectF a = p->scene()->stepItem(map.steps[i].id)->drawnSceneRect();
            const QRectF b = p->scene()->stepItem(map.steps[j].id)->drawnSceneRect();
            INFO(map.steps[i].id << " and " << map.steps[j].id);
            CHECK_FALSE(a.intersects(b));
        }
}

} // namespace

TEST_CASE("The presentation timer is a deadline: it survives leaving, re-entering and reopening",
          "[present][timer]")
{
    SessionEditor e("timer");
    MapDocument* doc = e.window.document();
    REQUIRE(doc->map().session == SessionTimer{});
    std::int64_t now = kStart;
    PresentationWindow* p = e.enter(&now);
    const int undoBefore = doc->undoStack()->count();

    // T without a length asks for one, offering 45 minutes; a bad answer is named, not taken.
    QTest::keyClick(p, Qt::Key_T);
    REQUIRE(p->timerLengthInputOpen());
    CHECK(p->input()->text() == "45");
    CHECK_FALSE(doc->map().session.running);
    p->input()->setText("forty");
    QTest::keyClick(p->input(), Qt::Key_Return);
    CHECK(p->timerLengthInputOpen());
    CHECK(doc->map().session == SessionTimer{});
    // Esc: nothing started.
    QTest::keyClick(p->input(), Qt::Key_Escape);
    CHECK_FALSE(p->inputOpen());
    CHECK(doc->map().session == SessionTimer{});
    // Enter on the offered length starts it: stored as a deadline at once.
    QTest::keyClick(p, Qt::Key_T);
    REQUIRE(p->timerLengthInputOpen());
    QTest::keyClick(p->input(), Qt::Key_Return);
    CHECK_FALSE(p->inputOpen());
    CHECK(doc->map().session == SessionTimer{2700, 2700, true, kStart + 2'700'000});
    CHECK(doc->undoStack()->count() == undoBefore + 1); // setting the length is undoable
    CHECK(p->timerRunning());
    CHECK(p->topCaptionText().contains("45:00"));

    // Ten minutes on, no key pressed: 35:00 left, in the window and in what is stored.
    now += 600'000;
    QTest::qWait(1100); // the window's clock ticks
    CHECK(p->timerRemaining() == 2100);
    CHECK(p->topCaptionText().contains("35:00"));
    e.leave(p);

    // Five more minutes away from presentation; entering again does not rewind it.
    now += 300'000;
    p = e.enter(&now);
    CHECK(p->timerRunning());
    CHECK(p->timerRemaining() == 1800);
    CHECK(p->topCaptionText().contains("30:00"));

    // A restart (the workspace opened afresh) reads the same deadline: the same time left.
    {
        const Map stored = Workspace::open(e.path, Workspace::Mode::ReadOnly).loadMap(doc->map().id);
        CHECK(stored.session.deadlineMs == kStart + 2'700'000);
        CHECK(SessionClock(stored.session).remainingAt(now) == p->timerRemaining());
    }

    // + moves the deadline of the running timer; T pauses it, storing the time left.
    QTest::keyClick(p, Qt::Key_Plus);
    CHECK(doc->map().session == SessionTimer{3000, 2100, true, kStart + 3'000'000});
    now += 100'000;
    QTest::keyClick(p, Qt::Key_T);
    CHECK(doc->map().session == SessionTimer{3000, 2000, false, 0});
    now += 900'000; // paused: time passes, the countdown does not
    CHECK(p->timerRemaining() == 2000);
    // Started again from where it was, then Shift+T resets it to the length, paused.
    QTest::keyClick(p, Qt::Key_T);
    CHECK(doc->map().session == SessionTimer{3000, 2000, true, now + 2'000'000});
    QTest::keyClick(p, Qt::Key_T, Qt::ShiftModifier);
    CHECK(doc->map().session == SessionTimer{3000, 3000, false, 0});
    const Map stored = Workspace::open(e.path, Workspace::Mode::ReadOnly).loadMap(doc->map().id);
    CHECK(stored.session == doc->map().session);

    // Time up: T asks again, offering the session's own length.
    doc->storeSessionTimer(SessionTimer{3000, 0, false, 0});
    QApplication::processEvents();
    QTest::keyClick(p, Qt::Key_T);
    REQUIRE(p->timerLengthInputOpen());
    CHECK(p->input()->text() == "50");
    p->input()->setText("20");
    QTest::keyClick(p->input(), Qt::Key_Return);
    CHECK(doc->map().session == SessionTimer{1200, 1200, true, now + 1'200'000});
    e.leave(p);
}

TEST_CASE("A running timer stored without a deadline runs on from when the presentation opens", "[present][timer]")
{
    SessionEditor e("oldtimer");
    MapDocument* doc = e.window.document();
    REQUIRE(doc->storeSessionTimer(SessionTimer{1800, 600, true, 0}));
    std::int64_t now = kStart;
    PresentationWindow* p = e.enter(&now);
    QApplication::processEvents();
    CHECK(doc->map().session == SessionTimer{1800, 600, true, kStart + 600'000});
    now += 60'000;
    CHECK(p->timerRemaining() == 540);
    e.leave(p);
}

TEST_CASE("Presentation draws every mark with the canvas glyphs: steps, lane headers, flows and the whole map",
          "[present][marks]")
{
    SessionEditor e("marks");
    PresentationWindow* p = e.enter();
    const Map& map = e.window.document()->map();
    const Lane* supervisor = nullptr;
    for (const Lane& l : map.lanes)
        if (l.name == "Principal Supervisor")
            supervisor = &l;
    REQUIRE(supervisor);
    const Annotation* harm = annotationOn(map, supervisor->id, AnnotationKind::Harm);
    REQUIRE(harm);
    const Annotation* flowQuestion = annotationOn(map, "f28", AnnotationKind::Question);
    REQUIRE(flowQuestion);
    const Annotation* mapIdea = annotationOn(map, "", AnnotationKind::ChangeIdea);
    REQUIRE(mapIdea);

    auto paintedLaneMark = [&](const std::string& id) -> std::optional<QRectF> {
        auto* view = static_cast<PresentView*>(p->view());
        for (const auto& [annotation, rect] : view->paintedLaneMarks())
            if (annotation == id)
                return rect;
        return std::nullopt;
    };

    // The harm point on the Principal Supervisor lane is drawn at its lane header, in the
    // harm glyph's colour, within the lane's row.
    QImage shot = p->grab().toImage();
    std::optional<QRectF> laneMark = paintedLaneMark(harm->id);
    REQUIRE(laneMark);
    CHECK(laneMark->right() <= presentstyle::kLaneColumnPx);
    const QRectF laneRow = p->view()->mapFromScene(p->scene()->laneRect(supervisor->id)).boundingRect();
    CHECK(laneMark->top() >= laneRow.top() - 1);
    CHECK(laneMark->bottom() <= laneRow.bottom() + 1);
    CHECK(pixelsOf(shot, *laneMark, annotationColor(AnnotationKind::Harm)) > 20);

    // The question on flow f28 is drawn on the flow, by its label, in the question glyph.
    PresentFlowItem* flow = p->scene()->flowItem("f28");
    REQUIRE(flow);
    REQUIRE(flow->marks().size() == 1);
    CHECK(flow->marks().front().annotation == *flowQuestion);
    CHECK(flow->marks().front().number > 0);
    const std::vector<QRectF> flowMarks = flow->markSceneRects();
    REQUIRE(flowMarks.size() == 1);
    if (!flow->labelSceneRect().isNull())
        CHECK(flowMarks.front().left() >= flow->labelSceneRect().right());
    // Walk to where it is on screen and look at it.
    p->spotlightStep(map.flow("f28")->from);
    shot = p->grab().toImage();
    const QRectF onScreen = p->view()->mapFromScene(flowMarks.front()).boundingRect();
    REQUIRE(p->mapArea().contains(onScreen.toAlignedRect()));
    CHECK(pixelsOf(shot, onScreen, annotationColor(AnnotationKind::Question)) > 20);
    p->clearSpotlight();

    // Steps keep their marks.
    for (const Annotation& a : map.annotations)
        if (map.step(a.target)) {
            const auto& badges = p->scene()->stepItem(a.target)->decorations().badges;
            CHECK(std::any_of(badges.begin(), badges.end(), [&](const PresentBadge& b) { return b.annotation == a; }));
        }

    // The whole map: the marks on the map itself are in the caption, with their glyph.
    QTest::keyClick(p, Qt::Key_Home); // end the walk: the caption is the map's, not a step's
    QTest::keyClick(p, Qt::Key_F);
    REQUIRE(p->captionVisible());
    CHECK(p->captionText().contains(QString::fromStdString(mapIdea->text).left(40)));
    CHECK(p->captionText().contains("on the whole map"));
    // ... and lane and flow marks are still drawn there, as glyphs.
    shot = p->grab().toImage();
    REQUIRE(paintedLaneMark(harm->id));
    CHECK(flow->markSceneRects().size() == 1);

    // Only harm points (H): the flow's question goes, the lane's harm point stays.
    QTest::keyClick(p, Qt::Key_H);
    CHECK(flow->marks().empty());
    p->grab();
    CHECK(paintedLaneMark(harm->id));
    CHECK_FALSE(p->captionText().contains("on the whole map"));
    // Only insights (4 hides ... ): the harm point goes from the lane header too.
    QTest::keyClick(p, Qt::Key_A);
    QTest::keyClick(p, Qt::Key_2); // 2 toggles harm points
    p->grab();
    CHECK_FALSE(paintedLaneMark(harm->id));
    e.leave(p);
}

TEST_CASE("Shift+F5 fills a 1920x1080 screen, the whole map shows every lane, fitted both ways", "[present]")
{
    // A window of its own is 1920x1080 where the screen has room for one, else it fills the screen.
    CHECK(PresentationWindow::fillsScreen(false, QSize(1920, 1080)));
    CHECK(PresentationWindow::fillsScreen(false, QSize(1920, 1040))); // a panel takes some of it
    CHECK(PresentationWindow::fillsScreen(false, QSize(1366, 728)));
    CHECK_FALSE(PresentationWindow::fillsScreen(false, QSize(2560, 1400)));
    CHECK(PresentationWindow::fillsScreen(true, QSize(2560, 1400)));

    SessionEditor e("whole");
    const auto maps = e.window.workspace()->listMaps();
    REQUIRE(maps.size() == 6);
    for (const auto& info : maps) {
        REQUIRE(e.window.openMap(QString::fromStdString(info.id)));
        PresentationWindow* p = e.enter();
        INFO(info.id);
        QTest::keyClick(p, Qt::Key_F);
        REQUIRE(p->viewMode() == PresentationWindow::ViewMode::WholeMap);
        REQUIRE(p->captionVisible());
        // Every lane, the last one's bottom included, in the part not under the caption or
        // the headers; and the map fills that part one way or the other.
        const QRectF area = p->scene()->drawingRect();
        const QRectF shown = p->mapAreaSceneRect();
        CHECK(shown.adjusted(-1, -1, 1, 1).contains(area));
        const QRectF onScreen = p->view()->mapFromScene(area).boundingRect();
        const QRect mapArea = p->mapArea();
        const bool fillsWidth = onScreen.width() >= mapArea.width() - 60;
        const bool fillsHeight = onScreen.height() >= mapArea.height() - 80;
        CHECK((fillsWidth || fillsHeight));
        // The caption leaves the map at least half of the screen.
        CHECK(mapArea.height() >= 1080 / 2);
        e.leave(p);
    }
}

TEST_CASE("Labels are never cut or piled on one another, on the demo maps and with very long labels",
          "[present][labels]")
{
    SessionEditor e("labels");
    const auto maps = e.window.workspace()->listMaps();
    for (const auto& info : maps) {
        REQUIRE(e.window.openMap(QString::fromStdString(info.id)));
        PresentationWindow* p = e.enter();
        INFO(info.id);
        checkLabelsClear(p, e.window.document()->map());
        e.leave(p);
    }

    SECTION("very long labels")
    {
        REQUIRE(e.window.openMap(QStringLiteral("m-harbor-city")));
        MapDocument* doc = e.window.document();
        std::vector<Edit> edits;
        int n = 0;
        // Every step's label made long (up to 58 characters, some with a long word), as a
        // team writes them when a step is a whole sentence. (Longer still, a label can
        // outgrow the room its lane and neighbours leave at 18 px: its end gives way.)
        for (Step s : doc->map().steps) {
            s.label = (n++ % 2 == 0) ? s.label + " with every supervisor" : s.label + " (Superintendentsoffice)";
            edits.push_back(UpdateStep{s});
        }
        REQUIRE(doc->push(Edit{Batch{"Long labels", edits}}));
        PresentationWindow* p = e.enter();
        checkLabelsClear(p, doc->map());
        e.leave(p);
    }
}
