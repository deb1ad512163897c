#pragma once

#include "crosswalk/model/kinds.h"

#include <QPainterPath>
#include <QRectF>
#include <QStringList>

#include <vector>

class QFont;

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
    /// Where the label goes: the part of the shape that is wide enough for text. For a
    /// decision, the largest box of its proportions inside the diamond (for the label editor;
    /// the label itself is laid out line by line, see labelLines()).
    static QRectF labelRect(StepKind kind, const QRectF& r);
    /// The label wrapped at spaces as it is drawn: each line's text and box (in r's
    /// coordinates), the block centred in the label area. A decision's lines each get the
    /// width the diamond has at their height, so that no text leaves the diamond.
    struct LabelLines {
        QStringList texts;
        std::vector<QRectF> boxes;
        bool fits = false; // the whole text, each line within its width, all inside the shape
    };
    static LabelLines labelLines(StepKind kind, const QRectF& r, const QString& text, const QFont& font);
    /// Outline stroke width; an end step is drawn heavier than a start step.
    static qreal borderWidth(StepKind kind);
    /// Paints the whole symbol (fill, outline, decoration) without the label.
    static void paint(QPainter& painter, StepKind kind, const QRectF& r, const QColor& ink);
    /// The same with outline and decoration built beforehand (the canvas keeps them per step).
    static void paint(QPainter& painter, StepKind kind, const QPainterPath& outline, const QPainterPath& decoration,
                      const QColor& ink);
};

} // namespace crosswalk
