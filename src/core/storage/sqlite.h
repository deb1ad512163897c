#pragma once

// Thin RAII helpers over the sqlite3 C API, private to the storage layer.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace crosswalk::storage {

/// A failed sqlite call. The workspace turns it into a WorkspaceError naming the file;
/// the code lets it tell damage (SQLITE_CORRUPT, SQLITE_NOTADB) from other failures.
class SqliteError : public std::runtime_error {
  public:
    SqliteError(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    int code() const { return m_code; }
    /// The primary result code (SQLITE_CORRUPT for SQLITE_CORRUPT_INDEX ...).
    int primary() const { return m_code & 0xff; }
    bool isDamage() const { return primary() == SQLITE_CORRUPT || primary() == SQLITE_NOTADB; }

  private:
    int m_code;
};

/// Throws SqliteError with the connection's message when rc is not one of the ok codes.
void check(sqlite3* db, int rc, std::string_view what = {});

/// One prepared statement. Borrowed statements (from a cache) are reset and unbound when
/// the wrapper goes, so that the next user finds them clean and no read lock lingers.
class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql, bool persistent = false);
    /// Borrows a statement owned elsewhere (the workspace's statement cache).
    static Statement borrow(sqlite3* db, sqlite3_stmt* stmt);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    /// Hands the statement over to the caller (for the cache); the wrapper becomes empty.
    sqlite3_stmt* release();

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bindNull(int index);
    template <typename T> Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Steps once: true when a row is ready, false when done. Throws on errors.
    bool step();
    /// Steps to completion (for statements that return no rows).
    void run();
    void reset();

    std::string text(int column) const;
    std::int64_t int64(int column) const;
    int integer(int column) const;
    bool isNull(int column) const;

  private:
    Statement(sqlite3* db, sqlite3_stmt* stmt, bool borrowed) : m_db(db), m_stmt(stmt), m_borrowed(borrowed) {}
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_borrowed = false;
};

/// Runs one or more statements that return nothing.
void exec(sqlite3* db, const std::string& sql);

/// The single value of a one-row, one-column query (PRAGMA user_version ...).
std::int64_t queryInt(sqlite3* db, const std::string& sql);

/// An explicit transaction that rolls back unless commit() was called. BEGIN IMMEDIATE takes
/// the write lock at once, so a busy file fails before anything is written, not halfway.
class Transaction {
  public:
    explicit Transaction(sqlite3* db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

  private:
    sqlite3* m_db;
    bool m_open = false;
};

/// Rolls back whatever transaction is open on the connection, ignoring errors: used on the
/// failure path, where the original error is the one worth reporting.
void rollbackQuietly(sqlite3* db) noexcept;

} // namespace crosswalk::storage
