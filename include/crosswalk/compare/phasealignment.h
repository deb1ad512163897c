#pragma once

// Lining up the phases of the year across districts by what they are called, for views
// that draw several maps on one shared year. Districts cut the year differently
// ("Beginning of year", "Fall", "Quarter 1"), and not into the same number of phases, so
// phases are paired by their normalised names (TextNormalizer::forPhases(): seasons,
// quarters and parts of the year as concepts), in year order.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

/// In a PhaseColumn: this map has no phase in the column.
inline constexpr std::size_t kNoPhase = static_cast<std::size_t>(-1);

/// One shared column of the year: for each map (in the order given), the index of its
/// phase in this column, or kNoPhase.
struct PhaseColumn {
    std::vector<std::size_t> phases;
    bool operator==(const PhaseColumn&) const = default;
};

/// How alike two phase names are, in [0, 1]: 1 for the same words or the same part of
/// the year ("Beginning of year" and "Fall"), about 0.67 when one name holds the other's
/// part of the year and more ("Summer" and "Summer institute"), 0 for different parts.
double phaseSimilarity(std::string_view nameA, std::string_view nameB);

/// Two phases are paired only when their names are at least this alike.
inline constexpr double kPhasePairThreshold = 0.34;

/// Pairs the phases of two maps: a monotone alignment (year order is kept; no pairs
/// cross) that maximises the sum, over paired phases, of their name similarity plus a
/// small bonus for a similar place in the year (dynamic programming over the two ordered
/// lists). Phases whose names are less alike than kPhasePairThreshold are never paired.
/// Returns the pairs (index in a, index in b) in year order. Deterministic.
std::vector<std::pair<std::size_t, std::size_t>> alignPhasePair(const std::vector<std::string>& a,
                                                                const std::vector<std::string>& b);

/// Lines up the phases of N maps (names in each map's year order) on shared columns, in
/// year order: map 0's phases make the first columns; each further map is aligned with the
/// columns so far as alignPhasePair() does (a column is as alike to a phase as its most
/// alike member), and each phase left unpaired gets a column of its own, between its
/// neighbours, placed by its share of the year. Every phase of every map is in exactly
/// one column; a map's phases keep their order. Deterministic.
std::vector<PhaseColumn> alignPhases(const std::vector<std::vector<std::string>>& phaseNames);

/// A heading for a shared column: the name most of the column's maps use (on a tie, the
/// earliest map's), and the other names in map order, each once (case-insensitively).
struct PhaseColumnLabel {
    std::string name;
    std::vector<std::string> others;
    bool operator==(const PhaseColumnLabel&) const = default;
};
/// names: per map, the name of its phase in the column; empty for a map without one.
PhaseColumnLabel phaseColumnLabel(const std::vector<std::string>& names);

} // namespace crosswalk
