#include "ui/canvas/stepshape.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace crosswalk {

QPainterPath StepShape::outline(StepKind kind, const QRectF& r)
{
    QPainterPath p;
    switch (kind) {
    case StepKind::Start:
    case StepKind::End: {
        const qreal radius = r.height() / 2;
        p.addRoundedRect(r, radius, radius);
        break;
    }
    case StepKind::Activity:
        p.addRoundedRect(r, 10, 10);
        break;
    case StepKind::Meeting:
        p.addRect(r);
        break;
    case StepKind::Decision:
        p.moveTo(r.center().x(), r.top());
        p.lineTo(r.right(), r.center().y());
        p.lineTo(r.center().x(), r.bottom());
        p.lineTo(r.left(), r.center().y());
        p.closeSubpath();
        break;
    case StepKind::Document: {
        // Flat top and sides, one full wave along the foot.
        const qreal wave = std::min(10.0, r.height() / 7);
        const qreal foot = r.bottom() - wave;
        p.moveTo(r.topLeft());
        p.lineTo(r.topRight());
        p.lineTo(r.right(), foot);
        p.cubicTo(r.right() - r.width() * 0.25, foot - 2 * wave, r.left() + r.width() * 0.45, foot + 2.2 * wave,
                  r.left(), foot);
        p.closeSubpath();
        break;
    }
    case StepKind::Data: {
        const qreal rim = std::min(12.0, r.height() / 5);
        p.moveTo(r.left(), r.top() + rim);
        p.arcTo(QRectF(r.left(), r.top(), r.width(), 2 * rim), 180, -180);
        p.lineTo(r.right(), r.bottom() - rim);
        p.arcTo(QRectF(r.left(), r.bottom() - 2 * rim, r.width(), 2 * rim), 0, -180);
        p.closeSubpath();
        break;
    }
    case StepKind::Wait: {
        const qreal radius = std::min(r.height() / 2, r.width() / 2);
        p.moveTo(r.topLeft());
        p.lineTo(r.right() - radius, r.top());
        p.arcTo(QRectF(r.right() - 2 * radius, r.top(), 2 * radius, r.height()), 90, -180);
        p.lineTo(r.bottomLeft());
        p.closeSubpath();
        break;
    }
    }
    return p;
}

QPainterPath StepShape::decoration(StepKind kind, const QRectF& r)
{
    QPainterPath p;
    switch (kind) {
    case StepKind::Meeting: {
        // Double bars at each side, like a predefined process, plus a two-person glyph so
        // that a meeting never reads as a plain activity.
        const qreal inset = 9;
        p.moveTo(r.left() + inset, r.top());
        p.lineTo(r.left() + inset, r.bottom());
        p.moveTo(r.right() - inset, r.top());
        p.lineTo(r.right() - inset, r.bottom());
        const qreal cx = r.center().x();
        const qreal top = r.top() + 5;
        for (qreal dx : {-6.0, 6.0}) {
            p.addEllipse(QPointF(cx + dx, top + 3.5), 3.2, 3.2);
            p.moveTo(cx + dx - 5.5, top + 13.5);
            p.arcTo(QRectF(cx + dx - 5.5, top + 7.5, 11, 12), 180, -180);
        }
        break;
    }
    case StepKind::Data: {
        const qreal rim = std::min(12.0, r.height() / 5);
        p.moveTo(r.left(), r.top() + rim);
        p.arcTo(QRectF(r.left(), r.top(), r.width(), 2 * rim), 180, 180);
        break;
    }
    default:
        break;
    }
    return p;
}

QRectF StepShape::labelRect(StepKind kind, const QRectF& r)
{
    switch (kind) {
    case StepKind::Start:
    case StepKind::End:
        return r.adjusted(r.height() * 0.3, 4, -r.height() * 0.3, -4);
    case StepKind::Meeting:
        return r.adjusted(14, 20, -14, -3);
    case StepKind::Decision:
        // Corners on the diamond's edges: 0.6 of its width and 0.4 of its height (0.3 + 0.2 = 0.5
        // of each half), a little in from the stroke.
        return r.adjusted(r.width() * 0.21, r.height() * 0.31, -r.width() * 0.21, -r.height() * 0.31);
    case StepKind::Document:
        return r.adjusted(8, 4, -8, -std::min(10.0, r.height() / 7) - 6);
    case StepKind::Data: {
        const qreal rim = std::min(12.0, r.height() / 5);
        return r.adjusted(8, 2 * rim + 1, -8, -rim - 1);
    }
    case StepKind::Wait:
        return r.adjusted(8, 4, -std::min(r.height() / 2, r.width() / 2) * 0.45, -4);
    case StepKind::Activity:
        break;
    }
    return r.adjusted(8, 4, -8, -4);
}

namespace {

/// Lays out the first `count` lines of text at the given widths; false when a line is wider
/// than its width (a word too long) or text is left over.
bool layoutLines(QTextLayout& layout, const std::vector<qreal>& widths, QStringList& texts, std::vector<qreal>& natural)
{
    const QString& text = layout.text();
    texts.clear();
    natural.clear();
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    bool ok = true;
    int end = 0;
    for (qreal width : widths) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(std::max<qreal>(1, width));
        texts << text.mid(line.textStart(), line.textLength()).trimmed();
        natural.push_back(line.naturalTextWidth());
        ok = ok && line.naturalTextWidth() <= width + 0.5;
        end = line.textStart() + line.textLength();
    }
    layout.endLayout();
    return ok && text.mid(end).trimmed().isEmpty();
}

} // namespace

StepShape::LabelLines StepShape::labelLines(StepKind kind, const QRectF& r, const QString& text, const QFont& font)
{
    LabelLines out;
    const qreal lineHeight = QFontMetricsF(font).height();
    QTextLayout layout(text, font);
    std::vector<qreal> natural;
    if (kind != StepKind::Decision) {
        const QRectF area = labelRect(kind, r);
        const int most = std::max(1, static_cast<int>(text.size()) + 1);
        out.fits = layoutLines(layout, std::vector<qreal>(static_cast<std::size_t>(most), area.width()), out.texts, natural);
        const qreal block = lineHeight * static_cast<qreal>(out.texts.size());
        out.fits = out.fits && block <= area.height() + 0.5;
        const qreal top = area.top() + (area.height() - block) / 2;
        for (qsizetype i = 0; i < out.texts.size(); ++i)
            out.boxes.emplace_back(area.center().x() - natural[static_cast<std::size_t>(i)] / 2,
                                   top + lineHeight * static_cast<qreal>(i), natural[static_cast<std::size_t>(i)], lineHeight);
        return out;
    }
    // A decision: n lines centred on the diamond's middle, each as wide as the diamond is at
    // the line's edge farther from the middle, kept off the stroke. The fewest lines that hold
    // the text win.
    const QPointF c = r.center();
    const qreal pad = borderWidth(kind) + 2;
    const qreal hw = r.width() / 2 - pad;
    const qreal hh = r.height() / 2 - pad;
    for (int n = 1; hw > 0 && n * lineHeight <= 2 * hh; ++n) {
        const qreal top = c.y() - n * lineHeight / 2;
        std::vector<qreal> widths;
        for (int i = 0; i < n; ++i) {
            const qreal far = std::max(std::abs(top + i * lineHeight - c.y()), std::abs(top + (i + 1) * lineHeight - c.y()));
            widths.push_back(2 * hw * (1 - far / hh));
        }
        QStringList texts;
        const bool fits = layoutLines(layout, widths, texts, natural);
        if (!fits && n * lineHeight + lineHeight <= 2 * hh)
            continue;
        out.fits = fits;
        out.texts = texts;
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const qreal w = std::min(natural[static_cast<std::size_t>(i)], widths[static_cast<std::size_t>(i)]);
            out.boxes.emplace_back(c.x() - w / 2, top + lineHeight * static_cast<qreal>(i), w, lineHeight);
        }
        return out;
    }
    return out;
}

qreal StepShape::borderWidth(StepKind kind)
{
    return kind == StepKind::End ? 4.5 : 2.0;
}

void StepShape::paint(QPainter& painter, StepKind kind, const QRectF& r, const QColor& ink)
{
    paint(painter, kind, outline(kind, r), decoration(kind, r), ink);
}

void StepShape::paint(QPainter& painter, StepKind kind, const QPainterPath& outlinePath,
                      const QPainterPath& decorationPath, const QColor& ink)
{
    QPen pen(ink, borderWidth(kind));
    pen.setJoinStyle(Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::white);
    painter.drawPath(outlinePath);
    if (!decorationPath.isEmpty()) {
        painter.setPen(QPen(ink, 1.6));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(decorationPath);
    }
}

} // namespace crosswalk
