#include "crosswalk/facilitation/session.h"

#include <stdexcept>

namespace crosswalk {

Session demoSession(const std::vector<Map>& maps)
{
    auto has = [&](const std::string& id) {
        for (const Map& m : maps)
            if (m.id == id)
                return true;
        return false;
    };
    Session s;
    s.id = "s-monthly-03";
    s.title = "Third monthly session of the six districts";
    s.date = "2026-03-12";
    // Each district walks its map, then three of them are put side by side on the question of
    // the month (who calibrates supervisors' ratings), then the remaining three.
    const std::vector<std::pair<std::string, int>> walks = {
        {"m-harbor-city", 10}, {"m-kestrel-bay", 10}, {"m-ironbridge-county", 10},
    };
    const std::vector<std::pair<std::string, int>> later = {
        {"m-sable-ridge", 10}, {"m-lindenport", 10}, {"m-granite-hollow", 10},
    };
    int n = 1;
    for (const auto& [map, minutes] : walks)
        s.agenda.push_back({"a" + std::to_string(n++), {map}, minutes, ""});
    s.agenda.push_back({"a" + std::to_string(n++),
                        {"m-harbor-city", "m-kestrel-bay", "m-ironbridge-county"},
                        15,
                        "Who calibrates supervisors' ratings? Three districts side by side"});
    for (const auto& [map, minutes] : later)
        s.agenda.push_back({"a" + std::to_string(n++), {map}, minutes, ""});
    for (const AgendaItem& item : s.agenda)
        for (const std::string& map : item.maps)
            if (!has(map))
                throw std::invalid_argument("the demo session needs the demo map " + map);
    s.timer = {s.plannedMinutes() * 60, s.plannedMinutes() * 60, false, 0};
    s.voteSettings = {3, false, true};
    s.participants = {{"facilitator", "Network facilitator", true},
                      {"harbor-city", "Harbor City team", false},
                      {"kestrel-bay", "Kestrel Bay team", false},
                      {"ironbridge", "Ironbridge County team", false},
                      {"sable-ridge", "Sable Ridge team", false},
                      {"lindenport", "Lindenport team", false},
                      {"granite-hollow", "Granite Hollow team", false}};
    s.parkingLot = {{"pk1", "Which districts let principals see the rubric evidence before the end-of-year conference?",
                     "facilitator", "2026-02-12T16:40:00Z", false},
                    {"pk2", "Invite HR leads to session 4 (contract timelines)", "facilitator",
                     "2026-02-12T16:52:00Z", true}};
    s.minutes = "Carried over from session 2: each district brings its current map, updated after the "
                "February walk-through. Question of the month: where supervisors' ratings are calibrated.";
    return s;
}

} // namespace crosswalk
