#include "crosswalk/edit/edit.h"
#include "support/randommap.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using namespace crosswalk;

namespace {

template <typename T>
std::set<std::string> changedIds(const std::vector<T>& before, const std::vector<T>& after)
{
    std::map<std::string, const T*> a, b;
    for (const T& item : before)
        a[item.id] = &item;
    for (const T& item : after)
        b[item.id] = &item;
    std::set<std::string> ids;
    for (const auto& [id, item] : a) {
        const auto it = b.find(id);
        if (it == b.end() || !(*it->second == *item))
            ids.insert(id);
    }
    for (const auto& [id, item] : b)
        if (!a.count(id))
            ids.insert(id);
    return ids;
}

template <typename T>
std::vector<std::string> order(const std::vector<T>& items)
{
    std::vector<std::string> ids;
    for (const T& item : items)
        ids.push_back(item.id);
    return ids;
}

/// The changes an edit should report, worked out by comparing the map before and after.
ChangeSet difference(const Map& before, const Map& after)
{
    ChangeSet c;
    c.props = before.props != after.props;
    c.laneOrder = order(before.lanes) != order(after.lanes);
    c.phaseOrder = order(before.phases) != order(after.phases);
    c.lanes = changedIds(before.lanes, after.lanes);
    c.phases = changedIds(before.phases, after.phases);
    c.steps = changedIds(before.steps, after.steps);
    c.flows = changedIds(before.flows, after.flows);
    c.annotations = changedIds(before.annotations, after.annotations);
    c.stickyNotes = changedIds(before.stickyNotes, after.stickyNotes);
    c.parkingLot = changedIds(before.parkingLot, after.parkingLot);
    c.session = before.session != after.session;
    for (const auto& [step, count] : before.votes)
        if (after.votesOn(step) != count)
            c.votes.insert(step);
    for (const auto& [step, count] : after.votes)
        if (before.votesOn(step) != count)
            c.votes.insert(step);
    return c;
}

bool includes(const std::set<std::string>& big, const std::set<std::string>& small)
{
    return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

void checkChanges(const ChangeSet& reported, const ChangeSet& actual, bool exact)
{
    if (exact) {
        // A single edit reports exactly what changed, no more.
        CHECK(reported.props == actual.props);
        CHECK(reported.laneOrder == actual.laneOrder);
        CHECK(reported.phaseOrder == actual.phaseOrder);
        CHECK(reported.lanes == actual.lanes);
        CHECK(reported.phases == actual.phases);
        CHECK(reported.steps == actual.steps);
        CHECK(reported.flows == actual.flows);
        CHECK(reported.annotations == actual.annotations);
        CHECK(reported.stickyNotes == actual.stickyNotes);
        CHECK(reported.parkingLot == actual.parkingLot);
        CHECK(reported.votes == actual.votes);
        CHECK(reported.session == actual.session);
        return;
    }
    // A Batch may touch an entity and put it back, so it reports at least what changed.
    CHECK((reported.props || !actual.props));
    CHECK((reported.laneOrder || !actual.laneOrder));
    CHECK((reported.phaseOrder || !actual.phaseOrder));
    CHECK(includes(reported.lanes, actual.lanes));
    CHECK(includes(reported.phases, actual.phases));
    CHECK(includes(reported.steps, actual.steps));
    CHECK(includes(reported.flows, actual.flows));
    CHECK(includes(reported.annotations, actual.annotations));
    CHECK(includes(reported.stickyNotes, actual.stickyNotes));
    CHECK(includes(reported.parkingLot, actual.parkingLot));
    CHECK(includes(reported.votes, actual.votes));
    CHECK((reported.session || !actual.session));
}

test::RandomMapOptions optionsFor(std::uint64_t seed)
{
    test::Rng rng(seed ^ 0xC0FFEEu);
    test::RandomMapOptions o;
    o.lanes = rng.range(0, 6);
    o.phases = rng.range(0, 4);
    o.steps = rng.range(0, 30);
    o.flows = rng.range(0, 35);
    o.annotations = rng.range(0, 12);
    o.phaselessPercent = rng.chance(30) ? 20 : 0;
    o.stickyNotes = rng.range(0, 4);
    o.parkingItems = rng.range(0, 3);
    return o;
}

} // namespace

TEST_CASE("Random maps are valid and the same for the same seed", "[edit]")
{
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        const test::RandomMapOptions options = optionsFor(seed);
        const Map map = test::randomMap(seed, options);
        INFO("seed " << seed);
        CHECK(test::mapProblems(map).empty());
        CHECK(map == test::randomMap(seed, options));
        CHECK(map.lanes.size() == static_cast<std::size_t>(options.lanes));
        CHECK(map.annotations.size() == static_cast<std::size_t>(options.annotations));
    }
    CHECK_FALSE(test::randomMap(1) == test::randomMap(2));
    const Map prefixed = test::randomMap(3, {.idPrefix = "x-"});
    CHECK(prefixed.steps.front().id == "x-s1");
    CHECK(test::mapProblems(test::smallMap()).empty());
}

TEST_CASE("Random edits on 200 random maps: inverses, undo chains and change sets hold", "[edit]")
{
    int applied = 0;
    int refused = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const Map original = test::randomMap(seed, optionsFor(seed));
        test::Rng rng(seed * 7919);
        Map map = original;
        std::vector<Edit> undos;
        std::vector<Map> history{original};
        for (int i = 0; i < 25; ++i) {
            INFO("seed " << seed << ", edit " << i);
            if (rng.chance(20)) {
                const Edit bad = test::invalidEdit(map, rng);
                INFO("invalid edit: " << describe(bad, map));
                const Map before = map;
                ChangeSet changes;
                REQUIRE_THROWS_AS(apply(map, bad, &changes), EditError);
                REQUIRE(map == before);
                REQUIRE(changes.empty());
                ++refused;
                continue;
            }
            const Edit edit = test::randomEdit(map, rng);
            INFO("edit: " << describe(edit, map));
            const Map before = map;
            ChangeSet changes;
            const Edit inverse = apply(map, edit, &changes);
            ++applied;
            const std::vector<std::string> problems = test::mapProblems(map);
            CHECK(problems.empty());
            checkChanges(changes, difference(before, map), !std::holds_alternative<Batch>(edit.v));

            // Undo and redo this one edit on a copy.
            Map copy = map;
            const Edit redo = apply(copy, inverse);
            REQUIRE(copy == before);
            apply(copy, redo);
            REQUIRE(copy == map);

            undos.push_back(inverse);
            history.push_back(map);
        }
        // Undo everything, checking each intermediate map, then redo everything.
        std::vector<Edit> redos;
        for (std::size_t k = undos.size(); k-- > 0;) {
            redos.push_back(apply(map, undos[k]));
            REQUIRE(map == history[k]);
        }
        REQUIRE(map == original);
        for (std::size_t k = redos.size(); k-- > 0;)
            apply(map, redos[k]);
        REQUIRE(map == history.back());
    }
    // The generators must actually exercise both paths.
    CHECK(applied > 3000);
    CHECK(refused > 500);
}

TEST_CASE("Random edits cover every kind of edit", "[edit]")
{
    std::set<std::size_t> kinds;
    test::Rng rng(99);
    test::RandomMapOptions options;
    options.stickyNotes = 3;
    options.parkingItems = 2;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const Map map = test::randomMap(seed, options);
        for (int i = 0; i < 60; ++i)
            kinds.insert(test::randomEdit(map, rng).v.index());
    }
    CHECK(kinds.size() == std::variant_size_v<EditVariant>);
}
