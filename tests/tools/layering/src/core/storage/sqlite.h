#pragma once
#include <sqlite3.h>
inline void finish(sqlite3* db) { sqlite3_close(db); }
