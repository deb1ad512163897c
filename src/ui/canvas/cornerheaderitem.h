#pragma once

#include <QGraphicsItem>

namespace crosswalk {

/// The square where the lane and phase headers meet; it covers both while the map scrolls
/// under them.
class CornerHeaderItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 5 };
    CornerHeaderItem();

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
};

} // namespace crosswalk
