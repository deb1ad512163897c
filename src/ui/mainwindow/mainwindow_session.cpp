// The Session panel in the main window (issue 17): it follows the open store, shows agenda
// items (a map presented, maps compared), and takes a presentation's agenda keys and, while a
// session runs, its parking lot, notes and votes.

#include "ui/mainwindow/mainwindow.h"

#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/sessionnoteitem.h"
#include "ui/common/strings.h"
#include "ui/compare/comparewindow.h"
#include "ui/present/presentationwindow.h"
#include "ui/session/sessionpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>

#include <functional>

namespace crosswalk {

void MainWindow::createSessionPanel()
{
    m_sessionPanel = new SessionPanel(this);
    m_sessionDock = addPanel(m_sessionPanel, tr("Session"), "SessionDock", Qt::RightDockWidgetArea);
    // A tab beside the other panels on the right, the whole height; hidden until View >
    // Session Panel (the map needs the room while drawing).
    for (QDockWidget* dock : m_panelDocks)
        if (dock->objectName() == QLatin1String("ParkingLotDock"))
            tabifyDockWidget(dock, m_sessionDock);
    m_sessionDock->hide();
    connect(m_sessionPanel, &SessionPanel::openItem, this, &MainWindow::openAgendaItem);
    connect(m_sessionPanel, &SessionPanel::sessionChanged, this, [this] { showSessionNotes(); });
    QAction* show = m_sessionDock->toggleViewAction();
    show->setText(tr("Session &Panel"));
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    addAction(show);
}

void MainWindow::attachSessions()
{
    if (m_sessionPanel)
        m_sessionPanel->setStore(m_workspace.get());
    showSessionNotes();
}

void MainWindow::showSessionNotes()
{
    MapScene* scene = m_canvas ? m_canvas->mapScene() : nullptr;
    if (!scene || !m_sessionPanel)
        return;
    auto* layer = scene->findChild<SessionNoteLayer*>();
    if (!layer)
        layer = new SessionNoteLayer(scene);
    // The notes of the session running now, on whichever of its maps the canvas shows.
    std::vector<SessionNote> notes;
    std::unordered_map<std::string, QString> authors;
    if (m_sessionPanel->running()) {
        notes = m_sessionPanel->session()->notes;
        for (const Participant& p : m_sessionPanel->session()->participants)
            authors[p.id] = toQString(p.name);
    }
    layer->setNotes(notes, authors);
}

void MainWindow::hookSession(PresentationWindow* presentation)
{
    if (!presentation || !m_sessionPanel)
        return;
    connect(presentation, &PresentationWindow::agendaStep, m_sessionPanel, [this](int delta) {
        if (m_sessionPanel->session())
            m_sessionPanel->step(delta);
    });
    connect(presentation, &PresentationWindow::agendaFollow, m_sessionPanel,
            [this] { m_sessionPanel->followFacilitator(); });
    // Only while a session runs: otherwise Q, N and D keep the map's own facilitation.
    SessionPanel* panel = m_sessionPanel;
    PresentationWindow::SessionHooks hooks;
    hooks.park = [panel](const QString& text) { return panel->running() && panel->park(text); };
    hooks.note = [panel](const std::string& mapId, const std::string& stepId, const QString& text) {
        return panel->running() && panel->addNote(mapId, stepId, text);
    };
    hooks.vote = [panel](const std::string& mapId, const std::string& stepId, int delta) {
        if (!panel->running())
            return false;
        panel->vote(mapId, stepId, delta); // refused over the limit: the panel says why
        return true;
    };
    // One timer per session: while it runs, the top bar shows and T, + and Shift+T change the
    // session's deadline (the same on every client), not the map's timer.
    hooks.timer = [panel] { return panel->presentedTimer(); };
    hooks.setTimer = [panel](const SessionTimer& timer) { return panel->setTimer(timer); };
    hooks.plannedMinutes = [panel] { return panel->session() ? panel->session()->plannedMinutes() : 0; };
    hooks.notes = [panel] {
        std::vector<SessionNote> notes;
        if (!panel->running())
            return notes;
        const Session& s = *panel->session();
        for (SessionNote n : s.notes) {
            for (const Participant& p : s.participants)
                if (p.id == n.author)
                    n.author = p.name; // shown by name
            notes.push_back(std::move(n));
        }
        return notes;
    };
    presentation->setSessionHooks(hooks);
}

void MainWindow::openAgendaItem(const QStringList& mapIds)
{
    if (!m_workspace || mapIds.isEmpty())
        return;
    // The session's comparison, when it is shown: moving on closes it, and one presented
    // hands over to a presentation of the next map (the facilitator keeps presenting).
    bool comparisonPresented = false;
    bool comparisonFullScreen = false;
    if (auto* shown = findChild<CompareWindow*>(QStringLiteral("agendaComparison"))) {
        comparisonPresented = shown->presenting();
        comparisonFullScreen = shown->isFullScreen();
        shown->setObjectName(QString()); // closed, deleted later: not found again
        shown->close();
    }
    const bool presenting = !m_presentation.isNull() || comparisonPresented;
    const bool fullScreen = m_presentation ? m_presentation->isFullScreen() : comparisonFullScreen;
    if (m_presentation) {
        // The next item gets a presentation of its own, at the view that fits it.
        PresentationWindow* old = m_presentation;
        m_presentation = nullptr;
        old->close();
    }
    if (mapIds.size() == 1) {
        if (!openMap(mapIds.front()))
            return;
        if (presenting)
            present(fullScreen);
        return;
    }
    // A comparison: the comparison window (its presentation mode is the comparison's own).
    std::vector<std::string> ids;
    for (const QString& id : mapIds)
        ids.push_back(toStd(id));
    try {
        auto* window = new CompareWindow(*m_workspace, ids, this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setWindowFlag(Qt::Window);
        connect(window, &CompareWindow::openMapAt, this, [this](const QString& mapId, const QString&) {
            openMap(mapId);
            raise();
            activateWindow();
        });
        window->setObjectName(QStringLiteral("agendaComparison"));
        // The agenda keys of a presentation work in the comparison too, so that the
        // facilitator steps on past it (and a participant comes back) with the same keys.
        const auto agendaKey = [this, window](const QKeySequence& keys, const std::function<void()>& slot) {
            auto* action = new QAction(window);
            action->setShortcut(keys);
            action->setShortcutContext(Qt::WindowShortcut);
            connect(action, &QAction::triggered, m_sessionPanel, slot);
            window->addAction(action);
        };
        agendaKey(QKeySequence(Qt::CTRL | Qt::Key_PageDown), [this] { m_sessionPanel->step(1); });
        agendaKey(QKeySequence(Qt::CTRL | Qt::Key_PageUp), [this] { m_sessionPanel->step(-1); });
        agendaKey(QKeySequence(Qt::CTRL | Qt::Key_Home), [this] { m_sessionPanel->followFacilitator(); });
        window->resize(size());
        window->show();
        // Presenting the session: the comparison comes up in its own presentation mode
        // (large type, thick lines, the colour-blind-safe palette, lane spotlight, phase walk).
        if (presenting)
            window->setPresenting(true);
    } catch (const std::exception& e) {
        showError(tr("Could not compare the maps"), toQString(std::string(e.what())));
    }
}

bool MainWindow::showSession(const QString& ref, int step)
{
    if (!m_workspace || !m_sessionPanel)
        return false;
    try {
        m_sessionPanel->selectSession(toQString(m_workspace->resolveSession(toStd(ref))));
    } catch (const std::exception&) {
        return false;
    }
    m_sessionDock->show();
    m_sessionDock->raise();
    resizeDocks({m_sessionDock}, {480}, Qt::Horizontal);
    if (step >= 0) {
        m_sessionPanel->startSession();
        for (int i = 0; i < step; ++i)
            m_sessionPanel->step(1);
    }
    return m_sessionPanel->session().has_value();
}

} // namespace crosswalk
