#include "ui/present/presentitems.h"

#include "ui/canvas/flowitem.h"

#include "ui/canvas/stepshape.h"
#include "ui/common/annotationglyph.h"
#include "ui/present/presentstyle.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace crosswalk {

using namespace presentstyle;

namespace {
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

void paintBadge(QPainter& painter, const QRectF& r, const PresentBadge& badge, bool withNumber)
{
    const qreal bh = r.height();
    const qreal glyph = withNumber ? kBadgeGlyph : 2 * kBadgeGlyph;
    painter.setPen(QPen(ink(), 2));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(r, bh / 2, bh / 2);
    painter.save();
    paintAnnotationGlyph(painter, QRectF(r.left() + 3, r.top() + (bh - glyph) / 2, glyph, glyph), badge.annotation);
    painter.restore();
    if (withNumber) {
        painter.setPen(ink());
        painter.setFont(pixelFont(kBadgePx, true));
        painter.drawText(r.adjusted(glyph + 5, 0, -4, 0), Qt::AlignCenter, QString::number(badge.number));
    }
}

qreal presentBadgeWidth(const PresentBadge& badge, bool withNumber)
{
    return badgeWidth(badge, withNumber);
}

PresentStepItem::PresentStepItem(std::string id) : m_id(std::move(id))
{
    setZValue(10);
}

void PresentStepItem::setStep(const Step& step, const QRectF& modelRect)
{
    setStep(step, modelRect, modelRect.adjusted(-kStepInflate, -kStepInflate, kStepInflate, kStepInflate));
}

void PresentStepItem::setStep(const Step& step, const QRectF& modelRect, const QRectF& room)
{
    const QRectF rect(-kStepInflate, -kStepInflate, modelRect.width() + 2 * kStepInflate,
                      modelRect.height() + 2 * kStepInflate);
    const QRectF localRoom = room.translated(-modelRect.topLeft()).united(rect);
    prepareGeometryChange();
    m_step = step;
    m_rect = rect;
    m_room = localRoom;
    setPos(modelRect.topLeft());
    layoutLabel(); // may grow m_rect within m_room
    m_outline = StepShape::outline(step.kind, m_rect);
    m_decoration = StepShape::decoration(step.kind, m_rect);
    update();
}

void PresentStepItem::setDecorations(const Decorations& decorations)
{
    m_decorations = decorations;
    update();
}

namespace {
/// A sticky note's paper: a square with its bottom-right corner folded.
QPainterPath notePaper(const QRectF& paper)
{
    QPainterPath p;
    p.moveTo(paper.topLeft());
    p.lineTo(paper.topRight());
    p.lineTo(paper.right(), paper.bottom() - 9);
    p.lineTo(paper.right() - 9, paper.bottom());
    p.lineTo(paper.bottomLeft());
    p.closeSubpath();
    return p;
}
} // namespace

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

std::vector<std::pair<QRectF, const PresentBadge*>> PresentStepItem::badgeRects() const
{
    // Along the top edge from the right, as in the editor, in rows upwards. In the whole map
    // (no labels) the glyphs alone, twice as large, so that marks still show.
    const Decorations& d = m_decorations;
    std::vector<std::pair<QRectF, const PresentBadge*>> placed;
    if (d.badges.empty())
        return placed;
    const qreal bh = d.labelShown ? kBadgeHeight : 2 * kBadgeHeight;
    std::vector<qreal> widths;
    for (const PresentBadge& b : d.badges)
        widths.push_back(badgeWidth(b, d.labelShown));
    const qreal maxRow = m_rect.width() + 20;
    const qreal x = m_rect.right() + 10;
    qreal y = m_rect.top() - bh / 2;
    qreal rowUsed = 0;
    for (std::size_t i = 0; i < d.badges.size(); ++i) {
        if (rowUsed > 0 && rowUsed + widths[i] > maxRow) {
            y -= bh + kBadgeGap;
            rowUsed = 0;
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
    return placed;
}

std::vector<QRectF> PresentStepItem::labelLineSceneRects() const
{
    std::vector<QRectF> rects;
    if (m_step.kind == StepKind::Decision)
        for (const QRectF& box : m_decisionLines.boxes)
            rects.push_back(mapRectToScene(box));
    else
        rects.push_back(labelSceneRect());
    return rects;
}

std::vector<QRectF> PresentStepItem::badgeSceneRects() const
{
    std::vector<QRectF> rects;
    for (const auto& [r, badge] : badgeRects())
        rects.push_back(mapRectToScene(r));
    return rects;
}

QRectF PresentStepItem::votesRect() const
{
    const int votes = m_decorations.votes;
    if (votes <= 0)
        return {};
    const int dots = std::min(votes, 5);
    const qreal r = 8;
    const qreal textW = QFontMetricsF(pixelFont(kBadgePx, true)).horizontalAdvance(QString::number(votes)) + 8;
    return {m_rect.left(), m_rect.bottom() + 2 - r - 5, dots * (2 * r + 4) + textW + 8, 2 * r + 10};
}

std::vector<QRectF> PresentStepItem::markSceneRects() const
{
    // The badges, the votes and the note papers (see paint()).
    std::vector<QRectF> rects = badgeSceneRects();
    if (m_decorations.votes > 0)
        rects.push_back(mapRectToScene(votesRect()));
    if (m_decorations.notes > 0 || m_decorations.sessionNotes > 0)
        rects.push_back(mapRectToScene(QRectF(m_rect.right() - 66, m_rect.bottom() - 14, 78, 34)));
    return rects;
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
        painter->setPen(d.blackBox ? QColor(Qt::white) : ink());
        painter->setFont(pixelFont(m_labelPx));
        if (m_step.kind == StepKind::Decision) {
            for (qsizetype i = 0; i < m_decisionLines.texts.size(); ++i)
                painter->drawText(m_decisionLines.boxes[static_cast<std::size_t>(i)].adjusted(-2, 0, 2, 0),
                                  Qt::AlignCenter | Qt::TextDontClip, m_decisionLines.texts[i]);
        } else {
            painter->drawStaticText(m_labelPos, m_label);
        }
    }

    for (const auto& [r, badge] : badgeRects())
        paintBadge(*painter, r, *badge, d.labelShown);

    // Dot votes: dots along the bottom-left edge, the count beside them.
    if (d.votes > 0) {
        const QRectF pill = votesRect();
        const int dots = std::min(d.votes, 5);
        const qreal r = 8;
        qreal x = m_rect.left() + 4 + r;
        const qreal y = m_rect.bottom() + 2;
        QFont f = pixelFont(kBadgePx, true);
        const QString count = QString::number(d.votes);
        const qreal textW = QFontMetricsF(f).horizontalAdvance(count) + 8;
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
        painter->drawPath(notePaper(paper));
        painter->setPen(ink());
        painter->setFont(pixelFont(kBadgePx, true));
        painter->drawText(paper, Qt::AlignCenter, QString::number(d.notes));
    }
    // The running session's notes: the same paper in a thick blue frame, left of the map's.
    if (d.sessionNotes > 0) {
        const qreal shift = d.notes > 0 ? 44 : 0;
        const QRectF paper(m_rect.right() - 22 - shift, m_rect.bottom() - 14, 34, 34);
        painter->setPen(QPen(blue(), 4));
        painter->setBrush(yellow());
        painter->drawPath(notePaper(paper));
        painter->setPen(ink());
        painter->setFont(pixelFont(kBadgePx, true));
        painter->drawText(paper, Qt::AlignCenter, QString::number(d.sessionNotes));
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
    // Issue 19: a label shows at most its first kMostShown characters, then an ellipsis, as
    // on the canvas; laying out 40,000 flow labels of 2,000 bytes took minutes.
    constexpr qsizetype kMostShown = 400;
    m_labelText = QString::fromStdString(flow.label);
    if (m_labelText.size() > kMostShown)
        m_labelText = m_labelText.left(m_labelText.at(kMostShown - 1).isHighSurrogate() ? kMostShown - 1 : kMostShown) +
                      QChar(0x2026);
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
    m_choiceAt = findChoiceCentre(); // among the steps already in the scene
    m_lineBounds = m_line.boundingRect().united(m_arrow.boundingRect()).united(endZone()).adjusted(-30, -30, 30, 30);
    m_labelBox = QRectF();
    m_labelOverSteps = false;
    updateBounds();
    update();
}

void PresentFlowItem::setLaneBorders(std::vector<qreal> ys)
{
    m_laneBorders = std::move(ys);
}

void PresentFlowItem::placeLabel()
{
    m_labelBox = m_flow.label.empty() ? QRectF() : labelBox();
    // A label with no clear place is drawn over the steps rather than hidden under them.
    m_labelOverSteps = !m_labelBox.isNull() && covers(m_labelBox, Clear{.shapes = true});
    if (m_obstacles && !m_labelBox.isNull())
        m_obstacles->add(PresentObstacles::FlowLabel, m_labelBox.adjusted(-4, -4, 4, 4));
    setZValue(m_labelOverSteps ? 11 : 5);
    if (!m_flow.label.empty())
        m_lineBounds = m_lineBounds.united(m_labelBox.adjusted(-4, -4, 4, 4));
    updateBounds();
    update();
}

QPointF PresentFlowItem::findChoiceCentre() const
{
    // Beside the line just before its arrowhead, where the ways have parted, clear of the
    // line: above a level part or right of an upright one. Where a step is there, the other
    // side, then further back along the route, then on the line itself.
    if (m_route.size() < 2)
        return {};
    const qreal r = kChoiceDiscRadius;
    auto clearOfSteps = [this, r](const QPointF& c, bool textOnly) {
        const QRectF disc(c.x() - r, c.y() - r, 2 * r, 2 * r);
        return !m_obstacles || m_obstacles->exhausted() ||
               !m_obstacles->hits(disc, textOnly ? PresentObstacles::StepText : PresentObstacles::StepShape);
    };
    const qreal total = routeLength();
    if (total <= 0.1)
        return m_route.last();
    const qreal back = kArrowLength + r + 4;
    QPointF first;
    // Clear of the steps; on a route too short for that, clear of their text at least.
    for (const bool textOnly : {false, true})
    for (qreal fromEnd = std::min(back, total / 2); fromEnd < std::min(total, back + 600); fromEnd += r / 2) {
        const qreal t = 1 - fromEnd / total;
        const QPointF on = along(t);
        const QPointF ahead = along(std::min(1.0, t + 0.01));
        const QPointF behind = along(std::max(0.0, t - 0.01));
        const QPointF side = std::abs(ahead.x() - behind.x()) >= std::abs(ahead.y() - behind.y()) ? QPointF(0, -1)
                                                                                               : QPointF(1, 0);
        for (const QPointF& at : {on + side * (r + 6), on - side * (r + 6), on}) {
            if (first.isNull())
                first = at;
            if (clearOfSteps(at, textOnly))
                return at;
        }
    }
    return first.isNull() ? along(0.5) : first;
}

qreal PresentFlowItem::routeLength() const
{
    qreal total = 0;
    for (int i = 1; i < m_route.size(); ++i)
        total += QLineF(m_route[i - 1], m_route[i]).length();
    return total;
}

QRectF PresentFlowItem::endZone() const
{
    if (m_route.size() < 2)
        return {};
    const QPointF c = m_choiceAt;
    const QRectF choice(c.x() - kChoiceDiscRadius, c.y() - kChoiceDiscRadius, 2 * kChoiceDiscRadius, 2 * kChoiceDiscRadius);
    return m_arrow.boundingRect().united(choice).adjusted(-4, -4, 4, 4);
}

void PresentFlowItem::updateBounds()
{
    QRectF bounds = m_lineBounds;
    for (const QRectF& r : markRects())
        bounds = bounds.united(r.adjusted(-3, -3, 3, 3));
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
}

void PresentFlowItem::setMarks(std::vector<PresentBadge> marks)
{
    if (marks.size() == m_marks.size() &&
        std::equal(marks.begin(), marks.end(), m_marks.begin(), [](const PresentBadge& a, const PresentBadge& b) {
            return a.annotation == b.annotation && a.number == b.number;
        }))
        return;
    m_marks = std::move(marks);
    // Marks are drawn over the steps, so that a step beside the flow never hides them.
    setZValue(!m_marks.empty() || m_labelOverSteps ? 11 : 5);
    updateBounds();
    update();
}

std::vector<QRectF> PresentFlowItem::markRects() const
{
    // One row, centred above the label (or on the midpoint of a flow without one); the
    // whole map (no labels) shows the glyphs alone, twice as large, as on steps.
    std::vector<QRectF> rects;
    if (m_marks.empty() || m_route.size() < 2)
        return rects;
    const bool small = m_labelShown;
    const qreal bh = small ? kBadgeHeight : 2 * kBadgeHeight;
    qreal total = 0;
    for (const PresentBadge& b : m_marks)
        total += badgeWidth(b, small) + kBadgeGap;
    total -= kBadgeGap;
    qreal x = 0;
    qreal bottom = 0;
    if (!m_labelBox.isNull() && m_labelShown) {
        // Right of the label, on its middle line: the label's place was chosen clear of the steps.
        x = m_labelBox.right() + 4;
        bottom = m_labelBox.center().y() + bh / 2;
    } else {
        const QPointF anchor = along(0.5);
        x = anchor.x() - total / 2;
        bottom = anchor.y() + bh / 2;
    }
    for (const PresentBadge& b : m_marks) {
        const qreal w = badgeWidth(b, small);
        rects.emplace_back(x, bottom - bh, w, bh);
        x += w + kBadgeGap;
    }
    return rects;
}

std::vector<QRectF> PresentFlowItem::markSceneRects() const
{
    std::vector<QRectF> rects;
    for (const QRectF& r : markRects())
        rects.push_back(mapRectToScene(r));
    return rects;
}

void PresentFlowItem::setChoice(int number, bool chosen, bool labelShown)
{
    if (number == m_choice && chosen == m_chosen && labelShown == m_labelShown)
        return;
    m_choice = number;
    m_chosen = chosen;
    m_labelShown = labelShown;
    updateBounds();
    update();
}

QPointF PresentFlowItem::along(qreal t) const
{
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
}

QRectF PresentFlowItem::labelBox() const
{
    // Along the route, from the middle outwards, the first place where the label covers no
    // step and no other flow's label, as in the editor; where there is none, the middle,
    // drawn over the steps.
    const QFontMetricsF fm(pixelFont(kLabelPx, true));
    const QString& text = m_labelText;
    // The label on one line up to kFlowLabelWidth, or wrapped narrower to pass between two
    // steps close together, or up to twice as wide on fewer lines.
    std::vector<QRectF> boxes;
    const bool search = !m_obstacles || !m_obstacles->exhausted();
    for (const int width : {kFlowLabelWidth, kFlowLabelWidth / 2, 2 * kFlowLabelWidth}) {
        if (!search && !boxes.empty())
            break; // past the obstacles' budget: the first box, in the middle
        QRectF b = fm.boundingRect(QRectF(0, 0, width, 300), Qt::AlignCenter | Qt::TextWordWrap, text);
        b.adjust(-6, -2, 6, 2);
        // Narrower to pass between two steps, or on one line (less tall) to pass between a
        // step and a lane border.
        if (boxes.empty() || b.width() < boxes.front().width() - 1 || b.height() < boxes.front().height() - 1)
            boxes.push_back(b);
    }
    // From the middle outwards in fortieths of the route; at each place on the line, then
    // beside it (above or below a level part, left or right of an upright one), so that it
    // reads as the line's, then further off. The demands give way one by one, least needed
    // first: the lane borders; the tips of handoff diamonds (not their middle); a place
    // touching the line; the step shapes (a label may sit on a step's blank edge, never on
    // its text); at last the marks and arrowheads. Other flows' labels are never covered.
    std::vector<qreal> ts{0.5};
    for (int k = 1; search && k < 20; ++k) {
        ts.push_back(0.5 - 0.025 * k);
        ts.push_back(0.5 + 0.025 * k);
    }
    // Each place on the route, and whether the line runs level there, worked out once.
    std::vector<QPointF> places;
    std::vector<bool> levels;
    for (const qreal t : ts) {
        places.push_back(along(t));
        const QPointF ahead = along(std::min(1.0, t + 0.01));
        const QPointF behind = along(std::max(0.0, t - 0.01));
        levels.push_back(std::abs(ahead.x() - behind.x()) >= std::abs(ahead.y() - behind.y()));
    }
    const Clear demands[] = {
        {.borders = true, .shapes = true, .marks = true},
        {.shapes = true, .marks = true},
        {.shapes = true, .marks = true, .handoffTips = false},
        {.shapes = true, .marks = true, .far = true},
        {.marks = true},
        {.marks = true, .far = true},
        {.shapes = true, .far = true},
        {.far = true},
    };
    const auto found = [&]() -> std::optional<QRectF> {
        for (const Clear& clear : demands)
            for (const QRectF& box : boxes)
                for (const qreal away : clear.far ? std::vector<qreal>{0.0, 1.0, 2.5, 4.0} : std::vector<qreal>{0.0, 1.0})
                    for (std::size_t i = 0; search && i < places.size(); ++i) {
                        if (m_obstacles && m_obstacles->exhausted())
                            return std::nullopt;
                        const QPointF at = places[i];
                        const QPointF shift =
                            away * (levels[i] ? QPointF(0, box.height() / 2 + 6) : QPointF(box.width() / 2 + 6, 0));
                        for (const QPointF& centre :
                             away == 0 ? std::vector<QPointF>{at} : std::vector<QPointF>{at - shift, at + shift}) {
                            QRectF r = box;
                            r.moveCenter(centre);
                            if (!covers(r, clear))
                                return r;
                        }
                    }
        return std::nullopt;
    }();
    if (found)
        return *found;
    QRectF box = boxes.front();
    box.moveCenter(along(0.5));
    return box;
}

bool PresentFlowItem::covers(const QRectF& r, const Clear& clear) const
{
    if (!m_obstacles)
        return false;
    // Lane borders: a label on one reads as belonging to neither lane.
    if (clear.borders)
        for (const qreal y : m_laneBorders)
            if (r.top() - 6 < y && y < r.bottom() + 6)
                return true;
    // A step's text and the labels placed before this one always; the steps' shapes, the
    // marks on them, every arrowhead (this flow's too) with the place of its choice number,
    // and every handoff diamond as asked.
    unsigned kinds = PresentObstacles::StepText | PresentObstacles::FlowLabel;
    if (clear.shapes)
        kinds |= PresentObstacles::StepShape;
    if (clear.marks)
        kinds |= PresentObstacles::Mark | PresentObstacles::EndZone | PresentObstacles::HandoffCore |
                 (clear.handoffTips ? PresentObstacles::Handoff : 0u);
    return m_obstacles->hits(r, kinds);
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
        painter->drawText(box, Qt::AlignCenter | Qt::TextWordWrap, m_labelText);
    }
    if (!m_marks.empty()) {
        const std::vector<QRectF> rects = markRects();
        for (std::size_t i = 0; i < rects.size(); ++i)
            paintBadge(*painter, rects[i], m_marks[i], m_labelShown);
    }
    if (m_choice > 0 && m_route.size() >= 2) {
        const qreal r = kChoiceDiscRadius;
        const QPointF at = m_choiceAt;
        painter->setPen(QPen(Qt::white, 2.5));
        painter->setBrush(m_chosen ? chosenBranch() : ink());
        painter->drawEllipse(at, r, r);
        painter->setPen(Qt::white);
        painter->setFont(pixelFont(kBadgePx + 2, true));
        painter->drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(m_choice));
    }
}

} // namespace crosswalk
