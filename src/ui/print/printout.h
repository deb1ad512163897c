#pragma once

#include "ui/print/exportoptions.h"

#include <QByteArray>
#include <QColor>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

class QFont;
class QPainter;

namespace crosswalk {

/// A document on paper, page by page: what the map PDF (MapPrintout) and the comparison
/// report (ComparisonPrintout) share, so that their pages look alike on a table: the paper
/// and margins, the title block with the page's name and number, the legend's frame and
/// rows, the pagination of tables and the PDF writer. Pages are painted in points (1/72 inch)
/// with the origin at the paper's top left corner.
class Printout {
public:
    // Page furniture, in points. Type sizes follow print habits: 9 pt body, 16 pt title.
    static constexpr qreal kTitleBlockH = 56;
    static constexpr qreal kGap = 10;
    static constexpr qreal kLegendRowH = 20;
    static constexpr qreal kCellPad = 4; // around a table cell's words
    static QColor ink() { return QColor(0x20, 0x21, 0x24); }
    static QColor muted() { return QColor(0x5F, 0x63, 0x68); }
    static QColor rule() { return QColor(0xB0, 0xB5, 0xBA); }
    static QColor stripe() { return QColor(0xF4, 0xF5, 0xF7); }

    explicit Printout(const ExportOptions& options);
    virtual ~Printout();
    Printout(const Printout&) = delete;
    Printout& operator=(const Printout&) = delete;

    virtual int pageCount() const = 0;
    /// Paper size in points, oriented.
    QSizeF pageSize() const { return m_pageSize; }
    /// The page's name in its title block: "Map", "B2", "Overlay", "Grid".
    virtual QString pageName(int index) const = 0;

    /// White paper, the title block, then what the page holds.
    void paintPage(QPainter& painter, int index);
    /// The whole document as PDF on the options' paper, in colour or grey: vector, text as
    /// text, fonts embedded. Throws ExportError.
    QByteArray toPdf();

protected:
    /// One entry of the legend: a symbol the subclass paints, symbolWidth wide, then its words.
    struct LegendEntry {
        LegendEntry(int kind, int what, QString words, qreal width, bool ownRow = false, bool mutedWords = false)
            : symbol(kind), index(what), text(std::move(words)), symbolWidth(width), newRow(ownRow), muted(mutedWords)
        {
        }
        int symbol = 0; // the subclass's kind of symbol
        int index = 0;  // what the symbol shows: a district, a step or annotation kind
        QString text;
        qreal symbolWidth = 0;
        bool newRow = false; // starts a row of its own
        bool muted = false;  // words in the muted ink
        QRectF rect;         // laid out by layoutLegend(), from the legend's top left
    };

public:
    /// The options the document was made with; a map printout fills in the tiling it chose.
    const ExportOptions& options() const { return m_options; }

protected:
    /// For a layout that chooses its own tiling (ExportOptions::Layout::Legible, PagesWide).
    void setTiling(int columns, int rows)
    {
        m_options.columns = columns;
        m_options.rows = rows;
    }
    /// The paper inside the margins.
    QRectF contentArea() const;
    /// "3 March 2026": the export date as the title block writes it.
    const QString& date() const { return m_date; }

    /// The name the PDF gives its document.
    virtual QString documentName() const = 0;
    /// What is under the title block.
    virtual void paintContent(QPainter& painter, int index) = 0;
    /// The title block in block: paintPageTag() on the right, paintTitleText() on the left.
    virtual void paintTitleBlock(QPainter& painter, const QRectF& block, int index) = 0;
    /// The legend's symbol for entry in r (the entry's rect, placed on the page).
    virtual void paintLegendSymbol(QPainter& painter, const LegendEntry& entry, const QRectF& r) = 0;

    /// The right of the title block: the page's name in large type ("B2", "Grid") over
    /// "page N of M". Returns the width it takes, with the gap to what is left of it.
    qreal paintPageTag(QPainter& painter, const QRectF& block, int index) const;
    /// The left of the title block, leftWidth wide: the title, then two lines of facts (what
    /// this is; which version and when), each shortened with an ellipsis when too long. Then
    /// the rule under the whole block.
    static void paintTitleText(QPainter& painter, const QRectF& block, qreal leftWidth, const QString& title,
                               const QString& what, const QString& when);
    /// The title block's second line of facts: "Revision: After session 3  ·  Exported 3 March 2026".
    QString whenText() const;

    void setLegend(std::vector<LegendEntry> legend) { m_legend = std::move(legend); }
    /// Lays the legend out in rows after the word "Legend", width wide; returns its height
    /// (0 without entries), which legendHeight() then gives.
    qreal layoutLegend(qreal width);
    qreal legendHeight() const { return m_legendHeight; }
    /// The legend under what ends at top when it leaves room, else at the foot of the page.
    void paintLegend(QPainter& painter, qreal top);

    /// Rows cut into pages `available` high, as [first, end) per page. A row that keeps with
    /// the next (a heading) never ends a page; startExtra[i] (if given): the room a page that
    /// starts with row i needs above it.
    static std::vector<std::pair<int, int>> paginateRows(const std::vector<qreal>& heights, qreal available,
                                                         const std::vector<bool>& keepWithNext,
                                                         const std::vector<qreal>& startExtra = {});
    /// A table row's cells side by side from left, widths[k] wide, their words wrapped
    /// inside kCellPad, from y down for height.
    static void paintCells(QPainter& painter, qreal left, qreal y, qreal height, const std::vector<qreal>& widths,
                           const QStringList& cells);
    /// The height of text wrapped to width in font (0 for no text).
    static qreal wrappedHeight(const QFont& font, qreal width, const QString& text);

private:
    ExportOptions m_options;
    QSizeF m_pageSize;
    QString m_date;
    std::vector<LegendEntry> m_legend;
    qreal m_legendHeight = 0;
};

} // namespace crosswalk
