// Issue 15, the views: no invented findings, six districts at a glance, one colour per
// district, match lines over steps, presenting.

#include "crosswalk/compare/findings.h"
#include "crosswalk/storage/memorystore.h"
#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestepitem.h"
#include "ui/compare/comparewindow.h"
#include "ui/compare/differencesview.h"
#include "ui/compare/overlayview.h"
#include "ui/compare/sidebysideview.h"
#include "ui/compare/stackmarksitem.h"
#include "support/demoworkspace.h"
#include "support/tempworkspace.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

/// A fresh demo workspace (support/demoworkspace.h), named for these tests.
struct DemoWorkspace : test::DemoWorkspace {
    explicit DemoWorkspace(const std::string& name) : test::DemoWorkspace("cw-cmpviews-" + name) {}
};

std::string stepLabelled(const Map& map, const std::string& label)
{
    for (const Step& step : map.steps)
        if (step.label == label)
            return step.id;
    FAIL("no step " << label);
    return {};
}

bool marks(const Map& map, const std::string& stepId, AnnotationKind kind)
{
    return std::any_of(map.annotations.begin(), map.annotations.end(),
                       [&](const Annotation& n) { return n.target == stepId && n.kind == kind; });
}

std::vector<QTreeWidgetItem*> leaves(QTreeWidgetItem* pairItem, bool checkGroup)
{
    std::vector<QTreeWidgetItem*> out;
    for (int g = 0; g < pairItem->childCount(); ++g) {
        QTreeWidgetItem* group = pairItem->child(g);
        if (group->data(0, DifferencesView::CheckRole).toBool() != checkGroup)
            continue;
        for (int k = 0; k < group->childCount(); ++k)
            out.push_back(group->child(k));
    }
    return out;
}

} // namespace

TEST_CASE("Differences of Harbor City and Kestrel Bay invent nothing and list marks without a counterpart",
          "[compare-ui][findings]")
{
    DemoWorkspace demo("diff");
    Workspace ws = Workspace::open(demo.path);
    // Harbor City and Kestrel Bay, the demo's first two districts.
    CompareWindow window(ws, {demo.ids[0], demo.ids[1]});
    const CompareSession& session = *window.session();
    const Map& hc = session.map(0);
    const Map& kb = session.map(1);
    REQUIRE(hc.props.district.find("Harbor City") != std::string::npos);
    REQUIRE(kb.props.district.find("Kestrel Bay") != std::string::npos);
    QTreeWidgetItem* pairItem = window.differences()->tree()->topLevelItem(0);

    int markItems = 0;
    for (QTreeWidgetItem* item : leaves(pairItem, false)) {
        if (!item->data(0, DifferencesView::KindRole).isValid())
            continue; // a step only one district has
        ++markItems;
        const auto kind = static_cast<AnnotationKind>(item->data(0, DifferencesView::KindRole).toInt());
        const auto basis = static_cast<FindingBasis>(item->data(0, DifferencesView::BasisRole).toInt());
        const bool onA = item->data(0, DifferencesView::OnARole).toBool();
        INFO(item->text(0).toStdString());
        // Stated only across a confirmed or sure match, or where there is no counterpart.
        CHECK(basis != FindingBasis::Unsure);
        // Says which it is.
        if (basis == FindingBasis::Confirmed)
            CHECK(item->text(0).contains(QStringLiteral("[confirmed]")));
        if (basis == FindingBasis::Sure)
            CHECK(item->text(0).contains(QStringLiteral("[proposed, ")));
        if (basis == FindingBasis::NoCounterpart)
            CHECK(item->text(0).contains(QStringLiteral("has no matching step")));
        // The district said not to mark it does not mark it on the matched step.
        const std::string other = (onA ? item->data(0, DifferencesView::StepBRole)
                                       : item->data(0, DifferencesView::StepARole))
                                      .toString()
                                      .toStdString();
        if (!other.empty())
            CHECK_FALSE(marks(onA ? kb : hc, other, kind));
    }
    CHECK(markItems > 0);

    // Both districts' "support only on request" harm surfaces, each naming its district.
    const std::string hcStep = stepLabelled(hc, "Coaching available on request");
    const std::string kbStep = stepLabelled(kb, "Request support?");
    bool hcHarm = false;
    bool kbHarm = false;
    for (QTreeWidgetItem* item : leaves(pairItem, false)) {
        if (item->data(0, DifferencesView::KindRole).toInt() != static_cast<int>(AnnotationKind::Harm))
            continue;
        const bool onA = item->data(0, DifferencesView::OnARole).toBool();
        if (onA && item->data(0, DifferencesView::StepARole).toString().toStdString() == hcStep) {
            hcHarm = true;
            CHECK(item->text(0).startsWith(QStringLiteral("Only %1 marks a harm point here").arg(session.districtNames()[0])));
        }
        if (!onA && item->data(0, DifferencesView::StepBRole).toString().toStdString() == kbStep) {
            kbHarm = true;
            CHECK(item->text(0).startsWith(QStringLiteral("Only %1 marks a harm point here").arg(session.districtNames()[1])));
        }
    }
    CHECK(hcHarm);
    CHECK(kbHarm);

    // Unsure matches are listed to check, not counted as differences.
    const PairComparison& pair = session.pair(0, 1);
    const auto unsure = std::count_if(pair.findings.begin(), pair.findings.end(),
                                      [](const MarkFinding& f) { return f.basis == FindingBasis::Unsure; });
    CHECK(static_cast<long>(leaves(pairItem, true).size()) == unsure);

    // Confirming an unsure match states its difference, as confirmed.
    const auto first = std::find_if(pair.findings.begin(), pair.findings.end(),
                                    [](const MarkFinding& f) { return f.basis == FindingBasis::Unsure; });
    if (first != pair.findings.end()) {
        const std::string a = first->stepsA.front();
        const std::string b = first->stepsB.front();
        window.session()->confirmMatch(0, 1, a, b);
        bool stated = false;
        for (QTreeWidgetItem* item : leaves(window.differences()->tree()->topLevelItem(0), false))
            stated = stated || (item->data(0, DifferencesView::StepARole).toString().toStdString() == a &&
                                item->data(0, DifferencesView::BasisRole).toInt() ==
                                    static_cast<int>(FindingBasis::Confirmed));
        CHECK(stated);
    }
}

TEST_CASE("Six districts fit both ways on 1920x1080, marks told apart by initials, words on hover and click",
          "[compare-ui][overlay]")
{
    DemoWorkspace demo("glance");
    Workspace ws = Workspace::open(demo.path);
    CompareWindow window(ws, demo.ids);
    window.resize(1920, 1080);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::processEvents();
    OverlayView* overlay = window.overlay();
    CompareGraphicsView* view = overlay->view();

    // The whole overlay is in view: every lane row and phase at once.
    const QRectF shown = view->mapToScene(view->viewport()->rect()).boundingRect();
    const QRectF all = view->scene()->itemsBoundingRect();
    CHECK(shown.contains(all.adjusted(2, 2, -2, -2)));

    // Marks: a chip per district that marks a stack, each with its own initials.
    REQUIRE_FALSE(overlay->chipItems().empty());
    const QStringList& initials = window.session()->districtInitials();
    bool several = false;
    for (StackMarksItem* strip : overlay->chipItems()) {
        std::set<QString> tags;
        for (const StackMarksItem::Chip& chip : strip->chips()) {
            CHECK(initials.contains(chip.initials));
            CHECK((chip.blackBox || chip.harm || chip.variation));
            tags.insert(chip.initials);
        }
        CHECK(tags.size() == strip->chips().size()); // one chip per district
        several = several || tags.size() > 1;
    }
    CHECK(several); // some stack carries marks of two or more districts, told apart

    // A stack's hover tip and popup name every district's step.
    CompareStepItem* top = nullptr;
    std::size_t members = 0;
    for (CompareStepItem* item : overlay->stepItems()) {
        std::size_t same = 0;
        for (CompareStepItem* other : overlay->stepItems())
            same += other->toolTip() == item->toolTip() ? 1 : 0;
        if (same > members) {
            members = same;
            top = item;
        }
    }
    REQUIRE(top);
    REQUIRE(members >= 3);
    for (CompareStepItem* item : overlay->stepItems())
        if (item->toolTip() == top->toolTip()) {
            CHECK(top->toolTip().contains(window.session()->districtNames()[static_cast<qsizetype>(item->mapIndex())]));
            CHECK(top->toolTip().contains(item->label().toHtmlEscaped()));
        }
    const QPoint at = view->mapFromScene(top->sceneBoundingRect().center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    REQUIRE(overlay->stackPopup()->isVisible());
    CHECK(overlay->stackPopup()->text() == top->toolTip());
    QTest::keyClick(view, Qt::Key_Escape);
    CHECK_FALSE(overlay->stackPopup()->isVisible());
}

TEST_CASE("A district keeps one colour in every comparison, stored with the workspace", "[compare-ui][colour]")
{
    DemoWorkspace demo("colour");
    std::vector<std::size_t> firstSlots;
    {
        Workspace ws = Workspace::open(demo.path);
        CompareSession all(ws, demo.ids);
        std::set<std::size_t> distinct;
        for (std::size_t i = 0; i < demo.ids.size(); ++i) {
            firstSlots.push_back(all.colorSlot(i));
            distinct.insert(all.colorSlot(i));
        }
        CHECK(distinct.size() == demo.ids.size());
        // Another comparison, other districts in another order: each keeps its colour.
        CompareSession some(ws, {demo.ids[4], demo.ids[1]});
        CHECK(some.colorSlot(0) == firstSlots[4]);
        CHECK(some.colorSlot(1) == firstSlots[1]);
    }
    // Reopened: the colours were stored with the workspace.
    Workspace ws = Workspace::open(demo.path, Workspace::Mode::ReadOnly);
    const auto stored = ws.districtColors();
    for (std::size_t i = 0; i < demo.ids.size(); ++i) {
        REQUIRE(stored.count(demo.ids[i]));
        CHECK(static_cast<std::size_t>(stored.at(demo.ids[i])) == firstSlots[i]);
    }
    CompareSession again(ws, {demo.ids[5], demo.ids[2], demo.ids[0]});
    CHECK(again.colorSlot(0) == firstSlots[5]);
    CHECK(again.colorSlot(1) == firstSlots[2]);
    CHECK(again.colorSlot(2) == firstSlots[0]);
    // The step items of every view draw in that colour.
    CompareWindow window(ws, {demo.ids[5], demo.ids[2]});
    for (CompareStepItem* item : window.overlay()->stepItems())
        CHECK(item->colorSlot() == firstSlots[item->mapIndex() == 0 ? 5 : 2]);

    // A memory store keeps them for its life, and refuses a bad slot.
    MemoryStore memory;
    Map map;
    map.id = "m1";
    map.props.title = "One";
    memory.addMap(map);
    memory.storeDistrictColor("m1", 3);
    CHECK(memory.districtColors().at("m1") == 3);
    CHECK_THROWS_AS(memory.storeDistrictColor("m1", 8), StoreError);
    CHECK_THROWS_AS(memory.storeDistrictColor("nope", 1), StoreError);
}

TEST_CASE("Side by side: match lines run above every unrelated step", "[compare-ui][side]")
{
    DemoWorkspace demo("lines");
    Workspace ws = Workspace::open(demo.path);
    CompareWindow window(ws, {demo.ids[0], demo.ids[1]});
    SideBySideView* side = window.sideBySide();
    REQUIRE(side->matchLineCount() > 0);
    double highestStep = 0;
    for (QGraphicsItem* item : side->findChild<CompareGraphicsView*>()->scene()->items())
        if (item->type() == CompareStepItem::Type && !static_cast<CompareStepItem*>(item)->highlighted())
            highestStep = std::max(highestStep, item->zValue());
    REQUIRE(highestStep > 0);
    for (QGraphicsPathItem* line : side->matchLines())
        CHECK(line->zValue() > highestStep);
}

TEST_CASE("Presenting: F5, a spotlight on a lane row, a walk through the phases, Esc", "[compare-ui][present]")
{
    DemoWorkspace demo("present");
    Workspace ws = Workspace::open(demo.path);
    CompareWindow* window = CompareWindow::presentComparison(ws, demo.ids);
    REQUIRE(window->presenting());
    REQUIRE(QTest::qWaitForWindowExposed(window));
    window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(window));
    OverlayView* overlay = window->overlay();
    CHECK(window->tabs()->currentWidget() == overlay);
    CHECK(overlay->presenting());
    CHECK(window->font().pixelSize() > 20); // large type
    // Thick lines, and each district in its own colour of the Okabe-Ito palette (its stored
    // slot, as in every other view).
    std::set<std::size_t> usedSlots;
    for (CompareStepItem* item : overlay->stepItems()) {
        CHECK(item->lineScale() > 1.5);
        CHECK(item->colorSlot() == window->session()->colorSlot(item->mapIndex()));
        usedSlots.insert(item->colorSlot());
    }
    CHECK(usedSlots.size() == demo.ids.size());

    // Down lights the first lane row, across every district; the caption names it.
    QApplication::processEvents();
    const double allZoom = overlay->view()->zoom();
    QTest::keyClick(window, Qt::Key_Down);
    CHECK(overlay->spotlightRow() == 0);
    CHECK(overlay->veilCount() > 0);
    CHECK(window->presentingCaption().contains(window->session()->rowName(0)));
    CHECK(window->statusBar()->currentMessage() == window->presentingCaption());
    const double rowZoom = overlay->view()->zoom();
    QTest::keyClick(window, Qt::Key_Down);
    CHECK(overlay->spotlightRow() == 1);
    QTest::keyClick(window, Qt::Key_Up);
    CHECK(overlay->spotlightRow() == 0);
    CHECK(rowZoom > allZoom); // the lit row fills the screen: larger type

    // Right walks through the shared phases.
    QTest::keyClick(window, Qt::Key_Home);
    CHECK(overlay->spotlightRow() == -1);
    CHECK(overlay->veilCount() == 0);
    QTest::keyClick(window, Qt::Key_Right);
    CHECK(overlay->focusColumn() == 0);
    CHECK(window->presentingCaption().contains(overlay->columnLabels().front()));
    for (int k = 0; k < overlay->columnCount() + 2; ++k)
        QTest::keyClick(window, Qt::Key_Right);
    CHECK(overlay->focusColumn() == overlay->columnCount() - 1);
    QTest::keyClick(window, Qt::Key_Left);
    CHECK(overlay->focusColumn() == overlay->columnCount() - 2);

    // Esc stops presenting; the keys go back to the views.
    QTest::keyClick(window, Qt::Key_Escape);
    CHECK_FALSE(window->presenting());
    CHECK_FALSE(overlay->presenting());
    CHECK(overlay->veilCount() == 0);
    QTest::keyClick(window, Qt::Key_F5);
    CHECK(window->presenting());
    window->close(); // deletes itself
}

TEST_CASE("Six districts' overlay fills a 1920x1080 view both ways, with labels larger than the standard layout's",
          "[compare-ui][overlay]")
{
    DemoWorkspace demo("fill");
    Workspace ws = Workspace::open(demo.path);
    CompareWindow window(ws, demo.ids);
    window.resize(1920, 1080);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::processEvents();
    OverlayView* overlay = window.overlay();
    CompareGraphicsView* view = overlay->view();
    const auto fill = [&] {
        const QRectF all = view->scene()->itemsBoundingRect();
        const QRect onScreen = view->mapFromScene(all).boundingRect();
        return std::pair{double(onScreen.width()) / view->viewport()->width(),
                         double(onScreen.height()) / view->viewport()->height()};
    };
    const auto [width, height] = fill();
    INFO("width " << width << ", height " << height << ", zoom " << view->zoom());
    CHECK(width >= 0.85);
    CHECK(height >= 0.85);
    CHECK(width <= 1.0);
    CHECK(height <= 1.0);
    // Everything still in view, each step in its phase column of the layout drawn.
    const QRectF shown = view->mapToScene(view->viewport()->rect()).boundingRect();
    CHECK(shown.contains(view->scene()->itemsBoundingRect().adjusted(2, 2, -2, -2)));
    REQUIRE(overlay->columnCount() == 5);
    CHECK(overlay->columnEdge(5) - overlay->columnEdge(0) > 5 * 330); // wider than the standard layout's columns
    for (CompareStepItem* item : overlay->stepItems()) {
        if (!item->ghosted())
            continue;
        const Map& map = window.session()->map(item->mapIndex());
        const int column = static_cast<int>(map.phaseIndex(map.step(item->stepId())->phase).value());
        CHECK(item->pos().x() >= overlay->columnEdge(column));
        CHECK(item->pos().x() + item->boundingRect().width() <= overlay->columnEdge(column + 1) + 20);
    }

    // The type a person sees: the labels' largest type at the fitted zoom, half as large again
    // as in the standard layout (the report's, and this window's before: 16 px labels in a
    // drawing bound by its height).
    REQUIRE_FALSE(overlay->stepItems().empty());
    const double seen = overlay->stepItems().front()->largestLabelPx() * view->zoom();
    OverlayView standard(*window.session()); // never shown: the standard layout
    const QRectF standardRect = standard.view()->scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10);
    const double standardZoom = std::min((view->viewport()->width() - 4) / standardRect.width(),
                                         (view->viewport()->height() - 4) / standardRect.height());
    INFO("label type on screen " << seen << " px, standard layout " << 16 * standardZoom << " px");
    CHECK(seen >= 1.5 * 16 * standardZoom);

    // A smaller window is laid out again for its size, and still filled both ways.
    window.resize(1280, 900);
    QTest::qWait(400); // the layout follows once the resizing pauses
    const auto [w2, h2] = fill();
    INFO("after resize: width " << w2 << ", height " << h2);
    CHECK(w2 >= 0.85);
    CHECK(h2 >= 0.85);
}
