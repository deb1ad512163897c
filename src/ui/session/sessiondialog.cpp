#include "ui/session/sessiondialog.h"

#include "crosswalk/storage/mapstore.h"
#include "ui/common/strings.h"
#include "ui/compare/comparewindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace crosswalk {

SessionDialog::SessionDialog(const MapStore& store, Session session, QWidget* parent)
    : QDialog(parent), m_store(store), m_session(std::move(session))
{
    setWindowTitle(m_session.title.empty() ? tr("New Session") : tr("Edit Session"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_title = new QLineEdit(toQString(m_session.title), this);
    m_title->setPlaceholderText(tr("Third monthly session of the six districts"));
    form->addRow(tr("&Title:"), m_title);
    m_date = new QDateEdit(this);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    const QDate date = QDate::fromString(toQString(m_session.date), Qt::ISODate);
    m_date->setDate(date.isValid() ? date : QDate::currentDate());
    form->addRow(tr("&Date:"), m_date);
    layout->addLayout(form);

    layout->addWidget(new QLabel(tr("Agenda: maps and comparisons in the order they are presented"), this));
    m_agenda = new QTableWidget(0, 3, this);
    m_agenda->setHorizontalHeaderLabels({tr("Item"), tr("Kind"), tr("Minutes")});
    m_agenda->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_agenda->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_agenda->setSelectionMode(QAbstractItemView::SingleSelection);
    m_agenda->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_agenda, 1);

    auto* buttons = new QHBoxLayout;
    m_mapPicker = new QComboBox(this);
    for (const MapSummary& m : m_store.listMaps())
        m_mapPicker->addItem(toQString(m.district.empty() ? m.title : m.district + ": " + m.title), toQString(m.id));
    auto* addMap = new QPushButton(tr("Add &Map"), this);
    auto* addComparison = new QPushButton(tr("Add &Comparison…"), this);
    auto* up = new QPushButton(tr("&Up"), this);
    auto* down = new QPushButton(tr("Do&wn"), this);
    auto* remove = new QPushButton(tr("&Remove"), this);
    buttons->addWidget(m_mapPicker, 1);
    for (QPushButton* b : {addMap, addComparison, up, down, remove})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    connect(addMap, &QPushButton::clicked, this, [this] {
        if (m_mapPicker->currentIndex() >= 0)
            addMapItem(toStd(m_mapPicker->currentData().toString()));
    });
    connect(addComparison, &QPushButton::clicked, this, [this] {
        const std::vector<std::string> ids = CompareWindow::pickMaps(m_store, this);
        if (ids.size() >= 2)
            addComparisonItem(ids);
    });
    auto row = [this] { return m_agenda->currentRow(); };
    connect(up, &QPushButton::clicked, this, [this, row] { moveItem(row(), -1); });
    connect(down, &QPushButton::clicked, this, [this, row] { moveItem(row(), 1); });
    connect(remove, &QPushButton::clicked, this, [this, row] { removeItem(row()); });

    auto* votes = new QFormLayout;
    m_votes = new QSpinBox(this);
    m_votes->setRange(0, kMaxVotesPerParticipant);
    m_votes->setValue(m_session.voteSettings.votesPerParticipant);
    votes->addRow(tr("Dot &votes per participant:"), m_votes);
    m_revealed = new QCheckBox(tr("Everyone sees the tally (revealed)"), this);
    m_revealed->setChecked(m_session.voteSettings.revealed);
    votes->addRow(QString(), m_revealed);
    m_anonymous = new QCheckBox(tr("Anonymous: participants do not see who voted for what"), this);
    m_anonymous->setChecked(m_session.voteSettings.anonymous);
    votes->addRow(QString(), m_anonymous);
    layout->addLayout(votes);

    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #B00020"));
    m_problems->hide();
    layout->addWidget(m_problems);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &SessionDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &SessionDialog::reject);
    layout->addWidget(box);
    resize(720, 560);
    rebuildAgenda();
}

Session SessionDialog::session() const
{
    Session s = m_session;
    s.title = toStd(m_title->text().trimmed());
    s.date = toStd(m_date->date().toString(Qt::ISODate));
    s.voteSettings.votesPerParticipant = m_votes->value();
    s.voteSettings.revealed = m_revealed->isChecked();
    s.voteSettings.anonymous = m_anonymous->isChecked();
    if (s.currentItem >= static_cast<int>(s.agenda.size()))
        s.currentItem = s.agenda.empty() ? -1 : static_cast<int>(s.agenda.size()) - 1;
    return s;
}

QString SessionDialog::itemName(const AgendaItem& item) const
{
    if (!item.title.empty())
        return toQString(item.title);
    QStringList names;
    for (const std::string& id : item.maps) {
        QString name = toQString(id);
        if (m_store.hasMap(id)) {
            const Map map = m_store.loadMap(id);
            name = toQString(map.props.district.empty() ? map.props.title : map.props.district);
        }
        names << name;
    }
    return names.join(QStringLiteral(" / "));
}

void SessionDialog::rebuildAgenda()
{
    m_agenda->setRowCount(static_cast<int>(m_session.agenda.size()));
    for (int r = 0; r < m_agenda->rowCount(); ++r) {
        const AgendaItem& item = m_session.agenda[static_cast<std::size_t>(r)];
        m_agenda->setItem(r, 0, new QTableWidgetItem(itemName(item)));
        m_agenda->setItem(r, 1, new QTableWidgetItem(item.isComparison()
                                                         ? tr("Comparison of %1").arg(item.maps.size())
                                                         : tr("Map")));
        auto* minutes = new QSpinBox(m_agenda);
        minutes->setRange(0, kMaxAgendaMinutes);
        minutes->setSuffix(tr(" min"));
        minutes->setValue(item.plannedMinutes);
        connect(minutes, &QSpinBox::valueChanged, this, [this, r](int value) {
            if (r < static_cast<int>(m_session.agenda.size()))
                m_session.agenda[static_cast<std::size_t>(r)].plannedMinutes = value;
        });
        m_agenda->setCellWidget(r, 2, minutes);
    }
}

void SessionDialog::addMapItem(const std::string& mapId)
{
    m_session.agenda.push_back({newId("a-"), {mapId}, 10, ""});
    rebuildAgenda();
    m_agenda->selectRow(m_agenda->rowCount() - 1);
}

void SessionDialog::addComparisonItem(const std::vector<std::string>& mapIds)
{
    m_session.agenda.push_back({newId("a-"), mapIds, 15, ""});
    rebuildAgenda();
    m_agenda->selectRow(m_agenda->rowCount() - 1);
}

void SessionDialog::moveItem(int row, int delta)
{
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= static_cast<int>(m_session.agenda.size()))
        return;
    std::swap(m_session.agenda[static_cast<std::size_t>(row)], m_session.agenda[static_cast<std::size_t>(to)]);
    if (m_session.currentItem == row)
        m_session.currentItem = to;
    else if (m_session.currentItem == to)
        m_session.currentItem = row;
    rebuildAgenda();
    m_agenda->selectRow(to);
}

void SessionDialog::removeItem(int row)
{
    if (row < 0 || row >= static_cast<int>(m_session.agenda.size()))
        return;
    m_session.agenda.erase(m_session.agenda.begin() + row);
    if (m_session.currentItem >= static_cast<int>(m_session.agenda.size()))
        m_session.currentItem = static_cast<int>(m_session.agenda.size()) - 1;
    rebuildAgenda();
}

void SessionDialog::setMinutes(int row, int minutes)
{
    if (auto* spin = qobject_cast<QSpinBox*>(m_agenda->cellWidget(row, 2)))
        spin->setValue(minutes);
}

QString SessionDialog::problemText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

void SessionDialog::accept()
{
    const Session s = session();
    // The facilitator's own votes must still fit a lowered limit: those are checked too.
    const std::vector<std::string> problems =
        validateSession(s, [this](const std::string& id) { return m_store.hasMap(id); });
    if (!problems.empty()) {
        QStringList lines;
        for (const std::string& p : problems)
            lines << toQString(p);
        m_problems->setText(tr("The session cannot be saved yet:\n%1").arg(lines.join(QLatin1Char('\n'))));
        m_problems->show();
        return;
    }
    m_problems->hide();
    QDialog::accept();
}

} // namespace crosswalk
