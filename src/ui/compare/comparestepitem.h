#pragma once

#include "crosswalk/model/kinds.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

#include <cstddef>
#include <string>

namespace crosswalk {

/// One district's step in a comparison view: the step's shape (as on the canvas), outlined
/// in the district's colour and line pattern, with a badge naming the district and small
/// glyphs for its black boxes, harm points and variations. Read-only: it is selected by
/// clicking, never moved.
class CompareStepItem final : public QGraphicsItem {
public:
    struct Marks {
        int blackBoxes = 0;
        int harmPoints = 0;
        int variations = 0;
    };

    CompareStepItem(std::size_t mapIndex, std::string stepId, StepKind kind, const QString& label,
                    const QString& initials, const QRectF& rect, Marks marks);

    std::size_t mapIndex() const { return m_mapIndex; }
    const std::string& stepId() const { return m_stepId; }
    const QString& label() const { return m_label; }

    /// Drawn faintly: a step without a partner in the overlay.
    void setGhosted(bool ghosted);
    bool ghosted() const { return m_ghosted; }
    /// Drawn with a selection halo.
    void setHighlighted(bool highlighted);
    bool highlighted() const { return m_highlighted; }
    /// Without its label: a step lying under another in a stack, whose words would peek out
    /// as fragments.
    void setLabelVisible(bool visible) { m_labelVisible = visible; }
    /// Drawn with a heavy outline: this step differs (annotation) from its partner.
    void setFlagged(bool flagged);
    /// The district's colour and line pattern (CompareSession::colorSlot); the map index until set.
    void setColorSlot(std::size_t slot);
    std::size_t colorSlot() const { return m_slot; }
    /// Without its own glyphs: the overlay draws a stack's marks in chips under it instead.
    void setMarksVisible(bool visible) { m_marksVisible = visible; }
    /// Outlines this many times as thick (presentation mode).
    void setLineScale(double scale);
    double lineScale() const { return m_lineScale; }
    /// The largest label type in px (comparestyle::kLabelPx unless set): a larger box of the
    /// overlay's glance layout carries larger type; the smallest is three quarters of it.
    void setLargestLabelPx(int px) { m_labelPx = px; }
    int largestLabelPx() const { return m_labelPx; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    enum { Type = UserType + 501 };
    int type() const override { return Type; }

private:
    std::size_t m_mapIndex;
    std::string m_stepId;
    StepKind m_kind;
    QString m_label;
    QString m_initials;
    QRectF m_rect;
    Marks m_marks;
    QPainterPath m_outline;
    QPainterPath m_decoration;
    bool m_ghosted = false;
    bool m_highlighted = false;
    bool m_flagged = false;
    bool m_labelVisible = true;
    std::size_t m_slot = 0;
    bool m_marksVisible = true;
    double m_lineScale = 1.0;
    int m_labelPx = 16; // comparestyle::kLabelPx
};

} // namespace crosswalk
