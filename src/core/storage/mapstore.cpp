#include "crosswalk/storage/mapstore.h"

#include <algorithm>
#include <utility>

namespace crosswalk {

namespace {

std::string quoted(const std::string& text)
{
    return "\"" + text + "\"";
}

} // namespace

MapStore::~MapStore() = default;

std::string MapStore::resolveMap(const std::string& ref) const
{
    if (hasMap(ref))
        return ref;
    std::vector<std::string> ids;
    for (const MapSummary& summary : listMaps())
        if (summary.title == ref)
            ids.push_back(summary.id);
    std::sort(ids.begin(), ids.end());
    if (ids.empty())
        fail("no map with id or title " + quoted(ref) + " in " + name());
    if (ids.size() > 1) {
        std::string list;
        for (const std::string& id : ids)
            list += (list.empty() ? "" : ", ") + id;
        fail("the title " + quoted(ref) + " matches " + std::to_string(ids.size()) + " maps in " + name() + " (" +
             list + "); use a map id");
    }
    return ids.front();
}

Edit MapStore::applyEdit(Map& map, const Edit& edit, ChangeSet* changes)
{
    CommitResult result = commit(map, edit);
    if (changes)
        changes->merge(result.changes);
    return std::move(result.inverse);
}

CommitResult MapStore::storeSessionTimer(Map& map, const SessionTimer& timer)
{
    return commit(map, SetSessionTimer{timer});
}

void MapStore::storeDecision(const MatchDecision& decision)
{
    if (readOnly())
        fail(readOnlyMessage());
    if (decision.mapA == decision.mapB)
        fail("a match decision needs two different maps, not " + decision.mapA + " twice");
    for (const std::string& id : {decision.mapA, decision.mapB})
        if (!hasMap(id))
            fail("no map " + quoted(id) + " in " + name());
    if (decision.a.empty() || decision.b.empty())
        fail("a match decision needs an entity on both sides");
    writeDecision(decision);
}

void MapStore::clearDecision(const std::string& mapA, const std::string& mapB, DecisionKind kind,
                             const std::string& a, const std::string& b)
{
    if (readOnly())
        fail(readOnlyMessage());
    eraseDecision({mapA, mapB, kind, a, b, Decision::Rejected});
}

std::map<std::string, int> MapStore::districtColors() const
{
    return m_districtColors;
}

void MapStore::storeDistrictColor(const std::string& mapId, int slot)
{
    if (readOnly())
        fail(readOnlyMessage());
    if (!hasMap(mapId))
        fail("no map " + quoted(mapId) + " in " + name());
    if (slot < 0 || slot > 7)
        fail("a district colour is a slot from 0 to 7, not " + std::to_string(slot));
    writeDistrictColor(mapId, slot);
}

void MapStore::writeDistrictColor(const std::string& mapId, int slot)
{
    m_districtColors[mapId] = slot;
}

std::size_t MapStore::subscribe(ChangeListener listener)
{
    const std::size_t handle = m_nextListener++;
    m_listeners.emplace(handle, std::move(listener));
    return handle;
}

void MapStore::unsubscribe(std::size_t handle)
{
    m_listeners.erase(handle);
}

std::size_t MapStore::pollChanges()
{
    return 0;
}

void MapStore::notify(const std::string& mapId, const Edit& edit, const ChangeSet& changes,
                      std::int64_t version) const
{
    // A copy: a listener may unsubscribe (itself or another) while it runs.
    const auto listeners = m_listeners;
    for (const auto& [handle, listener] : listeners)
        listener(mapId, edit, changes, version);
}

std::string MapStore::readOnlyMessage() const
{
    return name() + " is read-only: Crosswalk can show it but cannot save changes to it";
}

void MapStore::fail(const std::string& message) const
{
    throw StoreError(message);
}

} // namespace crosswalk
