// Reading and validating a map in exchange format v1.
//
// The reader never stops at the first problem: a person fixing a file by hand (or the
// author of an exporting script) wants the whole list at once, each problem with the
// JSON path of the field it is about.

#include "crosswalk/json/mapjson.h"

#include "mapjsonstrict.h"

#include "crosswalk/layout/layout.h"
#include "crosswalk/model/entitykinds.h"
#include "crosswalk/model/validate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <set>
#include <type_traits>

namespace crosswalk {
namespace {

using json = nlohmann::json;

// ---------------------------------------------------------------- file-level checks

struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};

// Line and column (both from 1) of a byte offset. Columns count characters, not bytes,
// so they match what an editor shows for UTF-8 text.
TextPosition positionOf(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    TextPosition pos;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((c & 0xC0u) != 0x80u) { // not a UTF-8 continuation byte
            ++pos.column;
        }
    }
    return pos;
}

std::string at(const TextPosition& pos)
{
    return "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

// Offset of the bracket that nests arrays/objects deeper than kMaxImportDepth, if any.
// This runs before nlohmann builds the document, so a hostile or broken file of a
// hundred thousand brackets is refused in one linear pass without deep structures
// (or deep destructors) ever being built.
std::optional<std::size_t> tooDeepAt(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > kMaxImportDepth)
                return i;
            break;
        case ']':
        case '}':
            --depth; // unbalanced brackets are the parser's to report
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string sizeInMegabytes(std::size_t bytes)
{
    // One decimal; never shown as "50.0" for a file just over the limit of 50.
    double mb = std::round(static_cast<double>(bytes) / (1024.0 * 1024.0) * 10.0) / 10.0;
    mb = std::max(mb, static_cast<double>(kMaxImportBytes / (1024u * 1024u)) + 0.1);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", mb);
    return buffer;
}

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

// The text with every byte that is not part of a well-formed UTF-8 sequence replaced by
// U+FFFD: parse errors quote the broken input, and messages must stay valid UTF-8.
std::string validUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        if (lead < 0x80u)
            length = 1;
        else if (lead >= 0xC2u && lead <= 0xDFu)
            length = 2;
        else if (lead >= 0xE0u && lead <= 0xEFu)
            length = 3;
        else if (lead >= 0xF0u && lead <= 0xF4u)
            length = 4;
        bool ok = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; ok && k < length; ++k)
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0u) == 0x80u;
        if (ok && length >= 3) {
            // Overlong forms, surrogates and code points beyond U+10FFFF.
            const auto second = static_cast<unsigned char>(text[i + 1]);
            ok = !(lead == 0xE0u && second < 0xA0u) && !(lead == 0xEDu && second > 0x9Fu) &&
                 !(lead == 0xF0u && second < 0x90u) && !(lead == 0xF4u && second > 0x8Fu);
        }
        if (ok) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

// Turns nlohmann's parse error into a message that names the place in the file, and
// says when the file simply ends too early (the usual sign of a truncated download).
ImportProblem describeParseError(std::string_view text, const json::parse_error& error)
{
    // nlohmann's what(): "[json.exception.parse_error.101] parse error at line 1, column 5:
    // syntax error while parsing value - invalid literal; last read: 'tru,'". Keep the
    // part after " - " (or after the position when there is no such part).
    std::string_view what = error.what();
    std::string_view detail = what;
    if (auto dash = what.find(" - "); dash != std::string_view::npos)
        detail = what.substr(dash + 3);
    else if (auto colon = what.find(": "); colon != std::string_view::npos)
        detail = what.substr(colon + 2);

    const bool atEnd = error.byte > text.size() || detail.starts_with("unexpected end of input");
    // error.byte counts the characters read, so the offending character is at byte - 1.
    const std::size_t offset = atEnd ? text.size() : (error.byte > 0 ? error.byte - 1 : 0);
    const TextPosition pos = positionOf(text, offset);

    if (atEnd)
        return {"", "not valid JSON: unexpected end of input at " + at(pos) + "; the file may be truncated"};
    std::string message = "not valid JSON at " + at(pos) + ": " + validUtf8(shorten(detail, 160));
    if (detail.size() > 160)
        message += "...";
    return {"", message};
}

// ---------------------------------------------------------------- value helpers

std::string_view typeName(const json& value)
{
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    case json::value_t::string:
        return "a string";
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    case json::value_t::binary:
        return "binary data";
    case json::value_t::discarded:
        break;
    }
    return "nothing";
}

// A string as a JSON literal (quoted and escaped), shortened when long.
std::string literal(std::string_view text) { return quotedValue(text); }

// A found value for a message: strings quoted, numbers as written, others by type.
std::string shown(const json& value)
{
    if (value.is_string())
        return literal(value.get_ref<const std::string&>());
    if (value.is_number())
        return value.dump();
    return std::string(typeName(value));
}

template <typename E, std::size_t N> std::string allowedNames(const E (&values)[N])
{
    std::string names;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0)
            names += ", ";
        names += toString(values[i]);
    }
    return names;
}

constexpr Variation kAllVariations[] = {Variation::Intentional, Variation::Unintentional};
constexpr MapState kAllMapStates[] = {MapState::Current, MapState::Future};

// Paths in messages are built as the validator builds them.
using problempath::indexed;
using problempath::join;

// ---------------------------------------------------------------- the reader

enum class Presence { Required, Optional };
enum class Read { Absent, Bad, Ok };

class Reader {
  public:
    std::vector<ImportProblem> problems;

    void fail(std::string path, std::string message) { problems.push_back({std::move(path), std::move(message)}); }

    // The field, or nullptr when it is absent. Null counts as absent for an optional
    // field (other tools write null for "no value"); for a required one it is a wrong type.
    const json* find(const json& object, std::string_view base, const char* key, Presence presence)
    {
        const auto it = object.find(key);
        if (it == object.end() || (it->is_null() && presence == Presence::Optional)) {
            if (presence == Presence::Required)
                fail(join(base, key), "required, but missing");
            return nullptr;
        }
        return &*it;
    }

    Read readString(const json& object, std::string_view base, const char* key, Presence presence, std::string& out)
    {
        const json* value = find(object, base, key, presence);
        if (!value)
            return Read::Absent;
        if (!value->is_string()) {
            fail(join(base, key), "expected a string, found " + std::string(typeName(*value)));
            return Read::Bad;
        }
        out = value->get_ref<const std::string&>();
        return Read::Ok;
    }

    // Geometry is integral in the model; other tools may write 40.0 or 40.5, which are
    // rounded rather than refused.
    Read readInt(const json& object, std::string_view base, const char* key, int min, int max, int& out)
    {
        const json* value = find(object, base, key, Presence::Optional);
        if (!value)
            return Read::Absent;
        if (!value->is_number()) {
            fail(join(base, key), "expected a number, found " + std::string(typeName(*value)));
            return Read::Bad;
        }
        const double number = value->get<double>();
        const bool inRange = std::isfinite(number) && number >= min - 0.5 && number < max + 0.5;
        if (!inRange || std::lround(number) < min || std::lround(number) > max) {
            std::string message;
            if (min == 1 && !(number >= 0.5))
                message = "expected a positive number, found " + shown(*value);
            else
                message = "expected a number from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                          shown(*value);
            fail(join(base, key), std::move(message));
            return Read::Bad;
        }
        out = static_cast<int>(std::lround(number));
        return Read::Ok;
    }

    Read readSize(const json& object, std::string_view base, const char* key, int& out)
    {
        return readInt(object, base, key, 1, kMaxSize, out);
    }

    Read readCoordinate(const json& object, std::string_view base, const char* key, int& out)
    {
        return readInt(object, base, key, -kMaxCoordinate, kMaxCoordinate, out);
    }

    void readColour(const json& object, std::string_view base, const char* key, std::string& out)
    {
        std::string colour;
        if (readString(object, base, key, Presence::Optional, colour) != Read::Ok)
            return;
        if (!isColour(colour)) {
            fail(join(base, key), "expected a colour written #RRGGBB, found " + literal(colour));
            return;
        }
        out = std::move(colour);
    }

    template <typename E, std::size_t N>
    std::optional<E> readEnum(const json& object, std::string_view base, const char* key, std::string_view what,
                              std::optional<E> (*parse)(std::string_view), const E (&all)[N])
    {
        std::string name;
        if (readString(object, base, key, Presence::Optional, name) != Read::Ok)
            return std::nullopt;
        if (auto value = parse(name))
            return value;
        fail(join(base, key),
             "unknown " + std::string(what) + " " + literal(name) + "; expected one of " + allowedNames(all));
        return std::nullopt;
    }

    // The array under key, or nullptr when absent (or not an array: then a problem).
    const json* readArray(const json& object, std::string_view base, const char* key)
    {
        const json* value = find(object, base, key, Presence::Optional);
        if (value && !value->is_array()) {
            fail(join(base, key), "expected an array, found " + std::string(typeName(*value)));
            return nullptr;
        }
        return value;
    }

    bool expectObject(const json& value, const std::string& path)
    {
        if (value.is_object())
            return true;
        fail(path, "expected an object, found " + std::string(typeName(value)));
        return false;
    }

    // A required id: kept as written. An optional one: generated when absent or empty.
    // Whether it is unique is for the validator to say, with the entity's other rules.
    void readId(const json& object, std::string_view base, Presence presence, std::string_view prefix,
                std::string& out)
    {
        const Read read = readString(object, base, "id", presence, out);
        if (read == Read::Ok && !(presence == Presence::Optional && out.empty()))
            return;
        if (presence == Presence::Optional && read != Read::Bad)
            out = newId(prefix);
    }

    void readMap(const json& object, Map& map, std::vector<bool>& hasX, std::vector<bool>& hasY);

  private:
    // The rules of a valid map (ids, references, extras) are the validator's; the reader
    // feeds it each entity as read, so that problems still come in file order.
    MapValidator m_validator;
    std::vector<bool>* m_hasX = nullptr;
    std::vector<bool>* m_hasY = nullptr;

    template <typename T>
    void readEntities(const json& object, Map& map);
    template <typename T>
    void adoptProblems(const std::string& base, std::size_t first);
    void readFields(const json& item, const std::string& base, Lane& lane);
    void readFields(const json& item, const std::string& base, Phase& phase);
    void readFields(const json& item, const std::string& base, Step& step);
    void readFields(const json& item, const std::string& base, Flow& flow);
    void readFields(const json& item, const std::string& base, Annotation& annotation);
    void readFields(const json& item, const std::string& base, StickyNote& note);
    void readFields(const json& item, const std::string& base, ParkingItem& parked);
    void readVotes(const json& object, Map& map);
    void readSession(const json& object, Map& map);
};

void Reader::readMap(const json& object, Map& map, std::vector<bool>& hasX, std::vector<bool>& hasY)
{
    const std::string_view base = "map";
    // An absent (or null) id is generated; a blank one is a mistake the author should see.
    const Read id = readString(object, base, "id", Presence::Optional, map.id);
    if (id == Read::Ok && isBlank(map.id))
        fail(join(base, "id"), "blank; give the map an id, or leave the field out to have one made");
    else if (id != Read::Ok)
        map.id = newId("m-");
    readString(object, base, "title", Presence::Required, map.props.title);
    readString(object, base, "district", Presence::Optional, map.props.district);
    readString(object, base, "focus", Presence::Optional, map.props.focus);
    if (auto state = readEnum(object, base, "state", "state", parseMapState, kAllMapStates))
        map.props.state = *state;
    readString(object, base, "notes", Presence::Optional, map.props.notes);
    m_validator.checkProperties(map.props);
    for (MapProblem& problem : m_validator.problems())
        problems.push_back({std::move(problem.where), std::move(problem.message)});
    m_validator.problems().clear();

    // Order matters: each kind only refers to kinds read before it.
    m_hasX = &hasX;
    m_hasY = &hasY;
    forEachEntityKind([&]<typename T>() { readEntities<T>(object, map); });
    readVotes(object, map);
    readSession(object, map);
    m_validator.checkCounts(map);
    for (MapProblem& problem : m_validator.problems())
        problems.push_back({std::move(problem.where), std::move(problem.message)});
    m_validator.problems().clear();
}

template <typename T>
void Reader::readEntities(const json& object, Map& map)
{
    using Kind = EntityKind<T>;
    const std::string key(Kind::jsonKey);
    const json* items = readArray(object, "map", key.c_str());
    // Lanes are the one array a map cannot do without (docs/file-format.md).
    if constexpr (std::is_same_v<T, Lane>) {
        if (const auto it = object.find(key); it == object.end() || it->is_null())
            fail(join("map", key), "required, but missing; a map has an array of its lanes (it may be empty)");
    }
    if (!items)
        return;
    std::vector<T>& entities = entitiesOf<T>(map);
    entities.reserve(items->size());
    const std::string array = join("map", key);
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string base = indexed(array, i);
        const json& item = (*items)[i];
        if (!expectObject(item, base))
            continue;
        const std::size_t first = problems.size();
        T entity;
        readId(item, base, Kind::jsonIdRequired ? Presence::Required : Presence::Optional, Kind::idPrefix, entity.id);
        readFields(item, base, entity);
        m_validator.check(entity, i);
        adoptProblems<T>(base, first);
        entities.push_back(std::move(entity));
    }
}

// Takes over the validator's problems with the entity at base, less those about a field
// already reported (a field that could not be read keeps its default, which says nothing),
// and puts the entity's problems in the order of its fields.
template <typename T>
void Reader::adoptProblems(const std::string& base, std::size_t first)
{
    std::set<std::string, std::less<>> reported;
    for (std::size_t i = first; i < problems.size(); ++i)
        reported.insert(problems[i].path);
    // Which kind may carry which extra is only checked when the kind itself was understood
    // (absent means the default); otherwise the kind's own problem says it all.
    const bool kindBad = reported.count(join(base, "kind")) > 0;
    for (MapProblem& problem : m_validator.problems()) {
        if (reported.count(problem.where))
            continue;
        if (kindBad && (problem.where == join(base, "variation") || problem.where == join(base, "horizon")))
            continue;
        problems.push_back({std::move(problem.where), std::move(problem.message)});
    }
    m_validator.problems().clear();
    const auto rank = [&](const ImportProblem& problem) {
        const std::string_view path = problem.path;
        const std::string_view field = path.size() > base.size() ? path.substr(base.size() + 1) : path;
        const auto& fields = EntityKind<T>::jsonFields;
        return std::find(std::begin(fields), std::end(fields), field) - std::begin(fields);
    };
    std::stable_sort(problems.begin() + static_cast<std::ptrdiff_t>(first), problems.end(),
                     [&](const ImportProblem& a, const ImportProblem& b) { return rank(a) < rank(b); });
}

void Reader::readFields(const json& item, const std::string& base, Lane& lane)
{
    readString(item, base, "name", Presence::Required, lane.name);
    readColour(item, base, "color", lane.color);
    readSize(item, base, "height", lane.height);
}

void Reader::readFields(const json& item, const std::string& base, Phase& phase)
{
    readString(item, base, "name", Presence::Required, phase.name);
    readColour(item, base, "color", phase.color);
    readSize(item, base, "width", phase.width);
}

void Reader::readFields(const json& item, const std::string& base, Step& step)
{
    readString(item, base, "lane", Presence::Required, step.lane);
    // An empty phase means "no phase", as in the model.
    readString(item, base, "phase", Presence::Optional, step.phase);
    if (auto kind = readEnum(item, base, "kind", "step kind", parseStepKind, kAllStepKinds))
        step.kind = *kind;
    readString(item, base, "label", Presence::Required, step.label);
    readString(item, base, "notes", Presence::Optional, step.notes);
    m_hasX->push_back(readCoordinate(item, base, "x", step.x) != Read::Absent);
    m_hasY->push_back(readCoordinate(item, base, "y", step.y) != Read::Absent);
    readSize(item, base, "w", step.w);
    readSize(item, base, "h", step.h);
}

void Reader::readFields(const json& item, const std::string& base, Flow& flow)
{
    readString(item, base, "from", Presence::Required, flow.from);
    readString(item, base, "to", Presence::Required, flow.to);
    readString(item, base, "label", Presence::Optional, flow.label);
}

void Reader::readFields(const json& item, const std::string& base, Annotation& annotation)
{
    if (auto kind = readEnum(item, base, "kind", "annotation kind", parseAnnotationKind, kAllAnnotationKinds))
        annotation.kind = *kind;
    // Null or empty target: the annotation is about the whole map.
    readString(item, base, "target", Presence::Optional, annotation.target);
    readString(item, base, "text", Presence::Optional, annotation.text);
    readString(item, base, "affects", Presence::Optional, annotation.affects);
    annotation.variation = readEnum(item, base, "variation", "variation", parseVariation, kAllVariations);
    if (const json* horizon = find(item, base, "horizon", Presence::Optional)) {
        const std::string path = join(base, "horizon");
        if (!horizon->is_number()) {
            fail(path, "expected a number, found " + std::string(typeName(*horizon)));
        } else {
            const double value = horizon->get<double>();
            if (value == 1.0 || value == 2.0 || value == 3.0)
                annotation.horizon = static_cast<int>(value);
            else
                fail(path, "expected 1, 2 or 3, found " + shown(*horizon));
        }
    }
}

void Reader::readFields(const json& item, const std::string& base, StickyNote& note)
{
    readString(item, base, "step", Presence::Required, note.step);
    readString(item, base, "text", Presence::Optional, note.text);
    readColour(item, base, "color", note.color);
}

void Reader::readFields(const json& item, const std::string& base, ParkingItem& parked)
{
    readString(item, base, "text", Presence::Required, parked.text);
    readString(item, base, "created", Presence::Optional, parked.createdAt);
    if (const json* done = find(item, base, "done", Presence::Optional)) {
        if (done->is_boolean())
            parked.done = done->get<bool>();
        else
            fail(join(base, "done"), "expected true or false, found " + shown(*done));
    }
}

void Reader::readVotes(const json& object, Map& map)
{
    const json* votes = find(object, "map", "votes", Presence::Optional);
    if (!votes)
        return;
    if (!votes->is_object()) {
        fail("map.votes", "expected an object of step id to number of votes, found " + std::string(typeName(*votes)));
        return;
    }
    for (const auto& [step, count] : votes->items()) {
        const std::string path = join("map.votes", step);
        m_validator.checkVoteTarget(step);
        for (MapProblem& problem : m_validator.problems())
            problems.push_back({std::move(problem.where), std::move(problem.message)});
        m_validator.problems().clear();
        if (!count.is_number()) {
            fail(path, "expected a number of votes, found " + std::string(typeName(count)));
            continue;
        }
        const double number = count.get<double>();
        if (!(number >= 0 && number <= kMaxVotesPerStep && number == std::floor(number))) {
            fail(path, "expected a whole number of votes from 0 to " + std::to_string(kMaxVotesPerStep) + ", found " +
                           shown(count));
            continue;
        }
        // Zero votes is the same as none: the model keeps only steps with votes.
        if (number > 0)
            map.votes[step] = static_cast<int>(number);
    }
}

void Reader::readSession(const json& object, Map& map)
{
    const json* session = find(object, "map", "session", Presence::Optional);
    if (!session || !expectObject(*session, "map.session"))
        return;
    const std::string_view base = "map.session";
    readInt(*session, base, "duration", 0, kMaxSessionSeconds, map.session.durationSeconds);
    if (readInt(*session, base, "remaining", 0, kMaxSessionSeconds, map.session.remainingSeconds) == Read::Absent)
        map.session.remainingSeconds = map.session.durationSeconds;
    if (const json* running = find(*session, base, "running", Presence::Optional)) {
        if (running->is_boolean())
            map.session.running = running->get<bool>();
        else
            fail(join(base, "running"), "expected true or false, found " + shown(*running));
    }
    if (const json* deadline = find(*session, base, "deadline_ms", Presence::Optional)) {
        // Whole milliseconds since 1970 (UTC), up to the end of year 9999.
        if (deadline->is_number_integer() && deadline->get<std::int64_t>() >= 0 &&
            deadline->get<std::int64_t>() <= kMaxSessionDeadlineMs)
            map.session.deadlineMs = deadline->get<std::int64_t>();
        else
            fail(join(base, "deadline_ms"), "expected whole milliseconds from 0 to " +
                                                 std::to_string(kMaxSessionDeadlineMs) + ", found " + shown(*deadline));
    }
}

// Checks format and version. Either one wrong means the rest of the file is in some
// other shape, and listing its every difference would bury the one message that helps.
bool readHeader(Reader& reader, const json& root)
{
    const std::size_t before = reader.problems.size();

    const auto format = root.find("format");
    if (format == root.end())
        reader.fail("format", "required, but missing; a Crosswalk map file has \"format\": " + literal(kMapFormat));
    else if (!format->is_string())
        reader.fail("format", "expected a string, found " + std::string(typeName(*format)));
    else if (format->get_ref<const std::string&>() != kMapFormat)
        reader.fail("format", "expected " + literal(kMapFormat) + ", found " + shown(*format));

    const auto version = root.find("version");
    if (version == root.end()) {
        reader.fail("version", "required, but missing");
    } else if (!version->is_number()) {
        reader.fail("version", "expected a number, found " + std::string(typeName(*version)));
    } else {
        const double number = version->get<double>();
        const bool whole = std::isfinite(number) && number == std::floor(number) && number < 1e15;
        if (whole && number > kMapFormatVersion)
            reader.fail("version", "this file is version " + std::to_string(static_cast<long long>(number)) +
                                       "; this Crosswalk reads version " + std::to_string(kMapFormatVersion));
        else if (number != kMapFormatVersion)
            reader.fail("version", "expected " + std::to_string(kMapFormatVersion) + ", found " + shown(*version));
    }
    return reader.problems.size() == before;
}

// A problem with the file as a whole: it has no path, and nothing else is worth checking.
[[noreturn]] void refuse(std::string message)
{
    throw ImportError(std::vector<ImportProblem>{{"", std::move(message)}});
}

} // namespace

ImportResult parseMapJson(std::string_view text, const std::function<bool(const std::string&)>& mapIdTaken)
{
    // Cheap checks on the raw text first, so that nothing large or deep is ever built.
    if (text.size() > kMaxImportBytes)
        refuse("the file is " + sizeInMegabytes(text.size()) + " MB; Crosswalk imports maps of at most " +
               std::to_string(kMaxImportBytes / (1024u * 1024u)) + " MB");
    // Windows tools (PowerShell's Out-File, Notepad's "Unicode") write UTF-16: read it as such.
    const std::optional<std::string> transcoded = mapjson::utf16ToUtf8(text);
    if (transcoded)
        text = *transcoded;
    if (isBlank(text))
        refuse(text.empty() ? "the file is empty" : "the file is empty (only white space)");
    if (const auto deep = tooDeepAt(text))
        refuse("arrays and objects are nested more than " + std::to_string(kMaxImportDepth) + " levels deep at " +
               at(positionOf(text, *deep)) + "; a Crosswalk map never nests that deep");

    json root;
    mapjson::DuplicateKeys duplicates;
    try {
        root = json::parse(text, duplicates.callback());
    } catch (const json::parse_error& error) {
        throw ImportError(std::vector<ImportProblem>{describeParseError(text, error)});
    } catch (const json::exception& error) {
        // A number too large for a double ("2e308") is out_of_range, not a parse_error; found
        // by the import fuzzer (tests/fuzz), which saw it escape as a non-ImportError.
        std::string what = error.what();
        if (const auto end = what.find("] "); what.rfind("[json.exception.", 0) == 0 && end != std::string::npos)
            what.erase(0, end + 2);
        throw ImportError(std::vector<ImportProblem>{{"", "the file is not valid JSON: " + what}});
    }

    // The parser lets the last of two equal keys win; which one the author meant is unknown.
    if (auto problems = duplicates.problems(); !problems.empty())
        throw ImportError(std::move(problems));

    Reader reader;
    if (!root.is_object())
        refuse("expected a JSON object at the top of the file, found " + std::string(typeName(root)));
    if (!readHeader(reader, root))
        throw ImportError(std::move(reader.problems));

    ImportResult result;
    if (transcoded)
        result.notices.push_back("the file is UTF-16 text; it was read as such (Crosswalk writes UTF-8)");
    std::vector<bool> hasX;
    std::vector<bool> hasY;
    const json* mapObject = reader.find(root, "", "map", Presence::Required);
    if (mapObject && reader.expectObject(*mapObject, "map"))
        reader.readMap(*mapObject, result.map, hasX, hasY);
    if (!reader.problems.empty())
        throw ImportError(std::move(reader.problems));

    Map& map = result.map;
    const bool anyX = std::find(hasX.begin(), hasX.end(), true) != hasX.end();
    if (!map.steps.empty() && !anyX) {
        // No step is placed: the file carries no geometry worth keeping.
        layout::autoLayout(map);
        result.laidOut = true;
    } else {
        // A step placed across but not down sits in the middle of its lane.
        for (std::size_t i = 0; i < map.steps.size(); ++i) {
            if (hasY[i])
                continue;
            Step& step = map.steps[i];
            const Lane* lane = map.lane(step.lane);
            const int laneHeight = lane ? lane->height : Lane{}.height;
            step.y = std::max(0, (laneHeight - step.h) / 2);
        }
    }

    if (mapIdTaken && mapIdTaken(map.id)) {
        const std::string taken = map.id;
        do
            map.id = newId("m-");
        while (mapIdTaken(map.id));
        result.notices.push_back("map id " + literal(taken) + " is already used here; the imported map gets the id " +
                                 literal(map.id));
    }
    return result;
}

} // namespace crosswalk
