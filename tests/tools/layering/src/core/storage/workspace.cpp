#include "crosswalk/storage/store.h"
#include "sqlite.h"
void run(sqlite3* db) { sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); }
