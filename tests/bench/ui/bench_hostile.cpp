// Issue 19, finding 5: a hostile map at every limit an import allows must export and open in
// bounded time and memory. The maps (tests/support/hostilemaps.h):
//   far_flows  two steps 20,000,000 units apart in lanes 1,000,000 high, 40,000 flows between
//              them (the flow limit), 2,000-byte labels (before the routing budget a single flow
//              across such a map visited 1.7 billion grid cells)
//   extent     500 lanes and 500 phases of 1,000,000 units, 10,000 steps of 2,000 x 2,000 at
//              coordinates up to +-10,000,000, 40,000 flows between steps far apart
//   labels     10,000 steps and 40,000 flows, every label, lane, phase and title 2,000 bytes
//   many       10,000 steps and 40,000 flows laid out as teams draw, short labels
// Each is exported as SVG and as PDF (the default: legible tiles on tabloid), and opened in a
// 1920x1080 canvas to its first paint. peak_rss_mb is the process's peak resident memory so
// far: run one benchmark per process for the figure of one case, e.g.
//
//   crosswalk_ui_bench --benchmark_filter='Hostile.*/extent/pdf'
//
// main() is in bench_canvas.cpp.

#include "crosswalk/storage/memorystore.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/document/mapdocument.h"
#include "ui/export/mapexporter.h"
#include "ui/present/presentscene.h"
#include "ui/print/exportoptions.h"

#include "support/hostilemaps.h"

#include <benchmark/benchmark.h>

#include <QByteArray>
#include <QImage>
#include <QWidget>

#include <sys/resource.h>

#include <memory>
#include <string>

namespace {

using namespace crosswalk;
using test::HostileMap;

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

void exportHostile(benchmark::State& state, HostileMap which, ExportOptions::Format format)
{
    const Map map = test::hostileMap(which);
    ExportOptions options;
    options.format = format;
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray out = MapExporter::render(map, options);
        bytes = out.size();
        benchmark::DoNotOptimize(out.constData());
    }
    state.counters["out_kb"] = static_cast<double>(bytes) / 1024.0;
    state.counters["peak_rss_mb"] = peakRssMb();
}

void openHostile(benchmark::State& state, HostileMap which)
{
    const Map map = test::hostileMap(which);
    for (auto _ : state) {
        MemoryStore store({map}, "hostile", MemoryStore::Mode::ReadWrite);
        auto document = std::make_unique<MapDocument>(store, map);
        auto canvas = std::make_unique<MapCanvas>();
        canvas->resize(1920, 1080);
        canvas->show();
        canvas->setDocument(document.get());
        QImage frame(canvas->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        canvas->viewport()->render(&frame);
        benchmark::DoNotOptimize(frame.constBits());
        state.PauseTiming();
        state.counters["peak_rss_mb"] = peakRssMb();
        canvas.reset();
        document.reset();
        state.ResumeTiming();
    }
}

/// The presentation's scene of the map (steps grown for 18 px labels, flows routed, labels
/// placed): what Shift+F5 lays out before its first frame.
void presentHostile(benchmark::State& state, HostileMap which)
{
    const Map map = test::hostileMap(which);
    for (auto _ : state) {
        MemoryStore store({map}, "hostile", MemoryStore::Mode::ReadWrite);
        MapDocument document(store, map);
        PresentScene scene;
        scene.setDocument(&document);
        benchmark::DoNotOptimize(scene.items().size());
        state.counters["compared_m"] = static_cast<double>(scene.obstacles().compared()) / 1e6;
        state.PauseTiming();
        state.counters["peak_rss_mb"] = peakRssMb();
        state.ResumeTiming();
    }
}

constexpr auto kSvg = ExportOptions::Format::Svg;
constexpr auto kPdf = ExportOptions::Format::Pdf;

// The 1,000-flow case is the figure the first measurement gave (3.3 s then).
void BM_ExportHostileSvg(benchmark::State& state)
{
    const Map map = test::hostileMap(HostileMap::FarFlows, static_cast<std::size_t>(state.range(0)));
    ExportOptions options;
    options.format = kSvg;
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray svg = MapExporter::svg(map, options);
        bytes = svg.size();
        benchmark::DoNotOptimize(svg.constData());
    }
    state.counters["svg_kb"] = static_cast<double>(bytes) / 1024.0;
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(BM_ExportHostileSvg)->Arg(1000)->Arg(static_cast<int64_t>(kMaxFlows))->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_CAPTURE(exportHostile, far_flows/svg, HostileMap::FarFlows, kSvg)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(exportHostile, far_flows/pdf, HostileMap::FarFlows, kPdf)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(exportHostile, extent/svg, HostileMap::Extent, kSvg)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(exportHostile, extent/pdf, HostileMap::Extent, kPdf)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(exportHostile, labels/svg, HostileMap::Labels, kSvg)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(exportHostile, labels/pdf, HostileMap::Labels, kPdf)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(exportHostile, many/svg, HostileMap::Many, kSvg)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(exportHostile, many/pdf, HostileMap::Many, kPdf)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_CAPTURE(openHostile, far_flows, HostileMap::FarFlows)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(openHostile, extent, HostileMap::Extent)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(openHostile, labels, HostileMap::Labels)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(openHostile, many, HostileMap::Many)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(presentHostile, many, HostileMap::Many)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(presentHostile, labels, HostileMap::Labels)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(presentHostile, extent, HostileMap::Extent)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(presentHostile, far_flows, HostileMap::FarFlows)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
