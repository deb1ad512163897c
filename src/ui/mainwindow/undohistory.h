#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QUndoCommand;
class QUndoStack;

namespace crosswalk {

/// One Undo and one Redo for several undo stacks, as if they were one history: Undo takes
/// back the most recent change of any stack, Redo brings back the most recently undone.
/// The main window joins the open map's stack (edits of the map) and the library's stack
/// (new, duplicate and delete map), so that Ctrl+Z after deleting a map brings it back,
/// and the edits made since in another map are undone first.
class UndoHistory final : public QObject {
    Q_OBJECT
  public:
    explicit UndoHistory(QObject* parent = nullptr);

    /// Follows the stack from now on; its existing commands count as older than any
    /// change made after this call. A stack is forgotten when destroyed or removed.
    void addStack(QUndoStack* stack);
    void removeStack(QUndoStack* stack);

    /// The stack whose change Undo (Redo) would take back (bring back), or nullptr.
    QUndoStack* undoTarget() const;
    QUndoStack* redoTarget() const;

    void undo();
    void redo();
    /// Asked before each Undo with the stack it would act on; false leaves it undone.
    void setConfirmUndo(std::function<bool(QUndoStack*)> confirm) { m_confirmUndo = std::move(confirm); }

    /// Actions that stay in step with the history (enabled state and text).
    QAction* createUndoAction(QObject* parent, const QString& prefix);
    QAction* createRedoAction(QObject* parent, const QString& prefix);

  signals:
    void changed();

  private:
    struct Tracked {
        QPointer<QUndoStack> stack;
        int index = 0;
    };
    void indexChanged(QUndoStack* stack, int index);

    QList<Tracked> m_stacks;
    // When each command was last done (for Undo) or undone (for Redo); later is larger.
    QHash<const QUndoCommand*, quint64> m_doneAt;
    QHash<const QUndoCommand*, quint64> m_undoneAt;
    quint64 m_clock = 0;
    std::function<bool(QUndoStack*)> m_confirmUndo;
};

} // namespace crosswalk
