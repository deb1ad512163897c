#include "ui/canvas/movestepstool.h"

#include "crosswalk/interact/gestures.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"

#include <cmath>

namespace crosswalk {
namespace {
constexpr qreal kDragThreshold = 4; // a click that wobbles is not a move
} // namespace

MoveStepsTool::MoveStepsTool(MapScene& scene, const QPointF& start, bool snap)
    : m_scene(scene), m_start(start), m_snap(snap)
{
    for (const std::string& id : m_scene.selectedStepIds())
        if (StepItem* item = m_scene.stepItem(id))
            m_origin.emplace(id, item->sceneRectOfStep());
}

QPointF MoveStepsTool::delta(const QPointF& scenePos) const
{
    QPointF d = scenePos - m_start;
    if (m_snap)
        d = QPointF(layout::snap(static_cast<int>(std::lround(d.x()))),
                    layout::snap(static_cast<int>(std::lround(d.y()))));
    return d;
}

void MoveStepsTool::move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    if (!m_started && (scenePos - m_start).manhattanLength() < kDragThreshold)
        return;
    m_started = true;
    const QPointF d = delta(scenePos);
    std::unordered_map<std::string, QRectF> rects;
    for (const auto& [id, r] : m_origin) {
        QRectF moved = r.translated(d);
        moved.moveLeft(std::max<qreal>(0, moved.left()));
        moved.moveTop(std::max<qreal>(0, moved.top()));
        rects.emplace(id, moved);
    }
    m_scene.previewStepRects(rects);
}

void MoveStepsTool::release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    MapDocument* doc = m_scene.document();
    if (!m_started || !doc)
        return;
    const Map& map = doc->map();
    const QPointF d = delta(scenePos);
    MoveSteps moves;
    for (const Step& step : map.steps) {
        auto it = m_origin.find(step.id);
        if (it == m_origin.end())
            continue;
        const QRectF r = it->second.translated(d);
        // The lane is the one the step's middle is dropped in; the step keeps its top inside
        // it, and the lane grows below if the step hangs over its bottom edge.
        const std::string lane = layout::laneAt(map, static_cast<int>(std::lround(r.center().y())));
        int x = static_cast<int>(std::lround(r.left()));
        int y = static_cast<int>(std::lround(r.top())) - layout::laneTop(map, lane);
        if (m_snap) {
            x = layout::snap(x);
            y = layout::snap(y);
        }
        x = std::max(0, x);
        y = std::max(0, y);
        const std::string phase = layout::phaseAt(map, x + step.w / 2);
        if (lane == step.lane && phase == step.phase && x == step.x && y == step.y)
            continue;
        moves.moves.push_back({step.id, lane, phase, x, y});
    }
    if (moves.moves.empty()) {
        m_scene.previewStepRects({});
        return;
    }
    const std::size_t n = moves.moves.size();
    const std::string name = n == 1 ? "Move step" : "Move " + std::to_string(n) + " steps";
    if (!doc->push(gestures::withRoomToFit(map, name, {std::move(moves)}), QString::fromStdString(name)))
        m_scene.previewStepRects({});
}

void MoveStepsTool::cancel()
{
    if (m_started)
        m_scene.previewStepRects({});
}

} // namespace crosswalk
