#pragma once

#include "crosswalk/model/kinds.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

// Geometry is in map units (1 unit = 1 px at 100 % zoom), integers so that every
// edit and its inverse are exact. The drawing area starts at (0, 0) to the right
// of the lane headers and below the phase headers.

/// One role or office: a horizontal band of the map.
struct Lane {
    std::string id;
    std::string name;
    std::string color = "#FFFFFF"; // "#RRGGBB"
    int height = 160;

    bool operator==(const Lane&) const = default;
};

/// One column of time across all lanes.
struct Phase {
    std::string id;
    std::string name;
    std::string color = "#FFFFFF";
    int width = 480;

    bool operator==(const Phase&) const = default;
};

/// One thing that happens in the process, placed in a lane (and usually a phase).
struct Step {
    std::string id;
    std::string lane;  // lane id, required
    std::string phase; // phase id, or empty when the map has no phases
    StepKind kind = StepKind::Activity;
    std::string label;
    std::string notes;
    int x = 0;  // left edge, from the left of the drawing area
    int y = 45; // top edge, from the top of its lane
    int w = 150;
    int h = 70;

    bool operator==(const Step&) const = default;
};

/// An arrow from one step to the next; a handoff when the steps are in different lanes.
struct Flow {
    std::string id;
    std::string from; // step id
    std::string to;   // step id
    std::string label;

    bool operator==(const Flow&) const = default;
};

/// A mark a team places on a step, flow, lane or the whole map.
struct Annotation {
    std::string id;
    AnnotationKind kind = AnnotationKind::Question;
    std::string target; // step, flow or lane id; empty for the whole map
    std::string text;
    std::string affects;                 // who is affected (harm points mostly)
    std::optional<Variation> variation;  // only for AnnotationKind::Variation
    std::optional<int> horizon;          // 1..3, only for AnnotationKind::ChangeIdea

    bool operator==(const Annotation&) const = default;
};

/// The descriptive fields of a map, edited together.
struct MapProperties {
    std::string title;
    std::string district;
    std::string focus;
    MapState state = MapState::Current;
    std::string notes;

    bool operator==(const MapProperties&) const = default;
};

// Facilitation: what a team adds while it walks a map in a session. Stored with the
// map, edited through the same undoable edits as everything else.

/// A short note stuck next to a step during a session ("ask HR who signs this").
struct StickyNote {
    std::string id;
    std::string step; // step id, required
    std::string text;
    std::string color = "#FFE680"; // "#RRGGBB", the paper colour

    bool operator==(const StickyNote&) const = default;
};

/// A side question parked during a session, to come back to later.
struct ParkingItem {
    std::string id;
    std::string text;
    std::string createdAt; // ISO 8601, UTC ("2026-03-05T15:04:00Z"); may be empty
    bool done = false;

    bool operator==(const ParkingItem&) const = default;
};

/// Longest session timer (and highest dot-vote tally on one step) a map accepts.
inline constexpr int kMaxSessionSeconds = 24 * 60 * 60;
inline constexpr int kMaxVotesPerStep = 999;

/// Latest deadline a running session timer may hold: 9999-12-31T23:59:59.999Z, in ms since 1970.
inline constexpr std::int64_t kMaxSessionDeadlineMs = 253'402'300'799'999;

/// The session countdown stored with the map. A running timer is a deadline: the wall-clock
/// time it ends, so that it reads the same whenever and wherever the stored state is read
/// (SessionClock works the time left out). A paused one holds the time left.
struct SessionTimer {
    int durationSeconds = 0;  // the session length; 0 when no timer is set
    int remainingSeconds = 0; // time left when last paused, or when last started
    bool running = false;     // whether it was running when last stored
    // When running: when the countdown reaches 0, UTC milliseconds since 1970; 0 when paused
    // (or in a file written before deadlines, whose running timer has no known end).
    std::int64_t deadlineMs = 0;

    bool operator==(const SessionTimer&) const = default;
};

/// A district's swimlane process map: a plain value, copied and compared freely.
struct Map {
    std::string id;
    MapProperties props;
    std::vector<Lane> lanes;   // top to bottom
    std::vector<Phase> phases; // left to right
    std::vector<Step> steps;
    std::vector<Flow> flows;
    std::vector<Annotation> annotations;
    // Facilitation.
    std::vector<StickyNote> stickyNotes;  // in the order they were added
    std::vector<ParkingItem> parkingLot;  // in the order they were parked
    std::map<std::string, int> votes;     // step id -> dots (only steps with at least one)
    SessionTimer session;

    bool operator==(const Map&) const = default;

    const Lane* lane(std::string_view entityId) const;
    Lane* lane(std::string_view entityId);
    const Phase* phase(std::string_view entityId) const;
    Phase* phase(std::string_view entityId);
    const Step* step(std::string_view entityId) const;
    Step* step(std::string_view entityId);
    const Flow* flow(std::string_view entityId) const;
    Flow* flow(std::string_view entityId);
    const Annotation* annotation(std::string_view entityId) const;
    Annotation* annotation(std::string_view entityId);
    const StickyNote* stickyNote(std::string_view entityId) const;
    StickyNote* stickyNote(std::string_view entityId);
    const ParkingItem* parkingItem(std::string_view entityId) const;
    ParkingItem* parkingItem(std::string_view entityId);

    /// The dot votes on a step (0 when none).
    int votesOn(std::string_view stepId) const;
    /// The sticky notes on a step, in map order.
    std::vector<const StickyNote*> notesOn(std::string_view stepId) const;

    std::optional<std::size_t> laneIndex(std::string_view entityId) const;
    std::optional<std::size_t> phaseIndex(std::string_view entityId) const;

    /// True when any entity of this map (lane, phase, step, flow, annotation, sticky note,
    /// parking-lot item) has this id.
    bool hasEntity(std::string_view entityId) const;
};

/// A named snapshot of a map, kept in the workspace.
struct Revision {
    std::string id;
    std::string mapId;
    std::string name;      // "After session 3, March"
    std::string createdAt; // ISO 8601, UTC
    bool operator==(const Revision&) const = default;
};

/// A fresh id with the given prefix ("s-", "l-", "m-" ...): never handed out twice.
std::string newId(std::string_view prefix);

} // namespace crosswalk
