#pragma once

#include <QRectF>
#include <QSize>
#include <QSizeF>
#include <QStringList>
#include <QWidget>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

class QCheckBox;
class QGraphicsItem;
class QGraphicsScene;
class QLabel;
class QTimer;

namespace crosswalk {

class CompareGraphicsView;
class CompareSession;
class CompareStepItem;
class StackMarksItem;

/// Every district's map drawn on shared lanes (the crosswalk's rows) and a shared year:
/// steps the engine matched are stacked, slightly offset, one outline colour and pattern per
/// district; steps without a partner are drawn faintly. Districts can be hidden one by one,
/// and "Differences only" hides what every shown district does alike.
class OverlayView final : public QWidget {
    Q_OBJECT

public:
    explicit OverlayView(CompareSession& session, QWidget* parent = nullptr);

    void setDistrictVisible(std::size_t mapIndex, bool visible);
    bool districtVisible(std::size_t mapIndex) const;
    void setDifferencesOnly(bool on);
    bool differencesOnly() const;

    // What is drawn, for tests and for the facilitator's status line.
    int stepItemCount() const;  // step boxes drawn
    int stackCount() const;     // groups of matched steps (two or more districts) drawn
    int ghostCount() const;     // step boxes drawn faintly
    int rowCount() const { return m_rowCount; }
    /// Shared phase columns drawn, and the main name heading each.
    int columnCount() const { return m_columnCount; }
    const QStringList& columnLabels() const { return m_columnLabels; }
    /// The left edge, in scene units, of phase column `column` (steps lie inside it) at the
    /// standard column width: two or three districts, or a view not shown yet.
    static double columnLeftEdge(int column);
    /// The same in the layout drawn now (four districts or more size the columns to fill the view);
    /// columnEdge(columnCount()) is the strip's right edge.
    double columnEdge(int column) const;
    /// The phase columns' right edge (the strip's end).
    double stripRight() const { return m_columnEdges.empty() ? columnLeftEdge(0) : m_columnEdges.back(); }
    std::vector<CompareStepItem*> stepItems() const;
    CompareGraphicsView* view() const { return m_view; }
    QCheckBox* districtToggle(std::size_t mapIndex) const { return m_toggles.at(mapIndex); }
    QCheckBox* differencesToggle() const { return m_differencesOnly; }

    /// Rebuilds the picture from the session's current result.
    void rebuild();

    // Presenting (overlaypresent.cpp): thicker lines, a spotlight on one lane row across the
    // districts, a walk through the shared phases. -1: no spotlight, no phase.
    void setPresenting(bool on);
    bool presenting() const { return m_presenting; }
    void setSpotlightRow(int row);
    int spotlightRow() const { return m_spotlightRow; }
    void setFocusColumn(int column);
    int focusColumn() const { return m_focusColumn; }
    /// Scene rectangles of the lane rows drawn (top to bottom) and of the phase columns.
    const std::vector<QRectF>& rowBands() const { return m_rowBands; }
    QRectF columnBand(int column) const;
    /// Veils drawn over what is not in the spotlight (0 when nothing is spotlit).
    int veilCount() const { return static_cast<int>(m_veils.size()); }
    /// The chips under stacks that name each district's marks.
    const std::vector<StackMarksItem*>& chipItems() const { return m_chipItems; }
    /// The panel that opens on a click on a step: every district's label and marks.
    QLabel* stackPopup() const { return m_popup; }
    /// What the hover tip and the popup say about a stack: every district's step and marks.
    QString stackTip(const std::vector<std::size_t>& stack,
                     const std::vector<std::pair<std::size_t, std::size_t>>& where) const;

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// How four districts or more are laid out: stacks side by side per phase column per
    /// track, the step box, the column width and the largest label type.
    struct Glance {
        int perTrack = 2; // at most, per phase column
        double stepW = 132;
        double stepH = 54;
        int labelPx = 16;
        double rowExtra = 0; // added to each row's height, to fill a view that is tall for the scene
        double laneHeaderWidth = 220;
        bool standard = true; // every column 330 wide, two stacks side by side
        std::vector<int> per;        // stacks side by side in each phase column
        std::vector<double> widths;  // each phase column's width
    };
    /// The glance layout that the view shows largest, given the scene size each would make;
    /// the standard one (two side by side, small boxes) while the view has no size of its own.
    Glance chooseGlance(const std::function<QSizeF(Glance&)>& sceneSize);
    void showDetails(CompareStepItem* item);
    /// Veils over all but the spotlit row and column, and the view on what is lit.
    void applySpotlight();

    CompareSession& m_session;
    std::vector<QCheckBox*> m_toggles;
    QCheckBox* m_differencesOnly = nullptr;
    CompareGraphicsView* m_view = nullptr;
    QGraphicsScene* m_scene = nullptr;
    QLabel* m_details = nullptr;
    // Per drawn step item, the index of its stack (group of matched steps).
    std::vector<std::pair<CompareStepItem*, std::size_t>> m_items;
    std::vector<std::size_t> m_stackSizes;
    int m_rowCount = 0;
    int m_columnCount = 0;
    QStringList m_columnLabels;
    bool m_fitted = false;
    bool m_presenting = false;
    int m_spotlightRow = -1;
    int m_focusColumn = -1;
    std::vector<QRectF> m_rowBands;
    std::vector<QGraphicsItem*> m_veils;
    std::vector<StackMarksItem*> m_chipItems;
    QLabel* m_popup = nullptr;
    std::vector<double> m_columnEdges; // left edges of the phase columns, then the strip's right edge
    double m_laneHeaderWidth = 220;
    QSize m_glanceViewport; // the viewport size the glance layout was chosen for
    QTimer* m_relayout = nullptr; // lays the glance out again once a resize pauses
};

} // namespace crosswalk
