#include "ui/export/mapexportscene.h"

#include "crosswalk/layout/layout.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"
#include "ui/print/exportfonts.h"

#include <QPainter>

namespace crosswalk {

MapExportScene::MapExportScene(const Map& map, std::set<AnnotationKind> hidden)
    : m_map(map), m_hidden(std::move(hidden)), m_store("the exported map")
{
    ExportFonts::ensureLoaded();
    m_document = std::make_unique<MapDocument>(m_store, m_map);
    m_scene = std::make_unique<MapScene>();
    m_scene->setGridVisible(false); // the grid helps placing steps; on paper it is noise
    QSet<AnnotationKind> hiddenKinds;
    for (AnnotationKind k : m_hidden)
        hiddenKinds.insert(k);
    m_scene->setHiddenAnnotationKinds(hiddenKinds);
    m_scene->setDocument(m_document.get());
}

MapExportScene::~MapExportScene()
{
    // The scene listens to the document: let it go first.
    m_scene.reset();
    m_document.reset();
}

QRectF MapExportScene::contentRect() const
{
    return QRectF(0, 0, std::max(layout::totalWidth(m_map), 200), std::max(layout::totalHeight(m_map), 100));
}

QRectF MapExportScene::mapBounds() const
{
    return withHeaders(contentRect());
}

QRectF MapExportScene::viewContent(const QRectF& view) const
{
    // Beyond the map the canvas shows only its background: leave that out.
    const QRectF shown = view.intersected(mapBounds());
    const QRectF content = shown.adjusted(canvasstyle::kLaneHeaderWidth, canvasstyle::kPhaseHeaderHeight, 0, 0);
    if (content.width() < 1 || content.height() < 1)
        return contentRect();
    return content;
}

int MapExportScene::smallestLabelPx() const
{
    int px = canvasstyle::kLabelPx;
    for (const Step& s : m_map.steps)
        if (const StepItem* item = m_scene->stepItem(s.id); item && !s.label.empty())
            px = std::min(px, item->labelPixelSize());
    return px;
}

std::vector<QRectF> MapExportScene::flowLabelRects() const
{
    std::vector<QRectF> rects;
    for (const Flow& f : m_map.flows)
        if (const FlowItem* item = m_scene->flowItem(f.id); item && !item->labelRect().isEmpty())
            rects.push_back(item->labelRect());
    return rects;
}

QRectF MapExportScene::withHeaders(const QRectF& content)
{
    return content.adjusted(-canvasstyle::kLaneHeaderWidth, -canvasstyle::kPhaseHeaderHeight, 0, 0);
}

void MapExportScene::paint(QPainter& painter, const QRectF& target, const QRectF& content)
{
    const QRectF source = withHeaders(content);
    // The scene's sticky headers are what the canvas shows when scrolled: placed at the
    // source's top left they repeat the lane and phase names on every tile.
    m_scene->setStickyOrigin(source.topLeft());
    m_scene->setVisibleColumns(content.left(), content.right());
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / source.width(), target.height() / source.height());
    painter.translate(-source.topLeft());
    painter.setClipRect(source, Qt::IntersectClip);
    m_scene->render(&painter, source, source, Qt::IgnoreAspectRatio);
    painter.restore();
}

} // namespace crosswalk
