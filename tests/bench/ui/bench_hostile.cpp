// Issue 19, finding 5: a hostile map at every limit an import allows must export in bounded
// time: two steps 20,000,000 units apart in lanes 1,000,000 high, 40,000 flows between them
// (the flow limit) and labels of 2,000 bytes (the label limit). Before the routing budget a
// single flow across such a map visited 1.7 billion grid cells.
//
//   crosswalk_ui_bench --benchmark_filter=Hostile
//
// main() is in bench_canvas.cpp.

#include "crosswalk/model/map.h"
#include "crosswalk/model/validate.h"
#include "ui/export/mapexporter.h"
#include "ui/print/exportoptions.h"

#include <benchmark/benchmark.h>

#include <QByteArray>

#include <stdexcept>
#include <string>

namespace {

using namespace crosswalk;

Map hostileMap(std::size_t flows)
{
    Map map;
    map.id = "m-hostile";
    map.props.title = std::string(kMaxLabelBytes, 'T');
    map.lanes = {Lane{"l1", "A", "#FFFFFF", kMaxSize}, Lane{"l2", "B", "#FFFFFF", kMaxSize}};
    Step left;
    left.id = "s-left";
    left.lane = "l1";
    left.label = std::string(kMaxLabelBytes, 'x');
    left.x = -kMaxCoordinate;
    left.y = 0;
    left.w = left.h = kMaxStepSize;
    Step right = left;
    right.id = "s-right";
    right.lane = "l2";
    right.x = kMaxCoordinate - kMaxStepSize;
    right.y = kMaxSize - kMaxStepSize;
    map.steps = {left, right};
    for (int i = 0; i < 200; ++i) {
        Step s = left;
        s.id = "s" + std::to_string(i);
        s.lane = i % 2 ? "l1" : "l2";
        s.x = -kMaxCoordinate + (i + 1) * (2 * kMaxCoordinate / 202);
        s.y = (i * 7919) % (kMaxSize - kMaxStepSize);
        s.w = 150;
        s.h = 70;
        map.steps.push_back(s);
    }
    for (std::size_t i = 0; i < flows; ++i)
        map.flows.push_back(Flow{"f" + std::to_string(i), i % 2 ? "s-right" : "s-left", i % 2 ? "s-left" : "s-right",
                                 "meets"});
    if (!validateMap(map).empty())
        throw std::runtime_error("the hostile map is not one an import accepts: " + validateMap(map).front().message);
    return map;
}

void BM_ExportHostileSvg(benchmark::State& state)
{
    const Map map = hostileMap(static_cast<std::size_t>(state.range(0)));
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray svg = MapExporter::svg(map, options);
        bytes = svg.size();
        benchmark::DoNotOptimize(svg.constData());
    }
    state.counters["svg_kb"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(BM_ExportHostileSvg)->Arg(1000)->Arg(static_cast<int64_t>(kMaxFlows))->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
