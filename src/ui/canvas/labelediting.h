#pragma once

#include <QObject>
#include <QString>

#include <optional>
#include <string>

class QRectF;

namespace crosswalk {

class LabelEditor;
class MapCanvas;
class MapDocument;
struct Map;

/// In-place editing on the canvas: opens a LabelEditor over a step label, flow label, lane or
/// phase name, annotation text or sticky note, and on commit pushes the one edit the new text
/// makes on the canvas's document.
class LabelEditing final : public QObject {
public:
    /// What the editor edits.
    struct Target {
        enum class Kind { Step, Flow, Lane, Phase, Annotation, NewStickyNote, StickyNote } kind = Kind::Step;
        std::string id; // for NewStickyNote: the step it goes on
    };

    explicit LabelEditing(MapCanvas& canvas);
    ~LabelEditing() override;

    /// True while a label or name is edited in place.
    bool isEditing() const { return m_editor != nullptr; }
    /// The open editor; nullptr when none is.
    LabelEditor* editor() const { return m_editor; }
    /// What the open editor edits (the last one when none is open).
    const Target& target() const { return m_target; }

    /// Opens the editor on the step's label; initialText (what was typed on the selected step)
    /// replaces the label, with the cursor after it.
    void editStep(const std::string& id, const std::optional<QString>& initialText = std::nullopt);
    /// Opens the editor on a step just added by the last undo step: the label typed joins that
    /// undo step, and Esc takes the new step away again.
    void editNewStep(const std::string& id);
    void editFlow(const std::string& id);
    void editLane(const std::string& id);
    void editPhase(const std::string& id);
    /// Under the annotation's badge, or in the middle of the view when its kind is hidden.
    void editAnnotation(const std::string& id);
    /// An empty editor for a new note on the step: an empty text adds nothing.
    void newStickyNote(const std::string& stepId);
    /// Committing an empty text deletes the note.
    void editStickyNote(const std::string& noteId);

    /// Closes the editor; commit pushes the edit the text makes (none when unchanged).
    void finish(bool commit);
    /// After the document changed: an undo can take away what is being edited.
    void documentChanged();

private:
    bool editable() const;
    const Map* map() const;
    void begin(Target target, const QString& text, const QRectF& area, int pixelSize, bool bold, bool multiLine,
               bool centred);
    void setTargetEditing(const Target& target, bool editing);
    void commit(const Target& target, const std::string& text);
    void commitStickyNote(const Target& target, const std::string& text);

    MapCanvas& m_canvas;
    LabelEditor* m_editor = nullptr;
    Target m_target;
    bool m_finishing = false;
    std::string m_newStep; // the step being labelled was added just before (editNewStep)
    bool m_amendNext = false;
};

} // namespace crosswalk
