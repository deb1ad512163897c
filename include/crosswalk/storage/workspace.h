#pragma once

#include "crosswalk/storage/mapstore.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace crosswalk {

inline constexpr std::int32_t kWorkspaceApplicationId = 0x43525357; // "CRSW"
inline constexpr int kWorkspaceSchemaVersion = 4;

namespace storage {
struct WorkspaceAccess;
struct FileStamp;
}

/// A workspace that cannot be opened or written; what() says what is wrong in words a
/// person can act on, and names the file.
class WorkspaceError : public virtual StoreError {
public:
    explicit WorkspaceError(const std::string& message) : StoreError(message) {}
};

/// A commit refused because another Crosswalk window or program changed the map in the
/// file since it was loaded here: both a WorkspaceError and a CommitConflict.
class WorkspaceConflict final : public WorkspaceError, public CommitConflict {
public:
    explicit WorkspaceConflict(const std::string& message)
        : StoreError(message), WorkspaceError(message), CommitConflict(message)
    {
    }
};

/// One SQLite file holding many maps: the MapStore of the desktop app. Every commit is its
/// own transaction: there is no Save. Errors are WorkspaceError, naming the file.
/// version() counts the commits to a map through this Workspace object since it was opened
/// (the file keeps no version); another program's commit is noticed when this one commits
/// (WorkspaceConflict), not delivered by pollChanges().
class Workspace final : public MapStore {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens an existing workspace. Refuses, leaving the file byte for byte as it was,
    /// a file that is missing, not SQLite, not a Crosswalk workspace, from a newer version,
    /// or damaged. A file that cannot be written opens read-only (see readOnly()).
    static Workspace open(const std::string& path, Mode mode = Mode::ReadWrite);
    /// Creates a new, empty workspace; refuses to overwrite an existing file. The file is
    /// built under a temporary name and appears complete or not at all, so a creation that is
    /// killed leaves no unusable file; when another program creates it first, this refuses
    /// with "already exists" (an importer then opens it).
    static Workspace create(const std::string& path);

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace() override;

    const std::string& path() const;
    bool readOnly() const override;
    /// The path.
    std::string name() const override;

    std::vector<MapSummary> listMaps() const override;
    bool hasMap(const std::string& mapId) const override;
    Map loadMap(const std::string& mapId) const override;

    /// In one transaction.
    void addMap(const Map& map) override;
    /// The map is removed for good when this workspace closes, or, should it never close
    /// (a crash), when the file is opened for writing a day later.
    void deleteMap(const std::string& mapId) override;
    void restoreMap(const std::string& mapId) override;

    /// One transaction. A map changed in the file by another connection since it was loaded
    /// here is refused with WorkspaceConflict.
    CommitResult commit(Map& map, const Edit& edit) override;
    std::int64_t version(const std::string& mapId) const override;

    Revision createRevision(const std::string& mapId, const std::string& name) override;
    std::vector<Revision> listRevisions(const std::string& mapId) const override;
    Map loadRevision(const std::string& revisionId) const override;
    std::string restoreRevision(const std::string& revisionId) override;

    DecisionSet loadDecisions(const std::vector<std::string>& mapIds = {}) const override;

    /// Integrity and schema check: returns the problems found (empty when all is well).
    std::vector<std::string> check() const;

protected:
    [[noreturn]] void fail(const std::string& message) const override;
    void writeDecision(const MatchDecision& decision) override;
    void eraseDecision(const MatchDecision& decision) override;

private:
    friend struct storage::WorkspaceAccess; // the raw connection, for storage code and tests
    struct Impl;
    explicit Workspace(std::unique_ptr<Impl> impl);
    std::vector<std::string> checkOnce() const;
    static std::unique_ptr<Impl> openOnce(const std::string& path, const std::string& file, Mode mode,
                                          const storage::FileStamp& before);
    std::unique_ptr<Impl> m_impl;
};

} // namespace crosswalk
