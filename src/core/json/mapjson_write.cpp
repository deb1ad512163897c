// Writing a map in exchange format v1, and the import problem/error types.

#include "crosswalk/json/mapjson.h"

#include "crosswalk/model/entitykinds.h"

#include <nlohmann/json.hpp>

namespace crosswalk {
namespace {

// ordered_json keeps keys in insertion order, so the field order of the format is
// fixed by the order of the assignments below, not by std::map's alphabetical order.
using ojson = nlohmann::ordered_json;

std::string joinProblems(const std::vector<ImportProblem>& problems)
{
    std::string text;
    for (const auto& problem : problems) {
        if (!text.empty())
            text += '\n';
        text += problem.toString();
    }
    return text;
}

// The model uses an empty string for "no phase" and "whole map"; the format says null.
ojson stringOrNull(const std::string& value)
{
    return value.empty() ? ojson(nullptr) : ojson(value);
}

ojson entityJson(const Lane& lane)
{
    ojson j = ojson::object();
    j["id"] = lane.id;
    j["name"] = lane.name;
    j["color"] = lane.color;
    j["height"] = lane.height;
    return j;
}

ojson entityJson(const Phase& phase)
{
    ojson j = ojson::object();
    j["id"] = phase.id;
    j["name"] = phase.name;
    j["color"] = phase.color;
    j["width"] = phase.width;
    return j;
}

ojson entityJson(const Step& step)
{
    ojson j = ojson::object();
    j["id"] = step.id;
    j["lane"] = step.lane;
    j["phase"] = stringOrNull(step.phase);
    j["kind"] = toString(step.kind);
    j["label"] = step.label;
    j["notes"] = step.notes;
    j["x"] = step.x;
    j["y"] = step.y;
    j["w"] = step.w;
    j["h"] = step.h;
    return j;
}

ojson entityJson(const Flow& flow)
{
    ojson j = ojson::object();
    j["id"] = flow.id;
    j["from"] = flow.from;
    j["to"] = flow.to;
    j["label"] = flow.label;
    return j;
}

ojson entityJson(const Annotation& annotation)
{
    ojson j = ojson::object();
    j["id"] = annotation.id;
    j["kind"] = toString(annotation.kind);
    j["target"] = stringOrNull(annotation.target);
    j["text"] = annotation.text;
    j["affects"] = annotation.affects;
    j["variation"] = annotation.variation ? ojson(toString(*annotation.variation)) : ojson(nullptr);
    j["horizon"] = annotation.horizon ? ojson(*annotation.horizon) : ojson(nullptr);
    return j;
}

ojson entityJson(const StickyNote& note)
{
    ojson j = ojson::object();
    j["id"] = note.id;
    j["step"] = note.step;
    j["text"] = note.text;
    j["color"] = note.color;
    return j;
}

ojson entityJson(const ParkingItem& item)
{
    ojson j = ojson::object();
    j["id"] = item.id;
    j["text"] = item.text;
    j["created"] = item.createdAt;
    j["done"] = item.done;
    return j;
}

template <typename T> ojson arrayOf(const std::vector<T>& items)
{
    ojson array = ojson::array();
    array.get_ref<ojson::array_t&>().reserve(items.size());
    for (const auto& item : items)
        array.push_back(entityJson(item));
    return array;
}

} // namespace

std::string ImportProblem::toString() const
{
    // Problems about the file as a whole (empty, too large, not JSON) have no path.
    return path.empty() ? message : path + ": " + message;
}

ImportError::ImportError(std::vector<ImportProblem> problems)
    : std::runtime_error(joinProblems(problems)), m_problems(std::move(problems))
{
}

std::string mapToJson(const Map& map)
{
    ojson m = ojson::object();
    m["id"] = map.id;
    m["title"] = map.props.title;
    m["district"] = map.props.district;
    m["focus"] = map.props.focus;
    m["state"] = toString(map.props.state);
    m["notes"] = map.props.notes;
    forEachEntityKind([&]<typename T>() {
        // Kinds added later (facilitation) are written only when they hold something, so a
        // map without any is written byte for byte as before they existed.
        const std::vector<T>& items = entitiesOf<T>(map);
        if (EntityKind<T>::jsonAlwaysWritten || !items.empty())
            m[std::string(EntityKind<T>::jsonKey)] = arrayOf(items);
    });
    if (!map.votes.empty()) {
        ojson votes = ojson::object();
        for (const auto& [step, count] : map.votes) // std::map: sorted, so deterministic
            votes[step] = count;
        m["votes"] = std::move(votes);
    }
    if (map.session != SessionTimer{}) {
        ojson session = ojson::object();
        session["duration"] = map.session.durationSeconds;
        session["remaining"] = map.session.remainingSeconds;
        session["running"] = map.session.running;
        // Written only when set, so that a paused timer is written as before deadlines.
        if (map.session.deadlineMs != 0)
            session["deadline_ms"] = map.session.deadlineMs;
        m["session"] = std::move(session);
    }

    ojson root = ojson::object();
    root["format"] = kMapFormat;
    root["version"] = kMapFormatVersion;
    root["map"] = std::move(m);

    // ensure_ascii off keeps UTF-8 text readable in the file. Strings in the model are
    // meant to be UTF-8; should a broken byte slip in, replacing it with U+FFFD is better
    // than an export that throws and loses the whole map.
    std::string text = root.dump(2, ' ', false, ojson::error_handler_t::replace);
    text += '\n';
    return text;
}

} // namespace crosswalk
