#pragma once

#include "crosswalk/edit/edit.h"

#include <QUndoCommand>

namespace crosswalk {

class MapDocument;

/// A core Edit on the undo stack. Created after the edit was applied and committed;
/// undo and redo apply the stored inverse/edit through the document.
class EditCommand final : public QUndoCommand {
public:
    EditCommand(MapDocument& document, Edit edit, Edit inverse, const QString& text);

    void undo() override;
    void redo() override;
    /// Folds a further edit, already applied and committed, into this command, so that one
    /// undo takes back both: a new step and the label typed into it.
    void amend(const Edit& edit, Edit inverse);

private:
    MapDocument& m_document;
    Edit m_edit;
    Edit m_inverse;
    bool m_firstRedo = true; // the edit is already applied when the command is pushed
};

} // namespace crosswalk
