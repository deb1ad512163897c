#pragma once

// The file side of a workspace, private to storage: the paths beside it, whether it may be
// written, opening it without writing a byte, and the words of its error messages.

#include "sqlite.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace crosswalk::storage {

// Durability: the workspace runs in WAL mode with synchronous = NORMAL. Every commit is
// written to the -wal file before applyEdit() returns, so a crash of Crosswalk (or of
// anything but the operating system) loses nothing that was shown; the WAL is synced at
// each checkpoint, so a power cut cannot corrupt the file, but it can roll back the last
// few edits before it. FULL would sync the WAL on every edit: 1-10 ms per drag on a laptop
// SSD and far more on network drives, which breaks the 2 ms edit budget for a risk the
// design accepts ("a crash loses nothing that was shown on screen").
inline constexpr const char* kSynchronous = "PRAGMA synchronous = NORMAL";

// Another Crosswalk (or the CLI) may hold the write lock for a moment; wait rather than fail.
inline constexpr int kBusyTimeoutMs = 5000;

/// How long a map marked deleted by a session that never closed (a crash) is kept.
inline constexpr std::chrono::hours kDeletedMapGrace{24};

/// The time `ago` before now, as stored (ISO 8601 UTC, which sorts as text).
std::string isoBefore(std::chrono::seconds ago);
std::string nowIso();

std::string quoted(const std::string& text);
std::string damaged(const std::string& path, const std::string& detail);
/// SQLite's words for a failure, with what a person can do about the ones that are not the
/// file's fault: the disk failing, the disk full, another program holding the file.
std::string reason(int code, const std::string& what);
std::string reason(const SqliteError& e);
std::string readOnlyMessage(const std::string& path);
/// Why a workspace whose schema differs from Crosswalk's is not written.
std::string schemaRefusal(const std::string& path, const std::vector<std::string>& differences);
/// Why a connection whose -wal/-shm were deleted or replaced stops writing.
std::string sideFilesLostMessage(const std::string& path);

/// The refusals decided by the two header fields, shared by the raw header check and the
/// check through SQLite (which sees a header still in the -wal file).
void checkIdentity(const std::string& path, std::int64_t applicationId, std::int64_t userVersion);

bool fileExists(const std::string& path);
std::uint64_t fileSize(const std::string& path);
/// Whether we may write the file, and create the -wal and -shm files next to it.
bool canWrite(const std::string& path);

/// Copies the WAL into the main file, so that its header (application id, schema version)
/// is in the file itself at once, for any program that reads the header without SQLite,
/// including our own open() in another process.
void checkpoint(sqlite3* db);
/// A file: URI naming path, safe for any character in it.
std::string fileUriOf(const std::string& path);
/// What every connection sets: extended codes, the busy timeout, foreign keys.
void configureCommon(sqlite3* db);
/// Opens `file` (named `path` in messages) for reading only, in a way that writes nothing at
/// all next to it; *immutable says whether it takes no locks (no -wal was there), in which
/// case the caller must check that the file did not change while it read (FileStamp).
sqlite3* openForReading(const std::string& file, const std::string& path, bool* immutable);

} // namespace crosswalk::storage
