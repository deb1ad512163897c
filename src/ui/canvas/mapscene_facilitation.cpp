// MapScene: the facilitation layer, sticky notes below their steps and vote dots on them.

#include "ui/canvas/mapscene.h"

#include "ui/canvas/annotationbadgeitem.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h"

#include <algorithm>
#include <set>

namespace crosswalk {
namespace {

// Notes hang just below the step, clear of its label (centred in the step) and of the middle
// of its bottom edge, where the connection handle is and flows from below arrive: the first
// note to the right of the middle, the second to the left, the next ones further out in turn.
// A one-line note under a step at the usual place stays inside the lane.
constexpr qreal kNoteDrop = 8;                                   // below the step's bottom edge
constexpr qreal kNoteCentreGap = canvasstyle::kHandleRadius + 6; // either side of the middle
constexpr qreal kNoteGap = 6;                                    // between notes side by side
constexpr qreal kDotsInset = 8; // vote dots from the step's left edge, straddling its top edge

QPointF notePos(const QSizeF& stepSize, int index)
{
    const qreal stride = StickyNoteItem::kWidth + kNoteGap;
    const qreal middle = stepSize.width() / 2;
    const int out = index / 2;
    const qreal x = index % 2 == 0 ? middle + kNoteCentreGap + out * stride
                                   : middle - kNoteCentreGap - StickyNoteItem::kWidth - out * stride;
    return QPointF(x, stepSize.height() + kNoteDrop);
}

template <typename Item>
void dropDead(std::unordered_map<std::string, QPointer<Item>>& items, const std::set<std::string>& alive)
{
    for (auto it = items.begin(); it != items.end();) {
        if (!alive.count(it->first) || it->second.isNull()) {
            delete it->second.data();
            it = items.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace

StickyNoteItem* MapScene::stickyNoteItem(const std::string& noteId) const
{
    auto it = m_notes.find(noteId);
    return it == m_notes.end() ? nullptr : it->second.data();
}

std::size_t MapScene::stickyNoteItemCount() const
{
    return static_cast<std::size_t>(
        std::count_if(m_notes.begin(), m_notes.end(), [](const auto& entry) { return !entry.second.isNull(); }));
}

VoteDotsItem* MapScene::voteDots(const std::string& stepId) const
{
    auto it = m_voteDots.find(stepId);
    return it == m_voteDots.end() ? nullptr : it->second.data();
}

StickyNoteItem* MapScene::stickyNoteAt(const QPointF& pos) const
{
    // Only the topmost item: a note scrolled under a sticky header is not there to click.
    const auto hits = items(pos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    if (!hits.isEmpty() && hits.first()->type() == StickyNoteItem::Type)
        return static_cast<StickyNoteItem*>(hits.first());
    return nullptr;
}

QRectF MapScene::nextNoteRect(const std::string& stepId) const
{
    const Map* m = map();
    StepItem* step = stepItem(stepId);
    if (!m || !step)
        return {};
    const int index = static_cast<int>(m->notesOn(stepId).size());
    const QRectF rect = step->sceneRectOfStep();
    return QRectF(rect.topLeft() + notePos(rect.size(), index),
                  QSizeF(StickyNoteItem::kWidth, StickyNoteItem::heightFor({})));
}

void MapScene::updateFacilitation()
{
    const Map* m = map();
    if (!m) {
        removeAllFacilitation();
        return;
    }
    std::set<std::string> aliveNotes;
    std::unordered_map<std::string, int> perStep;
    for (const StickyNote& note : m->stickyNotes) {
        StepItem* step = stepItem(note.step);
        if (!step)
            continue;
        QPointer<StickyNoteItem>& slot = m_notes[note.id];
        if (slot && slot->parentItem() != step) { // moved to another step
            delete slot.data();
            slot = nullptr;
        }
        if (!slot)
            slot = new StickyNoteItem(step);
        slot->setNote(note);
        slot->setPos(notePos(step->sceneRectOfStep().size(), perStep[note.step]++));
        aliveNotes.insert(note.id);
    }
    dropDead(m_notes, aliveNotes);

    std::set<std::string> aliveDots;
    for (const auto& [stepId, count] : m->votes) {
        StepItem* step = stepItem(stepId);
        if (!step || count <= 0)
            continue;
        QPointer<VoteDotsItem>& slot = m_voteDots[stepId];
        if (slot && slot->parentItem() != step) {
            delete slot.data();
            slot = nullptr;
        }
        if (!slot)
            slot = new VoteDotsItem(step);
        // The dots stop short of the connection handle in the middle of the top edge and of
        // the annotation badges on the same edge (from the right); more votes than fit there
        // read as one dot with the count.
        qreal room = step->sceneRectOfStep().width() / 2 - canvasstyle::kHandleRadius - 2 - kDotsInset;
        for (QGraphicsItem* child : step->childItems())
            if (child->type() == AnnotationBadgeItem::Type && child->isVisible() && child->y() <= 0)
                room = std::min(room, child->x() - kDotsInset - 6);
        slot->setCount(count, room);
        slot->setPos(kDotsInset, -slot->height() / 2);
        aliveDots.insert(stepId);
    }
    dropDead(m_voteDots, aliveDots);
}

void MapScene::removeAllFacilitation()
{
    for (auto& [id, item] : m_notes)
        delete item.data();
    for (auto& [id, item] : m_voteDots)
        delete item.data();
    m_notes.clear();
    m_voteDots.clear();
}

} // namespace crosswalk
