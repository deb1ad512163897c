#include "ui/present/presentview.h"

#include "ui/present/presentitems.h"
#include "ui/present/presentscene.h"
#include "ui/present/presentstyle.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace crosswalk {

using namespace presentstyle;

PresentView::PresentView(PresentScene* scene, QWidget* parent) : QGraphicsView(scene, parent)
{
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    // The headers are drawn in screen pixels over the map: every frame redraws them.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::NoAnchor);
    setFocusPolicy(Qt::NoFocus);
    setInteractive(false);

    m_animation = new QVariantAnimation(this);
    m_animation->setDuration(450);
    m_animation->setEasingCurve(QEasingCurve::InOutCubic);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
}

void PresentView::mousePressEvent(QMouseEvent* event)
{
    emit clicked(event->position().toPoint());
}

void PresentView::wheelEvent(QWheelEvent* event)
{
    event->accept();
}

// ----- the camera -------------------------------------------------------------------------------

void PresentView::setCamera(const QPointF& center, qreal scale)
{
    m_cameraCenter = center;
    m_cameraScale = scale;
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(center);
}

void PresentView::stopAnimation()
{
    m_animation->stop();
}

void PresentView::frame(const QRectF& rect, const QRect& contentRect, bool alignLeftTop, bool wholeMap, bool animate)
{
    const QRect& cr = contentRect;
    qreal s = std::min(cr.width() / rect.width(), cr.height() / rect.height());
    if (wholeMap)
        s = std::min(s, 1.0);
    else
        s = std::clamp(s, kMinScale, kMaxScale);
    const qreal vw = cr.width() / s;
    const qreal vh = cr.height() / s;
    qreal cx = rect.center().x();
    qreal cy = rect.center().y();
    // Aligned: the rect's top left at the content's top left, whether it fits or not.
    if (alignLeftTop) {
        cx = rect.left() + vw / 2;
        cy = rect.top() + vh / 2;
    }
    const QPointF offset = QPointF(cr.center()) - QPointF(viewport()->rect().center());
    const QPointF target = QPointF(cx, cy) - offset / s;
    if (!animate || !m_animated || !isVisible()) {
        m_animation->stop();
        setCamera(target, s);
        return;
    }
    m_animation->stop();
    m_animation->disconnect(this);
    const QPointF fromC = m_cameraCenter;
    const qreal fromS = m_cameraScale;
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this, fromC, fromS, target, s](const QVariant& v) {
        const qreal t = v.toReal();
        setCamera(fromC + (target - fromC) * t, std::exp(std::log(fromS) + (std::log(s) - std::log(fromS)) * t));
    });
    m_animation->start();
}

// ----- lane and phase names, drawn on top in screen pixels ---------------------------------------

void PresentView::drawForeground(QPainter* painter, const QRectF& rect)
{
    Q_UNUSED(rect)
    auto* scene = static_cast<PresentScene*>(this->scene());
    const Map* m = scene->map();
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    const int top = kTopBarPx + kPhaseRowPx;
    const int w = viewport()->width();
    const int h = viewport()->height();
    const Spotlight& spot = scene->spotlight();

    m_laneMarks.clear();
    // Lane names, in a column on the left that stays put while the map pans.
    painter->fillRect(QRect(0, top, kLaneColumnPx, h - top), QColor(0xD9, 0xDB, 0xDE));
    if (m) {
        int laneTop = 0;
        for (std::size_t i = 0; i < m->lanes.size(); ++i) {
            const Lane& lane = m->lanes[i];
            const qreal y0 = mapFromScene(QPointF(0, laneTop)).y();
            const qreal y1 = mapFromScene(QPointF(0, laneTop + lane.height)).y();
            laneTop += lane.height;
            QRectF cell(0, std::max<qreal>(y0, top), kLaneColumnPx, 0);
            cell.setBottom(y1);
            if (cell.height() <= 0)
                continue;
            const bool dim = spot.kind == Spotlight::Kind::Lane && spot.id != lane.id;
            painter->fillRect(cell, i % 2 == 0 ? QColor(0xF7, 0xF7, 0xF7) : QColor(0xE4, 0xE5, 0xE8));
            painter->fillRect(QRectF(cell.left(), cell.top(), 12, cell.height()),
                              laneMarkers()[i % laneMarkers().size()]);
            painter->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
            painter->drawLine(QPointF(0, y1), QPointF(kLaneColumnPx, y1));
            if (spot.kind == Spotlight::Kind::Lane && spot.id == lane.id) {
                painter->setPen(QPen(current(), 6));
                painter->setBrush(Qt::NoBrush);
                painter->drawRect(cell.adjusted(3, 3, -3, -3));
            }
            // The lane's own marks with the canvas glyphs: under its name when the lane's
            // row is tall enough for both, else in a row beside it, at the column's right.
            const QFont nameFont = pixelFont(kHeaderPx, true);
            const QString name = lane.name.empty() ? QObject::tr("(unnamed lane)") : QString::fromStdString(lane.name);
            QRectF nameRect = cell.adjusted(22, 2, -8, -2);
            const std::vector<PresentBadge> marks = scene->laneMarks(lane.id);
            if (!marks.empty()) {
                const qreal nameH = QFontMetricsF(nameFont)
                                        .boundingRect(QRectF(0, 0, nameRect.width(), 10000), Qt::TextWordWrap, name)
                                        .height();
                std::vector<QRectF> rects;
                qreal x = nameRect.left();
                int rowIndex = 0;
                for (const PresentBadge& b : marks) {
                    const qreal bw = presentBadgeWidth(b, true);
                    if (x > nameRect.left() && x + bw > nameRect.right()) {
                        x = nameRect.left();
                        ++rowIndex;
                    }
                    rects.emplace_back(x, rowIndex * (kLaneMarkPx + 4), bw, kLaneMarkPx);
                    x += bw + 4;
                }
                const qreal marksHeight = (rowIndex + 1) * (kLaneMarkPx + 4) - 4;
                QPointF offset;
                if (nameH + 6 + marksHeight <= nameRect.height()) {
                    const qreal blockTop = nameRect.center().y() - (nameH + 6 + marksHeight) / 2;
                    nameRect = QRectF(nameRect.left(), blockTop, nameRect.width(), nameH);
                    offset = QPointF(0, blockTop + nameH + 6);
                } else {
                    // Beside the name: one row ending at the column's right edge.
                    qreal total = -4;
                    for (const PresentBadge& b : marks)
                        total += presentBadgeWidth(b, true) + 4;
                    qreal bx = nameRect.right() - total;
                    for (std::size_t k = 0; k < rects.size(); ++k) {
                        rects[k] = QRectF(bx, 0, rects[k].width(), kLaneMarkPx);
                        bx += rects[k].width() + 4;
                    }
                    offset = QPointF(0, std::max(cell.top() + 2, cell.center().y() - kLaneMarkPx / 2.0));
                    nameRect.setRight(nameRect.right() - total - 6);
                }
                painter->setOpacity(dim ? kDimOpacity * 2 : 1.0);
                for (std::size_t k = 0; k < marks.size(); ++k) {
                    const QRectF r = rects[k].translated(offset);
                    paintBadge(*painter, r, marks[k], true);
                    m_laneMarks.emplace_back(marks[k].annotation.id, r);
                }
                painter->setOpacity(1.0);
            }
            painter->setPen(dim ? QColor(0x88, 0x88, 0x88) : ink());
            painter->setFont(nameFont);
            painter->drawText(nameRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, name);
        }
    }
    painter->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
    painter->drawLine(QPointF(kLaneColumnPx, top), QPointF(kLaneColumnPx, h));

    // Phase names in a row under the top caption, each centred on the part of its phase in view.
    const QRect row(kLaneColumnPx, kTopBarPx, w - kLaneColumnPx, kPhaseRowPx);
    painter->fillRect(QRect(0, kTopBarPx, w, kPhaseRowPx), QColor(0xF7, 0xF7, 0xF7));
    if (m) {
        int left = 0;
        for (const Phase& phase : m->phases) {
            const qreal x0 = mapFromScene(QPointF(left, 0)).x();
            const qreal x1 = mapFromScene(QPointF(left + phase.width, 0)).x();
            left += phase.width;
            QRectF cell(std::max<qreal>(x0, row.left()), row.top(), 0, row.height());
            cell.setRight(std::min<qreal>(x1, row.right()));
            if (cell.width() <= 0)
                continue;
            const bool dim = spot.kind == Spotlight::Kind::Phase && spot.id != phase.id;
            if (spot.kind == Spotlight::Kind::Phase && spot.id == phase.id) {
                painter->setPen(QPen(current(), 6));
                painter->setBrush(Qt::NoBrush);
                painter->drawRect(cell.adjusted(3, 3, -3, -3));
            }
            painter->setPen(QPen(QColor(0x77, 0x77, 0x77), 2));
            painter->drawLine(QPointF(x1, row.top()), QPointF(x1, row.bottom()));
            painter->setPen(dim ? QColor(0x88, 0x88, 0x88) : ink());
            painter->setFont(pixelFont(kHeaderPx, true));
            const QString name = QFontMetricsF(painter->font())
                                     .elidedText(QString::fromStdString(phase.name), Qt::ElideRight, cell.width() - 12);
            painter->drawText(cell, Qt::AlignCenter, name);
        }
    }
    painter->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
    painter->drawLine(QPointF(0, top), QPointF(w, top));
    // The corner: where to find the keys.
    painter->fillRect(QRect(0, kTopBarPx, kLaneColumnPx, kPhaseRowPx), QColor(0xE4, 0xE5, 0xE8));
    painter->setPen(ink());
    painter->setFont(pixelFont(kLabelPx));
    painter->drawText(QRect(12, kTopBarPx, kLaneColumnPx - 16, kPhaseRowPx), Qt::AlignVCenter | Qt::AlignLeft,
                      QObject::tr("? for keys"));
    painter->restore();
}

} // namespace crosswalk
