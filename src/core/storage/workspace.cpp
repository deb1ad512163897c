#include "crosswalk/storage/workspace.h"

#include "schemacheck.h"
#include "sqlite.h"
#include "workspaceaccess.h"
#include "workspacecheck.h"
#include "workspacefiles.h"
#include "workspaceimpl.h"

#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"

#include <set>

namespace crosswalk {

using storage::nowIso;
using storage::quoted;
using storage::SqliteError;
using storage::Statement;
using storage::Transaction;

Workspace::Workspace(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

const std::string& Workspace::path() const
{
    return m_impl->path;
}
bool Workspace::readOnly() const
{
    return m_impl->readOnly;
}
std::string Workspace::name() const
{
    return m_impl->path;
}

std::vector<MapSummary> Workspace::listMaps() const
{
    return m_impl->consistently([&] {
        try {
            std::vector<MapSummary> maps;
            auto s = m_impl->stmt("SELECT m.id, m.district, m.title, "
                                  "(SELECT COUNT(*) FROM steps s WHERE s.map_id = m.id) FROM maps m "
                                  "WHERE m.deleted IS NULL ORDER BY m.district COLLATE NOCASE, m.district, m.title COLLATE NOCASE, m.title, m.id");
            while (s.step())
                maps.push_back(MapSummary{s.text(0), s.text(1), s.text(2), s.integer(3)});
            return maps;
        } catch (const SqliteError& e) {
            throw m_impl->error(e, "list the maps");
        }
    });
}

bool Workspace::hasMap(const std::string& mapId) const
{
    return m_impl->consistently([&] {
        try {
            return m_impl->hasMap(mapId);
        } catch (const SqliteError& e) {
            throw m_impl->error(e, "look up map " + quoted(mapId));
        }
    });
}

Map Workspace::loadMap(const std::string& mapId) const
{
    return m_impl->consistently([&] {
        try {
            return m_impl->loadMap(mapId);
        } catch (const SqliteError& e) {
            throw m_impl->error(e, "load map " + quoted(mapId));
        }
    });
}

void Workspace::addMap(const Map& map)
{
    try {
        m_impl->addMap(map);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "add map " + quoted(map.id));
    }
}

void Workspace::deleteMap(const std::string& mapId)
{
    m_impl->requireWritable();
    try {
        Transaction tx(m_impl->db);
        auto s = m_impl->stmt("UPDATE maps SET deleted = ?2 WHERE id = ?1 AND deleted IS NULL");
        s.bind(1, mapId).bind(2, nowIso()).run();
        if (sqlite3_changes(m_impl->db) == 0)
            throw WorkspaceError(m_impl->noMap(mapId));
        tx.commit();
        m_impl->orders.erase(mapId);
        m_impl->deletedHere.insert(mapId);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "delete map " + quoted(mapId));
    }
}

void Workspace::restoreMap(const std::string& mapId)
{
    m_impl->requireWritable();
    try {
        Transaction tx(m_impl->db);
        auto s = m_impl->stmt("UPDATE maps SET deleted = NULL WHERE id = ?1 AND deleted IS NOT NULL");
        s.bind(1, mapId).run();
        if (sqlite3_changes(m_impl->db) == 0)
            throw WorkspaceError("no deleted map " + quoted(mapId) + " in " + m_impl->path +
                                 " (it is there, or it was removed for good)");
        tx.commit();
        m_impl->deletedHere.erase(mapId);
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "restore map " + quoted(mapId));
    }
}

CommitResult Workspace::commit(Map& map, const Edit& edit)
{
    return m_impl->commit(map, edit);
}

std::int64_t Workspace::version(const std::string& mapId) const
{
    const auto it = m_impl->versions.find(mapId);
    return it == m_impl->versions.end() ? 0 : it->second;
}

Revision Workspace::createRevision(const std::string& mapId, const std::string& name)
{
    m_impl->requireWritable();
    try {
        const Map map = m_impl->loadMap(mapId);
        Revision revision{newId("r-"), mapId, name, nowIso()};
        auto s =
            m_impl->stmt("INSERT INTO revisions (id, map_id, name, created, snapshot) VALUES (?1, ?2, ?3, ?4, ?5)");
        s.bind(1, revision.id).bind(2, mapId).bind(3, name).bind(4, revision.createdAt).bind(5, mapToJson(map));
        s.run();
        return revision;
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "save revision " + quoted(name));
    }
}

std::vector<Revision> Workspace::listRevisions(const std::string& mapId) const
{
    return m_impl->consistently([&] {
        try {
            std::vector<Revision> revisions;
            // Times have one-second resolution; rowid keeps revisions of the same second in
            // the order they were made.
            auto s = m_impl->stmt("SELECT id, map_id, name, created FROM revisions WHERE map_id = ?1 "
                                  "ORDER BY created DESC, rowid DESC");
            s.bind(1, mapId);
            while (s.step())
                revisions.push_back(Revision{s.text(0), s.text(1), s.text(2), s.text(3)});
            return revisions;
        } catch (const SqliteError& e) {
            throw m_impl->error(e, "list the revisions of map " + quoted(mapId));
        }
    });
}

Map Workspace::loadRevision(const std::string& revisionId) const
{
    return m_impl->consistently([&] {
        try {
            return m_impl->loadRevision(revisionId);
        } catch (const SqliteError& e) {
            throw m_impl->error(e, "load revision " + quoted(revisionId));
        }
    });
}

std::string Workspace::restoreRevision(const std::string& revisionId)
{
    m_impl->requireWritable();
    try {
        std::string name;
        {
            auto s = m_impl->stmt("SELECT name FROM revisions WHERE id = ?1");
            s.bind(1, revisionId);
            if (!s.step())
                throw WorkspaceError("no revision " + quoted(revisionId) + " in " + m_impl->path);
            name = s.text(0);
        }
        Map map = m_impl->loadRevision(revisionId);
        do
            map.id = newId("m-");
        while (m_impl->hasMap(map.id));
        map.props.title += " (restored: " + name + ")";
        m_impl->addMap(map);
        return map.id;
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "restore revision " + quoted(revisionId));
    }
}

std::vector<std::string> Workspace::check() const
{
    std::vector<std::string> problems = m_impl->consistently([&] { return checkOnce(); });
    // A reader without locks whose file changed within the resolution of file times can see
    // half a checkpoint: problems are believed when a fresh look finds them again.
    for (int look = 0; look < 2 && !problems.empty() && m_impl->immutable; ++look) {
        m_impl->reopenReader();
        std::vector<std::string> again = m_impl->consistently([&] { return checkOnce(); });
        if (again == problems)
            break;
        problems = std::move(again);
    }
    return problems;
}

std::vector<std::string> Workspace::checkOnce() const
{
    std::vector<std::string> problems = storage::checkWorkspace(m_impl->db);
    try {
        const auto version = static_cast<int>(storage::queryInt(m_impl->db, "PRAGMA user_version"));
        if (version >= 0 && version <= kWorkspaceSchemaVersion)
            for (const std::string& difference : storage::schemaDifferences(m_impl->db, version))
                problems.push_back("schema: " + difference);
        for (const std::string& problem : storage::valueProblems(m_impl->db))
            problems.push_back(problem);
    } catch (const SqliteError& e) {
        problems.push_back(std::string("schema: ") + e.what());
    }
    // The model's rules come from the one validator that edits and import use, run on every
    // map that loads. References and ids shared across kinds are checked row by row above as
    // well, because a map whose rows cannot be model values (an unknown kind ...) does not
    // load: those two the validator would only repeat, in other words.
    std::vector<MapSummary> maps;
    try {
        maps = listMaps();
    } catch (const std::exception& e) {
        problems.push_back(std::string("maps: ") + e.what());
    }
    for (const MapSummary& summary : maps) {
        Map map;
        try {
            map = loadMap(summary.id);
        } catch (const std::exception&) {
            continue; // its bad rows are named above; its values are checked once it loads
        }
        for (const MapProblem& problem : validateMap(map))
            if (problem.rule == MapProblem::Rule::Value)
                problems.push_back("map " + quoted(map.id) + ": " + problem.toString());
    }
    return problems;
}

void Workspace::fail(const std::string& message) const
{
    throw WorkspaceError(message);
}

sqlite3* storage::WorkspaceAccess::handle(const Workspace& ws)
{
    return ws.m_impl->db;
}

} // namespace crosswalk
