// The start page, opening or creating a workspace from a path, and where the window and its
// docks go on screen.
#include "ui/mainwindow/mainwindow.h"

#include "ui/canvas/mapcanvas.h"
#include "ui/library/librarycontroller.h"
#include "ui/mainwindow/startpage.h"

#include "crosswalk/storage/networklibrary.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFontMetrics>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolBar>
#include <QTimer>

namespace crosswalk {

void MainWindow::createCentral()
{
    m_central = new QStackedWidget(this);
    m_start = new StartPage(m_central);
    m_central->addWidget(m_start);
    m_central->addWidget(m_canvas);
    setCentralWidget(m_central);
    connect(m_start, &StartPage::newBlankMap, this, [this] { m_libraryController->newMap(MapTemplate::Blank); });
    connect(m_start, &StartPage::newTemplateMap, this, &MainWindow::newMap);
    connect(m_start, &StartPage::importFile, this, [this] { importMap(); });
    connect(m_start, &StartPage::openWorkspace, this, &MainWindow::chooseWorkspace);
    connect(m_start, &StartPage::openDemo, this, &MainWindow::openDemo);
}

void MainWindow::updateCentral()
{
    QWidget* wanted = m_document ? static_cast<QWidget*>(m_canvas) : static_cast<QWidget*>(m_start);
    // The step buttons add to the open map: with none open they are off, not silently idle.
    if (auto* steps = findChild<QToolBar*>("StepsToolBar"))
        steps->setEnabled(m_document && !m_document->readOnly());
    if (!m_document) {
        const bool writable = m_workspace && !m_workspace->readOnly();
        m_start->setState(m_workspace != nullptr, writable,
                          m_workspace ? windowTitle().section(" - ", 0, 0) : QString());
    }
    if (m_central->currentWidget() == wanted)
        return;
    const bool hadFocus = m_central->currentWidget() && m_central->currentWidget()->isAncestorOf(focusWidget());
    m_central->setCurrentWidget(wanted);
    // The keys go where the work is now: a new map's canvas takes Tab at once.
    if (hadFocus || wanted == m_canvas)
        wanted == m_canvas ? m_canvas->setFocus(Qt::OtherFocusReason) : m_start->setFocus(Qt::OtherFocusReason);
    if (wanted == m_start)
        m_start->setState(m_workspace != nullptr, m_workspace && !m_workspace->readOnly(),
                          m_workspace ? windowTitle().section(" - ", 0, 0) : QString());
}

void MainWindow::setDemoOpener(std::function<QString()> opener)
{
    m_demoOpener = std::move(opener);
}

void MainWindow::openDemo()
{
    if (!m_demoOpener) {
        showError(tr("Could not open the demo"), tr("This build has no demo workspace."));
        return;
    }
    QString path;
    try {
        path = m_demoOpener();
    } catch (const std::exception& e) {
        showError(tr("Could not open the demo"), QString::fromStdString(e.what()));
        return;
    }
    openWorkspace(path);
}

bool MainWindow::openOrOfferToCreate(const QString& path)
{
    if (isLibraryUri(path.toStdString()) || QFileInfo::exists(path))
        return openWorkspace(path);
    const QString target = path.endsWith(".crosswalk") ? path : path + ".crosswalk";
    const QString where = QFileInfo(target).absoluteFilePath();
    if (!QFileInfo(where).absoluteDir().exists()) {
        showError(tr("Could not open the workspace"),
                  tr("There is no workspace at %1, and its folder %2 does not exist either.")
                      .arg(where, QFileInfo(where).absolutePath()));
        return false;
    }
    const auto answer = QMessageBox::question(
        this, tr("Create a workspace?"),
        tr("There is no workspace at %1 yet.\n\nCreate a new, empty workspace there?").arg(where),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return false;
    try {
        Workspace::create(where.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Could not create the workspace"), QString::fromStdString(e.what()));
        return false;
    }
    return openWorkspace(where);
}

void MainWindow::showAsLeft()
{
    // First run: the whole screen, which a map needs. Afterwards: as the user left it
    // (restoreGeometry brings back a maximised window maximised).
    if (QSettings().value("window/geometry").toByteArray().isEmpty())
        showMaximized();
    else
        show();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    // The dock tab bars exist once the docks are laid out, after the first show.
    QTimer::singleShot(0, this, &MainWindow::fitDockTabs);
}

void MainWindow::fitDockTabs()
{
    // Tabbed docks elide their names ("Inspe...", "Annotati...") when the tab bar is narrow;
    // show whole names and let the bar scroll instead, and make the right dock wide enough
    // for every tab when it is narrower than that.
    int widest = 0;
    for (QTabBar* bar : findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
        bar->setElideMode(Qt::ElideNone);
        bar->setUsesScrollButtons(true);
        bar->setExpanding(false);
        int total = 0;
        for (int i = 0; i < bar->count(); ++i)
            total += bar->fontMetrics().horizontalAdvance(bar->tabText(i)) + 32; // text plus the style's padding
        widest = std::max(widest, total);
    }
    if (widest > 0 && m_inspectorDock->isVisible() && m_inspectorDock->width() < widest &&
        widest < width() / 2)
        resizeDocks({m_inspectorDock}, {widest + 8}, Qt::Horizontal);
}

} // namespace crosswalk
