#pragma once

#include "crosswalk/model/map.h"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace crosswalk {

// Every change to a map is one of these values. apply() performs it on a map and
// returns its inverse, so undo is tested here without a screen, and the workspace
// persists exactly what changed (see ChangeSet).

struct Edit;

struct AddStep {
    Step step;
    std::optional<std::size_t> index; // position in Map::steps; end when empty
    bool operator==(const AddStep&) const = default;
};
/// Removes the step, the flows into and out of it, the annotations on all of them, and the
/// step's sticky notes and votes.
struct RemoveStep {
    std::string id;
    bool operator==(const RemoveStep&) const = default;
};
/// Replaces every field of the step with this id (lane, phase, kind, label, notes, geometry).
struct UpdateStep {
    Step step;
    bool operator==(const UpdateStep&) const = default;
};
struct StepPlacement {
    std::string id;
    std::string lane;
    std::string phase;
    int x = 0;
    int y = 0;
    bool operator==(const StepPlacement&) const = default;
};
/// Moves several steps at once, possibly into other lanes and phases.
struct MoveSteps {
    std::vector<StepPlacement> moves;
    bool operator==(const MoveSteps&) const = default;
};

struct AddLane {
    Lane lane;
    std::optional<std::size_t> index;
    bool operator==(const AddLane&) const = default;
};
/// Removes the lane with its steps, their flows and every annotation on any of them.
struct RemoveLane {
    std::string id;
    bool operator==(const RemoveLane&) const = default;
};
struct RenameLane {
    std::string id;
    std::string name;
    bool operator==(const RenameLane&) const = default;
};
struct RecolourLane {
    std::string id;
    std::string color;
    bool operator==(const RecolourLane&) const = default;
};
/// Moves the lane (with its steps, whose y is lane-relative) to a new index.
struct ReorderLane {
    std::string id;
    std::size_t index = 0;
    bool operator==(const ReorderLane&) const = default;
};
struct ResizeLane {
    std::string id;
    int height = 0;
    bool operator==(const ResizeLane&) const = default;
};

/// Inserts the phase column; steps in the columns from that index on shift right by
/// its width (the inverse of RemovePhase).
struct AddPhase {
    Phase phase;
    std::optional<std::size_t> index;
    bool operator==(const AddPhase&) const = default;
};
/// Removes the phase column with its steps (and their flows and annotations);
/// steps in later phases shift left by its width.
struct RemovePhase {
    std::string id;
    bool operator==(const RemovePhase&) const = default;
};
struct RenamePhase {
    std::string id;
    std::string name;
    bool operator==(const RenamePhase&) const = default;
};
struct RecolourPhase {
    std::string id;
    std::string color;
    bool operator==(const RecolourPhase&) const = default;
};
/// Moves the phase column to a new index; its steps and those of the phases it
/// passes move with their columns.
struct ReorderPhase {
    std::string id;
    std::size_t index = 0;
    bool operator==(const ReorderPhase&) const = default;
};
/// Changes the column width; steps in later phases shift by the difference.
struct ResizePhase {
    std::string id;
    int width = 0;
    bool operator==(const ResizePhase&) const = default;
};

struct AddFlow {
    Flow flow;
    std::optional<std::size_t> index;
    bool operator==(const AddFlow&) const = default;
};
/// Removes the flow and the annotations on it.
struct RemoveFlow {
    std::string id;
    bool operator==(const RemoveFlow&) const = default;
};
struct RelabelFlow {
    std::string id;
    std::string label;
    bool operator==(const RelabelFlow&) const = default;
};

struct AddAnnotation {
    Annotation annotation;
    std::optional<std::size_t> index;
    bool operator==(const AddAnnotation&) const = default;
};
/// Replaces every field of the annotation with this id.
struct UpdateAnnotation {
    Annotation annotation;
    bool operator==(const UpdateAnnotation&) const = default;
};
struct RemoveAnnotation {
    std::string id;
    bool operator==(const RemoveAnnotation&) const = default;
};

struct UpdateMapProperties {
    MapProperties props;
    bool operator==(const UpdateMapProperties&) const = default;
};

// Facilitation edits (sticky notes, parking lot, dot votes, session timer).

struct AddStickyNote {
    StickyNote note;
    std::optional<std::size_t> index; // position in Map::stickyNotes; end when empty
    bool operator==(const AddStickyNote&) const = default;
};
/// Replaces every field of the note with this id (step, text, colour).
struct UpdateStickyNote {
    StickyNote note;
    bool operator==(const UpdateStickyNote&) const = default;
};
struct RemoveStickyNote {
    std::string id;
    bool operator==(const RemoveStickyNote&) const = default;
};

struct AddParkingItem {
    ParkingItem item;
    std::optional<std::size_t> index; // position in Map::parkingLot; end when empty
    bool operator==(const AddParkingItem&) const = default;
};
/// Replaces every field of the item with this id (text, time, done).
struct UpdateParkingItem {
    ParkingItem item;
    bool operator==(const UpdateParkingItem&) const = default;
};
struct RemoveParkingItem {
    std::string id;
    bool operator==(const RemoveParkingItem&) const = default;
};

/// Sets the dot votes on one step (0 takes them all off); the inverse sets the old count.
struct SetVotes {
    std::string step;
    int count = 0;
    bool operator==(const SetVotes&) const = default;
};
/// Replaces every vote of the map; ReplaceVotes{} is "Reset votes" and its inverse
/// brings the old tally back.
struct ReplaceVotes {
    std::map<std::string, int> votes; // step id -> count, each at least 1
    bool operator==(const ReplaceVotes&) const = default;
};

struct SetSessionTimer {
    SessionTimer session;
    bool operator==(const SetSessionTimer&) const = default;
};

template <typename T>
struct Placed {
    std::size_t index = 0; // index in the map's vector after insertion
    T value;
    bool operator==(const Placed&) const = default;
};

/// Entities with their exact positions: what a removal took out, so that its
/// inverse puts everything back where it was. Each list is in ascending index order.
struct Fragment {
    std::vector<Placed<Lane>> lanes;
    std::vector<Placed<Phase>> phases;
    std::vector<Placed<Step>> steps;
    std::vector<Placed<Flow>> flows;
    std::vector<Placed<Annotation>> annotations;
    std::vector<Placed<StickyNote>> stickyNotes;
    std::map<std::string, int> votes; // the votes of the fragment's steps
    bool operator==(const Fragment&) const = default;
};
/// Inserts the fragment's entities at their indices (the inverse of a removal).
struct InsertFragment {
    Fragment fragment;
    bool operator==(const InsertFragment&) const = default;
};
/// Removes exactly these entities, without cascading (the inverse of InsertFragment);
/// the votes of removed steps go with them.
struct RemoveEntities {
    std::vector<std::string> ids;
    bool operator==(const RemoveEntities&) const = default;
};
/// Shifts the x of these steps by dx (used with phase changes).
struct ShiftSteps {
    std::vector<std::string> ids;
    int dx = 0;
    bool operator==(const ShiftSteps&) const = default;
};

/// Several edits applied in order as one user-visible change ("Add step and connect").
struct Batch {
    std::string name;
    std::vector<Edit> edits;
    bool operator==(const Batch&) const;
};

using EditVariant =
    std::variant<AddStep, RemoveStep, UpdateStep, MoveSteps, AddLane, RemoveLane, RenameLane, RecolourLane,
                 ReorderLane, ResizeLane, AddPhase, RemovePhase, RenamePhase, RecolourPhase, ReorderPhase,
                 ResizePhase, AddFlow, RemoveFlow, RelabelFlow, AddAnnotation, UpdateAnnotation, RemoveAnnotation,
                 UpdateMapProperties, InsertFragment, RemoveEntities, ShiftSteps, Batch, AddStickyNote,
                 UpdateStickyNote, RemoveStickyNote, AddParkingItem, UpdateParkingItem, RemoveParkingItem, SetVotes,
                 ReplaceVotes, SetSessionTimer>;

/// One change to a map, as a value.
struct Edit {
    EditVariant v;

    template <typename T>
    Edit(T value) : v(std::move(value)) {}
    bool operator==(const Edit& other) const { return v == other.v; }
};

/// What an applied edit touched: ids of entities added, removed or changed, by kind.
/// The workspace writes exactly these rows; the canvas refreshes exactly these items.
struct ChangeSet {
    bool props = false;       // map properties changed
    bool laneOrder = false;   // lane order changed (tops of lanes moved)
    bool phaseOrder = false;  // phase order changed
    bool session = false;     // the session timer changed
    std::set<std::string> lanes, phases, steps, flows, annotations;
    std::set<std::string> stickyNotes, parkingLot;
    std::set<std::string> votes; // step ids whose vote count changed

    bool empty() const;
    void merge(const ChangeSet& other);
};

/// An edit that does not fit the map (unknown id, duplicate id, bad value); the map is unchanged.
class EditError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Applies the edit to the map and returns its inverse. On EditError the map is left
/// exactly as it was. When changes is given, the ids touched are added to it.
Edit apply(Map& map, const Edit& edit, ChangeSet* changes = nullptr);

/// A short description for people and the undo menu: "Add step", "Move 3 steps".
std::string describe(const Edit& edit);
/// The same, naming what the edit touches as it is in the map before the edit applies
/// ("Remove lane \"HR\"", "Rename phase \"Fall\" to \"Autumn\""); for the undo menu.
std::string describe(const Edit& edit, const Map& before);

} // namespace crosswalk
