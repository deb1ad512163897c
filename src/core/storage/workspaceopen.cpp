// Opening and creating a workspace file: everything that decides whether a file is ours
// and healthy before a single byte of it is written.

#include "fileheader.h"
#include "schema.h"
#include "workspacefiles.h"
#include "workspaceimpl.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace crosswalk {

using storage::SqliteError;
using storage::Statement;
using namespace storage; // the file helpers of workspacefiles.h

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

} // namespace crosswalk
