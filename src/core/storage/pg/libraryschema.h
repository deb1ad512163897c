#pragma once

// The network library's schema in PostgreSQL, private to storage: creating and migrating it,
// and the grants that make a login role a district or a facilitator.

#include "pgconnection.h"

#include <string>

namespace crosswalk::storage {

/// The schema every table lives in.
inline constexpr const char* kLibrarySchema = "crosswalk";

/// The library's schema version in this database: 0 when there is no library, -1 when the
/// database holds other tables and no library (a foreign database).
int librarySchemaVersion(PgConnection& conn, std::string* foreignTables = nullptr);
/// Refuses (LibraryError) a database without a library or with a newer one.
void requireLibrary(PgConnection& conn);

} // namespace crosswalk::storage
