// Sessions in the network library (issue 17). The server decides who may do what
// (libraryschema.cpp, migration 2); this file splits a session into what the facilitator
// stores (the document: agenda, timer, settings, parking lot, notes) and each participant's
// own dots, and puts a participant's parked questions and notes in through the server's
// session_add_entry(), which stamps them with the participant.

#include "libraryimpl.h"

#include "../workspacefiles.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <tuple>

namespace crosswalk {

using storage::PgConnection;
using storage::PgResult;
using storage::quoted;

namespace {

constexpr const char* kOthers = "(others)";

/// The session without votes: what the sessions table's doc holds.
Session documentOf(Session session)
{
    session.votes.clear();
    return session;
}

bool hasSessionsTable(PgConnection& conn)
{
    return conn.exec("SELECT to_regclass('crosswalk.sessions') IS NOT NULL").boolean(0, 0);
}

/// Facilitators and the library's owner run sessions; everyone else takes part.
bool runsSessions(PgConnection& conn)
{
    return conn
        .exec("SELECT crosswalk.is_facilitator(current_user) OR pg_has_role(current_user, "
              "(SELECT nspowner FROM pg_namespace WHERE nspname = 'crosswalk'), 'USAGE')")
        .boolean(0, 0);
}

std::string entryJson(const SessionParkingItem& p)
{
    return nlohmann::json{{"id", p.id}, {"text", p.text}, {"created", p.createdAt}, {"done", p.done}}.dump();
}

std::string entryJson(const SessionNote& n)
{
    return nlohmann::json{{"id", n.id},       {"text", n.text},   {"map", n.mapId},        {"step", n.stepId},
                          {"color", n.color}, {"created", n.createdAt}}
        .dump();
}

} // namespace

std::string NetworkLibrary::participantId() const
{
    return m_impl->connection().role();
}

std::vector<SessionSummary> NetworkLibrary::listSessions() const
{
    PgConnection& conn = m_impl->connection();
    std::vector<SessionSummary> sessions;
    if (!hasSessionsTable(conn))
        return sessions;
    const PgResult r = conn.exec("SELECT id, title, date FROM crosswalk.sessions");
    for (int i = 0; i < r.rows(); ++i)
        sessions.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2)});
    sortSessions(sessions);
    return sessions;
}

std::int64_t NetworkLibrary::sessionVersion(const std::string& sessionId) const
{
    PgConnection& conn = m_impl->connection();
    if (!hasSessionsTable(conn))
        return 0;
    const PgResult r = conn.exec("SELECT version FROM crosswalk.sessions WHERE id = $1", {sessionId});
    return r.rows() ? r.integer(0, 0) : 0;
}

Session NetworkLibrary::loadSession(const std::string& sessionId) const
{
    PgConnection& conn = m_impl->connection();
    if (!hasSessionsTable(conn))
        fail("no session " + quoted(sessionId) + " in " + name());
    const PgResult r = conn.exec("SELECT doc FROM crosswalk.sessions WHERE id = $1", {sessionId});
    if (r.rows() == 0)
        fail("no session " + quoted(sessionId) + " in " + name());
    Session session;
    try {
        session = parseSessionJson(r.text(0, 0));
    } catch (const std::exception& e) {
        fail("session " + quoted(sessionId) + " in " + name() + " cannot be read: " + e.what());
    }
    // The rows this role may see: its own, or everyone's (a facilitator; revealed open voting).
    const PgResult votes = conn.exec("SELECT participant, map_id, step, count FROM crosswalk.session_votes "
                                     "WHERE session_id = $1 ORDER BY participant, map_id, step",
                                     {sessionId});
    const std::string me = conn.role();
    for (int i = 0; i < votes.rows(); ++i) {
        session.votes.push_back(
            {votes.text(i, 0), votes.text(i, 1), votes.text(i, 2), static_cast<int>(votes.integer(i, 3))});
    }
    // Revealed but anonymous: the others' dots as a tally without names.
    if (session.voteSettings.revealed && session.voteSettings.anonymous && !runsSessions(conn)) {
        const PgResult tally = conn.exec("SELECT map_id, step, votes FROM crosswalk.session_tally($1)", {sessionId});
        for (int i = 0; i < tally.rows(); ++i) {
            int mine = 0;
            for (const SessionVote& v : session.votes)
                if (v.participant == me && v.mapId == tally.text(i, 0) && v.stepId == tally.text(i, 1))
                    mine = v.count;
            const int others = static_cast<int>(tally.integer(i, 2)) - mine;
            if (others > 0)
                session.votes.push_back({kOthers, tally.text(i, 0), tally.text(i, 1), others});
        }
    }
    return session;
}

std::int64_t NetworkLibrary::saveSession(const Session& session, std::int64_t expectedVersion)
{
    if (readOnly())
        fail(readOnlyMessage());
    PgConnection& conn = m_impl->connection();
    if (!hasSessionsTable(conn))
        fail(name() + " is a network library of an older schema without sessions; its owner upgrades it with "
                      "`crosswalk library init URI`");
    const std::string me = conn.role();
    const bool facilitator = runsSessions(conn);
    // Only this role's own dots are stored from here; the rest are others' rows (or a tally).
    Session mine = session;
    std::erase_if(mine.votes, [&](const SessionVote& v) { return v.participant != me; });
    if (facilitator) {
        requireValidSession(mine);
    } else {
        // A participant changes no agenda: the maps it names need not be readable here.
        const std::vector<std::string> problems = validateSession(mine);
        if (!problems.empty())
            fail("session " + quoted(session.id) + " cannot be saved in " + name() + ": " + problems.front());
    }
    const Session document = documentOf(mine);
    return storage::inTransaction(conn, [&]() -> std::int64_t {
        std::vector<SessionVote> storedMine;
        if (expectedVersion == 0) {
            if (!facilitator)
                throw LibraryError("only a facilitator of " + name() + " may create a session; role " + me +
                                       " takes part in them",
                                   "42501");
            if (conn.exec("SELECT 1 FROM crosswalk.sessions WHERE id = $1", {session.id}).rows())
                throw LibraryError("a session with id " + quoted(session.id) + " is already in " + name());
            conn.exec("INSERT INTO crosswalk.sessions (id, title, date, doc, votes_per_participant, revealed, "
                      "anonymous) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                      {session.id, session.title, session.date, sessionToJson(document),
                       std::to_string(session.voteSettings.votesPerParticipant),
                       session.voteSettings.revealed ? "true" : "false",
                       session.voteSettings.anonymous ? "true" : "false"});
        } else {
            const PgResult r =
                conn.exec("SELECT doc, version FROM crosswalk.sessions WHERE id = $1", {session.id});
            if (r.rows() == 0)
                throw LibraryError("no session " + quoted(session.id) + " in " + name() + " (it was deleted meanwhile)");
            if (r.integer(0, 1) != expectedVersion)
                throw LibraryConflict("session " + quoted(session.title) + " was changed in " + name() +
                                      " since it was loaded; load it again, then redo the change");
            const Session stored = parseSessionJson(r.text(0, 0));
            if (facilitator) {
                const PgResult u = conn.exec(
                    "UPDATE crosswalk.sessions SET title = $2, date = $3, doc = $4, votes_per_participant = $5, "
                    "revealed = $6, anonymous = $7, version = version + 1 WHERE id = $1 AND version = $8",
                    {session.id, session.title, session.date, sessionToJson(document),
                     std::to_string(session.voteSettings.votesPerParticipant),
                     session.voteSettings.revealed ? "true" : "false", session.voteSettings.anonymous ? "true" : "false",
                     std::to_string(expectedVersion)});
                if (u.affected() == 0)
                    throw LibraryConflict("session " + quoted(session.title) + " was changed in " + name() +
                                          " meanwhile; load it again, then redo the change");
            } else {
                // A participant adds parked questions and notes, nothing else of the document.
                std::set<std::string> known;
                for (const SessionParkingItem& p : stored.parkingLot)
                    known.insert(p.id);
                for (const SessionNote& n : stored.notes)
                    known.insert(n.id);
                Session same = document;
                std::erase_if(same.parkingLot, [&](const SessionParkingItem& p) { return !known.count(p.id); });
                std::erase_if(same.notes, [&](const SessionNote& n) { return !known.count(n.id); });
                if (!(same == stored))
                    throw LibraryError("only a facilitator of " + name() +
                                           " may change a session's agenda, timer, settings or what others wrote; "
                                           "role " + me + " adds parked questions, notes and its own dots",
                                       "42501");
                for (const SessionParkingItem& p : document.parkingLot)
                    if (!known.count(p.id))
                        conn.exec("SELECT crosswalk.session_add_entry($1, 'parking_lot', $2)", {session.id, entryJson(p)});
                for (const SessionNote& n : document.notes)
                    if (!known.count(n.id))
                        conn.exec("SELECT crosswalk.session_add_entry($1, 'notes', $2)", {session.id, entryJson(n)});
            }
            const PgResult own = conn.exec("SELECT participant, map_id, step, count FROM crosswalk.session_votes "
                                           "WHERE session_id = $1 AND participant = current_user ORDER BY map_id, step",
                                           {session.id});
            for (int i = 0; i < own.rows(); ++i)
                storedMine.push_back({own.text(i, 0), own.text(i, 1), own.text(i, 2), static_cast<int>(own.integer(i, 3))});
        }
        // This role's dots: rewritten only when they changed (each change counts in the version).
        std::vector<SessionVote> wanted = mine.votes;
        auto order = [](const SessionVote& a, const SessionVote& b) {
            return std::tie(a.mapId, a.stepId) < std::tie(b.mapId, b.stepId);
        };
        std::sort(wanted.begin(), wanted.end(), order);
        if (wanted != storedMine) {
            // Fewer first, so that moving a dot never passes the limit on the way.
            conn.exec("DELETE FROM crosswalk.session_votes WHERE session_id = $1 AND participant = current_user",
                      {session.id});
            for (const SessionVote& v : wanted)
                conn.exec("INSERT INTO crosswalk.session_votes (session_id, map_id, step, count) "
                          "VALUES ($1, $2, $3, $4)",
                          {session.id, v.mapId, v.stepId, std::to_string(v.count)});
        }
        return conn.exec("SELECT version FROM crosswalk.sessions WHERE id = $1", {session.id}).integer(0, 0);
    });
}

void NetworkLibrary::deleteSession(const std::string& sessionId)
{
    if (readOnly())
        fail(readOnlyMessage());
    PgConnection& conn = m_impl->connection();
    if (!hasSessionsTable(conn))
        fail("no session " + quoted(sessionId) + " in " + name());
    long long deleted = 0;
    try {
        deleted = conn.exec("DELETE FROM crosswalk.sessions WHERE id = $1", {sessionId}).affected();
    } catch (const LibraryError& e) {
        if (e.refused())
            throw LibraryError("only a facilitator of " + name() + " may delete a session; role " + conn.role() +
                                   " takes part in them",
                               e.sqlState());
        throw;
    }
    if (deleted == 0)
        fail("no session " + quoted(sessionId) + " in " + name() + " (or role " + conn.role() +
             " is not a facilitator, who alone may delete one)");
}

} // namespace crosswalk
