// The comparison report's differences pages, pair by pair.

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
#include "ui/compare/findingtext.h"

#include "crosswalk/compare/findings.h"

namespace crosswalk {

using namespace printoutparts;

// ----- the differences --------------------------------------------------------------------

void ComparisonPrintout::buildDifferences()
{
    const QRectF c = contentArea();
    const QFont body = ExportFonts::font(9);
    const QFont bold = ExportFonts::font(8, true);
    const QStringList& names = m_session.districtNames();
    const QStringList& initials = m_session.districtInitials();
    const std::size_t n = m_session.mapCount();

    auto stepCells = [](const Map& map, const std::string& id) {
        const Step* step = map.step(id);
        if (!step)
            return QStringList{toQString(id), QString(), QString()};
        const Lane* lane = map.lane(step->lane);
        const Phase* phase = map.phase(step->phase);
        return QStringList{step->label.empty() ? QStringLiteral("(unnamed step)") : toQString(step->label),
                           lane ? toQString(lane->name) : QStringLiteral("\u2013"),
                           phase ? toQString(phase->name) : QStringLiteral("\u2013")};
    };
    auto rowHeight = [&](const DiffTable& table, const QStringList& cells, const QFont& font) {
        qreal h = 0;
        for (qsizetype k = 0; k < cells.size(); ++k)
            h = std::max(
                h, wrappedHeight(font, c.width() * table.shares[static_cast<std::size_t>(k)] - 2 * kCellPad, cells[k]));
        return std::max(h, 11.0) + 2 * kCellPad;
    };
    auto addTable = [&](const DiffTable& table, const std::vector<QStringList>& rows) {
        const int t = static_cast<int>(m_tables.size());
        m_tables.push_back(table);
        m_rows.push_back({DiffRow::Kind::Group, t, {}, kGroupH});
        if (rows.empty()) {
            m_rows.push_back({DiffRow::Kind::None, t, {}, kNoneH});
            return;
        }
        m_rows.push_back({DiffRow::Kind::Head, t, table.heads, rowHeight(table, table.heads, bold)});
        for (const QStringList& cells : rows)
            m_rows.push_back({DiffRow::Kind::Cells, t, cells, rowHeight(table, cells, body)});
    };

    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const PairComparison& pair = m_session.pair(i, j);
            const Map& a = m_session.map(i);
            const Map& b = m_session.map(j);
            const QString nameA = names[static_cast<qsizetype>(i)];
            const QString nameB = names[static_cast<qsizetype>(j)];
            const QString pairTitle =
                QStringLiteral("%1 (%2)  \u27F7  %3 (%4)")
                    .arg(nameA, initials[static_cast<qsizetype>(i)], nameB, initials[static_cast<qsizetype>(j)]);
            DiffTable base;
            base.pair = pairTitle;
            m_tables.push_back(base);
            m_rows.push_back({DiffRow::Kind::Pair, static_cast<int>(m_tables.size()) - 1, {}, kPairH});

            const QStringList stepHeads{QStringLiteral("Step"), QStringLiteral("Lane"), QStringLiteral("Phase")};
            for (const auto& [ids, map, name] :
                 {std::tuple{&pair.onlyA, &a, nameA}, std::tuple{&pair.onlyB, &b, nameB}}) {
                DiffTable table{pairTitle,
                                QStringLiteral("Only in %1 (%2)").arg(name).arg(ids->size()),
                                stepHeads,
                                {0.5, 0.3, 0.2}};
                std::vector<QStringList> rows;
                for (const std::string& id : *ids)
                    rows.push_back(stepCells(*map, id));
                addTable(table, rows);
            }
            const QString tagA = initials[static_cast<qsizetype>(i)];
            const QString tagB = initials[static_cast<qsizetype>(j)];
            const auto matchBasis = [](const StepMatch& m) {
                return m.decided ? QStringLiteral("confirmed") : QStringLiteral("proposed, %1").arg(m.score, 0, 'f', 2);
            };
            // Every matched step with its partner: what the rest of the pair's tables rest on.
            {
                DiffTable table{pairTitle,
                                QStringLiteral("Matched steps (%1)").arg(pair.matches.size()),
                                {QStringLiteral("Step in %1").arg(tagA), QStringLiteral("Its partner in %1").arg(tagB),
                                 QStringLiteral("Lane in %1").arg(tagA), QStringLiteral("Match")},
                                {0.33, 0.33, 0.2, 0.14}};
                std::vector<QStringList> rows;
                for (const StepMatch& m : pair.matches) {
                    const QStringList cellsA = stepCells(a, m.a);
                    rows.push_back({cellsA[0], stepCells(b, m.b)[0], cellsA[1], matchBasis(m)});
                }
                addTable(table, rows);
            }
            std::vector<const MarkFinding*> across;
            std::vector<const MarkFinding*> alone;
            std::vector<const MarkFinding*> unsure;
            for (const MarkFinding& f : pair.findings)
                (f.basis == FindingBasis::NoCounterpart ? alone : f.basis == FindingBasis::Unsure ? unsure : across)
                    .push_back(&f);
            const auto texts = [&](const MarkFinding& f) {
                const QStringList list = findingtext::annotationTexts(f, f.onA ? a : b);
                return list.isEmpty() ? QStringLiteral("\u2013") : list.join(QStringLiteral("; "));
            };
            {
                DiffTable table{pairTitle,
                                QStringLiteral("Marked in one district only, across confirmed or sure matches (%1)")
                                    .arg(across.size()),
                                {QStringLiteral("Mark"), QStringLiteral("Marked in"),
                                 QStringLiteral("Step in %1").arg(tagA), QStringLiteral("Step in %1").arg(tagB),
                                 QStringLiteral("What it says (who is affected)"), QStringLiteral("Match")},
                                {0.1, 0.12, 0.17, 0.17, 0.32, 0.12}};
                std::vector<QStringList> rows;
                for (const MarkFinding* f : across)
                    rows.push_back({findingtext::kindWord(f->kind), f->onA ? nameA : nameB,
                                    findingtext::stepLabels(a, f->stepsA), findingtext::stepLabels(b, f->stepsB),
                                    texts(*f), findingtext::basis(*f)});
                addTable(table, rows);
            }
            {
                DiffTable table{pairTitle,
                                QStringLiteral("Marked on a step with no counterpart (%1)").arg(alone.size()),
                                {QStringLiteral("Mark"), QStringLiteral("Marked in"), QStringLiteral("Step"),
                                 QStringLiteral("Lane"), QStringLiteral("What it says (who is affected)")},
                                {0.1, 0.16, 0.22, 0.16, 0.36}};
                std::vector<QStringList> rows;
                for (const MarkFinding* f : alone) {
                    const Map& map = f->onA ? a : b;
                    const QStringList cells = stepCells(map, f->onA ? f->stepsA.front() : f->stepsB.front());
                    rows.push_back({findingtext::kindWord(f->kind),
                                    QStringLiteral("%1 (no matching step in %2)").arg(f->onA ? nameA : nameB,
                                                                                       f->onA ? tagB : tagA),
                                    cells[0], cells[1], texts(*f)});
                }
                addTable(table, rows);
            }
            if (!unsure.empty()) {
                // A difference across an unsure match may be a wrong match: the match is named
                // to be checked, and the difference is not stated.
                DiffTable table{pairTitle,
                                QStringLiteral("Not stated until these matches are checked (%1)").arg(unsure.size()),
                                {QStringLiteral("Step in %1").arg(tagA), QStringLiteral("Step in %1").arg(tagB),
                                 QStringLiteral("Match")},
                                {0.42, 0.42, 0.16}};
                std::vector<QStringList> rows;
                for (const MarkFinding* f : unsure)
                    rows.push_back({findingtext::stepLabels(a, f->stepsA), findingtext::stepLabels(b, f->stepsB),
                                    findingtext::basis(*f)});
                addTable(table, rows);
            }
        }

    std::vector<qreal> heights;
    std::vector<bool> keep;
    for (const DiffRow& row : m_rows) {
        heights.push_back(row.height);
        keep.push_back(row.kind == DiffRow::Kind::Pair || row.kind == DiffRow::Kind::Group ||
                       row.kind == DiffRow::Kind::Head);
    }
    // A page that starts inside a table starts with its heading and head again.
    std::vector<qreal> continued(m_rows.size(), 0);
    qreal head = 0;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].kind == DiffRow::Kind::Head)
            head = m_rows[r].height;
        if (m_rows[r].kind != DiffRow::Kind::Pair)
            continued[r] = kContinuedH;
        if (m_rows[r].kind == DiffRow::Kind::Cells)
            continued[r] += kGroupH + head;
    }
    const qreal available = c.height() - kTitleBlockH - kGap - m_introHeight;
    paginate(PageKind::Differences, heights, available, keep, continued);
}

void ComparisonPrintout::paintDifferences(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    qreal y = paintIntro(painter, differencesIntro());
    const QFont body = ExportFonts::font(9);
    const QFont headFont = ExportFonts::font(8, true);

    auto columnWidths = [&](const DiffTable& table) {
        std::vector<qreal> widths;
        for (const qreal share : table.shares)
            widths.push_back(c.width() * share);
        return widths;
    };
    auto paintHead = [&](const DiffRow& row) {
        const DiffTable& table = m_tables[static_cast<std::size_t>(row.table)];
        painter.setFont(headFont);
        painter.setPen(muted());
        paintCells(painter, c.left(), y, row.height, columnWidths(table), table.heads);
        painter.setPen(QPen(rule(), 0.8));
        painter.drawLine(QPointF(c.left(), y + row.height), QPointF(c.right(), y + row.height));
        y += row.height;
    };
    auto paintGroup = [&](const DiffTable& table, bool continuedHere) {
        painter.setFont(ExportFonts::font(10, true));
        painter.setPen(ink());
        const QString text = continuedHere ? QStringLiteral("%1 (continued)").arg(table.heading) : table.heading;
        painter.drawText(QRectF(c.left(), y + 6, c.width(), kGroupH - 6), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(ExportFonts::font(10, true)).elidedText(text, Qt::ElideMiddle, c.width()));
        y += kGroupH;
    };

    // A table that goes on from the page before starts with its heading and head again.
    const DiffRow& first = m_rows[static_cast<std::size_t>(page.firstRow)];
    if (first.kind != DiffRow::Kind::Pair) {
        const QFont font = ExportFonts::font(10, true);
        painter.setFont(font);
        painter.setPen(muted());
        painter.drawText(QRectF(c.left(), y, c.width(), kContinuedH - 6), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(font).elidedText(
                             QStringLiteral("%1, continued").arg(m_tables[static_cast<std::size_t>(first.table)].pair),
                             Qt::ElideMiddle, c.width()));
        painter.setPen(QPen(rule(), 0.8));
        painter.drawLine(QPointF(c.left(), y + kContinuedH - 4), QPointF(c.right(), y + kContinuedH - 4));
        y += kContinuedH;
    }
    if (first.kind == DiffRow::Kind::Cells) {
        paintGroup(m_tables[static_cast<std::size_t>(first.table)], true);
        for (int k = page.firstRow; k >= 0; --k)
            if (m_rows[static_cast<std::size_t>(k)].kind == DiffRow::Kind::Head) {
                paintHead(m_rows[static_cast<std::size_t>(k)]);
                break;
            }
    }

    int band = 0;
    for (int r = page.firstRow; r < page.endRow; ++r) {
        const DiffRow& row = m_rows[static_cast<std::size_t>(r)];
        const DiffTable& table = m_tables[static_cast<std::size_t>(row.table)];
        switch (row.kind) {
        case DiffRow::Kind::Pair:
            if (r > page.firstRow)
                y += 6;
            {
                // Smaller type before any name is shortened: both districts must be read in full.
                int size = 13;
                while (size > 9 &&
                       QFontMetricsF(ExportFonts::font(size, true)).horizontalAdvance(table.pair) > c.width())
                    --size;
                const QFont pairFont = ExportFonts::font(size, true);
                painter.setFont(pairFont);
                painter.setPen(ink());
                painter.drawText(QRectF(c.left(), y + 4, c.width(), kPairH - 10), Qt::AlignLeft | Qt::AlignVCenter,
                                 QFontMetricsF(pairFont).elidedText(table.pair, Qt::ElideMiddle, c.width()));
            }
            painter.setPen(QPen(ink(), 1.0));
            painter.drawLine(QPointF(c.left(), y + kPairH - 4), QPointF(c.right(), y + kPairH - 4));
            y += kPairH - (r > page.firstRow ? 6 : 0);
            break;
        case DiffRow::Kind::Group:
            paintGroup(table, false);
            band = 0;
            break;
        case DiffRow::Kind::Head:
            paintHead(row);
            break;
        case DiffRow::Kind::None:
            painter.setFont(body);
            painter.setPen(muted());
            painter.drawText(QRectF(c.left() + kCellPad, y, c.width(), row.height), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("None."));
            y += row.height;
            break;
        case DiffRow::Kind::Cells: {
            if (band++ % 2 == 1)
                painter.fillRect(QRectF(c.left(), y, c.width(), row.height), stripe());
            painter.setFont(body);
            painter.setPen(ink());
            paintCells(painter, c.left(), y, row.height, columnWidths(table), row.cells);
            y += row.height;
            break;
        }
        }
    }
}

} // namespace crosswalk
