// Process-step tables (Visio Data Visualizer, Lucidchart process import) as CSV: one row per
// step. libcsv splits the fields (quotes, doubled quotes, line breaks inside quotes); this
// file finds the columns, checks the ids and builds the map, which is then laid out.
//
// Loops: a Next Step ID that leads back to an earlier step (a rework loop: "revise and
// resubmit") is legitimate in a process map. It is imported as a flow like any other, and
// the report names it, so that a loop typed by mistake is seen.

#include "crosswalk/interchange/steptable.h"

#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/layout.h"
#include "crosswalk/model/validate.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace crosswalk {
namespace {

enum Column { Id, Description, Next, Label, Shape, Function, PhaseName, AltText, ColumnCount };

constexpr std::array<std::string_view, ColumnCount> kColumnNames = {
    "Process Step ID", "Process Step Description", "Next Step ID", "Connector Label", "Shape Type", "Function", "Phase",
    "Alt Text"};
// Without these a table cannot make a map: steps need an id, a label, a lane, and flows.
constexpr std::array<Column, 4> kRequired = {Id, Description, Next, Function};

std::string normalised(std::string_view name)
{
    std::string out;
    bool space = false;
    for (char c : name) {
        if (std::isspace(static_cast<unsigned char>(c)) || c == '_') {
            space = !out.empty();
            continue;
        }
        if (space)
            out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::string trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string> splitList(std::string_view text)
{
    std::vector<std::string> out;
    if (trimmed(text).empty())
        return out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        out.push_back(trimmed(text.substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

// The separator: the one of , ; and tab found most often outside quotes in the header line.
char separatorOf(std::string_view text)
{
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++comma;
        else if (!quoted && c == ';')
            ++semicolon;
        else if (!quoted && c == '\t')
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab)
        return ';';
    if (tab > comma && tab > semicolon)
        return '\t';
    return ',';
}

struct Records {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> current;
};

void onField(void* data, std::size_t size, void* context)
{
    auto* records = static_cast<Records*>(context);
    records->current.emplace_back(data ? static_cast<const char*>(data) : "", data ? size : 0);
}

void onRecordEnd(int, void* context)
{
    auto* records = static_cast<Records*>(context);
    records->rows.push_back(std::move(records->current));
    records->current.clear();
}

int onlySpace(unsigned char c)
{
    return c == ' ' ? 1 : 0;
} // a tab may be the separator

std::vector<std::vector<std::string>> parseCsv(std::string_view text, char separator)
{
    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        throw ImportError({ImportProblem{"", "could not start reading the table"}});
    struct Freer {
        csv_parser* p;
        ~Freer() { csv_free(p); }
    } freer{&parser};
    csv_set_delim(&parser, static_cast<unsigned char>(separator));
    csv_set_space_func(&parser, onlySpace);
    Records records;
    const std::size_t read = csv_parse(&parser, text.data(), text.size(), onField, onRecordEnd, &records);
    const auto fail = [&](std::size_t offset) {
        const auto line =
            1 +
            std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(std::min(offset, text.size())), '\n');
        throw ImportError(
            {ImportProblem{"row " + std::to_string(records.rows.size() + 1) + " (line " + std::to_string(line) + ")",
                           std::string("not valid CSV: ") + csv_strerror(csv_error(&parser)) +
                               " (a quote inside a field that is not quoted, or a field whose "
                               "quotes are not closed)"}});
    };
    if (read != text.size())
        fail(read);
    if (csv_fini(&parser, onField, onRecordEnd, &records) != 0)
        fail(text.size());
    return std::move(records.rows);
}

std::optional<StepKind> kindOf(const std::string& shapeType, bool& terminal, bool& known)
{
    const std::string s = normalised(shapeType);
    terminal = false;
    known = true;
    if (s.empty() || s == "process" || s == "subprocess" || s == "sub-process" || s == "predefined process" ||
        s == "activity" || s == "task")
        return StepKind::Activity;
    if (s == "start" || s == "begin")
        return StepKind::Start;
    if (s == "end" || s == "stop")
        return StepKind::End;
    if (s == "start/end" || s == "terminator" || s == "start / end")
        return terminal = true, StepKind::Start;
    if (s == "decision")
        return StepKind::Decision;
    if (s == "document" || s == "multiple documents" || s == "multi-document")
        return StepKind::Document;
    if (s == "data" || s == "database" || s == "external data" || s == "stored data" || s == "data store")
        return StepKind::Data;
    if (s == "delay" || s == "wait")
        return StepKind::Wait;
    if (s == "meeting")
        return StepKind::Meeting;
    known = false;
    return StepKind::Activity;
}

std::string rowAt(std::size_t row, Column column)
{
    return "row " + std::to_string(row) + ", column " + std::string(kColumnNames[column]);
}

} // namespace

InterchangeResult importStepTable(std::string_view text)
{
    if (text.size() > kMaxImportBytes)
        throw ImportError({ImportProblem{"", "the file is larger than " +
                                                 std::to_string(kMaxImportBytes / (1024 * 1024)) + " MB; not read"}});
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.remove_prefix(3);
    const auto rows = parseCsv(text, separatorOf(text));
    if (rows.empty())
        throw ImportError({ImportProblem{"", "the table is empty; it needs a header row naming the columns"}});

    InterchangeResult result;
    std::vector<ImportProblem> problems;
    // Header: which field holds which column.
    std::array<std::optional<std::size_t>, ColumnCount> at{};
    const std::vector<std::string>& header = rows.front();
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = normalised(header[i]);
        const auto known = std::find_if(kColumnNames.begin(), kColumnNames.end(),
                                        [&](std::string_view c) { return normalised(c) == name; });
        const std::string where = "row 1, column " + std::to_string(i + 1);
        if (known == kColumnNames.end()) {
            if (!name.empty())
                result.leftOut.push_back({where, "column \"" + trimmed(header[i]) +
                                                     "\" is not a step-table column; its values were not read"});
            continue;
        }
        const auto column = static_cast<std::size_t>(known - kColumnNames.begin());
        if (at[column])
            problems.push_back({where, "column \"" + std::string(*known) + "\" appears twice (also column " +
                                           std::to_string(*at[column] + 1) + ")"});
        else
            at[column] = i;
    }
    for (Column required : kRequired)
        if (!at[required])
            problems.push_back({"row 1", "the column \"" + std::string(kColumnNames[required]) +
                                             "\" is missing; the header row needs Process Step ID, Process Step "
                                             "Description, Next Step ID and Function"});
    if (!problems.empty())
        throw ImportError(std::move(problems));

    const auto field = [&](const std::vector<std::string>& row, Column column) {
        return at[column] && *at[column] < row.size() ? row[*at[column]] : std::string();
    };

    Map map;
    map.id = newId("m-");
    map.props.title = "Imported step table";
    std::map<std::string, std::string> laneByName, phaseByName;
    std::unordered_map<std::string, std::size_t> rowOfId; // step id -> row number
    std::vector<std::size_t> rowOfStep;
    std::vector<bool> terminal;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const std::vector<std::string>& row = rows[r];
        const std::size_t number = r + 1; // as a spreadsheet counts, the header being row 1
        if (std::all_of(row.begin(), row.end(), [](const std::string& f) { return trimmed(f).empty(); }))
            continue; // a blank row, as spreadsheets write after the data
        const std::string id = trimmed(field(row, Id));
        if (id.empty()) {
            problems.push_back({rowAt(number, Id), "empty; every step needs an id"});
            continue;
        }
        if (id.find(',') != std::string::npos) {
            problems.push_back({rowAt(number, Id), "\"" + id +
                                                       "\" has a comma, which separates the ids in Next Step "
                                                       "ID; no step could lead to it"});
            continue;
        }
        if (const auto seen = rowOfId.find(id); seen != rowOfId.end()) {
            problems.push_back(
                {rowAt(number, Id), "\"" + id + "\" is already the id of row " + std::to_string(seen->second)});
            continue;
        }
        rowOfId.emplace(id, number);
        if (row.size() > header.size() &&
            std::any_of(row.begin() + static_cast<std::ptrdiff_t>(header.size()), row.end(),
                        [](const std::string& f) { return !trimmed(f).empty(); }))
            result.leftOut.push_back(
                {"row " + std::to_string(number), "values past the last column of the header were not read"});

        Step step;
        step.id = id;
        step.label = field(row, Description);
        step.notes = field(row, AltText);
        bool isTerminal = false, known = true;
        step.kind = *kindOf(field(row, Shape), isTerminal, known);
        if (!known)
            result.notes.push_back({rowAt(number, Shape), "\"" + trimmed(field(row, Shape)) +
                                                              "\" is not a known shape type; read as a process step"});
        std::string laneName = trimmed(field(row, Function));
        if (laneName.empty()) {
            laneName = "No function";
            result.notes.push_back({rowAt(number, Function), "empty; the step was put in a lane \"No function\""});
        }
        auto lane = laneByName.find(laneName);
        if (lane == laneByName.end()) {
            map.lanes.push_back(Lane{newId("l-"), laneName, "#FFFFFF", 160});
            lane = laneByName.emplace(laneName, map.lanes.back().id).first;
        }
        step.lane = lane->second;
        if (const std::string phaseName = trimmed(field(row, PhaseName)); !phaseName.empty()) {
            auto phase = phaseByName.find(phaseName);
            if (phase == phaseByName.end()) {
                map.phases.push_back(Phase{newId("p-"), phaseName, "#FFFFFF", 480});
                phase = phaseByName.emplace(phaseName, map.phases.back().id).first;
            }
            step.phase = phase->second;
        }
        map.steps.push_back(std::move(step));
        rowOfStep.push_back(number);
        terminal.push_back(isTerminal);
    }

    // Flows, once every id is known: a Next Step ID may name a later row.
    for (std::size_t i = 0; i < map.steps.size(); ++i) {
        const std::vector<std::string>& row = rows[rowOfStep[i] - 1];
        const std::vector<std::string> next = splitList(field(row, Next));
        const std::vector<std::string> labels = splitList(field(row, Label));
        for (std::size_t k = 0; k < next.size(); ++k) {
            if (next[k].empty())
                continue;
            if (!rowOfId.count(next[k])) {
                problems.push_back({rowAt(rowOfStep[i], Next), "no step has the id \"" + next[k] + "\""});
                continue;
            }
            map.flows.push_back(Flow{newId("f-"), map.steps[i].id, next[k], k < labels.size() ? labels[k] : ""});
        }
        if (labels.size() > next.size() && std::any_of(labels.begin() + static_cast<std::ptrdiff_t>(next.size()),
                                                       labels.end(), [](const std::string& l) { return !l.empty(); }))
            result.leftOut.push_back({rowAt(rowOfStep[i], Label),
                                      "more labels than next steps; the labels past the last next step were not read"});
    }
    if (!problems.empty())
        throw ImportError(std::move(problems));

    // Start/End (a terminator) by its flows: one no flow leaves is an end.
    std::set<std::string> hasOut, hasIn;
    for (const Flow& flow : map.flows) {
        hasOut.insert(flow.from);
        hasIn.insert(flow.to);
    }
    for (std::size_t i = 0; i < map.steps.size(); ++i)
        if (terminal[i] && hasIn.count(map.steps[i].id) && !hasOut.count(map.steps[i].id))
            map.steps[i].kind = StepKind::End;

    // Loops: name each flow that leads back to a step on the path to it (depth-first, in
    // row order, without recursion so that a long chain cannot exhaust the stack).
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < map.steps.size(); ++i)
        index.emplace(map.steps[i].id, i);
    std::vector<std::vector<std::size_t>> out(map.steps.size()); // flow indices
    for (std::size_t f = 0; f < map.flows.size(); ++f)
        out[index[map.flows[f].from]].push_back(f);
    std::vector<int> state(map.steps.size(), 0); // 0 unseen, 1 on the path, 2 done
    for (std::size_t root = 0; root < map.steps.size(); ++root) {
        if (state[root] != 0)
            continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
        state[root] = 1;
        while (!stack.empty()) {
            auto& [step, next] = stack.back();
            if (next == out[step].size()) {
                state[step] = 2;
                stack.pop_back();
                continue;
            }
            const Flow& flow = map.flows[out[step][next++]];
            const std::size_t to = index[flow.to];
            if (state[to] == 1)
                result.notes.push_back({rowAt(rowOfStep[step], Next),
                                        "\"" + flow.to + "\" leads back to an earlier step (a loop); kept as a flow"});
            else if (state[to] == 0) {
                state[to] = 1;
                stack.push_back({to, 0});
            }
        }
    }

    layout::autoLayout(map);
    normaliseLineBreaks(map); // other tools write CR LF; maps hold LF
    if (const auto invalid = validateMap(map); !invalid.empty()) {
        for (const MapProblem& p : invalid)
            problems.push_back({p.where, p.message});
        throw ImportError(std::move(problems));
    }
    result.maps.push_back(std::move(map));
    return result;
}

bool looksLikeStepTable(std::string_view text)
{
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.remove_prefix(3);
    const std::string firstLine = normalised(text.substr(0, std::min(text.find('\n'), std::size_t{4096})));
    return firstLine.find("process step id") != std::string::npos;
}

} // namespace crosswalk
