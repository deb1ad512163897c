// Issue 19, finding 5: routing costs what the map holds, not what its coordinates say. A
// flow across 10,000,000 units used to visit every grid cell of its box (1.7 billion) and
// fill 40,000 cells of the overlap index per segment.

#include "ui/canvas/flowrouter.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <unordered_map>

using namespace crosswalk;

TEST_CASE("Routing a hostile map of far-apart steps and many flows stays within the budget", "[canvas][hardening]")
{
    FlowRouter router;
    std::unordered_map<std::string, QRectF> rects;
    rects["far-left"] = QRectF(-10'000'000, -10'000'000, 2000, 2000);
    rects["far-right"] = QRectF(9'990'000, 9'990'000, 2000, 2000);
    std::mt19937 random(7);
    std::uniform_real_distribution<qreal> coordinate(-10'000'000, 10'000'000);
    for (int i = 0; i < 2000; ++i)
        rects["s" + std::to_string(i)] = QRectF(coordinate(random), coordinate(random), 150, 70);
    router.setObstacles(rects);

    int plain = 0;
    for (int i = 0; i < 20'000; ++i) {
        const bool forward = i % 2 == 0;
        const std::string from = forward ? "far-left" : "far-right";
        const std::string to = forward ? "far-right" : "far-left";
        const QPolygonF route = router.route(from, rects[from], to, rects[to]);
        REQUIRE(route.size() >= 2);
        if (router.overBudget())
            ++plain;
        router.addRoute(route);
    }
    INFO("work " << router.work() << ", flows routed plainly " << plain);
    // One route's work past the budget at most, however many flows follow.
    CHECK(router.work() < 2 * FlowRouter::kWorkBudget);
    CHECK(plain > 0);
}

TEST_CASE("An ordinary large map routes well inside the budget", "[canvas][hardening]")
{
    // 500 steps in 10 lanes of a 50-column grid, each flowing to the next and some across lanes.
    FlowRouter router;
    std::unordered_map<std::string, QRectF> rects;
    for (int lane = 0; lane < 10; ++lane)
        for (int column = 0; column < 50; ++column)
            rects["s" + std::to_string(lane * 50 + column)] = QRectF(column * 200.0 + 40, lane * 160.0 + 45, 150, 70);
    router.setObstacles(rects);
    std::vector<qreal> borders;
    for (int lane = 1; lane < 10; ++lane)
        borders.push_back(lane * 160.0);
    router.setGuides(borders, {});
    int flows = 0;
    for (int i = 0; i < 500; ++i) {
        for (const int j : {i + 1, i + 50, i + 51}) {
            if (j >= 500 || (j == i + 1 && j % 50 == 0))
                continue;
            const std::string a = "s" + std::to_string(i);
            const std::string b = "s" + std::to_string(j);
            router.addRoute(router.route(a, rects[a], b, rects[b]));
            ++flows;
        }
    }
    WARN("ordinary map: " << flows << " flows, routing work " << router.work());
    CHECK_FALSE(router.overBudget());
    CHECK(router.work() < FlowRouter::kWorkBudget / 10);
}
