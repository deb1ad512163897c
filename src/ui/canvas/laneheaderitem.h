#pragma once

#include "crosswalk/model/map.h"

#include <QGraphicsItem>
#include <QString>

#include <string>

namespace crosswalk {

/// The name header at the left of a lane. The scene keeps it at the left edge of the view
/// while the map scrolls, so the room always sees whose lane a step is in.
class LaneHeaderItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    explicit LaneHeaderItem(std::string id);

    const std::string& id() const { return m_id; }
    void setLane(const Lane& lane, int stepCount);
    void setEditing(bool editing);
    /// Room kept free at the bottom for annotation badges, so the name never runs under them.
    void setBadgeSpace(qreal height);
    /// 1/zoom: the header keeps its size on screen at every zoom (its height stays the lane's).
    void setHeaderScale(qreal scale);
    /// Where the name is drawn, in scene coordinates (the in-place editor goes there).
    QRectF nameSceneRect() const;

    /// How a lane's name is drawn in a header's text rectangle: the type shrinks (not below
    /// 11 px) until every word fits and the wrapped name fits the height; a lane too short
    /// on screen for that (a fitted overview) shows one line, cut with an ellipsis, and the
    /// header's tooltip holds the whole name.
    struct NameLayout {
        int px = 0;
        QString text;
        bool wrap = true;
    };
    static NameLayout layoutName(const QString& name, const QRectF& textRect);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    std::string m_id;
    Lane m_lane;
    int m_stepCount = 0;
    bool m_editing = false;
    qreal m_badgeSpace = 0;
    qreal m_scale = 1;
};

} // namespace crosswalk
