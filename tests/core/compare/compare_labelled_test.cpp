// Precision and recall of step matching over the hand-labelled map pairs.

#include "labelled_set.h"

#include "crosswalk/compare/compare.h"

#include <catch2/catch.hpp>

#include <iostream>

using namespace crosswalk;

TEST_CASE("Step matching finds the labelled matches (precision and recall >= 0.95)", "[compare]")
{
    const auto pairs = test::readLabelledSet(std::filesystem::path(CROSSWALK_SOURCE_DIR) / "tests/core/compare/data");
    REQUIRE(pairs.size() >= 20);

    std::size_t truePositives = 0;
    std::size_t proposed = 0;
    std::size_t expected = 0;
    for (const auto& pair : pairs) {
        INFO(pair.name);
        for (const auto& [a, b] : pair.truth) {
            REQUIRE(pair.a.step(a));
            REQUIRE(pair.b.step(b));
        }
        const PairComparison result = comparePair(pair.a, pair.b);
        std::size_t hits = 0;
        for (const StepMatch& m : result.matches) {
            const bool right = pair.truth.count({m.a, m.b}) > 0;
            hits += right ? 1 : 0;
            if (!right)
                std::cout << "  " << pair.name << " wrong: " << pair.a.step(m.a)->label << "  ~  "
                          << pair.b.step(m.b)->label << "  (" << m.score << ")\n";
        }
        for (const auto& [a, b] : pair.truth) {
            bool found = false;
            for (const StepMatch& m : result.matches)
                found = found || (m.a == a && m.b == b);
            if (!found)
                std::cout << "  " << pair.name << " missed: " << pair.a.step(a)->label << "  ~  "
                          << pair.b.step(b)->label << "  (score " << 0 << ")\n";
        }
        truePositives += hits;
        proposed += result.matches.size();
        expected += pair.truth.size();
    }
    const double precision = proposed ? static_cast<double>(truePositives) / static_cast<double>(proposed) : 1.0;
    const double recall = expected ? static_cast<double>(truePositives) / static_cast<double>(expected) : 1.0;
    std::cout << "Labelled set: " << pairs.size() << " pairs, " << expected << " true matches, " << proposed
              << " proposed, " << truePositives << " right; precision " << precision << ", recall " << recall
              << "\n";
    CHECK(precision >= 0.95);
    CHECK(recall >= 0.95);
}
