#pragma once

// A facilitated session of the network (the monthly meeting of its districts): its agenda of
// maps and comparisons, one timer, one parking lot, its own notes and the participants' dot
// votes. Stored in the workspace next to the maps (MapStore::saveSession); plain values.

#include "crosswalk/model/map.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

inline constexpr int kMaxAgendaItems = 50;
inline constexpr int kMaxAgendaMinutes = 24 * 60;
inline constexpr int kMaxVotesPerParticipant = 99;
inline constexpr int kMaxComparedInItem = 6;

/// One item of the agenda: a map (one map id) or a comparison (two to six map ids), with the
/// time planned for it.
struct AgendaItem {
    std::string id;
    std::vector<std::string> maps; // map ids; one: a map, two or more: a comparison
    int plannedMinutes = 0;        // 0: no length planned
    std::string title;             // optional; empty: named after its maps

    bool isComparison() const { return maps.size() > 1; }
    bool operator==(const AgendaItem&) const = default;
};

/// The session's one countdown, as a deadline: while it runs, the UTC time it ends (so every
/// client, a restart and leaving presentation all show the same time); while paused, the
/// seconds left. SessionClock works on a SessionTimer: see sessionTimerAt/storedTimer.
struct SessionTimerState {
    int durationSeconds = 0;       // the length set; 0: no timer
    int remainingSeconds = 0;      // while paused: the time left
    bool running = false;
    std::int64_t deadlineMs = 0;   // while running: Unix time in milliseconds, UTC, when it ends

    bool operator==(const SessionTimerState&) const = default;
};

/// Someone in the session: the facilitator or a participant.
struct Participant {
    std::string id;   // the store's user name (network library) or a local name
    std::string name; // as shown
    bool facilitator = false;

    bool operator==(const Participant&) const = default;
};

/// A side question parked during the session.
struct SessionParkingItem {
    std::string id;
    std::string text;
    std::string author;    // participant id; may be empty
    std::string createdAt; // ISO 8601 UTC; may be empty
    bool done = false;

    bool operator==(const SessionParkingItem&) const = default;
};

/// A sticky note of the session: on a step of an agenda map, or on the session itself.
struct SessionNote {
    std::string id;
    std::string text;
    std::string mapId;  // empty: a note on the session
    std::string stepId; // empty: on the whole map (or session)
    std::string author;
    std::string color = "#FFE680";
    std::string createdAt;

    bool operator==(const SessionNote&) const = default;
};

/// How dot voting runs: how many dots each participant may place, whether the tally is shown
/// to everyone, and whether others see who voted.
struct VoteSettings {
    int votesPerParticipant = 3;
    bool revealed = false;
    bool anonymous = true;

    bool operator==(const VoteSettings&) const = default;
};

/// Dots of one participant on one step of one map.
struct SessionVote {
    std::string participant;
    std::string mapId;
    std::string stepId;
    int count = 0;

    bool operator==(const SessionVote&) const = default;
};

/// A facilitated session.
struct Session {
    std::string id;
    std::string title;
    std::string date; // "YYYY-MM-DD"
    std::vector<AgendaItem> agenda;
    int currentItem = -1; // the facilitator's item (-1: not started); participants follow it
    SessionTimerState timer;
    std::vector<SessionParkingItem> parkingLot;
    std::vector<SessionNote> notes;
    std::string minutes; // the session's own free-text notes
    VoteSettings voteSettings;
    std::vector<SessionVote> votes;
    std::vector<Participant> participants;
    std::string startedAt; // ISO 8601 UTC; empty until started
    std::string endedAt;   // ISO 8601 UTC; empty until ended
    // The revision of each agenda map taken when the session started (map id -> revision
    // id): the "before" of what changed in the session record.
    std::map<std::string, std::string> startRevisions;

    bool operator==(const Session&) const = default;

    const AgendaItem* item(const std::string& itemId) const;
    /// Every map id on the agenda, once each, in agenda order.
    std::vector<std::string> agendaMaps() const;
    /// The sum of the planned minutes.
    int plannedMinutes() const;
    /// Dots placed by one participant (all maps).
    int votesOf(const std::string& participant) const;
    /// How a participant (an author, a voter) is shown: their name in `participants`, else
    /// the id as it is.
    std::string participantName(const std::string& participantId) const;
};

/// One line of the session list.
struct SessionSummary {
    std::string id;
    std::string title;
    std::string date;
    bool operator==(const SessionSummary&) const = default;
};

/// The problems of a session, each naming the field ("agenda[2].maps: ...") ; empty when it is
/// valid. mapExists, when given, checks that every agenda map is in the store.
std::vector<std::string> validateSession(const Session& session,
                                         const std::function<bool(const std::string&)>& mapExists = {});

/// Votes tallied per step of one map over all participants (step id -> dots).
std::map<std::string, int> sessionTally(const Session& session, const std::string& mapId);

/// What `viewer` may see of the votes: their own always; everyone's once revealed, without
/// the participant when anonymous (participant ""), merged per step.
std::vector<SessionVote> visibleVotes(const Session& session, const std::string& viewer);

/// Sets the dots of `participant` on a step to `count`, within the participant's limit;
/// throws std::invalid_argument naming the limit when it would be exceeded.
void setSessionVote(Session& session, const std::string& participant, const std::string& mapId,
                    const std::string& stepId, int count);

/// The timer as SessionClock takes it, at `nowMs` (Unix ms): the time left now, running or not.
SessionTimer sessionTimerAt(const SessionTimerState& state, std::int64_t nowMs);
/// The stored state for a SessionTimer the clock made at `nowMs` (a running one becomes a
/// deadline).
SessionTimerState storedTimer(const SessionTimer& timer, std::int64_t nowMs);
/// Unix time in milliseconds now.
std::int64_t unixNowMs();
/// The stored state as the SessionTimer a SessionClock reads, deadline and all (the
/// presentation's top bar shows a running session's timer from it).
SessionTimer asSessionTimer(const SessionTimerState& state);
/// A SessionTimer the clock worked out (the *At functions, deadline set) as stored.
SessionTimerState asTimerState(const SessionTimer& timer);

/// The session in its JSON form (docs/file-format.md, "Sessions"); deterministic.
std::string sessionToJson(const Session& session);
/// Reads and validates a session; throws std::invalid_argument listing every problem.
Session parseSessionJson(std::string_view text);

/// The demo's session: the third monthly session of the six demo districts (their maps
/// must be in `maps`).
Session demoSession(const std::vector<Map>& maps);

} // namespace crosswalk
