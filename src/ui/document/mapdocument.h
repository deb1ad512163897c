#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"
#include "crosswalk/storage/mapstore.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

namespace crosswalk {

/// One open map: the model value, its store and its undo stack. Every change goes
/// through push(), which commits it to the store before anything is shown.
class MapDocument final : public QObject {
    Q_OBJECT
public:
    MapDocument(MapStore& store, Map map, QObject* parent = nullptr);

    const Map& map() const { return m_map; }
    MapStore& store() { return m_store; }
    QUndoStack* undoStack() { return &m_undoStack; }
    bool readOnly() const { return m_store.readOnly(); }

    /// Applies and commits the edit and puts it on the undo stack. On failure nothing
    /// changes, errorOccurred() is emitted and false is returned.
    bool push(const Edit& edit);
    /// Like push(), with a text for the undo menu other than describe(edit).
    bool push(const Edit& edit, const QString& text);
    /// Applies and commits the edit as part of the most recent undo step (which must be one of
    /// this document's edits, not undone): adding a step and typing its label is one undo.
    /// Falls back to push() when there is no such step. False on failure, as push().
    bool amendLast(const Edit& edit);
    /// Stores the session timer's state (started, paused, time left) at once, without an
    /// undo step: the countdown ticking is not a change a person undoes. Setting the session
    /// length is a change, pushed as SetSessionTimer. Returns false (and reports) on failure.
    bool storeSessionTimer(const SessionTimer& timer);
    /// Takes in edits others committed to this map (a shared store's pollChanges()): the map
    /// is loaded again and changed() names what they touched. The undo stack stays: an undo
    /// commits this window's own inverse through the store, on top of their edits.
    void catchUp(const ChangeSet& changes);
    /// Loads the map again from the store, refreshing everything (back from offline).
    void reload();
    /// What a person typed for the next edit (a label, a name): should the store refuse that
    /// edit (a library gone offline, a workspace whose side files were deleted), the text goes
    /// on the clipboard and the message says so, so that nothing typed is lost. Cleared by
    /// the next push, refused or not.
    void setTypedText(const QString& text) { m_typedText = text; }

signals:
    /// After every applied edit, undo and redo, with exactly what changed.
    void changed(const crosswalk::ChangeSet& changes);
    void errorOccurred(const QString& message);

private:
    friend class EditCommand;
    /// Applies and commits; returns the inverse, or nothing after reporting the error.
    std::optional<Edit> commit(const Edit& edit);

    /// The message for a refused commit, with the typed text kept on the clipboard.
    QString refusal(const QString& message);

    MapStore& m_store;
    Map m_map;
    QUndoStack m_undoStack;
    QString m_typedText;
};

} // namespace crosswalk
