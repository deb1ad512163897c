#include "ui/document/editcommand.h"

#include "ui/document/mapdocument.h"

namespace crosswalk {

EditCommand::EditCommand(MapDocument& document, Edit edit, Edit inverse, const QString& text)
    : QUndoCommand(text), m_document(document), m_edit(std::move(edit)), m_inverse(std::move(inverse))
{
}

void EditCommand::undo()
{
    if (auto redoEdit = m_document.commit(m_inverse))
        m_edit = std::move(*redoEdit);
    else
        setObsolete(true); // could not be stored: the stack must not pretend it was undone
}

void EditCommand::amend(const Edit& edit, Edit inverse)
{
    m_edit = Batch{"", {std::move(m_edit), edit}};
    m_inverse = Batch{"", {std::move(inverse), std::move(m_inverse)}};
}

void EditCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    if (auto undoEdit = m_document.commit(m_edit))
        m_inverse = std::move(*undoEdit);
    else
        setObsolete(true);
}

} // namespace crosswalk
