#pragma once

#include "crosswalk/model/map.h"

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosswalk {

/// Bounds on geometry. Far beyond any real map, and small enough that layout sums of
/// many lanes or phases stay far from int overflow.
inline constexpr int kMaxSize = 1'000'000;
inline constexpr int kMaxCoordinate = 10'000'000;
/// Bounds that keep drawing and exporting a map proportional to what it shows (a hostile
/// file with a step of 1,000,000 x 1,000,000 units, a 100 KB label or 100,000 steps hung
/// the export): the canvas's own resize limit for steps, a screenful of text for a name or
/// label, the import size for notes, and far more steps than any process map has.
inline constexpr int kMaxStepSize = 2'000;
inline constexpr std::size_t kMaxLabelBytes = 2'000;
inline constexpr std::size_t kMaxNoteBytes = 1'000'000;
inline constexpr std::size_t kMaxSteps = 10'000;
/// The other kinds, bounded so that routing flows, drawing lanes and phases and listing notes
/// cost what the map shows, not what a hostile file claims (issue 19: a map of a few steps
/// and 500,000 flows between them would route for hours).
inline constexpr std::size_t kMaxFlows = 4 * kMaxSteps;
inline constexpr std::size_t kMaxLanes = 500;
inline constexpr std::size_t kMaxPhases = 500;
inline constexpr std::size_t kMaxNotes = 10'000; // annotations, sticky notes, parking-lot items: each

/// The JSON-path-like places problems name, shared by the validator and the JSON reader.
namespace problempath {
/// "map.steps" + "lane" -> "map.steps.lane" (no dot after an empty base).
std::string join(std::string_view base, std::string_view key);
/// "map.steps", 3 -> "map.steps[3]".
std::string indexed(std::string_view base, std::size_t index);
} // namespace problempath

/// One thing that makes a map invalid, where it is ("map.steps[3].lane") and what is wrong.
struct MapProblem {
    /// Which kind of rule: a dangling or wrong-kind reference, an id used twice, or any other.
    enum class Rule { Reference, DuplicateId, Value };
    std::string where;
    std::string message;
    Rule rule = Rule::Value;
    bool operator==(const MapProblem&) const = default;
    std::string toString() const; // "map.steps[3].lane: no lane \"l9\""
};

/// Every rule a map must keep, in one place: unique non-empty ids across all kinds, every
/// reference (step -> lane/phase, flow -> steps, annotation -> step/flow/lane, sticky note
/// -> step, votes -> step) resolving to an entity of the right kind, positive sizes and
/// coordinates in range, #RRGGBB colours, annotation extras only on their kinds, vote
/// counts and session times in range. Empty when the map is valid. Problems come in map
/// order, and within an entity in the order of its fields in the exchange format.
std::vector<MapProblem> validateMap(const Map& map);

/// Turns every CR LF, and every lone CR, in the map's texts into LF: the line breaks of other
/// tools' files (Windows, BPMN and CSV writers), which maps hold as LF only. For importers,
/// before they validate.
void normaliseLineBreaks(Map& map);

/// Calls change on every free text of the map: its properties, lane and phase names, step
/// labels and notes, flow labels, annotation texts and "affects", sticky notes and parked
/// questions (not ids, colours or dates). For passes that clean texts the same way everywhere.
void forEachText(Map& map, const std::function<void(std::string&)>& change);

/// validateMap, entity by entity, for readers that meet the entities one at a time (the
/// exchange format) and want each entity's problems as they go. Entities are fed in map
/// order (EntityKinds); a reference is checked against the entities fed before it.
class MapValidator {
public:
    MapValidator() = default;
    /// Checks entities of this map one by one, each against the whole map (ids and
    /// references anywhere in it): for the few entities an edit touched.
    explicit MapValidator(const Map& whole) : m_whole(&whole) {}

    // index is the entity's place in its list (its path is "map.lanes[0]"); problems are
    // appended to problems().
    void check(const Lane& lane, std::size_t index);
    void check(const Phase& phase, std::size_t index);
    void check(const Step& step, std::size_t index);
    void check(const Flow& flow, std::size_t index);
    void check(const Annotation& annotation, std::size_t index);
    void check(const StickyNote& note, std::size_t index);
    void check(const ParkingItem& item, std::size_t index);
    /// Whether a vote names a fed step (the exchange format checks its own counts, which
    /// may be 0 there); checkVotes checks the targets and the counts of a map's votes.
    void checkVoteTarget(const std::string& step); // at "map.votes.<step>"
    void checkVotes(const std::map<std::string, int>& votes);
    void checkSession(const SessionTimer& session);
    /// Text: at most maxBytes, and no control characters but tab and newline (XML, in
    /// which maps are exported as SVG, cannot hold them; the terminal would act on them).
    void checkText(const std::string& text, std::size_t maxBytes, const std::string& where);
    void checkProperties(const MapProperties& props);
    void checkCount(std::size_t steps);
    /// How many of each kind the map holds, against the bounds above ("map.flows: the map has
    /// 50000 flows; a map may have at most 40000").
    void checkCounts(const Map& map);

    std::vector<MapProblem>& problems() { return m_problems; }

private:
    /// Where an entity or field is: "map.steps[3]", "map.votes"; spelled out only when
    /// there is a problem, so that checking a valid map builds no paths.
    struct Place {
        std::string_view key;              // "steps"
        std::optional<std::size_t> index;  // 3
        std::string path(std::string_view field) const; // "map.steps[3].lane"
    };
    struct Known {
        std::string_view kind; // EntityKind<T>::name
        Place place;           // the entity with the id
    };
    void checkId(const std::string& id, std::string_view kind, const Place& base);
    std::optional<Known> find(const std::string& id) const;
    std::optional<Known> findInWhole(const std::string& id, const Place* except) const;
    // A problem's place is base.field; it is only spelled out when there is a problem.
    void checkReference(const Place& base, std::string_view field, const std::string& id,
                        std::initializer_list<std::string_view> kinds);
    void checkColour(const std::string& colour, const Place& base, std::string_view field);
    void checkRange(int value, int min, int max, const Place& base, std::string_view field);
    void fail(std::string where, std::string message, MapProblem::Rule rule = MapProblem::Rule::Value);

    const Map* m_whole = nullptr;
    std::unordered_map<std::string, Known> m_ids; // what was fed, when there is no whole map
    std::vector<MapProblem> m_problems;
};

/// Whether text is a colour written #RRGGBB.
bool isColour(std::string_view text);

/// A value as messages quote it: a JSON string literal, shortened to 80 bytes ("...").
std::string quotedValue(std::string_view text);

} // namespace crosswalk
