#include "ui/compare/comparesession.h"

#include "crosswalk/storage/mapstore.h"
#include "ui/compare/comparestyle.h"

#include <algorithm>
#include <exception>
#include <map>
#include <stdexcept>

namespace crosswalk {

CompareSession::CompareSession(MapStore& ws, const std::vector<std::string>& mapIds, QObject* parent)
    : QObject(parent), m_ws(ws), m_ids(mapIds)
{
    if (mapIds.size() > kMaxComparedMaps)
        throw std::invalid_argument("at most " + std::to_string(kMaxComparedMaps) + " maps can be compared at once");
    reload();
}

bool CompareSession::readOnly() const
{
    return m_ws.readOnly();
}

void CompareSession::reload()
{
    m_maps.clear();
    m_names.clear();
    for (const std::string& id : m_ids) {
        m_maps.push_back(m_ws.loadMap(id));
        const MapProperties& props = m_maps.back().props;
        m_names << QString::fromStdString(props.district.empty() ? props.title : props.district);
    }
    m_initials = comparestyle::districtInitials(m_names);
    assignColors();
    recompute();
}

void CompareSession::assignColors()
{
    const std::size_t palette = comparestyle::districtColors().size();
    std::map<std::string, int> stored;
    try {
        stored = m_ws.districtColors();
    } catch (const std::exception&) {
        // Unreadable colours are not worth refusing a comparison for: fall back to the order.
    }
    std::vector<bool> usedHere(palette, false);
    std::vector<bool> storedAnywhere(palette, false);
    for (const auto& [id, slot] : stored)
        if (slot >= 0 && static_cast<std::size_t>(slot) < palette)
            storedAnywhere[static_cast<std::size_t>(slot)] = true;
    m_slots.assign(m_ids.size(), palette);
    // First every district with a stored colour that no earlier district here has taken.
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
        const auto it = stored.find(m_ids[i]);
        if (it == stored.end() || it->second < 0 || static_cast<std::size_t>(it->second) >= palette)
            continue;
        const auto slot = static_cast<std::size_t>(it->second);
        if (!usedHere[slot]) {
            m_slots[i] = slot;
            usedHere[slot] = true;
        }
    }
    // Then the others: a colour no map of the workspace has, else one free in this comparison.
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
        if (m_slots[i] != palette)
            continue;
        std::size_t pick = palette;
        for (std::size_t s = 0; s < palette && pick == palette; ++s)
            if (!usedHere[s] && !storedAnywhere[s])
                pick = s;
        for (std::size_t s = 0; s < palette && pick == palette; ++s)
            if (!usedHere[s])
                pick = s;
        if (pick == palette)
            pick = i % palette; // more districts than colours: kMaxComparedMaps keeps this away
        m_slots[i] = pick;
        usedHere[pick] = true;
        // Kept for next time, unless the district has a colour that another district here
        // holds (its own stays stored) or the workspace cannot be written.
        if (!stored.count(m_ids[i]) && !m_ws.readOnly()) {
            try {
                m_ws.storeDistrictColor(m_ids[i], static_cast<int>(pick));
                storedAnywhere[pick] = true;
            } catch (const std::exception&) {
                // The colour holds for this window; it is stored when the workspace can be written.
            }
        }
    }
}

void CompareSession::recompute()
{
    m_decisions = m_ws.loadDecisions(m_ids);
    m_result = compareMaps(m_maps, m_decisions, m_options);
    emit changed();
}

void CompareSession::setMatchOptions(const CompareOptions& options)
{
    if (options.minScore == m_options.minScore && options.candidates == m_options.candidates &&
        options.lexicon == m_options.lexicon)
        return;
    m_options = options;
    recompute();
}

std::size_t CompareSession::pairIndex(std::size_t i, std::size_t j) const
{
    // Pairs come in the order (0,1), (0,2) ... (1,2) ...
    const std::size_t n = m_maps.size();
    return i * n - i * (i + 1) / 2 + (j - i - 1);
}

QString CompareSession::rowName(std::size_t row) const
{
    std::vector<std::pair<std::string, int>> counts;
    const std::vector<std::string>& lanes = m_result.laneRows.at(row);
    for (std::size_t i = 0; i < lanes.size() && i < m_maps.size(); ++i) {
        const Lane* lane = lanes[i].empty() ? nullptr : m_maps[i].lane(lanes[i]);
        if (!lane)
            continue;
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == lane->name; });
        if (it == counts.end())
            counts.push_back({lane->name, 1});
        else
            ++it->second;
    }
    // The most used name; on a tie the earliest district's, so the heading never flickers.
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == counts.end() ? QString() : QString::fromStdString(best->first);
}

const PairComparison& CompareSession::pair(std::size_t i, std::size_t j) const
{
    if (i >= j || j >= m_maps.size())
        throw std::out_of_range("no comparison of these two maps");
    return m_result.pairs.at(pairIndex(i, j));
}

const StepMatch* CompareSession::matchOf(std::size_t i, std::size_t j, const std::string& stepId) const
{
    if (i == j)
        return nullptr;
    const bool first = i < j;
    const PairComparison& p = first ? pair(i, j) : pair(j, i);
    for (const StepMatch& m : p.matches)
        if ((first ? m.a : m.b) == stepId)
            return &m;
    return nullptr;
}

std::optional<Decision> CompareSession::decisionOn(std::size_t i, std::size_t j, DecisionKind kind,
                                                   const std::string& a, const std::string& b) const
{
    for (const MatchDecision& d : m_decisions.between(m_ids.at(i), m_ids.at(j), kind))
        if (d.a == a && d.b == b)
            return d.decision;
    return std::nullopt;
}

std::optional<Decision> CompareSession::stepDecision(std::size_t i, std::size_t j, const std::string& a,
                                                     const std::string& b) const
{
    return decisionOn(i, j, DecisionKind::Step, a, b);
}

std::optional<Decision> CompareSession::laneDecision(std::size_t i, std::size_t j, const std::string& a,
                                                     const std::string& b) const
{
    return decisionOn(i, j, DecisionKind::Lane, a, b);
}

std::vector<MatchDecision> CompareSession::laneDecisions(std::size_t i, std::size_t j) const
{
    return m_decisions.between(m_ids.at(i), m_ids.at(j), DecisionKind::Lane);
}

void CompareSession::decide(std::size_t i, std::size_t j, DecisionKind kind, const std::string& a, const std::string& b,
                            Decision decision)
{
    m_ws.storeDecision(MatchDecision{m_ids.at(i), m_ids.at(j), kind, a, b, decision});
    recompute();
}

void CompareSession::confirmMatch(std::size_t i, std::size_t j, const std::string& a, const std::string& b)
{
    decide(i, j, DecisionKind::Step, a, b, Decision::Confirmed);
}

void CompareSession::rejectMatch(std::size_t i, std::size_t j, const std::string& a, const std::string& b)
{
    decide(i, j, DecisionKind::Step, a, b, Decision::Rejected);
}

void CompareSession::addMatch(std::size_t i, std::size_t j, const std::string& a, const std::string& b)
{
    decide(i, j, DecisionKind::Step, a, b, Decision::Added);
}

void CompareSession::clearDecision(std::size_t i, std::size_t j, const std::string& a, const std::string& b)
{
    m_ws.clearDecision(m_ids.at(i), m_ids.at(j), DecisionKind::Step, a, b);
    recompute();
}

void CompareSession::confirmLanePair(std::size_t i, std::size_t j, const std::string& a, const std::string& b)
{
    decide(i, j, DecisionKind::Lane, a, b, Decision::Confirmed);
}

void CompareSession::rejectLanePair(std::size_t i, std::size_t j, const std::string& a, const std::string& b)
{
    decide(i, j, DecisionKind::Lane, a, b, Decision::Rejected);
}

void CompareSession::addLanePair(std::size_t i, std::size_t j, const std::string& a, const std::string& b)
{
    decide(i, j, DecisionKind::Lane, a, b, Decision::Added);
}

void CompareSession::clearLaneDecision(std::size_t i, std::size_t j, const std::string& a, const std::string& b)
{
    m_ws.clearDecision(m_ids.at(i), m_ids.at(j), DecisionKind::Lane, a, b);
    recompute();
}

bool CompareSession::wordsOnly() const
{
    return std::any_of(m_result.pairs.begin(), m_result.pairs.end(),
                       [](const PairComparison& p) { return p.lexical == "words-only"; });
}

} // namespace crosswalk
