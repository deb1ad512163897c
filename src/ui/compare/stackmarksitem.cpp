#include "ui/compare/stackmarksitem.h"

#include "ui/compare/comparestyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <utility>

namespace crosswalk {
namespace {

constexpr double kGlyph = 18;
constexpr double kGap = 4;

QFont chipFont()
{
    return pixelFont(14, true);
}

} // namespace

StackMarksItem::StackMarksItem(std::vector<Chip> chips, double width)
    : m_chips(std::move(chips)), m_width(width), m_height(heightFor(m_chips, width))
{
    setAcceptedMouseButtons(Qt::NoButton);
}

double StackMarksItem::chipWidth(const Chip& chip)
{
    const int glyphs = int(chip.blackBox) + int(chip.harm) + int(chip.variation);
    return QFontMetricsF(chipFont()).horizontalAdvance(chip.initials) + 10 + glyphs * (kGlyph + 2) + 6;
}

double StackMarksItem::heightFor(const std::vector<Chip>& chips, double width)
{
    if (chips.empty())
        return 0;
    double x = 0;
    int lines = 1;
    for (const Chip& chip : chips) {
        const double w = chipWidth(chip);
        if (x > 0 && x + w > width) {
            ++lines;
            x = 0;
        }
        x += w + kGap;
    }
    return lines * (kChipHeight + kGap);
}

QRectF StackMarksItem::boundingRect() const
{
    return QRectF(-1, -1, m_width + 2, m_height + 2);
}

void StackMarksItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    QPainter& p = *painter;
    p.setRenderHint(QPainter::Antialiasing);
    const QFont font = chipFont();
    const QFontMetricsF fm(font);
    double x = 0;
    double y = 0;
    for (const Chip& chip : m_chips) {
        const double w = chipWidth(chip);
        if (x > 0 && x + w > m_width) {
            x = 0;
            y += kChipHeight + kGap;
        }
        const QRectF whole(x, y, w, kChipHeight);
        // White body with the glyphs, the district's badge at its left.
        p.setPen(QPen(comparestyle::mutedInk(), 1));
        p.setBrush(Qt::white);
        p.drawRoundedRect(whole, 5, 5);
        const QColor colour = comparestyle::districtColor(chip.slot);
        const QRectF badge(x, y, fm.horizontalAdvance(chip.initials) + 10, kChipHeight);
        p.setPen(QPen(Qt::black, 1));
        p.setBrush(colour);
        p.drawRoundedRect(badge, 5, 5);
        p.setFont(font);
        p.setPen(comparestyle::textOn(colour));
        p.drawText(badge, Qt::AlignCenter, chip.initials);
        QRectF slot(badge.right() + 3, y + (kChipHeight - kGlyph) / 2, kGlyph, kGlyph);
        if (chip.blackBox) {
            comparestyle::drawBlackBoxGlyph(p, slot);
            slot.translate(kGlyph + 2, 0);
        }
        if (chip.harm) {
            comparestyle::drawHarmGlyph(p, slot);
            slot.translate(kGlyph + 2, 0);
        }
        if (chip.variation)
            comparestyle::drawVariationGlyph(p, slot);
        x += w + kGap;
    }
}

} // namespace crosswalk
