#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"

#include <optional>
#include <string_view>

namespace crosswalk {

// Dot votes, as the presentation's D key, the canvas's vote actions and the facilitation
// panel change and count them.

/// The edit that puts `delta` dots more (fewer when negative) on a step, its tally kept within
/// 0..kMaxVotesPerStep; empty when the map has no such step or the tally would not change.
std::optional<SetVotes> voteEdit(const Map& map, std::string_view stepId, int delta);

/// "Reset votes": the edit that takes every dot off the map; empty when it has none.
std::optional<ReplaceVotes> resetVotesEdit(const Map& map);

/// All the dots on a map and how many steps carry them.
struct VoteTally {
    int votes = 0;
    int steps = 0;
    bool operator==(const VoteTally&) const = default;
};
VoteTally voteTally(const Map& map);

} // namespace crosswalk
