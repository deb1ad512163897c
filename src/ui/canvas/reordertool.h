#pragma once

#include "ui/canvas/canvastool.h"

#include <cstddef>
#include <string>

class QGraphicsRectItem;
class QGraphicsLineItem;

namespace crosswalk {

class MapScene;

/// Drags a lane or phase by its header to a new place. A ghost follows the mouse and a line
/// shows where it will land; on release one ReorderLane / ReorderPhase moves it with all its
/// steps.
class ReorderTool final : public CanvasTool {
public:
    enum class Target { Lane, Phase };
    ReorderTool(MapScene& scene, Target target, std::string id, const QPointF& start);
    ~ReorderTool() override;

    void move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void cancel() override;
    Qt::CursorShape cursor() const override { return m_started ? Qt::ClosedHandCursor : Qt::ArrowCursor; }
    bool started() const { return m_started; }

private:
    /// Where the dragged lane/phase would be inserted, as an index in the current order
    /// (0 .. count), and the border there in map units.
    std::size_t insertionAt(const QPointF& scenePos, int* border) const;
    void clear();

    MapScene& m_scene;
    Target m_target;
    std::string m_id;
    QPointF m_start;
    bool m_started = false;
    int m_origin = 0;
    int m_size = 0;
    QGraphicsRectItem* m_ghost = nullptr;
    QGraphicsLineItem* m_marker = nullptr;
};

} // namespace crosswalk
