// MapCanvas: annotations, numbered badges on their targets, added, selected, edited and
// deleted in place; and the steps the panels highlight.

#include "ui/common/strings.h"
#include "ui/canvas/mapcanvas.h"

#include "crosswalk/interact/gestures.h"
#include "crosswalk/layout/layout.h"
#include "ui/canvas/annotationbadgeitem.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/labelediting.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"

#include <QScrollBar>

#include <set>

namespace crosswalk {

namespace {

} // namespace

// ----- annotations ----------------------------------------------------------------------------

void MapCanvas::clickBadge(const AnnotationBadgeItem& badge)
{
    const std::string id = badge.annotationId();
    const Map* m = map();
    const Annotation* a = m ? m->annotation(id) : nullptr;
    if (!a)
        return;
    // The target is selected too, so that the next keyboard command acts where the badge is.
    const std::string target = a->target;
    if (m->step(target)) {
        if (StepItem* item = m_scene->stepItem(target); item && !item->isSelected())
            selectOnly(target);
    } else if (FlowItem* flow = m_scene->flowItem(target)) {
        {
            const QSignalBlocker blocker(m_scene);
            m_scene->clearSelection();
            flow->setSelected(true);
        }
        emit selectionChanged();
    } else {
        m_scene->clearSelection();
    }
    m_scene->setCurrentAnnotation(id);
    emit annotationSelected(QString::fromStdString(id));
}

void MapCanvas::selectAnnotation(const QString& id)
{
    const Map* m = map();
    const Annotation* a = m ? m->annotation(toStd(id)) : nullptr;
    if (!a) {
        m_scene->setCurrentAnnotation({});
        return;
    }
    if (!(m_editing->isEditing() && m_editing->target().kind == LabelEditing::Target::Kind::Annotation &&
          m_editing->target().id == a->id))
        finishEditing(true);
    const std::string target = a->target;
    m_scene->setCurrentAnnotation(a->id);
    if (m->step(target)) {
        selectStep(QString::fromStdString(target), true);
    } else if (FlowItem* flow = m_scene->flowItem(target)) {
        {
            const QSignalBlocker blocker(m_scene);
            m_scene->clearSelection();
            flow->setSelected(true);
        }
        emit selectionChanged();
        centerOn(flow->labelAnchor());
    } else {
        m_scene->clearSelection();
        if (m->lane(target)) {
            // The lane's header stays at the left edge; bring the lane's band to the middle.
            const qreal top = layout::laneTop(*m, target);
            const QPointF centre = mapToScene(viewport()->rect().center());
            centerOn(QPointF(centre.x(), top + m->lane(target)->height / 2.0));
        }
    }
    updateSticky();
}

QString MapCanvas::currentAnnotation() const
{
    return QString::fromStdString(m_scene->currentAnnotation());
}

void MapCanvas::addAnnotation(AnnotationKind kind, std::optional<Variation> variation, std::optional<int> horizon)
{
    if (!editable())
        return;
    finishEditing(true);
    std::vector<std::string> targets = m_scene->selectedStepIds();
    if (targets.empty())
        targets = m_scene->selectedFlowIds();
    if (targets.empty())
        targets = {std::string()}; // nothing selected: the whole map
    addAnnotationTo(targets, kind, variation, horizon);
}

void MapCanvas::addAnnotationTo(const std::vector<std::string>& targets, AnnotationKind kind,
                                std::optional<Variation> variation, std::optional<int> horizon)
{
    if (!editable() || targets.empty())
        return;
    finishEditing(true);
    std::vector<std::string> ids;
    std::vector<Edit> edits = gestures::annotate(targets, kind, variation, horizon, &ids);
    const QString what = toQString(displayName(kind));
    const QString name = tr("Add %1").arg(what.toLower());
    const Edit edit = edits.size() == 1 ? edits.front() : Edit(Batch{name.toStdString(), std::move(edits)});
    if (!m_document->push(edit, name))
        return;
    m_scene->setCurrentAnnotation(ids.front());
    // Several targets share what the team says about them: the text goes on the first; the
    // others are edited from their own badges.
    editAnnotationText(QString::fromStdString(ids.front()));
}

void MapCanvas::editAnnotationText(const QString& id)
{
    m_editing->editAnnotation(toStd(id));
}

void MapCanvas::updateAnnotation(const Annotation& changed, const QString& text)
{
    const Map* m = map();
    if (!editable() || !m)
        return;
    if (const Annotation* a = m->annotation(changed.id); a && !(*a == changed))
        m_document->push(UpdateAnnotation{changed}, text);
}

void MapCanvas::deleteAnnotation(const QString& id)
{
    if (!editable() || !map()->annotation(toStd(id)))
        return;
    finishEditing(true);
    if (m_scene->currentAnnotation() == toStd(id))
        m_scene->setCurrentAnnotation({});
    m_document->push(RemoveAnnotation{toStd(id)}, tr("Delete annotation"));
}

void MapCanvas::setHiddenAnnotationKinds(const QSet<AnnotationKind>& kinds)
{
    m_scene->setHiddenAnnotationKinds(kinds);
}

QSet<AnnotationKind> MapCanvas::hiddenAnnotationKinds() const
{
    return m_scene->hiddenAnnotationKinds();
}

void MapCanvas::highlightSteps(const QStringList& ids)
{
    std::set<std::string> set;
    for (const QString& id : ids)
        set.insert(toStd(id));
    m_scene->setHighlightedSteps(set);
}

QStringList MapCanvas::highlightedSteps() const
{
    QStringList out;
    for (const std::string& id : m_scene->highlightedSteps())
        out << QString::fromStdString(id);
    return out;
}

} // namespace crosswalk
