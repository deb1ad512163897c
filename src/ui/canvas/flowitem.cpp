#include "ui/canvas/flowitem.h"

#include "ui/canvas/mapscene.h"
#include "ui/document/mapdocument.h"

#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/stepitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace crosswalk {

void paintFlowLine(QPainter& painter, const QPainterPath& line, const QPolygonF& arrow,
                   const std::optional<QPointF>& handoffAt, const QColor& ink, qreal width, qreal diamond,
                   qreal diamondOutline)
{
    painter.setPen(QPen(ink, width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);
    if (!arrow.isEmpty()) {
        painter.setPen(QPen(ink, 1, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter.setBrush(ink);
        painter.drawPolygon(arrow);
    }
    if (handoffAt) {
        const QPointF c = *handoffAt;
        const qreal s = diamond;
        painter.setPen(QPen(Qt::white, diamondOutline));
        painter.setBrush(ink);
        painter.drawPolygon(QPolygonF{{c.x(), c.y() - s}, {c.x() + s, c.y()}, {c.x(), c.y() + s}, {c.x() - s, c.y()}});
    }
}
namespace {
constexpr qreal kArrowLength = 13;
constexpr qreal kArrowHalfWidth = 6.5;
constexpr int kLabelWidth = 150;
constexpr int kMaxLabelLines = 3;

/// text in lines at most width wide: broken at spaces, inside a word only when the word
/// alone is wider; at most kMaxLabelLines, the last ending in an ellipsis when text is left.
QString wrapLabel(const QString& given, const QFontMetricsF& fm, qreal width)
{
    // Issue 19: three lines show far fewer than kMaxWrapped characters, and shaping a
    // 2,000-byte label whole made a map of such flows take minutes; a cut text ends in an
    // ellipsis like any text left over.
    constexpr qsizetype kMaxWrapped = 400;
    const bool cut = given.size() > kMaxWrapped;
    const QString text = cut ? given.left(given.at(kMaxWrapped - 1).isHighSurrogate() ? kMaxWrapped - 1 : kMaxWrapped)
                             : given;
    QStringList lines;
    QString line;
    for (QString word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        // Issue 19: lines past the last shown one only decide the ellipsis; stop there, so that
        // a 2,000-byte label costs what three lines do.
        if (lines.size() > kMaxLabelLines)
            break;
        while (fm.horizontalAdvance(word) > width && word.size() > 1 && lines.size() <= kMaxLabelLines) {
            if (!line.isEmpty()) {
                lines << line;
                line.clear();
            }
            // The longest start that fits, found by doubling then halving (counting down from
            // the word's end measured the whole word once per letter: quadratic in its length).
            qsizetype n = 1;            // fits, or is one letter
            qsizetype over = word.size(); // does not fit
            for (qsizetype k = 2; k < over; k *= 2)
                (fm.horizontalAdvance(word.left(k)) <= width ? n : over) = k;
            while (over - n > 1) {
                const qsizetype mid = n + (over - n) / 2;
                (fm.horizontalAdvance(word.left(mid)) <= width ? n : over) = mid;
            }
            if (n > 1 && word.at(n - 1).isHighSurrogate())
                --n;
            lines << word.left(n);
            word = word.mid(n);
        }
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (line.isEmpty() || fm.horizontalAdvance(candidate) <= width) {
            line = candidate;
        } else {
            lines << line;
            line = word;
        }
    }
    if (!line.isEmpty())
        lines << line;
    if (lines.size() > kMaxLabelLines || (cut && !lines.isEmpty())) {
        lines = lines.mid(0, kMaxLabelLines);
        QString& last = lines.last();
        while (!last.isEmpty() && fm.horizontalAdvance(last + QChar(0x2026)) > width)
            last.chop(1);
        last = last.trimmed() + QChar(0x2026);
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

FlowItem::FlowItem(std::string id) : m_id(std::move(id))
{
    setFlags(ItemIsSelectable);
    setZValue(5);
}

void FlowItem::setFlow(const Flow& flow, const QPolygonF& route, bool handoff, std::optional<QPointF> handoffAt)
{
    prepareGeometryChange();
    m_flow = flow;
    m_handoff = handoff;
    m_route = route;
    m_handoffAt = handoffAt;
    rebuild();
    update();
}

void FlowItem::setRoute(const QPolygonF& route, std::optional<QPointF> handoffAt)
{
    prepareGeometryChange();
    m_route = route;
    m_handoffAt = handoffAt;
    rebuild();
}

void FlowItem::setEditing(bool editing)
{
    m_editing = editing;
    update();
}

void FlowItem::rebuild()
{
    m_line = QPainterPath();
    if (m_route.size() >= 2) {
        m_line.moveTo(m_route.first());
        // Stop the line short of the tip so the arrowhead's point stays sharp.
        for (int i = 1; i < m_route.size() - 1; ++i)
            m_line.lineTo(m_route[i]);
        const QLineF last(m_route[m_route.size() - 2], m_route.last());
        const qreal len = last.length();
        m_line.lineTo(len > kArrowLength ? last.pointAt((len - kArrowLength + 1) / len) : last.p1());
    }
    m_arrow.clear();
    if (m_route.size() >= 2) {
        const QLineF last(m_route[m_route.size() - 2], m_route.last());
        if (last.length() > 0.1) {
            const QPointF tip = last.p2();
            const QPointF dir = (last.p2() - last.p1()) / last.length();
            const QPointF normal(-dir.y(), dir.x());
            const QPointF base = tip - dir * kArrowLength;
            m_arrow = QPolygonF{tip, base + normal * kArrowHalfWidth, base - normal * kArrowHalfWidth};
        }
    }
    // At its usual width, or wrapped narrower where that finds it a clear place (a flow
    // squeezed between steps), as long as that does not cut more of it off.
    const QString label = QString::fromStdString(m_flow.label);
    const QFontMetricsF labelMetrics(pixelFont(canvasstyle::kFlowLabelPx));
    const QString usual = wrapLabel(label, labelMetrics, kLabelWidth);
    const QString narrow = wrapLabel(label, labelMetrics, kLabelWidth * 3 / 5);
    bool clear = false;
    m_labelText = usual;
    m_labelBox = labelBox(kLabelWidth, &clear);
    if (!clear && !narrow.endsWith(QChar(0x2026))) {
        m_labelText = narrow;
        const QRectF narrowBox = labelBox(kLabelWidth * 3 / 5, &clear);
        if (clear)
            m_labelBox = narrowBox;
        else
            m_labelText = usual;
    }
    if (auto* mapScene = dynamic_cast<MapScene*>(scene()))
        mapScene->setFlowLabelRect(m_id, m_flow.label.empty() ? QRectF() : m_labelBox);
    // A label with no clear place on its route is drawn over the steps rather than hidden
    // under them.
    setZValue(!m_labelText.isEmpty() && coversStep(m_labelBox) ? 11 : 5);
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    QPainterPath routePath;
    if (!m_route.isEmpty())
        routePath.addPolygon(m_route);
    m_hit = stroker.createStroke(routePath);
    if (!m_flow.label.empty() || m_editing)
        m_hit.addRect(m_labelBox);
    m_bounds = m_hit.boundingRect().adjusted(-10, -10, 10, 10);
}

QPointF FlowItem::pointAlong(qreal t) const
{
    if (m_route.size() < 2)
        return m_route.isEmpty() ? QPointF() : m_route.first();
    qreal total = 0;
    for (int i = 1; i < m_route.size(); ++i)
        total += QLineF(m_route[i - 1], m_route[i]).length();
    qreal half = total * t;
    for (int i = 1; i < m_route.size(); ++i) {
        const QLineF seg(m_route[i - 1], m_route[i]);
        if (half <= seg.length())
            return seg.length() > 0 ? seg.pointAt(half / seg.length()) : seg.p1();
        half -= seg.length();
    }
    return m_route.last();
}

QRectF FlowItem::labelBox(int width, bool* clear) const
{
    const QFontMetricsF fm(pixelFont(canvasstyle::kFlowLabelPx));
    QRectF box = fm.boundingRect(QRectF(0, 0, width, 1000), Qt::AlignCenter, m_labelText);
    *clear = true;
    box.adjust(-5, -2, 5, 2);
    if (m_labelText.isEmpty()) {
        box.moveCenter(labelAnchor());
        return box;
    }
    // The middle of the route, or the place nearest it, on the line or just beside it, where the
    // label covers no step, no lane border and no other flow's label.
    constexpr qreal kBeside = 5;
    const auto* mapScene = dynamic_cast<const MapScene*>(scene());
    // Between steps closer than the label is wide, the places beside the line are taken by the
    // steps themselves: then the label moves farther off the line, clear of them.
    for (qreal beside : {kBeside, kBeside + 30, kBeside + 55}) {
        for (qreal t : {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9}) {
            const QPointF at = pointAlong(t);
            // Which way the line runs there: beside a vertical stretch is left or right of it.
            const QPointF ahead = pointAlong(std::min(1.0, t + 0.01)) - pointAlong(std::max(0.0, t - 0.01));
            const bool vertical = std::abs(ahead.y()) > std::abs(ahead.x());
            QRectF centred = box;
            centred.moveCenter(at);
            QRectF first = centred;
            QRectF second = centred;
            if (vertical) {
                first.moveLeft(at.x() + beside);
                second.moveRight(at.x() - beside);
            } else {
                first.moveBottom(at.y() - beside);
                second.moveTop(at.y() + beside);
            }
            for (const QRectF& r : {centred, first, second}) {
                if (beside > kBeside && r == centred)
                    continue;
                if (mapScene ? mapScene->flowLabelClear(r, m_id) : !coversStep(r))
                    return r;
            }
        }
    }
    *clear = false;
    box.moveCenter(labelAnchor());
    return box;
}

bool FlowItem::coversStep(const QRectF& r) const
{
    if (const auto* mapScene = dynamic_cast<const MapScene*>(scene()))
        return mapScene->stepCovers(r);
    if (!scene())
        return false;
    for (const QGraphicsItem* item : scene()->items(r))
        if (item->type() == StepItem::Type && static_cast<const StepItem*>(item)->sceneRectOfStep().intersects(r))
            return true;
    return false;
}

QRectF FlowItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath FlowItem::shape() const
{
    return m_hit;
}

void FlowItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget)
    if (m_route.size() < 2)
        return;
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < canvasstyle::kOverviewLod && !isSelected()) {
        // Fitted overview of a large map: the line alone, see StepItem::paint.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(m_handoff ? canvasstyle::handoffInk() : canvasstyle::flowInk(), 0));
        painter->drawPolyline(m_route);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor ink = isSelected() ? canvasstyle::selectionBlue()
                                    : (m_handoff ? canvasstyle::handoffInk() : canvasstyle::flowInk());
    if (isSelected()) {
        painter->setPen(QPen(QColor(0x1A, 0x73, 0xE8, 60), 9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPath(m_line);
    }
    // Handoffs are told apart by their darker blue and the diamond where they cross into the
    // next lane, not by weight or dashes: dashed heavy lines dominated the map, and dashes
    // break up into noise when a shared screen is compressed.
    // A small diamond where the work changes hands.
    paintFlowLine(*painter, m_line, m_arrow, m_handoff ? m_handoffAt : std::nullopt, ink, 2.0, 6, 1.5);

    if (!m_labelText.isEmpty() && !m_editing && canvasstyle::kFlowLabelPx * lod >= 3) {
        painter->setPen(QPen(QColor(0xDA, 0xDC, 0xE0), 1));
        painter->setBrush(Qt::white);
        painter->drawRoundedRect(m_labelBox, 4, 4);
        painter->setPen(canvasstyle::ink());
        painter->setFont(pixelFont(canvasstyle::kFlowLabelPx));
        painter->drawText(m_labelBox, Qt::AlignCenter, m_labelText);
    }
}

} // namespace crosswalk
