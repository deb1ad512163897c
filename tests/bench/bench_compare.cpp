// Comparison speed (goals: two 1,000-step maps <= 200 ms; six 300-step maps, all 15
// pairs, <= 500 ms), on generated maps whose labels are drawn from district vocabulary,
// so that tokens are shared as widely as in real maps, or more.

#include "crosswalk/compare/compare.h"
#include "crosswalk/compare/lexicon.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace {

using namespace crosswalk;

// Deterministic pseudo-random numbers (a fixed-seed LCG), so every run measures the same maps.
class Sequence {
  public:
    explicit Sequence(std::uint64_t seed) : m_state(seed) {}
    std::uint32_t next(std::uint32_t bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(m_state >> 33) % bound;
    }
    template <typename T, std::size_t N> const T& pick(const T (&items)[N])
    {
        return items[next(static_cast<std::uint32_t>(N))];
    }

  private:
    std::uint64_t m_state;
};

constexpr const char* kRoles[] = {"Principal", "Principal Supervisor", "Instructional Superintendent",
                                  "Chief of Schools", "Human Resources", "Talent Office",
                                  "Leadership Development", "Data & Accountability", "Research and Assessment",
                                  "Superintendent", "Labor association", "School Leadership Team"};
constexpr const char* kActions[] = {"Self-assessment", "Goal-setting conference", "School visits", "Walkthrough",
                                    "Evidence collection", "Climate survey results", "Student results arrive",
                                    "Mid-year review", "Coaching cycle", "Principal PLC", "Summative evaluation",
                                    "Rating calibration", "Rating entered into HR system", "Improvement plan",
                                    "Contract renewal decision", "Professional-learning plan", "360 survey",
                                    "Interim assessment data", "Peer review visit", "Feedback memo",
                                    "Notice of concern", "Appeal hearing", "Board acts on contracts",
                                    "Leadership academy session", "Data dashboard", "Evidence binder"};
constexpr const char* kQualifiers[] = {"",          "for new principals", "(by region)", "with supervisor",
                                       "(optional)", "for all schools",   "second round", "in the fall",
                                       "with coach", "by the chief",      "for tier 2",   "draft",
                                       "final",      "(monthly)",          "by network",   "for struggling schools"};

Map generated(std::uint64_t seed, int steps, const std::string& prefix)
{
    Sequence random(seed);
    Map map;
    map.id = prefix + "map";
    constexpr int kLanes = 8;
    constexpr int kPhases = 5;
    for (int i = 0; i < kLanes; ++i)
        map.lanes.push_back({prefix + "l" + std::to_string(i), random.pick(kRoles), "#FFFFFF", 400});
    for (int i = 0; i < kPhases; ++i)
        map.phases.push_back({prefix + "p" + std::to_string(i), "Phase " + std::to_string(i), "#FFFFFF", 4000});
    for (int i = 0; i < steps; ++i) {
        Step step;
        step.id = prefix + "s" + std::to_string(i);
        step.lane = map.lanes[random.next(kLanes)].id;
        const int phase = i * kPhases / steps;
        step.phase = map.phases[static_cast<std::size_t>(phase)].id;
        step.kind = kAllStepKinds[random.next(static_cast<std::uint32_t>(std::size(kAllStepKinds)))];
        step.label = std::string(random.pick(kActions)) + " " + random.pick(kQualifiers) + " " +
                     std::to_string(random.next(40)); // a cohort or school number, as labels carry
        step.x = phase * 4000 + static_cast<int>(random.next(3800));
        map.steps.push_back(std::move(step));
    }
    for (int i = 0; i + 1 < steps; ++i)
        map.flows.push_back({prefix + "f" + std::to_string(i), map.steps[static_cast<std::size_t>(i)].id,
                             map.steps[static_cast<std::size_t>(i) + 1].id, ""});
    for (int i = 0; i < steps / 10; ++i)
        map.annotations.push_back({prefix + "a" + std::to_string(i), kAllAnnotationKinds[i % 6],
                                   map.steps[random.next(static_cast<std::uint32_t>(steps))].id, "Why?", "", {}, {}});
    return map;
}

void BM_CompareTwo1000StepMaps(benchmark::State& state)
{
    const std::vector<Map> maps{generated(1, 1000, "a"), generated(2, 1000, "b")};
    std::size_t matches = 0;
    for (auto _ : state) {
        ComparisonResult result = compareMaps(maps);
        matches = result.pairs.front().matches.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_CompareTwo1000StepMaps)->Unit(benchmark::kMillisecond);

void BM_CompareSix300StepMapsAllPairs(benchmark::State& state)
{
    std::vector<Map> maps;
    for (int i = 0; i < 6; ++i)
        maps.push_back(generated(static_cast<std::uint64_t>(10 + i), 300, "m" + std::to_string(i) + "-"));
    for (auto _ : state) {
        ComparisonResult result = compareMaps(maps);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_CompareSix300StepMapsAllPairs)->Unit(benchmark::kMillisecond);

// The same, each time with WordNet read afresh (index files, then every synset the maps'
// words reach): what the first comparison in a new process costs.
void BM_CompareTwo1000StepMapsLoadingWordNet(benchmark::State& state)
{
    const std::vector<Map> maps{generated(1, 1000, "a"), generated(2, 1000, "b")};
    std::string lexical;
    for (auto _ : state) {
        const Lexicon lexicon(Lexicon::shared().directory());
        CompareOptions options;
        options.lexicon = &lexicon;
        ComparisonResult result = compareMaps(maps, {}, options);
        lexical = result.pairs.front().lexical;
        benchmark::DoNotOptimize(result);
    }
    state.SetLabel(lexical);
}
BENCHMARK(BM_CompareTwo1000StepMapsLoadingWordNet)->Unit(benchmark::kMillisecond);

void BM_CompareSix300StepMapsAllPairsLoadingWordNet(benchmark::State& state)
{
    std::vector<Map> maps;
    for (int i = 0; i < 6; ++i)
        maps.push_back(generated(static_cast<std::uint64_t>(10 + i), 300, "m" + std::to_string(i) + "-"));
    for (auto _ : state) {
        const Lexicon lexicon(Lexicon::shared().directory());
        CompareOptions options;
        options.lexicon = &lexicon;
        ComparisonResult result = compareMaps(maps, {}, options);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_CompareSix300StepMapsAllPairsLoadingWordNet)->Unit(benchmark::kMillisecond);

void BM_CompareToJson(benchmark::State& state)
{
    const ComparisonResult result = compareMaps({generated(1, 1000, "a"), generated(2, 1000, "b")});
    for (auto _ : state) {
        std::string text = comparisonToJson(result);
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_CompareToJson)->Unit(benchmark::kMillisecond);

} // namespace
