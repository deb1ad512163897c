#include "crosswalk/storage/memorystore.h"

#include "storecommon.h"
#include "workspacefiles.h"

#include <algorithm>
#include <utility>

namespace crosswalk {

using storage::quoted;

MemoryStore::MemoryStore(std::string name, Mode mode) : m_name(std::move(name)), m_readOnly(mode == Mode::ReadOnly) {}

MemoryStore::MemoryStore(std::vector<Map> maps, std::string name, Mode mode) : m_name(std::move(name))
{
    for (const Map& map : maps)
        addMap(map);
    m_readOnly = mode == Mode::ReadOnly;
}

void MemoryStore::requireWritable() const
{
    if (m_readOnly)
        fail(readOnlyMessage());
}

std::string MemoryStore::noMap(const std::string& mapId) const
{
    return "no map " + quoted(mapId) + " in " + m_name;
}

const MemoryStore::Stored& MemoryStore::live(const std::string& mapId) const
{
    const auto it = m_maps.find(mapId);
    if (it == m_maps.end() || it->second.deleted)
        fail(noMap(mapId));
    return it->second;
}

std::vector<MapSummary> MemoryStore::listMaps() const
{
    std::vector<MapSummary> maps;
    for (const auto& [id, stored] : m_maps)
        if (!stored.deleted)
            maps.push_back(MapSummary{id, stored.map.props.district, stored.map.props.title,
                                      static_cast<int>(stored.map.steps.size())});
    storage::sortLibrary(maps);
    return maps;
}

bool MemoryStore::hasMap(const std::string& mapId) const
{
    const auto it = m_maps.find(mapId);
    return it != m_maps.end() && !it->second.deleted;
}

Map MemoryStore::loadMap(const std::string& mapId) const
{
    return live(mapId).map;
}

void MemoryStore::addMap(const Map& map)
{
    requireWritable();
    if (map.id.empty())
        fail("a map needs an id to be stored in " + m_name);
    if (const std::string problem = storage::unstorableMessage(map, m_name); !problem.empty())
        fail(problem);
    if (hasMap(map.id))
        fail(m_name + " already has a map with id " + quoted(map.id));
    // A deleted map that still holds the id gives way, with what belongs to it.
    if (m_maps.erase(map.id)) {
        std::erase_if(m_revisions, [&](const StoredRevision& r) { return r.revision.mapId == map.id; });
        for (const MatchDecision& d : m_decisions.all())
            if (d.mapA == map.id || d.mapB == map.id)
                m_decisions.clear(d.mapA, d.mapB, d.kind, d.a, d.b);
    }
    m_maps.emplace(map.id, Stored{map, 0, false});
}

void MemoryStore::deleteMap(const std::string& mapId)
{
    requireWritable();
    const auto it = m_maps.find(mapId);
    if (it == m_maps.end() || it->second.deleted)
        fail(noMap(mapId));
    it->second.deleted = true;
}

void MemoryStore::restoreMap(const std::string& mapId)
{
    requireWritable();
    const auto it = m_maps.find(mapId);
    if (it == m_maps.end() || !it->second.deleted)
        fail("no deleted map " + quoted(mapId) + " in " + m_name + " (it is there, or it was removed for good)");
    it->second.deleted = false;
}

CommitResult MemoryStore::commit(Map& map, const Edit& edit)
{
    requireWritable();
    const auto it = m_maps.find(map.id);
    if (it == m_maps.end() || it->second.deleted)
        fail(noMap(map.id) + "; this change was not saved");
    Stored& stored = it->second;
    if (!(stored.map == map))
        throw CommitConflict("map " + quoted(map.props.title) + " in " + m_name +
                             " was changed elsewhere since it was loaded, so this change was not saved; "
                             "open the map again to see the other changes");
    ChangeSet changes;
    Edit inverse = apply(map, edit, &changes); // EditError: the map is unchanged
    if (!changes.empty()) { // an empty Batch, say: nothing to store
        stored.map = map;
        ++stored.version;
    }
    return CommitResult{std::move(inverse), std::move(changes), stored.version};
}

std::int64_t MemoryStore::version(const std::string& mapId) const
{
    const auto it = m_maps.find(mapId);
    return it == m_maps.end() ? 0 : it->second.version;
}

Revision MemoryStore::createRevision(const std::string& mapId, const std::string& name)
{
    requireWritable();
    Map map = live(mapId).map;
    Revision revision{newId("r-"), mapId, name, storage::nowIso()};
    m_revisions.push_back(StoredRevision{revision, std::move(map)});
    return revision;
}

std::vector<Revision> MemoryStore::listRevisions(const std::string& mapId) const
{
    std::vector<Revision> revisions;
    for (auto it = m_revisions.rbegin(); it != m_revisions.rend(); ++it)
        if (it->revision.mapId == mapId)
            revisions.push_back(it->revision);
    return revisions;
}

Map MemoryStore::loadRevision(const std::string& revisionId) const
{
    for (const StoredRevision& r : m_revisions)
        if (r.revision.id == revisionId)
            return r.map;
    fail("no revision " + quoted(revisionId) + " in " + m_name);
}

std::string MemoryStore::restoreRevision(const std::string& revisionId)
{
    requireWritable();
    std::string name;
    for (const StoredRevision& r : m_revisions)
        if (r.revision.id == revisionId)
            name = r.revision.name;
    Map map = loadRevision(revisionId);
    do
        map.id = newId("m-");
    while (m_maps.count(map.id));
    map.props.title += " (restored: " + name + ")";
    addMap(map);
    return map.id;
}

DecisionSet MemoryStore::loadDecisions(const std::vector<std::string>& mapIds) const
{
    const std::set<std::string> wanted(mapIds.begin(), mapIds.end());
    DecisionSet set;
    for (const MatchDecision& d : m_decisions.all()) {
        if (!hasMap(d.mapA) || !hasMap(d.mapB))
            continue; // a deleted map's decisions wait with it
        if (!wanted.empty() && (!wanted.count(d.mapA) || !wanted.count(d.mapB)))
            continue;
        set.set(d);
    }
    return set;
}

void MemoryStore::writeDecision(const MatchDecision& decision)
{
    m_decisions.set(decision);
}

void MemoryStore::eraseDecision(const MatchDecision& decision)
{
    m_decisions.clear(decision.mapA, decision.mapB, decision.kind, decision.a, decision.b);
}

} // namespace crosswalk
