#pragma once

#include "crosswalk/model/kinds.h"

#include <QPainterPath>
#include <QRectF>

class QPainter;

namespace crosswalk {

/// The outline of each step kind. Kinds differ by shape, not by colour, so that a map
/// printed in black and white or seen by a colour-blind reader still says what each step is.
/// Shared by the canvas and by export, so both draw the same symbols.
class StepShape final {
public:
    /// The closed outline, filled white and stroked.
    static QPainterPath outline(StepKind kind, const QRectF& r);
    /// Extra lines drawn inside the outline (meeting side bars, cylinder rim).
    static QPainterPath decoration(StepKind kind, const QRectF& r);
    /// Where the label goes: the part of the shape that is wide enough for text.
    static QRectF labelRect(StepKind kind, const QRectF& r);
    /// Outline stroke width; an end step is drawn heavier than a start step.
    static qreal borderWidth(StepKind kind);
    /// Paints the whole symbol (fill, outline, decoration) without the label.
    static void paint(QPainter& painter, StepKind kind, const QRectF& r, const QColor& ink);
    /// The same with outline and decoration built beforehand (the canvas keeps them per step).
    static void paint(QPainter& painter, StepKind kind, const QPainterPath& outline, const QPainterPath& decoration,
                      const QColor& ink);
};

} // namespace crosswalk
