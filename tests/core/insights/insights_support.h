#pragma once

// Helpers shared by the insights tests: demo maps from the source tree and tiny graphs.

#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/map.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace crosswalk::test {

/// A demo map as shipped in resources/demo, parsed as an import would.
inline Map demoMap(const std::string& fileName)
{
    const std::string path = std::string(CROSSWALK_SOURCE_DIR) + "/resources/demo/" + fileName;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return parseMapJson(text.str()).map;
}

/// A map of one lane "l1" (and one phase "p1") holding steps with these ids and kinds,
/// joined by flows "f1", "f2" ... in the order given, for path and dead-end tests.
inline Map graphMap(const std::vector<std::pair<std::string, StepKind>>& steps,
                    const std::vector<std::pair<std::string, std::string>>& flows)
{
    Map map;
    map.id = "m-graph";
    map.lanes = {{"l1", "Principal", "#FFFFFF", 160}};
    map.phases = {{"p1", "Beginning of year", "#FFFFFF", 480}};
    for (const auto& [id, kind] : steps) {
        Step step;
        step.id = id;
        step.lane = "l1";
        step.phase = "p1";
        step.kind = kind;
        step.label = id;
        map.steps.push_back(step);
    }
    int n = 0;
    for (const auto& [from, to] : flows)
        map.flows.push_back({"f" + std::to_string(++n), from, to, ""});
    return map;
}

} // namespace crosswalk::test
