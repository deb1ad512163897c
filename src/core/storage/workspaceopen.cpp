// Opening and creating a workspace file: everything that decides whether a file is ours
// and healthy before a single byte of it is written.

#include "walcheck.h"
#include "fileheader.h"
#include "schema.h"
#include "schemacheck.h"
#include "sidefiles.h"
#include "workspacefiles.h"
#include "workspaceimpl.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <random>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <fcntl.h>
#include <unistd.h>

namespace crosswalk {

using storage::SqliteError;
using storage::Statement;
using namespace storage; // the file helpers of workspacefiles.h

namespace {

/// "-shm" or "-wal" when a process has the workspace open while that side file is gone or
/// replaced. A process that is just opening or closing holds the main file's lock for a
/// moment without the -shm's, so only an answer that stays is believed.
std::optional<std::string> lostSideFile(const std::string& file)
{
    for (int look = 0; look < 20; ++look) {
        const LockTable locks = LockTable::of(file);
        if (locks.holders == 0)
            return std::nullopt;
        const bool shmLost = locks.someoneLostShm();
        const bool walLost = !fileExists(file + "-wal") && fileExists(file + "-shm");
        if (!shmLost && !walLost)
            return std::nullopt;
        if (look == 19)
            return shmLost ? "-shm" : "-wal";
        ::usleep(5000);
    }
    return std::nullopt;
}

} // namespace

Workspace Workspace::open(const std::string& path, Mode mode)
{
    // A symlinked workspace: SQLite looks for the -wal beside the name it is given, so it is
    // given the real file, or committed edits in the -wal beside it would be missed.
    const std::string file = storage::realFilePath(path);
    // Another program may be writing (and checkpointing into the main file) while we look:
    // a verdict reached while the file changed under us is no verdict. Look again.
    int damageLooks = 0;
    for (int attempt = 0;; ++attempt) {
        const FileStamp before = FileStamp::of(file);
        try {
            return Workspace(openOnce(path, file, mode, before));
        } catch (const WorkspaceError& e) {
            // File times are coarse (a few ms), so a writer can change the file without
            // changing its stamp; a torn read does not repeat, real damage does. So a
            // "damaged" verdict is believed only when it comes back on a second look.
            const bool damage = std::string_view(e.what()).find(" is damaged: ") != std::string_view::npos;
            if (attempt >= 50 || (FileStamp::of(file) == before && !(damage && ++damageLooks < 2))) {
                // Damage that is only the -wal's: say so, and what to do (issue 19).
                if (damage)
                    if (auto foreign = storage::foreignWalMessage(path, file))
                        throw WorkspaceError(*foreign);
                throw;
            }
        }
        ::usleep(static_cast<useconds_t>(1000 * (1 + attempt % 10)));
    }
}

std::unique_ptr<Workspace::Impl> Workspace::openOnce(const std::string& path, const std::string& file, Mode mode,
                                                     const storage::FileStamp& before)
{
    // Everything up to the read-write open only reads: a file we refuse keeps every byte,
    // and gets no -wal or -shm file beside it.
    const storage::FileHeader header = storage::readFileHeader(file);
    // With committed pages still in the -wal file (another Crosswalk has the workspace open,
    // or one crashed), the main file's header can be older than the database: a workspace
    // created but never checkpointed even has an empty main file. Then only what the header
    // cannot have lost decides here, and the check through SQLite below decides the rest.
    const bool walPending = fileSize(file + "-wal") > 0;
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
    impl->file = file;
    impl->readOnly = true;
    impl->stamp = before;
    // Someone has the workspace open while its -shm or -wal is gone: reading through new
    // side files would mix two views of the file, and writing would damage it.
    if (const auto lost = lostSideFile(file))
        throw WorkspaceError(path + " is open in another Crosswalk window or program, but its " + *lost +
                             " file beside it was deleted (by a person, a clean-up tool or a sync client such "
                             "as OneDrive or Dropbox). Opening it now could damage it: close it there first, "
                             "then open it again. Keep workspaces outside sync folders");
    // A -wal left by a crash beside a file restored from a backup would re-apply old edits.
    if (auto stale = storage::staleWalMessage(path, file))
        throw WorkspaceError(*stale);
    impl->db = openForReading(file, path, &impl->immutable);
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
        impl->schemaDifferences = schemaDifferences(impl->db, static_cast<int>(version));
    } catch (const SqliteError& e) {
        if (e.isDamage())
            throw WorkspaceError(damaged(path, e.what()));
        throw WorkspaceError("cannot read " + path + ": " + reason(e));
    }

    if (mode == Mode::ReadOnly || !canWrite(path)) {
        // Schema 3 differs from 4 only by the sessions table, which a reader does without
        // (it lists no sessions): such a file opens read-only as it is.
        if (version < kWorkspaceSchemaVersion && version != 3)
            throw WorkspaceError(path + " uses schema " + std::to_string(version) + ", older than schema " +
                                 std::to_string(kWorkspaceSchemaVersion) +
                                 " of this version; open it once for writing to upgrade it");
        try {
            // Belt and braces: even a bug cannot write through this connection.
            storage::exec(impl->db, "PRAGMA query_only = ON");
        } catch (const SqliteError& e) {
            throw WorkspaceError("cannot read " + path + ": " + reason(e));
        }
        if (impl->immutable && !(FileStamp::of(file) == before))
            throw WorkspaceError(path + " changed while it was read");
        return impl;
    }
    if (!impl->schemaDifferences.empty())
        throw WorkspaceError(schemaRefusal(path, impl->schemaDifferences));

    // The file is ours, current or older, and healthy: now open it for writing.
    impl->close();
    impl->immutable = false;
    impl->openWriter();
    sqlite3* db = impl->db;
    try {
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
        impl->sideFiles = SideFiles::of(file);
    } catch (const SqliteError& e) {
        if (e.isDamage())
            throw WorkspaceError(damaged(path, e.what()));
        throw WorkspaceError("cannot open " + path + " for writing: " + reason(e));
    }
    return impl;
}

void Workspace::Impl::openWriter()
{
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        sqlite3_close(handle);
        throw WorkspaceError("cannot open " + path + ": " + reason(rc, message));
    }
    db = handle;
    readOnly = false;
    try {
        configureCommon(db);
        storage::exec(db, "PRAGMA journal_mode = WAL");
        storage::exec(db, kSynchronous);
        storage::installCheckpointHook(db);
        // Reading once makes SQLite open (or make) the -wal and -shm this connection uses.
        storage::queryInt(db, "SELECT count(*) FROM sqlite_schema");
        sideFiles = SideFiles::of(file);
    } catch (const SqliteError& e) {
        if (e.isDamage())
            throw WorkspaceError(damaged(path, e.what()));
        throw WorkspaceError("cannot open " + path + " for writing: " + reason(e));
    }
}

Workspace Workspace::create(const std::string& path)
{
    const std::string exists = path + " already exists; Crosswalk will not overwrite it";
    if (fileExists(path))
        throw WorkspaceError(exists);
    // Built under a temporary name in the same folder, then linked to its name: a creation
    // killed halfway leaves only the temporary file, never a zero-byte or half-made workspace
    // under the name every command would then refuse. link() fails when the name exists, so
    // of two creators one wins and the other is told it exists.
    const std::filesystem::path target(path);
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    std::random_device random;
    const std::string temp =
        (folder / ("." + target.filename().string() + ".creating-" + std::to_string(::getpid()) + "-" +
                   std::to_string(random() % 1000000)))
            .string();
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        throw WorkspaceError("cannot create " + path + ": " + std::strerror(errno));
    ::close(fd);
    auto removeTemp = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            ::unlink((temp + suffix).c_str());
    };
    {
        sqlite3* db = nullptr;
        const int rc = sqlite3_open_v2(temp.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
        if (rc != SQLITE_OK) {
            const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
            sqlite3_close(db);
            removeTemp();
            throw WorkspaceError("cannot create " + path + ": " + reason(rc, message));
        }
        try {
            configureCommon(db);
            storage::exec(db, "PRAGMA journal_mode = WAL");
            storage::exec(db, kSynchronous);
            storage::migrate(db, 0);
            checkpoint(db);
        } catch (const SqliteError& e) {
            const WorkspaceError error("cannot create " + path + ": " + reason(e));
            sqlite3_close(db);
            removeTemp();
            throw error;
        }
        // Closing folds the WAL into the file and removes the -wal and -shm; the file is
        // complete on its own. fsync: the name must not appear before the content does.
        sqlite3_close(db);
        const int sync = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
        if (sync >= 0) {
            ::fsync(sync);
            ::close(sync);
        }
    }
    if (::link(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        if (err == EEXIST) {
            removeTemp();
            throw WorkspaceError(exists);
        }
        // A file system without hard links (FAT, some network shares): rename without
        // replacing, where the system has it.
        if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
            const int err2 = errno;
            removeTemp();
            if (err2 == EEXIST)
                throw WorkspaceError(exists);
            throw WorkspaceError("cannot create " + path + ": " + std::strerror(err));
        }
    }
    removeTemp();
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return open(path);
}

} // namespace crosswalk
