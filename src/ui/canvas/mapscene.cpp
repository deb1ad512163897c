#include "ui/canvas/mapscene.h"

#include <limits>

#include "crosswalk/insights/annotationnumbers.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/annotationbadgeitem.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/cornerheaderitem.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/phaseheaderitem.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationtext.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <set>

namespace crosswalk {

using namespace canvasstyle;

MapScene::MapScene(QObject* parent) : QGraphicsScene(parent)
{
    // Items move every time a step is dragged; a BSP tree would be rebuilt over and over.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    m_corner = new CornerHeaderItem();
    addItem(m_corner);
    setStickyOrigin(QPointF(-1e9, -1e9));
}

MapScene::~MapScene() = default;

void MapScene::setDocument(MapDocument* document)
{
    // A document that was destroyed reads as nullptr here too, and must still be cleared away.
    if (document && m_document == document)
        return;
    if (m_changedConnection)
        disconnect(m_changedConnection);
    m_document = document;
    removeAllItems();
    if (m_document)
        m_changedConnection =
            connect(m_document, &MapDocument::changed, this, [this](const ChangeSet& c) { applyChanges(c); });
    sync();
}

const Map* MapScene::map() const
{
    return m_document ? &m_document->map() : nullptr;
}

StepItem* MapScene::stepItem(const std::string& id) const
{
    auto it = m_steps.find(id);
    return it == m_steps.end() ? nullptr : it->second;
}

FlowItem* MapScene::flowItem(const std::string& id) const
{
    auto it = m_flows.find(id);
    return it == m_flows.end() ? nullptr : it->second;
}

LaneHeaderItem* MapScene::laneHeader(const std::string& id) const
{
    auto it = m_lanes.find(id);
    return it == m_lanes.end() ? nullptr : it->second;
}

PhaseHeaderItem* MapScene::phaseHeader(const std::string& id) const
{
    auto it = m_phases.find(id);
    return it == m_phases.end() ? nullptr : it->second;
}

std::vector<std::string> MapScene::selectedStepIds() const
{
    std::vector<std::string> ids;
    if (const Map* m = map())
        for (const Step& s : m->steps)
            if (StepItem* item = stepItem(s.id); item && item->isSelected())
                ids.push_back(s.id);
    return ids;
}

std::vector<std::string> MapScene::selectedFlowIds() const
{
    std::vector<std::string> ids;
    if (const Map* m = map())
        for (const Flow& f : m->flows)
            if (FlowItem* item = flowItem(f.id); item && item->isSelected())
                ids.push_back(f.id);
    return ids;
}

void MapScene::setGridVisible(bool visible)
{
    m_gridVisible = visible;
    invalidateBackground();
}

void MapScene::invalidateBackground()
{
    // Views cache the background (lane bands, grid, dividers); a null rectangle would
    // invalidate nothing, and the area outside the scene rectangle is background too.
    invalidate(sceneRect().adjusted(-1e5, -1e5, 1e5, 1e5), BackgroundLayer);
}

void MapScene::setHeaderScale(qreal scale)
{
    if (scale == m_headerScale)
        return;
    m_headerScale = scale;
    m_corner->setScale(scale);
    for (const auto& [id, item] : m_lanes)
        item->setHeaderScale(scale);
    for (const auto& [id, item] : m_phases)
        item->setHeaderScale(scale);
    updateSceneRect();
    // The headers' strip changed width: place them again against the same view corner.
    m_laneHeaderX = m_phaseHeaderY = std::numeric_limits<qreal>::quiet_NaN();
    setStickyOrigin(m_stickyOrigin);
}

qreal MapScene::laneHeaderWidth() const
{
    return kLaneHeaderWidth * m_headerScale;
}

qreal MapScene::phaseHeaderHeight() const
{
    return kPhaseHeaderHeight * m_headerScale;
}

void MapScene::setStickyOrigin(const QPointF& visibleTopLeft)
{
    m_stickyOrigin = visibleTopLeft;
    const qreal x = std::max<qreal>(-laneHeaderWidth(), visibleTopLeft.x());
    const qreal y = std::max<qreal>(-phaseHeaderHeight(), visibleTopLeft.y());
    if (x == m_laneHeaderX && y == m_phaseHeaderY)
        return;
    m_laneHeaderX = x;
    m_phaseHeaderY = y;
    updateHeaders();
}

void MapScene::setVisibleColumns(qreal left, qreal right)
{
    if (left == m_visibleLeft && right == m_visibleRight)
        return;
    m_visibleLeft = left;
    m_visibleRight = right;
    updateHeaders();
}

QRectF MapScene::stepRect(const Step& step) const
{
    if (auto it = m_previewRects.find(step.id); it != m_previewRects.end())
        return it->second;
    const layout::Rect r = layout::stepRect(m_document->map(), step);
    return QRectF(r.x, r.y, r.w, r.h);
}

void MapScene::removeAllItems()
{
    removeAllBadges();
    removeAllFacilitation();
    for (auto& [id, item] : m_steps)
        delete item;
    for (auto& [id, item] : m_flows)
        delete item;
    m_flowLabels.clear();
    for (auto& [id, item] : m_lanes)
        delete item;
    for (auto& [id, item] : m_phases)
        delete item;
    m_steps.clear();
    invalidateStepGrid();
    m_flows.clear();
    m_lanes.clear();
    m_phases.clear();
    m_previewRects.clear();
}

template <typename Item, typename Entities>
static void dropMissing(std::unordered_map<std::string, Item*>& items, const Entities& entities)
{
    std::set<std::string> alive;
    for (const auto& e : entities)
        alive.insert(e.id);
    for (auto it = items.begin(); it != items.end();) {
        if (!alive.count(it->first)) {
            delete it->second;
            it = items.erase(it);
        } else {
            ++it;
        }
    }
}

void MapScene::sync()
{
    if (!m_document) {
        removeAllItems();
        updateSceneRect();
        invalidateBackground();
        emit synced();
        return;
    }
    const Map& m = m_document->map();
    dropMissing(m_lanes, m.lanes);
    dropMissing(m_phases, m.phases);
    dropMissing(m_steps, m.steps);
    invalidateStepGrid();
    dropMissing(m_flows, m.flows);
    for (const Step& s : m.steps)
        updateStep(s);
    rebuildObstacles();
    for (const Flow& f : m.flows)
        updateFlow(f);
    updateHeaders();
    updateBadges();
    updateSceneRect();
    invalidateBackground(); // lane bands and phase columns are drawn in the background
    emit synced();
}

void MapScene::applyChanges(const ChangeSet& changes)
{
    if (!m_document)
        return;
    m_previewRects.clear();
    // Lanes and phases move everything below or right of them: rebuild it all.
    if (changes.laneOrder || changes.phaseOrder || !changes.lanes.empty() || !changes.phases.empty()) {
        sync();
        return;
    }
    const Map& m = m_document->map();
    std::set<std::string> flowIds(changes.flows.begin(), changes.flows.end());
    std::vector<QRectF> touched;
    for (const std::string& id : changes.steps) {
        if (StepItem* item = stepItem(id))
            touched.push_back(item->sceneRectOfStep());
        if (const Step* s = m.step(id)) {
            updateStep(*s);
            touched.push_back(stepItem(id)->sceneRectOfStep());
        } else if (auto it = m_steps.find(id); it != m_steps.end()) {
            delete it->second;
            m_steps.erase(it);
            invalidateStepGrid();
        }
    }
    if (!changes.steps.empty()) {
        dropMissing(m_flows, m.flows); // flows that went with a removed step
        rebuildObstacles();
        for (const Flow& f : m.flows) {
            if (changes.steps.count(f.from) || changes.steps.count(f.to)) {
                flowIds.insert(f.id);
                continue;
            }
            // A flow whose route passes where a step was or now is may need a new way round.
            if (FlowItem* item = flowItem(f.id))
                for (const QRectF& r : touched)
                    if (item->route().boundingRect().adjusted(-1, -1, 1, 1).intersects(r)) {
                        flowIds.insert(f.id);
                        break;
                    }
        }
    }
    // Routes that stay are what the rerouted ones must not run along.
    m_router.clearRoutes();
    for (const auto& [id, item] : m_flows)
        if (!flowIds.count(id))
            m_router.addRoute(item->route(), item->flow().from, item->flow().to);
    for (const std::string& id : flowIds) {
        if (const Flow* f = m.flow(id)) {
            updateFlow(*f);
        } else if (auto it = m_flows.find(id); it != m_flows.end()) {
            delete it->second;
            m_flows.erase(it);
        }
    }
    if (!changes.steps.empty())
        updateHeaders(); // step counts per lane
    updateBadges();      // numbers shift, and flow badges follow rerouted flows
    updateSceneRect();
    emit synced();
}

void MapScene::updateStep(const Step& step)
{
    StepItem*& item = m_steps[step.id];
    if (!item) {
        item = new StepItem(step.id);
        addItem(item);
    }
    item->setStep(step, stepRect(step));
}

void MapScene::updateFlow(const Flow& flow, bool remember)
{
    // The step items hold their steps as the model has them (steps are brought up to date
    // before their flows): a lookup by id, where Map::step walks all steps, which for the
    // 40,000 flows of a map at the limits was 400 million string comparisons.
    const StepItem* fromItem = stepItem(flow.from);
    const StepItem* toItem = stepItem(flow.to);
    const Step* from = fromItem ? &fromItem->step() : nullptr;
    const Step* to = toItem ? &toItem->step() : nullptr;
    if (!from || !to)
        return;
    FlowItem*& item = m_flows[flow.id];
    if (!item) {
        item = new FlowItem(flow.id);
        addItem(item);
    }
    const QPolygonF route = m_router.route(from->id, stepRect(*from), to->id, stepRect(*to));
    if (remember)
        m_router.addRoute(route, from->id, to->id);
    const bool handoff = from->lane != to->lane;
    item->setFlow(flow, route, handoff, handoff ? handoffPoint(route) : std::nullopt);
}

void MapScene::rebuildObstacles()
{
    std::unordered_map<std::string, QRectF> rects;
    rects.reserve(m_steps.size());
    std::vector<qreal> laneBorders{0}; // the top of the first lane is a border too
    std::vector<qreal> phaseBorders;
    std::unordered_set<std::string> sliding; // flat-sided steps: ports may slide along a side
    if (const Map* m = map()) {
        for (const Step& s : m->steps) {
            rects.emplace(s.id, stepRect(s));
            if (s.kind == StepKind::Activity || s.kind == StepKind::Meeting)
                sliding.insert(s.id);
        }
        int y = 0;
        for (const Lane& lane : m->lanes)
            laneBorders.push_back(y += lane.height);
        int x = 0;
        for (const Phase& phase : m->phases)
            phaseBorders.push_back(x += phase.width);
    }
    m_router.setObstacles(rects);
    m_router.setGuides(std::move(laneBorders), std::move(phaseBorders));
    m_router.setSlidingPorts(std::move(sliding));
}

std::optional<QPointF> MapScene::handoffPoint(const QPolygonF& route) const
{
    const Map& m = m_document->map();
    qreal y = 0;
    for (std::size_t i = 0; i + 1 < m.lanes.size(); ++i) {
        y += m.lanes[i].height;
        for (int k = 1; k < route.size(); ++k) {
            const QPointF a = route[k - 1];
            const QPointF b = route[k];
            // A vertical segment that crosses the border, or ends on it (a route that runs
            // along the border between two lanes).
            if ((a.y() - y) * (b.y() - y) <= 0 && std::abs(a.y() - b.y()) > 0.5 && std::abs(a.x() - b.x()) < 0.5)
                return QPointF(a.x(), y);
        }
    }
    return std::nullopt;
}

void MapScene::previewStepRects(const std::unordered_map<std::string, QRectF>& rects)
{
    if (!m_document)
        return;
    m_previewRects = rects;
    const Map& m = m_document->map();
    std::set<std::string> moved;
    for (const auto& [id, r] : rects)
        if (StepItem* item = stepItem(id)) {
            item->setPos(r.topLeft());
            moved.insert(id);
        }
    if (rects.empty()) {
        // The drag ended without an edit: everything back to what the model says.
        for (const Step& s : m.steps)
            if (StepItem* item = stepItem(s.id))
                item->setStep(s, stepRect(s));
        m_router.clearRoutes();
        for (const Flow& f : m.flows)
            updateFlow(f, true);
        updateBadges();
        return;
    }
    // Only the flows of the dragged steps are rerouted while dragging; the rest follow on drop.
    for (const Flow& f : m.flows)
        if (moved.count(f.from) || moved.count(f.to))
            updateFlow(f, false);
    updateBadges(); // step badges ride on their steps; flow badges must follow the new routes
}

void MapScene::updateHeaders()
{
    const Map* m = map();
    if (!m) {
        m_corner->setPos(m_laneHeaderX, m_phaseHeaderY);
        return;
    }
    int top = 0;
    for (const Lane& lane : m->lanes) {
        LaneHeaderItem*& item = m_lanes[lane.id];
        if (!item) {
            item = new LaneHeaderItem(lane.id);
            item->setHeaderScale(m_headerScale);
            addItem(item);
        }
        int count = 0;
        for (const Step& s : m->steps)
            count += s.lane == lane.id;
        item->setLane(lane, count);
        item->setPos(m_laneHeaderX, top);
        top += lane.height;
    }
    int left = 0;
    for (const Phase& phase : m->phases) {
        PhaseHeaderItem*& item = m_phases[phase.id];
        if (!item) {
            item = new PhaseHeaderItem(phase.id);
            item->setHeaderScale(m_headerScale);
            addItem(item);
        }
        item->setPhase(phase);
        item->setPos(left, m_phaseHeaderY);
        item->setVisibleSpan(m_visibleLeft - left, m_visibleRight - left);
        left += phase.width;
    }
    m_corner->setPos(m_laneHeaderX, m_phaseHeaderY);
}

namespace {
constexpr qreal kStepGridCell = 256;

long long stepGridKey(int column, int row)
{
    return (static_cast<long long>(column) << 32) ^ static_cast<long long>(static_cast<unsigned>(row));
}
} // namespace

bool MapScene::stepCovers(const QRectF& r) const
{
    if (m_stepGridDirty) {
        m_stepGrid.clear();
        for (const auto& [id, item] : m_steps) {
            const QRectF s = item->sceneRectOfStep();
            for (int c = static_cast<int>(std::floor(s.left() / kStepGridCell));
                 c <= static_cast<int>(std::floor(s.right() / kStepGridCell)); ++c)
                for (int w = static_cast<int>(std::floor(s.top() / kStepGridCell));
                     w <= static_cast<int>(std::floor(s.bottom() / kStepGridCell)); ++w)
                    m_stepGrid[stepGridKey(c, w)].push_back(s);
        }
        m_stepGridDirty = false;
    }
    for (int c = static_cast<int>(std::floor(r.left() / kStepGridCell));
         c <= static_cast<int>(std::floor(r.right() / kStepGridCell)); ++c)
        for (int w = static_cast<int>(std::floor(r.top() / kStepGridCell));
             w <= static_cast<int>(std::floor(r.bottom() / kStepGridCell)); ++w) {
            const auto it = m_stepGrid.find(stepGridKey(c, w));
            if (it == m_stepGrid.end())
                continue;
            for (const QRectF& s : it->second)
                if (s.intersects(r))
                    return true;
        }
    return false;
}

QRectF MapScene::mapBounds() const
{
    const Map* m = map();
    const int w = m ? layout::totalWidth(*m) : 0;
    const int h = m ? layout::totalHeight(*m) : 0;
    return QRectF(-laneHeaderWidth(), -phaseHeaderHeight(), laneHeaderWidth() + std::max(w, 200),
                  phaseHeaderHeight() + std::max(h, 100));
}

void MapScene::updateSceneRect()
{
    const QRectF r = mapBounds().adjusted(0, 0, kRightMargin, kBottomMargin);
    if (r != sceneRect()) {
        setSceneRect(r);
        invalidateBackground(); // lane bands reach the scene's right edge
    }
}

void MapScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, outsideFill());
    const Map* m = map();
    if (!m)
        return;
    const qreal right = sceneRect().right();
    const int height = layout::totalHeight(*m);

    // Lane bands, in the lane's colour washed towards white.
    int top = 0;
    for (const Lane& lane : m->lanes) {
        const QRectF band(0, top, right, lane.height);
        if (band.intersects(rect))
            painter->fillRect(band, bandFill(modelColor(lane.color)));
        top += lane.height;
    }

    if (m_gridVisible) {
        // Faint, and only where it helps: at small zoom the lines would turn the map grey.
        const qreal scale = painter->worldTransform().m11();
        const int step = layout::kGrid * (scale < 0.9 ? 5 : 2);
        if (step * scale >= 7) {
            painter->setPen(QPen(gridInk(), 0));
            const QRectF area = rect.intersected(QRectF(0, 0, right, height));
            QVector<QLineF> lines;
            for (qreal x = std::ceil(area.left() / step) * step; x <= area.right(); x += step)
                lines.append(QLineF(x, area.top(), x, area.bottom()));
            for (qreal y = std::ceil(area.top() / step) * step; y <= area.bottom(); y += step)
                lines.append(QLineF(area.left(), y, area.right(), y));
            painter->drawLines(lines);
        }
    }

    // Phase columns: dashed dividers, so they read as time and not as walls.
    QPen phasePen(phaseBorder(), 1.5, Qt::DashLine);
    painter->setPen(phasePen);
    int left = 0;
    for (const Phase& phase : m->phases) {
        left += phase.width;
        painter->drawLine(QLineF(left, 0, left, height));
    }

    painter->setPen(QPen(laneBorder(), 1.5));
    top = 0;
    for (const Lane& lane : m->lanes) {
        top += lane.height;
        painter->drawLine(QLineF(0, top, right, top));
    }
}

AnnotationBadgeItem* MapScene::badgeAt(const QPointF& pos) const
{
    // Only the topmost item: a badge scrolled under a sticky header is not there to click.
    const auto hits = items(pos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    if (!hits.isEmpty() && hits.first()->type() == AnnotationBadgeItem::Type)
        return static_cast<AnnotationBadgeItem*>(hits.first());
    return nullptr;
}

StepItem* MapScene::stepItemAt(const QPointF& pos) const
{
    for (QGraphicsItem* item : items(pos, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (item->type() == StepItem::Type)
            return static_cast<StepItem*>(item);
        else if (item->type() == LaneHeaderItem::Type || item->type() == PhaseHeaderItem::Type ||
                 item->type() == CornerHeaderItem::Type)
            return nullptr; // headers cover what scrolls beneath them
    return nullptr;
}

FlowItem* MapScene::flowItemAt(const QPointF& pos) const
{
    for (QGraphicsItem* item : items(pos, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (item->type() == FlowItem::Type)
            return static_cast<FlowItem*>(item);
        else if (item->type() != StepItem::Type || item->zValue() > 50)
            return nullptr;
    return nullptr;
}

LaneHeaderItem* MapScene::laneHeaderAt(const QPointF& pos) const
{
    for (QGraphicsItem* item : items(pos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (item->type() == LaneHeaderItem::Type)
            return static_cast<LaneHeaderItem*>(item);
        if (item->type() == CornerHeaderItem::Type)
            return nullptr;
    }
    return nullptr;
}

PhaseHeaderItem* MapScene::phaseHeaderAt(const QPointF& pos) const
{
    for (QGraphicsItem* item : items(pos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (item->type() == PhaseHeaderItem::Type)
            return static_cast<PhaseHeaderItem*>(item);
        if (item->type() == CornerHeaderItem::Type || item->type() == LaneHeaderItem::Type)
            return nullptr;
    }
    return nullptr;
}

std::optional<std::string> MapScene::laneBorderAt(const QPointF& pos, qreal slack) const
{
    const Map* m = map();
    if (!m || pos.y() < 0)
        return std::nullopt;
    int bottom = 0;
    for (const Lane& lane : m->lanes) {
        bottom += lane.height;
        if (std::abs(pos.y() - bottom) <= slack)
            return lane.id;
    }
    return std::nullopt;
}

std::optional<std::string> MapScene::phaseBorderAt(const QPointF& pos, qreal slack) const
{
    const Map* m = map();
    if (!m || pos.x() < 0)
        return std::nullopt;
    int right = 0;
    for (const Phase& phase : m->phases) {
        right += phase.width;
        if (std::abs(pos.x() - right) <= slack)
            return phase.id;
    }
    return std::nullopt;
}

bool MapScene::inLaneArea(const QPointF& pos) const
{
    const Map* m = map();
    return m && !m->lanes.empty() && pos.x() >= 0 && pos.y() >= 0 && pos.y() < layout::totalHeight(*m) &&
           pos.x() > m_laneHeaderX + laneHeaderWidth() && pos.y() > m_phaseHeaderY + phaseHeaderHeight();
}

// ----- annotation badges --------------------------------------------------------------------

AnnotationBadgeItem* MapScene::badge(const std::string& annotationId) const
{
    auto it = m_badges.find(annotationId);
    return it == m_badges.end() ? nullptr : it->second.data();
}

std::size_t MapScene::badgeCount() const
{
    return static_cast<std::size_t>(
        std::count_if(m_badges.begin(), m_badges.end(), [](const auto& entry) { return !entry.second.isNull(); }));
}

void MapScene::setHiddenAnnotationKinds(const QSet<AnnotationKind>& kinds)
{
    if (kinds == m_hiddenKinds)
        return;
    m_hiddenKinds = kinds;
    updateBadges();
}

void MapScene::setHighlightedSteps(const std::set<std::string>& ids)
{
    m_highlighted = ids;
    for (const auto& [id, item] : m_steps)
        item->setHighlighted(m_highlighted.count(id) > 0);
}

void MapScene::setCurrentAnnotation(const std::string& id)
{
    m_currentAnnotation = id;
    for (const auto& [badgeId, item] : m_badges)
        if (item)
            item->setCurrent(badgeId == id);
}

void MapScene::removeAllBadges()
{
    for (auto& [id, item] : m_badges)
        delete item.data();
    m_badges.clear();
}

namespace {

constexpr qreal kBadgeGap = 3;

QString badgeToolTip(const Map& map, const Annotation& a, int number)
{
    QString tip = QStringLiteral("<b>%1&nbsp;&nbsp;%2</b>").arg(number).arg(annotationKindText(a).toHtmlEscaped());
    tip += QStringLiteral("<br>") + (a.text.empty() ? QObject::tr("<i>(no text yet)</i>")
                                                    : QString::fromStdString(a.text).toHtmlEscaped());
    if (!a.affects.empty())
        tip += QStringLiteral("<br>") + QObject::tr("Affects: %1").arg(QString::fromStdString(a.affects).toHtmlEscaped());
    tip += QStringLiteral("<br>") + QObject::tr("On: %1").arg(annotationTargetText(map, a.target).toHtmlEscaped());
    return tip;
}

/// Splits badges of these widths into rows no wider than maxWidth (at least one badge a row).
std::vector<std::vector<std::size_t>> badgeRows(const std::vector<qreal>& widths, qreal maxWidth)
{
    std::vector<std::vector<std::size_t>> rows;
    qreal used = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (rows.empty() || (used + widths[i] > maxWidth && !rows.back().empty())) {
            rows.emplace_back();
            used = 0;
        }
        rows.back().push_back(i);
        used += widths[i] + kBadgeGap;
    }
    return rows;
}

qreal rowWidth(const std::vector<qreal>& widths, const std::vector<std::size_t>& row)
{
    qreal w = 0;
    for (std::size_t i : row)
        w += widths[i] + kBadgeGap;
    return row.empty() ? 0 : w - kBadgeGap;
}

/// True when the route's midpoint lies on a vertical segment.
bool midpointOnVertical(const QPolygonF& route, const QPointF& mid)
{
    for (int i = 1; i < route.size(); ++i) {
        const QLineF seg(route[i - 1], route[i]);
        const QRectF box = QRectF(seg.p1(), seg.p2()).normalized().adjusted(-0.5, -0.5, 0.5, 0.5);
        if (box.contains(mid))
            return std::abs(seg.dx()) < 0.5 && std::abs(seg.dy()) > 0.5;
    }
    return false;
}

} // namespace

void MapScene::updateBadges()
{
    const Map* m = map();
    if (!m) {
        removeAllBadges();
        m_corner->setHintVisible(true);
        return;
    }
    std::unordered_map<std::string, int> numbers;
    for (const auto& [id, number] : annotationNumbers(*m))
        numbers.emplace(id, number);

    // Annotations per target in map order, so that badges read 1, 2, 3 left to right.
    std::vector<std::string> targets;
    std::unordered_map<std::string, std::vector<const Annotation*>> byTarget;
    std::set<std::string> blackBoxes;
    const bool blackBoxShown = !m_hiddenKinds.contains(AnnotationKind::BlackBox);
    for (const Annotation& a : m->annotations) {
        if (a.kind == AnnotationKind::BlackBox && blackBoxShown)
            blackBoxes.insert(a.target);
        if (m_hiddenKinds.contains(a.kind))
            continue;
        auto& list = byTarget[a.target];
        if (list.empty())
            targets.push_back(a.target);
        list.push_back(&a);
    }
    for (const auto& [id, item] : m_steps) {
        item->setBlackBox(blackBoxes.count(id) > 0);
        item->setHighlighted(m_highlighted.count(id) > 0);
    }

    std::set<std::string> alive;
    std::unordered_map<std::string, qreal> laneBadgeSpace;
    bool mapBadges = false;
    const qreal h = AnnotationBadgeItem::kHeight;
    for (const std::string& target : targets) {
        QGraphicsItem* parent = nullptr;
        StepItem* stepItemOf = nullptr;
        FlowItem* flowItemOf = nullptr;
        LaneHeaderItem* laneItemOf = nullptr;
        if (target.empty())
            parent = m_corner;
        else if ((stepItemOf = stepItem(target)))
            parent = stepItemOf;
        else if ((flowItemOf = flowItem(target)))
            parent = flowItemOf;
        else if ((laneItemOf = laneHeader(target)))
            parent = laneItemOf;
        if (!parent)
            continue; // a target the map no longer has: nothing to pin the badge to

        std::vector<AnnotationBadgeItem*> badges;
        std::vector<qreal> widths;
        for (const Annotation* a : byTarget[target]) {
            QPointer<AnnotationBadgeItem>& slot = m_badges[a->id];
            if (slot && slot->parentItem() != parent) {
                delete slot.data();
                slot = nullptr;
            }
            if (!slot)
                slot = new AnnotationBadgeItem(parent);
            const int number = numbers.count(a->id) ? numbers.at(a->id) : 0;
            slot->setAnnotation(*a, number, badgeToolTip(*m, *a, number));
            slot->setCurrent(a->id == m_currentAnnotation);
            badges.push_back(slot.data());
            widths.push_back(slot->width());
            alive.insert(a->id);
        }

        if (stepItemOf) {
            // Along the top edge from the top-right corner, straddling the border so that the
            // label stays clear; further rows stack upwards into the free room above the step.
            const QSizeF size = stepItemOf->sceneRectOfStep().size();
            const qreal right = size.width() + 8;
            const auto rows = badgeRows(widths, size.width() + 8);
            for (std::size_t r = 0; r < rows.size(); ++r) {
                qreal x = right - rowWidth(widths, rows[r]);
                const qreal y = -h / 2 - static_cast<qreal>(r) * (h + kBadgeGap);
                for (std::size_t i : rows[r]) {
                    badges[i]->setPos(x, y);
                    x += widths[i] + kBadgeGap;
                }
            }
        } else if (flowItemOf) {
            // Beside the flow's midpoint, clear of its label: right of a vertical stretch,
            // above a horizontal one.
            const QPointF mid = flowItemOf->labelAnchor();
            const QRectF label = flowItemOf->labelRect();
            const bool vertical = midpointOnVertical(flowItemOf->route(), mid);
            const auto rows = badgeRows(widths, 160);
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const qreal w = rowWidth(widths, rows[r]);
                qreal x = 0;
                qreal y = 0;
                if (vertical) {
                    x = (label.isNull() ? mid.x() : label.right()) + 6;
                    y = mid.y() - h / 2 + static_cast<qreal>(r) * (h + kBadgeGap);
                } else {
                    x = mid.x() - w / 2;
                    y = (label.isNull() ? mid.y() - 6 : label.top() - 3) - h -
                        static_cast<qreal>(r) * (h + kBadgeGap);
                }
                for (std::size_t i : rows[r]) {
                    badges[i]->setPos(x, y);
                    x += widths[i] + kBadgeGap;
                }
            }
        } else if (laneItemOf) {
            // At the bottom of the lane header, under the name (which makes room for them).
            const qreal height = laneItemOf->boundingRect().height();
            const auto rows = badgeRows(widths, kLaneHeaderWidth - 22);
            const auto n = rows.size();
            for (std::size_t r = 0; r < n; ++r) {
                qreal x = 14;
                const qreal y = height - 6 - static_cast<qreal>(n - r) * (h + kBadgeGap) + kBadgeGap;
                for (std::size_t i : rows[r]) {
                    badges[i]->setPos(x, y);
                    x += widths[i] + kBadgeGap;
                }
            }
            laneBadgeSpace[target] = static_cast<qreal>(n) * (h + kBadgeGap);
        } else {
            // Whole-map annotations in the corner header, in place of its hint; rows beyond the
            // first hang below it, over the first lane's header.
            mapBadges = true;
            const auto rows = badgeRows(widths, kLaneHeaderWidth - 14);
            for (std::size_t r = 0; r < rows.size(); ++r) {
                qreal x = 8;
                const qreal y = (kPhaseHeaderHeight - h) / 2 + static_cast<qreal>(r) * (h + kBadgeGap);
                for (std::size_t i : rows[r]) {
                    badges[i]->setPos(x, y);
                    x += widths[i] + kBadgeGap;
                }
            }
        }
    }
    for (auto it = m_badges.begin(); it != m_badges.end();) {
        if (!alive.count(it->first)) {
            delete it->second.data();
            it = m_badges.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [id, item] : m_lanes)
        item->setBadgeSpace(laneBadgeSpace.count(id) ? laneBadgeSpace.at(id) : 0);
    m_corner->setHintVisible(!mapBadges);
    updateFacilitation(); // vote dots make room for the badges on the same edge
}

} // namespace crosswalk
