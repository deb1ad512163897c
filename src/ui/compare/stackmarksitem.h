#pragma once

#include <QGraphicsItem>
#include <QString>

#include <cstddef>
#include <vector>

namespace crosswalk {

/// Under a stack of matched steps in the overlay, one chip per district that marks the step:
/// its initials on its colour, then a glyph per kind it marks (black box, harm point,
/// variation). Six districts' marks on one stack stay apart, and each says whose it is in
/// words as well as colour.
class StackMarksItem final : public QGraphicsItem {
public:
    struct Chip {
        std::size_t slot = 0; // the district's colour slot (CompareSession::colorSlot)
        QString initials;
        bool blackBox = false;
        bool harm = false;
        bool variation = false;
    };

    /// Chips laid out from the top left, wrapping within width.
    StackMarksItem(std::vector<Chip> chips, double width);

    static constexpr double kChipHeight = 24;
    /// The height the chips need within width.
    static double heightFor(const std::vector<Chip>& chips, double width);
    const std::vector<Chip>& chips() const { return m_chips; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    enum { Type = UserType + 503 };
    int type() const override { return Type; }

private:
    static double chipWidth(const Chip& chip);
    std::vector<Chip> m_chips;
    double m_width;
    double m_height;
};

} // namespace crosswalk
