// Moving maps between a workspace file and the network library, with their revisions
// (docs/network-library.md, "Moving maps").

#include "../workspaceaccess.h"
#include "../workspacefiles.h"

#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/networklibrary.h"
#include "crosswalk/storage/workspace.h"

#include <sqlite3.h>

#include <memory>
#include <utility>

namespace crosswalk {

using storage::quoted;

namespace {

/// Runs SQL on the workspace's connection, or throws WorkspaceError with SQLite's words.
void sqliteExec(sqlite3* db, const std::string& sql, const std::string& what)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string text = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        throw WorkspaceError(what + ": " + text);
    }
}

/// Stores revisions with their own ids and times in a workspace, oldest first, in one
/// transaction (all or none).
void addRevisions(Workspace& ws, const std::vector<std::pair<Revision, Map>>& oldestFirst)
{
    sqlite3* db = storage::handle(ws);
    const std::string what = "the revisions could not be stored in " + ws.name();
    sqliteExec(db, "BEGIN IMMEDIATE", what);
    try {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(db, "INSERT INTO revisions (id, map_id, name, created, snapshot) VALUES (?1, ?2, ?3, ?4, ?5)",
                               -1, &raw, nullptr) != SQLITE_OK)
            throw WorkspaceError(what + ": " + sqlite3_errmsg(db));
        std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
        for (const auto& [revision, map] : oldestFirst) {
            const std::string snapshot = mapToJson(map);
            const std::string* texts[] = {&revision.id, &revision.mapId, &revision.name, &revision.createdAt, &snapshot};
            for (int i = 0; i < 5; ++i)
                sqlite3_bind_text(raw, i + 1, texts[i]->c_str(), static_cast<int>(texts[i]->size()), SQLITE_TRANSIENT);
            if (sqlite3_step(raw) != SQLITE_DONE)
                throw WorkspaceError(what + " (revision " + quoted(revision.name) + "): " + sqlite3_errmsg(db));
            sqlite3_reset(raw);
            sqlite3_clear_bindings(raw);
        }
        stmt.reset();
        sqliteExec(db, "COMMIT", what);
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

/// A store's revisions of a map with their snapshots, oldest first.
std::vector<std::pair<Revision, Map>> revisionsOf(const MapStore& store, const std::string& mapId)
{
    std::vector<std::pair<Revision, Map>> out;
    const std::vector<Revision> newestFirst = store.listRevisions(mapId);
    for (auto it = newestFirst.rbegin(); it != newestFirst.rend(); ++it)
        out.emplace_back(*it, store.loadRevision(it->id));
    return out;
}

} // namespace

std::size_t pushMap(const MapStore& from, const std::string& mapId, NetworkLibrary& to)
{
    const Map map = from.loadMap(mapId);
    const auto revisions = revisionsOf(from, mapId); // read all before anything is written
    to.addMap(map);
    try {
        for (const auto& [revision, snapshot] : revisions)
            to.addRevision(revision, snapshot);
    } catch (...) {
        // No map without its history: the half-pushed map goes again.
        try {
            to.deleteMap(mapId);
        } catch (const StoreError&) {
            // the first error says what went wrong
        }
        throw;
    }
    return revisions.size();
}

std::size_t pullMap(const MapStore& from, const std::string& mapId, Workspace& to)
{
    const Map map = from.loadMap(mapId);
    const auto revisions = revisionsOf(from, mapId);
    if (to.hasMap(mapId))
        throw WorkspaceError(to.name() + " already has map " + quoted(mapId) +
                             "; remove it there first, or pull into another file");
    to.addMap(map);
    try {
        addRevisions(to, revisions);
    } catch (...) {
        try {
            to.deleteMap(mapId);
        } catch (const StoreError&) {
        }
        throw;
    }
    return revisions.size();
}

} // namespace crosswalk
