// MapCanvas: sticky notes and dot votes, the facilitation tools of edit mode.

#include "ui/canvas/mapcanvas.h"

#include "crosswalk/facilitation/votes.h"
#include "crosswalk/interact/gestures.h"
#include "ui/canvas/labelediting.h"
#include "ui/canvas/mapscene.h"
#include "ui/common/strings.h"
#include "ui/document/mapdocument.h"

#include <algorithm>

namespace crosswalk {
namespace {

} // namespace

void MapCanvas::addStickyNote()
{
    if (const auto step = currentStep())
        addStickyNoteTo(QString::fromStdString(*step));
}

void MapCanvas::addStickyNoteTo(const QString& stepId)
{
    m_editing->newStickyNote(toStd(stepId));
}

void MapCanvas::editStickyNote(const QString& noteId)
{
    m_editing->editStickyNote(toStd(noteId));
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
    std::vector<Edit> edits = gestures::vote(*m, stepIds, delta);
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
    if (!editable())
        return;
    if (const std::optional<ReplaceVotes> reset = resetVotesEdit(*map()))
        m_document->push(*reset, tr("Reset votes"));
}

} // namespace crosswalk
