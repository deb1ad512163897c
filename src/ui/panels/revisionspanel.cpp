#include "ui/panels/revisionspanel.h"

#include "crosswalk/insights/mapdiff.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationtext.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <exception>

namespace crosswalk {
namespace {

constexpr int IdRole = Qt::UserRole;
constexpr int ChangeRole = Qt::UserRole + 1;

QString changeWord(DiffChange change)
{
    switch (change) {
    case DiffChange::Added:
        return RevisionsPanel::tr("Added");
    case DiffChange::Removed:
        return RevisionsPanel::tr("Removed");
    case DiffChange::Changed:
        return RevisionsPanel::tr("Changed");
    }
    return {};
}

QString localTime(const std::string& iso)
{
    QDateTime time = QDateTime::fromString(toQString(iso), Qt::ISODate);
    if (!time.isValid())
        return toQString(iso);
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

RevisionsPanel::RevisionsPanel(QWidget* parent) : QWidget(parent)
{
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. After session 3, March"));
    m_name->setClearButtonEnabled(true);
    m_save = new QPushButton(tr("&Save revision"), this);
    m_save->setToolTip(tr("Keep a named snapshot of the map as it is now"));
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(nameLabel);
    saveRow->addWidget(m_name, 1);
    saveRow->addWidget(m_save);
    connect(m_save, &QPushButton::clicked, this, [this] { createRevision(m_name->text()); });
    connect(m_name, &QLineEdit::returnPressed, this, [this] { createRevision(m_name->text()); });
    connect(m_name, &QLineEdit::textChanged, this, [this] { updateButtons(); });

    m_revisions = new QTreeWidget(this);
    m_revisions->setColumnCount(2);
    m_revisions->setHeaderLabels({tr("Revision"), tr("Saved")});
    m_revisions->setRootIsDecorated(false);
    m_revisions->setUniformRowHeights(true);
    m_revisions->header()->setStretchLastSection(false);
    m_revisions->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_revisions->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_revisions, &QTreeWidget::itemSelectionChanged, this, [this] { updateButtons(); });
    // Enter or double-click opens it, the safe action that changes nothing.
    connect(m_revisions, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { emit openRevisionReadOnly(item->data(0, IdRole).toString()); });

    m_open = new QPushButton(tr("&Open read-only"), this);
    m_open->setToolTip(tr("Look at the map as it was in this revision, without changing anything"));
    m_restore = new QPushButton(tr("&Restore as new map"), this);
    m_restore->setToolTip(tr("Add the revision to the library as a new map; the current map stays as it is"));
    m_compare = new QPushButton(tr("&What changed since"), this);
    m_compare->setToolTip(tr("List and highlight what changed on the map since this revision"));
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const QString id = currentRevision(); !id.isEmpty())
            emit openRevisionReadOnly(id);
    });
    connect(m_restore, &QPushButton::clicked, this, [this] { restoreRevision(currentRevision()); });
    connect(m_compare, &QPushButton::clicked, this, [this] { showChangesSince(currentRevision()); });
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_open);
    actions->addWidget(m_restore);
    actions->addWidget(m_compare);
    actions->addStretch(1);

    m_changesTitle = new QLabel(this);
    m_changesTitle->setWordWrap(true);
    QFont bold = m_changesTitle->font();
    bold.setBold(true);
    m_changesTitle->setFont(bold);
    m_changes = new QTreeWidget(this);
    m_changes->setColumnCount(2);
    m_changes->setHeaderLabels({tr("Change"), tr("What")});
    m_changes->setRootIsDecorated(false);
    m_changes->setWordWrap(true);
    m_changes->header()->setStretchLastSection(true);
    m_changes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    // One line selected highlights that change alone; none selected highlights them all.
    connect(m_changes, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QList<QTreeWidgetItem*> items = m_changes->selectedItems();
        if (items.isEmpty()) {
            refreshChanges();
            return;
        }
        QStringList lists[3];
        for (QTreeWidgetItem* item : items) {
            const QString id = item->data(0, IdRole).toString();
            lists[item->data(0, ChangeRole).toInt()] << id;
        }
        emit highlightChanges(lists[static_cast<int>(DiffChange::Added)], lists[static_cast<int>(DiffChange::Changed)],
                              lists[static_cast<int>(DiffChange::Removed)]);
    });
    m_clear = new QPushButton(tr("&Clear"), this);
    m_clear->setToolTip(tr("Stop showing the changes on the canvas"));
    connect(m_clear, &QPushButton::clicked, this, &RevisionsPanel::clearChanges);
    auto* changesRow = new QHBoxLayout;
    changesRow->addWidget(m_changesTitle, 1);
    changesRow->addWidget(m_clear);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(saveRow);
    layout->addWidget(m_revisions, 2);
    layout->addLayout(actions);
    layout->addLayout(changesRow);
    layout->addWidget(m_changes, 3);
    refreshRevisions();
    refreshChanges();
}

void RevisionsPanel::setDocument(MapDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_comparedRevision.clear();
    m_comparedMap.reset();
    if (m_document)
        connect(m_document, &MapDocument::changed, this, [this] {
            if (!m_comparedRevision.isEmpty())
                refreshChanges();
        });
    refreshRevisions();
    refreshChanges();
}

std::optional<Map> RevisionsPanel::revisionMap(const MapStore& store, const QString& revisionId)
{
    try {
        return store.loadRevision(revisionId.toStdString());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<Map> RevisionsPanel::revisionMap(const QString& revisionId) const
{
    if (!m_document)
        return std::nullopt;
    return revisionMap(m_document->store(), revisionId);
}

QStringList RevisionsPanel::revisionIds() const
{
    QStringList ids;
    for (int i = 0; i < m_revisions->topLevelItemCount(); ++i)
        ids << m_revisions->topLevelItem(i)->data(0, IdRole).toString();
    return ids;
}

QString RevisionsPanel::currentRevision() const
{
    const QList<QTreeWidgetItem*> items = m_revisions->selectedItems();
    return items.isEmpty() ? QString() : items.front()->data(0, IdRole).toString();
}

QStringList RevisionsPanel::changeTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_changes->topLevelItemCount(); ++i)
        texts << m_changes->topLevelItem(i)->text(1);
    return texts;
}

QString RevisionsPanel::createRevision(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (!m_document || m_document->readOnly() || trimmed.isEmpty())
        return {};
    try {
        const Revision revision = m_document->store().createRevision(m_document->map().id, trimmed.toStdString());
        m_name->clear();
        refreshRevisions();
        selectRevision(toQString(revision.id));
        return toQString(revision.id);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromUtf8(e.what()));
        return {};
    }
}

void RevisionsPanel::selectRevision(const QString& revisionId)
{
    for (int i = 0; i < m_revisions->topLevelItemCount(); ++i)
        if (QTreeWidgetItem* item = m_revisions->topLevelItem(i); item->data(0, IdRole).toString() == revisionId) {
            m_revisions->setCurrentItem(item);
            return;
        }
}

QString RevisionsPanel::restoreRevision(const QString& revisionId)
{
    if (!m_document || m_document->readOnly() || revisionId.isEmpty())
        return {};
    try {
        const QString mapId = toQString(m_document->store().restoreRevision(revisionId.toStdString()));
        emit mapRestored(mapId);
        return mapId;
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromUtf8(e.what()));
        return {};
    }
}

void RevisionsPanel::showChangesSince(const QString& revisionId)
{
    m_comparedMap = revisionId.isEmpty() ? std::nullopt : revisionMap(revisionId);
    m_comparedRevision = m_comparedMap ? revisionId : QString();
    if (!revisionId.isEmpty() && !m_comparedMap)
        emit errorOccurred(tr("The revision could not be read."));
    refreshChanges();
}

void RevisionsPanel::clearChanges()
{
    m_comparedRevision.clear();
    m_comparedMap.reset();
    refreshChanges();
}

void RevisionsPanel::refreshRevisions()
{
    const QString selected = currentRevision();
    m_revisions->clear();
    if (m_document) {
        try {
            for (const Revision& r : m_document->store().listRevisions(m_document->map().id)) {
                auto* item = new QTreeWidgetItem(m_revisions, {toQString(r.name), localTime(r.createdAt)});
                item->setData(0, IdRole, toQString(r.id));
                item->setToolTip(0, toQString(r.name));
                item->setToolTip(1, toQString(r.createdAt));
            }
        } catch (const std::exception& e) {
            emit errorOccurred(QString::fromUtf8(e.what()));
        }
    }
    selectRevision(selected);
    updateButtons();
}

void RevisionsPanel::refreshChanges()
{
    const QSignalBlocker block(m_changes);
    m_changes->clear();
    if (!m_document || !m_comparedMap) {
        m_changesTitle->setText(tr("What changed since a revision: select one and press \"What changed since\"."));
        m_clear->setEnabled(false);
        emit highlightChanges({}, {}, {});
        return;
    }
    const MapDiff diff(*m_comparedMap, m_document->map());
    QStringList lists[3];
    for (const EntityDiff& change : diff.changes()) {
        auto* item = new QTreeWidgetItem(m_changes, {changeWord(change.change), toQString(change.text)});
        item->setData(0, IdRole, toQString(change.id));
        item->setData(0, ChangeRole, static_cast<int>(change.change));
        item->setToolTip(1, toQString(change.text));
        // The map's own properties have no item on the canvas to highlight.
        if (change.entity != DiffEntity::Map)
            lists[static_cast<int>(change.change)] << toQString(change.id);
    }
    QString name;
    for (int i = 0; i < m_revisions->topLevelItemCount(); ++i)
        if (m_revisions->topLevelItem(i)->data(0, IdRole).toString() == m_comparedRevision)
            name = m_revisions->topLevelItem(i)->text(0);
    const int n = static_cast<int>(diff.changes().size());
    m_changesTitle->setText(
        n == 0 ? tr("Nothing changed since \"%1\".").arg(name)
               : (n == 1 ? tr("1 change since \"%1\"").arg(name) : tr("%1 changes since \"%2\"").arg(n).arg(name)));
    m_clear->setEnabled(true);
    emit highlightChanges(lists[static_cast<int>(DiffChange::Added)], lists[static_cast<int>(DiffChange::Changed)],
                          lists[static_cast<int>(DiffChange::Removed)]);
}

void RevisionsPanel::updateButtons()
{
    const bool hasDocument = m_document;
    const bool editable = hasDocument && !m_document->readOnly();
    const bool selected = !currentRevision().isEmpty();
    m_save->setEnabled(editable && !m_name->text().trimmed().isEmpty());
    m_name->setEnabled(editable);
    m_open->setEnabled(selected);
    m_restore->setEnabled(editable && selected);
    m_compare->setEnabled(hasDocument && selected);
}

} // namespace crosswalk
