#pragma once

#include "crosswalk/facilitation/session.h"

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace crosswalk {

class MapStore;

/// The Session panel: the sessions of the open workspace or network library, and the one
/// being run: its agenda (the facilitator steps through it; participants follow or browse),
/// its one timer (a deadline, so every client and a restart show the same time), its parking
/// lot, its notes and the participants' dot votes. Every change is saved to the store at once;
/// another client's save is picked up within a second (a network library) and re-applied
/// over, never lost.
class SessionPanel final : public QWidget {
    Q_OBJECT
public:
    explicit SessionPanel(QWidget* parent = nullptr);

    /// The store whose sessions are shown (nullptr: none).
    void setStore(MapStore* store);
    MapStore* store() const { return m_store; }
    /// The session shown, as last loaded or saved.
    const std::optional<Session>& session() const { return m_session; }
    /// Shows this session ("" shows none).
    void selectSession(const QString& sessionId);
    /// Started and not ended.
    bool running() const;
    /// Who this client votes and parks as: the network library's user, else the participant
    /// chosen under "Vote as" (a facilitator entering each team's dots).
    std::string participant() const;
    void setParticipant(const std::string& participantId);
    /// Participants: whether this client follows the facilitator's item.
    bool following() const { return m_following; }
    void setFollowing(bool follow);

    // Commands (buttons, the presentation's keys, tests). Each returns false, with the reason
    // in the panel's message line, when it could not be done.
    bool newSession();
    bool editSession();
    /// Saves a new session and shows it.
    bool createSession(const Session& session);
    bool startSession();
    bool endSession();
    /// Next / previous agenda item (the facilitator's); opens it.
    bool step(int delta);
    bool goToItem(int index);
    /// Opens the facilitator's current item again (a participant back from browsing).
    void followFacilitator();
    bool toggleTimer();
    bool addMinutes(int minutes);
    /// The timer's time left now, in seconds.
    int timerRemaining() const;
    /// While the session runs, its timer as the presentation's top bar shows and changes it
    /// (the stored deadline); empty otherwise (the map's own timer is shown).
    std::optional<SessionTimer> presentedTimer() const;
    /// Stores a timer the presentation worked out (started, paused, minutes added, reset).
    bool setTimer(const SessionTimer& timer);
    bool park(const QString& text);
    bool addNote(const std::string& mapId, const std::string& stepId, const QString& text);
    /// One dot more (delta 1) or fewer (-1) by participant() on a step.
    bool vote(const std::string& mapId, const std::string& stepId, int delta);
    bool setRevealed(bool revealed);
    /// The session record as PDF or JSON (by the extension); with an empty path, asks.
    bool exportRecord(const QString& path = QString());
    /// Reloads the session when someone else saved it; true when it changed.
    bool poll();

    /// The current item's maps (the facilitator's), empty when none.
    QStringList currentItemMaps() const;
    /// The text the panel shows for the timer, the tally, the message line (tests).
    QString timerText() const;
    QString tallyText() const;
    QString message() const;
    QListWidget* agendaList() const { return m_agenda; }
    QListWidget* parkingList() const { return m_parking; }
    /// The session's sticky notes: "step label: text (author)".
    QListWidget* notesList() const { return m_notes; }
    /// The Follow box: ticked while this client follows the facilitator's item.
    QCheckBox* followBox() const { return m_follow; }

signals:
    /// An agenda item is to be shown: one map id (present it) or several (compare them).
    void openItem(const QStringList& mapIds);
    /// The session shown changed (saved here or by someone else).
    void sessionChanged();

private:
    /// Runs a store call that returns the stored session (start, end), keeps what it returns
    /// and its version; a refusal is shown, and false returned.
    bool storeSession(const std::function<Session(MapStore&, const std::string&)>& call);

    /// Loads, changes and saves (again over someone else's save); false with a message.
    bool change(const std::function<void(Session&)>& edit);
    void reloadList();
    void refresh();
    void fail(const QString& message);
    QString itemText(const AgendaItem& item) const;

    MapStore* m_store = nullptr;
    std::optional<Session> m_session;
    std::int64_t m_version = 0;
    std::string m_participant;
    bool m_following = true;
    int m_shownItem = -1; // the item this client shows (participants may browse)

    QComboBox* m_sessions = nullptr;
    QPushButton* m_start = nullptr;
    QCheckBox* m_follow = nullptr;
    QLabel* m_title = nullptr;
    QListWidget* m_agenda = nullptr;
    QLabel* m_timer = nullptr;
    QPushButton* m_timerButton = nullptr;
    QComboBox* m_voteAs = nullptr;
    QComboBox* m_steps = nullptr;
    QLabel* m_tally = nullptr;
    QCheckBox* m_reveal = nullptr;
    QListWidget* m_parking = nullptr;
    QLineEdit* m_parkInput = nullptr;
    QPlainTextEdit* m_minutes = nullptr;
    QListWidget* m_notes = nullptr;
    QLabel* m_message = nullptr;
    QTimer* m_tick = nullptr;
    QTimer* m_pollTimer = nullptr;
};

} // namespace crosswalk
