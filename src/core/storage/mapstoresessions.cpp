// MapStore's session calls that every store shares: resolving a reference, the update loop
// that re-applies a change over someone else's save, and the defaults of a store without
// sessions.

#include "crosswalk/storage/mapstore.h"

#include "workspacefiles.h"

#include <algorithm>

namespace crosswalk {

namespace {

std::string quotedRef(const std::string& text)
{
    return "\"" + text + "\"";
}

constexpr int kSessionSaveAttempts = 8;

} // namespace

std::vector<SessionSummary> MapStore::listSessions() const
{
    return {};
}

Session MapStore::loadSession(const std::string& sessionId) const
{
    fail("no session " + quotedRef(sessionId) + " in " + name());
    return {}; // fail() throws (a virtual call is not known to)
}

std::int64_t MapStore::sessionVersion(const std::string&) const
{
    return 0;
}

std::int64_t MapStore::saveSession(const Session&, std::int64_t)
{
    fail(name() + " cannot hold sessions");
    return 0; // fail() throws
}

void MapStore::deleteSession(const std::string& sessionId)
{
    fail("no session " + quotedRef(sessionId) + " in " + name());
}

std::string MapStore::participantId() const
{
    return {};
}

std::string MapStore::resolveSession(const std::string& ref) const
{
    std::vector<std::string> ids;
    for (const SessionSummary& summary : listSessions()) {
        if (summary.id == ref)
            return ref;
        if (summary.title == ref)
            ids.push_back(summary.id);
    }
    std::sort(ids.begin(), ids.end());
    if (ids.empty())
        fail("no session with id or title " + quotedRef(ref) + " in " + name());
    if (ids.size() > 1) {
        std::string list;
        for (const std::string& id : ids)
            list += (list.empty() ? "" : ", ") + id;
        fail("the title " + quotedRef(ref) + " matches " + std::to_string(ids.size()) + " sessions in " + name() +
             " (" + list + "); use a session id");
    }
    return ids.front();
}

Session MapStore::updateSession(const std::string& sessionId, const std::function<void(Session&)>& change)
{
    for (int attempt = 1;; ++attempt) {
        const std::int64_t version = sessionVersion(sessionId);
        Session session = loadSession(sessionId);
        change(session);
        try {
            saveSession(session, version);
            return session;
        } catch (const CommitConflict&) {
            if (attempt >= kSessionSaveAttempts)
                throw;
        }
    }
}

Session MapStore::startSession(const std::string& sessionId)
{
    const Session before = loadSession(sessionId);
    std::map<std::string, std::string> revisions = before.startRevisions;
    for (const std::string& mapId : before.agendaMaps())
        if (!revisions.count(mapId) && hasMap(mapId)) {
            try {
                revisions[mapId] = createRevision(mapId, "Start of " + before.title).id;
            } catch (const StoreError&) {
                // Another district's map in a network library (a facilitator takes no
                // revisions of it): the record says its changes are not known.
            }
        }
    return updateSession(sessionId, [&](Session& s) {
        for (const auto& [map, revision] : revisions)
            s.startRevisions.emplace(map, revision);
        if (s.startedAt.empty())
            s.startedAt = storage::nowIso();
        s.endedAt.clear();
        if (s.currentItem < 0 && !s.agenda.empty())
            s.currentItem = 0;
    });
}

Session MapStore::endSession(const std::string& sessionId)
{
    return updateSession(sessionId, [&](Session& s) {
        s.endedAt = storage::nowIso();
        s.currentItem = -1;
        const SessionTimer now = sessionTimerAt(s.timer, unixNowMs());
        s.timer = SessionTimerState{now.durationSeconds, now.remainingSeconds, false, 0};
    });
}

void MapStore::requireValidSession(const Session& session) const
{
    const std::vector<std::string> problems =
        validateSession(session, [this](const std::string& mapId) { return hasMap(mapId); });
    if (problems.empty())
        return;
    std::string all = "session " + quotedRef(session.id) + " cannot be saved in " + name() + ":";
    for (const std::string& p : problems)
        all += "\n  " + p;
    fail(all);
}

void MapStore::sortSessions(std::vector<SessionSummary>& sessions)
{
    std::sort(sessions.begin(), sessions.end(), [](const SessionSummary& a, const SessionSummary& b) {
        if (a.date != b.date)
            return a.date > b.date;
        if (a.title != b.title)
            return a.title < b.title;
        return a.id < b.id;
    });
}

} // namespace crosswalk
