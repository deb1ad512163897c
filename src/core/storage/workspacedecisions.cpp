// Match decisions in the workspace's match_decisions table. Rows are written in the
// orientation they were given; reading turns them as DecisionSet does, and writing first
// removes the other orientation, so a pair of entities never has two rows.

#include "workspaceimpl.h"

#include <set>

namespace crosswalk {

using storage::SqliteError;
using storage::Statement;
using storage::Transaction;

namespace {

void deleteRow(sqlite3* db, const MatchDecision& d)
{
    Statement s(db, "DELETE FROM match_decisions WHERE kind = ?3 AND "
                    "((map_a = ?1 AND map_b = ?2 AND a = ?4 AND b = ?5) OR "
                    " (map_a = ?2 AND map_b = ?1 AND a = ?5 AND b = ?4))");
    s.bind(1, d.mapA).bind(2, d.mapB).bind(3, toString(d.kind)).bind(4, d.a).bind(5, d.b);
    s.run();
}

} // namespace

DecisionSet Workspace::loadDecisions(const std::vector<std::string>& mapIds) const
{
    const std::set<std::string> wanted(mapIds.begin(), mapIds.end());
    DecisionSet set;
    try {
        // Rows in a fixed order, so that any conflicting rows (written by another tool)
        // resolve the same way every time: later rows win, as set() replaces.
        // A deleted map's decisions wait with it, unseen, until it is restored or removed.
        Statement s(m_impl->db, "SELECT map_a, map_b, kind, a, b, decision FROM match_decisions d "
                                "WHERE NOT EXISTS (SELECT 1 FROM maps m WHERE m.id IN (d.map_a, d.map_b) "
                                "AND m.deleted IS NOT NULL) ORDER BY map_a, map_b, kind, a, b");
        while (s.step()) {
            MatchDecision d;
            d.mapA = s.text(0);
            d.mapB = s.text(1);
            if (!wanted.empty() && (!wanted.count(d.mapA) || !wanted.count(d.mapB)))
                continue;
            if (!parseDecisionKind(s.text(2), d.kind) || !parseDecision(s.text(5), d.decision))
                continue; // the table's CHECK constraints make this unreachable
            d.a = s.text(3);
            d.b = s.text(4);
            set.set(d);
        }
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "read match decisions");
    }
    return set;
}

void Workspace::writeDecision(const MatchDecision& decision)
{
    m_impl->requireWritable();
    sqlite3* db = m_impl->db;
    try {
        Transaction tx(db);
        deleteRow(db, decision);
        if (decision.decision != Decision::Rejected) {
            // At most one partner: other pairings of a or of b between these maps go.
            Statement s(db, "DELETE FROM match_decisions WHERE kind = ?3 AND decision != 'rejected' AND "
                            "((map_a = ?1 AND map_b = ?2 AND (a = ?4 OR b = ?5)) OR "
                            " (map_a = ?2 AND map_b = ?1 AND (b = ?4 OR a = ?5)))");
            s.bind(1, decision.mapA)
                .bind(2, decision.mapB)
                .bind(3, toString(decision.kind))
                .bind(4, decision.a)
                .bind(5, decision.b);
            s.run();
        }
        Statement insert(db, "INSERT INTO match_decisions (map_a, map_b, kind, a, b, decision) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        insert.bind(1, decision.mapA)
            .bind(2, decision.mapB)
            .bind(3, toString(decision.kind))
            .bind(4, decision.a)
            .bind(5, decision.b)
            .bind(6, toString(decision.decision));
        insert.run();
        tx.commit();
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "store a match decision");
    }
}

void Workspace::eraseDecision(const MatchDecision& decision)
{
    m_impl->requireWritable();
    try {
        Transaction tx(m_impl->db);
        deleteRow(m_impl->db, decision);
        tx.commit();
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "clear a match decision");
    }
}

std::map<std::string, int> Workspace::districtColors() const
{
    std::map<std::string, int> out;
    try {
        // A schema 3 workspace, read as it is, keeps no colours.
        if (!Statement(m_impl->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'district_colors'")
                 .step())
            return out;
        Statement s(m_impl->db, "SELECT map_id, slot FROM district_colors ORDER BY map_id");
        while (s.step())
            out[s.text(0)] = static_cast<int>(s.int64(1));
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "read district colours");
    }
    return out;
}

void Workspace::writeDistrictColor(const std::string& mapId, int slot)
{
    m_impl->requireWritable();
    try {
        Statement s(m_impl->db, "INSERT INTO district_colors (map_id, slot) VALUES (?1, ?2) "
                                "ON CONFLICT (map_id) DO UPDATE SET slot = excluded.slot");
        s.bind(1, mapId).bind(2, static_cast<std::int64_t>(slot));
        s.run();
    } catch (const SqliteError& e) {
        throw m_impl->error(e, "store a district colour");
    }
}

} // namespace crosswalk
