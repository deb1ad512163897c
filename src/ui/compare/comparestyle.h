#pragma once

#include "ui/common/pixelfont.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QPixmap>
#include <QString>
#include <QStringList>

#include "crosswalk/model/map.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

namespace crosswalk::comparestyle {

// The comparison views are made to be read on a shared 1920x1080 screen that the audience
// sees shrunk by a video call: type is larger and lines thicker than on the editing canvas.

inline constexpr int kLabelPx = 16;
inline constexpr int kHeaderPx = 18;
inline constexpr int kTitlePx = 20;
inline constexpr int kSmallPx = 14;
inline constexpr int kUiPx = 16; // buttons, lists, check boxes

inline constexpr double kStepW = 170;
inline constexpr double kStepH = 66;
inline constexpr double kTrackGap = 14;    // vertical gap between two tracks of steps in one lane row
inline constexpr double kColumnWidth = 330; // one phase of the year, whatever its width in the map
inline constexpr double kLaneHeaderWidth = 220; // five phases and the headings fit 1920 px at 100 %
inline constexpr double kPhaseHeaderHeight = 48;
inline constexpr double kRowPadding = 14;
inline constexpr double kStackOffset = 9; // how far each district's copy of a matched step is shifted
inline constexpr double kOutlineWidth = 3.5;
inline constexpr double kGhostOpacity = 0.4;
inline constexpr double kGhostLabelOpacity = 0.75; // a faint step must still be readable

/// Okabe-Ito: eight colours that colour-blind readers tell apart and video compression keeps.
inline const std::array<QColor, 8>& districtColors()
{
    static const std::array<QColor, 8> colors{QColor("#0072B2"), QColor("#E69F00"), QColor("#009E73"),
                                              QColor("#CC79A7"), QColor("#56B4E9"), QColor("#D55E00"),
                                              QColor("#F0E442"), QColor("#000000")};
    return colors;
}

inline QColor districtColor(std::size_t index) { return districtColors()[index % districtColors().size()]; }

/// Text on a district-coloured badge: black on the light colours, white on the dark ones.
inline QColor textOn(const QColor& fill) { return fill.lightnessF() > 0.55 ? Qt::black : Qt::white; }

/// How a district's outlines are drawn. Colour alone is never the only cue: each district also
/// has its own line pattern, and a badge with its initials.
enum class Outline { Solid, Dashed, Dotted, Double, DashDot, LongDash, DashDotDot, DoubleDashed };

inline Outline districtOutline(std::size_t index)
{
    static constexpr std::array<Outline, 8> outlines{Outline::Solid,   Outline::Dashed,   Outline::Dotted,
                                                     Outline::Double,  Outline::DashDot,  Outline::LongDash,
                                                     Outline::DashDotDot, Outline::DoubleDashed};
    return outlines[index % outlines.size()];
}

inline QString outlineName(Outline outline)
{
    switch (outline) {
    case Outline::Solid: return QStringLiteral("solid");
    case Outline::Dashed: return QStringLiteral("dashed");
    case Outline::Dotted: return QStringLiteral("dotted");
    case Outline::Double: return QStringLiteral("double");
    case Outline::DashDot: return QStringLiteral("dash-dot");
    case Outline::LongDash: return QStringLiteral("long dash");
    case Outline::DashDotDot: return QStringLiteral("dash-dot-dot");
    case Outline::DoubleDashed: return QStringLiteral("double dashed");
    }
    return {};
}

/// The pen for a district's outline at the given width (the double styles draw twice, see strokeOutline).
inline QPen outlinePen(Outline outline, const QColor& color, qreal width)
{
    QPen pen(color, width);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::FlatCap);
    switch (outline) {
    case Outline::Solid:
    case Outline::Double:
        break;
    case Outline::Dashed:
    case Outline::DoubleDashed:
        pen.setDashPattern({3.0, 1.6});
        break;
    case Outline::Dotted:
        pen.setCapStyle(Qt::RoundCap);
        pen.setDashPattern({0.01, 1.9});
        break;
    case Outline::DashDot:
        pen.setDashPattern({3.2, 1.3, 0.7, 1.3});
        break;
    case Outline::LongDash:
        pen.setDashPattern({6.0, 1.6});
        break;
    case Outline::DashDotDot:
        pen.setDashPattern({3.2, 1.1, 0.7, 1.1, 0.7, 1.1});
        break;
    }
    return pen;
}

/// Strokes a path in a district's outline style; the double styles are a wide stroke with a
/// white core, so they read as two parallel lines.
inline void strokeOutline(QPainter& painter, const QPainterPath& path, Outline outline, const QColor& color,
                          qreal width = kOutlineWidth)
{
    painter.setBrush(Qt::NoBrush);
    if (outline == Outline::Double || outline == Outline::DoubleDashed) {
        const qreal wide = width * 1.9;
        painter.setPen(outlinePen(outline, color, wide));
        painter.drawPath(path);
        QPen core(Qt::white, wide / 3);
        core.setJoinStyle(Qt::RoundJoin);
        painter.setPen(core);
        painter.drawPath(path);
        return;
    }
    painter.setPen(outlinePen(outline, color, width));
    painter.drawPath(path);
}

/// A legend sample: a short line in the district's colour and pattern, with its initials badge.
inline QIcon districtIcon(std::size_t index, const QString& initials, int height = 28)
{
    const int width = height * 3;
    QPixmap pixmap(width, height);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor color = districtColor(index);
    QPainterPath line;
    line.moveTo(2, height / 2.0);
    line.lineTo(width * 0.55, height / 2.0);
    strokeOutline(p, line, districtOutline(index), color, 4);
    const QRectF badge(width * 0.58, 1, width * 0.42 - 1, height - 2);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(color);
    p.drawRoundedRect(badge, 5, 5);
    p.setFont(pixelFont(height * 11 / 20, true));
    p.setPen(textOn(color));
    p.drawText(badge, Qt::AlignCenter, initials);
    return QIcon(pixmap);
}

// Glyphs for what a lane or step holds. Each is a distinct shape in black, so that it reads
// in black and white and without colour vision; counts are always written beside them.

/// A black box: a filled black square.
inline void drawBlackBoxGlyph(QPainter& p, const QRectF& r)
{
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::black);
    p.drawRect(r.adjusted(2, 2, -2, -2));
}

/// A harm point: a warning triangle with an exclamation mark.
inline void drawHarmGlyph(QPainter& p, const QRectF& r)
{
    QPainterPath tri;
    tri.moveTo(r.center().x(), r.top() + 1);
    tri.lineTo(r.right() - 1, r.bottom() - 1);
    tri.lineTo(r.left() + 1, r.bottom() - 1);
    tri.closeSubpath();
    p.setPen(QPen(Qt::black, 1.5));
    p.setBrush(QColor("#FFD84D"));
    p.drawPath(tri);
    p.setPen(QPen(Qt::black, 2.2, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(r.center().x(), r.top() + r.height() * 0.35), QPointF(r.center().x(), r.bottom() - r.height() * 0.35));
    p.drawPoint(QPointF(r.center().x(), r.bottom() - r.height() * 0.2));
}

/// A variation: a wavy double line.
inline void drawVariationGlyph(QPainter& p, const QRectF& r)
{
    p.setPen(QPen(Qt::black, 2, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    for (qreal dy : {-r.height() * 0.17, r.height() * 0.17}) {
        QPainterPath wave;
        const qreal y = r.center().y() + dy;
        wave.moveTo(r.left() + 2, y);
        wave.cubicTo(r.left() + r.width() * 0.35, y - r.height() * 0.28, r.left() + r.width() * 0.65,
                     y + r.height() * 0.28, r.right() - 2, y);
        p.drawPath(wave);
    }
}

/// Steps: a small rounded box.
inline void drawStepsGlyph(QPainter& p, const QRectF& r)
{
    p.setPen(QPen(Qt::black, 2));
    p.setBrush(Qt::white);
    const QRectF box = r.adjusted(1, r.height() * 0.22, -1, -r.height() * 0.22);
    p.drawRoundedRect(box, 3, 3);
}

/// Handoffs: an arrow turning down into another lane.
inline void drawHandoffGlyph(QPainter& p, const QRectF& r)
{
    p.setPen(QPen(Qt::black, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    QPainterPath path;
    path.moveTo(r.left() + 2, r.top() + r.height() * 0.25);
    path.lineTo(r.center().x(), r.top() + r.height() * 0.25);
    path.lineTo(r.center().x(), r.bottom() - 3);
    path.moveTo(r.center().x() - r.width() * 0.22, r.bottom() - r.height() * 0.3);
    path.lineTo(r.center().x(), r.bottom() - 2);
    path.lineTo(r.center().x() + r.width() * 0.22, r.bottom() - r.height() * 0.3);
    p.drawPath(path);
}

inline QColor ink() { return QColor(0x20, 0x21, 0x24); }
inline QColor mutedInk() { return QColor(0x5F, 0x63, 0x68); }
inline QColor selection() { return QColor(0x1A, 0x73, 0xE8); }
inline QColor matchLine() { return QColor(0x3C, 0x40, 0x43); }
inline QColor rowFill(std::size_t row) { return row % 2 ? QColor(0xF4, 0xF6, 0xF8) : QColor(0xFF, 0xFF, 0xFF); }
inline QColor headerFill() { return QColor(0xE8, 0xEA, 0xED); }

/// Short, distinct tags for districts ("HC" for Harbor City Public Schools), used on badges so
/// that a district is named in text wherever its colour appears.
inline QStringList districtInitials(const QStringList& districts)
{
    static const QStringList skip{QStringLiteral("of"), QStringLiteral("the"), QStringLiteral("and")};
    QStringList out;
    for (const QString& district : districts) {
        QString tag;
        for (const QString& word : district.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (tag.size() == 2)
                break;
            if (!skip.contains(word.toLower()))
                tag += word.front().toUpper();
        }
        if (tag.isEmpty())
            tag = QStringLiteral("D");
        out << tag;
    }
    // Two districts with the same initials get a number, so that every badge is unique.
    for (qsizetype i = 0; i < out.size(); ++i)
        if (out.count(out[i]) > 1) {
            const QString base = out[i];
            int n = 1;
            for (qsizetype j = 0; j < out.size(); ++j)
                if (out[j] == base)
                    out[j] = base + QString::number(n++);
        }
    return out;
}

/// Where a step falls in the year, in [0, 1]: its phase index plus its place inside the phase,
/// over the number of phases. Maps whose phases have different widths line up phase by phase.
inline double yearPosition(const Map& map, const Step& step, double totalWidth)
{
    const auto index = map.phaseIndex(step.phase);
    if (map.phases.empty() || !index) {
        const double w = totalWidth > 0 ? totalWidth : 1.0;
        return std::clamp((step.x + step.w / 2.0) / w, 0.0, 1.0);
    }
    double left = 0;
    for (std::size_t i = 0; i < *index; ++i)
        left += map.phases[i].width;
    const double width = std::max(1, map.phases[*index].width);
    const double inside = std::clamp((step.x + step.w / 2.0 - left) / width, 0.0, 0.999);
    return (static_cast<double>(*index) + inside) / static_cast<double>(map.phases.size());
}

/// The left edge of a step box at year position t on a strip of `columns` phase columns: inside
/// its column, with a margin, so that a step never straddles two phases.
inline double columnX(double t, std::size_t columns, double columnWidth = kColumnWidth)
{
    const double scaled = t * static_cast<double>(columns);
    const double column = std::min(std::floor(scaled), static_cast<double>(columns) - 1);
    const double inside = scaled - column;
    const double margin = 10;
    return column * columnWidth + margin + inside * (columnWidth - kStepW - 2 * margin);
}

/// The left edge of a step box in phase column `column`, `inside` (in [0, 1)) of the way
/// through its phase, with the same margins as columnX().
inline double columnLeft(std::size_t column, double inside, double columnWidth = kColumnWidth)
{
    const double margin = 10;
    return static_cast<double>(column) * columnWidth + margin +
           std::clamp(inside, 0.0, 1.0) * (columnWidth - kStepW - 2 * margin);
}

/// Greedy packing of boxes of width `width` at the given left edges into tracks (stacked rows),
/// so that none overlap: returns the track of each box and the number of tracks.
inline std::vector<int> packTracks(const std::vector<double>& lefts, double width, int* trackCount)
{
    std::vector<std::size_t> order(lefts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lefts[a] < lefts[b]; });
    std::vector<double> ends; // right edge of the last box of each track
    std::vector<int> track(lefts.size(), 0);
    for (std::size_t i : order) {
        std::size_t t = 0;
        while (t < ends.size() && ends[t] > lefts[i] - 12)
            ++t;
        if (t == ends.size())
            ends.push_back(0);
        ends[t] = lefts[i] + width;
        track[i] = static_cast<int>(t);
    }
    if (trackCount)
        *trackCount = std::max<int>(1, static_cast<int>(ends.size()));
    return track;
}

} // namespace crosswalk::comparestyle
