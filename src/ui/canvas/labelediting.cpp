#include "ui/canvas/labelediting.h"

#include "crosswalk/interact/gestures.h"
#include "ui/canvas/labelfit.h"

#include "ui/canvas/annotationbadgeitem.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/labeleditor.h"
#include "ui/canvas/laneheaderitem.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/phaseheaderitem.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stepshape.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h"

#include <QTextCursor>

namespace crosswalk {

using namespace canvasstyle;

LabelEditing::LabelEditing(MapCanvas& canvas) : m_canvas(canvas) {}

LabelEditing::~LabelEditing()
{
    // Before the scene goes: the editor is one of its items.
    delete m_editor;
    m_editor = nullptr;
}

bool LabelEditing::editable() const
{
    const MapDocument* doc = m_canvas.document();
    return doc && !doc->readOnly();
}

const Map* LabelEditing::map() const
{
    const MapDocument* doc = m_canvas.document();
    return doc ? &doc->map() : nullptr;
}

void LabelEditing::documentChanged()
{
    if (!m_editor || m_finishing)
        return;
    const Map* m = map();
    const std::string& id = m_target.id;
    const bool gone = !m || (m_target.kind == Target::Kind::Step && !m->step(id)) ||
                      (m_target.kind == Target::Kind::Flow && !m->flow(id)) ||
                      (m_target.kind == Target::Kind::Lane && !m->lane(id)) ||
                      (m_target.kind == Target::Kind::Phase && !m->phase(id)) ||
                      (m_target.kind == Target::Kind::Annotation && !m->annotation(id));
    if (gone)
        finish(false);
    else
        setTargetEditing(m_target, true);
}

// ----- opening ---------------------------------------------------------------------------------

void LabelEditing::editStep(const std::string& id, const std::optional<QString>& initialText)
{
    const Map* m = map();
    StepItem* item = m_canvas.mapScene()->stepItem(id);
    if (!editable() || !item || !m->step(id))
        return;
    const Step& step = *m->step(id);
    QRectF area = StepShape::labelRect(step.kind, item->sceneRectOfStep());
    if (area.width() < 140) // diamonds and small steps: room to see what is typed
        area.adjust(-(140 - area.width()) / 2, 0, (140 - area.width()) / 2, 0);
    begin({Target::Kind::Step, id}, initialText.value_or(QString::fromStdString(step.label)), area, kLabelPx, false,
          true, true);
    if (initialText && m_editor) {
        QTextCursor cursor = m_editor->textCursor();
        cursor.movePosition(QTextCursor::End);
        m_editor->setTextCursor(cursor);
    }
}

void LabelEditing::editNewStep(const std::string& id)
{
    editStep(id);
    if (m_editor && m_target.kind == Target::Kind::Step && m_target.id == id)
        m_newStep = id;
}

void LabelEditing::editFlow(const std::string& id)
{
    const Map* m = map();
    FlowItem* item = m_canvas.mapScene()->flowItem(id);
    if (!editable() || !item || !m->flow(id))
        return;
    QRectF area(0, 0, 150, 24);
    area.moveCenter(item->labelAnchor());
    begin({Target::Kind::Flow, id}, QString::fromStdString(m->flow(id)->label), area, kFlowLabelPx, false, false,
          true);
}

void LabelEditing::editLane(const std::string& id)
{
    const Map* m = map();
    LaneHeaderItem* header = m_canvas.mapScene()->laneHeader(id);
    if (!editable() || !header || !m->lane(id))
        return;
    begin({Target::Kind::Lane, id}, QString::fromStdString(m->lane(id)->name), header->nameSceneRect(), kLaneNamePx,
          true, false, false);
}

void LabelEditing::editPhase(const std::string& id)
{
    const Map* m = map();
    PhaseHeaderItem* header = m_canvas.mapScene()->phaseHeader(id);
    if (!editable() || !header || !m->phase(id))
        return;
    // In the part of the header in view, where the name is drawn: a wide phase scrolled part
    // way across is renamed where the user sees it.
    begin({Target::Kind::Phase, id}, QString::fromStdString(m->phase(id)->name), header->shownNameSceneRect(),
          kPhaseNamePx, true, false, true);
}

void LabelEditing::editAnnotation(const std::string& id)
{
    const Map* m = map();
    AnnotationBadgeItem* badge = m_canvas.mapScene()->badge(id);
    const Annotation* a = m ? m->annotation(id) : nullptr;
    if (!editable() || !a)
        return;
    QRectF area(0, 0, 260, 24);
    if (badge) {
        const QRectF b = badge->mapRectToScene(QRectF(0, 0, badge->width(), AnnotationBadgeItem::kHeight));
        area.moveTopLeft(QPointF(b.left(), b.bottom() + 4));
    } else {
        // Its kind is hidden: edit it where the view is, rather than not at all.
        area.moveCenter(m_canvas.mapToScene(m_canvas.viewport()->rect().center()));
    }
    begin({Target::Kind::Annotation, a->id}, QString::fromStdString(a->text), area, kFlowLabelPx, false, true, false);
}

void LabelEditing::newStickyNote(const std::string& stepId)
{
    const Map* m = map();
    if (!editable() || !m || !m->step(stepId))
        return;
    const QRectF area = m_canvas.mapScene()->nextNoteRect(stepId);
    begin({Target::Kind::NewStickyNote, stepId}, QString(), area, StickyNoteItem::kTextPx, false, true, false);
}

void LabelEditing::editStickyNote(const std::string& noteId)
{
    const Map* m = map();
    const StickyNote* note = m ? m->stickyNote(noteId) : nullptr;
    StickyNoteItem* item = m_canvas.mapScene()->stickyNoteItem(noteId);
    if (!editable() || !note || !item)
        return;
    const QRectF area = item->mapRectToScene(QRectF(0, 0, StickyNoteItem::kWidth, item->height()));
    begin({Target::Kind::StickyNote, note->id}, QString::fromStdString(note->text), area, StickyNoteItem::kTextPx,
          false, true, false);
}

void LabelEditing::setTargetEditing(const Target& target, bool editing)
{
    MapScene* scene = m_canvas.mapScene();
    switch (target.kind) {
    case Target::Kind::Step:
        if (StepItem* item = scene->stepItem(target.id))
            item->setEditing(editing);
        break;
    case Target::Kind::Flow:
        if (FlowItem* item = scene->flowItem(target.id))
            item->setEditing(editing);
        break;
    case Target::Kind::Lane:
        if (LaneHeaderItem* item = scene->laneHeader(target.id))
            item->setEditing(editing);
        break;
    case Target::Kind::Phase:
        if (PhaseHeaderItem* item = scene->phaseHeader(target.id))
            item->setEditing(editing);
        break;
    case Target::Kind::Annotation:
        break; // the badge stays in view: the editor opens under it
    case Target::Kind::NewStickyNote:
        break;
    case Target::Kind::StickyNote:
        if (StickyNoteItem* item = scene->stickyNoteItem(target.id))
            item->setEditing(editing);
        break;
    }
}

void LabelEditing::begin(Target target, const QString& text, const QRectF& area, int pixelSize, bool bold,
                         bool multiLine, bool centred)
{
    finish(true);
    MapScene* scene = m_canvas.mapScene();
    m_editor = new LabelEditor(text, area, pixelFont(pixelSize, bold), multiLine, centred);
    m_target = std::move(target);
    scene->addItem(m_editor);
    setTargetEditing(m_target, true);
    connect(m_editor, &LabelEditor::commitRequested, this, [this] { finish(true); });
    connect(m_editor, &LabelEditor::cancelRequested, this, [this] { finish(false); });
    m_editor->selectAllText();
    m_canvas.setFocus(Qt::OtherFocusReason);
    scene->setFocusItem(m_editor, Qt::OtherFocusReason);
    // The lane headers stay at the view's left and the phase headers at its top whatever the
    // scroll, so an editor on one is only ever brought into view the other way; scrolling the
    // sticky way would move the header and leave the editor behind, over the map.
    QRectF shown = m_editor->sceneBoundingRect();
    const QRectF visible = m_canvas.mapToScene(m_canvas.viewport()->rect()).boundingRect();
    if (m_target.kind == Target::Kind::Lane)
        shown.moveLeft(visible.center().x());
    else if (m_target.kind == Target::Kind::Phase) // its middle: the part in view is in view already
        shown = QRectF(shown.center().x() - 1, visible.center().y(), 2, shown.height());
    m_canvas.reveal(shown);
}

// ----- closing ---------------------------------------------------------------------------------

void LabelEditing::finish(bool commit)
{
    if (!m_editor || m_finishing)
        return;
    m_finishing = true;
    LabelEditor* editor = m_editor;
    m_editor = nullptr;
    const Target target = m_target;
    const QString text = editor->text().trimmed();
    setTargetEditing(target, false);
    editor->clearFocus();
    editor->hide();
    editor->deleteLater(); // we may be inside one of its own key handlers

    const bool justAdded = target.kind == Target::Kind::Step && !m_newStep.empty() && m_newStep == target.id;
    m_newStep.clear();
    if (justAdded && !commit && map() && map()->step(target.id) && editable()) {
        // Esc on a step just added: it was a slip of the key; take it (and its flow) away.
        if (MapDocument* doc = m_canvas.document(); doc && doc->undoStack()->canUndo())
            doc->undoStack()->undo();
    } else if (commit && map()) {
        // Committed even when the store turned read-only meanwhile (a network library gone
        // offline while the person typed): the store refuses it and the window says so, rather
        // than the typed text vanishing without a word.
        m_amendNext = justAdded;
        MapDocument* doc = m_canvas.document();
        if (doc)
            doc->setTypedText(text); // kept on the clipboard should the store refuse it
        this->commit(target, text.toStdString());
        if (doc)
            doc->setTypedText({});
        m_amendNext = false;
    }
    m_finishing = false;
}

void LabelEditing::commit(const Target& target, const std::string& value)
{
    const Map* m = map();
    MapDocument* doc = m_canvas.document();
    switch (target.kind) {
    case Target::Kind::Step:
        if (const Step* s = m->step(target.id); s && s->label != value) {
            Step changed = *s;
            changed.label = value;
            // The step grows to show the whole label; growing may need room from others.
            const Batch edit = gestures::withRoomToFit(*m, "Edit label", {UpdateStep{labelfit::grownToShowLabel(changed)}});
            if (m_amendNext)
                doc->amendLast(edit);
            else
                doc->push(edit, QStringLiteral("Edit label"));
        }
        break;
    case Target::Kind::Flow:
        if (const Flow* f = m->flow(target.id); f && f->label != value)
            doc->push(RelabelFlow{target.id, value}, QStringLiteral("Edit flow label"));
        break;
    case Target::Kind::Lane:
        if (const Lane* l = m->lane(target.id); l && !value.empty() && l->name != value)
            doc->push(RenameLane{target.id, value}, QStringLiteral("Rename lane"));
        break;
    case Target::Kind::Phase:
        if (const Phase* p = m->phase(target.id); p && !value.empty() && p->name != value)
            doc->push(RenamePhase{target.id, value}, QStringLiteral("Rename phase"));
        break;
    case Target::Kind::Annotation:
        if (const Annotation* a = m->annotation(target.id); a && a->text != value) {
            Annotation changed = *a;
            changed.text = value;
            doc->push(UpdateAnnotation{changed}, QStringLiteral("Edit annotation text"));
        }
        break;
    case Target::Kind::NewStickyNote:
    case Target::Kind::StickyNote:
        commitStickyNote(target, value);
        break;
    }
}

void LabelEditing::commitStickyNote(const Target& target, const std::string& text)
{
    const Map* m = map();
    MapDocument* doc = m_canvas.document();
    if (!m)
        return;
    if (target.kind == Target::Kind::NewStickyNote) {
        if (text.empty() || !m->step(target.id))
            return; // nothing typed: no note
        StickyNote note;
        note.id = newId("n-");
        note.step = target.id;
        note.text = text;
        doc->push(AddStickyNote{note, std::nullopt}, MapCanvas::tr("Add sticky note"));
        return;
    }
    const StickyNote* note = m->stickyNote(target.id);
    if (!note || note->text == text)
        return;
    if (text.empty()) {
        doc->push(RemoveStickyNote{note->id}, MapCanvas::tr("Delete sticky note"));
        return;
    }
    StickyNote changed = *note;
    changed.text = text;
    doc->push(UpdateStickyNote{changed}, MapCanvas::tr("Edit sticky note"));
}

} // namespace crosswalk
