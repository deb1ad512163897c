#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace crosswalk {

inline constexpr std::int32_t kWorkspaceApplicationId = 0x43525357; // "CRSW"
inline constexpr int kWorkspaceSchemaVersion = 3;

/// A workspace that cannot be opened or written; what() says what is wrong in words a
/// person can act on, and names the file.
class WorkspaceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One line of the map library.
struct MapSummary {
    std::string id;
    std::string district;
    std::string title;
    int steps = 0;
    bool operator==(const MapSummary&) const = default;
};

/// One SQLite file holding many maps. Every applied edit is committed at once, in its own
/// transaction: there is no Save.
class Workspace final {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens an existing workspace. Refuses, leaving the file byte for byte as it was,
    /// a file that is missing, not SQLite, not a Crosswalk workspace, from a newer version,
    /// or damaged. A file that cannot be written opens read-only (see readOnly()).
    static Workspace open(const std::string& path, Mode mode = Mode::ReadWrite);
    /// Creates a new, empty workspace; refuses to overwrite an existing file.
    static Workspace create(const std::string& path);

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    const std::string& path() const;
    bool readOnly() const;

    /// Maps sorted by district, then title.
    std::vector<MapSummary> listMaps() const;
    bool hasMap(const std::string& mapId) const;
    /// Throws WorkspaceError when there is no such map.
    Map loadMap(const std::string& mapId) const;
    /// Finds a map by id, else by exact title; throws WorkspaceError naming the ref when
    /// there is none, or when the title is ambiguous.
    std::string resolveMap(const std::string& ref) const;

    /// Stores a new map (its id must be free) in one transaction.
    void addMap(const Map& map);
    /// Deletes a map: from now on no call of this workspace sees it, but it is kept, with
    /// its revisions and decisions, until restoreMap() brings it back or the workspace is
    /// next opened for writing, which removes deleted maps for good.
    void deleteMap(const std::string& mapId);
    /// Brings back a map deleted since the workspace was opened.
    void restoreMap(const std::string& mapId);

    /// Applies the edit to map (which must be the stored state of a map of this workspace)
    /// and commits the change in one transaction. Returns the inverse. If the commit fails,
    /// map is left as it was and WorkspaceError is thrown; EditError when the edit does
    /// not fit the map.
    Edit applyEdit(Map& map, const Edit& edit, ChangeSet* changes = nullptr);

    /// Snapshots the stored map under a name.
    Revision createRevision(const std::string& mapId, const std::string& name);
    /// Newest first.
    std::vector<Revision> listRevisions(const std::string& mapId) const;
    Map loadRevision(const std::string& revisionId) const;
    /// Adds the revision's map as a new map (new map id, title marked) and returns its id.
    std::string restoreRevision(const std::string& revisionId);

    /// Integrity and schema check: returns the problems found (empty when all is well).
    std::vector<std::string> check() const;

    /// The raw connection, for storage code and tests only.
    sqlite3* handle() const;

private:
    struct Impl;
    explicit Workspace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace crosswalk
