#include "ui/compare/comparisonprintout.h"

#include "crosswalk/compare/compare.h"
#include "crosswalk/io/atomicfile.h"
#include "ui/canvas/stepshape.h"
#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestepitem.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/overlayview.h"
#include "ui/common/strings.h"
#include "ui/print/exportfonts.h"

#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>

namespace crosswalk {
namespace {

namespace cs = comparestyle;

// Type and spacing in points, as in the map PDF: 9 pt body.
constexpr qreal kPairH = 34;
constexpr qreal kGroupH = 24;
constexpr qreal kNoneH = 18;
constexpr qreal kContinuedH = 22;        // a pair's name again, atop a page that goes on with its tables
constexpr qreal kMaxOverlayScale = 0.75; // the comparison window at 100 %: 1 px = 0.75 pt

/// True when every word of text fits width in font (a word wider than its column is cut).
bool wordsFit(const QFont& font, qreal width, const QString& text)
{
    const QFontMetricsF metrics(font);
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (metrics.horizontalAdvance(word) > width)
            return false;
    return true;
}

QString gridIntro()
{
    return QStringLiteral(
        "What each district's lane holds, lane by lane (lanes lined up by role). The figures sit side "
        "by side to be read, not added up: no district is scored or ranked.");
}

QString differencesIntro()
{
    return QStringLiteral("What one district has and the other does not, pair by pair: steps without a match, and "
                          "matched steps where only one district marks a black box, harm point or variation.");
}

QString counted(int n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

using GlyphDraw = void (*)(QPainter&, const QRectF&);
/// The grid's figures, in order: steps, handoffs, black boxes, harm points, variations.
constexpr GlyphDraw kFigureGlyphs[] = {cs::drawStepsGlyph, cs::drawHandoffGlyph, cs::drawBlackBoxGlyph,
                                       cs::drawHarmGlyph, cs::drawVariationGlyph};

/// A comparison glyph (drawn at 18 px in the views) at size s points, its top left at p.
void glyph(QPainter& painter, const QPointF& p, qreal s, GlyphDraw draw)
{
    painter.save();
    painter.translate(p);
    painter.scale(s / 18.0, s / 18.0);
    draw(painter, QRectF(0, 0, 18, 18));
    painter.restore();
}

/// A district's sample for legends and headings: a short line in its colour and pattern,
/// then its initials on a badge of its colour.
void paintDistrictSample(QPainter& painter, const QPointF& leftCentre, std::size_t index, const QString& initials,
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

} // namespace

ComparisonPrintout::ComparisonPrintout(CompareSession& session, const ExportOptions& options)
    : Printout(options), m_session(session)
{
    // The comparison window's own overlay, every district shown: one drawing for the screen
    // and the page. It is never shown; its scene is rendered onto the pages.
    m_overlay = std::make_unique<OverlayView>(m_session);
    buildLegend();
    layoutLegend(contentArea().width());
    // The notes under the title block wrap on narrow paper.
    const QFont note = ExportFonts::font(9);
    m_introHeight = std::max(wrappedHeight(note, contentArea().width(), gridIntro()),
                             wrappedHeight(note, contentArea().width(), differencesIntro())) +
                    10;
    layoutOverlay();
    buildGrid();
    buildDifferences();
}

ComparisonPrintout::~ComparisonPrintout() = default;

QString ComparisonPrintout::title() const
{
    return QStringLiteral("Comparison: %1").arg(m_session.districtNames().join(QStringLiteral(" \u00B7 ")));
}

QString ComparisonPrintout::pageName(int index) const
{
    switch (m_pages.at(static_cast<std::size_t>(index)).kind) {
    case PageKind::Overlay:
        return QStringLiteral("Overlay");
    case PageKind::Grid:
        return QStringLiteral("Grid");
    case PageKind::Differences:
        return QStringLiteral("Differences");
    }
    return {};
}

// ----- the overlay ------------------------------------------------------------------------

std::vector<QRectF> ComparisonPrintout::sliceOverlay(qreal scale, qreal areaHeight) const
{
    QGraphicsScene* scene = m_overlay->view()->scene();
    const QRectF all = scene->sceneRect();
    const qreal header = m_overlayHeader.height();
    // Cut between lane rows (where their bands start) when a page holds whole rows, else
    // between steps and headings.
    std::set<qreal> rowTops{all.bottom()};
    std::vector<std::pair<qreal, qreal>> blocked; // vertical spans a cut must not go through
    for (QGraphicsItem* item : scene->items()) {
        if (auto* rect = qgraphicsitem_cast<QGraphicsRectItem*>(item); rect && rect->rect().top() > header - 1)
            rowTops.insert(rect->rect().top());
        if (item->type() == CompareStepItem::Type || qgraphicsitem_cast<QGraphicsTextItem*>(item)) {
            const QRectF r = item->sceneBoundingRect();
            blocked.emplace_back(r.top(), r.bottom());
        }
    }
    std::vector<QRectF> slices;
    qreal top = all.top();
    while (top < all.bottom() - 1) {
        const qreal room = areaHeight / scale - (top > all.top() ? header : 0);
        qreal cut = top + room;
        if (cut >= all.bottom()) {
            cut = all.bottom();
        } else if (auto it = rowTops.upper_bound(cut); it != rowTops.begin() && *std::prev(it) > top + 1) {
            cut = *std::prev(it);
        } else {
            // A row taller than a page: move the cut up until it crosses no step and no heading.
            bool moved = true;
            while (moved) {
                moved = false;
                for (const auto& [from, to] : blocked)
                    if (from < cut && cut < to) {
                        cut = from - 2;
                        moved = true;
                    }
            }
            if (cut <= top + room * 0.25)
                cut = top + room; // nothing to cut between: cut through rather than leave a page empty
        }
        slices.emplace_back(all.left(), top, all.width(), cut - top);
        top = cut;
    }
    return slices;
}

void ComparisonPrintout::layoutOverlay()
{
    QGraphicsScene* scene = m_overlay->view()->scene();
    const QRectF all = scene->sceneRect();
    // The band of phase headings at the top (the only rectangle starting at the top).
    qreal header = 0;
    for (QGraphicsItem* item : scene->items())
        if (auto* rect = qgraphicsitem_cast<QGraphicsRectItem*>(item); rect && rect->rect().top() <= all.top())
            header = std::max(header, rect->rect().bottom());
    m_overlayHeader = QRectF(all.left(), all.top(), all.width(), header);

    const QRectF c = contentArea();
    const qreal areaH = c.height() - kTitleBlockH - kGap - legendHeight() - kGap;
    // Fitted to the page's width, so that the steps' words stay readable however many lanes
    // there are; a tall overlay goes on over more pages, the phase headings repeated. Up to a
    // fifth smaller when that saves a page: fewer pages are easier to take in.
    const qreal widthScale = std::min(kMaxOverlayScale, c.width() / all.width());
    m_overlayScale = widthScale;
    std::vector<QRectF> best = sliceOverlay(widthScale, areaH);
    for (const qreal f : {0.95, 0.9, 0.85, 0.8}) {
        std::vector<QRectF> slices = sliceOverlay(widthScale * f, areaH);
        if (slices.size() < best.size()) {
            best = std::move(slices);
            m_overlayScale = widthScale * f;
        }
    }
    for (const QRectF& slice : best) {
        Page page;
        page.kind = PageKind::Overlay;
        page.slice = slice;
        m_pages.push_back(page);
    }
}

void ComparisonPrintout::paintOverlay(QPainter& painter, const Page& page)
{
    QGraphicsScene* scene = m_overlay->view()->scene();
    const QRectF c = contentArea();
    const qreal s = m_overlayScale;
    const bool first = page.slice.top() <= m_overlayHeader.top();
    const qreal headerH = first ? 0 : m_overlayHeader.height() * s;
    const qreal width = page.slice.width() * s;
    const qreal left = c.left() + (c.width() - width) / 2;
    qreal y = c.top() + kTitleBlockH + kGap;
    if (!first) {
        const QRectF target(left, y, width, headerH);
        scene->render(&painter, target, m_overlayHeader, Qt::IgnoreAspectRatio);
        y += headerH;
    }
    const QRectF target(left, y, width, page.slice.height() * s);
    painter.save();
    painter.setClipRect(target);
    scene->render(&painter, target, page.slice, Qt::IgnoreAspectRatio);
    painter.restore();
    painter.setPen(QPen(rule(), 0.8));
    painter.setBrush(Qt::NoBrush);
    const QRectF frame(left, c.top() + kTitleBlockH + kGap, width,
                       target.bottom() - (c.top() + kTitleBlockH + kGap));
    painter.drawRect(frame);
    paintLegend(painter, frame.bottom() + kGap);
}

void ComparisonPrintout::buildLegend()
{
    std::vector<LegendEntry> legend;
    const std::size_t n = m_session.mapCount();
    for (std::size_t i = 0; i < n; ++i) {
        const QString initials = m_session.districtInitials()[static_cast<qsizetype>(i)];
        legend.push_back({DistrictSymbol, static_cast<int>(i), m_session.districtNames()[static_cast<qsizetype>(i)],
                          28 + QFontMetricsF(ExportFonts::font(7, true)).horizontalAdvance(initials) + 8});
    }
    std::set<StepKind> kinds;
    bool blackBox = false;
    bool harm = false;
    bool variation = false;
    for (const Map& map : m_session.maps()) {
        for (const Step& s : map.steps)
            kinds.insert(s.kind);
        for (const Annotation& a : map.annotations) {
            if (!map.step(a.target))
                continue;
            blackBox |= a.kind == AnnotationKind::BlackBox;
            harm |= a.kind == AnnotationKind::Harm;
            variation |= a.kind == AnnotationKind::Variation;
        }
    }
    // The districts on a line of their own: they are what a reader looks up most.
    bool newRow = true;
    for (StepKind k : kAllStepKinds)
        if (kinds.count(k))
            legend.push_back(
                {StepSymbol, static_cast<int>(k), toQString(displayName(k)), 30, std::exchange(newRow, false)});
    legend.push_back({GhostSymbol, 0, QStringLiteral("Faint: no matching step in another district"), 30,
                      std::exchange(newRow, false)});
    legend.push_back({FlaggedSymbol, 0, QStringLiteral("Heavy outline: marked in one district only"), 30});
    if (blackBox)
        legend.push_back({BlackBoxSymbol, 0, QStringLiteral("Black box"), 11});
    if (harm)
        legend.push_back({HarmSymbol, 0, QStringLiteral("Harm point"), 11});
    if (variation)
        legend.push_back({VariationSymbol, 0, QStringLiteral("Variation"), 11});
    setLegend(std::move(legend));
}

void ComparisonPrintout::paintLegendSymbol(QPainter& painter, const LegendEntry& entry, const QRectF& r)
{
    const qreal cy = r.center().y();
    switch (entry.symbol) {
    case DistrictSymbol:
        paintDistrictSample(painter, QPointF(r.left(), cy), static_cast<std::size_t>(entry.index),
                            m_session.districtInitials()[entry.index]);
        break;
    case StepSymbol:
        StepShape::paint(painter, static_cast<StepKind>(entry.index), QRectF(r.left(), cy - 7, 30, 14), ink());
        break;
    case GhostSymbol:
    case FlaggedSymbol: {
        const bool ghost = entry.symbol == GhostSymbol;
        const QRectF box(r.left() + 1, cy - 6, 28, 12);
        painter.setOpacity(ghost ? cs::kGhostOpacity : 1.0);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawRect(box);
        QPainterPath path;
        path.addRect(box);
        cs::strokeOutline(painter, path, cs::Outline::Solid, muted(), ghost ? 1.2 : 2.6);
        break;
    }
    case BlackBoxSymbol:
    case HarmSymbol:
    case VariationSymbol: // the grid's black box, harm point and variation figures
        glyph(painter, QPointF(r.left(), cy - 5.5), 11, kFigureGlyphs[entry.symbol - BlackBoxSymbol + 2]);
        break;
    default:
        break;
    }
}

// ----- pagination -------------------------------------------------------------------------

void ComparisonPrintout::paginate(PageKind kind, const std::vector<qreal>& heights, qreal available,
                                  const std::vector<bool>& keepWithNext, const std::vector<qreal>& startExtra)
{
    for (const auto& [first, end] : paginateRows(heights, available, keepWithNext, startExtra))
        m_pages.push_back(Page{kind, {}, first, end});
}

// ----- the grid ---------------------------------------------------------------------------

qreal ComparisonPrintout::gridColumnX(int column) const
{
    const QRectF c = contentArea();
    return column == 0 ? c.left() : c.left() + gridColumnW(0) + (column - 1) * gridColumnW(1);
}

qreal ComparisonPrintout::gridColumnW(int column) const
{
    const QRectF c = contentArea();
    const qreal first = std::min(170.0, c.width() * 0.2);
    if (column == 0)
        return first;
    return (c.width() - first) / static_cast<qreal>(std::max<std::size_t>(1, m_session.mapCount()));
}

void ComparisonPrintout::buildGrid()
{
    const std::size_t n = m_session.mapCount();
    const auto& rows = m_session.result().laneRows;
    std::vector<std::unordered_map<std::string, LaneTally>> figures;
    for (const Map& map : m_session.maps())
        figures.push_back(laneFigures(map));
    // The largest type, from 9 pt down, at which every word and every figure fits its column:
    // eight districts on portrait paper make narrow columns.
    const qreal w0 = gridColumnW(0) - 2 * kCellPad;
    const qreal w = gridColumnW(1) - 2 * kCellPad;
    for (m_gridType = 9; m_gridType > 6; m_gridType -= 1) {
        const QFont b = ExportFonts::font(m_gridType, true);
        const QFontMetricsF plain(ExportFonts::font(m_gridType));
        bool fits = wordsFit(b, w0, QStringLiteral("Lane (role)"));
        for (std::size_t r = 0; r < rows.size() && fits; ++r) {
            fits = wordsFit(b, w0, m_session.rowName(r));
            for (std::size_t i = 0; i < n && fits; ++i)
                if (const Lane* lane = rows[r][i].empty() ? nullptr : m_session.map(i).lane(rows[r][i]))
                    fits = wordsFit(b, w, toQString(lane->name));
        }
        for (std::size_t i = 0; i < n && fits; ++i)
            fits = wordsFit(b, w, m_session.districtNames()[static_cast<qsizetype>(i)]);
        for (const QString& figure : {QStringLiteral("88 black boxes"), QStringLiteral("88 harm points"),
                                      QStringLiteral("88 variations"), QStringLiteral("88 handoffs")})
            fits = fits && plain.horizontalAdvance(figure) + m_gridType * 1.5 <= w;
        if (fits)
            break;
    }
    const QFont bold = ExportFonts::font(m_gridType, true);
    const qreal lineH = m_gridType + 3;

    // The head: each district's badge, its name under it.
    m_gridHeadHeight = 0;
    for (std::size_t i = 0; i < n; ++i)
        m_gridHeadHeight =
            std::max(m_gridHeadHeight, wrappedHeight(bold, w, m_session.districtNames()[static_cast<qsizetype>(i)]));
    m_gridHeadHeight += 16 + 2 * kCellPad + 2;

    for (std::size_t r = 0; r < rows.size(); ++r) {
        GridRow row;
        row.name = m_session.rowName(r);
        qreal height = wrappedHeight(bold, w0, row.name);
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& laneId = rows[r][i];
            const Lane* lane = laneId.empty() ? nullptr : m_session.map(i).lane(laneId);
            if (!lane) {
                row.cells.emplace_back();
                row.figures.emplace_back();
                continue;
            }
            const LaneTally& f = figures[i].at(laneId);
            row.cells.push_back({toQString(lane->name), counted(f.steps, QStringLiteral("step"), QStringLiteral("steps")),
                                 counted(f.handoffs, QStringLiteral("handoff"), QStringLiteral("handoffs")),
                                 counted(f.blackBoxes, QStringLiteral("black box"), QStringLiteral("black boxes")),
                                 counted(f.harmPoints, QStringLiteral("harm point"), QStringLiteral("harm points")),
                                 counted(f.variations, QStringLiteral("variation"), QStringLiteral("variations"))});
            row.figures.push_back({f.steps, f.handoffs, f.blackBoxes, f.harmPoints, f.variations});
            height = std::max(height, wrappedHeight(bold, w, toQString(lane->name)) + 2 + 5 * lineH);
        }
        row.height = height + 2 * kCellPad + 2;
        m_grid.push_back(row);
    }
    std::vector<qreal> heights;
    for (const GridRow& row : m_grid)
        heights.push_back(row.height);
    const QRectF c = contentArea();
    const qreal available = c.height() - kTitleBlockH - kGap - m_introHeight - m_gridHeadHeight;
    if (heights.empty())
        m_pages.push_back(Page{PageKind::Grid, {}, 0, 0});
    else
        paginate(PageKind::Grid, heights, available, std::vector<bool>(heights.size(), false));
}

qreal ComparisonPrintout::paintIntro(QPainter& painter, const QString& text) const
{
    const QRectF c = contentArea();
    const qreal y = c.top() + kTitleBlockH + kGap;
    painter.setFont(ExportFonts::font(9));
    painter.setPen(muted());
    painter.drawText(QRectF(c.left(), y, c.width(), m_introHeight), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    return y + m_introHeight;
}

void ComparisonPrintout::paintGrid(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    const std::size_t n = m_session.mapCount();
    qreal y = paintIntro(painter, gridIntro());

    const QFont bold = ExportFonts::font(m_gridType, true);
    const QFont body = ExportFonts::font(m_gridType);
    const qreal lineH = m_gridType + 3;
    const qreal glyphSize = m_gridType;
    const qreal right = c.right();
    // The head: the districts, each with its sample as on the overlay.
    painter.setFont(bold);
    painter.setPen(muted());
    painter.drawText(QRectF(gridColumnX(0) + kCellPad, y + kCellPad, gridColumnW(0) - 2 * kCellPad, m_gridHeadHeight),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, QStringLiteral("Lane (role)"));
    for (std::size_t i = 0; i < n; ++i) {
        const int col = static_cast<int>(i) + 1;
        const qreal x = gridColumnX(col) + kCellPad;
        paintDistrictSample(painter, QPointF(x, y + kCellPad + 6), i,
                            m_session.districtInitials()[static_cast<qsizetype>(i)], false);
        painter.setFont(bold);
        painter.setPen(ink());
        painter.drawText(QRectF(x, y + kCellPad + 16, gridColumnW(col) - 2 * kCellPad, m_gridHeadHeight),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                         m_session.districtNames()[static_cast<qsizetype>(i)]);
    }
    y += m_gridHeadHeight;
    painter.setPen(QPen(rule(), 0.8));
    painter.drawLine(QPointF(c.left(), y), QPointF(right, y));

    for (int r = page.firstRow; r < page.endRow; ++r) {
        const GridRow& row = m_grid[static_cast<std::size_t>(r)];
        if (r % 2 == 1)
            painter.fillRect(QRectF(c.left(), y, c.width(), row.height), stripe());
        painter.setFont(bold);
        painter.setPen(ink());
        painter.drawText(QRectF(gridColumnX(0) + kCellPad, y + kCellPad, gridColumnW(0) - 2 * kCellPad, row.height),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, row.name);
        for (std::size_t i = 0; i < n; ++i) {
            const int col = static_cast<int>(i) + 1;
            const qreal x = gridColumnX(col) + kCellPad;
            const qreal w = gridColumnW(col) - 2 * kCellPad;
            const QStringList& cell = row.cells[i];
            if (cell.isEmpty()) {
                QFont italic = body;
                italic.setItalic(true);
                painter.setFont(italic);
                painter.setPen(muted());
                painter.drawText(QRectF(x, y + kCellPad, w, row.height),
                                 Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, QStringLiteral("no such lane"));
                continue;
            }
            painter.setFont(bold);
            painter.setPen(ink());
            const qreal nameH = wrappedHeight(bold, w, cell.front());
            painter.drawText(QRectF(x, y + kCellPad, w, nameH + 2), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                             cell.front());
            qreal ly = y + kCellPad + nameH + 2;
            for (int k = 0; k < 5; ++k) {
                glyph(painter, QPointF(x, ly + (lineH - glyphSize) / 2), glyphSize, kFigureGlyphs[k]);
                painter.setFont(body);
                painter.setPen(row.figures[i][static_cast<std::size_t>(k)] == 0 ? muted() : ink());
                painter.drawText(QRectF(x + glyphSize * 1.45, ly, w - glyphSize * 1.45, lineH),
                                 Qt::AlignLeft | Qt::AlignVCenter, cell[k + 1]);
                ly += lineH;
            }
        }
        y += row.height;
        painter.setPen(QPen(rule(), 0.5));
        painter.drawLine(QPointF(c.left(), y), QPointF(right, y));
    }
    // Column rules, so that eight districts' figures do not run together.
    const qreal top = c.top() + kTitleBlockH + kGap + m_introHeight;
    painter.setPen(QPen(rule(), 0.5));
    for (std::size_t i = 0; i < n; ++i) {
        const qreal x = gridColumnX(static_cast<int>(i) + 1);
        painter.drawLine(QPointF(x, top), QPointF(x, y));
    }
}

// ----- the differences --------------------------------------------------------------------

void ComparisonPrintout::buildDifferences()
{
    const QRectF c = contentArea();
    const QFont body = ExportFonts::font(9);
    const QFont bold = ExportFonts::font(8, true);
    const QStringList& names = m_session.districtNames();
    const QStringList& initials = m_session.districtInitials();
    const std::size_t n = m_session.mapCount();

    auto stepCells = [](const Map& map, const std::string& id) {
        const Step* step = map.step(id);
        if (!step)
            return QStringList{toQString(id), QString(), QString()};
        const Lane* lane = map.lane(step->lane);
        const Phase* phase = map.phase(step->phase);
        return QStringList{step->label.empty() ? QStringLiteral("(unnamed step)") : toQString(step->label),
                           lane ? toQString(lane->name) : QStringLiteral("\u2013"),
                           phase ? toQString(phase->name) : QStringLiteral("\u2013")};
    };
    auto rowHeight = [&](const DiffTable& table, const QStringList& cells, const QFont& font) {
        qreal h = 0;
        for (qsizetype k = 0; k < cells.size(); ++k)
            h = std::max(
                h, wrappedHeight(font, c.width() * table.shares[static_cast<std::size_t>(k)] - 2 * kCellPad, cells[k]));
        return std::max(h, 11.0) + 2 * kCellPad;
    };
    auto addTable = [&](const DiffTable& table, const std::vector<QStringList>& rows) {
        const int t = static_cast<int>(m_tables.size());
        m_tables.push_back(table);
        m_rows.push_back({DiffRow::Kind::Group, t, {}, kGroupH});
        if (rows.empty()) {
            m_rows.push_back({DiffRow::Kind::None, t, {}, kNoneH});
            return;
        }
        m_rows.push_back({DiffRow::Kind::Head, t, table.heads, rowHeight(table, table.heads, bold)});
        for (const QStringList& cells : rows)
            m_rows.push_back({DiffRow::Kind::Cells, t, cells, rowHeight(table, cells, body)});
    };

    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const PairComparison& pair = m_session.pair(i, j);
            const Map& a = m_session.map(i);
            const Map& b = m_session.map(j);
            const QString nameA = names[static_cast<qsizetype>(i)];
            const QString nameB = names[static_cast<qsizetype>(j)];
            const QString pairTitle =
                QStringLiteral("%1 (%2)  \u27F7  %3 (%4)")
                    .arg(nameA, initials[static_cast<qsizetype>(i)], nameB, initials[static_cast<qsizetype>(j)]);
            DiffTable base;
            base.pair = pairTitle;
            m_tables.push_back(base);
            m_rows.push_back({DiffRow::Kind::Pair, static_cast<int>(m_tables.size()) - 1, {}, kPairH});

            const QStringList stepHeads{QStringLiteral("Step"), QStringLiteral("Lane"), QStringLiteral("Phase")};
            for (const auto& [ids, map, name] :
                 {std::tuple{&pair.onlyA, &a, nameA}, std::tuple{&pair.onlyB, &b, nameB}}) {
                DiffTable table{pairTitle,
                                QStringLiteral("Only in %1 (%2)").arg(name).arg(ids->size()),
                                stepHeads,
                                {0.5, 0.3, 0.2}};
                std::vector<QStringList> rows;
                for (const std::string& id : *ids)
                    rows.push_back(stepCells(*map, id));
                addTable(table, rows);
            }
            DiffTable marks{pairTitle,
                            QStringLiteral("Marked in one district only (%1)").arg(pair.annotationDifferences.size()),
                            {QStringLiteral("Mark"), QStringLiteral("Marked in"),
                             QStringLiteral("Step in %1").arg(initials[static_cast<qsizetype>(i)]),
                             QStringLiteral("Step in %1").arg(initials[static_cast<qsizetype>(j)])},
                            {0.14, 0.22, 0.32, 0.32}};
            std::vector<QStringList> rows;
            for (const AnnotationDifference& d : pair.annotationDifferences) {
                const Step* sa = a.step(d.a);
                const Step* sb = b.step(d.b);
                rows.push_back({toQString(displayName(d.kind)), d.onA ? nameA : nameB,
                                sa ? toQString(sa->label) : toQString(d.a), sb ? toQString(sb->label) : toQString(d.b)});
            }
            addTable(marks, rows);
        }

    std::vector<qreal> heights;
    std::vector<bool> keep;
    for (const DiffRow& row : m_rows) {
        heights.push_back(row.height);
        keep.push_back(row.kind == DiffRow::Kind::Pair || row.kind == DiffRow::Kind::Group ||
                       row.kind == DiffRow::Kind::Head);
    }
    // A page that starts inside a table starts with its heading and head again.
    std::vector<qreal> continued(m_rows.size(), 0);
    qreal head = 0;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].kind == DiffRow::Kind::Head)
            head = m_rows[r].height;
        if (m_rows[r].kind != DiffRow::Kind::Pair)
            continued[r] = kContinuedH;
        if (m_rows[r].kind == DiffRow::Kind::Cells)
            continued[r] += kGroupH + head;
    }
    const qreal available = c.height() - kTitleBlockH - kGap - m_introHeight;
    paginate(PageKind::Differences, heights, available, keep, continued);
}

void ComparisonPrintout::paintDifferences(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    qreal y = paintIntro(painter, differencesIntro());
    const QFont body = ExportFonts::font(9);
    const QFont headFont = ExportFonts::font(8, true);

    auto columnWidths = [&](const DiffTable& table) {
        std::vector<qreal> widths;
        for (const qreal share : table.shares)
            widths.push_back(c.width() * share);
        return widths;
    };
    auto paintHead = [&](const DiffRow& row) {
        const DiffTable& table = m_tables[static_cast<std::size_t>(row.table)];
        painter.setFont(headFont);
        painter.setPen(muted());
        paintCells(painter, c.left(), y, row.height, columnWidths(table), table.heads);
        painter.setPen(QPen(rule(), 0.8));
        painter.drawLine(QPointF(c.left(), y + row.height), QPointF(c.right(), y + row.height));
        y += row.height;
    };
    auto paintGroup = [&](const DiffTable& table, bool continuedHere) {
        painter.setFont(ExportFonts::font(10, true));
        painter.setPen(ink());
        const QString text = continuedHere ? QStringLiteral("%1 (continued)").arg(table.heading) : table.heading;
        painter.drawText(QRectF(c.left(), y + 6, c.width(), kGroupH - 6), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(ExportFonts::font(10, true)).elidedText(text, Qt::ElideMiddle, c.width()));
        y += kGroupH;
    };

    // A table that goes on from the page before starts with its heading and head again.
    const DiffRow& first = m_rows[static_cast<std::size_t>(page.firstRow)];
    if (first.kind != DiffRow::Kind::Pair) {
        const QFont font = ExportFonts::font(10, true);
        painter.setFont(font);
        painter.setPen(muted());
        painter.drawText(QRectF(c.left(), y, c.width(), kContinuedH - 6), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(font).elidedText(
                             QStringLiteral("%1, continued").arg(m_tables[static_cast<std::size_t>(first.table)].pair),
                             Qt::ElideMiddle, c.width()));
        painter.setPen(QPen(rule(), 0.8));
        painter.drawLine(QPointF(c.left(), y + kContinuedH - 4), QPointF(c.right(), y + kContinuedH - 4));
        y += kContinuedH;
    }
    if (first.kind == DiffRow::Kind::Cells) {
        paintGroup(m_tables[static_cast<std::size_t>(first.table)], true);
        for (int k = page.firstRow; k >= 0; --k)
            if (m_rows[static_cast<std::size_t>(k)].kind == DiffRow::Kind::Head) {
                paintHead(m_rows[static_cast<std::size_t>(k)]);
                break;
            }
    }

    int band = 0;
    for (int r = page.firstRow; r < page.endRow; ++r) {
        const DiffRow& row = m_rows[static_cast<std::size_t>(r)];
        const DiffTable& table = m_tables[static_cast<std::size_t>(row.table)];
        switch (row.kind) {
        case DiffRow::Kind::Pair:
            if (r > page.firstRow)
                y += 6;
            {
                // Smaller type before any name is shortened: both districts must be read in full.
                int size = 13;
                while (size > 9 &&
                       QFontMetricsF(ExportFonts::font(size, true)).horizontalAdvance(table.pair) > c.width())
                    --size;
                const QFont pairFont = ExportFonts::font(size, true);
                painter.setFont(pairFont);
                painter.setPen(ink());
                painter.drawText(QRectF(c.left(), y + 4, c.width(), kPairH - 10), Qt::AlignLeft | Qt::AlignVCenter,
                                 QFontMetricsF(pairFont).elidedText(table.pair, Qt::ElideMiddle, c.width()));
            }
            painter.setPen(QPen(ink(), 1.0));
            painter.drawLine(QPointF(c.left(), y + kPairH - 4), QPointF(c.right(), y + kPairH - 4));
            y += kPairH - (r > page.firstRow ? 6 : 0);
            break;
        case DiffRow::Kind::Group:
            paintGroup(table, false);
            band = 0;
            break;
        case DiffRow::Kind::Head:
            paintHead(row);
            break;
        case DiffRow::Kind::None:
            painter.setFont(body);
            painter.setPen(muted());
            painter.drawText(QRectF(c.left() + kCellPad, y, c.width(), row.height), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("None."));
            y += row.height;
            break;
        case DiffRow::Kind::Cells: {
            if (band++ % 2 == 1)
                painter.fillRect(QRectF(c.left(), y, c.width(), row.height), stripe());
            painter.setFont(body);
            painter.setPen(ink());
            paintCells(painter, c.left(), y, row.height, columnWidths(table), row.cells);
            y += row.height;
            break;
        }
        }
    }
}

// ----- pages ------------------------------------------------------------------------------

void ComparisonPrintout::paintTitleBlock(QPainter& painter, const QRectF& block, int index)
{
    const qreal reserved = paintPageTag(painter, block, index);

    QStringList foci;
    std::set<MapState> states;
    for (const Map& map : m_session.maps()) {
        if (!map.props.focus.empty() && !foci.contains(toQString(map.props.focus)))
            foci << toQString(map.props.focus);
        states.insert(map.props.state);
    }
    QStringList what;
    if (!foci.isEmpty())
        what << QStringLiteral("Focus: %1").arg(foci.join(QStringLiteral(" / ")));
    what << (states.size() > 1 ? QStringLiteral("current and future state maps")
             : *states.begin() == MapState::Current
                 ? QStringLiteral("Current state maps (as they run today)")
                 : QStringLiteral("Future state maps (as the teams want them to run)"));
    what << QStringLiteral("%1 districts, side by side; none is scored or ranked").arg(m_session.mapCount());
    // Many districts' names do not fit a title: then their initials, which the legend and the grid spell out.
    QString heading = title();
    const qreal leftW = block.width() - reserved;
    const QFontMetricsF titleMetrics(ExportFonts::font(16, true));
    if (titleMetrics.horizontalAdvance(heading) > leftW)
        heading = QStringLiteral("Comparison of %1 districts: %2")
                      .arg(m_session.mapCount())
                      .arg(m_session.districtInitials().join(QStringLiteral(" \u00B7 ")));
    if (titleMetrics.horizontalAdvance(heading) > leftW)
        heading = QStringLiteral("Comparison of %1 districts").arg(m_session.mapCount());
    paintTitleText(painter, block, leftW, heading, what.join(QStringLiteral("  \u00B7  ")), whenText());
}

void ComparisonPrintout::paintContent(QPainter& painter, int index)
{
    const Page& page = m_pages.at(static_cast<std::size_t>(index));
    switch (page.kind) {
    case PageKind::Overlay:
        paintOverlay(painter, page);
        break;
    case PageKind::Grid:
        paintGrid(painter, page);
        break;
    case PageKind::Differences:
        paintDifferences(painter, page);
        break;
    }
}

void ComparisonPrintout::write(CompareSession& session, const ExportOptions& options, const std::string& path)
{
    ComparisonPrintout printout(session, options);
    const QByteArray bytes = printout.toPdf();
    writeFileAtomically(path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

} // namespace crosswalk
