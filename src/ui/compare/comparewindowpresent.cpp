// The comparison window presenting: the overlay made for a room or a video call.

#include "ui/compare/comparewindow.h"

#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/overlayview.h"

#include <QAction>
#include <QKeySequence>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

#include <algorithm>

namespace crosswalk {

namespace cs = comparestyle;

void CompareWindow::setUpPresenting()
{
    m_presentAction = new QAction(tr("&Present"), this);
    m_presentAction->setCheckable(true);
    m_presentAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_presentAction->setToolTip(tr("Present the overlay full screen (F5): Down/Up spotlight a lane row, "
                                   "Right/Left walk through the phases, Home shows all, Esc stops"));
    connect(m_presentAction, &QAction::toggled, this, &CompareWindow::setPresenting);
    for (QAction* action : menuBar()->actions())
        if (action->menu() && action->text() == tr("&View")) {
            // F5 presents, as in slide software: Reload keeps its other keys (Ctrl+R).
            for (QAction* item : action->menu()->actions()) {
                QList<QKeySequence> keys = item->shortcuts();
                if (keys.removeAll(QKeySequence(Qt::Key_F5)) > 0)
                    item->setShortcuts(keys);
            }
            action->menu()->addSeparator();
            action->menu()->addAction(m_presentAction);
        }
    auto* bar = addToolBar(tr("Present"));
    bar->setObjectName(QStringLiteral("presentBar"));
    bar->setMovable(false);
    bar->addAction(m_presentAction);

    // Keys that act only while presenting: shortcuts come before the view's own scrolling.
    const auto key = [this](const QList<QKeySequence>& keys, auto slot) {
        auto* action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_presentKeys.push_back(action);
    };
    key({QKeySequence(Qt::Key_Down)}, [this] { moveSpotlight(1); });
    key({QKeySequence(Qt::Key_Up)}, [this] { moveSpotlight(-1); });
    key({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_Space)},
        [this] { walkPhases(1); });
    key({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)}, [this] { walkPhases(-1); });
    key({QKeySequence(Qt::Key_Home)}, [this] { showAll(); });
    key({QKeySequence(Qt::Key_Escape)}, [this] { setPresenting(false); });
}

void CompareWindow::setPresenting(bool on)
{
    if (m_presenting == on)
        return;
    m_presenting = on;
    m_presentAction->setChecked(on);
    for (QAction* action : m_presentKeys)
        action->setEnabled(on);
    if (on) {
        m_wasMaximized = isMaximized();
        showTab(Tab::Overlay);
        // Large type for the room: the window's words, and the picture zoomed to what is lit.
        setFont(pixelFont(cs::kUiPx + 8));
        statusBar()->setFont(pixelFont(cs::kTitlePx + 6, true));
        menuBar()->hide();
        m_overlay->setPresenting(true);
        showFullScreen();
    } else {
        setFont(pixelFont(cs::kUiPx));
        statusBar()->setFont(pixelFont(cs::kUiPx));
        menuBar()->show();
        m_overlay->setPresenting(false);
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
    }
    updateCaption();
}

void CompareWindow::moveSpotlight(int delta)
{
    const int rows = static_cast<int>(m_overlay->rowBands().size());
    if (rows == 0)
        return;
    int row = m_overlay->spotlightRow();
    row = row < 0 ? (delta > 0 ? 0 : rows - 1) : std::clamp(row + delta, 0, rows - 1);
    m_overlay->setSpotlightRow(row);
    updateCaption();
}

void CompareWindow::walkPhases(int delta)
{
    const int columns = m_overlay->columnCount();
    if (columns == 0)
        return;
    int column = m_overlay->focusColumn();
    column = column < 0 ? (delta > 0 ? 0 : columns - 1) : std::clamp(column + delta, 0, columns - 1);
    m_overlay->setFocusColumn(column);
    updateCaption();
}

bool CompareWindow::spotlightRowNamed(const QString& name)
{
    int shown = -1;
    for (std::size_t r = 0; r < m_session->result().laneRows.size(); ++r) {
        bool any = false;
        for (std::size_t i = 0; i < m_session->mapCount(); ++i)
            any = any || (m_overlay->districtVisible(i) && !m_session->result().laneRows[r][i].empty());
        if (!any)
            continue;
        ++shown;
        if (m_session->rowName(r).compare(name, Qt::CaseInsensitive) == 0) {
            m_overlay->setSpotlightRow(shown);
            updateCaption();
            return true;
        }
    }
    return false;
}

void CompareWindow::showAll()
{
    m_overlay->setSpotlightRow(-1);
    m_overlay->setFocusColumn(-1);
    if (m_presenting)
        m_overlay->view()->fitWhole();
    updateCaption();
}

QString CompareWindow::presentingCaption() const
{
    QStringList parts;
    const int row = m_overlay->spotlightRow();
    if (row >= 0) {
        // The overlay draws the rows that hold a lane of a shown district, in crosswalk order.
        QString name;
        int shown = -1;
        for (std::size_t r = 0; r < m_session->result().laneRows.size(); ++r) {
            bool any = false;
            for (std::size_t i = 0; i < m_session->mapCount(); ++i)
                any = any || (m_overlay->districtVisible(i) && !m_session->result().laneRows[r][i].empty());
            if (any && ++shown == row) {
                name = m_session->rowName(r);
                break;
            }
        }
        parts << tr("Lane row %1 of %2: %3").arg(row + 1).arg(m_overlay->rowBands().size()).arg(name);
    }
    const int column = m_overlay->focusColumn();
    if (column >= 0)
        parts << tr("Phase %1 of %2: %3")
                     .arg(column + 1)
                     .arg(m_overlay->columnCount())
                     .arg(m_overlay->columnLabels().value(column));
    if (parts.isEmpty())
        return tr("All %1 districts. Down/Up: a lane row · Right/Left: a phase · Home: all · Esc: stop")
            .arg(m_session->mapCount());
    return parts.join(QStringLiteral("   ·   "));
}

void CompareWindow::updateCaption()
{
    if (m_presenting)
        statusBar()->showMessage(presentingCaption());
    else
        statusBar()->clearMessage();
}

CompareWindow* CompareWindow::presentComparison(MapStore& ws, const std::vector<std::string>& mapIds, QWidget* parent)
{
    auto* window = new CompareWindow(ws, mapIds, parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->setPresenting(true);
    return window;
}

} // namespace crosswalk
