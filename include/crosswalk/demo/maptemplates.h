#pragma once

#include "crosswalk/model/map.h"

#include <string>

namespace crosswalk {

/// What a new map starts from.
enum class MapTemplate {
    Blank,               ///< one unnamed lane, no phases: a clean sheet that Tab can still start on
    PrincipalEvaluation, ///< the lanes and phases most district teams begin with
};

/// A new map with fresh ids, made from a template. The title must not be blank.
Map makeMapFromTemplate(MapTemplate kind, const std::string& title, const std::string& district = {});

} // namespace crosswalk
