#include "crosswalk/facilitation/session.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>
#include <tuple>

namespace crosswalk {
namespace {

bool isDate(const std::string& d)
{
    if (d.size() != 10 || d[4] != '-' || d[7] != '-')
        return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (d[i] < '0' || d[i] > '9')
            return false;
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    const int day = (d[8] - '0') * 10 + (d[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool isColour(const std::string& c)
{
    if (c.size() != 7 || c[0] != '#')
        return false;
    return std::all_of(c.begin() + 1, c.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    });
}

std::string quote(const std::string& s)
{
    return "\"" + s + "\"";
}

} // namespace

const AgendaItem* Session::item(const std::string& itemId) const
{
    for (const AgendaItem& i : agenda)
        if (i.id == itemId)
            return &i;
    return nullptr;
}

std::vector<std::string> Session::agendaMaps() const
{
    std::vector<std::string> ids;
    for (const AgendaItem& i : agenda)
        for (const std::string& m : i.maps)
            if (std::find(ids.begin(), ids.end(), m) == ids.end())
                ids.push_back(m);
    return ids;
}

int Session::plannedMinutes() const
{
    int total = 0;
    for (const AgendaItem& i : agenda)
        total += i.plannedMinutes;
    return total;
}

int Session::votesOf(const std::string& participant) const
{
    int total = 0;
    for (const SessionVote& v : votes)
        if (v.participant == participant)
            total += v.count;
    return total;
}

std::string Session::participantName(const std::string& participantId) const
{
    for (const Participant& p : participants)
        if (p.id == participantId && !p.name.empty())
            return p.name;
    return participantId;
}

std::vector<std::string> validateSession(const Session& s, const std::function<bool(const std::string&)>& mapExists)
{
    std::vector<std::string> problems;
    auto problem = [&](const std::string& where, const std::string& what) { problems.push_back(where + ": " + what); };
    if (s.id.empty())
        problem("id", "a session needs an id");
    if (s.title.empty())
        problem("title", "a session needs a title");
    if (!isDate(s.date))
        problem("date", "must be a date as YYYY-MM-DD, not " + quote(s.date));
    if (s.agenda.size() > static_cast<std::size_t>(kMaxAgendaItems))
        problem("agenda", "at most " + std::to_string(kMaxAgendaItems) + " items, not " +
                              std::to_string(s.agenda.size()));
    std::set<std::string> ids;
    auto uniqueId = [&](const std::string& where, const std::string& id) {
        if (id.empty())
            problem(where + ".id", "missing");
        else if (!ids.insert(id).second)
            problem(where + ".id", "id " + quote(id) + " is used twice");
    };
    for (std::size_t i = 0; i < s.agenda.size(); ++i) {
        const AgendaItem& item = s.agenda[i];
        const std::string where = "agenda[" + std::to_string(i) + "]";
        uniqueId(where, item.id);
        if (item.maps.empty())
            problem(where + ".maps", "an agenda item needs a map (or two to " +
                                         std::to_string(kMaxComparedInItem) + " maps for a comparison)");
        if (item.maps.size() > static_cast<std::size_t>(kMaxComparedInItem))
            problem(where + ".maps", "a comparison takes at most " + std::to_string(kMaxComparedInItem) + " maps, not " +
                                         std::to_string(item.maps.size()));
        std::set<std::string> seen;
        for (const std::string& m : item.maps) {
            if (!seen.insert(m).second)
                problem(where + ".maps", "map " + quote(m) + " is named twice; compare different maps");
            else if (m.empty())
                problem(where + ".maps", "an empty map id");
            else if (mapExists && !mapExists(m))
                problem(where + ".maps", "no map " + quote(m) + " in this workspace");
        }
        if (item.plannedMinutes < 0 || item.plannedMinutes > kMaxAgendaMinutes)
            problem(where + ".minutes", "must be 0 to " + std::to_string(kMaxAgendaMinutes) + " minutes, not " +
                                            std::to_string(item.plannedMinutes));
    }
    if (s.currentItem < -1 || s.currentItem >= static_cast<int>(s.agenda.size()))
        problem("current_item", "must be -1 (not started) or an index of the agenda, not " +
                                    std::to_string(s.currentItem));
    const SessionTimerState& t = s.timer;
    if (t.durationSeconds < 0 || t.durationSeconds > kMaxSessionSeconds)
        problem("timer.duration", "must be 0 to " + std::to_string(kMaxSessionSeconds) + " seconds");
    if (t.remainingSeconds < 0 || t.remainingSeconds > kMaxSessionSeconds)
        problem("timer.remaining", "must be 0 to " + std::to_string(kMaxSessionSeconds) + " seconds");
    if (t.running && t.deadlineMs <= 0)
        problem("timer.deadline", "a running timer needs its deadline");
    for (std::size_t i = 0; i < s.parkingLot.size(); ++i) {
        const std::string where = "parking_lot[" + std::to_string(i) + "]";
        uniqueId(where, s.parkingLot[i].id);
        if (s.parkingLot[i].text.empty())
            problem(where + ".text", "a parked item needs text");
    }
    for (std::size_t i = 0; i < s.notes.size(); ++i) {
        const SessionNote& n = s.notes[i];
        const std::string where = "notes[" + std::to_string(i) + "]";
        uniqueId(where, n.id);
        if (!isColour(n.color))
            problem(where + ".color", "must be #RRGGBB, not " + quote(n.color));
        if (!n.stepId.empty() && n.mapId.empty())
            problem(where + ".step", "a note on a step needs its map");
    }
    const VoteSettings& v = s.voteSettings;
    if (v.votesPerParticipant < 0 || v.votesPerParticipant > kMaxVotesPerParticipant)
        problem("vote_settings.votes_per_participant",
                "must be 0 to " + std::to_string(kMaxVotesPerParticipant) + ", not " +
                    std::to_string(v.votesPerParticipant));
    std::set<std::tuple<std::string, std::string, std::string>> voteKeys;
    for (std::size_t i = 0; i < s.votes.size(); ++i) {
        const SessionVote& vote = s.votes[i];
        const std::string where = "votes[" + std::to_string(i) + "]";
        if (vote.participant.empty() || vote.mapId.empty() || vote.stepId.empty())
            problem(where, "a vote needs its participant, map and step");
        if (vote.count <= 0 || vote.count > kMaxVotesPerParticipant)
            problem(where + ".count", "must be 1 to " + std::to_string(kMaxVotesPerParticipant) + ", not " +
                                          std::to_string(vote.count));
        if (!voteKeys.insert({vote.participant, vote.mapId, vote.stepId}).second)
            problem(where, "participant " + quote(vote.participant) + " has two rows on step " + quote(vote.stepId));
    }
    std::set<std::string> counted;
    for (const SessionVote& vote : s.votes)
        if (counted.insert(vote.participant).second && s.votesOf(vote.participant) > v.votesPerParticipant)
            problem("votes", "participant " + quote(vote.participant) + " placed " +
                                 std::to_string(s.votesOf(vote.participant)) + " votes; the limit is " +
                                 std::to_string(v.votesPerParticipant));
    std::set<std::string> people;
    for (std::size_t i = 0; i < s.participants.size(); ++i)
        if (s.participants[i].id.empty() || !people.insert(s.participants[i].id).second)
            problem("participants[" + std::to_string(i) + "].id", "missing or used twice");
    return problems;
}

std::map<std::string, int> sessionTally(const Session& session, const std::string& mapId)
{
    std::map<std::string, int> tally;
    for (const SessionVote& v : session.votes)
        if (v.mapId == mapId)
            tally[v.stepId] += v.count;
    return tally;
}

std::vector<SessionVote> visibleVotes(const Session& session, const std::string& viewer)
{
    std::vector<SessionVote> out;
    for (const SessionVote& v : session.votes) {
        if (v.participant == viewer || (session.voteSettings.revealed && !session.voteSettings.anonymous)) {
            out.push_back(v);
            continue;
        }
        if (!session.voteSettings.revealed)
            continue;
        auto same = std::find_if(out.begin(), out.end(), [&](const SessionVote& o) {
            return o.participant.empty() && o.mapId == v.mapId && o.stepId == v.stepId;
        });
        if (same != out.end())
            same->count += v.count;
        else
            out.push_back({"", v.mapId, v.stepId, v.count});
    }
    return out;
}

void setSessionVote(Session& session, const std::string& participant, const std::string& mapId,
                    const std::string& stepId, int count)
{
    if (count < 0)
        throw std::invalid_argument("a vote count cannot be negative");
    auto row = std::find_if(session.votes.begin(), session.votes.end(), [&](const SessionVote& v) {
        return v.participant == participant && v.mapId == mapId && v.stepId == stepId;
    });
    const int before = row == session.votes.end() ? 0 : row->count;
    const int total = session.votesOf(participant) - before + count;
    if (count > before && total > session.voteSettings.votesPerParticipant)
        throw std::invalid_argument("each participant has " + std::to_string(session.voteSettings.votesPerParticipant) +
                                    " votes in this session, and " + participant + " has placed them all");
    if (row == session.votes.end()) {
        if (count > 0)
            session.votes.push_back({participant, mapId, stepId, count});
    } else if (count == 0) {
        session.votes.erase(row);
    } else {
        row->count = count;
    }
}

SessionTimer sessionTimerAt(const SessionTimerState& state, std::int64_t nowMs)
{
    SessionTimer t{state.durationSeconds, state.remainingSeconds, state.running};
    if (state.running) {
        const std::int64_t leftMs = std::max<std::int64_t>(0, state.deadlineMs - nowMs);
        // Rounded up: a countdown shows 0:00 only when the time is up.
        t.remainingSeconds = static_cast<int>(std::min<std::int64_t>(kMaxSessionSeconds, (leftMs + 999) / 1000));
    }
    return t;
}

SessionTimerState storedTimer(const SessionTimer& timer, std::int64_t nowMs)
{
    SessionTimerState s{timer.durationSeconds, timer.remainingSeconds, timer.running, 0};
    if (timer.running)
        s.deadlineMs = nowMs + std::int64_t{timer.remainingSeconds} * 1000;
    return s;
}

SessionTimer asSessionTimer(const SessionTimerState& state)
{
    return SessionTimer{state.durationSeconds, state.remainingSeconds, state.running,
                        state.running ? state.deadlineMs : 0};
}

SessionTimerState asTimerState(const SessionTimer& timer)
{
    return SessionTimerState{timer.durationSeconds, timer.remainingSeconds, timer.running,
                             timer.running ? timer.deadlineMs : 0};
}

std::int64_t unixNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace crosswalk
