// The MapStore contract, run against every store: the SQLite Workspace, the MemoryStore and the
// network library (PostgreSQL; see support/pgtest.h for the test server).

#include "support/storagetest.h"

#include "support/storefixtures.h"

#include "support/randommap.h"
#include "crosswalk/storage/memorystore.h"
#include "crosswalk/storage/networklibrary.h"
#include "crosswalk/storage/workspace.h"

#include <catch2/catch.hpp>

#include <memory>

using namespace crosswalk;
using crosswalk::test::LibraryStore;
using crosswalk::test::MemoryStoreFixture;
using crosswalk::test::TempDir;
using crosswalk::test::WorkspaceStore;

namespace {

Map namedMap(std::uint64_t seed, const std::string& prefix, const std::string& district, const std::string& title)
{
    Map map = test::randomMap(seed, test::mapOptions(8, 8, 4, 3, 2, prefix));
    map.props.district = district;
    map.props.title = title;
    return map;
}

} // namespace

TEMPLATE_TEST_CASE("A store lists, finds and loads its maps", "[storage][mapstore]", WorkspaceStore,
                   MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    CHECK_FALSE(store.readOnly());
    const Map b = namedMap(1, "b-", "riverside", "Onboarding");
    const Map a = namedMap(2, "a-", "Lakeside", "Evaluation");
    const Map c = namedMap(3, "c-", "Lakeside", "evaluation");
    store.addMap(b);
    store.addMap(a);
    store.addMap(c);
    CHECK_THROWS_AS(store.addMap(a), StoreError);

    const std::vector<MapSummary> maps = store.listMaps();
    REQUIRE(maps.size() == 3);
    CHECK(maps[0] == MapSummary{a.id, "Lakeside", "Evaluation", static_cast<int>(a.steps.size())});
    CHECK(maps[1].id == c.id);
    CHECK(maps[2].id == b.id);

    CHECK(store.hasMap(a.id));
    CHECK_FALSE(store.hasMap("m-nowhere"));
    CHECK(store.loadMap(a.id) == a);
    CHECK_THROWS_AS(store.loadMap("m-nowhere"), StoreError);
    CHECK(store.resolveMap(b.id) == b.id);
    CHECK(store.resolveMap("Onboarding") == b.id);
    CHECK_THROWS_AS(store.resolveMap("Nothing of that name"), StoreError);
    Map twin = namedMap(4, "d-", "Elsewhere", "Onboarding");
    store.addMap(twin);
    CHECK_THROWS_AS(store.resolveMap("Onboarding"), StoreError);
    CHECK_THAT(store.name(), !Catch::Matchers::Equals(""));
}

TEMPLATE_TEST_CASE("A store commits edits and returns their inverses and change sets", "[storage][mapstore]",
                   WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    const Map original = test::randomMap(11, test::mapOptions(20, 20));
    store.addMap(original);
    Map map = store.loadMap(original.id);
    test::Rng rng(5);
    std::vector<std::pair<Map, Edit>> history; // the map before each edit, and the inverse
    std::int64_t version = store.version(map.id);
    for (int i = 0; i < 40; ++i) {
        const Map before = map;
        const Edit edit = test::randomEdit(map, rng);
        const CommitResult result = store.commit(map, edit);
        Map expected = before;
        ChangeSet changes;
        apply(expected, edit, &changes);
        CHECK(map == expected);
        CHECK(result.changes.empty() == changes.empty());
        CHECK(result.changes.steps == changes.steps);
        CHECK(result.changes.lanes == changes.lanes);
        CHECK(store.loadMap(map.id) == map);
        if (!result.changes.empty()) {
            CHECK(result.version > version);
            version = result.version;
        }
        CHECK(store.version(map.id) == version);
        history.emplace_back(before, result.inverse);
    }
    // The inverses, applied newest first through the store, lead back to the original.
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        ChangeSet changes;
        store.applyEdit(map, it->second, &changes);
        CHECK(map == it->first);
    }
    CHECK(store.loadMap(map.id) == original);

    // An edit that does not fit: EditError, nothing changes.
    const Map before = map;
    CHECK_THROWS_AS(store.commit(map, test::invalidEdit(map, rng)), EditError);
    CHECK(map == before);
    CHECK(store.loadMap(map.id) == before);

    // The session timer is stored as it is, off any undo history.
    const SessionTimer timer{600, 420, true};
    const CommitResult stored = store.storeSessionTimer(map, timer);
    CHECK(stored.changes.session);
    CHECK(store.loadMap(map.id).session == timer);
}

TEMPLATE_TEST_CASE("A read-only store refuses every change and keeps the caller's values", "[storage][mapstore]",
                   WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    const Map original = test::randomMap(21, test::mapOptions(10, 10));
    std::unique_ptr<MapStore> store = f.readOnlyWith(original);
    CHECK(store->readOnly());
    Map map = store->loadMap(original.id);
    CHECK(map == original);
    test::Rng rng(3);
    const Edit edit = test::randomEdit(map, rng);
    CHECK_THROWS_AS(store->commit(map, edit), StoreError);
    CHECK(map == original);
    CHECK_THROWS_AS(store->applyEdit(map, edit), StoreError);
    CHECK(map == original);
    CHECK_THROWS_AS(store->storeSessionTimer(map, SessionTimer{60, 60, false}), StoreError);
    CHECK(map == original);
    try {
        store->commit(map, edit);
    } catch (const StoreError& e) {
        CHECK_THAT(e.what(), Catch::Matchers::Contains("is read-only: Crosswalk can show it but cannot save changes"));
    }
    CHECK_THROWS_AS(store->addMap(test::randomMap(22, test::mapOptions(3, 2, 1, 1, 1, "x-"))), StoreError);
    CHECK_THROWS_AS(store->deleteMap(original.id), StoreError);
    CHECK_THROWS_AS(store->createRevision(original.id, "Before"), StoreError);
    CHECK_THROWS_AS(store->storeDecision({original.id, "m-other", DecisionKind::Step, "s1", "s2",
                                          Decision::Confirmed}),
                    StoreError);
    CHECK(store->loadMap(original.id) == original);
    CHECK(store->listMaps().size() == 1);
}

TEMPLATE_TEST_CASE("A deleted map is gone until it is restored", "[storage][mapstore]", WorkspaceStore,
                   MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    const Map a = namedMap(31, "a-", "A", "Alpha");
    const Map b = namedMap(32, "b-", "B", "Beta");
    store.addMap(a);
    store.addMap(b);
    store.storeDecision({a.id, b.id, DecisionKind::Step, a.steps.at(0).id, b.steps.at(0).id, Decision::Confirmed});
    store.createRevision(a.id, "First");

    store.deleteMap(a.id);
    CHECK_FALSE(store.hasMap(a.id));
    CHECK(store.listMaps().size() == 1);
    CHECK_THROWS_AS(store.loadMap(a.id), StoreError);
    CHECK_THROWS_AS(store.deleteMap(a.id), StoreError);
    CHECK(store.loadDecisions().empty());

    store.restoreMap(a.id);
    CHECK(store.loadMap(a.id) == a);
    CHECK(store.listMaps().size() == 2);
    CHECK(store.loadDecisions().size() == 1);
    CHECK(store.listRevisions(a.id).size() == 1);
    CHECK_THROWS_AS(store.restoreMap(a.id), StoreError);
}

TEMPLATE_TEST_CASE("A store keeps named revisions of a map", "[storage][mapstore]", WorkspaceStore,
                   MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    const Map original = namedMap(41, "r-", "District", "Process");
    store.addMap(original);
    Map map = store.loadMap(original.id);
    const Revision first = store.createRevision(map.id, "First");
    test::Rng rng(9);
    for (int i = 0; i < 5; ++i)
        store.commit(map, test::randomEdit(map, rng));
    const Revision second = store.createRevision(map.id, "Second");
    CHECK(first.mapId == map.id);
    CHECK(first.name == "First");
    CHECK_FALSE(first.createdAt.empty());

    const std::vector<Revision> revisions = store.listRevisions(map.id);
    REQUIRE(revisions.size() == 2);
    CHECK(revisions[0] == second); // newest first
    CHECK(revisions[1] == first);
    CHECK(store.listRevisions("m-nowhere").empty());
    CHECK(store.loadRevision(first.id) == original);
    CHECK(store.loadRevision(second.id) == map);
    CHECK_THROWS_AS(store.loadRevision("r-nowhere"), StoreError);

    const std::string restored = store.restoreRevision(first.id);
    CHECK(restored != original.id);
    Map back = store.loadMap(restored);
    CHECK(back.props.title == "Process (restored: First)");
    back.id = original.id;
    back.props.title = original.props.title;
    CHECK(back == original);
    CHECK(store.loadMap(map.id) == map);
}

TEMPLATE_TEST_CASE("A store keeps the match decisions between its maps", "[storage][mapstore]", WorkspaceStore,
                   MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    const Map a = namedMap(51, "a-", "A", "Alpha");
    const Map b = namedMap(52, "b-", "B", "Beta");
    const Map c = namedMap(53, "c-", "C", "Gamma");
    for (const Map& m : {a, b, c})
        store.addMap(m);
    const MatchDecision confirm{a.id, b.id, DecisionKind::Step, "s1", "s2", Decision::Confirmed};
    const MatchDecision reject{b.id, a.id, DecisionKind::Step, "s3", "s4", Decision::Rejected};
    const MatchDecision lane{a.id, c.id, DecisionKind::Lane, "l1", "l2", Decision::Added};
    store.storeDecision(confirm);
    store.storeDecision(reject);
    store.storeDecision(lane);
    CHECK_THROWS_AS(store.storeDecision({a.id, a.id, DecisionKind::Step, "s1", "s2", Decision::Confirmed}),
                    StoreError);
    CHECK_THROWS_AS(store.storeDecision({a.id, "m-nowhere", DecisionKind::Step, "s1", "s2", Decision::Confirmed}),
                    StoreError);
    CHECK_THROWS_AS(store.storeDecision({a.id, b.id, DecisionKind::Step, "", "s2", Decision::Confirmed}),
                    StoreError);

    CHECK(store.loadDecisions().size() == 3);
    const DecisionSet ab = store.loadDecisions({a.id, b.id});
    CHECK(ab.size() == 2);
    const auto steps = ab.between(a.id, b.id, DecisionKind::Step);
    REQUIRE(steps.size() == 2);
    CHECK(steps[0] == confirm);
    CHECK(steps[1] == MatchDecision{a.id, b.id, DecisionKind::Step, "s4", "s3", Decision::Rejected});

    // A new partner for s1 replaces the old one, as DecisionSet::set() does.
    store.storeDecision({a.id, b.id, DecisionKind::Step, "s1", "s9", Decision::Added});
    const auto now = store.loadDecisions({a.id, b.id}).between(a.id, b.id, DecisionKind::Step);
    REQUIRE(now.size() == 2);
    CHECK(now[0] == MatchDecision{a.id, b.id, DecisionKind::Step, "s1", "s9", Decision::Added});

    // Cleared in the other orientation.
    store.clearDecision(b.id, a.id, DecisionKind::Step, "s9", "s1");
    CHECK(store.loadDecisions({a.id, b.id}).size() == 1);
    store.clearDecision(b.id, a.id, DecisionKind::Step, "nothing", "here");
    CHECK(store.loadDecisions().size() == 2);
}

TEMPLATE_TEST_CASE("A commit over another client's commit is refused as a conflict", "[storage][mapstore]",
                   WorkspaceStore, MemoryStoreFixture)
{
    if (!TestType::available())
        return;
    TestType f;
    const Map original = test::randomMap(61, test::mapOptions(12, 12));
    f.store.addMap(original);
    Map mine = f.store.loadMap(original.id);
    MapStore& other = f.other();
    Map theirs = other.loadMap(original.id);
    test::Rng rng(13);
    Edit first = test::randomEdit(theirs, rng);
    while (other.commit(theirs, first).changes.empty())
        first = test::randomEdit(theirs, rng);

    const Map before = mine;
    CHECK_THROWS_AS(f.store.commit(mine, test::randomEdit(mine, rng)), CommitConflict);
    CHECK(mine == before);
    CHECK(f.store.loadMap(original.id) == theirs);

    // Loaded again, the edit goes in on top of theirs.
    mine = f.store.loadMap(original.id);
    f.store.commit(mine, test::randomEdit(mine, rng));
    CHECK(f.store.loadMap(original.id) == mine);
}

TEMPLATE_TEST_CASE("Local stores deliver no outside changes", "[storage][mapstore]", WorkspaceStore,
                   MemoryStoreFixture)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    const Map original = test::randomMap(71, test::mapOptions(5, 5));
    store.addMap(original);
    int heard = 0;
    const std::size_t handle =
        store.subscribe([&](const std::string&, const Edit&, const ChangeSet&, std::int64_t) { ++heard; });
    Map map = store.loadMap(original.id);
    test::Rng rng(17);
    store.commit(map, test::randomEdit(map, rng));
    CHECK(store.pollChanges() == 0);
    CHECK(heard == 0); // our own commits are not news to us
    store.unsubscribe(handle);
}
