#include "crosswalk/insights/mapinsights.h"
#include "ui/panels/insightspanel.h"
#include "ui/panels/panelfixture.h"

#include <catch2/catch.hpp>

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace crosswalk;
using namespace crosswalk::paneltest;

namespace {

QStringList qIds(const std::vector<std::string>& ids)
{
    QStringList out;
    for (const std::string& id : ids)
        out << QString::fromStdString(id);
    return out;
}

/// Every cell of the row equals the figure MapInsights computed.
void checkRow(const InsightsPanel& panel, int row, const Figures& expected)
{
    REQUIRE(row >= 0);
    for (int c = 0; c < InsightsPanel::ColumnCount; ++c) {
        const auto column = static_cast<InsightsPanel::Column>(c);
        const QTableWidgetItem* cell = panel.table()->item(row, c);
        REQUIRE(cell);
        INFO("row " << row << " column " << InsightsPanel::columnTitle(column).toStdString());
        const int count = InsightsPanel::figure(expected, column).count;
        CHECK(cell->data(Qt::UserRole + 1).toInt() == count);
        CHECK(cell->text() == (count == 0 ? QString::fromUtf8("\u00B7") : QString::number(count)));
    }
}

} // namespace

TEST_CASE("The insights table shows MapInsights per lane and per phase for every demo map", "[panels]")
{
    for (std::size_t d = 0; d < demoMapTexts().size(); ++d) {
        DocumentFixture f(demoMap(d), "insights");
        InsightsPanel panel;
        panel.setDocument(&*f.doc);
        const MapInsights insights(f.doc->map());
        INFO("demo map " << d);
        // Whole map, a heading, the lanes, a heading, the phases.
        CHECK(panel.table()->rowCount() ==
              static_cast<int>(1 + 1 + insights.lanes().size() + 1 + insights.phases().size()));
        checkRow(panel, panel.rowOf(InsightsPanel::RowScope::Overall), insights.overall());
        for (const LaneFigures& lane : insights.lanes())
            checkRow(panel, panel.rowOf(InsightsPanel::RowScope::Lane, QString::fromStdString(lane.laneId)),
                     lane.figures);
        for (const PhaseFigures& phase : insights.phases())
            checkRow(panel, panel.rowOf(InsightsPanel::RowScope::Phase, QString::fromStdString(phase.phaseId)),
                     phase.figures);
        // Row titles are the lane and phase names.
        const int firstLane =
            panel.rowOf(InsightsPanel::RowScope::Lane, QString::fromStdString(f.doc->map().lanes[0].id));
        CHECK(panel.table()->verticalHeaderItem(firstLane)->text().trimmed().toStdString() ==
              f.doc->map().lanes[0].name);
        panel.setDocument(nullptr);
    }
}

TEST_CASE("Selecting a figure highlights the steps behind it, the longest path is shown", "[panels]")
{
    DocumentFixture f(demoMap(0), "insights-select");
    InsightsPanel panel;
    panel.setDocument(&*f.doc);
    panel.resize(1200, 600);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    const MapInsights insights(f.doc->map());
    QSignalSpy highlight(&panel, &InsightsPanel::highlightSteps);

    // By mouse: the handoffs of the first lane.
    const LaneFigures& lane = insights.lanes().front();
    const int row = panel.rowOf(InsightsPanel::RowScope::Lane, QString::fromStdString(lane.laneId));
    QTableWidget* table = panel.table();
    const QRect rect = table->visualItemRect(table->item(row, InsightsPanel::HandoffsColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    REQUIRE(!highlight.isEmpty());
    CHECK(highlight.takeLast().at(0).toStringList() == qIds(lane.figures.handoffs.stepIds));

    // By keyboard: one cell right is the decisions of the same lane.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Right);
    REQUIRE(!highlight.isEmpty());
    CHECK(highlight.takeLast().at(0).toStringList() == qIds(lane.figures.decisions.stepIds));

    // The whole map's black boxes.
    table->setCurrentCell(panel.rowOf(InsightsPanel::RowScope::Overall), InsightsPanel::BlackBoxesColumn);
    CHECK(highlight.takeLast().at(0).toStringList() == qIds(insights.overall().blackBoxes.stepIds));

    REQUIRE(panel.longestPathButton()->isEnabled());
    QTest::mouseClick(panel.longestPathButton(), Qt::LeftButton);
    CHECK(highlight.takeLast().at(0).toStringList() == qIds(insights.longestPath().stepIds));
    CHECK_FALSE(insights.longestPath().stepIds.empty());

    // An edit recomputes the figures.
    const Step& first = f.doc->map().steps.front();
    REQUIRE(f.doc->push(RemoveStep{first.id}));
    checkRow(panel, panel.rowOf(InsightsPanel::RowScope::Overall), MapInsights(f.doc->map()).overall());
    f.doc->undoStack()->undo();
    checkRow(panel, panel.rowOf(InsightsPanel::RowScope::Overall), insights.overall());
    panel.setDocument(nullptr);
}
