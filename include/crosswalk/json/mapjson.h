#pragma once

#include "crosswalk/model/map.h"

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

inline constexpr std::string_view kMapFormat = "crosswalk-map";
inline constexpr int kMapFormatVersion = 1;
inline constexpr std::size_t kMaxImportBytes = 50u * 1024u * 1024u;
inline constexpr int kMaxImportDepth = 64;

/// One thing wrong with an imported file, located by its JSON path ("map.steps[3].lane").
struct ImportProblem {
    std::string path;
    std::string message;
    bool operator==(const ImportProblem&) const = default;
    std::string toString() const; // "map.steps[3].lane: no lane \"l9\""
};

/// A map file that cannot be imported; what() lists every problem, one per line.
class ImportError : public std::runtime_error {
public:
    explicit ImportError(std::vector<ImportProblem> problems);
    const std::vector<ImportProblem>& problems() const { return m_problems; }

private:
    std::vector<ImportProblem> m_problems;
};

struct ImportResult {
    Map map;
    std::vector<std::string> notices; // things a person should know ("map id ... was taken; now ...")
    bool laidOut = false;             // the file had no geometry and the map was laid out
};

/// Parses and validates a map in exchange format v1. mapIdTaken says whether a map id is
/// already used where the map is going; a taken id is replaced by a new one and a notice
/// says so. Throws ImportError naming every problem found.
ImportResult parseMapJson(std::string_view text,
                          const std::function<bool(const std::string&)>& mapIdTaken = {});

/// The map in exchange format v1, pretty-printed with two-space indents and a final newline.
/// Deterministic: the same map always gives the same bytes.
std::string mapToJson(const Map& map);

} // namespace crosswalk
