#pragma once

// The state behind a Workspace and the SQL of its maps, private to storage. workspace.cpp
// holds the public calls, workspaceopen.cpp opening and creating the file.

#include "order.h"
#include "sidefiles.h"
#include "sqlite.h"
#include "tables.h"

#include "crosswalk/storage/workspace.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosswalk {

using PosIndexes = std::array<storage::PosIndex, storage::kKindCount>;

struct Workspace::Impl {
    std::string path;
    // The real file (symlinks resolved): SQLite finds the -wal and -shm beside it.
    std::string file;
    bool readOnly = true;
    sqlite3* db = nullptr;
    // A reader without locks (immutable: there was no -wal): the stamp of the file when it
    // opened. A read that ends with another stamp may have seen a checkpoint half done, and
    // is done again on a fresh connection (see consistently()).
    bool immutable = false;
    storage::FileStamp stamp;
    // A writer: the side files it uses. When they are gone or replaced (deleted by a person
    // or a sync client), writing on would damage the file; see guardSideFiles().
    storage::SideFiles sideFiles;
    bool sideFilesLost = false;
    // Differences from the schema Crosswalk makes: such a file is not written (a trigger
    // would run with our writes).
    std::vector<std::string> schemaDifferences;
    // Prepared once, reused for every edit; keyed by their SQL text.
    std::map<std::string, sqlite3_stmt*, std::less<>> statements;
    // The stored pos of every entity of the maps loaded or written through this workspace.
    std::unordered_map<std::string, PosIndexes> orders;
    // Maps deleted through this connection and not restored: removed for good on close.
    std::set<std::string> deletedHere;
    // PRAGMA data_version when the mirrors were last known right; another connection's
    // commit changes it, and the mirrors are then rebuilt from the file.
    std::int64_t dataVersion = -1;
    // Commits through this connection, per map (see Workspace::version()).
    std::unordered_map<std::string, std::int64_t> versions;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() { close(); }

    void close() noexcept;
    storage::Statement stmt(std::string_view sql);
    WorkspaceError error(const storage::SqliteError& e, std::string_view doing) const;
    /// Throws unless this connection may write now: not read-only, the schema as Crosswalk
    /// made it, and the side files still the ones this connection uses.
    void requireWritable();
    /// Checks the -wal and -shm before a write (see sidefiles.h). A -wal deleted while no
    /// other program has the workspace open is healed: the WAL is folded into the main file
    /// and the connection reopened. Anything else stops all writing through this connection.
    void guardSideFiles();
    /// Opens `file` for writing on this Impl (journal mode, synchronous ...).
    void openWriter();
    /// Runs a read; for a reader without locks, again on a fresh connection when the file
    /// changed while it ran.
    template <typename F> auto consistently(F&& read) -> decltype(read())
    {
        for (int attempt = 0;; ++attempt) {
            if (!immutable)
                return read();
            try {
                auto result = read();
                if (storage::FileStamp::of(file) == stamp)
                    return result;
            } catch (...) {
                if (attempt >= 50 || storage::FileStamp::of(file) == stamp)
                    throw;
            }
            reopenReader();
        }
    }
    void reopenReader();
    std::string noMap(const std::string& mapId) const;

    bool hasMap(const std::string& mapId);
    Map loadMap(const std::string& mapId);
    void addMap(const Map& map);
    Map loadRevision(const std::string& revisionId);
    /// Applies and commits in one transaction; on failure map is as it was.
    CommitResult commit(Map& map, const Edit& edit);

private:
    /// Forgets every pos mirror when another connection has committed since we last looked.
    void syncDataVersion();
    PosIndexes& orderForEdit(const Map& map);
    template <typename T> void write(const Map& map, const storage::KindPlan& plan);
    template <typename T> void insertAll(const Map& map, PosIndexes& indexes);
    template <typename T> void readAll(Map& map, PosIndexes& indexes);
    void writeVotes(const Map& map, const std::set<std::string>& steps);
    void writeSession(const Map& map);
    void readVotesAndSession(Map& map);
    void writeMapRow(const Map& map, bool props);
};

} // namespace crosswalk
