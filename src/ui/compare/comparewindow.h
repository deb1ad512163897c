#pragma once

#include <QMainWindow>
#include <QString>

#include <string>
#include <vector>

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
};

} // namespace crosswalk
