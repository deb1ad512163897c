#include "ui/compare/comparewindow.h"

#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/differencesview.h"
#include "ui/compare/gridview.h"
#include "ui/compare/lanepairingview.h"
#include "ui/compare/mappickerdialog.h"
#include "ui/compare/overlayview.h"
#include "ui/compare/sidebysideview.h"
#include "ui/compare/comparereportdialog.h"

#include <QAction>
#include <QKeySequence>
#include <QMenuBar>
#include <QLabel>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>

#include <exception>
#include <stdexcept>

namespace crosswalk {

CompareWindow::CompareWindow(MapStore& ws, const std::vector<std::string>& mapIds, QWidget* parent)
    : QMainWindow(parent)
{
    if (mapIds.size() < 2)
        throw std::invalid_argument("comparing needs at least two maps");
    m_session = new CompareSession(ws, mapIds, this);

    // Everything one size up from the editor: this window is made for a shared screen.
    setFont(pixelFont(comparestyle::kUiPx));
    setWindowTitle(tr("Compare %1 districts — Crosswalk").arg(mapIds.size()));

    m_tabs = new QTabWidget(this);
    m_tabs->tabBar()->setFont(pixelFont(comparestyle::kHeaderPx, true));
    m_overlay = new OverlayView(*m_session, m_tabs);
    m_sideBySide = new SideBySideView(*m_session, m_tabs);
    m_grid = new GridView(*m_session, m_tabs);
    m_differences = new DifferencesView(*m_session, m_tabs);
    m_lanes = new LanePairingView(*m_session, m_tabs);
    m_tabs->addTab(m_overlay, tr("Overlay"));
    m_tabs->addTab(m_sideBySide, tr("Side by side"));
    m_tabs->addTab(m_grid, tr("Grid"));
    m_tabs->addTab(m_differences, tr("Differences"));
    m_tabs->addTab(m_lanes, tr("Lanes"));
    setCentralWidget(m_tabs);

    connect(m_grid, &GridView::openMapAt, this, &CompareWindow::openMapAt);
    connect(m_differences, &DifferencesView::showSteps, this,
            [this](int a, int b, const QString& stepA, const QString& stepB) {
                m_sideBySide->showPair(static_cast<std::size_t>(a), static_cast<std::size_t>(b));
                showTab(Tab::SideBySide);
                m_sideBySide->selectAndCentre(stepA.toStdString(), stepB.toStdString());
            });
    connect(m_sideBySide, &SideBySideView::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_lanes, &LanePairingView::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    // The lane pairings of the two districts shown side by side, from a lane's context menu.
    connect(m_sideBySide, &SideBySideView::showLanePairings, this, [this] {
        m_lanes->showPair(m_sideBySide->mapA(), m_sideBySide->mapB());
        showTab(Tab::Lanes);
    });

    auto* file = menuBar()->addMenu(tr("&File"));
    QAction* report = file->addAction(tr("&Export report\u2026"));
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(report, &QAction::triggered, this, [this] { CompareReportDialog(*m_session, this).exec(); });

    auto* view = menuBar()->addMenu(tr("&View"));
    const Tab order[] = {Tab::Overlay, Tab::SideBySide, Tab::Grid, Tab::Differences, Tab::Lanes};
    for (int i = 0; i < 5; ++i) {
        QAction* action = view->addAction(m_tabs->tabText(i));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, tab = order[i]] { showTab(tab); });
    }
    view->addSeparator();
    QAction* reloadAction = view->addAction(tr("&Reload maps"));
    reloadAction->setShortcut(QKeySequence::Refresh);
    connect(reloadAction, &QAction::triggered, this, &CompareWindow::reload);

    setUpPresenting();

    // Labels in a language without lexical data are compared by their words alone: said for
    // as long as it holds, beside the passing messages.
    m_wordsOnly = new QLabel(tr("Labels compared by their words alone: no lexical data for their language."), this);
    m_wordsOnly->setObjectName(QStringLiteral("wordsOnlyNote"));
    statusBar()->addPermanentWidget(m_wordsOnly);
    m_wordsOnly->setVisible(m_session->wordsOnly());
    connect(m_session, &CompareSession::changed, this, [this] { m_wordsOnly->setVisible(m_session->wordsOnly()); });

    statusBar()->showMessage(ws.readOnly() ? tr("The workspace is read-only: match decisions cannot be stored.")
                                           : tr("Match decisions are saved in the workspace as you make them."));
    resize(1600, 960);
}

CompareWindow::~CompareWindow() = default;

std::vector<std::string> CompareWindow::pickMaps(const MapStore& ws, QWidget* parent)
{
    MapPickerDialog dialog(ws, parent);
    if (dialog.exec() != QDialog::Accepted || !dialog.acceptable())
        return {};
    return dialog.selectedMapIds();
}

void CompareWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

void CompareWindow::reload()
{
    try {
        m_session->reload();
        statusBar()->showMessage(tr("Maps reloaded."), 5000);
    } catch (const std::exception& e) {
        statusBar()->showMessage(tr("The maps could not be reloaded: %1").arg(QString::fromUtf8(e.what())), 15000);
    }
}

} // namespace crosswalk
