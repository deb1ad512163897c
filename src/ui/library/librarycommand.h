#pragma once

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace crosswalk {

/// A change to the workspace's list of maps. The change is made before the command is
/// pushed (so that a failure pushes nothing); undo and redo then add or delete the map.
class LibraryCommand final : public QUndoCommand {
public:
    /// setPresent(mapId, present) adds (restores) or deletes the map; false when it cannot.
    LibraryCommand(std::function<bool(const QString&, bool)> setPresent, QString mapId, bool added,
                   const QString& text);

    const QString& mapId() const { return m_mapId; }
    /// Whether undo removes the map (the command added it).
    bool undoRemoves() const { return m_added; }
    void redo() override;
    void undo() override;

private:
    std::function<bool(const QString&, bool)> m_setPresent;
    QString m_mapId;
    bool m_added = false;
    bool m_first = true;
};

} // namespace crosswalk
