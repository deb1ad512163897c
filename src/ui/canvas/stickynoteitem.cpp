#include "ui/canvas/stickynoteitem.h"

#include "ui/canvas/canvasstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace crosswalk {
namespace {

constexpr qreal kPad = 6;
constexpr qreal kFold = 10;  // the folded corner, bottom right
constexpr qreal kShadow = 3; // the drop shadow's offset: the note lies on the map

QFont noteFont()
{
    return pixelFont(StickyNoteItem::kTextPx);
}

/// The text broken into at most maxLines lines of the given width; the last line is elided
/// when the text does not fit.
QStringList noteLines(const QString& text, qreal width)
{
    const QString simple = text.simplified();
    QStringList lines;
    if (simple.isEmpty())
        return lines;
    const QFont font = noteFont();
    QTextLayout layout(simple, font);
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == StickyNoteItem::kMaxLines - 1) {
            const QString rest = simple.mid(line.textStart());
            lines << QFontMetricsF(font).elidedText(rest, Qt::ElideRight, width);
            break;
        }
        lines << simple.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

} // namespace

StickyNoteItem::StickyNoteItem(QGraphicsItem* parent) : QGraphicsObject(parent)
{
    // Above the step's label and handles; the scene puts the note below the step anyway.
    setZValue(6);
    setAcceptHoverEvents(true); // for the tooltip with the whole text
    m_height = heightFor({});
}

qreal StickyNoteItem::heightFor(const QString& text)
{
    const auto lines = std::max<qsizetype>(1, noteLines(text, kWidth - 2 * kPad).size());
    return 2 * kPad + static_cast<qreal>(lines) * std::ceil(QFontMetricsF(noteFont()).lineSpacing());
}

void StickyNoteItem::setNote(const StickyNote& note)
{
    const QString text = QString::fromStdString(note.text);
    const qreal h = heightFor(text);
    if (h != m_height)
        prepareGeometryChange();
    m_height = h;
    m_note = note;
    m_shown = noteLines(text, kWidth - 2 * kPad).join(QLatin1Char('\n'));
    setToolTip(text);
    update();
}

void StickyNoteItem::setEditing(bool editing)
{
    setVisible(!editing);
}

QRectF StickyNoteItem::boundingRect() const
{
    return QRectF(0, 0, kWidth + kShadow, m_height + kShadow);
}

QPainterPath StickyNoteItem::shape() const
{
    QPainterPath p;
    p.addRect(QRectF(0, 0, kWidth, m_height));
    return p;
}

void StickyNoteItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QRectF paper(0, 0, kWidth, m_height);
    const QColor colour = canvasstyle::modelColor(m_note.color, QColor(0xFF, 0xE6, 0x80));
    painter->setRenderHint(QPainter::Antialiasing);

    // The paper with its bottom-right corner folded up.
    QPainterPath outline;
    outline.moveTo(paper.topLeft());
    outline.lineTo(paper.topRight());
    outline.lineTo(paper.right(), paper.bottom() - kFold);
    outline.lineTo(paper.right() - kFold, paper.bottom());
    outline.lineTo(paper.bottomLeft());
    outline.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 45));
    painter->drawPath(outline.translated(kShadow * 0.6, kShadow));
    painter->setBrush(colour);
    painter->setPen(QPen(colour.darker(150), 1));
    painter->drawPath(outline);
    QPainterPath fold;
    fold.moveTo(paper.right(), paper.bottom() - kFold);
    fold.lineTo(paper.right() - kFold, paper.bottom() - kFold);
    fold.lineTo(paper.right() - kFold, paper.bottom());
    fold.closeSubpath();
    painter->setBrush(colour.darker(118));
    painter->drawPath(fold);

    painter->setPen(canvasstyle::ink());
    painter->setFont(noteFont());
    painter->drawText(paper.adjusted(kPad, kPad - 1, -kPad, -kPad), Qt::AlignLeft | Qt::AlignTop, m_shown);
}

VoteDotsItem::VoteDotsItem(QGraphicsItem* parent) : QGraphicsObject(parent)
{
    setZValue(5);
    setAcceptHoverEvents(true);
}

void VoteDotsItem::setCount(int count, qreal maxWidth)
{
    const qreal dotsWidth = count * kDot + std::max(0, count - 1) * 3.0;
    const bool number = count > kMaxDots || dotsWidth > maxWidth;
    qreal w = dotsWidth;
    if (number)
        w = kPill + QFontMetricsF(pixelFont(kNumberPx, true)).horizontalAdvance(QString::number(count)) +
            7;
    if (count == m_count && number == m_number && w == m_width)
        return;
    prepareGeometryChange();
    m_width = w;
    m_count = count;
    m_number = number;
    setToolTip(count == 1 ? tr("1 vote") : tr("%1 votes").arg(count));
    update();
}

QRectF VoteDotsItem::boundingRect() const
{
    return QRectF(-2, -2, m_width + 4, height() + 4);
}

void VoteDotsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_count <= 0)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    // Dark enough to read in greyscale, with a white ring that keeps it off the step's outline.
    const QColor dot(0xA6, 0x1E, 0x6A);
    painter->setPen(QPen(Qt::white, 2));
    painter->setBrush(dot);
    if (m_number) {
        // One dot with the count beside it, in a pill of the dots' colour.
        painter->drawRoundedRect(QRectF(0, 0, m_width, kPill), kPill / 2, kPill / 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Qt::white);
        painter->drawEllipse(QRectF(4, 4, kPill - 8, kPill - 8));
        painter->setBrush(dot);
        painter->drawEllipse(QRectF(6.5, 6.5, kPill - 13, kPill - 13));
        painter->setPen(Qt::white);
        painter->setFont(pixelFont(kNumberPx, true));
        painter->drawText(QRectF(kPill - 1, 0, m_width - kPill, kPill), Qt::AlignVCenter | Qt::AlignLeft,
                          QString::number(m_count));
        return;
    }
    for (int i = 0; i < m_count; ++i)
        painter->drawEllipse(QRectF(i * (kDot + 3), 0, kDot, kDot));
}

} // namespace crosswalk
