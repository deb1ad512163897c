#pragma once

#include "ui/common/pixelfont.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <array>
#include <string>

namespace crosswalk::canvasstyle {

// Sizes are in map units (1 unit = 1 px at 100 %). Text sizes are in pixels, not points,
// so that a map looks the same on every screen and in every export: 15 px is 11 pt at 96 dpi,
// the smallest size that stays legible on a shared 1080p screen shrunk by a video call.

inline constexpr int kLaneHeaderWidth = 170;
inline constexpr int kPhaseHeaderHeight = 44;
inline constexpr int kRightMargin = 320;  // free room right of the map, so Tab always has a place to go
inline constexpr int kBottomMargin = 120;
inline constexpr int kNextStepGap = 60;   // gap left between a step and the one Tab creates after it
inline constexpr int kHandleRadius = 6;
inline constexpr int kHandleHitRadius = 10;
inline constexpr int kGripSize = 10;    // a selected step's resize grip, bottom right
inline constexpr int kGripHitSize = 8;  // half the side of the square that picks it
inline constexpr int kBorderHitSlack = 5; // how close to a lane/phase border the resize cursor appears

/// Below this scale (a large map fitted on screen) items draw simplified shapes without text.
inline constexpr double kOverviewLod = 0.2; // a demo map fitted on 1080p is at about 30 %

inline constexpr int kLabelPx = 15;
inline constexpr int kMinLabelPx = 12;
inline constexpr int kLaneNamePx = 17;
inline constexpr int kPhaseNamePx = 16;
inline constexpr int kFlowLabelPx = 14;

inline QColor ink() { return QColor(0x20, 0x21, 0x24); }           // outlines and text
inline QColor flowInk() { return QColor(0x4A, 0x4F, 0x57); }       // ordinary flows
inline QColor handoffInk() { return QColor(0x0B, 0x3D, 0x91); }    // flows that cross lanes
inline QColor selectionBlue() { return QColor(0x1A, 0x73, 0xE8); }
inline QColor laneBorder() { return QColor(0x80, 0x86, 0x8B); }
inline QColor phaseBorder() { return QColor(0xB0, 0xB5, 0xBA); }
inline QColor outsideFill() { return QColor(0xEC, 0xEE, 0xF1); }
/// A step marked as a black box: dark enough to read as opaque, light enough to show its outline.
inline QColor blackBoxFill() { return QColor(0x33, 0x33, 0x33); }
/// Steps highlighted from the insights or revisions panel (Okabe-Ito orange, distinct from selection blue).
inline QColor highlightOrange() { return QColor(0xE6, 0x9F, 0x00); }
inline QColor gridInk() { return QColor(0, 0, 0, 13); }

/// Soft colours for lanes and phases: light enough for black text, distinct enough to survive
/// video compression.
inline const std::array<QColor, 9>& softPalette()
{
    static const std::array<QColor, 9> palette{
        QColor("#E8F0FE"), QColor("#E6F4EA"), QColor("#FEF7E0"), QColor("#FCE8E6"), QColor("#F3E8FD"),
        QColor("#E0F4F7"), QColor("#FEEFE3"), QColor("#F1F3F4"), QColor("#FFFFFF")};
    return palette;
}
inline const std::array<QString, 9>& softPaletteNames()
{
    static const std::array<QString, 9> names{QStringLiteral("Blue"),   QStringLiteral("Green"),
                                              QStringLiteral("Yellow"), QStringLiteral("Rose"),
                                              QStringLiteral("Lilac"),  QStringLiteral("Teal"),
                                              QStringLiteral("Orange"), QStringLiteral("Grey"),
                                              QStringLiteral("White")};
    return names;
}

inline QColor modelColor(const std::string& text, const QColor& fallback = Qt::white)
{
    QColor c(QString::fromStdString(text));
    return c.isValid() ? c : fallback;
}

/// The band behind a lane's steps: the lane colour a little washed towards white, so that
/// white steps still stand out on it and the header reads as the lane's label.
inline QColor bandFill(const QColor& laneColor)
{
    return QColor((3 * laneColor.red() + 255) / 4, (3 * laneColor.green() + 255) / 4,
                  (3 * laneColor.blue() + 255) / 4);
}
/// The lane header: the lane colour a shade deeper than its band.
inline QColor headerFill(const QColor& laneColor)
{
    return laneColor == Qt::white ? QColor(0xF8, 0xF9, 0xFA) : laneColor.darker(106);
}

} // namespace crosswalk::canvasstyle
