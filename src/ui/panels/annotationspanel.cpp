#include "ui/panels/annotationspanel.h"

#include "crosswalk/insights/annotationnumbers.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationtext.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace crosswalk {
namespace {

constexpr int IdRole = Qt::UserRole;                       // annotation id on annotation rows
constexpr int ChoiceRole = Qt::UserRole + 1;               // kindChoices() index on the kind cell
constexpr const char* kClosedProperty = "crosswalkClosed"; // a kind editor that has committed

QString choiceTooltip(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::BlackBox:
        return AnnotationsPanel::tr("A step nobody in the room can see into: a question to investigate.");
    case AnnotationKind::Harm:
        return AnnotationsPanel::tr("A point where the system can hurt principals, and through them students.");
    case AnnotationKind::Variation:
        return AnnotationsPanel::tr("Practice differs between supervisors, regions or schools.");
    case AnnotationKind::Question:
        return AnnotationsPanel::tr("Something the team wants to find out.");
    case AnnotationKind::Insight:
        return AnnotationsPanel::tr("Something the team learned from the map.");
    case AnnotationKind::ChangeIdea:
        return AnnotationsPanel::tr("Change work on horizon 1 (this year), 2 (redesign) or 3 (transform).");
    }
    return {};
}

void fillKindChoices(QComboBox* box)
{
    const auto& choices = kindChoices();
    for (int i = 0; i < static_cast<int>(choices.size()); ++i) {
        const KindChoice& c = choices[static_cast<std::size_t>(i)];
        box->addItem(annotationIcon(c.kind, c.horizon, c.variation), kindChoiceText(c), i);
        box->setItemData(i, choiceTooltip(c.kind), Qt::ToolTipRole);
    }
}

/// The glyph when the kind is shown, faded when it is hidden on the canvas.
QIcon toggleIcon(AnnotationKind kind)
{
    const QIcon shown = annotationIcon(kind);
    QIcon icon;
    for (int size : {16, 22, 24, 32, 44, 48}) {
        icon.addPixmap(shown.pixmap(size, size), QIcon::Normal, QIcon::On);
        QPixmap faded(size, size);
        faded.fill(Qt::transparent);
        QPainter painter(&faded);
        painter.setOpacity(0.25);
        painter.drawPixmap(0, 0, shown.pixmap(size, size));
        painter.end();
        icon.addPixmap(faded, QIcon::Normal, QIcon::Off);
    }
    return icon;
}

/// Edits the kind cell with the same picker as the form; the panel pushes the change.
class KindDelegate final : public QStyledItemDelegate {
  public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() != AnnotationsPanel::KindColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto* box = new QComboBox(parent);
        fillKindChoices(box);
        // Pick and commit in one gesture, as the other cells do on Return.
        connect(box, &QComboBox::activated, this, [this, box] {
            auto* self = const_cast<KindDelegate*>(this);
            box->setProperty(kClosedProperty, true);
            emit self->commitData(box);
            emit self->closeEditor(box);
        });
        return box;
    }

    /// Wrapped cells are as tall as their text at the column's width (the base class measures
    /// them on one line).
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const auto* view = qobject_cast<const QTreeView*>(parent());
        const int column = index.column();
        if (!view || (column != AnnotationsPanel::TextColumn && column != AnnotationsPanel::AffectsColumn &&
                      column != AnnotationsPanel::TargetColumn))
            return QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem wrapped(option);
        // The style wraps only within a valid rect, so it needs a height as well.
        wrapped.rect = QRect(0, 0, view->columnWidth(column), 1);
        QSize size = QStyledItemDelegate::sizeHint(wrapped, index);
        // At most three lines, so that the list still shows many annotations; the rest is
        // elided and the tooltip has the whole text.
        const int maxHeight = 3 * option.fontMetrics.lineSpacing() + 2;
        size.setHeight(std::min(size.height(), maxHeight));
        return size;
    }

  protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        // The glyph sits on the first line, with the top-aligned texts of its row.
        option->decorationAlignment = Qt::AlignHCenter | Qt::AlignTop;
    }
    bool eventFilter(QObject* object, QEvent* event) override
    {
        // Once a pick has committed and closed the editor, its focus-out must not commit again.
        if (event->type() == QEvent::FocusOut && object->property(kClosedProperty).toBool())
            return false;
        return QStyledItemDelegate::eventFilter(object, event);
    }

  public:
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* box = qobject_cast<QComboBox*>(editor); box && index.column() == AnnotationsPanel::KindColumn) {
            box->setCurrentIndex(index.data(ChoiceRole).toInt());
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto* box = qobject_cast<QComboBox*>(editor); box && index.column() == AnnotationsPanel::KindColumn) {
            model->setData(index, box->currentIndex(), ChoiceRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

AnnotationsPanel::AnnotationsPanel(QWidget* parent) : QWidget(parent)
{
    // Visibility toggles, one per kind, each with its count: the legend of the kinds in use.
    auto* toggles = new QHBoxLayout;
    toggles->setSpacing(2);
    for (AnnotationKind kind : kAllAnnotationKinds) {
        auto* button = new QToolButton(this);
        button->setCheckable(true);
        button->setChecked(true);
        button->setAutoRaise(true);
        button->setIcon(toggleIcon(kind));
        button->setIconSize(QSize(22, 22));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAccessibleName(toQString(displayName(kind)));
        connect(button, &QToolButton::toggled, this, [this, kind](bool shown) { setKindHidden(kind, !shown); });
        m_visibility.insert(kind, button);
        toggles->addWidget(button);
    }
    toggles->addStretch(1);

    m_grouping = new QComboBox(this);
    m_grouping->addItem(tr("No grouping"), static_cast<int>(Grouping::None));
    m_grouping->addItem(tr("By kind"), static_cast<int>(Grouping::Kind));
    m_grouping->addItem(tr("By lane"), static_cast<int>(Grouping::Lane));
    m_grouping->addItem(tr("By phase"), static_cast<int>(Grouping::Phase));
    m_grouping->addItem(tr("By horizon"), static_cast<int>(Grouping::Horizon));
    m_kindFilter = new QComboBox(this);
    m_kindFilter->addItem(tr("All kinds"), -1);
    for (AnnotationKind kind : kAllAnnotationKinds)
        m_kindFilter->addItem(annotationIcon(kind), toQString(displayName(kind)), static_cast<int>(kind));
    m_horizonFilter = new QComboBox(this);
    m_horizonFilter->addItem(tr("All horizons"), 0);
    for (int h = 1; h <= 3; ++h)
        m_horizonFilter->addItem(annotationIcon(AnnotationKind::ChangeIdea, h), tr("Horizon %1").arg(h), h);
    m_laneFilter = new QComboBox(this);
    m_phaseFilter = new QComboBox(this);
    for (QComboBox* box : {m_grouping, m_kindFilter, m_horizonFilter, m_laneFilter, m_phaseFilter}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_loading)
                refresh();
        });
    }
    auto* filters = new QGridLayout;
    filters->setHorizontalSpacing(6);
    auto addFilter = [this, filters](int row, int col, const QString& text, QComboBox* box) {
        auto* label = new QLabel(text, this);
        label->setBuddy(box);
        filters->addWidget(label, row, col * 2, Qt::AlignRight);
        filters->addWidget(box, row, col * 2 + 1);
        filters->setColumnStretch(col * 2 + 1, 1);
    };
    // Two filters a row, so that the panel fits the dock's default width beside the map.
    addFilter(0, 0, tr("&Group:"), m_grouping);
    addFilter(0, 1, tr("K&ind:"), m_kindFilter);
    addFilter(1, 0, tr("&Lane:"), m_laneFilter);
    addFilter(1, 1, tr("P&hase:"), m_phaseFilter);
    addFilter(2, 0, tr("Hori&zon:"), m_horizonFilter);

    m_list = new QTreeWidget(this);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("#"), tr("Kind"), tr("Text"), tr("Affects"), tr("On")});
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setItemDelegate(new KindDelegate(m_list));
    m_list->setIconSize(QSize(20, 20));
    // Whole texts, wrapped: what the team wrote is the point of the list.
    m_list->setUniformRowHeights(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NumberColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(AffectsColumn, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(TargetColumn, QHeaderView::Interactive);
    m_list->setColumnWidth(AffectsColumn, kAffectsWidth);
    m_list->setColumnWidth(TargetColumn, kTargetWidth);
    m_list->installEventFilter(this);
    // Tree views keep row heights from when rows were added; wrapped texts need them
    // measured again when a column's width changes (the dock was resized).
    auto* relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    connect(relayout, &QTimer::timeout, m_list, &QTreeWidget::doItemsLayout);
    connect(m_list->header(), &QHeaderView::sectionResized, relayout, qOverload<>(&QTimer::start));
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (m_loading)
            return;
        // The edit rebuilds the list; let the view finish closing its editor on this item first.
        const QString id = item->data(0, IdRole).toString();
        const QString text = item->text(column);
        const int choice = item->data(KindColumn, ChoiceRole).toInt();
        QTimer::singleShot(0, this, [this, id, text, choice, column] {
            if (QTreeWidgetItem* current = itemFor(id.toStdString())) {
                m_loading = true;
                current->setText(column, text);
                current->setData(KindColumn, ChoiceRole, choice);
                m_loading = false;
                commitItem(current, column);
            }
        });
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (m_loading || !item || !m_document)
            return;
        const QString id = item->data(0, IdRole).toString();
        if (const Annotation* a = m_document->map().annotation(id.toStdString())) {
            emit annotationActivated(id);
            emit targetActivated(toQString(a->target));
        }
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_deleteButton->setEnabled(m_document && !m_document->readOnly() && !selectedAnnotationIds().isEmpty());
    });

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    m_deleteButton = new QPushButton(tr("&Delete"), this);
    m_deleteButton->setToolTip(tr("Delete the selected annotations (Delete); undo brings them back"));
    connect(m_deleteButton, &QPushButton::clicked, this, &AnnotationsPanel::removeSelected);
    auto* editButton = new QPushButton(tr("&Edit text"), this);
    editButton->setToolTip(tr("Edit the selected annotation's text (F2); double-click a cell to edit it"));
    connect(editButton, &QPushButton::clicked, this, &AnnotationsPanel::editCurrent);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_summary, 1);
    listButtons->addWidget(editButton);
    listButtons->addWidget(m_deleteButton);

    auto* showLabel = new QLabel(tr("Show on map:"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(showLabel);
    layout->addLayout(toggles);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addLayout(listButtons);
    layout->addWidget(m_form = buildForm());
    refresh();
}

QWidget* AnnotationsPanel::buildForm()
{
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 6, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight);
    auto* heading = new QLabel(tr("Add an annotation"), box);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    form->addRow(heading);

    m_newKind = new QComboBox(box);
    fillKindChoices(m_newKind);
    m_newKind->setIconSize(QSize(20, 20));
    m_newTarget = new QComboBox(box);
    m_newText = new QLineEdit(box);
    m_newText->setPlaceholderText(tr("What the team sees, asks or proposes"));
    m_newAffects = new QLineEdit(box);
    m_newAffects->setPlaceholderText(tr("Who is affected (optional)"));
    m_addButton = new QPushButton(tr("&Add"), box);
    m_addButton->setToolTip(tr("Add the annotation (Return in the text field)"));
    form->addRow(tr("&Kind:"), m_newKind);
    form->addRow(tr("&On:"), m_newTarget);
    form->addRow(tr("&Text:"), m_newText);
    form->addRow(tr("A&ffects:"), m_newAffects);
    form->addRow(QString(), m_addButton);

    connect(m_addButton, &QPushButton::clicked, this, &AnnotationsPanel::addFromForm);
    connect(m_newText, &QLineEdit::returnPressed, this, &AnnotationsPanel::addFromForm);
    connect(m_newAffects, &QLineEdit::returnPressed, this, &AnnotationsPanel::addFromForm);
    connect(m_newText, &QLineEdit::textChanged, this, &AnnotationsPanel::updateAddButton);
    connect(m_newKind, &QComboBox::currentIndexChanged, this, &AnnotationsPanel::updateAddButton);
    return box;
}

QIcon AnnotationsPanel::annotationIcon(AnnotationKind kind, std::optional<int> horizon,
                                       std::optional<Variation> variation)
{
    return crosswalk::annotationIcon(kind, horizon, variation);
}

void AnnotationsPanel::setDocument(MapDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_selectionTarget.clear();
    if (m_document)
        connect(m_document, &MapDocument::changed, this, [this] { refresh(); });
    refresh();
}

void AnnotationsPanel::setKindHidden(AnnotationKind kind, bool hidden)
{
    if (m_hiddenKinds.contains(kind) == hidden)
        return;
    if (hidden)
        m_hiddenKinds.insert(kind);
    else
        m_hiddenKinds.remove(kind);
    if (QToolButton* button = m_visibility.value(kind)) {
        const QSignalBlocker block(button);
        button->setChecked(!hidden);
    }
    refreshCounts();
    emit visibilityChanged();
}

int AnnotationsPanel::count(AnnotationKind kind) const
{
    if (!m_document)
        return 0;
    const auto& all = m_document->map().annotations;
    return static_cast<int>(
        std::count_if(all.begin(), all.end(), [kind](const Annotation& a) { return a.kind == kind; }));
}

QStringList AnnotationsPanel::listedAnnotationIds() const
{
    QStringList ids;
    for (QTreeWidgetItemIterator it(m_list); *it; ++it)
        if (const QString id = (*it)->data(0, IdRole).toString(); !id.isEmpty())
            ids << id;
    return ids;
}

QStringList AnnotationsPanel::selectedAnnotationIds() const
{
    QStringList ids;
    for (QTreeWidgetItemIterator it(m_list, QTreeWidgetItemIterator::Selected); *it; ++it)
        if (const QString id = (*it)->data(0, IdRole).toString(); !id.isEmpty())
            ids << id;
    return ids;
}

QString AnnotationsPanel::newTarget() const
{
    return m_newTarget->currentData().toString();
}

void AnnotationsPanel::setGrouping(Grouping grouping)
{
    m_grouping->setCurrentIndex(m_grouping->findData(static_cast<int>(grouping)));
}

void AnnotationsPanel::setKindFilter(std::optional<AnnotationKind> kind)
{
    m_kindFilter->setCurrentIndex(m_kindFilter->findData(kind ? static_cast<int>(*kind) : -1));
}

void AnnotationsPanel::setLaneFilter(const QString& laneId)
{
    m_laneFilter->setCurrentIndex(std::max(0, m_laneFilter->findData(laneId)));
}

void AnnotationsPanel::setPhaseFilter(const QString& phaseId)
{
    m_phaseFilter->setCurrentIndex(std::max(0, m_phaseFilter->findData(phaseId)));
}

void AnnotationsPanel::setHorizonFilter(std::optional<int> horizon)
{
    m_horizonFilter->setCurrentIndex(std::max(0, m_horizonFilter->findData(horizon.value_or(0))));
}

void AnnotationsPanel::setSelection(const QStringList& stepIds, const QStringList& flowIds, const QString& laneId)
{
    // One annotation has one target: the first selected step, else flow, else the lane.
    if (!stepIds.isEmpty())
        m_selectionTarget = stepIds.front();
    else if (!flowIds.isEmpty())
        m_selectionTarget = flowIds.front();
    else
        m_selectionTarget = laneId;
    refreshForm(true);
}

void AnnotationsPanel::selectAnnotation(const QString& annotationId)
{
    QTreeWidgetItem* item = itemFor(annotationId.toStdString());
    if (!item)
        return;
    m_list->setCurrentItem(item, TextColumn);
    m_list->scrollToItem(item);
}

bool AnnotationsPanel::addFromForm()
{
    if (!m_document || m_document->readOnly() || !m_addButton->isEnabled())
        return false;
    const KindChoice& choice = kindChoices()[static_cast<std::size_t>(m_newKind->currentData().toInt())];
    Annotation a;
    a.id = newId("a-");
    a.kind = choice.kind;
    a.variation = choice.variation;
    a.horizon = choice.horizon;
    a.target = newTarget().toStdString();
    a.text = m_newText->text().trimmed().toStdString();
    a.affects = m_newAffects->text().trimmed().toStdString();
    m_pendingSelection = toQString(a.id);
    if (!m_document->push(AddAnnotation{a, std::nullopt}, tr("Add %1").arg(toQString(displayName(a.kind)).toLower()))) {
        m_pendingSelection.clear();
        return false;
    }
    // Ready for the next one while the team keeps talking.
    m_newText->clear();
    m_newAffects->clear();
    m_newText->setFocus();
    return true;
}

void AnnotationsPanel::removeSelected()
{
    if (!m_document || m_document->readOnly())
        return;
    const QStringList ids = selectedAnnotationIds();
    if (ids.isEmpty())
        return;
    if (ids.size() == 1) {
        push(RemoveAnnotation{ids.front().toStdString()});
        return;
    }
    Batch batch{tr("Remove %1 annotations").arg(ids.size()).toStdString(), {}};
    for (const QString& id : ids)
        batch.edits.push_back(RemoveAnnotation{id.toStdString()});
    push(batch);
}

void AnnotationsPanel::editCurrent()
{
    QTreeWidgetItem* item = m_list->currentItem();
    if (item && !item->data(0, IdRole).toString().isEmpty() && (item->flags() & Qt::ItemIsEditable))
        m_list->editItem(item, TextColumn);
}

void AnnotationsPanel::fitColumns()
{
    // Five columns do not fit the dock's default width beside the map: there, "Affects" goes
    // (it is in the text's tooltip) and "On" is narrower, as a mail client's narrow reading
    // pane drops columns. Only on crossing the width, so that a column the user sized stays.
    const int wide = m_list->header()->sectionSize(NumberColumn) + m_list->header()->sectionSize(KindColumn) +
                     kAffectsWidth + kTargetWidth + 160 + m_list->verticalScrollBar()->sizeHint().width();
    const bool narrow = m_list->width() < wide;
    if (narrow == m_list->isColumnHidden(AffectsColumn))
        return;
    m_list->setColumnHidden(AffectsColumn, narrow);
    m_list->setColumnWidth(TargetColumn, narrow ? kTargetWidth * 4 / 5 : kTargetWidth);
}

bool AnnotationsPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::Resize)
        fitColumns();
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            removeSelected();
            return true;
        }
        // F2 edits the text, whichever cell has the focus: it is what people change most.
        if (key->key() == Qt::Key_F2 && m_list->currentColumn() != KindColumn &&
            m_list->currentColumn() != AffectsColumn) {
            editCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void AnnotationsPanel::push(const Edit& edit)
{
    if (m_document && !m_document->readOnly())
        m_document->push(edit);
}

void AnnotationsPanel::commitItem(QTreeWidgetItem* item, int column)
{
    if (!m_document)
        return;
    const Annotation* current = m_document->map().annotation(item->data(0, IdRole).toString().toStdString());
    if (!current)
        return;
    Annotation a = *current;
    if (column == TextColumn) {
        a.text = item->text(TextColumn).trimmed().toStdString();
    } else if (column == AffectsColumn) {
        a.affects = item->text(AffectsColumn).trimmed().toStdString();
    } else if (column == KindColumn) {
        const int index = item->data(KindColumn, ChoiceRole).toInt();
        if (index < 0 || index >= static_cast<int>(kindChoices().size()))
            return;
        const KindChoice& choice = kindChoices()[static_cast<std::size_t>(index)];
        a.kind = choice.kind;
        a.variation = choice.variation;
        a.horizon = choice.horizon;
    }
    if (a != *current)
        push(UpdateAnnotation{a});
    else
        refresh(); // put back what the editor left, e.g. trailing spaces
}

bool AnnotationsPanel::passesFilters(const Annotation& a) const
{
    const Map& map = m_document->map();
    if (const int kind = m_kindFilter->currentData().toInt(); kind >= 0 && static_cast<int>(a.kind) != kind)
        return false;
    if (const int horizon = m_horizonFilter->currentData().toInt();
        horizon > 0 && (a.kind != AnnotationKind::ChangeIdea || a.horizon != horizon))
        return false;
    if (const QString lane = m_laneFilter->currentData().toString();
        !lane.isEmpty() && toQString(annotationLane(map, a)) != lane)
        return false;
    if (const QString phase = m_phaseFilter->currentData().toString();
        !phase.isEmpty() && toQString(annotationPhase(map, a)) != phase)
        return false;
    return true;
}

QTreeWidgetItem* AnnotationsPanel::itemFor(const std::string& annotationId) const
{
    const QString id = toQString(annotationId);
    for (QTreeWidgetItemIterator it(m_list); *it; ++it)
        if ((*it)->data(0, IdRole).toString() == id)
            return *it;
    return nullptr;
}

void AnnotationsPanel::refreshFilters()
{
    const Map* map = m_document ? &m_document->map() : nullptr;
    auto refill = [](QComboBox* box, const QString& all,
                     const std::vector<std::pair<std::string, std::string>>& entries) {
        const QString current = box->currentData().toString();
        box->clear();
        box->addItem(all, QString());
        for (const auto& [id, name] : entries)
            box->addItem(toQString(name), toQString(id));
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    std::vector<std::pair<std::string, std::string>> lanes, phases;
    if (map) {
        for (const Lane& lane : map->lanes)
            lanes.emplace_back(lane.id, lane.name);
        for (const Phase& phase : map->phases)
            phases.emplace_back(phase.id, phase.name);
    }
    refill(m_laneFilter, tr("All lanes"), lanes);
    refill(m_phaseFilter, tr("All phases"), phases);
}

void AnnotationsPanel::refreshCounts()
{
    int total = 0;
    for (AnnotationKind kind : kAllAnnotationKinds) {
        const int n = count(kind);
        total += n;
        QToolButton* button = m_visibility.value(kind);
        // Hidden kinds say so in words as well as with a faded glyph.
        button->setText(m_hiddenKinds.contains(kind) ? tr("%1 hidden").arg(n) : QString::number(n));
        const QString name = toQString(displayName(kind));
        button->setToolTip(m_hiddenKinds.contains(kind)
                               ? tr("%1: %2 on this map, hidden on the canvas. Click to show them.").arg(name).arg(n)
                               : tr("%1: %2 on this map. Click to hide them on the canvas.").arg(name).arg(n));
        button->setAccessibleDescription(button->toolTip());
    }
    const int listed = static_cast<int>(listedAnnotationIds().size());
    const QString all = total == 1 ? tr("1 annotation") : tr("%1 annotations").arg(total);
    m_summary->setText(listed == total ? all : tr("%1 of %2 listed").arg(listed).arg(all));
}

void AnnotationsPanel::refreshForm(bool selectionChanged)
{
    const Map* map = m_document ? &m_document->map() : nullptr;
    const QString before = m_newTarget->currentData().toString();
    m_newTarget->clear();
    if (map && !m_selectionTarget.isEmpty() && map->hasEntity(m_selectionTarget.toStdString()))
        m_newTarget->addItem(annotationTargetText(*map, m_selectionTarget.toStdString()), m_selectionTarget);
    m_newTarget->addItem(tr("Whole map"), QString());
    // A new canvas selection becomes the target; after an edit, keep what the user picked.
    const int index = selectionChanged ? 0 : m_newTarget->findData(before);
    m_newTarget->setCurrentIndex(index < 0 ? 0 : index);
    m_form->setEnabled(m_document && !m_document->readOnly());
    updateAddButton();
}

void AnnotationsPanel::updateAddButton()
{
    const bool editable = m_document && !m_document->readOnly();
    const KindChoice& choice = kindChoices()[static_cast<std::size_t>(std::max(0, m_newKind->currentData().toInt()))];
    // A black box can stand on its own (the step says what cannot be seen); the others need words.
    const bool hasText = !m_newText->text().trimmed().isEmpty() || choice.kind == AnnotationKind::BlackBox;
    m_addButton->setEnabled(editable && hasText);
}

void AnnotationsPanel::refresh()
{
    m_loading = true;
    const QStringList selected =
        m_pendingSelection.isEmpty() ? selectedAnnotationIds() : QStringList{m_pendingSelection};
    const QString current = m_pendingSelection.isEmpty() && m_list->currentItem()
                                ? m_list->currentItem()->data(0, IdRole).toString()
                                : m_pendingSelection;
    m_pendingSelection.clear();
    refreshFilters();
    m_list->clear();

    const Map* map = m_document ? &m_document->map() : nullptr;
    const bool editable = m_document && !m_document->readOnly();
    if (map) {
        const auto numbers = annotationNumbers(*map);
        const auto grouping = static_cast<Grouping>(m_grouping->currentData().toInt());

        // The groups in a fixed order (kinds, then lanes and phases in map order), created on demand.
        std::vector<std::pair<QString, QString>> groupOrder; // key, title
        switch (grouping) {
        case Grouping::None:
            break;
        case Grouping::Kind:
            for (AnnotationKind kind : kAllAnnotationKinds)
                groupOrder.emplace_back(QString::number(static_cast<int>(kind)), toQString(displayName(kind)));
            break;
        case Grouping::Lane:
            for (const Lane& lane : map->lanes)
                groupOrder.emplace_back(toQString(lane.id), toQString(lane.name));
            groupOrder.emplace_back(QString(), tr("Whole map"));
            break;
        case Grouping::Phase:
            for (const Phase& phase : map->phases)
                groupOrder.emplace_back(toQString(phase.id), toQString(phase.name));
            groupOrder.emplace_back(QString(), tr("No phase (lanes and whole map)"));
            break;
        case Grouping::Horizon:
            for (int h = 1; h <= 3; ++h)
                groupOrder.emplace_back(QString::number(h), tr("Horizon %1").arg(h));
            groupOrder.emplace_back(QStringLiteral("0"), tr("Not on a horizon"));
            break;
        }
        QMap<QString, QTreeWidgetItem*> groups;
        QMap<QString, int> groupCounts;
        auto groupKey = [&](const Annotation& a) -> QString {
            switch (grouping) {
            case Grouping::None:
                return {};
            case Grouping::Kind:
                return QString::number(static_cast<int>(a.kind));
            case Grouping::Lane:
                return toQString(annotationLane(*map, a));
            case Grouping::Phase:
                return toQString(annotationPhase(*map, a));
            case Grouping::Horizon:
                return a.kind == AnnotationKind::ChangeIdea && a.horizon ? QString::number(*a.horizon)
                                                                         : QStringLiteral("0");
            }
            return {};
        };
        if (grouping != Grouping::None) {
            for (const auto& [key, title] : groupOrder) {
                auto* group = new QTreeWidgetItem(m_list);
                group->setText(0, title);
                group->setData(0, Qt::UserRole + 2, key);
                QFont bold = group->font(0);
                bold.setBold(true);
                group->setFont(0, bold);
                group->setFlags(Qt::ItemIsEnabled);
                group->setFirstColumnSpanned(true);
                groups.insert(key, group);
            }
        }

        for (const auto& [id, number] : numbers) {
            const Annotation* a = map->annotation(id);
            if (!a || !passesFilters(*a))
                continue;
            const QString key = groupKey(*a);
            QTreeWidgetItem* parent = grouping == Grouping::None ? nullptr : groups.value(key);
            auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_list);
            groupCounts[key] += 1;
            item->setData(0, IdRole, toQString(a->id));
            item->setText(NumberColumn, QString::number(number));
            // Top-aligned, so that a row's number, kind and texts start on one line.
            for (int column = 0; column < ColumnCount; ++column)
                item->setTextAlignment(column, Qt::AlignLeft | Qt::AlignTop);
            item->setTextAlignment(NumberColumn, Qt::AlignRight | Qt::AlignTop);
            item->setIcon(KindColumn, crosswalk::annotationIcon(*a));
            item->setText(KindColumn, annotationKindShortText(*a));
            item->setToolTip(KindColumn, annotationKindText(*a));
            item->setData(KindColumn, ChoiceRole, kindChoiceIndex(*a));
            item->setText(TextColumn, toQString(a->text));
            // The tooltip names who is affected too, for a dock too narrow for that column.
            item->setToolTip(TextColumn, a->affects.empty() ? toQString(a->text)
                                                            : tr("%1\nAffects: %2").arg(toQString(a->text), toQString(a->affects)));
            item->setText(AffectsColumn, toQString(a->affects));
            item->setText(TargetColumn, annotationTargetText(*map, a->target));
            item->setToolTip(TargetColumn, item->text(TargetColumn));
            Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
            if (editable)
                flags |= Qt::ItemIsEditable;
            item->setFlags(flags);
        }
        // Empty groups say nothing; drop them, and put each group's count in its title.
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            const int n = groupCounts.value(it.key());
            if (n == 0)
                delete it.value();
            else
                it.value()->setText(0, tr("%1 (%2)").arg(it.value()->text(0)).arg(n));
        }
        m_list->expandAll();
        m_list->setRootIsDecorated(grouping != Grouping::None);
    }

    for (const QString& id : selected)
        if (QTreeWidgetItem* item = itemFor(id.toStdString()))
            item->setSelected(true);
    if (QTreeWidgetItem* item = itemFor(current.toStdString())) {
        m_list->setCurrentItem(item, TextColumn, QItemSelectionModel::NoUpdate);
        m_list->scrollToItem(item);
    }
    m_deleteButton->setEnabled(editable && !selectedAnnotationIds().isEmpty());
    refreshCounts();
    refreshForm();
    m_loading = false;
}

} // namespace crosswalk
