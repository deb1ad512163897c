#include "ui/canvas/stepitem.h"

#include "ui/canvas/mapscene.h"
#include "ui/document/mapdocument.h"

#include <cmath>

#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/stepshape.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace crosswalk {
namespace {
constexpr int kLabelFlags = Qt::AlignCenter | Qt::TextWordWrap;
constexpr qreal kMargin = canvasstyle::kHandleRadius + 4; // room for handles and the selection outline
} // namespace

StepItem::StepItem(std::string id) : m_id(std::move(id))
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(10);
}

void StepItem::setStep(const Step& step, const QRectF& rect)
{
    const bool resized = rect.size() != m_size;
    const bool relabel = resized || step.label != m_step.label || step.kind != m_step.kind;
    if (resized)
        prepareGeometryChange();
    if (auto* mapScene = dynamic_cast<MapScene*>(scene()); mapScene && (resized || rect.topLeft() != pos()))
        mapScene->invalidateStepGrid();
    m_step = step;
    m_size = rect.size();
    setPos(rect.topLeft());
    if (relabel) {
        fitLabel();
        m_outline = StepShape::outline(m_step.kind, QRectF(QPointF(0, 0), m_size));
        m_decoration = StepShape::decoration(m_step.kind, QRectF(QPointF(0, 0), m_size));
    }
    update();
}

void StepItem::fitLabel()
{
    chooseLabel();
    // Laying out wrapped text on every paint cost more than drawing the shapes; lay it out
    // once here.
    const QRectF area = StepShape::labelRect(m_step.kind, QRectF(QPointF(0, 0), m_size));
    m_decisionLines.clear();
    if (m_step.kind == StepKind::Decision) {
        const auto lines = StepShape::labelLines(m_step.kind, QRectF(QPointF(0, 0), m_size), m_shownLabel, m_labelFont);
        for (qsizetype i = 0; i < lines.texts.size(); ++i) {
            QStaticText line(lines.texts[i]);
            line.setTextFormat(Qt::PlainText);
            line.prepare(QTransform(), m_labelFont);
            const QRectF box = lines.boxes[static_cast<std::size_t>(i)];
            m_decisionLines.emplace_back(QPointF(box.center().x() - line.size().width() / 2, box.top()), line);
        }
        return;
    }
    QTextOption option(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WordWrap);
    m_labelText = QStaticText(m_shownLabel);
    m_labelText.setTextFormat(Qt::PlainText);
    m_labelText.setTextOption(option);
    m_labelText.setTextWidth(area.width());
    m_labelText.prepare(QTransform(), m_labelFont);
    const QSizeF size = m_labelText.size();
    m_labelPos = QPointF(area.left(), area.top() + (area.height() - size.height()) / 2);
}

void StepItem::chooseLabel()
{
    // Shrink long labels a little before eliding them, so that a full sentence still fits
    // a standard step; computed once per change, not per paint.
    const QString text = QString::fromStdString(m_step.label);
    const QRectF area = StepShape::labelRect(m_step.kind, QRectF(QPointF(0, 0), m_size));
    if (m_step.kind == StepKind::Decision) {
        // Inside the diamond, line by line (StepShape::labelLines); smaller type, then an ellipsis.
        const QRectF shape(QPointF(0, 0), m_size);
        // Issue 19: no diamond shows 512 characters; a longer label is cut without laying it
        // out whole at every size.
        constexpr qsizetype kMostShown = 512;
        for (int px = canvasstyle::kLabelPx; px >= canvasstyle::kMinLabelPx; --px) {
            m_labelFont = pixelFont(px);
            m_shownLabel = text;
            if (text.size() <= kMostShown && StepShape::labelLines(m_step.kind, shape, text, m_labelFont).fits)
                return;
        }
        // The longest start of the label that fits with an ellipsis, found by halving (a
        // layout per character cost a 2,000-step map a tenth of a second to open).
        auto elided = [&text](qsizetype n) { return text.left(n).trimmed() + QChar(0x2026); };
        qsizetype lo = 0; // elided(lo) fits, or lo == 0
        qsizetype hi = std::min(text.size(), kMostShown);
        while (hi - lo > 1) {
            const qsizetype mid = (lo + hi) / 2;
            if (StepShape::labelLines(m_step.kind, shape, elided(mid), m_labelFont).fits)
                lo = mid;
            else
                hi = mid;
        }
        m_shownLabel = lo > 0 ? elided(lo) : QString();
        return;
    }
    const auto fitsAt = [&area](const QFont& font, const QString& shown) {
        const QRectF needed = QFontMetricsF(font).boundingRect(area, kLabelFlags, shown);
        return needed.height() <= area.height() + 0.5 && needed.width() <= area.width() + 0.5;
    };
    // Issue 19: a label far longer than its step shows (2,000 bytes in a standard step) was
    // laid out whole at every size and then once per character cut off, which took minutes
    // for a map of such steps. More text never fits where less does not, so a prefix that does
    // not fit at the smallest size settles it, at the cost of the text the step can show.
    bool hopeless = false;
    for (qsizetype prefix = 256; prefix < text.size() && !hopeless; prefix *= 4)
        hopeless = !fitsAt(pixelFont(canvasstyle::kMinLabelPx), text.left(prefix));
    m_shownLabel = text;
    m_labelFont = pixelFont(canvasstyle::kMinLabelPx);
    for (int px = canvasstyle::kLabelPx; px >= canvasstyle::kMinLabelPx && !hopeless; --px) {
        QFont font = pixelFont(px);
        m_labelFont = font;
        if (fitsAt(font, text))
            return;
    }
    // Still too long at the smallest size: keep the lines that fit and end with an ellipsis.
    // The longest such start of the text is searched for, growing then halving, so that the
    // cost is a few layouts of what the step shows rather than one per character cut.
    const QFontMetricsF fm(m_labelFont);
    const int maxLines = std::max(1, static_cast<int>(area.height() / fm.lineSpacing()));
    const auto candidate = [&text](qsizetype n) {
        if (n > 1 && n < text.size() && text.at(n - 1).isHighSurrogate())
            --n;
        return text.left(n).trimmed() + QChar(0x2026);
    };
    const auto fitsCut = [&](qsizetype n) {
        return fm.boundingRect(area, kLabelFlags, candidate(n)).height() <= maxLines * fm.lineSpacing() + 0.5;
    };
    const qsizetype longest = text.size() - 1; // at least one character is cut
    qsizetype good = 0;                        // the longest cut known to fit (0: none yet)
    qsizetype bad = longest + 1;               // the shortest known not to
    for (qsizetype n = std::min<qsizetype>(64, longest); n >= 1 && n < bad; n = std::min(n * 2, longest)) {
        if (!fitsCut(n)) {
            bad = n;
            break;
        }
        good = n;
        if (n == longest)
            break;
    }
    while (bad - good > 1) {
        const qsizetype mid = good + (bad - good) / 2;
        (fitsCut(mid) ? good : bad) = mid;
    }
    m_shownLabel = good >= 1 ? candidate(good) : text.left(1) + QChar(0x2026);
}

void StepItem::setEditing(bool editing)
{
    m_editing = editing;
    update();
}

void StepItem::setDropTarget(bool target)
{
    if (m_dropTarget != target) {
        m_dropTarget = target;
        update();
    }
}

void StepItem::setBlackBox(bool blackBox)
{
    if (m_blackBox != blackBox) {
        m_blackBox = blackBox;
        update();
    }
}

void StepItem::setHighlighted(bool highlighted)
{
    if (m_highlighted != highlighted) {
        m_highlighted = highlighted;
        update();
    }
}

QPointF StepItem::handleScenePos(Side side) const
{
    const QRectF r = sceneRectOfStep();
    switch (side) {
    case Side::Left:
        return {r.left(), r.center().y()};
    case Side::Top:
        return {r.center().x(), r.top()};
    case Side::Right:
        return {r.right(), r.center().y()};
    case Side::Bottom:
        return {r.center().x(), r.bottom()};
    }
    return r.center();
}

std::optional<StepItem::Side> StepItem::handleAt(const QPointF& scenePos) const
{
    if (!handlesShown())
        return std::nullopt;
    for (Side side : {Side::Right, Side::Bottom, Side::Left, Side::Top})
        if (QLineF(handleScenePos(side), scenePos).length() <= canvasstyle::kHandleHitRadius)
            return side;
    return std::nullopt;
}

bool StepItem::resizeGripAt(const QPointF& scenePos) const
{
    if (!isSelected())
        return false;
    const QPointF corner = mapToScene(QPointF(m_size.width(), m_size.height()));
    return std::abs(scenePos.x() - corner.x()) <= canvasstyle::kGripHitSize &&
           std::abs(scenePos.y() - corner.y()) <= canvasstyle::kGripHitSize;
}

QRectF StepItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

QPainterPath StepItem::shape() const
{
    // The whole rectangle picks the step (a diamond's corners too) and so do the handles,
    // so that starting a connection never falls through to the lane behind.
    QPainterPath p;
    p.addRect(QRectF(QPointF(0, 0), m_size));
    if (handlesShown())
        for (Side side : {Side::Left, Side::Top, Side::Right, Side::Bottom})
            p.addEllipse(mapFromScene(handleScenePos(side)), canvasstyle::kHandleHitRadius,
                         canvasstyle::kHandleHitRadius);
    if (isSelected()) {
        const qreal g = canvasstyle::kGripHitSize;
        p.addRect(QRectF(m_size.width() - g, m_size.height() - g, 2 * g, 2 * g));
    }
    return p;
}

void StepItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget)
    const QRectF r(QPointF(0, 0), m_size);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < canvasstyle::kOverviewLod && !isSelected() && !m_dropTarget) {
        // A whole large map fitted on one screen: a step is a few pixels wide and its label
        // a speck, so a plain box without antialiasing keeps thousands of them within a frame.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(m_highlighted ? canvasstyle::highlightOrange() : canvasstyle::ink(), 0));
        painter->setBrush(m_blackBox ? canvasstyle::blackBoxFill() : QColor(Qt::white));
        painter->drawRect(r);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);

    if (m_highlighted) {
        // Wider than the selection halo and drawn beneath it, so both read when they coincide.
        QPen halo(canvasstyle::highlightOrange(), 12);
        halo.setJoinStyle(Qt::RoundJoin);
        painter->setPen(halo);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_outline);
    }

    if (isSelected() || m_dropTarget) {
        // A halo outside the outline: the symbol itself stays readable when selected.
        QPen halo(m_dropTarget ? QColor(0x18, 0x80, 0x38) : canvasstyle::selectionBlue(), 7);
        halo.setJoinStyle(Qt::RoundJoin);
        painter->setPen(halo);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_outline);
    }
    StepShape::paint(*painter, m_step.kind, m_outline, m_decoration, canvasstyle::ink());
    if (m_blackBox) {
        // Opaque, not merely badged: the team marked this step as one nobody can see inside.
        // The kind's outline stays, so a black-box decision still reads as a decision.
        QPen pen(canvasstyle::ink(), StepShape::borderWidth(m_step.kind));
        pen.setJoinStyle(Qt::RoundJoin);
        painter->setPen(pen);
        painter->setBrush(canvasstyle::blackBoxFill());
        painter->drawPath(m_outline);
        if (!m_decoration.isEmpty()) {
            painter->setPen(QPen(QColor(0x9A, 0xA0, 0xA6), 1.6));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(m_decoration);
        }
    }

    // Text under about 3 px on screen is noise, and the costliest part of a frame.
    if (!m_editing && m_labelFont.pixelSize() * lod >= 3) {
        painter->setPen(m_blackBox ? QColor(Qt::white) : canvasstyle::ink());
        painter->setFont(m_labelFont);
        if (m_step.kind == StepKind::Decision)
            for (const auto& [pos, line] : m_decisionLines)
                painter->drawStaticText(pos, line);
        else
            painter->drawStaticText(m_labelPos, m_labelText);
    }

    if (handlesShown()) {
        painter->setPen(QPen(canvasstyle::selectionBlue(), 1.5));
        painter->setBrush(Qt::white);
        for (Side side : {Side::Left, Side::Top, Side::Right, Side::Bottom})
            painter->drawEllipse(mapFromScene(handleScenePos(side)), canvasstyle::kHandleRadius,
                                 canvasstyle::kHandleRadius);
    }
    if (isSelected()) {
        // The resize grip: a small square on the bottom-right corner.
        const qreal g = canvasstyle::kGripSize / 2.0;
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(canvasstyle::selectionBlue());
        painter->drawRect(QRectF(m_size.width() - g, m_size.height() - g, 2 * g, 2 * g));
    }
}

void StepItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    prepareGeometryChange(); // the shape grows by the handles
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void StepItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    prepareGeometryChange();
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

QVariant StepItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemSelectedChange)
        prepareGeometryChange();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace crosswalk
