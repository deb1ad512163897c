#pragma once

// A libpq connection and its results, private to storage: the only place Crosswalk talks to
// PostgreSQL. Every failure is a StoreError in words a person can act on, naming the server
// by its URI without the password.

#include "crosswalk/storage/networklibrary.h"

#include <libpq-fe.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crosswalk::storage {

/// One result of a statement (owning the PGresult).
class PgResult {
public:
    explicit PgResult(PGresult* result) : m_result(result, &PQclear) {}
    int rows() const { return PQntuples(m_result.get()); }
    bool isNull(int row, int column) const { return PQgetisnull(m_result.get(), row, column) != 0; }
    std::string text(int row, int column) const;
    long long integer(int row, int column) const;
    bool boolean(int row, int column) const { return text(row, column) == "t"; }
    /// Rows touched by an INSERT, UPDATE or DELETE.
    long long affected() const;

private:
    std::unique_ptr<PGresult, decltype(&PQclear)> m_result;
};

/// A connection. exec() throws LibraryError with the server's own message; the SQLSTATE of the
/// last failure is kept for callers that tell a refusal (42501) from other errors.
class PgConnection {
public:
    /// Connects with the URI as libpq reads it (environment variables, .pgpass, sslmode).
    explicit PgConnection(const std::string& uri);
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection();

    /// Outside a transaction, a statement that finds the connection lost (the server restarted
    /// since the last one) reconnects and runs once more; inside one, the loss is an error.
    PgResult exec(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});
    /// Runs SQL made of several statements (no parameters).
    void execScript(const std::string& sql);
    bool ok() const;
    /// Reconnects after a lost connection; false when the server is still away.
    bool reset();
    /// Called after every reconnection, to set the session up again (LISTEN ...).
    void onReconnect(std::function<void()> setUp) { m_setUp = std::move(setUp); }
    PGconn* raw() const { return m_conn; }
    /// The URI without its password: what messages show.
    const std::string& name() const { return m_name; }
    /// The current (login) role.
    std::string role();

private:
    [[noreturn]] void failWith(PGresult* result, const std::string& sql);
    PGresult* run(const std::string& sql, const std::vector<std::optional<std::string>>& params);
    PGconn* m_conn = nullptr;
    std::function<void()> m_setUp;
    std::string m_name;
};

/// Runs the body in one transaction: COMMIT when it returns, ROLLBACK when it throws.
template <typename F> auto inTransaction(PgConnection& conn, F&& body)
{
    conn.exec("BEGIN");
    try {
        if constexpr (std::is_void_v<decltype(body())>) {
            body();
            conn.exec("COMMIT");
        } else {
            auto value = body();
            conn.exec("COMMIT");
            return value;
        }
    } catch (...) {
        if (conn.ok())
            PQclear(PQexec(conn.raw(), "ROLLBACK"));
        throw;
    }
}

} // namespace crosswalk::storage
