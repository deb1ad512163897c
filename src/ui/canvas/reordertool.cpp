#include "ui/canvas/reordertool.h"

#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/mapscene.h"
#include "ui/document/mapdocument.h"

#include <QBrush>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QPen>

namespace crosswalk {
namespace {
constexpr qreal kDragThreshold = 6;
} // namespace

ReorderTool::ReorderTool(MapScene& scene, Target target, std::string id, const QPointF& start)
    : m_scene(scene), m_target(target), m_id(std::move(id)), m_start(start)
{
    if (const Map* map = m_scene.map()) {
        if (m_target == Target::Lane) {
            m_origin = layout::laneTop(*map, m_id);
            m_size = map->lane(m_id) ? map->lane(m_id)->height : 0;
        } else {
            m_origin = layout::phaseLeft(*map, m_id);
            m_size = map->phase(m_id) ? map->phase(m_id)->width : 0;
        }
    }
}

ReorderTool::~ReorderTool()
{
    clear();
}

void ReorderTool::clear()
{
    delete m_ghost;
    delete m_marker;
    m_ghost = nullptr;
    m_marker = nullptr;
}

std::size_t ReorderTool::insertionAt(const QPointF& scenePos, int* border) const
{
    const Map* map = m_scene.map();
    std::size_t index = 0;
    int edge = 0;
    if (!map)
        return 0;
    const qreal at = m_target == Target::Lane ? scenePos.y() : scenePos.x();
    if (m_target == Target::Lane) {
        for (const Lane& lane : map->lanes) {
            if (at < edge + lane.height / 2.0)
                break;
            edge += lane.height;
            ++index;
        }
    } else {
        for (const Phase& phase : map->phases) {
            if (at < edge + phase.width / 2.0)
                break;
            edge += phase.width;
            ++index;
        }
    }
    if (border)
        *border = edge;
    return index;
}

void ReorderTool::move(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    if (!m_started && (scenePos - m_start).manhattanLength() < kDragThreshold)
        return;
    if (!m_started) {
        m_started = true;
        m_ghost = new QGraphicsRectItem();
        m_ghost->setPen(QPen(canvasstyle::selectionBlue(), 2));
        QColor fill = canvasstyle::selectionBlue();
        fill.setAlpha(40);
        m_ghost->setBrush(fill);
        m_ghost->setZValue(400);
        m_scene.addItem(m_ghost);
        m_marker = new QGraphicsLineItem();
        m_marker->setPen(QPen(canvasstyle::selectionBlue(), 5, Qt::SolidLine, Qt::RoundCap));
        m_marker->setZValue(401);
        m_scene.addItem(m_marker);
    }
    const QRectF area = m_scene.mapBounds();
    int border = 0;
    insertionAt(scenePos, &border);
    if (m_target == Target::Lane) {
        const qreal top = m_origin + scenePos.y() - m_start.y();
        m_ghost->setRect(area.left(), top, area.width(), m_size);
        m_marker->setLine(area.left(), border, area.right(), border);
    } else {
        const qreal left = m_origin + scenePos.x() - m_start.x();
        m_ghost->setRect(left, area.top(), m_size, area.height());
        m_marker->setLine(border, area.top(), border, area.bottom());
    }
}

void ReorderTool::release(const QPointF& scenePos, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    clear();
    MapDocument* doc = m_scene.document();
    if (!m_started || !doc)
        return;
    const Map& map = doc->map();
    const auto current = m_target == Target::Lane ? map.laneIndex(m_id) : map.phaseIndex(m_id);
    if (!current)
        return;
    std::size_t index = insertionAt(scenePos, nullptr);
    if (index > *current)
        --index; // the insertion point counts the dragged one, which leaves its old place
    if (index == *current)
        return;
    if (m_target == Target::Lane)
        doc->push(ReorderLane{m_id, index}, QStringLiteral("Move lane"));
    else
        doc->push(ReorderPhase{m_id, index}, QStringLiteral("Move phase"));
}

void ReorderTool::cancel()
{
    clear();
}

} // namespace crosswalk
