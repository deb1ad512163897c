#pragma once

// The stores the MapStore tests run against, as Catch2 template fixtures: each has `store`,
// `other()` (another client of the same maps), `readOnlyWith(map)`, `reader()` (what a new
// client, or a crash, finds stored), `reopen()`, `check()` and `available()` (false, with a
// warning, for the network library when there is no test server).

#include "support/pgtest.h"
#include "support/tempdir.h"

#include "storage/modelproblems.h"

#include "crosswalk/storage/memorystore.h"
#include "crosswalk/storage/networklibrary.h"
#include "crosswalk/storage/workspace.h"

#include <memory>
#include <string>
#include <vector>

namespace crosswalk::test {

/// A workspace file in a scratch directory.
struct WorkspaceStore {
    static bool available() { return true; }
    TempDir dir;
    std::string path = dir.file("ws.crosswalk");
    Workspace store = Workspace::create(path);
    std::unique_ptr<Workspace> second;

    /// Another client of the same maps: a second connection to the file.
    MapStore& other()
    {
        if (!second)
            second = std::make_unique<Workspace>(Workspace::open(path));
        return *second;
    }
    /// A read-only store holding map.
    std::unique_ptr<MapStore> readOnlyWith(const Map& map)
    {
        const std::string file = dir.file("ro.crosswalk");
        {
            Workspace ws = Workspace::create(file);
            ws.addMap(map);
        }
        return std::make_unique<Workspace>(Workspace::open(file, Workspace::Mode::ReadOnly));
    }
    /// The stored maps through a new read-only connection: what a crash would leave.
    std::unique_ptr<MapStore> reader() const
    {
        return std::make_unique<Workspace>(Workspace::open(path, Workspace::Mode::ReadOnly));
    }
    /// Closes the store and opens it again.
    void reopen()
    {
        second.reset();
        store = Workspace::open(path);
    }
    std::vector<std::string> check() const { return store.check(); }
};

/// Values in memory.
struct MemoryStoreFixture {
    static bool available() { return true; }
    MemoryStore store{"test store"};

    /// Another client of the same maps: a second document on the same store.
    MapStore& other() { return store; }
    std::unique_ptr<MapStore> readOnlyWith(const Map& map)
    {
        return std::make_unique<MemoryStore>(std::vector<Map>{map}, "read-only store", MemoryStore::Mode::ReadOnly);
    }
    /// A copy of what is stored (there is no other connection).
    std::unique_ptr<MapStore> reader() const { return std::make_unique<MemoryStore>(store); }
    void reopen() {}
    /// The model's rules on every map (the values have no schema to check).
    std::vector<std::string> check() const
    {
        std::vector<std::string> problems;
        for (const MapSummary& m : store.listMaps())
            for (const std::string& p : storage::modelProblems(store.loadMap(m.id)))
                problems.push_back(m.id + ": " + p);
        return problems;
    }
};

/// A fresh network library, used by its owner (whom no district policy binds, so the maps of
/// any district can be stored); the permissions have their own tests (library_*_test.cpp).
struct LibraryStore {
    static bool available() { return test::havePgServer(); }
    test::TestLibrary library;
    NetworkLibrary store = NetworkLibrary::open(library.ownerUri());
    std::unique_ptr<NetworkLibrary> second;

    /// Another client of the same maps: a second connection to the library.
    MapStore& other()
    {
        if (!second)
            second = std::make_unique<NetworkLibrary>(NetworkLibrary::open(library.ownerUri()));
        return *second;
    }
    std::unique_ptr<MapStore> readOnlyWith(const Map& map)
    {
        store.addMap(map);
        return std::make_unique<NetworkLibrary>(NetworkLibrary::open(library.ownerUri(), NetworkLibrary::Mode::ReadOnly));
    }
    /// The stored maps through a new read-only connection.
    std::unique_ptr<MapStore> reader() const
    {
        return std::make_unique<NetworkLibrary>(NetworkLibrary::open(library.ownerUri(), NetworkLibrary::Mode::ReadOnly));
    }
    /// Disconnects and connects again.
    void reopen()
    {
        second.reset();
        store = NetworkLibrary::open(library.ownerUri());
    }
    std::vector<std::string> check() const { return store.check(); }
};

} // namespace crosswalk::test
