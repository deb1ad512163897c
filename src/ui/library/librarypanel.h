#pragma once

#include "crosswalk/storage/workspace.h"

#include <QLineEdit>
#include <QTreeWidget>
#include <QWidget>

namespace crosswalk {

/// The map library: districts with their maps, filtered as you type.
class LibraryPanel final : public QWidget {
    Q_OBJECT
public:
    explicit LibraryPanel(QWidget* parent = nullptr);

    /// Shows these maps, grouped by district; keeps the current map selected.
    void setMaps(const std::vector<MapSummary>& maps);
    void setCurrentMap(const QString& mapId);
    QString currentMapId() const;
    QTreeWidget* tree() { return m_tree; }
    QLineEdit* filterBox() { return m_filter; }

signals:
    void mapActivated(const QString& mapId);

private:
    void applyFilter();

    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace crosswalk
