// Exchange format speed on a map far larger than any district draws (goals: parse
// <= 300 ms, write <= 150 ms), so that import and export never make anyone wait.

#include "crosswalk/json/mapjson.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <iterator>
#include <string>

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
    std::uint64_t m_state = 20240901;
};

// 2,000 steps, 3,000 flows, 8 lanes, 5 phases, 300 annotations.
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
                 MapState::Current, "Generated for the JSON benchmark."};
    for (int i = 0; i < kLanes; ++i)
        map.lanes.push_back({"l" + std::to_string(i), "Role number " + std::to_string(i), "#E8F0FE", 400});
    const int perCell = kSteps / (kLanes * kPhases) + 1;
    const int phaseWidth = perCell * 190 + 40;
    for (int i = 0; i < kPhases; ++i)
        map.phases.push_back({"p" + std::to_string(i), "Phase " + std::to_string(i), "#FFFFFF", phaseWidth});

    for (int i = 0; i < kSteps; ++i) {
        Step step;
        step.id = "s" + std::to_string(i);
        const int lane = static_cast<int>(random.next(kLanes));
        const int phase = i * kPhases / kSteps;
        step.lane = "l" + std::to_string(lane);
        step.phase = "p" + std::to_string(phase);
        step.kind = kAllStepKinds[random.next(static_cast<std::uint32_t>(std::size(kAllStepKinds)))];
        step.label = "Step " + std::to_string(i) + ": review the evidence with the principal";
        step.notes = (i % 4 == 0) ? "Notes on step " + std::to_string(i) + " — with UTF-8 text, « quoted »" : "";
        step.x = phase * phaseWidth + static_cast<int>(random.next(static_cast<std::uint32_t>(phaseWidth - 150)));
        step.y = static_cast<int>(random.next(300));
        map.steps.push_back(std::move(step));
    }
    for (int i = 0; i < kFlows; ++i) {
        const int from = i < kSteps - 1 ? i : static_cast<int>(random.next(kSteps));
        const int to = i < kSteps - 1 ? i + 1 : static_cast<int>(random.next(kSteps));
        map.flows.push_back({"f" + std::to_string(i), "s" + std::to_string(from), "s" + std::to_string(to),
                             (i % 5 == 0) ? "handoff" : ""});
    }
    for (int i = 0; i < kAnnotations; ++i) {
        Annotation annotation;
        annotation.id = "a" + std::to_string(i);
        annotation.kind = kAllAnnotationKinds[static_cast<std::size_t>(i) % std::size(kAllAnnotationKinds)];
        switch (i % 4) {
        case 0:
            annotation.target = "s" + std::to_string(random.next(kSteps));
            break;
        case 1:
            annotation.target = "f" + std::to_string(random.next(kFlows));
            break;
        case 2:
            annotation.target = "l" + std::to_string(random.next(kLanes));
            break;
        default:
            break; // the whole map
        }
        annotation.text = "Annotation " + std::to_string(i) + ": who decides, and when?";
        if (annotation.kind == AnnotationKind::Harm)
            annotation.affects = "First-year principals";
        if (annotation.kind == AnnotationKind::Variation)
            annotation.variation = (i % 2) ? Variation::Intentional : Variation::Unintentional;
        if (annotation.kind == AnnotationKind::ChangeIdea)
            annotation.horizon = 1 + i % 3;
        map.annotations.push_back(std::move(annotation));
    }
    return map;
}

void BM_JsonParseMap(benchmark::State& state)
{
    const std::string text = mapToJson(bigMap());
    for (auto _ : state) {
        ImportResult result = parseMapJson(text);
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_JsonParseMap)->Unit(benchmark::kMillisecond);

void BM_JsonWriteMap(benchmark::State& state)
{
    const Map map = bigMap();
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string text = mapToJson(map);
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_JsonWriteMap)->Unit(benchmark::kMillisecond);

// The same map with no geometry at all, as a script might write it: import then lays
// it out (layout::autoLayout), which is part of what a person waits for.
void BM_JsonParseUnplacedMap(benchmark::State& state)
{
    nlohmann::json document = nlohmann::json::parse(mapToJson(bigMap()));
    for (auto& step : document["map"]["steps"]) {
        step.erase("x");
        step.erase("y");
    }
    const std::string text = document.dump(2);
    if (!parseMapJson(text).laidOut)
        state.SkipWithError("the unplaced map was not laid out");
    for (auto _ : state) {
        ImportResult result = parseMapJson(text);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_JsonParseUnplacedMap)->Unit(benchmark::kMillisecond);

} // namespace
