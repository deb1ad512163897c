#include "ui/present/presentscene.h"

#include "crosswalk/facilitation/presentwalk.h"
#include "crosswalk/insights/annotationnumbers.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/flowrouter.h"
#include "ui/document/mapdocument.h"
#include "ui/present/presentitems.h"
#include "ui/present/presentstyle.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <set>

namespace crosswalk {

using namespace presentstyle;

PresentScene::PresentScene(QObject* parent) : QGraphicsScene(parent)
{
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

PresentScene::~PresentScene() = default;

void PresentScene::setDocument(MapDocument* document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    m_document = document;
    if (m_document)
        m_changedConnection = connect(m_document, &MapDocument::changed, this, [this] { sync(); });
    sync();
}

const Map* PresentScene::map() const
{
    return m_document ? &m_shown : nullptr;
}

PresentStepItem* PresentScene::stepItem(const std::string& id) const
{
    auto it = m_steps.find(id);
    return it == m_steps.end() ? nullptr : it->second;
}

PresentFlowItem* PresentScene::flowItem(const std::string& id) const
{
    auto it = m_flows.find(id);
    return it == m_flows.end() ? nullptr : it->second;
}

QRectF PresentScene::stepRect(const std::string& id) const
{
    const Map* m = map();
    const Step* s = m ? m->step(id) : nullptr;
    if (!s)
        return {};
    const layout::Rect r = layout::stepRect(*m, *s);
    return QRectF(r.x, r.y, r.w, r.h);
}

QRectF PresentScene::drawingRect() const
{
    const Map* m = map();
    if (!m)
        return QRectF(0, 0, 200, 100);
    return QRectF(0, 0, std::max(layout::totalWidth(*m), 200), std::max(layout::totalHeight(*m), 100));
}

QRectF PresentScene::laneRect(const std::string& laneId) const
{
    const Map* m = map();
    if (!m)
        return {};
    int top = 0;
    for (const Lane& lane : m->lanes) {
        if (lane.id == laneId)
            return QRectF(0, top, drawingRect().width(), lane.height);
        top += lane.height;
    }
    return {};
}

QRectF PresentScene::phaseRect(const std::string& phaseId) const
{
    const Map* m = map();
    if (!m)
        return {};
    int left = 0;
    for (const Phase& phase : m->phases) {
        if (phase.id == phaseId)
            return QRectF(left, 0, phase.width, drawingRect().height());
        left += phase.width;
    }
    return {};
}

std::string PresentScene::laneAt(qreal y) const
{
    const Map* m = map();
    if (!m || y < 0)
        return {};
    int top = 0;
    for (const Lane& lane : m->lanes) {
        if (y < top + lane.height)
            return lane.id;
        top += lane.height;
    }
    return {};
}

std::string PresentScene::phaseAt(qreal x) const
{
    const Map* m = map();
    if (!m || x < 0)
        return {};
    int left = 0;
    for (const Phase& phase : m->phases) {
        if (x < left + phase.width)
            return phase.id;
        left += phase.width;
    }
    return {};
}

std::string PresentScene::stepAt(const QPointF& pos) const
{
    for (QGraphicsItem* item : items(pos, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (item->type() == PresentStepItem::Type)
            return static_cast<PresentStepItem*>(item)->id();
    return {};
}

bool PresentScene::isDimmed(const std::string& stepId) const
{
    const Map* m = map();
    const Step* s = m ? m->step(stepId) : nullptr;
    if (!s)
        return false;
    switch (m_spotlight.kind) {
    case Spotlight::Kind::None:
        return false;
    case Spotlight::Kind::Lane:
        return s->lane != m_spotlight.id;
    case Spotlight::Kind::Phase:
        return s->phase != m_spotlight.id;
    case Spotlight::Kind::Step:
        return s->id != m_spotlight.id;
    }
    return false;
}

void PresentScene::setHiddenKinds(const QSet<AnnotationKind>& kinds)
{
    if (kinds == m_hiddenKinds)
        return;
    m_hiddenKinds = kinds;
    applyDecorations();
}

void PresentScene::setSpotlight(const Spotlight& spotlight)
{
    if (spotlight == m_spotlight)
        return;
    m_spotlight = spotlight;
    applyDecorations();
    invalidate(sceneRect(), BackgroundLayer);
}

void PresentScene::setWalk(const std::string& currentStep, const std::string& chosenFlow)
{
    if (currentStep == m_current && chosenFlow == m_chosenFlow)
        return;
    m_current = currentStep;
    m_chosenFlow = chosenFlow;
    applyDecorations();
}

void PresentScene::setLabelsShown(bool shown)
{
    if (shown == m_labelsShown)
        return;
    m_labelsShown = shown;
    applyDecorations();
}

void PresentScene::sync()
{
    const Map* m = map();
    // The presentation rebuilds everything on each change: it is a few dozen items, and an
    // edit while presenting (a note, a vote) is rare.
    for (auto& [id, item] : m_steps)
        delete item;
    for (auto& [id, item] : m_flows)
        delete item;
    m_steps.clear();
    m_flows.clear();
    if (m_document)
        m_shown = m_document->map();
    if (m) {
        FlowRouter router;
        std::unordered_map<std::string, QRectF> rects;
        // A label is never cut (issue 17): where the room its neighbours leave cannot hold it,
        // the step grows taller and its lane with it, in the presentation's layout only, and
        // the steps are laid out again; a few rounds settle even a tightly packed lane. On a
        // map of thousands of steps fewer rounds (each lays out every step again), so that
        // presenting a hostile map takes a bounded time (issue 19).
        const int kMostRounds = std::clamp(20'000 / std::max<int>(1, static_cast<int>(m->steps.size())), 1, 32);
        for (int round = 0;; ++round) {
            rects.clear();
            for (const Step& s : m->steps)
                rects.emplace(s.id, stepRect(s.id));
            for (const Step& s : m->steps) {
                auto* item = new PresentStepItem(s.id);
                item->setStep(s, rects.at(s.id), roomFor(s, rects));
                addItem(item);
                m_steps.emplace(s.id, item);
            }
            if (round == kMostRounds || !growForLabels())
                break;
            for (auto& [id, item] : m_steps)
                delete item;
            m_steps.clear();
        }
        router.setObstacles(rects);
        applyDecorations(); // the steps' marks, which flow labels keep clear of
        m_obstacles.clear();
        for (const auto& [id, item] : m_steps) {
            m_obstacles.add(PresentObstacles::StepText, item->labelSceneRect().adjusted(-3, -3, 3, 3));
            m_obstacles.add(PresentObstacles::StepShape, item->drawnSceneRect().adjusted(-4, -4, 4, 4));
            for (const QRectF& mark : item->markSceneRects())
                m_obstacles.add(PresentObstacles::Mark, mark.adjusted(-4, -4, 4, 4));
        }
        std::vector<qreal> laneBorders;
        std::vector<qreal> phaseBorders;
        std::vector<qreal> laneBottoms;
        int y = 0;
        for (const Lane& lane : m->lanes)
            laneBorders.push_back(y += lane.height);
        int x = 0;
        for (const Phase& phase : m->phases)
            phaseBorders.push_back(x += phase.width);
        laneBottoms = laneBorders;
        router.setGuides(std::move(laneBorders), std::move(phaseBorders));
        for (const Flow& f : m->flows) {
            const Step* from = m->step(f.from);
            const Step* to = m->step(f.to);
            if (!from || !to)
                continue;
            const QPolygonF route = router.route(from->id, rects.at(from->id), to->id, rects.at(to->id));
            router.addRoute(route);
            const bool handoff = from->lane != to->lane;
            std::optional<QPointF> at;
            if (handoff)
                for (std::size_t i = 0; i + 1 < laneBottoms.size() && !at; ++i)
                    for (int k = 1; k < route.size() && !at; ++k) {
                        const qreal border = laneBottoms[i];
                        const QPointF a = route[k - 1];
                        const QPointF b = route[k];
                        if ((a.y() - border) * (b.y() - border) <= 0 && std::abs(a.y() - b.y()) > 0.5 &&
                            std::abs(a.x() - b.x()) < 0.5)
                            at = QPointF(a.x(), border);
                    }
            auto* item = new PresentFlowItem(f.id);
            addItem(item);
            item->setObstacles(&m_obstacles);
            item->setFlow(f, route, handoff, at);
            m_flows.emplace(f.id, item);
        }
        // Once every flow is in, the labels again in the map's order: each keeps clear of
        // every arrowhead, also of the flows drawn after it.
        std::vector<qreal> borders{0};
        borders.insert(borders.end(), laneBottoms.begin(), laneBottoms.end());
        for (auto& [id, item] : m_flows) {
            item->setLaneBorders(borders);
            m_obstacles.add(PresentObstacles::EndZone, item->endZone());
            if (const auto at = item->handoffAt()) {
                m_obstacles.add(PresentObstacles::Handoff, QRectF(*at - QPointF(14, 14), QSizeF(28, 28)));
                m_obstacles.add(PresentObstacles::HandoffCore, QRectF(*at - QPointF(5, 5), QSizeF(10, 10)));
            }
        }
        for (const Flow& f : m->flows)
            if (auto it = m_flows.find(f.id); it != m_flows.end())
                it->second->placeLabel();
    }
    // Room all round, so that the view can centre any step whatever the window's shape.
    setSceneRect(drawingRect().adjusted(-3000, -3000, 3000, 3000));
    applyDecorations();
    invalidate(sceneRect(), BackgroundLayer);
    emit synced();
}

void PresentScene::setSessionNotes(const std::vector<SessionNote>& notes)
{
    if (notes == m_sessionNotes)
        return;
    m_sessionNotes = notes;
    applyDecorations();
}

std::vector<SessionNote> PresentScene::sessionNotesOn(const std::string& stepId) const
{
    std::vector<SessionNote> on;
    const Map* m = map();
    for (const SessionNote& n : m_sessionNotes)
        if (m && n.mapId == m->id && !stepId.empty() && n.stepId == stepId)
            on.push_back(n);
    return on;
}

std::vector<SessionNote> PresentScene::sessionNotesOnMap() const
{
    std::vector<SessionNote> on;
    const Map* m = map();
    for (const SessionNote& n : m_sessionNotes)
        if (m && n.mapId == m->id && !m->step(n.stepId))
            on.push_back(n);
    return on;
}

bool PresentScene::growForLabels()
{
    // Per lane, the step short of the most height: steps side by side share the room the
    // lane gains, so growing one per lane and round does not grow the lane twice for a row.
    std::unordered_map<std::string, std::pair<std::string, int>> most; // lane -> step, units
    for (const Step& s : m_shown.steps) {
        const PresentStepItem* item = m_steps.at(s.id);
        if (item->shownLabel() == QString::fromStdString(s.label))
            continue;
        const int shortBy = static_cast<int>(std::ceil(item->labelShortfall()));
        auto& [stepId, units] = most[s.lane];
        if (shortBy > units) {
            stepId = s.id;
            units = shortBy;
        }
    }
    bool grew = false;
    for (const auto& [laneId, shortfall] : most) {
        const auto& [stepId, units] = shortfall;
        if (units <= 0)
            continue;
        const auto grown = std::find_if(m_shown.steps.begin(), m_shown.steps.end(),
                                        [&](const Step& s) { return s.id == stepId; });
        const int top = grown->y;
        grown->h += units;
        for (Step& s : m_shown.steps)
            if (s.lane == laneId && s.y > top)
                s.y += units; // the steps below it in the lane keep their distance
        for (Lane& lane : m_shown.lanes)
            if (lane.id == laneId)
                lane.height += units;
        grew = true;
    }
    return grew;
}

QRectF PresentScene::roomFor(const Step& step, const std::unordered_map<std::string, QRectF>& rects) const
{
    // A step may grow for its label within its lane band and up to half-way to each
    // neighbour, less half of kStepGap: two neighbours that both grow still keep kStepGap
    // between them.
    const QRectF r = rects.at(step.id).adjusted(-kStepInflate, -kStepInflate, kStepInflate, kStepInflate);
    const QRectF band = laneRect(step.lane);
    QRectF room(drawingRect().left() + kStepGap / 2, band.isEmpty() ? r.top() : band.top() + kStepGap / 2,
                drawingRect().width() - kStepGap, band.isEmpty() ? r.height() : band.height() - kStepGap);
    room = room.united(r);
    for (const auto& [id, modelRect] : rects) {
        if (id == step.id)
            continue;
        const QRectF o = modelRect.adjusted(-kStepInflate, -kStepInflate, kStepInflate, kStepInflate);
        if (o.right() > r.left() && o.left() < r.right()) {
            // Above or below: split the space between them.
            if (o.center().y() >= r.center().y())
                room.setBottom(std::min(room.bottom(), std::max(r.bottom(), (r.bottom() + o.top() - kStepGap) / 2)));
            else
                room.setTop(std::max(room.top(), std::min(r.top(), (o.bottom() + r.top() + kStepGap) / 2)));
        } else if (o.bottom() > room.top() && o.top() < room.bottom()) {
            if (o.center().x() >= r.center().x())
                room.setRight(std::min(room.right(), std::max(r.right(), (r.right() + o.left() - kStepGap) / 2)));
            else
                room.setLeft(std::max(room.left(), std::min(r.left(), (o.right() + r.left() + kStepGap) / 2)));
        }
    }
    return room;
}

void PresentScene::applyDecorations()
{
    const Map* m = map();
    if (!m)
        return;
    std::unordered_map<std::string, int> numbers;
    for (const auto& [id, number] : annotationNumbers(*m))
        numbers.emplace(id, number);
    std::unordered_map<std::string, PresentStepItem::Decorations> decorations;
    for (const auto& [id, item] : m_steps) {
        auto& d = decorations[id];
        d.current = id == m_current;
        d.labelShown = m_labelsShown;
    }
    for (const Annotation& a : m->annotations) {
        auto it = decorations.find(a.target);
        if (it == decorations.end() || m_hiddenKinds.contains(a.kind))
            continue;
        if (a.kind == AnnotationKind::BlackBox)
            it->second.blackBox = true;
        it->second.badges.push_back({a, numbers.count(a.id) ? numbers.at(a.id) : 0});
    }
    for (const StickyNote& n : m->stickyNotes)
        if (auto it = decorations.find(n.step); it != decorations.end())
            ++it->second.notes;
    for (const auto& [stepId, count] : m->votes)
        if (auto it = decorations.find(stepId); it != decorations.end())
            it->second.votes = count;
    for (const SessionNote& n : m_sessionNotes)
        if (auto it = decorations.find(n.stepId); n.mapId == m->id && it != decorations.end())
            ++it->second.sessionNotes;
    for (auto& [id, item] : m_steps) {
        item->setDecorations(decorations[id]);
        item->setOpacity(isDimmed(id) ? kDimOpacity : 1.0);
    }

    // The flows out of the step being walked are numbered when there is a choice.
    std::unordered_map<std::string, int> choices;
    if (!m_current.empty()) {
        const auto out = PresentWalk::outgoing(*m, m_current);
        if (out.size() > 1)
            for (std::size_t i = 0; i < out.size(); ++i)
                choices.emplace(out[i]->id, static_cast<int>(i) + 1);
    }
    std::unordered_map<std::string, std::vector<PresentBadge>> flowMarks;
    for (const Annotation& a : m->annotations)
        if (!m_hiddenKinds.contains(a.kind) && m_flows.count(a.target))
            flowMarks[a.target].push_back({a, numbers.count(a.id) ? numbers.at(a.id) : 0});
    for (auto& [id, item] : m_flows) {
        const Flow* f = m->flow(id);
        item->setMarks(flowMarks.count(id) ? flowMarks.at(id) : std::vector<PresentBadge>{});
        const int choice = choices.count(id) ? choices.at(id) : 0;
        item->setChoice(choice, !m_chosenFlow.empty() && id == m_chosenFlow && choices.size() > 1, m_labelsShown);
        // A flow stays lit when either end is in the spotlight.
        const bool dim = f && isDimmed(f->from) && isDimmed(f->to);
        item->setOpacity(dim ? kDimOpacity : 1.0);
        item->setZValue(item->labelOverSteps() || !item->marks().empty() ? 11 : choice > 0 ? 8 : 5);
    }
}

std::vector<PresentBadge> PresentScene::laneMarks(const std::string& laneId) const
{
    std::vector<PresentBadge> marks;
    const Map* m = map();
    if (!m || laneId.empty())
        return marks;
    const auto numbers = annotationNumbers(*m);
    for (const Annotation& a : m->annotations) {
        if (a.target != laneId || m_hiddenKinds.contains(a.kind))
            continue;
        int number = 0;
        for (const auto& [id, n] : numbers)
            if (id == a.id)
                number = n;
        marks.push_back({a, number});
    }
    return marks;
}

void PresentScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, QColor(0xD9, 0xDB, 0xDE));
    const Map* m = map();
    if (!m)
        return;
    const QRectF area = drawingRect();
    int top = 0;
    for (std::size_t i = 0; i < m->lanes.size(); ++i) {
        painter->fillRect(QRectF(0, top, area.width(), m->lanes[i].height), bandFill(i));
        top += m->lanes[i].height;
    }
    // The spotlit lane or phase in full, the rest of the map washed out.
    if (m_spotlight.kind == Spotlight::Kind::Lane || m_spotlight.kind == Spotlight::Kind::Phase) {
        const QRectF lit =
            m_spotlight.kind == Spotlight::Kind::Lane ? laneRect(m_spotlight.id) : phaseRect(m_spotlight.id);
        QPainterPath rest;
        rest.addRect(area);
        QPainterPath litPath;
        litPath.addRect(lit);
        painter->fillPath(rest.subtracted(litPath), QColor(0xD9, 0xDB, 0xDE, 200));
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(QColor(0x77, 0x77, 0x77), 2, Qt::DashLine));
    int left = 0;
    for (const Phase& phase : m->phases) {
        left += phase.width;
        painter->drawLine(QLineF(left, 0, left, area.height()));
    }
    painter->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
    top = 0;
    painter->drawLine(QLineF(0, 0, area.width(), 0));
    for (const Lane& lane : m->lanes) {
        top += lane.height;
        painter->drawLine(QLineF(0, top, area.width(), top));
    }
    if (m_spotlight.kind == Spotlight::Kind::Lane || m_spotlight.kind == Spotlight::Kind::Phase) {
        const QRectF lit =
            m_spotlight.kind == Spotlight::Kind::Lane ? laneRect(m_spotlight.id) : phaseRect(m_spotlight.id);
        painter->setPen(QPen(current(), 6));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(lit.adjusted(3, 3, -3, -3));
    }
}

} // namespace crosswalk
