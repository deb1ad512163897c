#include "ui/canvas/cornerheaderitem.h"

#include "ui/canvas/canvasstyle.h"

#include <QPainter>

namespace crosswalk {

CornerHeaderItem::CornerHeaderItem()
{
    setZValue(102);
}

void CornerHeaderItem::setHintVisible(bool visible)
{
    if (m_hintVisible != visible) {
        m_hintVisible = visible;
        update();
    }
}

QRectF CornerHeaderItem::boundingRect() const
{
    return QRectF(0, 0, canvasstyle::kLaneHeaderWidth, canvasstyle::kPhaseHeaderHeight);
}

void CornerHeaderItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(option)
    Q_UNUSED(widget)
    const QRectF r = boundingRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xF8, 0xF9, 0xFA));
    painter->drawRect(r);
    painter->setPen(QPen(canvasstyle::laneBorder(), 1.5));
    painter->drawLine(r.topRight(), r.bottomRight());
    painter->drawLine(r.bottomLeft(), r.bottomRight());
    if (!m_hintVisible)
        return;
    painter->setPen(QColor(0x5F, 0x63, 0x68));
    painter->setFont(pixelFont(13));
    painter->drawText(r.adjusted(12, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      QStringLiteral("Lanes \u2193  Phases \u2192"));
}

} // namespace crosswalk
