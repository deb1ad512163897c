// Facilitation edits: sticky notes, the parking lot, dot votes and the session timer.

#include "support/randommap.h"
#include "crosswalk/edit/edit.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

namespace {

/// Applies the edit to a copy, checks that the inverse restores the original and that the
/// inverse of the inverse redoes it; returns the edited map.
Map roundTrip(const Map& original, const Edit& edit, Edit* inverseOut = nullptr, ChangeSet* changes = nullptr)
{
    Map map = original;
    const Edit inverse = apply(map, edit, changes);
    const Map edited = map;
    const Edit redo = apply(map, inverse);
    REQUIRE(map == original);
    apply(map, redo);
    REQUIRE(map == edited);
    if (inverseOut)
        *inverseOut = inverse;
    return edited;
}

std::string refused(const Map& original, const Edit& edit)
{
    Map map = original;
    ChangeSet changes;
    try {
        apply(map, edit, &changes);
    } catch (const EditError& e) {
        CHECK(map == original);
        CHECK(changes.empty());
        return e.what();
    }
    FAIL("apply() accepted " << describe(edit));
    return {};
}

/// smallMap() with two notes on s3, one on s5, votes on s3 and s5, two parked questions.
Map facilitatedMap()
{
    Map map = test::smallMap();
    map.stickyNotes = {{"n1", "s3", "Ask HR who reads it", "#FFE680"},
                       {"n2", "s5", "Rating criteria unclear", "#C7F0D8"},
                       {"n3", "s3", "Form changed in 2023", "#FFE680"}};
    map.votes = {{"s3", 4}, {"s5", 2}};
    map.parkingLot = {{"q1", "Who owns the calendar?", "2026-03-05T15:04:00Z", false},
                      {"q2", "Budget for coaching", "2026-03-05T15:10:00Z", true}};
    return map;
}

} // namespace

TEST_CASE("Sticky notes are added, edited and removed with exact inverses", "[edit][facilitation]")
{
    const Map original = facilitatedMap();
    Edit inverse = RemoveStickyNote{""};
    ChangeSet changes;

    Map edited =
        roundTrip(original, AddStickyNote{{"n9", "s1", "Kick-off is in August", "#FFE680"}, 1}, &inverse, &changes);
    REQUIRE(edited.stickyNotes.size() == 4);
    CHECK(edited.stickyNotes[1].id == "n9");
    CHECK(inverse == Edit{RemoveStickyNote{"n9"}});
    CHECK(changes.stickyNotes == std::set<std::string>{"n9"});
    CHECK(edited.notesOn("s1").size() == 1);
    CHECK(edited.hasEntity("n9"));

    StickyNote moved = original.stickyNotes[0];
    moved.step = "s4";
    moved.text = "Really: who reads it?";
    edited = roundTrip(original, UpdateStickyNote{moved}, &inverse);
    CHECK(*edited.stickyNote("n1") == moved);
    CHECK(inverse == Edit{UpdateStickyNote{original.stickyNotes[0]}});

    edited = roundTrip(original, RemoveStickyNote{"n2"}, &inverse);
    CHECK(edited.stickyNote("n2") == nullptr);
    CHECK(inverse == Edit{AddStickyNote{original.stickyNotes[1], 1}});

    CHECK(refused(original, AddStickyNote{{"n1", "s1", "x", "#FFE680"}, {}}) ==
          "id \"n1\" is already used in this map");
    CHECK(refused(original, AddStickyNote{{"s1", "s1", "x", "#FFE680"}, {}}) ==
          "id \"s1\" is already used in this map");
    CHECK(refused(original, AddStickyNote{{"n8", "s9", "x", "#FFE680"}, {}}) == "no step \"s9\" in this map");
    CHECK(refused(original, AddStickyNote{{"n8", "", "x", "#FFE680"}, {}}) == "a sticky note goes on a step");
    CHECK(refused(original, AddStickyNote{{"n8", "s1", "x", "yellow"}, {}}) ==
          "a sticky note's colour is written #RRGGBB, not \"yellow\"");
    CHECK(refused(original, AddStickyNote{{"n8", "s1", "x", "#FFE680"}, 9}) ==
          "position 9 is past the end of the 3 sticky notes");
    CHECK(refused(original, UpdateStickyNote{{"n7", "s1", "x", "#FFE680"}}) == "no sticky note \"n7\" in this map");
    CHECK(refused(original, RemoveStickyNote{"n7"}) == "no sticky note \"n7\" in this map");
}

TEST_CASE("Parking-lot items are parked, ticked and removed with exact inverses", "[edit][facilitation]")
{
    const Map original = facilitatedMap();
    Edit inverse = RemoveParkingItem{""};
    ChangeSet changes;

    Map edited = roundTrip(original, AddParkingItem{{"q3", "Can principals see the rubric?", "", false}, {}}, &inverse,
                           &changes);
    CHECK(edited.parkingLot.back().id == "q3");
    CHECK(inverse == Edit{RemoveParkingItem{"q3"}});
    CHECK(changes.parkingLot == std::set<std::string>{"q3"});

    ParkingItem ticked = original.parkingLot[0];
    ticked.done = true;
    edited = roundTrip(original, UpdateParkingItem{ticked}, &inverse);
    CHECK(edited.parkingItem("q1")->done);
    CHECK(inverse == Edit{UpdateParkingItem{original.parkingLot[0]}});
    CHECK(describe(UpdateParkingItem{ticked}, original) == "Tick parked question \"Who owns the calendar?\"");

    edited = roundTrip(original, RemoveParkingItem{"q1"}, &inverse);
    CHECK(edited.parkingLot.size() == 1);
    CHECK(inverse == Edit{AddParkingItem{original.parkingLot[0], 0}});

    CHECK(refused(original, AddParkingItem{{"q2", "again", "", false}, {}}) == "id \"q2\" is already used in this map");
    CHECK(refused(original, AddParkingItem{{"", "no id", "", false}, {}}) == "a new parking-lot item needs an id");
    CHECK(refused(original, UpdateParkingItem{{"q9", "x", "", false}}) == "no parking-lot item \"q9\" in this map");
    CHECK(refused(original, RemoveParkingItem{"q9"}) == "no parking-lot item \"q9\" in this map");
}

TEST_CASE("Dot votes: one step at a time, and a reset that undo brings back", "[edit][facilitation]")
{
    const Map original = facilitatedMap();
    Edit inverse = SetVotes{};
    ChangeSet changes;

    Map edited = roundTrip(original, SetVotes{"s1", 1}, &inverse, &changes);
    CHECK(edited.votesOn("s1") == 1);
    CHECK(inverse == Edit{SetVotes{"s1", 0}});
    CHECK(changes.votes == std::set<std::string>{"s1"});
    CHECK(describe(SetVotes{"s1", 1}, original) == "Vote for step \"Kick-off\"");

    edited = roundTrip(original, SetVotes{"s3", 0}, &inverse);
    CHECK(edited.votesOn("s3") == 0);
    CHECK(edited.votes.count("s3") == 0); // no zero entries in the model
    CHECK(inverse == Edit{SetVotes{"s3", 4}});

    changes = {};
    edited = roundTrip(original, ReplaceVotes{}, &inverse, &changes);
    CHECK(edited.votes.empty());
    CHECK(inverse == Edit{ReplaceVotes{original.votes}});
    CHECK(changes.votes == std::set<std::string>{"s3", "s5"});
    CHECK(describe(ReplaceVotes{}) == "Reset votes");

    // Setting the same count changes nothing and reports nothing.
    changes = {};
    roundTrip(original, SetVotes{"s3", 4}, &inverse, &changes);
    CHECK(changes.empty());

    CHECK(refused(original, SetVotes{"s9", 1}) == "no step \"s9\" in this map");
    CHECK(refused(original, SetVotes{"s1", -1}) == "a step has 0 to 999 votes, not -1");
    CHECK(refused(original, SetVotes{"s1", 1000}) == "a step has 0 to 999 votes, not 1000");
    CHECK(refused(original, ReplaceVotes{{{"s1", 0}}}) == "a step has 1 to 999 votes, not 0");
    CHECK(refused(original, ReplaceVotes{{{"s9", 2}}}) == "no step \"s9\" in this map");
}

TEST_CASE("The session timer is set and undone", "[edit][facilitation]")
{
    const Map original = facilitatedMap();
    Edit inverse = SetSessionTimer{};
    ChangeSet changes;
    const SessionTimer timer{45 * 60, 30 * 60, true};
    const Map edited = roundTrip(original, SetSessionTimer{timer}, &inverse, &changes);
    CHECK(edited.session == timer);
    CHECK(inverse == Edit{SetSessionTimer{SessionTimer{}}});
    CHECK(changes.session);
    CHECK_FALSE(changes.props);

    CHECK(refused(original, SetSessionTimer{{-1, 0, false}}) == "a session lasts 0 to 86400 seconds, not -1");
    CHECK(refused(original, SetSessionTimer{{60, 90000, false}}) == "a session has 0 to 86400 seconds left, not 90000");
}

TEST_CASE("Removing a step takes its notes and votes, undo brings them back", "[edit][facilitation]")
{
    const Map original = facilitatedMap();
    Edit inverse = RemoveStep{""};
    ChangeSet changes;
    const Map edited = roundTrip(original, RemoveStep{"s3"}, &inverse, &changes);
    CHECK(edited.notesOn("s3").empty());
    CHECK(edited.stickyNotes.size() == 1);
    CHECK(edited.votesOn("s3") == 0);
    CHECK(edited.votesOn("s5") == 2);
    CHECK(changes.stickyNotes == std::set<std::string>{"n1", "n3"});
    CHECK(changes.votes == std::set<std::string>{"s3"});
    CHECK(test::mapProblems(edited).empty());

    // The inverse puts the notes back at their places and the votes back on the step.
    const auto* insert = std::get_if<InsertFragment>(&inverse.v);
    REQUIRE(insert);
    REQUIRE(insert->fragment.stickyNotes.size() == 2);
    CHECK(insert->fragment.stickyNotes[0].index == 0);
    CHECK(insert->fragment.stickyNotes[1].index == 2);
    CHECK(insert->fragment.votes == std::map<std::string, int>{{"s3", 4}});

    // Removing a lane or a phase cascades the same way.
    const Map noLane = roundTrip(original, RemoveLane{"l2"}); // s3 is in lane l2
    CHECK(noLane.notesOn("s3").empty());
    CHECK(noLane.votesOn("s3") == 0);
    const Map noPhase = roundTrip(original, RemovePhase{"p3"}); // s5 is in phase p3
    CHECK(noPhase.notesOn("s5").empty());
    CHECK(noPhase.votes == std::map<std::string, int>{{"s3", 4}});
}

TEST_CASE("InsertFragment and RemoveEntities keep notes and votes with their steps", "[edit][facilitation]")
{
    const Map original = facilitatedMap();
    // RemoveEntities does not cascade: a step with a note on it cannot go alone.
    CHECK(refused(original, RemoveEntities{{"s5", "f4", "f5", "a5"}}) == "sticky note \"n2\" is still on step \"s5\"");
    const Map edited = roundTrip(original, RemoveEntities{{"s5", "f4", "f5", "a5", "n2"}});
    CHECK(edited.votesOn("s5") == 0);
    CHECK(roundTrip(original, RemoveEntities{{"n1"}}).stickyNotes.size() == 2);

    // Votes can only be inserted with their step, so that the inverse takes them out again.
    Fragment loose;
    loose.votes = {{"s1", 2}};
    CHECK(refused(original, InsertFragment{loose}) == "the votes on \"s1\" can only be inserted with that step");
    Fragment orphan;
    orphan.stickyNotes.push_back({0, {"n8", "s-new", "x", "#FFE680"}});
    CHECK(refused(original, InsertFragment{orphan}) == "no step \"s-new\" in this map");
    Fragment withStep = orphan;
    Step s;
    s.id = "s-new";
    s.lane = "l1";
    withStep.steps.push_back({6, s});
    withStep.votes = {{"s-new", 3}};
    Edit inverse = RemoveEntities{};
    const Map inserted = roundTrip(original, InsertFragment{withStep}, &inverse);
    CHECK(inserted.votesOn("s-new") == 3);
    CHECK(inserted.stickyNotes.front().id == "n8");
    CHECK(inverse == Edit{RemoveEntities{{"s-new", "n8"}}});
}
