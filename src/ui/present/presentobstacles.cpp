#include "ui/present/presentobstacles.h"

#include <cmath>

namespace crosswalk {

namespace {
int cell(double v, double size)
{
    return static_cast<int>(std::floor(v / size));
}
} // namespace

void PresentObstacles::clear()
{
    m_cells.clear();
    m_compared = 0;
}

void PresentObstacles::add(Kind kind, const QRectF& r)
{
    if (r.isNull() || !std::isfinite(r.left()) || !std::isfinite(r.right()) || !std::isfinite(r.top()) ||
        !std::isfinite(r.bottom()))
        return;
    // Each rectangle is kept in every cell it covers.
    const int left = cell(r.left(), kCell);
    const int right = cell(r.right(), kCell);
    const int top = cell(r.top(), kCell);
    const int bottom = cell(r.bottom(), kCell);
    const double cells = (static_cast<double>(right) - left + 1) * (static_cast<double>(bottom) - top + 1);
    if (cells > 4096) {
        // Such a rectangle is rare (steps are at most 2,000 units); keep it in one overflow cell.
        m_cells[key(INT32_MIN, INT32_MIN)].push_back({kind, r});
        return;
    }
    for (int c = left; c <= right; ++c)
        for (int w = top; w <= bottom; ++w)
            m_cells[key(c, w)].push_back({kind, r});
}

bool PresentObstacles::hits(const QRectF& r, unsigned kinds) const
{
    if (const auto big = m_cells.find(key(INT32_MIN, INT32_MIN)); big != m_cells.end()) {
        m_compared += big->second.size();
        for (const Entry& e : big->second)
            if ((e.kind & kinds) && e.rect.intersects(r))
                return true;
    }
    const int left = cell(r.left(), kCell);
    const int right = cell(r.right(), kCell);
    const int top = cell(r.top(), kCell);
    const int bottom = cell(r.bottom(), kCell);
    for (int c = left; c <= right; ++c)
        for (int w = top; w <= bottom; ++w) {
            const auto it = m_cells.find(key(c, w));
            if (it == m_cells.end())
                continue;
            m_compared += it->second.size() + 1;
            for (const Entry& e : it->second)
                if ((e.kind & kinds) && e.rect.intersects(r))
                    return true;
        }
    return false;
}

} // namespace crosswalk
