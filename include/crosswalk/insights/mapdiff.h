#pragma once

#include "crosswalk/model/map.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

// "What changed since" a revision: the lanes, phases, steps, flows and annotations added,
// removed or changed between two versions of a map, matched by id, with a short sentence
// per change for the list and the ids for highlighting on the canvas.

enum class DiffEntity { Map, Lane, Phase, Step, Flow, Annotation };
enum class DiffChange { Added, Removed, Changed };

/// A field that differs between the two versions of one entity.
enum class DiffField {
    // Map (properties and the order of lanes and phases)
    Title,
    District,
    Focus,
    State,
    MapNotes,
    LaneOrder,
    PhaseOrder,
    // Lane and phase
    Name,
    Color,
    Height,
    Width,
    // Step
    Label,
    Kind,
    Lane,
    Phase,
    Position,
    Size,
    Notes,
    // Flow (Label as well)
    From,
    To,
    // Annotation (Kind as well)
    Target,
    Text,
    Affects,
    Variation,
    Horizon,
};

std::string_view toString(DiffEntity entity);
std::string_view toString(DiffChange change);
std::string_view toString(DiffField field); // "label", "position", "lane_order"

/// One entity added, removed or changed.
struct EntityDiff {
    DiffEntity entity = DiffEntity::Step;
    DiffChange change = DiffChange::Changed;
    std::string id;                // the map's id for DiffEntity::Map
    std::vector<DiffField> fields; // for Changed: what differs, in DiffField order
    std::string text;              // for people: "Step \"Mid-year review\" moved to lane \"HR\""

    bool operator==(const EntityDiff&) const = default;
};

/// The differences between two versions of a map (before: a revision; after: the map now).
///
/// Entities are matched by id, per kind. Order is deterministic: the map's own changes
/// first, then lanes, phases, steps, flows and annotations; within each kind the added and
/// changed ones in the after map's order, then the removed ones in the before map's order.
/// Where a step, flow or annotation sits in its list is not a change (it is not visible),
/// but the order of lanes and of phases is (DiffField::LaneOrder, PhaseOrder): it counts
/// when the lanes (phases) in both versions are not in the same relative order.
class MapDiff {
  public:
    MapDiff(const Map& before, const Map& after);

    const std::vector<EntityDiff>& changes() const { return m_changes; }
    bool empty() const { return m_changes.empty(); }

    /// The change of the entity of this kind with this id; nullptr when it did not change.
    const EntityDiff* find(DiffEntity entity, std::string_view id) const;
    /// The ids of the entities of this kind with this change, for highlighting: added and
    /// changed ones are in the after map, removed ones only in the before map.
    std::set<std::string> ids(DiffEntity entity, DiffChange change) const;
    /// The ids of the entities of this kind with any change.
    std::set<std::string> ids(DiffEntity entity) const;

  private:
    std::vector<EntityDiff> m_changes;
};

} // namespace crosswalk
