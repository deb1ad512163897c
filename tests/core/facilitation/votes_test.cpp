#include "crosswalk/facilitation/votes.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

namespace {

Map votedMap()
{
    Map map;
    map.lanes = {Lane{"l1", "A", "#FFFFFF", 140}};
    map.steps = {Step{"a", "l1", "", StepKind::Start, "A", "", 0, 30, 120, 50},
                 Step{"b", "l1", "", StepKind::Activity, "B", "", 200, 30, 120, 50},
                 Step{"c", "l1", "", StepKind::End, "C", "", 400, 30, 120, 50}};
    map.votes = {{"a", 2}, {"c", kMaxVotesPerStep}};
    return map;
}

} // namespace

TEST_CASE("A dot more or less on a step is one SetVotes edit, kept within 0..kMaxVotesPerStep", "[facilitation][votes]")
{
    const Map map = votedMap();
    CHECK(voteEdit(map, "a", 1) == SetVotes{"a", 3});
    CHECK(voteEdit(map, "a", -1) == SetVotes{"a", 1});
    CHECK(voteEdit(map, "a", -2) == SetVotes{"a", 0});
    CHECK(voteEdit(map, "a", -5) == SetVotes{"a", 0}); // never below none
    CHECK(voteEdit(map, "b", 1) == SetVotes{"b", 1});
    CHECK(voteEdit(map, "b", 3) == SetVotes{"b", 3});
    CHECK(voteEdit(map, "c", -1) == SetVotes{"c", kMaxVotesPerStep - 1});
    // Nothing changes: no edit.
    CHECK_FALSE(voteEdit(map, "b", -1).has_value()); // no dot to take off
    CHECK_FALSE(voteEdit(map, "c", 1).has_value());  // full
    CHECK_FALSE(voteEdit(map, "a", 0).has_value());
    CHECK_FALSE(voteEdit(map, "nowhere", 1).has_value());
    CHECK_FALSE(voteEdit(map, "", 1).has_value());
    CHECK(voteEdit(map, "b", 5000) == SetVotes{"b", kMaxVotesPerStep});
}

TEST_CASE("Reset votes is one ReplaceVotes{} edit while the map has votes", "[facilitation][votes]")
{
    Map map = votedMap();
    CHECK(resetVotesEdit(map) == ReplaceVotes{});
    map.votes.clear();
    CHECK_FALSE(resetVotesEdit(map).has_value());
}

TEST_CASE("The tally counts every dot and the steps that carry them", "[facilitation][votes]")
{
    Map map = votedMap();
    CHECK(voteTally(map) == VoteTally{2 + kMaxVotesPerStep, 2});
    map.votes = {{"b", 1}};
    CHECK(voteTally(map) == VoteTally{1, 1});
    map.votes.clear();
    CHECK(voteTally(map) == VoteTally{0, 0});
}
