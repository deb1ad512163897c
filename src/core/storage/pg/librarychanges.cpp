// The changes side of the network library: change sets as stored, waiting for and
// delivering others' commits, revisions and match decisions.

#include "libraryimpl.h"

#include "../workspacefiles.h"

#include "crosswalk/json/mapjson.h"

#include <nlohmann/json.hpp>

#include <poll.h>

#include <algorithm>
#include <array>
#include <set>

namespace crosswalk {

namespace storage {

namespace {

using IdSet = std::set<std::string>;
using Members = std::array<std::pair<const char*, IdSet ChangeSet::*>, 8>;
constexpr Members kIdSets = {{{"lanes", &ChangeSet::lanes},
                              {"phases", &ChangeSet::phases},
                              {"steps", &ChangeSet::steps},
                              {"flows", &ChangeSet::flows},
                              {"annotations", &ChangeSet::annotations},
                              {"stickyNotes", &ChangeSet::stickyNotes},
                              {"parkingLot", &ChangeSet::parkingLot},
                              {"votes", &ChangeSet::votes}}};
constexpr std::array<std::pair<const char*, bool ChangeSet::*>, 4> kFlags = {{{"props", &ChangeSet::props},
                                                                              {"laneOrder", &ChangeSet::laneOrder},
                                                                              {"phaseOrder", &ChangeSet::phaseOrder},
                                                                              {"session", &ChangeSet::session}}};

} // namespace

std::string changeSetToJson(const ChangeSet& changes)
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [key, member] : kFlags)
        if (changes.*member)
            j[key] = true;
    for (const auto& [key, member] : kIdSets)
        if (!(changes.*member).empty())
            j[key] = changes.*member;
    return j.dump();
}

ChangeSet changeSetFromJson(const std::string& text)
{
    ChangeSet changes;
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        for (const auto& [key, member] : kFlags)
            changes.*member = j.value(key, false);
        for (const auto& [key, member] : kIdSets)
            if (j.contains(key))
                changes.*member = j.at(key).get<IdSet>();
    } catch (const nlohmann::json::exception&) {
        for (const auto& [key, member] : kFlags)
            changes.*member = true;
    }
    return changes;
}

bool overlaps(const ChangeSet& a, const ChangeSet& b)
{
    for (const auto& [key, member] : kFlags)
        if (a.*member && b.*member)
            return true;
    // Ids are unique across kinds within a map, so one pool of ids is enough.
    IdSet ids;
    for (const auto& [key, member] : kIdSets)
        ids.insert((a.*member).begin(), (a.*member).end());
    for (const auto& [key, member] : kIdSets)
        for (const std::string& id : b.*member)
            if (ids.count(id))
                return true;
    return false;
}

} // namespace storage

using storage::PgResult;
using storage::quoted;

std::string changeToJson(const LibraryChange& change)
{
    nlohmann::ordered_json j;
    j["map"] = change.mapId;
    j["version"] = change.version;
    j["role"] = change.role;
    j["client"] = change.client;
    j["changed"] = nlohmann::json::parse(storage::changeSetToJson(change.changes));
    return j.dump();
}

void NetworkLibrary::addRevision(const Revision& revision, const Map& map)
{
    requireWritable();
    m_impl->connection().exec("INSERT INTO crosswalk.revisions (id, map_id, name, created_at, doc) "
                              "VALUES ($1, $2, $3, $4, $5)",
                              {revision.id, revision.mapId, revision.name, revision.createdAt, mapToJson(map)});
}

bool NetworkLibrary::waitForChanges(std::chrono::milliseconds timeout)
{
    storage::PgConnection& conn = m_impl->connection();
    const auto ready = [&] {
        PQconsumeInput(conn.raw());
        bool any = false;
        while (PGnotify* n = PQnotifies(conn.raw())) {
            any = true;
            PQfreemem(n);
        }
        return any;
    };
    if (ready())
        return true;
    pollfd fd{PQsocket(conn.raw()), POLLIN, 0};
    if (fd.fd < 0)
        return false;
    if (::poll(&fd, 1, static_cast<int>(timeout.count())) <= 0)
        return false;
    return ready();
}

std::vector<LibraryChange> NetworkLibrary::changesAfter(const std::map<std::string, std::int64_t>& versions,
                                                        const std::string& mapId) const
{
    nlohmann::json after = nlohmann::json::object();
    for (const auto& [id, v] : versions)
        after[id] = v;
    const PgResult r = m_impl->connection().exec(
        "WITH k AS (SELECT key AS map_id, value::bigint AS v FROM json_each_text($1::json)) "
        "SELECT c.map_id, c.version, c.changes, c.client, c.role FROM crosswalk.changes c "
        "LEFT JOIN k USING (map_id) WHERE c.version > coalesce(k.v, 0) AND ($2 = '' OR c.map_id = $2) "
        "ORDER BY c.map_id, c.version",
        {after.dump(), mapId});
    std::vector<LibraryChange> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(LibraryChange{r.text(i, 0), r.integer(i, 1), storage::changeSetFromJson(r.text(i, 2)),
                                    r.text(i, 3), r.text(i, 4)});
    return out;
}

std::map<std::string, std::int64_t> NetworkLibrary::versions() const
{
    const PgResult r = m_impl->connection().exec("SELECT id, version FROM crosswalk.maps");
    std::map<std::string, std::int64_t> out;
    for (int i = 0; i < r.rows(); ++i)
        out[r.text(i, 0)] = r.integer(i, 1);
    return out;
}

std::size_t NetworkLibrary::pollChanges()
{
    try {
        waitForChanges(std::chrono::milliseconds(0)); // drains the notifications
        if (m_impl->known.empty())
            return 0;
        std::map<std::string, std::int64_t> after;
        for (const auto& [id, v] : m_impl->known)
            after[id] = std::max(v, m_impl->delivered[id]);
        std::size_t count = 0;
        for (const LibraryChange& c : changesAfter(after)) {
            if (!m_impl->known.count(c.mapId))
                continue; // only maps this client has open
            m_impl->delivered[c.mapId] = c.version;
            if (c.client == m_impl->clientId)
                continue;
            notify(c.mapId, Edit{Batch{}}, c.changes, c.version);
            ++count;
        }
        return count;
    } catch (const LibraryError& e) {
        if (e.sqlState().starts_with("08"))
            m_impl->offline = !m_impl->conn.ok(); // readOnly() says so from now on
        throw;
    }
}

Revision NetworkLibrary::createRevision(const std::string& mapId, const std::string& name)
{
    requireWritable();
    const Map map = loadMap(mapId);
    Revision revision{newId("r-"), mapId, name, storage::nowIso()};
    m_impl->connection().exec("INSERT INTO crosswalk.revisions (id, map_id, name, created_at, doc) "
                              "VALUES ($1, $2, $3, $4, $5)",
                              {revision.id, mapId, name, revision.createdAt, mapToJson(map)});
    return revision;
}

std::vector<Revision> NetworkLibrary::listRevisions(const std::string& mapId) const
{
    const PgResult r = m_impl->connection().exec("SELECT id, map_id, name, created_at FROM crosswalk.revisions "
                                                 "WHERE map_id = $1 ORDER BY seq DESC",
                                                 {mapId});
    std::vector<Revision> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(Revision{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
    return out;
}

Map NetworkLibrary::loadRevision(const std::string& revisionId) const
{
    const PgResult r = m_impl->connection().exec("SELECT doc FROM crosswalk.revisions WHERE id = $1", {revisionId});
    if (r.rows() == 0)
        fail("no revision " + quoted(revisionId) + " in " + name());
    try {
        return parseMapJson(r.text(0, 0)).map;
    } catch (const std::exception& e) {
        fail("revision " + quoted(revisionId) + " in " + name() + " cannot be read: " + e.what());
    }
}

std::string NetworkLibrary::restoreRevision(const std::string& revisionId)
{
    requireWritable();
    const PgResult r = m_impl->connection().exec("SELECT name FROM crosswalk.revisions WHERE id = $1", {revisionId});
    if (r.rows() == 0)
        fail("no revision " + quoted(revisionId) + " in " + name());
    Map map = loadRevision(revisionId);
    map.id = newId("m-");
    map.props.title += " (restored: " + r.text(0, 0) + ")";
    addMap(map);
    return map.id;
}

DecisionSet NetworkLibrary::loadDecisions(const std::vector<std::string>& mapIds) const
{
    nlohmann::json ids = mapIds;
    const PgResult r = m_impl->connection().exec(
        "SELECT d.map_a, d.map_b, d.kind, d.a, d.b, d.decision FROM crosswalk.decisions d "
        "JOIN crosswalk.maps ma ON ma.id = d.map_a AND NOT ma.deleted "
        "JOIN crosswalk.maps mb ON mb.id = d.map_b AND NOT mb.deleted "
        "WHERE $1::jsonb = '[]'::jsonb OR ($1::jsonb ? d.map_a AND $1::jsonb ? d.map_b) "
        "ORDER BY 1, 2, 3, 4, 5",
        {ids.dump()});
    DecisionSet set;
    for (int i = 0; i < r.rows(); ++i) {
        MatchDecision d{r.text(i, 0), r.text(i, 1), DecisionKind::Step, r.text(i, 3), r.text(i, 4), Decision::Confirmed};
        if (parseDecisionKind(r.text(i, 2), d.kind) && parseDecision(r.text(i, 5), d.decision))
            set.set(d);
    }
    return set;
}

void NetworkLibrary::writeDecision(const MatchDecision& decision)
{
    // The replacement rules of DecisionSet::set(), applied to the stored decisions between the
    // two maps, in one transaction.
    storage::PgConnection& conn = m_impl->connection();
    storage::inTransaction(conn, [&] {
        DecisionSet set = loadDecisions({decision.mapA, decision.mapB});
        const std::vector<MatchDecision> before = set.all();
        set.set(decision);
        const std::vector<MatchDecision> after = set.all();
        for (const MatchDecision& d : before)
            if (std::find(after.begin(), after.end(), d) == after.end())
                eraseDecision(d);
        for (const MatchDecision& d : after)
            if (std::find(before.begin(), before.end(), d) == before.end()) {
                eraseDecision(d);
                const PgResult r = conn.exec(
                    "INSERT INTO crosswalk.decisions (map_a, map_b, kind, a, b, decision) "
                    "VALUES ($1, $2, $3, $4, $5, $6)",
                    {d.mapA, d.mapB, std::string(toString(d.kind)), d.a, d.b, std::string(toString(d.decision))});
                (void)r;
            }
    });
}

void NetworkLibrary::eraseDecision(const MatchDecision& d)
{
    m_impl->connection().exec("DELETE FROM crosswalk.decisions WHERE kind = $3 AND "
                              "((map_a = $1 AND map_b = $2 AND a = $4 AND b = $5) OR "
                              " (map_a = $2 AND map_b = $1 AND a = $5 AND b = $4))",
                              {d.mapA, d.mapB, std::string(toString(d.kind)), d.a, d.b});
}

} // namespace crosswalk
