// Export speed, offscreen, on a 500-step map (larger than any district draws: the demo maps
// hold 25-45 steps). Goal (issue 6): map to PDF in <= 1.5 s and <= 2 MB.
//
//   crosswalk_ui_bench --benchmark_filter=Export
//
// BM_ExportCompareReport: the comparison report of the six demo districts (overlay, grid
// and 15 pairs of differences), from an open comparison session to PDF bytes.
//
// The counter pdf_kb is the size of the PDF made. main() is in bench_canvas.cpp, which
// starts the QApplication every UI benchmark needs.

#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/map.h"
#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparisonprintout.h"
#include "ui/print/exportoptions.h"
#include "ui/export/mapexporter.h"
#include "ui/export/mapprintout.h"

#include <benchmark/benchmark.h>

#include <QByteArray>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdint>
#include <string>

namespace {

using namespace crosswalk;

constexpr int kExportLanes = 9;
constexpr int kExportPhases = 5;
constexpr int kExportSteps = 500;
constexpr int kExportFlows = 650;
constexpr int kExportAnnotations = 80;
constexpr int kSlotWidth = 210;

/// Deterministic pseudo-random numbers, so that every run measures the same map.
class ExportSequence {
  public:
    std::uint32_t next(std::uint32_t bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(m_state >> 33) % bound;
    }

  private:
    std::uint64_t m_state = 20250306;
};

/// 500 steps with labels of the length teams write, in two rows per lane, flows to the next
/// columns (a third of them handoffs), and annotations of every kind.
Map exportBenchMap()
{
    static const char* const words[] = {"Supervisor", "reviews",     "evidence", "with",    "principal", "against",
                                        "the",        "rubric",      "and",      "agrees",  "next",      "steps",
                                        "coaching",   "calibration", "survey",   "results", "mid-year",  "plan"};
    ExportSequence random;
    Map map;
    map.id = "m-bench-export";
    map.props.title = "Principal evaluation and support, network composite";
    map.props.district = "Benchmark Unified School District";
    map.props.focus = "Principal evaluation";
    const int perLane = kExportSteps / kExportLanes + 1;
    const int columns = (perLane + 1) / 2;
    const int phaseWidth = (columns / kExportPhases + 1) * kSlotWidth;
    for (int i = 0; i < kExportLanes; ++i)
        map.lanes.push_back({"l" + std::to_string(i), "Role number " + std::to_string(i), "#E6F4EA", 260});
    for (int i = 0; i < kExportPhases; ++i)
        map.phases.push_back({"p" + std::to_string(i), "Phase " + std::to_string(i), "#FFFFFF", phaseWidth});
    for (int i = 0; i < kExportSteps; ++i) {
        Step s;
        s.id = "s" + std::to_string(i);
        const int slot = i / kExportLanes;
        s.lane = "l" + std::to_string(i % kExportLanes);
        s.kind = kAllStepKinds[random.next(static_cast<std::uint32_t>(std::size(kAllStepKinds)))];
        s.label = "Step " + std::to_string(i);
        for (std::uint32_t w = 0, n = 3 + random.next(6); w < n; ++w)
            s.label += std::string(" ") + words[random.next(static_cast<std::uint32_t>(std::size(words)))];
        s.x = (slot / 2) * kSlotWidth + 30;
        s.y = 25 + (slot % 2) * 120;
        s.phase = "p" + std::to_string(std::min(kExportPhases - 1, s.x / phaseWidth));
        map.steps.push_back(std::move(s));
    }
    for (int i = 0; i < kExportFlows; ++i) {
        const int from = static_cast<int>(random.next(kExportSteps - 4 * kExportLanes));
        int lane = from % kExportLanes;
        if (random.next(3) == 0)
            lane = std::clamp(lane + static_cast<int>(random.next(3)) - 1, 0, kExportLanes - 1);
        const int to = (from / kExportLanes + 1 + static_cast<int>(random.next(2))) * kExportLanes + lane;
        map.flows.push_back({"f" + std::to_string(i), "s" + std::to_string(from), "s" + std::to_string(to),
                             i % 12 == 0 ? "meets" : ""});
    }
    for (int i = 0; i < kExportAnnotations; ++i) {
        Annotation a;
        a.id = "a" + std::to_string(i);
        a.kind = kAllAnnotationKinds[i % std::size(kAllAnnotationKinds)];
        a.target = "s" + std::to_string(random.next(kExportSteps));
        a.text = "Annotation " + std::to_string(i) +
                 ": supervisors describe this step differently, and nobody "
                 "could say what happens to the evidence afterwards.";
        if (a.kind == AnnotationKind::Variation)
            a.variation = Variation::Unintentional;
        if (a.kind == AnnotationKind::ChangeIdea)
            a.horizon = 1 + i % 3;
        map.annotations.push_back(std::move(a));
    }
    return map;
}

void exportPdf(benchmark::State& state, int columns, int rows)
{
    const Map map = exportBenchMap();
    ExportOptions options;
    options.layout = columns * rows > 1 ? ExportOptions::Layout::Tiles : ExportOptions::Layout::Fit;
    options.columns = columns;
    options.rows = rows;
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray pdf = MapExporter::pdf(map, options);
        bytes = pdf.size();
        benchmark::DoNotOptimize(pdf.constData());
    }
    state.counters["pdf_kb"] = static_cast<double>(bytes) / 1024.0;
    state.counters["steps"] = static_cast<double>(map.steps.size());
}

void BM_ExportPdfFit(benchmark::State& state)
{
    exportPdf(state, 1, 1);
}
BENCHMARK(BM_ExportPdfFit)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_ExportPdfTiles4x3(benchmark::State& state)
{
    exportPdf(state, 4, 3);
}
BENCHMARK(BM_ExportPdfTiles4x3)->Unit(benchmark::kMillisecond)->Iterations(5);

// The default layout: the fewest pages on which every step label prints at 8 pt or more.
void BM_ExportPdfLegible(benchmark::State& state)
{
    const Map map = exportBenchMap();
    const ExportOptions options;
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray pdf = MapExporter::pdf(map, options);
        bytes = pdf.size();
        benchmark::DoNotOptimize(pdf.constData());
    }
    MapPrintout printout(map, options);
    state.counters["pdf_kb"] = static_cast<double>(bytes) / 1024.0;
    state.counters["pages"] = printout.pageCount();
    state.counters["label_pt"] = printout.labelPt();
}
BENCHMARK(BM_ExportPdfLegible)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_ExportPng2x(benchmark::State& state)
{
    const Map map = exportBenchMap();
    ExportOptions options;
    options.dpi = 192;
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray png = MapExporter::png(map, options);
        bytes = png.size();
        benchmark::DoNotOptimize(png.constData());
    }
    state.counters["png_kb"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(BM_ExportPng2x)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ExportSvg(benchmark::State& state)
{
    const Map map = exportBenchMap();
    ExportOptions options;
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray svg = MapExporter::svg(map, options);
        bytes = svg.size();
        benchmark::DoNotOptimize(svg.constData());
    }
    state.counters["svg_kb"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(BM_ExportSvg)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ExportCompareReport(benchmark::State& state)
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("demo.crosswalk")).toStdString();
    std::vector<std::string> ids;
    {
        Workspace ws = Workspace::create(path);
        for (std::string_view text : demoMapTexts()) {
            const Map map = parseMapJson(text).map;
            ids.push_back(map.id);
            ws.addMap(map);
        }
    }
    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);
    CompareSession session(ws, ids);
    ExportOptions options;
    qsizetype bytes = 0;
    int pages = 0;
    for (auto _ : state) {
        ComparisonPrintout printout(session, options);
        const QByteArray pdf = printout.toPdf();
        bytes = pdf.size();
        pages = printout.pageCount();
        benchmark::DoNotOptimize(pdf.constData());
    }
    state.counters["pdf_kb"] = static_cast<double>(bytes) / 1024.0;
    state.counters["pages"] = pages;
}
BENCHMARK(BM_ExportCompareReport)->Unit(benchmark::kMillisecond)->Iterations(5);

} // namespace
