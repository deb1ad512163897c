#pragma once

#include "crosswalk/model/map.h"
#include "ui/canvas/stepshape.h"
#include "ui/present/presentobstacles.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QStaticText>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace crosswalk {

/// One annotation mark as a step shows it in presentation mode.
struct PresentBadge {
    Annotation annotation;
    int number = 0;
};

/// Paints one mark as presentation mode shows it: a white pill with the kind's canvas glyph
/// and the mark's number; without the number (the whole map), the glyph alone, twice as large.
void paintBadge(QPainter& painter, const QRectF& rect, const PresentBadge& badge, bool withNumber);
/// The width paintBadge() needs for a badge of height 30 (60 without the number).
qreal presentBadgeWidth(const PresentBadge& badge, bool withNumber);

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
        int sessionNotes = 0; // the running session's notes on the step (issue 17)
    };
    void setStep(const Step& step, const QRectF& modelRect);
    /// As setStep(step, modelRect), and the step may grow within `room` (scene
    /// coordinates) when its label does not fit in kLabelPx type: it is never elided.
    void setStep(const Step& step, const QRectF& modelRect, const QRectF& room);
    void setDecorations(const Decorations& decorations);

    const std::string& id() const { return m_id; }
    const Decorations& decorations() const { return m_decorations; }
    /// The label as drawn: the whole label, wrapped (elided only when even the room to
    /// grow in cannot hold it).
    QString shownLabel() const { return m_shownLabel; }
    /// Where the label is drawn, in scene coordinates.
    QRectF labelSceneRect() const;
    /// The label's type size in pixels (map units).
    int labelPixelSize() const { return m_labelPx; }
    /// How much taller (map units) the step as drawn would have to be for its whole label at
    /// its drawn width; 0 when the whole label is shown.
    qreal labelShortfall() const;
    /// The drawn rectangle in scene coordinates (larger than the model's).
    QRectF drawnSceneRect() const { return mapRectToScene(m_rect); }
    /// What is drawn on the step's edges (badges, votes, note papers), in scene coordinates:
    /// what a flow label keeps clear of.
    std::vector<QRectF> markSceneRects() const;
    /// Each line of the label as drawn (a decision's lines one by one; other kinds' label as
    /// one block), in scene coordinates.
    std::vector<QRectF> labelLineSceneRects() const;
    /// The outline as drawn, in scene coordinates.
    QPainterPath outlineScenePath() const { return mapToScene(m_outline); }
    /// Where each badge is drawn, in scene coordinates.
    std::vector<QRectF> badgeSceneRects() const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    void layoutLabel();
    void layoutDecisionLabel();
    /// A w x h rectangle centred on the step, moved and cut to lie within its room.
    QRectF grownInRoom(qreal w, qreal h) const;
    /// The step grown for its label: wider (up to `widest`), then taller, then wider, each by
    /// the least that makes `fits` hold; the rectangle and whether it fits.
    std::pair<QRectF, bool> grownToFit(qreal widest, const std::function<bool(const QRectF&)>& fits) const;
    std::vector<std::pair<QRectF, const PresentBadge*>> badgeRects() const; // item coordinates
    QRectF votesRect() const;                                               // item coordinates

    std::string m_id;
    Step m_step;
    QRectF m_rect; // item coordinates
    QRectF m_room; // item coordinates: the most the step may grow to for its label
    int m_labelPx = 0;
    QPainterPath m_outline;
    QPainterPath m_decoration;
    QString m_shownLabel;
    QStaticText m_label;
    QPointF m_labelPos;
    QRectF m_labelBox;                     // item coordinates: the label as drawn
    StepShape::LabelLines m_decisionLines; // a decision's question, line by line
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
    /// The flow's own marks, drawn with the canvas glyphs above its label (or its midpoint).
    void setMarks(std::vector<PresentBadge> marks);
    const std::vector<PresentBadge>& marks() const { return m_marks; }
    /// Where each mark is drawn, in scene coordinates, in the order of marks().
    std::vector<QRectF> markSceneRects() const;
    /// Where the label is drawn (scene coordinates); null without a label.
    QRectF labelSceneRect() const { return m_labelBox; }

    const std::string& id() const { return m_id; }
    bool chosen() const { return m_chosen; }
    int choice() const { return m_choice; }
    /// The label found no place clear of the steps: the flow is drawn above them.
    bool labelOverSteps() const { return m_labelOverSteps; }
    /// What the label and the choice number keep clear of (the scene's, shared by all its
    /// flows); without it they go in the middle of the route.
    void setObstacles(PresentObstacles* obstacles) { m_obstacles = obstacles; }
    /// Places the label, clear of the obstacles, and adds it to them. The scene calls it in
    /// the map's order once every flow is in (setFlow places no label).
    void placeLabel();
    /// The lanes' borders (scene y): labels keep clear of them.
    void setLaneBorders(std::vector<qreal> ys);
    /// The arrowhead and where a choice number goes beside it (scene coordinates): no flow
    /// label is put there.
    QRectF endZone() const;
    /// Where the choice number is drawn on a walk (scene coordinates).
    QRectF choiceSceneRect() const
    {
        return {m_choiceAt.x() - kChoiceDiscRadius, m_choiceAt.y() - kChoiceDiscRadius, 2 * kChoiceDiscRadius,
                2 * kChoiceDiscRadius};
    }
    static constexpr qreal kChoiceDiscRadius = 16;
    /// The route's length (scene units).
    qreal routeLength() const;
    /// The arrowhead's bounding box (scene coordinates).
    QRectF arrowSceneRect() const { return m_arrow.boundingRect(); }
    /// Where the route crosses into the next lane, for a handoff.
    std::optional<QPointF> handoffAt() const { return m_handoffAt; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    QRectF labelBox() const;
    /// What a label's place must keep clear of, besides the steps' text and the other flows'
    /// labels (always): the lane borders, the step shapes, the marks (steps' badges, votes
    /// and notes; every arrowhead with the place of its choice number, every handoff
    /// diamond); and whether it may be further off its line than just beside it.
    struct Clear {
        bool borders = false;
        bool shapes = false;
        bool marks = false;
        bool far = false;
        bool handoffTips = true; // with marks: the whole handoff diamond, not only its middle
    };
    bool covers(const QRectF& r, const Clear& clear) const;
    QPointF along(qreal t) const;
    QPointF findChoiceCentre() const;
    std::vector<QRectF> markRects() const;
    void updateBounds();

    std::string m_id;
    Flow m_flow;
    QPolygonF m_route;
    bool m_handoff = false;
    std::optional<QPointF> m_handoffAt;
    QPainterPath m_line;
    QPolygonF m_arrow;
    std::vector<qreal> m_laneBorders;
    QString m_labelText; // the label as shown (its first 400 characters)
    PresentObstacles* m_obstacles = nullptr;
    QPointF m_choiceAt; // where the choice number goes on a walk
    int m_choice = 0;
    bool m_chosen = false;
    bool m_labelShown = true;
    QRectF m_bounds;
    QRectF m_labelBox; // where the label goes (labelBox()), found once per route
    bool m_labelOverSteps = false;
    std::vector<PresentBadge> m_marks;
    QRectF m_lineBounds; // the line, arrow and label
};

} // namespace crosswalk
