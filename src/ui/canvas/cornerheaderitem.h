#pragma once

#include <QGraphicsItem>

namespace crosswalk {

/// The square where the lane and phase headers meet; it covers both while the map scrolls
/// under them.
class CornerHeaderItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 5 };
    CornerHeaderItem();

    /// The "Lanes / Phases" hint gives way to whole-map annotation badges.
    void setHintVisible(bool visible);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    bool m_hintVisible = true;
};

} // namespace crosswalk
