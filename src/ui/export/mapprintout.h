#pragma once

#include "crosswalk/model/map.h"
#include "ui/print/printout.h"
#include "ui/export/tileplan.h"

#include <QRectF>
#include <QString>

#include <memory>
#include <vector>

class QPainter;

namespace crosswalk {

class MapExportScene;

/// A map laid out on paper: the pages of the PDF and of the export dialog's preview.
///   fit:    one map page
///   tiled:  an overview page showing the tiling, then one page per tile (A1, B1, ... A2 ...)
///   then:   the annotation appendix, grouped by kind, numbered as on the map, the session's
///           parking lot when asked (ExportOptions::includeParkingLot), and an index
///           of the steps by lane with the page each is on (full labels, which a small
///           shape on the map may shorten)
/// Every page has the title block at the top; map pages have the legend at the bottom.
class MapPrintout final : public Printout {
public:
    MapPrintout(const Map& map, const ExportOptions& options);
    ~MapPrintout() override;

    int pageCount() const override { return static_cast<int>(m_pages.size()); }
    /// "Map", "Overview", "B2", "Annotations".
    QString pageName(int index) const override;
    /// "B2 · page 3 of 6".
    QString pageLabel(int index) const;
    const TilePlan& tiles() const { return m_tiles; }
    /// Points per map unit on the map pages (one map unit is 0.75 pt on the canvas at 100 %).
    qreal mapScale() const { return scaleFor(m_tiles.columns(), m_tiles.rows()); }
    /// The scale columns x rows tiles would print at (1 x 1: the whole map on one page).
    qreal scaleFor(int columns, int rows) const;
    /// The smallest step label's type size on the map pages, in points.
    qreal labelPt() const { return m_labelPx * mapScale(); }
    /// The smallest step label's size in map units (labels shrink to fit their step).
    int labelPx() const { return m_labelPx; }
    /// Problems a reader should hear of before printing: characters no export font has,
    /// naming the step (or lane, phase, flow) they are in.
    const QStringList& warnings() const { return m_warnings; }

protected:
    QString documentName() const override;
    void paintContent(QPainter& painter, int index) override;
    void paintTitleBlock(QPainter& painter, const QRectF& block, int index) override;
    void paintLegendSymbol(QPainter& painter, const LegendEntry& entry, const QRectF& r) override;

private:
    enum class PageKind { Map, Overview, Appendix };
    enum class Table { Annotations, Parking, Steps };
    struct Page {
        PageKind kind = PageKind::Map;
        int tile = 0;     // Map pages
        int firstRow = 0; // Appendix pages: rows [firstRow, endRow)
        int endRow = 0;
        Table table = Table::Annotations; // Appendix pages: which table
    };
    /// A row of the appendix: a kind's heading, an annotation, a lane's heading (step index)
    /// or a step.
    struct AppendixRow {
        const Annotation* annotation = nullptr;
        AnnotationKind kind = AnnotationKind::Question;
        int number = 0;
        int count = 0; // headings: how many annotations of the kind
        qreal height = 0;
        const Lane* lane = nullptr;
        const Step* step = nullptr;
        const ParkingItem* parked = nullptr;
        bool heading() const { return !annotation && !step && !parked; }
    };
    /// The legend's symbols (LegendEntry::symbol); index: the step or annotation kind.
    enum LegendSymbol : int { StepSymbol, FlowSymbol, HandoffSymbol, AnnotationSymbol, NoteSymbol, VoteSymbol };

    /// Sets the tiling the layout asks for (options().layout), m_tiles with it.
    void chooseTiling();
    /// Fills m_warnings.
    void checkCoverage();
    QRectF mapAreaFor(bool tiled) const;
    void buildAppendix();
    void buildStepIndex();
    void buildParkingLot();
    void paginate(std::size_t from, std::size_t to, Table table);
    void paintParkingLot(QPainter& painter, const Page& page);
    /// The tile a step is on (its centre), for the step index.
    QString stepPage(const Step& step) const;
    void buildLegend();
    QRectF mapArea() const;
    /// Both return the bottom of what they drew.
    qreal paintMapPage(QPainter& painter, const Page& page);
    qreal paintOverview(QPainter& painter);
    void paintAppendix(QPainter& painter, const Page& page);
    void paintStepIndex(QPainter& painter, const Page& page);
    void paintLocator(QPainter& painter, const QRectF& box, int tile);
    /// The target on paper for a piece of map: scaled by s, placed at the area's top left
    /// (tiles, so neighbouring pages line up) or centred (a whole map).
    qreal fitScale(const QRectF& area, const QRectF& content) const;

    Map m_map;
    std::unique_ptr<MapExportScene> m_scene;
    TilePlan m_tiles;
    qreal m_tileScale = 1; // one scale for every tile, so that the pages fit together
    std::vector<Page> m_pages;
    std::vector<AppendixRow> m_rows;
    int m_labelPx = 15;
    /// The widest tile's width and the tallest tile's height, for 1 to 12 columns / rows.
    std::vector<qreal> m_tileW;
    std::vector<qreal> m_tileH;
    QStringList m_warnings;
};

} // namespace crosswalk
