#include "ui/export/mapprintout.h"

#include "crosswalk/insights/annotationnumbers.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/stepshape.h"
#include "ui/print/exportfonts.h"
#include "ui/export/mapexportscene.h"
#include "ui/print/printout.h"
#include "ui/common/annotationglyph.h"
#include "ui/common/annotationtext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>

namespace crosswalk {
namespace {

// Page furniture, in points. Type sizes follow print habits: 9 pt body, 16 pt title.
constexpr qreal kTitleBlockH = 56;
constexpr qreal kGap = 10;
constexpr qreal kNavH = 14;
constexpr qreal kMaxScale = 1.0; // a map unit is 0.75 pt at 100 %: allow up to 133 %, no blown-up toy maps
constexpr qreal kNumberCol = 46;
constexpr qreal kTableHeadH = 18;
constexpr qreal kKindHeadH = 26;
constexpr qreal kCellPad = 4;

const QColor kInk(0x20, 0x21, 0x24);
const QColor kMuted(0x5F, 0x63, 0x68);
const QColor kRule(0xB0, 0xB5, 0xBA);
const QColor kStripe(0xF4, 0xF5, 0xF7);
const QColor kTileInk(0x0B, 0x3D, 0x91);

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

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
        return QStringLiteral("Step: %1").arg(s->label.empty() ? QStringLiteral("(unnamed step)") : q(s->label));
    return annotationTargetText(map, a.target);
}

QString laneText(const Map& map, const Annotation& a)
{
    const Lane* lane = map.lane(annotationLane(map, a));
    return lane ? q(lane->name) : QStringLiteral("\u2013");
}

qreal wrappedHeight(const QFont& font, qreal width, const QString& text)
{
    if (text.isEmpty())
        return 0;
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
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
    painter.setPen(kMuted);
    for (int i = 0; i < 5; ++i)
        painter.drawText(QRectF(cols.x[i] + kCellPad, y, cols.w[i] - 2 * kCellPad, kTableHeadH),
                         Qt::AlignLeft | Qt::AlignVCenter, heads[i]);
    painter.setPen(QPen(kRule, 0.8));
    painter.drawLine(QPointF(c.left(), y + kTableHeadH), QPointF(c.right(), y + kTableHeadH));
    return y + kTableHeadH;
}

} // namespace

MapPrintout::MapPrintout(const Map& map, const ExportOptions& options)
    : m_map(map),
      m_options(options),
      m_scene(std::make_unique<MapExportScene>(map, options.hiddenKinds)),
      m_tiles(map, m_scene->contentRect(), options.columns, options.rows)
{
    const QPageLayout layout(QPageSize(options.paper), options.orientation, QMarginsF());
    m_pageSize = layout.fullRectPoints().size();
    m_margin = std::clamp(options.marginMm, 0.0, 50.0) * 72.0 / 25.4;
    m_date = printpage::dateText(options);

    buildLegend();
    m_legendHeight = layoutLegend(contentArea().width());
    buildAppendix();

    if (m_options.tiled()) {
        m_pages.push_back({PageKind::Overview});
        const QRectF area = mapArea();
        m_tileScale = kMaxScale;
        for (int i = 0; i < m_tiles.count(); ++i) {
            const QRectF r = MapExportScene::withHeaders(m_tiles.tile(i));
            m_tileScale = std::min({m_tileScale, area.width() / r.width(), area.height() / r.height()});
        }
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

void MapPrintout::paginate(std::size_t from, std::size_t to, bool steps)
{
    // A heading never ends a page.
    const qreal available = contentArea().height() - kTitleBlockH - kGap - kTableHeadH;
    std::size_t i = from;
    while (i < to) {
        Page page{PageKind::Appendix};
        page.steps = steps;
        page.firstRow = static_cast<int>(i);
        qreal used = 0;
        while (i < to) {
            qreal need = m_rows[i].height;
            if (m_rows[i].heading() && i + 1 < to)
                need += m_rows[i + 1].height;
            if (used + need > available && i > static_cast<std::size_t>(page.firstRow))
                break;
            used += m_rows[i].height;
            ++i;
        }
        page.endRow = static_cast<int>(i);
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
            row.height = std::max(wrappedHeight(body, cols.w[1] - 2 * kCellPad, q(s->label)), 12.0) + 2 * kCellPad;
            m_rows.push_back(row);
        }
    }
}

QString MapPrintout::stepPage(const Step& step) const
{
    if (!m_options.tiled())
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

QRectF MapPrintout::contentArea() const
{
    return QRectF(QPointF(0, 0), m_pageSize).adjusted(m_margin, m_margin, -m_margin, -m_margin);
}

QRectF MapPrintout::mapArea() const
{
    const QRectF c = contentArea();
    const qreal bottom = m_legendHeight + kGap + (m_options.tiled() ? kNavH : 0);
    return c.adjusted(0, kTitleBlockH + kGap, 0, -bottom);
}

void MapPrintout::buildAppendix()
{
    const std::vector<std::pair<std::string, int>> numbers = annotationNumbers(m_map);
    const Columns cols = appendixColumns(contentArea().left(), contentArea().width());
    const QFont body = ExportFonts::font(9);
    const QFont detail = ExportFonts::font(8);
    for (AnnotationKind kind : kAllAnnotationKinds) {
        if (!m_options.shows(kind))
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
            qreal text = wrappedHeight(body, cols.w[1] - 2 * kCellPad, q(a->text).isEmpty() ? QStringLiteral("-") : q(a->text));
            if (kind == AnnotationKind::Variation || kind == AnnotationKind::ChangeIdea)
                text += QFontMetricsF(detail).lineSpacing() + 2;
            row.height = std::max({text, wrappedHeight(body, cols.w[2] - 2 * kCellPad, targetText(m_map, *a)),
                                   wrappedHeight(body, cols.w[3] - 2 * kCellPad, laneText(m_map, *a)),
                                   wrappedHeight(body, cols.w[4] - 2 * kCellPad, q(a->affects)), 14.0}) +
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
    std::set<StepKind> stepKinds;
    for (const Step& s : m_map.steps)
        stepKinds.insert(s.kind);
    for (StepKind k : kAllStepKinds)
        if (stepKinds.count(k))
            m_legend.push_back({LegendItem::Symbol::Step, k, {}, q(std::string(displayName(k))), {}});
    bool flow = false;
    bool handoff = false;
    for (const Flow& f : m_map.flows) {
        const Step* a = m_map.step(f.from);
        const Step* b = m_map.step(f.to);
        if (a && b)
            (a->lane == b->lane ? flow : handoff) = true;
    }
    if (flow)
        m_legend.push_back({LegendItem::Symbol::Flow, {}, {}, QStringLiteral("Flow"), {}});
    if (handoff)
        m_legend.push_back({LegendItem::Symbol::Handoff, {}, {}, QStringLiteral("Handoff to another lane"), {}});
    std::set<AnnotationKind> annotationKinds;
    for (const Annotation& a : m_map.annotations)
        if (m_options.shows(a.kind))
            annotationKinds.insert(a.kind);
    for (AnnotationKind k : kAllAnnotationKinds)
        if (annotationKinds.count(k))
            m_legend.push_back({LegendItem::Symbol::Annotation, {}, k, q(std::string(displayName(k))), {}});
    if (!annotationKinds.empty())
        m_legend.push_back({LegendItem::Symbol::Note, {}, {}, QStringLiteral("Numbers refer to the list of annotations at the end"), {}});
}

qreal MapPrintout::layoutLegend(qreal width)
{
    if (m_legend.empty())
        return 0;
    const QFontMetricsF metrics(ExportFonts::font(9));
    const qreal rowH = 20;
    const qreal titleW = QFontMetricsF(ExportFonts::font(9, true)).horizontalAdvance(QStringLiteral("Legend")) + 12;
    qreal x = titleW;
    qreal y = 0;
    for (LegendItem& item : m_legend) {
        const qreal symbolW = item.symbol == LegendItem::Symbol::Note ? 0
                              : item.symbol == LegendItem::Symbol::Annotation ? 14
                                                                              : 30;
        const qreal w = symbolW + (symbolW > 0 ? 5 : 0) + metrics.horizontalAdvance(item.text) + 16;
        if (x + w > width && x > titleW) {
            x = titleW;
            y += rowH;
        }
        item.rect = QRectF(x, y, w, rowH);
        x += w;
    }
    return y + rowH + 6;
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
        return m_options.tiled() ? m_tiles.label(page.tile) : QStringLiteral("Map");
    }
    return {};
}

QString MapPrintout::pageLabel(int index) const
{
    return QStringLiteral("%1 \u00B7 page %2 of %3").arg(pageName(index)).arg(index + 1).arg(pageCount());
}

void MapPrintout::paintPage(QPainter& painter, int index)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), m_pageSize), Qt::white);
    paintTitleBlock(painter, index);
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
    painter.restore();
}

void MapPrintout::paintTitleBlock(QPainter& painter, int index)
{
    const QRectF c = contentArea();
    const QRectF block(c.left(), c.top(), c.width(), kTitleBlockH);
    const Page& page = m_pages.at(static_cast<std::size_t>(index));

    // Right: where this page is.
    qreal reserved = printpage::paintPageTag(painter, block, pageName(index), index, pageCount());
    if (m_options.tiled()) {
        // A small grid of the tiling with this page filled: where am I on the map.
        const qreal cell = std::min(10.0, 36.0 / std::max(m_tiles.rows(), 1));
        const QRectF box(block.right() - reserved - cell * m_tiles.columns(), block.top() + 4, cell * m_tiles.columns(),
                         cell * m_tiles.rows());
        paintLocator(painter, box, page.kind == PageKind::Map ? page.tile : -1);
        reserved += box.width() + 12;
    }

    // Left: what this is, in two lines of facts: what the map is, then which version of it this print is.
    const QString title = m_map.props.title.empty() ? QStringLiteral("Untitled map") : q(m_map.props.title);
    QStringList what;
    if (!m_map.props.district.empty())
        what << q(m_map.props.district);
    if (!m_map.props.focus.empty())
        what << q(m_map.props.focus);
    what << (m_map.props.state == MapState::Current ? QStringLiteral("Current state (as it runs today)")
                                                    : QStringLiteral("Future state (as the team wants it to run)"));
    QStringList when;
    if (!m_options.revisionName.isEmpty())
        when << QStringLiteral("Revision: %1").arg(m_options.revisionName);
    when << QStringLiteral("Exported %1").arg(m_date);
    const QString separator = QStringLiteral("  \u00B7  ");
    printpage::paintTitleText(painter, block, block.width() - reserved, title, what.join(separator),
                              when.join(separator));
}

void MapPrintout::paintLocator(QPainter& painter, const QRectF& box, int tile)
{
    const qreal cw = box.width() / m_tiles.columns();
    const qreal ch = box.height() / m_tiles.rows();
    for (int r = 0; r < m_tiles.rows(); ++r)
        for (int c = 0; c < m_tiles.columns(); ++c) {
            const QRectF cell(box.left() + c * cw, box.top() + r * ch, cw, ch);
            painter.setPen(QPen(kMuted, 0.6));
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
    if (!m_options.tiled()) {
        const QRectF content = m_scene->contentRect();
        const qreal s = fitScale(area, content);
        const QSizeF size = MapExportScene::withHeaders(content).size() * s;
        const QRectF target(area.left() + (area.width() - size.width()) / 2, area.top(), size.width(), size.height());
        m_scene->paint(painter, target, content);
        painter.setPen(QPen(kRule, 0.8));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(target);
        return target.bottom();
    }
    const QRectF content = m_tiles.tile(page.tile);
    const QSizeF size = MapExportScene::withHeaders(content).size() * m_tileScale;
    const QRectF target(area.topLeft(), size);
    m_scene->paint(painter, target, content);
    painter.setPen(QPen(kRule, 0.8));
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
    painter.setPen(kMuted);
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
    painter.setPen(QPen(kRule, 0.8));
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

void MapPrintout::paintLegend(QPainter& painter, qreal top)
{
    if (m_legend.empty())
        return;
    const QRectF c = contentArea();
    // Under the map when it leaves room (a wide map on a tall page), else at the foot of the page.
    const QPointF origin(c.left(), std::min(top, c.bottom() - m_legendHeight) + 6);
    painter.setPen(QPen(kRule, 0.8));
    painter.drawLine(QPointF(c.left(), origin.y() - 4), QPointF(c.right(), origin.y() - 4));
    const QFont font = ExportFonts::font(9);
    painter.setFont(ExportFonts::font(9, true));
    painter.setPen(kInk);
    painter.drawText(QRectF(origin, QSizeF(60, 20)), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Legend"));
    for (const LegendItem& item : m_legend) {
        const QRectF r = item.rect.translated(origin);
        qreal textLeft = r.left();
        switch (item.symbol) {
        case LegendItem::Symbol::Step: {
            const QRectF shape(r.left(), r.center().y() - 7, 30, 14);
            painter.save();
            StepShape::paint(painter, item.stepKind, shape, canvasstyle::ink());
            painter.restore();
            textLeft += 35;
            break;
        }
        case LegendItem::Symbol::Flow:
        case LegendItem::Symbol::Handoff: {
            const bool handoff = item.symbol == LegendItem::Symbol::Handoff;
            const QColor color = handoff ? canvasstyle::handoffInk() : canvasstyle::flowInk();
            drawArrow(painter, QPointF(r.left(), r.center().y()), QPointF(r.left() + 30, r.center().y()), color,
                      handoff ? 1.6 : 1.2);
            if (handoff) {
                const QPointF m(r.left() + 13, r.center().y());
                painter.setBrush(color);
                painter.drawPolygon(QPolygonF{m + QPointF(0, -3.5), m + QPointF(3.5, 0), m + QPointF(0, 3.5), m + QPointF(-3.5, 0)});
            }
            textLeft += 35;
            break;
        }
        case LegendItem::Symbol::Annotation:
            painter.save();
            paintAnnotationGlyph(painter, QRectF(r.left(), r.center().y() - 7, 14, 14), item.annotationKind);
            painter.restore();
            textLeft += 19;
            break;
        case LegendItem::Symbol::Note:
            break;
        }
        painter.setFont(font);
        painter.setPen(item.symbol == LegendItem::Symbol::Note ? kMuted : kInk);
        painter.drawText(QRectF(textLeft, r.top(), r.right() - textLeft, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         item.text);
    }
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
    int stripe = 0;
    for (int i = page.firstRow; i < page.endRow; ++i) {
        const AppendixRow& row = m_rows[static_cast<std::size_t>(i)];
        if (row.heading()) {
            const QRectF glyph(c.left() + 2, y + 10, 16, 16);
            painter.save();
            paintAnnotationGlyph(painter, glyph, row.kind);
            painter.restore();
            painter.setFont(ExportFonts::font(12, true));
            painter.setPen(kInk);
            const QString title = QStringLiteral("%1 (%2)").arg(pluralName(row.kind)).arg(row.count);
            painter.drawText(QRectF(c.left() + 24, y + 8, c.width() / 2, 20), Qt::AlignLeft | Qt::AlignVCenter, title);
            const qreal titleW = QFontMetricsF(ExportFonts::font(12, true)).horizontalAdvance(title);
            painter.setFont(detail);
            painter.setPen(kMuted);
            painter.drawText(QRectF(c.left() + 24 + titleW + 12, y + 8, c.width() - titleW - 40, 20),
                             Qt::AlignLeft | Qt::AlignVCenter, kindLine(row.kind));
            y += row.height;
            stripe = 0;
            continue;
        }
        const Annotation& a = *row.annotation;
        const QRectF band(c.left(), y, c.width(), row.height);
        if (stripe++ % 2 == 1)
            painter.fillRect(band, kStripe);
        const qreal top = y + kCellPad + 1;
        painter.save();
        paintAnnotationGlyph(painter, QRectF(cols.x[0] + kCellPad, top, 13, 13), a);
        painter.restore();
        painter.setFont(bold);
        painter.setPen(kInk);
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
            cell(1, annotationKindText(a), ExportFonts::font(8, true), kMuted);
            dy = QFontMetricsF(detail).lineSpacing() + 2;
        }
        cell(1, a.text.empty() ? QStringLiteral("-") : q(a.text), body, kInk, dy);
        cell(2, targetText(m_map, a), body, kInk);
        cell(3, laneText(m_map, a), body, kInk);
        cell(4, q(a.affects), body, kInk);
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
        if (const Annotation* a = m_map.annotation(id); a && m_options.shows(a->kind))
            numbers[a->target] << QString::number(number);

    const QFont body = ExportFonts::font(9);
    int stripe = 0;
    for (int i = page.firstRow; i < page.endRow; ++i) {
        const AppendixRow& row = m_rows[static_cast<std::size_t>(i)];
        if (row.heading()) {
            const QColor colour = canvasstyle::modelColor(row.lane->color);
            painter.fillRect(QRectF(c.left() + 2, y + 11, 6, 14), colour == Qt::white ? kRule : colour.darker(130));
            painter.setFont(ExportFonts::font(12, true));
            painter.setPen(kInk);
            painter.drawText(QRectF(c.left() + 16, y + 8, c.width() - 16, 20), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("%1 (%2 steps)").arg(q(row.lane->name)).arg(row.count));
            y += row.height;
            stripe = 0;
            continue;
        }
        const Step& s = *row.step;
        if (stripe++ % 2 == 1)
            painter.fillRect(QRectF(c.left(), y, c.width(), row.height), kStripe);
        const Phase* phase = m_map.phase(s.phase);
        const QString cells[5] = {stepPage(s), s.label.empty() ? QStringLiteral("(unnamed step)") : q(s.label),
                                  q(std::string(displayName(s.kind))), phase ? q(phase->name) : QStringLiteral("\u2013"),
                                  numbers.count(s.id) ? numbers[s.id].join(QStringLiteral(", ")) : QString()};
        painter.setFont(body);
        painter.setPen(kInk);
        for (int col = 0; col < 5; ++col)
            painter.drawText(QRectF(cols.x[col] + kCellPad, y + kCellPad, cols.w[col] - 2 * kCellPad, row.height),
                             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, cells[col]);
        y += row.height;
    }
}

QByteArray MapPrintout::toPdf()
{
    return printpage::writePdf(m_options,
                               m_map.props.title.empty() ? QStringLiteral("Crosswalk map") : q(m_map.props.title),
                               pageCount(), [this](QPainter& painter, int page) { paintPage(painter, page); });
}

} // namespace crosswalk
