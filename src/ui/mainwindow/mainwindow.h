#pragma once

#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/undohistory.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QLabel;
class QMessageBox;
class QTimer;
class QToolBar;
class QMenu;
class QDockWidget;
class QUndoStack;
class QStackedWidget;

namespace crosswalk {

class AnnotationsPanel;
class HorizonsView;
class InsightsPanel;
class InspectorPanel;
class RevisionsPanel;
class LibraryController;
class LibraryPanel;
class MapCanvas;
class PresentationWindow;
class ParkingLotPanel;
class StartPage;
class SessionPanel;

/// The editor window: library, canvas and the menus that act on them.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a workspace; on failure shows the reason and keeps the current one.
    bool openWorkspace(const QString& path);
    /// Opens the workspace at path; when nothing is there yet, offers to create it.
    bool openOrOfferToCreate(const QString& path);
    /// How the start page's "Open the demo" finds (and first writes) the demo workspace.
    void setDemoOpener(std::function<QString()> opener);
    void openDemo();
    /// Shows the window maximised on the first run, then where and as the user left it.
    void showAsLeft();
    StartPage* startPage() const { return m_start; }
    /// Dock tabs show whole names: no eliding, and the dock made wide enough for them.
    void fitDockTabs();
    /// Opens a map of the open workspace in the canvas.
    bool openMap(const QString& mapId);

    /// The open workspace file; nullptr when none is open or the open store is a network library.
    Workspace* workspace() const;
    /// The open store: a workspace file or a network library.
    MapStore* store() const { return m_workspace.get(); }
    /// Opens a network library by its URI (File > Open Network Library); remembered without
    /// its password.
    bool openNetworkLibrary(const QString& uri);
    /// Whether the open network library is reachable (always true for a file).
    bool online() const { return m_online; }
    MapDocument* document() const { return m_document; }
    MapCanvas* canvas() const { return m_canvas; }
    LibraryPanel* library() const { return m_library; }
    InspectorPanel* inspector() const { return m_inspector; }
    AnnotationsPanel* annotations() const { return m_annotations; }
    InsightsPanel* insights() const { return m_insights; }
    HorizonsView* horizons() const { return m_horizons; }
    RevisionsPanel* revisions() const { return m_revisions; }
    /// Undo and Redo of the window: the open map's edits and the library's changes.
    UndoHistory* history() { return &m_history; }
    /// New, duplicate and delete map, undoable while the workspace is open.
    QUndoStack* libraryStack();

    void newMap();
    void duplicateMap();
    void renameMap();
    /// Deletes the open map (asking first when it holds steps); undoable.
    void deleteMap();
    /// File > Import Map: a map file of any supported format (recognised by content) into the
    /// workspace, every map in it; other tools' formats get the import report. With a path, no
    /// file dialog (tests, drag and drop).
    void importMap(const QString& path = QString());
    /// File > Export Map: the open map as Crosswalk JSON, BPMN 2.0, ... by the chosen type or
    /// the extension typed. With a path, no file dialog; its extension names the format.
    void exportMap(const QString& path = QString());
    /// Presentation mode on the open map (F5 full screen on this window's screen, Shift+F5
    /// in a window); nullptr without a map. Esc closes it.
    /// With otherScreen, full screen on the next screen after the editor's (the one the
    /// room sees), so that the editor stays free on its own; the editor's own screen when
    /// there is only one.
    PresentationWindow* present(bool fullScreen, bool otherScreen = false);
    /// The presentation while it is open, else nullptr.
    PresentationWindow* presentation() const;
    ParkingLotPanel* parkingLot() const { return m_parkingLot; }
    /// The Session panel (View > Session Panel): the workspace's sessions, the one running.
    SessionPanel* sessionPanel() const { return m_sessionPanel; }
    /// Shows an agenda item: one map presented (if presenting), or several compared.
    void openAgendaItem(const QStringList& mapIds);
    /// Shows the Session panel on a session (id or title); with step >= 0, starts it and
    /// moves step items on (for the screenshot script). False when there is no such session.
    bool showSession(const QString& ref, int step = -1);
    /// The note shown (not modal) when a workspace just opened lies in a sync folder, while it
    /// is open; nullptr otherwise. Each workspace gets it once (mainwindow_safety.cpp).
    QMessageBox* syncFolderNotice() const;
    /// The note shown (not modal) when the last opening of a map in the workspace just opened
    /// never finished (a crash or a hang); nullptr otherwise (mainwindow_openguard.cpp).
    QMessageBox* interruptedOpenNotice() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createActions();
    void closeDocument();
    void refreshLibrary();
    void updateTitle();
    void updateRecentMenu();
    void rememberRecent(const QString& path);
    void showError(const QString& what, const QString& message);

    void newWorkspace();
    void chooseWorkspace();
    void chooseNetworkLibrary();
    /// A network library: the changes others committed, and whether the server is there.
    void pollLibrary();
    /// Starts polling when the open store is a network library, stops it otherwise.
    void watchLibrary();
    /// Shows or hides the offline banner, and refreshes what shows whether the map can be changed.
    void showOnlineState();
    void findStep();
    void createLibraryController();
    void showLibraryMenu(const QPoint& pos);
    void createPanels();
    void createCentral();
    /// The canvas when a map is open, else the start page.
    void updateCentral();
    QDockWidget* addPanel(QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area);
    void compareDistricts();
    void exportPicture();
    void openRevisionReadOnly(const QString& revisionId);

    /// Takes the open map off the canvas and panels; its document (and undo history) stays
    /// in m_documents for when the map is opened again.
    void detachDocument();
    /// Forgets every map's document and history: the workspace is closing.
    void closeAllDocuments();

    std::unique_ptr<MapStore> m_workspace;
    QTimer* m_libraryPoll = nullptr;
    bool m_online = true;
    bool m_openMapChanged = false;
    QToolBar* m_offlineBanner = nullptr; // made when first needed, so no saved window state shows it
    QPointer<MapDocument> m_document;
    // Every map opened since the workspace was, with its own undo stack (one per map, as
    // draw.io keeps one per page); the open one is m_document.
    QHash<QString, QPointer<MapDocument>> m_documents;
    UndoHistory m_history;
    LibraryController* m_libraryController = nullptr;
    LibraryPanel* m_library = nullptr;
    QDockWidget* m_libraryDock = nullptr;
    InspectorPanel* m_inspector = nullptr;
    QDockWidget* m_inspectorDock = nullptr;
    AnnotationsPanel* m_annotations = nullptr;
    InsightsPanel* m_insights = nullptr;
    HorizonsView* m_horizons = nullptr;
    RevisionsPanel* m_revisions = nullptr;
    ParkingLotPanel* m_parkingLot = nullptr;
    QList<QDockWidget*> m_panelDocks;
    MapCanvas* m_canvas = nullptr;
    QStackedWidget* m_central = nullptr;
    StartPage* m_start = nullptr;
    std::function<QString()> m_demoOpener;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_saveState = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QPointer<PresentationWindow> m_presentation;
    // Sessions (issue 17, mainwindow_session.cpp).
    void createSessionPanel();
    /// The Session panel follows the open store.
    void attachSessions();
    /// A presentation's agenda keys and, while a session runs, its parking lot, notes and votes.
    void hookSession(PresentationWindow* presentation);
    /// The running session's sticky notes on the canvas (issue 17), after each change of it.
    void showSessionNotes();
    SessionPanel* m_sessionPanel = nullptr;
    QDockWidget* m_sessionDock = nullptr;

    // Issue 19: a workspace in a sync folder is named once, without blocking.
    void warnAboutSyncFolder(const QString& path);
    QPointer<QMessageBox> m_syncNotice;

    // Issue 19: a map that crashed or hung the app does not open by itself at the next start
    // (mainwindow_openguard.cpp).
    void markMapOpening(const QString& mapId, const QString& title);
    void clearMapOpening();
    /// True (and the note shown, the mark cleared) when the mark names the store just opened.
    bool lastOpeningInterrupted();
    QString m_openGuardStore; // the open store's path or address, as the mark names it
    QPointer<QObject> m_firstPaintWatcher;
    QPointer<QMessageBox> m_interruptedNotice;
};

} // namespace crosswalk
