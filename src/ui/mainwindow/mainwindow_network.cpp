// MainWindow and the network library (docs/network-library.md): File > Open Network Library,
// the changes others commit, and offline.

#include "ui/mainwindow/mainwindow.h"

#include "ui/canvas/mapcanvas.h"
#include "ui/common/strings.h"
#include "ui/document/mapdocument.h"
#include "ui/inspector/inspectorpanel.h"
#include "ui/library/librarycontroller.h"
#include "ui/library/librarypanel.h"

#include "crosswalk/storage/networklibrary.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace crosswalk {

namespace {
// How often an open network library is asked for others' changes: well inside the second
// within which another client's edit must show.
constexpr int kPollMs = 250;
} // namespace

Workspace* MainWindow::workspace() const
{
    return dynamic_cast<Workspace*>(m_workspace.get());
}

bool MainWindow::openNetworkLibrary(const QString& uri)
{
    std::unique_ptr<NetworkLibrary> opened;
    try {
        opened = std::make_unique<NetworkLibrary>(NetworkLibrary::open(toStd(uri)));
    } catch (const std::exception& e) {
        showError(tr("Could not open the network library"), toQString(std::string(e.what())));
        return false;
    }
    closeAllDocuments(); // every open map's history belongs to the store that goes now
    NetworkLibrary* library = opened.get();
    m_workspace = std::move(opened);
    m_online = true;
    library->subscribe([this](const std::string& mapId, const Edit&, const ChangeSet& changes, std::int64_t) {
        if (m_document && m_document->map().id == mapId)
            m_document->catchUp(changes);
        m_openMapChanged = true;
    });
    watchLibrary();
    attachSessions();
    m_libraryController->setWorkspace(m_workspace.get());
    // Remembered without the password: libpq finds it again in ~/.pgpass or PGPASSWORD.
    rememberRecent(toQString(withoutPassword(toStd(uri))));
    refreshLibrary();
    m_openGuardStore = toQString(withoutPassword(toStd(uri)));
    const auto maps = m_workspace->listMaps();
    if (!maps.empty() && !lastOpeningInterrupted())
        openMap(toQString(maps.front().id));
    updateTitle();
    updateCentral();
    return true;
}

void MainWindow::chooseNetworkLibrary()
{
    const QStringList recent = QSettings().value("workspace/recent").toStringList();
    QString suggestion = "postgresql://user@host:5432/network";
    for (const QString& r : recent)
        if (isLibraryUri(toStd(r))) {
            suggestion = r;
            break;
        }
    bool ok = false;
    const QString uri = QInputDialog::getText(
        this, tr("Open Network Library"),
        tr("The library's address (postgresql://user@host:port/database).\nThe password is taken from "
           "~/.pgpass or PGPASSWORD; Crosswalk does not remember one typed here."),
        QLineEdit::Normal, suggestion, &ok);
    if (ok && !uri.trimmed().isEmpty())
        openNetworkLibrary(uri.trimmed());
}

void MainWindow::watchLibrary()
{
    if (!m_libraryPoll) {
        m_libraryPoll = new QTimer(this);
        connect(m_libraryPoll, &QTimer::timeout, this, &MainWindow::pollLibrary);
    }
    m_online = true;
    if (dynamic_cast<NetworkLibrary*>(m_workspace.get()))
        m_libraryPoll->start(kPollMs);
    else
        m_libraryPoll->stop();
    showOnlineState();
}

void MainWindow::showOnlineState()
{
    if (!m_online && !m_offlineBanner) {
        m_offlineBanner = new QToolBar(tr("Offline"), this);
        m_offlineBanner->setObjectName("offlineBanner");
        m_offlineBanner->setMovable(false);
        m_offlineBanner->setFloatable(false);
        m_offlineBanner->toggleViewAction()->setEnabled(false); // not one to hide while it matters
        auto* text = new QLabel(m_offlineBanner);
        text->setObjectName("offlineBannerText");
        text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); // the window's width
        text->setContentsMargins(8, 4, 8, 4);
        text->setStyleSheet("QLabel { background: #B3261E; color: white; font-weight: bold; }");
        m_offlineBanner->addWidget(text);
        addToolBarBreak(Qt::TopToolBarArea);
        addToolBar(Qt::TopToolBarArea, m_offlineBanner);
    }
    if (m_offlineBanner) {
        if (auto* text = m_offlineBanner->findChild<QLabel*>("offlineBannerText"))
            text->setText(tr("Offline: %1 cannot be reached. The map is read-only until it is back; every change made "
                             "before was saved, and nothing is lost. Crosswalk reconnects by itself.")
                              .arg(m_workspace ? toQString(m_workspace->name()) : tr("the network library")));
        m_offlineBanner->setVisible(!m_online);
    }
    // Panels that enable their controls when shown ask again whether the map can be changed.
    if (m_document)
        m_inspector->inspect(m_canvas->selectedStepIds(), m_canvas->selectedFlowIds());
}

void MainWindow::pollLibrary()
{
    auto* library = dynamic_cast<NetworkLibrary*>(m_workspace.get());
    if (!library)
        return;
    const bool wasOnline = m_online;
    m_openMapChanged = false;
    try {
        m_online = library->online();
        if (m_online)
            library->pollChanges(); // the listener catches the open map up
    } catch (const std::exception&) {
        m_online = false;
    }
    if (m_online && !wasOnline && m_document) {
        // Back: whatever others committed while this window was cut off.
        m_document->reload();
        m_openMapChanged = true;
    }
    if (m_openMapChanged)
        refreshLibrary();
    if (wasOnline != m_online) {
        statusBar()->showMessage(m_online ? tr("Back online: the network library is reachable again.")
                                          : tr("Offline: changes are refused until the network library is back."),
                                 8000);
        updateTitle();
        showOnlineState();
    }
}

} // namespace crosswalk
