#include "ui/export/mapprintout.h"

#include "crosswalk/insights/annotationnumbers.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/stepshape.h"
#include "ui/print/exportfonts.h"
#include "ui/export/mapexporter.h"
#include "ui/export/mapexportscene.h"
#include "ui/common/annotationglyph.h"
#include "ui/common/annotationtext.h"
#include "ui/common/strings.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>

namespace crosswalk {
namespace {

// Page furniture, in points, beyond what every printout has (Printout).
constexpr qreal kNavH = 14;
constexpr qreal kMaxScale = 1.0; // a map unit is 0.75 pt at 100 %: allow up to 133 %, no blown-up toy maps

const QColor kTileInk(0x0B, 0x3D, 0x91);

void drawArrow(QPainter& p, const QPointF& from, const QPointF& to, const QColor& color, qreal width)
{
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(from, to - QPointF(width * 2.5, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    const qreal h = width * 2.2;
    p.drawPolygon(QPolygonF{to, to + QPointF(-h * 2, -h), to + QPointF(-h * 2, h)});
}

/// The map as printed: the session's votes only when asked for.
Map printed(const Map& map, const ExportOptions& options)
{
    Map m = map;
    if (!options.includeVotes)
        m.votes.clear();
    return m;
}

} // namespace

MapPrintout::MapPrintout(const Map& map, const ExportOptions& options)
    : Printout(options),
      m_map(printed(map, options)),
      m_scene(std::make_unique<MapExportScene>(m_map, options.hiddenKinds)),
      m_tiles(m_map, m_scene->contentRect(), 1, 1)
{
    buildLegend();
    layoutLegend(contentArea().width());
    m_labelPx = m_scene->smallestLabelPx();
    chooseTiling();
    checkCoverage();
    buildAppendix();

    if (this->options().tiled()) {
        m_pages.push_back({PageKind::Overview});
        m_tileScale = scaleFor(m_tiles.columns(), m_tiles.rows());
        for (int i = 0; i < m_tiles.count(); ++i)
            m_pages.push_back({PageKind::Map, i});
    } else {
        m_pages.push_back({PageKind::Map, 0});
    }

    const std::size_t annotationRows = m_rows.size();
    if (this->options().includeParkingLot)
        buildParkingLot();
    const std::size_t parkingRows = m_rows.size();
    buildStepIndex();
    paginate(0, annotationRows, Table::Annotations);
    paginate(annotationRows, parkingRows, Table::Parking);
    paginate(parkingRows, m_rows.size(), Table::Steps);
}

qreal MapPrintout::scaleFor(int columns, int rows) const
{
    const QRectF content = m_scene->contentRect();
    if (columns * rows <= 1) {
        const QRectF area = mapAreaFor(false);
        const QRectF r = MapExportScene::withHeaders(content);
        return std::min({kMaxScale, area.width() / r.width(), area.height() / r.height()});
    }
    const QRectF area = mapAreaFor(true);
    const auto c = static_cast<std::size_t>(std::clamp(columns, 1, static_cast<int>(m_tileW.size())) - 1);
    const auto r = static_cast<std::size_t>(std::clamp(rows, 1, static_cast<int>(m_tileH.size())) - 1);
    return std::min({kMaxScale, area.width() / (m_tileW[c] + canvasstyle::kLaneHeaderWidth),
                     area.height() / (m_tileH[r] + canvasstyle::kPhaseHeaderHeight)});
}

void MapPrintout::chooseTiling()
{
    // Tiles are cut per axis (TilePlan): the widest piece for each number of columns and the
    // tallest for each number of rows give the scale of any tiling without laying it out.
    constexpr int kMax = 12;
    const QRectF content = m_scene->contentRect();
    const std::vector<QRectF> labels = m_scene->flowLabelRects();
    for (int n = 1; n <= kMax; ++n) {
        const TilePlan across(m_map, content, n, 1, labels);
        const TilePlan down(m_map, content, 1, n, labels);
        qreal w = 0;
        qreal h = 0;
        for (int i = 0; i < n; ++i) {
            w = std::max(w, across.tile(i, 0).width());
            h = std::max(h, down.tile(0, i).height());
        }
        m_tileW.push_back(w);
        m_tileH.push_back(h);
    }

    int columns = 1;
    int rows = 1;
    const ExportOptions& o = options();
    switch (o.layout) {
    case ExportOptions::Layout::Fit:
        break;
    case ExportOptions::Layout::Tiles:
        columns = std::clamp(o.columns, 1, kMax);
        rows = std::clamp(o.rows, 1, kMax);
        break;
    case ExportOptions::Layout::PagesWide: {
        // As wide as asked; as many rows as the height needs at the scale the width allows.
        columns = std::clamp(o.pagesWide, 1, kMax);
        const qreal across = scaleFor(columns, kMax);
        rows = kMax;
        for (int r = 1; r <= kMax; ++r)
            if (scaleFor(columns, r) >= across - 1e-9) {
                rows = r;
                break;
            }
        break;
    }
    case ExportOptions::Layout::Legible: {
        // The fewest pages on which the smallest step label prints at kLegiblePt; among
        // tilings of as many pages, the largest type. A tiling adds its overview page.
        constexpr int kMaxPages = 48;
        const qreal needed = ExportOptions::kLegiblePt / std::max(1, m_labelPx) - 1e-9;
        int bestPages = kMaxPages + 1;
        qreal bestScale = 0;
        // When no tiling of up to kMaxPages reaches it: the largest type such a tiling gives.
        int fallbackColumns = 1;
        int fallbackRows = 1;
        qreal fallbackScale = 0;
        for (int c = 1; c <= kMax; ++c)
            for (int r = 1; r <= kMax; ++r) {
                const int pages = c * r + (c * r > 1 ? 1 : 0);
                if (pages > kMaxPages)
                    continue;
                const qreal s = scaleFor(c, r);
                if (s > fallbackScale + 1e-9) {
                    fallbackScale = s;
                    fallbackColumns = c;
                    fallbackRows = r;
                }
                if (s < needed)
                    continue;
                if (pages < bestPages || (pages == bestPages && s > bestScale + 1e-9)) {
                    bestPages = pages;
                    bestScale = s;
                    columns = c;
                    rows = r;
                }
            }
        if (bestPages > kMaxPages) {
            columns = fallbackColumns;
            rows = fallbackRows;
        }
        break;
    }
    }
    setTiling(columns, rows);
    m_tiles = TilePlan(m_map, content, columns, rows, labels);
}

void MapPrintout::checkCoverage()
{
    m_warnings = MapExporter::fontWarnings(m_map, options());
}
MapPrintout::~MapPrintout() = default;

QRectF MapPrintout::mapArea() const
{
    return mapAreaFor(options().tiled());
}

QRectF MapPrintout::mapAreaFor(bool tiled) const
{
    const QRectF c = contentArea();
    const qreal bottom = legendHeight() + kGap + (tiled ? kNavH : 0);
    return c.adjusted(0, kTitleBlockH + kGap, 0, -bottom);
}
void MapPrintout::buildLegend()
{
    std::vector<LegendEntry> legend;
    std::set<StepKind> stepKinds;
    for (const Step& s : m_map.steps)
        stepKinds.insert(s.kind);
    for (StepKind k : kAllStepKinds)
        if (stepKinds.count(k))
            legend.push_back({StepSymbol, static_cast<int>(k), toQString(displayName(k)), 30});
    bool flow = false;
    bool handoff = false;
    for (const Flow& f : m_map.flows) {
        const Step* a = m_map.step(f.from);
        const Step* b = m_map.step(f.to);
        if (a && b)
            (a->lane == b->lane ? flow : handoff) = true;
    }
    if (flow)
        legend.push_back({FlowSymbol, 0, QStringLiteral("Flow"), 30});
    if (handoff)
        legend.push_back({HandoffSymbol, 0, QStringLiteral("Handoff to another lane"), 30});
    std::set<AnnotationKind> annotationKinds;
    for (const Annotation& a : m_map.annotations)
        if (options().shows(a.kind))
            annotationKinds.insert(a.kind);
    for (AnnotationKind k : kAllAnnotationKinds)
        if (annotationKinds.count(k))
            legend.push_back({AnnotationSymbol, static_cast<int>(k), toQString(displayName(k)), 14});
    int votes = 0;
    for (const auto& [step, count] : m_map.votes)
        votes += count;
    if (votes > 0)
        legend.push_back({VoteSymbol, 0, QStringLiteral("Session votes (%1 dots in all)").arg(votes), 14});
    if (!annotationKinds.empty())
        legend.push_back(
            {NoteSymbol, 0, QStringLiteral("Numbers refer to the list of annotations at the end"), 0, false, true});
    setLegend(std::move(legend));
}

void MapPrintout::paintLegendSymbol(QPainter& painter, const LegendEntry& entry, const QRectF& r)
{
    switch (entry.symbol) {
    case StepSymbol:
        StepShape::paint(painter, static_cast<StepKind>(entry.index), QRectF(r.left(), r.center().y() - 7, 30, 14),
                         canvasstyle::ink());
        break;
    case FlowSymbol:
    case HandoffSymbol: {
        const bool handoff = entry.symbol == HandoffSymbol;
        const QColor color = handoff ? canvasstyle::handoffInk() : canvasstyle::flowInk();
        drawArrow(painter, QPointF(r.left(), r.center().y()), QPointF(r.left() + 30, r.center().y()), color,
                  handoff ? 1.6 : 1.2);
        if (handoff) {
            const QPointF m(r.left() + 13, r.center().y());
            painter.setBrush(color);
            painter.drawPolygon(
                QPolygonF{m + QPointF(0, -3.5), m + QPointF(3.5, 0), m + QPointF(0, 3.5), m + QPointF(-3.5, 0)});
        }
        break;
    }
    case VoteSymbol:
        painter.setPen(QPen(Qt::white, 1));
        painter.setBrush(QColor(0xA6, 0x1E, 0x6A)); // the canvas's dot colour (VoteDotsItem)
        painter.drawEllipse(QPointF(r.left() + 7, r.center().y()), 5, 5);
        break;
    case AnnotationSymbol:
        paintAnnotationGlyph(painter, QRectF(r.left(), r.center().y() - 7, 14, 14),
                             static_cast<AnnotationKind>(entry.index));
        break;
    default:
        break;
    }
}

QString MapPrintout::pageName(int index) const
{
    const Page& page = m_pages.at(static_cast<std::size_t>(index));
    switch (page.kind) {
    case PageKind::Overview:
        return QStringLiteral("Overview");
    case PageKind::Appendix:
        switch (page.table) {
        case Table::Annotations:
            return QStringLiteral("Annotations");
        case Table::Parking:
            return QStringLiteral("Parking lot");
        case Table::Steps:
            return QStringLiteral("Steps");
        }
        return {};
    case PageKind::Map:
        return options().tiled() ? m_tiles.label(page.tile) : QStringLiteral("Map");
    }
    return {};
}

QString MapPrintout::pageLabel(int index) const
{
    return QStringLiteral("%1 \u00B7 page %2 of %3").arg(pageName(index)).arg(index + 1).arg(pageCount());
}

QString MapPrintout::documentName() const
{
    return m_map.props.title.empty() ? QStringLiteral("Crosswalk map") : toQString(m_map.props.title);
}

void MapPrintout::paintContent(QPainter& painter, int index)
{
    const Page& page = m_pages.at(static_cast<std::size_t>(index));
    switch (page.kind) {
    case PageKind::Map:
        paintLegend(painter, paintMapPage(painter, page) + kGap);
        break;
    case PageKind::Overview:
        paintLegend(painter, paintOverview(painter) + kGap);
        break;
    case PageKind::Appendix:
        switch (page.table) {
        case Table::Annotations:
            paintAppendix(painter, page);
            break;
        case Table::Parking:
            paintParkingLot(painter, page);
            break;
        case Table::Steps:
            paintStepIndex(painter, page);
            break;
        }
        break;
    }
}

void MapPrintout::paintTitleBlock(QPainter& painter, const QRectF& block, int index)
{
    const Page& page = m_pages.at(static_cast<std::size_t>(index));

    // Right: where this page is.
    qreal reserved = paintPageTag(painter, block, index);
    if (options().tiled()) {
        // A small grid of the tiling with this page filled: where am I on the map.
        const qreal cell = std::min(10.0, 36.0 / std::max(m_tiles.rows(), 1));
        const QRectF box(block.right() - reserved - cell * m_tiles.columns(), block.top() + 4, cell * m_tiles.columns(),
                         cell * m_tiles.rows());
        paintLocator(painter, box, page.kind == PageKind::Map ? page.tile : -1);
        reserved += box.width() + 12;
    }

    // Left: what this is, in two lines of facts: what the map is, then which version of it this print is.
    const QString title = m_map.props.title.empty() ? QStringLiteral("Untitled map") : toQString(m_map.props.title);
    QStringList what;
    if (!m_map.props.district.empty())
        what << toQString(m_map.props.district);
    if (!m_map.props.focus.empty())
        what << toQString(m_map.props.focus);
    what << (m_map.props.state == MapState::Current ? QStringLiteral("Current state (as it runs today)")
                                                    : QStringLiteral("Future state (as the team wants it to run)"));
    paintTitleText(painter, block, block.width() - reserved, title, what.join(QStringLiteral("  \u00B7  ")),
                   whenText());
}

void MapPrintout::paintLocator(QPainter& painter, const QRectF& box, int tile)
{
    const qreal cw = box.width() / m_tiles.columns();
    const qreal ch = box.height() / m_tiles.rows();
    for (int r = 0; r < m_tiles.rows(); ++r)
        for (int c = 0; c < m_tiles.columns(); ++c) {
            const QRectF cell(box.left() + c * cw, box.top() + r * ch, cw, ch);
            painter.setPen(QPen(muted(), 0.6));
            painter.setBrush(r * m_tiles.columns() + c == tile ? kTileInk : QColor(Qt::white));
            painter.drawRect(cell);
        }
    painter.setBrush(Qt::NoBrush);
}

qreal MapPrintout::fitScale(const QRectF& area, const QRectF& content) const
{
    const QRectF r = MapExportScene::withHeaders(content);
    return std::min({kMaxScale, area.width() / r.width(), area.height() / r.height()});
}

qreal MapPrintout::paintMapPage(QPainter& painter, const Page& page)
{
    const QRectF area = mapArea();
    if (!options().tiled()) {
        const QRectF content = m_scene->contentRect();
        const qreal s = fitScale(area, content);
        const QSizeF size = MapExportScene::withHeaders(content).size() * s;
        const QRectF target(area.left() + (area.width() - size.width()) / 2, area.top(), size.width(), size.height());
        m_scene->paint(painter, target, content);
        painter.setPen(QPen(rule(), 0.8));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(target);
        return target.bottom();
    }
    const QRectF content = m_tiles.tile(page.tile);
    const QSizeF size = MapExportScene::withHeaders(content).size() * m_tileScale;
    const QRectF target(area.topLeft(), size);
    m_scene->paint(painter, target, content);
    painter.setPen(QPen(rule(), 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(target);

    // Where the map goes on: the neighbouring pages, in words a reader can follow.
    const int c = page.tile % m_tiles.columns();
    const int r = page.tile / m_tiles.columns();
    QStringList next;
    auto pageOf = [&](int cc, int rr) { return rr * m_tiles.columns() + cc + 2; }; // the overview is page 1
    if (c > 0)
        next << QStringLiteral("\u25C0 left: %1 (page %2)").arg(TilePlan::label(c - 1, r)).arg(pageOf(c - 1, r));
    if (c + 1 < m_tiles.columns())
        next << QStringLiteral("right: %1 (page %2) \u25B6").arg(TilePlan::label(c + 1, r)).arg(pageOf(c + 1, r));
    if (r > 0)
        next << QStringLiteral("\u25B2 above: %1 (page %2)").arg(TilePlan::label(c, r - 1)).arg(pageOf(c, r - 1));
    if (r + 1 < m_tiles.rows())
        next << QStringLiteral("\u25BC below: %1 (page %2)").arg(TilePlan::label(c, r + 1)).arg(pageOf(c, r + 1));
    next << QStringLiteral("whole map: page 1");
    painter.setFont(ExportFonts::font(8));
    painter.setPen(muted());
    painter.drawText(QRectF(area.left(), target.bottom() + 2, area.width(), kNavH - 2), Qt::AlignLeft | Qt::AlignVCenter,
                     next.join(QStringLiteral("    ")));
    return target.bottom() + kNavH;
}

qreal MapPrintout::paintOverview(QPainter& painter)
{
    QRectF area = mapArea();
    area.setBottom(area.bottom() + kNavH); // no neighbours to name on the overview
    const QRectF content = m_scene->contentRect();
    const QRectF bounds = MapExportScene::withHeaders(content);
    const qreal s = fitScale(area, content);
    const QRectF target(area.left() + (area.width() - bounds.width() * s) / 2, area.top(), bounds.width() * s,
                        bounds.height() * s);
    m_scene->paint(painter, target, content);
    painter.setPen(QPen(rule(), 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(target);

    // The tiles over the map, each with its name and page, as on a street atlas.
    auto toPage = [&](const QPointF& p) { return target.topLeft() + (p - bounds.topLeft()) * s; };
    const QFont big = ExportFonts::font(std::clamp(static_cast<int>(18 * std::sqrt(s / 0.4)), 12, 28), true);
    const QFont small = ExportFonts::font(9, true);
    for (int i = 0; i < m_tiles.count(); ++i) {
        const QRectF t = m_tiles.tile(i);
        const QRectF onPage(toPage(t.topLeft()), toPage(t.bottomRight()));
        painter.setPen(QPen(kTileInk, 2.0, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(onPage);
        const QString name = m_tiles.label(i);
        const QString where = QStringLiteral("page %1").arg(i + 2);
        const qreal w = std::max(QFontMetricsF(big).horizontalAdvance(name), QFontMetricsF(small).horizontalAdvance(where)) + 16;
        const qreal h = QFontMetricsF(big).height() + QFontMetricsF(small).height() + 8;
        const QRectF tag(onPage.center().x() - w / 2, onPage.center().y() - h / 2, w, h);
        QColor fill(Qt::white);
        fill.setAlpha(225);
        painter.setPen(QPen(kTileInk, 1.2));
        painter.setBrush(fill);
        painter.drawRoundedRect(tag, 5, 5);
        painter.setPen(kTileInk);
        painter.setFont(big);
        painter.drawText(QRectF(tag.left(), tag.top() + 3, w, QFontMetricsF(big).height()), Qt::AlignCenter, name);
        painter.setFont(small);
        painter.drawText(QRectF(tag.left(), tag.bottom() - QFontMetricsF(small).height() - 4, w, QFontMetricsF(small).height()),
                         Qt::AlignCenter, where);
    }
    return target.bottom();
}
} // namespace crosswalk
