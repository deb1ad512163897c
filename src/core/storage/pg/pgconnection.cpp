#include "pgconnection.h"

#include <cstdlib>

namespace crosswalk {

bool isLibraryUri(std::string_view text)
{
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

std::string withoutPassword(std::string_view uri)
{
    std::string out(uri);
    const std::size_t scheme = out.find("://");
    if (scheme == std::string::npos)
        return out;
    const std::size_t start = scheme + 3;
    const std::size_t end = std::min(out.find_first_of("/?", start), out.size());
    const std::size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
        const std::size_t colon = out.find(':', start);
        if (colon != std::string::npos && colon < at)
            out.erase(colon, at - colon);
    }
    // password=... in the query string
    const std::size_t query = out.find('?');
    if (query != std::string::npos) {
        std::string kept;
        std::size_t pos = query + 1;
        while (pos <= out.size()) {
            std::size_t amp = out.find('&', pos);
            if (amp == std::string::npos)
                amp = out.size();
            const std::string part = out.substr(pos, amp - pos);
            if (!part.empty() && !part.starts_with("password="))
                kept += (kept.empty() ? "" : "&") + part;
            pos = amp + 1;
        }
        out.erase(query);
        if (!kept.empty())
            out += "?" + kept;
    }
    return out;
}

namespace storage {

std::string PgResult::text(int row, int column) const
{
    const char* value = PQgetvalue(m_result.get(), row, column);
    return value ? std::string(value, static_cast<std::size_t>(PQgetlength(m_result.get(), row, column))) : "";
}

long long PgResult::integer(int row, int column) const
{
    return std::strtoll(PQgetvalue(m_result.get(), row, column), nullptr, 10);
}

long long PgResult::affected() const
{
    const char* n = PQcmdTuples(m_result.get());
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

namespace {

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

/// Whether a failure is the connection's (lost, or closed by a server shutting down), not the
/// statement's: no SQLSTATE, class 08 (connection exception) or 57P (operator intervention).
bool connectionLost(PGresult* result, PGconn* conn)
{
    if (PQstatus(conn) != CONNECTION_OK)
        return true;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string s = state ? state : "";
    return s.empty() || s.starts_with("08") || s.starts_with("57P");
}

} // namespace

PgConnection::PgConnection(const std::string& uri) : m_name(withoutPassword(uri))
{
    m_conn = PQconnectdb(uri.c_str());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string why = trimmed(PQerrorMessage(m_conn));
        PQfinish(m_conn);
        m_conn = nullptr;
        throw LibraryError("cannot connect to the network library " + m_name + ": " + why +
                           " (check the address, that the server is running, and the password in ~/.pgpass "
                           "or PGPASSWORD)");
    }
    // The server's notices ("terminating connection due to administrator command" when it
    // stops) are not printed on stderr: a lost connection is reported by the call that meets it.
    PQsetNoticeProcessor(m_conn, [](void*, const char*) {}, nullptr);
    PQclear(PQexec(m_conn, "SET client_min_messages = warning"));
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

bool PgConnection::ok() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

bool PgConnection::reset()
{
    if (!m_conn)
        return false;
    PQreset(m_conn);
    if (!ok())
        return false;
    PQclear(PQexec(m_conn, "SET client_min_messages = warning"));
    if (m_setUp)
        m_setUp();
    return true;
}

void PgConnection::failWith(PGresult* result, const std::string& sql)
{
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlState = state ? state : "";
    std::string why = trimmed(result ? PQresultErrorMessage(result) : "");
    if (why.empty())
        why = trimmed(PQerrorMessage(m_conn));
    if (result)
        PQclear(result);
    if (!ok() || sqlState.empty() || sqlState.starts_with("08") || sqlState.starts_with("57P"))
        throw LibraryError("lost the connection to the network library " + m_name + " (" + why +
                               "); nothing more was saved. Crosswalk reconnects when the server is back",
                           "08006");
    (void)sql;
    throw LibraryError("the network library " + m_name + " refused: " + why, sqlState);
}

PgResult PgConnection::exec(const std::string& sql, const std::vector<std::optional<std::string>>& params)
{
    if (!m_conn)
        throw LibraryError("not connected to the network library " + m_name, "08003");
    const bool idle = PQtransactionStatus(m_conn) == PQTRANS_IDLE;
    PGresult* result = run(sql, params);
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && idle && connectionLost(result, m_conn)) {
        if (result)
            PQclear(result);
        if (!reset())
            throw LibraryError("the network library " + m_name +
                                   " is offline (the server cannot be reached); nothing was read or saved. "
                                   "Crosswalk reconnects when the server is back",
                               "08006");
        result = run(sql, params);
        status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    }
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        failWith(result, sql);
    return PgResult(result);
}

PGresult* PgConnection::run(const std::string& sql, const std::vector<std::optional<std::string>>& params)
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    return PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                        nullptr, 0);
}

void PgConnection::execScript(const std::string& sql)
{
    if (!m_conn)
        throw LibraryError("not connected to the network library " + m_name, "08003");
    PGresult* result = PQexec(m_conn, sql.c_str());
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        failWith(result, sql);
    PQclear(result);
}

std::string PgConnection::role()
{
    return exec("SELECT current_user").text(0, 0);
}

} // namespace storage
} // namespace crosswalk
