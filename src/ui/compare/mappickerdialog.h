#pragma once

#include <QDialog>

#include <string>
#include <vector>

class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace crosswalk {

class MapStore;

/// Lists the workspace's maps with check boxes; OK is enabled for 2 to 8 checked maps.
class MapPickerDialog final : public QDialog {
    Q_OBJECT

public:
    explicit MapPickerDialog(const MapStore& ws, QWidget* parent = nullptr);

    /// The checked maps' ids, in the order listed.
    std::vector<std::string> selectedMapIds() const;
    /// Checks exactly these maps.
    void setSelectedMapIds(const std::vector<std::string>& ids);
    QListWidget* list() const { return m_list; }
    bool acceptable() const;

private:
    void refresh();

    QListWidget* m_list = nullptr;
    QLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace crosswalk
