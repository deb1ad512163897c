#include "ui/canvas/laneheaderitem.h"

#include <QFontMetricsF>

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
        const QRectF textRect = r.adjusted(16, 8, -8, -8 - m_badgeSpace);
        // Long role names ("Instructional Superintendent") must read whole: shrink the type
        // until the longest word fits the header, but never below a size a shared screen shows.
        int px = canvasstyle::kLaneNamePx;
        for (; px > 11; --px) {
            const QFontMetricsF metrics(pixelFont(px, true));
            qreal widest = 0;
            for (const QString& word : name.split(' ', Qt::SkipEmptyParts))
                widest = std::max(widest, metrics.horizontalAdvance(word));
            const QRectF needed = metrics.boundingRect(textRect, Qt::TextWordWrap, name);
            if (widest <= textRect.width() && needed.height() <= textRect.height())
                break;
        }
        painter->setFont(pixelFont(px, true));
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, name);
    }
}

} // namespace crosswalk
