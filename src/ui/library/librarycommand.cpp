#include "ui/library/librarycommand.h"

namespace crosswalk {

LibraryCommand::LibraryCommand(std::function<bool(const QString&, bool)> setPresent, QString mapId, bool added,
                               const QString& text)
    : QUndoCommand(text), m_setPresent(std::move(setPresent)), m_mapId(std::move(mapId)), m_added(added)
{
}

void LibraryCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    // A change that can no longer be made (the map was removed for good, or its id
    // now names another map) leaves the history rather than act on the wrong map.
    setObsolete(!m_setPresent(m_mapId, m_added));
}

void LibraryCommand::undo()
{
    setObsolete(!m_setPresent(m_mapId, !m_added));
}

} // namespace crosswalk
