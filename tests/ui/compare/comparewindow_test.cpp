#include "crosswalk/compare/compare.h"
#include "crosswalk/compare/decisionstore.h"
#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestepitem.h"
#include "ui/compare/comparewindow.h"
#include "ui/compare/differencesview.h"
#include "ui/compare/gridcelldelegate.h"
#include "ui/compare/gridview.h"
#include "ui/compare/mappickerdialog.h"
#include "ui/compare/overlayview.h"
#include "ui/compare/sidebysideview.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <filesystem>
#include <set>

#include <unistd.h>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

// A fresh workspace holding the six demo districts; ids in the demo's order.
struct DemoWorkspace {
    std::string path;
    std::vector<std::string> ids;

    explicit DemoWorkspace(const std::string& name)
    {
        path = (fs::temp_directory_path() / ("cw-cmpui-" + name + "-" + std::to_string(::getpid()) + ".crosswalk"))
                   .string();
        fs::remove(path);
        Workspace ws = Workspace::create(path);
        for (std::string_view text : demoMapTexts()) {
            Map map = parseMapJson(text).map;
            ids.push_back(map.id);
            ws.addMap(map);
        }
    }
    ~DemoWorkspace() { fs::remove(path); }
    std::vector<std::string> first(std::size_t n) const { return {ids.begin(), ids.begin() + static_cast<long>(n)}; }
};

std::size_t stepsOf(const CompareSession& s, std::size_t i)
{
    return s.map(i).steps.size();
}

bool hasMatch(const PairComparison& pair, const std::string& a, const std::string& b)
{
    return std::any_of(pair.matches.begin(), pair.matches.end(),
                       [&](const StepMatch& m) { return m.a == a && m.b == b; });
}

} // namespace

TEST_CASE("Two districts: every view shows what the comparison found", "[compare-ui]")
{
    DemoWorkspace demo("two");
    Workspace ws = Workspace::open(demo.path);
    CompareWindow window(ws, demo.first(2));
    CompareSession& session = *window.session();
    const PairComparison& pair = session.pair(0, 1);
    const ComparisonResult& result = session.result();
    REQUIRE(result.maps.size() == 2);
    REQUIRE(!pair.matches.empty());
    CHECK(window.tabs()->count() == 4);

    SECTION("overlay: matched steps stacked, the rest ghosted, on the crosswalk's lane rows")
    {
        OverlayView* overlay = window.overlay();
        CHECK(overlay->rowCount() == static_cast<int>(result.laneRows.size()));
        CHECK(overlay->stepItemCount() == static_cast<int>(stepsOf(session, 0) + stepsOf(session, 1)));
        CHECK(overlay->stackCount() == static_cast<int>(pair.matches.size()));
        CHECK(overlay->ghostCount() == static_cast<int>(pair.onlyA.size() + pair.onlyB.size()));

        // Differences only: the unmatched steps and the matches marked differently.
        std::set<std::string> flagged;
        for (const AnnotationDifference& d : pair.annotationDifferences)
            flagged.insert(d.a);
        overlay->setDifferencesOnly(true);
        CHECK(overlay->stepItemCount() ==
              static_cast<int>(pair.onlyA.size() + pair.onlyB.size() + 2 * flagged.size()));
        overlay->setDifferencesOnly(false);

        // Hiding a district leaves the other, drawn plainly.
        overlay->districtToggle(1)->click();
        CHECK_FALSE(overlay->districtVisible(1));
        CHECK(overlay->stepItemCount() == static_cast<int>(stepsOf(session, 0)));
        CHECK(overlay->ghostCount() == 0);
        CHECK(overlay->stackCount() == 0);
    }

    SECTION("side by side: one line per match; selecting a step selects its partner")
    {
        SideBySideView* side = window.sideBySide();
        CHECK(side->matchLineCount() == static_cast<int>(pair.matches.size()));
        CHECK(side->stepItemCount() == static_cast<int>(stepsOf(session, 0) + stepsOf(session, 1)));
        const StepMatch& m = pair.matches.front();
        side->selectStep(SideBySideView::Side::B, m.b);
        CHECK(side->selectedA() == m.a);
        CHECK(side->selectedB() == m.b);
        CHECK(side->stepItem(SideBySideView::Side::A, m.a)->highlighted());
        CHECK(side->stepItem(SideBySideView::Side::B, m.b)->highlighted());
        CHECK(side->rejectButton()->isEnabled());
        CHECK_FALSE(side->matchButton()->isEnabled());

        // A click on the drawn step does the same.
        window.resize(1600, 1000);
        window.show();
        window.showTab(CompareWindow::Tab::SideBySide);
        QApplication::processEvents();
        const StepMatch& other = pair.matches.back();
        CompareStepItem* item = side->stepItem(SideBySideView::Side::A, other.a);
        side->view()->centerOn(item);
        const QPoint at = side->view()->mapFromScene(item->sceneBoundingRect().center());
        QTest::mouseClick(side->view()->viewport(), Qt::LeftButton, {}, at);
        CHECK(side->selectedA() == other.a);
        CHECK(side->selectedB() == other.b);
    }

    SECTION("grid: lanes x districts, with each lane's figures; a double-click asks to open the map there")
    {
        QTableWidget* table = window.grid()->table();
        REQUIRE(table->rowCount() == static_cast<int>(result.laneRows.size()));
        REQUIRE(table->columnCount() == 2);
        for (std::size_t c = 0; c < 2; ++c) {
            const auto figures = laneFigures(session.map(c));
            for (std::size_t r = 0; r < result.laneRows.size(); ++r) {
                QTableWidgetItem* cell = table->item(static_cast<int>(r), static_cast<int>(c));
                const std::string& lane = result.laneRows[r][c];
                CHECK(cell->data(GridCellDelegate::HasLaneRole).toBool() == !lane.empty());
                if (lane.empty())
                    continue;
                CHECK(cell->data(GridCellDelegate::StepsRole).toInt() == figures.at(lane).steps);
                CHECK(cell->data(GridCellDelegate::HandoffsRole).toInt() == figures.at(lane).handoffs);
                CHECK(cell->data(GridCellDelegate::BlackBoxesRole).toInt() == figures.at(lane).blackBoxes);
                CHECK(cell->data(GridCellDelegate::HarmPointsRole).toInt() == figures.at(lane).harmPoints);
                CHECK(cell->data(GridCellDelegate::VariationsRole).toInt() == figures.at(lane).variations);
            }
        }
        window.resize(1600, 1000);
        window.show();
        window.showTab(CompareWindow::Tab::Grid);
        QApplication::processEvents();
        QSignalSpy spy(&window, &CompareWindow::openMapAt);
        const QRect cell = table->visualItemRect(table->item(1, 1));
        // QTest needs the press before the double-click for the view to see one.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        REQUIRE(spy.count() == 1);
        CHECK(spy.at(0).at(0).toString().toStdString() == session.map(1).id);
        CHECK(spy.at(0).at(1).toString().toStdString() == result.laneRows[1][1]);
    }

    SECTION("differences: only-in-A, only-in-B and annotation differences, each leading to its steps")
    {
        DifferencesView* diff = window.differences();
        CHECK(diff->tree()->topLevelItemCount() == 1);
        CHECK(diff->itemCount(0, 1) ==
              static_cast<int>(pair.onlyA.size() + pair.onlyB.size() + pair.annotationDifferences.size()));
        // The first "only in B" item selects its step in the side-by-side view and shows it.
        QTreeWidgetItem* onlyB = diff->tree()->topLevelItem(0)->child(1);
        REQUIRE(onlyB->childCount() == static_cast<int>(pair.onlyB.size()));
        REQUIRE(onlyB->childCount() > 0);
        diff->tree()->itemClicked(onlyB->child(0), 0);
        CHECK(window.tabs()->currentWidget() == window.sideBySide());
        CHECK(window.sideBySide()->selectedB() == pair.onlyB.front());
        CHECK(window.sideBySide()->stepItem(SideBySideView::Side::B, pair.onlyB.front())->highlighted());
    }
}

TEST_CASE("Six districts: overlay, grid, side by side and differences cover every district and pair", "[compare-ui]")
{
    DemoWorkspace demo("six");
    Workspace ws = Workspace::open(demo.path);
    CompareWindow window(ws, demo.ids);
    CompareSession& session = *window.session();
    const ComparisonResult& result = session.result();
    REQUIRE(result.maps.size() == 6);
    REQUIRE(result.pairs.size() == 15);

    std::size_t allSteps = 0;
    for (std::size_t i = 0; i < 6; ++i)
        allSteps += stepsOf(session, i);
    CHECK(window.overlay()->stepItemCount() == static_cast<int>(allSteps));
    CHECK(window.overlay()->rowCount() == static_cast<int>(result.laneRows.size()));
    CHECK(window.overlay()->stackCount() > 0);
    window.overlay()->setDifferencesOnly(true);
    CHECK(window.overlay()->stepItemCount() < static_cast<int>(allSteps));
    window.overlay()->setDifferencesOnly(false);

    QTableWidget* table = window.grid()->table();
    CHECK(table->rowCount() * table->columnCount() == static_cast<int>(result.laneRows.size() * 6));

    SideBySideView* side = window.sideBySide();
    side->showPair(5, 2);
    CHECK(side->mapA() == 2);
    CHECK(side->mapB() == 5);
    CHECK(side->matchLineCount() == static_cast<int>(session.pair(2, 5).matches.size()));
    CHECK(side->stepItemCount() == static_cast<int>(stepsOf(session, 2) + stepsOf(session, 5)));

    CHECK(window.differences()->tree()->topLevelItemCount() == 15);
    const PairComparison& p34 = session.pair(3, 4);
    CHECK(window.differences()->itemCount(3, 4) ==
          static_cast<int>(p34.onlyA.size() + p34.onlyB.size() + p34.annotationDifferences.size()));
}

TEST_CASE("Match decisions made in the side-by-side view are stored and survive reopening", "[compare-ui]")
{
    DemoWorkspace demo("decide");
    StepMatch confirmed;
    StepMatch rejected;
    std::string addedA;
    std::string addedB;
    {
        Workspace ws = Workspace::open(demo.path);
        CompareWindow window(ws, demo.first(2));
        CompareSession& session = *window.session();
        SideBySideView* side = window.sideBySide();
        const PairComparison before = session.pair(0, 1);
        REQUIRE(before.matches.size() >= 2);
        REQUIRE(!before.onlyA.empty());
        REQUIRE(!before.onlyB.empty());
        confirmed = before.matches[0];
        rejected = before.matches[1];
        addedA = before.onlyA.front();
        addedB = before.onlyB.front();

        // Confirm.
        side->selectStep(SideBySideView::Side::A, confirmed.a);
        REQUIRE(side->confirmButton()->isEnabled());
        QTest::mouseClick(side->confirmButton(), Qt::LeftButton);
        CHECK(session.stepDecision(0, 1, confirmed.a, confirmed.b) == Decision::Confirmed);
        CHECK_FALSE(side->confirmButton()->isEnabled()); // already confirmed
        CHECK(side->clearButton()->isEnabled());

        // Reject: the line goes.
        side->selectStep(SideBySideView::Side::A, rejected.a);
        REQUIRE(side->selectedB() == rejected.b);
        QTest::mouseClick(side->rejectButton(), Qt::LeftButton);
        CHECK_FALSE(hasMatch(session.pair(0, 1), rejected.a, rejected.b));
        CHECK(side->matchLineCount() == static_cast<int>(session.pair(0, 1).matches.size()));

        // Add a match the comparison missed: one step in each map, then Match.
        side->clearSelection();
        side->selectStep(SideBySideView::Side::A, addedA, true);
        side->selectStep(SideBySideView::Side::B, addedB, true);
        REQUIRE(side->matchButton()->isEnabled());
        QTest::mouseClick(side->matchButton(), Qt::LeftButton);
        CHECK(hasMatch(session.pair(0, 1), addedA, addedB));
        CHECK(window.overlay()->stackCount() == static_cast<int>(session.pair(0, 1).matches.size()));

        // Clear the added one again, then add it back (clear must work too).
        REQUIRE(side->clearButton()->isEnabled());
        QTest::mouseClick(side->clearButton(), Qt::LeftButton);
        CHECK_FALSE(session.stepDecision(0, 1, addedA, addedB).has_value());
        side->selectStep(SideBySideView::Side::A, addedA, true);
        side->selectStep(SideBySideView::Side::B, addedB, true);
        if (!side->matchButton()->isEnabled()) // the comparison itself paired them once free again
            side->clearSelection();
        else
            QTest::mouseClick(side->matchButton(), Qt::LeftButton);
        CHECK(hasMatch(session.pair(0, 1), addedA, addedB));
    }

    Workspace reopened = Workspace::open(demo.path);
    const DecisionSet stored = loadDecisions(reopened, demo.first(2));
    const auto decisions = stored.between(demo.ids[0], demo.ids[1], DecisionKind::Step);
    const auto find = [&](const std::string& a, const std::string& b) -> const MatchDecision* {
        for (const MatchDecision& d : decisions)
            if (d.a == a && d.b == b)
                return &d;
        return nullptr;
    };
    REQUIRE(find(confirmed.a, confirmed.b));
    CHECK(find(confirmed.a, confirmed.b)->decision == Decision::Confirmed);
    REQUIRE(find(rejected.a, rejected.b));
    CHECK(find(rejected.a, rejected.b)->decision == Decision::Rejected);

    CompareWindow window(reopened, demo.first(2));
    const PairComparison& pair = window.session()->pair(0, 1);
    CHECK(hasMatch(pair, confirmed.a, confirmed.b));
    CHECK_FALSE(hasMatch(pair, rejected.a, rejected.b));
    CHECK(hasMatch(pair, addedA, addedB));
    SideBySideView* side = window.sideBySide();
    CHECK(side->matchLineCount() == static_cast<int>(pair.matches.size()));
    side->selectStep(SideBySideView::Side::A, rejected.a, true);
    side->selectStep(SideBySideView::Side::B, rejected.b, true);
    CHECK(side->clearButton()->isEnabled());
    CHECK(side->detailsLabel()->text().contains(QStringLiteral("rejected")));
}

TEST_CASE("The map picker accepts two to eight maps", "[compare-ui]")
{
    DemoWorkspace demo("pick");
    Workspace ws = Workspace::open(demo.path);
    MapPickerDialog dialog(ws);
    QListWidget* list = dialog.list();
    REQUIRE(list->count() == 6);
    CHECK_FALSE(dialog.acceptable());
    list->item(0)->setCheckState(Qt::Checked);
    CHECK_FALSE(dialog.acceptable());
    list->item(3)->setCheckState(Qt::Checked);
    CHECK(dialog.acceptable());
    CHECK(dialog.selectedMapIds().size() == 2);
    dialog.setSelectedMapIds(demo.ids);
    CHECK(dialog.acceptable());
    CHECK(dialog.selectedMapIds().size() == 6);
}

TEST_CASE("Comparison views rendered at 1920x1080 for review", "[.][compare-shots]")
{
    DemoWorkspace demo("shots");
    Workspace ws = Workspace::open(demo.path);
    for (std::size_t n : {std::size_t{2}, std::size_t{6}}) {
        CompareWindow window(ws, demo.first(n));
        window.resize(1920, 1080);
        window.show();
        QApplication::processEvents();
        const std::pair<CompareWindow::Tab, const char*> tabs[] = {{CompareWindow::Tab::Overlay, "overlay"},
                                                                   {CompareWindow::Tab::SideBySide, "side"},
                                                                   {CompareWindow::Tab::Grid, "grid"},
                                                                   {CompareWindow::Tab::Differences, "diff"}};
        for (const auto& [tab, name] : tabs) {
            window.showTab(tab);
            QApplication::processEvents();
            if (tab == CompareWindow::Tab::SideBySide) {
                const PairComparison& pair = window.session()->pair(0, 1);
                window.sideBySide()->selectAndCentre(pair.matches[2].a, pair.matches[2].b);
                QApplication::processEvents();
            }
            const QString file = QStringLiteral("/tmp/cmp-%1-%2.png").arg(n).arg(QString::fromLatin1(name));
            CHECK(window.grab().save(file));
        }
        window.showTab(CompareWindow::Tab::Overlay);
        window.overlay()->setDifferencesOnly(true);
        QApplication::processEvents();
        CHECK(window.grab().save(QStringLiteral("/tmp/cmp-%1-overlay-diff.png").arg(n)));
    }
}
