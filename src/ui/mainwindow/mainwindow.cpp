#include "ui/mainwindow/mainwindow.h"
#include "ui/export/exportfilename.h"

#include "crosswalk/io/atomicfile.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/memorystore.h"
#include "crosswalk/storage/networklibrary.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/common/annotationglyph.h"
#include "ui/common/strings.h"
#include "ui/compare/comparewindow.h"
#include "ui/document/mapdocument.h"
#include "ui/export/exportdialog.h"
#include "ui/interchange/importreportdialog.h"
#include "ui/interchange/mapfiles.h"
#include "ui/inspector/inspectorpanel.h"
#include "ui/library/librarycontroller.h"
#include "ui/library/librarypanel.h"
#include "ui/panels/annotationspanel.h"
#include "ui/panels/horizonsview.h"
#include "ui/panels/insightspanel.h"
#include "ui/panels/parkinglotpanel.h"
#include "ui/panels/revisionspanel.h"
#include "ui/present/presentationwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QGuiApplication>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeWidget>

namespace crosswalk {
namespace {
constexpr int kMaxRecent = 8;
const char* kRecentKey = "workspace/recent";
const char* kLastKey = "workspace/last";

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName("MainWindow");
    m_canvas = new MapCanvas(this);

    m_library = new LibraryPanel(this);
    m_libraryDock = new QDockWidget(tr("Library"), this);
    m_libraryDock->setObjectName("LibraryDock");
    m_libraryDock->setWidget(m_library);
    addDockWidget(Qt::LeftDockWidgetArea, m_libraryDock);
    connect(m_library, &LibraryPanel::mapActivated, this, [this](const QString& id) { openMap(id); });
    m_library->tree()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_library->tree(), &QWidget::customContextMenuRequested, this, &MainWindow::showLibraryMenu);
    createLibraryController();

    m_inspector = new InspectorPanel(this);
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName("InspectorDock");
    m_inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    connect(m_canvas, &MapCanvas::selectionChanged, this,
            [this] { m_inspector->inspect(m_canvas->selectedStepIds(), m_canvas->selectedFlowIds()); });

    createPanels();
    createSessionPanel();
    // Esc in the inspector or any panel hands the keys back to the map, where typing goes on.
    for (QDockWidget* dock : QList<QDockWidget*>{m_libraryDock, m_inspectorDock} + m_panelDocks) {
        auto* back = new QShortcut(QKeySequence(Qt::Key_Escape), dock);
        back->setContext(Qt::WidgetWithChildrenShortcut);
        connect(back, &QShortcut::activated, this, [this] { m_canvas->setFocus(Qt::ShortcutFocusReason); });
    }

    m_saveState = new QLabel(this);
    m_zoomLabel = new QLabel(tr("100%"), this);
    statusBar()->addWidget(m_saveState, 1);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_canvas, &MapCanvas::zoomChanged, this,
            [this](int percent) { m_zoomLabel->setText(tr("%1%").arg(percent)); });

    createActions();
    createCentral();

    QSettings settings;
    resize(1400, 900);
    restoreGeometry(settings.value("window/geometry").toByteArray());
    resizeDocks({m_libraryDock, m_inspectorDock}, {280, 380}, Qt::Horizontal);
    // The inspector is the dock in front until the user chooses another (panels added to its
    // tab group later, such as the session's, must not take its place).
    if (!restoreState(settings.value("window/state").toByteArray()))
        m_inspectorDock->raise();
    updateTitle();
    updateCentral();
}

MainWindow::~MainWindow()
{
    // The canvas and the undo stack refer to the documents, which refer to the workspace.
    closeAllDocuments();
    clearMapOpening(); // a normal end: whatever was opening did not hang the app
}

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& title, const QString& name, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    // A scroll area lets a panel with a wide form share the dock without forcing its width
    // on the map, which needs the room on a shared screen.
    auto* scroll = new QScrollArea(dock);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    dock->setWidget(scroll);
    addDockWidget(area, dock);
    m_panelDocks << dock;
    return dock;
}

void MainWindow::createPanels()
{
    m_annotations = new AnnotationsPanel(this);
    m_horizons = new HorizonsView(this);
    m_revisions = new RevisionsPanel(this);
    m_insights = new InsightsPanel(this);
    QDockWidget* annotations = addPanel(m_annotations, tr("Annotations"), "AnnotationsDock", Qt::RightDockWidgetArea);
    QDockWidget* horizons = addPanel(m_horizons, tr("Horizons"), "HorizonsDock", Qt::RightDockWidgetArea);
    QDockWidget* revisions = addPanel(m_revisions, tr("Revisions"), "RevisionsDock", Qt::RightDockWidgetArea);
    QDockWidget* insights = addPanel(m_insights, tr("Insights"), "InsightsDock", Qt::BottomDockWidgetArea);
    m_parkingLot = new ParkingLotPanel(this);
    QDockWidget* parkingLot = addPanel(m_parkingLot, tr("Parking Lot"), "ParkingLotDock", Qt::RightDockWidgetArea);
    tabifyDockWidget(m_inspectorDock, annotations);
    tabifyDockWidget(annotations, horizons);
    tabifyDockWidget(horizons, revisions);
    tabifyDockWidget(revisions, parkingLot);
    m_inspectorDock->raise();
    insights->hide(); // opened from the View menu; the map needs the height while drawing

    auto selectTarget = [this](const QString& targetId) {
        if (m_document && m_document->map().step(targetId.toStdString()))
            m_canvas->selectStep(targetId, true);
    };
    connect(m_annotations, &AnnotationsPanel::targetActivated, this, selectTarget);
    connect(m_horizons, &HorizonsView::targetActivated, this, selectTarget);
    connect(m_canvas, &MapCanvas::selectionChanged, this,
            [this] { m_annotations->setSelection(m_canvas->selectedStepIds(), m_canvas->selectedFlowIds(), {}); });
    connect(m_annotations, &AnnotationsPanel::annotationActivated, m_canvas,
            [this](const QString& id) { m_canvas->selectAnnotation(id); });
    connect(m_horizons, &HorizonsView::annotationActivated, m_canvas,
            [this](const QString& id) { m_canvas->selectAnnotation(id); });
    connect(m_canvas, &MapCanvas::annotationSelected, m_annotations, &AnnotationsPanel::selectAnnotation);
    connect(m_annotations, &AnnotationsPanel::visibilityChanged, this,
            [this] { m_canvas->setHiddenAnnotationKinds(m_annotations->hiddenKinds()); });
    connect(m_insights, &InsightsPanel::highlightSteps, m_canvas, &MapCanvas::highlightSteps);
    connect(m_revisions, &RevisionsPanel::highlightChanges, this,
            [this](const QStringList& added, const QStringList& changed, const QStringList&) {
                m_canvas->highlightSteps(added + changed);
            });
    connect(m_revisions, &RevisionsPanel::mapRestored, this, [this](const QString& mapId) {
        refreshLibrary();
        openMap(mapId);
    });
    connect(m_revisions, &RevisionsPanel::openRevisionReadOnly, this, &MainWindow::openRevisionReadOnly);
    connect(m_revisions, &RevisionsPanel::errorOccurred, this,
            [this](const QString& message) { showError(tr("Revisions"), message); });
}

void MainWindow::compareDistricts()
{
    if (!m_workspace)
        return;
    const std::vector<std::string> ids = CompareWindow::pickMaps(*m_workspace, this);
    if (ids.size() < 2)
        return;
    try {
        auto* window = new CompareWindow(*m_workspace, ids, this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setWindowFlag(Qt::Window);
        connect(window, &CompareWindow::openMapAt, this, [this](const QString& mapId, const QString&) {
            openMap(mapId);
            raise();
            activateWindow();
        });
        window->resize(size());
        window->show();
    } catch (const std::exception& e) {
        showError(tr("Could not compare the maps"), QString::fromStdString(e.what()));
    }
}

void MainWindow::exportPicture()
{
    if (!m_document)
        return;
    // What the canvas shows, sticky headers included, for "Current view only".
    const QRectF view = m_canvas->mapToScene(m_canvas->viewport()->rect()).boundingRect();
    ExportDialog dialog(m_document->map(), this, view);
    dialog.exec();
}

void MainWindow::openRevisionReadOnly(const QString& revisionId)
{
    if (!m_workspace)
        return;
    const std::optional<Map> map = RevisionsPanel::revisionMap(*m_workspace, revisionId);
    if (!map)
        return;
    // A revision is shown from a read-only store in memory, so the same canvas draws it
    // and nothing can change it.
    try {
        auto* window = new QMainWindow(this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setWindowFlag(Qt::Window);
        // Shared with the lambda below: the store lives as long as the window.
        auto store = std::make_shared<MemoryStore>(std::vector<Map>{*map}, "revision " + revisionId.toStdString(),
                                                   MemoryStore::Mode::ReadOnly);
        auto* document = new MapDocument(*store, store->loadMap(map->id), window);
        auto* canvas = new MapCanvas(window);
        canvas->setDocument(document);
        window->setCentralWidget(canvas);
        // No empty "()" when the map names no district (issue 14).
        const QString title = QString::fromStdString(map->props.title);
        const QString district = QString::fromStdString(map->props.district).trimmed();
        window->setWindowTitle(district.isEmpty() ? tr("%1 - read-only revision").arg(title)
                                                  : tr("%1 (%2) - read-only revision").arg(title, district));
        // Children go in the order they were made: the document and canvas first, then this
        // holder, which lets the store go.
        auto* holder = new QObject(window);
        connect(holder, &QObject::destroyed, [store]() mutable { store.reset(); });
        window->resize(size() * 0.9);
        window->show();
    } catch (const std::exception& e) {
        showError(tr("Could not open the revision"), QString::fromStdString(e.what()));
    }
}

void MainWindow::createLibraryController()
{
    m_libraryController = new LibraryController(this);
    m_history.addStack(m_libraryController->undoStack());
    m_history.setConfirmUndo([this](QUndoStack* stack) { return m_libraryController->confirmUndo(stack); });
    connect(m_libraryController, &LibraryController::mapsChanged, this, &MainWindow::refreshLibrary);
    connect(m_libraryController, &LibraryController::openMapRequested, this, [this](const QString& id) { openMap(id); });
    connect(m_libraryController, &LibraryController::closeMapRequested, this, &MainWindow::closeDocument);
    connect(m_libraryController, &LibraryController::titleChanged, this, &MainWindow::updateTitle);
    connect(m_libraryController, &LibraryController::errorOccurred, this, &MainWindow::showError);
    connect(m_libraryController, &LibraryController::statusMessage, this,
            [this](const QString& text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
}

void MainWindow::newMap()
{
    m_libraryController->newMap();
}

void MainWindow::duplicateMap()
{
    m_libraryController->duplicateMap();
}

void MainWindow::deleteMap()
{
    m_libraryController->deleteMap();
}

QUndoStack* MainWindow::libraryStack()
{
    return m_libraryController->undoStack();
}

void MainWindow::detachDocument()
{
    m_canvas->setDocument(nullptr);
    m_inspector->setDocument(nullptr);
    m_annotations->setDocument(nullptr);
    m_horizons->setDocument(nullptr);
    m_revisions->setDocument(nullptr);
    m_insights->setDocument(nullptr);
    m_parkingLot->setDocument(nullptr);
    if (m_document)
        m_history.removeStack(m_document->undoStack());
    m_document = nullptr;
}

void MainWindow::closeDocument()
{
    // The open map is going away (deleted): its history goes with it.
    MapDocument* document = m_document;
    detachDocument();
    if (document) {
        m_documents.remove(QString::fromStdString(document->map().id));
        delete document;
    }
    updateTitle();
    updateCentral();
}

void MainWindow::closeAllDocuments()
{
    detachDocument();
    for (const QPointer<MapDocument>& document : std::as_const(m_documents))
        delete document.data();
    m_documents.clear();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newWs = file->addAction(tr("&New Workspace..."), this, &MainWindow::newWorkspace);
    newWs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    file->addAction(tr("&Open Workspace..."), QKeySequence::Open, this, &MainWindow::chooseWorkspace);
    file->addAction(tr("Open &Network Library..."), this, &MainWindow::chooseNetworkLibrary);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Import Map..."), QKeySequence(Qt::CTRL | Qt::Key_I), this, [this] { importMap(); })
        ->setObjectName("actionImportMap");
    file->addAction(tr("&Export Map..."), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] { exportMap(); })
        ->setObjectName("actionExportMap");
    file->addAction(tr("Export as &PDF, SVG or PNG..."), QKeySequence::Print, this, &MainWindow::exportPicture);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_history.createUndoAction(this, tr("&Undo"));
    undo->setObjectName("actionUndo");
    undo->setShortcuts(QKeySequence::Undo);
    QAction* redo = m_history.createRedoAction(this, tr("&Redo"));
    redo->setObjectName("actionRedo");
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Cu&t"), QKeySequence::Cut, this, [this] {
        m_canvas->copySelection();
        m_canvas->deleteSelection();
    });
    edit->addAction(tr("&Copy"), QKeySequence::Copy, m_canvas, &MapCanvas::copySelection);
    edit->addAction(tr("&Paste"), QKeySequence::Paste, m_canvas, &MapCanvas::paste);
    edit->addAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), m_canvas, &MapCanvas::duplicateSelection);
    edit->addAction(tr("&Delete"), QKeySequence::Delete, m_canvas, &MapCanvas::deleteSelection);
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, m_canvas, &MapCanvas::selectAll);
    edit->addSeparator();
    edit->addAction(tr("&Find Step..."), QKeySequence::Find, this, &MainWindow::findStep);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, m_canvas, &MapCanvas::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, m_canvas, &MapCanvas::zoomOut);
    view->addAction(tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_1), m_canvas, &MapCanvas::zoomReset);
    view->addAction(tr("Zoom to &Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), m_canvas, &MapCanvas::zoomToFit);
    view->addSeparator();
    QAction* grid = view->addAction(tr("Show &Grid"));
    grid->setCheckable(true);
    grid->setChecked(true);
    connect(grid, &QAction::toggled, m_canvas, &MapCanvas::setGridVisible);
    QAction* snap = view->addAction(tr("&Snap to Grid"));
    snap->setCheckable(true);
    snap->setChecked(true);
    connect(snap, &QAction::toggled, m_canvas, &MapCanvas::setSnapEnabled);
    view->addSeparator();
    view->addAction(m_libraryDock->toggleViewAction());
    view->addAction(m_inspectorDock->toggleViewAction());
    for (QDockWidget* dock : m_panelDocks)
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(tr("&Present"), QKeySequence(Qt::Key_F5), this, [this] { present(true); });
    view->addAction(tr("Present in a &Window"), QKeySequence(Qt::SHIFT | Qt::Key_F5), this, [this] { present(false); });
    view->addAction(tr("Present on the &Other Screen"), QKeySequence(Qt::CTRL | Qt::Key_F5), this,
                    [this] { present(true, true); });

    QMenu* mapMenu = menuBar()->addMenu(tr("&Map"));
    mapMenu->addAction(tr("&New Map..."), QKeySequence::New, this, &MainWindow::newMap);
    mapMenu->addAction(tr("New &Blank Map..."), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N), this,
                       [this] { m_libraryController->newMap(MapTemplate::Blank); });
    mapMenu->addAction(tr("D&uplicate Map"), this, &MainWindow::duplicateMap)->setObjectName("actionDuplicateMap");
    mapMenu->addAction(tr("&Rename Map..."), QKeySequence(Qt::Key_F2 | Qt::SHIFT), this, &MainWindow::renameMap);
    mapMenu->addAction(tr("&Delete Map..."), this, &MainWindow::deleteMap)->setObjectName("actionDeleteMap");
    mapMenu->addSeparator();
    mapMenu->addAction(tr("&Compare Districts..."), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), this,
                       &MainWindow::compareDistricts);

    QToolBar* steps = addToolBar(tr("Steps"));
    steps->setObjectName("StepsToolBar");
    steps->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (StepKind kind : kAllStepKinds) {
        QAction* add = steps->addAction(toQString(displayName(kind)));
        add->setToolTip(tr("Add a %1 step after the selected one").arg(add->text().toLower()));
        connect(add, &QAction::triggered, this, [this, kind] { m_canvas->addStep(kind); });
    }

    // One key per annotation kind, on the selected steps or flow (nothing selected: the map).
    QMenu* annotate = menuBar()->addMenu(tr("&Annotate"));
    struct KindKey {
        QString text;
        AnnotationKind kind;
        std::optional<Variation> variation;
        std::optional<int> horizon;
        QKeySequence key;
    };
    const KindKey keys[] = {
        {tr("&Black Box"), AnnotationKind::BlackBox, {}, {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)},
        {tr("&Harm Point"), AnnotationKind::Harm, {}, {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H)},
        {tr("&Unintentional Variation"), AnnotationKind::Variation, Variation::Unintentional, {},
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)},
        {tr("I&ntentional Variation"), AnnotationKind::Variation, Variation::Intentional, {},
         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V)},
        {tr("&Question"), AnnotationKind::Question, {}, {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q)},
        {tr("&Insight"), AnnotationKind::Insight, {}, {}, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
        {tr("Change Idea, Horizon &1"), AnnotationKind::ChangeIdea, {}, 1, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_1)},
        {tr("Change Idea, Horizon &2"), AnnotationKind::ChangeIdea, {}, 2, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_2)},
        {tr("Change Idea, Horizon &3"), AnnotationKind::ChangeIdea, {}, 3, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_3)},
    };
    for (const KindKey& k : keys) {
        QAction* action = annotate->addAction(k.text, k.key, this, [this, k] {
            if (m_document && !m_document->readOnly())
                m_canvas->addAnnotation(k.kind, k.variation, k.horizon);
        });
        action->setIcon(annotationIcon(k.kind, k.horizon, k.variation));
    }

    // Facilitation: sticky notes and dot votes on the selected steps, the parking lot.
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    auto whenEditable = [this](auto&& run) {
        return [this, run] {
            if (m_document && !m_document->readOnly())
                run();
        };
    };
    session->addAction(tr("Add &Sticky Note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                       whenEditable([this] { m_canvas->addStickyNote(); }));
    session->addAction(tr("Add &Vote"), QKeySequence(Qt::CTRL | Qt::Key_Period), this,
                       whenEditable([this] { m_canvas->voteOnSelection(1); }));
    session->addAction(tr("Remove V&ote"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this,
                       whenEditable([this] { m_canvas->voteOnSelection(-1); }));
    session->addAction(tr("&Reset Votes"), this, whenEditable([this] { m_canvas->resetVotes(); }));
    session->addSeparator();
    session->addAction(tr("&Park a Question..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this,
                       whenEditable([this, parkingLot = m_parkingLot] {
                           for (QDockWidget* dock : m_panelDocks)
                               if (dock->objectName() == QLatin1String("ParkingLotDock")) {
                                   dock->show();
                                   dock->raise();
                               }
                           parkingLot->focusQuestion();
                       }));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Crosswalk"), this, [this] {
        QMessageBox::about(this, tr("About Crosswalk"),
                           tr("<b>Crosswalk %1</b><p>Swimlane process maps of principal evaluation and support, "
                              "for district leadership teams and the networks that bring them together.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

bool MainWindow::openWorkspace(const QString& path)
{
    if (isLibraryUri(path.toStdString()))
        return openNetworkLibrary(path);
    std::unique_ptr<Workspace> opened;
    try {
        opened = std::make_unique<Workspace>(Workspace::open(path.toStdString()));
    } catch (const std::exception& e) {
        showError(tr("Could not open the workspace"), QString::fromStdString(e.what()));
        return false;
    }
    closeAllDocuments();
    m_workspace = std::move(opened);
    watchLibrary(); // a file: no polling
    attachSessions();
    m_libraryController->setWorkspace(m_workspace.get());
    rememberRecent(QFileInfo(path).absoluteFilePath());
    warnAboutSyncFolder(path);
    refreshLibrary();
    const auto maps = m_workspace->listMaps();
    m_openGuardStore = QFileInfo(path).absoluteFilePath();
    if (!maps.empty() && !lastOpeningInterrupted())
        openMap(QString::fromStdString(maps.front().id));
    updateTitle();
    updateCentral();
    return true;
}

bool MainWindow::openMap(const QString& mapId)
{
    if (!m_workspace)
        return false;
    if (m_document && QString::fromStdString(m_document->map().id) == mapId)
        return true;
    Map map;
    try {
        map = m_workspace->loadMap(mapId.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Could not open the map"), QString::fromStdString(e.what()));
        return false;
    }
    detachDocument();
    // A map visited before keeps its undo history, unless the stored map changed meanwhile
    // (another process, a restored revision): then that history no longer applies to it.
    QPointer<MapDocument> cached = m_documents.value(mapId);
    if (cached && cached->map() == map) {
        m_document = cached;
    } else {
        delete cached.data();
        m_document = new MapDocument(*m_workspace, std::move(map), this);
        m_documents.insert(mapId, m_document);
        connect(m_document, &MapDocument::errorOccurred, this,
                [this](const QString& message) { showError(tr("The change could not be saved"), message); });
        connect(m_document, &MapDocument::changed, this, [this](const ChangeSet& changes) {
            if (changes.props || !changes.steps.empty())
                refreshLibrary();
            updateTitle();
        });
    }
    m_history.addStack(m_document->undoStack());
    markMapOpening(mapId, QString::fromStdString(m_document->map().props.title));
    m_canvas->setDocument(m_document);
    m_inspector->setDocument(m_document);
    m_annotations->setDocument(m_document);
    m_horizons->setDocument(m_document);
    m_revisions->setDocument(m_document);
    m_insights->setDocument(m_document);
    m_parkingLot->setDocument(m_document);
    m_libraryController->setDocument(m_document);
    m_library->setCurrentMap(mapId);
    updateTitle();
    updateCentral();
    return true;
}

void MainWindow::refreshLibrary()
{
    if (m_workspace)
        m_library->setMaps(m_workspace->listMaps());
}

void MainWindow::updateTitle()
{
    QString title = tr("Crosswalk");
    if (m_workspace) {
        title = (workspace() ? QFileInfo(QString::fromStdString(workspace()->path())).fileName()
                             : QString::fromStdString(m_workspace->name())) +
                " - " + title;
        if (m_document) {
            const MapProperties& p = m_document->map().props;
            const QString district = QString::fromStdString(p.district).trimmed();
            title = QString::fromStdString(p.title) + (district.isEmpty() ? QString() : " (" + district + ")") +
                    " - " + title;
        }
        m_saveState->setText(!m_online ? tr("Offline: the network library cannot be reached. Changes are refused "
                                            "until it is back.")
                             : m_workspace->readOnly() ? tr("Read-only: this workspace cannot be changed here.")
                                                       : tr("Every change is saved as you make it."));
    } else {
        m_saveState->setText(tr("Open or create a workspace to begin."));
    }
    setWindowTitle(title);
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    settings.setValue(kLastKey, path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openWorkspace(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showError(const QString& what, const QString& message)
{
    statusBar()->showMessage(what, 8000);
    QMessageBox::warning(this, what, message);
}

void MainWindow::newWorkspace()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), QString(),
                                                      tr("Crosswalk workspaces (*.crosswalk)"));
    if (path.isEmpty())
        return;
    QString target = path.endsWith(".crosswalk") ? path : path + ".crosswalk";
    try {
        Workspace::create(target.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Could not create the workspace"), QString::fromStdString(e.what()));
        return;
    }
    openWorkspace(target);
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), QString(),
                                                      tr("Crosswalk workspaces (*.crosswalk);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::importMap(const QString& given)
{
    if (!m_workspace || m_workspace->readOnly())
        return;
    const QString path = given.isEmpty() ? QFileDialog::getOpenFileName(this, tr("Import Map"), QString(),
                                                                         MapFiles::importFilter())
                                         : given;
    if (path.isEmpty())
        return;
    try {
        const MapFiles::Imported imported = MapFiles::importInto(*m_workspace, path);
        refreshLibrary();
        if (!imported.result.maps.empty())
            openMap(QString::fromStdString(imported.result.maps.front().id));
        if (imported.format == FileFormat::CrosswalkJson) {
            // A Crosswalk map needs no report: its notices go to the status bar, as always.
            QString info = tr("Imported \"%1\".").arg(QString::fromStdString(imported.result.maps.front().props.title));
            for (const auto& notice : imported.result.notes)
                info += "\n" + QString::fromStdString(notice.message);
            statusBar()->showMessage(info, 8000);
            return;
        }
        statusBar()->showMessage(tr("Imported %n map(s) from %1.", nullptr, static_cast<int>(imported.result.maps.size()))
                                     .arg(QFileInfo(path).fileName()),
                                 8000);
        auto* report = new ImportReportDialog(QFileInfo(path).fileName(), imported.format, imported.result, this);
        report->setAttribute(Qt::WA_DeleteOnClose);
        report->setObjectName("importReport");
        report->show();
    } catch (const std::exception& e) {
        showError(tr("Could not import the map"), QString::fromStdString(e.what()));
    }
}

void MainWindow::exportMap(const QString& given)
{
    if (!m_document)
        return;
    const Map& map = m_document->map();
    const QStringList filters = MapFiles::exportFilters();
    QString selected = filters.front();
    const QString suggested = safeFileName(QString::fromStdString(map.props.district + " - " + map.props.title)) +
                              ".crosswalk.json";
    const QString path = given.isEmpty()
                             ? QFileDialog::getSaveFileName(this, tr("Export Map"), suggested, filters.join(";;"), &selected)
                             : given;
    if (path.isEmpty())
        return;
    const FileFormat format = MapFiles::exportFormatFor(path, selected);
    try {
        MapFiles::exportTo(map, format, path);
        statusBar()->showMessage(
            tr("Exported to %1 (%2)").arg(path, QString::fromStdString(std::string(displayName(format)))), 8000);
    } catch (const std::exception& e) {
        showError(tr("Could not export the map"), QString::fromStdString(e.what()));
    }
}

void MainWindow::renameMap()
{
    if (!m_document)
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Rename Map"), tr("Title:"), QLineEdit::Normal,
                                                QString::fromStdString(m_document->map().props.title), &ok);
    if (!ok || title.trimmed().isEmpty())
        return;
    MapProperties props = m_document->map().props;
    props.title = title.trimmed().toStdString();
    m_document->push(UpdateMapProperties{props}, tr("Rename map"));
}

void MainWindow::showLibraryMenu(const QPoint& pos)
{
    if (!m_workspace)
        return;
    QTreeWidget* tree = m_library->tree();
    if (QTreeWidgetItem* item = tree->itemAt(pos)) {
        tree->setCurrentItem(item);
        const QString id = m_library->currentMapId();
        if (!id.isEmpty())
            openMap(id);
    }
    QMenu menu(this);
    const bool writable = !m_workspace->readOnly();
    menu.addAction(tr("&New Map..."), this, &MainWindow::newMap)->setEnabled(writable);
    const bool onMap = m_document != nullptr;
    menu.addAction(tr("D&uplicate Map"), this, &MainWindow::duplicateMap)->setEnabled(writable && onMap);
    menu.addAction(tr("&Rename Map..."), this, &MainWindow::renameMap)->setEnabled(writable && onMap);
    menu.addAction(tr("&Delete Map..."), this, &MainWindow::deleteMap)->setEnabled(writable && onMap);
    menu.exec(tree->viewport()->mapToGlobal(pos));
}

void MainWindow::findStep()
{
    if (!m_document)
        return;
    QStringList labels;
    QStringList ids;
    for (const Step& s : m_document->map().steps) {
        labels << QString::fromStdString(s.label).simplified();
        ids << QString::fromStdString(s.id);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Find Step"), tr("Step:"), labels, 0, true, &ok);
    if (!ok)
        return;
    int index = labels.indexOf(chosen);
    if (index < 0) {
        for (int i = 0; i < labels.size() && index < 0; ++i)
            if (labels[i].contains(chosen, Qt::CaseInsensitive))
                index = i;
    }
    if (index >= 0)
        m_canvas->selectStep(ids[index], true);
    else
        statusBar()->showMessage(tr("No step matches \"%1\"").arg(chosen), 5000);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    event->accept();
}

} // namespace crosswalk

namespace crosswalk {

PresentationWindow* MainWindow::presentation() const
{
    return m_presentation.data();
}

PresentationWindow* MainWindow::present(bool fullScreen, bool otherScreen)
{
    if (!m_document)
        return nullptr;
    if (m_presentation) {
        m_presentation->raise();
        m_presentation->activateWindow();
        return m_presentation;
    }
    // A window of its own over the editor: the editor keeps its zoom, scroll, selection and
    // panels, and is there again as it was when the presentation closes.
    m_presentation = new PresentationWindow(m_document, this);
    connect(m_presentation, &PresentationWindow::finished, this, [this] {
        activateWindow();
        raise();
    });
    QScreen* target = nullptr;
    if (otherScreen) {
        const QList<QScreen*> screens = QGuiApplication::screens();
        const qsizetype here = screens.indexOf(screen());
        if (screens.size() > 1)
            target = screens.at((here + 1) % screens.size());
        else
            statusBar()->showMessage(tr("There is only one screen: presenting on it."), 6000);
    }
    hookSession(m_presentation);
    m_presentation->present(this, fullScreen, target);
    return m_presentation;
}

} // namespace crosswalk
