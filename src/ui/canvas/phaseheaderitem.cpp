#include "ui/canvas/phaseheaderitem.h"

#include "ui/canvas/canvasstyle.h"

#include <QPainter>

#include <algorithm>
#include <QStyleOptionGraphicsItem>

namespace crosswalk {

PhaseHeaderItem::PhaseHeaderItem(std::string id) : m_id(std::move(id))
{
    setZValue(100);
}

void PhaseHeaderItem::setPhase(const Phase& phase)
{
    if (phase.width != m_phase.width)
        prepareGeometryChange();
    m_phase = phase;
    update();
}

void PhaseHeaderItem::setEditing(bool editing)
{
    m_editing = editing;
    update();
}

void PhaseHeaderItem::setVisibleSpan(qreal left, qreal right)
{
    if (left == m_visibleLeft && right == m_visibleRight)
        return;
    m_visibleLeft = left;
    m_visibleRight = right;
    update();
}

void PhaseHeaderItem::setHeaderScale(qreal scale)
{
    if (scale == m_scale)
        return;
    prepareGeometryChange();
    m_scale = scale;
    setScale(scale);
}

QRectF PhaseHeaderItem::boundingRect() const
{
    return QRectF(0, 0, m_phase.width / m_scale, canvasstyle::kPhaseHeaderHeight);
}

QRectF PhaseHeaderItem::nameSceneRect() const
{
    return mapRectToScene(boundingRect().adjusted(8, 4, -8, -4));
}

QRectF PhaseHeaderItem::shownRect() const
{
    // Only the part in view: a phase cut by a page edge names itself on both pages.
    const QRectF r = boundingRect();
    QRectF shown = r;
    shown.setLeft(std::clamp(m_visibleLeft / m_scale, r.left(), r.right())); // the span is in scene units
    shown.setRight(std::clamp(m_visibleRight / m_scale, shown.left(), r.right()));
    if (shown.width() < 60)
        shown = r;
    return shown;
}

QRectF PhaseHeaderItem::shownNameSceneRect() const
{
    return mapRectToScene(shownRect().adjusted(8, 4, -8, -4));
}

void PhaseHeaderItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget)
    const QRectF r = boundingRect();
    QColor colour = canvasstyle::modelColor(m_phase.color);
    if (colour == Qt::white)
        colour = QColor(0xF8, 0xF9, 0xFA); // a white header would vanish into the map below it
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRect(r);
    painter->setPen(QPen(canvasstyle::laneBorder(), 1.5));
    painter->drawLine(r.topRight(), r.bottomRight());
    painter->drawLine(r.bottomLeft(), r.bottomRight());
    // A fitted overview shrinks names to specks; laying them out is then wasted work.
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (!m_editing && canvasstyle::kPhaseNamePx * lod >= 3) {
        painter->setPen(canvasstyle::ink());
        painter->setFont(pixelFont(canvasstyle::kPhaseNamePx, true));
        const QString name =
            m_phase.name.empty() ? QStringLiteral("(unnamed phase)") : QString::fromStdString(m_phase.name);
        painter->drawText(shownRect().adjusted(8, 2, -8, -2), Qt::AlignCenter | Qt::TextWordWrap, name);
    }
}

} // namespace crosswalk
