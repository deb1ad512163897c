#pragma once

#include "crosswalk/model/map.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

// Figures that describe a map for the insights panel: how many steps, handoffs, black
// boxes ... overall, per lane and per phase. They describe; they never grade or score a
// map, and nothing here ranks one map above another.

/// One figure: how many there are, and what is behind it so that the UI can highlight it.
struct Figure {
    int count = 0;
    /// What was counted, in map order: step ids for step figures, flow ids for handoffs,
    /// annotation ids for annotation figures. count == ids.size().
    std::vector<std::string> ids;
    /// The steps to highlight, in map order, each once: the counted steps themselves; both
    /// ends of a handoff; the step an annotation is on, or both ends of the flow it is on
    /// (an annotation on a lane or on the whole map has no steps to highlight).
    std::vector<std::string> stepIds;

    bool operator==(const Figure&) const = default;
};

/// The figures of one scope: the whole map, one lane or one phase.
///
/// Where things count:
/// - A step counts in its lane and its phase; a step without a phase counts in no phase.
/// - A handoff is a flow whose two steps are in different lanes. Overall it counts once.
///   Per lane it counts in the lane it leaves and again in the lane it enters, so the lane
///   figures add up to twice the overall one; per phase it counts in the phase of its
///   source step, once, even when it also crosses into another phase.
/// - An annotation on a step counts in the step's lane and phase; on a flow, in the lane
///   and phase of the flow's source step; on a lane, in that lane and in no phase; on the
///   whole map (or on an id the map does not have), only in the overall figures.
struct Figures {
    Figure steps;
    Figure handoffs;
    Figure decisions;
    Figure waits;
    Figure blackBoxes;
    Figure harmPoints;
    Figure variationIntentional;
    Figure variationUnintentional;
    Figure variationUnspecified; // a variation not (yet) marked intentional or unintentional
    Figure questions;
    Figure insights;
    std::array<Figure, 3> changeIdeas; // horizon 1, 2 and 3 at index 0, 1 and 2
    Figure changeIdeasNoHorizon;       // a change idea not (yet) placed on a horizon
    /// Steps with no flow out of them (a flow back to the step itself does not lead
    /// anywhere) that are not end steps: the process stops there without ending.
    Figure noWayForward;

    bool operator==(const Figures&) const = default;
};

struct LaneFigures {
    std::string laneId;
    Figures figures;
    bool operator==(const LaneFigures&) const = default;
};

struct PhaseFigures {
    std::string phaseId;
    Figures figures;
    bool operator==(const PhaseFigures&) const = default;
};

/// The figures of a map, computed once when constructed; the map is not kept.
class MapInsights {
  public:
    explicit MapInsights(const Map& map);

    const Figures& overall() const { return m_overall; }
    /// One entry per lane, in the map's lane order.
    const std::vector<LaneFigures>& lanes() const { return m_lanes; }
    /// One entry per phase, in the map's phase order.
    const std::vector<PhaseFigures>& phases() const { return m_phases; }
    /// The figures of this lane or phase; nullptr when the map has no such lane or phase.
    const Figures* lane(std::string_view laneId) const;
    const Figures* phase(std::string_view phaseId) const;

    /// The longest path from a start step to an end step, counted in steps. ids and stepIds
    /// both list the steps along the path, in path order (not map order); empty when no
    /// end step can be reached from a start step.
    ///
    /// The longest simple path in a graph with cycles is NP-hard, so loops are cut first:
    /// a depth-first search from each start step (start steps in map order, flows out of
    /// a step in map order) drops every back edge, a flow into a step still on the search
    /// stack. What remains reachable is acyclic and its longest path is found exactly.
    /// A path may pass an end step that has flows out of it and end at a later one. Among
    /// paths of equal length the first found wins: the earliest start step, then at each
    /// step the earliest flow in map order.
    const Figure& longestPath() const { return m_longestPath; }

  private:
    Figures m_overall;
    std::vector<LaneFigures> m_lanes;
    std::vector<PhaseFigures> m_phases;
    Figure m_longestPath;
};

} // namespace crosswalk
