#pragma once

#include "crosswalk/edit/edit.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QLabel;

namespace crosswalk {

class MapDocument;

/// Edits what is selected on the canvas: a step (with its lane), a flow, or, when
/// nothing is selected, the map itself. Every field commits one undoable edit when
/// the user finishes with it.
class InspectorPanel final : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);

    void setDocument(MapDocument* document);
    /// Shows the step or flow (ids of the map), or the map when both are empty.
    void inspect(const QStringList& stepIds, const QStringList& flowIds);

    // The editors, for tests and keyboard users.
    QLineEdit* stepLabel() const { return m_stepLabel; }
    QComboBox* stepKind() const { return m_stepKind; }
    QComboBox* stepLane() const { return m_stepLane; }
    QComboBox* stepPhase() const { return m_stepPhase; }
    QPlainTextEdit* stepNotes() const { return m_stepNotes; }
    QLineEdit* laneName() const { return m_laneName; }
    QLineEdit* laneColor() const { return m_laneColor; }
    QLineEdit* flowLabel() const { return m_flowLabel; }
    QLineEdit* mapTitle() const { return m_mapTitle; }
    QLineEdit* mapDistrict() const { return m_mapDistrict; }
    QLineEdit* mapFocus() const { return m_mapFocus; }
    QComboBox* mapState() const { return m_mapState; }
    QPlainTextEdit* mapNotes() const { return m_mapNotes; }
    /// Why the map's fields were last refused (hidden when they were not).
    QLabel* mapProblem() const { return m_mapProblem; }
    /// The page shown: "step", "flow", "map" or "none".
    QString currentPage() const;

private:
    QWidget* buildStepPage();
    QWidget* buildFlowPage();
    QWidget* buildMapPage();
    void refresh();
    /// Whether the edit was saved.
    bool push(const Edit& edit);

    void commitStep();
    void commitLane();
    void commitFlow();
    void commitMap();
    void showMapProperties(const MapProperties& p);

    QPointer<MapDocument> m_document;
    std::string m_stepId;
    std::string m_flowId;
    bool m_loading = false; // true while fields are filled from the model

    QStackedWidget* m_pages = nullptr;
    QWidget* m_nonePage = nullptr;
    QWidget* m_stepPage = nullptr;
    QWidget* m_flowPage = nullptr;
    QWidget* m_mapPage = nullptr;
    QLabel* m_heading = nullptr;

    QLineEdit* m_stepLabel = nullptr;
    QComboBox* m_stepKind = nullptr;
    QComboBox* m_stepLane = nullptr;
    QComboBox* m_stepPhase = nullptr;
    QPlainTextEdit* m_stepNotes = nullptr;
    QLineEdit* m_laneName = nullptr;
    QLineEdit* m_laneColor = nullptr;
    QPushButton* m_laneColorButton = nullptr;
    QLineEdit* m_flowLabel = nullptr;
    QLabel* m_flowEnds = nullptr;
    QLineEdit* m_mapTitle = nullptr;
    QLineEdit* m_mapDistrict = nullptr;
    QLineEdit* m_mapFocus = nullptr;
    QComboBox* m_mapState = nullptr;
    QPlainTextEdit* m_mapNotes = nullptr;
    QLabel* m_mapProblem = nullptr;
};

} // namespace crosswalk
