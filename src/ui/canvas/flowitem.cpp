#include "ui/canvas/flowitem.h"

#include "ui/canvas/canvasstyle.h"

#include <QFontMetricsF>
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
    m_labelText = QString::fromStdString(m_flow.label);
    m_labelBox = labelBox();
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

QPointF FlowItem::labelAnchor() const
{
    if (m_route.size() < 2)
        return m_route.isEmpty() ? QPointF() : m_route.first();
    qreal total = 0;
    for (int i = 1; i < m_route.size(); ++i)
        total += QLineF(m_route[i - 1], m_route[i]).length();
    qreal half = total / 2;
    for (int i = 1; i < m_route.size(); ++i) {
        const QLineF seg(m_route[i - 1], m_route[i]);
        if (half <= seg.length())
            return seg.length() > 0 ? seg.pointAt(half / seg.length()) : seg.p1();
        half -= seg.length();
    }
    return m_route.last();
}

QRectF FlowItem::labelBox() const
{
    const QFontMetricsF fm(pixelFont(canvasstyle::kFlowLabelPx));
    QRectF box = fm.boundingRect(QRectF(0, 0, kLabelWidth, 200), Qt::AlignCenter | Qt::TextWordWrap, m_labelText);
    box.adjust(-5, -2, 5, 2);
    box.moveCenter(labelAnchor());
    return box;
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
        painter->drawText(m_labelBox, Qt::AlignCenter | Qt::TextWordWrap, m_labelText);
    }
}

} // namespace crosswalk
