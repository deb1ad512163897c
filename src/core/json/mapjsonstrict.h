#pragma once

// Checks of a map file's text that nlohmann's parser does not make: keys given twice in one
// object (the parser lets the last one win, so a file with a second "map" imports the second,
// empty map) and text in UTF-16 (Windows tools write it; the parser would call it broken).

#include "crosswalk/json/mapjson.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk::mapjson {

/// Collects, while nlohmann parses, every key that an object holds twice, with the JSON path
/// of the object ("map.lanes[2]: duplicate key \"id\"").
class DuplicateKeys {
public:
    /// The callback for nlohmann::json::parse; it keeps every value.
    nlohmann::json::parser_callback_t callback();
    /// The problems found (at most kMaxReported, then one saying how many more).
    std::vector<ImportProblem> problems() const;

private:
    struct Frame {
        bool object = false;
        std::string path;
        std::vector<std::string> keys; // sorted
        std::string key;
        std::size_t next = 0;
    };
    std::string childPath();
    void onKey(const std::string& key);

    static constexpr std::size_t kMaxReported = 20;
    std::vector<Frame> m_stack;
    std::vector<ImportProblem> m_problems;
    std::size_t m_count = 0;
};

/// The text in UTF-8 when it is UTF-16 (with a byte order mark, or recognisably by its zero
/// bytes around ASCII); nothing when it is not UTF-16. Throws ImportError when it is UTF-16
/// but broken (an odd number of bytes, a lone surrogate).
std::optional<std::string> utf16ToUtf8(std::string_view text);

} // namespace crosswalk::mapjson
