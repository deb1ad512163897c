// Calibration of match scores on the labelled sets the matcher was tuned on (principal
// evaluation, hiring, procurement; the held-out permits are not used here).
// `crosswalk_core_tests "[.calibration-fit]" -s` prints a fresh isotonic fit to paste into
// StepMatcher::calibrated().

#include "labelled_set.h"

#include "crosswalk/compare/compare.h"
#include "crosswalk/compare/stepmatcher.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>

using namespace crosswalk;

namespace {

struct Proposal {
    double score;
    bool right;
};

// Every proposal the matcher makes (no least score), as comparePair() makes them.
std::vector<Proposal> proposals(bool raw)
{
    const auto root = std::filesystem::path(CROSSWALK_SOURCE_DIR) / "tests/core/compare/data";
    std::vector<Proposal> out;
    for (const auto& dir : {root, root / "hiring", root / "procurement"}) {
        for (const auto& pair : test::readLabelledSet(dir)) {
            const LaneCrosswalk byName(pair.a, pair.b);
            StepMatcher matcher(pair.a, pair.b, byName);
            const auto first = matcher.match({}, StepMatcher::kDefaultMinScore);
            matcher.reportRawScores(raw);
            const LaneCrosswalk lanes(pair.a, pair.b, {}, first);
            matcher.refine(lanes, first);
            for (const StepMatch& m : matcher.match({}, 0.0))
                out.push_back({m.score, pair.truth.count({m.a, m.b}) > 0});
        }
    }
    return out;
}

} // namespace

TEST_CASE("Calibrated scores say how often such proposals are right", "[compare]")
{
    const std::vector<Proposal> all = proposals(false);
    REQUIRE(all.size() > 100);
    // Expected calibration error over five bins of score.
    double error = 0.0;
    for (int bin = 0; bin < 5; ++bin) {
        const double lo = bin / 5.0;
        const double hi = (bin + 1) / 5.0;
        double sum = 0.0;
        double right = 0.0;
        std::size_t n = 0;
        for (const Proposal& p : all)
            if (p.score >= lo && (p.score < hi || (bin == 4 && p.score <= 1.0))) {
                sum += p.score;
                right += p.right ? 1.0 : 0.0;
                ++n;
            }
        if (n == 0)
            continue;
        const double gap = std::abs(sum / static_cast<double>(n) - right / static_cast<double>(n));
        std::cout << "Calibration bin [" << lo << ", " << hi << "): " << n << " proposals, mean score "
                  << sum / static_cast<double>(n) << ", right " << right / static_cast<double>(n) << "\n";
        error += gap * static_cast<double>(n) / static_cast<double>(all.size());
    }
    std::cout << "Expected calibration error: " << error << "\n";
    CHECK(error <= 0.05);
}

TEST_CASE("Fit the calibration table (prints it)", "[.calibration-fit]")
{
    std::vector<Proposal> all = proposals(true);
    std::sort(all.begin(), all.end(), [](const Proposal& x, const Proposal& y) { return x.score < y.score; });
    // Pool adjacent violators.
    struct Block {
        double lo, hi, sum;
        double n;
    };
    std::vector<Block> blocks;
    for (const Proposal& p : all) {
        blocks.push_back({p.score, p.score, p.right ? 1.0 : 0.0, 1.0});
        while (blocks.size() > 1 &&
               blocks[blocks.size() - 2].sum / blocks[blocks.size() - 2].n >= blocks.back().sum / blocks.back().n) {
            Block last = blocks.back();
            blocks.pop_back();
            blocks.back().hi = last.hi;
            blocks.back().sum += last.sum;
            blocks.back().n += last.n;
        }
    }
    std::cout << "static constexpr std::pair<double, double> kTable[] = {";
    for (const Block& b : blocks)
        std::cout << "{" << b.lo << ", " << b.sum / b.n << "}, {" << b.hi << ", " << b.sum / b.n << "}, ";
    std::cout << "};\n";
    // The least score that makes the best F1 over the sets, in steps of 0.05.
    std::size_t expected = 0;
    const auto root = std::filesystem::path(CROSSWALK_SOURCE_DIR) / "tests/core/compare/data";
    for (const auto& dir : {root, root / "hiring", root / "procurement"})
        for (const auto& pair : test::readLabelledSet(dir))
            expected += pair.truth.size();
    const std::vector<Proposal> calibratedProposals = proposals(false);
    for (int k = 0; k <= 19; ++k) {
        const double least = 0.05 * k;
        double right = 0.0;
        double made = 0.0;
        for (const Proposal& p : calibratedProposals)
            if (p.score >= least) {
                made += 1.0;
                right += p.right ? 1.0 : 0.0;
            }
        const double precision = made > 0 ? right / made : 1.0;
        const double recall = right / static_cast<double>(expected);
        std::cout << "min-score " << least << ": precision " << precision << ", recall " << recall << ", F1 "
                  << 2 * precision * recall / (precision + recall) << "\n";
    }
}
