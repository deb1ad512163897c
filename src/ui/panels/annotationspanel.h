#pragma once

#include "crosswalk/edit/edit.h"
#include "ui/common/annotationglyph.h"

#include <QIcon>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace crosswalk {

class MapDocument;

/// Lists every annotation of the map with its number, kind, text, target and who it
/// affects; filters and groups them by kind, lane, phase and horizon; adds one on the
/// canvas selection (or the whole map), edits them in place and deletes them. Every change
/// is one undoable edit pushed on the document. It also holds which kinds are shown on
/// the canvas.
class AnnotationsPanel final : public QWidget {
    Q_OBJECT
  public:
    enum class Grouping { None, Kind, Lane, Phase, Horizon };
    enum Column { NumberColumn, KindColumn, TextColumn, AffectsColumn, TargetColumn, ColumnCount };

    explicit AnnotationsPanel(QWidget* parent = nullptr);

    void setDocument(MapDocument* document);

    /// The glyph of a kind as an icon (see annotationglyph.h, which the canvas uses too).
    static QIcon annotationIcon(AnnotationKind kind, std::optional<int> horizon = {},
                                std::optional<Variation> variation = {});

    /// The kinds the canvas should not draw; the list still shows them.
    QSet<AnnotationKind> hiddenKinds() const { return m_hiddenKinds; }
    void setKindHidden(AnnotationKind kind, bool hidden);

    /// How many annotations of this kind the map has (whatever the filters).
    int count(AnnotationKind kind) const;
    /// The annotation ids the list shows, in list order (after filters and grouping).
    QStringList listedAnnotationIds() const;
    /// The selected annotations' ids, in list order.
    QStringList selectedAnnotationIds() const;
    /// Where a new annotation goes: a step, flow or lane id, or empty for the whole map.
    QString newTarget() const;

    // Filters and grouping; empty means "all".
    void setGrouping(Grouping grouping);
    void setKindFilter(std::optional<AnnotationKind> kind);
    void setLaneFilter(const QString& laneId);
    void setPhaseFilter(const QString& phaseId);
    void setHorizonFilter(std::optional<int> horizon);

    // The widgets, for tests and keyboard users.
    QTreeWidget* list() const { return m_list; }
    QComboBox* newKind() const { return m_newKind; }
    QComboBox* newTargetChoice() const { return m_newTarget; }
    QLineEdit* newText() const { return m_newText; }
    QLineEdit* newAffects() const { return m_newAffects; }
    QPushButton* addButton() const { return m_addButton; }
    QPushButton* deleteButton() const { return m_deleteButton; }
    QToolButton* visibilityButton(AnnotationKind kind) const { return m_visibility.value(kind); }
    QComboBox* groupingBox() const { return m_grouping; }
    QComboBox* kindFilterBox() const { return m_kindFilter; }
    QComboBox* laneFilterBox() const { return m_laneFilter; }
    QComboBox* phaseFilterBox() const { return m_phaseFilter; }
    QComboBox* horizonFilterBox() const { return m_horizonFilter; }

  public slots:
    /// The canvas selection: the target of the next annotation added.
    void setSelection(const QStringList& stepIds, const QStringList& flowIds, const QString& laneId);
    /// Selects and shows the annotation in the list (a badge clicked on the canvas).
    void selectAnnotation(const QString& annotationId);
    /// Adds an annotation from the form; false when the form is not complete.
    bool addFromForm();
    /// Removes the selected annotations as one undoable edit.
    void removeSelected();
    /// Opens the in-place editor on the current annotation's text.
    void editCurrent();

  signals:
    /// The set of hidden kinds changed.
    void visibilityChanged();
    /// An annotation was selected in the list: its target (step, flow or lane id, or empty
    /// for the whole map), for the canvas to select and centre.
    void targetActivated(const QString& targetId);
    /// The same annotation's own id, for the canvas to select its badge.
    void annotationActivated(const QString& annotationId);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    QWidget* buildForm();
    void refresh();
    /// Shows the "Affects" column only where the list is wide enough for all five columns.
    void fitColumns();
    static constexpr int kAffectsWidth = 110;
    static constexpr int kTargetWidth = 150;
    void refreshFilters();
    void refreshCounts();
    void refreshForm(bool selectionChanged = false);
    void updateAddButton();
    void push(const Edit& edit);
    void commitItem(QTreeWidgetItem* item, int column);
    bool passesFilters(const Annotation& annotation) const;
    QTreeWidgetItem* itemFor(const std::string& annotationId) const;

    QPointer<MapDocument> m_document;
    bool m_loading = false; // true while the list is filled from the model
    QSet<AnnotationKind> m_hiddenKinds;
    QString m_selectionTarget;  // from setSelection(): step, flow or lane id
    QString m_pendingSelection; // an annotation to select after the next refresh

    QTreeWidget* m_list = nullptr;
    QLabel* m_summary = nullptr;
    QMap<AnnotationKind, QToolButton*> m_visibility;
    QComboBox* m_grouping = nullptr;
    QComboBox* m_kindFilter = nullptr;
    QComboBox* m_laneFilter = nullptr;
    QComboBox* m_phaseFilter = nullptr;
    QComboBox* m_horizonFilter = nullptr;
    QComboBox* m_newKind = nullptr;
    QComboBox* m_newTarget = nullptr;
    QLineEdit* m_newText = nullptr;
    QLineEdit* m_newAffects = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QWidget* m_form = nullptr;
};

} // namespace crosswalk
