#include "ui/canvas/laneheaderitem.h"

#include <QFontMetricsF>

#include <algorithm>

#include "ui/canvas/canvasstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace crosswalk {

LaneHeaderItem::LaneHeaderItem(std::string id) : m_id(std::move(id))
{
    setZValue(101);
}

void LaneHeaderItem::setLane(const Lane& lane, int stepCount)
{
    if (lane.height != m_lane.height)
        prepareGeometryChange();
    m_lane = lane;
    m_stepCount = stepCount;
    setToolTip(QString::fromStdString(lane.name)); // the whole name, however short the lane is drawn
    update();
}

void LaneHeaderItem::setEditing(bool editing)
{
    m_editing = editing;
    update();
}

void LaneHeaderItem::setBadgeSpace(qreal height)
{
    if (m_badgeSpace != height) {
        m_badgeSpace = height;
        update();
    }
}

void LaneHeaderItem::setHeaderScale(qreal scale)
{
    if (scale == m_scale)
        return;
    prepareGeometryChange();
    m_scale = scale;
    setScale(scale);
}

QRectF LaneHeaderItem::boundingRect() const
{
    // Scaled by 1/zoom as a whole (name, badges and all); the height is divided by the same
    // factor so that the header still spans exactly its lane.
    return QRectF(0, 0, canvasstyle::kLaneHeaderWidth, m_lane.height / m_scale);
}

QRectF LaneHeaderItem::nameSceneRect() const
{
    return mapRectToScene(boundingRect().adjusted(16, 8, -8, -8));
}

void LaneHeaderItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget)
    const QRectF r = boundingRect();
    const QColor colour = canvasstyle::modelColor(m_lane.color);
    painter->setPen(Qt::NoPen);
    painter->setBrush(canvasstyle::headerFill(colour));
    painter->drawRect(r);
    // A saturated bar at the edge carries the lane's colour even where the fill is near white.
    QColor accent = colour.toHsv();
    accent.setHsv(accent.hue(), std::min(255, accent.saturation() * 4 + 40), std::max(90, accent.value() - 90));
    painter->setBrush(colour == Qt::white ? canvasstyle::laneBorder() : accent);
    painter->drawRect(QRectF(r.left(), r.top(), 6, r.height()));

    painter->setPen(QPen(canvasstyle::laneBorder(), 1.5));
    painter->drawLine(r.topRight(), r.bottomRight());
    painter->drawLine(r.bottomLeft(), r.bottomRight());

    // A fitted overview shrinks names to specks; laying them out is then wasted work.
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (!m_editing && canvasstyle::kLaneNamePx * lod >= 3 && r.height() >= 18) {
        painter->setPen(canvasstyle::ink());
        const QString name = m_lane.name.empty() ? QStringLiteral("(unnamed lane)") : QString::fromStdString(m_lane.name);
        // Short lanes on screen (a fitted overview) keep less padding for the name.
        const qreal pad = std::min<qreal>(8, r.height() / 8);
        const QRectF textRect = r.adjusted(16, pad, -8, -pad - m_badgeSpace);
        const NameLayout layout = layoutName(name, textRect);
        painter->setFont(pixelFont(layout.px, true));
        if (layout.wrap) {
            painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, layout.text);
        } else {
            // One line at the top of the header, above any badges at its bottom.
            painter->drawText(r.adjusted(16, pad, -8, -pad), Qt::AlignTop | Qt::AlignLeft, layout.text);
        }
    }
}

LaneHeaderItem::NameLayout LaneHeaderItem::layoutName(const QString& name, const QRectF& textRect)
{
    // Long role names ("Instructional Superintendent") must read whole: shrink the type until
    // the longest word fits the header, but never below a size a shared screen shows.
    constexpr int kSmallestPx = 11;
    for (int px = canvasstyle::kLaneNamePx; px >= kSmallestPx; --px) {
        const QFontMetricsF metrics(pixelFont(px, true));
        qreal widest = 0;
        for (const QString& word : name.split(' ', Qt::SkipEmptyParts))
            widest = std::max(widest, metrics.horizontalAdvance(word));
        const QRectF needed = metrics.boundingRect(textRect, Qt::TextWordWrap, name);
        if (widest <= textRect.width() && needed.height() <= textRect.height() + 0.5)
            return {px, name, true};
    }
    // Too short for the wrapped name at any size a screen shows: one line, cut where it must be
    // (the tooltip has it whole), rather than lines drawn over the next lane's header.
    const QFontMetricsF metrics(pixelFont(kSmallestPx, true));
    return {kSmallestPx, metrics.elidedText(name, Qt::ElideRight, textRect.width()), false};
}

} // namespace crosswalk
