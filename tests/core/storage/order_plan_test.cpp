// The pos planning behind applyEdit(): which rows an edit writes, and with which pos.

#include "storage/order.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace crosswalk::storage;
using Mode = KindPlan::Mode;

namespace {

struct Item {
    std::string id;
};

std::vector<Item> items(std::initializer_list<const char*> ids)
{
    std::vector<Item> out;
    for (const char* id : ids)
        out.push_back({id});
    return out;
}

/// The index numbered as addMap/renumbering does: 1024, 2048, ...
PosIndex numbered(const std::vector<Item>& list)
{
    PosIndex index;
    for (std::size_t i = 0; i < list.size(); ++i)
        index[list[i].id] = static_cast<std::int64_t>(i + 1) * kPosStep;
    return index;
}

/// After applying the plan, the index orders the items exactly as the vector does.
void requireOrdered(const std::vector<Item>& list, PosIndex index, const KindPlan& plan)
{
    applyPlan(index, list, plan);
    REQUIRE(index.size() == list.size());
    for (std::size_t i = 1; i < list.size(); ++i)
        REQUIRE(index.at(list[i - 1].id) < index.at(list[i].id));
}

} // namespace

TEST_CASE("Untouched kinds write nothing", "[storage]")
{
    const auto list = items({"a", "b"});
    CHECK(planKind(list, {}, numbered(list), false).mode == Mode::Nothing);
}

TEST_CASE("An insertion writes one row between its neighbours", "[storage]")
{
    const auto before = items({"a", "b", "c"});
    const PosIndex index = numbered(before);

    const auto front = items({"x", "a", "b", "c"});
    KindPlan plan = planKind(front, {"x"}, index, false);
    CHECK(plan.mode == Mode::Incremental);
    REQUIRE(plan.upserts.size() == 1);
    CHECK(plan.upserts[0] == std::pair<std::size_t, std::int64_t>{0, 0});
    CHECK(plan.posUpdates.empty());
    requireOrdered(front, index, plan);

    const auto middle = items({"a", "x", "y", "b", "c"});
    plan = planKind(middle, {"x", "y"}, index, false);
    REQUIRE(plan.upserts.size() == 2);
    CHECK(plan.upserts[0].second > 1024);
    CHECK(plan.upserts[1].second < 2048);
    requireOrdered(middle, index, plan);

    const auto end = items({"a", "b", "c", "x"});
    plan = planKind(end, {"x"}, index, false);
    CHECK(plan.upserts[0].second == 4 * kPosStep);
    requireOrdered(end, index, plan);
}

TEST_CASE("A changed row that stays in place keeps its pos", "[storage]")
{
    const auto list = items({"a", "b", "c"});
    const KindPlan plan = planKind(list, {"b"}, numbered(list), false);
    CHECK(plan.mode == Mode::Incremental);
    REQUIRE(plan.upserts.size() == 1);
    CHECK(plan.upserts[0] == std::pair<std::size_t, std::int64_t>{1, 2048});
}

TEST_CASE("A removal deletes the row and leaves the others alone", "[storage]")
{
    const auto before = items({"a", "b", "c"});
    const auto after = items({"a", "c"});
    const KindPlan plan = planKind(after, {"b"}, numbered(before), false);
    CHECK(plan.mode == Mode::Incremental);
    CHECK(plan.upserts.empty());
    CHECK(plan.deletes == std::vector<std::string>{"b"});
    requireOrdered(after, numbered(before), plan);
}

TEST_CASE("When neighbours leave no gap the kind is renumbered", "[storage]")
{
    std::vector<Item> list = items({"a", "b"});
    PosIndex index = numbered(list);
    int renumbered = 0;
    // Insertions right after "a" halve the gap each time.
    for (int i = 0; i < 30; ++i) {
        // Built anew rather than with vector::insert, which trips a false -Wnull-dereference at -O3.
        Item added{"n"};
        added.id += std::to_string(i);
        std::vector<Item> next{list.front(), added};
        next.insert(next.end(), list.begin() + 1, list.end());
        list = std::move(next);
        const KindPlan plan = planKind(list, {list[1].id}, index, false);
        if (plan.mode == Mode::Renumber) {
            ++renumbered;
            CHECK_FALSE(plan.posUpdates.empty());
        } else {
            CHECK(plan.upserts.size() == 1);
        }
        applyPlan(index, list, plan);
        for (std::size_t k = 1; k < list.size(); ++k)
            REQUIRE(index.at(list[k - 1].id) < index.at(list[k].id));
    }
    CHECK(renumbered >= 1);
    CHECK(renumbered <= 5);
}

TEST_CASE("Reordering renumbers, and a ChangeSet that misses rows resyncs", "[storage]")
{
    const auto before = items({"a", "b", "c", "d"});
    const PosIndex index = numbered(before);

    // "d" moved to the front, but the ChangeSet named only "a".
    const auto moved = items({"d", "a", "b", "c"});
    KindPlan plan = planKind(moved, {"a"}, index, false);
    CHECK(plan.mode == Mode::Renumber);
    requireOrdered(moved, index, plan);

    plan = planKind(moved, {"d"}, index, true);
    CHECK(plan.mode == Mode::Renumber);
    requireOrdered(moved, index, plan);

    // "b" removed without being named: the counts disagree, so everything is rewritten.
    const auto missing = items({"a", "c", "d", "x"});
    plan = planKind(missing, {"x"}, index, false);
    CHECK(plan.mode == Mode::Resync);
    CHECK(plan.upserts.size() == 4);
    requireOrdered(missing, index, plan);
}
