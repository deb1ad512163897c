#pragma once

// The workspace schema and its migrations, private to the storage layer.

#include <sqlite3.h>

#include <string_view>
#include <vector>

namespace crosswalk::storage {

/// One step of the schema, from user_version `from` to from + 1.
struct Migration {
    int from;
    std::string_view sql;
};

/// Every migration, in order; the last one ends at kWorkspaceSchemaVersion.
const std::vector<Migration>& migrations();

/// Brings the schema from `version` up to kWorkspaceSchemaVersion, one transaction per step,
/// so that a failure leaves the file at the last complete version, never in between.
void migrate(sqlite3* db, int version);

/// Brings an empty database up to `version` (not further): the expected schema at that
/// version, for comparing a file's schema with it.
void migrateTo(sqlite3* db, int version);

/// The tables a healthy workspace of the current schema has (for check()).
const std::vector<std::string_view>& expectedTables();

} // namespace crosswalk::storage
