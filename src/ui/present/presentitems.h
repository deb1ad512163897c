#pragma once

#include "crosswalk/model/map.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QStaticText>

#include <optional>
#include <vector>

namespace crosswalk {

/// One annotation mark as a step shows it in presentation mode.
struct PresentBadge {
    Annotation annotation;
    int number = 0;
};

/// A step in presentation mode: the kind's shape drawn heavier and a little larger than in
/// the editor, its label in presentstyle::kLabelPx, its badges, notes and dot votes.
class PresentStepItem final : public QGraphicsItem {
  public:
    enum { Type = UserType + 41 };
    explicit PresentStepItem(std::string id);

    struct Decorations {
        bool blackBox = false;
        bool current = false;
        bool labelShown = true;
        std::vector<PresentBadge> badges;
        int notes = 0;
        int votes = 0;
    };
    void setStep(const Step& step, const QRectF& modelRect);
    void setDecorations(const Decorations& decorations);

    const std::string& id() const { return m_id; }
    const Decorations& decorations() const { return m_decorations; }
    /// The label as drawn (elided when even two extra lines would not hold it).
    QString shownLabel() const { return m_shownLabel; }
    /// The drawn rectangle in scene coordinates (larger than the model's).
    QRectF drawnSceneRect() const { return mapRectToScene(m_rect); }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    void layoutLabel();

    std::string m_id;
    Step m_step;
    QRectF m_rect; // item coordinates
    QPainterPath m_outline;
    QPainterPath m_decoration;
    QString m_shownLabel;
    QStaticText m_label;
    QPointF m_labelPos;
    Decorations m_decorations;
};

/// A flow in presentation mode: a thick line with a large arrowhead; handoffs in blue with a
/// diamond where they cross into the next lane; the branch the walk will take in vermillion.
class PresentFlowItem final : public QGraphicsItem {
  public:
    enum { Type = UserType + 42 };
    explicit PresentFlowItem(std::string id);

    void setFlow(const Flow& flow, const QPolygonF& route, bool handoff, std::optional<QPointF> handoffAt);
    /// 0 for an ordinary flow; n > 0 marks the n-th choice at the decision being walked.
    void setChoice(int number, bool chosen, bool labelShown);

    const std::string& id() const { return m_id; }
    bool chosen() const { return m_chosen; }
    int choice() const { return m_choice; }
    /// The label found no place clear of the steps: the flow is drawn above them.
    bool labelOverSteps() const { return m_labelOverSteps; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    QRectF labelBox() const;
    bool coversStep(const QRectF& r) const;

    std::string m_id;
    Flow m_flow;
    QPolygonF m_route;
    bool m_handoff = false;
    std::optional<QPointF> m_handoffAt;
    QPainterPath m_line;
    QPolygonF m_arrow;
    int m_choice = 0;
    bool m_chosen = false;
    bool m_labelShown = true;
    QRectF m_bounds;
    QRectF m_labelBox; // where the label goes (labelBox()), found once per route
    bool m_labelOverSteps = false;
};

} // namespace crosswalk
