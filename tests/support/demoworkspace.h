#pragma once

// A fresh workspace file holding the six demo districts, removed again at the end of the test
// (the comparison window's and the comparison views' tests).

#include "support/tempworkspace.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace crosswalk::test {

struct DemoWorkspace {
    std::string path;
    std::vector<std::string> ids; // in the demo's order

    /// At tempWorkspacePath(stem): unique to the process, any file of an earlier run replaced.
    explicit DemoWorkspace(const std::string& stem) : path(tempWorkspacePath(stem)), ids(createDemoWorkspace(path)) {}
    ~DemoWorkspace() { std::filesystem::remove(path); }
    DemoWorkspace(const DemoWorkspace&) = delete;
    DemoWorkspace& operator=(const DemoWorkspace&) = delete;

    /// The ids of the first n demo maps.
    std::vector<std::string> first(std::size_t n) const
    {
        return {ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n)};
    }
};

} // namespace crosswalk::test
