#include "crosswalk/model/map.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <random>

namespace crosswalk {
namespace {

template <typename T>
T* findById(std::vector<T>& items, std::string_view id)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

template <typename T>
std::optional<std::size_t> indexById(const std::vector<T>& items, std::string_view id)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    if (it == items.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - items.begin());
}

} // namespace

const Lane* Map::lane(std::string_view entityId) const { return const_cast<Map*>(this)->lane(entityId); }
Lane* Map::lane(std::string_view entityId) { return findById(lanes, entityId); }
const Phase* Map::phase(std::string_view entityId) const { return const_cast<Map*>(this)->phase(entityId); }
Phase* Map::phase(std::string_view entityId) { return findById(phases, entityId); }
const Step* Map::step(std::string_view entityId) const { return const_cast<Map*>(this)->step(entityId); }
Step* Map::step(std::string_view entityId) { return findById(steps, entityId); }
const Flow* Map::flow(std::string_view entityId) const { return const_cast<Map*>(this)->flow(entityId); }
Flow* Map::flow(std::string_view entityId) { return findById(flows, entityId); }
const Annotation* Map::annotation(std::string_view entityId) const { return const_cast<Map*>(this)->annotation(entityId); }
Annotation* Map::annotation(std::string_view entityId) { return findById(annotations, entityId); }
const StickyNote* Map::stickyNote(std::string_view entityId) const { return const_cast<Map*>(this)->stickyNote(entityId); }
StickyNote* Map::stickyNote(std::string_view entityId) { return findById(stickyNotes, entityId); }
const ParkingItem* Map::parkingItem(std::string_view entityId) const
{
    return const_cast<Map*>(this)->parkingItem(entityId);
}
ParkingItem* Map::parkingItem(std::string_view entityId) { return findById(parkingLot, entityId); }

int Map::votesOn(std::string_view stepId) const
{
    const auto it = votes.find(std::string(stepId));
    return it == votes.end() ? 0 : it->second;
}

std::vector<const StickyNote*> Map::notesOn(std::string_view stepId) const
{
    std::vector<const StickyNote*> out;
    for (const StickyNote& note : stickyNotes)
        if (note.step == stepId)
            out.push_back(&note);
    return out;
}

std::optional<std::size_t> Map::laneIndex(std::string_view entityId) const { return indexById(lanes, entityId); }
std::optional<std::size_t> Map::phaseIndex(std::string_view entityId) const { return indexById(phases, entityId); }

bool Map::hasEntity(std::string_view entityId) const
{
    return lane(entityId) || phase(entityId) || step(entityId) || flow(entityId) || annotation(entityId) ||
           stickyNote(entityId) || parkingItem(entityId);
}

std::string newId(std::string_view prefix)
{
    // Time in microseconds plus a per-process random salt and counter: unique across
    // sessions and machines for any practical purpose, and sortable by creation.
    static const std::uint64_t salt = [] {
        std::random_device rd;
        return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    }();
    static std::atomic<std::uint64_t> counter{0};
    const auto micros = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
    const std::uint64_t n = counter.fetch_add(1);
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    auto base36 = [](std::uint64_t v, std::size_t width) {
        std::string s;
        do {
            s.insert(s.begin(), digits[v % 36]);
            v /= 36;
        } while (v);
        while (s.size() < width)
            s.insert(s.begin(), '0');
        return s;
    };
    return std::string(prefix) + base36(micros, 11) + base36(salt % 46656u, 3) + base36(n, 1);
}

} // namespace crosswalk
