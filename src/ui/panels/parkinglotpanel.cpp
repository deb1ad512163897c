#include "ui/panels/parkinglotpanel.h"

#include "crosswalk/facilitation/sessionclock.h"
#include "crosswalk/facilitation/votes.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationtext.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <functional>
#include <optional>
#include <vector>

namespace crosswalk {
namespace {

constexpr int IdRole = Qt::UserRole;

QString createdText(const std::string& iso)
{
    const QDateTime time = QDateTime::fromString(toQString(iso), Qt::ISODate);
    if (!time.isValid())
        return {};
    return ParkingLotPanel::tr("Parked %1").arg(QLocale().toString(time.toLocalTime(), QLocale::ShortFormat));
}

/// Delete in the list deletes the current item, as it does on the canvas.
class ParkingList final : public QListWidget {
  public:
    using QListWidget::QListWidget;
    std::function<void()> onDelete;

  protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && state() != EditingState &&
            onDelete) {
            onDelete();
            event->accept();
            return;
        }
        QListWidget::keyPressEvent(event);
    }
};

} // namespace

ParkingLotPanel::ParkingLotPanel(QWidget* parent) : QWidget(parent)
{
    // Session: its length (the countdown runs in presentation mode) and the dot-vote tally.
    m_minutes = new QSpinBox(this);
    m_minutes->setRange(0, kMaxSessionSeconds / 60);
    m_minutes->setSingleStep(5);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setSpecialValueText(tr("No timer"));
    m_minutes->setToolTip(tr("Length of the session timer shown in presentation mode"));
    m_minutes->setKeyboardTracking(false);
    auto* minutesLabel = new QLabel(tr("Session &length:"), this);
    minutesLabel->setBuddy(m_minutes);
    connect(m_minutes, &QSpinBox::valueChanged, this, [this](int minutes) {
        if (!m_filling)
            setSessionMinutes(minutes);
    });
    auto* sessionRow = new QHBoxLayout;
    sessionRow->addWidget(minutesLabel);
    sessionRow->addWidget(m_minutes);
    sessionRow->addStretch(1);

    m_votes = new QLabel(this);
    m_resetVotes = new QPushButton(tr("&Reset votes"), this);
    m_resetVotes->setToolTip(tr("Take every dot vote off the map, for the next round (can be undone)"));
    connect(m_resetVotes, &QPushButton::clicked, this, &ParkingLotPanel::resetVotes);
    auto* votesRow = new QHBoxLayout;
    votesRow->addWidget(m_votes, 1);
    votesRow->addWidget(m_resetVotes);

    // The parking lot.
    auto* title = new QLabel(tr("<b>Parking lot</b>"), this);
    m_count = new QLabel(this);
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addStretch(1);
    titleRow->addWidget(m_count);

    m_question = new QLineEdit(this);
    m_question->setPlaceholderText(tr("Park a question for later..."));
    m_question->setClearButtonEnabled(true);
    m_park = new QPushButton(tr("&Park"), this);
    m_park->setToolTip(tr("Add the question to this map's parking lot"));
    connect(m_park, &QPushButton::clicked, this, [this] { parkQuestion(m_question->text()); });
    connect(m_question, &QLineEdit::returnPressed, this, [this] { parkQuestion(m_question->text()); });
    connect(m_question, &QLineEdit::textChanged, this, [this] { updateButtons(); });
    auto* parkRow = new QHBoxLayout;
    parkRow->addWidget(m_question, 1);
    parkRow->addWidget(m_park);

    auto* list = new ParkingList(this);
    m_list = list;
    list->onDelete = [this] {
        if (QListWidgetItem* item = m_list->currentItem())
            deleteItem(item->data(IdRole).toString());
    };
    m_list->setWordWrap(true);
    m_list->setSpacing(2);
    m_list->setUniformItemSizes(false);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    connect(m_list, &QListWidget::itemChanged, this, &ParkingLotPanel::onItemChanged);
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this] { updateButtons(); });

    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setToolTip(tr("Delete the selected question from the parking lot"));
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_list->currentItem())
            deleteItem(item->data(IdRole).toString());
    });
    auto* hint = new QLabel(tr("Tick a question when it is answered; double-click to edit."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(hint, 1);
    buttonRow->addWidget(m_delete);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sessionRow);
    layout->addLayout(votesRow);
    layout->addSpacing(6);
    layout->addLayout(titleRow);
    layout->addLayout(parkRow);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttonRow);
    refresh();
}

bool ParkingLotPanel::editable() const
{
    return m_document && !m_document->readOnly();
}

void ParkingLotPanel::setDocument(MapDocument* document)
{
    if (m_changed)
        disconnect(m_changed);
    m_document = document;
    if (m_document)
        m_changed = connect(m_document, &MapDocument::changed, this, &ParkingLotPanel::onChanged);
    refresh();
}

void ParkingLotPanel::onChanged(const ChangeSet& changes)
{
    if (!changes.parkingLot.empty())
        refreshItems();
    if (changes.session || !changes.votes.empty() || !changes.steps.empty())
        refreshSession();
}

void ParkingLotPanel::refresh()
{
    refreshItems();
    refreshSession();
}

void ParkingLotPanel::refreshItems()
{
    m_filling = true;
    std::vector<const ParkingItem*> items;
    if (m_document)
        for (const ParkingItem& parked : m_document->map().parkingLot)
            items.push_back(&parked);
    // The same items in the same order (a tick, an edit): update the rows in place, so that a
    // row being edited or clicked is never destroyed under the list's feet.
    bool sameRows = m_list->count() == static_cast<int>(items.size());
    for (int i = 0; sameRows && i < m_list->count(); ++i)
        sameRows = m_list->item(i)->data(IdRole).toString() == QString::fromStdString(items[i]->id);
    if (!sameRows) {
        const QString current = m_list->currentItem() ? m_list->currentItem()->data(IdRole).toString() : QString();
        m_list->clear();
        for (const ParkingItem* parked : items) {
            auto* item = new QListWidgetItem(m_list);
            item->setData(IdRole, QString::fromStdString(parked->id));
            if (item->data(IdRole).toString() == current)
                m_list->setCurrentItem(item);
        }
    }
    int open = 0;
    for (int i = 0; i < m_list->count(); ++i) {
        const ParkingItem& parked = *items[static_cast<std::size_t>(i)];
        QListWidgetItem* item = m_list->item(i);
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
        if (editable())
            flags |= Qt::ItemIsEditable;
        item->setFlags(flags);
        item->setText(toQString(parked.text));
        item->setCheckState(parked.done ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(createdText(parked.createdAt));
        // Answered: still listed, but out of the way.
        QFont font = m_list->font();
        font.setStrikeOut(parked.done);
        item->setFont(font);
        item->setForeground(palette().color(parked.done ? QPalette::PlaceholderText : QPalette::Text));
        open += parked.done ? 0 : 1;
    }
    m_filling = false;
    const int total = m_list->count();
    m_count->setText(total == 0 ? QString() : tr("%1 open of %2").arg(open).arg(total));
    updateButtons();
}

void ParkingLotPanel::refreshSession()
{
    m_filling = true;
    const Map* map = m_document ? &m_document->map() : nullptr;
    m_minutes->setValue(map ? map->session.durationSeconds / 60 : 0);
    m_filling = false;
    const VoteTally tally = map ? voteTally(*map) : VoteTally{};
    const int votes = tally.votes;
    const int steps = tally.steps;
    if (votes == 0)
        m_votes->setText(tr("No dot votes yet"));
    else
        m_votes->setText((votes == 1 ? tr("1 dot vote") : tr("%1 dot votes").arg(votes)) + QLatin1Char(' ') +
                         (steps == 1 ? tr("on 1 step") : tr("on %1 steps").arg(steps)));
    updateButtons();
}

void ParkingLotPanel::updateButtons()
{
    const bool can = editable();
    // The time left of a running countdown lives in the presentation; a new length set
    // meanwhile would start it again from the time left when it was started.
    const bool running = m_document && m_document->map().session.running;
    m_minutes->setEnabled(can && !running);
    m_minutes->setToolTip(running ? tr("Pause the timer (T in presentation mode) to change the session length")
                                  : tr("Length of the session timer shown in presentation mode"));
    m_question->setEnabled(can);
    m_park->setEnabled(can && !m_question->text().trimmed().isEmpty());
    m_delete->setEnabled(can && m_list->currentItem() != nullptr);
    m_resetVotes->setEnabled(can && m_document && !m_document->map().votes.empty());
}

QStringList ParkingLotPanel::itemIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        ids << m_list->item(i)->data(IdRole).toString();
    return ids;
}

QStringList ParkingLotPanel::itemTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_list->count(); ++i)
        texts << m_list->item(i)->text();
    return texts;
}

QString ParkingLotPanel::parkQuestion(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!editable() || trimmed.isEmpty())
        return {};
    ParkingItem item;
    item.id = newId("q-");
    item.text = trimmed.toStdString();
    item.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    if (!m_document->push(AddParkingItem{item, std::nullopt}, tr("Park question")))
        return {};
    m_question->clear();
    const QString id = QString::fromStdString(item.id);
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(IdRole).toString() == id)
            m_list->setCurrentItem(m_list->item(i));
    return id;
}

void ParkingLotPanel::setDone(const QString& itemId, bool done)
{
    const ParkingItem* item = m_document ? m_document->map().parkingItem(itemId.toStdString()) : nullptr;
    if (!editable() || !item || item->done == done)
        return;
    ParkingItem changed = *item;
    changed.done = done;
    m_document->push(UpdateParkingItem{changed}, done ? tr("Tick parked question") : tr("Untick parked question"));
}

void ParkingLotPanel::setText(const QString& itemId, const QString& text)
{
    const ParkingItem* item = m_document ? m_document->map().parkingItem(itemId.toStdString()) : nullptr;
    const std::string value = text.trimmed().toStdString();
    if (!editable() || !item || item->text == value)
        return;
    if (value.empty()) {
        deleteItem(itemId);
        return;
    }
    ParkingItem changed = *item;
    changed.text = value;
    m_document->push(UpdateParkingItem{changed}, tr("Edit parked question"));
}

void ParkingLotPanel::deleteItem(const QString& itemId)
{
    if (editable() && m_document->map().parkingItem(itemId.toStdString()))
        m_document->push(RemoveParkingItem{itemId.toStdString()}, tr("Delete parked question"));
}

void ParkingLotPanel::onItemChanged(QListWidgetItem* listItem)
{
    if (m_filling || !m_document)
        return;
    const QString id = listItem->data(IdRole).toString();
    const ParkingItem* item = m_document->map().parkingItem(id.toStdString());
    if (!item)
        return;
    const bool done = listItem->checkState() == Qt::Checked;
    const QString text = listItem->text();
    // One change at a time reaches here (a tick or an edit). The list is then refilled from
    // the model, so that it shows what is stored also when the edit was refused.
    if (done != item->done)
        setDone(id, done);
    else if (text.trimmed().toStdString() != item->text)
        setText(id, text);
    refreshItems();
}

void ParkingLotPanel::setSessionMinutes(int minutes)
{
    if (!editable())
        return;
    // Nothing while the timer runs (see updateButtons()) or when the length stays.
    if (const std::optional<SessionTimer> timer = withSessionLength(m_document->map().session, minutes))
        m_document->push(SetSessionTimer{*timer}, tr("Set session length"));
}

void ParkingLotPanel::resetVotes()
{
    if (!editable())
        return;
    if (const std::optional<ReplaceVotes> reset = resetVotesEdit(m_document->map()))
        m_document->push(*reset, tr("Reset votes"));
}

void ParkingLotPanel::focusQuestion()
{
    m_question->setFocus(Qt::ShortcutFocusReason);
    m_question->selectAll();
}

} // namespace crosswalk
