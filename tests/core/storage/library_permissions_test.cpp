// Who may do what in a network library, enforced by the server: district A ("Lakeside"),
// district B ("Riverside") and the facilitator each try to read, write, share, delete and run
// raw SQL on what is not theirs, through Crosswalk and with plain SQL. Every refusal must be
// the server's: an SQLSTATE 42501 error, or a row the server's policies hid (nothing changed).

#include "support/pgtest.h"
#include "support/storagetest.h"

#include "crosswalk/storage/networklibrary.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using storage::PgConnection;

namespace {

Map districtMap(std::uint64_t seed, const std::string& prefix, const std::string& district)
{
    Map map = test::randomMap(seed, test::mapOptions(6, 5, 3, 3, 2, prefix));
    map.props.district = district;
    map.props.title = "Map " + prefix;
    return map;
}

/// The SQLSTATE of the server's refusal of the call; empty when it did not refuse.
template <typename F> std::string refusalOf(F&& call)
{
    try {
        call();
    } catch (const LibraryError& e) {
        INFO(e.what());
        CHECK(e.refused());
        return e.sqlState();
    }
    return {};
}

/// Plain SQL that the server must refuse with 42501.
void refusedSql(PgConnection& conn, const std::string& sql)
{
    INFO(conn.role() << ": " << sql);
    CHECK(refusalOf([&] { conn.exec(sql); }) == "42501");
}

/// Plain SQL that the server runs but that touches no row (its policies hide them).
void touchesNothing(PgConnection& conn, const std::string& sql)
{
    INFO(conn.role() << ": " << sql);
    CHECK(conn.exec(sql).affected() == 0);
}

Edit relabel(const Map& map, const std::string& label)
{
    Step step = map.steps.at(0);
    step.label = label;
    return Edit{UpdateStep{step}};
}

} // namespace

TEST_CASE("The server enforces every district's and the facilitator's permissions", "[storage][library]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    NetworkLibrary a = NetworkLibrary::open(lib.uri(lib.roleA()));
    NetworkLibrary b = NetworkLibrary::open(lib.uri(lib.roleB()));
    NetworkLibrary f = NetworkLibrary::open(lib.uri(lib.roleF()));
    CHECK(a.district() == "Lakeside");
    CHECK(b.district() == "Riverside");
    CHECK(f.district().empty());

    const Map privateA = districtMap(1, "pa-", "Lakeside");
    const Map sharedA = districtMap(2, "sa-", "Lakeside");
    const Map privateB = districtMap(3, "pb-", "Riverside");
    a.addMap(privateA);
    a.addMap(sharedA);
    a.share(sharedA.id, true);
    b.addMap(privateB);

    SECTION("read: own maps and shared maps only")
    {
        CHECK(a.listMaps().size() == 2);
        CHECK(b.listMaps().size() == 2); // its own and A's shared map
        CHECK(f.listMaps().size() == 1); // the shared map only
        CHECK(b.loadMap(sharedA.id) == sharedA);
        CHECK(f.loadMap(sharedA.id) == sharedA);
        CHECK_THROWS_AS(b.loadMap(privateA.id), StoreError);
        CHECK_THROWS_AS(f.loadMap(privateA.id), StoreError);
        CHECK_THROWS_AS(f.loadMap(privateB.id), StoreError);
        // Unsharing hides it again.
        a.share(sharedA.id, false);
        CHECK_THROWS_AS(b.loadMap(sharedA.id), StoreError);
        CHECK(f.listMaps().empty());
    }

    SECTION("write: only a district's own maps")
    {
        Map mine = a.loadMap(sharedA.id);
        a.commit(mine, relabel(mine, "Changed by Lakeside"));
        CHECK(a.loadMap(sharedA.id) == mine);

        Map theirs = b.loadMap(sharedA.id);
        const Map before = theirs;
        CHECK(refusalOf([&] { b.commit(theirs, relabel(theirs, "Changed by Riverside")); }) == "42501");
        CHECK(theirs == before);
        Map asFacilitator = f.loadMap(sharedA.id);
        CHECK(refusalOf([&] { f.commit(asFacilitator, relabel(asFacilitator, "Changed by facilitator")); }) ==
              "42501");
        CHECK(a.loadMap(sharedA.id) == mine);

        // Importing a map of another district, or any map as the facilitator.
        CHECK(refusalOf([&] { a.addMap(districtMap(4, "x-", "Riverside")); }) == "42501");
        CHECK(refusalOf([&] { f.addMap(districtMap(5, "y-", "Lakeside")); }) == "42501");
        // Moving one's own map to another district.
        Map moving = a.loadMap(privateA.id);
        MapProperties props = moving.props;
        props.district = "Riverside";
        const Edit move{UpdateMapProperties{props}};
        CHECK_THROWS_AS(a.commit(moving, move), StoreError);
        CHECK(a.loadMap(privateA.id).props.district == "Lakeside");
    }

    SECTION("share and unshare: only a district's own maps")
    {
        CHECK(refusalOf([&] { b.share(sharedA.id, false); }) == "42501");
        CHECK(refusalOf([&] { f.share(sharedA.id, false); }) == "42501");
        CHECK_THROWS_AS(b.share(privateA.id, true), StoreError); // B cannot even see it
        CHECK(a.isShared(sharedA.id));
        CHECK_FALSE(a.isShared(privateA.id));
    }

    SECTION("delete, revisions and decisions follow their maps")
    {
        CHECK(refusalOf([&] { b.deleteMap(sharedA.id); }) == "42501");
        CHECK(refusalOf([&] { f.deleteMap(sharedA.id); }) == "42501");
        CHECK(a.hasMap(sharedA.id));
        CHECK(refusalOf([&] { b.createRevision(sharedA.id, "Not mine"); }) == "42501");
        CHECK(refusalOf([&] { f.createRevision(sharedA.id, "Not mine"); }) == "42501");
        a.createRevision(privateA.id, "Lakeside's");
        CHECK(a.listRevisions(privateA.id).size() == 1);
        CHECK(b.listRevisions(privateA.id).empty()); // hidden by the server
        // B decides between its own map and A's shared one; the facilitator decides nothing.
        b.storeDecision({privateB.id, sharedA.id, DecisionKind::Step, privateB.steps.at(0).id,
                         sharedA.steps.at(0).id, Decision::Confirmed});
        CHECK(b.loadDecisions().size() == 1);
        b.share(privateB.id, true); // the facilitator reads both maps, and still decides nothing
        CHECK(refusalOf([&] {
                  f.storeDecision({privateB.id, sharedA.id, DecisionKind::Step, "s1", "s2", Decision::Rejected});
              }) == "42501");
        a.deleteMap(privateA.id);
        CHECK_FALSE(a.hasMap(privateA.id));
        a.restoreMap(privateA.id);
        CHECK(a.hasMap(privateA.id));
    }

    SECTION("district colours follow their maps")
    {
        a.storeDistrictColor(privateA.id, 2);
        a.storeDistrictColor(sharedA.id, 4);
        b.storeDistrictColor(privateB.id, 6);
        // Each reads the colours of the maps it may read, and no other.
        CHECK(a.districtColors() == std::map<std::string, int>{{privateA.id, 2}, {sharedA.id, 4}});
        CHECK(b.districtColors() == std::map<std::string, int>{{privateB.id, 6}, {sharedA.id, 4}});
        CHECK(f.districtColors() == std::map<std::string, int>{{sharedA.id, 4}});
        // Only the map's own district sets its colour: the server refuses the others.
        CHECK(refusalOf([&] { b.storeDistrictColor(sharedA.id, 1); }) == "42501");
        CHECK(refusalOf([&] { f.storeDistrictColor(sharedA.id, 1); }) == "42501");
        CHECK_THROWS_WITH(b.storeDistrictColor(sharedA.id, 1),
                          Catch::Matchers::Contains("belongs to district \"Lakeside\"") &&
                              Catch::Matchers::Contains("may not set its colour"));
        CHECK_THROWS_AS(b.storeDistrictColor(privateA.id, 1), StoreError); // B cannot even see it
        CHECK(a.districtColors().at(sharedA.id) == 4);
        // Unsharing hides the colour with the map.
        a.share(sharedA.id, false);
        CHECK(b.districtColors() == std::map<std::string, int>{{privateB.id, 6}});
        CHECK(f.districtColors().empty());

        // With plain SQL: hidden rows, refused rows, nothing changed.
        auto sqlB = lib.connect(lib.roleB());
        auto sqlF = lib.connect(lib.roleF());
        const std::string pa = "'" + privateA.id + "'";
        const std::string sa = "'" + sharedA.id + "'";
        CHECK(sqlB->exec("SELECT count(*) FROM crosswalk.district_colors WHERE map_id IN (" + pa + ", " + sa + ")")
                  .integer(0, 0) == 0);
        a.share(sharedA.id, true);
        CHECK(sqlB->exec("SELECT slot FROM crosswalk.district_colors WHERE map_id = " + sa).integer(0, 0) == 4);
        touchesNothing(*sqlB, "UPDATE crosswalk.district_colors SET slot = 0 WHERE map_id IN (" + pa + ", " + sa + ")");
        touchesNothing(*sqlB, "DELETE FROM crosswalk.district_colors WHERE map_id IN (" + pa + ", " + sa + ")");
        refusedSql(*sqlB, "INSERT INTO crosswalk.district_colors VALUES (" + sa + ", 1) "
                          "ON CONFLICT (map_id) DO UPDATE SET slot = 1");
        refusedSql(*sqlF, "UPDATE crosswalk.district_colors SET slot = 0 WHERE map_id = " + sa);
        refusedSql(*sqlF, "DELETE FROM crosswalk.district_colors");
        CHECK(a.districtColors() == std::map<std::string, int>{{privateA.id, 2}, {sharedA.id, 4}});
        NetworkLibrary owner = NetworkLibrary::open(lib.ownerUri());
        CHECK(owner.districtColors().size() == 3);
    }

    SECTION("raw SQL as each role")
    {
        auto sqlA = lib.connect(lib.roleA());
        auto sqlB = lib.connect(lib.roleB());
        auto sqlF = lib.connect(lib.roleF());
        const std::string pa = "'" + privateA.id + "'";
        const std::string sa = "'" + sharedA.id + "'";
        const std::string pb = "'" + privateB.id + "'";

        // Reading: the server hides what is not shared.
        CHECK(sqlB->exec("SELECT count(*) FROM crosswalk.maps WHERE id = " + pa).integer(0, 0) == 0);
        CHECK(sqlF->exec("SELECT count(*) FROM crosswalk.maps").integer(0, 0) == 1);
        CHECK(sqlA->exec("SELECT count(*) FROM crosswalk.maps WHERE id = " + pb).integer(0, 0) == 0);
        CHECK(sqlB->exec("SELECT count(*) FROM crosswalk.revisions r JOIN crosswalk.changes c USING (map_id) "
                         "WHERE map_id = " + pa)
                  .integer(0, 0) == 0);

        // Writing another district's rows: hidden, so nothing changes.
        touchesNothing(*sqlB, "UPDATE crosswalk.maps SET title = 'taken' WHERE id IN (" + pa + ", " + sa + ")");
        touchesNothing(*sqlB, "UPDATE crosswalk.maps SET shared = false WHERE id = " + sa);
        touchesNothing(*sqlB, "DELETE FROM crosswalk.maps WHERE id IN (" + pa + ", " + sa + ")");
        touchesNothing(*sqlA, "DELETE FROM crosswalk.maps WHERE id = " + pb);
        // New rows for another district, or moving one's own: refused.
        refusedSql(*sqlB, "INSERT INTO crosswalk.maps (id, district, title, steps, doc) SELECT 'm-fake', district, "
                          "title, steps, replace(doc, " + sa + ", 'm-fake') FROM crosswalk.maps WHERE id = " + sa);
        refusedSql(*sqlB, "INSERT INTO crosswalk.revisions (id, map_id, name, created_at, doc) VALUES "
                          "('r-fake', " + sa + ", 'x', 'now', '{}')");
        refusedSql(*sqlB, "INSERT INTO crosswalk.changes (map_id, version, client, changes) VALUES (" + sa +
                              ", 99, 'c', '{}')");
        refusedSql(*sqlB, "UPDATE crosswalk.maps SET district = 'Lakeside' WHERE id = " + pb);
        // The facilitator has no write privilege at all.
        refusedSql(*sqlF, "UPDATE crosswalk.maps SET title = 'taken' WHERE id = " + sa);
        refusedSql(*sqlF, "DELETE FROM crosswalk.maps WHERE id = " + sa);
        refusedSql(*sqlF, "INSERT INTO crosswalk.decisions VALUES (" + sa + ", " + pb + ", 'step', 'a', 'b', 'added')");
        // Membership, the schema and the policies are the owner's.
        for (PgConnection* conn : {sqlA.get(), sqlB.get(), sqlF.get()}) {
            refusedSql(*conn, "SELECT * FROM crosswalk.members");
            refusedSql(*conn, "UPDATE crosswalk.members SET district = 'Lakeside'");
            refusedSql(*conn, "ALTER TABLE crosswalk.maps DISABLE ROW LEVEL SECURITY");
            refusedSql(*conn, "DROP POLICY maps_read ON crosswalk.maps");
            refusedSql(*conn, "DROP TABLE crosswalk.maps");
            refusedSql(*conn, "CREATE TABLE crosswalk.mine (x int)");
            refusedSql(*conn, "SET ROLE " + (conn == sqlA.get() ? lib.roleB() : lib.roleA()));
        }
        refusedSql(*sqlB, "SET ROLE " + lib.roleF());
        refusedSql(*sqlF, "SET ROLE " + lib.roleB());

        // Nothing changed.
        NetworkLibrary owner = NetworkLibrary::open(lib.ownerUri());
        CHECK(owner.listMaps().size() == 3);
        CHECK(owner.loadMap(privateA.id) == privateA);
        CHECK(owner.loadMap(sharedA.id) == sharedA);
        CHECK(owner.isShared(sharedA.id));
        CHECK(owner.listRevisions(sharedA.id).empty());
        CHECK(owner.loadDecisions().empty());
        CHECK(owner.check().empty());
    }
}

TEST_CASE("library init refuses a foreign database and a newer library", "[storage][library]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    // Already a library: nothing to do, nothing changed.
    CHECK_THAT(NetworkLibrary::init(lib.ownerUri()), Catch::Matchers::Contains("already a network library"));

    auto admin = std::make_unique<PgConnection>(lib.ownerUri());
    admin->exec("UPDATE crosswalk.meta SET value = '99' WHERE key = 'schema_version'");
    try {
        NetworkLibrary::init(lib.ownerUri());
        FAIL("a newer library was not refused");
    } catch (const LibraryError& e) {
        CHECK_THAT(e.what(), Catch::Matchers::Contains("newer Crosswalk"));
    }
    CHECK_THROWS_WITH(NetworkLibrary::open(lib.ownerUri()), Catch::Matchers::Contains("newer Crosswalk"));
    CHECK(admin->exec("SELECT value FROM crosswalk.meta WHERE key = 'schema_version'").text(0, 0) == "99");

    // A database with other tables and no library.
    admin->exec("DROP SCHEMA crosswalk CASCADE");
    admin->exec("CREATE TABLE public.payroll (id int)");
    try {
        NetworkLibrary::init(lib.ownerUri());
        FAIL("a foreign database was not refused");
    } catch (const LibraryError& e) {
        CHECK_THAT(e.what(), Catch::Matchers::Contains("holds other tables (public.payroll)"));
    }
    CHECK(admin->exec("SELECT count(*) FROM pg_namespace WHERE nspname = 'crosswalk'").integer(0, 0) == 0);
    CHECK_THROWS_WITH(NetworkLibrary::open(lib.ownerUri()), Catch::Matchers::Contains("is not a Crosswalk network library"));

    // Only the owner adds members; a member role is refused.
    admin->exec("DROP TABLE public.payroll");
    NetworkLibrary::init(lib.ownerUri());
    NetworkLibrary::addDistrict(lib.ownerUri(), "Lakeside", lib.roleA());
    CHECK_THROWS_AS(NetworkLibrary::addDistrict(lib.uri(lib.roleA()), "Riverside", lib.roleB()), LibraryError);
    CHECK_THROWS_WITH(NetworkLibrary::addFacilitator(lib.ownerUri(), lib.roleA()),
                      Catch::Matchers::Contains("either a facilitator or a district member"));
    CHECK_THROWS_WITH(NetworkLibrary::addDistrict(lib.ownerUri(), "Lakeside", "cw_no_such_role"),
                      Catch::Matchers::Contains("there is no role"));
}

TEST_CASE("A library URI is shown and remembered without its password", "[storage][library]")
{
    CHECK(isLibraryUri("postgresql://u@h/db"));
    CHECK(isLibraryUri("postgres://h/db"));
    CHECK_FALSE(isLibraryUri("/home/u/maps.crosswalk"));
    CHECK(withoutPassword("postgresql://alice:s3cret@db.example.org:5432/network?sslmode=require") ==
          "postgresql://alice@db.example.org:5432/network?sslmode=require");
    CHECK(withoutPassword("postgres://alice@h/db?password=s3cret&sslmode=verify-full") ==
          "postgres://alice@h/db?sslmode=verify-full");
    CHECK(withoutPassword("postgresql://h/db?password=x") == "postgresql://h/db");
    CHECK(withoutPassword("postgresql:///db?host=/tmp/sock") == "postgresql:///db?host=/tmp/sock");
    if (!test::havePgServer())
        return;
    // A wrong password (here: a role that does not exist) is reported without the password.
    try {
        NetworkLibrary::open(test::withDatabaseAndUser(test::pgAdminUri(), "postgres", "nobody_here:s3cret"));
        FAIL("connected as a role that does not exist");
    } catch (const LibraryError& e) {
        CHECK_THAT(e.what(), !Catch::Matchers::Contains("s3cret"));
    }
}

TEST_CASE("library init migrates a library of schema 2 to district colours, with its members' grants",
          "[storage][library][colors]")
{
    if (!test::havePgServer())
        return;
    test::TestLibrary lib;
    // A library as schema 2 left it: no colour table; its members were added before.
    auto admin = std::make_unique<PgConnection>(lib.ownerUri());
    admin->exec("DROP TABLE crosswalk.district_colors");
    admin->exec("UPDATE crosswalk.meta SET value = '2' WHERE key = 'schema_version'");
    const Map mine = districtMap(7, "c-", "Riverside");
    {
        NetworkLibrary b = NetworkLibrary::open(lib.uri(lib.roleB()));
        b.addMap(mine);
        b.share(mine.id, true);
        // Not migrated yet: the colour holds for this connection only, as in a MapStore.
        b.storeDistrictColor(mine.id, 5);
        CHECK(b.districtColors() == std::map<std::string, int>{{mine.id, 5}});
        CHECK(NetworkLibrary::open(lib.uri(lib.roleB())).districtColors().empty());
    }
    CHECK_THAT(NetworkLibrary::init(lib.ownerUri()), Catch::Matchers::Contains("migrated"));
    CHECK(admin->exec("SELECT value FROM crosswalk.meta WHERE key = 'schema_version'").text(0, 0) ==
          std::to_string(kLibrarySchemaVersion));
    NetworkLibrary b = NetworkLibrary::open(lib.uri(lib.roleB()));
    b.storeDistrictColor(mine.id, 5);
    CHECK(NetworkLibrary::open(lib.uri(lib.roleF())).districtColors() == std::map<std::string, int>{{mine.id, 5}});
    NetworkLibrary a = NetworkLibrary::open(lib.uri(lib.roleA()));
    CHECK(a.districtColors() == std::map<std::string, int>{{mine.id, 5}});
    CHECK(refusalOf([&] { a.storeDistrictColor(mine.id, 1); }) == "42501");
    CHECK(b.districtColors().at(mine.id) == 5);
}
