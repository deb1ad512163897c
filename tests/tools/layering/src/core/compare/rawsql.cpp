#include <sqlite3.h>
#include "../storage/sqlite.h"
// sqlite3_exec in a comment is not a use.
void count(sqlite3 *db) { sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr); }
