// Sessions in the workspace's sessions table: one row per session, its JSON form in `body`
// and the columns the session list needs beside it. `version` grows with every save; a save
// from an older version (another window or program saved first) is refused with
// WorkspaceConflict, like a map's commit.

#include "workspaceimpl.h"
#include "workspacefiles.h"

#include <stdexcept>

namespace crosswalk {

using storage::quoted;
using storage::SqliteError;
using storage::Statement;
using storage::Transaction;

namespace {

/// A schema-3 file opened read-only has no sessions table: it holds no sessions.
bool hasSessionsTable(sqlite3* db)
{
    Statement s(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sessions'");
    return s.step();
}

} // namespace

std::vector<SessionSummary> Workspace::listSessions() const
{
    return m_impl->consistently([&] {
        try {
            std::vector<SessionSummary> sessions;
            if (!hasSessionsTable(m_impl->db))
                return sessions;
            Statement s(m_impl->db, "SELECT id, title, date FROM sessions");
            while (s.step())
                sessions.push_back({s.text(0), s.text(1), s.text(2)});
            sortSessions(sessions);
            return sessions;
        } catch (const SqliteError& e) {
            throw m_impl->error(e, "list the sessions");
        }
    });
}

Session Workspace::loadSession(const std::string& sessionId) const
{
    const std::string body = m_impl->consistently([&] {
        try {
            if (!hasSessionsTable(m_impl->db))
                throw WorkspaceError("no session " + quoted(sessionId) + " in " + m_impl->path);
            Statement s(m_impl->db, "SELECT body FROM sessions WHERE id = ?1");
            s.bind(1, sessionId);
            if (!s.step())
                throw WorkspaceError("no session " + quoted(sessionId) + " in " + m_impl->path);
            return s.text(0);
        } catch (const SqliteError& e) {
            throw m_impl->error(e, "load session " + quoted(sessionId));
        }
    });
    try {
        Session session = parseSessionJson(body);
        if (session.id != sessionId)
            throw std::invalid_argument("it holds session " + quoted(session.id));
        return session;
    } catch (const std::exception& e) {
        throw WorkspaceError("session " + quoted(sessionId) + " in " + m_impl->path + " cannot be read: " + e.what());
    }
}

std::int64_t Workspace::sessionVersion(const std::string& sessionId) const
{
    return m_impl->consistently([&]() -> std::int64_t {
        try {
            if (!hasSessionsTable(m_impl->db))
                return 0;
            Statement s(m_impl->db, "SELECT version FROM sessions WHERE id = ?1");
            s.bind(1, sessionId);
            return s.step() ? s.int64(0) : 0;
        } catch (const SqliteError& e) {
            throw m_impl->error(e, "look up session " + quoted(sessionId));
        }
    });
}

std::int64_t Workspace::saveSession(const Session& session, std::int64_t expectedVersion)
{
    m_impl->requireWritable();
    requireValidSession(session);
    const std::string body = sessionToJson(session);
    try {
        Transaction tx(m_impl->db);
        std::int64_t stored = 0;
        {
            Statement s(m_impl->db, "SELECT version FROM sessions WHERE id = ?1");
            s.bind(1, session.id);
            if (s.step())
                stored = s.int64(0);
        }
        if (expectedVersion == 0 && stored != 0)
            throw WorkspaceError("a session with id " + quoted(session.id) + " is already in " + m_impl->path);
        if (expectedVersion != 0 && stored == 0)
            throw WorkspaceError("no session " + quoted(session.id) + " in " + m_impl->path +
                                 " (it was deleted meanwhile)");
        if (stored != expectedVersion)
            throw WorkspaceConflict("session " + quoted(session.title) + " was changed in " + m_impl->path +
                                    " by another window or program; load it again, then redo the change");
        const std::int64_t next = stored + 1;
        Statement s(m_impl->db, "INSERT INTO sessions (id, title, date, version, body) VALUES (?1, ?2, ?3, ?4, ?5) "
                                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, date = excluded.date, "
                                "version = excluded.version, body = excluded.body");
        s.bind(1, session.id).bind(2, session.title).bind(3, session.date).bind(4, next).bind(5, body).run();
        tx.commit();
        return next;
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "save session " + quoted(session.id));
    }
}

void Workspace::deleteSession(const std::string& sessionId)
{
    m_impl->requireWritable();
    try {
        Transaction tx(m_impl->db);
        Statement s(m_impl->db, "DELETE FROM sessions WHERE id = ?1");
        s.bind(1, sessionId).run();
        if (sqlite3_changes(m_impl->db) == 0)
            throw WorkspaceError("no session " + quoted(sessionId) + " in " + m_impl->path);
        tx.commit();
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "delete session " + quoted(sessionId));
    }
}

} // namespace crosswalk
