#pragma once

// Hostile maps at the limits an import accepts (issue 19, finding 5), for the benchmarks in
// tests/bench/ui/bench_hostile.cpp and the UI tests. tests/cli/hostile_export_cli_test.sh
// writes the same maps as JSON (keep the two in step).

#include "crosswalk/model/map.h"
#include "crosswalk/model/validate.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace crosswalk::test {

/// The hostile maps: which limits each one sits at.
enum class HostileMap {
    FarFlows, // two 2,000 x 2,000 steps 20,000,000 units apart, 200 more, `flows` flows between the two
    Extent,   // 500 lanes and 500 phases of 1,000,000 units, 10,000 steps of 2,000 x 2,000 spread over
              // +-10,000,000, 40,000 flows between steps far apart
    Labels,   // 10,000 ordinary steps, every label, name and title 2,000 bytes (half one word, half words),
              // 40,000 flows with 2,000-byte labels
    Many,     // 10,000 ordinary steps in 100 lanes, 40,000 flows to nearby steps: the step and flow limits
};

inline const char* hostileMapName(HostileMap which)
{
    switch (which) {
    case HostileMap::FarFlows:
        return "far_flows";
    case HostileMap::Extent:
        return "extent";
    case HostileMap::Labels:
        return "labels";
    case HostileMap::Many:
        return "many";
    }
    return "?";
}

/// A label of exactly `bytes` bytes: one word without a break, or words of 1 to 12 letters.
inline std::string hostileLabel(std::size_t bytes, bool oneWord, std::size_t seed)
{
    std::string text;
    text.reserve(bytes);
    std::uint64_t state = seed * 2654435761u + 1;
    while (text.size() < bytes) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto r = static_cast<std::size_t>(state >> 33);
        if (!oneWord && !text.empty() && text.back() != ' ' && r % 8 == 0)
            text += ' ';
        else
            text += static_cast<char>('a' + r % 26);
    }
    if (text.back() == ' ')
        text.back() = 'z';
    return text;
}

inline Map hostileMap(HostileMap which, std::size_t farFlows = kMaxFlows)
{
    Map map;
    map.id = std::string("m-hostile-") + hostileMapName(which);
    map.props.title = std::string(kMaxLabelBytes, 'T');
    std::uint64_t state = 20261204;
    const auto next = [&state](std::uint64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((state >> 33) % bound);
    };
    switch (which) {
    case HostileMap::FarFlows: {
        map.lanes = {Lane{"l1", "A", "#FFFFFF", kMaxSize}, Lane{"l2", "B", "#FFFFFF", kMaxSize}};
        Step left;
        left.id = "s-left";
        left.lane = "l1";
        left.label = std::string(kMaxLabelBytes, 'x');
        left.x = -kMaxCoordinate;
        left.y = 0;
        left.w = left.h = kMaxStepSize;
        Step right = left;
        right.id = "s-right";
        right.lane = "l2";
        right.x = kMaxCoordinate - kMaxStepSize;
        right.y = kMaxSize - kMaxStepSize;
        map.steps = {left, right};
        for (int i = 0; i < 200; ++i) {
            Step s = left;
            s.id = "s" + std::to_string(i);
            s.lane = i % 2 ? "l1" : "l2";
            s.x = -kMaxCoordinate + (i + 1) * (2 * kMaxCoordinate / 202);
            s.y = (i * 7919) % (kMaxSize - kMaxStepSize);
            s.w = 150;
            s.h = 70;
            map.steps.push_back(s);
        }
        for (std::size_t i = 0; i < farFlows; ++i)
            map.flows.push_back(Flow{"f" + std::to_string(i), i % 2 ? "s-right" : "s-left",
                                     i % 2 ? "s-left" : "s-right", "meets"});
        break;
    }
    case HostileMap::Extent: {
        for (std::size_t i = 0; i < kMaxLanes; ++i)
            map.lanes.push_back({"l" + std::to_string(i), "Lane " + std::to_string(i), "#E8F0FE", kMaxSize});
        for (std::size_t i = 0; i < kMaxPhases; ++i)
            map.phases.push_back({"p" + std::to_string(i), "Phase " + std::to_string(i), "#FFFFFF", kMaxSize});
        for (std::size_t i = 0; i < kMaxSteps; ++i) {
            Step s;
            s.id = "s" + std::to_string(i);
            s.lane = map.lanes[i % kMaxLanes].id;
            s.phase = map.phases[(i / kMaxLanes) % kMaxPhases].id;
            s.w = s.h = kMaxStepSize;
            s.x = -kMaxCoordinate + next(2 * kMaxCoordinate - kMaxStepSize);
            s.y = -kMaxCoordinate + next(2 * kMaxCoordinate - kMaxStepSize);
            s.label = "Step " + std::to_string(i);
            map.steps.push_back(s);
        }
        for (std::size_t i = 0; i < kMaxFlows; ++i)
            map.flows.push_back(Flow{"f" + std::to_string(i), map.steps[static_cast<std::size_t>(next(kMaxSteps))].id,
                                     map.steps[static_cast<std::size_t>(next(kMaxSteps))].id, "f"});
        break;
    }
    case HostileMap::Labels:
    case HostileMap::Many: {
        const bool labels = which == HostileMap::Labels;
        constexpr int kLanes = 100;
        constexpr int kPerLane = static_cast<int>(kMaxSteps) / kLanes;
        for (int i = 0; i < kLanes; ++i)
            map.lanes.push_back({"l" + std::to_string(i),
                                 labels ? hostileLabel(kMaxLabelBytes, i % 2 == 0, static_cast<std::size_t>(i))
                                        : "Lane " + std::to_string(i),
                                 "#E8F0FE", 200});
        for (int i = 0; i < 10; ++i)
            map.phases.push_back({"p" + std::to_string(i),
                                  labels ? hostileLabel(kMaxLabelBytes, i % 2 == 0, static_cast<std::size_t>(i))
                                         : "Phase " + std::to_string(i),
                                  "#FFFFFF", kPerLane / 10 * 220});
        for (std::size_t i = 0; i < kMaxSteps; ++i) {
            Step s;
            s.id = "s" + std::to_string(i);
            const int lane = static_cast<int>(i) / kPerLane;
            const int column = static_cast<int>(i) % kPerLane;
            s.lane = map.lanes[static_cast<std::size_t>(lane)].id;
            s.phase = map.phases[static_cast<std::size_t>(column / (kPerLane / 10))].id;
            s.x = column * 220 + 20;
            s.y = 60;
            s.label = labels ? hostileLabel(kMaxLabelBytes, i % 2 == 0, i) : "Step " + std::to_string(i);
            map.steps.push_back(s);
        }
        for (std::size_t i = 0; i < kMaxFlows; ++i) {
            const std::size_t from = i / 4;
            const int lane = static_cast<int>(from) / kPerLane;
            const int column = static_cast<int>(from) % kPerLane;
            // To a step 1 to 3 columns on, in this lane or one of the two next to it.
            const int toLane = std::clamp(lane + next(3) - 1, 0, kLanes - 1);
            const int toColumn = std::min(column + 1 + next(3), kPerLane - 1);
            const auto to = static_cast<std::size_t>(toLane * kPerLane + toColumn);
            map.flows.push_back(Flow{"f" + std::to_string(i), map.steps[from].id, map.steps[to].id,
                                     labels ? hostileLabel(kMaxLabelBytes, i % 2 == 0, i + 7) : ""});
        }
        break;
    }
    }
    if (const auto problems = validateMap(map); !problems.empty())
        throw std::runtime_error("the hostile map is not one an import accepts: " + problems.front().toString());
    return map;
}

} // namespace crosswalk::test
