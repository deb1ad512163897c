// Two clients of one network library: an edit committed by one shows in the other within a
// second (LISTEN/NOTIFY, then the changes since its version); edits on an out-of-date map are
// rebased when they touch other entities and refused when they touch the same; undo takes
// back only the client's own edit.

#include "support/pgtest.h"
#include "support/storagetest.h"

#include "crosswalk/storage/networklibrary.h"

#include <catch2/catch.hpp>

#include <chrono>

using namespace crosswalk;

namespace {

Map lakesideMap(std::uint64_t seed)
{
    Map map = test::randomMap(seed, test::mapOptions(8, 6, 3, 3, 2, "live-"));
    map.props.district = "Lakeside";
    map.props.title = "Live";
    return map;
}

Edit relabel(const Map& map, std::size_t step, const std::string& label)
{
    Step s = map.steps.at(step);
    s.label = label;
    return Edit{UpdateStep{s}};
}

} // namespace

TEST_CASE("An edit committed by one client shows in another within a second", "[storage][library][live]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    NetworkLibrary one = NetworkLibrary::open(lib.uri(lib.roleA()));
    NetworkLibrary two = NetworkLibrary::open(lib.uri(lib.roleA()));
    const Map original = lakesideMap(1);
    one.addMap(original);
    Map mine = one.loadMap(original.id);
    Map theirs = two.loadMap(original.id);
    std::vector<std::pair<std::string, std::int64_t>> heard;
    ChangeSet heardChanges;
    two.subscribe([&](const std::string& id, const Edit&, const ChangeSet& changes, std::int64_t version) {
        heard.emplace_back(id, version);
        heardChanges.merge(changes);
    });
    CHECK(two.pollChanges() == 0);

    const auto start = std::chrono::steady_clock::now();
    const CommitResult result = one.commit(mine, relabel(mine, 0, "Seen elsewhere"));
    CHECK(result.version == 1);
    bool notified = false;
    while (!notified && std::chrono::steady_clock::now() - start < std::chrono::seconds(1))
        notified = two.waitForChanges(std::chrono::milliseconds(100));
    CHECK(notified);
    CHECK(two.pollChanges() == 1);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    REQUIRE(heard.size() == 1);
    CHECK(heard[0] == std::make_pair(original.id, std::int64_t{1}));
    CHECK(heardChanges.steps == std::set<std::string>{mine.steps.at(0).id});
    theirs = two.loadMap(original.id);
    CHECK(theirs == mine);
    CHECK(two.pollChanges() == 0);   // delivered once
    CHECK(one.pollChanges() == 0);   // one's own commit is not news to it

    // The change is recorded for watchers (crosswalk watch) as one JSON line.
    const std::vector<LibraryChange> changes = two.changesAfter({});
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].role == lib.roleA());
    CHECK(changeToJson(changes[0]) == R"({"map":")" + original.id + R"(","version":1,"role":")" + lib.roleA() +
                                          R"(","client":")" + one.clientId() + R"(","changed":{"steps":[")" +
                                          mine.steps.at(0).id + R"("]}})");
}

TEST_CASE("Edits on an out-of-date map are rebased, or refused when they clash", "[storage][library][live]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    NetworkLibrary one = NetworkLibrary::open(lib.uri(lib.roleA()));
    NetworkLibrary two = NetworkLibrary::open(lib.uri(lib.roleA()));
    const Map original = lakesideMap(2);
    one.addMap(original);
    Map mine = one.loadMap(original.id);
    Map theirs = two.loadMap(original.id);

    const CommitResult first = one.commit(mine, relabel(mine, 0, "One's label"));
    // Two has not seen it; its edit of another step goes on top.
    const CommitResult second = two.commit(theirs, relabel(theirs, 1, "Two's label"));
    CHECK(second.version == 2);
    CHECK(theirs.steps.at(0).label == "One's label");
    CHECK(theirs.steps.at(1).label == "Two's label");
    CHECK(second.changes.steps == std::set<std::string>{original.steps.at(0).id, original.steps.at(1).id});
    CHECK(one.loadMap(original.id) == theirs);

    // One, now out of date, edits the step two just changed: refused, nothing changes.
    mine = one.loadMap(original.id);
    Map stale = two.loadMap(original.id);
    one.commit(mine, relabel(mine, 1, "One again"));
    const Map before = stale;
    CHECK_THROWS_AS(two.commit(stale, relabel(stale, 1, "Two again")), CommitConflict);
    CHECK(stale == before);
    CHECK(one.loadMap(original.id) == mine);
    try {
        two.commit(stale, relabel(stale, 1, "Two again"));
    } catch (const CommitConflict& e) {
        CHECK_THAT(e.what(), Catch::Matchers::Contains("in the same place"));
    }
    // Loaded again, the same edit goes in.
    stale = two.loadMap(original.id);
    two.commit(stale, relabel(stale, 1, "Two again"));
    CHECK(one.loadMap(original.id).steps.at(1).label == "Two again");
    CHECK(first.version == 1);
}

TEST_CASE("Undo in one client takes back only its own edit", "[storage][library][live]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    NetworkLibrary one = NetworkLibrary::open(lib.uri(lib.roleA()));
    NetworkLibrary two = NetworkLibrary::open(lib.uri(lib.roleA()));
    const Map original = lakesideMap(3);
    one.addMap(original);
    Map mine = one.loadMap(original.id);
    Map theirs = two.loadMap(original.id);

    const CommitResult edit = one.commit(mine, relabel(mine, 0, "One's"));
    two.commit(theirs, relabel(theirs, 1, "Two's"));
    one.commit(mine, edit.inverse); // one's Undo, on a map two changed since
    const Map stored = two.loadMap(original.id);
    CHECK(stored.steps.at(0).label == original.steps.at(0).label);
    CHECK(stored.steps.at(1).label == "Two's");
    CHECK(mine == stored);
    CHECK(one.version(original.id) == 3);
}
