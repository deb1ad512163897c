#pragma once

// Workspace files for the UI tests: a path in the temp folder unique to the test and the
// process, and a workspace holding the six demo districts.

#include "crosswalk/demo/demo.h"
#include "crosswalk/facilitation/session.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace crosswalk::test {

/// <temp>/<stem>-<pid>.crosswalk, with any file of an earlier run there removed.
inline std::string tempWorkspacePath(const std::string& stem)
{
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / (stem + "-" + std::to_string(::getpid()) + ".crosswalk");
    std::filesystem::remove(path);
    return path.string();
}

/// Creates a workspace at path holding the six demo maps; returns their ids in the demo's order.
inline std::vector<std::string> createDemoWorkspace(const std::string& path)
{
    Workspace ws = Workspace::create(path);
    std::vector<std::string> ids;
    for (std::string_view text : demoMapTexts()) {
        Map map = parseMapJson(text).map;
        ids.push_back(map.id);
        ws.addMap(map);
    }
    return ids;
}

/// A workspace file at tempWorkspacePath(stem) holding the six demo maps.
inline std::string demoWorkspaceFile(const std::string& stem)
{
    const std::string path = tempWorkspacePath(stem);
    createDemoWorkspace(path);
    return path;
}

/// A workspace file at tempWorkspacePath(stem) holding the six demo maps and the demo
/// session, as `crosswalk demo` writes it.
inline std::string demoSessionWorkspaceFile(const std::string& stem)
{
    const std::string path = tempWorkspacePath(stem);
    Workspace ws = Workspace::create(path);
    std::vector<Map> maps;
    for (std::string_view text : demoMapTexts())
        maps.push_back(parseMapJson(text).map);
    for (const Map& m : maps)
        ws.addMap(m);
    ws.saveSession(demoSession(maps), 0);
    return path;
}

} // namespace crosswalk::test
