#pragma once

// A workspace is a file people email each other: its schema is compared, structurally, with
// the one Crosswalk makes, before anything is written to it (a trigger or a changed foreign
// key would run with our writes), and its values are checked against the ranges the model
// holds (a width of INT64_MAX would load as a wrapped int).

#include <sqlite3.h>

#include <string>
#include <vector>

namespace crosswalk::storage {

/// The differences between the schema of `db` and the one our migrations make at `version`
/// ("trigger \"t\" is not part of a Crosswalk workspace", "table steps: column w has type
/// TEXT, expected INTEGER" ...); empty when they are the same.
std::vector<std::string> schemaDifferences(sqlite3* db, int version);

/// Stored values the model cannot hold: integers out of the 32-bit range, values of the
/// wrong type (a text width, a number in a text column).
std::vector<std::string> valueProblems(sqlite3* db);

} // namespace crosswalk::storage
