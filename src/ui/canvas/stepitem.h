#pragma once

#include "crosswalk/model/map.h"

#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QStaticText>

#include <utility>
#include <vector>

#include <optional>
#include <string>

namespace crosswalk {

/// One step on the canvas. It draws the step the scene last gave it and holds nothing the
/// model does not: position, size, kind and label all come from setStep().
class StepItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    enum class Side { Left, Top, Right, Bottom };

    explicit StepItem(std::string id);

    const std::string& id() const { return m_id; }
    const Step& step() const { return m_step; }
    /// Takes the step's current state; rect is its place on the map (scene coordinates).
    void setStep(const Step& step, const QRectF& rect);
    /// The step's rectangle in scene coordinates, wherever a drag has put the item.
    QRectF sceneRectOfStep() const { return QRectF(pos(), m_size); }

    /// The size the label is drawn at, in map units (it shrinks for long labels).
    int labelPixelSize() const { return m_labelFont.pixelSize(); }
    /// The label as drawn: the whole label, or as much as fits and an ellipsis.
    const QString& shownLabel() const { return m_shownLabel; }

    /// Hides the label while it is edited in place.
    void setEditing(bool editing);
    /// Shown as the target of a connection being drawn.
    void setDropTarget(bool target);
    /// Marked as a black box: drawn opaque and dark, "we cannot see inside".
    void setBlackBox(bool blackBox);
    bool isBlackBox() const { return m_blackBox; }
    /// Drawn with a strong orange outline (the steps behind an insight figure or a change).
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    /// The connection handle under a scene point, if handles are shown and one is there.
    std::optional<Side> handleAt(const QPointF& scenePos) const;
    QPointF handleScenePos(Side side) const;
    /// Whether the scene point is on the resize grip at the bottom-right corner, which a
    /// selected step shows.
    bool resizeGripAt(const QPointF& scenePos) const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    bool handlesShown() const { return m_hovered || isSelected(); }
    void fitLabel();
    void chooseLabel();

    std::string m_id;
    Step m_step;
    QSizeF m_size;
    QFont m_labelFont;
    QString m_shownLabel; // label as drawn: possibly elided when it cannot fit
    QStaticText m_labelText; // m_shownLabel laid out once, not on every paint
    QPointF m_labelPos;      // its top left, centred in the label area
    // A decision's label, one line at a time: each line as wide as the diamond at its height.
    std::vector<std::pair<QPointF, QStaticText>> m_decisionLines;
    QPainterPath m_outline;  // the kind's outline and decoration, built once per change
    QPainterPath m_decoration;
    bool m_hovered = false;
    bool m_editing = false;
    bool m_dropTarget = false;
    bool m_blackBox = false;
    bool m_highlighted = false;
};

} // namespace crosswalk
