#include "ui/mainwindow/undohistory.h"

#include <QAction>
#include <QUndoStack>

namespace crosswalk {

UndoHistory::UndoHistory(QObject* parent) : QObject(parent) {}

void UndoHistory::addStack(QUndoStack* stack)
{
    if (!stack)
        return;
    for (const Tracked& t : m_stacks)
        if (t.stack == stack)
            return;
    m_stacks.append(Tracked{stack, stack->index()});
    connect(stack, &QUndoStack::indexChanged, this, [this, stack](int index) { indexChanged(stack, index); });
    connect(stack, &QUndoStack::undoTextChanged, this, &UndoHistory::changed);
    connect(stack, &QUndoStack::redoTextChanged, this, &UndoHistory::changed);
    connect(stack, &QObject::destroyed, this, [this, stack] { removeStack(stack); });
    emit changed();
}

void UndoHistory::removeStack(QUndoStack* stack)
{
    if (stack)
        disconnect(stack, nullptr, this, nullptr);
    // A stack being destroyed is already null here.
    m_stacks.removeIf([stack](const Tracked& t) { return t.stack.isNull() || t.stack == stack; });
    // Keep only the stamps of commands a followed stack still holds, so that a new command
    // at a freed address starts without one.
    QHash<const QUndoCommand*, quint64> done;
    QHash<const QUndoCommand*, quint64> undone;
    for (const Tracked& t : m_stacks) {
        for (int i = 0; i < t.stack->count(); ++i) {
            const QUndoCommand* c = t.stack->command(i);
            if (auto it = m_doneAt.constFind(c); it != m_doneAt.constEnd())
                done.insert(c, *it);
            if (auto it = m_undoneAt.constFind(c); it != m_undoneAt.constEnd())
                undone.insert(c, *it);
        }
    }
    m_doneAt = std::move(done);
    m_undoneAt = std::move(undone);
    emit changed();
}

void UndoHistory::indexChanged(QUndoStack* stack, int index)
{
    for (Tracked& t : m_stacks) {
        if (t.stack != stack)
            continue;
        // A push or redo moves the index up over the commands it did, an undo down over
        // those it undid (a push after undo first drops the undone ones: index - 1 is new).
        if (index > t.index || (index == t.index && index > 0)) {
            for (int i = std::max(0, std::min(t.index, index - 1)); i < index; ++i)
                m_doneAt.insert(stack->command(i), ++m_clock);
        } else {
            for (int i = t.index - 1; i >= index; --i)
                if (const QUndoCommand* c = stack->command(i))
                    m_undoneAt.insert(c, ++m_clock);
        }
        t.index = index;
    }
    emit changed();
}

QUndoStack* UndoHistory::undoTarget() const
{
    QUndoStack* best = nullptr;
    quint64 bestAt = 0;
    for (const Tracked& t : m_stacks) {
        if (!t.stack || !t.stack->canUndo())
            continue;
        const quint64 at = m_doneAt.value(t.stack->command(t.stack->index() - 1), 0);
        if (!best || at > bestAt) {
            best = t.stack;
            bestAt = at;
        }
    }
    return best;
}

QUndoStack* UndoHistory::redoTarget() const
{
    QUndoStack* best = nullptr;
    quint64 bestAt = 0;
    for (const Tracked& t : m_stacks) {
        if (!t.stack || !t.stack->canRedo())
            continue;
        const quint64 at = m_undoneAt.value(t.stack->command(t.stack->index()), 0);
        if (!best || at > bestAt) {
            best = t.stack;
            bestAt = at;
        }
    }
    return best;
}

void UndoHistory::undo()
{
    QUndoStack* stack = undoTarget();
    if (stack && (!m_confirmUndo || m_confirmUndo(stack)))
        stack->undo();
}

void UndoHistory::redo()
{
    if (QUndoStack* stack = redoTarget())
        stack->redo();
}

QAction* UndoHistory::createUndoAction(QObject* parent, const QString& prefix)
{
    auto* action = new QAction(prefix, parent);
    auto update = [this, action, prefix] {
        QUndoStack* stack = undoTarget();
        action->setEnabled(stack != nullptr);
        action->setText(stack && !stack->undoText().isEmpty() ? prefix + " " + stack->undoText() : prefix);
    };
    connect(this, &UndoHistory::changed, action, update);
    connect(action, &QAction::triggered, this, &UndoHistory::undo);
    update();
    return action;
}

QAction* UndoHistory::createRedoAction(QObject* parent, const QString& prefix)
{
    auto* action = new QAction(prefix, parent);
    auto update = [this, action, prefix] {
        QUndoStack* stack = redoTarget();
        action->setEnabled(stack != nullptr);
        action->setText(stack && !stack->redoText().isEmpty() ? prefix + " " + stack->redoText() : prefix);
    };
    connect(this, &UndoHistory::changed, action, update);
    connect(action, &QAction::triggered, this, &UndoHistory::redo);
    update();
    return action;
}

} // namespace crosswalk
