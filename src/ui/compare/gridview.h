#pragma once

#include <QString>
#include <QWidget>

class QTableWidget;

namespace crosswalk {

class CompareSession;

/// Lanes (the crosswalk's rows) x districts (columns), up to eight districts: each cell says
/// what that district's lane holds. Double-clicking a cell asks to open that part of that
/// district's map. It lays figures side by side and never totals or ranks a district.
class GridView final : public QWidget {
    Q_OBJECT

public:
    explicit GridView(CompareSession& session, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    void rebuild();

signals:
    /// Open map mapId in the editor at lane laneId (empty when the district has no lane in
    /// that row: open the map itself).
    void openMapAt(const QString& mapId, const QString& laneId);

private:
    CompareSession& m_session;
    QTableWidget* m_table = nullptr;
};

} // namespace crosswalk
