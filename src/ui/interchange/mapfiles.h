#pragma once

#include "crosswalk/interchange/interchange.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace crosswalk {

class MapStore;

/// The File menu's map files in every format: what the open and save dialogs offer, importing a
/// file (recognised by its content) into a workspace, exporting a map.
class MapFiles final {
public:
    /// The open dialog's filter: every format this build reads, then all files.
    static QString importFilter();
    /// The save dialog's filters, one per format this build writes, in the order of formats().
    static QStringList exportFilters();
    static std::vector<FileFormat> exportFormats();
    /// The format a save dialog's choice means: the typed extension wins over the chosen filter.
    static FileFormat exportFormatFor(const QString& path, const QString& selectedFilter);

    struct Imported {
        FileFormat format = FileFormat::Unknown;
        InterchangeResult result;
    };
    /// Reads the file and adds every map in it to the workspace, all or none. Throws
    /// std::exception (ImportError, FileError, WorkspaceError) with a message for a person.
    static Imported importInto(MapStore& workspace, const QString& path);
    /// Writes the map in the format, atomically.
    static void exportTo(const Map& map, FileFormat format, const QString& path);
};

} // namespace crosswalk
