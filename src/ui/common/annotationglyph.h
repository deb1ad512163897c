#pragma once

#include "crosswalk/model/map.h"

#include <QColor>
#include <QIcon>
#include <QRectF>
#include <QtGlobal>

#include <cstddef>
#include <optional>

class QPainter;

namespace crosswalk {

// One glyph per annotation kind, shared by the annotations panel, the horizons view and
// the canvas badges, so that a kind looks the same everywhere. Each kind differs by shape,
// not only by colour, so that the glyphs stay apart in greyscale print-outs, on a
// compressed screen share and for colour-blind viewers:
//   black box    filled square            harm point   triangle with "!"
//   variation    wave with I or U         question     circle with "?"
//   insight      star                     change idea  arrow with the horizon number

/// Lets kinds live in a QSet (AnnotationsPanel::hiddenKinds()); Qt 6.4 has no qHash for enums.
inline std::size_t qHash(AnnotationKind kind, std::size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(kind), seed);
}

/// The kind's colour (Okabe-Ito palette, safe for colour-blind viewers).
QColor annotationColor(AnnotationKind kind);

/// Paints the kind's glyph centred in rect (a square is used when rect is not one).
/// horizon is drawn on a change idea, variation as "I" / "U" on a variation; when they
/// are empty (not set yet, or a legend entry for the whole kind) the glyph has no number
/// or letter.
void paintAnnotationGlyph(QPainter& painter, const QRectF& rect, AnnotationKind kind, std::optional<int> horizon = {},
                          std::optional<Variation> variation = {});
/// The same for an annotation's own kind, horizon and variation.
void paintAnnotationGlyph(QPainter& painter, const QRectF& rect, const Annotation& annotation);

/// The glyph as an icon, rendered at several sizes so that it stays crisp in lists and menus.
QIcon annotationIcon(AnnotationKind kind, std::optional<int> horizon = {}, std::optional<Variation> variation = {});
QIcon annotationIcon(const Annotation& annotation);

} // namespace crosswalk
