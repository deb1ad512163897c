// MainWindow and a map that crashed or hung the app (issue 19, finding 5): a mark is written
// to the settings before a map is built and drawn, and taken away after its first paint (or
// when the window closes normally). A mark found when the app next opens that workspace
// means the last opening never finished: the app then opens no map, so that the user is
// not locked out, and says why in a note that does not block.

#include "ui/canvas/mapcanvas.h"
#include "ui/mainwindow/mainwindow.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <functional>

namespace crosswalk {

namespace {

// [workspace path or library address, map id, map title, process id] of the map being opened.
// The process id tells a mark this run left (a window that opened the workspace again before
// the map was painted, as a hidden window does) from one a run that ended left.
const char* const kOpeningKey = "safety/openingMap";

/// Calls done once, after the first paint of the widget it watches has finished.
class FirstPaintWatcher final : public QObject {
public:
    FirstPaintWatcher(QObject* watched, std::function<void()> done) : QObject(watched), m_done(std::move(done))
    {
        watched->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_fired) {
            m_fired = true;
            watched->removeEventFilter(this);
            // Queued: it runs when this paint has returned, so a hang while painting keeps the mark.
            QTimer::singleShot(0, this, [this] {
                m_done();
                deleteLater();
            });
        }
        return false;
    }

private:
    std::function<void()> m_done;
    bool m_fired = false;
};

} // namespace

void MainWindow::markMapOpening(const QString& mapId, const QString& title)
{
    QSettings settings;
    settings.setValue(kOpeningKey, QStringList{m_openGuardStore, mapId, title,
                                               QString::number(QCoreApplication::applicationPid())});
    settings.sync(); // on disk now: a crash or a kill comes before any later write
    delete m_firstPaintWatcher.data();
    m_firstPaintWatcher = new FirstPaintWatcher(m_canvas->viewport(), [this] { clearMapOpening(); });
}

void MainWindow::clearMapOpening()
{
    QSettings settings;
    if (!settings.contains(kOpeningKey))
        return;
    settings.remove(kOpeningKey);
    settings.sync();
}

bool MainWindow::lastOpeningInterrupted()
{
    QSettings settings;
    const QStringList mark = settings.value(kOpeningKey).toStringList();
    if (mark.size() != 4 || mark[0] != m_openGuardStore ||
        mark[3] == QString::number(QCoreApplication::applicationPid()))
        return false;
    clearMapOpening(); // told once: choosing the map again tries it again
    delete m_interruptedNotice.data();
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("A map did not finish opening"),
        tr("Crosswalk stopped while it was opening the map \"%1\" last time: it crashed, or it was closed "
           "while not responding. So that this workspace can be used, no map was opened now. Choose a map "
           "in the library to open it; choosing \"%1\" tries it again. From the command line, "
           "\"crosswalk export\" can still make a PDF or a JSON file of it.")
            .arg(mark[2].left(200)),
        QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->setObjectName(QStringLiteral("InterruptedOpenNotice"));
    m_interruptedNotice = box;
    box->show();
    return true;
}

QMessageBox* MainWindow::interruptedOpenNotice() const
{
    return m_interruptedNotice.data();
}

} // namespace crosswalk
