#include "ui/canvas/annotationbadgeitem.h"

#include "ui/canvas/canvasstyle.h"
#include "ui/common/annotationglyph.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace crosswalk {
namespace {
constexpr int kNumberPx = 15;  // the number must read at a glance, as the label text does
constexpr qreal kGlyph = 20;   // the glyph square, inside the badge's height
constexpr qreal kPad = 2;
constexpr qreal kHalo = 4;     // room for the "current" outline
} // namespace

AnnotationBadgeItem::AnnotationBadgeItem(QGraphicsItem* parent) : QGraphicsObject(parent)
{
    // Above the label and the handles of the step it sits on.
    setZValue(5);
    setAcceptHoverEvents(true); // for the tooltip
}

void AnnotationBadgeItem::setAnnotation(const Annotation& annotation, int number, const QString& toolTip)
{
    const QString text = QString::number(number);
    const qreal w = kPad + kGlyph + 3 +
                    QFontMetricsF(pixelFont(kNumberPx, true)).horizontalAdvance(text) + 7;
    if (w != m_width)
        prepareGeometryChange();
    m_width = w;
    m_annotation = annotation;
    m_number = number;
    setToolTip(toolTip);
    update();
}

void AnnotationBadgeItem::setCurrent(bool current)
{
    if (m_current != current) {
        m_current = current;
        update();
    }
}

QRectF AnnotationBadgeItem::boundingRect() const
{
    return QRectF(0, 0, m_width, kHeight).adjusted(-kHalo, -kHalo, kHalo, kHalo);
}

QPainterPath AnnotationBadgeItem::shape() const
{
    QPainterPath p;
    p.addRoundedRect(QRectF(0, 0, m_width, kHeight), kHeight / 2, kHeight / 2);
    return p;
}

void AnnotationBadgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget)
    const QRectF r(0, 0, m_width, kHeight);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < canvasstyle::kOverviewLod) {
        // A fitted overview: the number is unreadable, the kind's colour still says where marks are.
        painter->setPen(Qt::NoPen);
        painter->setBrush(annotationColor(m_annotation.kind));
        painter->drawRect(r);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_current) {
        painter->setPen(QPen(canvasstyle::selectionBlue(), 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(-2, -2, 2, 2), kHeight / 2 + 2, kHeight / 2 + 2);
    }
    // White with a dark rim: it stands out on white steps, tinted lanes and black boxes alike.
    painter->setPen(QPen(canvasstyle::ink(), 1.5));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(r, kHeight / 2, kHeight / 2);
    painter->save();
    paintAnnotationGlyph(*painter, QRectF(kPad, (kHeight - kGlyph) / 2, kGlyph, kGlyph), m_annotation);
    painter->restore();
    painter->setPen(canvasstyle::ink());
    painter->setFont(pixelFont(kNumberPx, true));
    painter->drawText(QRectF(kPad + kGlyph + 2, 0, m_width - kPad - kGlyph - 4, kHeight), Qt::AlignCenter,
                      QString::number(m_number));
}

} // namespace crosswalk
