#pragma once

// Internal to src/core/edit: the checks an edit makes before it changes anything. Each
// fails with an EditError that names what the edit did wrong; validateMap (the rules of
// a valid map) then has the last word in apply().

#include "crosswalk/edit/editkinds.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk::editing {

using IdSet = std::set<std::string, std::less<>>;

[[noreturn]] void fail(const std::string& message);
/// The text in double quotes, as edit messages quote names and ids.
std::string q(std::string_view text);
/// "no step \"s9\" in this map"
std::string noSuch(std::string_view kind, std::string_view id);

inline bool contains(const IdSet& set, std::string_view id) { return set.find(id) != set.end(); }

template <typename T>
bool containsPlaced(const std::vector<Placed<T>>& items, std::string_view id)
{
    return std::any_of(items.begin(), items.end(), [&](const Placed<T>& p) { return p.value.id == id; });
}

/// What a reference may point at: the map's entities, plus those of a fragment being
/// inserted along with the entity that refers to them.
struct Known {
    const Map& map;
    const Fragment* extra = nullptr;

    template <typename T>
    bool has(std::string_view id) const
    {
        return findEntity<T>(map, id) || (extra && containsPlaced(placedIn<T>(*extra), id));
    }
    bool lane(std::string_view id) const { return has<Lane>(id); }
    bool phase(std::string_view id) const { return has<Phase>(id); }
    bool step(std::string_view id) const { return has<Step>(id); }
    bool flow(std::string_view id) const { return has<Flow>(id); }
};

void requireNewId(const Map& map, const std::string& id, std::string_view kind);
/// The position for an insertion: the given index, or the end when none is given.
std::size_t insertionIndex(const std::optional<std::size_t>& index, std::size_t size, std::string_view plural);
void requireMoveIndex(std::size_t index, std::size_t size, std::string_view plural);

void checkLane(const Lane& lane);
void checkPhase(const Phase& phase);
void checkStepPlace(const Known& known, std::string_view lane, std::string_view phase);
void checkStep(const Known& known, const Step& step);
void checkFlow(const Known& known, const Flow& flow);
void checkAnnotation(const Known& known, const Annotation& a);
void checkStickyNote(const Known& known, const StickyNote& note);
void checkVoteCount(int count, bool zeroAllowed);
void checkSession(const SessionTimer& session);

/// The checks of an entity of any kind, for the generic add and update.
inline void checkEntity(const Known&, const Lane& lane) { checkLane(lane); }
inline void checkEntity(const Known&, const Phase& phase) { checkPhase(phase); }
inline void checkEntity(const Known& known, const Step& step) { checkStep(known, step); }
inline void checkEntity(const Known& known, const Flow& flow) { checkFlow(known, flow); }
inline void checkEntity(const Known& known, const Annotation& a) { checkAnnotation(known, a); }
inline void checkEntity(const Known& known, const StickyNote& note) { checkStickyNote(known, note); }
inline void checkEntity(const Known&, const ParkingItem&) {}

/// The checks of InsertFragment: positions in range and ascending, ids new, references
/// resolved in the map or the fragment, votes only with their steps.
void checkFragment(const Map& map, const Fragment& f);

} // namespace crosswalk::editing
