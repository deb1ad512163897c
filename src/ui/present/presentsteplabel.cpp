// How a step's label is laid out in presentation mode (issue 17): in 18 px type, never
// smaller; grown into the room its neighbours leave rather than cut; a decision's question
// line by line inside its diamond. Every search halves, so that a hostile map's long labels
// cost a bounded number of layouts (issue 19).
#include "ui/present/presentitems.h"

#include "ui/canvas/stepshape.h"
#include "ui/common/pixelfont.h"
#include "ui/present/presentstyle.h"

#include <QFontMetricsF>
#include <QTextOption>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace crosswalk {

using namespace presentstyle;

namespace {
/// A label laid out as drawn: centred, wrapped at word boundaries, and inside a word only
/// when `breakWords` (a word wider than any room the step has).
QStaticText labelText(const QString& text, qreal width, const QFont& font, bool breakWords)
{
    QTextOption option(Qt::AlignHCenter);
    option.setWrapMode(breakWords ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::WordWrap);
    QStaticText label(text);
    label.setTextFormat(Qt::PlainText);
    label.setTextOption(option);
    label.setTextWidth(width);
    label.prepare(QTransform(), font);
    return label;
}


/// Whether `text` wrapped in `area` fits it in this font.
bool labelFits(const QFont& font, const QRectF& area, const QString& text, bool breakWords)
{
    if (area.width() <= 0 || area.height() <= 0)
        return false;
    const QSizeF size = labelText(text, area.width(), font, breakWords).size();
    return size.height() <= area.height() + 0.5 && size.width() <= area.width() + 0.5;
}

/// Growing a step for its label in steps of 4 units from `from` to `to` (a width or a
/// height): the smallest size whose rectangle fits, found by halving, since a larger step
/// holds what a smaller one does (a few layouts of the label, not one per step: a
/// 2,000-byte label on a crowded map laid out hundreds of times per step hung presentation).
/// Returns the rectangle at that size and true, or the largest rectangle and false.
template <class RectAt, class Fits>
std::pair<QRectF, bool> growToFit(qreal from, qreal to, const QRectF& current, RectAt rectAt, Fits fits)
{
    const int most = static_cast<int>(std::floor((to - from) / 4));
    if (most < 1)
        return {current, false};
    const QRectF largest = rectAt(from + 4 * most);
    if (!fits(largest))
        return {largest, false};
    int lo = 0; // the size before this growth, which does not fit
    int hi = most;
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        if (fits(rectAt(from + 4 * mid)))
            hi = mid;
        else
            lo = mid;
    }
    return {rectAt(from + 4 * hi), true};
}

/// The most characters a w x h area can show in this font: lines of the narrowest glyphs,
/// and at most 512 (+1, so that a longer label is known to be longer).
/// A label longer than that for its whole room cannot fit however the step grows, so no
/// growth is tried, and the text laid out while it is shortened starts at that length (a
/// 2,000-byte label in every step of a 10,000-step map took minutes to present).
qsizetype mostCharacters(const QFont& font, const QSizeF& area)
{
    const QFontMetricsF fm(font);
    const qreal narrowest = std::max<qreal>(1, std::min({fm.horizontalAdvance(QLatin1Char('i')),
                                                         fm.horizontalAdvance(QLatin1Char('.')),
                                                         fm.horizontalAdvance(QLatin1Char(' '))}));
    const qreal lines = std::floor(area.height() / std::max<qreal>(1, fm.lineSpacing())) + 1;
    // And never more than the canvas shows of a step's label (stepitem.cpp): 512.
    constexpr qreal kMostShown = 512;
    return static_cast<qsizetype>(std::min(kMostShown, std::ceil(area.width() / narrowest) * lines)) + 1;
}

/// The longest beginning of `text` that, ended by an ellipsis, fits (found by halving).
template <class Fits>
QString elidedToFit(const QString& text, Fits fits)
{
    auto elided = [&text](qsizetype n) { return text.left(n).trimmed() + QChar(0x2026); };
    qsizetype lo = 0; // characters kept that fit (none: the ellipsis alone)
    qsizetype hi = text.size();
    while (hi - lo > 1) {
        const qsizetype mid = (lo + hi) / 2;
        if (fits(elided(mid)))
            lo = mid;
        else
            hi = mid;
    }
    return elided(std::max<qsizetype>(lo, 1));
}

/// The part of a step grown for its label that the label may use: the kind's text area, but
/// clear of the marks that sit half over the top edge. (Decisions lay their question out in
/// the diamond instead: layoutDecisionLabel().)
QRectF grownArea(StepKind kind, const QRectF& rect)
{
    const QRectF area = StepShape::labelRect(kind, rect);
    return area.adjusted(0, std::max<qreal>(0, rect.top() + kBadgeHeight / 2 + 1 - area.top()), 0, 0);
}
} // namespace

QRectF PresentStepItem::labelSceneRect() const
{
    return mapRectToScene(m_labelBox);
}

QRectF PresentStepItem::grownInRoom(qreal w, qreal h) const
{
    QRectF r(0, 0, std::min(w, m_room.width()), std::min(h, m_room.height()));
    r.moveCenter(m_rect.center());
    // Within the room: shift back in where the centred rect sticks out.
    if (r.left() < m_room.left())
        r.moveLeft(m_room.left());
    if (r.right() > m_room.right())
        r.moveRight(m_room.right());
    if (r.top() < m_room.top())
        r.moveTop(m_room.top());
    if (r.bottom() > m_room.bottom())
        r.moveBottom(m_room.bottom());
    return r;
}

std::pair<QRectF, bool> PresentStepItem::grownToFit(qreal widest, const std::function<bool(const QRectF&)>& fits) const
{
    // Wider first (up to `widest`), then taller, then wider again, each within the room.
    const qreal height = m_rect.height();
    auto [r, fitted] = growToFit(m_rect.width(), widest, m_rect, [&](qreal w) { return grownInRoom(w, height); }, fits);
    if (!fitted) {
        const qreal width = r.width();
        std::tie(r, fitted) = growToFit(r.height(), m_room.height(), r, [&](qreal h) { return grownInRoom(width, h); }, fits);
    }
    if (!fitted) {
        const qreal tall = r.height();
        std::tie(r, fitted) = growToFit(r.width(), m_room.width(), r, [&](qreal w) { return grownInRoom(w, tall); }, fits);
    }
    return {r, fitted};
}

void PresentStepItem::layoutLabel()
{
    // The type never shrinks below kLabelPx (the legible minimum on a shared 1080p screen) and
    // a label is never cut: one that does not fit the shape's text area may use the whole
    // shape (a decision's corners too); beyond that the step grows, wider first and then
    // taller, within the room its neighbours leave it.
    m_labelPx = kLabelPx;
    m_decisionLines = {};
    if (m_step.kind == StepKind::Decision) {
        layoutDecisionLabel();
        return;
    }
    const QFont font = pixelFont(m_labelPx);
    const QString text = QString::fromStdString(m_step.label);
    const qsizetype most = mostCharacters(font, m_room.size());
    bool breakWords = false;
    QRectF area = StepShape::labelRect(m_step.kind, m_rect);
    if (text.size() > most) {
        // Too long for all the room there is: the whole room, and the end gives way below.
        m_rect = grownInRoom(m_room.width(), m_room.height());
        area = grownArea(m_step.kind, m_rect);
    } else if (!labelFits(font, area, text, false)) {
        area = m_rect.adjusted(6, 3, -6, -3);
        if (!labelFits(font, area, text, false)) {
            // Grow in steps of 4 units: width first (up to 1.5 times), then height, then
            // width; words are broken only when no room holds them whole.
            const qreal widest = std::min(m_room.width(), m_rect.width() * 1.5);
            const StepKind kind = m_step.kind;
            QRectF r = m_rect;
            for (const bool breaking : {false, true}) {
                bool fitted = false;
                std::tie(r, fitted) = grownToFit(widest, [&](const QRectF& grown) {
                    return labelFits(font, grownArea(kind, grown), text, breaking);
                });
                breakWords = breaking;
                if (fitted)
                    break;
            }
            m_rect = r;
            area = grownArea(kind, m_rect);
        }
    }
    m_shownLabel = text;
    if (!labelFits(font, area, text, breakWords)) {
        // No room left to grow in (a crowded map): the end of the label gives way.
        m_shownLabel = elidedToFit(text.left(most), [&](const QString& candidate) { return labelFits(font, area, candidate, true); });
        breakWords = true;
    }
    m_label = labelText(m_shownLabel, area.width(), font, breakWords);
    const QSizeF size = m_label.size();
    m_labelPos = QPointF(area.left(), area.top() + (area.height() - size.height()) / 2);
    m_labelBox = QRectF(m_labelPos, size);
}

void PresentStepItem::layoutDecisionLabel()
{
    // A decision's question stays inside its diamond, laid out line by line as on the canvas
    // (StepShape::labelLines): each line as wide as the diamond is at its height. Where it
    // does not fit, the diamond grows within the room its neighbours leave, wider first (up
    // to 1.6 times), then taller, then wider again; a diamond in a crowded lane that still
    // cannot hold it ends in an ellipsis, and labelShortfall() asks for a taller lane.
    const QFont font = pixelFont(m_labelPx);
    const QString text = QString::fromStdString(m_step.label);
    auto lines = [&font](const QRectF& r, const QString& t) { return StepShape::labelLines(StepKind::Decision, r, t, font); };
    const qsizetype most = mostCharacters(font, m_room.size());
    StepShape::LabelLines laid = text.size() > most ? StepShape::LabelLines{} : lines(m_rect, text);
    if (text.size() > most) {
        m_rect = grownInRoom(m_room.width(), m_room.height()); // too long for any diamond there
    } else if (!laid.fits) {
        const QRectF r = grownToFit(std::min(m_room.width(), m_rect.width() * 1.6),
                                    [&](const QRectF& grown) { return lines(grown, text).fits; })
                             .first;
        laid = lines(r, text);
        m_rect = r;
    }
    m_shownLabel = text;
    if (!laid.fits) {
        // No room left to grow in: the end of the question gives way, inside the diamond.
        m_shownLabel = elidedToFit(text.left(most), [&](const QString& candidate) { return lines(m_rect, candidate).fits; });
        laid = lines(m_rect, m_shownLabel);
    }
    m_decisionLines = laid;
    m_labelBox = QRectF();
    for (const QRectF& box : laid.boxes)
        m_labelBox = m_labelBox.isNull() ? box : m_labelBox.united(box);
    m_labelPos = m_labelBox.topLeft();
}

qreal PresentStepItem::labelShortfall() const
{
    const QString text = QString::fromStdString(m_step.label);
    if (m_shownLabel == text)
        return 0;
    if (m_step.kind == StepKind::Decision) // two more lines' height: the diamond grows taller
        return 2 * QFontMetricsF(pixelFont(m_labelPx)).height() + 4;
    const QRectF area = grownArea(m_step.kind, m_rect);
    // At most a dozen lines more per round: only that much of a long label is laid out.
    const QFont font = pixelFont(m_labelPx);
    const qreal dozen = 12 * QFontMetricsF(font).lineSpacing();
    const QString measured = text.left(mostCharacters(font, QSizeF(area.width(), area.height() + dozen)));
    const qreal needed = std::min(labelText(measured, area.width(), font, true).size().height(), area.height() + dozen);
    // A little more than the text needs (and at least a line): the next round fits it.
    return std::max<qreal>(needed - area.height(), 0) + QFontMetricsF(pixelFont(m_labelPx)).lineSpacing() / 2 + 4;
}


} // namespace crosswalk
