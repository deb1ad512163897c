#pragma once

#include "crosswalk/model/map.h"
#include "crosswalk/storage/mapstore.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace crosswalk {

class MapDocument;

/// Named snapshots of the open map: save one ("After session 3, March"), browse them newest
/// first, open one read-only, restore one as a new map, and list what changed since one,
/// with the ids for the canvas to highlight.
class RevisionsPanel final : public QWidget {
    Q_OBJECT
  public:
    explicit RevisionsPanel(QWidget* parent = nullptr);

    void setDocument(MapDocument* document);

    /// The map as it was in a revision (for the read-only view); empty when it cannot be read.
    static std::optional<Map> revisionMap(const MapStore& store, const QString& revisionId);
    /// The same from this panel's document's workspace.
    std::optional<Map> revisionMap(const QString& revisionId) const;

    /// The revisions listed, newest first.
    QStringList revisionIds() const;
    /// The selected revision's id, or empty.
    QString currentRevision() const;
    /// The revision "what changed since" compares with; empty when none.
    QString comparedRevision() const { return m_comparedRevision; }
    /// The lines of the "what changed" list.
    QStringList changeTexts() const;

    QLineEdit* nameEdit() const { return m_name; }
    QPushButton* saveButton() const { return m_save; }
    QTreeWidget* revisionList() const { return m_revisions; }
    QTreeWidget* changeList() const { return m_changes; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* restoreButton() const { return m_restore; }
    QPushButton* compareButton() const { return m_compare; }

  public slots:
    /// Snapshots the map under this name; returns the new revision's id (empty on failure).
    QString createRevision(const QString& name);
    void selectRevision(const QString& revisionId);
    /// Adds the revision's map to the workspace as a new map; returns its id (empty on failure).
    QString restoreRevision(const QString& revisionId);
    /// Lists what changed since the revision, and keeps the list up to date while the map changes.
    void showChangesSince(const QString& revisionId);
    void clearChanges();

  signals:
    void openRevisionReadOnly(const QString& revisionId);
    void mapRestored(const QString& mapId);
    /// Entity ids (steps, flows, annotations, lanes, phases) added, changed and removed since
    /// the compared revision; all empty to clear the highlight. Removed ones are only in the revision.
    void highlightChanges(const QStringList& added, const QStringList& changed, const QStringList& removed);
    void errorOccurred(const QString& message);

  private:
    void refreshRevisions();
    void refreshChanges();
    void updateButtons();

    QPointer<MapDocument> m_document;
    QString m_comparedRevision;
    std::optional<Map> m_comparedMap; // the compared revision's map, read once

    QLineEdit* m_name = nullptr;
    QPushButton* m_save = nullptr;
    QTreeWidget* m_revisions = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_restore = nullptr;
    QPushButton* m_compare = nullptr;
    QLabel* m_changesTitle = nullptr;
    QTreeWidget* m_changes = nullptr;
    QPushButton* m_clear = nullptr;
};

} // namespace crosswalk
