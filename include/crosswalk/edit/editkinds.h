#pragma once

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/entitykinds.h"

#include <cstddef>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

namespace crosswalk {

// The edit layer's half of the entity-kind list (crosswalk/model/entitykinds.h): where a
// kind's ids go in a ChangeSet and its entities in a Fragment, and its plain edits. The
// model cannot name these, as they are defined here.

/// What the generic edit code needs to know about one kind of map entity.
template <typename T>
struct EditKind;

template <>
struct EditKind<Lane> {
    static constexpr auto changed = &ChangeSet::lanes;
    static constexpr auto placed = &Fragment::lanes;
    using Add = AddLane;
    using Remove = RemoveLane;
};

template <>
struct EditKind<Phase> {
    static constexpr auto changed = &ChangeSet::phases;
    static constexpr auto placed = &Fragment::phases;
    using Add = AddPhase;
    using Remove = RemovePhase;
};

template <>
struct EditKind<Step> {
    static constexpr auto changed = &ChangeSet::steps;
    static constexpr auto placed = &Fragment::steps;
    using Add = AddStep;
    using Remove = RemoveStep;
};

template <>
struct EditKind<Flow> {
    static constexpr auto changed = &ChangeSet::flows;
    static constexpr auto placed = &Fragment::flows;
    using Add = AddFlow;
    using Remove = RemoveFlow;
};

template <>
struct EditKind<Annotation> {
    static constexpr auto changed = &ChangeSet::annotations;
    static constexpr auto placed = &Fragment::annotations;
    using Add = AddAnnotation;
    using Remove = RemoveAnnotation;
};

template <>
struct EditKind<StickyNote> {
    static constexpr auto changed = &ChangeSet::stickyNotes;
    static constexpr auto placed = &Fragment::stickyNotes;
    using Add = AddStickyNote;
    using Remove = RemoveStickyNote;
};

// Parking-lot items refer to nothing and nothing refers to them: no removal takes one
// out with others, so they have no place in a Fragment.
template <>
struct EditKind<ParkingItem> {
    static constexpr auto changed = &ChangeSet::parkingLot;
    using Add = AddParkingItem;
    using Remove = RemoveParkingItem;
};

/// The kinds a Fragment carries, in the order a removal cascades down to them.
using FragmentKinds = EntityKindList<Lane, Phase, Step, Flow, Annotation, StickyNote>;

/// Calls f.template operator()<T>() for every kind a Fragment carries.
template <typename F>
void forEachFragmentKind(F&& f)
{
    [&]<typename... Ts>(EntityKindList<Ts...>) { (f.template operator()<Ts>(), ...); }(FragmentKinds{});
}

/// The ids of kind T a change set names.
template <typename T>
std::set<std::string>& changedIds(ChangeSet& changes)
{
    return changes.*EditKind<T>::changed;
}
template <typename T>
const std::set<std::string>& changedIds(const ChangeSet& changes)
{
    return changes.*EditKind<T>::changed;
}

/// The entities of kind T a fragment carries, with their positions.
template <typename T>
std::vector<Placed<T>>& placedIn(Fragment& fragment)
{
    return fragment.*EditKind<T>::placed;
}
template <typename T>
const std::vector<Placed<T>>& placedIn(const Fragment& fragment)
{
    return fragment.*EditKind<T>::placed;
}

/// The position of T in a kind list (FragmentKinds, EntityKinds).
template <typename T, typename List>
struct KindIndex;
template <typename T, typename... Ts>
struct KindIndex<T, EntityKindList<Ts...>> {
    static constexpr std::size_t value = [] {
        constexpr bool same[] = {std::is_same_v<T, Ts>...};
        std::size_t i = 0;
        while (!same[i])
            ++i;
        return i;
    }();
};

} // namespace crosswalk
