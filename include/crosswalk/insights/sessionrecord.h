#pragma once

#include "crosswalk/facilitation/session.h"
#include "crosswalk/insights/mapdiff.h"
#include "crosswalk/storage/mapstore.h"

#include <string>
#include <vector>

namespace crosswalk {

/// What a session left behind, for the session record (JSON and PDF): the agenda with the
/// maps' names, the parking lot, the notes, the votes and their tallies, and what changed in
/// each agenda map during the session.
struct SessionRecord {
    struct MapRef {
        std::string id;
        std::string title;
        std::string district; // empty when the map is no longer in the store
        bool missing = false;
    };
    struct Item {
        AgendaItem item;
        std::vector<MapRef> maps;
        std::string title; // the item's title, or its maps' districts
    };
    /// The tally of one step over all participants.
    struct Tally {
        std::string mapId;
        std::string stepId;
        std::string label; // the step's label ("(removed step)" when it is gone)
        std::string district;
        int votes = 0;
    };
    /// What changed in one agenda map between its revision at the start of the session and
    /// the map now.
    struct MapChanges {
        MapRef map;
        std::string sinceRevision; // revision id; empty when the session did not start
        std::string sinceName;
        std::vector<EntityDiff> changes;
        bool known = false; // false: no start revision to compare with
    };

    Session session;
    std::vector<Item> agenda;
    std::vector<Tally> tallies; // most votes first, then agenda order
    std::vector<MapChanges> changes;
    /// What each of session.notes is on, as a reader names it ("Kestrel Bay: First school
    /// visit", "Sable Ridge (whole map)", "the session"); one per note, in order.
    std::vector<std::string> notePlaces;
};

/// Builds the record of a session stored in `store`.
SessionRecord buildSessionRecord(const MapStore& store, const Session& session);

/// The record in JSON (docs/file-format.md, "Session record"); deterministic.
std::string sessionRecordToJson(const SessionRecord& record);

/// The agenda item's title as shown: its own, else its maps' districts ("Harbor City" or
/// "Harbor City / Kestrel Bay").
std::string agendaItemTitle(const AgendaItem& item, const std::vector<SessionRecord::MapRef>& maps);

} // namespace crosswalk
