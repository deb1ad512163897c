#pragma once

// Keeping the stored order of a map's vectors equal to the in-memory order while writing
// only the rows an edit touched.
//
// Every row has a sparse integer pos (multiples of kPosStep when freshly numbered). The
// workspace mirrors the stored pos of every entity of the maps it has loaded, so that after
// an edit it can give a new or moved entity a pos between its neighbours' without reading
// the table. Only when two neighbours leave no gap is the whole kind renumbered, which
// happens after about ten insertions at the same place, and costs one UPDATE per row.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crosswalk::storage {

inline constexpr std::int64_t kPosStep = 1024;

/// Stored pos of each entity of one kind in one map, by id.
using PosIndex = std::unordered_map<std::string, std::int64_t>;

/// What to write for one kind of entity after an edit.
struct KindPlan {
    enum class Mode {
        Nothing,     // the edit did not touch this kind
        Incremental, // write the touched rows only
        Renumber,    // write the touched rows and the new pos of every other row
        Resync,      // the mirror disagrees with the vector: rewrite the kind for this map
    };
    Mode mode = Mode::Nothing;
    std::vector<std::pair<std::size_t, std::int64_t>> upserts;    // vector index, pos
    std::vector<std::pair<std::size_t, std::int64_t>> posUpdates; // untouched rows whose pos changes
    std::vector<std::string> deletes;                             // touched ids no longer in the vector
};

/// Plans the writes for one kind. items is the vector after the edit, touched the ids the
/// edit's ChangeSet names for this kind, index the stored pos before the edit.
/// forceRenumber renumbers the whole kind (lane and phase reordering: few rows).
template <typename T>
KindPlan planKind(const std::vector<T>& items, const std::set<std::string>& touched, const PosIndex& index,
                  bool forceRenumber)
{
    using Mode = KindPlan::Mode;
    KindPlan plan;
    if (touched.empty() && !forceRenumber)
        return plan;

    const std::size_t n = items.size();
    std::vector<char> isTouched(n, 0);
    std::set<std::string_view> present;
    for (std::size_t i = 0; i < n; ++i) {
        if (touched.count(items[i].id)) {
            isTouched[i] = 1;
            present.insert(items[i].id);
        }
    }

    // The mirror must end up with exactly the vector's ids. If the counts disagree, the
    // ChangeSet left out something that was added or removed; rewriting the kind is
    // slower but keeps the file right whatever the edit reported.
    std::size_t stored = index.size();
    for (const std::string& id : touched) {
        const bool inIndex = index.count(id) != 0;
        if (!present.count(id)) {
            plan.deletes.push_back(id);
            if (inIndex)
                --stored;
        } else if (!inIndex) {
            ++stored;
        }
    }
    auto renumber = [&](Mode mode) {
        plan.mode = mode;
        plan.upserts.clear();
        plan.posUpdates.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t pos = static_cast<std::int64_t>(i + 1) * kPosStep;
            if (mode == Mode::Resync || isTouched[i]) {
                plan.upserts.emplace_back(i, pos);
            } else {
                auto it = index.find(items[i].id);
                if (it->second != pos)
                    plan.posUpdates.emplace_back(i, pos);
            }
        }
        return plan;
    };
    if (stored != n)
        return renumber(Mode::Resync);
    // Every untouched item must be stored already; otherwise the mirror is not the file.
    for (std::size_t i = 0; i < n; ++i)
        if (!isTouched[i] && !index.count(items[i].id))
            return renumber(Mode::Resync);
    if (forceRenumber)
        return renumber(Mode::Renumber);

    plan.mode = Mode::Incremental;
    std::optional<std::int64_t> prev;
    std::size_t i = 0;
    while (i < n) {
        if (!isTouched[i]) {
            const std::int64_t pos = index.find(items[i].id)->second;
            // Untouched rows keep their relative order under insertions and removals;
            // if they do not, an edit reordered them without saying so.
            if (prev && pos <= *prev)
                return renumber(Mode::Renumber);
            prev = pos;
            ++i;
            continue;
        }
        // A run [i, j) of touched items between prev and next.
        std::size_t j = i;
        while (j < n && isTouched[j])
            ++j;
        std::optional<std::int64_t> next;
        if (j < n)
            next = index.find(items[j].id)->second;
        if (prev && next && *next <= *prev)
            return renumber(Mode::Renumber);

        // Changed rows that stayed in place (the usual case: a step moved on the canvas)
        // keep their pos, so an update writes nothing but the row itself.
        bool keep = true;
        std::optional<std::int64_t> last = prev;
        for (std::size_t k = i; k < j && keep; ++k) {
            auto it = index.find(items[k].id);
            keep = it != index.end() && (!last || it->second > *last) && (!next || it->second < *next);
            if (keep)
                last = it->second;
        }
        const auto count = static_cast<std::int64_t>(j - i);
        if (keep) {
            for (std::size_t k = i; k < j; ++k)
                plan.upserts.emplace_back(k, index.find(items[k].id)->second);
        } else if (prev && next) {
            const std::int64_t gap = (*next - *prev) / (count + 1);
            if (gap < 1)
                return renumber(Mode::Renumber);
            for (std::int64_t r = 0; r < count; ++r)
                plan.upserts.emplace_back(i + static_cast<std::size_t>(r), *prev + gap * (r + 1));
        } else if (prev) {
            for (std::int64_t r = 0; r < count; ++r)
                plan.upserts.emplace_back(i + static_cast<std::size_t>(r), *prev + kPosStep * (r + 1));
        } else if (next) {
            for (std::int64_t r = 0; r < count; ++r)
                plan.upserts.emplace_back(i + static_cast<std::size_t>(r), *next - kPosStep * (count - r));
        } else {
            for (std::int64_t r = 0; r < count; ++r)
                plan.upserts.emplace_back(i + static_cast<std::size_t>(r), kPosStep * (r + 1));
        }
        prev = plan.upserts.back().second;
        i = j;
    }
    return plan;
}

/// The mirror after the plan's writes are committed.
template <typename T> void applyPlan(PosIndex& index, const std::vector<T>& items, const KindPlan& plan)
{
    using Mode = KindPlan::Mode;
    if (plan.mode == Mode::Nothing)
        return;
    if (plan.mode == Mode::Resync)
        index.clear();
    for (const std::string& id : plan.deletes)
        index.erase(id);
    for (const auto& [i, pos] : plan.upserts)
        index[items[i].id] = pos;
    for (const auto& [i, pos] : plan.posUpdates)
        index[items[i].id] = pos;
}

} // namespace crosswalk::storage
