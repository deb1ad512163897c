#include "ui/common/annotationglyph.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

#include <cmath>
#include <numbers>

namespace crosswalk {
namespace {

const QColor kInk("#1A1A1A");

/// Draws text centred in box, sized to the box, bold, so that it stays legible at 16 px.
void drawCentredText(QPainter& painter, const QRectF& box, const QString& text, const QColor& color,
                     qreal heightFactor = 0.8)
{
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(6, static_cast<int>(std::lround(box.height() * heightFactor))));
    font.setStyleStrategy(QFont::PreferAntialias);
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(box, Qt::AlignCenter, text);
}

QPen outline(qreal side, const QColor& color)
{
    QPen pen(color, std::max(1.0, side * 0.09));
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

void paintBlackBox(QPainter& p, const QRectF& r)
{
    // Opaque and solid: "we cannot see inside".
    const qreal inset = r.width() * 0.1;
    p.setPen(Qt::NoPen);
    p.setBrush(annotationColor(AnnotationKind::BlackBox));
    p.drawRoundedRect(r.adjusted(inset, inset, -inset, -inset), r.width() * 0.06, r.width() * 0.06);
}

void paintHarm(QPainter& p, const QRectF& r)
{
    const qreal s = r.width();
    const QPolygonF triangle{QPointF(r.center().x(), r.top() + s * 0.06),
                             QPointF(r.right() - s * 0.04, r.bottom() - s * 0.1),
                             QPointF(r.left() + s * 0.04, r.bottom() - s * 0.1)};
    p.setPen(outline(s, kInk));
    p.setBrush(annotationColor(AnnotationKind::Harm));
    p.drawPolygon(triangle);
    drawCentredText(p, QRectF(r.left(), r.top() + s * 0.3, s, s * 0.56), QStringLiteral("!"), Qt::white, 0.85);
}

void paintVariation(QPainter& p, const QRectF& r, std::optional<Variation> variation)
{
    const qreal s = r.width();
    // A light rounded tile keeps the wave and the letter together as one badge.
    p.setPen(outline(s, annotationColor(AnnotationKind::Variation)));
    p.setBrush(Qt::white);
    p.drawRoundedRect(r.adjusted(s * 0.06, s * 0.06, -s * 0.06, -s * 0.06), s * 0.18, s * 0.18);
    // The wave: one period of a sine across the top half.
    QPainterPath wave;
    const qreal left = r.left() + s * 0.2;
    const qreal width = s * 0.6;
    const qreal mid = r.top() + s * 0.3;
    const qreal amp = s * 0.09;
    for (int i = 0; i <= 24; ++i) {
        const qreal t = i / 24.0;
        const QPointF pt(left + t * width, mid - amp * std::sin(t * 2 * std::numbers::pi));
        if (i == 0)
            wave.moveTo(pt);
        else
            wave.lineTo(pt);
    }
    QPen wavePen(annotationColor(AnnotationKind::Variation), std::max(1.2, s * 0.11));
    wavePen.setCapStyle(Qt::RoundCap);
    p.setPen(wavePen);
    p.setBrush(Qt::NoBrush);
    p.drawPath(wave);
    if (!variation)
        return;
    const QString letter = *variation == Variation::Intentional ? QStringLiteral("I") : QStringLiteral("U");
    drawCentredText(p, QRectF(r.left(), r.top() + s * 0.42, s, s * 0.5), letter, kInk, 0.95);
}

void paintQuestion(QPainter& p, const QRectF& r)
{
    const qreal s = r.width();
    p.setPen(outline(s, kInk));
    p.setBrush(annotationColor(AnnotationKind::Question));
    p.drawEllipse(r.adjusted(s * 0.07, s * 0.07, -s * 0.07, -s * 0.07));
    drawCentredText(p, r.adjusted(0, s * 0.04, 0, 0), QStringLiteral("?"), Qt::white, 0.66);
}

void paintInsight(QPainter& p, const QRectF& r)
{
    const qreal s = r.width();
    const QPointF c = r.center() + QPointF(0, s * 0.04);
    const qreal outer = s * 0.5;
    const qreal inner = outer * 0.45;
    QPolygonF star;
    for (int i = 0; i < 10; ++i) {
        const qreal angle = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
        const qreal radius = (i % 2 == 0) ? outer : inner;
        star << c + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    p.setPen(outline(s, kInk));
    p.setBrush(annotationColor(AnnotationKind::Insight));
    p.drawPolygon(star);
}

void paintChangeIdea(QPainter& p, const QRectF& r, std::optional<int> horizon)
{
    const qreal s = r.width();
    // A block arrow pointing forward, with room for the horizon number in its body.
    const qreal shaftTop = r.top() + s * 0.2, shaftBottom = r.bottom() - s * 0.2;
    const qreal left = r.left() + s * 0.04, neck = r.left() + s * 0.6, tip = r.right() - s * 0.02;
    const QPolygonF arrow{QPointF(left, shaftTop),
                          QPointF(neck, shaftTop),
                          QPointF(neck, r.top() + s * 0.04),
                          QPointF(tip, r.center().y()),
                          QPointF(neck, r.bottom() - s * 0.04),
                          QPointF(neck, shaftBottom),
                          QPointF(left, shaftBottom)};
    p.setPen(outline(s, kInk));
    p.setBrush(annotationColor(AnnotationKind::ChangeIdea));
    p.drawPolygon(arrow);
    if (horizon)
        drawCentredText(p, QRectF(left, shaftTop, neck - left + s * 0.12, shaftBottom - shaftTop),
                        QString::number(*horizon), Qt::white, 0.95);
}

} // namespace

QColor annotationColor(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::BlackBox:
        return QColor("#000000");
    case AnnotationKind::Harm:
        return QColor("#C0392B"); // a red darker than vermillion, so white "!" reads on it
    case AnnotationKind::Variation:
        return QColor("#0072B2");
    case AnnotationKind::Question:
        return QColor("#7B4F9E");
    case AnnotationKind::Insight:
        return QColor("#F0C020"); // light: the star reads as the lightest glyph in greyscale
    case AnnotationKind::ChangeIdea:
        return QColor("#007A5A");
    }
    return QColor(Qt::gray);
}

void paintAnnotationGlyph(QPainter& painter, const QRectF& rect, AnnotationKind kind, std::optional<int> horizon,
                          std::optional<Variation> variation)
{
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF r(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    switch (kind) {
    case AnnotationKind::BlackBox:
        paintBlackBox(painter, r);
        break;
    case AnnotationKind::Harm:
        paintHarm(painter, r);
        break;
    case AnnotationKind::Variation:
        paintVariation(painter, r, variation);
        break;
    case AnnotationKind::Question:
        paintQuestion(painter, r);
        break;
    case AnnotationKind::Insight:
        paintInsight(painter, r);
        break;
    case AnnotationKind::ChangeIdea:
        paintChangeIdea(painter, r, horizon);
        break;
    }
    painter.restore();
}

void paintAnnotationGlyph(QPainter& painter, const QRectF& rect, const Annotation& annotation)
{
    paintAnnotationGlyph(painter, rect, annotation.kind, annotation.horizon, annotation.variation);
}

QIcon annotationIcon(AnnotationKind kind, std::optional<int> horizon, std::optional<Variation> variation)
{
    QIcon icon;
    for (int size : {16, 20, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paintAnnotationGlyph(painter, QRectF(0, 0, size, size), kind, horizon, variation);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon annotationIcon(const Annotation& annotation)
{
    return annotationIcon(annotation.kind, annotation.horizon, annotation.variation);
}

} // namespace crosswalk
