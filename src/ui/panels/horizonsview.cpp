#include "ui/panels/horizonsview.h"

#include "crosswalk/insights/annotationnumbers.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationglyph.h"
#include "ui/common/annotationtext.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace crosswalk {
namespace {

constexpr int IdRole = Qt::UserRole;

/// A horizon's list: drags carry the annotation id, and a drop asks the view to move the
/// idea here. The drop reports a copy so that the source list does not delete its item:
/// the lists are rebuilt from the map after the edit anyway.
class IdeaList final : public QListWidget {
  public:
    using QListWidget::QListWidget;
    std::function<void(const QString&)> onDrop;

  protected:
    QStringList mimeTypes() const override { return {QString::fromLatin1(HorizonsView::kMimeType)}; }
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override
    {
        if (items.isEmpty())
            return nullptr;
        auto* mime = new QMimeData;
        mime->setData(QString::fromLatin1(HorizonsView::kMimeType), items.front()->data(IdRole).toString().toUtf8());
        mime->setText(items.front()->text());
        return mime;
    }
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction | Qt::CopyAction; }
    void dragEnterEvent(QDragEnterEvent* event) override
    {
        if (event->mimeData()->hasFormat(QString::fromLatin1(HorizonsView::kMimeType)))
            event->acceptProposedAction();
        else
            event->ignore();
    }
    void dragMoveEvent(QDragMoveEvent* event) override
    {
        if (event->mimeData()->hasFormat(QString::fromLatin1(HorizonsView::kMimeType)))
            event->acceptProposedAction();
        else
            event->ignore();
    }
    void dropEvent(QDropEvent* event) override
    {
        const QByteArray id = event->mimeData()->data(QString::fromLatin1(HorizonsView::kMimeType));
        if (id.isEmpty() || !onDrop) {
            event->ignore();
            return;
        }
        event->setDropAction(Qt::CopyAction);
        event->accept();
        onDrop(QString::fromUtf8(id));
    }
};

QString horizonTitle(int horizon)
{
    switch (horizon) {
    case 1:
        return HorizonsView::tr("Horizon 1: inside today's system, this year");
    case 2:
        return HorizonsView::tr("Horizon 2: redesign a part of the system");
    case 3:
        return HorizonsView::tr("Horizon 3: transform the system");
    default:
        return HorizonsView::tr("Not yet on a horizon");
    }
}

} // namespace

HorizonsView::HorizonsView(QWidget* parent) : QWidget(parent)
{
    auto* columns = new QHBoxLayout;
    columns->setSpacing(8);
    for (int h = 0; h <= 3; ++h) {
        auto* column = new QWidget(this);
        auto* box = new QVBoxLayout(column);
        box->setContentsMargins(0, 0, 0, 0);
        auto* title = new QLabel(column);
        title->setWordWrap(true);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        auto* list = new IdeaList(column);
        list->setDragEnabled(true);
        list->setAcceptDrops(true);
        list->setDropIndicatorShown(true);
        list->setDragDropMode(QAbstractItemView::DragDrop);
        list->setDefaultDropAction(Qt::MoveAction);
        list->setSelectionMode(QAbstractItemView::SingleSelection);
        list->setWordWrap(true);
        list->setIconSize(QSize(24, 24));
        list->setSpacing(2);
        list->setTextElideMode(Qt::ElideNone);
        list->setAccessibleName(horizonTitle(h));
        list->onDrop = [this, h](const QString& id) {
            if (h > 0)
                moveIdea(id, h);
        };
        list->installEventFilter(this);
        connect(list, &QListWidget::currentItemChanged, this, [this, list](QListWidgetItem* item) {
            if (m_loading || !item)
                return;
            // One idea is selected across the columns.
            m_loading = true;
            for (QListWidget* other : m_lists)
                if (other != list)
                    other->clearSelection();
            m_loading = false;
            updateButtons();
            const QString id = item->data(IdRole).toString();
            if (m_document)
                if (const Annotation* a = m_document->map().annotation(id.toStdString())) {
                    emit annotationActivated(id);
                    emit targetActivated(toQString(a->target));
                }
        });
        connect(list, &QListWidget::itemSelectionChanged, this, [this] { updateButtons(); });
        // Enter or double-click on the selected idea centres the canvas on it again.
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
            const QString id = item->data(IdRole).toString();
            if (m_document)
                if (const Annotation* a = m_document->map().annotation(id.toStdString())) {
                    emit annotationActivated(id);
                    emit targetActivated(toQString(a->target));
                }
        });
        title->setBuddy(list);
        box->addWidget(title);
        box->addWidget(list, 1);
        m_titles[static_cast<std::size_t>(h)] = title;
        m_lists[static_cast<std::size_t>(h)] = list;
        if (h == 0)
            m_unplacedColumn = column;
        columns->addWidget(column, 1);
    }

    m_earlier = new QPushButton(tr("\u2190 &Earlier horizon"), this);
    m_earlier->setToolTip(tr("Move the selected change idea one horizon earlier (Ctrl+Left)"));
    m_later = new QPushButton(tr("&Later horizon \u2192"), this);
    m_later->setToolTip(tr("Move the selected change idea one horizon later (Ctrl+Right)"));
    connect(m_earlier, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_later, &QPushButton::clicked, this, [this] { moveCurrent(+1); });
    auto* hint = new QLabel(tr("Drag an idea to another horizon, or press 1, 2 or 3."), this);
    hint->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_earlier);
    buttons->addWidget(m_later);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(columns, 1);
    layout->addLayout(buttons);
    refresh();
}

void HorizonsView::setDocument(MapDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &MapDocument::changed, this, [this] { refresh(); });
    refresh();
}

QListWidget* HorizonsView::list(int horizon) const
{
    return horizon >= 0 && horizon <= 3 ? m_lists[static_cast<std::size_t>(horizon)] : nullptr;
}

QStringList HorizonsView::ideasOn(int horizon) const
{
    QStringList ids;
    if (QListWidget* l = list(horizon))
        for (int i = 0; i < l->count(); ++i)
            ids << l->item(i)->data(IdRole).toString();
    return ids;
}

QString HorizonsView::currentIdea() const
{
    for (QListWidget* l : m_lists)
        if (!l->selectedItems().isEmpty())
            return l->selectedItems().front()->data(IdRole).toString();
    return {};
}

bool HorizonsView::moveIdea(const QString& annotationId, int horizon)
{
    if (!m_document || m_document->readOnly() || horizon < 1 || horizon > 3)
        return false;
    const Annotation* current = m_document->map().annotation(annotationId.toStdString());
    if (!current || current->kind != AnnotationKind::ChangeIdea || current->horizon == horizon)
        return false;
    Annotation moved = *current;
    moved.horizon = horizon;
    if (!m_document->push(UpdateAnnotation{moved}, tr("Move change idea to horizon %1").arg(horizon)))
        return false;
    // Follow the idea, so that a keyboard user can keep moving it.
    selectIdea(annotationId);
    m_lists[static_cast<std::size_t>(horizon)]->setFocus();
    return true;
}

void HorizonsView::moveCurrent(int delta)
{
    const QString id = currentIdea();
    if (id.isEmpty() || !m_document)
        return;
    const Annotation* a = m_document->map().annotation(id.toStdString());
    if (!a)
        return;
    // An idea not yet on a horizon goes to the first one it is moved towards.
    const int from = a->horizon.value_or(delta > 0 ? 0 : 4);
    moveIdea(id, std::clamp(from + delta, 1, 3));
}

void HorizonsView::selectIdea(const QString& annotationId)
{
    for (QListWidget* l : m_lists)
        for (int i = 0; i < l->count(); ++i)
            if (l->item(i)->data(IdRole).toString() == annotationId) {
                l->setCurrentRow(i);
                l->scrollToItem(l->item(i));
                return;
            }
}

bool HorizonsView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && std::find(m_lists.begin(), m_lists.end(), watched) != m_lists.end()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool ctrl = key->modifiers() & Qt::ControlModifier;
        if (ctrl && key->key() == Qt::Key_Left) {
            moveCurrent(-1);
            return true;
        }
        if (ctrl && key->key() == Qt::Key_Right) {
            moveCurrent(+1);
            return true;
        }
        if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_3 && !ctrl) {
            moveIdea(currentIdea(), key->key() - Qt::Key_0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HorizonsView::refresh()
{
    m_loading = true;
    const QString selected = currentIdea();
    for (QListWidget* l : m_lists)
        l->clear();
    std::array<int, 4> counts{};
    const Map* map = m_document ? &m_document->map() : nullptr;
    const bool editable = m_document && !m_document->readOnly();
    if (map) {
        for (const auto& [id, number] : annotationNumbers(*map)) {
            const Annotation* a = map->annotation(id);
            if (!a || a->kind != AnnotationKind::ChangeIdea)
                continue;
            const int h = a->horizon && *a->horizon >= 1 && *a->horizon <= 3 ? *a->horizon : 0;
            counts[static_cast<std::size_t>(h)] += 1;
            const QString text = a->text.empty() ? tr("(no text)") : toQString(a->text);
            auto* item = new QListWidgetItem(
                annotationIcon(*a),
                tr("%1. %2\n      on %3").arg(number).arg(text, annotationTargetText(*map, a->target)));
            item->setData(IdRole, toQString(a->id));
            item->setToolTip(tr("Change idea %1: %2").arg(number).arg(text));
            Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
            if (editable)
                flags |= Qt::ItemIsDragEnabled;
            item->setFlags(flags);
            m_lists[static_cast<std::size_t>(h)]->addItem(item);
        }
    }
    for (int h = 0; h <= 3; ++h) {
        m_titles[static_cast<std::size_t>(h)]->setText(
            tr("%1 (%2)").arg(horizonTitle(h)).arg(counts[static_cast<std::size_t>(h)]));
        m_lists[static_cast<std::size_t>(h)]->setAcceptDrops(editable && h > 0);
    }
    // Ideas without a horizon are rare; their column appears only when there are some.
    m_unplacedColumn->setVisible(counts[0] > 0);
    m_loading = false;
    if (!selected.isEmpty()) {
        m_loading = true;
        selectIdea(selected);
        m_loading = false;
    }
    updateButtons();
}

void HorizonsView::updateButtons()
{
    const bool editable = m_document && !m_document->readOnly();
    const QString id = currentIdea();
    const Annotation* a = (m_document && !id.isEmpty()) ? m_document->map().annotation(id.toStdString()) : nullptr;
    const int h = a && a->horizon ? *a->horizon : 0;
    m_earlier->setEnabled(editable && a && h != 1);
    m_later->setEnabled(editable && a && h != 3);
}

} // namespace crosswalk
