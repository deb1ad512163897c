#include "schemacheck.h"

#include "schema.h"
#include "sqlite.h"
#include "workspacefiles.h"

#include "crosswalk/storage/workspace.h"

#include <algorithm>

#include <map>

namespace crosswalk::storage {
namespace {

/// Everything about one schema object that changes what our statements do: a table's
/// columns (type, NOT NULL, default, key), its foreign keys (ON DELETE CASCADE ...), its
/// indexes; a trigger or view is there or not. Text, so that a difference can be named.
using Shape = std::map<std::string, std::vector<std::string>>;

std::string textOrNull(const Statement& s, int column)
{
    return s.isNull(column) ? std::string("NULL") : s.text(column);
}

Shape shapeOf(sqlite3* db)
{
    Shape shape;
    std::vector<std::pair<std::string, std::string>> objects; // type, name
    {
        Statement s(db, "SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_autoindex_%' "
                        "ORDER BY type, name");
        while (s.step())
            objects.emplace_back(s.text(0), s.text(1));
    }
    for (const auto& [type, name] : objects) {
        std::vector<std::string>& facts = shape[type + " " + quoted(name)];
        if (type != "table" && type != "index")
            continue; // triggers and views: being there is the difference
        if (type == "index") {
            Statement s(db, "SELECT tbl_name FROM sqlite_schema WHERE type = 'index' AND name = ?1");
            s.bind(1, name);
            if (s.step())
                facts.push_back("on table " + s.text(0));
            Statement cols(db, "SELECT name, desc, coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno");
            cols.bind(1, name);
            while (cols.step())
                facts.push_back("column " + textOrNull(cols, 0) + (cols.int64(1) ? " DESC" : "") + " " +
                                cols.text(2));
            continue;
        }
        Statement cols(db, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1) "
                           "ORDER BY cid");
        cols.bind(1, name);
        while (cols.step())
            facts.push_back("column " + cols.text(0) + " has type " + cols.text(1) +
                            (cols.int64(2) ? ", NOT NULL" : "") + ", default " + textOrNull(cols, 3) +
                            ", primary key part " + cols.text(4) + (cols.int64(5) ? ", hidden" : ""));
        Statement keys(db, "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?1) "
                           "ORDER BY id, seq");
        keys.bind(1, name);
        while (keys.step())
            facts.push_back("foreign key " + keys.text(1) + " -> " + keys.text(0) + "(" + textOrNull(keys, 2) +
                            ") on update " + keys.text(3) + ", on delete " + keys.text(4));
        Statement indexes(db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1) "
                              "WHERE origin <> 'c' ORDER BY name");
        indexes.bind(1, name);
        while (indexes.step())
            facts.push_back(std::string(indexes.int64(1) ? "unique " : "") + "key " + indexes.text(2) +
                            (indexes.int64(3) ? " (partial)" : ""));
    }
    return shape;
}

Shape expectedShape(int version)
{
    static std::map<int, Shape> cache;
    const auto found = cache.find(version);
    if (found != cache.end())
        return found->second;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw SqliteError(SQLITE_NOMEM, "cannot build the expected schema");
    }
    Shape shape;
    try {
        migrateTo(db, version);
        shape = shapeOf(db);
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
    return cache[version] = shape;
}

} // namespace

std::vector<std::string> schemaDifferences(sqlite3* db, int version)
{
    std::vector<std::string> differences;
    const Shape expected = expectedShape(version);
    const Shape actual = shapeOf(db);
    for (const auto& [object, facts] : actual) {
        const auto want = expected.find(object);
        if (want == expected.end()) {
            differences.push_back(object + " is not part of a Crosswalk workspace");
            continue;
        }
        for (const std::string& fact : facts)
            if (std::find(want->second.begin(), want->second.end(), fact) == want->second.end())
                differences.push_back(object + ": " + fact + " is not as Crosswalk made it");
        for (const std::string& fact : want->second)
            if (std::find(facts.begin(), facts.end(), fact) == facts.end())
                differences.push_back(object + ": missing " + fact);
    }
    for (const auto& [object, facts] : expected)
        if (!actual.count(object))
            differences.push_back(object + " is missing");
    return differences;
}

std::vector<std::string> valueProblems(sqlite3* db)
{
    std::vector<std::string> problems;
    // The columns come from the expected schema, so a tampered one cannot hide a column.
    sqlite3* expected = nullptr;
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> tables;
    {
        if (sqlite3_open_v2(":memory:", &expected, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            sqlite3_close(expected);
            return {"cannot build the expected schema"};
        }
        try {
            migrateTo(expected, kWorkspaceSchemaVersion);
            Statement t(expected, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
            while (t.step()) {
                tables.push_back({t.text(0), {}});
                Statement c(expected, "SELECT name, type, \"notnull\" FROM pragma_table_info(?1) ORDER BY cid");
                c.bind(1, tables.back().first);
                while (c.step())
                    tables.back().second.emplace_back(c.text(0), c.text(1) + (c.int64(2) ? "" : " NULL"));
            }
        } catch (...) {
            sqlite3_close(expected);
            throw;
        }
        sqlite3_close(expected);
    }
    for (const auto& [table, columns] : tables) {
        for (const auto& [column, type] : columns) {
            const bool nullable = type.size() > 5 && type.compare(type.size() - 5, 5, " NULL") == 0;
            const std::string base = nullable ? type.substr(0, type.size() - 5) : type;
            const std::string col = "\"" + column + "\"";
            std::string wrong;
            if (base == "INTEGER")
                wrong = "typeof(" + col + ") <> 'integer' OR " + col + " NOT BETWEEN -2147483648 AND 2147483647";
            else if (base == "TEXT")
                wrong = "typeof(" + col + ") <> 'text'";
            else
                continue;
            if (nullable)
                wrong = col + " IS NOT NULL AND (" + wrong + ")";
            try {
                Statement s(db, "SELECT rowid, typeof(" + col + "), quote(" + col + ") FROM \"" + table + "\" WHERE " +
                                    wrong + " LIMIT 20");
                while (s.step()) {
                    const std::string kind = s.text(1);
                    const std::string value = s.text(2).substr(0, 60);
                    problems.push_back("table " + table + " row " + s.text(0) + ": column " + column + " holds " +
                                       (base == "INTEGER" && kind == "integer"
                                            ? value + ", out of range"
                                            : "a value of type " + kind + " (" + value + "), expected " +
                                                  (base == "INTEGER" ? "an integer" : "text")));
                }
            } catch (const SqliteError&) {
                // a missing table or column: the schema comparison names it
            }
        }
    }
    return problems;
}

} // namespace crosswalk::storage
