#include "ui/session/sessionpanel.h"

#include "crosswalk/facilitation/sessionclock.h"
#include "crosswalk/insights/sessionrecord.h"
#include "crosswalk/io/atomicfile.h"
#include "crosswalk/storage/mapstore.h"
#include "ui/common/strings.h"
#include "ui/session/sessiondialog.h"
#include "ui/session/sessionprintout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFont>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <stdexcept>

namespace crosswalk {
namespace {

std::string nowUtcText()
{
    return toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

/// A new session's defaults: today, three dots each, anonymous.
Session blankSession()
{
    Session s;
    s.id = newId("s-");
    s.date = toStd(QDate::currentDate().toString(Qt::ISODate));
    s.participants = {{"facilitator", "Facilitator", true}};
    return s;
}

} // namespace

SessionPanel::SessionPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sessionPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_sessions = new QComboBox(this);
    m_sessions->setAccessibleName(tr("Session"));
    auto* add = new QPushButton(tr("New…"), this);
    auto* edit = new QPushButton(tr("Edit…"), this);
    auto* record = new QPushButton(tr("Record…"), this);
    record->setToolTip(tr("Export the session record (PDF or JSON)"));
    layout->addWidget(m_sessions);
    top->addWidget(add);
    top->addWidget(edit);
    top->addWidget(record);
    top->addStretch(1);
    layout->addLayout(top);
    connect(m_sessions, &QComboBox::activated, this,
            [this](int index) { selectSession(m_sessions->itemData(index).toString()); });
    connect(add, &QPushButton::clicked, this, [this] { newSession(); });
    connect(edit, &QPushButton::clicked, this, [this] { editSession(); });
    connect(record, &QPushButton::clicked, this, [this] { exportRecord(); });

    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    auto* run = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), this);
    auto* prev = new QPushButton(tr("◀ Previous"), this);
    auto* next = new QPushButton(tr("Next ▶"), this);
    prev->setToolTip(tr("Previous agenda item (Ctrl+PageUp in presentation)"));
    next->setToolTip(tr("Next agenda item (Ctrl+PageDown in presentation)"));
    auto* follow = m_follow = new QCheckBox(tr("Follow"), this);
    follow->setChecked(true);
    follow->setToolTip(tr("Show the item the facilitator shows (Ctrl+Home in presentation comes back)"));
    run->addWidget(m_start);
    run->addWidget(prev);
    run->addWidget(next);
    run->addWidget(follow);
    layout->addLayout(run);
    connect(m_start, &QPushButton::clicked, this, [this] { running() ? endSession() : startSession(); });
    connect(prev, &QPushButton::clicked, this, [this] { step(-1); });
    connect(next, &QPushButton::clicked, this, [this] { step(1); });
    connect(follow, &QCheckBox::toggled, this, [this](bool on) { setFollowing(on); });

    m_agenda = new QListWidget(this);
    m_agenda->setAccessibleName(tr("Agenda"));
    m_agenda->setWordWrap(true);
    layout->addWidget(m_agenda, 2);
    connect(m_agenda, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { goToItem(m_agenda->row(item)); });

    auto* timerRow = new QHBoxLayout;
    m_timer = new QLabel(this);
    QFont big = m_timer->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_timer->setFont(big);
    m_timerButton = new QPushButton(tr("Start timer"), this);
    auto* plus = new QPushButton(tr("+5 min"), this);
    timerRow->addWidget(m_timer, 1);
    timerRow->addWidget(m_timerButton);
    timerRow->addWidget(plus);
    layout->addLayout(timerRow);
    connect(m_timerButton, &QPushButton::clicked, this, [this] { toggleTimer(); });
    connect(plus, &QPushButton::clicked, this, [this] { addMinutes(5); });

    auto* voteRow = new QHBoxLayout;
    m_voteAs = new QComboBox(this);
    m_voteAs->setToolTip(tr("Vote as"));
    m_steps = new QComboBox(this);
    auto* dot = new QPushButton(tr("+ dot"), this);
    auto* undot = new QPushButton(tr("− dot"), this);
    auto* reveal = m_reveal = new QCheckBox(tr("Reveal"), this);
    reveal->setToolTip(tr("Show everyone the tally of the dots"));
    voteRow->addWidget(m_voteAs);
    voteRow->addWidget(m_steps, 1);
    voteRow->addWidget(dot);
    voteRow->addWidget(undot);
    voteRow->addWidget(reveal);
    layout->addLayout(voteRow);
    connect(m_voteAs, &QComboBox::activated, this,
            [this](int i) { setParticipant(toStd(m_voteAs->itemData(i).toString())); });
    auto voteOnChosen = [this](int delta) {
        const QStringList key = m_steps->currentData().toStringList();
        if (key.size() == 2)
            vote(toStd(key[0]), toStd(key[1]), delta);
    };
    connect(dot, &QPushButton::clicked, this, [voteOnChosen] { voteOnChosen(1); });
    connect(undot, &QPushButton::clicked, this, [voteOnChosen] { voteOnChosen(-1); });
    connect(reveal, &QCheckBox::toggled, this, [this](bool on) {
        if (m_session && m_session->voteSettings.revealed != on)
            setRevealed(on);
    });
    m_tally = new QLabel(this);
    m_tally->setWordWrap(true);
    layout->addWidget(m_tally);

    layout->addWidget(new QLabel(tr("Parking lot"), this));
    m_parking = new QListWidget(this);
    m_parking->setWordWrap(true); // a long question reads whole in the dock, not scrolled sideways
    layout->addWidget(m_parking, 1);
    m_parkInput = new QLineEdit(this);
    m_parkInput->setPlaceholderText(tr("Park a question (Enter)"));
    layout->addWidget(m_parkInput);
    connect(m_parkInput, &QLineEdit::returnPressed, this, [this] {
        if (park(m_parkInput->text()))
            m_parkInput->clear();
    });

    layout->addWidget(new QLabel(tr("Sticky notes (N in presentation)"), this));
    m_notes = new QListWidget(this);
    m_notes->setWordWrap(true);
    m_notes->setMaximumHeight(110);
    layout->addWidget(m_notes);

    layout->addWidget(new QLabel(tr("Session notes"), this));
    m_minutes = new QPlainTextEdit(this);
    m_minutes->setMaximumHeight(110);
    layout->addWidget(m_minutes);
    auto* saveNotes = new QTimer(this);
    saveNotes->setSingleShot(true);
    saveNotes->setInterval(800);
    connect(m_minutes, &QPlainTextEdit::textChanged, saveNotes, qOverload<>(&QTimer::start));
    connect(saveNotes, &QTimer::timeout, this, [this] {
        const std::string text = toStd(m_minutes->toPlainText());
        if (m_session && m_session->minutes != text)
            change([&](Session& s) { s.minutes = text; });
    });

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #B00020"));
    layout->addWidget(m_message);

    m_tick = new QTimer(this);
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, [this] { m_timer->setText(timerText()); });
    m_tick->start();
    // Another client's vote, note or step shows within a second.
    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(500);
    connect(m_pollTimer, &QTimer::timeout, this, [this] { poll(); });
    m_pollTimer->start();
    refresh();
}

void SessionPanel::setStore(MapStore* store)
{
    m_store = store;
    m_session.reset();
    m_version = 0;
    m_participant = store ? store->participantId() : std::string();
    reloadList();
    if (m_store && m_sessions->count() > 0)
        selectSession(m_sessions->itemData(0).toString());
    refresh();
}

void SessionPanel::reloadList()
{
    const QString shown = m_session ? toQString(m_session->id) : QString();
    m_sessions->clear();
    if (!m_store)
        return;
    try {
        for (const SessionSummary& s : m_store->listSessions())
            m_sessions->addItem(toQString(s.date + "  " + s.title), toQString(s.id));
    } catch (const std::exception& e) {
        fail(toQString(std::string(e.what())));
    }
    m_sessions->setCurrentIndex(std::max(0, m_sessions->findData(shown)));
}

void SessionPanel::selectSession(const QString& sessionId)
{
    m_session.reset();
    m_version = 0;
    if (m_store && !sessionId.isEmpty()) {
        try {
            m_version = m_store->sessionVersion(toStd(sessionId));
            m_session = m_store->loadSession(toStd(sessionId));
            m_shownItem = m_session->currentItem;
        } catch (const std::exception& e) {
            fail(toQString(std::string(e.what())));
        }
    }
    m_sessions->setCurrentIndex(std::max(0, m_sessions->findData(sessionId)));
    refresh();
    emit sessionChanged();
}

bool SessionPanel::running() const
{
    return m_session && !m_session->startedAt.empty() && m_session->endedAt.empty();
}

std::string SessionPanel::participant() const
{
    if (!m_participant.empty())
        return m_participant;
    return m_session && !m_session->participants.empty() ? m_session->participants.front().id : "facilitator";
}

void SessionPanel::setParticipant(const std::string& participantId)
{
    m_participant = participantId;
    refresh();
}

void SessionPanel::setFollowing(bool follow)
{
    m_following = follow;
    if (follow)
        followFacilitator();
}

void SessionPanel::fail(const QString& message)
{
    m_message->setText(message);
}

bool SessionPanel::change(const std::function<void(Session&)>& edit)
{
    if (!m_store || !m_session) {
        fail(tr("Choose or create a session first."));
        return false;
    }
    try {
        m_session = m_store->updateSession(m_session->id, edit);
        m_version = m_store->sessionVersion(m_session->id);
        m_message->clear();
    } catch (const std::exception& e) {
        fail(toQString(std::string(e.what())));
        return false;
    }
    refresh();
    emit sessionChanged();
    return true;
}

bool SessionPanel::createSession(const Session& session)
{
    if (!m_store)
        return false;
    try {
        m_store->saveSession(session, 0);
    } catch (const std::exception& e) {
        fail(toQString(std::string(e.what())));
        return false;
    }
    m_session = session;
    reloadList();
    selectSession(toQString(session.id));
    return true;
}

bool SessionPanel::newSession()
{
    if (!m_store)
        return false;
    SessionDialog dialog(*m_store, blankSession(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return createSession(dialog.session());
}

bool SessionPanel::editSession()
{
    if (!m_store || !m_session)
        return false;
    SessionDialog dialog(*m_store, *m_session, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Session edited = dialog.session();
    // Only what the dialog edits is taken over, so that votes and notes placed meanwhile stay.
    const bool ok = change([&](Session& s) {
        s.title = edited.title;
        s.date = edited.date;
        s.agenda = edited.agenda;
        s.voteSettings = edited.voteSettings;
        if (s.currentItem >= static_cast<int>(s.agenda.size()))
            s.currentItem = static_cast<int>(s.agenda.size()) - 1;
    });
    reloadList();
    return ok;
}

bool SessionPanel::storeSession(const std::function<Session(MapStore&, const std::string&)>& call)
{
    if (!m_store || !m_session)
        return false;
    try {
        m_session = call(*m_store, m_session->id);
        m_version = m_store->sessionVersion(m_session->id);
    } catch (const std::exception& e) {
        fail(toQString(std::string(e.what())));
        return false;
    }
    return true;
}

bool SessionPanel::startSession()
{
    if (!storeSession([](MapStore& store, const std::string& id) { return store.startSession(id); }))
        return false;
    m_shownItem = m_session->currentItem;
    refresh();
    emit sessionChanged();
    if (m_session->currentItem >= 0)
        emit openItem(currentItemMaps());
    return true;
}

bool SessionPanel::endSession()
{
    if (!storeSession([](MapStore& store, const std::string& id) { return store.endSession(id); }))
        return false;
    refresh();
    emit sessionChanged();
    return true;
}

bool SessionPanel::goToItem(int index)
{
    if (!m_session || index < 0 || index >= static_cast<int>(m_session->agenda.size()))
        return false;
    // A participant of a network library browses on their own; the facilitator's item is
    // not theirs to move. A local workspace has one client: the facilitator.
    const bool facilitator =
        m_store->participantId().empty() ||
        std::any_of(m_session->participants.begin(), m_session->participants.end(),
                    [&](const Participant& p) { return p.id == participant() && p.facilitator; });
    if (!facilitator) {
        m_shownItem = index;
        m_following = false;
        refresh();
        QStringList maps;
        for (const std::string& id : m_session->agenda[static_cast<std::size_t>(index)].maps)
            maps << toQString(id);
        emit openItem(maps);
        return true;
    }
    if (!change([&](Session& s) { s.currentItem = index; }))
        return false;
    m_shownItem = index;
    emit openItem(currentItemMaps());
    return true;
}

bool SessionPanel::step(int delta)
{
    if (!m_session || m_session->agenda.empty())
        return false;
    const int from = m_shownItem >= 0 ? m_shownItem : m_session->currentItem;
    const int to = std::clamp(from + delta, 0, static_cast<int>(m_session->agenda.size()) - 1);
    if (to == from && from >= 0)
        return false;
    return goToItem(to);
}

void SessionPanel::followFacilitator()
{
    m_following = true;
    if (!m_session)
        return;
    m_shownItem = m_session->currentItem;
    refresh();
    if (m_shownItem >= 0)
        emit openItem(currentItemMaps());
}

QStringList SessionPanel::currentItemMaps() const
{
    QStringList maps;
    if (m_session && m_session->currentItem >= 0)
        for (const std::string& id : m_session->agenda[static_cast<std::size_t>(m_session->currentItem)].maps)
            maps << toQString(id);
    return maps;
}

bool SessionPanel::toggleTimer()
{
    if (!m_session)
        return false;
    const std::int64_t now = unixNowMs();
    SessionClock clock(sessionTimerAt(m_session->timer, now));
    if (!clock.running() && clock.remaining(0) == 0) {
        // Starting without a length asks for one (the planned agenda by default); a bad answer
        // is named and asked again, never taken.
        const int most = kMaxSessionSeconds / 60;
        const QString ask = tr("Length of the session, in minutes:");
        QInputDialog dialog(this);
        dialog.setWindowTitle(tr("Session Timer"));
        dialog.setLabelText(ask);
        dialog.setTextValue(QString::number(std::max(1, m_session->plannedMinutes())));
        int minutes = 0;
        while (minutes == 0) {
            if (dialog.exec() != QDialog::Accepted)
                return false;
            bool ok = false;
            const QString answer = dialog.textValue().trimmed();
            minutes = answer.toInt(&ok);
            if (!ok || minutes < 1 || minutes > most) {
                minutes = 0;
                fail(tr("\u201C%1\u201D is not a session length: type whole minutes from 1 to %2").arg(answer).arg(most));
                dialog.setLabelText(message() + QLatin1Char('\n') + ask);
            }
        }
        m_message->clear();
        clock = SessionClock(SessionTimer{minutes * 60, minutes * 60, false});
    }
    const std::optional<SessionTimer> next = clock.toggled(0);
    if (!next)
        return false;
    return change([&](Session& s) { s.timer = storedTimer(*next, unixNowMs()); });
}

bool SessionPanel::addMinutes(int minutes)
{
    if (!m_session)
        return false;
    return change([&](Session& s) {
        const std::int64_t now = unixNowMs();
        s.timer = storedTimer(SessionClock(sessionTimerAt(s.timer, now)).withMinutesAdded(minutes, 0), now);
    });
}

int SessionPanel::timerRemaining() const
{
    return m_session ? sessionTimerAt(m_session->timer, unixNowMs()).remainingSeconds : 0;
}

std::optional<SessionTimer> SessionPanel::presentedTimer() const
{
    if (!running())
        return std::nullopt;
    return asSessionTimer(m_session->timer);
}

bool SessionPanel::setTimer(const SessionTimer& timer)
{
    if (!m_session)
        return false;
    const SessionTimerState next = asTimerState(timer);
    if (next == m_session->timer)
        return true;
    return change([&](Session& s) { s.timer = next; });
}

QString SessionPanel::timerText() const
{
    if (!m_session)
        return QString();
    const SessionTimer t = sessionTimerAt(m_session->timer, unixNowMs());
    if (t.durationSeconds == 0 && t.remainingSeconds == 0)
        return tr("No timer");
    return toQString(countdownText(t.remainingSeconds)) + (t.running ? QString() : tr(" (paused)"));
}

bool SessionPanel::park(const QString& text)
{
    const std::string words = toStd(text.trimmed());
    if (words.empty())
        return false;
    const std::string author = participant();
    return change([&](Session& s) { s.parkingLot.push_back({newId("k-"), words, author, nowUtcText(), false}); });
}

bool SessionPanel::addNote(const std::string& mapId, const std::string& stepId, const QString& text)
{
    const std::string words = toStd(text.trimmed());
    if (words.empty())
        return false;
    const std::string author = participant();
    return change([&](Session& s) {
        SessionNote note;
        note.id = newId("n-");
        note.text = words;
        note.mapId = mapId;
        note.stepId = stepId;
        note.author = author;
        note.createdAt = nowUtcText();
        s.notes.push_back(note);
    });
}

bool SessionPanel::vote(const std::string& mapId, const std::string& stepId, int delta)
{
    if (!m_session)
        return false;
    const std::string who = participant();
    return change([&](Session& s) {
        int count = 0;
        for (const SessionVote& v : s.votes)
            if (v.participant == who && v.mapId == mapId && v.stepId == stepId)
                count = v.count;
        if (count + delta < 0)
            throw std::invalid_argument("there is no dot of yours on this step to take back");
        setSessionVote(s, who, mapId, stepId, count + delta);
    });
}

bool SessionPanel::setRevealed(bool revealed)
{
    return change([&](Session& s) { s.voteSettings.revealed = revealed; });
}

bool SessionPanel::poll()
{
    if (!m_store || !m_session)
        return false;
    try {
        const std::int64_t version = m_store->sessionVersion(m_session->id);
        if (version == m_version)
            return false;
        const int before = m_session->currentItem;
        m_session = m_store->loadSession(m_session->id);
        m_version = version;
        if (m_following && m_session->currentItem != before) {
            m_shownItem = m_session->currentItem;
            if (m_shownItem >= 0)
                emit openItem(currentItemMaps());
        }
    } catch (const std::exception& e) {
        fail(toQString(std::string(e.what())));
        return false;
    }
    refresh();
    emit sessionChanged();
    return true;
}

bool SessionPanel::exportRecord(const QString& chosen)
{
    if (!m_store || !m_session)
        return false;
    QString path = chosen;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export Session Record"),
                                            toQString(m_session->date + " session record.pdf"),
                                            tr("PDF (*.pdf);;JSON (*.json)"));
    if (path.isEmpty())
        return false;
    try {
        const SessionRecord record = buildSessionRecord(*m_store, *m_session);
        if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
            writeFileAtomically(toStd(path), sessionRecordToJson(record));
        } else {
            ExportOptions options;
            options.paper = QPageSize::Letter;
            options.orientation = QPageLayout::Portrait;
            SessionPrintout printout(record, options);
            const QByteArray bytes = printout.toPdf();
            writeFileAtomically(toStd(path),
                                std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        }
    } catch (const std::exception& e) {
        fail(tr("Could not export the session record: %1").arg(toQString(std::string(e.what()))));
        return false;
    }
    return true;
}

QString SessionPanel::itemText(const AgendaItem& item) const
{
    QStringList names;
    for (const std::string& id : item.maps) {
        QString name = toQString(id);
        try {
            if (m_store && m_store->hasMap(id)) {
                const Map map = m_store->loadMap(id);
                name = toQString(map.props.district.empty() ? map.props.title : map.props.district);
            }
        } catch (const std::exception&) {
        }
        names << name;
    }
    const QString title = item.title.empty() ? names.join(QStringLiteral(" / ")) : toQString(item.title);
    return item.isComparison() ? tr("%1 (comparison, %2 min)").arg(title).arg(item.plannedMinutes)
                               : tr("%1 (%2 min)").arg(title).arg(item.plannedMinutes);
}

QString SessionPanel::tallyText() const
{
    return m_tally->text();
}

QString SessionPanel::message() const
{
    return m_message->text();
}

void SessionPanel::refresh()
{
    const bool has = m_session.has_value();
    m_start->setEnabled(has);
    m_start->setText(running() ? tr("End session") : tr("Start session"));
    m_agenda->clear();
    m_steps->clear();
    m_voteAs->clear();
    m_parking->clear();
    m_notes->clear();
    if (!has) {
        m_title->setText(m_store ? tr("No session chosen. New… creates one.") : tr("No workspace open."));
        m_tally->clear();
        m_timer->setText(QString());
        return;
    }
    const Session& s = *m_session;
    m_title->setText(tr("<b>%1</b><br>%2 · %3 min planned · %4")
                         .arg(toQString(s.title).toHtmlEscaped(), toQString(s.date))
                         .arg(s.plannedMinutes())
                         .arg(running() ? tr("running") : !s.endedAt.empty() ? tr("ended") : tr("not started")));
    for (int i = 0; i < static_cast<int>(s.agenda.size()); ++i) {
        const QString mark = i == s.currentItem ? QStringLiteral("▶ ") : i == m_shownItem ? QStringLiteral("· ")
                                                                                           : QStringLiteral("   ");
        auto* row = new QListWidgetItem(mark + QString::number(i + 1) + ". " +
                                        itemText(s.agenda[static_cast<std::size_t>(i)]));
        if (i == s.currentItem) {
            QFont f = row->font();
            f.setBold(true);
            row->setFont(f);
        }
        m_agenda->addItem(row);
    }
    // The steps that can take a dot: those of the item shown.
    const int item = m_shownItem >= 0 ? m_shownItem : s.currentItem;
    if (item >= 0 && item < static_cast<int>(s.agenda.size()) && m_store)
        for (const std::string& id : s.agenda[static_cast<std::size_t>(item)].maps) {
            try {
                const Map map = m_store->loadMap(id);
                for (const Step& step : map.steps)
                    m_steps->addItem(toQString((s.agenda[static_cast<std::size_t>(item)].isComparison()
                                                    ? map.props.district + ": "
                                                    : std::string()) +
                                               step.label),
                                     QStringList{toQString(id), toQString(step.id)});
            } catch (const std::exception&) {
            }
        }
    const std::string me = participant();
    for (const Participant& p : s.participants)
        m_voteAs->addItem(toQString(p.name.empty() ? p.id : p.name), toQString(p.id));
    if (m_voteAs->findData(toQString(me)) < 0)
        m_voteAs->addItem(toQString(me), toQString(me));
    m_voteAs->setCurrentIndex(m_voteAs->findData(toQString(me)));
    m_voteAs->setEnabled(!m_store || m_store->participantId().empty());
    // Own dots always; everyone's once revealed (anonymous unless the facilitator chose otherwise).
    QStringList lines;
    lines << tr("Your dots: %1 of %2").arg(s.votesOf(me)).arg(s.voteSettings.votesPerParticipant);
    std::map<std::pair<std::string, std::string>, int> tally;
    std::map<std::pair<std::string, std::string>, QStringList> voters; // only when not anonymous
    for (const SessionVote& v : visibleVotes(s, me))
        if (v.participant != me || s.voteSettings.revealed) {
            tally[{v.mapId, v.stepId}] += v.count;
            if (!s.voteSettings.anonymous && !v.participant.empty() && v.count > 0)
                voters[{v.mapId, v.stepId}] << tr("%1 %2").arg(toQString(s.participantName(v.participant))).arg(v.count);
        }
    if (s.voteSettings.revealed) {
        for (const auto& [key, count] : tally) {
            QString label = toQString(key.second);
            try {
                if (m_store && m_store->hasMap(key.first)) {
                    const Map map = m_store->loadMap(key.first); // the step points into it
                    if (const Step* st = map.step(key.second))
                        label = toQString(st->label);
                }
            } catch (const std::exception&) {
            }
            const QStringList& who = voters[key];
            lines << (who.isEmpty() ? tr("%1: %2").arg(label).arg(count)
                                    : tr("%1: %2 (%3)").arg(label).arg(count).arg(who.join(QStringLiteral(", "))));
        }
    } else {
        lines << tr("Tally hidden until the facilitator reveals it");
    }
    m_tally->setText(lines.join(QLatin1Char('\n')));
    for (const SessionParkingItem& p : s.parkingLot)
        m_parking->addItem((p.done ? QStringLiteral("✓ ") : QString()) + toQString(p.text));
    for (const SessionNote& note : s.notes) {
        QString on = tr("the session");
        if (!note.mapId.empty()) {
            on = toQString(note.stepId.empty() ? note.mapId : note.stepId);
            try {
                if (m_store && m_store->hasMap(note.mapId)) {
                    const Map map = m_store->loadMap(note.mapId);
                    if (const Step* st = map.step(note.stepId))
                        on = toQString(st->label);
                    else if (note.stepId.empty()) // a note on the whole map, named by its district
                        on = tr("%1 (whole map)")
                                 .arg(toQString(map.props.district.empty() ? map.props.title : map.props.district));
                }
            } catch (const std::exception&) {
            }
        }
        m_notes->addItem(tr("%1: %2 (%3)").arg(on, toQString(note.text), toQString(s.participantName(note.author))));
    }
    if (!m_minutes->hasFocus() && toStd(m_minutes->toPlainText()) != s.minutes) {
        const QSignalBlocker block(m_minutes);
        m_minutes->setPlainText(toQString(s.minutes));
    }
    {
        const QSignalBlocker block(m_reveal);
        m_reveal->setChecked(s.voteSettings.revealed);
        const QSignalBlocker blockFollow(m_follow); // browsing unticks it, Ctrl+Home ticks it
        m_follow->setChecked(m_following);
    }
    m_timerButton->setText(s.timer.running ? tr("Pause timer") : tr("Start timer"));
    m_timer->setText(timerText());
}

} // namespace crosswalk
