#include "crosswalk/facilitation/presentwalk.h"

#include <algorithm>

namespace crosswalk {

std::string PresentWalk::firstStep(const Map& map)
{
    for (const Step& s : map.steps)
        if (s.kind == StepKind::Start)
            return s.id;
    for (const Step& s : map.steps)
        if (incoming(map, s.id).empty())
            return s.id;
    return map.steps.empty() ? std::string() : map.steps.front().id;
}

std::vector<const Flow*> PresentWalk::outgoing(const Map& map, const std::string& stepId)
{
    std::vector<const Flow*> flows;
    for (const Flow& f : map.flows)
        if (f.from == stepId && map.step(f.to))
            flows.push_back(&f);
    return flows;
}

std::vector<const Flow*> PresentWalk::incoming(const Map& map, const std::string& stepId)
{
    std::vector<const Flow*> flows;
    for (const Flow& f : map.flows)
        if (f.to == stepId && map.step(f.from))
            flows.push_back(&f);
    return flows;
}

void PresentWalk::repair(const Map& map)
{
    // Steps removed while presenting (undo in the editor) drop out of the walk.
    if (!m_current.empty() && !map.step(m_current))
        m_current.clear();
    m_history.erase(
        std::remove_if(m_history.begin(), m_history.end(), [&map](const std::string& id) { return !map.step(id); }),
        m_history.end());
    const int n = static_cast<int>(outgoing(map, m_current).size());
    if (m_branch >= n)
        m_branch = 0;
}

void PresentWalk::setCurrent(const Map& map, const std::string& stepId)
{
    repair(map);
    if (!map.step(stepId) || stepId == m_current)
        return;
    if (!m_current.empty())
        m_history.push_back(m_current);
    m_current = stepId;
    m_branch = 0;
}

bool PresentWalk::next(const Map& map)
{
    repair(map);
    if (m_current.empty()) {
        m_current = firstStep(map);
        m_branch = 0;
        return !m_current.empty();
    }
    const auto flows = outgoing(map, m_current);
    if (flows.empty())
        return false;
    m_history.push_back(m_current);
    m_current = flows[static_cast<std::size_t>(m_branch)]->to;
    m_branch = 0;
    return true;
}

bool PresentWalk::back(const Map& map)
{
    repair(map);
    if (m_current.empty())
        return false;
    std::string previous;
    if (!m_history.empty()) {
        previous = m_history.back();
        m_history.pop_back();
    } else if (const auto flows = incoming(map, m_current); !flows.empty()) {
        previous = flows.front()->from;
    } else {
        return false;
    }
    // Coming back to a decision, offer the branch just walked again.
    const auto flows = outgoing(map, previous);
    m_branch = 0;
    for (std::size_t i = 0; i < flows.size(); ++i)
        if (flows[i]->to == m_current)
            m_branch = static_cast<int>(i);
    m_current = previous;
    return true;
}

bool PresentWalk::chooseBranch(const Map& map, int delta)
{
    repair(map);
    const int n = static_cast<int>(outgoing(map, m_current).size());
    if (n < 2)
        return false;
    m_branch = ((m_branch + delta) % n + n) % n;
    return true;
}

void PresentWalk::clear()
{
    m_current.clear();
    m_history.clear();
    m_branch = 0;
}

} // namespace crosswalk
