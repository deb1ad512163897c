#pragma once

#include "ui/canvas/canvastool.h"

#include <string>

class QGraphicsLineItem;

namespace crosswalk {

class MapScene;

/// Drags a lane's bottom border or a phase's right border. A guide line shows the new border;
/// on release one ResizeLane / ResizePhase is pushed. A lane never gets shorter than its steps
/// need; a phase never narrower than its steps.
class ResizeTool final : public CanvasTool {
public:
    enum class Target { Lane, Phase };
    ResizeTool(MapScene& scene, Target target, std::string id, const QPointF& start);
    ~ResizeTool() override;

    void move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void cancel() override;
    Qt::CursorShape cursor() const override
    {
        return m_target == Target::Lane ? Qt::SizeVerCursor : Qt::SizeHorCursor;
    }

private:
    int sizeFor(const QPointF& scenePos) const;
    int minimum() const;

    MapScene& m_scene;
    Target m_target;
    std::string m_id;
    QPointF m_start;
    int m_origin = 0;   // lane top or phase left
    int m_original = 0; // height or width before the drag
    QGraphicsLineItem* m_guide = nullptr;
};

} // namespace crosswalk
