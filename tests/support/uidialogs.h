#pragma once

// Answering the modal dialogs a UI test's action opens: the answer is queued before the
// action, and given once the dialog runs its own event loop.

#include <QAbstractButton>
#include <QApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QString>
#include <QTimer>

namespace crosswalk::test {

/// Presses `answer` on the message box that opens next.
inline void answerSoon(QMessageBox::StandardButton answer = QMessageBox::Yes)
{
    QTimer::singleShot(0, [answer] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(w);
            if (!box || !box->isVisible())
                continue;
            if (QAbstractButton* button = box->button(answer))
                button->click();
            else
                box->accept();
        }
    });
}

/// Accepts the input dialog that opens next, with `text` typed in (or its suggestion when
/// text is null); *shown receives the suggested text.
inline void acceptInputSoon(const QString& text = QString(), QString* shown = nullptr)
{
    QTimer::singleShot(0, [text, shown] {
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (shown)
            *shown = dialog->textValue();
        if (!text.isNull())
            dialog->setTextValue(text);
        dialog->accept();
    });
}

} // namespace crosswalk::test
