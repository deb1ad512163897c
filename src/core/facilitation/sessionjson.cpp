// A session in its JSON form (docs/file-format.md, "Sessions"): what the workspace stores and
// what `crosswalk export --session --format json` starts from.

#include "crosswalk/facilitation/session.h"
#include "crosswalk/json/mapjson.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace crosswalk {
namespace {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

constexpr std::string_view kSessionFormat = "crosswalk-session";
constexpr int kSessionFormatVersion = 1;

/// Reads fields, collecting every problem with its JSON path instead of stopping at the first.
class Reader {
  public:
    std::vector<std::string> problems;

    std::string text(const json& o, const char* key, const std::string& path, bool required = false)
    {
        const auto it = o.find(key);
        if (it == o.end() || it->is_null()) {
            if (required)
                problems.push_back(path + "." + key + ": missing");
            return {};
        }
        if (!it->is_string()) {
            problems.push_back(path + "." + key + ": must be text");
            return {};
        }
        return it->get<std::string>();
    }
    std::int64_t number(const json& o, const char* key, const std::string& path, std::int64_t fallback)
    {
        const auto it = o.find(key);
        if (it == o.end() || it->is_null())
            return fallback;
        if (!it->is_number_integer()) {
            problems.push_back(path + "." + key + ": must be a whole number");
            return fallback;
        }
        return it->get<std::int64_t>();
    }
    int small(const json& o, const char* key, const std::string& path, int fallback)
    {
        const std::int64_t v = number(o, key, path, fallback);
        if (v < -1000000000 || v > 1000000000) {
            problems.push_back(path + "." + key + ": " + std::to_string(v) + " is out of range");
            return fallback;
        }
        return static_cast<int>(v);
    }
    bool flag(const json& o, const char* key, const std::string& path, bool fallback)
    {
        const auto it = o.find(key);
        if (it == o.end() || it->is_null())
            return fallback;
        if (!it->is_boolean()) {
            problems.push_back(path + "." + key + ": must be true or false");
            return fallback;
        }
        return it->get<bool>();
    }
    /// The array under key (empty when missing or not an array, the latter a problem).
    const json& array(const json& o, const char* key, const std::string& path)
    {
        static const json empty = json::array();
        const auto it = o.find(key);
        if (it == o.end() || it->is_null())
            return empty;
        if (!it->is_array()) {
            problems.push_back(path + "." + key + ": must be a list");
            return empty;
        }
        return *it;
    }
    bool object(const json& j, const std::string& path)
    {
        if (j.is_object())
            return true;
        problems.push_back(path + ": must be an object");
        return false;
    }
};

/// Deeper nesting than a session has is refused before the document is built.
bool tooDeep(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxImportDepth)
                return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

} // namespace

std::string sessionToJson(const Session& s)
{
    ojson j = ojson::object();
    j["format"] = kSessionFormat;
    j["version"] = kSessionFormatVersion;
    ojson b = ojson::object();
    b["id"] = s.id;
    b["title"] = s.title;
    b["date"] = s.date;
    ojson agenda = ojson::array();
    for (const AgendaItem& i : s.agenda) {
        ojson item = ojson::object();
        item["id"] = i.id;
        item["title"] = i.title;
        item["kind"] = i.isComparison() ? "comparison" : "map";
        item["maps"] = i.maps;
        item["minutes"] = i.plannedMinutes;
        agenda.push_back(item);
    }
    b["agenda"] = agenda;
    b["current_item"] = s.currentItem;
    b["timer"] = ojson{{"duration", s.timer.durationSeconds},
                       {"remaining", s.timer.remainingSeconds},
                       {"running", s.timer.running},
                       {"deadline_ms", s.timer.deadlineMs}};
    ojson parking = ojson::array();
    for (const SessionParkingItem& p : s.parkingLot)
        parking.push_back(ojson{{"id", p.id},
                                {"text", p.text},
                                {"author", p.author},
                                {"created", p.createdAt},
                                {"done", p.done}});
    b["parking_lot"] = parking;
    ojson notes = ojson::array();
    for (const SessionNote& n : s.notes)
        notes.push_back(ojson{{"id", n.id},
                              {"text", n.text},
                              {"map", n.mapId},
                              {"step", n.stepId},
                              {"author", n.author},
                              {"color", n.color},
                              {"created", n.createdAt}});
    b["notes"] = notes;
    b["minutes"] = s.minutes;
    b["vote_settings"] = ojson{{"votes_per_participant", s.voteSettings.votesPerParticipant},
                               {"revealed", s.voteSettings.revealed},
                               {"anonymous", s.voteSettings.anonymous}};
    ojson votes = ojson::array();
    for (const SessionVote& v : s.votes)
        votes.push_back(ojson{{"participant", v.participant}, {"map", v.mapId}, {"step", v.stepId}, {"count", v.count}});
    b["votes"] = votes;
    ojson people = ojson::array();
    for (const Participant& p : s.participants)
        people.push_back(ojson{{"id", p.id}, {"name", p.name}, {"facilitator", p.facilitator}});
    b["participants"] = people;
    b["started"] = s.startedAt;
    b["ended"] = s.endedAt;
    ojson revisions = ojson::object();
    for (const auto& [map, revision] : s.startRevisions)
        revisions[map] = revision;
    b["start_revisions"] = revisions;
    j["session"] = b;
    return j.dump(2) + "\n";
}

Session parseSessionJson(std::string_view text)
{
    if (text.size() > kMaxImportBytes)
        throw std::invalid_argument("the session is " + std::to_string(text.size()) + " bytes; at most " +
                                    std::to_string(kMaxImportBytes) + " are read");
    if (tooDeep(text))
        throw std::invalid_argument("the session nests deeper than " + std::to_string(kMaxImportDepth) + " levels");
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded())
        throw std::invalid_argument("not valid JSON");
    Reader r;
    if (!doc.is_object() || doc.value("format", "") != kSessionFormat)
        throw std::invalid_argument("format: not a Crosswalk session (\"format\": \"crosswalk-session\")");
    if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<int>() != 1)
        throw std::invalid_argument("version: this Crosswalk reads session format version 1");
    const auto body = doc.find("session");
    if (body == doc.end() || !body->is_object())
        throw std::invalid_argument("session: missing or not an object");
    const json& b = *body;
    const std::string p = "session";
    Session s;
    s.id = r.text(b, "id", p, true);
    s.title = r.text(b, "title", p, true);
    s.date = r.text(b, "date", p, true);
    const json& agenda = r.array(b, "agenda", p);
    for (std::size_t i = 0; i < agenda.size(); ++i) {
        const std::string ip = p + ".agenda[" + std::to_string(i) + "]";
        if (!r.object(agenda[i], ip))
            continue;
        AgendaItem item;
        item.id = r.text(agenda[i], "id", ip, true);
        item.title = r.text(agenda[i], "title", ip);
        item.plannedMinutes = r.small(agenda[i], "minutes", ip, 0);
        const json& maps = r.array(agenda[i], "maps", ip);
        for (std::size_t m = 0; m < maps.size(); ++m) {
            if (maps[m].is_string())
                item.maps.push_back(maps[m].get<std::string>());
            else
                r.problems.push_back(ip + ".maps[" + std::to_string(m) + "]: must be a map id");
        }
        const std::string kind = r.text(agenda[i], "kind", ip);
        if (!kind.empty() && kind != (item.isComparison() ? "comparison" : "map"))
            r.problems.push_back(ip + ".kind: \"" + kind + "\" does not fit " + std::to_string(item.maps.size()) +
                                 " map(s)");
        s.agenda.push_back(item);
    }
    s.currentItem = r.small(b, "current_item", p, -1);
    if (const auto t = b.find("timer"); t != b.end() && r.object(*t, p + ".timer")) {
        s.timer.durationSeconds = r.small(*t, "duration", p + ".timer", 0);
        s.timer.remainingSeconds = r.small(*t, "remaining", p + ".timer", 0);
        s.timer.running = r.flag(*t, "running", p + ".timer", false);
        s.timer.deadlineMs = r.number(*t, "deadline_ms", p + ".timer", 0);
    }
    const json& parking = r.array(b, "parking_lot", p);
    for (std::size_t i = 0; i < parking.size(); ++i) {
        const std::string ip = p + ".parking_lot[" + std::to_string(i) + "]";
        if (!r.object(parking[i], ip))
            continue;
        s.parkingLot.push_back({r.text(parking[i], "id", ip, true), r.text(parking[i], "text", ip, true),
                                r.text(parking[i], "author", ip), r.text(parking[i], "created", ip),
                                r.flag(parking[i], "done", ip, false)});
    }
    const json& notes = r.array(b, "notes", p);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const std::string ip = p + ".notes[" + std::to_string(i) + "]";
        if (!r.object(notes[i], ip))
            continue;
        SessionNote n;
        n.id = r.text(notes[i], "id", ip, true);
        n.text = r.text(notes[i], "text", ip);
        n.mapId = r.text(notes[i], "map", ip);
        n.stepId = r.text(notes[i], "step", ip);
        n.author = r.text(notes[i], "author", ip);
        if (const std::string c = r.text(notes[i], "color", ip); !c.empty())
            n.color = c;
        n.createdAt = r.text(notes[i], "created", ip);
        s.notes.push_back(n);
    }
    s.minutes = r.text(b, "minutes", p);
    if (const auto v = b.find("vote_settings"); v != b.end() && r.object(*v, p + ".vote_settings")) {
        s.voteSettings.votesPerParticipant = r.small(*v, "votes_per_participant", p + ".vote_settings", 3);
        s.voteSettings.revealed = r.flag(*v, "revealed", p + ".vote_settings", false);
        s.voteSettings.anonymous = r.flag(*v, "anonymous", p + ".vote_settings", true);
    }
    const json& votes = r.array(b, "votes", p);
    for (std::size_t i = 0; i < votes.size(); ++i) {
        const std::string ip = p + ".votes[" + std::to_string(i) + "]";
        if (!r.object(votes[i], ip))
            continue;
        s.votes.push_back({r.text(votes[i], "participant", ip, true), r.text(votes[i], "map", ip, true),
                           r.text(votes[i], "step", ip, true), r.small(votes[i], "count", ip, 0)});
    }
    const json& people = r.array(b, "participants", p);
    for (std::size_t i = 0; i < people.size(); ++i) {
        const std::string ip = p + ".participants[" + std::to_string(i) + "]";
        if (!r.object(people[i], ip))
            continue;
        s.participants.push_back({r.text(people[i], "id", ip, true), r.text(people[i], "name", ip),
                                  r.flag(people[i], "facilitator", ip, false)});
    }
    s.startedAt = r.text(b, "started", p);
    s.endedAt = r.text(b, "ended", p);
    if (const auto revs = b.find("start_revisions"); revs != b.end() && !revs->is_null()) {
        if (!revs->is_object())
            r.problems.push_back(p + ".start_revisions: must be an object of map id to revision id");
        else
            for (const auto& [map, rev] : revs->items()) {
                if (rev.is_string())
                    s.startRevisions[map] = rev.get<std::string>();
                else
                    r.problems.push_back(p + ".start_revisions." + map + ": must be a revision id");
            }
    }
    if (r.problems.empty())
        for (const std::string& problem : validateSession(s))
            r.problems.push_back(p + "." + problem);
    if (!r.problems.empty()) {
        std::string all;
        for (const std::string& problem : r.problems)
            all += (all.empty() ? "" : "\n") + problem;
        throw std::invalid_argument(all);
    }
    return s;
}

} // namespace crosswalk
