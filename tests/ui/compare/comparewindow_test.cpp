#include "crosswalk/compare/compare.h"
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
#include "ui/compare/lanepairingview.h"
#include "ui/compare/mappickerdialog.h"
#include "ui/compare/overlayview.h"
#include "ui/compare/sidebysideview.h"
#include "support/demoworkspace.h"
#include "support/tempworkspace.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <tuple>

#include <unistd.h>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

/// A fresh demo workspace (support/demoworkspace.h), named for these tests.
struct DemoWorkspace : test::DemoWorkspace {
    explicit DemoWorkspace(const std::string& name) : test::DemoWorkspace("cw-cmpui-" + name) {}
};

// The findings the views state: across confirmed or sure matches, and without a counterpart.
std::size_t shownFindings(const PairComparison& pair)
{
    return static_cast<std::size_t>(std::count_if(pair.findings.begin(), pair.findings.end(),
                                                  [](const MarkFinding& f) { return f.basis != FindingBasis::Unsure; }));
}

std::size_t stepsOf(const CompareSession& s, std::size_t i)
{
    return s.map(i).steps.size();
}

// Stacks in the overlay: one per one-to-one match and one per split (issue 15: the
// matches of a split share a group and their step on the unsplit side).
int stacksOf(const PairComparison& pair)
{
    std::set<int> groups;
    int stacks = 0;
    for (const StepMatch& m : pair.matches) {
        if (m.group == 0)
            ++stacks;
        else if (groups.insert(m.group).second)
            ++stacks;
    }
    return stacks;
}

// The further parts of splits, which the overlay draws apart from their stack for now.
int furtherPartsOf(const PairComparison& pair)
{
    return static_cast<int>(pair.matches.size()) - stacksOf(pair);
}

bool hasMatch(const PairComparison& pair, const std::string& a, const std::string& b)
{
    return std::any_of(pair.matches.begin(), pair.matches.end(),
                       [&](const StepMatch& m) { return m.a == a && m.b == b; });
}

std::string laneNamed(const Map& map, const std::string& name)
{
    for (const Lane& lane : map.lanes)
        if (lane.name == name)
            return lane.id;
    FAIL("no lane " << name);
    return {};
}

const LanePair* lanePairOf(const PairComparison& pair, const std::string& laneA)
{
    for (const LanePair& p : pair.lanes)
        if (p.a == laneA)
            return &p;
    return nullptr;
}

// Clicks the first cell of a row of the lane table, as a user does.
void clickRow(LanePairingView* lanes, int row)
{
    REQUIRE(row >= 0);
    QTableWidget* table = lanes->table();
    table->scrollToItem(table->item(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(row, 0)).center());
}

QString decisionText(LanePairingView* lanes, int row)
{
    return row < 0 ? QString() : lanes->table()->item(row, 3)->text();
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
    CHECK(window.tabs()->count() == 5);

    SECTION("overlay: matched steps stacked, the rest ghosted, on the crosswalk's lane rows")
    {
        OverlayView* overlay = window.overlay();
        CHECK(overlay->rowCount() == static_cast<int>(result.laneRows.size()));
        CHECK(overlay->stepItemCount() == static_cast<int>(stepsOf(session, 0) + stepsOf(session, 1)));
        CHECK(overlay->stackCount() == stacksOf(pair));
        CHECK(overlay->ghostCount() == static_cast<int>(pair.onlyA.size() + pair.onlyB.size()) + furtherPartsOf(pair));

        // Differences only: the unmatched steps and the matches marked differently.
        // (Marked differently across a confirmed or sure match: an unsure one states nothing.)
        std::set<std::string> flagged;
        for (const MarkFinding& f : pair.findings)
            if (f.basis == FindingBasis::Confirmed || f.basis == FindingBasis::Sure)
                flagged.insert(f.stepsA.begin(), f.stepsA.end());
        overlay->setDifferencesOnly(true);
        CHECK(overlay->stepItemCount() ==
              static_cast<int>(pair.onlyA.size() + pair.onlyB.size() + 2 * flagged.size()) + furtherPartsOf(pair));
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
        CHECK(diff->itemCount(0, 1) == static_cast<int>(pair.onlyA.size() + pair.onlyB.size() + shownFindings(pair)));
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

    // The Lanes tab shows any two of the districts, chosen at its top.
    LanePairingView* lanes = window.lanes();
    lanes->mapBCombo()->setCurrentIndex(3);
    CHECK(lanes->mapA() == 0);
    CHECK(lanes->mapB() == 3);
    CHECK(lanes->table()->rowCount() == static_cast<int>(session.pair(0, 3).laneFigures.size()));
    CHECK(lanes->laneBCombo()->count() == static_cast<int>(session.map(3).lanes.size()));
    lanes->mapACombo()->setCurrentIndex(3); // the same district twice: the other box moves
    CHECK(lanes->mapA() == 0);
    CHECK(lanes->mapB() == 3);

    CHECK(window.differences()->tree()->topLevelItemCount() == 15);
    const PairComparison& p34 = session.pair(3, 4);
    CHECK(window.differences()->itemCount(3, 4) ==
          static_cast<int>(p34.onlyA.size() + p34.onlyB.size() + shownFindings(p34)));
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
        CHECK(window.overlay()->stackCount() == stacksOf(session.pair(0, 1)));

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
    const DecisionSet stored = reopened.loadDecisions(demo.first(2));
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

TEST_CASE("Lane pairings are confirmed, rejected and added in the comparison window and survive reopening",
          "[compare-ui]")
{
    using Kind = LanePairingView::RowKind;
    DemoWorkspace demo("lanes");
    std::string principalA, principalB, supA, isB, chiefA, deputyB, hrA, talentB, laborB;
    {
        Workspace ws = Workspace::open(demo.path);
        CompareWindow window(ws, demo.first(2));
        CompareSession& session = *window.session();
        const Map& a = session.map(0);
        const Map& b = session.map(1);
        principalA = laneNamed(a, "Principal");
        principalB = laneNamed(b, "Principal");
        supA = laneNamed(a, "Principal Supervisor");
        isB = laneNamed(b, "Instructional Superintendent");
        chiefA = laneNamed(a, "Chief of Schools");
        deputyB = laneNamed(b, "Deputy Superintendent");
        hrA = laneNamed(a, "Human Resources");
        talentB = laneNamed(b, "Talent Office");
        laborB = laneNamed(b, "Labor association");
        window.resize(1600, 1000);
        window.show();
        window.showTab(CompareWindow::Tab::Lanes);
        QApplication::processEvents();
        LanePairingView* lanes = window.lanes();
        QTableWidget* table = lanes->table();
        REQUIRE(window.tabs()->currentWidget() == lanes);

        // Every pairing with its score and where it came from, and the lane left alone.
        const PairComparison before = session.pair(0, 1);
        CHECK(table->rowCount() == static_cast<int>(before.laneFigures.size()));
        const int supRow = lanes->rowOf(supA, isB, Kind::Pair);
        REQUIRE(supRow >= 0);
        CHECK(table->item(supRow, 2)->text() == QString::number(lanePairOf(before, supA)->score, 'f', 2));
        CHECK(decisionText(lanes, supRow).contains(QStringLiteral("suggested")));
        CHECK(lanes->rowOf("", laborB, Kind::OnlyB) >= 0);
        const int overlayRows = window.overlay()->rowCount();
        const int gridRows = window.grid()->table()->rowCount();
        const StepMatch* goalBefore = nullptr;
        for (const StepMatch& m : before.matches)
            if (a.step(m.a)->label == "Goal-setting conference")
                goalBefore = &m;
        REQUIRE(goalBefore);
        const std::string goalA = goalBefore->a;
        const double goalScore = goalBefore->score;

        // Confirm: the pair stays, marked as the team's.
        clickRow(lanes, lanes->rowOf(principalA, principalB, Kind::Pair));
        REQUIRE(lanes->confirmButton()->isEnabled());
        QTest::mouseClick(lanes->confirmButton(), Qt::LeftButton);
        CHECK(session.laneDecision(0, 1, principalA, principalB) == Decision::Confirmed);
        CHECK(lanePairOf(session.pair(0, 1), principalA)->decided);
        CHECK(decisionText(lanes, lanes->rowOf(principalA, principalB, Kind::Pair))
                  .contains(QStringLiteral("confirmed")));
        CHECK_FALSE(lanes->confirmButton()->isEnabled());
        CHECK(lanes->clearButton()->isEnabled());

        // Reject: both lanes lose their partner; every view gets a row more, and the step
        // matches between the two lanes lose their same-role part.
        clickRow(lanes, lanes->rowOf(supA, isB, Kind::Pair));
        REQUIRE(lanes->rejectButton()->isEnabled());
        QTest::mouseClick(lanes->rejectButton(), Qt::LeftButton);
        CHECK(session.laneDecision(0, 1, supA, isB) == Decision::Rejected);
        CHECK(lanePairOf(session.pair(0, 1), supA) == nullptr);
        CHECK(lanes->rowOf(supA, isB, Kind::Pair) < 0);
        CHECK(lanes->rowOf(supA, isB, Kind::Rejected) >= 0);
        CHECK(lanes->rowOf(supA, "", Kind::OnlyA) >= 0);
        CHECK(lanes->rowOf("", isB, Kind::OnlyB) >= 0);
        CHECK(decisionText(lanes, lanes->rowOf(supA, isB, Kind::Rejected)).contains(QStringLiteral("rejected")));
        CHECK(window.overlay()->rowCount() == overlayRows + 1);
        CHECK(window.grid()->table()->rowCount() == gridRows + 1);
        const StepMatch* goalAfter = session.matchOf(0, 1, goalA);
        // Scores are calibrated (issue 15): monotone in the raw score, so no higher.
        CHECK((!goalAfter || goalAfter->score <= goalScore));

        // Add a pairing the comparison did not make, with the Pair boxes.
        lanes->laneACombo()->setCurrentIndex(lanes->laneACombo()->findData(QString::fromStdString(hrA)));
        lanes->laneBCombo()->setCurrentIndex(lanes->laneBCombo()->findData(QString::fromStdString(laborB)));
        REQUIRE(lanes->pairButton()->isEnabled());
        QTest::mouseClick(lanes->pairButton(), Qt::LeftButton);
        CHECK(session.laneDecision(0, 1, hrA, laborB) == Decision::Added);
        REQUIRE(lanePairOf(session.pair(0, 1), hrA));
        CHECK(lanePairOf(session.pair(0, 1), hrA)->b == laborB);
        CHECK(
            decisionText(lanes, lanes->rowOf(hrA, laborB, Kind::Pair)).contains(QStringLiteral("paired by the team")));
        CHECK(lanes->rowOf("", talentB, Kind::OnlyB) >= 0);
        CHECK_FALSE(lanes->pairButton()->isEnabled()); // already paired
        const auto& rows = session.result().laneRows;
        CHECK(
            std::any_of(rows.begin(), rows.end(), [&](const auto& row) { return row[0] == hrA && row[1] == laborB; }));

        // The side-by-side view's lane headings offer the same decisions.
        SideBySideView* side = window.sideBySide();
        window.showTab(CompareWindow::Tab::SideBySide);
        QApplication::processEvents();
        // A right-click on the heading of the band holding a Chief of Schools step finds that lane.
        const Step* chiefStep = nullptr;
        for (const Step& step : a.steps)
            if (step.lane == chiefA && !chiefStep)
                chiefStep = &step;
        REQUIRE(chiefStep);
        const double bandY = side->stepItem(SideBySideView::Side::A, chiefStep->id)->pos().y() + 10;
        CHECK(side->laneHeadingAt(SideBySideView::Side::A, QPointF(40, bandY)) == chiefA);
        CHECK(side->laneHeadingAt(SideBySideView::Side::B, QPointF(40, bandY)).empty());
        std::unique_ptr<QMenu> menu(side->laneMenu(SideBySideView::Side::A, chiefA));
        QAction* reject = nullptr;
        for (QAction* action : menu->actions())
            if (action->text().startsWith(QStringLiteral("Reject pairing")))
                reject = action;
        REQUIRE(reject);
        CHECK(reject->text().contains(QStringLiteral("Deputy Superintendent")));
        reject->trigger();
        CHECK(session.laneDecision(0, 1, chiefA, deputyB) == Decision::Rejected);
        CHECK(lanePairOf(session.pair(0, 1), chiefA) == nullptr);

        // Clear that rejection again in the Lanes tab: the comparison pairs them again.
        window.showTab(CompareWindow::Tab::Lanes);
        QApplication::processEvents();
        clickRow(lanes, lanes->rowOf(chiefA, deputyB, Kind::Rejected));
        REQUIRE(lanes->clearButton()->isEnabled());
        QTest::mouseClick(lanes->clearButton(), Qt::LeftButton);
        CHECK_FALSE(session.laneDecision(0, 1, chiefA, deputyB).has_value());
        REQUIRE(lanePairOf(session.pair(0, 1), chiefA));
        CHECK(lanePairOf(session.pair(0, 1), chiefA)->b == deputyB);
        CHECK(lanes->rowOf(chiefA, deputyB, Kind::Pair) >= 0);
    }

    Workspace reopened = Workspace::open(demo.path);
    const auto stored = reopened.loadDecisions(demo.first(2)).between(demo.ids[0], demo.ids[1], DecisionKind::Lane);
    std::vector<MatchDecision> expected{
        {demo.ids[0], demo.ids[1], DecisionKind::Lane, principalA, principalB, Decision::Confirmed},
        {demo.ids[0], demo.ids[1], DecisionKind::Lane, supA, isB, Decision::Rejected},
        {demo.ids[0], demo.ids[1], DecisionKind::Lane, hrA, laborB, Decision::Added}};
    // The set's fixed order: by lane of A, then of B.
    std::sort(expected.begin(), expected.end(),
              [](const MatchDecision& x, const MatchDecision& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    CHECK(stored == expected);

    CompareWindow window(reopened, demo.first(2));
    LanePairingView* lanes = window.lanes();
    CHECK(decisionText(lanes, lanes->rowOf(principalA, principalB, Kind::Pair)).contains(QStringLiteral("confirmed")));
    CHECK(lanes->rowOf(supA, isB, Kind::Rejected) >= 0);
    CHECK(decisionText(lanes, lanes->rowOf(hrA, laborB, Kind::Pair)).contains(QStringLiteral("paired by the team")));
    CHECK(lanes->rowOf(chiefA, deputyB, Kind::Pair) >= 0);
    CHECK_FALSE(window.session()->laneDecision(0, 1, chiefA, deputyB).has_value());
    CHECK(lanePairOf(window.session()->pair(0, 1), supA) == nullptr);
}

TEST_CASE("The overlay lines phases up by name: shared columns, each step in its phase's column", "[compare-ui]")
{
    DemoWorkspace demo("phases");
    Workspace ws = Workspace::open(demo.path);
    // Harbor City has five phases, Granite Hollow four (no phase after the cycle): the
    // columns are not stretched; Granite Hollow's end of year sits under Harbor City's.
    CompareWindow window(ws, {demo.ids[0], demo.ids[5]});
    OverlayView* overlay = window.overlay();
    REQUIRE(overlay->columnCount() == 5);
    CHECK(overlay->columnLabels() ==
          QStringList{"Summer", "Beginning of year", "Mid-year", "End of year", "After the cycle"});
    const auto checkColumns = [&](CompareWindow& w) {
        int checked = 0;
        for (CompareStepItem* item : w.overlay()->stepItems()) {
            if (!item->ghosted())
                continue; // a stack lies where its first district's step is
            const Map& map = w.session()->map(item->mapIndex());
            const auto phase = map.phaseIndex(map.step(item->stepId())->phase);
            REQUIRE(phase);
            const int column = static_cast<int>(*phase); // the demo's phases line up one to one
            CHECK(item->pos().x() >= OverlayView::columnLeftEdge(column));
            CHECK(item->pos().x() + item->boundingRect().width() <= OverlayView::columnLeftEdge(column + 1) + 20);
            ++checked;
        }
        return checked;
    };
    CHECK(checkColumns(window) > 5);

    // Side by side too: each district's steps in the shared column of their phase (the
    // views share the geometry of lane headings and phase columns).
    SideBySideView* side = window.sideBySide();
    int placed = 0;
    for (std::size_t s = 0; s < 2; ++s) {
        const Map& map = window.session()->map(s);
        for (const Step& step : map.steps) {
            const CompareStepItem* item =
                side->stepItem(s == 0 ? SideBySideView::Side::A : SideBySideView::Side::B, step.id);
            REQUIRE(item);
            const int column = static_cast<int>(map.phaseIndex(step.phase).value());
            CHECK(item->pos().x() >= OverlayView::columnLeftEdge(column));
            CHECK(item->pos().x() + item->boundingRect().width() <= OverlayView::columnLeftEdge(column + 1) + 20);
            ++placed;
        }
    }
    CHECK(placed == static_cast<int>(window.session()->map(0).steps.size() + window.session()->map(1).steps.size()));

    // Six districts, five ways of naming the parts of the year: still five columns.
    CompareWindow six(ws, demo.ids);
    REQUIRE(six.overlay()->columnCount() == 5);
    CHECK(six.overlay()->columnLabels() ==
          QStringList{"Summer", "Beginning of year", "Mid-year", "End of year", "After the cycle"});
    CHECK(checkColumns(six) > 10);
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
