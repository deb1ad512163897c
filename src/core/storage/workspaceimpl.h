#pragma once

// The state behind a Workspace and the SQL of its maps, private to storage. workspace.cpp
// holds the public calls, workspaceopen.cpp opening and creating the file.

#include "order.h"
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

namespace crosswalk {

using PosIndexes = std::array<storage::PosIndex, storage::kKindCount>;

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
    // Commits through this connection, per map (see Workspace::version()).
    std::unordered_map<std::string, std::int64_t> versions;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() { close(); }

    void close() noexcept;
    storage::Statement stmt(std::string_view sql);
    WorkspaceError error(const storage::SqliteError& e, std::string_view doing) const;
    void requireWritable() const;
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
