#include "walcheck.h"

#include "sidefiles.h"
#include "sqlite.h"
#include "workspacefiles.h"

#include "crosswalk/storage/workspace.h"

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>

namespace crosswalk::storage {

namespace {

constexpr int kAutoCheckpointPages = 1000; // SQLite's default, which this hook replaces
constexpr std::uint64_t kWalHeaderBytes = 32;

long long ns(const timespec& t)
{
    return static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec;
}

/// A -wal with frames in it, which no process holds open: left by a Crosswalk (or another
/// program) that stopped without closing, or put there by someone.
bool leftoverWal(const std::string& file)
{
    return fileSize(file + "-wal") > kWalHeaderBytes && LockTable::of(file).holders == 0;
}

bool mainFileAloneIntact(const std::string& file)
{
    // immutable: the main file only, no -wal read, no lock taken, nothing written.
    sqlite3* db = nullptr;
    const std::string uri = fileUriOf(file) + "?mode=ro&immutable=1";
    bool intact = false;
    if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) == SQLITE_OK) {
        try {
            intact = queryInt(db, "PRAGMA application_id") == kWorkspaceApplicationId;
            Statement s(db, "PRAGMA integrity_check(1)");
            intact = intact && s.step() && s.text(0) == "ok";
        } catch (const SqliteError&) {
            intact = false;
        }
    }
    sqlite3_close(db);
    return intact;
}

std::string whatToDo(const std::string& path)
{
    return " If no Crosswalk window or program has the workspace open, move " + path + "-wal (and " + path +
           "-shm, if there is one) into another folder, keeping them, and open the workspace again: it then " +
           "opens as the file itself holds it. Crosswalk has changed nothing.";
}

} // namespace

std::optional<std::string> staleWalMessage(const std::string& path, const std::string& file)
{
    if (!leftoverWal(file))
        return std::nullopt;
    struct stat main {};
    struct stat wal {};
    if (::stat(file.c_str(), &main) != 0 || ::stat((file + "-wal").c_str(), &wal) != 0)
        return std::nullopt;
    // The main file must have changed well after the -wal was last written AND after the
    // -wal's own change time: moving or copying the two files together (a crashed workspace
    // carried to another folder, `cp -p`) renews both change times, so only a main file
    // replaced on its own counts as stale. (Run as root, SQLite re-owns a -wal it opens, which
    // renews its change time too; see docs/reliability.md.)
    const long long walChanged = std::max(ns(wal.st_mtim), ns(wal.st_ctim));
    if (ns(main.st_ctim) <= walChanged + kStaleWalGapNs)
        return std::nullopt;
    return path + " was replaced (a backup restored, or a copy put in its place) after the file " + path +
           "-wal beside it was last written by a Crosswalk that stopped without closing. Opening it now would " +
           "apply the edits in that -wal, made to the file as it was then, to the file as it is now." +
           whatToDo(path) + " To keep the edits in the -wal instead, put back the file that was there before.";
}

std::optional<std::string> foreignWalMessage(const std::string& path, const std::string& file)
{
    if (!leftoverWal(file) || !mainFileAloneIntact(file))
        return std::nullopt;
    return path + " is intact, but the file " + path + "-wal beside it does not belong with it (it was left " +
           "from an earlier state of the file, or comes from another workspace), and read together they do " +
           "not make a whole workspace." + whatToDo(path);
}

void touchWal(const std::string& file)
{
    const std::string wal = file + "-wal";
    if (fileExists(wal))
        ::utimensat(AT_FDCWD, wal.c_str(), nullptr, 0);
}

void installCheckpointHook(sqlite3* db)
{
    sqlite3_wal_hook(
        db,
        [](void*, sqlite3* handle, const char* name, int pages) {
            if (pages >= kAutoCheckpointPages) {
                sqlite3_wal_checkpoint_v2(handle, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
                if (const char* file = sqlite3_db_filename(handle, name); file && *file)
                    touchWal(file);
            }
            return SQLITE_OK;
        },
        nullptr);
}

} // namespace crosswalk::storage
