#include "sqlite.h"

#include <cerrno>
#include <limits>

namespace crosswalk::storage {

namespace {

// A full disk reaches SQLite as ENOSPC on write, but on a sync, a truncate or the -shm's
// growth it becomes an I/O error ("the disk or file system failed"); say what it is.
int fullWhenNoSpace(sqlite3* db, int rc)
{
    if (db && (rc & 0xff) == SQLITE_IOERR) {
        const int error = sqlite3_system_errno(db);
        if (error == ENOSPC || error == EDQUOT)
            return SQLITE_FULL;
    }
    return rc;
}

} // namespace

void check(sqlite3* db, int rc, std::string_view what)
{
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
        return;
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    // sqlite3_errmsg may lag behind when the error came from a different call; the
    // generic text for the code is then the better description.
    if (db && (sqlite3_errcode(db) & 0xff) != (rc & 0xff))
        message = sqlite3_errstr(rc);
    if (!what.empty())
        message = std::string(what) + ": " + message;
    throw SqliteError(fullWhenNoSpace(db, rc), message);
}

Statement::Statement(sqlite3* db, std::string_view sql, bool persistent) : m_db(db)
{
    if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw SqliteError(SQLITE_TOOBIG, "statement too long");
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      persistent ? SQLITE_PREPARE_PERSISTENT : 0, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        check(db, rc);
    }
}

Statement Statement::borrow(sqlite3* db, sqlite3_stmt* stmt)
{
    return Statement(db, stmt, true);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_borrowed(other.m_borrowed)
{
    other.m_stmt = nullptr;
}

Statement::~Statement()
{
    if (!m_stmt)
        return;
    if (m_borrowed) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    } else {
        sqlite3_finalize(m_stmt);
    }
}

sqlite3_stmt* Statement::release()
{
    sqlite3_stmt* stmt = m_stmt;
    m_stmt = nullptr;
    return stmt;
}

Statement& Statement::bind(int index, std::string_view text)
{
    // SQLITE_TRANSIENT: the caller's string may not outlive the statement's next step.
    check(m_db, sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    check(m_db, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(m_db, sqlite3_bind_null(m_stmt, index));
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    check(m_db, rc);
    return false;
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string Statement::text(int column) const
{
    const auto* data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data)
        return {};
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

int Statement::integer(int column) const
{
    return sqlite3_column_int(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

void exec(sqlite3* db, const std::string& sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw SqliteError(fullWhenNoSpace(db, rc), message);
    }
}

std::int64_t queryInt(sqlite3* db, const std::string& sql)
{
    Statement stmt(db, sql);
    if (!stmt.step())
        throw SqliteError(SQLITE_ERROR, "no result from " + sql);
    return stmt.int64(0);
}

Transaction::Transaction(sqlite3* db) : m_db(db)
{
    exec(db, "BEGIN IMMEDIATE");
    m_open = true;
}

Transaction::~Transaction()
{
    if (m_open)
        rollbackQuietly(m_db);
}

void Transaction::commit()
{
    exec(m_db, "COMMIT");
    m_open = false;
}

void rollbackQuietly(sqlite3* db) noexcept
{
    // A failed COMMIT (SQLITE_BUSY, SQLITE_FULL) can leave the transaction open, while
    // some errors roll it back by themselves; only roll back what is still open.
    if (db && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace crosswalk::storage
