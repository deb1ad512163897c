#include "ui/library/librarypanel.h"

#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace crosswalk {
namespace {
constexpr int kMapIdRole = Qt::UserRole + 1;

/// Measures a row at the width its column has in the tree, so that a wrapped name gets the
/// lines it needs (QTreeView asks the delegate with no width, which measures one line).
class WrappingDelegate final : public QStyledItemDelegate {
public:
    explicit WrappingDelegate(QTreeView* tree) : QStyledItemDelegate(tree), m_tree(tree) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem sized = option;
        int width = m_tree->header()->sectionSize(index.column());
        if (index.column() == 0) {
            int depth = m_tree->rootIsDecorated() ? 1 : 0;
            for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
                ++depth;
            width -= depth * m_tree->indentation();
        }
        sized.rect = QRect(0, 0, std::max(1, width), 1 << 16); // the style wraps only in a valid rect
        return QStyledItemDelegate::sizeHint(sized, index);
    }

private:
    QTreeView* m_tree;
};
} // namespace

LibraryPanel::LibraryPanel(QWidget* parent) : QWidget(parent)
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter districts and maps"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({tr("District / map"), tr("Steps")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(true);
    // Long district names and map titles take a second line rather than ending in "…" in the
    // dock's default width (issue 14: panels show everything at their default width).
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    // A row's height follows its column's width: measured again when the dock is resized.
    connect(m_tree->header(), &QHeaderView::sectionResized, m_tree, [this](int column) {
        if (column == 0)
            m_tree->doItemsLayout();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);

    connect(m_filter, &QLineEdit::textChanged, this, &LibraryPanel::applyFilter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && item->data(0, kMapIdRole).isValid())
            emit mapActivated(item->data(0, kMapIdRole).toString());
    });
}

void LibraryPanel::setMaps(const std::vector<MapSummary>& maps)
{
    const QString current = currentMapId();
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    std::map<QString, QTreeWidgetItem*> districts;
    for (const MapSummary& m : maps) {
        QString district = QString::fromStdString(m.district);
        if (district.isEmpty())
            district = tr("(no district)");
        auto& parentItem = districts[district];
        if (!parentItem) {
            parentItem = new QTreeWidgetItem(m_tree, {district});
            QFont bold = parentItem->font(0);
            bold.setBold(true);
            parentItem->setFont(0, bold);
            parentItem->setFlags(Qt::ItemIsEnabled);
        }
        auto* item = new QTreeWidgetItem(parentItem, {QString::fromStdString(m.title), QString::number(m.steps)});
        item->setData(0, kMapIdRole, QString::fromStdString(m.id));
        item->setToolTip(0, QString::fromStdString(m.district + " / " + m.title));
    }
    m_tree->expandAll();
    applyFilter();
    if (!current.isEmpty())
        setCurrentMap(current);
}

void LibraryPanel::setCurrentMap(const QString& mapId)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kMapIdRole).toString() == mapId) {
            const QSignalBlocker blocker(m_tree);
            m_tree->setCurrentItem(*it);
            return;
        }
    }
}

QString LibraryPanel::currentMapId() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(0, kMapIdRole).toString() : QString();
}

void LibraryPanel::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* district = m_tree->topLevelItem(i);
        const bool districtMatches = district->text(0).contains(text, Qt::CaseInsensitive);
        bool anyChild = false;
        for (int j = 0; j < district->childCount(); ++j) {
            QTreeWidgetItem* child = district->child(j);
            const bool show = text.isEmpty() || districtMatches || child->text(0).contains(text, Qt::CaseInsensitive);
            child->setHidden(!show);
            anyChild = anyChild || show;
        }
        district->setHidden(!anyChild);
    }
}

} // namespace crosswalk
