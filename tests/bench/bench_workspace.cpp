// Workspace speed on a map far larger than any district draws: 2,000 steps, 3,000 flows,
// 8 lanes, 5 phases. Goals: loadMap <= 150 ms; one committed edit (a step dragged on the
// canvas) median <= 2 ms and p99 <= 15 ms, so that saving every edit at once never lags.
//
//   crosswalk_bench --benchmark_filter=Workspace
//
// The edit benchmarks time every commit themselves and report the median and the 99th
// percentile as counters (median_ms, p99_ms), since a mean hides the occasional slow commit
// (a WAL checkpoint) that a person would notice.

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"
#include "crosswalk/storage/workspace.h"

#include "support/tempdir.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace {

using namespace crosswalk;

// Deterministic pseudo-random numbers (a fixed-seed LCG), so every run measures the same map.
class Sequence {
  public:
    std::uint32_t next(std::uint32_t bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(m_state >> 33) % bound;
    }

  private:
    std::uint64_t m_state = 20240917;
};

Map bigMap()
{
    constexpr int kLanes = 8;
    constexpr int kPhases = 5;
    constexpr int kSteps = 2000;
    constexpr int kFlows = 3000;
    constexpr int kAnnotations = 300;
    Sequence random;

    Map map;
    map.id = "m-bench";
    map.props = {"Principal evaluation, network composite", "Benchmark USD", "Principal evaluation and support",
                 MapState::Current, "Generated for the workspace benchmark."};
    for (int i = 0; i < kLanes; ++i)
        map.lanes.push_back({"l" + std::to_string(i), "Role number " + std::to_string(i), "#E8F0FE", 400});
    const int perCell = kSteps / (kLanes * kPhases) + 1;
    const int phaseWidth = perCell * 190 + 40;
    for (int i = 0; i < kPhases; ++i)
        map.phases.push_back({"p" + std::to_string(i), "Phase " + std::to_string(i), "#FFFFFF", phaseWidth});
    for (int i = 0; i < kSteps; ++i) {
        Step step;
        step.id = "s" + std::to_string(i);
        const int phase = i * kPhases / kSteps;
        step.lane = "l" + std::to_string(random.next(kLanes));
        step.phase = "p" + std::to_string(phase);
        step.kind = kAllStepKinds[random.next(static_cast<std::uint32_t>(std::size(kAllStepKinds)))];
        step.label = "Step " + std::to_string(i) + ": review the evidence with the principal";
        step.notes = (i % 4 == 0) ? "Notes on step " + std::to_string(i) + " — with UTF-8 text, « quoted »" : "";
        step.x = phase * phaseWidth + 20 + static_cast<int>(random.next(static_cast<std::uint32_t>(phaseWidth - 200)));
        step.y = 20 + static_cast<int>(random.next(300));
        map.steps.push_back(std::move(step));
    }
    for (int i = 0; i < kFlows; ++i) {
        const int from = static_cast<int>(random.next(kSteps - 1));
        const int to =
            from + 1 + static_cast<int>(random.next(static_cast<std::uint32_t>(std::min(20, kSteps - 1 - from))));
        map.flows.push_back({"f" + std::to_string(i), "s" + std::to_string(from), "s" + std::to_string(to),
                             i % 10 == 0 ? "if approved" : ""});
    }
    for (int i = 0; i < kAnnotations; ++i) {
        Annotation a;
        a.id = "a" + std::to_string(i);
        a.kind = kAllAnnotationKinds[random.next(static_cast<std::uint32_t>(std::size(kAllAnnotationKinds)))];
        a.target = "s" + std::to_string(random.next(kSteps));
        a.text = "Annotation " + std::to_string(i);
        if (a.kind == AnnotationKind::Variation)
            a.variation = Variation::Unintentional;
        if (a.kind == AnnotationKind::ChangeIdea)
            a.horizon = 1 + static_cast<int>(random.next(3));
        map.annotations.push_back(std::move(a));
    }
    return map;
}

/// A workspace file holding the big map, in a scratch directory removed afterwards.
class Scratch {
  public:
    Scratch()
    {
        Workspace ws = Workspace::create(path());
        ws.addMap(bigMap());
    }
    std::string path() const { return m_dir.file("bench.crosswalk"); }

  private:
    test::TempDir m_dir{"crosswalk-bench"};
};

/// Median and 99th percentile of per-commit times, as counters in milliseconds.
void reportPercentiles(benchmark::State& state, std::vector<double> ms)
{
    if (ms.empty())
        return;
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    state.counters["median_ms"] = at(0.5);
    state.counters["p99_ms"] = at(0.99);
    state.counters["max_ms"] = ms.back();
}

void BM_WorkspaceLoadMap(benchmark::State& state)
{
    Scratch scratch;
    Workspace ws = Workspace::open(scratch.path());
    for (auto _ : state) {
        Map map = ws.loadMap("m-bench");
        benchmark::DoNotOptimize(map);
    }
}
BENCHMARK(BM_WorkspaceLoadMap)->Unit(benchmark::kMillisecond);

void BM_WorkspaceOpen(benchmark::State& state)
{
    Scratch scratch;
    for (auto _ : state) {
        Workspace ws = Workspace::open(scratch.path());
        benchmark::DoNotOptimize(ws);
    }
}
BENCHMARK(BM_WorkspaceOpen)->Unit(benchmark::kMillisecond);

// One step dragged back and forth: MoveSteps between two places, committed each time.
void BM_WorkspaceApplyEditMoveStep(benchmark::State& state)
{
    Scratch scratch;
    Workspace ws = Workspace::open(scratch.path());
    Map map = ws.loadMap("m-bench");
    const Step start = map.steps[1000];
    const StepPlacement here{start.id, start.lane, start.phase, start.x, start.y};
    const StepPlacement there{start.id, map.lanes[(map.laneIndex(start.lane).value_or(0) + 1) % map.lanes.size()].id,
                              start.phase, start.x + 40, start.y + 10};
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(state.max_iterations));
    bool flip = false;
    for (auto _ : state) {
        flip = !flip;
        const auto t0 = std::chrono::steady_clock::now();
        ws.applyEdit(map, MoveSteps{{flip ? there : here}});
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    reportPercentiles(state, std::move(ms));
}
BENCHMARK(BM_WorkspaceApplyEditMoveStep)->Iterations(3000)->Unit(benchmark::kMillisecond);

// A step added at the front and removed again: insertion order and cascading removal.
void BM_WorkspaceApplyEditAddRemoveStep(benchmark::State& state)
{
    Scratch scratch;
    Workspace ws = Workspace::open(scratch.path());
    Map map = ws.loadMap("m-bench");
    Step step = map.steps[10];
    step.id = "s-new";
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(state.max_iterations));
    bool add = false;
    for (auto _ : state) {
        add = !add;
        const auto t0 = std::chrono::steady_clock::now();
        if (add)
            ws.applyEdit(map, AddStep{step, 1});
        else
            ws.applyEdit(map, RemoveStep{step.id});
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    reportPercentiles(state, std::move(ms));
}
BENCHMARK(BM_WorkspaceApplyEditAddRemoveStep)->Iterations(2000)->Unit(benchmark::kMillisecond);

// Removing a lane (a quarter of a thousand steps with their flows and annotations) and undoing it.
void BM_WorkspaceApplyEditRemoveLaneAndUndo(benchmark::State& state)
{
    Scratch scratch;
    Workspace ws = Workspace::open(scratch.path());
    Map map = ws.loadMap("m-bench");
    std::vector<double> ms;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const Edit undo = ws.applyEdit(map, RemoveLane{"l3"});
        ws.applyEdit(map, undo);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    reportPercentiles(state, std::move(ms));
}
BENCHMARK(BM_WorkspaceApplyEditRemoveLaneAndUndo)->Iterations(50)->Unit(benchmark::kMillisecond);

} // namespace
