#pragma once

// Internal to src/core/edit: taking entities out of a map with their positions (a
// Fragment, what a removal's inverse puts back) and putting them back.

#include "editchecks.h"

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace crosswalk::editing {

template <typename T>
auto iterAt(std::vector<T>& items, std::size_t index)
{
    return items.begin() + static_cast<std::ptrdiff_t>(index);
}

/// Ids of entities to take out of a map, by kind (of FragmentKinds).
struct Selection {
    std::array<IdSet, FragmentKinds::size> ids;

    template <typename T>
    IdSet& of()
    {
        return ids[KindIndex<T, FragmentKinds>::value];
    }
    template <typename T>
    const IdSet& of() const
    {
        return ids[KindIndex<T, FragmentKinds>::value];
    }
    /// Whether id is selected as a lane, phase, step or flow: what annotations sit on.
    bool holdsTarget(std::string_view id) const
    {
        return contains(of<Lane>(), id) || contains(of<Phase>(), id) || contains(of<Step>(), id) ||
               contains(of<Flow>(), id);
    }
};

/// The selected entities with their positions, and the votes of the selected steps.
Fragment fragmentOf(const Map& map, const Selection& sel);
/// Widens the selection to everything that cannot stay without it: the steps of its
/// lanes and phases, the flows of its steps and the annotations on any of them.
Selection cascade(const Map& map, Selection sel);
void removeFragment(Map& map, const Fragment& f);
void insertFragment(Map& map, const Fragment& f);
/// Adds the fragment's ids (and lane or phase order, when it holds any) to changes.
void noteFragment(ChangeSet& changes, const Fragment& f);

} // namespace crosswalk::editing
