#pragma once

#include "crosswalk/model/map.h"

#include <string>
#include <vector>

namespace crosswalk {

/// Walking a map step by step along its flows, as the presentation does with the arrow keys.
/// Holds ids only and reads the map it is given, so it survives edits made while presenting.
class PresentWalk final {
  public:
    /// Where a walk starts: the first start step, else the first step nothing flows into,
    /// else the first step; empty for a map without steps.
    static std::string firstStep(const Map& map);
    /// The flows leaving a step (to steps that exist), in map order.
    static std::vector<const Flow*> outgoing(const Map& map, const std::string& stepId);
    static std::vector<const Flow*> incoming(const Map& map, const std::string& stepId);

    const std::string& current() const { return m_current; }
    /// The outgoing flow a forward move takes, among outgoing(); 0 when there is one.
    int branch() const { return m_branch; }

    /// Jumps to a step (a click); the step walked from is remembered for back().
    void setCurrent(const Map& map, const std::string& stepId);
    /// Forward along the chosen flow; false at a step with no way on (or without a step:
    /// then the walk starts at firstStep()).
    bool next(const Map& map);
    /// Back the way the walk came, else along the first flow into the step.
    bool back(const Map& map);
    /// Chooses another outgoing flow (wraps round); false when there is no choice.
    bool chooseBranch(const Map& map, int delta);
    void clear();

  private:
    void repair(const Map& map);

    std::string m_current;
    std::vector<std::string> m_history;
    int m_branch = 0;
};

} // namespace crosswalk
