#include "workspacefiles.h"

#include "crosswalk/storage/workspace.h"
#include "walcheck.h"

#include <ctime>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace crosswalk::storage {
namespace {

std::string parentDirectory(const std::string& path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
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

} // namespace

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

std::string schemaRefusal(const std::string& path, const std::vector<std::string>& differences)
{
    std::string message = path + " has a schema that Crosswalk did not make (" + differences.front();
    if (differences.size() > 1)
        message += ", and " + std::to_string(differences.size() - 1) + " more differences";
    return message + "). A changed schema can make every edit change other maps too, so Crosswalk " +
           "opens it only for reading; `crosswalk check` lists the differences";
}

std::string sideFilesLostMessage(const std::string& path)
{
    return "the files " + path + "-wal and -shm, which Crosswalk uses while the workspace is open, were " +
           "deleted or replaced (by a person, a clean-up tool, or a sync client such as OneDrive, Dropbox " +
           "or Google Drive). To keep the workspace intact, Crosswalk saves nothing more through this " +
           "window: close the workspace in every Crosswalk window and program, then open it again. " +
           "Keep workspaces outside sync folders";
}

void checkIdentity(const std::string& path, std::int64_t applicationId, std::int64_t userVersion)
{
    if (applicationId != kWorkspaceApplicationId)
        throw WorkspaceError(path + " is an SQLite database from another program, not a Crosswalk workspace");
    // A version far beyond any Crosswalk that exists is a damaged header, not a newer program.
    if (userVersion > kWorkspaceSchemaVersion + 1000 || userVersion < 0)
        throw WorkspaceError(damaged(path, "its header holds schema version " + std::to_string(userVersion) +
                                               ", which no Crosswalk has written"));
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

void checkpoint(sqlite3* db)
{
    const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    // The main file was (maybe partly) written: the -wal stays the newer one (walcheck.h).
    if (const char* file = sqlite3_db_filename(db, "main"); file && *file)
        touchWal(file);
    check(db, rc, "checkpoint");
}

std::string fileUriOf(const std::string& path)
{
    return fileUri(path);
}

bool canWrite(const std::string& path)
{
    // access() asks with the real ids, which is what a desktop program runs as.
    if (::access(path.c_str(), W_OK) != 0)
        return false;
    if (::access(parentDirectory(path).c_str(), W_OK) != 0)
        return false;
    const std::string wal = path + "-wal";
    return !fileExists(wal) || ::access(wal.c_str(), W_OK) == 0;
}

void configureCommon(sqlite3* db)
{
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    // A workspace is a file people email each other: untrusted input. Defensive mode refuses
    // what could corrupt the file on purpose (writable_schema ...), and an untrusted schema
    // may not call functions with side effects from its views and triggers.
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    // Foreign keys are off by default in SQLite and must be switched on for every
    // connection, outside any transaction.
    exec(db, "PRAGMA foreign_keys = ON");
}

// A WAL database opened with mode=ro still creates -shm and -wal files; immutable=1 does
// not, and is exact when there is no -wal file, since then no connection has the file open
// and everything is in the main file. When a -wal file exists (Crosswalk has the file open,
// or crashed), its content matters, so we read through it normally: the side files exist
// already and the main file is still not written.
// Immutable takes no locks: a writer that opens while we read may checkpoint into the main
// file under us, and we would read half of it (and call a healthy file damaged). So the
// caller compares the file's stamp before and after every read and reads again when it
// changed (Workspace::Impl::consistently()).
sqlite3* openForReading(const std::string& file, const std::string& path, bool* immutable)
{
    const bool walExists = fileExists(file + "-wal");
    *immutable = !walExists;
    const std::string uri = fileUri(file) + (walExists ? "?mode=ro" : "?mode=ro&immutable=1");
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

} // namespace crosswalk::storage
