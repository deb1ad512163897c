#pragma once

// A -wal beside a workspace that does not belong with the main file (issue 19, finding 11).
// SQLite applies whatever valid -wal it finds beside a database: one left by a crash next to
// a backup restored over the main file re-applies the crash-era edits to the backup, silently;
// one from another workspace makes a healthy file read as "damaged". Neither is the file's
// fault, and the person needs to know what to do.

#include <sqlite3.h>

#include <optional>
#include <string>

namespace crosswalk::storage {

/// How much later than the -wal last changed (written, moved or copied: its change time) the
/// main file must have changed for the -wal to count as left over from before the file was
/// replaced. Crosswalk touches the -wal after
/// each checkpoint (which writes the main file), so between its own writes the gap is
/// microseconds; a backup is restored seconds or days later.
inline constexpr long long kStaleWalGapNs = 2'000'000'000;

/// The message refusing a workspace whose leftover -wal (no process has the workspace open)
/// last changed well before the main file did; nothing when that is not so.
std::optional<std::string> staleWalMessage(const std::string& path, const std::string& file);

/// For a workspace found damaged with a -wal beside it that no process uses: the message
/// saying the -wal does not fit when the main file alone is intact; nothing otherwise.
std::optional<std::string> foreignWalMessage(const std::string& path, const std::string& file);

/// Marks the -wal of file as written now (after a checkpoint wrote the main file), so that
/// staleWalMessage does not take a checkpoint for a replaced file. Does nothing without a -wal.
void touchWal(const std::string& file);

/// SQLite's automatic checkpoint (at 1000 pages of -wal), followed by touchWal.
void installCheckpointHook(sqlite3* db);

} // namespace crosswalk::storage
