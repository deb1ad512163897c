#include "ui/library/librarycontroller.h"

#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/library/librarycommand.h"

#include <QInputDialog>
#include <QMessageBox>

namespace crosswalk {

LibraryController::LibraryController(QWidget* dialogParent) : QObject(dialogParent), m_dialogParent(dialogParent) {}

void LibraryController::setWorkspace(MapStore* workspace)
{
    m_stack.clear();
    m_workspace = workspace;
}

void LibraryController::setDocument(MapDocument* document)
{
    m_document = document;
}

void LibraryController::pushCommand(const QString& mapId, bool added, const QString& text)
{
    m_stack.push(new LibraryCommand([this](const QString& id, bool present) { return setMapPresent(id, present); },
                                    mapId, added, text));
}

void LibraryController::newMap(MapTemplate kind)
{
    if (!m_workspace || m_workspace->readOnly())
        return;
    bool ok = false;
    const QString suggested =
        kind == MapTemplate::Blank ? tr("Untitled map") : tr("Principal evaluation and support");
    const QString title = QInputDialog::getText(m_dialogParent, tr("New Map"), tr("Title:"), QLineEdit::Normal,
                                                suggested, &ok);
    if (!ok || title.trimmed().isEmpty())
        return;
    // A new map in the district of the map open now: a team draws its own maps.
    const Map map = makeMapFromTemplate(kind, title.trimmed().toStdString(),
                                        m_document ? m_document->map().props.district : std::string());
    try {
        m_workspace->addMap(map);
    } catch (const std::exception& e) {
        emit errorOccurred(tr("Could not create the map"), QString::fromStdString(e.what()));
        return;
    }
    emit mapsChanged();
    emit openMapRequested(QString::fromStdString(map.id));
    pushCommand(QString::fromStdString(map.id), true, tr("New map \"%1\"").arg(QString::fromStdString(map.props.title)));
}

void LibraryController::duplicateMap()
{
    if (!m_document || !m_workspace || m_workspace->readOnly())
        return;
    Map copy = m_document->map();
    copy.id = newId("m-");
    copy.props.title += " (copy)";
    try {
        m_workspace->addMap(copy);
    } catch (const std::exception& e) {
        emit errorOccurred(tr("Could not duplicate the map"), QString::fromStdString(e.what()));
        return;
    }
    emit mapsChanged();
    emit openMapRequested(QString::fromStdString(copy.id));
    pushCommand(QString::fromStdString(copy.id), true,
                tr("Duplicate map \"%1\"").arg(QString::fromStdString(copy.props.title)));
}

void LibraryController::deleteMap()
{
    if (!m_document || !m_workspace || m_workspace->readOnly())
        return;
    const Map map = m_document->map();
    const QString title = QString::fromStdString(map.props.title);
    if (!map.steps.empty()) {
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Delete Map"),
            tr("Delete \"%1\" of %2 with its %3 steps and its revisions?\n\nUndo (Ctrl+Z) brings it back until the "
               "workspace is closed.")
                .arg(title, QString::fromStdString(map.props.district))
                .arg(map.steps.size()));
        if (answer != QMessageBox::Yes)
            return;
    }
    const QString id = QString::fromStdString(map.id);
    if (!setMapPresent(id, false))
        return; // not deleted; setMapPresent said why
    pushCommand(id, false, tr("Delete map \"%1\"").arg(title));
}

bool LibraryController::setMapPresent(const QString& mapId, bool present)
{
    if (!m_workspace)
        return false;
    const std::string id = mapId.toStdString();
    QString title = mapId;
    bool done = true;
    try {
        if (present) {
            m_workspace->restoreMap(id);
            title = QString::fromStdString(m_workspace->loadMap(id).props.title);
        } else {
            title = QString::fromStdString(m_workspace->loadMap(id).props.title);
            if (m_document && m_document->map().id == id)
                emit closeMapRequested();
            m_workspace->deleteMap(id);
        }
    } catch (const std::exception& e) {
        emit errorOccurred(present ? tr("Could not bring the map back") : tr("Could not delete the map"),
                           QString::fromStdString(e.what()));
        done = false;
    }
    emit mapsChanged();
    if (done && present)
        emit openMapRequested(mapId);
    if (!m_document) {
        const auto maps = m_workspace->listMaps();
        if (!maps.empty())
            emit openMapRequested(QString::fromStdString(maps.front().id));
    }
    emit titleChanged();
    if (done)
        emit statusMessage(present ? tr("\"%1\" is back.").arg(title)
                                   : tr("\"%1\" removed. Undo (Ctrl+Z) brings it back.").arg(title),
                           8000);
    return done;
}

bool LibraryController::confirmUndo(QUndoStack* stack)
{
    // Undoing "New map" or "Duplicate map" deletes the map; if the team has drawn on it
    // since, say so first rather than take their work off screen without a word.
    if (stack != &m_stack || !m_workspace || stack->index() == 0)
        return true;
    const auto* command = dynamic_cast<const LibraryCommand*>(stack->command(stack->index() - 1));
    if (!command || !command->undoRemoves())
        return true;
    const std::string id = command->mapId().toStdString();
    Map map;
    try {
        if (!m_workspace->hasMap(id))
            return true;
        map = m_workspace->loadMap(id);
    } catch (const std::exception&) {
        return true; // the undo itself reports what is wrong
    }
    if (map.steps.empty())
        return true;
    return QMessageBox::question(m_dialogParent, tr("Undo"),
                                 tr("Undo \"%1\"? It removes the map \"%2\", which now has %3 steps.\n\nRedo "
                                    "(Ctrl+Shift+Z) brings it back until the workspace is closed.")
                                     .arg(command->text(), QString::fromStdString(map.props.title))
                                     .arg(map.steps.size())) == QMessageBox::Yes;
}

} // namespace crosswalk
