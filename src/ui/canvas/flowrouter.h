#pragma once

#include <QLineF>
#include <QPolygonF>
#include <QRectF>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace crosswalk {

/// Orthogonal routes for flows. Tries a handful of candidate routes in order of how a person
/// would draw them (straight, one dog-leg, around) and takes the first that passes through no
/// other step; when none is clear it takes the one that crosses the fewest. Steps are kept in
/// a coarse grid so that a route only looks at the steps near it.
class FlowRouter final {
public:
    /// Replaces the obstacles (every step of the map, by id).
    void setObstacles(const std::unordered_map<std::string, QRectF>& rects);

    /// Lines a route should not run along: lane borders (horizontal, by y) and phase dividers
    /// (vertical, by x). A flow drawn on a border reads as the border, and hides it.
    void setGuides(std::vector<qreal> horizontal, std::vector<qreal> vertical);

    /// Routes already drawn: a new route avoids running along them, so that two flows never
    /// share a line and look like one. Cleared by setObstacles().
    void addRoute(const QPolygonF& route);
    /// The same, knowing the route's ends: a route that shares an end with it may share its line
    /// (two branches leaving one decision), any other keeps flowrules::kParallelGap away.
    void addRoute(const QPolygonF& route, const std::string& fromId, const std::string& toId);
    void clearRoutes();

    /// Steps whose ports may slide along a side (flat-sided shapes): where two flows would
    /// otherwise share a line, one of them leaves or enters such a step off its side's middle.
    /// Every other step is entered and left in the middle of a side only.
    void setSlidingPorts(std::unordered_set<std::string> ids) { m_sliding = std::move(ids); }

    /// The route from one step to another as a polyline; the last point touches the target.
    QPolygonF route(const std::string& fromId, const QRectF& from, const std::string& toId, const QRectF& to) const;

    /// Cells visited and shapes compared since the routes were last cleared. The work of a
    /// routing pass is bounded by the map's size, not its coordinates (issue 19); past
    /// kWorkBudget the remaining flows get plain routes that avoid nothing, so that a hostile
    /// map of many long flows still draws (and exports) in bounded time.
    long long work() const { return m_work; }
    bool overBudget() const { return m_work > kWorkBudget; }
    static constexpr long long kWorkBudget = 60'000'000;

private:
    int crossings(const QPolygonF& route, const std::string& fromId, const std::string& toId) const;
    int overlaps(const QPolygonF& route, const std::string& fromId = {}, const std::string& toId = {}) const;
    /// A conflicting route moved off the lines it shares: one segment at a time shifted sideways
    /// by multiples of flowrules::kParallelGap, as draw.io and Visio nudge parallel connectors.
    QPolygonF nudged(QPolygonF route, const std::string& fromId, const QRectF& from, const std::string& toId,
                     const QRectF& to) const;
    long long conflicts(const QPolygonF& route, const std::string& fromId, const QRectF& from, const std::string& toId,
                        const QRectF& to) const;
    int alongGuides(const QPolygonF& route) const;
    std::vector<const QRectF*> near(const QRectF& area, const std::string& fromId, const std::string& toId) const;

    QPolygonF plainRoute(const QRectF& from, const QRectF& to) const;
    /// Indices of the routes' segments near a box: through the grid, or all of them when the
    /// box covers more cells than there are segments.
    void segmentsNear(const QRectF& box, std::vector<std::size_t>& out) const;

    static constexpr qreal kCell = 240;
    // A segment longer than this many cells is kept in a list of its own rather than in every
    // cell it crosses (a flow across 10,000,000 units would fill 40,000 cells).
    static constexpr long long kMaxSegmentCells = 64;
    std::vector<std::size_t> m_longSegments;
    mutable long long m_work = 0;
    struct Entry {
        std::string id;
        QRectF rect;
    };
    std::vector<Entry> m_entries;
    std::unordered_map<long long, std::vector<std::size_t>> m_cells;
    std::vector<qreal> m_horizontalGuides;
    std::vector<qreal> m_verticalGuides;
    std::vector<QLineF> m_segments;
    struct Ends {
        std::string from;
        std::string to;
    };
    std::vector<Ends> m_segmentEnds; // per segment: the ends of its route (empty when unknown)
    std::unordered_set<std::string> m_sliding;
    std::unordered_map<long long, std::vector<std::size_t>> m_segmentCells;
};

} // namespace crosswalk
