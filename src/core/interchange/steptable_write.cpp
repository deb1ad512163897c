// A map as a process-step table (CSV), the layout Visio's Data Visualizer and Lucidchart
// read. libcsv quotes every field, so commas, quotes and line breaks in labels survive.

#include "crosswalk/interchange/steptable.h"

#include <csv.h>

#include <algorithm>
#include <tuple>

namespace crosswalk {
namespace {

std::string quoted(std::string_view text)
{
    std::string out(csv_write(nullptr, 0, text.data(), text.size()), '\0');
    csv_write(out.data(), out.size(), text.data(), text.size());
    return out;
}

// Next Step ID and Connector Label hold comma-separated lists: a comma inside one item
// would split it, so it is written as a semicolon.
std::string listItem(std::string text)
{
    std::replace(text.begin(), text.end(), ',', ';');
    return text;
}

std::string_view shapeType(StepKind kind)
{
    switch (kind) {
    case StepKind::Start:
        return "Start";
    case StepKind::End:
        return "End";
    case StepKind::Activity:
        return "Process";
    case StepKind::Meeting:
        return "Meeting";
    case StepKind::Decision:
        return "Decision";
    case StepKind::Document:
        return "Document";
    case StepKind::Data:
        return "Database";
    case StepKind::Wait:
        return "Delay";
    }
    return "Process";
}

} // namespace

std::string exportStepTable(const Map& map)
{
    std::string out = "\xEF\xBB\xBF"; // a BOM, so that spreadsheets read the file as UTF-8
    const auto row = [&](std::initializer_list<std::string_view> fields) {
        bool first = true;
        for (std::string_view f : fields) {
            out += first ? "" : ",";
            out += quoted(f);
            first = false;
        }
        out += "\r\n";
    };
    row({"Process Step ID", "Process Step Description", "Next Step ID", "Connector Label", "Shape Type", "Function",
         "Phase", "Alt Text"});

    // Lane by lane, phase by phase, left to right: the order a reader scans the map in, and
    // the order in which the lanes come back on import.
    std::vector<const Step*> steps;
    for (const Step& step : map.steps)
        steps.push_back(&step);
    const auto key = [&](const Step* s) {
        return std::tuple(map.laneIndex(s->lane).value_or(map.lanes.size()),
                          map.phaseIndex(s->phase).value_or(map.phases.size()), s->x, s->y);
    };
    std::stable_sort(steps.begin(), steps.end(), [&](const Step* a, const Step* b) { return key(a) < key(b); });

    for (const Step* step : steps) {
        std::string next, labels;
        bool anyLabel = false;
        bool first = true;
        for (const Flow& flow : map.flows) {
            if (flow.from != step->id)
                continue;
            next += (first ? "" : ",") + listItem(flow.to);
            labels += (first ? "" : ",") + listItem(flow.label);
            anyLabel = anyLabel || !flow.label.empty();
            first = false;
        }
        const Lane* lane = map.lane(step->lane);
        const Phase* phase = map.phase(step->phase);
        row({listItem(step->id), step->label, next, anyLabel ? labels : "", shapeType(step->kind),
             lane ? lane->name : "", phase ? phase->name : "", step->notes});
    }
    return out;
}

} // namespace crosswalk
