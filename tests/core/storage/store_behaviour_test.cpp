// The store-level behaviour of the workspace tests (workspace_*_test.cpp), run against every
// store: the SQLite Workspace, the MemoryStore and the network library (PostgreSQL; skipped
// with a warning when there is no test server, see support/pgtest.h). What only a SQLite file
// has (its schema, side files, damage, rows written) stays in the workspace tests.

#include "support/storagetest.h"

#include "support/randommap.h"
#include "support/storefixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

using namespace crosswalk;
using Catch::Matchers::Contains;
using crosswalk::test::LibraryStore;
using crosswalk::test::MemoryStoreFixture;
using crosswalk::test::WorkspaceStore;

namespace {

template <typename F> std::string storeErrorOf(F&& call)
{
    try {
        call();
    } catch (const StoreError& e) {
        return e.what();
    }
    FAIL("no StoreError thrown");
    return {};
}

Step newStep(const std::string& id, const std::string& lane, const std::string& phase, int x)
{
    Step s;
    s.id = id;
    s.lane = lane;
    s.phase = phase;
    s.kind = StepKind::Wait;
    s.label = "Wait for \"HR\", then ☕";
    s.notes = "line one\nline two";
    s.x = x;
    return s;
}

} // namespace

TEMPLATE_TEST_CASE("Every store commits every kind of edit, and undoes it through its inverse", "[storage][stores]",
                   WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    const Map original = test::smallMap();
    store.addMap(original);
    Map map = store.loadMap(original.id);

    Annotation note{"a9", AnnotationKind::Variation, "s2", "Some regions skip it", "", Variation::Intentional, {}};
    Annotation changedNote = note;
    changedNote.kind = AnnotationKind::ChangeIdea;
    changedNote.variation.reset();
    changedNote.horizon = 3;
    changedNote.target = "";
    Step updated = *original.step("s4");
    updated.label = "Self-assessment (online)";
    updated.kind = StepKind::Data;
    updated.lane = "l2";
    updated.w = 180;
    MapProperties props = original.props;
    props.title = "Principal evaluation, 2025";
    props.state = MapState::Future;
    props.notes = "Drafted in session 3";

    const std::vector<std::pair<std::string, Edit>> edits{
        {"AddStickyNote", AddStickyNote{{"n1", "s3", "Ask HR", "#FFE680"}, std::nullopt}},
        {"AddStickyNote at the front", AddStickyNote{{"n2", "s4", "Second", "#C7F0D8"}, 0}},
        {"AddStickyNote to remove", AddStickyNote{{"n3", "s1", "Third", "#C7F0D8"}, 1}},
        {"UpdateStickyNote", UpdateStickyNote{{"n2", "s2", "Moved to s2", "#C7F0D8"}}},
        {"SetVotes", SetVotes{"s3", 3}},
        {"SetVotes again", SetVotes{"s4", 1}},
        {"AddParkingItem", AddParkingItem{{"q1", "Who owns it?", "2026-03-05T15:04:00Z", false}, std::nullopt}},
        {"AddParkingItem at the front", AddParkingItem{{"q2", "Budget?", "", false}, 0}},
        {"UpdateParkingItem", UpdateParkingItem{{"q1", "Who owns it?", "2026-03-05T15:04:00Z", true}}},
        {"SetSessionTimer", SetSessionTimer{{3600, 3000, true}}},
        {"AddStep at the front", AddStep{newStep("s-front", "l1", "p1", 10), 0}},
        {"AddStep at the end", AddStep{newStep("s-end", "l3", "p3", 1200), std::nullopt}},
        {"AddStep in the middle", AddStep{newStep("s-mid", "l2", "p2", 600), 3}},
        {"AddStep at the front again", AddStep{newStep("s-front2", "l1", "", 0), 0}},
        {"UpdateStep", UpdateStep{updated}},
        {"MoveSteps", MoveSteps{{{"s1", "l2", "p2", 500, 10}, {"s5", "l3", "p1", 30, 60}}}},
        {"ShiftSteps", ShiftSteps{{"s2", "s3"}, -20}},
        {"RemoveStep", RemoveStep{"s3"}},
        {"RemoveStickyNote", RemoveStickyNote{"n2"}},
        {"RemoveStickyNote in the middle", RemoveStickyNote{"n3"}},
        {"RemoveParkingItem at the front", RemoveParkingItem{"q2"}},
        {"RemoveParkingItem", RemoveParkingItem{"q1"}},
        {"ReplaceVotes (reset)", ReplaceVotes{}},
        {"SetSessionTimer (clear)", SetSessionTimer{}},
        {"AddLane at the front", AddLane{{"l0", "Superintendent", "#123456", 200}, 0}},
        {"RenameLane", RenameLane{"l2", "Talent office"}},
        {"RecolourLane", RecolourLane{"l3", "#ABCDEF"}},
        {"ReorderLane", ReorderLane{"l3", 0}},
        {"ResizeLane", ResizeLane{"l1", 240}},
        {"RemoveLane", RemoveLane{"l2"}},
        {"AddPhase at the front", AddPhase{{"p0", "Summer", "#EEEEEE", 300}, 0}},
        {"RenamePhase", RenamePhase{"p2", "Winter"}},
        {"RecolourPhase", RecolourPhase{"p1", "#010203"}},
        {"ReorderPhase", ReorderPhase{"p3", 1}},
        {"ResizePhase", ResizePhase{"p1", 520}},
        {"RemovePhase", RemovePhase{"p2"}},
        {"AddFlow", AddFlow{{"f9", "s-front", "s-end", "then"}, 0}},
        {"RelabelFlow", RelabelFlow{"f9", "next"}},
        {"RemoveFlow", RemoveFlow{"f5"}},
        {"AddAnnotation", AddAnnotation{note, 1}},
        {"UpdateAnnotation", UpdateAnnotation{changedNote}},
        {"RemoveAnnotation", RemoveAnnotation{"a5"}},
        {"UpdateMapProperties", UpdateMapProperties{props}},
        {"Batch",
         Batch{"Add and connect",
               {AddStep{newStep("s-b", "l1", "p1", 700), 1}, AddFlow{{"f-b", "s-b", "s-end", ""}, std::nullopt},
                AddAnnotation{{"a-b", AnnotationKind::Question, "f-b", "Who?", "", {}, {}}, std::nullopt}}}},
    };

    std::vector<Edit> inverses;
    std::int64_t version = store.version(map.id);
    for (const auto& [name, edit] : edits) {
        INFO(name);
        ChangeSet changes;
        inverses.push_back(store.applyEdit(map, edit, &changes));
        CHECK_FALSE(changes.empty());
        CHECK(store.version(map.id) > version); // every store counts its commits
        version = store.version(map.id);
        REQUIRE(store.loadMap(map.id) == map);
        REQUIRE(f.reader()->loadMap(map.id) == map);
    }
    CHECK(map != original);

    for (auto it = inverses.rbegin(); it != inverses.rend(); ++it) {
        store.applyEdit(map, *it);
        REQUIRE(store.loadMap(map.id) == map);
    }
    CHECK(map == original);
    CHECK(f.reader()->loadMap(map.id) == original);
    CHECK(f.check().empty());
    f.reopen();
    CHECK(f.store.loadMap(original.id) == original);
}

TEMPLATE_TEST_CASE("Every store keeps the order of the vectors through many insertions at one place",
                   "[storage][stores]", WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    store.addMap(test::smallMap());
    Map map = store.loadMap("m-small");
    // Forty insertions at the front and forty right after the first step exhaust the gaps
    // between neighbours several times over, so a workspace renumbers the kind on the way.
    for (int i = 0; i < 40; ++i) {
        store.applyEdit(map, AddStep{newStep("front" + std::to_string(i), "l1", "p1", i), 0});
        store.applyEdit(map, AddStep{newStep("second" + std::to_string(i), "l2", "p2", i), 1});
        store.applyEdit(map, AddFlow{{"flow" + std::to_string(i), "s1", "s2", ""}, 2});
        store.applyEdit(map, AddLane{{"lane" + std::to_string(i), "Lane", "#FFFFFF", 100}, map.lanes.size() / 2});
    }
    CHECK(store.loadMap(map.id) == map);
    CHECK(f.reader()->loadMap(map.id) == map);

    const Map before = map;
    std::vector<Edit> inverses;
    for (const char* id : {"s3", "front7", "second20", "lane5", "f5"}) {
        if (map.step(id))
            inverses.push_back(store.applyEdit(map, RemoveStep{id}));
        else if (map.lane(id))
            inverses.push_back(store.applyEdit(map, RemoveLane{id}));
        else
            inverses.push_back(store.applyEdit(map, RemoveFlow{id}));
    }
    CHECK(store.loadMap(map.id) == map);
    for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
        store.applyEdit(map, *it);
    CHECK(map == before);
    CHECK(store.loadMap(map.id) == before);
    CHECK(f.reader()->loadMap(map.id) == before);
    CHECK(f.check().empty());
}

TEMPLATE_TEST_CASE("Every store builds on another client's commits when the caller has the map they made",
                   "[storage][stores]", WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& first = f.store;
    first.addMap(test::smallMap());
    Map a = first.loadMap("m-small");
    first.applyEdit(a, AddStep{newStep("s-a", "l1", "p1", 1), 0});

    MapStore& second = f.other();
    Map b = second.loadMap("m-small");
    second.applyEdit(b, AddStep{newStep("s-b", "l1", "p1", 2), 0});
    second.applyEdit(b, AddStep{newStep("s-c", "l1", "p1", 3), 1});

    // The first client commits on the map as the second left it: the step lands where asked.
    Map fresh = second.loadMap("m-small");
    first.applyEdit(fresh, AddStep{newStep("s-d", "l1", "p1", 4), 1});
    CHECK(fresh.steps[1].id == "s-d");
    CHECK(second.loadMap("m-small") == fresh);
    CHECK(first.loadMap("m-small") == fresh);
    CHECK(f.reader()->loadMap("m-small") == fresh);
}

TEMPLATE_TEST_CASE("Every store finds maps by id or title, and deletes and restores them with what belongs to them",
                   "[storage][stores]", WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    Map a = test::smallMap();
    Map b = test::randomMap(1);
    Map c = test::randomMap(2);
    b.props.title = "Shared title";
    c.props.title = "Shared title";
    store.addMap(a);
    store.addMap(b);
    store.addMap(c);

    CHECK(store.resolveMap("m-small") == "m-small");
    CHECK(store.resolveMap("Principal evaluation") == "m-small");
    const std::string ambiguous = storeErrorOf([&] { store.resolveMap("Shared title"); });
    CHECK_THAT(ambiguous, Contains("m1"));
    CHECK_THAT(ambiguous, Contains("m2"));
    CHECK_THAT(storeErrorOf([&] { store.resolveMap("Nothing"); }), Contains("\"Nothing\""));

    CHECK_THAT(storeErrorOf([&] { store.addMap(a); }), Contains("already has a map with id \"m-small\""));
    Map broken = test::randomMap(3);
    broken.steps.front().lane = "l-missing";
    CHECK_THAT(storeErrorOf([&] { store.addMap(broken); }), Contains("l-missing"));
    CHECK_FALSE(store.hasMap(broken.id));

    const Revision revision = store.createRevision("m1", "first");
    store.storeDecision({"m1", "m2", DecisionKind::Lane, "l1", "l2", Decision::Confirmed});
    store.storeDecision({"m-small", "m2", DecisionKind::Step, "s1", "s1", Decision::Added});
    REQUIRE(store.loadDecisions().all().size() == 2);
    const Map m1 = store.loadMap("m1");
    store.deleteMap("m1");
    CHECK_FALSE(store.hasMap("m1"));
    CHECK(store.resolveMap("Shared title") == "m2");
    CHECK(store.listMaps().size() == 2);
    CHECK(store.loadDecisions().all().size() == 1); // the deleted map's decision is not seen
    CHECK_THAT(storeErrorOf([&] { store.loadMap("m1"); }), Contains("no map \"m1\""));
    CHECK_THAT(storeErrorOf([&] { store.deleteMap("m1"); }), Contains("no map \"m1\""));
    CHECK_FALSE(f.other().hasMap("m1")); // another client does not see it either

    // A deleted map is restored whole (undo), with its revisions and decisions.
    store.restoreMap("m1");
    CHECK(store.loadMap("m1") == m1);
    REQUIRE(store.listRevisions("m1").size() == 1);
    CHECK(store.listRevisions("m1")[0] == revision);
    CHECK(store.loadDecisions().all().size() == 2);
    CHECK(store.listMaps().size() == 3);
    CHECK_THAT(storeErrorOf([&] { store.restoreMap("m1"); }), Contains("no deleted map \"m1\""));
    CHECK(f.check().empty());

    // A deleted map's id is free for a new map (an import of the same file, say).
    store.deleteMap("m2");
    store.addMap(c);
    CHECK(store.loadMap("m2") == c);
    CHECK(f.check().empty());
}

TEMPLATE_TEST_CASE("Every store snapshots revisions of the stored map and restores them as a new map",
                   "[storage][stores]", WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    store.addMap(test::smallMap());
    Map map = store.loadMap("m-small");

    const Revision first = store.createRevision(map.id, "Before session 3");
    CHECK(first.id.rfind("r-", 0) == 0);
    CHECK(first.mapId == map.id);
    CHECK(first.name == "Before session 3");
    CHECK(std::regex_match(first.createdAt, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    const Map atFirst = map;

    store.applyEdit(map, RenameLane{"l2", "Talent office"});
    store.applyEdit(map, RemoveStep{"s4"});
    const Revision second = store.createRevision(map.id, "After session 3, March");
    const Map atSecond = map;
    store.applyEdit(map, RemoveLane{"l1"});

    const std::vector<Revision> revisions = store.listRevisions(map.id);
    REQUIRE(revisions.size() == 2);
    CHECK(revisions[0] == second); // newest first, even within the same second
    CHECK(revisions[1] == first);
    CHECK(store.listRevisions("m-nope").empty());
    CHECK(store.loadRevision(first.id) == atFirst);
    CHECK(store.loadRevision(second.id) == atSecond);
    CHECK_THAT(storeErrorOf([&] { store.loadRevision("r-nope"); }), Contains("no revision \"r-nope\""));

    const std::string restoredId = store.restoreRevision(first.id);
    CHECK(restoredId != map.id);
    CHECK(restoredId.rfind("m-", 0) == 0);
    Map restored = store.loadMap(restoredId);
    CHECK(restored.props.title == "Principal evaluation (restored: Before session 3)");
    Map expected = atFirst;
    expected.id = restoredId;
    expected.props.title = restored.props.title;
    CHECK(restored == expected);
    CHECK(store.loadMap(map.id) == map);
    CHECK(store.listRevisions(restoredId).empty());
    store.applyEdit(restored, RenameLane{"l3", "School leader"});
    CHECK(store.loadMap(restoredId) == restored);

    // What another client (or a crash) finds, read-only.
    const auto reader = f.reader();
    CHECK(reader->listRevisions(map.id) == revisions);
    CHECK(reader->loadRevision(second.id) == atSecond);
    CHECK(reader->loadMap(restoredId) == restored);
    if (reader->readOnly()) // a MemoryStore's copy is writable
        CHECK_THAT(storeErrorOf([&] { reader->restoreRevision(first.id); }), Contains("is read-only"));
}

TEMPLATE_TEST_CASE("Every store stores facilitation edits at once, and undoes them", "[storage][stores][facilitation]",
                   WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    MapStore& store = f.store;
    store.addMap(test::smallMap());
    Map map = store.loadMap("m-small");
    std::vector<Edit> undos;
    undos.push_back(store.applyEdit(map, AddStickyNote{{"n1", "s3", "Ask HR", "#FFE680"}, {}}));
    undos.push_back(store.applyEdit(map, AddStickyNote{{"n2", "s3", "Second note", "#C7F0D8"}, 0}));
    undos.push_back(store.applyEdit(map, AddParkingItem{{"q1", "Who owns the calendar?", "2026-03-05T15:04:00Z", false}, {}}));
    undos.push_back(store.applyEdit(map, UpdateParkingItem{{"q1", "Who owns the calendar?", "2026-03-05T15:04:00Z", true}}));
    undos.push_back(store.applyEdit(map, SetVotes{"s3", 3}));
    undos.push_back(store.applyEdit(map, SetVotes{"s5", 1}));
    undos.push_back(store.applyEdit(map, SetSessionTimer{{3600, 2400, false}}));
    const Map stored = f.reader()->loadMap("m-small");
    CHECK(stored == map);
    REQUIRE(stored.stickyNotes.size() == 2);
    CHECK(stored.stickyNotes[0].id == "n2");
    CHECK(stored.parkingItem("q1")->done);
    CHECK(stored.votes == std::map<std::string, int>{{"s3", 3}, {"s5", 1}});
    CHECK(stored.session == SessionTimer{3600, 2400, false});

    const Edit undoReset = store.applyEdit(map, ReplaceVotes{});
    CHECK(f.reader()->loadMap("m-small").votes.empty());
    store.applyEdit(map, undoReset);
    const Edit undoRemove = store.applyEdit(map, RemoveStep{"s3"});
    const Map without = f.reader()->loadMap("m-small");
    CHECK(without.stickyNotes.empty()); // a step's notes and votes go with it
    CHECK(without.votes == std::map<std::string, int>{{"s5", 1}});
    store.applyEdit(map, undoRemove);
    CHECK(f.reader()->loadMap("m-small") == stored);
    for (auto it = undos.rbegin(); it != undos.rend(); ++it)
        store.applyEdit(map, *it);
    CHECK(map == test::smallMap());
    CHECK(f.reader()->loadMap("m-small") == test::smallMap());
    CHECK(f.check().empty());
}

TEMPLATE_TEST_CASE("Every store opens again with its maps exactly as stored", "[storage][stores]", WorkspaceStore,
                   MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    const Map small = test::smallMap();
    const Map big = test::randomMap(3, test::mapOptions(200, 260, 50, 8, 5));
    Map bare = test::randomMap(4, test::mapOptions(5, 4, 3, 4, 0));
    bare.id = "m-bare";
    bare.props.district = "Aardvark District";
    CHECK(f.store.listMaps().empty());
    f.store.addMap(small);
    f.store.addMap(big);
    f.store.addMap(bare);
    f.reopen();
    MapStore& store = f.store;
    CHECK_FALSE(store.readOnly());
    CHECK(store.loadMap(small.id) == small);
    CHECK(store.loadMap(big.id) == big);
    CHECK(store.loadMap(bare.id) == bare);
    CHECK_FALSE(store.hasMap("m-nope"));
    const std::vector<MapSummary> maps = store.listMaps();
    REQUIRE(maps.size() == 3);
    CHECK(maps[0] == MapSummary{bare.id, bare.props.district, bare.props.title, 5});
    CHECK(std::find(maps.begin(), maps.end(), MapSummary{small.id, "Lakeside USD", "Principal evaluation", 6}) !=
          maps.end());
    CHECK(std::find(maps.begin(), maps.end(), MapSummary{big.id, big.props.district, big.props.title, 200}) !=
          maps.end());
    CHECK_THAT(storeErrorOf([&] { store.loadMap("m-nope"); }), Contains("no map \"m-nope\""));
}

TEMPLATE_TEST_CASE("Every store keeps each district's colour for other clients and after reopening",
                   "[storage][stores][colors]", WorkspaceStore, MemoryStoreFixture, LibraryStore)
{
    if (!TestType::available())
        return;
    TestType f;
    f.store.addMap(test::smallMap());
    f.store.addMap(test::randomMap(1));
    CHECK(f.store.districtColors().empty());

    f.store.storeDistrictColor("m-small", 3);
    f.other().storeDistrictColor("m1", 5);
    const std::map<std::string, int> expected{{"m-small", 3}, {"m1", 5}};
    CHECK(f.store.districtColors() == expected);
    CHECK(f.other().districtColors() == expected);
    CHECK(f.reader()->districtColors() == expected);

    // A new colour replaces the old one; bad slots and unknown maps are refused, nothing changed.
    f.other().storeDistrictColor("m-small", 0);
    CHECK(f.store.districtColors().at("m-small") == 0);
    CHECK_THAT(storeErrorOf([&] { f.store.storeDistrictColor("m1", 8); }), Contains("0 to 7, not 8"));
    CHECK_THAT(storeErrorOf([&] { f.store.storeDistrictColor("m1", -1); }), Contains("0 to 7, not -1"));
    CHECK_THAT(storeErrorOf([&] { f.store.storeDistrictColor("m-nope", 1); }), Contains("no map \"m-nope\""));
    const std::map<std::string, int> after{{"m-small", 0}, {"m1", 5}};
    CHECK(f.store.districtColors() == after);

    f.reopen();
    CHECK(f.store.districtColors() == after);
    // A deleted map's colour comes back with the map.
    f.store.deleteMap("m1");
    CHECK(f.store.districtColors().count("m-small") == 1);
    f.store.restoreMap("m1");
    CHECK(f.store.districtColors() == after);

    const auto readOnly = f.readOnlyWith(test::randomMap(2));
    CHECK_THAT(storeErrorOf([&] { readOnly->storeDistrictColor("m2", 1); }), Contains("read-only"));
}
