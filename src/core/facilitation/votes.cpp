#include "crosswalk/facilitation/votes.h"

#include <algorithm>
#include <string>

namespace crosswalk {

std::optional<SetVotes> voteEdit(const Map& map, std::string_view stepId, int delta)
{
    if (!map.step(stepId))
        return std::nullopt;
    const int now = map.votesOn(stepId);
    const int next = std::clamp(now + delta, 0, kMaxVotesPerStep);
    if (next == now)
        return std::nullopt;
    return SetVotes{std::string(stepId), next};
}

std::optional<ReplaceVotes> resetVotesEdit(const Map& map)
{
    if (map.votes.empty())
        return std::nullopt;
    return ReplaceVotes{};
}

VoteTally voteTally(const Map& map)
{
    VoteTally tally;
    for (const auto& [step, count] : map.votes)
        tally.votes += count;
    tally.steps = static_cast<int>(map.votes.size());
    return tally;
}

} // namespace crosswalk
