#pragma once

#include "crosswalk/interchange/interchangeresult.h"
#include "crosswalk/model/map.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

class MapStore;

/// The map file formats Crosswalk reads and writes besides its workspace.
enum class FileFormat { CrosswalkJson, Bpmn, Drawio, StepTable, Unknown };

/// "Crosswalk JSON", "BPMN 2.0", "draw.io", "step table (CSV)", "unknown".
std::string_view displayName(FileFormat format);
/// The command line's word for it: "json", "bpmn", "drawio", "csv"; empty for Unknown.
std::string_view formatKey(FileFormat format);
/// The format named by the command line's word; nullopt for anything else.
std::optional<FileFormat> parseFormatKey(std::string_view key);
/// The usual file extension, with the dot: ".crosswalk.json", ".bpmn", ".drawio", ".csv".
std::string_view fileExtension(FileFormat format);

/// What a file holds, judged by its content, not its name: JSON (starts with { after an optional
/// BOM and white space), BPMN (an XML root element "definitions"), draw.io (root "mxfile" or
/// "mxGraphModel"), a step table (a first line naming the "Process Step ID" column). Only the
/// beginning of the text is read.
FileFormat recogniseFormat(std::string_view text);
/// Why recogniseFormat said Unknown, for a message ("an XML file whose root element is <svg>").
std::string describeUnrecognised(std::string_view text);

/// Whether this build reads / writes the format (draw.io and step tables arrive with their own
/// importers; until then they are recognised but refused with a clear message).
bool canImport(FileFormat format);
bool canExport(FileFormat format);

/// Imports a file of any supported format, recognised by content: the maps it holds and the
/// report of what was left out or changed. A Crosswalk JSON file gives one map, its notices as
/// notes. mapIdTaken says which map ids are used where the maps are going; a taken id (or one
/// given twice in the file) is replaced by a new one and a note says so. Every map returned is
/// valid (validateMap). Throws ImportError naming the problem; nothing is half-imported.
InterchangeResult importMapFile(std::string_view text,
                                const std::function<bool(const std::string&)>& mapIdTaken = {});

/// The map written in the format (not Unknown). Throws std::invalid_argument for a format this
/// build cannot write (canExport false), with a message a person can act on.
std::string exportMapFile(const Map& map, FileFormat format);

/// Adds the maps an import made to the store, all or none: when one cannot be added, the ones
/// added before it are deleted again and the error is rethrown.
void addImportedMaps(MapStore& store, const std::vector<Map>& maps);

/// One line for a map made by an import: "\"Title\": 3 lanes, 12 steps, 14 flows, 2 annotations".
std::string importSummary(const Map& map);
/// The report of an import for a person: one summary line per map, then what was left out and
/// why, then what was changed on the way, each note on its own line.
std::string importReport(const InterchangeResult& result);

} // namespace crosswalk
