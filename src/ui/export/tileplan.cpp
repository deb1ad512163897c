#include "ui/export/tileplan.h"

#include "crosswalk/layout/layout.h"

#include <algorithm>
#include <cmath>

namespace crosswalk {
namespace {

struct Span {
    qreal from;
    qreal to;
};

/// Cuts [begin, end] into parts pieces, each cut moved to the nearest place (within a fifth
/// of a piece) that no span covers; preferred places win when they are about as near.
std::vector<qreal> cutAxis(qreal begin, qreal end, int parts, const std::vector<Span>& spans,
                           const std::vector<qreal>& preferred)
{
    std::vector<qreal> cuts{begin};
    const qreal piece = (end - begin) / parts;
    auto free = [&](qreal at) {
        return std::none_of(spans.begin(), spans.end(), [at](const Span& s) { return s.from < at && at < s.to; });
    };
    for (int k = 1; k < parts; ++k) {
        const qreal ideal = begin + piece * k;
        const qreal reach = piece * 0.2;
        qreal best = ideal;
        qreal bestCost = 1e18;
        for (qreal at : preferred)
            if (std::abs(at - ideal) <= reach * 1.5 && std::abs(at - ideal) * 0.5 < bestCost && free(at)) {
                best = at;
                bestCost = std::abs(at - ideal) * 0.5;
            }
        for (qreal d = 0; d <= reach; d += 5)
            for (qreal at : {ideal - d, ideal + d})
                if (d < bestCost && free(at)) {
                    best = at;
                    bestCost = d;
                }
        // Keep cuts in order and every piece at least half its share.
        best = std::clamp(best, cuts.back() + piece * 0.5, end - piece * 0.5 * (parts - k));
        cuts.push_back(best);
    }
    cuts.push_back(end);
    return cuts;
}

} // namespace

TilePlan::TilePlan(const Map& map, const QRectF& content, int columns, int rows, const std::vector<QRectF>& keepWhole)
    : m_columns(std::max(1, columns)), m_rows(std::max(1, rows))
{
    std::vector<Span> xs;
    std::vector<Span> ys;
    for (const Step& s : map.steps) {
        const layout::Rect r = layout::stepRect(map, s);
        // A little room around each step for its badges and the arrowheads that reach it.
        xs.push_back({r.x - 8.0, r.x + r.w + 8.0});
        ys.push_back({r.y - 30.0, r.y + r.h + 8.0});
    }
    for (const QRectF& r : keepWhole) {
        xs.push_back({r.left() - 4.0, r.right() + 4.0});
        ys.push_back({r.top() - 4.0, r.bottom() + 4.0});
    }
    std::vector<qreal> phaseBorders;
    qreal x = 0;
    for (const Phase& p : map.phases)
        phaseBorders.push_back(x += p.width);
    std::vector<qreal> laneBorders;
    qreal y = 0;
    for (const Lane& l : map.lanes)
        laneBorders.push_back(y += l.height);
    m_xs = cutAxis(content.left(), content.right(), m_columns, xs, phaseBorders);
    m_ys = cutAxis(content.top(), content.bottom(), m_rows, ys, laneBorders);
}

QRectF TilePlan::tile(int column, int row) const
{
    return QRectF(QPointF(m_xs[static_cast<std::size_t>(column)], m_ys[static_cast<std::size_t>(row)]),
                  QPointF(m_xs[static_cast<std::size_t>(column) + 1], m_ys[static_cast<std::size_t>(row) + 1]));
}

QString TilePlan::label(int column, int row)
{
    QString letters;
    for (int c = column; c >= 0; c = c / 26 - 1)
        letters.prepend(QChar('A' + c % 26));
    return letters + QString::number(row + 1);
}

} // namespace crosswalk
