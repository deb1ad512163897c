#pragma once

// Helpers shared by the storage tests: raw file access and SQL (scratch directories: support/tempdir.h).

#include "crosswalk/storage/workspace.h"

#include "support/randommap.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace crosswalk::test {

inline std::string readBytes(const std::string& path)
{
    // Sized read rather than istreambuf_iterator, which trips -Wnull-dereference at -O3.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return {};
    std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

inline void writeBytes(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

inline bool exists(const std::string& path)
{
    return std::filesystem::exists(path);
}

/// Options for test::randomMap(); designated initializers that leave out idPrefix trip
/// -Wmissing-field-initializers, so the sizes are set one by one here.
inline RandomMapOptions mapOptions(int steps, int flows, int annotations = 10, int lanes = 4, int phases = 3,
                                   const std::string& idPrefix = {})
{
    RandomMapOptions options;
    options.steps = steps;
    options.flows = flows;
    options.annotations = annotations;
    options.lanes = lanes;
    options.phases = phases;
    options.idPrefix = idPrefix;
    return options;
}

/// Runs SQL on a connection, failing the test on errors.
inline void sql(sqlite3* db, const std::string& text)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    INFO(text << ": " << message);
    REQUIRE(rc == SQLITE_OK);
}

inline long long sqlInt(sqlite3* db, const std::string& text)
{
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, text.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const long long value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

inline std::string sqlText(sqlite3* db, const std::string& text)
{
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, text.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    std::string value = data ? data : "";
    sqlite3_finalize(stmt);
    return value;
}

/// The message of the WorkspaceError the call throws (fails the test when it throws none).
template <typename F> std::string workspaceErrorOf(F&& call)
{
    try {
        call();
    } catch (const WorkspaceError& e) {
        return e.what();
    }
    FAIL("no WorkspaceError thrown");
    return {};
}

} // namespace crosswalk::test
