#include "ui/compare/mappickerdialog.h"

#include "crosswalk/compare/compare.h"
#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparestyle.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace crosswalk {

MapPickerDialog::MapPickerDialog(const MapStore& ws, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Compare districts"));
    setFont(pixelFont(comparestyle::kUiPx));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Choose the maps to lay side by side (2 to %1).").arg(kMaxComparedMaps));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QListWidget(this);
    for (const MapSummary& summary : ws.listMaps()) {
        const QString district = QString::fromStdString(summary.district);
        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2  (%3 steps)")
                                             .arg(district.isEmpty() ? tr("(no district)") : district,
                                                  QString::fromStdString(summary.title))
                                             .arg(summary.steps),
                                         m_list);
        item->setData(Qt::UserRole, QString::fromStdString(summary.id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    m_list->setMinimumSize(640, 320);
    layout->addWidget(m_list, 1);
    m_hint = new QLabel(this);
    layout->addWidget(m_hint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Compare"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &MapPickerDialog::refresh);
    // A click anywhere on the line toggles it: quicker to hit than the small box when presenting.
    connect(m_list, &QListWidget::itemActivated, this, [](QListWidgetItem* item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    refresh();
}

std::vector<std::string> MapPickerDialog::selectedMapIds() const
{
    std::vector<std::string> ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids.push_back(m_list->item(i)->data(Qt::UserRole).toString().toStdString());
    return ids;
}

void MapPickerDialog::setSelectedMapIds(const std::vector<std::string>& ids)
{
    for (int i = 0; i < m_list->count(); ++i) {
        const std::string id = m_list->item(i)->data(Qt::UserRole).toString().toStdString();
        m_list->item(i)->setCheckState(std::find(ids.begin(), ids.end(), id) != ids.end() ? Qt::Checked : Qt::Unchecked);
    }
}

bool MapPickerDialog::acceptable() const
{
    const std::size_t n = selectedMapIds().size();
    return n >= 2 && n <= kMaxComparedMaps;
}

void MapPickerDialog::refresh()
{
    const std::size_t n = selectedMapIds().size();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(acceptable());
    if (n < 2)
        m_hint->setText(tr("Check at least two maps."));
    else if (n > kMaxComparedMaps)
        m_hint->setText(tr("At most %1 maps can be compared at once.").arg(kMaxComparedMaps));
    else
        m_hint->setText(tr("%1 maps checked.").arg(n));
}

} // namespace crosswalk
