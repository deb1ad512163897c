#include "crosswalk/model/validate.h"

#include "crosswalk/model/entitykinds.h"

#include <nlohmann/json.hpp>

#include <algorithm>

// The messages are those the exchange-format reader has always given (it reports these
// problems through this validator); edits and storage check with the same rules.

namespace crosswalk {
namespace problempath {

std::string join(std::string_view base, std::string_view key)
{
    std::string path;
    path.reserve(base.size() + key.size() + 1);
    path += base;
    if (!base.empty())
        path += '.';
    path += key;
    return path;
}

std::string indexed(std::string_view base, std::size_t index)
{
    return std::string(base) + '[' + std::to_string(index) + ']';
}

} // namespace problempath

namespace {

using problempath::indexed;
using problempath::join;

// Cuts text to at most max bytes without splitting a UTF-8 sequence.
std::string_view shorten(std::string_view text, std::size_t max)
{
    if (text.size() <= max)
        return text;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u)
        --end;
    return text.substr(0, end);
}

// A found value is quoted in messages; a 5 MB label would make the message useless.
constexpr std::size_t kMaxQuotedBytes = 80;

} // namespace

std::string MapValidator::Place::path(std::string_view field) const
{
    std::string base = join("map", key);
    if (index)
        base = indexed(base, *index);
    return join(base, field);
}

std::string MapProblem::toString() const { return where.empty() ? message : where + ": " + message; }

bool isColour(std::string_view text)
{
    if (text.size() != 7 || text[0] != '#')
        return false;
    return std::all_of(text.begin() + 1, text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

std::string quotedValue(std::string_view text)
{
    using json = nlohmann::json;
    const std::string_view shown = shorten(text, kMaxQuotedBytes);
    std::string result = json(std::string(shown)).dump(-1, ' ', false, json::error_handler_t::replace);
    if (shown.size() < text.size())
        result.insert(result.size() - 1, "...");
    return result;
}

void MapValidator::fail(std::string where, std::string message, MapProblem::Rule rule)
{
    m_problems.push_back({std::move(where), std::move(message), rule});
}

// Ids are unique across every kind of entity of a map: references (an annotation's
// target) do not say which kind they mean.
void MapValidator::checkId(const std::string& id, std::string_view kind, const Place& base)
{
    if (id.empty()) {
        fail(base.path("id"), "an id must not be empty");
        return;
    }
    if (m_whole) {
        // Another entity of the whole map with this id, wherever it is.
        if (const auto other = findInWhole(id, &base))
            fail(base.path("id"), "duplicate id " + quotedValue(id) + "; " + other->place.path("id") + " has it too",
                 MapProblem::Rule::DuplicateId);
        return;
    }
    const auto [it, inserted] = m_ids.try_emplace(id, Known{kind, base});
    if (!inserted)
        fail(base.path("id"), "duplicate id " + quotedValue(id) + "; " + it->second.place.path("id") + " has it too",
             MapProblem::Rule::DuplicateId);
}

std::optional<MapValidator::Known> MapValidator::findInWhole(const std::string& id, const Place* except) const
{
    std::optional<Known> found;
    forEachEntityKind([&]<typename T>() {
        if (found)
            return;
        const std::vector<T>& items = entitiesOf<T>(*m_whole);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].id != id || (except && except->key == EntityKind<T>::jsonKey && except->index == i))
                continue;
            found = Known{EntityKind<T>::name, Place{EntityKind<T>::jsonKey, i}};
            return;
        }
    });
    return found;
}

std::optional<MapValidator::Known> MapValidator::find(const std::string& id) const
{
    if (m_whole)
        return findInWhole(id, nullptr);
    const auto it = m_ids.find(id);
    if (it == m_ids.end())
        return std::nullopt;
    return it->second;
}

// Checks that id names an entity of one of the wanted kinds, fed earlier.
void MapValidator::checkReference(const Place& base, std::string_view field, const std::string& id,
                                  std::initializer_list<std::string_view> kinds)
{
    const std::optional<Known> known = find(id);
    if (known && std::find(kinds.begin(), kinds.end(), known->kind) != kinds.end())
        return;
    std::string names;
    std::size_t n = 0;
    for (std::string_view kind : kinds) {
        if (n > 0)
            names += (n + 1 == kinds.size()) ? " or " : ", ";
        names += kind;
        ++n;
    }
    std::string message = "no " + names + " " + quotedValue(id);
    if (known) {
        const std::string_view name = known->kind;
        message += " (" + quotedValue(id) + (name.front() == 'a' ? " is an " : " is a ") + std::string(name) + ")";
    }
    fail(base.path(field), std::move(message), MapProblem::Rule::Reference);
}

void MapValidator::checkColour(const std::string& colour, const Place& base, std::string_view field)
{
    if (!isColour(colour))
        fail(base.path(field), "expected a colour written #RRGGBB, found " + quotedValue(colour));
}

void MapValidator::checkRange(int value, int min, int max, const Place& base, std::string_view field)
{
    if (value >= min && value <= max)
        return;
    std::string where = base.path(field);
    if (min == 1 && value < 1)
        fail(std::move(where), "expected a positive number, found " + std::to_string(value));
    else
        fail(std::move(where), "expected a number from " + std::to_string(min) + " to " + std::to_string(max) +
                                   ", found " + std::to_string(value));
}

void MapValidator::check(const Lane& lane, std::size_t index)
{
    const Place base{EntityKind<Lane>::jsonKey, index};
    checkId(lane.id, EntityKind<Lane>::name, base);
    checkColour(lane.color, base, "color");
    checkRange(lane.height, 1, kMaxSize, base, "height");
    checkText(lane.name, kMaxLabelBytes, base.path("name"));
}

void MapValidator::check(const Phase& phase, std::size_t index)
{
    const Place base{EntityKind<Phase>::jsonKey, index};
    checkId(phase.id, EntityKind<Phase>::name, base);
    checkColour(phase.color, base, "color");
    checkRange(phase.width, 1, kMaxSize, base, "width");
    checkText(phase.name, kMaxLabelBytes, base.path("name"));
}

void MapValidator::check(const Step& step, std::size_t index)
{
    const Place base{EntityKind<Step>::jsonKey, index};
    checkId(step.id, EntityKind<Step>::name, base);
    checkReference(base, "lane", step.lane, {EntityKind<Lane>::name});
    // An empty phase means "no phase".
    if (!step.phase.empty())
        checkReference(base, "phase", step.phase, {EntityKind<Phase>::name});
    checkRange(step.x, -kMaxCoordinate, kMaxCoordinate, base, "x");
    checkRange(step.y, -kMaxCoordinate, kMaxCoordinate, base, "y");
    checkRange(step.w, 1, kMaxStepSize, base, "w");
    checkRange(step.h, 1, kMaxStepSize, base, "h");
    checkText(step.label, kMaxLabelBytes, base.path("label"));
    checkText(step.notes, kMaxNoteBytes, base.path("notes"));
}

void MapValidator::check(const Flow& flow, std::size_t index)
{
    const Place base{EntityKind<Flow>::jsonKey, index};
    checkId(flow.id, EntityKind<Flow>::name, base);
    checkReference(base, "from", flow.from, {EntityKind<Step>::name});
    checkReference(base, "to", flow.to, {EntityKind<Step>::name});
    checkText(flow.label, kMaxLabelBytes, base.path("label"));
}

void MapValidator::check(const Annotation& a, std::size_t index)
{
    const Place base{EntityKind<Annotation>::jsonKey, index};
    checkId(a.id, EntityKind<Annotation>::name, base);
    // An empty target: the annotation is about the whole map.
    if (!a.target.empty())
        checkReference(base, "target", a.target,
                       {EntityKind<Lane>::name, EntityKind<Step>::name, EntityKind<Flow>::name});
    checkText(a.text, kMaxNoteBytes, base.path("text"));
    checkText(a.affects, kMaxNoteBytes, base.path("affects"));
    if (a.variation && a.kind != AnnotationKind::Variation)
        fail(base.path("variation"),
             "only a \"variation\" annotation has a variation; this one is " + quotedValue(toString(a.kind)));
    if (a.horizon) {
        if (*a.horizon < 1 || *a.horizon > 3)
            fail(base.path("horizon"), "expected 1, 2 or 3, found " + std::to_string(*a.horizon));
        if (a.kind != AnnotationKind::ChangeIdea)
            fail(base.path("horizon"),
                 "only a \"change_idea\" annotation has a horizon; this one is " + quotedValue(toString(a.kind)));
    }
}

void MapValidator::check(const StickyNote& note, std::size_t index)
{
    const Place base{EntityKind<StickyNote>::jsonKey, index};
    checkId(note.id, EntityKind<StickyNote>::name, base);
    checkReference(base, "step", note.step, {EntityKind<Step>::name});
    checkColour(note.color, base, "color");
    checkText(note.text, kMaxNoteBytes, base.path("text"));
}

void MapValidator::check(const ParkingItem& item, std::size_t index)
{
    const Place base{EntityKind<ParkingItem>::jsonKey, index};
    checkId(item.id, EntityKind<ParkingItem>::name, base);
    checkText(item.text, kMaxNoteBytes, base.path("text"));
}

void MapValidator::checkText(const std::string& text, std::size_t maxBytes, const std::string& where)
{
    if (text.size() > maxBytes) {
        fail(where, "the text is " + std::to_string(text.size()) + " bytes long; at most " + std::to_string(maxBytes) +
                        " are allowed");
        return;
    }
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7f) {
            static constexpr char hex[] = "0123456789ABCDEF";
            fail(where, std::string("the text holds the control character U+00") + hex[u >> 4] + hex[u & 0xf] +
                            ", which maps cannot hold (only tab and line break are allowed)");
            return;
        }
    }
}

void MapValidator::checkProperties(const MapProperties& props)
{
    checkText(props.title, kMaxLabelBytes, "map.title");
    checkText(props.district, kMaxLabelBytes, "map.district");
    checkText(props.focus, kMaxLabelBytes, "map.focus");
    checkText(props.notes, kMaxNoteBytes, "map.notes");
}

void MapValidator::checkCount(std::size_t steps)
{
    if (steps > kMaxSteps)
        fail("map.steps", "the map has " + std::to_string(steps) + " steps; a map may have at most " +
                              std::to_string(kMaxSteps));
}

void MapValidator::checkCounts(const Map& map)
{
    checkCount(map.steps.size());
    const auto bound = [&](std::size_t count, std::size_t max, std::string_view key) {
        if (count > max)
            fail(join("map", key), "the map has " + std::to_string(count) + " " + std::string(key) +
                                       "; a map may have at most " + std::to_string(max));
    };
    bound(map.flows.size(), kMaxFlows, "flows");
    bound(map.lanes.size(), kMaxLanes, "lanes");
    bound(map.phases.size(), kMaxPhases, "phases");
    bound(map.annotations.size(), kMaxNotes, "annotations");
    bound(map.stickyNotes.size(), kMaxNotes, "sticky_notes");
    bound(map.parkingLot.size(), kMaxNotes, "parking_lot");
}

void MapValidator::checkVoteTarget(const std::string& step)
{
    checkReference(Place{"votes", std::nullopt}, step, step, {EntityKind<Step>::name});
}

void MapValidator::checkVotes(const std::map<std::string, int>& votes)
{
    for (const auto& [step, count] : votes) {
        checkVoteTarget(step);
        // The model keeps only steps with votes: 0 is written as no entry.
        if (count < 1 || count > kMaxVotesPerStep)
            fail(join("map.votes", step), "expected a whole number of votes from 1 to " + std::to_string(kMaxVotesPerStep) +
                            ", found " + std::to_string(count));
    }
}

void MapValidator::checkSession(const SessionTimer& session)
{
    checkRange(session.durationSeconds, 0, kMaxSessionSeconds, Place{"session", std::nullopt}, "duration");
    checkRange(session.remainingSeconds, 0, kMaxSessionSeconds, Place{"session", std::nullopt}, "remaining");
    if (session.deadlineMs < 0 || session.deadlineMs > kMaxSessionDeadlineMs)
        fail(Place{"session", std::nullopt}.path("deadline_ms"), "expected a number from 0 to " +
                                                                     std::to_string(kMaxSessionDeadlineMs) + ", found " +
                                                                     std::to_string(session.deadlineMs));
}

std::vector<MapProblem> validateMap(const Map& map)
{
    MapValidator validator;
    validator.checkProperties(map.props);
    validator.checkCounts(map);
    forEachEntityKind([&]<typename T>() {
        const std::vector<T>& items = entitiesOf<T>(map);
        for (std::size_t i = 0; i < items.size(); ++i)
            validator.check(items[i], i);
    });
    validator.checkVotes(map.votes);
    validator.checkSession(map.session);
    return std::move(validator.problems());
}

namespace {

void unixBreaks(std::string& text)
{
    if (text.find('\r') == std::string::npos)
        return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r')
            out += text[i];
        else if (i + 1 >= text.size() || text[i + 1] != '\n')
            out += '\n';
    }
    text = std::move(out);
}

} // namespace

void forEachText(Map& map, const std::function<void(std::string&)>& change)
{
    for (std::string* t : {&map.props.title, &map.props.district, &map.props.focus, &map.props.notes})
        change(*t);
    for (Lane& l : map.lanes)
        change(l.name);
    for (Phase& p : map.phases)
        change(p.name);
    for (Step& s : map.steps) {
        change(s.label);
        change(s.notes);
    }
    for (Flow& f : map.flows)
        change(f.label);
    for (Annotation& a : map.annotations) {
        change(a.text);
        change(a.affects);
    }
    for (StickyNote& n : map.stickyNotes)
        change(n.text);
    for (ParkingItem& item : map.parkingLot)
        change(item.text);
}

void normaliseLineBreaks(Map& map)
{
    forEachText(map, unixBreaks);
}

} // namespace crosswalk
