// The sticky lane and phase headers at every zoom, and zoom kept per map.
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/phaseheaderitem.h"
#include "ui/common/pixelfont.h"
#include "ui/document/mapdocument.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QFontMetricsF>
#include <QScrollBar>
#include <QTemporaryDir>

#include <memory>

using namespace crosswalk;

namespace {

Map threeLaneMap(const std::string& id)
{
    Map map;
    map.id = id;
    map.props.title = "Headers " + id;
    for (int i = 0; i < 3; ++i)
        map.lanes.push_back(Lane{"l" + std::to_string(i), "Instructional Superintendent " + std::to_string(i),
                                 "#E8F0FE", 160});
    for (int i = 0; i < 3; ++i)
        map.phases.push_back(Phase{"p" + std::to_string(i), "Phase " + std::to_string(i), "#FFFFFF", 600});
    Step s;
    s.id = "s1";
    s.lane = "l0";
    s.phase = "p0";
    s.label = "First step";
    s.x = 10;
    s.y = 40;
    map.steps.push_back(s);
    return map;
}

QRect onScreen(const MapCanvas& canvas, const QGraphicsItem* item)
{
    return canvas.mapFromScene(item->sceneBoundingRect()).boundingRect();
}

} // namespace

TEST_CASE("Lane and phase headers keep their size on screen at every zoom and never cover the first step",
          "[canvas][headers]")
{
    QTemporaryDir dir;
    Workspace ws = Workspace::create(dir.filePath("h.crosswalk").toStdString());
    ws.addMap(threeLaneMap("m1"));
    MapDocument doc(ws, ws.loadMap("m1"));
    MapCanvas canvas;
    canvas.resize(1400, 900);
    canvas.setDocument(&doc);
    canvas.show();
    QApplication::processEvents();
    MapScene* scene = canvas.mapScene();

    for (int percent : {25, 50, 100, 200, 354, 400}) {
        INFO(percent << " %");
        canvas.setZoomPercent(percent);
        canvas.horizontalScrollBar()->setValue(canvas.horizontalScrollBar()->minimum());
        canvas.verticalScrollBar()->setValue(canvas.verticalScrollBar()->minimum());
        QApplication::processEvents();
        const QRect lane = onScreen(canvas, scene->laneHeader("l0"));
        const QRect phase = onScreen(canvas, scene->phaseHeader("p0"));
        CHECK(std::abs(lane.width() - canvasstyle::kLaneHeaderWidth) <= 2);
        CHECK(std::abs(phase.height() - canvasstyle::kPhaseHeaderHeight) <= 2);
        // The header still spans its whole lane, and ends where the lane's area begins.
        CHECK(std::abs(lane.height() - 160 * percent / 100) <= 2);
        const QRect step = canvas.mapFromScene(QRectF(10, 40, 10, 10)).boundingRect();
        CHECK(lane.right() < step.left());
        CHECK(phase.bottom() < step.top());
    }
    // At 400 % the headers take an eighth of a 1400-pixel canvas, not half of it.
    canvas.setZoomPercent(400);
    CHECK(onScreen(canvas, scene->laneHeader("l0")).width() < canvas.viewport()->width() / 6);
}

TEST_CASE("Zoom belongs to the map in view: another map opens at 100 %, and each comes back as it was left",
          "[canvas][headers]")
{
    QTemporaryDir dir;
    Workspace ws = Workspace::create(dir.filePath("z.crosswalk").toStdString());
    ws.addMap(threeLaneMap("a"));
    ws.addMap(threeLaneMap("b"));
    MapDocument a(ws, ws.loadMap("a"));
    MapDocument b(ws, ws.loadMap("b"));
    MapCanvas canvas;
    canvas.resize(1200, 800);
    canvas.setDocument(&a);
    canvas.show();
    QApplication::processEvents();
    canvas.setZoomPercent(354);
    canvas.horizontalScrollBar()->setValue(300);
    const int scrolled = canvas.horizontalScrollBar()->value();
    REQUIRE(scrolled > 0);

    canvas.setDocument(&b);
    CHECK(canvas.zoomPercent() == 100);
    CHECK(canvas.horizontalScrollBar()->value() == canvas.horizontalScrollBar()->minimum());
    canvas.setZoomPercent(50);

    canvas.setDocument(&a);
    CHECK(canvas.zoomPercent() == 354);
    CHECK(canvas.horizontalScrollBar()->value() == scrolled);
    canvas.setDocument(&b);
    CHECK(canvas.zoomPercent() == 50);
}

TEST_CASE("A lane name never runs outside its header: shrunk and wrapped, or one cut line when the lane is short",
          "[canvas][headers]")
{
    const QString name = QStringLiteral("Leadership Development and Coaching");
    const QFontMetricsF small(pixelFont(11, true));
    // A lane at 100 %: the name wraps whole, at a size a shared screen shows.
    const QRectF tall(0, 0, 140, 120);
    const LaneHeaderItem::NameLayout whole = LaneHeaderItem::layoutName(name, tall);
    CHECK(whole.wrap);
    CHECK(whole.text == name);
    CHECK(whole.px >= 11);
    CHECK(QFontMetricsF(pixelFont(whole.px, true)).boundingRect(tall, Qt::TextWordWrap, name).height() <= 120.5);
    // The same lane fitted at 24 % (26 px on screen): one line within the header, cut with an
    // ellipsis, instead of wrapped lines drawn over the next lane's header.
    for (const qreal height : {26.0, 14.0}) {
        const QRectF shortRect(0, 0, 140, height);
        const LaneHeaderItem::NameLayout cut = LaneHeaderItem::layoutName(name, shortRect);
        CHECK_FALSE(cut.wrap);
        CHECK(cut.text.endsWith(QChar(0x2026)));
        CHECK(small.horizontalAdvance(cut.text) <= 140.5);
    }
}
