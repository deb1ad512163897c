#pragma once

// Shared by the files of the comparison report (comparisonprintout*.cpp): type sizes,
// samples and glyphs. Internal to the report.

#include "ui/compare/comparestyle.h"
#include "ui/print/exportfonts.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QString>

#include <cstddef>

namespace crosswalk::printoutparts {

namespace cs = comparestyle;

// Type and spacing in points, as in the map PDF: 9 pt body.
constexpr qreal kPairH = 34;
constexpr qreal kGroupH = 24;
constexpr qreal kNoneH = 18;
constexpr qreal kContinuedH = 22;        // a pair's name again, atop a page that goes on with its tables
constexpr qreal kMaxOverlayScale = 0.75; // the comparison window at 100 %: 1 px = 0.75 pt

/// True when every word of text fits width in font (a word wider than its column is cut).
inline bool wordsFit(const QFont& font, qreal width, const QString& text)
{
    const QFontMetricsF metrics(font);
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (metrics.horizontalAdvance(word) > width)
            return false;
    return true;
}

inline QString gridIntro()
{
    return QStringLiteral(
        "What each district's lane holds, lane by lane (lanes lined up by role). The figures sit side "
        "by side to be read, not added up: no district is scored or ranked.");
}

inline QString summaryIntro()
{
    return QStringLiteral("Lane by lane (lanes lined up by role), which districts mark black boxes, harm points or "
                          "variation there. Districts are named in the order they were compared: the page says where "
                          "to look together, and scores or ranks no district.");
}

inline QString differencesIntro()
{
    return QStringLiteral("Pair by pair: the steps without a match; each matched step with its partner; the black "
                          "boxes, harm points and variation one district marks and the other does not, stated only "
                          "across matches a person confirmed or the engine proposed with a score of at least 0.85; "
                          "and those marked on steps with no counterpart.");
}

inline QString counted(int n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

using GlyphDraw = void (*)(QPainter&, const QRectF&);
/// The grid's figures, in order: steps, handoffs, black boxes, harm points, variations.
constexpr GlyphDraw kFigureGlyphs[] = {cs::drawStepsGlyph, cs::drawHandoffGlyph, cs::drawBlackBoxGlyph,
                                       cs::drawHarmGlyph, cs::drawVariationGlyph};

/// A comparison glyph (drawn at 18 px in the views) at size s points, its top left at p.
inline void glyph(QPainter& painter, const QPointF& p, qreal s, GlyphDraw draw)
{
    painter.save();
    painter.translate(p);
    painter.scale(s / 18.0, s / 18.0);
    draw(painter, QRectF(0, 0, 18, 18));
    painter.restore();
}

/// A district's sample for legends and headings: a short line in its colour and pattern,
/// then its initials on a badge of its colour.
inline void paintDistrictSample(QPainter& painter, const QPointF& leftCentre, std::size_t index, const QString& initials,
                          bool line = true)
{
    painter.save();
    const QColor colour = cs::districtColor(index);
    qreal x = leftCentre.x();
    if (line) {
        QPainterPath path;
        path.moveTo(x, leftCentre.y());
        path.lineTo(x + 24, leftCentre.y());
        cs::strokeOutline(painter, path, cs::districtOutline(index), colour, 2.4);
        x += 28;
    }
    const QFont font = ExportFonts::font(7, true);
    const qreal w = QFontMetricsF(font).horizontalAdvance(initials) + 8;
    const QRectF badge(x, leftCentre.y() - 6, w, 12);
    painter.setPen(QPen(Qt::black, 0.6));
    painter.setBrush(colour);
    painter.drawRoundedRect(badge, 2.5, 2.5);
    painter.setFont(font);
    painter.setPen(cs::textOn(colour));
    painter.drawText(badge, Qt::AlignCenter, initials);
    painter.restore();
}

} // namespace crosswalk::printoutparts
