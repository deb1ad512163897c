// The sticky headers when the view is scrolled (issue 14, point 6): a phase cut by the view's
// left edge still shows its name in the part in view, and a lane or phase is renamed in its
// header where it is on screen, without the view jumping away from what was being looked at.
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/labeleditor.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/phaseheaderitem.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"
#include "support/uiinput.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QImage>
#include <QScrollBar>
#include <QTemporaryDir>

#include <memory>

using namespace crosswalk;
using namespace crosswalk::test;

namespace {

/// Six lanes (taller than the view) and a very wide first phase, so both scroll bars move.
Map wideMap()
{
    Map map;
    map.id = "wide";
    for (int i = 0; i < 6; ++i)
        map.lanes.push_back(Lane{"l" + std::to_string(i), "Lane " + std::to_string(i), "#E8F0FE", 160});
    map.phases = {Phase{"p0", "Beginning of year", "#FFFFFF", 3000}, Phase{"p1", "Spring", "#FFFFFF", 600}};
    Step s;
    s.id = "s1";
    s.lane = "l0";
    s.phase = "p0";
    s.label = "First step";
    s.x = 20;
    s.y = 40;
    map.steps = {s};
    s.id = "s2"; // in the middle of the wide phase
    s.label = "Goal-setting conference";
    s.x = 1200;
    map.steps.push_back(s);
    return map;
}

struct Scrolled {
    QTemporaryDir dir;
    Workspace ws;
    std::unique_ptr<MapDocument> doc;
    MapCanvas canvas;

    Scrolled() : ws(Workspace::create(dir.filePath("s.crosswalk").toStdString()))
    {
        ws.addMap(wideMap());
        doc = std::make_unique<MapDocument>(ws, ws.loadMap("wide"));
        canvas.resize(1400, 800);
        canvas.setDocument(doc.get());
        canvas.show();
        QApplication::processEvents();
        canvas.setFocus();
    }
    MapScene* scene() const { return canvas.mapScene(); }
    QRect onScreen(const QRectF& sceneRect) const { return canvas.mapFromScene(sceneRect).boundingRect(); }
    QRect onScreen(const QGraphicsItem* item) const { return onScreen(item->sceneBoundingRect()); }
    /// Scrolls so that scene x `sceneX` is at the view's left edge and `sceneY` at its top.
    void scrollTo(qreal sceneX, qreal sceneY)
    {
        const QPoint at = canvas.mapFromScene(QPointF(sceneX, sceneY));
        canvas.horizontalScrollBar()->setValue(canvas.horizontalScrollBar()->value() + at.x());
        canvas.verticalScrollBar()->setValue(canvas.verticalScrollBar()->value() + at.y());
        QApplication::processEvents();
    }
    LabelEditor* editor() const
    {
        for (QGraphicsItem* item : scene()->items())
            if (auto* e = dynamic_cast<LabelEditor*>(item); e && e->isVisible())
                return e;
        return nullptr;
    }
};

/// Pixels of the text colour in `area` of `image` (the name's letters; fills and borders are lighter).
int inkPixels(const QImage& image, const QRect& area)
{
    const QColor ink = canvasstyle::ink();
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - ink.red()) + std::abs(c.green() - ink.green()) + std::abs(c.blue() - ink.blue()) < 60;
        }
    return n;
}

} // namespace

TEST_CASE("A phase scrolled part way out of view shows its name in the part still in view", "[canvas][headers]")
{
    Scrolled fx;
    const qreal left = fx.scene()->phaseHeader("p0")->sceneBoundingRect().left();
    // The view's left edge 1,800 units into the 3,000-unit phase: its left edge and its middle
    // are off screen (behind the lane headers), 1,200 units of it still show.
    fx.scrollTo(left + 1800 - fx.scene()->laneHeaderWidth(), 0);
    const QRect viewport = fx.canvas.viewport()->rect();
    const QRect phase = fx.onScreen(fx.scene()->phaseHeader("p0"));
    const int lanesRight = fx.onScreen(fx.scene()->laneHeader("l0")).right();
    REQUIRE(phase.left() < 0);
    REQUIRE(phase.center().x() < lanesRight); // centred in the whole phase, the name would be hidden
    REQUIRE(phase.right() > lanesRight + 400);
    REQUIRE(phase.top() >= -1); // the header stays at the top of the view
    REQUIRE(phase.top() <= 1);

    const QImage image = fx.canvas.viewport()->grab().toImage();
    REQUIRE(image.width() == viewport.width()); // one pixel per device pixel
    // The name's letters in the header's part in view: right of the lane headers, left of the
    // phase's right border, within the header's height.
    const QRect shownPart(lanesRight + 2, phase.top() + 3, std::min(phase.right(), viewport.right()) - lanesRight - 6,
                          canvasstyle::kPhaseHeaderHeight - 6);
    CHECK(inkPixels(image, shownPart) > 40);
    // The next phase, fully in view, shows its own name as well.
    const QRect next = fx.onScreen(fx.scene()->phaseHeader("p1")).intersected(viewport).adjusted(4, 3, -4, -3);
    if (next.width() > 80)
        CHECK(inkPixels(image, next) > 20);

    // Scrolled back to the start, the name is in the phase's part in view again (its left).
    fx.scrollTo(left - fx.scene()->laneHeaderWidth() - 10, 0);
    const QImage start = fx.canvas.viewport()->grab().toImage();
    const QRect atStart = fx.onScreen(fx.scene()->phaseHeader("p0")).intersected(viewport);
    CHECK(inkPixels(start, QRect(atStart.left() + 4, atStart.top() + 3, atStart.width() - 8,
                                 canvasstyle::kPhaseHeaderHeight - 6)) > 40);
}

TEST_CASE("Renaming a lane in its header while the view is scrolled: the editor is in that header, the view stays",
          "[canvas][headers]")
{
    Scrolled fx;
    const QRectF lanes = fx.scene()->laneHeader("l3")->sceneBoundingRect();
    const qreal phaseLeft = fx.scene()->phaseHeader("p0")->sceneBoundingRect().left();
    fx.scrollTo(phaseLeft + 1500, lanes.top() - 200);
    const int h = fx.canvas.horizontalScrollBar()->value();
    const int v = fx.canvas.verticalScrollBar()->value();
    REQUIRE(h > fx.canvas.horizontalScrollBar()->minimum());
    REQUIRE(v > fx.canvas.verticalScrollBar()->minimum());

    const QRect header = fx.onScreen(fx.scene()->laneHeader("l3"));
    REQUIRE(fx.canvas.viewport()->rect().contains(header.center()));
    doubleClick(fx.canvas.viewport(), header.center());
    REQUIRE(fx.canvas.isEditing());
    LabelEditor* editor = fx.editor();
    REQUIRE(editor);
    // The editor over the header the user double-clicked, where it still is on screen.
    const QRect shownEditor = fx.onScreen(editor->sceneBoundingRect());
    const QRect headerNow = fx.onScreen(fx.scene()->laneHeader("l3"));
    INFO("editor " << shownEditor.x() << "," << shownEditor.y() << " " << shownEditor.width() << "x"
                   << shownEditor.height() << ", header " << headerNow.x() << "," << headerNow.y() << " "
                   << headerNow.width() << "x" << headerNow.height());
    CHECK(headerNow.adjusted(-2, -2, 2, 2).contains(shownEditor.center()));
    CHECK(fx.canvas.viewport()->rect().contains(shownEditor.center()));
    CHECK(fx.canvas.horizontalScrollBar()->value() == h); // the view did not jump
    CHECK(fx.canvas.verticalScrollBar()->value() == v);

    keyClicks(&fx.canvas, "Principal Supervisor");
    keyClick(&fx.canvas, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    CHECK_FALSE(fx.canvas.isEditing());
    CHECK(fx.doc->map().lanes[3].name == "Principal Supervisor");
    CHECK(fx.ws.loadMap("wide").lanes[3].name == "Principal Supervisor");
    for (int i : {0, 1, 2, 4, 5})
        CHECK(fx.doc->map().lanes[static_cast<std::size_t>(i)].name == "Lane " + std::to_string(i));
}

TEST_CASE("Renaming a phase in its header while the view is scrolled part way across it", "[canvas][headers]")
{
    Scrolled fx;
    const qreal left = fx.scene()->phaseHeader("p0")->sceneBoundingRect().left();
    fx.scrollTo(left + 1800 - fx.scene()->laneHeaderWidth(), 0);
    const QRect viewport = fx.canvas.viewport()->rect();
    const int lanesRight = fx.onScreen(fx.scene()->laneHeader("l0")).right();
    const QRect header = fx.onScreen(fx.scene()->phaseHeader("p0")).intersected(viewport);
    const QPoint inHeader((lanesRight + header.right()) / 2, header.center().y());
    const int h = fx.canvas.horizontalScrollBar()->value();
    const int v = fx.canvas.verticalScrollBar()->value();
    doubleClick(fx.canvas.viewport(), inHeader);
    REQUIRE(fx.canvas.isEditing());
    LabelEditor* editor = fx.editor();
    REQUIRE(editor);
    const QRect shownEditor = fx.onScreen(editor->sceneBoundingRect());
    const QRect headerNow = fx.onScreen(fx.scene()->phaseHeader("p0"));
    INFO("editor " << shownEditor.x() << "," << shownEditor.y() << " " << shownEditor.width() << "x"
                   << shownEditor.height() << ", header " << headerNow.x() << "," << headerNow.y() << " "
                   << headerNow.width() << "x" << headerNow.height());
    // In view, right of the lane headers, within the phase's header.
    CHECK(viewport.contains(shownEditor.center()));
    CHECK(shownEditor.center().x() > lanesRight);
    CHECK(headerNow.adjusted(-2, -2, 2, 2).contains(shownEditor.center()));
    CHECK(fx.canvas.horizontalScrollBar()->value() == h);
    CHECK(fx.canvas.verticalScrollBar()->value() == v);

    keyClicks(&fx.canvas, "Fall");
    keyClick(&fx.canvas, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    CHECK_FALSE(fx.canvas.isEditing());
    CHECK(fx.doc->map().phases[0].name == "Fall");
    CHECK(fx.doc->map().phases[1].name == "Spring");
    CHECK(fx.ws.loadMap("wide").phases[0].name == "Fall");
}

TEST_CASE("A step dragged under the lane headers at 350 % ends up in view, not hidden behind them",
          "[canvas][headers]")
{
    Scrolled fx;
    fx.canvas.setZoomPercent(350);
    QApplication::processEvents();
    const std::string id = "s2";
    const QRectF stepRect = fx.scene()->stepItem(id)->sceneRectOfStep();
    // The step just right of the lane headers; the map left of it is scrolled behind them.
    const qreal headerWidth = fx.scene()->laneHeaderWidth();
    fx.scrollTo(stepRect.left() - headerWidth - 20 / 3.5, stepRect.top() - 200 / 3.5);
    const QRect header = fx.onScreen(fx.scene()->laneHeader("l0"));
    QRect before = fx.onScreen(fx.scene()->stepItem(id)->sceneRectOfStep());
    REQUIRE(before.left() > header.right());
    REQUIRE(fx.canvas.horizontalScrollBar()->value() > fx.canvas.horizontalScrollBar()->minimum());

    // Dragged by its middle to a point over the lane header.
    const QPoint from = before.center();
    const QPoint to(header.center().x(), from.y());
    sendMouse(fx.canvas.viewport(), QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 8; ++i)
        sendMouse(fx.canvas.viewport(), QEvent::MouseMove, from + (to - from) * i / 8, Qt::NoButton, Qt::LeftButton);
    sendMouse(fx.canvas.viewport(), QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    QApplication::processEvents();

    const QRect after = fx.onScreen(fx.scene()->stepItem(id)->sceneRectOfStep());
    const QRect headerNow = fx.onScreen(fx.scene()->laneHeader("l0"));
    INFO("step " << after.x() << "," << after.y() << " " << after.width() << "x" << after.height() << ", header right "
                 << headerNow.right() << ", scroll " << fx.canvas.horizontalScrollBar()->value());
    // The view followed it: the whole step is right of the lane headers, in view.
    CHECK(after.left() > headerNow.right());
    CHECK(fx.canvas.viewport()->rect().contains(after));
    // And it did move: left, to where it was dropped, in its lane and phase.
    const Step& s = *fx.doc->map().step(id);
    CHECK(s.x < 1200 - 100);
    CHECK(s.lane == "l0");
    CHECK(s.phase == "p0");
    CHECK(fx.ws.loadMap("wide") == fx.doc->map());
}
