// Moving maps between a workspace file and the network library: push keeps the map's id and
// its revisions, pull brings them into a local file (docs/network-library.md, "Moving maps").

#include "support/pgtest.h"
#include "support/storagetest.h"

#include "support/randommap.h"
#include "crosswalk/storage/networklibrary.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using Catch::Matchers::Contains;
using crosswalk::test::TempDir;

namespace {

Map lakeside(std::uint64_t seed)
{
    Map map = test::randomMap(seed, test::mapOptions(12, 10, 4, 3, 2));
    map.props.district = "Lakeside";
    return map;
}

/// Every revision of the map in both stores: the same ids, names, times and snapshots.
void requireSameHistory(const MapStore& a, const MapStore& b, const std::string& mapId)
{
    const std::vector<Revision> revisions = a.listRevisions(mapId);
    REQUIRE(b.listRevisions(mapId) == revisions);
    for (const Revision& r : revisions)
        CHECK(a.loadRevision(r.id) == b.loadRevision(r.id));
}

} // namespace

TEST_CASE("push keeps a map's id and revisions, pull brings them into a local file", "[storage][library][moves]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary library;
    TempDir dir;
    Workspace local = Workspace::create(dir.file("local.crosswalk"));
    Map map = lakeside(3);
    local.addMap(map);
    const Revision first = local.createRevision(map.id, "Before session 1");
    local.applyEdit(map, RenameLane{map.lanes[0].id, "Superintendent's office"});
    const Revision second = local.createRevision(map.id, "After session 1");
    local.applyEdit(map, RemoveStep{map.steps[0].id});

    NetworkLibrary district = NetworkLibrary::open(library.uri(library.roleA()));
    CHECK(pushMap(local, map.id, district) == 2);
    CHECK(district.loadMap(map.id) == map);
    requireSameHistory(local, district, map.id);
    CHECK(district.listRevisions(map.id).front() == second);
    CHECK(district.listRevisions(map.id).back() == first);

    // The library's history grows; a pull brings all of it, oldest first as made.
    Map there = district.loadMap(map.id);
    district.applyEdit(there, RenameLane{there.lanes[1].id, "Talent office"});
    district.createRevision(map.id, "After session 2");
    TempDir train;
    Workspace copy = Workspace::create(train.file("train.crosswalk"));
    CHECK(pullMap(district, map.id, copy) == 3);
    CHECK(copy.loadMap(map.id) == there);
    requireSameHistory(district, copy, map.id);
    CHECK(copy.check().empty());
    // And it survives reopening, as every commit does.
    copy = Workspace::open(train.file("train.crosswalk"), Workspace::Mode::ReadOnly);
    requireSameHistory(district, copy, map.id);

    // Pulling again into the same file is refused, the copy untouched.
    copy = Workspace::open(train.file("train.crosswalk"));
    CHECK_THAT(test::workspaceErrorOf([&] { pullMap(district, map.id, copy); }), Contains("already has map"));
    CHECK(copy.listRevisions(map.id).size() == 3);

    // Another district cannot take the map in: the server refuses it, and nothing is left behind.
    Workspace other = Workspace::create(dir.file("other.crosswalk"));
    Map theirs = lakeside(4);
    other.addMap(theirs);
    other.createRevision(theirs.id, "Draft");
    NetworkLibrary riverside = NetworkLibrary::open(library.uri(library.roleB()));
    CHECK_THROWS_AS(pushMap(other, theirs.id, riverside), LibraryError);
    CHECK_FALSE(district.hasMap(theirs.id));
    CHECK(district.listRevisions(theirs.id).empty());
}

TEST_CASE("A pull whose revisions cannot be stored leaves no map without its history", "[storage][library][moves]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary library;
    NetworkLibrary district = NetworkLibrary::open(library.uri(library.roleA()));
    Map map = lakeside(5);
    district.addMap(map);
    const Revision revision = district.createRevision(map.id, "Before");
    // The local file already holds a revision with that id (of another map): the pull must fail whole.
    TempDir dir;
    Workspace local = Workspace::create(dir.file("local.crosswalk"));
    Map mine = test::randomMap(6);
    local.addMap(mine);
    test::sql(storage::handle(local), "INSERT INTO revisions (id, map_id, name, created, snapshot) SELECT '" +
                                          revision.id + "', id, 'x', '2026-01-01T00:00:00Z', '{}' FROM maps");
    CHECK_THROWS_AS(pullMap(district, map.id, local), WorkspaceError);
    CHECK_FALSE(local.hasMap(map.id));
    CHECK(local.listRevisions(map.id).empty());
    CHECK(local.loadMap(mine.id) == mine);
}
