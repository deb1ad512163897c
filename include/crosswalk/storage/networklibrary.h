#pragma once

// The network library: maps kept in a PostgreSQL database shared by the districts of a
// network and their facilitator (docs/network-library.md). Who may read and change what is
// enforced by the server (grants and row-level security); this class only words its refusals.

#include "crosswalk/storage/mapstore.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

/// The schema version a library created by this Crosswalk has; a newer one is refused.
inline constexpr int kLibrarySchemaVersion = 3;

/// Whether a workspace argument names a network library (postgresql:// or postgres://)
/// rather than a SQLite file.
bool isLibraryUri(std::string_view text);
/// The URI with any password taken out (user:secret@host -> user@host, password=... dropped
/// from the query): what Crosswalk prints and remembers.
std::string withoutPassword(std::string_view uri);

/// A failure of the network library: what() names the library (its URI without password).
/// sqlState() is the server's SQLSTATE when the server refused ("42501": not allowed).
class LibraryError : public virtual StoreError {
public:
    explicit LibraryError(const std::string& message, std::string sqlState = {})
        : StoreError(message), m_sqlState(std::move(sqlState))
    {
    }
    const std::string& sqlState() const { return m_sqlState; }
    /// The server refused: no privilege, or a row-level security policy.
    bool refused() const { return m_sqlState == "42501"; }

private:
    std::string m_sqlState;
};

/// A commit refused because another client changed the same part of the map first.
class LibraryConflict final : public LibraryError, public CommitConflict {
public:
    explicit LibraryConflict(const std::string& message)
        : StoreError(message), LibraryError(message), CommitConflict(message)
    {
    }
};

/// One committed change as the library records it (for `crosswalk watch` and pollChanges).
struct LibraryChange {
    std::string mapId;
    std::int64_t version = 0;
    ChangeSet changes;
    std::string client; // the committing client's id (NetworkLibrary::clientId())
    std::string role;   // the login role that committed it
};

/// The change as one line of JSON: {"map": id, "version": n, "role": r, "client": c, "changed": {...}}
/// where "changed" names the ids by kind ("steps": [...]) and the map-wide flags ("props": true).
std::string changeToJson(const LibraryChange& change);

/// A MapStore on a PostgreSQL database. version() is the map's version on the server: the
/// number of commits to it by any client. A commit made on an out-of-date map is rebased on
/// the stored map when it touches other entities than the commits it missed, and refused
/// with LibraryConflict when it touches the same ones; the CommitResult's changes then also
/// name what the missed commits touched. pollChanges() delivers others' commits to maps this
/// object loaded, with an empty Batch as the edit: the listener loads the map again (its
/// ChangeSet says which ids changed). Not thread-safe: one object per thread.
class NetworkLibrary final : public MapStore {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Connects to a library made by `crosswalk library init`; refuses a database without
    /// one, or with a newer schema.
    static NetworkLibrary open(const std::string& uri, Mode mode = Mode::ReadWrite);

    /// Creates the library's schema in an empty database (or migrates an older library to
    /// this version, each step one transaction). Refuses a database that holds other tables,
    /// and a library from a newer Crosswalk. Returns what it did, for people.
    static std::string init(const std::string& uri);
    /// Lets an existing login role edit the maps of this district (run by the library's owner).
    static void addDistrict(const std::string& uri, const std::string& district, const std::string& role);
    /// Makes an existing login role a facilitator: reads every shared map, changes none.
    static void addFacilitator(const std::string& uri, const std::string& role);

    NetworkLibrary(NetworkLibrary&&) noexcept;
    NetworkLibrary& operator=(NetworkLibrary&&) noexcept;
    ~NetworkLibrary() override;

    /// Opened read-only, or offline (the server could not be reached at the last try):
    /// changes are refused either way.
    bool readOnly() const override;
    /// Whether the server could not be reached at the last try (no I/O: online() tries).
    bool offline() const;
    /// The URI without its password.
    std::string name() const override;
    /// A fresh id for this connection, recorded with each of its commits.
    const std::string& clientId() const;
    /// The district whose maps the connected role edits; empty for a facilitator or the owner.
    std::string district() const;
    /// Whether the connection to the server is up (reconnecting when it was lost); sets offline().
    bool online();

    std::vector<MapSummary> listMaps() const override;
    bool hasMap(const std::string& mapId) const override;
    Map loadMap(const std::string& mapId) const override;
    void addMap(const Map& map) override;
    void deleteMap(const std::string& mapId) override;
    void restoreMap(const std::string& mapId) override;
    CommitResult commit(Map& map, const Edit& edit) override;
    std::int64_t version(const std::string& mapId) const override;

    /// Shows the map to the network (or hides it again); only its district may.
    void share(const std::string& mapId, bool shared);
    bool isShared(const std::string& mapId) const;

    Revision createRevision(const std::string& mapId, const std::string& name) override;
    std::vector<Revision> listRevisions(const std::string& mapId) const override;
    Map loadRevision(const std::string& revisionId) const override;
    std::string restoreRevision(const std::string& revisionId) override;
    /// Stores a revision with its own id and time (a map pushed from a workspace keeps them).
    void addRevision(const Revision& revision, const Map& map);

    DecisionSet loadDecisions(const std::vector<std::string>& mapIds = {}) const override;
    /// The colours of the readable maps (librarycolors.cpp); a library of schema 2 or older
    /// (not migrated by `library init` yet) keeps them in memory, as MapStore does.
    std::map<std::string, int> districtColors() const override;

    /// Waits until the server notifies a commit (or the timeout passes); true when one came.
    bool waitForChanges(std::chrono::milliseconds timeout);
    std::size_t pollChanges() override;
    /// The committed changes of readable maps after the given versions (map id -> version;
    /// a map not named: after version 0), in version order per map.
    std::vector<LibraryChange> changesAfter(const std::map<std::string, std::int64_t>& versions,
                                            const std::string& mapId = {}) const;
    /// Every readable map's current version.
    std::map<std::string, std::int64_t> versions() const;

    // Sessions (librarysessions.cpp): every member reads them; facilitators change the agenda,
    // timer and settings; a participant's save stores only their own dots, parked questions
    // and notes. A participant sees others' dots only as the tally, once revealed (as rows of
    // the participant "(others)"), unless voting is not anonymous.
    std::vector<SessionSummary> listSessions() const override;
    Session loadSession(const std::string& sessionId) const override;
    std::int64_t sessionVersion(const std::string& sessionId) const override;
    std::int64_t saveSession(const Session& session, std::int64_t expectedVersion) override;
    void deleteSession(const std::string& sessionId) override;
    /// The connected role.
    std::string participantId() const override;

    /// Schema and map check: the problems found (empty when all is well).
    std::vector<std::string> check() const;

protected:
    [[noreturn]] void fail(const std::string& message) const override;
    /// Offline: says so, and that nothing was saved, rather than calling the library read-only.
    std::string readOnlyMessage() const override;
    void writeDecision(const MatchDecision& decision) override;
    void eraseDecision(const MatchDecision& decision) override;
    /// Only the map's own district may set its colour (the server's policy, as for the map).
    void writeDistrictColor(const std::string& mapId, int slot) override;

private:
    struct Impl;
    explicit NetworkLibrary(std::unique_ptr<Impl> impl);
    /// Refuses a change in a read-only library (StoreError) or while the server cannot be
    /// reached (LibraryError saying it is offline); reconnects when it can.
    void requireWritable();
    std::unique_ptr<Impl> m_impl;
};

class Workspace;

/// Copies a map of a store (a workspace file) into the library with its id and its revisions
/// (ids, names and times kept); returns how many revisions. When a revision cannot be stored
/// the map is taken out again, so no map arrives without its history.
std::size_t pushMap(const MapStore& from, const std::string& mapId, NetworkLibrary& to);
/// Copies a map of the library (or any store) into a workspace file with its id and its
/// revisions; returns how many revisions. Refuses a map id the workspace already has.
std::size_t pullMap(const MapStore& from, const std::string& mapId, Workspace& to);

/// Opens a workspace file or a network library URI, for the command line and the app.
std::unique_ptr<MapStore> openStore(const std::string& pathOrUri, bool readOnly);

} // namespace crosswalk
