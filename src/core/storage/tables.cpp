#include "tables.h"

namespace crosswalk::storage {
namespace {

std::vector<std::string> splitColumns(std::string_view columns)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= columns.size()) {
        std::size_t end = columns.find(',', start);
        if (end == std::string_view::npos)
            end = columns.size();
        std::string_view column = columns.substr(start, end - start);
        while (!column.empty() && column.front() == ' ')
            column.remove_prefix(1);
        while (!column.empty() && column.back() == ' ')
            column.remove_suffix(1);
        if (!column.empty())
            out.emplace_back(column);
        start = end + 1;
    }
    return out;
}

} // namespace

TableSql makeTableSql(std::string_view table, std::string_view columns)
{
    const std::string t(table);
    const std::vector<std::string> cols = splitColumns(columns);
    std::string names = "map_id, id, pos";
    std::string values = "?1, ?2, ?3";
    std::string updates = "pos = excluded.pos";
    for (std::size_t i = 0; i < cols.size(); ++i) {
        names += ", " + cols[i];
        values += ", ?" + std::to_string(i + 4);
        updates += ", " + cols[i] + " = excluded." + cols[i];
    }
    TableSql sql;
    sql.upsert = "INSERT INTO " + t + " (" + names + ") VALUES (" + values +
                 ") ON CONFLICT (map_id, id) DO UPDATE SET " + updates;
    sql.select = "SELECT id, pos, " + std::string(columns) + " FROM " + t + " WHERE map_id = ?1 ORDER BY pos, id";
    sql.erase = "DELETE FROM " + t + " WHERE map_id = ?1 AND id = ?2";
    sql.eraseAll = "DELETE FROM " + t + " WHERE map_id = ?1";
    sql.setPos = "UPDATE " + t + " SET pos = ?3 WHERE map_id = ?1 AND id = ?2";
    sql.positions = "SELECT id, pos FROM " + t + " WHERE map_id = ?1";
    return sql;
}

void badRow(const std::string& mapId, std::string_view what, const std::string& id, std::string_view field,
            const std::string& value)
{
    throw SqliteError(SQLITE_CORRUPT, "map \"" + mapId + "\": " + std::string(what) + " \"" + id +
                                          "\" has an unknown " + std::string(field) + " \"" + value + "\"");
}

} // namespace crosswalk::storage
