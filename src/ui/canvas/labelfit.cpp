#include "ui/canvas/labelfit.h"

#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/stepshape.h"
#include "ui/common/pixelfont.h"

#include <QFontMetricsF>
#include <QString>

namespace crosswalk::labelfit {

namespace {

bool fits(const Step& step, const QString& text, const QFontMetricsF& fm)
{
    if (step.kind == StepKind::Decision)
        return StepShape::labelLines(step.kind, QRectF(0, 0, step.w, step.h), text, pixelFont(canvasstyle::kLabelPx)).fits;
    const QRectF area = StepShape::labelRect(step.kind, QRectF(0, 0, step.w, step.h));
    const QRectF needed = fm.boundingRect(area, Qt::AlignCenter | Qt::TextWordWrap, text);
    return needed.height() <= area.height() + 0.5 && needed.width() <= area.width() + 0.5;
}

} // namespace

Step grownToShowLabel(Step step)
{
    const QString text = QString::fromStdString(step.label);
    if (text.trimmed().isEmpty())
        return step;
    const QFontMetricsF fm(pixelFont(canvasstyle::kLabelPx));
    if (fits(step, text, fm))
        return step;
    const Step original = step;
    if (step.kind == StepKind::Decision) {
        // A diamond holds text only near its middle: grow it across and down together, keeping
        // its shape, rather than into a tall needle.
        while ((step.h < kMaxAutoHeight || step.w < kMaxAutoWidth) && !fits(step, text, fm)) {
            step.h = std::min(kMaxAutoHeight, step.h + layout::kGrid);
            step.w = std::min(kMaxAutoWidth, step.w + 2 * layout::kGrid);
        }
        return step;
    }
    while (step.h < kMaxAutoHeight && !fits(step, text, fm))
        step.h = std::min(kMaxAutoHeight, step.h + layout::kGrid);
    while (step.w < kMaxAutoWidth && !fits(step, text, fm)) {
        step.w = std::min(kMaxAutoWidth, step.w + 2 * layout::kGrid);
        // Wider first makes lines longer: take back height it no longer needs.
        while (step.h > original.h && fits(Step{step.id, step.lane, step.phase, step.kind, step.label, step.notes,
                                                step.x, step.y, step.w, step.h - layout::kGrid},
                                           text, fm))
            step.h -= layout::kGrid;
    }
    return step;
}

} // namespace crosswalk::labelfit
