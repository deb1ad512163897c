// The network library under load and under faults (run by CTest one at a time, as
// "network: load" and "network: faults"; hidden from the ordinary run of the core tests).
//   load:   50 clients (threads, one connection each) edit 8 maps for CROSSWALK_LOAD_SECONDS
//           (default 60). Afterwards every client's copy equals the server's, and the edits the
//           clients saw acknowledged are exactly the edits stored.
//   faults: clients in other processes are killed at random in the middle of their edits, and
//           the server is restarted (CROSSWALK_TEST_PG_RESTART, a command) while 12 clients
//           edit; no acknowledged edit is lost, no half edit is stored, and the check passes.

#include "support/pgtest.h"
#include "support/storagetest.h"

#include "crosswalk/storage/networklibrary.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <set>
#include <sstream>
#include <thread>

using namespace crosswalk;
using Clock = std::chrono::steady_clock;

namespace {

struct Ack {
    std::string mapId;
    std::int64_t version = 0;
    bool operator<(const Ack& o) const { return std::tie(mapId, version) < std::tie(o.mapId, o.version); }
};

struct ClientResult {
    std::string clientId;
    std::vector<Ack> acks;
    long conflicts = 0;
    long offline = 0; // commits that failed because the server was away
    std::vector<std::string> errors;
    long copiesChecked = 0;
    std::vector<std::string> copiesDiffering;
};

std::vector<std::string> addMaps(NetworkLibrary& owner, int count)
{
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) {
        Map map = test::randomMap(static_cast<std::uint64_t>(100 + i),
                                  test::mapOptions(10, 8, 3, 3, 2, "m" + std::to_string(i) + "-"));
        map.props.district = "Lakeside";
        owner.addMap(map);
        ids.push_back(map.id);
    }
    return ids;
}

/// One client: random edits on random maps until the deadline, keeping its copies current
/// with pollChanges(); after the barrier (every client done), its copies against the server.
void runClient(const std::string& uri, const std::vector<std::string>& mapIds, std::uint64_t seed,
               Clock::time_point deadline, std::barrier<>& done, ClientResult& out)
{
    try {
        NetworkLibrary lib = NetworkLibrary::open(uri);
        out.clientId = lib.clientId();
        std::map<std::string, Map> copies;
        std::set<std::string> stale;
        lib.subscribe([&](const std::string& id, const Edit&, const ChangeSet&, std::int64_t) { stale.insert(id); });
        for (const std::string& id : mapIds)
            copies[id] = lib.loadMap(id);
        test::Rng rng(seed);
        long n = 0;
        while (Clock::now() < deadline) {
            const std::string& id = mapIds[static_cast<std::size_t>(rng.range(0, static_cast<int>(mapIds.size()) - 1))];
            try {
                for (const std::string& s : stale) // copies to bring up to date (others' edits, a lost connection)
                    copies[s] = lib.loadMap(s);
                stale.clear();
                Map& copy = copies[id];
                try {
                    const CommitResult r = lib.commit(copy, test::randomEdit(copy, rng));
                    if (!r.changes.empty())
                        out.acks.push_back(Ack{id, r.version});
                } catch (const CommitConflict&) {
                    ++out.conflicts;
                    stale.insert(id);
                }
                if (++n % 4 == 0)
                    lib.pollChanges();
            } catch (const LibraryError& e) {
                if (e.refused())
                    throw;
                // The server is away: this edit was not acknowledged; try again when it is back.
                ++out.offline;
                stale.insert(id);
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        done.arrive_and_wait();
        lib.pollChanges();
        for (const std::string& s : stale)
            copies[s] = lib.loadMap(s);
        for (const auto& [id, copy] : copies) {
            ++out.copiesChecked;
            if (!(copy == lib.loadMap(id)))
                out.copiesDiffering.push_back(id);
        }
    } catch (const std::exception& e) {
        out.errors.push_back(e.what());
        done.arrive_and_drop();
    }
}

/// What the server stored: per map, its version, how many changes it has, and the last.
struct Stored {
    std::int64_t version = 0;
    long changes = 0;
};
std::map<std::string, Stored> storedCounts(storage::PgConnection& conn)
{
    std::map<std::string, Stored> out;
    const storage::PgResult r = conn.exec(
        "SELECT m.id, m.version, (SELECT count(*) FROM crosswalk.changes c WHERE c.map_id = m.id) FROM crosswalk.maps m");
    for (int i = 0; i < r.rows(); ++i)
        out[r.text(i, 0)] = Stored{r.integer(i, 1), static_cast<long>(r.integer(i, 2))};
    return out;
}

/// Whether the server holds this client's commit of that version.
bool holds(storage::PgConnection& conn, const std::string& clientId, const Ack& ack)
{
    return conn.exec("SELECT count(*) FROM crosswalk.changes WHERE map_id = $1 AND version = $2 AND client = $3",
                     {ack.mapId, std::to_string(ack.version), clientId})
               .integer(0, 0) == 1;
}

int loadSeconds()
{
    const char* s = std::getenv("CROSSWALK_LOAD_SECONDS");
    return s ? std::max(1, std::atoi(s)) : 60;
}

} // namespace

TEST_CASE("50 clients edit 8 maps and nothing is lost", "[.][load]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    NetworkLibrary owner = NetworkLibrary::open(lib.ownerUri());
    const std::vector<std::string> mapIds = addMaps(owner, 8);
    constexpr int kClients = 50;
    std::vector<ClientResult> results(kClients);
    std::barrier<> done(kClients);
    const auto deadline = Clock::now() + std::chrono::seconds(loadSeconds());
    {
        std::vector<std::jthread> clients;
        for (int i = 0; i < kClients; ++i)
            clients.emplace_back(runClient, lib.ownerUri(), std::cref(mapIds), static_cast<std::uint64_t>(i + 1),
                                 deadline, std::ref(done), std::ref(results[static_cast<std::size_t>(i)]));
    }
    auto conn = std::make_unique<storage::PgConnection>(lib.ownerUri());
    const auto stored = storedCounts(*conn);
    std::map<std::string, long> acked;
    long total = 0;
    long conflicts = 0;
    for (const ClientResult& r : results) {
        INFO("client " << r.clientId);
        CHECK(r.errors.empty());
        for (const std::string& e : r.errors)
            WARN(e);
        CHECK(r.copiesChecked == 8);
        CHECK(r.copiesDiffering.empty());
        CHECK(r.offline == 0);
        for (const Ack& a : r.acks)
            ++acked[a.mapId];
        total += static_cast<long>(r.acks.size());
        conflicts += r.conflicts;
    }
    for (const std::string& id : mapIds) {
        INFO("map " << id);
        CHECK(stored.at(id).version == acked[id]);
        CHECK(stored.at(id).changes == acked[id]);
    }
    CHECK(owner.check().empty());
    WARN("load: " << kClients << " clients, 8 maps, " << loadSeconds() << " s: " << total
                  << " edits acknowledged and stored, " << conflicts << " refused as conflicts");
    CHECK(total > 0);
}

TEST_CASE("Killed clients and a restarted server lose no acknowledged edit", "[.][fault]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    NetworkLibrary owner = NetworkLibrary::open(lib.ownerUri());
    const std::vector<std::string> mapIds = addMaps(owner, 4);

    // Clients in other processes, killed at random moments while they commit.
    test::Rng rng(7);
    for (int round = 0; round < 12; ++round) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            try {
                NetworkLibrary child = NetworkLibrary::open(lib.ownerUri());
                const std::string hello = child.clientId() + "\n";
                (void)!::write(fds[1], hello.data(), hello.size());
                test::Rng crng(static_cast<std::uint64_t>(1000 + round));
                Map map = child.loadMap(mapIds[static_cast<std::size_t>(round) % mapIds.size()]);
                for (;;) {
                    try {
                        const CommitResult r = child.commit(map, test::randomEdit(map, crng));
                        if (!r.changes.empty()) {
                            const std::string line = map.id + " " + std::to_string(r.version) + "\n";
                            (void)!::write(fds[1], line.data(), line.size());
                        }
                    } catch (const CommitConflict&) {
                        map = child.loadMap(map.id);
                    }
                }
            } catch (...) {
                ::_exit(3);
            }
        }
        ::close(fds[1]);
        // Once the client has its first edit acknowledged, kill it at a random moment.
        std::string text;
        char buf[4096];
        while (std::count(text.begin(), text.end(), '\n') < 2) {
            const ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n <= 0)
                break;
            text.append(buf, static_cast<std::size_t>(n));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(rng.range(0, 400)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status));
        for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
            text.append(buf, static_cast<std::size_t>(n));
        ::close(fds[0]);
        std::istringstream in(text);
        std::string clientId;
        std::getline(in, clientId);
        auto conn = std::make_unique<storage::PgConnection>(lib.ownerUri());
        long acks = 0;
        for (Ack ack; in >> ack.mapId >> ack.version; ++acks) {
            INFO("round " << round << ": " << ack.mapId << " version " << ack.version);
            CHECK(holds(*conn, clientId, ack));
        }
        CHECK(acks > 0);
    }

    // The server restarts while 12 clients edit.
    const char* restart = std::getenv("CROSSWALK_TEST_PG_RESTART");
    std::vector<ClientResult> results(12);
    std::barrier<> done(12);
    const auto deadline = Clock::now() + std::chrono::seconds(12);
    {
        std::vector<std::jthread> clients;
        for (std::size_t i = 0; i < results.size(); ++i)
            clients.emplace_back(runClient, lib.ownerUri(), std::cref(mapIds), static_cast<std::uint64_t>(i + 50),
                                 deadline, std::ref(done), std::ref(results[i]));
        if (restart) {
            std::this_thread::sleep_for(std::chrono::seconds(4));
            CHECK(std::system(restart) == 0);
        } else {
            WARN("CROSSWALK_TEST_PG_RESTART is not set: the server is not restarted");
        }
    }
    auto conn = std::make_unique<storage::PgConnection>(lib.ownerUri());
    long offline = 0;
    for (const ClientResult& r : results) {
        for (const std::string& e : r.errors)
            WARN(e);
        CHECK(r.errors.empty());
        CHECK(r.copiesDiffering.empty());
        offline += r.offline;
        for (const Ack& a : r.acks) {
            INFO(a.mapId << " version " << a.version);
            CHECK(holds(*conn, r.clientId, a));
        }
    }
    // No half edit: every stored version has its change, none is missing, and every map loads.
    for (const auto& [id, s] : storedCounts(*conn)) {
        INFO("map " << id);
        CHECK(s.changes == s.version);
    }
    CHECK(owner.check().empty());
    WARN("faults: 12 killed clients; server restarted: " << (restart ? "yes" : "no") << "; " << offline
                                                          << " commits failed while it was away (not acknowledged)");
}
