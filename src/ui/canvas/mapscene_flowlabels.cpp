// Where flow labels may go (issue 14, point 7): clear of steps, lane borders and each other.

#include "ui/canvas/mapscene.h"

#include "ui/document/mapdocument.h"

namespace crosswalk {

bool MapScene::flowLabelClear(const QRectF& r, const std::string& self) const
{
    if (stepCovers(r))
        return false;
    if (const Map* m = map()) {
        int y = 0;
        if (r.top() < y && r.bottom() > y)
            return false;
        for (const Lane& lane : m->lanes)
            if (y += lane.height; r.top() < y && r.bottom() > y)
                return false;
    }
    for (const auto& [id, label] : m_flowLabels)
        if (id != self && label.intersects(r) && m_flows.count(id))
            return false;
    return true;
}

void MapScene::setFlowLabelRect(const std::string& flowId, const QRectF& r)
{
    if (r.isEmpty())
        m_flowLabels.erase(flowId);
    else
        m_flowLabels[flowId] = r;
}

} // namespace crosswalk
