#include "ui/present/presentitems.h"

#include "ui/canvas/flowitem.h"

#include "ui/canvas/stepshape.h"
#include "ui/common/annotationglyph.h"
#include "ui/present/presentstyle.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace crosswalk {

using namespace presentstyle;

namespace {
constexpr qreal kBadgeHeight = 30;
constexpr qreal kBadgeGlyph = 24;
constexpr qreal kBadgeGap = 4;
constexpr qreal kMarkMargin = 48; // room for badges above and notes/votes below the step
constexpr qreal kArrowLength = 20;
constexpr qreal kArrowHalfWidth = 10;
constexpr int kFlowLabelWidth = 170;

qreal badgeWidth(const PresentBadge& badge, bool withNumber)
{
    if (!withNumber)
        return 2 * kBadgeHeight; // the whole map fitted: glyphs alone, twice as large
    return 3 + kBadgeGlyph + 3 +
           QFontMetricsF(pixelFont(kBadgePx, true)).horizontalAdvance(QString::number(badge.number)) + 8;
}
} // namespace

PresentStepItem::PresentStepItem(std::string id) : m_id(std::move(id))
{
    setZValue(10);
}

void PresentStepItem::setStep(const Step& step, const QRectF& modelRect)
{
    const QRectF rect(-kStepInflate, -kStepInflate, modelRect.width() + 2 * kStepInflate,
                      modelRect.height() + 2 * kStepInflate);
    const bool relayout = rect != m_rect || step.label != m_step.label || step.kind != m_step.kind;
    if (rect != m_rect)
        prepareGeometryChange();
    m_step = step;
    m_rect = rect;
    setPos(modelRect.topLeft());
    if (relayout) {
        m_outline = StepShape::outline(step.kind, m_rect);
        m_decoration = StepShape::decoration(step.kind, m_rect);
        layoutLabel();
    }
    update();
}

void PresentStepItem::setDecorations(const Decorations& decorations)
{
    m_decorations = decorations;
    update();
}

void PresentStepItem::layoutLabel()
{
    // The type never shrinks below kLabelPx: a label that does not fit the shape's text area
    // may use the whole shape (a decision's corners too), and is elided only beyond that.
    const QFont font = pixelFont(kLabelPx);
    const QFontMetricsF fm(font);
    const QString text = QString::fromStdString(m_step.label);
    QRectF area = StepShape::labelRect(m_step.kind, m_rect);
    constexpr int flags = Qt::AlignHCenter | Qt::TextWordWrap;
    if (fm.boundingRect(area, flags, text).height() > area.height() + 0.5 ||
        fm.boundingRect(area, flags, text).width() > area.width() + 0.5)
        area = m_rect.adjusted(6, 3, -6, -3);
    m_shownLabel = text;
    const int maxLines = std::max(1, static_cast<int>((area.height() + 2) / fm.lineSpacing()));
    if (fm.boundingRect(area, flags, text).height() > maxLines * fm.lineSpacing() + 0.5) {
        QString shown = text;
        while (shown.size() > 1) {
            shown.chop(1);
            const QString candidate = shown.trimmed() + QChar(0x2026);
            if (fm.boundingRect(area, flags, candidate).height() <= maxLines * fm.lineSpacing() + 0.5) {
                m_shownLabel = candidate;
                break;
            }
        }
    }
    QTextOption option(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WordWrap);
    m_label = QStaticText(m_shownLabel);
    m_label.setTextFormat(Qt::PlainText);
    m_label.setTextOption(option);
    m_label.setTextWidth(area.width());
    m_label.prepare(QTransform(), font);
    const QSizeF size = m_label.size();
    m_labelPos = QPointF(area.left(), area.top() + (area.height() - size.height()) / 2);
}

QRectF PresentStepItem::boundingRect() const
{
    return m_rect.adjusted(-14, -kMarkMargin - 4 * (kBadgeHeight + kBadgeGap), 14, kMarkMargin);
}

QPainterPath PresentStepItem::shape() const
{
    QPainterPath p;
    p.addRect(m_rect);
    return p;
}

void PresentStepItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(option)
    Q_UNUSED(widget)
    painter->setRenderHint(QPainter::Antialiasing);
    const Decorations& d = m_decorations;
    if (d.current) {
        QPen halo(current(), 14);
        halo.setJoinStyle(Qt::RoundJoin);
        painter->setPen(halo);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_outline);
    }
    QPen pen(ink(), m_step.kind == StepKind::End ? 6.0 : kStepStroke);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(d.blackBox ? QColor(0x22, 0x22, 0x22) : QColor(Qt::white));
    painter->drawPath(m_outline);
    if (!m_decoration.isEmpty()) {
        painter->setPen(QPen(d.blackBox ? QColor(0xBB, 0xBB, 0xBB) : ink(), 2.2));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_decoration);
    }
    if (d.labelShown) {
        if (m_step.kind == StepKind::Decision && !d.blackBox) {
            // Text spills over the diamond's edges: keep it on white.
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(255, 255, 255, 225));
            painter->drawRoundedRect(QRectF(m_labelPos, m_label.size()).adjusted(-2, 0, 2, 0), 4, 4);
        }
        painter->setPen(d.blackBox ? QColor(Qt::white) : ink());
        painter->setFont(pixelFont(kLabelPx));
        painter->drawStaticText(m_labelPos, m_label);
    }

    // Badges along the top edge from the right, as in the editor, in rows upwards.
    if (!d.badges.empty()) {
        // In the whole map (no labels) the glyphs alone, twice as large, so that marks still show.
        const qreal bh = d.labelShown ? kBadgeHeight : 2 * kBadgeHeight;
        const qreal glyph = d.labelShown ? kBadgeGlyph : 2 * kBadgeGlyph;
        std::vector<qreal> widths;
        for (const PresentBadge& b : d.badges)
            widths.push_back(badgeWidth(b, d.labelShown));
        const qreal maxRow = m_rect.width() + 20;
        qreal x = m_rect.right() + 10;
        qreal y = m_rect.top() - bh / 2;
        qreal rowUsed = 0;
        std::vector<std::pair<QRectF, const PresentBadge*>> placed;
        for (std::size_t i = 0; i < d.badges.size(); ++i) {
            if (rowUsed > 0 && rowUsed + widths[i] > maxRow) {
                y -= bh + kBadgeGap;
                rowUsed = 0;
                x = m_rect.right() + 10;
            }
            placed.emplace_back(QRectF(0, y, widths[i], bh), &d.badges[i]);
            rowUsed += widths[i] + kBadgeGap;
        }
        // Right-align each row.
        for (std::size_t i = 0; i < placed.size();) {
            std::size_t j = i;
            qreal w = 0;
            while (j < placed.size() && placed[j].first.top() == placed[i].first.top())
                w += placed[j++].first.width() + kBadgeGap;
            qreal left = x - w + kBadgeGap;
            for (std::size_t k = i; k < j; ++k) {
                placed[k].first.moveLeft(left);
                left += placed[k].first.width() + kBadgeGap;
            }
            i = j;
        }
        for (const auto& [r, badge] : placed) {
            painter->setPen(QPen(ink(), 2));
            painter->setBrush(Qt::white);
            painter->drawRoundedRect(r, bh / 2, bh / 2);
            painter->save();
            paintAnnotationGlyph(*painter, QRectF(r.left() + 3, r.top() + (bh - glyph) / 2, glyph, glyph),
                                 badge->annotation);
            painter->restore();
            if (d.labelShown) {
                painter->setPen(ink());
                painter->setFont(pixelFont(kBadgePx, true));
                painter->drawText(r.adjusted(glyph + 5, 0, -4, 0), Qt::AlignCenter, QString::number(badge->number));
            }
        }
    }

    // Dot votes: dots along the bottom-left edge, the count beside them.
    if (d.votes > 0) {
        const int dots = std::min(d.votes, 5);
        const qreal r = 8;
        qreal x = m_rect.left() + 4 + r;
        const qreal y = m_rect.bottom() + 2;
        QFont f = pixelFont(kBadgePx, true);
        const QString count = QString::number(d.votes);
        const qreal textW = QFontMetricsF(f).horizontalAdvance(count) + 8;
        const QRectF pill(m_rect.left(), y - r - 5, dots * (2 * r + 4) + textW + 8, 2 * r + 10);
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(ink());
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(yellow());
        for (int i = 0; i < dots; ++i, x += 2 * r + 4)
            painter->drawEllipse(QPointF(x, y), r, r);
        painter->setPen(Qt::white);
        painter->setFont(f);
        painter->drawText(QRectF(x - r, pill.top(), textW, pill.height()), Qt::AlignCenter, count);
    }
    // Sticky notes: a yellow paper square at the bottom-right corner with their count.
    if (d.notes > 0) {
        const QRectF paper(m_rect.right() - 22, m_rect.bottom() - 14, 34, 34);
        painter->setPen(QPen(ink(), 2));
        painter->setBrush(yellow());
        QPainterPath p;
        p.moveTo(paper.topLeft());
        p.lineTo(paper.topRight());
        p.lineTo(paper.right(), paper.bottom() - 9);
        p.lineTo(paper.right() - 9, paper.bottom());
        p.lineTo(paper.bottomLeft());
        p.closeSubpath();
        painter->drawPath(p);
        painter->setPen(ink());
        painter->setFont(pixelFont(kBadgePx, true));
        painter->drawText(paper, Qt::AlignCenter, QString::number(d.notes));
    }
}

// ----- flows ---------------------------------------------------------------------------------

PresentFlowItem::PresentFlowItem(std::string id) : m_id(std::move(id))
{
    setZValue(5);
}

void PresentFlowItem::setFlow(const Flow& flow, const QPolygonF& route, bool handoff, std::optional<QPointF> handoffAt)
{
    prepareGeometryChange();
    m_flow = flow;
    m_route = route;
    m_handoff = handoff;
    m_handoffAt = handoffAt;
    m_line = QPainterPath();
    m_arrow.clear();
    if (m_route.size() >= 2) {
        m_line.moveTo(m_route.first());
        for (int i = 1; i < m_route.size() - 1; ++i)
            m_line.lineTo(m_route[i]);
        const QLineF last(m_route[m_route.size() - 2], m_route.last());
        const qreal len = last.length();
        m_line.lineTo(len > kArrowLength ? last.pointAt((len - kArrowLength + 1) / len) : last.p1());
        if (len > 0.1) {
            const QPointF tip = last.p2();
            const QPointF dir = (last.p2() - last.p1()) / len;
            const QPointF normal(-dir.y(), dir.x());
            const QPointF base = tip - dir * kArrowLength;
            m_arrow = QPolygonF{tip, base + normal * kArrowHalfWidth, base - normal * kArrowHalfWidth};
        }
    }
    m_bounds = m_line.boundingRect().united(m_arrow.boundingRect()).adjusted(-30, -30, 30, 30);
    m_labelBox = m_flow.label.empty() ? QRectF() : labelBox();
    // A label with no clear place is drawn over the steps rather than hidden under them.
    m_labelOverSteps = !m_labelBox.isNull() && coversStep(m_labelBox);
    setZValue(m_labelOverSteps ? 11 : 5);
    if (!m_flow.label.empty())
        m_bounds = m_bounds.united(m_labelBox.adjusted(-4, -4, 4, 4));
    update();
}

void PresentFlowItem::setChoice(int number, bool chosen, bool labelShown)
{
    if (number == m_choice && chosen == m_chosen && labelShown == m_labelShown)
        return;
    m_choice = number;
    m_chosen = chosen;
    m_labelShown = labelShown;
    update();
}

QRectF PresentFlowItem::labelBox() const
{
    // Along the route, from the middle outwards, the first place where the label covers no
    // step, as in the editor; where there is none, the middle, drawn over the steps.
    auto along = [this](qreal t) {
        QPointF at = m_route.isEmpty() ? QPointF() : m_route.first();
        if (m_route.size() < 2)
            return at;
        qreal total = 0;
        for (int i = 1; i < m_route.size(); ++i)
            total += QLineF(m_route[i - 1], m_route[i]).length();
        qreal part = total * t;
        for (int i = 1; i < m_route.size(); ++i) {
            const QLineF seg(m_route[i - 1], m_route[i]);
            if (part <= seg.length())
                return seg.length() > 0 ? seg.pointAt(part / seg.length()) : seg.p1();
            part -= seg.length();
        }
        return m_route.last();
    };
    const QFontMetricsF fm(pixelFont(kLabelPx, true));
    QRectF box = fm.boundingRect(QRectF(0, 0, kFlowLabelWidth, 300), Qt::AlignCenter | Qt::TextWordWrap,
                                 QString::fromStdString(m_flow.label));
    box.adjust(-6, -2, 6, 2);
    for (qreal t : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
        QRectF at = box;
        at.moveCenter(along(t));
        if (!coversStep(at))
            return at;
    }
    box.moveCenter(along(0.5));
    return box;
}

bool PresentFlowItem::coversStep(const QRectF& r) const
{
    if (!scene())
        return false;
    for (const QGraphicsItem* item : scene()->items(r))
        if (item->type() == PresentStepItem::Type && item->sceneBoundingRect().intersects(r))
            return true;
    return false;
}

QRectF PresentFlowItem::boundingRect() const
{
    return m_bounds;
}

void PresentFlowItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(option)
    Q_UNUSED(widget)
    if (m_route.size() < 2)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = m_chosen ? chosenBranch() : (m_handoff ? handoffInk() : ink());
    const qreal width = m_chosen ? 7 : kFlowStroke;
    paintFlowLine(*painter, m_line, m_arrow, m_handoff ? m_handoffAt : std::nullopt, colour, width, 10, 2);
    if (m_labelShown && !m_flow.label.empty()) {
        const QRectF& box = m_labelBox;
        painter->setPen(QPen(colour, 2));
        painter->setBrush(Qt::white);
        painter->drawRoundedRect(box, 5, 5);
        painter->setPen(ink());
        painter->setFont(pixelFont(kLabelPx, true));
        painter->drawText(box, Qt::AlignCenter | Qt::TextWordWrap, QString::fromStdString(m_flow.label));
    }
    if (m_choice > 0 && m_route.size() >= 2) {
        // Beside the line just before its arrowhead, where the ways have parted, clear of the line.
        const QLineF last(m_route[m_route.size() - 2], m_route.last());
        const qreal r = 16;
        const qreal back = kArrowLength + r + 4;
        QPointF at = last.length() > back + r ? last.pointAt(1 - back / last.length()) : last.center();
        if (last.length() > 0.1) {
            const QPointF dir = (last.p2() - last.p1()) / last.length();
            const QPointF side = std::abs(dir.x()) > std::abs(dir.y()) ? QPointF(0, -1) : QPointF(1, 0);
            at += side * (r + 6);
        }
        painter->setPen(QPen(Qt::white, 2.5));
        painter->setBrush(m_chosen ? chosenBranch() : ink());
        painter->drawEllipse(at, r, r);
        painter->setPen(Qt::white);
        painter->setFont(pixelFont(kBadgePx + 2, true));
        painter->drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(m_choice));
    }
}

} // namespace crosswalk
