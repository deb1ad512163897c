// Network library latency (issue 16): how long one committed edit takes, and how long until
// another client sees it (LISTEN/NOTIFY, then the changes since its version). Goal on the
// 2-core CI machine: median <= 50 ms and p99 <= 250 ms for both.
//
//   CROSSWALK_BENCH_PG_URI=postgresql://owner@/network?host=... crosswalk_bench --benchmark_filter=Library
//
// The URI names a library (scripts/network-library.sh prints the owner's) or an empty
// database (the benchmark initialises it) and a role that may add maps of any district (the
// owner). Without it the benchmarks are skipped. Each commit is timed on its own and the
// median and 99th percentile are reported as counters (median_ms, p99_ms).

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"
#include "crosswalk/storage/networklibrary.h"

#include "support/randommap.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace crosswalk;
using Clock = std::chrono::steady_clock;

std::optional<std::string> libraryUri(benchmark::State& state)
{
    const char* uri = std::getenv("CROSSWALK_BENCH_PG_URI");
    if (!uri) {
        state.SkipWithError("CROSSWALK_BENCH_PG_URI is not set");
        return std::nullopt;
    }
    NetworkLibrary::init(uri);
    return std::string(uri);
}

/// A district-sized map (60 steps), new in the library.
Map benchMap(NetworkLibrary& lib)
{
    test::RandomMapOptions options;
    options.steps = 60;
    options.flows = 70;
    options.annotations = 15;
    options.lanes = 7;
    options.phases = 5;
    Map map = test::randomMap(42, options);
    map.id = newId("m-bench-");
    map.props.district = "Benchmark";
    map.props.title = "Latency " + map.id;
    lib.addMap(map);
    return lib.loadMap(map.id);
}

Edit moveStep(const Map& map, int i)
{
    Step step = map.steps.at(static_cast<std::size_t>(i) % map.steps.size());
    step.x = (step.x + 10) % 600;
    step.label = "Moved " + std::to_string(i);
    return Edit{UpdateStep{step}};
}

void report(benchmark::State& state, std::vector<double> ms)
{
    if (ms.empty())
        return;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    state.counters["median_ms"] = at(0.5);
    state.counters["p99_ms"] = at(0.99);
}

void BM_LibraryCommit(benchmark::State& state)
{
    const auto uri = libraryUri(state);
    if (!uri)
        return;
    NetworkLibrary lib = NetworkLibrary::open(*uri);
    Map map = benchMap(lib);
    std::vector<double> ms;
    int i = 0;
    for (auto _ : state) {
        const auto start = Clock::now();
        lib.commit(map, moveStep(map, i++));
        const std::chrono::duration<double, std::milli> took = Clock::now() - start;
        ms.push_back(took.count());
        state.SetIterationTime(took.count() / 1000.0);
    }
    report(state, ms);
    lib.deleteMap(map.id);
}
BENCHMARK(BM_LibraryCommit)->UseManualTime()->Iterations(500)->Unit(benchmark::kMillisecond);

void BM_LibraryTimeToVisible(benchmark::State& state)
{
    const auto uri = libraryUri(state);
    if (!uri)
        return;
    NetworkLibrary writer = NetworkLibrary::open(*uri);
    NetworkLibrary reader = NetworkLibrary::open(*uri);
    Map map = benchMap(writer);
    Map seen = reader.loadMap(map.id);
    std::int64_t heard = 0;
    reader.subscribe([&](const std::string&, const Edit&, const ChangeSet&, std::int64_t version) { heard = version; });
    std::vector<double> ms;
    int i = 0;
    for (auto _ : state) {
        const auto start = Clock::now();
        const std::int64_t version = writer.commit(map, moveStep(map, i++)).version;
        // The reader, as the app does: woken by the notification, it reads what changed and
        // loads the map again.
        while (heard < version) {
            reader.waitForChanges(std::chrono::milliseconds(1000));
            reader.pollChanges();
        }
        seen = reader.loadMap(map.id);
        const std::chrono::duration<double, std::milli> took = Clock::now() - start;
        if (!(seen == map))
            state.SkipWithError("the reader's map differs from the writer's");
        ms.push_back(took.count());
        state.SetIterationTime(took.count() / 1000.0);
    }
    report(state, ms);
    writer.deleteMap(map.id);
}
BENCHMARK(BM_LibraryTimeToVisible)->UseManualTime()->Iterations(500)->Unit(benchmark::kMillisecond);

} // namespace
