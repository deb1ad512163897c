#include "ui/canvas/labeleditor.h"

#include "ui/canvas/canvasstyle.h"

#include <QKeyEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextOption>

namespace crosswalk {

LabelEditor::LabelEditor(const QString& text, const QRectF& area, const QFont& font, bool multiLine, bool centred)
    : m_area(area), m_multiLine(multiLine)
{
    setZValue(1000);
    setFont(font);
    setDefaultTextColor(canvasstyle::ink());
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setFlag(ItemIsFocusable);
    QTextOption option = document()->defaultTextOption();
    option.setAlignment(centred ? Qt::AlignHCenter : Qt::AlignLeft);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document()->setDefaultTextOption(option);
    document()->setDocumentMargin(2);
    setTextWidth(std::max<qreal>(40, area.width()));
    setPlainText(text);
    connect(document(), &QTextDocument::contentsChanged, this, &LabelEditor::recentre);
    recentre();
}

QString LabelEditor::text() const
{
    return toPlainText();
}

void LabelEditor::selectAllText()
{
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    setTextCursor(cursor);
}

void LabelEditor::recentre()
{
    // Grows from the middle of its area, like the label it replaces.
    const qreal h = document()->size().height();
    setPos(m_area.left(), m_area.center().y() - h / 2);
}

void LabelEditor::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    painter->setPen(QPen(canvasstyle::selectionBlue(), 1.5));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(boundingRect().adjusted(-2, -1, 2, 1), 3, 3);
    // Our own frame replaces the dotted focus rectangle Qt draws around a focused text item.
    QStyleOptionGraphicsItem plain(*option);
    plain.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
    QGraphicsTextItem::paint(painter, &plain, widget);
}

void LabelEditor::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_multiLine && (event->modifiers() & Qt::ShiftModifier)) {
            textCursor().insertText(QStringLiteral("\n"));
            event->accept();
            return;
        }
        event->accept();
        emit commitRequested();
        return;
    case Qt::Key_Escape:
        event->accept();
        emit cancelRequested();
        return;
    default:
        break;
    }
    QGraphicsTextItem::keyPressEvent(event);
}

void LabelEditor::focusOutEvent(QFocusEvent* event)
{
    QGraphicsTextItem::focusOutEvent(event);
    // Clicking elsewhere keeps what was typed, as in every drawing tool; popups (a context
    // menu, the input method) do not end editing.
    if (event->reason() != Qt::PopupFocusReason && event->reason() != Qt::ActiveWindowFocusReason)
        emit commitRequested();
}

} // namespace crosswalk
