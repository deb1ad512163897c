// Issue 14, point 7: flows are drawn so that they can be read. Property tests over the demo
// maps and over random maps, on the scene as the canvas (and the export) lays it out:
//   (a) two flows that share no end never run on one line (crossing is allowed);
//   (b) no flow runs along a lane border;
//   (c) flow labels are clear of lane borders, of steps and of each other;
//   (d) a decision's text stays inside its diamond;
//   (e) Tab in one lane sends no unrelated flow through a lane it did not visit before.

#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/layout.h"
#include "crosswalk/storage/memorystore.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/flowrules.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stepshape.h"
#include "ui/common/pixelfont.h"
#include "ui/document/mapdocument.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QFontMetricsF>
#include <QPolygonF>

#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace crosswalk;

namespace {

/// A map laid out in a scene as the canvas and the export lay it out.
struct Laid {
    MemoryStore store{"the test map"};
    std::unique_ptr<MapDocument> doc;
    MapScene scene;

    explicit Laid(const Map& map)
    {
        store.addMap(map);
        doc = std::make_unique<MapDocument>(store, store.loadMap(map.id));
        scene.setDocument(doc.get());
    }
    ~Laid() { scene.setDocument(nullptr); }
    const Map& map() const { return doc->map(); }
};

std::vector<qreal> laneBorders(const Map& m)
{
    std::vector<qreal> ys{0};
    qreal y = 0;
    for (const Lane& l : m.lanes)
        ys.push_back(y += l.height);
    return ys;
}

bool horizontal(const QPointF& a, const QPointF& b)
{
    return std::abs(a.y() - b.y()) < 0.5;
}

std::string describe(const QPolygonF& p)
{
    std::ostringstream out;
    for (const QPointF& pt : p)
        out << "(" << pt.x() << "," << pt.y() << ")";
    return out.str();
}

/// (a): pairs of flows with no end in common whose routes share a stretch of line longer than
/// flowrules::kSharedSlack, closer than flowrules::kParallelGap apart.
std::vector<std::string> sharedSegments(const Laid& laid)
{
    std::vector<std::string> problems;
    const Map& m = laid.map();
    for (std::size_t i = 0; i < m.flows.size(); ++i)
        for (std::size_t j = i + 1; j < m.flows.size(); ++j) {
            const Flow& f = m.flows[i];
            const Flow& g = m.flows[j];
            if (f.from == g.from || f.from == g.to || f.to == g.from || f.to == g.to)
                continue;
            const QPolygonF p = laid.scene.flowItem(f.id)->route();
            const QPolygonF q = laid.scene.flowItem(g.id)->route();
            for (int s = 1; s < p.size(); ++s)
                for (int t = 1; t < q.size(); ++t) {
                    const QPointF a = p[s - 1], b = p[s], c = q[t - 1], d = q[t];
                    const bool h = horizontal(a, b);
                    if (h != horizontal(c, d))
                        continue;
                    const qreal gap = h ? std::abs(a.y() - c.y()) : std::abs(a.x() - c.x());
                    const auto lo = [h](QPointF u, QPointF v) { return h ? std::min(u.x(), v.x()) : std::min(u.y(), v.y()); };
                    const auto hi = [h](QPointF u, QPointF v) { return h ? std::max(u.x(), v.x()) : std::max(u.y(), v.y()); };
                    const qreal shared = std::min(hi(a, b), hi(c, d)) - std::max(lo(a, b), lo(c, d));
                    if (gap < flowrules::kParallelGap - 0.01 && shared > flowrules::kSharedSlack)
                        problems.push_back(f.id + " and " + g.id + ": " + describe(p) + " / " + describe(q));
                }
        }
    return problems;
}

/// (b): horizontal stretches within flowrules::kBorderClear of a lane border.
std::vector<std::string> alongBorders(const Laid& laid)
{
    std::vector<std::string> problems;
    const std::vector<qreal> borders = laneBorders(laid.map());
    for (const Flow& f : laid.map().flows) {
        const QPolygonF p = laid.scene.flowItem(f.id)->route();
        for (int s = 1; s < p.size(); ++s)
            if (horizontal(p[s - 1], p[s]) && std::abs(p[s].x() - p[s - 1].x()) > flowrules::kSharedSlack)
                for (qreal y : borders)
                    if (std::abs(p[s].y() - y) < flowrules::kBorderClear - 0.01)
                        problems.push_back(f.id + " along the border at y " + std::to_string(y) + ": " + describe(p));
    }
    return problems;
}

/// (c): labels across a lane border, over a step or over another label.
std::vector<std::string> labelClashes(const Laid& laid)
{
    std::vector<std::string> problems;
    const Map& m = laid.map();
    const std::vector<qreal> borders = laneBorders(m);
    std::vector<std::pair<std::string, QRectF>> labels;
    for (const Flow& f : m.flows)
        if (const QRectF r = laid.scene.flowItem(f.id)->labelRect(); !r.isEmpty())
            labels.emplace_back(f.id, r);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto& [id, r] = labels[i];
        for (qreal y : borders)
            if (r.top() < y && r.bottom() > y)
                problems.push_back(id + "'s label crosses the lane border at y " + std::to_string(y));
        for (const Step& s : m.steps)
            if (laid.scene.stepItem(s.id)->sceneRectOfStep().intersects(r))
                problems.push_back(id + "'s label covers step " + s.id + ": label at " + describe(QPolygonF(r)) +
                                   ", route " + describe(laid.scene.flowItem(id)->route()));
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            if (labels[j].second.intersects(r))
                problems.push_back(id + "'s label covers " + labels[j].first + "'s");
    }
    return problems;
}

/// (d): each laid-out line of a decision's label inside its diamond (inside the stroke).
std::vector<std::string> decisionOverflows(const Laid& laid)
{
    std::vector<std::string> problems;
    for (const Step& s : laid.map().steps) {
        if (s.kind != StepKind::Decision || s.label.empty())
            continue;
        const StepItem* item = laid.scene.stepItem(s.id);
        const QRectF r = item->sceneRectOfStep();
        const auto lines = StepShape::labelLines(s.kind, r, item->shownLabel(), pixelFont(item->labelPixelSize()));
        if (!lines.fits)
            problems.push_back(s.id + " \"" + s.label + "\" does not fit its diamond");
        for (const QRectF& line : lines.boxes) {
            // Inside |dx|/(w/2) + |dy|/(h/2) <= 1, the stroke's half width in from the edge.
            const QPointF c = r.center();
            const qreal hw = r.width() / 2 - StepShape::borderWidth(s.kind);
            const qreal hh = r.height() / 2 - StepShape::borderWidth(s.kind);
            for (const QPointF& corner : {line.topLeft(), line.topRight(), line.bottomLeft(), line.bottomRight()})
                if (std::abs(corner.x() - c.x()) / hw + std::abs(corner.y() - c.y()) / hh > 1.0 + 1e-6) {
                    std::ostringstream out;
                    out << s.id << " \"" << s.label << "\": a line of " << line.width() << " x " << line.height()
                        << " at " << line.x() - r.x() << "," << line.y() - r.y() << " leaves its " << r.width()
                        << " x " << r.height() << " diamond";
                    problems.push_back(out.str());
                    break;
                }
        }
    }
    return problems;
}

/// The lanes a route passes through, by index.
std::set<int> lanesOf(const Map& m, const QPolygonF& route)
{
    std::set<int> out;
    for (int s = 1; s < route.size(); ++s) {
        const qreal top = std::min(route[s - 1].y(), route[s].y());
        const qreal bottom = std::max(route[s - 1].y(), route[s].y());
        qreal y = 0;
        for (std::size_t l = 0; l < m.lanes.size(); ++l) {
            const qreal next = y + m.lanes[l].height;
            if (bottom > y + 0.5 && top < next - 0.5)
                out.insert(static_cast<int>(l));
            y = next;
        }
    }
    return out;
}

Map demoMap(std::size_t index)
{
    return parseMapJson(demoMapTexts().at(index)).map;
}

/// A random map as teams draw them: steps in columns of time, one or two rows per lane, flows
/// mostly to the next column, some handing off to a nearby lane, decisions with two ways out,
/// the odd loop back; a third of the flows labelled.
Map randomMap(unsigned seed)
{
    std::mt19937 random(seed);
    auto pick = [&random](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    Map m;
    m.id = "m-random-" + std::to_string(seed);
    m.props.title = "Random";
    const int lanes = 3 + pick(4);
    const int columns = 5 + pick(6);
    for (int l = 0; l < lanes; ++l)
        m.lanes.push_back({"l" + std::to_string(l), "Lane " + std::to_string(l), "#E8F0FE", 140 + 110 * pick(2)});
    const int phaseWidth = 600;
    for (int p = 0; p * phaseWidth < columns * 200 + 200; ++p)
        m.phases.push_back({"p" + std::to_string(p), "Phase " + std::to_string(p), "#FFFFFF", phaseWidth});
    std::vector<std::vector<std::string>> grid(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c)
        for (int l = 0; l < lanes; ++l) {
            const int rows = m.lanes[static_cast<std::size_t>(l)].height > 200 ? 2 : 1;
            for (int row = 0; row < rows; ++row) {
                if (pick(3) == 0)
                    continue;
                Step s;
                s.id = "s" + std::to_string(m.steps.size());
                s.lane = m.lanes[static_cast<std::size_t>(l)].id;
                s.kind = pick(5) == 0 ? StepKind::Decision : StepKind::Activity;
                s.label = s.kind == StepKind::Decision ? "Ready?" : "Step " + s.id;
                s.x = 30 + c * 200;
                s.y = rows == 2 ? 20 + row * 120 : 35;
                s.w = s.kind == StepKind::Decision ? 110 : 150;
                s.h = s.kind == StepKind::Decision ? 90 : 70;
                if (rows == 2)
                    s.h = std::min(s.h, 90);
                s.phase = m.phases[static_cast<std::size_t>(s.x / phaseWidth)].id;
                grid[static_cast<std::size_t>(c)].push_back(s.id);
                m.steps.push_back(std::move(s));
            }
        }
    const std::vector<std::string> labels{"Yes", "No", "if approved", "on request"};
    for (int c = 0; c + 1 < columns; ++c)
        for (const std::string& from : grid[static_cast<std::size_t>(c)]) {
            const int outs = m.step(from)->kind == StepKind::Decision ? 2 : 1;
            for (int o = 0; o < outs; ++o) {
                const int to = std::min(columns - 1, c + 1 + pick(2));
                // To the same lane or a neighbouring one, as handoffs mostly go.
                const int lane = std::stoi(m.step(from)->lane.substr(1));
                std::vector<std::string> targets;
                for (const std::string& t : grid[static_cast<std::size_t>(to)])
                    if (std::abs(std::stoi(m.step(t)->lane.substr(1)) - lane) <= 1)
                        targets.push_back(t);
                if (targets.empty() || pick(4) == 0)
                    continue;
                Flow f;
                f.id = "f" + std::to_string(m.flows.size());
                f.from = from;
                f.to = targets[static_cast<std::size_t>(pick(static_cast<int>(targets.size())))];
                if (pick(3) == 0)
                    f.label = labels[static_cast<std::size_t>(pick(static_cast<int>(labels.size())))];
                m.flows.push_back(f);
            }
        }
    // A loop back or two.
    for (int k = 0; k < 2 && columns > 3; ++k) {
        const auto& late = grid[static_cast<std::size_t>(columns - 1 - k)];
        const auto& early = grid[static_cast<std::size_t>(1 + k)];
        if (!late.empty() && !early.empty())
            m.flows.push_back({"f" + std::to_string(m.flows.size()), late.front(), early.back(), "revise"});
    }
    return m;
}

void requireReadable(const Laid& laid)
{
    INFO(laid.map().props.title << " (" << laid.map().id << "), " << laid.map().flows.size() << " flows");
    for (const std::string& p : sharedSegments(laid))
        FAIL_CHECK("shared line: " << p);
    for (const std::string& p : alongBorders(laid))
        FAIL_CHECK(p);
    for (const std::string& p : labelClashes(laid))
        FAIL_CHECK(p);
    for (const std::string& p : decisionOverflows(laid))
        FAIL_CHECK(p);
}

} // namespace

TEST_CASE("Flows on the demo maps share no line, keep off lane borders, and their labels clear", "[canvas][flows]")
{
    for (std::size_t d = 0; d < demoMapTexts().size(); ++d) {
        const Laid laid(demoMap(d));
        requireReadable(laid);
        // Inside the diamond, and whole: no decision's question is cut short to stay inside.
        for (const Step& s : laid.map().steps)
            if (s.kind == StepKind::Decision) {
                INFO(s.label << " at " << laid.scene.stepItem(s.id)->labelPixelSize() << " px");
                CHECK(laid.scene.stepItem(s.id)->shownLabel().toStdString() == s.label);
            }
    }
}

TEST_CASE("Flows on random maps share no line, keep off lane borders, and their labels clear", "[canvas][flows]")
{
    for (unsigned seed = 1; seed <= 40; ++seed) {
        const Laid laid(randomMap(seed));
        requireReadable(laid);
    }
}

TEST_CASE("Text stays inside a decision's diamond, at the sizes labels are grown to", "[canvas][flows]")
{
    // The demo's longest question, and labels of every length a decision gets.
    const std::vector<std::string> labels{"On track?", "First- or second-year principal?", "Contract recommendation",
                                          "Does the principal's growth plan meet the district's standard for renewal?"};
    for (const std::string& label : labels) {
        Map m;
        m.id = "m-decision";
        m.lanes = {{"l1", "Principal", "#E8F0FE", 400}};
        m.phases = {{"p1", "Year", "#FFFFFF", 800}};
        Step s;
        s.id = "d1";
        s.lane = "l1";
        s.phase = "p1";
        s.kind = StepKind::Decision;
        s.label = label;
        s.x = 40;
        s.y = 40;
        s.w = 110;
        s.h = 90;
        m.steps = {s};
        const Laid laid(m);
        INFO(label);
        CHECK(decisionOverflows(laid).empty());
    }
}

TEST_CASE("The same line may be shared only by flows that share an end, and then only where they meet",
          "[canvas][flows]")
{
    // Two flows out of one decision may leave along one stub; two flows between four other
    // steps forced through one gap are drawn flowrules::kParallelGap apart.
    Map m;
    m.id = "m-gap";
    m.lanes = {{"l1", "A", "#E8F0FE", 250}, {"l2", "B", "#E8F0FE", 250}};
    m.phases = {{"p1", "Year", "#FFFFFF", 1200}};
    auto add = [&m](const std::string& id, const std::string& lane, int x, int y) {
        Step s;
        s.id = id;
        s.lane = lane;
        s.phase = "p1";
        s.label = id;
        s.x = x;
        s.y = y;
        m.steps.push_back(s);
    };
    add("a1", "l1", 30, 20);
    add("a2", "l1", 30, 140);
    add("b1", "l1", 600, 20);
    add("b2", "l1", 600, 140);
    add("wall", "l1", 300, 20);
    add("c", "l2", 300, 60);
    m.flows = {{"f1", "a1", "b2", ""}, {"f2", "a2", "b1", ""}, {"f3", "a1", "c", ""}};
    const Laid laid(m);
    CHECK(sharedSegments(laid).empty());
    CHECK(alongBorders(laid).empty());
}

TEST_CASE("Tab in one lane sends no unrelated flow through another lane", "[canvas][flows]")
{
    for (unsigned seed = 1; seed <= 25; ++seed) {
        const Map original = randomMap(seed);
        MemoryStore store("the test map");
        store.addMap(original);
        MapDocument doc(store, store.loadMap(original.id));
        MapCanvas canvas;
        canvas.resize(1400, 800);
        canvas.setDocument(&doc);
        // The step after which Tab inserts: one with a step to its right, so that Tab pushes.
        const Step* at = nullptr;
        for (const Step& s : doc.map().steps)
            for (const Step& t : doc.map().steps)
                if (!at && t.lane == s.lane && t.x > s.x && s.kind != StepKind::Decision)
                    at = &s;
        if (!at)
            continue;
        const std::string atId = at->id;
        const std::string lane = at->lane;
        std::map<std::string, std::set<int>> before;
        for (const Flow& f : doc.map().flows)
            before[f.id] = lanesOf(doc.map(), canvas.mapScene()->flowItem(f.id)->route());
        canvas.selectStep(QString::fromStdString(atId), true);
        canvas.addNextStep(false);
        QApplication::processEvents();
        REQUIRE(doc.map().steps.size() == original.steps.size() + 1);
        INFO("seed " << seed << ", Tab after " << atId << " in " << lane);
        for (const Flow& f : doc.map().flows) {
            if (!before.count(f.id) || doc.map().step(f.from)->lane == lane || doc.map().step(f.to)->lane == lane)
                continue;
            const std::set<int> after = lanesOf(doc.map(), canvas.mapScene()->flowItem(f.id)->route());
            for (int l : after)
                if (!before[f.id].count(l))
                    FAIL_CHECK(f.id << " now passes through lane " << l << ": "
                                    << describe(canvas.mapScene()->flowItem(f.id)->route()));
        }
    }
}
