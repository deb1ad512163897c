#pragma once

#include <QLineF>
#include <QPolygonF>
#include <QRectF>

#include <string>
#include <unordered_map>
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
    void clearRoutes();

    /// The route from one step to another as a polyline; the last point touches the target.
    QPolygonF route(const std::string& fromId, const QRectF& from, const std::string& toId, const QRectF& to) const;

private:
    int crossings(const QPolygonF& route, const std::string& fromId, const std::string& toId) const;
    int overlaps(const QPolygonF& route) const;
    int alongGuides(const QPolygonF& route) const;
    std::vector<const QRectF*> near(const QRectF& area, const std::string& fromId, const std::string& toId) const;

    static constexpr qreal kCell = 240;
    struct Entry {
        std::string id;
        QRectF rect;
    };
    std::vector<Entry> m_entries;
    std::unordered_map<long long, std::vector<std::size_t>> m_cells;
    std::vector<qreal> m_horizontalGuides;
    std::vector<qreal> m_verticalGuides;
    std::vector<QLineF> m_segments;
    std::unordered_map<long long, std::vector<std::size_t>> m_segmentCells;
};

} // namespace crosswalk
