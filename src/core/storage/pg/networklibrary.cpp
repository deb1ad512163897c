// The network library: maps, commits and their rebasing. Every permission is the server's
// (libraryschema.cpp); this file turns its refusals into messages a district team can act on.

#include "libraryimpl.h"
#include "libraryschema.h"

#include "../modelproblems.h"
#include "../storecommon.h"
#include "../workspacefiles.h"

#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"
#include "crosswalk/storage/workspace.h"

#include <algorithm>

namespace crosswalk {

using storage::PgConnection;
using storage::PgResult;
using storage::quoted;

NetworkLibrary::Impl::Impl(const std::string& u, bool ro) : uri(u), conn(u), readOnly(ro), clientId(newId("c-"))
{
    storage::requireLibrary(conn);
    const auto setUp = [this] {
        conn.exec("LISTEN crosswalk");
        if (readOnly)
            conn.exec("SET default_transaction_read_only = on");
    };
    setUp();
    conn.onReconnect(setUp);
    const PgResult r = conn.exec("SELECT crosswalk.district_of(current_user)");
    district = r.isNull(0, 0) ? "" : r.text(0, 0);
}

PgConnection& NetworkLibrary::Impl::connection()
{
    if (conn.ok()) {
        offline = false;
        return conn;
    }
    offline = true; // until the reset below succeeds: readOnly() says so meanwhile
    if (!conn.reset()) // sets the session up again (onReconnect)
        throw LibraryError("the network library " + conn.name() +
                               " is offline (the server cannot be reached); nothing was read or saved. "
                               "Crosswalk reconnects when the server is back",
                           "08006");
    offline = false;
    return conn;
}

NetworkLibrary::NetworkLibrary(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
NetworkLibrary::NetworkLibrary(NetworkLibrary&&) noexcept = default;
NetworkLibrary& NetworkLibrary::operator=(NetworkLibrary&&) noexcept = default;
NetworkLibrary::~NetworkLibrary() = default;

NetworkLibrary NetworkLibrary::open(const std::string& uri, Mode mode)
{
    return NetworkLibrary(std::make_unique<Impl>(uri, mode == Mode::ReadOnly));
}

bool NetworkLibrary::readOnly() const
{
    // Offline, every change is refused: the editor shows the map read-only until it is back.
    return m_impl->readOnly || m_impl->offline;
}

void NetworkLibrary::requireWritable()
{
    if (m_impl->readOnly)
        fail(readOnlyMessage());
    m_impl->connection(); // reconnects, or says that the library is offline and nothing was saved
}

std::string NetworkLibrary::readOnlyMessage() const
{
    if (m_impl->offline && !m_impl->readOnly)
        return name() + " is offline: its server cannot be reached, so nothing was saved. Crosswalk "
                        "reconnects by itself; make the change again once it is back.";
    return MapStore::readOnlyMessage();
}

bool NetworkLibrary::offline() const
{
    return m_impl->offline;
}

std::string NetworkLibrary::name() const
{
    return m_impl->conn.name();
}

const std::string& NetworkLibrary::clientId() const
{
    return m_impl->clientId;
}

std::string NetworkLibrary::district() const
{
    return m_impl->district;
}

bool NetworkLibrary::online()
{
    try {
        m_impl->connection();
        return true;
    } catch (const LibraryError&) {
        return false; // connection() marked the library offline
    }
}

void NetworkLibrary::fail(const std::string& message) const
{
    throw LibraryError(message);
}

namespace {

/// A refusal already worded for people (by refusedOrMissing): passed on as it is.
class WordedRefusal final : public LibraryError {
public:
    WordedRefusal(const std::string& message, std::string sqlState)
        : StoreError(message), LibraryError(message, std::move(sqlState))
    {
    }
};

/// Why a change to a map found no row it may change: the map is another district's (the
/// server's policy hid it from the change), or it is not there at all.
[[noreturn]] void refusedOrMissing(PgConnection& conn, const std::string& library, const std::string& district,
                                   const std::string& mapId, const std::string& what)
{
    const PgResult r =
        conn.exec("SELECT district, title FROM crosswalk.maps WHERE id = $1 AND NOT deleted", {mapId});
    if (r.rows() == 0)
        throw LibraryError("no map " + quoted(mapId) + " in " + library + "; " + what + " was not done");
    const std::string who = district.empty() ? "a facilitator" : "district \"" + district + "\"";
    throw WordedRefusal("map " + quoted(r.text(0, 1)) + " belongs to district \"" + r.text(0, 0) + "\"; " + who +
                           " may read it but not change it (the server refused: " + what + " was not done)",
                       "42501");
}

/// The server refused a write: reworded for the role, keeping the server's words.
[[noreturn]] void rethrowRefusal(const LibraryError& e, const std::string& district, const std::string& what)
{
    if (!e.refused() || dynamic_cast<const WordedRefusal*>(&e))
        throw;
    const std::string who = district.empty() ? "this role (not a district member)" : "district \"" + district + "\"";
    throw LibraryError(who + " may not " + what + ": " + e.what(), e.sqlState());
}

} // namespace

std::vector<MapSummary> NetworkLibrary::listMaps() const
{
    const PgResult r = m_impl->connection().exec("SELECT id, district, title, steps FROM crosswalk.maps WHERE NOT deleted");
    std::vector<MapSummary> maps;
    for (int i = 0; i < r.rows(); ++i)
        maps.push_back(MapSummary{r.text(i, 0), r.text(i, 1), r.text(i, 2), static_cast<int>(r.integer(i, 3))});
    storage::sortLibrary(maps);
    return maps;
}

bool NetworkLibrary::hasMap(const std::string& mapId) const
{
    return m_impl->connection()
               .exec("SELECT count(*) FROM crosswalk.maps WHERE id = $1 AND NOT deleted", {mapId})
               .integer(0, 0) > 0;
}

Map NetworkLibrary::loadMap(const std::string& mapId) const
{
    const PgResult r =
        m_impl->connection().exec("SELECT doc, version FROM crosswalk.maps WHERE id = $1 AND NOT deleted", {mapId});
    if (r.rows() == 0)
        fail("no map " + quoted(mapId) + " in " + name() + " (or it is another district's map, not shared)");
    Map map;
    try {
        map = parseMapJson(r.text(0, 0)).map;
    } catch (const std::exception& e) {
        fail("map " + quoted(mapId) + " in " + name() + " cannot be read: " + e.what());
    }
    m_impl->known[mapId] = r.integer(0, 1);
    return map;
}

void NetworkLibrary::addMap(const Map& map)
{
    requireWritable();
    if (map.id.empty())
        fail("a map needs an id to be stored in " + name());
    if (const std::string problem = storage::unstorableMessage(map, name()); !problem.empty())
        fail(problem);
    PgConnection& conn = m_impl->connection();
    try {
        storage::inTransaction(conn, [&] {
            const PgResult was = conn.exec("SELECT deleted FROM crosswalk.maps WHERE id = $1", {map.id});
            if (was.rows() && !was.boolean(0, 0))
                fail(name() + " already has a map with id " + quoted(map.id));
            if (was.rows()) // a deleted map that still holds the id gives way, with what belongs to it
                conn.exec("DELETE FROM crosswalk.maps WHERE id = $1", {map.id});
            conn.exec("INSERT INTO crosswalk.maps (id, district, title, steps, doc) VALUES ($1, $2, $3, $4, $5)",
                      {map.id, map.props.district, map.props.title, std::to_string(map.steps.size()), mapToJson(map)});
        });
    } catch (const LibraryError& e) {
        if (e.sqlState() == "23505")
            fail(name() + " already has a map with id " + quoted(map.id) + " (another district's)");
        rethrowRefusal(e, m_impl->district,
                       "add a map of district \"" + map.props.district + "\" (" + quoted(map.props.title) + ")");
    }
    m_impl->known[map.id] = 0;
}

void NetworkLibrary::deleteMap(const std::string& mapId)
{
    requireWritable();
    PgConnection& conn = m_impl->connection();
    try {
        if (conn.exec("UPDATE crosswalk.maps SET deleted = true WHERE id = $1 AND NOT deleted", {mapId}).affected() == 0)
            refusedOrMissing(conn, name(), m_impl->district, mapId, "deleting it");
    } catch (const LibraryError& e) {
        rethrowRefusal(e, m_impl->district, "delete map " + quoted(mapId));
    }
}

void NetworkLibrary::restoreMap(const std::string& mapId)
{
    requireWritable();
    PgConnection& conn = m_impl->connection();
    try {
        if (conn.exec("UPDATE crosswalk.maps SET deleted = false WHERE id = $1 AND deleted", {mapId}).affected() == 0)
            fail("no deleted map " + quoted(mapId) + " in " + name() + " that this role may restore");
    } catch (const LibraryError& e) {
        rethrowRefusal(e, m_impl->district, "restore map " + quoted(mapId));
    }
}

void NetworkLibrary::share(const std::string& mapId, bool shared)
{
    requireWritable();
    PgConnection& conn = m_impl->connection();
    const std::string what = shared ? "sharing it" : "unsharing it";
    try {
        if (conn.exec("UPDATE crosswalk.maps SET shared = $2 WHERE id = $1 AND NOT deleted",
                      {mapId, shared ? "true" : "false"})
                .affected() == 0)
            refusedOrMissing(conn, name(), m_impl->district, mapId, what);
    } catch (const LibraryError& e) {
        rethrowRefusal(e, m_impl->district, (shared ? "share map " : "unshare map ") + quoted(mapId));
    }
}

bool NetworkLibrary::isShared(const std::string& mapId) const
{
    const PgResult r = m_impl->connection().exec("SELECT shared FROM crosswalk.maps WHERE id = $1", {mapId});
    return r.rows() > 0 && r.boolean(0, 0);
}

std::int64_t NetworkLibrary::version(const std::string& mapId) const
{
    const PgResult r = m_impl->connection().exec("SELECT version FROM crosswalk.maps WHERE id = $1", {mapId});
    return r.rows() ? r.integer(0, 0) : 0;
}

CommitResult NetworkLibrary::commit(Map& map, const Edit& edit)
{
    requireWritable();
    PgConnection& conn = m_impl->connection();
    const auto knownIt = m_impl->known.find(map.id);
    Map next;
    ChangeSet mine;
    ChangeSet missed;
    bool rebased = false;
    std::int64_t stored = 0;
    Edit inverse{Batch{}};
    try {
        inverse = storage::inTransaction(conn, [&] {
            // The row lock orders the commits to one map: versions are never skipped nor shared.
            const PgResult row = conn.exec(
                "SELECT doc, version, title FROM crosswalk.maps WHERE id = $1 AND NOT deleted FOR UPDATE", {map.id});
            if (row.rows() == 0)
                refusedOrMissing(conn, name(), m_impl->district, map.id, "the change");
            stored = row.integer(0, 1);
            if (knownIt != m_impl->known.end() && knownIt->second == stored) {
                next = map;
            } else {
                next = parseMapJson(row.text(0, 0)).map;
                if (knownIt == m_impl->known.end()) {
                    if (!(next == map))
                        throw LibraryConflict("map " + quoted(row.text(0, 2)) + " in " + name() +
                                              " is not as this client last saw it; load it again, then make the change");
                } else {
                    rebased = true;
                    for (const LibraryChange& c : changesAfter({{map.id, knownIt->second}}, map.id))
                        missed.merge(c.changes);
                }
            }
            Edit inv{Batch{}};
            try {
                inv = apply(next, edit, &mine);
            } catch (const EditError& e) {
                if (!rebased)
                    throw;
                throw LibraryConflict("map " + quoted(row.text(0, 2)) +
                                      " was changed by another client since you loaded it, and your change no "
                                      "longer fits (" + std::string(e.what()) +
                                      "); it was not saved. The map is reloaded: make the change again");
            }
            if (rebased && storage::overlaps(mine, missed))
                throw LibraryConflict("map " + quoted(row.text(0, 2)) +
                                      " was changed by another client in the same place since you loaded it; your "
                                      "change was not saved. The map is reloaded: look, then make the change again");
            if (mine.empty())
                return inv;
            conn.exec("UPDATE crosswalk.maps SET doc = $2, title = $3, district = $4, steps = $5, version = $6 "
                      "WHERE id = $1",
                      {map.id, mapToJson(next), next.props.title, next.props.district,
                       std::to_string(next.steps.size()), std::to_string(stored + 1)});
            conn.exec("INSERT INTO crosswalk.changes (map_id, version, client, changes) VALUES ($1, $2, $3, $4)",
                      {map.id, std::to_string(stored + 1), m_impl->clientId, storage::changeSetToJson(mine)});
            conn.exec("SELECT pg_notify('crosswalk', $1)", {map.id + " " + std::to_string(stored + 1)});
            return inv;
        });
    } catch (const LibraryError& e) {
        if (e.sqlState().starts_with("08"))
            m_impl->offline = !m_impl->conn.ok(); // lost mid-commit: nothing was saved (the transaction is gone)
        rethrowRefusal(e, m_impl->district, "change map " + quoted(map.props.title));
    }
    if (mine.empty())
        return CommitResult{std::move(inverse), std::move(mine), stored};
    map = std::move(next);
    const std::int64_t version = stored + 1;
    m_impl->known[map.id] = version;
    if (rebased)
        m_impl->delivered[map.id] = std::max(m_impl->delivered[map.id], stored);
    ChangeSet changes = mine;
    changes.merge(missed);
    return CommitResult{std::move(inverse), std::move(changes), version};
}

std::vector<std::string> NetworkLibrary::check() const
{
    std::vector<std::string> problems;
    PgConnection& conn = m_impl->connection();
    const PgResult r = conn.exec("SELECT m.id, m.doc, m.version, m.district, m.title, "
                                 "(SELECT coalesce(max(version), 0) FROM crosswalk.changes c WHERE c.map_id = m.id) "
                                 "FROM crosswalk.maps m WHERE NOT m.deleted ORDER BY m.id");
    for (int i = 0; i < r.rows(); ++i) {
        const std::string id = r.text(i, 0);
        try {
            const Map map = parseMapJson(r.text(i, 1)).map;
            if (map.id != id)
                problems.push_back("map " + quoted(id) + " holds a map with id " + quoted(map.id));
            if (map.props.district != r.text(i, 3) || map.props.title != r.text(i, 4))
                problems.push_back("map " + quoted(id) + ": its district or title row differs from the map");
            for (const std::string& p : storage::modelProblems(map))
                problems.push_back("map " + quoted(id) + ": " + p);
        } catch (const std::exception& e) {
            problems.push_back("map " + quoted(id) + " cannot be read: " + e.what());
        }
        if (r.integer(i, 5) > r.integer(i, 2))
            problems.push_back("map " + quoted(id) + " is at version " + r.text(i, 2) + " but has a change " +
                               r.text(i, 5));
    }
    return problems;
}

std::unique_ptr<MapStore> openStore(const std::string& pathOrUri, bool readOnly)
{
    if (isLibraryUri(pathOrUri))
        return std::make_unique<NetworkLibrary>(NetworkLibrary::open(
            pathOrUri, readOnly ? NetworkLibrary::Mode::ReadOnly : NetworkLibrary::Mode::ReadWrite));
    return std::make_unique<Workspace>(
        Workspace::open(pathOrUri, readOnly ? Workspace::Mode::ReadOnly : Workspace::Mode::ReadWrite));
}

} // namespace crosswalk
