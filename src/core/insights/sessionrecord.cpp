#include "crosswalk/insights/sessionrecord.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace crosswalk {
namespace {

using ojson = nlohmann::ordered_json;

SessionRecord::MapRef mapRef(const MapStore& store, const std::string& id)
{
    SessionRecord::MapRef ref{id, "", "", true};
    if (store.hasMap(id)) {
        const Map map = store.loadMap(id);
        ref.title = map.props.title;
        ref.district = map.props.district;
        ref.missing = false;
    }
    return ref;
}

ojson refJson(const SessionRecord::MapRef& m)
{
    return ojson{{"id", m.id}, {"title", m.title}, {"district", m.district}, {"missing", m.missing}};
}

} // namespace

std::string agendaItemTitle(const AgendaItem& item, const std::vector<SessionRecord::MapRef>& maps)
{
    if (!item.title.empty())
        return item.title;
    std::string title;
    for (const SessionRecord::MapRef& m : maps)
        title += (title.empty() ? "" : " / ") + (m.district.empty() ? (m.title.empty() ? m.id : m.title) : m.district);
    return title;
}

SessionRecord buildSessionRecord(const MapStore& store, const Session& session)
{
    SessionRecord record;
    record.session = session;
    std::map<std::string, SessionRecord::MapRef> refs;
    for (const std::string& id : session.agendaMaps())
        refs[id] = mapRef(store, id);
    for (const SessionVote& v : session.votes)
        if (!refs.count(v.mapId))
            refs[v.mapId] = mapRef(store, v.mapId);
    for (const AgendaItem& item : session.agenda) {
        SessionRecord::Item entry{item, {}, ""};
        for (const std::string& id : item.maps)
            entry.maps.push_back(refs[id]);
        entry.title = agendaItemTitle(item, entry.maps);
        record.agenda.push_back(entry);
    }
    // Tallies, with the labels of the steps as they are now.
    std::map<std::string, Map> loaded;
    auto mapOf = [&](const std::string& id) -> const Map* {
        if (refs[id].missing)
            return nullptr;
        if (!loaded.count(id))
            loaded[id] = store.loadMap(id);
        return &loaded[id];
    };
    std::vector<std::string> order = session.agendaMaps();
    for (const SessionVote& v : session.votes)
        if (std::find(order.begin(), order.end(), v.mapId) == order.end())
            order.push_back(v.mapId);
    for (const std::string& mapId : order) {
        for (const auto& [stepId, votes] : sessionTally(session, mapId)) {
            const Map* map = mapOf(mapId);
            const Step* step = map ? map->step(stepId) : nullptr;
            record.tallies.push_back({mapId, stepId, step ? step->label : "(removed step)", refs[mapId].district, votes});
        }
    }
    std::stable_sort(record.tallies.begin(), record.tallies.end(),
                     [](const SessionRecord::Tally& a, const SessionRecord::Tally& b) { return a.votes > b.votes; });
    // What each note is on, by district and step label rather than ids.
    for (const SessionNote& note : session.notes) {
        if (note.mapId.empty()) {
            record.notePlaces.push_back("the session");
            continue;
        }
        if (!refs.count(note.mapId))
            refs[note.mapId] = mapRef(store, note.mapId);
        const SessionRecord::MapRef& ref = refs[note.mapId];
        const std::string name = ref.missing ? note.mapId : ref.district.empty() ? ref.title : ref.district;
        if (note.stepId.empty()) {
            record.notePlaces.push_back(name + " (whole map)");
            continue;
        }
        const Map* map = mapOf(note.mapId);
        const Step* step = map ? map->step(note.stepId) : nullptr;
        record.notePlaces.push_back(name + ": " + (step ? step->label : std::string("(removed step)")));
    }
    // What changed: from the revision taken when the session started to the map now.
    for (const std::string& mapId : session.agendaMaps()) {
        SessionRecord::MapChanges changes;
        changes.map = refs[mapId];
        const auto rev = session.startRevisions.find(mapId);
        const Map* now = mapOf(mapId);
        if (rev != session.startRevisions.end() && now) {
            changes.sinceRevision = rev->second;
            for (const Revision& r : store.listRevisions(mapId))
                if (r.id == rev->second)
                    changes.sinceName = r.name;
            try {
                const Map before = store.loadRevision(rev->second);
                changes.changes = MapDiff(before, *now).changes();
                changes.known = true;
            } catch (const StoreError&) {
                changes.known = false; // the revision is gone with its map
            }
        }
        record.changes.push_back(changes);
    }
    return record;
}

std::string sessionRecordToJson(const SessionRecord& r)
{
    const Session& s = r.session;
    ojson j = ojson::object();
    j["format"] = "crosswalk-session-record";
    j["version"] = 1;
    j["session"] = ojson{{"id", s.id}, {"title", s.title}, {"date", s.date}, {"started", s.startedAt},
                         {"ended", s.endedAt}, {"planned_minutes", s.plannedMinutes()}};
    ojson agenda = ojson::array();
    for (const SessionRecord::Item& item : r.agenda) {
        ojson maps = ojson::array();
        for (const SessionRecord::MapRef& m : item.maps)
            maps.push_back(refJson(m));
        agenda.push_back(ojson{{"id", item.item.id},
                               {"title", item.title},
                               {"kind", item.item.isComparison() ? "comparison" : "map"},
                               {"minutes", item.item.plannedMinutes},
                               {"maps", maps}});
    }
    j["agenda"] = agenda;
    ojson parking = ojson::array();
    for (const SessionParkingItem& p : s.parkingLot)
        parking.push_back(ojson{{"text", p.text}, {"author", p.author}, {"created", p.createdAt}, {"done", p.done}});
    j["parking_lot"] = parking;
    ojson notes = ojson::array();
    for (const SessionNote& n : s.notes)
        notes.push_back(ojson{{"text", n.text}, {"map", n.mapId}, {"step", n.stepId}, {"author", n.author},
                              {"created", n.createdAt}});
    j["notes"] = notes;
    j["minutes"] = s.minutes;
    ojson tallies = ojson::array();
    for (const SessionRecord::Tally& t : r.tallies)
        tallies.push_back(ojson{{"map", t.mapId}, {"district", t.district}, {"step", t.stepId}, {"label", t.label},
                                {"votes", t.votes}});
    ojson votes = ojson::object();
    votes["votes_per_participant"] = s.voteSettings.votesPerParticipant;
    votes["revealed"] = s.voteSettings.revealed;
    votes["anonymous"] = s.voteSettings.anonymous;
    votes["tallies"] = tallies;
    // Who voted for what only when the facilitator chose open voting.
    if (!s.voteSettings.anonymous) {
        ojson each = ojson::array();
        for (const SessionVote& v : s.votes)
            each.push_back(ojson{{"participant", v.participant}, {"map", v.mapId}, {"step", v.stepId},
                                 {"count", v.count}});
        votes["by_participant"] = each;
    }
    j["votes"] = votes;
    ojson changes = ojson::array();
    for (const SessionRecord::MapChanges& c : r.changes) {
        ojson list = ojson::array();
        for (const EntityDiff& d : c.changes)
            list.push_back(ojson{{"entity", toString(d.entity)}, {"change", toString(d.change)}, {"id", d.id},
                                 {"text", d.text}});
        changes.push_back(ojson{{"map", refJson(c.map)},
                                {"since_revision", c.sinceRevision},
                                {"since_name", c.sinceName},
                                {"known", c.known},
                                {"changes", list}});
    }
    j["changes"] = changes;
    return j.dump(2) + "\n";
}

} // namespace crosswalk
