#include "ui/canvas/mapscene.h"

#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/cornerheaderitem.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/phaseheaderitem.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"

#include <QPainter>

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

void MapScene::setStickyOrigin(const QPointF& visibleTopLeft)
{
    m_stickyOrigin = visibleTopLeft;
    const qreal x = std::max<qreal>(-kLaneHeaderWidth, visibleTopLeft.x());
    const qreal y = std::max<qreal>(-kPhaseHeaderHeight, visibleTopLeft.y());
    if (x == m_laneHeaderX && y == m_phaseHeaderY)
        return;
    m_laneHeaderX = x;
    m_phaseHeaderY = y;
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
    for (auto& [id, item] : m_steps)
        delete item;
    for (auto& [id, item] : m_flows)
        delete item;
    for (auto& [id, item] : m_lanes)
        delete item;
    for (auto& [id, item] : m_phases)
        delete item;
    m_steps.clear();
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
    dropMissing(m_flows, m.flows);
    for (const Step& s : m.steps)
        updateStep(s);
    rebuildObstacles();
    for (const Flow& f : m.flows)
        updateFlow(f);
    updateHeaders();
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
            m_router.addRoute(item->route());
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
    const Map& m = m_document->map();
    const Step* from = m.step(flow.from);
    const Step* to = m.step(flow.to);
    if (!from || !to)
        return;
    FlowItem*& item = m_flows[flow.id];
    if (!item) {
        item = new FlowItem(flow.id);
        addItem(item);
    }
    const QPolygonF route = m_router.route(from->id, stepRect(*from), to->id, stepRect(*to));
    if (remember)
        m_router.addRoute(route);
    const bool handoff = from->lane != to->lane;
    item->setFlow(flow, route, handoff, handoff ? handoffPoint(route) : std::nullopt);
}

void MapScene::rebuildObstacles()
{
    std::unordered_map<std::string, QRectF> rects;
    rects.reserve(m_steps.size());
    std::vector<qreal> laneBorders;
    std::vector<qreal> phaseBorders;
    if (const Map* m = map()) {
        for (const Step& s : m->steps)
            rects.emplace(s.id, stepRect(s));
        int y = 0;
        for (const Lane& lane : m->lanes)
            laneBorders.push_back(y += lane.height);
        int x = 0;
        for (const Phase& phase : m->phases)
            phaseBorders.push_back(x += phase.width);
    }
    m_router.setObstacles(rects);
    m_router.setGuides(std::move(laneBorders), std::move(phaseBorders));
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
        return;
    }
    // Only the flows of the dragged steps are rerouted while dragging; the rest follow on drop.
    for (const Flow& f : m.flows)
        if (moved.count(f.from) || moved.count(f.to))
            updateFlow(f, false);
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
            addItem(item);
        }
        item->setPhase(phase);
        item->setPos(left, m_phaseHeaderY);
        left += phase.width;
    }
    m_corner->setPos(m_laneHeaderX, m_phaseHeaderY);
}

QRectF MapScene::mapBounds() const
{
    const Map* m = map();
    const int w = m ? layout::totalWidth(*m) : 0;
    const int h = m ? layout::totalHeight(*m) : 0;
    return QRectF(-kLaneHeaderWidth, -kPhaseHeaderHeight, kLaneHeaderWidth + std::max(w, 200),
                  kPhaseHeaderHeight + std::max(h, 100));
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
           pos.x() > m_laneHeaderX + kLaneHeaderWidth && pos.y() > m_phaseHeaderY + kPhaseHeaderHeight;
}

} // namespace crosswalk
