#pragma once

#include <QRectF>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace crosswalk {

/// What flow labels and branch numbers keep clear of in presentation mode, in a coarse grid of
/// scene coordinates: asking it costs a few cells, however many items the scene holds (a scene
/// query on a map of thousands of steps rebuilt the scene's index for each place tried).
class PresentObstacles final {
  public:
    enum Kind : unsigned {
        StepText = 1u << 0,  // a step's label as drawn
        StepShape = 1u << 1, // a step's shape as drawn
        Mark = 1u << 2,      // badges, votes and note papers on a step's edges
        EndZone = 1u << 3,   // an arrowhead and where its choice number goes on a walk
        Handoff = 1u << 4,   // a handoff diamond on a lane border
        FlowLabel = 1u << 5, // a flow's label, once placed
        HandoffCore = 1u << 6, // the middle of a handoff diamond
    };
    void clear();
    void add(Kind kind, const QRectF& r);
    /// Whether r meets an obstacle of one of the kinds in `kinds` (an or of Kind values).
    bool hits(const QRectF& r, unsigned kinds) const;
    /// Whether the questions asked so far have compared more rectangles than kBudget: a
    /// hostile map (tens of thousands of flows between the same two steps, each label
    /// thousands of units tall) would make every place tried meet every label placed. Past
    /// the budget, labels and branch numbers take their first place without asking, so that
    /// laying out costs a bounded time whatever the map (issue 19, finding 5).
    bool exhausted() const { return m_compared > kBudget; }
    /// How many rectangles the questions so far compared.
    std::uint64_t compared() const { return m_compared; }
    static constexpr std::uint64_t kBudget = 60'000'000;

  private:
    static constexpr double kCell = 256;
    struct Entry {
        Kind kind;
        QRectF rect;
    };
    static std::int64_t key(int column, int row)
    {
        return (static_cast<std::int64_t>(column) << 32) ^ static_cast<std::uint32_t>(row);
    }
    std::unordered_map<std::int64_t, std::vector<Entry>> m_cells;
    mutable std::uint64_t m_compared = 0;
};

} // namespace crosswalk
