#include "ui/compare/comparestepitem.h"

#include "ui/canvas/stepshape.h"
#include "ui/compare/comparestyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <utility>

namespace crosswalk {
namespace {

// The largest type (down to 12 px, or three quarters of the largest) at which the label fits
// its box; long labels are elided rather than shrunk further, because the point is to stay
// readable on a shared screen.
QFont fittingFont(const QString& text, const QRectF& box, int largest)
{
    const int smallest = std::max(12, largest * 3 / 4);
    for (int px = largest; px >= smallest; px -= 2) {
        const QFont f = pixelFont(px, false);
        const QRectF needed =
            QFontMetricsF(f).boundingRect(box, Qt::TextWordWrap | Qt::AlignCenter, text);
        if (needed.height() <= box.height() + 1 && needed.width() <= box.width() + 1)
            return f;
    }
    return pixelFont(smallest, false);
}

QString elidedToFit(const QString& text, const QFont& font, const QRectF& box)
{
    const QFontMetricsF fm(font);
    if (fm.boundingRect(box, Qt::TextWordWrap | Qt::AlignCenter, text).height() <= box.height() + 1)
        return text;
    QString shorter = text;
    while (shorter.size() > 3) {
        shorter.chop(1);
        const QString candidate = shorter.trimmed() + QStringLiteral("…");
        if (fm.boundingRect(box, Qt::TextWordWrap | Qt::AlignCenter, candidate).height() <= box.height() + 1)
            return candidate;
    }
    return shorter;
}

} // namespace

CompareStepItem::CompareStepItem(std::size_t mapIndex, std::string stepId, StepKind kind, const QString& label,
                                 const QString& initials, const QRectF& rect, Marks marks)
    : m_mapIndex(mapIndex), m_stepId(std::move(stepId)), m_kind(kind), m_label(label), m_initials(initials),
      m_rect(rect), m_marks(marks), m_outline(StepShape::outline(kind, rect)),
      m_decoration(StepShape::decoration(kind, rect)), m_slot(mapIndex)
{
    setAcceptedMouseButtons(Qt::LeftButton);
}

void CompareStepItem::setGhosted(bool ghosted)
{
    m_ghosted = ghosted;
    update();
}

void CompareStepItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    // A selected step comes to the front of its stack.
    setZValue(highlighted ? zValue() + 1000 : zValue() - 1000);
    update();
}

void CompareStepItem::setColorSlot(std::size_t slot)
{
    m_slot = slot;
    update();
}

void CompareStepItem::setLineScale(double scale)
{
    m_lineScale = scale;
    update();
}

void CompareStepItem::setFlagged(bool flagged)
{
    m_flagged = flagged;
    update();
}

QRectF CompareStepItem::boundingRect() const
{
    // Room for the halo, the badge above the top-left corner and the glyphs below.
    return m_rect.adjusted(-14, -16, 14, 14);
}

QPainterPath CompareStepItem::shape() const
{
    QPainterPath p;
    p.addRect(m_rect);
    return p;
}

void CompareStepItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    QPainter& p = *painter;
    p.setRenderHint(QPainter::Antialiasing);
    const QColor color = comparestyle::districtColor(m_slot);
    const comparestyle::Outline outline = comparestyle::districtOutline(m_slot);

    if (m_highlighted) {
        p.setPen(QPen(comparestyle::selection(), 14, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(m_outline);
    }

    // The kind's shape in the district's line: white inside so that the label stays legible.
    // A ghosted step fades its shape more than its words.
    const qreal shapeOpacity = m_ghosted ? comparestyle::kGhostOpacity : 1.0;
    p.setOpacity(shapeOpacity);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawPath(m_outline);
    comparestyle::strokeOutline(p, m_outline, outline, color,
                                m_lineScale * (m_flagged ? comparestyle::kOutlineWidth * 1.6 : comparestyle::kOutlineWidth));
    if (!m_decoration.isEmpty()) {
        p.setPen(QPen(color.darker(120), 1.8));
        p.setBrush(Qt::NoBrush);
        p.drawPath(m_decoration);
    }

    if (m_labelVisible || m_highlighted) {
        const QRectF labelBox = StepShape::labelRect(m_kind, m_rect);
        const QFont f = fittingFont(m_label, labelBox, m_labelPx);
        p.setFont(f);
        p.setPen(comparestyle::ink());
        p.setOpacity(m_ghosted ? comparestyle::kGhostLabelOpacity : 1.0);
        p.drawText(labelBox, Qt::TextWordWrap | Qt::AlignCenter, elidedToFit(m_label, f, labelBox));
    }
    // The badge and glyphs are words and symbols: as legible as the label.
    p.setOpacity(m_ghosted ? comparestyle::kGhostLabelOpacity : 1.0);

    // The district badge: its initials in text, so colour is never the only cue.
    const QFont badgeFont = pixelFont(13, true);
    const qreal badgeW = QFontMetricsF(badgeFont).horizontalAdvance(m_initials) + 10;
    const QRectF badge(m_rect.left() - 6, m_rect.top() - 12, badgeW, 20);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(color);
    p.drawRoundedRect(badge, 4, 4);
    p.setFont(badgeFont);
    p.setPen(comparestyle::textOn(color));
    p.drawText(badge, Qt::AlignCenter, m_initials);

    // Annotation glyphs along the bottom edge, on a white pill so that they read over the outline.
    const int glyphs = (m_marks.blackBoxes > 0) + (m_marks.harmPoints > 0) + (m_marks.variations > 0);
    if (glyphs > 0 && m_marksVisible) {
        const qreal size = 18;
        QRectF pill(m_rect.right() - glyphs * (size + 2) - 8, m_rect.bottom() - 8, glyphs * (size + 2) + 4, size + 4);
        p.setPen(QPen(comparestyle::mutedInk(), 1));
        p.setBrush(Qt::white);
        p.drawRoundedRect(pill, 6, 6);
        QRectF slot(pill.left() + 2, pill.top() + 2, size, size);
        if (m_marks.blackBoxes > 0) {
            comparestyle::drawBlackBoxGlyph(p, slot);
            slot.translate(size + 2, 0);
        }
        if (m_marks.harmPoints > 0) {
            comparestyle::drawHarmGlyph(p, slot);
            slot.translate(size + 2, 0);
        }
        if (m_marks.variations > 0)
            comparestyle::drawVariationGlyph(p, slot);
    }
}

} // namespace crosswalk
