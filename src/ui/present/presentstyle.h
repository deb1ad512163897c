#pragma once

#include "ui/common/pixelfont.h"

#include <QColor>
#include <QFont>

#include <array>

namespace crosswalk::presentstyle {

// Presentation mode is drawn for a 1920x1080 screen that a video call shrinks to about
// 960x540 and compresses. Map text is in map units and the presentation view never zooms
// below kMinScale, so no label on the map is ever smaller than kLabelPx on screen; lane and
// phase names, captions and help are drawn in screen pixels on top of the map.

inline constexpr double kMinScale = 1.0;  // a map unit is at least one screen pixel
inline constexpr double kMaxScale = 1.7;  // the walk zooms in no further than this
inline constexpr int kLabelPx = 18;       // step labels, flow labels: the smallest text on screen
inline constexpr int kBadgePx = 18;       // annotation numbers and vote counts
inline constexpr int kHeaderPx = 22;      // lane and phase names (screen pixels)
inline constexpr int kCaptionPx = 22;     // the thin caption at the top (screen pixels)
inline constexpr int kBigCaptionPx = 26;  // the step caption at the bottom while walking
inline constexpr int kLaneColumnPx = 230; // lane names column, screen pixels
inline constexpr int kPhaseRowPx = 46;    // phase names row, screen pixels
inline constexpr int kTopBarPx = 52;      // title, district, timer and clock
inline constexpr qreal kStepInflate = 8;  // steps drawn this much larger on every side, for the larger type
inline constexpr qreal kStepGap = 16;
inline constexpr int kLaneMarkPx = 30;     // height of a mark at a lane header (screen pixels)     // at least this much between two steps grown for their labels

inline constexpr qreal kStepStroke = 3.0;
inline constexpr qreal kBadgeHeight = 30; // a mark's badge on a step's top edge (half of it above)
inline constexpr qreal kFlowStroke = 3.5;
inline constexpr qreal kDimOpacity = 0.18;

// Okabe-Ito: the eight colours that stay apart for the common colour-vision deficiencies.
inline QColor black()
{
    return QColor(0x00, 0x00, 0x00);
}
inline QColor orange()
{
    return QColor(0xE6, 0x9F, 0x00);
}
inline QColor skyBlue()
{
    return QColor(0x56, 0xB4, 0xE9);
}
inline QColor bluishGreen()
{
    return QColor(0x00, 0x9E, 0x73);
}
inline QColor yellow()
{
    return QColor(0xF0, 0xE4, 0x42);
}
inline QColor blue()
{
    return QColor(0x00, 0x72, 0xB2);
}
inline QColor vermillion()
{
    return QColor(0xD5, 0x5E, 0x00);
}
inline QColor reddishPurple()
{
    return QColor(0xCC, 0x79, 0xA7);
}

inline QColor ink()
{
    return QColor(0x11, 0x11, 0x11);
}
inline QColor handoffInk()
{
    return blue();
}
/// The step being walked: a thick blue halo.
inline QColor current()
{
    return blue();
}
/// The branch the walk will follow at a decision.
inline QColor chosenBranch()
{
    return vermillion();
}
inline QColor captionBack()
{
    return QColor(0x11, 0x11, 0x11);
}
inline QColor captionText()
{
    return QColor(0xFF, 0xFF, 0xFF);
}

/// Lane markers in the lane column, cycled: Okabe-Ito without black and yellow (which read
/// poorly as a thin bar on white).
inline const std::array<QColor, 6>& laneMarkers()
{
    static const std::array<QColor, 6> colours{blue(),          orange(),  bluishGreen(),
                                               reddishPurple(), skyBlue(), vermillion()};
    return colours;
}
/// Lane bands alternate white and a light grey: the contrast survives compression where pale
/// tints do not.
inline QColor bandFill(std::size_t laneIndex)
{
    return laneIndex % 2 == 0 ? QColor(0xFF, 0xFF, 0xFF) : QColor(0xEE, 0xEF, 0xF1);
}

} // namespace crosswalk::presentstyle
