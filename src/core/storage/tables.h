#pragma once

// How each kind of entity maps to its table: columns, binding and reading. Private to storage.

#include "sqlite.h"

#include "crosswalk/edit/edit.h"
#include "crosswalk/edit/editkinds.h"
#include "crosswalk/model/entitykinds.h"
#include "crosswalk/model/map.h"

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace crosswalk::storage {

/// The statements of one entity table, generated once from its column list.
struct TableSql {
    std::string upsert;    // ?1 map_id, ?2 id, ?3 pos, ?4... the columns
    std::string select;    // id, pos, columns... of one map (?1) in stored order
    std::string erase;     // one row: ?1 map_id, ?2 id
    std::string eraseAll;  // every row of one map: ?1
    std::string setPos;    // ?1 map_id, ?2 id, ?3 pos
    std::string positions; // id, pos of one map (?1)
};

TableSql makeTableSql(std::string_view table, std::string_view columns);

/// Thrown when a stored row cannot be a model value (an unknown step kind ...): the file
/// was changed by something other than Crosswalk, or is damaged.
[[noreturn]] void badRow(const std::string& mapId, std::string_view what, const std::string& id, std::string_view field,
                         const std::string& value);

/// Every kind of entity has a table, read and written in the order of the one list of
/// kinds, EntityKinds (model/entitykinds.h: a kind's references point to kinds before it).
/// Adding a kind: its traits there and a Table<> below.
template <typename List> struct TupleOfKinds;
template <typename... Ts> struct TupleOfKinds<EntityKindList<Ts...>> {
    using type = std::tuple<Ts...>;
};
using TableKinds = TupleOfKinds<EntityKinds>::type;

/// The position of T in TableKinds: its index in per-kind arrays.
template <typename T, typename Tuple> struct KindIndex;
template <typename T, typename... Ts> struct KindIndex<T, std::tuple<Ts...>> {
    static constexpr int value = static_cast<int>(crosswalk::KindIndex<T, EntityKindList<Ts...>>::value);
};

template <typename T> struct Table;

template <> struct Table<Lane> {
    static constexpr int kind = KindIndex<Lane, TableKinds>::value;
    static constexpr std::string_view name = "lanes";
    static constexpr std::string_view noun = "lane"; // in messages
    static constexpr std::string_view columns = "name, color, height";
    static std::vector<Lane>& items(Map& map) { return map.lanes; }
    static const std::vector<Lane>& items(const Map& map) { return map.lanes; }
    static const std::set<std::string>& changed(const ChangeSet& c) { return c.lanes; }
    static bool forceRenumber(const ChangeSet& c) { return c.laneOrder; }
    static void bind(Statement& s, const Lane& v) { s.bind(4, v.name).bind(5, v.color).bind(6, v.height); }
    static Lane read(const Statement& s, const std::string&)
    {
        Lane v;
        v.id = s.text(0);
        v.name = s.text(2);
        v.color = s.text(3);
        v.height = s.integer(4);
        return v;
    }
};

template <> struct Table<Phase> {
    static constexpr int kind = KindIndex<Phase, TableKinds>::value;
    static constexpr std::string_view name = "phases";
    static constexpr std::string_view noun = "phase"; // in messages
    static constexpr std::string_view columns = "name, color, width";
    static std::vector<Phase>& items(Map& map) { return map.phases; }
    static const std::vector<Phase>& items(const Map& map) { return map.phases; }
    static const std::set<std::string>& changed(const ChangeSet& c) { return c.phases; }
    static bool forceRenumber(const ChangeSet& c) { return c.phaseOrder; }
    static void bind(Statement& s, const Phase& v) { s.bind(4, v.name).bind(5, v.color).bind(6, v.width); }
    static Phase read(const Statement& s, const std::string&)
    {
        Phase v;
        v.id = s.text(0);
        v.name = s.text(2);
        v.color = s.text(3);
        v.width = s.integer(4);
        return v;
    }
};

template <> struct Table<Step> {
    static constexpr int kind = KindIndex<Step, TableKinds>::value;
    static constexpr std::string_view name = "steps";
    static constexpr std::string_view noun = "step"; // in messages
    static constexpr std::string_view columns = "lane, phase, kind, label, notes, x, y, w, h";
    static std::vector<Step>& items(Map& map) { return map.steps; }
    static const std::vector<Step>& items(const Map& map) { return map.steps; }
    static const std::set<std::string>& changed(const ChangeSet& c) { return c.steps; }
    static bool forceRenumber(const ChangeSet&) { return false; }
    static void bind(Statement& s, const Step& v)
    {
        s.bind(4, v.lane).bind(5, v.phase).bind(6, toString(v.kind)).bind(7, v.label).bind(8, v.notes);
        s.bind(9, v.x).bind(10, v.y).bind(11, v.w).bind(12, v.h);
    }
    static Step read(const Statement& s, const std::string& mapId)
    {
        Step v;
        v.id = s.text(0);
        v.lane = s.text(2);
        v.phase = s.text(3);
        const std::string kind = s.text(4);
        const auto parsed = parseStepKind(kind);
        if (!parsed)
            badRow(mapId, "step", v.id, "kind", kind);
        v.kind = *parsed;
        v.label = s.text(5);
        v.notes = s.text(6);
        v.x = s.integer(7);
        v.y = s.integer(8);
        v.w = s.integer(9);
        v.h = s.integer(10);
        return v;
    }
};

template <> struct Table<Flow> {
    static constexpr int kind = KindIndex<Flow, TableKinds>::value;
    static constexpr std::string_view name = "flows";
    static constexpr std::string_view noun = "flow"; // in messages
    static constexpr std::string_view columns = "from_step, to_step, label";
    static std::vector<Flow>& items(Map& map) { return map.flows; }
    static const std::vector<Flow>& items(const Map& map) { return map.flows; }
    static const std::set<std::string>& changed(const ChangeSet& c) { return c.flows; }
    static bool forceRenumber(const ChangeSet&) { return false; }
    static void bind(Statement& s, const Flow& v) { s.bind(4, v.from).bind(5, v.to).bind(6, v.label); }
    static Flow read(const Statement& s, const std::string&)
    {
        Flow v;
        v.id = s.text(0);
        v.from = s.text(2);
        v.to = s.text(3);
        v.label = s.text(4);
        return v;
    }
};

template <> struct Table<Annotation> {
    static constexpr int kind = KindIndex<Annotation, TableKinds>::value;
    static constexpr std::string_view name = "annotations";
    static constexpr std::string_view noun = "annotation"; // in messages
    static constexpr std::string_view columns = "kind, target, text, affects, variation, horizon";
    static std::vector<Annotation>& items(Map& map) { return map.annotations; }
    static const std::vector<Annotation>& items(const Map& map) { return map.annotations; }
    static const std::set<std::string>& changed(const ChangeSet& c) { return c.annotations; }
    static bool forceRenumber(const ChangeSet&) { return false; }
    static void bind(Statement& s, const Annotation& v)
    {
        s.bind(4, toString(v.kind)).bind(5, v.target).bind(6, v.text).bind(7, v.affects);
        if (v.variation)
            s.bind(8, toString(*v.variation));
        else
            s.bindNull(8);
        s.bind(9, v.horizon);
    }
    static Annotation read(const Statement& s, const std::string& mapId)
    {
        Annotation v;
        v.id = s.text(0);
        const std::string kind = s.text(2);
        const auto parsed = parseAnnotationKind(kind);
        if (!parsed)
            badRow(mapId, "annotation", v.id, "kind", kind);
        v.kind = *parsed;
        v.target = s.text(3);
        v.text = s.text(4);
        v.affects = s.text(5);
        if (!s.isNull(6)) {
            const std::string variation = s.text(6);
            const auto parsedVariation = parseVariation(variation);
            if (!parsedVariation)
                badRow(mapId, "annotation", v.id, "variation", variation);
            v.variation = *parsedVariation;
        }
        if (!s.isNull(7))
            v.horizon = s.integer(7);
        return v;
    }
};

template <> struct Table<StickyNote> {
    static constexpr int kind = KindIndex<StickyNote, TableKinds>::value;
    static constexpr std::string_view name = "sticky_notes";
    static constexpr std::string_view noun = "sticky note"; // in messages
    static constexpr std::string_view columns = "step, text, color";
    static std::vector<StickyNote>& items(Map& map) { return map.stickyNotes; }
    static const std::vector<StickyNote>& items(const Map& map) { return map.stickyNotes; }
    static const std::set<std::string>& changed(const ChangeSet& c) { return c.stickyNotes; }
    static bool forceRenumber(const ChangeSet&) { return false; }
    static void bind(Statement& s, const StickyNote& v) { s.bind(4, v.step).bind(5, v.text).bind(6, v.color); }
    static StickyNote read(const Statement& s, const std::string&)
    {
        StickyNote v;
        v.id = s.text(0);
        v.step = s.text(2);
        v.text = s.text(3);
        v.color = s.text(4);
        return v;
    }
};

template <> struct Table<ParkingItem> {
    static constexpr int kind = KindIndex<ParkingItem, TableKinds>::value;
    static constexpr std::string_view name = "parking_lot";
    static constexpr std::string_view noun = "parking-lot item"; // in messages
    static constexpr std::string_view columns = "text, created, done";
    static std::vector<ParkingItem>& items(Map& map) { return map.parkingLot; }
    static const std::vector<ParkingItem>& items(const Map& map) { return map.parkingLot; }
    static const std::set<std::string>& changed(const ChangeSet& c) { return c.parkingLot; }
    static bool forceRenumber(const ChangeSet&) { return false; }
    static void bind(Statement& s, const ParkingItem& v)
    {
        s.bind(4, v.text).bind(5, v.createdAt).bind(6, v.done ? 1 : 0);
    }
    static ParkingItem read(const Statement& s, const std::string&)
    {
        ParkingItem v;
        v.id = s.text(0);
        v.text = s.text(2);
        v.createdAt = s.text(3);
        v.done = s.integer(4) != 0;
        return v;
    }
};

inline constexpr int kKindCount = static_cast<int>(std::tuple_size_v<TableKinds>);

/// Calls f(std::type_identity<T>{}) for each kind T of TableKinds, in order.
template <typename F> void forEachTable(F&& f)
{
    [&]<typename... T>(std::tuple<T...>*) {
        (f(std::type_identity<T>{}), ...);
    }(static_cast<TableKinds*>(nullptr));
}

} // namespace crosswalk::storage
