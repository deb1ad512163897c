#pragma once

#include "crosswalk/model/map.h"
#include "ui/print/exportoptions.h"

#include <QByteArray>
#include <QStringList>

#include <string>

namespace crosswalk {

/// Map export to PDF, SVG, PNG and JSON, for the export dialog and the command line. The
/// bytes are made in memory and then written atomically: a failed export leaves any
/// existing file as it was.
class MapExporter final {
public:
    /// Throws ExportError when the export cannot be made as asked.
    static QByteArray render(const Map& map, const ExportOptions& options);
    /// render() and then writeFileAtomically(); throws ExportError or FileError.
    static void write(const Map& map, const ExportOptions& options, const std::string& path);

    static QByteArray pdf(const Map& map, const ExportOptions& options);
    /// The map as the canvas shows it (headers, steps, flows, annotation badges), 1 unit = 1 px;
    /// only the canvas's view when options.exportsView().
    static QByteArray svg(const Map& map, const ExportOptions& options);
    /// The same at options.dpi (96 dpi is the canvas at 100 %).
    static QByteArray png(const Map& map, const ExportOptions& options);

    /// One line for each piece of text with characters no export font covers, naming where
    /// it is: "step s7 \"...\": no font has ... (U+1234); it would print as a box".
    static QStringList fontWarnings(const Map& map, const ExportOptions& options);

    /// SVG and PNG: how many pixels high the smallest step label is in the picture, and a
    /// sentence saying so when that is below ExportOptions::kLegiblePx (empty otherwise).
    static qreal slideLabelPx(const Map& map, const ExportOptions& options);
    static QString slideWarning(const Map& map, const ExportOptions& options);

    /// Largest PNG made, in pixels: beyond it a map is better exported as PDF or SVG.
    static constexpr qint64 kMaxPngPixels = 250'000'000;
};

} // namespace crosswalk
