#pragma once

#include "ui/canvas/canvastool.h"

#include <functional>
#include <string>

class QGraphicsPathItem;

namespace crosswalk {

class MapScene;
class StepItem;

/// Draws a flow from a step's handle. Released on another step it adds the flow; released on
/// empty lane space it adds a new step there, connected, and hands it over for its label.
class ConnectTool final : public CanvasTool {
public:
    ConnectTool(MapScene& scene, std::string fromId, const QPointF& start, bool snap,
                std::function<void(const std::string&)> editNewStep);
    ~ConnectTool() override;

    void move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) override;
    void cancel() override;
    Qt::CursorShape cursor() const override { return Qt::CrossCursor; }

private:
    StepItem* targetAt(const QPointF& scenePos) const;
    void setTarget(StepItem* target);
    void clear();

    MapScene& m_scene;
    std::string m_fromId;
    QPointF m_start;
    bool m_snap = true;
    std::function<void(const std::string&)> m_editNewStep;
    QGraphicsPathItem* m_line = nullptr;
    std::string m_targetId;
};

} // namespace crosswalk
