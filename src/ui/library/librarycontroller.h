#pragma once

#include "crosswalk/demo/maptemplates.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUndoStack>

class QWidget;

namespace crosswalk {

class MapDocument;
class MapStore;

/// The library's commands: new, duplicate and delete map, each undoable on the library's own
/// stack while the workspace is open. The window that owns it opens and closes maps when
/// asked through the signals, which must be connected directly: a map is closed before it
/// is deleted.
class LibraryController final : public QObject {
    Q_OBJECT
public:
    /// dialogParent: the window the questions and the title prompt are shown over.
    explicit LibraryController(QWidget* dialogParent);

    /// The workspace the commands change (nullptr: none); clears the undo stack, which
    /// belongs to the workspace it changed.
    void setWorkspace(MapStore* workspace);
    /// The open map: the one duplicate and delete act on, whose district a new map takes.
    void setDocument(MapDocument* document);
    QUndoStack* undoStack() { return &m_stack; }

    /// Asks for a title and adds a map made from the template (the lanes and phases most
    /// teams begin with, unless a blank map is asked for).
    void newMap(MapTemplate kind = MapTemplate::PrincipalEvaluation);
    void duplicateMap();
    /// Deletes the open map (asking first when it holds steps); undoable.
    void deleteMap();
    /// Asks before an undo on stack that would remove a map holding steps; false to leave it.
    bool confirmUndo(QUndoStack* stack);

signals:
    /// The list of maps changed: the library panel shows it again.
    void mapsChanged();
    void openMapRequested(const QString& mapId);
    /// Close the open map now: it is about to be deleted.
    void closeMapRequested();
    /// The workspace's state changed in a way the window title shows.
    void titleChanged();
    void errorOccurred(const QString& what, const QString& message);
    void statusMessage(const QString& text, int timeoutMs);

private:
    /// Adds (restores) or deletes the map, for the undo commands; false (and a message)
    /// when that cannot be done.
    bool setMapPresent(const QString& mapId, bool present);
    void pushCommand(const QString& mapId, bool added, const QString& text);

    QWidget* m_dialogParent = nullptr;
    MapStore* m_workspace = nullptr;
    QPointer<MapDocument> m_document;
    QUndoStack m_stack;
};

} // namespace crosswalk
