#pragma once

#include <QMainWindow>
#include <QString>

#include <string>
#include <vector>

class QAction;
class QLabel;
class QTabWidget;

namespace crosswalk {

class CompareSession;
class DifferencesView;
class GridView;
class LanePairingView;
class OverlayView;
class SideBySideView;
class MapStore;

/// Lays two to eight districts' maps over each other to learn across districts: an overlay
/// on shared lanes, two maps side by side with their matches (where the team confirms,
/// rejects and adds matches), a lanes x districts grid, a list of differences and the lane
/// pairings of two districts (where the team corrects the lane crosswalk). It shows
/// how districts differ; it never scores or ranks one.
///
/// The workspace must outlive the window. Decisions are written to it at once.
class CompareWindow final : public QMainWindow {
    Q_OBJECT

public:
    enum class Tab { Overlay, SideBySide, Grid, Differences, Lanes };

    /// Throws WorkspaceError when a map is not in the workspace, std::invalid_argument for
    /// fewer than two or more than kMaxComparedMaps maps.
    CompareWindow(MapStore& ws, const std::vector<std::string>& mapIds, QWidget* parent = nullptr);
    ~CompareWindow() override;

    /// Asks which maps to compare (2 to 8, checked in a list of the workspace's maps); empty
    /// when the user cancels.
    static std::vector<std::string> pickMaps(const MapStore& ws, QWidget* parent = nullptr);

    CompareSession* session() const { return m_session; }
    OverlayView* overlay() const { return m_overlay; }
    SideBySideView* sideBySide() const { return m_sideBySide; }
    GridView* grid() const { return m_grid; }
    DifferencesView* differences() const { return m_differences; }
    LanePairingView* lanes() const { return m_lanes; }
    QTabWidget* tabs() const { return m_tabs; }
    void showTab(Tab tab);

    // Presenting (comparewindowpresent.cpp): the overlay full screen, large type, thick
    // lines, the colour-blind-safe palette; a spotlight on one lane row across the districts
    // (Down/Up), a walk through the shared phases (Right/Left, Page Down/Up), Home for all,
    // F5 or Esc to stop.
    void setPresenting(bool on);
    bool presenting() const { return m_presenting; }
    /// Moves the spotlight by delta lane rows (from none: the first or the last row).
    void moveSpotlight(int delta);
    /// Moves to the next (delta 1) or previous (-1) shared phase (from none: the first or last).
    void walkPhases(int delta);
    /// Puts the spotlight on the lane row of this name (CompareSession::rowName); false when none.
    bool spotlightRowNamed(const QString& name);
    /// Lights everything again (no spotlight, no phase).
    void showAll();
    /// What the presenter sees under the picture: "Lane row 2 of 7: Principal Supervisor".
    QString presentingCaption() const;

    /// Opens a comparison of these maps presenting, for callers outside the comparison (a
    /// menu, the command line, a session plan): the window deletes itself when closed. Throws
    /// as the constructor does.
    static CompareWindow* presentComparison(MapStore& ws, const std::vector<std::string>& mapIds,
                                            QWidget* parent = nullptr);

public slots:
    /// Loads the maps again (after they were edited) and recomputes the comparison.
    void reload();

signals:
    /// Open map mapId in the editor at lane laneId (empty: no lane in that row, open the map).
    void openMapAt(const QString& mapId, const QString& laneId);

private:
    CompareSession* m_session = nullptr;
    QTabWidget* m_tabs = nullptr;
    OverlayView* m_overlay = nullptr;
    SideBySideView* m_sideBySide = nullptr;
    GridView* m_grid = nullptr;
    DifferencesView* m_differences = nullptr;
    LanePairingView* m_lanes = nullptr;
    QLabel* m_wordsOnly = nullptr; // the status bar's note that labels were compared by words alone
    void setUpPresenting();
    void updateCaption();
    bool m_presenting = false;
    bool m_wasMaximized = false;
    QAction* m_presentAction = nullptr;
    std::vector<QAction*> m_presentKeys; // active only while presenting
};

} // namespace crosswalk
