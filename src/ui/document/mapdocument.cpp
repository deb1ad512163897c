#include "ui/document/mapdocument.h"

#include "ui/document/editcommand.h"

#include <QClipboard>
#include <QGuiApplication>

#include <exception>

namespace crosswalk {

MapDocument::MapDocument(MapStore& store, Map map, QObject* parent)
    : QObject(parent), m_store(store), m_map(std::move(map))
{
}

bool MapDocument::push(const Edit& edit)
{
    return push(edit, QString::fromStdString(describe(edit)));
}

bool MapDocument::push(const Edit& edit, const QString& text)
{
    auto inverse = commit(edit);
    if (!inverse)
        return false;
    m_undoStack.push(new EditCommand(*this, edit, std::move(*inverse), text));
    return true;
}

bool MapDocument::amendLast(const Edit& edit)
{
    const int top = m_undoStack.index() - 1;
    auto* last = top >= 0 && top == m_undoStack.count() - 1
                     ? dynamic_cast<const EditCommand*>(m_undoStack.command(top))
                     : nullptr;
    if (!last)
        return push(edit);
    auto inverse = commit(edit);
    if (!inverse)
        return false;
    // QUndoStack hands out its commands as const; this one is ours, and amending it changes
    // nothing the stack relies on (its text and position stay).
    const_cast<EditCommand*>(last)->amend(edit, std::move(*inverse));
    return true;
}

bool MapDocument::storeSessionTimer(const SessionTimer& timer)
{
    if (m_map.session == timer)
        return true;
    // Off the undo stack: an undo of an earlier edit that set the timer still applies, since
    // every command keeps the inverse it got when it was last applied.
    try {
        const CommitResult result = m_store.storeSessionTimer(m_map, timer);
        emit changed(result.changes);
        return true;
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return false;
    }
}

namespace {

/// Every id of both maps, and every map-wide flag: what a reload may have changed.
ChangeSet everything(const Map& a, const Map& b)
{
    ChangeSet c;
    c.props = c.laneOrder = c.phaseOrder = c.session = true;
    for (const Map* m : {&a, &b}) {
        for (const Lane& x : m->lanes)
            c.lanes.insert(x.id);
        for (const Phase& x : m->phases)
            c.phases.insert(x.id);
        for (const Step& x : m->steps) {
            c.steps.insert(x.id);
            c.votes.insert(x.id);
        }
        for (const Flow& x : m->flows)
            c.flows.insert(x.id);
        for (const Annotation& x : m->annotations)
            c.annotations.insert(x.id);
        for (const StickyNote& x : m->stickyNotes)
            c.stickyNotes.insert(x.id);
        for (const ParkingItem& x : m->parkingLot)
            c.parkingLot.insert(x.id);
    }
    return c;
}

/// The store's conflict message, which asks the user to open the map again, once the map has
/// been opened again here (issue 19: "open the map again" used to need another map and back).
QString conflictReloaded(QString message)
{
    const QString ask = QStringLiteral("; open the map again to see the other changes");
    if (message.endsWith(ask))
        message.chop(ask.size());
    return message + QObject::tr(". The map now shows what is saved, the other changes included; nothing "
                                 "saved was lost. Make your change again if it is still needed.");
}

} // namespace

void MapDocument::catchUp(const ChangeSet& changes)
{
    try {
        m_map = m_store.loadMap(m_map.id);
        emit changed(changes);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
    }
}

void MapDocument::reload()
{
    try {
        Map fresh = m_store.loadMap(m_map.id);
        const ChangeSet all = everything(m_map, fresh);
        m_map = std::move(fresh);
        emit changed(all);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
    }
}

QString MapDocument::refusal(const QString& message)
{
    if (m_typedText.isEmpty())
        return message;
    QGuiApplication::clipboard()->setText(m_typedText);
    m_typedText.clear();
    return message + QObject::tr("\n\nWhat you typed is on the clipboard, to paste (Ctrl+V) when you make "
                                 "the change again.");
}

std::optional<Edit> MapDocument::commit(const Edit& edit)
{
    try {
        CommitResult result = m_store.commit(m_map, edit);
        m_typedText.clear();
        emit changed(result.changes);
        return std::move(result.inverse);
    } catch (const CommitConflict& e) {
        // Someone else changed the same thing first: show their version, and say so.
        bool reloaded = false;
        try {
            Map fresh = m_store.loadMap(m_map.id);
            const ChangeSet all = everything(m_map, fresh);
            m_map = std::move(fresh);
            emit changed(all);
            reloaded = true;
        } catch (const std::exception&) {
            // the reload failed too (offline): keep what is shown
        }
        emit errorOccurred(refusal(reloaded ? conflictReloaded(QString::fromStdString(e.what()))
                                            : QString::fromStdString(e.what())));
        return std::nullopt;
    } catch (const std::exception& e) {
        emit errorOccurred(refusal(QString::fromStdString(e.what())));
        return std::nullopt;
    }
}

} // namespace crosswalk
