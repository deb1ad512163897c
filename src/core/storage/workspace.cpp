#include "crosswalk/storage/workspace.h"

#include "fileheader.h"
#include "order.h"
#include "schema.h"
#include "sqlite.h"
#include "tables.h"

#include "crosswalk/json/mapjson.h"

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace crosswalk {

using storage::KindPlan;
using storage::PosIndex;
using storage::SqliteError;
using storage::Statement;
using storage::Table;
using storage::TableSql;
using storage::Transaction;

namespace {

// Durability: the workspace runs in WAL mode with synchronous = NORMAL. Every commit is
// written to the -wal file before applyEdit() returns, so a crash of Crosswalk (or of
// anything but the operating system) loses nothing that was shown; the WAL is synced at
// each checkpoint, so a power cut cannot corrupt the file, but it can roll back the last
// few edits before it. FULL would sync the WAL on every edit: 1-10 ms per drag on a laptop
// SSD and far more on network drives, which breaks the 2 ms edit budget for a risk the
// design accepts ("a crash loses nothing that was shown on screen").
constexpr const char* kSynchronous = "PRAGMA synchronous = NORMAL";

// Another Crosswalk (or the CLI) may hold the write lock for a moment; wait rather than fail.
constexpr int kBusyTimeoutMs = 5000;

using PosIndexes = std::array<PosIndex, storage::kKindCount>;

/// How long a map marked deleted by a session that never closed (a crash) is kept.
constexpr std::chrono::hours kDeletedMapGrace{24};

/// The time `ago` before now, as stored (ISO 8601 UTC, which sorts as text).
std::string isoBefore(std::chrono::seconds ago)
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() - ago);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string nowIso()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string quoted(const std::string& text)
{
    return "\"" + text + "\"";
}

std::string damaged(const std::string& path, const std::string& detail)
{
    return path + " is damaged: " + detail;
}

/// SQLite's words for a failure, with what a person can do about the ones that are not the
/// file's fault: the disk failing, the disk full, another program holding the file.
std::string reason(int code, const std::string& what)
{
    switch (code & 0xff) {
    case SQLITE_IOERR:
        return what + " (the disk or file system failed; everything saved before is intact. "
                      "Try again; if it keeps failing, copy the file somewhere safe)";
    case SQLITE_FULL:
        return what + " (the disk is full; everything saved before is intact. Free some space and try again)";
    case SQLITE_BUSY:
        return what + " (another Crosswalk window or program is writing to this workspace; try again in a moment)";
    default:
        return what;
    }
}

std::string reason(const SqliteError& e)
{
    return reason(e.code(), e.what());
}

std::string readOnlyMessage(const std::string& path)
{
    return path + " is read-only: Crosswalk can show it but cannot save changes to it";
}

/// The refusals decided by the two header fields, shared by the raw header check and the
/// check through SQLite (which sees a header still in the -wal file).
void checkIdentity(const std::string& path, std::int64_t applicationId, std::int64_t userVersion)
{
    if (applicationId != kWorkspaceApplicationId)
        throw WorkspaceError(path + " is an SQLite database from another program, not a Crosswalk workspace");
    if (userVersion > kWorkspaceSchemaVersion)
        throw WorkspaceError(path + " was written by a newer Crosswalk (schema " + std::to_string(userVersion) +
                             "); this version reads schema " + std::to_string(kWorkspaceSchemaVersion) +
                             ". Update Crosswalk to open it.");
}

bool fileExists(const std::string& path)
{
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

std::uint64_t fileSize(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

/// Copies the WAL into the main file, so that its header (application id, schema version)
/// is in the file itself at once, for any program that reads the header without SQLite,
/// including our own open() in another process.
void checkpoint(sqlite3* db)
{
    storage::check(db, sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr),
                   "checkpoint");
}

std::string parentDirectory(const std::string& path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

/// Whether we may write the file, and create the -wal and -shm files next to it.
/// access() asks with the real ids, which is what a desktop program runs as.
bool canWrite(const std::string& path)
{
    if (::access(path.c_str(), W_OK) != 0)
        return false;
    if (::access(parentDirectory(path).c_str(), W_OK) != 0)
        return false;
    const std::string wal = path + "-wal";
    return !fileExists(wal) || ::access(wal.c_str(), W_OK) == 0;
}

/// A file: URI for the path, with everything but unreserved characters percent-encoded so
/// that '?', '#' and '%' in names cannot be read as URI syntax.
std::string fileUri(const std::string& path)
{
    const std::string absolute = std::filesystem::absolute(path).string();
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri = "file://";
    for (const char c : absolute) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
            u == '_' || u == '~' || u == '/') {
            uri += c;
        } else {
            uri += '%';
            uri += hex[u >> 4];
            uri += hex[u & 0xf];
        }
    }
    return uri;
}

void configureCommon(sqlite3* db)
{
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    // Foreign keys are off by default in SQLite and must be switched on for every
    // connection, outside any transaction.
    storage::exec(db, "PRAGMA foreign_keys = ON");
}

/// Opens the file for reading only, in a way that writes nothing at all next to it.
/// A WAL database opened with mode=ro still creates -shm and -wal files; immutable=1 does
/// not, and is exact when there is no -wal file, since then no connection has the file open
/// and everything is in the main file. When a -wal file exists (Crosswalk has the file open,
/// or crashed), its content matters, so we read through it normally: the side files exist
/// already and the main file is still not written.
/// The one gap: a writer that starts while an immutable reader is open is not seen by the
/// reader; that is acceptable for the short-lived command line reads that use this mode.
sqlite3* openForReading(const std::string& path)
{
    const bool walExists = fileExists(path + "-wal");
    const std::string uri = fileUri(path) + (walExists ? "?mode=ro" : "?mode=ro&immutable=1");
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
            throw WorkspaceError(damaged(path, message));
        throw WorkspaceError("cannot open " + path + ": " + reason(rc, message));
    }
    return db;
}

/// Problems that would make a map unfit to store: the same rules check() applies to the file.
std::vector<std::string> modelProblems(const Map& map)
{
    std::vector<std::string> problems;
    std::unordered_set<std::string_view> ids, lanes, phases, steps, flows;
    auto unique = [&](const std::string& id, std::string_view what) {
        if (!ids.insert(id).second)
            problems.push_back("id " + quoted(id) + " is used twice (again by a " + std::string(what) + ")");
    };
    for (const Lane& lane : map.lanes) {
        unique(lane.id, "lane");
        lanes.insert(lane.id);
    }
    for (const Phase& phase : map.phases) {
        unique(phase.id, "phase");
        phases.insert(phase.id);
    }
    for (const Step& step : map.steps) {
        unique(step.id, "step");
        steps.insert(step.id);
    }
    for (const Flow& flow : map.flows) {
        unique(flow.id, "flow");
        flows.insert(flow.id);
    }
    for (const Annotation& annotation : map.annotations)
        unique(annotation.id, "annotation");
    for (const StickyNote& note : map.stickyNotes)
        unique(note.id, "sticky note");
    for (const ParkingItem& item : map.parkingLot)
        unique(item.id, "parking-lot item");
    for (const Step& step : map.steps) {
        if (!lanes.count(step.lane))
            problems.push_back("step " + quoted(step.id) + " is in lane " + quoted(step.lane) +
                               ", which does not exist");
        if (!step.phase.empty() && !phases.count(step.phase))
            problems.push_back("step " + quoted(step.id) + " is in phase " + quoted(step.phase) +
                               ", which does not exist");
    }
    for (const Flow& flow : map.flows) {
        if (!steps.count(flow.from))
            problems.push_back("flow " + quoted(flow.id) + " starts at step " + quoted(flow.from) +
                               ", which does not exist");
        if (!steps.count(flow.to))
            problems.push_back("flow " + quoted(flow.id) + " ends at step " + quoted(flow.to) +
                               ", which does not exist");
    }
    for (const Annotation& a : map.annotations) {
        if (!a.target.empty() && !steps.count(a.target) && !flows.count(a.target) && !lanes.count(a.target))
            problems.push_back("annotation " + quoted(a.id) + " is on " + quoted(a.target) + ", which does not exist");
    }
    for (const StickyNote& note : map.stickyNotes) {
        if (!steps.count(note.step))
            problems.push_back("sticky note " + quoted(note.id) + " is on step " + quoted(note.step) +
                               ", which does not exist");
    }
    for (const auto& [step, count] : map.votes) {
        if (!steps.count(step))
            problems.push_back("votes are on step " + quoted(step) + ", which does not exist");
        if (count <= 0)
            problems.push_back("step " + quoted(step) + " has " + std::to_string(count) + " votes");
    }
    if (map.session.durationSeconds < 0 || map.session.remainingSeconds < 0)
        problems.push_back("the session timer has a negative time");
    return problems;
}

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

struct Workspace::Impl {
    std::string path;
    bool readOnly = true;
    sqlite3* db = nullptr;
    // Prepared once, reused for every edit; keyed by their SQL text.
    std::map<std::string, sqlite3_stmt*, std::less<>> statements;
    // The stored pos of every entity of the maps loaded or written through this workspace.
    std::unordered_map<std::string, PosIndexes> orders;
    // Maps deleted through this connection and not restored: removed for good on close.
    std::set<std::string> deletedHere;
    // PRAGMA data_version when the mirrors were last known right; another connection's
    // commit changes it, and the mirrors are then rebuilt from the file.
    std::int64_t dataVersion = -1;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() { close(); }

    void close() noexcept
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
        // own (copied by the user, mailed, backed up) once Crosswalk has let it go.
        if (!readOnly)
            sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
        sqlite3_close(db);
        db = nullptr;
    }

    Statement stmt(std::string_view sql)
    {
        auto it = statements.find(sql);
        if (it == statements.end()) {
            Statement fresh(db, sql, true);
            it = statements.emplace(std::string(sql), fresh.release()).first;
        }
        return Statement::borrow(db, it->second);
    }

    WorkspaceError error(const SqliteError& e, std::string_view doing) const
    {
        if (e.isDamage())
            return WorkspaceError(damaged(path, e.what()));
        if (e.primary() == SQLITE_READONLY)
            return WorkspaceError(readOnlyMessage(path) + " (" + e.what() + ")");
        return WorkspaceError("could not " + std::string(doing) + " in " + path + ": " + reason(e));
    }

    void requireWritable() const
    {
        if (readOnly)
            throw WorkspaceError(readOnlyMessage(path));
    }

    std::string noMap(const std::string& mapId) const { return "no map " + quoted(mapId) + " in " + path; }

    bool hasMap(const std::string& mapId)
    {
        auto s = stmt("SELECT 1 FROM maps WHERE id = ?1 AND deleted IS NULL");
        s.bind(1, mapId);
        return s.step();
    }

    /// Forgets every pos mirror when another connection has committed since we last looked.
    void syncDataVersion()
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
    PosIndexes& orderForEdit(const Map& map)
    {
        syncDataVersion();
        if (auto it = orders.find(map.id); it != orders.end())
            return it->second;
        if (!hasMap(map.id))
            throw WorkspaceError(noMap(map.id) + " (another Crosswalk window or program may have deleted it); "
                                              "this change was not saved");
        if (!(loadMap(map.id) == map)) {
            orders.erase(map.id);
            throw WorkspaceError("map " + quoted(map.props.title) + " in " + path +
                                 " was changed by another Crosswalk window or program since it was opened here, "
                                 "so this change was not saved; open the map again to see the other changes");
        }
        return orders.at(map.id);
    }

    template <typename T> void write(const Map& map, const KindPlan& plan)
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
    template <typename T> void insertAll(const Map& map, PosIndexes& indexes)
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

    template <typename T> void readAll(Map& map, PosIndexes& indexes)
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
    void writeVotes(const Map& map, const std::set<std::string>& steps)
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
    void writeSession(const Map& map)
    {
        if (map.session == SessionTimer{}) {
            auto s = stmt("DELETE FROM map_sessions WHERE map_id = ?1");
            s.bind(1, map.id).run();
            return;
        }
        auto s = stmt("INSERT INTO map_sessions (map_id, duration, remaining, running) VALUES (?1, ?2, ?3, ?4) "
                      "ON CONFLICT (map_id) DO UPDATE SET duration = excluded.duration, "
                      "remaining = excluded.remaining, running = excluded.running");
        s.bind(1, map.id).bind(2, map.session.durationSeconds).bind(3, map.session.remainingSeconds);
        s.bind(4, map.session.running ? 1 : 0).run();
    }

    void readVotesAndSession(Map& map)
    {
        {
            auto s = stmt("SELECT step, count FROM step_votes WHERE map_id = ?1 ORDER BY step");
            s.bind(1, map.id);
            while (s.step())
                map.votes.emplace(s.text(0), s.integer(1));
        }
        auto s = stmt("SELECT duration, remaining, running FROM map_sessions WHERE map_id = ?1");
        s.bind(1, map.id);
        if (s.step())
            map.session = SessionTimer{s.integer(0), s.integer(1), s.integer(2) != 0};
    }

    void writeMapRow(const Map& map, bool props)
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

    Map loadMap(const std::string& mapId)
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
        readAll<Lane>(map, indexes);
        readAll<Phase>(map, indexes);
        readAll<Step>(map, indexes);
        readAll<Flow>(map, indexes);
        readAll<Annotation>(map, indexes);
        readAll<StickyNote>(map, indexes);
        readAll<ParkingItem>(map, indexes);
        readVotesAndSession(map);
        // The caller is about to edit what it loaded: keep the mirror of exactly this state.
        if (!readOnly)
            orders[mapId] = std::move(indexes);
        return map;
    }

    void addMap(const Map& map)
    {
        requireWritable();
        if (map.id.empty())
            throw WorkspaceError("a map needs an id to be stored in " + path);
        const std::vector<std::string> problems = modelProblems(map);
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
        insertAll<Lane>(map, indexes);
        insertAll<Phase>(map, indexes);
        insertAll<Step>(map, indexes);
        insertAll<Flow>(map, indexes);
        insertAll<Annotation>(map, indexes);
        insertAll<StickyNote>(map, indexes);
        insertAll<ParkingItem>(map, indexes);
        std::set<std::string> voted;
        for (const auto& vote : map.votes)
            voted.insert(vote.first);
        writeVotes(map, voted);
        if (map.session != SessionTimer{})
            writeSession(map);
        tx.commit();
        orders[map.id] = std::move(indexes);
    }

    Map loadRevision(const std::string& revisionId)
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
};

Workspace::Workspace(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Workspace Workspace::open(const std::string& path, Mode mode)
{
    // Everything up to the read-write open only reads: a file we refuse keeps every byte,
    // and gets no -wal or -shm file beside it.
    const storage::FileHeader header = storage::readFileHeader(path);
    // With committed pages still in the -wal file (another Crosswalk has the workspace open,
    // or one crashed), the main file's header can be older than the database: a workspace
    // created but never checkpointed even has an empty main file. Then only what the header
    // cannot have lost decides here, and the check through SQLite below decides the rest.
    const bool walPending = fileSize(path + "-wal") > 0;
    if (!(walPending && header.fileSize == 0)) {
        if (!header.isSqlite)
            throw WorkspaceError(path + " is not a Crosswalk workspace (it is not an SQLite database)");
        if (!header.complete)
            throw WorkspaceError(damaged(path, "the file ends inside the database header (" +
                                                   std::to_string(header.fileSize) + " bytes)"));
        // An application id is set once, in the transaction that creates the schema: a
        // stale header can lack it (0) but never hold another one.
        if (!(walPending && header.applicationId == 0))
            checkIdentity(path, header.applicationId, header.userVersion);
        // Versions only grow, so a stale header can only understate it.
        checkIdentity(path, kWorkspaceApplicationId, header.userVersion);
        if (!walPending && header.declaredSize() > header.fileSize)
            throw WorkspaceError(damaged(path, "the file is truncated (" + std::to_string(header.fileSize) + " of " +
                                                   std::to_string(header.declaredSize()) + " bytes)"));
    }

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->readOnly = true;
    impl->db = openForReading(path);
    std::int64_t version = 0;
    try {
        configureCommon(impl->db);
        version = storage::queryInt(impl->db, "PRAGMA user_version");
        checkIdentity(path, storage::queryInt(impl->db, "PRAGMA application_id"), version);
        std::vector<std::string> problems;
        {
            // integrity_check, not quick_check: quick_check does not compare indexes with
            // their tables, and a damaged primary-key index passes it, after which edits
            // that find rows through the index would write the damage further.
            Statement s(impl->db, "PRAGMA integrity_check(5)");
            while (s.step())
                problems.push_back(s.text(0));
        }
        if (problems.size() != 1 || problems.front() != "ok") {
            // integrity_check reports a page it could not read as a problem of the file ("unable
            // to get the page. error code=266"); when the read failed for I/O reasons, the
            // disk is at fault, not the file, and saying "damaged" would wrongly alarm.
            for (const std::string& p : problems) {
                const auto at = p.find("error code=");
                if (at == std::string::npos)
                    continue;
                const int code = std::atoi(p.c_str() + at + std::strlen("error code="));
                if ((code & 0xff) != SQLITE_CORRUPT && (code & 0xff) != SQLITE_NOTADB)
                    throw WorkspaceError("cannot read " + path + ": " + reason(code, sqlite3_errstr(code)));
            }
            std::string detail;
            for (const std::string& p : problems)
                detail += (detail.empty() ? "" : "; ") + p;
            throw WorkspaceError(damaged(path, detail));
        }
        if (version == kWorkspaceSchemaVersion) {
            for (std::string_view table : storage::expectedTables()) {
                Statement s(impl->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
                s.bind(1, table);
                if (!s.step())
                    throw WorkspaceError(damaged(path, "table " + std::string(table) + " is missing"));
            }
        }
    } catch (const SqliteError& e) {
        if (e.isDamage())
            throw WorkspaceError(damaged(path, e.what()));
        throw WorkspaceError("cannot read " + path + ": " + reason(e));
    }

    if (mode == Mode::ReadOnly || !canWrite(path)) {
        if (version < kWorkspaceSchemaVersion)
            throw WorkspaceError(path + " uses schema " + std::to_string(version) + ", older than schema " +
                                 std::to_string(kWorkspaceSchemaVersion) +
                                 " of this version; open it once for writing to upgrade it");
        try {
            // Belt and braces: even a bug cannot write through this connection.
            storage::exec(impl->db, "PRAGMA query_only = ON");
        } catch (const SqliteError& e) {
            throw WorkspaceError("cannot read " + path + ": " + reason(e));
        }
        return Workspace(std::move(impl));
    }

    // The file is ours, current or older, and healthy: now open it for writing.
    impl->close();
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        throw WorkspaceError("cannot open " + path + ": " + reason(rc, message));
    }
    impl->db = db;
    impl->readOnly = false;
    try {
        configureCommon(db);
        storage::exec(db, "PRAGMA journal_mode = WAL");
        storage::exec(db, kSynchronous);
        version = storage::queryInt(db, "PRAGMA user_version");
        checkIdentity(path, storage::queryInt(db, "PRAGMA application_id"), version);
        if (version < kWorkspaceSchemaVersion) {
            storage::migrate(db, static_cast<int>(version));
            checkpoint(db);
        }
        // Maps are removed for good when the connection that deleted them closes. One that
        // is still marked a day later was left by a session that ended without closing
        // (a crash): remove it now. A recent one may belong to a session still running
        // (another window or program), whose Undo can still bring it back.
        {
            Statement purge(db, "DELETE FROM maps WHERE deleted IS NOT NULL AND deleted < ?1");
            purge.bind(1, isoBefore(kDeletedMapGrace)).run();
        }
    } catch (const SqliteError& e) {
        if (e.isDamage())
            throw WorkspaceError(damaged(path, e.what()));
        throw WorkspaceError("cannot open " + path + " for writing: " + reason(e));
    }
    return Workspace(std::move(impl));
}

Workspace Workspace::create(const std::string& path)
{
    const std::string exists = path + " already exists; Crosswalk will not overwrite it";
    if (fileExists(path))
        throw WorkspaceError(exists);
    // O_EXCL: if another program creates the file between the check and now, we fail
    // rather than take it over.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EEXIST)
            throw WorkspaceError(exists);
        throw WorkspaceError("cannot create " + path + ": " + std::strerror(errno));
    }
    ::close(fd);

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    auto removeCreated = [&] {
        impl->close();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            ::unlink((path + suffix).c_str());
    };
    const int rc = sqlite3_open_v2(path.c_str(), &impl->db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = impl->db ? sqlite3_errmsg(impl->db) : sqlite3_errstr(rc);
        removeCreated();
        throw WorkspaceError("cannot create " + path + ": " + message);
    }
    impl->readOnly = false;
    try {
        configureCommon(impl->db);
        storage::exec(impl->db, "PRAGMA journal_mode = WAL");
        storage::exec(impl->db, kSynchronous);
        storage::migrate(impl->db, 0);
        checkpoint(impl->db);
    } catch (const SqliteError& e) {
        const WorkspaceError error("cannot create " + path + ": " + reason(e));
        removeCreated();
        throw error;
    }
    return Workspace(std::move(impl));
}

const std::string& Workspace::path() const
{
    return m_impl->path;
}
bool Workspace::readOnly() const
{
    return m_impl->readOnly;
}
sqlite3* Workspace::handle() const
{
    return m_impl->db;
}

std::vector<MapSummary> Workspace::listMaps() const
{
    try {
        std::vector<MapSummary> maps;
        auto s = m_impl->stmt("SELECT m.id, m.district, m.title, "
                              "(SELECT COUNT(*) FROM steps s WHERE s.map_id = m.id) FROM maps m "
                              "WHERE m.deleted IS NULL ORDER BY m.district COLLATE NOCASE, m.district, m.title COLLATE NOCASE, m.title, m.id");
        while (s.step())
            maps.push_back(MapSummary{s.text(0), s.text(1), s.text(2), s.integer(3)});
        return maps;
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "list the maps");
    }
}

bool Workspace::hasMap(const std::string& mapId) const
{
    try {
        return m_impl->hasMap(mapId);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "look up map " + quoted(mapId));
    }
}

Map Workspace::loadMap(const std::string& mapId) const
{
    try {
        return m_impl->loadMap(mapId);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "load map " + quoted(mapId));
    }
}

std::string Workspace::resolveMap(const std::string& ref) const
{
    try {
        if (m_impl->hasMap(ref))
            return ref;
        std::vector<std::string> ids;
        {
            auto s = m_impl->stmt("SELECT id FROM maps WHERE title = ?1 AND deleted IS NULL ORDER BY id");
            s.bind(1, ref);
            while (s.step())
                ids.push_back(s.text(0));
        }
        if (ids.empty())
            throw WorkspaceError("no map with id or title " + quoted(ref) + " in " + m_impl->path);
        if (ids.size() > 1) {
            std::string list;
            for (const std::string& id : ids)
                list += (list.empty() ? "" : ", ") + id;
            throw WorkspaceError("the title " + quoted(ref) + " matches " + std::to_string(ids.size()) + " maps in " +
                                 m_impl->path + " (" + list + "); use a map id");
        }
        return ids.front();
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "look up map " + quoted(ref));
    }
}

void Workspace::addMap(const Map& map)
{
    try {
        m_impl->addMap(map);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "add map " + quoted(map.id));
    }
}

void Workspace::deleteMap(const std::string& mapId)
{
    m_impl->requireWritable();
    try {
        Transaction tx(m_impl->db);
        auto s = m_impl->stmt("UPDATE maps SET deleted = ?2 WHERE id = ?1 AND deleted IS NULL");
        s.bind(1, mapId).bind(2, nowIso()).run();
        if (sqlite3_changes(m_impl->db) == 0)
            throw WorkspaceError(m_impl->noMap(mapId));
        tx.commit();
        m_impl->orders.erase(mapId);
        m_impl->deletedHere.insert(mapId);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "delete map " + quoted(mapId));
    }
}

void Workspace::restoreMap(const std::string& mapId)
{
    m_impl->requireWritable();
    try {
        Transaction tx(m_impl->db);
        auto s = m_impl->stmt("UPDATE maps SET deleted = NULL WHERE id = ?1 AND deleted IS NOT NULL");
        s.bind(1, mapId).run();
        if (sqlite3_changes(m_impl->db) == 0)
            throw WorkspaceError("no deleted map " + quoted(mapId) + " in " + m_impl->path +
                                 " (it is there, or it was removed for good)");
        tx.commit();
        m_impl->deletedHere.erase(mapId);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "restore map " + quoted(mapId));
    }
}

Edit Workspace::applyEdit(Map& map, const Edit& edit, ChangeSet* changes)
{
    Impl& d = *m_impl;
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
        return inverse;
    using storage::planKind;
    std::array<KindPlan, storage::kKindCount> plans;
    try {
        plans = {
            planKind(map.lanes, local.lanes, (*indexes)[Table<Lane>::kind], local.laneOrder),
            planKind(map.phases, local.phases, (*indexes)[Table<Phase>::kind], local.phaseOrder),
            planKind(map.steps, local.steps, (*indexes)[Table<Step>::kind], false),
            planKind(map.flows, local.flows, (*indexes)[Table<Flow>::kind], false),
            planKind(map.annotations, local.annotations, (*indexes)[Table<Annotation>::kind], false),
            planKind(map.stickyNotes, local.stickyNotes, (*indexes)[Table<StickyNote>::kind], false),
            planKind(map.parkingLot, local.parkingLot, (*indexes)[Table<ParkingItem>::kind], false),
        };
        d.write<Lane>(map, plans[Table<Lane>::kind]);
        d.write<Phase>(map, plans[Table<Phase>::kind]);
        d.write<Step>(map, plans[Table<Step>::kind]);
        d.write<Flow>(map, plans[Table<Flow>::kind]);
        d.write<Annotation>(map, plans[Table<Annotation>::kind]);
        d.write<StickyNote>(map, plans[Table<StickyNote>::kind]);
        d.write<ParkingItem>(map, plans[Table<ParkingItem>::kind]);
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
        storage::applyPlan((*indexes)[Table<Lane>::kind], map.lanes, plans[Table<Lane>::kind]);
        storage::applyPlan((*indexes)[Table<Phase>::kind], map.phases, plans[Table<Phase>::kind]);
        storage::applyPlan((*indexes)[Table<Step>::kind], map.steps, plans[Table<Step>::kind]);
        storage::applyPlan((*indexes)[Table<Flow>::kind], map.flows, plans[Table<Flow>::kind]);
        storage::applyPlan((*indexes)[Table<Annotation>::kind], map.annotations, plans[Table<Annotation>::kind]);
        storage::applyPlan((*indexes)[Table<StickyNote>::kind], map.stickyNotes, plans[Table<StickyNote>::kind]);
        storage::applyPlan((*indexes)[Table<ParkingItem>::kind], map.parkingLot, plans[Table<ParkingItem>::kind]);
    } catch (...) {
        d.orders.erase(map.id);
    }
    if (changes)
        changes->merge(local);
    return inverse;
}

Revision Workspace::createRevision(const std::string& mapId, const std::string& name)
{
    m_impl->requireWritable();
    try {
        const Map map = m_impl->loadMap(mapId);
        Revision revision{newId("r-"), mapId, name, nowIso()};
        auto s =
            m_impl->stmt("INSERT INTO revisions (id, map_id, name, created, snapshot) VALUES (?1, ?2, ?3, ?4, ?5)");
        s.bind(1, revision.id).bind(2, mapId).bind(3, name).bind(4, revision.createdAt).bind(5, mapToJson(map));
        s.run();
        return revision;
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "save revision " + quoted(name));
    }
}

std::vector<Revision> Workspace::listRevisions(const std::string& mapId) const
{
    try {
        std::vector<Revision> revisions;
        // Times have one-second resolution; rowid keeps revisions of the same second in
        // the order they were made.
        auto s = m_impl->stmt("SELECT id, map_id, name, created FROM revisions WHERE map_id = ?1 "
                              "ORDER BY created DESC, rowid DESC");
        s.bind(1, mapId);
        while (s.step())
            revisions.push_back(Revision{s.text(0), s.text(1), s.text(2), s.text(3)});
        return revisions;
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "list the revisions of map " + quoted(mapId));
    }
}

Map Workspace::loadRevision(const std::string& revisionId) const
{
    try {
        return m_impl->loadRevision(revisionId);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "load revision " + quoted(revisionId));
    }
}

std::string Workspace::restoreRevision(const std::string& revisionId)
{
    m_impl->requireWritable();
    try {
        std::string name;
        {
            auto s = m_impl->stmt("SELECT name FROM revisions WHERE id = ?1");
            s.bind(1, revisionId);
            if (!s.step())
                throw WorkspaceError("no revision " + quoted(revisionId) + " in " + m_impl->path);
            name = s.text(0);
        }
        Map map = m_impl->loadRevision(revisionId);
        do
            map.id = newId("m-");
        while (m_impl->hasMap(map.id));
        map.props.title += " (restored: " + name + ")";
        m_impl->addMap(map);
        return map.id;
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "restore revision " + quoted(revisionId));
    }
}

std::vector<std::string> Workspace::check() const
{
    Impl& d = *m_impl;
    std::vector<std::string> problems;
    // Each part runs on its own, so that one failure (a missing table) does not hide the rest.
    auto part = [&](std::string_view what, const std::function<void()>& run) {
        try {
            run();
        } catch (const SqliteError& e) {
            problems.push_back(std::string(what) + ": " + e.what());
        } catch (const std::exception& e) {
            problems.push_back(std::string(what) + ": " + e.what());
        }
    };
    auto rows = [&](const std::string& sql, const std::function<std::string(const Statement&)>& describe) {
        Statement s(d.db, sql);
        while (s.step())
            problems.push_back(describe(s));
    };

    part("integrity check", [&] {
        Statement s(d.db, "PRAGMA integrity_check(100)");
        std::vector<std::string> found;
        while (s.step())
            found.push_back(s.text(0));
        if (!(found.size() == 1 && found.front() == "ok"))
            for (const std::string& f : found)
                problems.push_back("integrity: " + f);
    });
    part("foreign key check", [&] {
        rows("PRAGMA foreign_key_check", [](const Statement& s) {
            return "table " + s.text(0) + " row " + s.text(1) + " refers to a missing row of " + s.text(2);
        });
    });
    part("schema check", [&] {
        const std::int64_t appId = storage::queryInt(d.db, "PRAGMA application_id");
        if (appId != kWorkspaceApplicationId)
            problems.push_back("application_id is " + std::to_string(appId) + ", expected " +
                               std::to_string(kWorkspaceApplicationId) + " (not a Crosswalk workspace)");
        const std::int64_t version = storage::queryInt(d.db, "PRAGMA user_version");
        if (version != kWorkspaceSchemaVersion)
            problems.push_back("schema version is " + std::to_string(version) + ", expected " +
                               std::to_string(kWorkspaceSchemaVersion));
        for (std::string_view table : storage::expectedTables()) {
            Statement s(d.db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
            s.bind(1, table);
            if (!s.step())
                problems.push_back("table " + std::string(table) + " is missing");
        }
    });

    auto mapPrefix = [](const Statement& s) { return "map " + quoted(s.text(0)) + ": "; };
    part("step lanes", [&] {
        rows("SELECT s.map_id, s.id, s.lane FROM steps s WHERE NOT EXISTS "
             "(SELECT 1 FROM lanes l WHERE l.map_id = s.map_id AND l.id = s.lane) ORDER BY s.map_id, s.pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "step " + quoted(s.text(1)) + " is in lane " + quoted(s.text(2)) +
                        ", which does not exist";
             });
    });
    part("step phases", [&] {
        rows("SELECT s.map_id, s.id, s.phase FROM steps s WHERE s.phase <> '' AND NOT EXISTS "
             "(SELECT 1 FROM phases p WHERE p.map_id = s.map_id AND p.id = s.phase) ORDER BY s.map_id, s.pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "step " + quoted(s.text(1)) + " is in phase " + quoted(s.text(2)) +
                        ", which does not exist";
             });
    });
    part("flows", [&] {
        for (const auto& [column, verbText] : {std::pair{"from_step", "starts at"}, std::pair{"to_step", "ends at"}}) {
            // A copy, not the binding: clang 14 (the sanitizer and fuzzing build) cannot
            // capture structured bindings in a lambda.
            const std::string verb = verbText;
            rows(std::string("SELECT f.map_id, f.id, f.") + column +
                     " FROM flows f WHERE NOT EXISTS "
                     "(SELECT 1 FROM steps s WHERE s.map_id = f.map_id AND s.id = f." +
                     column + ") ORDER BY f.map_id, f.pos",
                 [&](const Statement& s) {
                     return mapPrefix(s) + "flow " + quoted(s.text(1)) + " " + verb + " step " + quoted(s.text(2)) +
                            ", which does not exist";
                 });
        }
    });
    part("annotation targets", [&] {
        rows("SELECT a.map_id, a.id, a.target FROM annotations a WHERE a.target <> '' "
             "AND NOT EXISTS (SELECT 1 FROM steps s WHERE s.map_id = a.map_id AND s.id = a.target) "
             "AND NOT EXISTS (SELECT 1 FROM flows f WHERE f.map_id = a.map_id AND f.id = a.target) "
             "AND NOT EXISTS (SELECT 1 FROM lanes l WHERE l.map_id = a.map_id AND l.id = a.target) "
             "ORDER BY a.map_id, a.pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "annotation " + quoted(s.text(1)) + " is on " + quoted(s.text(2)) +
                        ", which does not exist";
             });
    });
    part("sticky notes", [&] {
        rows("SELECT n.map_id, n.id, n.step FROM sticky_notes n WHERE NOT EXISTS "
             "(SELECT 1 FROM steps s WHERE s.map_id = n.map_id AND s.id = n.step) ORDER BY n.map_id, n.pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "sticky note " + quoted(s.text(1)) + " is on step " + quoted(s.text(2)) +
                        ", which does not exist";
             });
    });
    part("votes", [&] {
        rows("SELECT v.map_id, v.step FROM step_votes v WHERE NOT EXISTS "
             "(SELECT 1 FROM steps s WHERE s.map_id = v.map_id AND s.id = v.step) ORDER BY v.map_id, v.step",
             [&](const Statement& s) {
                 return mapPrefix(s) + "votes are on step " + quoted(s.text(1)) + ", which does not exist";
             });
    });
    part("duplicate ids", [&] {
        // Within a kind the primary key forbids duplicates; across kinds only we can tell.
        rows("SELECT map_id, id, group_concat(kind, ', ') FROM ("
             "SELECT map_id, id, 'lane' AS kind FROM lanes UNION ALL "
             "SELECT map_id, id, 'phase' FROM phases UNION ALL "
             "SELECT map_id, id, 'step' FROM steps UNION ALL "
             "SELECT map_id, id, 'flow' FROM flows UNION ALL "
             "SELECT map_id, id, 'annotation' FROM annotations UNION ALL "
             "SELECT map_id, id, 'sticky note' FROM sticky_notes UNION ALL "
             "SELECT map_id, id, 'parking-lot item' FROM parking_lot) "
             "GROUP BY map_id, id HAVING COUNT(*) > 1 ORDER BY map_id, id",
             [&](const Statement& s) {
                 return mapPrefix(s) + "id " + quoted(s.text(1)) + " is used more than once (" + s.text(2) + ")";
             });
    });
    part("order", [&] {
        for (const char* table : {"lanes", "phases", "steps", "flows", "annotations", "sticky_notes", "parking_lot"}) {
            rows(std::string("SELECT map_id, pos, COUNT(*) FROM ") + table +
                     " GROUP BY map_id, pos HAVING COUNT(*) > 1 ORDER BY map_id, pos",
                 [&](const Statement& s) {
                     return mapPrefix(s) + s.text(2) + " " + table + " share position " + s.text(1) +
                            ", so their order is undefined";
                 });
        }
    });
    auto inList = [](const auto& names) {
        std::string list;
        for (const auto value : names)
            list += std::string(list.empty() ? "" : ", ") + "'" + std::string(toString(value)) + "'";
        return "(" + list + ")";
    };
    part("kinds", [&] {
        rows("SELECT map_id, id, kind FROM steps WHERE kind NOT IN " + inList(kAllStepKinds) + " ORDER BY map_id, pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "step " + quoted(s.text(1)) + " has an unknown kind " + quoted(s.text(2));
             });
        rows("SELECT map_id, id, kind FROM annotations WHERE kind NOT IN " + inList(kAllAnnotationKinds) +
                 " ORDER BY map_id, pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "annotation " + quoted(s.text(1)) + " has an unknown kind " + quoted(s.text(2));
             });
        rows("SELECT map_id, id, variation FROM annotations WHERE variation IS NOT NULL AND variation NOT IN " +
                 inList(std::array{Variation::Intentional, Variation::Unintentional}) + " ORDER BY map_id, pos",
             [&](const Statement& s) {
                 return mapPrefix(s) + "annotation " + quoted(s.text(1)) + " has an unknown variation " +
                        quoted(s.text(2));
             });
        rows("SELECT id, id, state FROM maps WHERE state NOT IN " +
                 inList(std::array{MapState::Current, MapState::Future}) + " ORDER BY id",
             [&](const Statement& s) { return mapPrefix(s) + "unknown state " + quoted(s.text(2)); });
    });
    part("revisions", [&] {
        Statement s(d.db, "SELECT id, map_id, snapshot FROM revisions ORDER BY map_id, created");
        while (s.step()) {
            try {
                (void)parseMapJson(s.text(2));
            } catch (const ImportError& e) {
                problems.push_back("map " + quoted(s.text(1)) + ": revision " + quoted(s.text(0)) +
                                   " cannot be read: " + e.what());
            }
        }
    });
    return problems;
}

} // namespace crosswalk
