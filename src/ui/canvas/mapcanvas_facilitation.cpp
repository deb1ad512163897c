// MapCanvas: sticky notes and dot votes, the facilitation tools of edit mode.

#include "ui/canvas/mapcanvas.h"

#include "ui/canvas/canvasstyle.h"
#include "ui/common/strings.h"
#include "ui/canvas/labeleditor.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h"

#include <QMenu>
#include <QPixmap>

#include <algorithm>
#include <array>

namespace crosswalk {
namespace {

/// Paper colours for notes: light enough for dark text, distinct from lane bands.
struct NoteColour {
    const char* name;
    const char* hex;
};
constexpr std::array<NoteColour, 5> kNoteColours{{
    {QT_TRANSLATE_NOOP("MapCanvas", "Yellow"), "#FFE680"},
    {QT_TRANSLATE_NOOP("MapCanvas", "Green"), "#C7F0D8"},
    {QT_TRANSLATE_NOOP("MapCanvas", "Blue"), "#CFE3FF"},
    {QT_TRANSLATE_NOOP("MapCanvas", "Pink"), "#FFD1E0"},
    {QT_TRANSLATE_NOOP("MapCanvas", "Orange"), "#FFD8A8"},
}};

} // namespace

void MapCanvas::addStickyNote()
{
    if (const auto step = currentStep())
        addStickyNoteTo(QString::fromStdString(*step));
}

void MapCanvas::addStickyNoteTo(const QString& stepId)
{
    const Map* m = map();
    if (!editable() || !m || !m->step(toStd(stepId)))
        return;
    const QRectF area = m_scene->nextNoteRect(toStd(stepId));
    beginEditing({EditTarget::Kind::NewStickyNote, toStd(stepId)}, QString(), area, StickyNoteItem::kTextPx, false,
                 true, false);
}

void MapCanvas::editStickyNote(const QString& noteId)
{
    const Map* m = map();
    const StickyNote* note = m ? m->stickyNote(toStd(noteId)) : nullptr;
    StickyNoteItem* item = m_scene->stickyNoteItem(toStd(noteId));
    if (!editable() || !note || !item)
        return;
    const QRectF area = item->mapRectToScene(QRectF(0, 0, StickyNoteItem::kWidth, item->height()));
    beginEditing({EditTarget::Kind::StickyNote, note->id}, QString::fromStdString(note->text), area,
                 StickyNoteItem::kTextPx, false, true, false);
}

void MapCanvas::commitStickyNote(const EditTarget& target, const std::string& text)
{
    const Map* m = map();
    if (!m)
        return;
    if (target.kind == EditTarget::Kind::NewStickyNote) {
        if (text.empty() || !m->step(target.id))
            return; // nothing typed: no note
        StickyNote note;
        note.id = newId("n-");
        note.step = target.id;
        note.text = text;
        m_document->push(AddStickyNote{note, std::nullopt}, tr("Add sticky note"));
        return;
    }
    const StickyNote* note = m->stickyNote(target.id);
    if (!note || note->text == text)
        return;
    if (text.empty()) {
        m_document->push(RemoveStickyNote{note->id}, tr("Delete sticky note"));
        return;
    }
    StickyNote changed = *note;
    changed.text = text;
    m_document->push(UpdateStickyNote{changed}, tr("Edit sticky note"));
}

void MapCanvas::deleteStickyNote(const QString& noteId)
{
    if (!editable() || !map()->stickyNote(toStd(noteId)))
        return;
    finishEditing(true);
    m_document->push(RemoveStickyNote{toStd(noteId)}, tr("Delete sticky note"));
}

void MapCanvas::recolourStickyNote(const QString& noteId, const QString& colour)
{
    const StickyNote* note = map() ? map()->stickyNote(toStd(noteId)) : nullptr;
    if (!editable() || !note || note->color == toStd(colour))
        return;
    StickyNote changed = *note;
    changed.color = toStd(colour);
    m_document->push(UpdateStickyNote{changed}, tr("Change colour of sticky note"));
}

void MapCanvas::voteOnSelection(int delta)
{
    voteOn(m_scene->selectedStepIds(), delta);
}

void MapCanvas::voteOn(const std::vector<std::string>& stepIds, int delta)
{
    const Map* m = map();
    if (!editable() || !m || delta == 0)
        return;
    std::vector<Edit> edits;
    for (const std::string& id : stepIds) {
        if (!m->step(id))
            continue;
        const int count = std::clamp(m->votesOn(id) + delta, 0, kMaxVotesPerStep);
        if (count != m->votesOn(id))
            edits.push_back(SetVotes{id, count});
    }
    if (edits.empty())
        return;
    const QString text = delta > 0 ? tr("Vote") : tr("Remove vote");
    if (edits.size() == 1)
        m_document->push(edits.front(), text);
    else
        m_document->push(Batch{text.toStdString(), std::move(edits)}, text);
}

void MapCanvas::resetVotes()
{
    if (editable() && !map()->votes.empty())
        m_document->push(ReplaceVotes{}, tr("Reset votes"));
}

void MapCanvas::addFacilitationMenu(QMenu& menu, const std::string& stepId)
{
    const Map& m = *map();
    menu.addSeparator();
    menu.addAction(tr("Add sticky note"), [this, stepId] { addStickyNoteTo(QString::fromStdString(stepId)); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    // On every selected step when the clicked one is among them, as "Change kind" does.
    std::vector<std::string> targets = m_scene->selectedStepIds();
    if (std::find(targets.begin(), targets.end(), stepId) == targets.end())
        targets = {stepId};
    menu.addAction(tr("Add vote"), [this, targets] { voteOn(targets, 1); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    QAction* remove = menu.addAction(tr("Remove vote"), [this, targets] { voteOn(targets, -1); });
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    remove->setEnabled(
        std::any_of(targets.begin(), targets.end(), [&m](const std::string& id) { return m.votesOn(id) > 0; }));
}

void MapCanvas::showNoteMenu(const std::string& noteId, const QPoint& globalPos)
{
    const QString id = QString::fromStdString(noteId);
    QMenu menu(this);
    menu.addAction(tr("Edit sticky note"), [this, id] { editStickyNote(id); });
    QMenu* colours = menu.addMenu(tr("Colour"));
    for (const NoteColour& c : kNoteColours) {
        QPixmap swatch(16, 16);
        swatch.fill(QColor(QString::fromLatin1(c.hex)));
        const QString hex = QString::fromLatin1(c.hex);
        colours->addAction(QIcon(swatch), tr(c.name), [this, id, hex] { recolourStickyNote(id, hex); });
    }
    menu.addSeparator();
    menu.addAction(tr("Delete sticky note"), [this, id] { deleteStickyNote(id); });
    menu.exec(globalPos);
}

} // namespace crosswalk
