#include "workspaceimpl.h"
#include "walcheck.h"

#include "modelproblems.h"
#include "workspacefiles.h"

#include "crosswalk/json/mapjson.h"

#include <optional>
#include <utility>

namespace crosswalk {

using storage::KindPlan;
using storage::PosIndex;
using storage::SqliteError;
using storage::Statement;
using storage::Table;
using storage::TableSql;
using storage::Transaction;
using storage::damaged;
using storage::nowIso;
using storage::quoted;
using storage::reason;

namespace {

/// Ends a read transaction; reads of several tables then see one state of the file even
/// while another process commits.
class ReadTransaction {
  public:
    explicit ReadTransaction(sqlite3* db) : m_db(db)
    {
        // Already inside a transaction (a caller's write): its view is the consistent one.
        if (sqlite3_get_autocommit(db)) {
            storage::exec(db, "BEGIN");
            m_open = true;
        }
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    ~ReadTransaction()
    {
        if (m_open)
            storage::rollbackQuietly(m_db);
    }

  private:
    sqlite3* m_db;
    bool m_open = false;
};

template <typename T> const TableSql& tableSql()
{
    static const TableSql sql = storage::makeTableSql(Table<T>::name, Table<T>::columns);
    return sql;
}

} // namespace

void Workspace::Impl::close() noexcept
{
    for (auto& [sql, stmt] : statements)
        sqlite3_finalize(stmt);
    statements.clear();
    if (!db)
        return;
    // The maps deleted through this connection can no longer be restored (undo ends with
    // the session): remove them for good now, so that a file passed on after a delete
    // does not carry what was deleted. Best effort: a failure leaves them marked, and a
    // later open removes them.
    if (!readOnly) {
        sqlite3_stmt* purge = nullptr;
        if (sqlite3_prepare_v2(db, "DELETE FROM maps WHERE id = ?1 AND deleted IS NOT NULL", -1, &purge,
                               nullptr) == SQLITE_OK) {
            for (const std::string& id : deletedHere) {
                sqlite3_bind_text(purge, 1, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
                sqlite3_step(purge);
                sqlite3_reset(purge);
            }
        }
        sqlite3_finalize(purge);
    }
    deletedHere.clear();
    // Fold the WAL into the main file and empty it, so that the file is complete on its
    // own (copied by the user, mailed, backed up) once Crosswalk has let it go. Not when
    // the side files were deleted or replaced under us and someone else may use the new
    // ones: copying our WAL over their pages is exactly the damage the guard prevents.
    // Readers (an export, `crosswalk list`) may hold the WAL for a moment: wait a little, not
    // the full busy timeout; what is not folded in now stays in the -wal, which is safe.
    sqlite3_busy_timeout(db, 250);
    if (!readOnly && !sideFilesLost && !(storage::SideFiles::of(file) != sideFiles &&
                                         storage::LockTable::of(file).holders > 1))
        sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    else if (!readOnly)
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_close(db);
    db = nullptr;
    // What the checkpoints could not fold in stays in the -wal: it stays the newer file.
    if (!readOnly)
        storage::touchWal(file);
}

storage::Statement Workspace::Impl::stmt(std::string_view sql)
{
    auto it = statements.find(sql);
    if (it == statements.end()) {
        Statement fresh(db, sql, true);
        it = statements.emplace(std::string(sql), fresh.release()).first;
    }
    return Statement::borrow(db, it->second);
}

WorkspaceError Workspace::Impl::error(const SqliteError& e, std::string_view doing) const
{
    if (e.isDamage())
        return WorkspaceError(damaged(path, e.what()));
    if (e.primary() == SQLITE_READONLY)
        return WorkspaceError(storage::readOnlyMessage(path) + " (" + e.what() + ")");
    return WorkspaceError("could not " + std::string(doing) + " in " + path + ": " + reason(e));
}

void Workspace::Impl::requireWritable()
{
    if (readOnly)
        throw WorkspaceError(storage::readOnlyMessage(path));
    if (!schemaDifferences.empty())
        throw WorkspaceError(storage::schemaRefusal(path, schemaDifferences));
    guardSideFiles();
}

void Workspace::Impl::guardSideFiles()
{
    if (!sideFilesLost) {
        const storage::SideFiles now = storage::SideFiles::of(file);
        if (now == sideFiles)
            return;
        // Only the -wal gone, the -shm ours, nobody else here: our WAL (still open) goes
        // into the main file and a fresh connection makes a new -wal. Nothing is lost.
        const storage::LockTable locks = storage::LockTable::of(file);
        if (now.shm == sideFiles.shm && now.wal != sideFiles.wal && locks.holders <= 1) {
            try {
                storage::checkpoint(db);
                close();
                openWriter();
                return;
            } catch (const storage::SqliteError&) {
                // fall through: stop writing
            } catch (const WorkspaceError&) {
            }
        }
        sideFilesLost = true;
        if (db)
            sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    }
    throw WorkspaceError(storage::sideFilesLostMessage(path));
}

void Workspace::Impl::reopenReader()
{
    close();
    stamp = storage::FileStamp::of(file);
    db = storage::openForReading(file, path, &immutable);
    try {
        storage::configureCommon(db);
        storage::exec(db, "PRAGMA query_only = ON");
    } catch (const SqliteError& e) {
        throw WorkspaceError("cannot read " + path + ": " + storage::reason(e));
    }
}

std::string Workspace::Impl::noMap(const std::string& mapId) const
{
    return "no map " + quoted(mapId) + " in " + path;
}

bool Workspace::Impl::hasMap(const std::string& mapId)
{
    auto s = stmt("SELECT 1 FROM maps WHERE id = ?1 AND deleted IS NULL");
    s.bind(1, mapId);
    return s.step();
}

/// Forgets every pos mirror when another connection has committed since we last looked.
void Workspace::Impl::syncDataVersion()
{
    auto s = stmt("PRAGMA data_version");
    s.step();
    const std::int64_t version = s.int64(0);
    if (version != dataVersion) {
        orders.clear();
        dataVersion = version;
    }
}

/// The pos mirror for an edit of map, called inside the edit's write transaction.
/// Without a mirror (another connection committed since we last looked, or a failed
/// commit dropped it) the caller's map may no longer be what the file holds: another
/// Crosswalk window or the command line may have changed it. The file is then compared
/// with the map, and an edit of a map changed underneath is refused rather than written
/// over the other's edits (or leaving a step in a lane the other removed).
PosIndexes& Workspace::Impl::orderForEdit(const Map& map)
{
    syncDataVersion();
    if (auto it = orders.find(map.id); it != orders.end())
        return it->second;
    if (!hasMap(map.id))
        throw WorkspaceError(noMap(map.id) + " (another Crosswalk window or program may have deleted it); "
                                          "this change was not saved");
    if (!(loadMap(map.id) == map)) {
        orders.erase(map.id);
        throw WorkspaceConflict("map " + quoted(map.props.title) + " in " + path +
                             " was changed by another Crosswalk window or program since it was opened here, "
                             "so this change was not saved; open the map again to see the other changes");
    }
    return orders.at(map.id);
}

template <typename T> void Workspace::Impl::write(const Map& map, const KindPlan& plan)
{
    using Mode = KindPlan::Mode;
    if (plan.mode == Mode::Nothing)
        return;
    const TableSql& sql = tableSql<T>();
    const auto& items = Table<T>::items(map);
    if (plan.mode == Mode::Resync) {
        stmt(sql.eraseAll).bind(1, map.id).run();
    } else if (!plan.deletes.empty()) {
        auto s = stmt(sql.erase);
        for (const std::string& id : plan.deletes) {
            s.bind(1, map.id).bind(2, id).run();
            s.reset();
        }
    }
    if (!plan.upserts.empty()) {
        auto s = stmt(sql.upsert);
        for (const auto& [i, pos] : plan.upserts) {
            s.bind(1, map.id).bind(2, items[i].id).bind(3, pos);
            Table<T>::bind(s, items[i]);
            s.run();
            s.reset();
        }
    }
    if (!plan.posUpdates.empty()) {
        auto s = stmt(sql.setPos);
        for (const auto& [i, pos] : plan.posUpdates) {
            s.bind(1, map.id).bind(2, items[i].id).bind(3, pos);
            s.run();
            s.reset();
        }
    }
}

/// Inserts every entity of one kind of a new map, numbered afresh.
template <typename T> void Workspace::Impl::insertAll(const Map& map, PosIndexes& indexes)
{
    PosIndex& index = indexes[Table<T>::kind];
    const auto& items = Table<T>::items(map);
    auto s = stmt(tableSql<T>().upsert);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::int64_t pos = static_cast<std::int64_t>(i + 1) * storage::kPosStep;
        s.bind(1, map.id).bind(2, items[i].id).bind(3, pos);
        Table<T>::bind(s, items[i]);
        s.run();
        s.reset();
        index.emplace(items[i].id, pos);
    }
}

template <typename T> void Workspace::Impl::readAll(Map& map, PosIndexes& indexes)
{
    PosIndex& index = indexes[Table<T>::kind];
    auto& items = Table<T>::items(map);
    auto s = stmt(tableSql<T>().select);
    s.bind(1, map.id);
    while (s.step()) {
        items.push_back(Table<T>::read(s, map.id));
        index.emplace(items.back().id, s.int64(1));
    }
}

/// Writes the votes of these steps as they are in map (a step without votes loses its row).
void Workspace::Impl::writeVotes(const Map& map, const std::set<std::string>& steps)
{
    for (const std::string& step : steps) {
        const int count = map.votesOn(step);
        if (count > 0) {
            auto s = stmt("INSERT INTO step_votes (map_id, step, count) VALUES (?1, ?2, ?3) "
                          "ON CONFLICT (map_id, step) DO UPDATE SET count = excluded.count");
            s.bind(1, map.id).bind(2, step).bind(3, count).run();
        } else {
            auto s = stmt("DELETE FROM step_votes WHERE map_id = ?1 AND step = ?2");
            s.bind(1, map.id).bind(2, step).run();
        }
    }
}

/// Stores the session timer; a map without one (the default) has no row.
void Workspace::Impl::writeSession(const Map& map)
{
    if (map.session == SessionTimer{}) {
        auto s = stmt("DELETE FROM map_sessions WHERE map_id = ?1");
        s.bind(1, map.id).run();
        return;
    }
    auto s = stmt("INSERT INTO map_sessions (map_id, duration, remaining, running, deadline) "
                  "VALUES (?1, ?2, ?3, ?4, ?5) "
                  "ON CONFLICT (map_id) DO UPDATE SET duration = excluded.duration, "
                  "remaining = excluded.remaining, running = excluded.running, deadline = excluded.deadline");
    s.bind(1, map.id).bind(2, map.session.durationSeconds).bind(3, map.session.remainingSeconds);
    s.bind(4, map.session.running ? 1 : 0).bind(5, map.session.deadlineMs).run();
}

void Workspace::Impl::readVotesAndSession(Map& map)
{
    {
        auto s = stmt("SELECT step, count FROM step_votes WHERE map_id = ?1 ORDER BY step");
        s.bind(1, map.id);
        while (s.step())
            map.votes.emplace(s.text(0), s.integer(1));
    }
    // A schema 3 workspace, read as it is, has no deadline column: its timer has none.
    const bool hasDeadline = stmt("SELECT 1 FROM pragma_table_info('map_sessions') WHERE name = 'deadline'").step();
    auto s = stmt(hasDeadline ? "SELECT duration, remaining, running, deadline FROM map_sessions WHERE map_id = ?1"
                              : "SELECT duration, remaining, running, 0 FROM map_sessions WHERE map_id = ?1");
    s.bind(1, map.id);
    if (s.step())
        map.session = SessionTimer{s.integer(0), s.integer(1), s.integer(2) != 0, s.int64(3)};
}

void Workspace::Impl::writeMapRow(const Map& map, bool props)
{
    const std::string now = nowIso();
    if (props) {
        auto s = stmt("UPDATE maps SET title = ?2, district = ?3, focus = ?4, state = ?5, notes = ?6, "
                      "modified = ?7 WHERE id = ?1");
        s.bind(1, map.id).bind(2, map.props.title).bind(3, map.props.district).bind(4, map.props.focus);
        s.bind(5, toString(map.props.state)).bind(6, map.props.notes).bind(7, now);
        s.run();
    } else {
        auto s = stmt("UPDATE maps SET modified = ?2 WHERE id = ?1");
        s.bind(1, map.id).bind(2, now);
        s.run();
    }
    if (sqlite3_changes(db) != 1)
        throw SqliteError(SQLITE_ERROR, "map " + quoted(map.id) + " is no longer in the workspace");
}

Map Workspace::Impl::loadMap(const std::string& mapId)
{
    ReadTransaction read(db);
    if (!readOnly)
        syncDataVersion(); // so that the mirror stored below is not dropped at the next edit
    Map map;
    map.id = mapId;
    {
        auto s = stmt("SELECT title, district, focus, state, notes FROM maps WHERE id = ?1 AND deleted IS NULL");
        s.bind(1, mapId);
        if (!s.step())
            throw WorkspaceError(noMap(mapId));
        map.props.title = s.text(0);
        map.props.district = s.text(1);
        map.props.focus = s.text(2);
        const std::string state = s.text(3);
        const auto parsed = parseMapState(state);
        if (!parsed)
            storage::badRow(mapId, "map", mapId, "state", state);
        map.props.state = *parsed;
        map.props.notes = s.text(4);
    }
    PosIndexes indexes;
    storage::forEachTable([&]<typename T>(std::type_identity<T>) { readAll<T>(map, indexes); });
    readVotesAndSession(map);
    // The caller is about to edit what it loaded: keep the mirror of exactly this state.
    if (!readOnly)
        orders[mapId] = std::move(indexes);
    return map;
}

void Workspace::Impl::addMap(const Map& map)
{
    requireWritable();
    if (map.id.empty())
        throw WorkspaceError("a map needs an id to be stored in " + path);
    const std::vector<std::string> problems = storage::modelProblems(map);
    if (!problems.empty()) {
        std::string message = "map " + quoted(map.id) + " cannot be stored in " + path + ": " + problems.front();
        if (problems.size() > 1)
            message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
        throw WorkspaceError(message);
    }
    Transaction tx(db);
    if (hasMap(map.id))
        throw WorkspaceError(path + " already has a map with id " + quoted(map.id));
    {
        // A deleted map that still holds the id gives way: it could only be restored
        // with the id it had, which now names the new map.
        auto s = stmt("DELETE FROM maps WHERE id = ?1 AND deleted IS NOT NULL");
        s.bind(1, map.id).run();
    }
    const std::string now = nowIso();
    {
        auto s = stmt("INSERT INTO maps (id, title, district, focus, state, notes, created, modified) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
        s.bind(1, map.id).bind(2, map.props.title).bind(3, map.props.district).bind(4, map.props.focus);
        s.bind(5, toString(map.props.state)).bind(6, map.props.notes).bind(7, now);
        s.run();
    }
    PosIndexes indexes;
    storage::forEachTable([&]<typename T>(std::type_identity<T>) { insertAll<T>(map, indexes); });
    std::set<std::string> voted;
    for (const auto& vote : map.votes)
        voted.insert(vote.first);
    writeVotes(map, voted);
    if (map.session != SessionTimer{})
        writeSession(map);
    tx.commit();
    orders[map.id] = std::move(indexes);
}

Map Workspace::Impl::loadRevision(const std::string& revisionId)
{
    std::string snapshot;
    {
        auto s = stmt("SELECT snapshot FROM revisions WHERE id = ?1");
        s.bind(1, revisionId);
        if (!s.step())
            throw WorkspaceError("no revision " + quoted(revisionId) + " in " + path);
        snapshot = s.text(0);
    }
    try {
        return parseMapJson(snapshot).map;
    } catch (const ImportError& e) {
        throw WorkspaceError(damaged(path, "revision " + quoted(revisionId) + " cannot be read: " + e.what()));
    }
}

CommitResult Workspace::Impl::commit(Map& map, const Edit& edit)
{
    Impl& d = *this;
    d.requireWritable();
    // The write lock first: until the commit no other connection can commit, so what
    // orderForEdit() finds about the caller's map stays true while we write.
    std::optional<Transaction> tx;
    PosIndexes* indexes = nullptr;
    try {
        tx.emplace(d.db);
        indexes = &d.orderForEdit(map);
    } catch (const SqliteError& e) {
        throw d.error(e, "save the change");
    }

    ChangeSet local;
    Edit inverse = apply(map, edit, &local); // EditError: the map is unchanged, nothing to undo

    // From here on the map holds the edit; if the file does not, the map goes back.
    auto restore = [&] {
        storage::rollbackQuietly(d.db);
        // Should the rollback itself have failed, the mirror may not match the file any
        // more: forget it, it is read again from the file on the next edit.
        d.orders.erase(map.id);
        try {
            apply(map, inverse);
        } catch (...) {
            // The inverse of an edit always fits the edited map; if it did not, the file is
            // the truth to return to.
            try {
                map = d.loadMap(map.id);
            } catch (...) {
            }
        }
    };
    if (local.empty()) // an empty Batch, say: nothing to write
        return {std::move(inverse), std::move(local), versions[map.id]};
    using storage::planKind;
    std::array<KindPlan, storage::kKindCount> plans;
    try {
        storage::forEachTable([&]<typename T>(std::type_identity<T>) {
            plans[Table<T>::kind] = planKind(Table<T>::items(map), Table<T>::changed(local),
                                             (*indexes)[Table<T>::kind], Table<T>::forceRenumber(local));
            d.write<T>(map, plans[Table<T>::kind]);
        });
        d.writeVotes(map, local.votes);
        if (local.session)
            d.writeSession(map);
        d.writeMapRow(map, local.props);
        tx->commit();
    } catch (const SqliteError& e) {
        restore();
        throw d.error(e, "save the change");
    } catch (...) {
        restore();
        throw;
    }
    // Committed: the map and the file agree. Only the mirror is left to update, and if that
    // fails (out of memory) it is simply read again from the file next time.
    try {
        storage::forEachTable([&]<typename T>(std::type_identity<T>) {
            storage::applyPlan((*indexes)[Table<T>::kind], Table<T>::items(map), plans[Table<T>::kind]);
        });
    } catch (...) {
        d.orders.erase(map.id);
    }
    return {std::move(inverse), std::move(local), ++versions[map.id]};
}

} // namespace crosswalk
