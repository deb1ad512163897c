#pragma once

#include <QGraphicsView>

#include <string>
#include <utility>
#include <vector>

class QVariantAnimation;

namespace crosswalk {

class PresentScene;

/// The presentation's view of its scene: the map under lane and phase names drawn in screen
/// pixels, and the camera that frames a part of the map, jumping or gliding there.
class PresentView final : public QGraphicsView {
    Q_OBJECT
  public:
    explicit PresentView(PresentScene* scene, QWidget* parent = nullptr);

    /// Animations off: the camera jumps (tests, screenshots).
    void setAnimated(bool animated) { m_animated = animated; }
    /// The scale now (map unit -> screen pixel).
    qreal viewScale() const { return transform().m11(); }
    /// Moves the camera so that `rect` fills `contentRect` (viewport pixels), at a scale of at
    /// most 1 for the whole map, else within the legible scales; alignLeftTop keeps the rect's
    /// top-left at the content's top-left when it does not fit.
    void frame(const QRectF& rect, const QRect& contentRect, bool alignLeftTop, bool wholeMap, bool animate);
    void stopAnimation();
    /// The lane marks as last painted at the lane headers: annotation id and viewport rect.
    const std::vector<std::pair<std::string, QRectF>>& paintedLaneMarks() const { return m_laneMarks; }

  signals:
    /// A click on the viewport, in viewport pixels.
    void clicked(const QPoint& viewportPos);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

  private:
    void setCamera(const QPointF& center, qreal scale);

    QVariantAnimation* m_animation = nullptr;
    bool m_animated = true;
    QPointF m_cameraCenter;
    qreal m_cameraScale = 1;
    std::vector<std::pair<std::string, QRectF>> m_laneMarks;
};

} // namespace crosswalk
