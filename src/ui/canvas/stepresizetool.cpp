#include "ui/canvas/stepresizetool.h"

#include "crosswalk/interact/gestures.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/mapscene.h"
#include "ui/document/mapdocument.h"

#include <QGraphicsRectItem>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace crosswalk {

StepResizeTool::StepResizeTool(MapScene& scene, std::string stepId, const QPointF& start, bool snap)
    : m_scene(scene), m_id(std::move(stepId)), m_start(start), m_snap(snap)
{
    if (const Map* map = m_scene.map()) {
        if (const Step* step = map->step(m_id)) {
            const layout::Rect r = layout::stepRect(*map, *step);
            m_original = QRectF(r.x, r.y, r.w, r.h);
        }
    }
    m_guide = new QGraphicsRectItem();
    m_guide->setPen(QPen(canvasstyle::selectionBlue(), 2.5, Qt::DashLine));
    m_guide->setBrush(Qt::NoBrush);
    m_guide->setZValue(500);
    m_scene.addItem(m_guide);
    move(start, Qt::NoModifier);
}

StepResizeTool::~StepResizeTool()
{
    delete m_guide;
}

QSize StepResizeTool::sizeFor(const QPointF& scenePos) const
{
    const QPointF moved = scenePos - m_start;
    int w = static_cast<int>(std::lround(m_original.width() + moved.x()));
    int h = static_cast<int>(std::lround(m_original.height() + moved.y()));
    if (m_snap) {
        w = layout::snap(w);
        h = layout::snap(h);
    }
    return QSize(std::clamp(w, kMinWidth, kMaxSize), std::clamp(h, kMinHeight, kMaxSize));
}

void StepResizeTool::move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    if (m_guide)
        m_guide->setRect(QRectF(m_original.topLeft(), sizeFor(scenePos)));
}

void StepResizeTool::release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    const QSize size = sizeFor(scenePos);
    delete m_guide;
    m_guide = nullptr;
    MapDocument* doc = m_scene.document();
    const Map* map = m_scene.map();
    const Step* step = map ? map->step(m_id) : nullptr;
    if (!doc || !step || (size.width() == step->w && size.height() == step->h))
        return;
    Step resized = *step;
    resized.w = size.width();
    resized.h = size.height();
    // The step belongs to the phase its centre is in, as when it is moved.
    if (!map->phases.empty())
        resized.phase = layout::phaseAt(*map, resized.x + resized.w / 2);
    doc->push(gestures::withRoomToFit(*map, "Resize step", {UpdateStep{resized}}), QStringLiteral("Resize step"));
}

void StepResizeTool::cancel()
{
    delete m_guide;
    m_guide = nullptr;
}

} // namespace crosswalk
