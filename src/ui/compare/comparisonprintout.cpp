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
#include "ui/compare/comparisonprintoutparts.h"

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

using namespace printoutparts;

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
                             std::max(wrappedHeight(note, contentArea().width(), differencesIntro()),
                                      wrappedHeight(note, contentArea().width(), summaryIntro()))) +
                    10;
    layoutOverlay();
    buildSummary();
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
    case PageKind::Summary:
        return QStringLiteral("Network summary");
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
        paintDistrictSample(painter, QPointF(r.left(), cy), m_session.colorSlot(static_cast<std::size_t>(entry.index)),
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
    // The least score of a proposed match (`compare --min-score`), so that a reader knows what was left out.
    what << QStringLiteral("matches proposed from a score of %1").arg(m_session.matchOptions().minScore, 0, 'f', 2);
    if (m_session.wordsOnly())
        what << QStringLiteral("labels compared by their words alone (no lexical data for their language)");
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
    case PageKind::Summary:
        paintSummary(painter);
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
