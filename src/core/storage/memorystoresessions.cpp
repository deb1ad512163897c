// MemoryStore's sessions: values with a version each, refused like a map's stale commit.

#include "crosswalk/storage/memorystore.h"

#include "workspacefiles.h"

namespace crosswalk {

using storage::quoted;

std::vector<SessionSummary> MemoryStore::listSessions() const
{
    std::vector<SessionSummary> list;
    for (const auto& [id, stored] : m_sessions)
        list.push_back({id, stored.session.title, stored.session.date});
    sortSessions(list);
    return list;
}

Session MemoryStore::loadSession(const std::string& sessionId) const
{
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end())
        fail("no session " + quoted(sessionId) + " in " + m_name);
    return it->second.session;
}

std::int64_t MemoryStore::sessionVersion(const std::string& sessionId) const
{
    const auto it = m_sessions.find(sessionId);
    return it == m_sessions.end() ? 0 : it->second.version;
}

std::int64_t MemoryStore::saveSession(const Session& session, std::int64_t expectedVersion)
{
    requireWritable();
    requireValidSession(session);
    const std::int64_t stored = sessionVersion(session.id);
    if (expectedVersion == 0 && stored != 0)
        fail("a session with id " + quoted(session.id) + " is already in " + m_name);
    if (expectedVersion != 0 && stored == 0)
        fail("no session " + quoted(session.id) + " in " + m_name + " (it was deleted meanwhile)");
    if (stored != expectedVersion)
        throw CommitConflict("session " + quoted(session.title) + " was changed in " + m_name +
                             " since it was loaded; load it again, then redo the change");
    m_sessions[session.id] = {session, stored + 1};
    return stored + 1;
}

void MemoryStore::deleteSession(const std::string& sessionId)
{
    requireWritable();
    if (!m_sessions.erase(sessionId))
        fail("no session " + quoted(sessionId) + " in " + m_name);
}

} // namespace crosswalk
