// MainWindow and the network library (docs/network-library.md): File > Open Network Library,
// the changes others commit, and offline.

#include "ui/mainwindow/mainwindow.h"

#include "ui/common/strings.h"
#include "ui/library/librarycontroller.h"
#include "ui/library/librarypanel.h"

#include "crosswalk/storage/networklibrary.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

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
    closeDocument();
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
    const auto maps = m_workspace->listMaps();
    if (!maps.empty())
        openMap(toQString(maps.front().id));
    updateTitle();
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
    }
}

} // namespace crosswalk
