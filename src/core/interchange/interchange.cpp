#include "crosswalk/interchange/interchange.h"

#include "crosswalk/interchange/bpmn.h"
#include "crosswalk/interchange/drawio.h"
#include "crosswalk/interchange/steptable.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/placement.h"
#include "crosswalk/model/validate.h"
#include "crosswalk/storage/mapstore.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace crosswalk {

namespace {


/// How many bytes recogniseFormat reads: enough for any prolog, comments and a long first line.
constexpr std::size_t kSniffBytes = 64 * 1024;

std::string_view withoutBom(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return text;
}

std::string_view skipSpace(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    return text;
}

/// The name of the first element of an XML text (prolog, comments, processing instructions
/// and a document type declaration skipped), or empty when there is none in the first bytes.
/// This only recognises a file; the importers parse it with a real XML parser.
std::string rootElementName(std::string_view text)
{
    text = text.substr(0, kSniffBytes);
    while (true) {
        text = skipSpace(text);
        if (text.substr(0, 1) != "<")
            return {};
        std::string_view end = "";
        if (text.substr(0, 4) == "<!--")
            end = "-->";
        else if (text.substr(0, 2) == "<?")
            end = "?>";
        else if (text.substr(0, 2) == "<!") {
            // <!DOCTYPE name [ internal subset ]>
            const auto bracket = text.find('[');
            const auto close = text.find('>');
            end = bracket != std::string_view::npos && bracket < close ? "]>" : ">";
        }
        if (end.empty()) {
            std::size_t i = 1;
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '>' &&
                   text[i] != '/')
                ++i;
            return std::string(text.substr(1, i - 1));
        }
        const auto at = text.find(end);
        if (at == std::string_view::npos)
            return {};
        text.remove_prefix(at + end.size());
    }
}

std::string localPart(const std::string& name)
{
    const auto colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}


/// Another tool (or a hand) may have drawn a step in a phase other than its own, or on top of
/// another: the phase decides, and no step hides another (layout::settleImported).
void settle(InterchangeResult& result)
{
    for (Map& map : result.maps)
        if (std::string moved = layout::settleImported(map); !moved.empty())
            result.notes.push_back(InterchangeNote{result.maps.size() > 1 ? "map " + map.id : "", std::move(moved)});
}

} // namespace

std::string_view displayName(FileFormat format)
{
    switch (format) {
    case FileFormat::CrosswalkJson:
        return "Crosswalk JSON";
    case FileFormat::Bpmn:
        return "BPMN 2.0";
    case FileFormat::Drawio:
        return "draw.io";
    case FileFormat::StepTable:
        return "step table (CSV)";
    case FileFormat::Unknown:
        break;
    }
    return "unknown";
}

std::string_view formatKey(FileFormat format)
{
    switch (format) {
    case FileFormat::CrosswalkJson:
        return "json";
    case FileFormat::Bpmn:
        return "bpmn";
    case FileFormat::Drawio:
        return "drawio";
    case FileFormat::StepTable:
        return "csv";
    case FileFormat::Unknown:
        break;
    }
    return {};
}

std::optional<FileFormat> parseFormatKey(std::string_view key)
{
    for (FileFormat f : {FileFormat::CrosswalkJson, FileFormat::Bpmn, FileFormat::Drawio, FileFormat::StepTable}) {
        if (formatKey(f) == key)
            return f;
    }
    return std::nullopt;
}

std::string_view fileExtension(FileFormat format)
{
    switch (format) {
    case FileFormat::CrosswalkJson:
        return ".crosswalk.json";
    case FileFormat::Bpmn:
        return ".bpmn";
    case FileFormat::Drawio:
        return ".drawio";
    case FileFormat::StepTable:
        return ".csv";
    case FileFormat::Unknown:
        break;
    }
    return {};
}

FileFormat recogniseFormat(std::string_view text)
{
    const std::string_view start = skipSpace(withoutBom(text));
    if (start.substr(0, 1) == "{")
        return FileFormat::CrosswalkJson;
    if (start.substr(0, 1) == "<") {
        const std::string root = localPart(rootElementName(start));
        if (root == "definitions")
            return FileFormat::Bpmn;
        if (root == "mxfile" || root == "mxGraphModel")
            return FileFormat::Drawio;
        return FileFormat::Unknown;
    }
    // A step table names its columns in its first line.
    const std::string_view head = withoutBom(text).substr(0, kSniffBytes);
    const std::string firstLine = lower(head.substr(0, head.find('\n')));
    if (firstLine.find("process step id") != std::string::npos)
        return FileFormat::StepTable;
    return FileFormat::Unknown;
}

std::string describeUnrecognised(std::string_view text)
{
    const std::string_view start = skipSpace(withoutBom(text));
    if (start.empty())
        return "the file is empty";
    if (start.substr(0, 1) == "<") {
        const std::string root = rootElementName(start);
        if (root.empty())
            return "an XML file without a root element Crosswalk can find";
        return "an XML file whose root element is <" + root +
               ">; Crosswalk reads BPMN 2.0 (<definitions>) and draw.io (<mxfile>, <mxGraphModel>)";
    }
    return "not Crosswalk JSON, BPMN 2.0, draw.io or a step table (a CSV file whose first line names the "
           "\"Process Step ID\" column)";
}

bool canImport(FileFormat format)
{
    switch (format) {
    case FileFormat::CrosswalkJson:
    case FileFormat::Bpmn:
    case FileFormat::Drawio:
    case FileFormat::StepTable:
        return true;
    case FileFormat::Unknown:
        break;
    }
    return false;
}

bool canExport(FileFormat format)
{
    return canImport(format);
}

InterchangeResult importMapFile(std::string_view text, const std::function<bool(const std::string&)>& mapIdTaken)
{
    const FileFormat format = recogniseFormat(text);
    InterchangeResult result;
    switch (format) {
    case FileFormat::CrosswalkJson: {
        ImportResult json = parseMapJson(text, mapIdTaken);
        for (std::string& n : json.notices)
            result.notes.push_back(InterchangeNote{"", std::move(n)});
        if (json.laidOut)
            result.notes.push_back(InterchangeNote{"", "the file had no positions; the map was laid out automatically"});
        result.maps.push_back(std::move(json.map));
        settle(result);
        return result; // parseMapJson has dealt with taken ids
    }
    case FileFormat::Bpmn:
        result = importBpmn(text);
        break;
    case FileFormat::Drawio:
        result = importDrawio(text);
        break;
    case FileFormat::StepTable:
        result = importStepTable(text);
        break;
    case FileFormat::Unknown:
        throw ImportError({ImportProblem{"", "Crosswalk cannot tell what this file is: " + describeUnrecognised(text)}});
    }
    // Map ids: kept unless taken where the maps go (or given twice in this file).
    std::set<std::string> seen;
    for (Map& map : result.maps) {
        if (seen.count(map.id) || (mapIdTaken && mapIdTaken(map.id))) {
            const std::string old = map.id;
            do
                map.id = newId("m-");
            while (seen.count(map.id) || (mapIdTaken && mapIdTaken(map.id)));
            result.notes.push_back(
                InterchangeNote{"", "map id " + old + " was taken; the map \"" + map.props.title + "\" is now " + map.id});
        }
        seen.insert(map.id);
        // The importers promise valid maps; a broken promise is refused here, not stored.
        const auto problems = validateMap(map);
        if (!problems.empty()) {
            std::vector<ImportProblem> out;
            for (const MapProblem& p : problems)
                out.push_back(ImportProblem{p.where, p.message});
            throw ImportError(std::move(out));
        }
    }
    settle(result);
    return result;
}

std::string exportMapFile(const Map& map, FileFormat format)
{
    switch (format) {
    case FileFormat::CrosswalkJson:
        return mapToJson(map);
    case FileFormat::Bpmn:
        return exportBpmn(map);
    case FileFormat::Drawio:
        return exportDrawio(map);
    case FileFormat::StepTable:
        return exportStepTable(map);
    case FileFormat::Unknown:
        throw std::invalid_argument("no format given to export to");
    }
    throw std::invalid_argument(std::string(displayName(format)) + " export is not available in this build");
}

void addImportedMaps(MapStore& store, const std::vector<Map>& maps)
{
    std::vector<std::string> added;
    try {
        for (const Map& map : maps) {
            store.addMap(map);
            added.push_back(map.id);
        }
    } catch (...) {
        for (const std::string& id : added) {
            try {
                store.deleteMap(id);
            } catch (...) {
                // The first error is the one to report.
            }
        }
        throw;
    }
}

std::string importSummary(const Map& map)
{
    auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::string line = "\"" + map.props.title + "\": " + count(map.lanes.size(), "lane", "lanes") + ", " +
                       count(map.steps.size(), "step", "steps") + ", " + count(map.flows.size(), "flow", "flows");
    if (!map.annotations.empty())
        line += ", " + count(map.annotations.size(), "annotation", "annotations");
    return line;
}

std::string importReport(const InterchangeResult& result)
{
    std::string out;
    for (const Map& map : result.maps)
        out += "made " + importSummary(map) + " (" + map.id + ")\n";
    if (!result.leftOut.empty()) {
        out += "left out " + std::to_string(result.leftOut.size()) + " element(s) that Crosswalk cannot represent:\n";
        for (const InterchangeNote& n : result.leftOut)
            out += "  " + n.toString() + "\n";
    }
    if (!result.notes.empty()) {
        out += "changed on the way:\n";
        for (const InterchangeNote& n : result.notes)
            out += "  " + n.toString() + "\n";
    }
    return out;
}

} // namespace crosswalk
