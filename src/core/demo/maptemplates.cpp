#include "crosswalk/demo/maptemplates.h"

#include <array>
#include <stdexcept>

namespace crosswalk {

Map makeMapFromTemplate(MapTemplate kind, const std::string& title, const std::string& district)
{
    if (title.find_first_not_of(" \t") == std::string::npos)
        throw std::invalid_argument("a new map needs a title");
    Map map;
    map.id = newId("m-");
    map.props.title = title;
    map.props.district = district;
    if (kind == MapTemplate::Blank) {
        // One lane, so the first Tab or double-click has somewhere to put a step.
        map.lanes.push_back(Lane{newId("l-"), "Lane 1", "#E8F0FE", 160});
        return map;
    }
    // The roles that meet in nearly every district's principal evaluation and support, and
    // the school year's seasons, in the order a cycle runs through them.
    struct Role {
        const char* name;
        const char* color;
    };
    constexpr std::array<Role, 4> roles{{{"Principal", "#E8F0FE"},
                                         {"Principal Supervisor", "#E6F4EA"},
                                         {"Chief of Schools", "#FEF7E0"},
                                         {"HR / Talent", "#FCE8E6"}}};
    for (const Role& role : roles)
        map.lanes.push_back(Lane{newId("l-"), role.name, role.color, 160});
    for (const char* phase : {"Summer", "Beginning of year", "Mid-year", "End of year"})
        map.phases.push_back(Phase{newId("p-"), phase, "#FFFFFF", 600});
    return map;
}

} // namespace crosswalk
