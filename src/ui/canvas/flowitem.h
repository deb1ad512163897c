#pragma once

#include "crosswalk/model/map.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>
#include <QString>

#include <optional>
#include <string>

class QPainter;

namespace crosswalk {

/// Draws a flow as the canvas and presentation mode both do: the line, its arrowhead and,
/// for a handoff, a diamond (half-width `diamond`) where it crosses into the next lane.
void paintFlowLine(QPainter& painter, const QPainterPath& line, const QPolygonF& arrow,
                   const std::optional<QPointF>& handoffAt, const QColor& ink, qreal width, qreal diamond,
                   qreal diamondOutline);

/// One flow on the canvas: an orthogonal route with an arrowhead; a flow into another lane (a
/// handoff) is drawn in a deeper blue with a diamond where it crosses the lane border. The
/// scene computes the route.
class FlowItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    explicit FlowItem(std::string id);

    const std::string& id() const { return m_id; }
    const Flow& flow() const { return m_flow; }
    bool isHandoff() const { return m_handoff; }
    const QPolygonF& route() const { return m_route; }

    /// handoffAt is where the route crosses a lane border, for handoffs.
    void setFlow(const Flow& flow, const QPolygonF& route, bool handoff, std::optional<QPointF> handoffAt);
    /// Only the route moves (while its steps are dragged).
    void setRoute(const QPolygonF& route, std::optional<QPointF> handoffAt);
    void setEditing(bool editing);

    /// Where the label sits: halfway along the route.
    QPointF labelAnchor() const { return pointAlong(0.5); }
    /// The point a fraction t of the way along the route.
    QPointF pointAlong(qreal t) const;
    /// The label as drawn: wrapped at spaces (inside a word only when it alone is too wide)
    /// to the label width, at most three lines, the last ending in an ellipsis when the
    /// label is longer.
    const QString& shownLabel() const { return m_labelText; }
    /// The label's box (scene coordinates), or an empty rectangle when the flow has no label;
    /// annotation badges sit clear of it.
    QRectF labelRect() const { return m_flow.label.empty() ? QRectF() : m_labelBox; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void rebuild();
    /// Where the label goes, wrapped to width; clear tells whether that place is clear of steps,
    /// lane borders and other labels (else it is the route's middle, drawn over the steps).
    QRectF labelBox(int width, bool* clear) const;
    /// Whether r (scene coordinates) overlaps a step.
    bool coversStep(const QRectF& r) const;

    std::string m_id;
    Flow m_flow;
    QPolygonF m_route;
    bool m_handoff = false;
    bool m_editing = false;
    std::optional<QPointF> m_handoffAt;
    // Built once per change, not per paint: the line, its hit area, the arrowhead, the label.
    QPainterPath m_line;
    QPainterPath m_hit;
    QPolygonF m_arrow;
    QRectF m_labelBox;
    QString m_labelText;
    QRectF m_bounds;
};

} // namespace crosswalk
