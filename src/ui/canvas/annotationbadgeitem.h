#pragma once

#include "crosswalk/model/map.h"

#include <QGraphicsObject>
#include <QString>

#include <string>

namespace crosswalk {

/// One annotation's numbered badge on the canvas: the kind's glyph and the number every view
/// uses for it. It is a child of what it marks (a step, a flow, a lane header or the corner
/// header), so it moves, scrolls and disappears with it; the scene places and refills it from
/// the model. A QGraphicsObject so that the scene can hold it by QPointer: its parent deletes it.
class AnnotationBadgeItem final : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 7 };
    /// Height of a badge in map units: legible on a shared 1080p screen at 100 %.
    static constexpr qreal kHeight = 24;

    explicit AnnotationBadgeItem(QGraphicsItem* parent = nullptr);

    const std::string& annotationId() const { return m_annotation.id; }
    const Annotation& annotation() const { return m_annotation; }
    int number() const { return m_number; }
    /// Takes the annotation's current state; toolTip is shown on hover.
    void setAnnotation(const Annotation& annotation, int number, const QString& toolTip);
    /// Width the badge needs for its glyph and number.
    qreal width() const { return m_width; }

    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    /// The pill itself, without the room for the "current" outline: what a click hits.
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Annotation m_annotation;
    int m_number = 0;
    qreal m_width = kHeight;
    bool m_current = false;
};

} // namespace crosswalk
