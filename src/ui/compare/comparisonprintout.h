#pragma once

#include "ui/print/printout.h"

#include <QRectF>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

class QPainter;

namespace crosswalk {

class CompareSession;
class OverlayView;

/// The comparison report: the districts being compared laid out on paper, for the PDF that
/// `crosswalk compare --format pdf` and the comparison window's "Export report…" write.
///   overlay:      the comparison window's overlay of every district, fitted to the page's
///                 width (over more pages, cut between lane rows, when it is tall)
///   grid:         lanes x districts, what each district's lane holds, as a table
///   summary:      one page: lane by lane, which districts mark black boxes, harm points or
///                 variation there (districts in the order compared, never counted up)
///   grid:         (as above)
///   differences:  per pair of districts, the steps only one has, each matched step with its
///                 partner and whether a person confirmed the match, the marks one district
///                 makes and the other does not across confirmed or sure matches, and the
///                 marks on steps without a counterpart, each with its text and who is affected
/// Every page has the map PDF's title block; overlay pages have a legend. It lays districts
/// side by side and never scores or ranks one. Pages are painted in points from the paper's
/// top left, like MapPrintout's.
class ComparisonPrintout final : public Printout {
public:
    /// The session must outlive the printout.
    ComparisonPrintout(CompareSession& session, const ExportOptions& options);
    ~ComparisonPrintout() override;

    int pageCount() const override { return static_cast<int>(m_pages.size()); }
    /// "Comparison: Harbor City Public Schools · Lindenport Metropolitan Schools".
    QString title() const;
    /// "Overlay", "Network summary", "Grid", "Differences".
    QString pageName(int index) const override;

    /// toPdf() written atomically to path; throws ExportError or FileError, and a failure
    /// leaves any file at path as it was.
    static void write(CompareSession& session, const ExportOptions& options, const std::string& path);

protected:
    QString documentName() const override { return title(); }
    void paintContent(QPainter& painter, int index) override;
    void paintTitleBlock(QPainter& painter, const QRectF& block, int index) override;
    void paintLegendSymbol(QPainter& painter, const LegendEntry& entry, const QRectF& r) override;

private:
    enum class PageKind { Overlay, Summary, Grid, Differences };
    struct Page {
        PageKind kind = PageKind::Overlay;
        QRectF slice;     // Overlay: the part of the overlay scene on this page
        int firstRow = 0; // Grid, Differences: rows [firstRow, endRow)
        int endRow = 0;
    };
    /// A row of the differences: a pair's heading, a group's heading, a table's head, a
    /// row of cells, or "none".
    struct DiffRow {
        enum class Kind { Pair, Group, Head, Cells, None } kind = Kind::Cells;
        int table = 0; // index into m_tables
        QStringList cells;
        qreal height = 0;
    };
    struct DiffTable {
        QString pair;    // "Harbor City Public Schools (HC) ⟷ Lindenport Metropolitan Schools (LM)"
        QString heading; // "Only in Harbor City Public Schools (4)"
        QStringList heads;
        std::vector<qreal> shares; // of the content width, per column
    };
    struct GridRow {
        QString name;                   // the row's lane name
        std::vector<QStringList> cells; // per district: lane name, then figures; empty: no such lane
        std::vector<std::vector<int>> figures;
        qreal height = 0;
    };
    /// The legend's symbols (LegendEntry::symbol); index: the district or the step kind.
    enum LegendSymbol : int {
        DistrictSymbol,
        StepSymbol,
        GhostSymbol,
        FlaggedSymbol,
        BlackBoxSymbol,
        HarmSymbol,
        VariationSymbol
    };

    void layoutOverlay();
    void buildGrid();
    void buildDifferences();
    /// The one-page network summary (comparisonprintoutsummary.cpp).
    void buildSummary();
    void paintSummary(QPainter& painter);
    void buildLegend();
    /// Pages of kind for rows of these heights (see Printout::paginateRows()).
    void paginate(PageKind kind, const std::vector<qreal>& heights, qreal available,
                  const std::vector<bool>& keepWithNext, const std::vector<qreal>& startExtra = {});
    /// The overlay scene cut into pages' worth at this scale.
    std::vector<QRectF> sliceOverlay(qreal scale, qreal areaHeight) const;

    void paintOverlay(QPainter& painter, const Page& page);
    /// The note under the title block of grid and differences pages; returns the y under it.
    qreal paintIntro(QPainter& painter, const QString& text) const;
    void paintGrid(QPainter& painter, const Page& page);
    void paintDifferences(QPainter& painter, const Page& page);
    qreal gridColumnX(int column) const;
    qreal gridColumnW(int column) const;

    CompareSession& m_session;
    std::unique_ptr<OverlayView> m_overlay;
    std::vector<Page> m_pages;
    qreal m_overlayScale = 1;
    QRectF m_overlayHeader; // the phase headings at the overlay's top, repeated on every overlay page
    std::vector<GridRow> m_grid;
    qreal m_gridHeadHeight = 0;
    qreal m_gridType = 9;     // the grid's type size, smaller for narrow columns
    qreal m_introHeight = 22; // the note under the title block on grid and differences pages
    std::vector<DiffTable> m_tables;
    std::vector<DiffRow> m_rows;
    struct SummaryRow {
        QStringList cells; // lane, districts with it, black boxes, harm points, variation
        qreal height = 0;
    };
    std::vector<SummaryRow> m_summary;
    qreal m_summaryType = 9; // the summary's type size: smaller until it fits one page
};

} // namespace crosswalk
