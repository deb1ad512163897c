#pragma once

#include <string>
#include <vector>

class QMenu;
class QPoint;
class QPointF;

namespace crosswalk {

class MapCanvas;

/// The canvas's context menus: what a right-click on a badge, a sticky note, a lane or phase
/// header, a step, a flow or empty space offers. Every action is one of the canvas's commands.
class CanvasContextMenu final {
public:
    explicit CanvasContextMenu(MapCanvas& canvas);

    /// Shows the menu for what is at scenePos at globalPos, and runs the chosen action.
    void exec(const QPointF& scenePos, const QPoint& globalPos);
    /// The kinds, each with its letter, acting on the selected steps (Ctrl+K).
    void showKindMenu(const QPoint& globalPos);

private:
    void showLaneMenu(const std::string& laneId, const QPoint& globalPos);
    void showPhaseMenu(const std::string& phaseId, const QPoint& globalPos);
    void showStepMenu(const std::string& stepId, const QPoint& globalPos);
    void showFlowMenu(const std::string& flowId, const QPoint& globalPos);
    void showEmptyMenu(const QPointF& scenePos, const QPoint& globalPos);
    void showBadgeMenu(const std::string& annotationId, const QPoint& globalPos);
    void showNoteMenu(const std::string& noteId, const QPoint& globalPos);
    /// The "Add annotation" submenu: each kind, added to these targets ("" is the whole map).
    void addAnnotationMenu(QMenu& menu, const std::vector<std::string>& targets);
    void fillKindMenu(QMenu& menu);
    /// "Add sticky note", "Add vote", "Remove vote" on a step's menu.
    void addFacilitationMenu(QMenu& menu, const std::string& stepId);
    /// The selected steps when the clicked one is among them, else the clicked one alone.
    std::vector<std::string> stepTargets(const std::string& stepId) const;

    MapCanvas& m_canvas;
};

} // namespace crosswalk
