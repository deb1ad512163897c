#include "crosswalk/insights/mapdiff.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace crosswalk {
namespace {

// Long labels and annotation texts would swamp the list; cut after this many characters.
constexpr std::size_t kMaxQuoted = 40;

/// "\"text\"" on one line, cut to kMaxQuoted characters (code points, never splitting a UTF-8
/// sequence).
std::string quoted(std::string_view text)
{
    std::size_t chars = 0;
    std::size_t cut = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (chars == kMaxQuoted) {
                cut = i;
                break;
            }
            ++chars;
        }
    }
    std::string out = "\"" + std::string(text.substr(0, cut));
    // A change is one line in the list: a note's line breaks become spaces.
    std::replace(out.begin(), out.end(), '\n', ' ');
    if (cut < text.size()) {
        // "wants to…" rather than "wants to …".
        while (out.size() > 1 && out.back() == ' ')
            out.pop_back();
        out += "\u2026";
    }
    return out + "\"";
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// "a harm point", "an insight": the kind's display name in a sentence.
std::string withArticle(std::string_view name)
{
    const std::string word = lower(name);
    const bool vowel = !word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + word;
}

/// A step, lane or phase as named in a sentence: its quoted name, or its id when it has none,
/// so that "Step s12 removed" still says which one.
std::string nameOr(std::string_view name, std::string_view id)
{
    return name.empty() ? std::string(id) : quoted(name);
}

std::string stepName(const Map& map, const std::string& id)
{
    const Step* step = map.step(id);
    return nameOr(step ? std::string_view(step->label) : std::string_view(), id);
}

std::string laneName(const Map& map, const std::string& id)
{
    const Lane* lane = map.lane(id);
    return nameOr(lane ? std::string_view(lane->name) : std::string_view(), id);
}

std::string phaseName(const Map& map, const std::string& id)
{
    const Phase* phase = map.phase(id);
    return nameOr(phase ? std::string_view(phase->name) : std::string_view(), id);
}

std::string flowName(const Map& map, const Flow& flow)
{
    return "Flow from " + stepName(map, flow.from) + " to " + stepName(map, flow.to);
}

/// What an annotation is on, as "step \"X\"", "lane \"HR\"" or "the map".
std::string targetName(const Map& map, const std::string& target)
{
    if (target.empty())
        return "the map";
    if (map.step(target))
        return "step " + stepName(map, target);
    if (const Flow* flow = map.flow(target))
        return "the flow from " + stepName(map, flow->from) + " to " + stepName(map, flow->to);
    if (map.lane(target))
        return "lane " + laneName(map, target);
    return target;
}

std::string annotationName(const Annotation& a)
{
    std::string name(displayName(a.kind));
    if (!a.text.empty())
        name += " " + quoted(a.text);
    return name;
}

/// Joins the phrases after a subject: "Step \"A\" moved to lane \"HR\", resized".
std::string sentence(std::string subject, const std::vector<std::string>& phrases)
{
    bool first = true;
    for (const std::string& phrase : phrases) {
        if (phrase.empty())
            continue;
        subject += first ? " " : ", ";
        subject += phrase;
        first = false;
    }
    return subject;
}

template <typename T> std::unordered_map<std::string, const T*> byId(const std::vector<T>& items)
{
    std::unordered_map<std::string, const T*> index;
    for (const T& item : items)
        index.emplace(item.id, &item);
    return index;
}

/// The ids of one list in the order of the list, keeping only those the other list has.
template <typename T> std::vector<std::string> commonOrder(const std::vector<T>& items, const std::vector<T>& other)
{
    const auto otherIds = byId(other);
    std::vector<std::string> ids;
    for (const T& item : items)
        if (otherIds.count(item.id))
            ids.push_back(item.id);
    return ids;
}

/// Builds the list. Each kind: a function giving the changed fields and one giving the
/// sentence, so that added / changed / removed are walked the same way for every kind.
class Differ {
  public:
    Differ(const Map& before, const Map& after, std::vector<EntityDiff>& out)
        : m_before(before), m_after(after), m_out(out)
    {
    }

    void mapProperties()
    {
        const MapProperties& b = m_before.props;
        const MapProperties& a = m_after.props;
        std::vector<DiffField> fields;
        std::vector<std::string> phrases;
        if (b.title != a.title) {
            fields.push_back(DiffField::Title);
            phrases.push_back("retitled " + quoted(a.title));
        }
        if (b.district != a.district) {
            fields.push_back(DiffField::District);
            phrases.push_back("district changed to " + quoted(a.district));
        }
        if (b.focus != a.focus) {
            fields.push_back(DiffField::Focus);
            phrases.push_back("focus changed to " + quoted(a.focus));
        }
        if (b.state != a.state) {
            fields.push_back(DiffField::State);
            phrases.push_back(a.state == MapState::Future ? "now shows the system as the team wants it"
                                                          : "now shows the system as it runs today");
        }
        if (b.notes != a.notes) {
            fields.push_back(DiffField::MapNotes);
            phrases.push_back("notes changed");
        }
        if (commonOrder(m_before.lanes, m_after.lanes) != commonOrder(m_after.lanes, m_before.lanes)) {
            fields.push_back(DiffField::LaneOrder);
            phrases.push_back("lanes reordered");
        }
        if (commonOrder(m_before.phases, m_after.phases) != commonOrder(m_after.phases, m_before.phases)) {
            fields.push_back(DiffField::PhaseOrder);
            phrases.push_back("phases reordered");
        }
        if (!fields.empty())
            m_out.push_back({DiffEntity::Map, DiffChange::Changed, m_after.id, fields, sentence("Map", phrases)});
    }

    void lanes()
    {
        walk(
            DiffEntity::Lane, m_before.lanes, m_after.lanes,
            [&](const Lane& l) { return "Lane " + nameOr(l.name, l.id) + " added"; },
            [&](const Lane& l) { return "Lane " + nameOr(l.name, l.id) + " removed"; },
            [&](const Lane& b, const Lane& a, std::vector<DiffField>& fields) {
                std::vector<std::string> phrases;
                if (b.name != a.name) {
                    fields.push_back(DiffField::Name);
                    phrases.push_back("renamed to " + quoted(a.name));
                }
                if (b.color != a.color) {
                    fields.push_back(DiffField::Color);
                    phrases.push_back("recoloured");
                }
                if (b.height != a.height) {
                    fields.push_back(DiffField::Height);
                    phrases.push_back("resized");
                }
                return sentence("Lane " + nameOr(b.name, b.id), phrases);
            });
    }

    void phases()
    {
        walk(
            DiffEntity::Phase, m_before.phases, m_after.phases,
            [&](const Phase& p) { return "Phase " + nameOr(p.name, p.id) + " added"; },
            [&](const Phase& p) { return "Phase " + nameOr(p.name, p.id) + " removed"; },
            [&](const Phase& b, const Phase& a, std::vector<DiffField>& fields) {
                std::vector<std::string> phrases;
                if (b.name != a.name) {
                    fields.push_back(DiffField::Name);
                    phrases.push_back("renamed to " + quoted(a.name));
                }
                if (b.color != a.color) {
                    fields.push_back(DiffField::Color);
                    phrases.push_back("recoloured");
                }
                if (b.width != a.width) {
                    fields.push_back(DiffField::Width);
                    phrases.push_back("resized");
                }
                return sentence("Phase " + nameOr(b.name, b.id), phrases);
            });
    }

    void steps()
    {
        walk(
            DiffEntity::Step, m_before.steps, m_after.steps,
            [&](const Step& s) {
                return "Step " + nameOr(s.label, s.id) + " added in lane " + laneName(m_after, s.lane);
            },
            [&](const Step& s) {
                return "Step " + nameOr(s.label, s.id) + " removed from lane " + laneName(m_before, s.lane);
            },
            [&](const Step& b, const Step& a, std::vector<DiffField>& fields) {
                std::vector<std::string> phrases;
                if (b.label != a.label) {
                    fields.push_back(DiffField::Label);
                    phrases.push_back("renamed to " + quoted(a.label));
                }
                if (b.kind != a.kind) {
                    fields.push_back(DiffField::Kind);
                    phrases.push_back("changed from " + lower(displayName(b.kind)) + " to " +
                                      lower(displayName(a.kind)));
                }
                const bool laneChanged = b.lane != a.lane;
                const bool phaseChanged = b.phase != a.phase;
                if (laneChanged) {
                    fields.push_back(DiffField::Lane);
                    phrases.push_back("moved to lane " + laneName(m_after, a.lane));
                }
                if (phaseChanged) {
                    fields.push_back(DiffField::Phase);
                    phrases.push_back(a.phase.empty() ? "taken out of its phase"
                                                      : "moved to phase " + phaseName(m_after, a.phase));
                }
                if (b.x != a.x || b.y != a.y) {
                    fields.push_back(DiffField::Position);
                    // Moving to another lane or phase says more than "moved" already.
                    if (!laneChanged && !phaseChanged)
                        phrases.push_back("moved");
                }
                if (b.w != a.w || b.h != a.h) {
                    fields.push_back(DiffField::Size);
                    phrases.push_back("resized");
                }
                if (b.notes != a.notes) {
                    fields.push_back(DiffField::Notes);
                    phrases.push_back("notes changed");
                }
                return sentence("Step " + nameOr(b.label, b.id), phrases);
            });
    }

    void flows()
    {
        walk(
            DiffEntity::Flow, m_before.flows, m_after.flows,
            [&](const Flow& f) { return flowName(m_after, f) + " added"; },
            [&](const Flow& f) { return flowName(m_before, f) + " removed"; },
            [&](const Flow& b, const Flow& a, std::vector<DiffField>& fields) {
                std::vector<std::string> phrases;
                if (b.from != a.from) {
                    fields.push_back(DiffField::From);
                    phrases.push_back("now starts at " + stepName(m_after, a.from));
                }
                if (b.to != a.to) {
                    fields.push_back(DiffField::To);
                    phrases.push_back("now ends at " + stepName(m_after, a.to));
                }
                if (b.label != a.label) {
                    fields.push_back(DiffField::Label);
                    phrases.push_back(a.label.empty() ? "label removed" : "labelled " + quoted(a.label));
                }
                return sentence(flowName(m_before, b), phrases);
            });
    }

    void annotations()
    {
        walk(
            DiffEntity::Annotation, m_before.annotations, m_after.annotations,
            [&](const Annotation& a) { return annotationName(a) + " added on " + targetName(m_after, a.target); },
            [&](const Annotation& a) { return annotationName(a) + " removed from " + targetName(m_before, a.target); },
            [&](const Annotation& b, const Annotation& a, std::vector<DiffField>& fields) {
                std::vector<std::string> phrases;
                if (b.kind != a.kind) {
                    fields.push_back(DiffField::Kind);
                    phrases.push_back("is now " + withArticle(displayName(a.kind)));
                }
                if (b.target != a.target) {
                    fields.push_back(DiffField::Target);
                    phrases.push_back("moved to " + targetName(m_after, a.target));
                }
                if (b.text != a.text) {
                    fields.push_back(DiffField::Text);
                    phrases.push_back("text changed to " + quoted(a.text));
                }
                if (b.affects != a.affects) {
                    fields.push_back(DiffField::Affects);
                    phrases.push_back(a.affects.empty() ? "no longer names who is affected"
                                                        : "now affects " + quoted(a.affects));
                }
                if (b.variation != a.variation) {
                    fields.push_back(DiffField::Variation);
                    phrases.push_back(a.variation ? "now marked " + std::string(toString(*a.variation))
                                                  : "no longer marked intentional or unintentional");
                }
                if (b.horizon != a.horizon) {
                    fields.push_back(DiffField::Horizon);
                    phrases.push_back(a.horizon ? "moved to horizon " + std::to_string(*a.horizon)
                                                : "taken off its horizon");
                }
                return sentence(annotationName(b), phrases);
            });
    }

  private:
    /// Added and changed in after order, then removed in before order.
    template <typename T, typename Added, typename Removed, typename Changed>
    void walk(DiffEntity entity, const std::vector<T>& before, const std::vector<T>& after, Added added,
              Removed removed, Changed changed)
    {
        const auto beforeById = byId(before);
        const auto afterById = byId(after);
        for (const T& a : after) {
            const auto it = beforeById.find(a.id);
            if (it == beforeById.end()) {
                m_out.push_back({entity, DiffChange::Added, a.id, {}, added(a)});
                continue;
            }
            std::vector<DiffField> fields;
            std::string text = changed(*it->second, a, fields);
            if (fields.empty())
                continue;
            // Fields arrive in the order the sentence reads; the list promises DiffField order.
            std::sort(fields.begin(), fields.end());
            m_out.push_back({entity, DiffChange::Changed, a.id, std::move(fields), std::move(text)});
        }
        for (const T& b : before)
            if (!afterById.count(b.id))
                m_out.push_back({entity, DiffChange::Removed, b.id, {}, removed(b)});
    }

    const Map& m_before;
    const Map& m_after;
    std::vector<EntityDiff>& m_out;
};

} // namespace

std::string_view toString(DiffEntity entity)
{
    switch (entity) {
    case DiffEntity::Map:
        return "map";
    case DiffEntity::Lane:
        return "lane";
    case DiffEntity::Phase:
        return "phase";
    case DiffEntity::Step:
        return "step";
    case DiffEntity::Flow:
        return "flow";
    case DiffEntity::Annotation:
        return "annotation";
    }
    return "";
}

std::string_view toString(DiffChange change)
{
    switch (change) {
    case DiffChange::Added:
        return "added";
    case DiffChange::Removed:
        return "removed";
    case DiffChange::Changed:
        return "changed";
    }
    return "";
}

std::string_view toString(DiffField field)
{
    switch (field) {
    case DiffField::Title:
        return "title";
    case DiffField::District:
        return "district";
    case DiffField::Focus:
        return "focus";
    case DiffField::State:
        return "state";
    case DiffField::MapNotes:
        return "map_notes";
    case DiffField::LaneOrder:
        return "lane_order";
    case DiffField::PhaseOrder:
        return "phase_order";
    case DiffField::Name:
        return "name";
    case DiffField::Color:
        return "color";
    case DiffField::Height:
        return "height";
    case DiffField::Width:
        return "width";
    case DiffField::Label:
        return "label";
    case DiffField::Kind:
        return "kind";
    case DiffField::Lane:
        return "lane";
    case DiffField::Phase:
        return "phase";
    case DiffField::Position:
        return "position";
    case DiffField::Size:
        return "size";
    case DiffField::Notes:
        return "notes";
    case DiffField::From:
        return "from";
    case DiffField::To:
        return "to";
    case DiffField::Target:
        return "target";
    case DiffField::Text:
        return "text";
    case DiffField::Affects:
        return "affects";
    case DiffField::Variation:
        return "variation";
    case DiffField::Horizon:
        return "horizon";
    }
    return "";
}

MapDiff::MapDiff(const Map& before, const Map& after)
{
    Differ differ(before, after, m_changes);
    differ.mapProperties();
    differ.lanes();
    differ.phases();
    differ.steps();
    differ.flows();
    differ.annotations();
}

const EntityDiff* MapDiff::find(DiffEntity entity, std::string_view id) const
{
    for (const EntityDiff& change : m_changes)
        if (change.entity == entity && change.id == id)
            return &change;
    return nullptr;
}

std::set<std::string> MapDiff::ids(DiffEntity entity, DiffChange change) const
{
    std::set<std::string> out;
    for (const EntityDiff& c : m_changes)
        if (c.entity == entity && c.change == change)
            out.insert(c.id);
    return out;
}

std::set<std::string> MapDiff::ids(DiffEntity entity) const
{
    std::set<std::string> out;
    for (const EntityDiff& c : m_changes)
        if (c.entity == entity)
            out.insert(c.id);
    return out;
}

} // namespace crosswalk
