#pragma once

// The integrity and schema check of a workspace file (crosswalk check), private to storage.

#include <sqlite3.h>

#include <string>
#include <vector>

namespace crosswalk::storage {

/// Every problem found in the open database: SQLite's integrity and foreign key checks,
/// the schema, and the model's rules row by row (see modelProblems() for a map in memory).
/// Empty when all is well.
std::vector<std::string> checkWorkspace(sqlite3* db);

} // namespace crosswalk::storage
