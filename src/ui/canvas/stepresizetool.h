#pragma once

#include "ui/canvas/canvastool.h"

#include <QRectF>

#include <string>

class QGraphicsRectItem;

namespace crosswalk {

class MapScene;

/// Drags a selected step's bottom-right grip to resize it. A dashed outline shows the new
/// size; on release one edit is pushed (the step's new size, and the lane and phase growing
/// to hold it). Sizes snap to the grid when snapping is on, and never go below a size that
/// still holds a short label.
class StepResizeTool final : public CanvasTool {
  public:
    static constexpr int kMinWidth = 60;
    static constexpr int kMinHeight = 40;
    static constexpr int kMaxSize = 2000;

    StepResizeTool(MapScene& scene, std::string stepId, const QPointF& start, bool snap);
    ~StepResizeTool() override;

    void move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void cancel() override;
    Qt::CursorShape cursor() const override { return Qt::SizeFDiagCursor; }

  private:
    QSize sizeFor(const QPointF& scenePos) const;

    MapScene& m_scene;
    std::string m_id;
    QPointF m_start;
    bool m_snap;
    QRectF m_original; // the step's rectangle before the drag (scene coordinates)
    QGraphicsRectItem* m_guide = nullptr;
};

} // namespace crosswalk
