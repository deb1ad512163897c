#include "ui/compare/gridcelldelegate.h"

#include "ui/compare/comparestyle.h"

#include <QFontMetricsF>
#include <QPainter>

namespace crosswalk {
namespace {

namespace cs = comparestyle;

constexpr int kLine = 26;  // one figure line, px
constexpr int kGlyph = 20;

} // namespace

void GridCellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QPainter& p = *painter;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hasLane = index.data(HasLaneRole).toBool();
    p.fillRect(option.rect, selected ? QColor(0xD2, 0xE3, 0xFC) : (hasLane ? Qt::white : QColor(0xF1, 0xF3, 0xF4)));
    if (selected) {
        p.setPen(QPen(cs::selection(), 3));
        p.drawRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5));
    }
    const QRectF r = QRectF(option.rect).adjusted(10, 6, -8, -6);
    if (!hasLane) {
        p.setFont(pixelFont(cs::kSmallPx + 1));
        p.setPen(cs::mutedInk());
        p.drawText(r, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, tr("no such lane"));
        p.restore();
        return;
    }

    const QFont nameFont = pixelFont(cs::kSmallPx + 1, true);
    p.setFont(nameFont);
    p.setPen(cs::ink());
    const QString name = QFontMetricsF(nameFont).elidedText(index.data(LaneNameRole).toString(), Qt::ElideRight, r.width());
    p.drawText(QRectF(r.left(), r.top(), r.width(), kLine), Qt::AlignLeft | Qt::AlignVCenter, name);

    struct Figure {
        int role;
        void (*glyph)(QPainter&, const QRectF&);
        const char* one;
        const char* many;
    };
    static const Figure figures[] = {
        {StepsRole, cs::drawStepsGlyph, QT_TR_NOOP("step"), QT_TR_NOOP("steps")},
        {HandoffsRole, cs::drawHandoffGlyph, QT_TR_NOOP("handoff"), QT_TR_NOOP("handoffs")},
        {BlackBoxesRole, cs::drawBlackBoxGlyph, QT_TR_NOOP("black box"), QT_TR_NOOP("black boxes")},
        {HarmPointsRole, cs::drawHarmGlyph, QT_TR_NOOP("harm point"), QT_TR_NOOP("harm points")},
        {VariationsRole, cs::drawVariationGlyph, QT_TR_NOOP("variation"), QT_TR_NOOP("variations")},
    };
    double y = r.top() + kLine + 2;
    const QFont countFont = pixelFont(cs::kUiPx, true);
    const QFont wordFont = pixelFont(cs::kUiPx);
    for (const Figure& f : figures) {
        const int count = index.data(f.role).toInt();
        // Zero counts stay, faint, so that every cell reads the same way from top to bottom.
        p.setOpacity(count == 0 ? 0.4 : 1.0);
        f.glyph(p, QRectF(r.left(), y + (kLine - kGlyph) / 2.0, kGlyph, kGlyph));
        p.setPen(cs::ink());
        p.setFont(countFont);
        const QString number = QString::number(count);
        const QRectF numberBox(r.left() + kGlyph + 8, y, 34, kLine);
        p.drawText(numberBox, Qt::AlignRight | Qt::AlignVCenter, number);
        p.setFont(wordFont);
        p.drawText(QRectF(numberBox.right() + 6, y, r.right() - numberBox.right() - 6, kLine),
                   Qt::AlignLeft | Qt::AlignVCenter, tr(count == 1 ? f.one : f.many));
        y += kLine;
    }
    p.restore();
}

QSize GridCellDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const
{
    return QSize(200, 6 * kLine + 16);
}

} // namespace crosswalk
