#pragma once

// A scratch network library for tests: a fresh PostgreSQL database on the server named by
// CROSSWALK_TEST_PG_URI (a superuser's URI; scripts/test.sh starts a throwaway server and sets
// it), with a district role for "Lakeside", one for "Riverside" and a facilitator, all dropped
// again afterwards. Without the variable the tests that need it pass with a warning, unless
// CROSSWALK_TEST_PG_REQUIRED=1 (scripts/test.sh), when they fail.

#include "storage/pg/pgconnection.h"

#include "crosswalk/storage/networklibrary.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace crosswalk::test {

inline std::string pgAdminUri()
{
    const char* uri = std::getenv("CROSSWALK_TEST_PG_URI");
    return uri ? uri : "";
}

/// False (with a warning, or a failure when the server is required) when there is no test server.
inline bool havePgServer()
{
    if (!pgAdminUri().empty())
        return true;
    const char* required = std::getenv("CROSSWALK_TEST_PG_REQUIRED");
    if (required && std::string(required) == "1")
        FAIL("CROSSWALK_TEST_PG_REQUIRED=1 but CROSSWALK_TEST_PG_URI is not set");
    WARN("CROSSWALK_TEST_PG_URI is not set: the network library test is skipped (scripts/test.sh sets it)");
    return false;
}

/// The same server as uri, with another database and user: postgresql://USER@HOSTPART/DB?QUERY.
inline std::string withDatabaseAndUser(const std::string& uri, const std::string& database, const std::string& user)
{
    const std::size_t scheme = uri.find("://") + 3;
    const std::size_t pathStart = uri.find('/', scheme);
    const std::size_t queryStart = uri.find('?', scheme);
    std::string hostPart = uri.substr(scheme, (pathStart == std::string::npos ? queryStart : pathStart) - scheme);
    if (const std::size_t at = hostPart.rfind('@'); at != std::string::npos)
        hostPart.erase(0, at + 1);
    const std::string query = queryStart == std::string::npos ? "" : uri.substr(queryStart);
    return "postgresql://" + user + "@" + hostPart + "/" + database + query;
}

/// A fresh library: database, three member roles; dropped in the destructor.
class TestLibrary {
public:
    /// adminUri: a superuser's URI on the server to use (the shared test server by default).
    explicit TestLibrary(std::string adminUri = pgAdminUri()) : m_adminUri(std::move(adminUri))
    {
        static std::atomic<int> counter{0};
        m_db = "cw_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        m_admin = std::make_unique<storage::PgConnection>(m_adminUri);
        m_adminUser = m_admin->role();
        m_admin->exec("DROP DATABASE IF EXISTS " + m_db + " WITH (FORCE)");
        m_admin->exec("CREATE DATABASE " + m_db);
        for (const char* suffix : {"_a", "_b", "_f"}) {
            m_admin->exec("DROP ROLE IF EXISTS " + m_db + suffix);
            m_admin->exec("CREATE ROLE " + m_db + suffix + " LOGIN");
        }
        NetworkLibrary::init(ownerUri());
        NetworkLibrary::addDistrict(ownerUri(), "Lakeside", roleA());
        NetworkLibrary::addDistrict(ownerUri(), "Riverside", roleB());
        NetworkLibrary::addFacilitator(ownerUri(), roleF());
    }
    TestLibrary(const TestLibrary&) = delete;
    TestLibrary& operator=(const TestLibrary&) = delete;
    ~TestLibrary()
    {
        try {
            if (!m_admin->ok()) // the server was restarted by a fault test
                m_admin = std::make_unique<storage::PgConnection>(m_adminUri);
            m_admin->exec("DROP DATABASE IF EXISTS " + m_db + " WITH (FORCE)");
            for (const char* suffix : {"_a", "_b", "_f"})
                m_admin->exec("DROP ROLE IF EXISTS " + m_db + suffix);
        } catch (const std::exception&) {
            // a server stopped by a fault test: the throwaway server goes with its folder
        }
    }

    const std::string& database() const { return m_db; }
    std::string roleA() const { return m_db + "_a"; } // district "Lakeside"
    std::string roleB() const { return m_db + "_b"; } // district "Riverside"
    std::string roleF() const { return m_db + "_f"; } // facilitator
    /// The superuser who made the library (its owner; no policy binds it).
    std::string ownerUri() const { return withDatabaseAndUser(m_adminUri, m_db, adminUser()); }
    std::string uri(const std::string& role) const { return withDatabaseAndUser(m_adminUri, m_db, role); }
    /// A new superuser connection to the library's database, for plain SQL.
    std::unique_ptr<storage::PgConnection> connect(const std::string& role) const
    {
        return std::make_unique<storage::PgConnection>(uri(role));
    }

private:
    const std::string& adminUser() const { return m_adminUser; }
    std::string m_adminUri;
    std::string m_db;
    std::string m_adminUser;
    std::unique_ptr<storage::PgConnection> m_admin;
};

/// A PostgreSQL server of the test's own (scripts/pg-throwaway.sh in a scratch folder under
/// /tmp; it listens only on a socket there), for tests that stop and start their server
/// without disturbing the shared one.
class ThrowawayServer {
public:
    /// script: the path of scripts/pg-throwaway.sh. ok() is false when it could not start.
    explicit ThrowawayServer(std::string script) : m_script(std::move(script))
    {
        char folder[] = "/tmp/cw-pg-XXXXXX";
        if (!::mkdtemp(folder))
            return;
        m_folder = folder;
        ::chmod(folder, 0755); // run as root, the server's own user must enter it
        m_uri = run("start");
        while (!m_uri.empty() && (m_uri.back() == '\n' || m_uri.back() == '\r'))
            m_uri.pop_back();
        if (m_uri.rfind("postgresql://", 0) != 0)
            m_uri.clear();
    }
    ThrowawayServer(const ThrowawayServer&) = delete;
    ThrowawayServer& operator=(const ThrowawayServer&) = delete;
    ~ThrowawayServer()
    {
        if (m_folder.empty())
            return;
        run("stop");
        ::rmdir(m_folder.c_str());
    }
    bool ok() const { return !m_uri.empty(); }
    /// A superuser's URI.
    const std::string& uri() const { return m_uri; }
    /// Stops the server (the data stays): clients find it gone.
    void pause() { run("pause"); }
    void resume() { run("resume"); }

private:
    std::string run(const std::string& command)
    {
        const std::string line = "bash '" + m_script + "' " + command + " '" + m_folder + "/server' 2>/dev/null";
        std::string out;
        if (FILE* pipe = ::popen(line.c_str(), "r")) {
            char buffer[512];
            while (std::fgets(buffer, sizeof buffer, pipe))
                out += buffer;
            ::pclose(pipe);
        }
        return out;
    }
    std::string m_script;
    std::string m_folder;
    std::string m_uri;
};

} // namespace crosswalk::test
