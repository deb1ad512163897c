// Match decisions stored in the workspace survive closing and reopening it.

#include "support/storagetest.h"

#include "crosswalk/compare/compare.h"
#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "storage/workspaceaccess.h"

#include <catch2/catch.hpp>

using namespace crosswalk;
using crosswalk::test::TempDir;

TEST_CASE("Match decisions round-trip through the workspace file", "[compare]")
{
    TempDir dir;
    const std::string path = dir.file("network.crosswalk");
    std::vector<Map> maps;
    for (std::string_view text : demoMapTexts())
        maps.push_back(parseMapJson(text).map);
    const Map& harbor = maps.at(0);
    const Map& kestrel = maps.at(1);
    REQUIRE(harbor.id == "m-harbor-city");
    REQUIRE(kestrel.id == "m-kestrel-bay");
    const MatchDecision confirm{harbor.id, kestrel.id, DecisionKind::Step, "s16", "s9", Decision::Confirmed};
    const MatchDecision reject{kestrel.id, harbor.id, DecisionKind::Step, "s6", "s7", Decision::Rejected};
    const MatchDecision lane{harbor.id, kestrel.id, DecisionKind::Lane, "l5", "l7", Decision::Added};
    {
        Workspace ws = Workspace::create(path);
        for (const Map& m : maps)
            ws.addMap(m);
        ws.storeDecision(confirm);
        ws.storeDecision(reject);
        ws.storeDecision(lane);
        ws.storeDecision({harbor.id, maps.at(2).id, DecisionKind::Step, "s1", "s1", Decision::Confirmed});
        CHECK_THROWS_AS(ws.storeDecision({harbor.id, "m-nowhere", DecisionKind::Step, "s1", "s1",
                                           Decision::Confirmed}),
                        WorkspaceError);
        CHECK_THROWS_AS(ws.storeDecision({harbor.id, harbor.id, DecisionKind::Step, "s1", "s2",
                                           Decision::Confirmed}),
                        WorkspaceError);
    }

    Workspace ws = Workspace::open(path);
    const DecisionSet loaded = ws.loadDecisions({harbor.id, kestrel.id});
    REQUIRE(loaded.size() == 3);
    const auto steps = loaded.between(harbor.id, kestrel.id, DecisionKind::Step);
    REQUIRE(steps.size() == 2);
    CHECK(steps[0] == MatchDecision{harbor.id, kestrel.id, DecisionKind::Step, "s16", "s9", Decision::Confirmed});
    CHECK(steps[1] == MatchDecision{harbor.id, kestrel.id, DecisionKind::Step, "s7", "s6", Decision::Rejected});
    CHECK(loaded.between(harbor.id, kestrel.id, DecisionKind::Lane) == std::vector<MatchDecision>{lane});
    CHECK(ws.loadDecisions().size() == 4);

    // The loaded decisions drive the comparison.
    const PairComparison pair = comparePair(ws.loadMap(harbor.id), ws.loadMap(kestrel.id), loaded);
    bool confirmed = false;
    for (const StepMatch& m : pair.matches) {
        CHECK_FALSE((m.a == "s7" && m.b == "s6"));
        confirmed = confirmed || (m.a == "s16" && m.b == "s9" && m.decided);
    }
    CHECK(confirmed);

    // Changing one's mind replaces the decision (whatever the orientation); clearing removes it.
    ws.storeDecision({kestrel.id, harbor.id, DecisionKind::Step, "s9", "s16", Decision::Rejected});
    CHECK(ws.loadDecisions({harbor.id, kestrel.id}).between(harbor.id, kestrel.id, DecisionKind::Step).size() == 2);
    // A new partner for s16 drops no rejection, but replaces an earlier confirmation of s16.
    ws.storeDecision({harbor.id, kestrel.id, DecisionKind::Step, "s16", "s16", Decision::Confirmed});
    ws.storeDecision({harbor.id, kestrel.id, DecisionKind::Step, "s16", "s17", Decision::Added});
    auto now = ws.loadDecisions({harbor.id, kestrel.id}).between(harbor.id, kestrel.id, DecisionKind::Step);
    CHECK(now.size() == 3);
    CHECK(std::none_of(now.begin(), now.end(), [](const MatchDecision& d) { return d.b == "s16"; }));
    ws.clearDecision(kestrel.id, harbor.id, DecisionKind::Step, "s17", "s16");
    CHECK(ws.loadDecisions({harbor.id, kestrel.id}).size() == 3);

    // A deleted map's decisions are hidden, come back with it, and go with it for good
    // when the workspace is next opened.
    ws.deleteMap(kestrel.id);
    CHECK(ws.loadDecisions().size() == 1);
    ws.restoreMap(kestrel.id);
    CHECK(ws.loadDecisions().size() == 4);
    ws.deleteMap(kestrel.id);
    CHECK(ws.check().empty());
    ws = Workspace::open(path);
    CHECK(ws.loadDecisions().size() == 1);
    CHECK(test::sqlInt(storage::handle(ws), "SELECT COUNT(*) FROM match_decisions") == 1);
    CHECK(ws.check().empty());
}
