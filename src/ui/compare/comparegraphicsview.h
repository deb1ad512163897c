#pragma once

#include <QGraphicsView>

#include <cstddef>
#include <string>

namespace crosswalk {

class CompareStepItem;

/// A read-only view on a comparison scene: wheel scrolls, Ctrl+wheel zooms, a click on a step
/// reports it. Shared by the overlay and the side-by-side view.
class CompareGraphicsView final : public QGraphicsView {
    Q_OBJECT

public:
    explicit CompareGraphicsView(QWidget* parent = nullptr);

    /// Zoom to show the scene's full width (never above 100 %, never below minScale: on a
    /// shared screen a readable part beats an unreadable whole) and scroll to its top left.
    void fitScene(double minScale = 0.55);
    /// Zoom to show the whole scene, both ways (never above 100 %), as the window is sized:
    /// everything at a glance, details on hover and click.
    void fitWhole();
    /// Zoom to show this scene rectangle whole, up to maxScale, and keep it so as the window is sized.
    void fitRect(const QRectF& rect, double maxScale);
    void zoomBy(double factor);
    double zoom() const;

signals:
    /// A step was clicked (nullptr: empty space).
    void stepClicked(crosswalk::CompareStepItem* item);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    // Until the user zooms, the view keeps fitting the width as the window is sized.
    bool m_autoFit = true;
    double m_minScale = 0.55;
    enum class Fit { Width, Whole, Rect } m_fit = Fit::Width;
    QRectF m_fitRect;
    double m_fitMax = 1.0;
};

} // namespace crosswalk
