#pragma once

#include "crosswalk/model/map.h"

#include <QGraphicsObject>
#include <QString>

#include <string>

namespace crosswalk {

/// One sticky note on the canvas: a small square of coloured paper with the note's text, a
/// child of the step it is on, so that it moves with the step and dies with it. The scene
/// places it below the step (the label stays clear) and refills it from the model.
class StickyNoteItem final : public QGraphicsObject {
    Q_OBJECT
  public:
    enum { Type = UserType + 40 };
    /// Width of a note in map units; the height follows the text (one to kMaxLines lines).
    static constexpr qreal kWidth = 140;
    static constexpr int kTextPx = 14; // as flow labels: reads on a shared 1080p screen at 100 %
    static constexpr int kMaxLines = 3;

    explicit StickyNoteItem(QGraphicsItem* parent = nullptr);

    const std::string& noteId() const { return m_note.id; }
    const StickyNote& note() const { return m_note; }
    void setNote(const StickyNote& note);
    /// Height of the note for its current text.
    qreal height() const { return m_height; }
    /// Hidden while its text is edited in place.
    void setEditing(bool editing);

    /// The height a note with this text takes.
    static qreal heightFor(const QString& text);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    StickyNote m_note;
    QString m_shown; // the text as drawn: wrapped into lines, the last one elided
    qreal m_height = 0;
};

/// The dot votes on a step: one dot per vote along the step's top-left edge, or a dot with the
/// count when there are many. A child of the step, like the annotation badges (top right).
class VoteDotsItem final : public QGraphicsObject {
    Q_OBJECT
  public:
    enum { Type = UserType + 41 };
    static constexpr qreal kDot = 14;  // diameter in map units
    static constexpr qreal kPill = 20; // height of the dot-and-number pill
    static constexpr int kNumberPx = 15;
    static constexpr int kMaxDots = 6; // more votes are shown as one dot and the count

    explicit VoteDotsItem(QGraphicsItem* parent = nullptr);

    int count() const { return m_count; }
    /// Shows the count as dots when they fit in maxWidth (and are at most kMaxDots), else
    /// as one dot with the number.
    void setCount(int count, qreal maxWidth = 1e9);
    /// True when the count is drawn as a number rather than one dot per vote.
    bool showsNumber() const { return m_number; }
    qreal width() const { return m_width; }
    /// Height of what is drawn: a dot, or the pill; the scene centres it on the step's top edge.
    qreal height() const { return m_number ? kPill : kDot; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    int m_count = 0;
    qreal m_width = 0;
    bool m_number = false;
};

} // namespace crosswalk
