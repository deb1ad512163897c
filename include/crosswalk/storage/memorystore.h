#pragma once

#include "crosswalk/storage/mapstore.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace crosswalk {

/// A MapStore that holds its maps, revisions and decisions as values in memory: no file.
/// For drawing a map that is not in a workspace (export, a revision shown read-only) and
/// for tests. version() counts the commits to each map; a commit of a map value that is not
/// the stored one (another document committed to the same map first) is refused with
/// CommitConflict. There is one client, so pollChanges() delivers nothing.
class MemoryStore final : public MapStore {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// name: what messages call the store ("the exported map").
    explicit MemoryStore(std::string name = "memory", Mode mode = Mode::ReadWrite);
    /// A store holding these maps (added as by addMap(), before the mode takes effect).
    MemoryStore(std::vector<Map> maps, std::string name, Mode mode);

    bool readOnly() const override { return m_readOnly; }
    std::string name() const override { return m_name; }

    std::vector<MapSummary> listMaps() const override;
    bool hasMap(const std::string& mapId) const override;
    Map loadMap(const std::string& mapId) const override;

    void addMap(const Map& map) override;
    void deleteMap(const std::string& mapId) override;
    void restoreMap(const std::string& mapId) override;

    CommitResult commit(Map& map, const Edit& edit) override;
    std::int64_t version(const std::string& mapId) const override;

    Revision createRevision(const std::string& mapId, const std::string& name) override;
    std::vector<Revision> listRevisions(const std::string& mapId) const override;
    Map loadRevision(const std::string& revisionId) const override;
    std::string restoreRevision(const std::string& revisionId) override;

    DecisionSet loadDecisions(const std::vector<std::string>& mapIds = {}) const override;

    // Sessions, as values (memorystoresessions.cpp).
    std::vector<SessionSummary> listSessions() const override;
    Session loadSession(const std::string& sessionId) const override;
    std::int64_t sessionVersion(const std::string& sessionId) const override;
    std::int64_t saveSession(const Session& session, std::int64_t expectedVersion) override;
    void deleteSession(const std::string& sessionId) override;

protected:
    void writeDecision(const MatchDecision& decision) override;
    void eraseDecision(const MatchDecision& decision) override;

private:
    struct Stored {
        Map map;
        std::int64_t version = 0;
        bool deleted = false;
    };
    struct StoredRevision {
        Revision revision;
        Map map;
    };

    void requireWritable() const;
    const Stored& live(const std::string& mapId) const;
    std::string noMap(const std::string& mapId) const;

    std::string m_name;
    bool m_readOnly = false;
    std::map<std::string, Stored> m_maps;
    std::vector<StoredRevision> m_revisions; // oldest first
    DecisionSet m_decisions;
    struct StoredSession {
        Session session;
        std::int64_t version = 0;
    };
    std::map<std::string, StoredSession> m_sessions;
};

} // namespace crosswalk
