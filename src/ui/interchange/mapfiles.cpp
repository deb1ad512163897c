#include "ui/interchange/mapfiles.h"

#include "crosswalk/layout/placement.h"

#include "crosswalk/io/atomicfile.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/common/strings.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace crosswalk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("MapFiles", text);
}

QString filterOf(FileFormat format)
{
    switch (format) {
    case FileFormat::CrosswalkJson:
        return tr("Crosswalk map (*.crosswalk.json *.json)");
    case FileFormat::Bpmn:
        return tr("BPMN 2.0 (*.bpmn *.xml)");
    case FileFormat::Drawio:
        return tr("draw.io (*.drawio *.xml)");
    case FileFormat::StepTable:
        return tr("Step table (*.csv)");
    case FileFormat::Unknown:
        break;
    }
    return {};
}

constexpr FileFormat kFormats[] = {FileFormat::CrosswalkJson, FileFormat::Bpmn, FileFormat::Drawio,
                                   FileFormat::StepTable};

} // namespace

QString MapFiles::importFilter()
{
    QStringList patterns, filters;
    for (FileFormat f : kFormats) {
        if (!canImport(f))
            continue;
        const QString filter = filterOf(f);
        filters << filter;
        const auto open = filter.indexOf('('), close = filter.indexOf(')');
        for (const QString& p : filter.mid(open + 1, close - open - 1).split(' '))
            if (!patterns.contains(p))
                patterns << p;
    }
    return tr("Maps") + " (" + patterns.join(' ') + ");;" + filters.join(";;") + ";;" + tr("All files (*)");
}

std::vector<FileFormat> MapFiles::exportFormats()
{
    std::vector<FileFormat> out;
    for (FileFormat f : kFormats)
        if (canExport(f))
            out.push_back(f);
    return out;
}

QStringList MapFiles::exportFilters()
{
    QStringList out;
    for (FileFormat f : exportFormats())
        out << filterOf(f);
    return out;
}

FileFormat MapFiles::exportFormatFor(const QString& path, const QString& selectedFilter)
{
    for (FileFormat f : exportFormats()) {
        if (path.endsWith(toQString(fileExtension(f)), Qt::CaseInsensitive))
            return f;
    }
    for (FileFormat f : exportFormats()) {
        if (selectedFilter == filterOf(f))
            return f;
    }
    return FileFormat::CrosswalkJson;
}

MapFiles::Imported MapFiles::importInto(MapStore& workspace, const QString& path)
{
    const std::string text = readFile(path.toStdString(), kMaxImportBytes);
    Imported imported;
    imported.format = recogniseFormat(text);
    // A .json file that is not JSON gets the JSON reader's message.
    if (imported.format == FileFormat::Unknown && path.endsWith(".json", Qt::CaseInsensitive))
        imported.format = FileFormat::CrosswalkJson;
    if (imported.format == FileFormat::CrosswalkJson) {
        ImportResult json = parseMapJson(text, [&](const std::string& id) { return workspace.hasMap(id); });
        // Placed by their phases, on free room, as every import is.
        if (std::string moved = layout::settleImported(json.map); !moved.empty())
            json.notices.push_back(std::move(moved));
        for (std::string& n : json.notices)
            imported.result.notes.push_back(InterchangeNote{"", std::move(n)});
        if (json.laidOut)
            imported.result.notes.push_back(
                InterchangeNote{"", "the file had no positions; the map was laid out automatically"});
        imported.result.maps.push_back(std::move(json.map));
    } else {
        imported.result = importMapFile(text, [&](const std::string& id) { return workspace.hasMap(id); });
    }
    addImportedMaps(workspace, imported.result.maps);
    return imported;
}

void MapFiles::exportTo(const Map& map, FileFormat format, const QString& path)
{
    writeFileAtomically(path.toStdString(), exportMapFile(map, format));
}

} // namespace crosswalk
