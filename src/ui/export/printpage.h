#pragma once

#include "ui/export/exportoptions.h"

#include <QByteArray>
#include <QColor>
#include <QRectF>
#include <QString>

#include <functional>

class QPainter;

namespace crosswalk::printpage {

// What every exported page shares: the title block, its type and colours, and the PDF
// writer. The map PDF (MapPrintout) and the comparison report (ComparisonPrintout) draw
// with these, so that their pages look alike on a table. Sizes are in points.

inline constexpr qreal kTitleBlockH = 56;
inline constexpr qreal kGap = 10;

inline QColor ink()
{
    return QColor(0x20, 0x21, 0x24);
}
inline QColor muted()
{
    return QColor(0x5F, 0x63, 0x68);
}
inline QColor rule()
{
    return QColor(0xB0, 0xB5, 0xBA);
}
inline QColor stripe()
{
    return QColor(0xF4, 0xF5, 0xF7);
}

/// "3 March 2026": the export date as the title block writes it.
QString dateText(const ExportOptions& options);

/// The paper in points, oriented, and the area inside the margins.
QSizeF pageSize(const ExportOptions& options);
QRectF contentArea(const ExportOptions& options);

/// The right of the title block: the page's name in large type ("B2", "Grid") over
/// "page N of M". Returns the width it takes, with the gap to what is left of it.
qreal paintPageTag(QPainter& painter, const QRectF& block, const QString& name, int index, int count);

/// The left of the title block, leftWidth wide: the title, then two lines of facts (what
/// this is; which version and when), each shortened with an ellipsis when too long. Then
/// the rule under the whole block.
void paintTitleText(QPainter& painter, const QRectF& block, qreal leftWidth, const QString& title, const QString& what,
                    const QString& when);

/// The whole document as PDF on options' paper, in colour or grey: vector, text as text,
/// fonts embedded. paint(painter, page) draws a page in points from the paper's top left.
/// Throws ExportError.
QByteArray writePdf(const ExportOptions& options, const QString& documentName, int pageCount,
                    const std::function<void(QPainter&, int)>& paint);

} // namespace crosswalk::printpage
