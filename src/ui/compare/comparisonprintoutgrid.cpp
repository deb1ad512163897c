// The comparison report's grid pages: lanes x districts.

#include "ui/compare/comparisonprintout.h"

#include "crosswalk/compare/compare.h"
#include "crosswalk/io/atomicfile.h"
#include "ui/canvas/stepshape.h"
#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestepitem.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/overlayview.h"
#include "ui/common/strings.h"
#include "ui/print/exportfonts.h"

#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>

#include "ui/compare/comparisonprintoutparts.h"

namespace crosswalk {

using namespace printoutparts;

// ----- the grid ---------------------------------------------------------------------------

qreal ComparisonPrintout::gridColumnX(int column) const
{
    const QRectF c = contentArea();
    return column == 0 ? c.left() : c.left() + gridColumnW(0) + (column - 1) * gridColumnW(1);
}

qreal ComparisonPrintout::gridColumnW(int column) const
{
    const QRectF c = contentArea();
    const qreal first = std::min(170.0, c.width() * 0.2);
    if (column == 0)
        return first;
    return (c.width() - first) / static_cast<qreal>(std::max<std::size_t>(1, m_session.mapCount()));
}

void ComparisonPrintout::buildGrid()
{
    const std::size_t n = m_session.mapCount();
    const auto& rows = m_session.result().laneRows;
    std::vector<std::unordered_map<std::string, LaneTally>> figures;
    for (const Map& map : m_session.maps())
        figures.push_back(laneFigures(map));
    // The largest type, from 9 pt down, at which every word and every figure fits its column:
    // eight districts on portrait paper make narrow columns.
    const qreal w0 = gridColumnW(0) - 2 * kCellPad;
    const qreal w = gridColumnW(1) - 2 * kCellPad;
    for (m_gridType = 9; m_gridType > 6; m_gridType -= 1) {
        const QFont b = ExportFonts::font(m_gridType, true);
        const QFontMetricsF plain(ExportFonts::font(m_gridType));
        bool fits = wordsFit(b, w0, QStringLiteral("Lane (role)"));
        for (std::size_t r = 0; r < rows.size() && fits; ++r) {
            fits = wordsFit(b, w0, m_session.rowName(r));
            for (std::size_t i = 0; i < n && fits; ++i)
                if (const Lane* lane = rows[r][i].empty() ? nullptr : m_session.map(i).lane(rows[r][i]))
                    fits = wordsFit(b, w, toQString(lane->name));
        }
        for (std::size_t i = 0; i < n && fits; ++i)
            fits = wordsFit(b, w, m_session.districtNames()[static_cast<qsizetype>(i)]);
        for (const QString& figure : {QStringLiteral("88 black boxes"), QStringLiteral("88 harm points"),
                                      QStringLiteral("88 variations"), QStringLiteral("88 handoffs")})
            fits = fits && plain.horizontalAdvance(figure) + m_gridType * 1.5 <= w;
        if (fits)
            break;
    }
    const QFont bold = ExportFonts::font(m_gridType, true);
    const qreal lineH = m_gridType + 3;

    // The head: each district's badge, its name under it.
    m_gridHeadHeight = 0;
    for (std::size_t i = 0; i < n; ++i)
        m_gridHeadHeight =
            std::max(m_gridHeadHeight, wrappedHeight(bold, w, m_session.districtNames()[static_cast<qsizetype>(i)]));
    m_gridHeadHeight += 16 + 2 * kCellPad + 2;

    for (std::size_t r = 0; r < rows.size(); ++r) {
        GridRow row;
        row.name = m_session.rowName(r);
        qreal height = wrappedHeight(bold, w0, row.name);
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& laneId = rows[r][i];
            const Lane* lane = laneId.empty() ? nullptr : m_session.map(i).lane(laneId);
            if (!lane) {
                row.cells.emplace_back();
                row.figures.emplace_back();
                continue;
            }
            const LaneTally& f = figures[i].at(laneId);
            row.cells.push_back({toQString(lane->name), counted(f.steps, QStringLiteral("step"), QStringLiteral("steps")),
                                 counted(f.handoffs, QStringLiteral("handoff"), QStringLiteral("handoffs")),
                                 counted(f.blackBoxes, QStringLiteral("black box"), QStringLiteral("black boxes")),
                                 counted(f.harmPoints, QStringLiteral("harm point"), QStringLiteral("harm points")),
                                 counted(f.variations, QStringLiteral("variation"), QStringLiteral("variations"))});
            row.figures.push_back({f.steps, f.handoffs, f.blackBoxes, f.harmPoints, f.variations});
            height = std::max(height, wrappedHeight(bold, w, toQString(lane->name)) + 2 + 5 * lineH);
        }
        row.height = height + 2 * kCellPad + 2;
        m_grid.push_back(row);
    }
    std::vector<qreal> heights;
    for (const GridRow& row : m_grid)
        heights.push_back(row.height);
    const QRectF c = contentArea();
    const qreal available = c.height() - kTitleBlockH - kGap - m_introHeight - m_gridHeadHeight;
    if (heights.empty())
        m_pages.push_back(Page{PageKind::Grid, {}, 0, 0});
    else
        paginate(PageKind::Grid, heights, available, std::vector<bool>(heights.size(), false));
}

qreal ComparisonPrintout::paintIntro(QPainter& painter, const QString& text) const
{
    const QRectF c = contentArea();
    const qreal y = c.top() + kTitleBlockH + kGap;
    painter.setFont(ExportFonts::font(9));
    painter.setPen(muted());
    painter.drawText(QRectF(c.left(), y, c.width(), m_introHeight), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    return y + m_introHeight;
}

void ComparisonPrintout::paintGrid(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    const std::size_t n = m_session.mapCount();
    qreal y = paintIntro(painter, gridIntro());

    const QFont bold = ExportFonts::font(m_gridType, true);
    const QFont body = ExportFonts::font(m_gridType);
    const qreal lineH = m_gridType + 3;
    const qreal glyphSize = m_gridType;
    const qreal right = c.right();
    // The head: the districts, each with its sample as on the overlay.
    painter.setFont(bold);
    painter.setPen(muted());
    painter.drawText(QRectF(gridColumnX(0) + kCellPad, y + kCellPad, gridColumnW(0) - 2 * kCellPad, m_gridHeadHeight),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, QStringLiteral("Lane (role)"));
    for (std::size_t i = 0; i < n; ++i) {
        const int col = static_cast<int>(i) + 1;
        const qreal x = gridColumnX(col) + kCellPad;
        paintDistrictSample(painter, QPointF(x, y + kCellPad + 6), m_session.colorSlot(i),
                            m_session.districtInitials()[static_cast<qsizetype>(i)], false);
        painter.setFont(bold);
        painter.setPen(ink());
        painter.drawText(QRectF(x, y + kCellPad + 16, gridColumnW(col) - 2 * kCellPad, m_gridHeadHeight),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                         m_session.districtNames()[static_cast<qsizetype>(i)]);
    }
    y += m_gridHeadHeight;
    painter.setPen(QPen(rule(), 0.8));
    painter.drawLine(QPointF(c.left(), y), QPointF(right, y));

    for (int r = page.firstRow; r < page.endRow; ++r) {
        const GridRow& row = m_grid[static_cast<std::size_t>(r)];
        if (r % 2 == 1)
            painter.fillRect(QRectF(c.left(), y, c.width(), row.height), stripe());
        painter.setFont(bold);
        painter.setPen(ink());
        painter.drawText(QRectF(gridColumnX(0) + kCellPad, y + kCellPad, gridColumnW(0) - 2 * kCellPad, row.height),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, row.name);
        for (std::size_t i = 0; i < n; ++i) {
            const int col = static_cast<int>(i) + 1;
            const qreal x = gridColumnX(col) + kCellPad;
            const qreal w = gridColumnW(col) - 2 * kCellPad;
            const QStringList& cell = row.cells[i];
            if (cell.isEmpty()) {
                QFont italic = body;
                italic.setItalic(true);
                painter.setFont(italic);
                painter.setPen(muted());
                painter.drawText(QRectF(x, y + kCellPad, w, row.height),
                                 Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, QStringLiteral("no such lane"));
                continue;
            }
            painter.setFont(bold);
            painter.setPen(ink());
            const qreal nameH = wrappedHeight(bold, w, cell.front());
            painter.drawText(QRectF(x, y + kCellPad, w, nameH + 2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                             cell.front());
            qreal ly = y + kCellPad + nameH + 2;
            for (int k = 0; k < 5; ++k) {
                glyph(painter, QPointF(x, ly + (lineH - glyphSize) / 2), glyphSize, kFigureGlyphs[k]);
                painter.setFont(body);
                painter.setPen(row.figures[i][static_cast<std::size_t>(k)] == 0 ? muted() : ink());
                painter.drawText(QRectF(x + glyphSize * 1.45, ly, w - glyphSize * 1.45, lineH),
                                 Qt::AlignLeft | Qt::AlignVCenter, cell[k + 1]);
                ly += lineH;
            }
        }
        y += row.height;
        painter.setPen(QPen(rule(), 0.5));
        painter.drawLine(QPointF(c.left(), y), QPointF(right, y));
    }
    // Column rules, so that eight districts' figures do not run together.
    const qreal top = c.top() + kTitleBlockH + kGap + m_introHeight;
    painter.setPen(QPen(rule(), 0.5));
    for (std::size_t i = 0; i < n; ++i) {
        const qreal x = gridColumnX(static_cast<int>(i) + 1);
        painter.drawLine(QPointF(x, top), QPointF(x, y));
    }
}

} // namespace crosswalk
