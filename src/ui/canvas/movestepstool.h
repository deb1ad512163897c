#pragma once

#include "ui/canvas/canvastool.h"

#include <QRectF>

#include <string>
#include <unordered_map>

namespace crosswalk {

class MapScene;

/// Drags the selected steps. They follow the mouse (on the grid when snapping) with their
/// flows; on release one MoveSteps, plus lane growth, is pushed as one Batch. A step dropped
/// in another lane moves to that lane, and its phase is the column it is dropped in.
class MoveStepsTool final : public CanvasTool {
public:
    MoveStepsTool(MapScene& scene, const QPointF& start, bool snap);

    void move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void cancel() override;
    Qt::CursorShape cursor() const override { return m_started ? Qt::ClosedHandCursor : Qt::ArrowCursor; }

private:
    QPointF delta(const QPointF& scenePos) const;

    MapScene& m_scene;
    QPointF m_start;
    bool m_snap = true;
    bool m_started = false;
    std::unordered_map<std::string, QRectF> m_origin;
};

} // namespace crosswalk
