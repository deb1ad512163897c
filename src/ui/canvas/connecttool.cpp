#include "ui/canvas/connecttool.h"

#include "crosswalk/interact/gestures.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"

#include <QGraphicsPathItem>
#include <QPen>

#include <cmath>

namespace crosswalk {

ConnectTool::ConnectTool(MapScene& scene, std::string fromId, const QPointF& start, bool snap,
                         std::function<void(const std::string&)> editNewStep)
    : m_scene(scene), m_fromId(std::move(fromId)), m_start(start), m_snap(snap),
      m_editNewStep(std::move(editNewStep))
{
    m_line = new QGraphicsPathItem();
    QPen pen(canvasstyle::selectionBlue(), 2, Qt::DashLine);
    m_line->setPen(pen);
    m_line->setZValue(500);
    m_scene.addItem(m_line);
}

ConnectTool::~ConnectTool()
{
    clear();
}

void ConnectTool::clear()
{
    setTarget(nullptr);
    delete m_line;
    m_line = nullptr;
}

StepItem* ConnectTool::targetAt(const QPointF& scenePos) const
{
    StepItem* item = m_scene.stepItemAt(scenePos);
    return item && item->id() != m_fromId ? item : nullptr;
}

void ConnectTool::setTarget(StepItem* target)
{
    if (StepItem* old = m_scene.stepItem(m_targetId))
        old->setDropTarget(false);
    m_targetId = target ? target->id() : std::string();
    if (target)
        target->setDropTarget(true);
}

void ConnectTool::move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    if (!m_line)
        return;
    QPainterPath path(m_start);
    path.lineTo(scenePos);
    m_line->setPath(path);
    setTarget(targetAt(scenePos));
}

void ConnectTool::release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    StepItem* target = targetAt(scenePos);
    clear();
    MapDocument* doc = m_scene.document();
    if (!doc)
        return;
    const Map& map = doc->map();
    const Step* from = map.step(m_fromId);
    if (!from)
        return;
    if (target) {
        for (const Flow& f : map.flows)
            if (f.from == m_fromId && f.to == target->id())
                return; // already connected: a second arrow would only hide the first
        Flow flow;
        flow.id = newId("f-");
        flow.from = m_fromId;
        flow.to = target->id();
        doc->push(AddFlow{flow, std::nullopt}, QStringLiteral("Connect steps"));
        return;
    }
    if (!m_scene.inLaneArea(scenePos) || (scenePos - m_start).manhattanLength() < 30)
        return;
    // Dropped on empty lane space: a new step there, connected, as one undo step.
    const std::string lane = layout::laneAt(map, static_cast<int>(std::lround(scenePos.y())));
    Step step = gestures::newStep(map, lane, 0, 0, StepKind::Activity);
    int x = static_cast<int>(std::lround(scenePos.x())) - step.w / 2;
    int y = static_cast<int>(std::lround(scenePos.y())) - layout::laneTop(map, lane) - step.h / 2;
    if (m_snap) {
        x = layout::snap(x);
        y = layout::snap(y);
    }
    step.x = std::max(0, x);
    step.y = std::max(0, y);
    step.phase = layout::phaseAt(map, step.x + step.w / 2);
    Flow flow;
    flow.id = newId("f-");
    flow.from = m_fromId;
    flow.to = step.id;
    const std::string name = "Add connected step";
    if (doc->push(gestures::withRoomToFit(map, name, {AddStep{step, std::nullopt}, AddFlow{flow, std::nullopt}}),
                  QString::fromStdString(name)) &&
        m_editNewStep)
        m_editNewStep(step.id);
}

void ConnectTool::cancel()
{
    clear();
}

} // namespace crosswalk
