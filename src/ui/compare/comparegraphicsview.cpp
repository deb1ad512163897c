#include "ui/compare/comparegraphicsview.h"

#include "ui/compare/comparestepitem.h"

#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>

namespace crosswalk {

CompareGraphicsView::CompareGraphicsView(QWidget* parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundBrush(Qt::white);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

void CompareGraphicsView::fitWhole()
{
    if (!scene())
        return;
    fitRect(scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10), 1.0);
    m_fit = Fit::Whole;
}

void CompareGraphicsView::fitRect(const QRectF& rect, double maxScale)
{
    m_autoFit = true;
    m_fit = Fit::Rect;
    m_fitRect = rect;
    m_fitMax = maxScale;
    const QSize vp = viewport()->size();
    if (rect.isEmpty() || vp.isEmpty())
        return;
    const double s = std::clamp(std::min((vp.width() - 4) / rect.width(), (vp.height() - 4) / rect.height()), 0.05,
                                maxScale);
    resetTransform();
    scale(s, s);
    centerOn(rect.center());
}

void CompareGraphicsView::fitScene(double minScale)
{
    m_autoFit = true;
    m_fit = Fit::Width;
    m_minScale = minScale;
    if (!scene())
        return;
    const QRectF r = scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10);
    const QSize vp = viewport()->size();
    if (r.isEmpty() || vp.isEmpty())
        return;
    // The width only: a map is read down its lanes, so scrolling down is natural, sideways is not.
    const double s = std::clamp((vp.width() - verticalScrollBar()->sizeHint().width()) / r.width(), minScale, 1.0);
    resetTransform();
    scale(s, s);
    ensureVisible(QRectF(r.topLeft(), QSizeF(1, 1)), 0, 0);
}

void CompareGraphicsView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_autoFit)
        return;
    if (m_fit == Fit::Whole)
        fitWhole();
    else if (m_fit == Fit::Rect)
        fitRect(m_fitRect, m_fitMax);
    else
        fitScene(m_minScale);
}

void CompareGraphicsView::zoomBy(double factor)
{
    m_autoFit = false;
    const double next = std::clamp(zoom() * factor, 0.2, 3.0);
    const double f = next / zoom();
    scale(f, f);
}

double CompareGraphicsView::zoom() const
{
    return transform().m11();
}

void CompareGraphicsView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        CompareStepItem* hit = nullptr;
        for (QGraphicsItem* item : items(event->position().toPoint()))
            if (item->type() == CompareStepItem::Type && item->isVisible()) {
                hit = static_cast<CompareStepItem*>(item);
                break;
            }
        emit stepClicked(hit);
        if (hit)
            return; // a click on a step selects it; dragging to pan starts on empty space
    }
    QGraphicsView::mousePressEvent(event);
}

void CompareGraphicsView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

} // namespace crosswalk
