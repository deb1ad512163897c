#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace crosswalk {

class MapDocument;
// Declared, not included: crosswalk/compare/comparisonresult.h has its own LaneFigures, and
// AUTOMOC compiles every moc file of the library in one translation unit.
class MapInsights;
struct Figure;
struct Figures;

/// The figures of the map (MapInsights) per lane and per phase, with the whole map on top
/// and the longest path from start to end below. Selecting a figure highlights the steps
/// behind it. The panel describes the map: no grades, no colours for good or bad.
class InsightsPanel final : public QWidget {
    Q_OBJECT
  public:
    /// The columns of the table, each one figure of Figures.
    enum Column {
        StepsColumn,
        HandoffsColumn,
        DecisionsColumn,
        WaitsColumn,
        BlackBoxesColumn,
        HarmPointsColumn,
        VariationIntentionalColumn,
        VariationUnintentionalColumn,
        VariationUnspecifiedColumn,
        QuestionsColumn,
        InsightsColumn,
        Horizon1Column,
        Horizon2Column,
        Horizon3Column,
        NoHorizonColumn,
        NoWayForwardColumn,
        ColumnCount
    };
    /// What a row shows: the whole map, one lane or one phase (or a heading row).
    enum class RowScope { Overall, Lane, Phase, Heading };

    explicit InsightsPanel(QWidget* parent = nullptr);
    ~InsightsPanel() override;

    void setDocument(MapDocument* document);

    /// The figure of a column (for tests and the PDF export).
    static const Figure& figure(const Figures& figures, Column column);
    /// The column's header words ("Black boxes").
    static QString columnTitle(Column column);

    QTableWidget* table() const { return m_table; }
    QPushButton* longestPathButton() const { return m_pathButton; }
    /// The row of the whole map, of a lane or of a phase; -1 when there is none.
    int rowOf(RowScope scope, const QString& id = {}) const;

  signals:
    /// The steps behind the selected figure (empty to clear the highlight).
    void highlightSteps(const QStringList& stepIds);

  private:
    void refresh();
    void emitSelection();

    struct RowInfo {
        RowScope scope = RowScope::Heading;
        QString id;
        const Figures* figures = nullptr;
    };

    QPointer<MapDocument> m_document;
    std::unique_ptr<MapInsights> m_insights;
    std::vector<RowInfo> m_rows;
    bool m_loading = false;

    QTableWidget* m_table = nullptr;
    QLabel* m_pathText = nullptr;
    QPushButton* m_pathButton = nullptr;
};

} // namespace crosswalk
