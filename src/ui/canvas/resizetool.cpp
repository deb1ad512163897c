#include "ui/canvas/resizetool.h"

#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/mapscene.h"
#include "ui/document/mapdocument.h"

#include <QGraphicsLineItem>
#include <QPen>

#include <cmath>

namespace crosswalk {

ResizeTool::ResizeTool(MapScene& scene, Target target, std::string id, const QPointF& start)
    : m_scene(scene), m_target(target), m_id(std::move(id)), m_start(start)
{
    if (const Map* map = m_scene.map()) {
        if (m_target == Target::Lane) {
            m_origin = layout::laneTop(*map, m_id);
            m_original = map->lane(m_id) ? map->lane(m_id)->height : 0;
        } else {
            m_origin = layout::phaseLeft(*map, m_id);
            m_original = map->phase(m_id) ? map->phase(m_id)->width : 0;
        }
    }
    m_guide = new QGraphicsLineItem();
    m_guide->setPen(QPen(canvasstyle::selectionBlue(), 2.5, Qt::DashLine));
    m_guide->setZValue(500);
    m_scene.addItem(m_guide);
    move(start, Qt::NoModifier);
}

ResizeTool::~ResizeTool()
{
    delete m_guide;
}

int ResizeTool::minimum() const
{
    const Map* map = m_scene.map();
    if (!map)
        return 0;
    if (m_target == Target::Lane)
        return layout::requiredLaneHeight(*map, m_id);
    int needed = layout::kMinPhaseWidth;
    for (const Step& s : map->steps)
        if (s.phase == m_id)
            needed = std::max(needed, s.x + s.w + layout::kLanePadding - m_origin);
    return needed;
}

int ResizeTool::sizeFor(const QPointF& scenePos) const
{
    const qreal moved = m_target == Target::Lane ? scenePos.y() - m_start.y() : scenePos.x() - m_start.x();
    const int size = layout::snap(m_original + static_cast<int>(std::lround(moved)));
    return std::max(size, minimum());
}

void ResizeTool::move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    const int edge = m_origin + sizeFor(scenePos);
    const QRectF area = m_scene.sceneRect();
    if (m_target == Target::Lane)
        m_guide->setLine(area.left(), edge, area.right(), edge);
    else
        m_guide->setLine(edge, area.top(), edge, area.bottom());
}

void ResizeTool::release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    const int size = sizeFor(scenePos);
    delete m_guide;
    m_guide = nullptr;
    MapDocument* doc = m_scene.document();
    if (!doc || size == m_original)
        return;
    if (m_target == Target::Lane)
        doc->push(ResizeLane{m_id, size}, QStringLiteral("Resize lane"));
    else
        doc->push(ResizePhase{m_id, size}, QStringLiteral("Resize phase"));
}

void ResizeTool::cancel()
{
    delete m_guide;
    m_guide = nullptr;
}

} // namespace crosswalk
