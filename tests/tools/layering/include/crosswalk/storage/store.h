#pragma once
struct sqlite3;
/* sqlite3_open is not called here,
   sqlite3_close neither */ class Store {};
