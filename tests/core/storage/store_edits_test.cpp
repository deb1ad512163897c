// The storage edit tests that hold for every store, run on each (workspace_edits_test.cpp and
// workspace_facilitation_test.cpp keep the SQLite-only ones: rows, files, migrations): random
// edits and their undos keep the stored map equal to the caller's, an edit that does not fit
// changes nothing, and facilitated maps store and snapshot exactly.

#include "support/storagetest.h"
#include "support/storefixtures.h"

#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <type_traits>

using namespace crosswalk;
using crosswalk::test::LibraryStore;
using crosswalk::test::MemoryStoreFixture;
using crosswalk::test::WorkspaceStore;

namespace {

/// The store's own check, where it has one.
template <typename Fixture> std::vector<std::string> checkOf(Fixture& f)
{
    if constexpr (std::is_same_v<Fixture, MemoryStoreFixture>)
        return {};
    else
        return f.store.check();
}

} // namespace

TEMPLATE_TEST_CASE("Random edits and undos keep the stored map equal to the map", "[storage][stores]", WorkspaceStore,
                   MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    const auto seed = GENERATE(1u, 2u, 3u, 4u);
    Map map = test::randomMap(seed, test::mapOptions(60, 80, 20, 5, 4));
    const Map other = test::randomMap(seed + 100, test::mapOptions(10, 10, 10, 4, 3, "o-"));
    store.addMap(map);
    store.addMap(other);
    map = store.loadMap(map.id);
    test::Rng rng(seed * 7919);
    std::vector<Edit> undo;
    for (int i = 0; i < 150; ++i) {
        const Edit edit = test::randomEdit(map, rng);
        INFO("edit " << i << ": " << describe(edit));
        undo.push_back(store.applyEdit(map, edit));
        if (rng.chance(20)) {
            for (int k = rng.range(1, 3); k > 0 && !undo.empty(); --k) {
                store.applyEdit(map, undo.back());
                undo.pop_back();
            }
        }
        if (i % 10 == 0)
            REQUIRE(store.loadMap(map.id) == map);
    }
    CHECK(store.loadMap(map.id) == map);
    CHECK(store.loadMap(other.id) == other); // untouched by edits of its neighbour
    CHECK(checkOf(f).empty());
    // Another client reads the same map, and so does the store opened again.
    CHECK(f.other().loadMap(map.id) == map);
    f.reopen();
    CHECK(f.store.loadMap(map.id) == map);
}

TEMPLATE_TEST_CASE("An edit that does not fit the stored map changes nothing", "[storage][stores]", WorkspaceStore,
                   MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    store.addMap(test::smallMap());
    Map map = store.loadMap("m-small");
    test::Rng rng(5);
    for (int i = 0; i < 30; ++i) {
        const Edit bad = test::invalidEdit(map, rng);
        CHECK_THROWS_AS(store.applyEdit(map, bad), EditError);
        CHECK(map == test::smallMap());
    }
    CHECK(store.loadMap("m-small") == test::smallMap());
    // A map the store does not hold is refused before anything happens.
    Map stranger = test::randomMap(8);
    const Map strangerBefore = stranger;
    CHECK_THROWS_AS(store.applyEdit(stranger, RenameLane{"l1", "x"}), StoreError);
    CHECK_THROWS_WITH(store.applyEdit(stranger, RenameLane{"l1", "x"}), Catch::Matchers::Contains("no map \"m8\""));
    if constexpr (std::is_same_v<TestType, WorkspaceStore>)
        CHECK_THROWS_AS(store.applyEdit(stranger, RenameLane{"l1", "x"}), WorkspaceError);
    CHECK(stranger == strangerBefore);
    CHECK_FALSE(store.hasMap(stranger.id));
}

TEMPLATE_TEST_CASE("Random facilitated maps store, reload and snapshot exactly in every store",
                   "[storage][stores][facilitation]", WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        test::RandomMapOptions options = test::mapOptions(12, 14, 4);
        options.stickyNotes = 5;
        options.parkingItems = 3;
        const Map original = test::randomMap(seed, options);
        INFO("seed " << seed);
        store.addMap(original);
        Map map = store.loadMap(original.id);
        CHECK(map == original);
        test::Rng rng(seed * 31);
        for (int i = 0; i < 30; ++i)
            store.applyEdit(map, test::randomEdit(map, rng));
        CHECK(store.loadMap(map.id) == map);
        const Revision revision = store.createRevision(map.id, "After the session");
        CHECK(store.loadRevision(revision.id) == map);
        const Map restored = store.loadMap(store.restoreRevision(revision.id));
        CHECK(restored.stickyNotes == map.stickyNotes);
        CHECK(restored.parkingLot == map.parkingLot);
        CHECK(restored.votes == map.votes);
        CHECK(restored.session == map.session);
    }
    CHECK(checkOf(f).empty());
}
