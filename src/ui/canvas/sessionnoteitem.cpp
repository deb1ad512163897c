#include "ui/canvas/sessionnoteitem.h"

#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h" // MapScene::document() holds it by QPointer

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace crosswalk {
namespace {

// The session's blue (Okabe-Ito), apart from the selection blue and the notes' yellow.
QColor sessionBlue()
{
    return QColor(0x00, 0x72, 0xB2);
}

constexpr qreal kFrame = 3; // the dashed frame, outside the paper and the tab

// Below a step as the map's notes hang (mapscene_facilitation.cpp): alternately right and
// left of the middle of its bottom edge, further out in turn; index counts the map's notes too.
constexpr qreal kNoteDrop = 8;
constexpr qreal kNoteCentreGap = canvasstyle::kHandleRadius + 6;
constexpr qreal kNoteGap = 6;
constexpr qreal kColumnGap = 40; // the whole-map notes' column, right of the map

QPointF noteOffset(const QSizeF& stepSize, int index)
{
    const qreal stride = SessionNoteItem::width() + kNoteGap;
    const qreal middle = stepSize.width() / 2;
    const int out = index / 2;
    const qreal x = index % 2 == 0 ? middle + kNoteCentreGap + out * stride
                                   : middle - kNoteCentreGap - SessionNoteItem::width() - out * stride;
    return QPointF(x, stepSize.height() + kNoteDrop + kFrame);
}

} // namespace

SessionNoteItem::SessionNoteItem(QGraphicsItem* parent) : QGraphicsObject(parent)
{
    setZValue(6);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(true);
    m_paper = new StickyNoteItem(this);
    m_paper->setAcceptedMouseButtons(Qt::NoButton);
    m_paper->setPos(0, kTab);
}

qreal SessionNoteItem::width()
{
    return StickyNoteItem::kWidth;
}

qreal SessionNoteItem::height() const
{
    return m_tabHeight + m_paper->height();
}

void SessionNoteItem::setNote(const SessionNote& note, const QString& author)
{
    prepareGeometryChange();
    m_note = note;
    StickyNote paper;
    paper.id = note.id;
    paper.step = note.stepId;
    paper.text = note.text;
    paper.color = note.color;
    m_paper->setNote(paper);
    m_tab = author.isEmpty() ? tr("Session") : tr("Session \u00B7 %1").arg(author);
    const QRectF text = QFontMetricsF(pixelFont(kTabPx, true))
                            .boundingRect(QRectF(0, 0, width() - 10, 1000), Qt::TextWordWrap, m_tab);
    m_tabHeight = std::max(kTab, std::ceil(text.height()) + 4);
    m_paper->setPos(0, m_tabHeight);
    setToolTip(tr("%1\n\u2014 %2 (a note of the running session)").arg(QString::fromStdString(note.text), m_tab));
    m_paper->setToolTip(toolTip());
    update();
}

QRectF SessionNoteItem::boundingRect() const
{
    return QRectF(-kFrame - 1, -kFrame - 1, width() + 2 * kFrame + 2, height() + 2 * kFrame + 2);
}

void SessionNoteItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF tab(0, 0, width(), m_tabHeight);
    painter->setPen(Qt::NoPen);
    painter->setBrush(sessionBlue());
    painter->drawRect(tab);
    painter->setPen(Qt::white);
    const QFont font = pixelFont(kTabPx, true);
    painter->setFont(font);
    painter->drawText(tab.adjusted(6, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, m_tab);
    // The frame: dashed, so that it reads apart from the map's notes in greyscale too.
    QPen frame(sessionBlue(), 2, Qt::DashLine);
    painter->setPen(frame);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(QRectF(-kFrame + 1, -kFrame + 1, width() + 2 * kFrame - 2, height() + 2 * kFrame - 2));
}

// ----- the layer -------------------------------------------------------------------------------

SessionNoteLayer::SessionNoteLayer(MapScene* scene) : QObject(scene), m_scene(scene)
{
    connect(scene, &MapScene::synced, this, &SessionNoteLayer::place);
}

SessionNoteLayer::~SessionNoteLayer()
{
    clear();
}

void SessionNoteLayer::setNotes(const std::vector<SessionNote>& notes,
                                const std::unordered_map<std::string, QString>& authors)
{
    if (notes == m_notes && authors == m_authors)
        return;
    m_notes = notes;
    m_authors = authors;
    place();
}

SessionNoteItem* SessionNoteLayer::item(const std::string& noteId) const
{
    auto it = m_items.find(noteId);
    return it == m_items.end() ? nullptr : it->second.data();
}

std::size_t SessionNoteLayer::itemCount() const
{
    std::size_t n = 0;
    for (const auto& [id, item] : m_items)
        n += item.isNull() ? 0 : 1;
    return n;
}

void SessionNoteLayer::clear()
{
    for (auto& [id, item] : m_items)
        delete item.data();
    m_items.clear();
}

void SessionNoteLayer::place()
{
    // Few notes: made again on every change, which also follows steps made anew by the scene.
    clear();
    const Map* m = m_scene ? m_scene->map() : nullptr;
    if (!m)
        return;
    std::unordered_map<std::string, int> perStep;
    for (const StickyNote& n : m->stickyNotes)
        ++perStep[n.step];
    const QRectF bounds = m_scene->mapBounds();
    qreal columnY = 0;
    for (const SessionNote& note : m_notes) {
        if (note.mapId != m->id)
            continue;
        auto author = m_authors.find(note.author);
        const QString name = author != m_authors.end() ? author->second : QString::fromStdString(note.author);
        StepItem* step = note.stepId.empty() ? nullptr : m_scene->stepItem(note.stepId);
        SessionNoteItem* item = nullptr;
        if (step) {
            item = new SessionNoteItem(step);
            item->setNote(note, name);
            item->setPos(noteOffset(step->sceneRectOfStep().size(), perStep[note.stepId]++));
        } else {
            // On the whole map (or on a step no longer there): the column right of the map.
            item = new SessionNoteItem;
            m_scene->addItem(item);
            item->setNote(note, name);
            item->setPos(bounds.right() + kColumnGap, columnY + kFrame);
            columnY += item->height() + 2 * kFrame + kNoteGap;
        }
        m_items[note.id] = item;
    }
    if (columnY > 0) {
        // The column scrolls into view like the map (the scene's rect is the map's otherwise).
        const QRectF column(bounds.right() + kColumnGap, 0, SessionNoteItem::width() + kColumnGap, columnY + kColumnGap);
        if (!m_scene->sceneRect().contains(column))
            m_scene->setSceneRect(m_scene->sceneRect().united(column));
    }
}

} // namespace crosswalk
