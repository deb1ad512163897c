#pragma once

#include "crosswalk/model/map.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace crosswalk {

// The one list of the kinds of entity a map holds. Code that does the same for every
// kind (edits, the exchange format, validation) is written once over this list; adding
// a kind means its struct, its Map member, one EntityKind specialisation and its place
// in EntityKinds below (plus its own fields where the format writes them).

/// What generic code needs to know about one kind of map entity.
template <typename T>
struct EntityKind;

template <>
struct EntityKind<Lane> {
    static constexpr std::string_view name = "lane";    // in messages: "no lane \"l9\""
    static constexpr std::string_view plural = "lanes"; // in messages: "the 3 lanes"
    static constexpr std::string_view jsonKey = "lanes";
    static constexpr std::string_view idPrefix = "l-";
    static constexpr bool jsonIdRequired = true;
    // The fields of the exchange format, in the order they are written and read.
    static constexpr std::string_view jsonFields[] = {"id", "name", "color", "height"};
    static constexpr bool jsonAlwaysWritten = true; // false: left out of the file when empty
    static constexpr auto inMap = &Map::lanes;
};

template <>
struct EntityKind<Phase> {
    static constexpr std::string_view name = "phase";
    static constexpr std::string_view plural = "phases";
    static constexpr std::string_view jsonKey = "phases";
    static constexpr std::string_view idPrefix = "p-";
    // docs/file-format.md requires phase ids (issue 19: a phase without one was accepted).
    static constexpr bool jsonIdRequired = true;
    static constexpr std::string_view jsonFields[] = {"id", "name", "color", "width"};
    static constexpr bool jsonAlwaysWritten = true;
    static constexpr auto inMap = &Map::phases;
};

template <>
struct EntityKind<Step> {
    static constexpr std::string_view name = "step";
    static constexpr std::string_view plural = "steps";
    static constexpr std::string_view jsonKey = "steps";
    static constexpr std::string_view idPrefix = "s-";
    static constexpr bool jsonIdRequired = true;
    static constexpr std::string_view jsonFields[] = {"id", "lane", "phase", "kind", "label", "notes", "x", "y", "w", "h"};
    static constexpr bool jsonAlwaysWritten = true;
    static constexpr auto inMap = &Map::steps;
};

template <>
struct EntityKind<Flow> {
    static constexpr std::string_view name = "flow";
    static constexpr std::string_view plural = "flows";
    static constexpr std::string_view jsonKey = "flows";
    static constexpr std::string_view idPrefix = "f-";
    static constexpr bool jsonIdRequired = false;
    static constexpr std::string_view jsonFields[] = {"id", "from", "to", "label"};
    static constexpr bool jsonAlwaysWritten = true;
    static constexpr auto inMap = &Map::flows;
};

template <>
struct EntityKind<Annotation> {
    static constexpr std::string_view name = "annotation";
    static constexpr std::string_view plural = "annotations";
    static constexpr std::string_view jsonKey = "annotations";
    static constexpr std::string_view idPrefix = "a-";
    static constexpr bool jsonIdRequired = false;
    static constexpr std::string_view jsonFields[] = {"id", "kind", "target", "text", "affects", "variation", "horizon"};
    static constexpr bool jsonAlwaysWritten = true;
    static constexpr auto inMap = &Map::annotations;
};

template <>
struct EntityKind<StickyNote> {
    static constexpr std::string_view name = "sticky note";
    static constexpr std::string_view plural = "sticky notes";
    static constexpr std::string_view jsonKey = "sticky_notes";
    static constexpr std::string_view idPrefix = "n-";
    static constexpr bool jsonIdRequired = false;
    static constexpr std::string_view jsonFields[] = {"id", "step", "text", "color"};
    static constexpr bool jsonAlwaysWritten = false;
    static constexpr auto inMap = &Map::stickyNotes;
};

template <>
struct EntityKind<ParkingItem> {
    static constexpr std::string_view name = "parking-lot item";
    static constexpr std::string_view plural = "parking-lot items";
    static constexpr std::string_view jsonKey = "parking_lot";
    static constexpr std::string_view idPrefix = "q-";
    static constexpr bool jsonIdRequired = false;
    static constexpr std::string_view jsonFields[] = {"id", "text", "created", "done"};
    static constexpr bool jsonAlwaysWritten = false;
    static constexpr auto inMap = &Map::parkingLot;
};

template <typename... Ts>
struct EntityKindList {
    static constexpr std::size_t size = sizeof...(Ts);
};

/// Every kind, in the order a map lists and the exchange format writes them: each kind
/// refers only to kinds before it.
using EntityKinds = EntityKindList<Lane, Phase, Step, Flow, Annotation, StickyNote, ParkingItem>;

/// Calls f.template operator()<T>() for every entity kind T, in EntityKinds order.
template <typename F>
void forEachEntityKind(F&& f)
{
    [&]<typename... Ts>(EntityKindList<Ts...>) { (f.template operator()<Ts>(), ...); }(EntityKinds{});
}

/// The map's entities of kind T, in map order.
template <typename T>
std::vector<T>& entitiesOf(Map& map)
{
    return map.*EntityKind<T>::inMap;
}
template <typename T>
const std::vector<T>& entitiesOf(const Map& map)
{
    return map.*EntityKind<T>::inMap;
}

/// The entity of kind T with this id, or nullptr.
template <typename T>
T* findEntity(Map& map, std::string_view id)
{
    std::vector<T>& items = entitiesOf<T>(map);
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
template <typename T>
const T* findEntity(const Map& map, std::string_view id)
{
    return findEntity<T>(const_cast<Map&>(map), id);
}

} // namespace crosswalk
