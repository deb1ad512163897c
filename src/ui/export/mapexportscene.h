#pragma once

#include "crosswalk/model/map.h"
#include "crosswalk/storage/memorystore.h"

#include <QRectF>

#include <memory>
#include <set>
#include <vector>

class QPainter;

namespace crosswalk {

class MapDocument;
class MapScene;

/// The canvas's own scene, built for one map and drawn onto pages and images: one renderer
/// for the screen and for every export, badges included. Export asks of it the lane headers
/// repeated on every tile (the sticky headers the canvas shows when scrolled) and nothing
/// of editing (no grid, no selection, no handles).
class MapExportScene final {
public:
    /// hidden: annotation kinds whose badges are left out.
    MapExportScene(const Map& map, std::set<AnnotationKind> hidden);
    ~MapExportScene();
    MapExportScene(const MapExportScene&) = delete;
    MapExportScene& operator=(const MapExportScene&) = delete;

    const Map& map() const { return m_map; }
    /// The drawing area without headers: (0, 0) to the map's width and height.
    QRectF contentRect() const;
    /// The whole map, lane and phase headers included.
    QRectF mapBounds() const;
    /// The content to paint for a view of the canvas (its visible scene rectangle, headers
    /// included): the part of the map in view, without the area the sticky headers cover.
    /// The whole map when the view shows none of it.
    QRectF viewContent(const QRectF& view) const;
    /// The area a piece of content needs on paper: the content plus the headers at its top left.
    static QRectF withHeaders(const QRectF& content);

    /// The smallest size, in map units, at which a step label is drawn (labels shrink to
    /// fit their step); the canvas's normal size when the map has no steps.
    int smallestLabelPx() const;

    /// The boxes of the flows' labels, in map coordinates.
    std::vector<QRectF> flowLabelRects() const;

    /// Paints the content rectangle with the lane headers at its left and the phase headers
    /// at its top (as the canvas shows them when scrolled there), scaled into target.
    /// target must have the aspect ratio of withHeaders(content).
    void paint(QPainter& painter, const QRectF& target, const QRectF& content);

private:
    Map m_map;
    std::set<AnnotationKind> m_hidden;
    MemoryStore m_store; // the document wants a store; this one is never written to
    std::unique_ptr<MapDocument> m_document;
    std::unique_ptr<MapScene> m_scene;
};

} // namespace crosswalk
