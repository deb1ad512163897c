// The comparison report's network summary: one page, lane by lane, which districts mark
// black boxes, harm points or variation there.

#include "ui/compare/comparisonprintout.h"

#include "crosswalk/compare/compare.h"
#include "ui/common/strings.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparisonprintoutparts.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <unordered_map>

namespace crosswalk {

using namespace printoutparts;

namespace {

// Column shares of the content width: lane, districts with it, black boxes, harm, variation.
constexpr qreal kSummaryShares[] = {0.24, 0.19, 0.19, 0.19, 0.19};

QString summaryKey(const CompareSession& session)
{
    QStringList key;
    for (qsizetype i = 0; i < session.districtNames().size(); ++i)
        key << QStringLiteral("%1 = %2").arg(session.districtInitials()[i], session.districtNames()[i]);
    return key.join(QStringLiteral("   \u00B7   "));
}

} // namespace

void ComparisonPrintout::buildSummary()
{
    const QRectF c = contentArea();
    const std::size_t n = m_session.mapCount();
    std::vector<std::unordered_map<std::string, LaneTally>> figures;
    for (const Map& map : m_session.maps())
        figures.push_back(laneFigures(map));

    m_summary.clear();
    m_summary.push_back({{QStringLiteral("Lane"), QStringLiteral("Districts with this lane"),
                          QStringLiteral("Black boxes marked by"), QStringLiteral("Harm points marked by"),
                          QStringLiteral("Variation marked by")},
                         0});
    const auto& rows = m_session.result().laneRows;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        QStringList with;
        QStringList marks[3];
        for (std::size_t i = 0; i < n && i < rows[r].size(); ++i) {
            if (rows[r][i].empty())
                continue;
            const QString tag = m_session.districtInitials()[static_cast<qsizetype>(i)];
            with << tag;
            const auto it = figures[i].find(rows[r][i]);
            if (it == figures[i].end())
                continue;
            if (it->second.blackBoxes > 0)
                marks[0] << tag;
            if (it->second.harmPoints > 0)
                marks[1] << tag;
            if (it->second.variations > 0)
                marks[2] << tag;
        }
        const auto listed = [](const QStringList& tags) {
            return tags.isEmpty() ? QStringLiteral("\u2013") : tags.join(QStringLiteral(", "));
        };
        m_summary.push_back({{m_session.rowName(r), with.join(QStringLiteral(", ")), listed(marks[0]),
                              listed(marks[1]), listed(marks[2])},
                             0});
    }

    // One page: the largest type, from 9 pt down to 6 pt, at which every row fits.
    const qreal available = c.height() - kTitleBlockH - kGap - m_introHeight - 40;
    for (m_summaryType = 9; m_summaryType >= 6; m_summaryType -= 0.5) {
        qreal total = 0;
        for (std::size_t k = 0; k < m_summary.size(); ++k) {
            const QFont font = ExportFonts::font(m_summaryType, k == 0);
            qreal h = 0;
            for (qsizetype col = 0; col < m_summary[k].cells.size(); ++col)
                h = std::max(h, wrappedHeight(font, c.width() * kSummaryShares[col] - 2 * kCellPad,
                                              m_summary[k].cells[col]));
            m_summary[k].height = h + 2 * kCellPad;
            total += m_summary[k].height;
        }
        if (total <= available)
            break;
    }
    m_summaryType = std::max<qreal>(m_summaryType, 6); // rows heights were last measured at 6 pt
    m_pages.push_back(Page{PageKind::Summary, {}, 0, static_cast<int>(m_summary.size())});
}

void ComparisonPrintout::paintSummary(QPainter& painter)
{
    const QRectF c = contentArea();
    qreal y = paintIntro(painter, summaryIntro());
    std::vector<qreal> widths;
    for (const qreal share : kSummaryShares)
        widths.push_back(c.width() * share);
    // Who the initials are, before the table: the reader looks them up first.
    const QFont keyFont = ExportFonts::font(std::min<qreal>(9, m_summaryType));
    painter.setFont(keyFont);
    painter.setPen(ink());
    const QString key = summaryKey(m_session);
    const qreal keyH = wrappedHeight(keyFont, c.width(), key);
    painter.drawText(QRectF(c.left(), y, c.width(), keyH + 12), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, key);
    y += keyH + 14;

    for (std::size_t k = 0; k < m_summary.size(); ++k) {
        const SummaryRow& row = m_summary[k];
        if (y + row.height > c.bottom())
            break; // not reached: the type was made small enough in buildSummary()
        if (k > 0 && k % 2 == 0)
            painter.fillRect(QRectF(c.left(), y, c.width(), row.height), stripe());
        painter.setFont(ExportFonts::font(m_summaryType, k == 0));
        painter.setPen(k == 0 ? muted() : ink());
        paintCells(painter, c.left(), y, row.height, widths, row.cells);
        if (k == 0) {
            painter.setPen(QPen(rule(), 0.8));
            painter.drawLine(QPointF(c.left(), y + row.height), QPointF(c.right(), y + row.height));
        }
        y += row.height;
    }
}

} // namespace crosswalk
