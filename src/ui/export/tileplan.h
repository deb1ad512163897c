#pragma once

#include "crosswalk/model/map.h"

#include <QRectF>
#include <QString>

#include <vector>

namespace crosswalk {

/// How a map's drawing area is cut into columns x rows tiles. Cuts move a little from the
/// equal split to fall between steps (and on lane borders for rows), so that a step is not
/// split over two pages unless the map leaves no room.
class TilePlan final {
public:
    /// keepWhole: more rectangles (map coordinates) a cut should not go through, such as
    /// the flow labels' boxes.
    TilePlan(const Map& map, const QRectF& content, int columns, int rows, const std::vector<QRectF>& keepWhole = {});

    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    int count() const { return m_columns * m_rows; }
    /// The content (map coordinates) of the tile at column c, row r.
    QRectF tile(int column, int row) const;
    /// Tiles in reading order: A1, B1, C1, A2 ...
    QRectF tile(int index) const { return tile(index % m_columns, index / m_columns); }
    /// "B2": column letter, row number.
    static QString label(int column, int row);
    QString label(int index) const { return label(index % m_columns, index / m_columns); }
    /// Cut positions including both ends.
    const std::vector<qreal>& xCuts() const { return m_xs; }
    const std::vector<qreal>& yCuts() const { return m_ys; }

private:
    int m_columns;
    int m_rows;
    std::vector<qreal> m_xs;
    std::vector<qreal> m_ys;
};

} // namespace crosswalk
