#pragma once

#include <QStyledItemDelegate>

namespace crosswalk {

/// Paints a cell of the lanes x districts grid: the district's lane name, then one line per
/// figure (steps, handoffs, black boxes, harm points, variations), each with its own black
/// glyph and written count, so that nothing is told by colour alone.
class GridCellDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    // Item data roles the grid fills in.
    enum Role {
        HasLaneRole = Qt::UserRole + 1,
        LaneNameRole,
        StepsRole,
        HandoffsRole,
        BlackBoxesRole,
        HarmPointsRole,
        VariationsRole,
    };

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace crosswalk
