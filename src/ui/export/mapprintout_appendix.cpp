// MapPrintout: the tables after the map pages: the annotations by kind, the parking lot
// (when asked) and the index of steps by lane.

#include "ui/export/mapprintout.h"

#include "crosswalk/insights/annotationnumbers.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/common/annotationglyph.h"
#include "ui/common/annotationtext.h"
#include "ui/common/strings.h"
#include "ui/print/exportfonts.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <map>

namespace crosswalk {
namespace {

constexpr qreal kNumberCol = 46;
constexpr qreal kTableHeadH = 18;
constexpr qreal kKindHeadH = 26;
constexpr qreal kCellPad = Printout::kCellPad;
QString pluralName(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::BlackBox:
        return QStringLiteral("Black boxes");
    case AnnotationKind::Harm:
        return QStringLiteral("Harm points");
    case AnnotationKind::Variation:
        return QStringLiteral("Variations");
    case AnnotationKind::Question:
        return QStringLiteral("Questions");
    case AnnotationKind::Insight:
        return QStringLiteral("Insights");
    case AnnotationKind::ChangeIdea:
        return QStringLiteral("Change ideas");
    }
    return {};
}

QString kindLine(AnnotationKind kind)
{
    // Short words under each heading so a reader who was not in the room knows what the kind means.
    switch (kind) {
    case AnnotationKind::BlackBox:
        return QStringLiteral("Steps nobody in the room could see into: questions to investigate, not findings.");
    case AnnotationKind::Harm:
        return QStringLiteral("Points where the system can hurt principals, and through them students.");
    case AnnotationKind::Variation:
        return QStringLiteral("Where practice differs between supervisors, regions or schools (I intentional, U unintentional).");
    case AnnotationKind::Question:
        return QStringLiteral("Open questions the team wants answered.");
    case AnnotationKind::Insight:
        return QStringLiteral("What the team learned.");
    case AnnotationKind::ChangeIdea:
        return QStringLiteral("Change work placed on horizons: 1 this year, 2 redesign a part, 3 transform the system.");
    }
    return {};
}

/// Column x offsets and widths of the appendix table for a content width.
struct Columns {
    qreal x[5];
    qreal w[5];
};
Columns appendixColumns(qreal left, qreal width)
{
    const qreal rest = width - kNumberCol;
    const qreal shares[4] = {0.44, 0.24, 0.14, 0.18};
    Columns c{};
    c.x[0] = left;
    c.w[0] = kNumberCol;
    qreal x = left + kNumberCol;
    for (int i = 0; i < 4; ++i) {
        c.x[i + 1] = x;
        c.w[i + 1] = rest * shares[i];
        x += c.w[i + 1];
    }
    return c;
}

QString targetText(const Map& map, const Annotation& a)
{
    if (a.target.empty())
        return QStringLiteral("Whole map");
    if (const Step* s = map.step(a.target))
        return QStringLiteral("Step: %1").arg(s->label.empty() ? QStringLiteral("(unnamed step)") : toQString(s->label));
    return annotationTargetText(map, a.target);
}

QString laneText(const Map& map, const Annotation& a)
{
    const Lane* lane = map.lane(annotationLane(map, a));
    return lane ? toQString(lane->name) : QStringLiteral("\u2013");
}

qreal drawTableHead(QPainter& painter, const Columns& cols, const QRectF& c, qreal y, const QString (&heads)[5])
{
    painter.setFont(ExportFonts::font(8, true));
    painter.setPen(Printout::muted());
    for (int i = 0; i < 5; ++i)
        painter.drawText(QRectF(cols.x[i] + kCellPad, y, cols.w[i] - 2 * kCellPad, kTableHeadH),
                         Qt::AlignLeft | Qt::AlignVCenter, heads[i]);
    painter.setPen(QPen(Printout::rule(), 0.8));
    painter.drawLine(QPointF(c.left(), y + kTableHeadH), QPointF(c.right(), y + kTableHeadH));
    return y + kTableHeadH;
}

} // namespace

void MapPrintout::paginate(std::size_t from, std::size_t to, Table table)
{
    const qreal available = contentArea().height() - kTitleBlockH - kGap - kTableHeadH;
    std::vector<qreal> heights;
    std::vector<bool> headings; // a heading never ends a page
    for (std::size_t i = from; i < to; ++i) {
        heights.push_back(m_rows[i].height);
        headings.push_back(m_rows[i].heading());
    }
    for (const auto& [first, end] : paginateRows(heights, available, headings)) {
        Page page{PageKind::Appendix};
        page.table = table;
        page.firstRow = static_cast<int>(from) + first;
        page.endRow = static_cast<int>(from) + end;
        m_pages.push_back(page);
    }
}

void MapPrintout::buildParkingLot()
{
    if (m_map.parkingLot.empty())
        return;
    const Columns cols = appendixColumns(contentArea().left(), contentArea().width());
    const QFont body = ExportFonts::font(9);
    AppendixRow heading;
    heading.count = static_cast<int>(m_map.parkingLot.size());
    heading.height = kKindHeadH + 12;
    m_rows.push_back(heading);
    int number = 0;
    for (const ParkingItem& item : m_map.parkingLot) {
        AppendixRow row;
        row.parked = &item;
        row.number = ++number;
        // The question spans the annotation and target columns.
        row.height = std::max(wrappedHeight(body, cols.w[1] + cols.w[2] - 2 * kCellPad,
                                            item.text.empty() ? QStringLiteral("-") : toQString(item.text)),
                              14.0) +
                     2 * kCellPad + 2;
        m_rows.push_back(row);
    }
}

void MapPrintout::paintParkingLot(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    const Columns cols = appendixColumns(c.left(), c.width());
    qreal y = c.top() + kTitleBlockH + kGap;
    const QString heads[5] = {QStringLiteral("No."), QStringLiteral("Parked question"), QString(),
                              QStringLiteral("Parked"), QStringLiteral("Status")};
    y = drawTableHead(painter, cols, c, y, heads);
    const QFont body = ExportFonts::font(9);
    int band = 0;
    for (int i = page.firstRow; i < page.endRow; ++i) {
        const AppendixRow& row = m_rows[static_cast<std::size_t>(i)];
        if (!row.parked) {
            painter.setFont(ExportFonts::font(12, true));
            painter.setPen(ink());
            const QString title = QStringLiteral("Parking lot (%1)").arg(row.count);
            painter.drawText(QRectF(c.left() + 2, y + 8, c.width() / 2, 20), Qt::AlignLeft | Qt::AlignVCenter, title);
            const qreal titleW = QFontMetricsF(ExportFonts::font(12, true)).horizontalAdvance(title);
            painter.setFont(ExportFonts::font(8));
            painter.setPen(muted());
            painter.drawText(QRectF(c.left() + titleW + 14, y + 8, c.width() - titleW - 20, 20),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("Questions the session set aside to come back to, in the order they were parked."));
            y += row.height;
            band = 0;
            continue;
        }
        const ParkingItem& item = *row.parked;
        if (band++ % 2 == 1)
            painter.fillRect(QRectF(c.left(), y, c.width(), row.height), stripe());
        const qreal top = y + kCellPad + 1;
        painter.setPen(ink());
        painter.setFont(ExportFonts::font(9, true));
        painter.drawText(QRectF(cols.x[0] + kCellPad, top, cols.w[0] - 2 * kCellPad, 14), Qt::AlignLeft | Qt::AlignTop,
                         QString::number(row.number));
        painter.setFont(body);
        painter.drawText(QRectF(cols.x[1] + kCellPad, top, cols.w[1] + cols.w[2] - 2 * kCellPad, row.height),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                         item.text.empty() ? QStringLiteral("-") : toQString(item.text));
        // "2026-03-05T15:04:00Z" as a reader says it: the day.
        const QDateTime when = QDateTime::fromString(toQString(item.createdAt), Qt::ISODate);
        painter.setPen(muted());
        painter.drawText(QRectF(cols.x[3] + kCellPad, top, cols.w[3] - 2 * kCellPad, row.height),
                         Qt::AlignLeft | Qt::AlignTop,
                         when.isValid() ? QLocale(QLocale::English).toString(when.date(), QStringLiteral("d MMMM yyyy"))
                                        : QStringLiteral("\u2013"));
        painter.setPen(ink());
        painter.drawText(QRectF(cols.x[4] + kCellPad, top, cols.w[4] - 2 * kCellPad, row.height),
                         Qt::AlignLeft | Qt::AlignTop, item.done ? QStringLiteral("Done") : QStringLiteral("Open"));
        y += row.height;
    }
}

void MapPrintout::buildStepIndex()
{
    const Columns cols = appendixColumns(contentArea().left(), contentArea().width());
    const QFont body = ExportFonts::font(9);
    for (const Lane& lane : m_map.lanes) {
        std::vector<const Step*> steps;
        for (const Step& s : m_map.steps)
            if (s.lane == lane.id)
                steps.push_back(&s);
        if (steps.empty())
            continue;
        // In the order of the year: left to right.
        std::stable_sort(steps.begin(), steps.end(), [](const Step* a, const Step* b) { return a->x < b->x; });
        AppendixRow heading;
        heading.lane = &lane;
        heading.count = static_cast<int>(steps.size());
        heading.height = kKindHeadH + 8;
        m_rows.push_back(heading);
        for (const Step* s : steps) {
            AppendixRow row;
            row.lane = &lane;
            row.step = s;
            row.height = std::max(wrappedHeight(body, cols.w[1] - 2 * kCellPad, toQString(s->label)), 12.0) + 2 * kCellPad;
            m_rows.push_back(row);
        }
    }
}

QString MapPrintout::stepPage(const Step& step) const
{
    if (!options().tiled())
        return QStringLiteral("Map");
    const layout::Rect r = layout::stepRect(m_map, step);
    const QPointF centre(r.x + r.w / 2.0, r.y + r.h / 2.0);
    for (int i = 0; i < m_tiles.count(); ++i) {
        const QRectF t = m_tiles.tile(i);
        if (centre.x() >= t.left() && centre.x() <= t.right() && centre.y() >= t.top() && centre.y() <= t.bottom())
            return m_tiles.label(i);
    }
    return QString();
}

void MapPrintout::buildAppendix()
{
    const std::vector<std::pair<std::string, int>> numbers = annotationNumbers(m_map);
    const Columns cols = appendixColumns(contentArea().left(), contentArea().width());
    const QFont body = ExportFonts::font(9);
    const QFont detail = ExportFonts::font(8);
    for (AnnotationKind kind : kAllAnnotationKinds) {
        if (!options().shows(kind))
            continue;
        std::vector<AppendixRow> rows;
        for (const auto& [id, number] : numbers) {
            const Annotation* a = m_map.annotation(id);
            if (!a || a->kind != kind)
                continue;
            AppendixRow row;
            row.annotation = a;
            row.kind = kind;
            row.number = number;
            qreal text = wrappedHeight(body, cols.w[1] - 2 * kCellPad, toQString(a->text).isEmpty() ? QStringLiteral("-") : toQString(a->text));
            if (kind == AnnotationKind::Variation || kind == AnnotationKind::ChangeIdea)
                text += QFontMetricsF(detail).lineSpacing() + 2;
            row.height = std::max({text, wrappedHeight(body, cols.w[2] - 2 * kCellPad, targetText(m_map, *a)),
                                   wrappedHeight(body, cols.w[3] - 2 * kCellPad, laneText(m_map, *a)),
                                   wrappedHeight(body, cols.w[4] - 2 * kCellPad, toQString(a->affects)), 14.0}) +
                         2 * kCellPad + 2;
            rows.push_back(row);
        }
        if (rows.empty())
            continue;
        AppendixRow heading;
        heading.kind = kind;
        heading.count = static_cast<int>(rows.size());
        heading.height = kKindHeadH + 12;
        m_rows.push_back(heading);
        m_rows.insert(m_rows.end(), rows.begin(), rows.end());
    }
}

void MapPrintout::paintAppendix(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    const Columns cols = appendixColumns(c.left(), c.width());
    qreal y = c.top() + kTitleBlockH + kGap;

    const QString heads[5] = {QStringLiteral("No."), QStringLiteral("Annotation"), QStringLiteral("On"),
                              QStringLiteral("Lane"), QStringLiteral("Who is affected")};
    y = drawTableHead(painter, cols, c, y, heads);

    const QFont body = ExportFonts::font(9);
    const QFont bold = ExportFonts::font(9, true);
    const QFont detail = ExportFonts::font(8);
    int band = 0;
    for (int i = page.firstRow; i < page.endRow; ++i) {
        const AppendixRow& row = m_rows[static_cast<std::size_t>(i)];
        if (row.heading()) {
            const QRectF glyph(c.left() + 2, y + 10, 16, 16);
            painter.save();
            paintAnnotationGlyph(painter, glyph, row.kind);
            painter.restore();
            painter.setFont(ExportFonts::font(12, true));
            painter.setPen(ink());
            const QString title = QStringLiteral("%1 (%2)").arg(pluralName(row.kind)).arg(row.count);
            painter.drawText(QRectF(c.left() + 24, y + 8, c.width() / 2, 20), Qt::AlignLeft | Qt::AlignVCenter, title);
            const qreal titleW = QFontMetricsF(ExportFonts::font(12, true)).horizontalAdvance(title);
            painter.setFont(detail);
            painter.setPen(muted());
            painter.drawText(QRectF(c.left() + 24 + titleW + 12, y + 8, c.width() - titleW - 40, 20),
                             Qt::AlignLeft | Qt::AlignVCenter, kindLine(row.kind));
            y += row.height;
            band = 0;
            continue;
        }
        const Annotation& a = *row.annotation;
        const QRectF rowBand(c.left(), y, c.width(), row.height);
        if (band++ % 2 == 1)
            painter.fillRect(rowBand, stripe());
        const qreal top = y + kCellPad + 1;
        painter.save();
        paintAnnotationGlyph(painter, QRectF(cols.x[0] + kCellPad, top, 13, 13), a);
        painter.restore();
        painter.setFont(bold);
        painter.setPen(ink());
        painter.drawText(QRectF(cols.x[0] + kCellPad + 16, top - 1, cols.w[0] - 20, 15), Qt::AlignLeft | Qt::AlignVCenter,
                         QString::number(row.number));
        auto cell = [&](int col, const QString& text, const QFont& font, const QColor& color, qreal dy = 0) {
            painter.setFont(font);
            painter.setPen(color);
            painter.drawText(QRectF(cols.x[col] + kCellPad, top + dy, cols.w[col] - 2 * kCellPad, row.height),
                             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        };
        qreal dy = 0;
        if (a.kind == AnnotationKind::Variation || a.kind == AnnotationKind::ChangeIdea) {
            cell(1, annotationKindText(a), ExportFonts::font(8, true), muted());
            dy = QFontMetricsF(detail).lineSpacing() + 2;
        }
        cell(1, a.text.empty() ? QStringLiteral("-") : toQString(a.text), body, ink(), dy);
        cell(2, targetText(m_map, a), body, ink());
        cell(3, laneText(m_map, a), body, ink());
        cell(4, toQString(a.affects), body, ink());
        y += row.height;
    }
}

void MapPrintout::paintStepIndex(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    const Columns cols = appendixColumns(c.left(), c.width());
    qreal y = c.top() + kTitleBlockH + kGap;
    const QString heads[5] = {QStringLiteral("Page"), QStringLiteral("Step"), QStringLiteral("Kind"),
                              QStringLiteral("Phase"), QStringLiteral("Annotations")};
    y = drawTableHead(painter, cols, c, y, heads);

    // Numbers of the annotations on each step, as the badges show them.
    std::map<std::string, QStringList> numbers;
    for (const auto& [id, number] : annotationNumbers(m_map))
        if (const Annotation* a = m_map.annotation(id); a && options().shows(a->kind))
            numbers[a->target] << QString::number(number);

    const QFont body = ExportFonts::font(9);
    int band = 0;
    for (int i = page.firstRow; i < page.endRow; ++i) {
        const AppendixRow& row = m_rows[static_cast<std::size_t>(i)];
        if (row.heading()) {
            const QColor colour = canvasstyle::modelColor(row.lane->color);
            painter.fillRect(QRectF(c.left() + 2, y + 11, 6, 14), colour == Qt::white ? rule() : colour.darker(130));
            painter.setFont(ExportFonts::font(12, true));
            painter.setPen(ink());
            painter.drawText(QRectF(c.left() + 16, y + 8, c.width() - 16, 20), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("%1 (%2 steps)").arg(toQString(row.lane->name)).arg(row.count));
            y += row.height;
            band = 0;
            continue;
        }
        const Step& s = *row.step;
        if (band++ % 2 == 1)
            painter.fillRect(QRectF(c.left(), y, c.width(), row.height), stripe());
        const Phase* phase = m_map.phase(s.phase);
        const QString cells[5] = {stepPage(s), s.label.empty() ? QStringLiteral("(unnamed step)") : toQString(s.label),
                                  toQString(displayName(s.kind)), phase ? toQString(phase->name) : QStringLiteral("\u2013"),
                                  numbers.count(s.id) ? numbers[s.id].join(QStringLiteral(", ")) : QString()};
        painter.setFont(body);
        painter.setPen(ink());
        for (int col = 0; col < 5; ++col)
            painter.drawText(QRectF(cols.x[col] + kCellPad, y + kCellPad, cols.w[col] - 2 * kCellPad, row.height),
                             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, cells[col]);
        y += row.height;
    }
}

} // namespace crosswalk
