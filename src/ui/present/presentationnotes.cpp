// PresentationWindow: the running session's sticky notes (issue 17). Those on a step are
// drawn on it (PresentScene) and listed in the caption when the walk is on it, with their
// author; those on the whole map are listed in the caption, below the map, covering no step.

#include "ui/present/presentationwindow.h"
#include "ui/present/presentcaption.h"

namespace crosswalk {

void PresentationWindow::syncSessionNotes()
{
    const std::vector<SessionNote> notes = m_sessionHooks.notes ? m_sessionHooks.notes() : std::vector<SessionNote>{};
    if (notes == m_scene->sessionNotes())
        return;
    m_scene->setSessionNotes(notes);
    updateCaption();
}

bool PresentationWindow::captionSessionNotes(const Step* step, bool alone)
{
    const std::vector<SessionNote> notes = step ? m_scene->sessionNotesOn(step->id) : m_scene->sessionNotesOnMap();
    if (notes.empty())
        return false;
    using Row = PresentCaption::Row;
    std::vector<Row> rows = alone ? std::vector<Row>{} : m_caption->rows();
    std::vector<Row> added;
    if (alone)
        added.push_back({Row::Type::Head, tr("Session notes on this map"), {}, {}, false});
    for (const SessionNote& n : notes)
        added.push_back({Row::Type::Note, QString::fromStdString(n.text),
                         n.author.empty() ? tr("Session note")
                                          : tr("Session note \u00B7 %1").arg(QString::fromStdString(n.author)),
                         {},
                         false});
    // After the step's own notes and marks, before the votes and the ways on.
    auto at = rows.end();
    for (auto it = rows.begin(); it != rows.end(); ++it)
        if (it->type == Row::Type::Head || it->type == Row::Type::Mark || it->type == Row::Type::Note)
            at = it + 1;
    if (!step && !alone)
        at = rows.end(); // after the legend
    rows.insert(at, added.begin(), added.end());
    m_caption->setRows(std::move(rows));
    return true;
}

} // namespace crosswalk
