#pragma once

#include <QPointF>

namespace crosswalk {

/// One mouse gesture on the canvas (move steps, draw a flow, resize or reorder a lane or
/// phase), alive from press to release. It shows its own feedback while it runs and pushes
/// exactly one edit on release, so that every gesture is one undo step.
class CanvasTool {
public:
    virtual ~CanvasTool() = default;
    virtual void move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) = 0;
    virtual void release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers) = 0;
    /// Esc, or the document went away: drop the feedback, push nothing.
    virtual void cancel() = 0;
    /// The cursor the view shows while the tool runs.
    virtual Qt::CursorShape cursor() const { return Qt::ArrowCursor; }
};

} // namespace crosswalk
