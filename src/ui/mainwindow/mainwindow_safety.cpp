// MainWindow and workspaces at risk (issue 19): a workspace in a sync folder (OneDrive, Dropbox,
// Google Drive, iCloud, Nextcloud) is named once per workspace, in a note that does not block.

#include "ui/mainwindow/mainwindow.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace crosswalk {

namespace {
// The workspaces (real absolute paths) whose sync folder the user has been told about.
const char* const kSyncWarnedKey = "safety/syncFolderWarned";
constexpr int kMaxRemembered = 200;
} // namespace

QMessageBox* MainWindow::syncFolderNotice() const
{
    return m_syncNotice.data();
}

void MainWindow::warnAboutSyncFolder(const QString& path)
{
    const std::string warning = Workspace::syncFolderWarning(path.toStdString());
    if (warning.empty())
        return;
    const QFileInfo info(path);
    const QString key = info.canonicalFilePath().isEmpty() ? info.absoluteFilePath() : info.canonicalFilePath();
    QSettings settings;
    QStringList warned = settings.value(kSyncWarnedKey).toStringList();
    statusBar()->showMessage(tr("This workspace is in a sync folder: keep workspaces outside sync folders"), 15000);
    if (warned.contains(key))
        return;
    warned.prepend(key);
    while (warned.size() > kMaxRemembered)
        warned.removeLast();
    settings.setValue(kSyncWarnedKey, warned);

    // Not modal: the workspace is open and usable; the note stays until it is closed.
    delete m_syncNotice.data();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Workspace in a sync folder"),
                                QString::fromStdString(warning), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->setObjectName(QStringLiteral("SyncFolderNotice"));
    m_syncNotice = box;
    box->show();
}

} // namespace crosswalk
