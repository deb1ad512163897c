#pragma once

#include "crosswalk/model/kinds.h"

#include <QDate>
#include <QPageLayout>
#include <QPageSize>
#include <QRectF>
#include <QString>

#include <optional>
#include <set>
#include <string>

class QSettings;

namespace crosswalk {

/// Everything a map export can be asked for, from the dialog or the command line. Plain
/// values, so that the dialog's preview and the written file come from the same settings.
struct ExportOptions {
    enum class Format { Pdf, Svg, Png, Json };
    /// How a map PDF is laid out on paper.
    ///   Legible:    the fewest pages (one, or tiles) on which step labels print at kLegiblePt or more
    ///   Fit:        the whole map on one page, however small its type
    ///   Tiles:      columns x rows pages as given
    ///   PagesWide:  pagesWide pages across, as many down as the map needs at that scale
    enum class Layout { Legible, Fit, Tiles, PagesWide };
    /// The smallest step label type, in points, that the Legible layout allows.
    static constexpr double kLegiblePt = 8.0;

    Format format = Format::Pdf;
    QPageSize::PageSizeId paper = QPageSize::Tabloid; // 11x17: what district offices print maps on
    QPageLayout::Orientation orientation = QPageLayout::Landscape;
    double marginMm = 10;
    Layout layout = Layout::Legible;
    /// Tiles: columns x rows. For the other layouts the printout chooses them, and the
    /// options it was made with (MapPrintout::options()) say what it chose.
    int columns = 1;
    int rows = 1;
    /// PagesWide: how many pages across.
    int pagesWide = 2;
    /// The map PDF: the facilitation session's votes as dots on the steps, and the parking
    /// lot as an appendix.
    bool includeVotes = false;
    bool includeParkingLot = false;
    /// Annotation kinds left out of the map, the legend and the appendix.
    std::set<AnnotationKind> hiddenKinds;
    bool greyscale = false;
    /// PNG resolution; 192 dpi is twice the canvas at 100 %.
    int dpi = 192;
    /// SVG and PNG "for slides": the picture's width in pixels (0: the canvas's size, and
    /// for PNG the dpi). Step labels are then legible when at least kLegiblePx high.
    int slideWidth = 0;
    /// 8 pt at 96 px per inch: the smallest step label a slide should show.
    static constexpr double kLegiblePx = kLegiblePt * 96.0 / 72.0;
    /// SVG and PNG: only what the canvas shows (viewRect) rather than the whole map.
    bool currentView = false;
    /// The canvas's visible area in scene coordinates (map units), its sticky lane and phase
    /// headers included at the top left; empty when there is no canvas (the command line).
    QRectF viewRect;
    /// Printed in the title block when not empty ("After session 3, March").
    QString revisionName;
    /// The date in the title block; empty means today.
    QDate exportDate;

    bool tiled() const { return columns > 1 || rows > 1; }
    int tileCount() const { return columns * rows; }
    bool shows(AnnotationKind kind) const { return !hiddenKinds.count(kind); }
    /// SVG and PNG show the current view rather than the whole map.
    bool exportsView() const
    {
        return currentView && !viewRect.isEmpty() && (format == Format::Svg || format == Format::Png);
    }
    QDate date() const { return exportDate.isValid() ? exportDate : QDate::currentDate(); }

    /// The papers offered, in the order menus show them.
    static const std::vector<QPageSize::PageSizeId>& papers();
    /// "letter", "legal", "tabloid" (or "11x17"), "a4", "a3", any case.
    static std::optional<QPageSize::PageSizeId> parsePaper(const std::string& text);
    static QString paperName(QPageSize::PageSizeId paper);
    /// "3x2" -> {3, 2}; each between 1 and 12.
    static std::optional<std::pair<int, int>> parseTiles(const std::string& text);
    /// "harm,black_box" or "harm point, Black box": kind names as in the exchange format or as shown.
    static std::optional<std::set<AnnotationKind>> parseKinds(const std::string& text, std::string* bad = nullptr);
    static QString formatName(Format format);
    static QString fileSuffix(Format format);

    /// Remembered between exports: everything except the revision name, the date and the view rectangle.
    void save(QSettings& settings) const;
    static ExportOptions load(const QSettings& settings);
};

} // namespace crosswalk
