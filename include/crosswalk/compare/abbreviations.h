#pragma once

// Abbreviations in step labels: those a map defines ("Beginning of year (BOY)"), those
// its lane names make ("Principal Supervisor" -> PS, "Chief Schools Officer" -> CSO) and
// the school year's own (BOY, MOY, EOY), written out before labels are compared, so that
// "BOY conference with PS" meets "Beginning-of-year conference with the principal
// supervisor".

#include "crosswalk/model/map.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk {

/// The abbreviations of the maps being compared and what they stand for.
class Abbreviations {
public:
    /// Collects definitions from the labels and lane names of all the maps (a definition
    /// in one map explains the same letters in the other). A definition in a label wins
    /// over a lane's initials, which win over the built-in school-year ones.
    static Abbreviations of(const std::vector<const Map*>& maps);

    /// The label with every abbreviation (a whole word in capitals, as defined) written
    /// out, and "(ABBR)" after its own definition dropped.
    std::string expand(std::string_view label) const;

    /// What an abbreviation stands for; empty when unknown.
    std::string meaning(const std::string& abbreviation) const;
    std::size_t size() const { return m_meanings.size(); }

private:
    void define(const std::string& abbreviation, const std::string& phrase, int strength);
    std::map<std::string, std::pair<std::string, int>> m_meanings; // ABBR -> (phrase, strength)
};

} // namespace crosswalk
