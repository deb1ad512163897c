#pragma once

#include <QFont>

namespace crosswalk {

/// The application's font at px pixels: the canvas, the presentation and the comparison set
/// their text in pixels, not points, so that a map looks the same on every screen.
inline QFont pixelFont(int px, bool bold = false)
{
    QFont f;
    f.setPixelSize(px);
    f.setBold(bold);
    return f;
}

} // namespace crosswalk
