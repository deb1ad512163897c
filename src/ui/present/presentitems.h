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

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    void layoutLabel();

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

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    QRectF labelBox() const;
    /// Whether `r` covers a step (with its marks), or with labelsOnly a step's label, or
    /// another flow's label.
    bool coversStep(const QRectF& r, bool labelsOnly = false) const;
    QPointF along(qreal t) const;
    std::vector<QRectF> markRects() const;
    void updateBounds();

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
    std::vector<PresentBadge> m_marks;
    QRectF m_lineBounds; // the line, arrow and label
};

} // namespace crosswalk
