// Precision and recall of step matching over the hand-labelled map pairs, set by set:
// principal evaluation (data/), hiring (data/hiring), procurement (data/procurement) and
// building permits (data/permits, held out: written once the matcher was frozen, never
// tuned on).

#include "labelled_set.h"

#include "crosswalk/compare/compare.h"

#include <catch2/catch.hpp>

#include <iostream>

using namespace crosswalk;

namespace {

struct Figures {
    std::size_t pairs = 0;
    std::size_t expected = 0;
    std::size_t proposed = 0;
    std::size_t right = 0;
    double precision() const { return proposed ? static_cast<double>(right) / static_cast<double>(proposed) : 1.0; }
    double recall() const { return expected ? static_cast<double>(right) / static_cast<double>(expected) : 1.0; }
    double f1() const
    {
        const double p = precision();
        const double r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

Figures measure(const std::string& name, const std::filesystem::path& dir)
{
    const auto pairs = test::readLabelledSet(dir);
    Figures figures;
    figures.pairs = pairs.size();
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
                std::cout << "  " << name << "/" << pair.name << " wrong: " << pair.a.step(m.a)->label << "  ~  "
                          << pair.b.step(m.b)->label << "  (" << m.score << ")\n";
        }
        for (const auto& [a, b] : pair.truth) {
            bool found = false;
            for (const StepMatch& m : result.matches)
                found = found || (m.a == a && m.b == b);
            if (!found)
                std::cout << "  " << name << "/" << pair.name << " missed: " << pair.a.step(a)->label << "  ~  "
                          << pair.b.step(b)->label << "\n";
        }
        figures.right += hits;
        figures.proposed += result.matches.size();
        figures.expected += pair.truth.size();
    }
    std::cout << "Labelled set " << name << ": " << figures.pairs << " pairs, " << figures.expected
              << " true matches, " << figures.proposed << " proposed, " << figures.right << " right; precision "
              << figures.precision() << ", recall " << figures.recall() << ", F1 " << figures.f1() << "\n";
    return figures;
}

const std::filesystem::path kData = std::filesystem::path(CROSSWALK_SOURCE_DIR) / "tests/core/compare/data";

} // namespace

TEST_CASE("Step matching finds the labelled matches (precision and recall >= 0.95)", "[compare]")
{
    const Figures figures = measure("principal-evaluation", kData);
    REQUIRE(figures.pairs >= 20);
    CHECK(figures.precision() >= 0.95);
    CHECK(figures.recall() >= 0.95);
}

TEST_CASE("Step matching on hiring processes of other organisations (F1 >= 0.75)", "[compare]")
{
    const Figures figures = measure("hiring", kData / "hiring");
    REQUIRE(figures.pairs >= 3);
    CHECK(figures.f1() >= 0.75);
}

TEST_CASE("Step matching on procurement processes (F1 >= 0.75)", "[compare]")
{
    const Figures figures = measure("procurement", kData / "procurement");
    REQUIRE(figures.pairs >= 2);
    CHECK(figures.f1() >= 0.75);
}

TEST_CASE("Step matching on building permits, held out (F1 >= 0.75)", "[compare]")
{
    const Figures figures = measure("permits (held out)", kData / "permits");
    REQUIRE(figures.pairs >= 2);
    CHECK(figures.f1() >= 0.75);
}
