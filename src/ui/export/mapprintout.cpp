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
constexpr qreal kNumberCol = 46;
constexpr qreal kTableHeadH = 18;
constexpr qreal kKindHeadH = 26;
constexpr qreal kCellPad = Printout::kCellPad;

const QColor kTileInk(0x0B, 0x3D, 0x91);

QString pluralName(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::BlackBox:
        return QStringLiteral("Black boxes");
    case AnnotationKind::Harm:
        return QStringLiteral("Harm points");
    case AnnotationKind::Variation:
        return QStringLiteral("Variations");
    case AnnotationKind::Question:
        return QStringLiteral("Questions");
    case AnnotationKind::Insight:
        return QStringLiteral("Insights");
    case AnnotationKind::ChangeIdea:
        return QStringLiteral("Change ideas");
    }
    return {};
}

QString kindLine(AnnotationKind kind)
{
    // Short words under each heading so a reader who was not in the room knows what the kind means.
    switch (kind) {
    case AnnotationKind::BlackBox:
        return QStringLiteral("Steps nobody in the room could see into: questions to investigate, not findings.");
    case AnnotationKind::Harm:
        return QStringLiteral("Points where the system can hurt principals, and through them students.");
    case AnnotationKind::Variation:
        return QStringLiteral("Where practice differs between supervisors, regions or schools (I intentional, U unintentional).");
    case AnnotationKind::Question:
        return QStringLiteral("Open questions the team wants answered.");
    case AnnotationKind::Insight:
        return QStringLiteral("What the team learned.");
    case AnnotationKind::ChangeIdea:
        return QStringLiteral("Change work placed on horizons: 1 this year, 2 redesign a part, 3 transform the system.");
    }
    return {};
}

/// Column x offsets and widths of the appendix table for a content width.
struct Columns {
    qreal x[5];
    qreal w[5];
};
Columns appendixColumns(qreal left, qreal width)
{
    const qreal rest = width - kNumberCol;
    const qreal shares[4] = {0.44, 0.24, 0.14, 0.18};
    Columns c{};
    c.x[0] = left;
    c.w[0] = kNumberCol;
    qreal x = left + kNumberCol;
    for (int i = 0; i < 4; ++i) {
        c.x[i + 1] = x;
        c.w[i + 1] = rest * shares[i];
        x += c.w[i + 1];
    }
    return c;
}

QString targetText(const Map& map, const Annotation& a)
{
    if (a.target.empty())
        return QStringLiteral("Whole map");
    if (const Step* s = map.step(a.target))
        return QStringLiteral("Step: %1").arg(s->label.empty() ? QStringLiteral("(unnamed step)") : toQString(s->label));
    return annotationTargetText(map, a.target);
}

QString laneText(const Map& map, const Annotation& a)
{
    const Lane* lane = map.lane(annotationLane(map, a));
    return lane ? toQString(lane->name) : QStringLiteral("\u2013");
}

void drawArrow(QPainter& p, const QPointF& from, const QPointF& to, const QColor& color, qreal width)
{
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(from, to - QPointF(width * 2.5, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    const qreal h = width * 2.2;
    p.drawPolygon(QPolygonF{to, to + QPointF(-h * 2, -h), to + QPointF(-h * 2, h)});
}

/// Draws a table's five column heads at y, with the rule under them; returns the y below.
qreal drawTableHead(QPainter& painter, const Columns& cols, const QRectF& c, qreal y, const QString (&heads)[5])
{
    painter.setFont(ExportFonts::font(8, true));
    painter.setPen(Printout::muted());
    for (int i = 0; i < 5; ++i)
        painter.drawText(QRectF(cols.x[i] + kCellPad, y, cols.w[i] - 2 * kCellPad, kTableHeadH),
                         Qt::AlignLeft | Qt::AlignVCenter, heads[i]);
    painter.setPen(QPen(Printout::rule(), 0.8));
    painter.drawLine(QPointF(c.left(), y + kTableHeadH), QPointF(c.right(), y + kTableHeadH));
    return y + kTableHeadH;
}

} // namespace

MapPrintout::MapPrintout(const Map& map, const ExportOptions& options)
    : Printout(options),
      m_map(map),
      m_scene(std::make_unique<MapExportScene>(map, options.hiddenKinds)),
      m_tiles(map, m_scene->contentRect(), 1, 1)
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
    buildStepIndex();
    paginate(0, annotationRows, false);
    paginate(annotationRows, m_rows.size(), true);
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
    for (int n = 1; n <= kMax; ++n) {
        const TilePlan across(m_map, content, n, 1);
        const TilePlan down(m_map, content, 1, n);
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
    m_tiles = TilePlan(m_map, content, columns, rows);
}

void MapPrintout::checkCoverage()
{
    m_warnings = MapExporter::fontWarnings(m_map, options());
}

void MapPrintout::paginate(std::size_t from, std::size_t to, bool steps)
{
    const qreal available = contentArea().height() - kTitleBlockH - kGap - kTableHeadH;
    std::vector<qreal> heights;
    std::vector<bool> headings; // a heading never ends a page
    for (std::size_t i = from; i < to; ++i) {
        heights.push_back(m_rows[i].height);
        headings.push_back(m_rows[i].heading());
    }
    for (const auto& [first, end] : paginateRows(heights, available, headings)) {
        Page page{PageKind::Appendix};
        page.steps = steps;
        page.firstRow = static_cast<int>(from) + first;
        page.endRow = static_cast<int>(from) + end;
        m_pages.push_back(page);
    }
}

void MapPrintout::buildStepIndex()
{
    const Columns cols = appendixColumns(contentArea().left(), contentArea().width());
    const QFont body = ExportFonts::font(9);
    for (const Lane& lane : m_map.lanes) {
        std::vector<const Step*> steps;
        for (const Step& s : m_map.steps)
            if (s.lane == lane.id)
                steps.push_back(&s);
        if (steps.empty())
            continue;
        // In the order of the year: left to right.
        std::stable_sort(steps.begin(), steps.end(), [](const Step* a, const Step* b) { return a->x < b->x; });
        AppendixRow heading;
        heading.lane = &lane;
        heading.count = static_cast<int>(steps.size());
        heading.height = kKindHeadH + 8;
        m_rows.push_back(heading);
        for (const Step* s : steps) {
            AppendixRow row;
            row.lane = &lane;
            row.step = s;
            row.height = std::max(wrappedHeight(body, cols.w[1] - 2 * kCellPad, toQString(s->label)), 12.0) + 2 * kCellPad;
            m_rows.push_back(row);
        }
    }
}

QString MapPrintout::stepPage(const Step& step) const
{
    if (!options().tiled())
        return QStringLiteral("Map");
    const layout::Rect r = layout::stepRect(m_map, step);
    const QPointF centre(r.x + r.w / 2.0, r.y + r.h / 2.0);
    for (int i = 0; i < m_tiles.count(); ++i) {
        const QRectF t = m_tiles.tile(i);
        if (centre.x() >= t.left() && centre.x() <= t.right() && centre.y() >= t.top() && centre.y() <= t.bottom())
            return m_tiles.label(i);
    }
    return QString();
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

void MapPrintout::buildAppendix()
{
    const std::vector<std::pair<std::string, int>> numbers = annotationNumbers(m_map);
    const Columns cols = appendixColumns(contentArea().left(), contentArea().width());
    const QFont body = ExportFonts::font(9);
    const QFont detail = ExportFonts::font(8);
    for (AnnotationKind kind : kAllAnnotationKinds) {
        if (!options().shows(kind))
            continue;
        std::vector<AppendixRow> rows;
        for (const auto& [id, number] : numbers) {
            const Annotation* a = m_map.annotation(id);
            if (!a || a->kind != kind)
                continue;
            AppendixRow row;
            row.annotation = a;
            row.kind = kind;
            row.number = number;
            qreal text = wrappedHeight(body, cols.w[1] - 2 * kCellPad, toQString(a->text).isEmpty() ? QStringLiteral("-") : toQString(a->text));
            if (kind == AnnotationKind::Variation || kind == AnnotationKind::ChangeIdea)
                text += QFontMetricsF(detail).lineSpacing() + 2;
            row.height = std::max({text, wrappedHeight(body, cols.w[2] - 2 * kCellPad, targetText(m_map, *a)),
                                   wrappedHeight(body, cols.w[3] - 2 * kCellPad, laneText(m_map, *a)),
                                   wrappedHeight(body, cols.w[4] - 2 * kCellPad, toQString(a->affects)), 14.0}) +
                         2 * kCellPad + 2;
            rows.push_back(row);
        }
        if (rows.empty())
            continue;
        AppendixRow heading;
        heading.kind = kind;
        heading.count = static_cast<int>(rows.size());
        heading.height = kKindHeadH + 12;
        m_rows.push_back(heading);
        m_rows.insert(m_rows.end(), rows.begin(), rows.end());
    }
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
        return page.steps ? QStringLiteral("Steps") : QStringLiteral("Annotations");
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
        if (page.steps)
            paintStepIndex(painter, page);
        else
            paintAppendix(painter, page);
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

void MapPrintout::paintAppendix(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    const Columns cols = appendixColumns(c.left(), c.width());
    qreal y = c.top() + kTitleBlockH + kGap;

    const QString heads[5] = {QStringLiteral("No."), QStringLiteral("Annotation"), QStringLiteral("On"),
                              QStringLiteral("Lane"), QStringLiteral("Who is affected")};
    y = drawTableHead(painter, cols, c, y, heads);

    const QFont body = ExportFonts::font(9);
    const QFont bold = ExportFonts::font(9, true);
    const QFont detail = ExportFonts::font(8);
    int band = 0;
    for (int i = page.firstRow; i < page.endRow; ++i) {
        const AppendixRow& row = m_rows[static_cast<std::size_t>(i)];
        if (row.heading()) {
            const QRectF glyph(c.left() + 2, y + 10, 16, 16);
            painter.save();
            paintAnnotationGlyph(painter, glyph, row.kind);
            painter.restore();
            painter.setFont(ExportFonts::font(12, true));
            painter.setPen(ink());
            const QString title = QStringLiteral("%1 (%2)").arg(pluralName(row.kind)).arg(row.count);
            painter.drawText(QRectF(c.left() + 24, y + 8, c.width() / 2, 20), Qt::AlignLeft | Qt::AlignVCenter, title);
            const qreal titleW = QFontMetricsF(ExportFonts::font(12, true)).horizontalAdvance(title);
            painter.setFont(detail);
            painter.setPen(muted());
            painter.drawText(QRectF(c.left() + 24 + titleW + 12, y + 8, c.width() - titleW - 40, 20),
                             Qt::AlignLeft | Qt::AlignVCenter, kindLine(row.kind));
            y += row.height;
            band = 0;
            continue;
        }
        const Annotation& a = *row.annotation;
        const QRectF rowBand(c.left(), y, c.width(), row.height);
        if (band++ % 2 == 1)
            painter.fillRect(rowBand, stripe());
        const qreal top = y + kCellPad + 1;
        painter.save();
        paintAnnotationGlyph(painter, QRectF(cols.x[0] + kCellPad, top, 13, 13), a);
        painter.restore();
        painter.setFont(bold);
        painter.setPen(ink());
        painter.drawText(QRectF(cols.x[0] + kCellPad + 16, top - 1, cols.w[0] - 20, 15), Qt::AlignLeft | Qt::AlignVCenter,
                         QString::number(row.number));
        auto cell = [&](int col, const QString& text, const QFont& font, const QColor& color, qreal dy = 0) {
            painter.setFont(font);
            painter.setPen(color);
            painter.drawText(QRectF(cols.x[col] + kCellPad, top + dy, cols.w[col] - 2 * kCellPad, row.height),
                             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        };
        qreal dy = 0;
        if (a.kind == AnnotationKind::Variation || a.kind == AnnotationKind::ChangeIdea) {
            cell(1, annotationKindText(a), ExportFonts::font(8, true), muted());
            dy = QFontMetricsF(detail).lineSpacing() + 2;
        }
        cell(1, a.text.empty() ? QStringLiteral("-") : toQString(a.text), body, ink(), dy);
        cell(2, targetText(m_map, a), body, ink());
        cell(3, laneText(m_map, a), body, ink());
        cell(4, toQString(a.affects), body, ink());
        y += row.height;
    }
}

void MapPrintout::paintStepIndex(QPainter& painter, const Page& page)
{
    const QRectF c = contentArea();
    const Columns cols = appendixColumns(c.left(), c.width());
    qreal y = c.top() + kTitleBlockH + kGap;
    const QString heads[5] = {QStringLiteral("Page"), QStringLiteral("Step"), QStringLiteral("Kind"),
                              QStringLiteral("Phase"), QStringLiteral("Annotations")};
    y = drawTableHead(painter, cols, c, y, heads);

    // Numbers of the annotations on each step, as the badges show them.
    std::map<std::string, QStringList> numbers;
    for (const auto& [id, number] : annotationNumbers(m_map))
        if (const Annotation* a = m_map.annotation(id); a && options().shows(a->kind))
            numbers[a->target] << QString::number(number);

    const QFont body = ExportFonts::font(9);
    int band = 0;
    for (int i = page.firstRow; i < page.endRow; ++i) {
        const AppendixRow& row = m_rows[static_cast<std::size_t>(i)];
        if (row.heading()) {
            const QColor colour = canvasstyle::modelColor(row.lane->color);
            painter.fillRect(QRectF(c.left() + 2, y + 11, 6, 14), colour == Qt::white ? rule() : colour.darker(130));
            painter.setFont(ExportFonts::font(12, true));
            painter.setPen(ink());
            painter.drawText(QRectF(c.left() + 16, y + 8, c.width() - 16, 20), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("%1 (%2 steps)").arg(toQString(row.lane->name)).arg(row.count));
            y += row.height;
            band = 0;
            continue;
        }
        const Step& s = *row.step;
        if (band++ % 2 == 1)
            painter.fillRect(QRectF(c.left(), y, c.width(), row.height), stripe());
        const Phase* phase = m_map.phase(s.phase);
        const QString cells[5] = {stepPage(s), s.label.empty() ? QStringLiteral("(unnamed step)") : toQString(s.label),
                                  toQString(displayName(s.kind)), phase ? toQString(phase->name) : QStringLiteral("\u2013"),
                                  numbers.count(s.id) ? numbers[s.id].join(QStringLiteral(", ")) : QString()};
        painter.setFont(body);
        painter.setPen(ink());
        for (int col = 0; col < 5; ++col)
            painter.drawText(QRectF(cols.x[col] + kCellPad, y + kCellPad, cols.w[col] - 2 * kCellPad, row.height),
                             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, cells[col]);
        y += row.height;
    }
}

} // namespace crosswalk
