#pragma once

// The -wal and -shm files beside a workspace, watched. SQLite's WAL mode finds both by name
// and trusts that every connection uses the same two: when a person, a clean-up tool or a
// sync client (OneDrive, Dropbox ...) deletes them while Crosswalk has the workspace open,
// the next program to open it makes new ones, and the two writers then overwrite each
// other's pages. We cannot stop the deletion, so each writer checks before it writes, and a
// new opener checks whether someone still uses side files that are gone.

#include <optional>
#include <string>
#include <sys/types.h>

namespace crosswalk::storage {

/// Which file a path names (device and inode), or nothing when there is none.
struct FileId {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileId&) const = default;
};
std::optional<FileId> fileIdOf(const std::string& path);

/// The -wal and -shm a connection uses, as recorded when it opened.
struct SideFiles {
    std::optional<FileId> wal;
    std::optional<FileId> shm;
    static SideFiles of(const std::string& file);
    bool operator==(const SideFiles&) const = default;
};

/// What other programs do with the workspace file, read from the system's lock table
/// (Linux /proc/locks; elsewhere nothing is known and every answer is false/0).
struct LockTable {
    /// Processes holding the workspace open (every WAL connection keeps a shared lock on
    /// the main file), and how many of them also hold the -shm that is there now.
    int holders = 0;
    int holdersOfShm = 0;
    /// Whether a process holds the main file while the -shm it shares is gone or replaced.
    bool someoneLostShm() const { return holders > holdersOfShm; }
    static LockTable of(const std::string& file);
};

/// The sync client whose folder the path is in ("OneDrive", "Dropbox", "Google Drive",
/// "iCloud Drive", "Nextcloud", "ownCloud"), or nothing.
std::optional<std::string> syncFolderOf(const std::string& realPath);

/// The real path of an existing file (symlinks resolved), so that SQLite finds the -wal and
/// -shm beside the real file and not beside a link; the path itself when it cannot be
/// resolved (it does not exist: the caller's own check says so).
std::string realFilePath(const std::string& path);

} // namespace crosswalk::storage

namespace crosswalk::storage {

/// What a reader that takes no locks (SQLite's immutable mode) needs to know about the file
/// to tell whether another program changed it while it read: the main file's identity, size
/// and time of change, and the -wal's. Equal stamps before and after a read: the read saw one
/// state of the file.
struct FileStamp {
    std::optional<FileId> main;
    long long size = -1;
    long long modifiedNs = 0;
    long long changedNs = 0;
    std::optional<FileId> wal;
    long long walSize = -1;
    long long walModifiedNs = 0;
    static FileStamp of(const std::string& file);
    bool operator==(const FileStamp&) const = default;
};

} // namespace crosswalk::storage
