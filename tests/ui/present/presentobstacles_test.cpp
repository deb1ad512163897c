// PresentObstacles: the grid that presentation-mode flow labels and branch numbers ask where
// they may go (issue 17), and its budget, which bounds laying out a hostile map (issue 19).
#include "ui/present/presentobstacles.h"

#include <catch2/catch.hpp>

#include <limits>

using namespace crosswalk;

TEST_CASE("Presentation obstacles answer by kind and place", "[present][obstacles]")
{
    PresentObstacles o;
    o.add(PresentObstacles::StepShape, QRectF(0, 0, 100, 50));
    o.add(PresentObstacles::Mark, QRectF(300, 0, 20, 20));
    o.add(PresentObstacles::FlowLabel, QRectF(1000, 1000, 60, 20)); // in another cell
    CHECK(o.hits(QRectF(90, 40, 30, 30), PresentObstacles::StepShape));
    CHECK_FALSE(o.hits(QRectF(90, 40, 30, 30), PresentObstacles::Mark | PresentObstacles::FlowLabel));
    CHECK_FALSE(o.hits(QRectF(101, 51, 10, 10), PresentObstacles::StepShape));
    CHECK(o.hits(QRectF(310, 10, 5, 5), PresentObstacles::Mark));
    CHECK(o.hits(QRectF(1050, 1010, 100, 100), PresentObstacles::FlowLabel));
    // A rectangle across many cells is found from each of them.
    o.add(PresentObstacles::EndZone, QRectF(-5000, 2000, 10000, 10));
    CHECK(o.hits(QRectF(-4900, 2005, 1, 1), PresentObstacles::EndZone));
    CHECK(o.hits(QRectF(4900, 2005, 1, 1), PresentObstacles::EndZone));
    // Larger than the grid keeps cell by cell (a hostile map's giant step): still found.
    o.add(PresentObstacles::StepText, QRectF(-2e7, -2e7, 4e7, 4e7));
    CHECK(o.hits(QRectF(123456, -654321, 1, 1), PresentObstacles::StepText));
    // Not finite: ignored, not a crash.
    o.add(PresentObstacles::Mark, QRectF(0, 0, std::numeric_limits<qreal>::infinity(), 1));
    o.clear();
    CHECK_FALSE(o.hits(QRectF(90, 40, 30, 30), PresentObstacles::StepShape));
    CHECK(o.compared() == 0);
}

TEST_CASE("Presentation obstacles stop being asked past their budget", "[present][obstacles]")
{
    // Ten thousand labels piled in one place, as a hostile map's flows between the same two
    // steps make them: each question compares them all, and the budget runs out after a few
    // thousand questions instead of the hundreds of millions the placing would ask.
    PresentObstacles o;
    for (int i = 0; i < 10'000; ++i)
        o.add(PresentObstacles::FlowLabel, QRectF(10 + (i % 7), 10, 40, 20));
    CHECK_FALSE(o.exhausted());
    int asked = 0;
    bool hit = false;
    while (!o.exhausted() && asked < 1'000'000) {
        hit = hit || o.hits(QRectF(200, 200, 10, 10), PresentObstacles::StepShape); // same cell, other kind
        ++asked;
    }
    CHECK_FALSE(hit);
    CHECK(o.exhausted());
    CHECK(asked == static_cast<int>(PresentObstacles::kBudget / 10'001) + 1);
    CHECK(o.compared() > PresentObstacles::kBudget);
}
