// Presentation labels in a tightly packed lane (issue 17): no label is cut. Where the room
// its neighbours leave cannot hold a long label, the step grows taller and its lane with it,
// in the presentation's layout only (the map is unchanged).

#include "crosswalk/model/validate.h"
#include "crosswalk/storage/memorystore.h"
#include "ui/document/mapdocument.h"
#include "ui/present/presentitems.h"
#include "ui/present/presentscene.h"
#include "ui/present/presentstyle.h"

#include <catch2/catch.hpp>

#include <string>

using namespace crosswalk;

namespace {

/// Two lanes; the first packed with eight steps side by side (24 units apart: the presentation
/// draws each step 8 units larger on every side, so 8 apart as drawn) and, below the
/// first row, a second row of two steps; one step of the first row has `label`.
Map packedMap(const std::string& label)
{
    Map m;
    m.id = "m-packed";
    m.props.title = "Packed";
    m.lanes = {Lane{"l1", "Principal Supervisor", "#FFFFFF", 260}, Lane{"l2", "Principal", "#FFFFFF", 160}};
    m.phases = {Phase{"p1", "Plan", "#FFFFFF", 1420}};
    for (int i = 0; i < 8; ++i) {
        Step s;
        s.id = "s" + std::to_string(i);
        s.lane = "l1";
        s.phase = "p1";
        s.label = "Step " + std::to_string(i);
        s.x = 20 + i * 174;
        s.y = 30;
        s.w = 150;
        s.h = 70;
        m.steps.push_back(s);
    }
    m.steps[3].label = label;
    for (int i = 0; i < 2; ++i) {
        Step s;
        s.id = "r" + std::to_string(i);
        s.lane = "l1";
        s.phase = "p1";
        s.label = "Below " + std::to_string(i);
        s.x = 542 + i * 174; // under the long label's step and its neighbour
        s.y = 150;
        s.w = 150;
        s.h = 70;
        m.steps.push_back(s);
    }
    Step t;
    t.id = "t0";
    t.lane = "l2";
    t.phase = "p1";
    t.label = "Next lane";
    t.x = 500;
    t.y = 40;
    m.steps.push_back(t);
    m.flows = {Flow{"f1", "s3", "r0", ""}, Flow{"f2", "s3", "t0", ""}};
    return m;
}

} // namespace

TEST_CASE("A 120-character label in a packed lane is drawn whole: the step and its lane grow", "[present][labels]")
{
    const std::string label = "Rating calibration among supervisors of the district with the principal's own evidence "
                              "and the superintendent's reviews.";
    REQUIRE(label.size() == 120);
    REQUIRE(label.size() <= kMaxLabelBytes);
    const Map map = packedMap(label);
    MemoryStore store("the test map");
    MapDocument document(store, map);
    PresentScene scene;
    scene.setDocument(&document);

    // The whole label, no ellipsis, in the presentation's type size.
    const PresentStepItem* longStep = scene.stepItem("s3");
    REQUIRE(longStep);
    CHECK(longStep->shownLabel() == QString::fromStdString(label));
    CHECK_FALSE(longStep->shownLabel().contains(QChar(0x2026)));
    CHECK(longStep->labelPixelSize() >= presentstyle::kLabelPx);
    CHECK(longStep->drawnSceneRect().adjusted(-1, -1, 1, 1).contains(longStep->labelSceneRect()));

    // No two steps overlap, and every step stays in its lane band.
    for (std::size_t i = 0; i < map.steps.size(); ++i) {
        const PresentStepItem* a = scene.stepItem(map.steps[i].id);
        INFO(map.steps[i].id);
        CHECK(a->shownLabel() == QString::fromStdString(map.steps[i].label));
        CHECK(scene.laneRect(map.steps[i].lane).contains(a->drawnSceneRect().center()));
        for (std::size_t j = i + 1; j < map.steps.size(); ++j) {
            INFO("and " << map.steps[j].id);
            CHECK_FALSE(a->drawnSceneRect().intersects(scene.stepItem(map.steps[j].id)->drawnSceneRect()));
        }
    }
    // The lane grew in the presentation; the next lane starts below it; the map is unchanged.
    CHECK(scene.laneRect("l1").height() > 260);
    CHECK(scene.laneRect("l2").top() == scene.laneRect("l1").bottom());
    CHECK(scene.stepItem("r0")->drawnSceneRect().top() > longStep->drawnSceneRect().bottom());
    CHECK(document.map() == map);
    CHECK(scene.map()->lanes[0].height == static_cast<int>(scene.laneRect("l1").height()));

    // The same lane with short labels is laid out as the map says.
    MapDocument plain(store, packedMap("Short"));
    PresentScene plainScene;
    plainScene.setDocument(&plain);
    CHECK(plainScene.laneRect("l1").height() == 260);
    CHECK(plainScene.stepRect("r0") == QRectF(542, 150, 150, 70));
}

TEST_CASE("Labels up to the length limit are drawn whole in presentation", "[present][labels]")
{
    // A 600-character label (well within kMaxLabelBytes): still whole, the lane as tall as it takes.
    std::string label;
    while (label.size() < 600)
        label += "evidence review ";
    label.resize(600);
    MemoryStore store("the test map");
    MapDocument document(store, packedMap(label));
    PresentScene scene;
    scene.setDocument(&document);
    CHECK(scene.stepItem("s3")->shownLabel() == QString::fromStdString(label));
    const QRectF a = scene.stepItem("s3")->drawnSceneRect();
    const QRectF b = scene.stepItem("s2")->drawnSceneRect();
    INFO(a.x() << "," << a.y() << " " << a.width() << "x" << a.height() << " / " << b.x() << "," << b.y() << " " << b.width() << "x" << b.height());
    CHECK_FALSE(scene.stepItem("s3")->drawnSceneRect().intersects(scene.stepItem("s2")->drawnSceneRect()));
    CHECK_FALSE(scene.stepItem("s3")->drawnSceneRect().intersects(scene.stepItem("r0")->drawnSceneRect()));
}
