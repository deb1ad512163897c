#include "ui/canvas/flowrouter.h"

#include "ui/canvas/flowrules.h"

#include <QLineF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace crosswalk {
namespace {

constexpr qreal kStub = 22; // how far a route leaves a step before it turns

long long cellKey(int cx, int cy)
{
    return (static_cast<long long>(cx) << 32) ^ static_cast<unsigned int>(cy);
}

bool segmentHits(const QPointF& a, const QPointF& b, const QRectF& r)
{
    // Shrunk a little so that a route running along a step's edge does not count as crossing it.
    const QRectF inner = r.adjusted(2, 2, -2, -2);
    const QRectF seg = QRectF(a, b).normalized().adjusted(-0.5, -0.5, 0.5, 0.5);
    return seg.intersects(inner);
}

qreal length(const QPolygonF& p)
{
    qreal total = 0;
    for (int i = 1; i < p.size(); ++i)
        total += std::abs(p[i].x() - p[i - 1].x()) + std::abs(p[i].y() - p[i - 1].y());
    return total;
}

QPolygonF simplified(const QPolygonF& p)
{
    QPolygonF out;
    for (const QPointF& pt : p) {
        if (!out.isEmpty() && QLineF(out.last(), pt).length() < 0.5)
            continue;
        if (out.size() >= 2) {
            const QPointF& a = out[out.size() - 2];
            const QPointF& b = out.last();
            const bool collinear = (std::abs(a.x() - b.x()) < 0.5 && std::abs(b.x() - pt.x()) < 0.5) ||
                                   (std::abs(a.y() - b.y()) < 0.5 && std::abs(b.y() - pt.y()) < 0.5);
            if (collinear) {
                out.last() = pt;
                continue;
            }
        }
        out << pt;
    }
    return out;
}

int cellOf(qreal v, qreal cell)
{
    return static_cast<int>(std::floor(v / cell));
}

// How many grid cells a box covers, without overflow for boxes of any size.
long long cellsOf(const QRectF& box, qreal cell)
{
    const long long w = static_cast<long long>(cellOf(box.right(), cell)) - cellOf(box.left(), cell) + 1;
    const long long h = static_cast<long long>(cellOf(box.bottom(), cell)) - cellOf(box.top(), cell) + 1;
    return std::max(1LL, w) * std::max(1LL, h);
}

} // namespace

void FlowRouter::clearRoutes()
{
    m_segments.clear();
    m_segmentEnds.clear();
    m_segmentCells.clear();
    m_longSegments.clear();
    m_work = 0;
}

void FlowRouter::segmentsNear(const QRectF& box, std::vector<std::size_t>& out) const
{
    out.clear();
    const long long cells = cellsOf(box, kCell);
    if (cells > static_cast<long long>(m_segments.size())) {
        m_work += static_cast<long long>(m_segments.size());
        for (std::size_t k = 0; k < m_segments.size(); ++k)
            out.push_back(k);
        return;
    }
    m_work += cells;
    for (int cx = cellOf(box.left(), kCell); cx <= cellOf(box.right(), kCell); ++cx)
        for (int cy = cellOf(box.top(), kCell); cy <= cellOf(box.bottom(), kCell); ++cy)
            if (auto it = m_segmentCells.find(cellKey(cx, cy)); it != m_segmentCells.end())
                out.insert(out.end(), it->second.begin(), it->second.end());
    out.insert(out.end(), m_longSegments.begin(), m_longSegments.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

void FlowRouter::addRoute(const QPolygonF& route)
{
    addRoute(route, {}, {});
}

void FlowRouter::addRoute(const QPolygonF& route, const std::string& fromId, const std::string& toId)
{
    if (overBudget())
        return; // past the budget no route avoids another: keeping them would cost for nothing
    for (int i = 1; i < route.size(); ++i) {
        const QLineF seg(route[i - 1], route[i]);
        const std::size_t index = m_segments.size();
        m_segments.push_back(seg);
        m_segmentEnds.push_back({fromId, toId});
        const QRectF box = QRectF(seg.p1(), seg.p2()).normalized();
        const long long cells = cellsOf(box, kCell);
        m_work += std::min(cells, kMaxSegmentCells);
        if (cells > kMaxSegmentCells) {
            m_longSegments.push_back(index);
            continue;
        }
        for (int cx = static_cast<int>(std::floor(box.left() / kCell)); cx <= static_cast<int>(std::floor(box.right() / kCell)); ++cx)
            for (int cy = static_cast<int>(std::floor(box.top() / kCell));
                 cy <= static_cast<int>(std::floor(box.bottom() / kCell)); ++cy)
                m_segmentCells[cellKey(cx, cy)].push_back(index);
    }
}

void FlowRouter::setGuides(std::vector<qreal> horizontal, std::vector<qreal> vertical)
{
    m_horizontalGuides = std::move(horizontal);
    m_verticalGuides = std::move(vertical);
}

int FlowRouter::alongGuides(const QPolygonF& route) const
{
    // Closer than this to a border, a 2 px line merges with the border's 1.5 px line on a
    // shared screen shrunk by a video call.
    constexpr qreal kClear = flowrules::kBorderClear;
    constexpr qreal kLong = flowrules::kSharedSlack;
    int count = 0;
    for (int i = 1; i < route.size(); ++i) {
        const QPointF a = route[i - 1];
        const QPointF b = route[i];
        if (std::abs(a.y() - b.y()) < 0.5 && std::abs(a.x() - b.x()) > kLong) {
            for (qreal y : m_horizontalGuides)
                if (std::abs(a.y() - y) < kClear)
                    ++count;
        } else if (std::abs(a.x() - b.x()) < 0.5 && std::abs(a.y() - b.y()) > kLong) {
            for (qreal x : m_verticalGuides)
                if (std::abs(a.x() - x) < kClear)
                    ++count;
        }
    }
    return count;
}

int FlowRouter::overlaps(const QPolygonF& route, const std::string& fromId, const std::string& toId) const
{
    // Two segments overlap when they are parallel, closer than kParallelGap, and share more than
    // a touch: parallel flows closer than that read as one thick line. Routes that share an
    // end may share a line (they meet there anyway).
    constexpr qreal kNear = flowrules::kParallelGap - 0.01;
    constexpr qreal kShared = flowrules::kSharedSlack;
    int count = 0;
    std::vector<std::size_t> seen;
    for (int i = 1; i < route.size(); ++i) {
        const QPointF a = route[i - 1];
        const QPointF b = route[i];
        const QRectF box = QRectF(a, b).normalized().adjusted(-kNear, -kNear, kNear, kNear);
        segmentsNear(box, seen);
        m_work += static_cast<long long>(seen.size());
        const bool horizontal = std::abs(a.y() - b.y()) < 0.5;
        for (std::size_t k : seen) {
            const Ends& ends = m_segmentEnds[k];
            if (!fromId.empty() && (ends.from == fromId || ends.from == toId || ends.to == fromId || ends.to == toId))
                continue;
            const QLineF& s = m_segments[k];
            const bool otherHorizontal = std::abs(s.y1() - s.y2()) < 0.5;
            if (horizontal != otherHorizontal)
                continue;
            qreal shared = 0;
            if (horizontal && std::abs(s.y1() - a.y()) < kNear)
                shared = std::min(std::max(a.x(), b.x()), std::max(s.x1(), s.x2())) -
                         std::max(std::min(a.x(), b.x()), std::min(s.x1(), s.x2()));
            else if (!horizontal && std::abs(s.x1() - a.x()) < kNear)
                shared = std::min(std::max(a.y(), b.y()), std::max(s.y1(), s.y2())) -
                         std::max(std::min(a.y(), b.y()), std::min(s.y1(), s.y2()));
            if (shared > kShared)
                ++count;
        }
    }
    return count;
}

void FlowRouter::setObstacles(const std::unordered_map<std::string, QRectF>& rects)
{
    clearRoutes();
    m_entries.clear();
    m_cells.clear();
    m_entries.reserve(rects.size());
    for (const auto& [id, rect] : rects) {
        const std::size_t index = m_entries.size();
        m_entries.push_back({id, rect});
        const int x0 = static_cast<int>(std::floor(rect.left() / kCell));
        const int x1 = static_cast<int>(std::floor(rect.right() / kCell));
        const int y0 = static_cast<int>(std::floor(rect.top() / kCell));
        const int y1 = static_cast<int>(std::floor(rect.bottom() / kCell));
        for (int cx = x0; cx <= x1; ++cx)
            for (int cy = y0; cy <= y1; ++cy)
                m_cells[cellKey(cx, cy)].push_back(index);
    }
}

std::vector<const QRectF*> FlowRouter::near(const QRectF& area, const std::string& fromId,
                                            const std::string& toId) const
{
    std::vector<const QRectF*> out;
    if (cellsOf(area, kCell) > static_cast<long long>(m_entries.size())) {
        // A box larger than the map's steps are many: looking at each step costs less.
        m_work += static_cast<long long>(m_entries.size());
        for (const Entry& e : m_entries)
            if (e.id != fromId && e.id != toId && e.rect.intersects(area))
                out.push_back(&e.rect);
        return out;
    }
    m_work += cellsOf(area, kCell);
    std::vector<std::size_t> indices;
    const int x0 = static_cast<int>(std::floor(area.left() / kCell));
    const int x1 = static_cast<int>(std::floor(area.right() / kCell));
    const int y0 = static_cast<int>(std::floor(area.top() / kCell));
    const int y1 = static_cast<int>(std::floor(area.bottom() / kCell));
    for (int cx = x0; cx <= x1; ++cx)
        for (int cy = y0; cy <= y1; ++cy)
            if (auto it = m_cells.find(cellKey(cx, cy)); it != m_cells.end())
                indices.insert(indices.end(), it->second.begin(), it->second.end());
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    m_work += static_cast<long long>(indices.size());
    for (std::size_t i : indices)
        if (m_entries[i].id != fromId && m_entries[i].id != toId && m_entries[i].rect.intersects(area))
            out.push_back(&m_entries[i].rect);
    return out;
}

int FlowRouter::crossings(const QPolygonF& route, const std::string& fromId, const std::string& toId) const
{
    const auto obstacles = near(route.boundingRect().adjusted(-1, -1, 1, 1), fromId, toId);
    int hits = 0;
    m_work += static_cast<long long>(obstacles.size()) * route.size();
    for (int i = 1; i < route.size(); ++i)
        for (const QRectF* r : obstacles)
            if (segmentHits(route[i - 1], route[i], *r))
                ++hits;
    return hits;
}

QPolygonF FlowRouter::plainRoute(const QRectF& a, const QRectF& b) const
{
    const QPointF ac = a.center();
    const QPointF bc = b.center();
    if (b.left() >= a.right() + 2) {
        const qreal mid = (a.right() + b.left()) / 2;
        return simplified(QPolygonF{{a.right(), ac.y()}, {mid, ac.y()}, {mid, bc.y()}, {b.left(), bc.y()}});
    }
    if (b.right() <= a.left() - 2) {
        const qreal mid = (b.right() + a.left()) / 2;
        return simplified(QPolygonF{{a.left(), ac.y()}, {mid, ac.y()}, {mid, bc.y()}, {b.right(), bc.y()}});
    }
    return QPolygonF{ac, bc};
}

QPolygonF FlowRouter::route(const std::string& fromId, const QRectF& a, const std::string& toId, const QRectF& b) const
{
    if (overBudget())
        return plainRoute(a, b);
    std::vector<QPolygonF> candidates;
    const QPointF ac = a.center();
    const QPointF bc = b.center();
    const qreal overlapTop = std::max(a.top(), b.top());
    const qreal overlapBottom = std::min(a.bottom(), b.bottom());
    const qreal overlapLeft = std::max(a.left(), b.left());
    const qreal overlapRight = std::min(a.right(), b.right());

    // Routes through the end steps themselves are never acceptable: those count as crossings
    // through the "self" check below.
    if (b.left() >= a.right() + 2) { // target to the right: the usual direction of time
        if (overlapBottom - overlapTop >= 16) {
            const qreal y = std::abs(ac.y() - bc.y()) < 1 ? ac.y() : (overlapTop + overlapBottom) / 2;
            candidates.push_back(QPolygonF{{a.right(), y}, {b.left(), y}});
        }
        const qreal mid = (a.right() + b.left()) / 2;
        for (qreal x : {mid, mid - 12, mid + 12, mid - 24, mid + 24, b.left() - kStub, a.right() + kStub})
            candidates.push_back(QPolygonF{{a.right(), ac.y()}, {x, ac.y()}, {x, bc.y()}, {b.left(), bc.y()}});
        if (b.top() > a.bottom()) { // below and to the right
            candidates.push_back(QPolygonF{{a.right(), ac.y()}, {bc.x(), ac.y()}, {bc.x(), b.top()}});
            candidates.push_back(QPolygonF{{ac.x(), a.bottom()}, {ac.x(), bc.y()}, {b.left(), bc.y()}});
        } else if (b.bottom() < a.top()) {
            candidates.push_back(QPolygonF{{a.right(), ac.y()}, {bc.x(), ac.y()}, {bc.x(), b.bottom()}});
            candidates.push_back(QPolygonF{{ac.x(), a.top()}, {ac.x(), bc.y()}, {b.left(), bc.y()}});
        }
    } else if (b.right() <= a.left() - 2) { // target to the left: a loop back
        const qreal mid = (b.right() + a.left()) / 2;
        candidates.push_back(QPolygonF{{a.left(), ac.y()}, {mid, ac.y()}, {mid, bc.y()}, {b.right(), bc.y()}});
    }
    if (b.top() >= a.bottom() + 2) { // below
        if (overlapRight - overlapLeft >= 16) {
            const qreal x = std::abs(ac.x() - bc.x()) < 1 ? ac.x() : (overlapLeft + overlapRight) / 2;
            candidates.push_back(QPolygonF{{x, a.bottom()}, {x, b.top()}});
        }
        // Between steps in neighbouring lanes the middle is often the lane border itself; the
        // offsets give a way off it on either side and keep parallel flows apart.
        const qreal mid = (a.bottom() + b.top()) / 2;
        for (qreal y : {mid, mid - 12, mid + 12, mid - 24, mid + 24, mid - 36, mid + 36})
            if (y == mid || (y > a.bottom() + 6 && y < b.top() - 6))
                candidates.push_back(QPolygonF{{ac.x(), a.bottom()}, {ac.x(), y}, {bc.x(), y}, {bc.x(), b.top()}});
    } else if (b.bottom() <= a.top() - 2) { // above
        if (overlapRight - overlapLeft >= 16) {
            const qreal x = std::abs(ac.x() - bc.x()) < 1 ? ac.x() : (overlapLeft + overlapRight) / 2;
            candidates.push_back(QPolygonF{{x, a.top()}, {x, b.bottom()}});
        }
        const qreal mid = (b.bottom() + a.top()) / 2;
        for (qreal y : {mid, mid + 12, mid - 12, mid + 24, mid - 24, mid + 36, mid - 36})
            if (y == mid || (y > b.bottom() + 6 && y < a.top() - 6))
                candidates.push_back(QPolygonF{{ac.x(), a.top()}, {ac.x(), y}, {bc.x(), y}, {bc.x(), b.bottom()}});
    }

    // Around: leave from the right and enter from the left, passing below or above everything
    // in between. Also the route for loops back and for steps that overlap.
    const QRectF span = a.united(b);
    const auto between = near(span.adjusted(-kStub, -400, kStub, 400), fromId, toId);
    qreal lowest = span.bottom();
    qreal highest = span.top();
    const qreal x0 = std::min(a.right(), b.left()) - kStub;
    const qreal x1 = std::max(a.right(), b.left()) + kStub;
    for (const QRectF* r : between) {
        if (r->right() < x0 || r->left() > x1)
            continue;
        if (r->top() < span.bottom() + 200)
            lowest = std::max(lowest, r->bottom());
        if (r->bottom() > span.top() - 200)
            highest = std::min(highest, r->top());
    }
    const qreal outX = a.right() + kStub;
    const qreal inX = b.left() - kStub;
    // Over the top or under the bottom, leaving and entering vertically.
    candidates.push_back(QPolygonF{{ac.x(), a.top()}, {ac.x(), highest - kStub}, {bc.x(), highest - kStub},
                                   {bc.x(), b.top()}});
    for (qreal y : {lowest + kStub, highest - kStub, lowest + kStub + 12, highest - kStub - 12})
        candidates.push_back(QPolygonF{{a.right(), ac.y()}, {outX, ac.y()}, {outX, y}, {inX, y}, {inX, bc.y()},
                                       {b.left(), bc.y()}});
    candidates.push_back(QPolygonF{{ac.x(), a.bottom()}, {ac.x(), lowest + kStub}, {bc.x(), lowest + kStub},
                                   {bc.x(), b.bottom()}});

    // Candidates are in order of preference: the first clear one wins. Otherwise the best few
    // are nudged off the lines they share, and the least bad route is taken: passing through a
    // step is worse than sharing a line with another flow or a border, and shorter is better.
    struct Scored {
        long long conflicts;
        QPolygonF route;
    };
    std::vector<Scored> scored;
    bool nudgedFirst = false;
    for (const QPolygonF& raw : candidates) {
        QPolygonF c = simplified(raw);
        if (c.size() < 2)
            continue;
        const long long k = conflicts(c, fromId, a, toId, b);
        if (k == 0)
            return c;
        if (!nudgedFirst && k < 1000 && !overBudget()) {
            // The most natural route that only shares a line: slid off it, it beats a detour
            // round everything (which would send the flow through other lanes).
            nudgedFirst = true;
            QPolygonF n = nudged(c, fromId, a, toId, b);
            const long long kn = conflicts(n, fromId, a, toId, b);
            if (kn == 0)
                return n;
            scored.push_back({kn, std::move(n)});
        }
        scored.push_back({k, std::move(c)});
    }
    if (scored.empty())
        return QPolygonF{ac, bc};
    auto worse = [](const Scored& x, const Scored& y) {
        return x.conflicts * 20000 + static_cast<long long>(length(x.route)) <
               y.conflicts * 20000 + static_cast<long long>(length(y.route));
    };
    std::stable_sort(scored.begin(), scored.end(), worse);
    Scored best = scored.front();
    for (std::size_t i = 0; i < std::min<std::size_t>(3, scored.size()) && !overBudget(); ++i) {
        QPolygonF n = nudged(scored[i].route, fromId, a, toId, b);
        const Scored candidate{conflicts(n, fromId, a, toId, b), std::move(n)};
        if (candidate.conflicts == 0)
            return candidate.route;
        if (worse(candidate, best))
            best = candidate;
    }
    return best.route;
}

namespace {

// A run back through its own ends would look broken.
int selfHits(const QPolygonF& p, const QRectF& a, const QRectF& b)
{
    int hits = 0;
    for (int i = 1; i < p.size(); ++i) {
        if (i > 1 && segmentHits(p[i - 1], p[i], a))
            ++hits;
        if (i < p.size() - 1 && segmentHits(p[i - 1], p[i], b))
            ++hits;
    }
    return hits;
}

int sign(qreal v)
{
    return v > 0.5 ? 1 : (v < -0.5 ? -1 : 0);
}

} // namespace

long long FlowRouter::conflicts(const QPolygonF& route, const std::string& fromId, const QRectF& from,
                                const std::string& toId, const QRectF& to) const
{
    const long long hits = crossings(route, fromId, toId) + 10LL * selfHits(route, from, to);
    return hits * 1000 + overlaps(route, fromId, toId) + alongGuides(route);
}

QPolygonF FlowRouter::nudged(QPolygonF route, const std::string& fromId, const QRectF& from, const std::string& toId,
                             const QRectF& to) const
{
    // Where a port may go: on a flat side, clear of the corners; on any other shape, only the
    // middle of the side (a diamond's or a stadium's side touches its box there alone).
    auto portOk = [this](const std::string& id, const QRectF& r, const QPointF& p) {
        const bool onSide = std::abs(p.x() - r.left()) < 0.5 || std::abs(p.x() - r.right()) < 0.5;
        const bool onEnd = std::abs(p.y() - r.top()) < 0.5 || std::abs(p.y() - r.bottom()) < 0.5;
        if (!m_sliding.count(id))
            return (onSide && std::abs(p.y() - r.center().y()) < 0.5) || (onEnd && std::abs(p.x() - r.center().x()) < 0.5);
        constexpr qreal kCorner = 12;
        return (onSide && p.y() >= r.top() + kCorner && p.y() <= r.bottom() - kCorner) ||
               (onEnd && p.x() >= r.left() + kCorner && p.x() <= r.right() - kCorner);
    };
    long long current = conflicts(route, fromId, from, toId, to);
    constexpr qreal g = flowrules::kParallelGap;
    for (int round = 0; round < 3 && current > 0 && !overBudget(); ++round) {
        bool improved = false;
        for (int i = 1; i < route.size() && current > 0; ++i) {
            const bool horizontalSegment = std::abs(route[i - 1].y() - route[i].y()) < 0.5;
            for (qreal d : {g, -g, 2 * g, -2 * g, 3 * g, -3 * g, 4 * g, -4 * g}) {
                QPolygonF moved = route;
                for (int k : {i - 1, i})
                    (horizontalSegment ? moved[k].ry() : moved[k].rx()) += d;
                if (i - 1 == 0 && !portOk(fromId, from, moved[0]))
                    continue;
                if (i == route.size() - 1 && !portOk(toId, to, moved[i]))
                    continue;
                // The bends either side keep their direction and some length: no doubling back.
                bool kept = true;
                for (int k : {i - 1, i + 1}) {
                    if (k < 1 || k >= route.size())
                        continue;
                    const QPointF before = route[k] - route[k - 1];
                    const QPointF after = moved[k] - moved[k - 1];
                    if (sign(before.x()) != sign(after.x()) || sign(before.y()) != sign(after.y()) ||
                        std::abs(after.x()) + std::abs(after.y()) < 6)
                        kept = false;
                }
                if (!kept)
                    continue;
                const long long k = conflicts(moved, fromId, from, toId, to);
                if (k < current) {
                    route = moved;
                    current = k;
                    improved = true;
                    break;
                }
            }
        }
        if (!improved)
            break;
    }
    return route;
}

} // namespace crosswalk
