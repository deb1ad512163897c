// The network library's district colours (issue 15): the comparison palette slot each map's
// district keeps, in crosswalk.district_colors (schema 3). Who may read and set a colour is the
// server's row-level security (libraryschema.cpp): the map's readers and its own district.

#include "libraryimpl.h"

#include "../workspacefiles.h"

namespace crosswalk {

using storage::PgConnection;
using storage::PgResult;

namespace {

/// A library of schema 2 or older has no colour table until `crosswalk library init` migrates it.
bool missingTable(const LibraryError& e)
{
    return e.sqlState() == "42P01"; // undefined_table
}

} // namespace

std::map<std::string, int> NetworkLibrary::districtColors() const
{
    PgConnection& conn = m_impl->connection();
    try {
        // A deleted map's colour is not seen (it comes back with the map).
        const PgResult r = conn.exec("SELECT c.map_id, c.slot FROM crosswalk.district_colors c "
                                     "JOIN crosswalk.maps m ON m.id = c.map_id AND NOT m.deleted ORDER BY 1");
        std::map<std::string, int> out;
        for (int i = 0; i < r.rows(); ++i)
            out[r.text(i, 0)] = static_cast<int>(r.integer(i, 1));
        return out;
    } catch (const LibraryError& e) {
        if (missingTable(e))
            return MapStore::districtColors();
        throw;
    }
}

void NetworkLibrary::writeDistrictColor(const std::string& mapId, int slot)
{
    requireWritable();
    PgConnection& conn = m_impl->connection();
    try {
        conn.exec("INSERT INTO crosswalk.district_colors (map_id, slot) VALUES ($1, $2::integer) "
                  "ON CONFLICT (map_id) DO UPDATE SET slot = excluded.slot",
                  {mapId, std::to_string(slot)});
    } catch (const LibraryError& e) {
        if (missingTable(e)) {
            MapStore::writeDistrictColor(mapId, slot); // kept for this connection's life
            return;
        }
        if (!e.refused())
            throw;
        const PgResult r = conn.exec("SELECT district, title FROM crosswalk.maps WHERE id = $1", {mapId});
        const std::string who = m_impl->district.empty() ? "a facilitator" : "district \"" + m_impl->district + "\"";
        const std::string whose =
            r.rows() ? "map " + storage::quoted(r.text(0, 1)) + " belongs to district \"" + r.text(0, 0) + "\""
                     : "map " + storage::quoted(mapId) + " is not this role's";
        throw LibraryError(whose + "; " + who + " may not set its colour (the server refused; nothing was saved)",
                           e.sqlState());
    }
}

} // namespace crosswalk
