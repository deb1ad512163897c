#pragma once

#include "crosswalk/model/map.h"

#include <QGraphicsItem>

#include <string>

namespace crosswalk {

/// The name header on top of a phase column; kept at the top edge of the view while the
/// map scrolls.
class PhaseHeaderItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 4 };

    explicit PhaseHeaderItem(std::string id);

    const std::string& id() const { return m_id; }
    void setPhase(const Phase& phase);
    void setEditing(bool editing);
    /// The x range (item coordinates) that is in view; the name is centred in it.
    void setVisibleSpan(qreal left, qreal right);
    /// 1/zoom: the header keeps its height on screen at every zoom (its width stays the phase's).
    void setHeaderScale(qreal scale);
    QRectF nameSceneRect() const;
    /// Where the name is drawn: the part of the header in view (the whole header when that
    /// part is too narrow), in scene coordinates.
    QRectF shownNameSceneRect() const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF shownRect() const;

    std::string m_id;
    Phase m_phase;
    bool m_editing = false;
    qreal m_visibleLeft = -1e9;
    qreal m_visibleRight = 1e9;
    qreal m_scale = 1;
};

} // namespace crosswalk
