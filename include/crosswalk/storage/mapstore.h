#pragma once

// Where a map's edits are committed. The UI and the command line work against MapStore;
// Workspace (one SQLite file) and MemoryStore (values in memory) implement it, and a
// server-backed store (a network library) is meant to: see docs/architecture.md, "The store interface".

#include "crosswalk/compare/decisionset.h"
#include "crosswalk/edit/edit.h"
#include "crosswalk/facilitation/session.h"
#include "crosswalk/model/map.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace crosswalk {

/// Any failure of a store: what() says what is wrong in words a person can act on, and
/// names the store (its file or address).
class StoreError : public std::runtime_error {
public:
    explicit StoreError(const std::string& message) : std::runtime_error(message) {}
};

/// A commit refused because the map changed in the store since the caller loaded it
/// (another client, window or program committed first). Nothing was written, and the
/// caller's map is as it was: load the map again, then redo the change. A Workspace
/// detects a commit made through another connection to its file; two documents of one
/// map on the same Workspace object are not told apart (the app opens each map once).
/// StoreError is a virtual base so that a store's own error type can be both
/// (see WorkspaceConflict) and existing handlers of either still catch it.
class CommitConflict : public virtual StoreError {
public:
    explicit CommitConflict(const std::string& message) : StoreError(message) {}
};

/// One line of the map library.
struct MapSummary {
    std::string id;
    std::string district;
    std::string title;
    int steps = 0;
    bool operator==(const MapSummary&) const = default;
};

/// What a commit did: the edit's exact inverse, the ids it touched, and the map's version
/// after it.
struct CommitResult {
    Edit inverse;
    ChangeSet changes;
    std::int64_t version = 0;
};

/// A store of maps, their revisions and the match decisions between them. Every commit is
/// durable when it returns (there is no Save); a read-only store refuses every change with
/// StoreError and leaves the caller's values as they were.
class MapStore {
public:
    /// An edit committed by someone else (another client of a shared store).
    using ChangeListener = std::function<void(const std::string& mapId, const Edit& edit, const ChangeSet& changes,
                                              std::int64_t version)>;

    virtual ~MapStore();

    virtual bool readOnly() const = 0;
    /// The store for messages: a file path or a URI.
    virtual std::string name() const = 0;

    /// Maps sorted by district, then title (case-insensitively first), then id.
    virtual std::vector<MapSummary> listMaps() const = 0;
    virtual bool hasMap(const std::string& mapId) const = 0;
    /// Throws StoreError when there is no such map.
    virtual Map loadMap(const std::string& mapId) const = 0;
    /// Finds a map by id, else by exact title; throws StoreError naming the ref when there
    /// is none, or when the title is ambiguous.
    virtual std::string resolveMap(const std::string& ref) const;

    /// Stores a new map (its id must be free).
    virtual void addMap(const Map& map) = 0;
    /// Deletes a map: from now on no call of this store sees it, but it is kept, with its
    /// revisions and decisions, until restoreMap() brings it back or the store lets it go
    /// (a Workspace when it is next opened for writing).
    virtual void deleteMap(const std::string& mapId) = 0;
    /// Brings back a map deleted through this store.
    virtual void restoreMap(const std::string& mapId) = 0;

    /// Applies the edit to map, which must be the state of a map of this store as last
    /// loaded or committed by the caller, and stores the change. On any failure map is left
    /// as it was: EditError when the edit does not fit, CommitConflict when the stored map
    /// changed meanwhile, StoreError (or a subclass) when it cannot be written.
    virtual CommitResult commit(Map& map, const Edit& edit) = 0;
    /// commit(), for callers that want the inverse; the ids touched are added to *changes.
    Edit applyEdit(Map& map, const Edit& edit, ChangeSet* changes = nullptr);
    /// Stores the session timer's state at once (a countdown tick is not an undo step). The
    /// default commits SetSessionTimer; a shared store may keep timers apart from versions.
    virtual CommitResult storeSessionTimer(Map& map, const SessionTimer& timer);
    /// The map's version in the store: it grows with every commit. What it counts depends on
    /// the store: see each implementation. 0 for a map never committed to.
    virtual std::int64_t version(const std::string& mapId) const = 0;

    /// Snapshots the stored map under a name.
    virtual Revision createRevision(const std::string& mapId, const std::string& name) = 0;
    /// Newest first.
    virtual std::vector<Revision> listRevisions(const std::string& mapId) const = 0;
    virtual Map loadRevision(const std::string& revisionId) const = 0;
    /// Adds the revision's map as a new map (new map id, title marked) and returns its id.
    virtual std::string restoreRevision(const std::string& revisionId) = 0;

    /// The match decisions between any two of the given maps (all when mapIds is empty);
    /// a deleted map's decisions are not seen.
    virtual DecisionSet loadDecisions(const std::vector<std::string>& mapIds = {}) const = 0;
    /// Stores a decision with the replacement rules of DecisionSet::set(). Throws StoreError
    /// for a read-only store, a map that is not in it, the same map on both sides, or an
    /// empty entity.
    void storeDecision(const MatchDecision& decision);
    /// Removes the decision on these two entities (either orientation); nothing when there is none.
    void clearDecision(const std::string& mapA, const std::string& mapB, DecisionKind kind, const std::string& a,
                       const std::string& b);

    /// Calls listener for every edit committed to this store by someone else, when
    /// pollChanges() finds it. Returns a handle for unsubscribe().
    std::size_t subscribe(ChangeListener listener);
    void unsubscribe(std::size_t handle);
    /// Delivers the edits others committed since the last poll to the subscribers, and
    /// returns how many. The UI calls it now and then (on a timer, on focus). Workspace and
    /// MemoryStore deliver nothing: a Workspace notices another program's commit only when
    /// it commits (and refuses with CommitConflict), and a MemoryStore has one client.
    virtual std::size_t pollChanges();

    /// The colour each map's district keeps in every comparison view and report: a slot of the
    /// comparison palette (0 to 7), by map id, for the maps that have one. The default keeps
    /// them in memory for the store's life; a Workspace stores them in its file.
    virtual std::map<std::string, int> districtColors() const;
    /// Stores a map's colour slot. Throws StoreError for a read-only store, a map that is not
    /// in it or a slot outside 0 to 7.
    void storeDistrictColor(const std::string& mapId, int slot);

    // Sessions (crosswalk/facilitation/session.h), stored next to the maps. A store that
    // holds none lists none and refuses to save one.

    /// Sorted by date (newest first), then title, then id.
    virtual std::vector<SessionSummary> listSessions() const;
    /// Throws StoreError when there is no such session.
    virtual Session loadSession(const std::string& sessionId) const;
    /// Finds a session by id, else by exact title; StoreError naming the ref when there is
    /// none or the title is ambiguous.
    std::string resolveSession(const std::string& ref) const;
    /// The session's version: it grows with every save; 0 when there is no such session.
    virtual std::int64_t sessionVersion(const std::string& sessionId) const;
    /// Stores a session and returns its new version. expectedVersion 0 adds a new session
    /// (its id must be free); otherwise it is the version the caller loaded, and a session
    /// saved by someone else since is refused with CommitConflict (nothing written).
    /// A session that validateSession() rejects, or whose agenda names a map that is not in
    /// this store, is refused with StoreError naming the problem.
    virtual std::int64_t saveSession(const Session& session, std::int64_t expectedVersion);
    virtual void deleteSession(const std::string& sessionId);
    /// Loads the session, applies change and saves, again on the fresh session when someone
    /// else saved first (as a map's commit is rebased); returns the session as stored.
    /// Exceptions of change (a vote over the limit) pass through with nothing stored.
    Session updateSession(const std::string& sessionId, const std::function<void(Session&)>& change);
    /// Starts a session: a revision of each agenda map ("Start of <title>"), so that the
    /// record can say what changed; the first item current. A session started before keeps its
    /// revisions (resuming after a restart does not move the "before").
    Session startSession(const std::string& sessionId);
    /// Ends a session: the time it ended, no item current, the timer stopped.
    Session endSession(const std::string& sessionId);
    /// The viewer's own identity in this store (a network library's user); "" for a local file.
    virtual std::string participantId() const;

protected:
    MapStore() = default;
    MapStore(const MapStore&) = default;
    MapStore(MapStore&&) = default;
    MapStore& operator=(const MapStore&) = default;
    MapStore& operator=(MapStore&&) = default;

    /// For pollChanges() of a shared store: tells every subscriber.
    void notify(const std::string& mapId, const Edit& edit, const ChangeSet& changes, std::int64_t version) const;
    /// The message of a refused change in a read-only store (a network library that cannot
    /// reach its server says that it is offline instead).
    virtual std::string readOnlyMessage() const;
    /// Throws the store's own error type (StoreError unless overridden) with this message.
    [[noreturn]] virtual void fail(const std::string& message) const;

    /// For saveSession(): fails with the session's first problems (validateSession, and
    /// agenda maps that are not in this store).
    void requireValidSession(const Session& session) const;
    /// Sorts session summaries as listSessions() promises.
    static void sortSessions(std::vector<SessionSummary>& sessions);

    virtual void writeDecision(const MatchDecision& decision) = 0;
    virtual void eraseDecision(const MatchDecision& decision) = 0;
    /// Writes a checked colour slot; the default keeps it in memory.
    virtual void writeDistrictColor(const std::string& mapId, int slot);

private:
    std::map<std::string, int> m_districtColors;
    std::map<std::size_t, ChangeListener> m_listeners;
    std::size_t m_nextListener = 1;
};

} // namespace crosswalk
