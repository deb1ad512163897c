#pragma once

// Test support: a small hand-made map, seeded random maps and seeded random edits.
// Header-only; the numbers come from our own generator (SplitMix64), so a seed gives the
// same map on every compiler and standard library (std::uniform_int_distribution does not).
//
//   using namespace crosswalk;
//   Map map = test::randomMap(7);                                  // defaults below
//   Map big = test::randomMap(7, {.lanes = 8, .steps = 200, .flows = 260});
//   Map bare = test::randomMap(7, {.geometry = false});            // layout::needsLayout() is true
//   test::Rng rng(7);
//   Edit edit = test::randomEdit(map, rng);   // apply(map, edit) succeeds
//   Edit bad = test::invalidEdit(map, rng);   // apply(map, bad) throws EditError
//   CHECK(test::mapProblems(map).empty());    // what makes a map invalid, if anything
//
// Every map made here is valid: ids unique across all kinds, every step in an existing
// lane (and an existing phase, or none), flows between existing steps, annotations on an
// existing step, flow or lane (or the whole map), `variation` only on variations and
// `horizon` (1..3) only on change ideas, positive sizes. Ids are readable and
// deterministic: prefix + "l1", "p1", "s1", "f1", "a1" ...; the map's id is prefix + "m" + seed.
// Labels include non-ASCII text, quotes and commas, so exchange and storage code meets them.

#include "crosswalk/edit/edit.h"
#include "crosswalk/model/map.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace crosswalk::test {

/// A seeded random source (SplitMix64) that gives the same numbers everywhere.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// A number in [lo, hi], both included; lo <= hi.
    int range(int lo, int hi)
    {
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
        return static_cast<int>(lo + static_cast<std::int64_t>(next() % span));
    }
    /// An index in [0, size); size > 0.
    std::size_t below(std::size_t size) { return static_cast<std::size_t>(next() % size); }
    /// True with the given chance in percent.
    bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }
    template <typename Container>
    const auto& pick(const Container& items)
    {
        return *std::next(std::begin(items), static_cast<std::ptrdiff_t>(below(std::size(items))));
    }

private:
    std::uint64_t m_state = 0;
};

/// What randomMap() makes. Counts below zero count as zero; steps need a lane, flows two steps.
struct RandomMapOptions {
    int lanes = 4;
    int phases = 3; // 0 for a map without phases
    int steps = 20;
    int flows = 25;
    int annotations = 10;
    int phaselessPercent = 0; // share of steps without a phase when the map has phases
    bool geometry = true;     // false: every step at x = 0 and the default y, as a bare import
    int stickyNotes = 0;      // facilitation: notes on random steps (and as many voted steps)
    int parkingItems = 0;
    std::string idPrefix{};   // put before every id, so that several maps can share a workspace
};

namespace detail {

inline constexpr const char* kRoles[] = {"Principal Supervisor", "Chief of Schools", "HR / Talent",
                                         "Leadership Development", "Data & Accountability", "Principal",
                                         "Superintendent", "School Leadership Team", "Labor association"};
inline constexpr const char* kPhaseNames[] = {"Summer", "Beginning of year", "Fall", "Middle of year", "Winter",
                                              "Spring", "End of year"};
inline constexpr const char* kLabels[] = {"Goal-setting conference", "School visit", "Mid-year review",
                                          "Self-assessment", "Calibration session", "Summative rating",
                                          "Coaching assignment", "Evidence collection", "Rate \"effective\", or not",
                                          "Évaluation de fin d'année", "Plan de apoyo (año 2)", "Wait for HR",
                                          "Data pull: survey, attendance", ""};
inline constexpr const char* kTexts[] = {"How are goals approved?", "Rating rests on one visit",
                                         "Feedback arrives after decisions", "Ask HR what happens next",
                                         "Coaching goes to those who ask", "Qui décide ?", "", "Line one\nline two"};
inline constexpr const char* kDistricts[] = {"Lakeside USD", "Riverside Unified", "Nord-Süd Schulbezirk"};
inline constexpr const char* kFlowLabels[] = {"", "", "", "yes", "no", "if approved", "handoff"};
inline constexpr const char* kAffects[] = {"", "principals", "new principals", "students", "teachers"};

inline std::string randomColor(Rng& rng)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string color = "#";
    for (int i = 0; i < 6; ++i)
        color += hex[rng.below(16)];
    return color;
}

inline int phaseLeftOf(const Map& map, const std::string& phaseId)
{
    int left = 0;
    for (const Phase& phase : map.phases) {
        if (phase.id == phaseId)
            return left;
        left += phase.width;
    }
    return 0;
}

inline int totalPhaseWidth(const Map& map)
{
    int width = 0;
    for (const Phase& phase : map.phases)
        width += phase.width;
    return width;
}

/// A random place for a step of this size: inside its phase column and lane band when it fits.
inline void placeStep(const Map& map, Step& step, Rng& rng)
{
    const Lane* lane = map.lane(step.lane);
    const int height = lane ? lane->height : 160;
    step.y = rng.range(0, std::max(0, height - step.h));
    if (const Phase* phase = map.phase(step.phase)) {
        step.x = phaseLeftOf(map, step.phase) + rng.range(0, std::max(0, phase->width - step.w));
    } else {
        step.x = rng.range(0, std::max(600, totalPhaseWidth(map)));
    }
}

inline Annotation randomAnnotation(const Map& map, Rng& rng, std::string id)
{
    Annotation a;
    a.id = std::move(id);
    a.kind = rng.pick(kAllAnnotationKinds);
    a.text = rng.pick(kTexts);
    if (a.kind == AnnotationKind::Harm)
        a.affects = rng.pick(kAffects);
    if (a.kind == AnnotationKind::Variation && rng.chance(70))
        a.variation = rng.chance(50) ? Variation::Intentional : Variation::Unintentional;
    if (a.kind == AnnotationKind::ChangeIdea && rng.chance(70))
        a.horizon = rng.range(1, 3);
    std::vector<int> kinds; // 0 step, 1 flow, 2 lane
    if (!map.steps.empty())
        kinds.push_back(0);
    if (!map.flows.empty())
        kinds.push_back(1);
    if (!map.lanes.empty())
        kinds.push_back(2);
    if (kinds.empty() || rng.chance(15))
        return a; // on the whole map
    switch (rng.pick(kinds)) {
    case 0:
        a.target = rng.pick(map.steps).id;
        break;
    case 1:
        a.target = rng.pick(map.flows).id;
        break;
    default:
        a.target = rng.pick(map.lanes).id;
        break;
    }
    return a;
}

/// An id no entity of the map has and not in taken either.
inline std::string freshId(const Map& map, Rng& rng, const std::string& prefix, std::set<std::string>* taken = nullptr)
{
    for (;;) {
        std::string id = prefix + "r" + std::to_string(rng.next() % 1000000);
        if (!map.hasEntity(id) && (!taken || taken->insert(id).second))
            return id;
    }
}

inline std::optional<std::size_t> randomIndex(Rng& rng, std::size_t size)
{
    if (rng.chance(50))
        return std::nullopt;
    return static_cast<std::size_t>(rng.range(0, static_cast<int>(size)));
}

inline std::string randomPhaseOf(const Map& map, Rng& rng)
{
    if (map.phases.empty() || rng.chance(10))
        return {};
    return rng.pick(map.phases).id;
}

inline Step randomStep(const Map& map, Rng& rng, std::string id, std::string laneId)
{
    Step s;
    s.id = std::move(id);
    s.lane = std::move(laneId);
    s.phase = randomPhaseOf(map, rng);
    s.kind = rng.pick(kAllStepKinds);
    s.label = rng.pick(kLabels);
    if (rng.chance(20))
        s.notes = rng.pick(kTexts);
    s.w = 10 * rng.range(10, 18);
    s.h = 10 * rng.range(5, 9);
    placeStep(map, s, rng);
    return s;
}

/// k ascending indices at which inserting one by one into a vector of size entries is valid.
inline std::vector<std::size_t> ascendingSlots(Rng& rng, std::size_t size, std::size_t k)
{
    // Choosing k distinct final positions out of size + k does it: the j-th of them is at
    // most size + j, the size before the j-th insertion.
    std::set<std::size_t> chosen;
    while (chosen.size() < k)
        chosen.insert(rng.below(size + k));
    return {chosen.begin(), chosen.end()};
}

} // namespace detail

/// A random valid map (see the top of this file); the same seed and options give the same map.
inline Map randomMap(std::uint64_t seed, const RandomMapOptions& options = {})
{
    using namespace detail;
    Rng rng(seed);
    const std::string& px = options.idPrefix;
    Map map;
    map.id = px + "m" + std::to_string(seed);
    map.props.title = std::string(rng.pick(kLabels)) + " map " + std::to_string(seed);
    map.props.district = rng.pick(kDistricts);
    map.props.focus = "Principal evaluation and support";
    map.props.state = rng.chance(50) ? MapState::Current : MapState::Future;
    map.props.notes = rng.pick(kTexts);

    for (int i = 1; i <= options.lanes; ++i)
        map.lanes.push_back({px + "l" + std::to_string(i), rng.pick(kRoles), randomColor(rng), 10 * rng.range(12, 30)});
    for (int i = 1; i <= options.phases; ++i)
        map.phases.push_back(
            {px + "p" + std::to_string(i), rng.pick(kPhaseNames), randomColor(rng), 10 * rng.range(24, 60)});

    const int steps = map.lanes.empty() ? 0 : options.steps;
    for (int i = 1; i <= steps; ++i) {
        Step s;
        s.id = px + "s" + std::to_string(i);
        s.lane = rng.pick(map.lanes).id;
        if (!map.phases.empty() && !rng.chance(options.phaselessPercent))
            s.phase = rng.pick(map.phases).id;
        s.kind = rng.pick(kAllStepKinds);
        s.label = rng.pick(kLabels);
        if (rng.chance(20))
            s.notes = rng.pick(kTexts);
        if (options.geometry) {
            s.w = 10 * rng.range(10, 18);
            s.h = 10 * rng.range(5, 9);
            placeStep(map, s, rng);
        }
        map.steps.push_back(std::move(s));
    }

    const int flows = map.steps.size() < 2 ? 0 : options.flows;
    for (int i = 1; i <= flows; ++i) {
        std::size_t from = rng.below(map.steps.size());
        std::size_t to = rng.below(map.steps.size() - 1);
        if (to >= from)
            ++to; // never a flow from a step to itself
        // Mostly forward in step order, like a process; the rest make loops.
        if (from > to && rng.chance(80))
            std::swap(from, to);
        map.flows.push_back({px + "f" + std::to_string(i), map.steps[from].id, map.steps[to].id,
                             rng.pick(kFlowLabels)});
    }

    for (int i = 1; i <= options.annotations; ++i)
        map.annotations.push_back(randomAnnotation(map, rng, px + "a" + std::to_string(i)));
    // Drawn after everything else, so that maps without facilitation stay as they were.
    for (int i = 1; i <= options.stickyNotes && !map.steps.empty(); ++i) {
        map.stickyNotes.push_back(
            {px + "n" + std::to_string(i), rng.pick(map.steps).id, rng.pick(kTexts), randomColor(rng)});
        map.votes[rng.pick(map.steps).id] = rng.range(1, 6);
    }
    for (int i = 1; i <= options.parkingItems; ++i)
        map.parkingLot.push_back({px + "q" + std::to_string(i), rng.pick(kTexts), "2026-03-05T15:04:00Z", rng.chance(40)});
    if (options.stickyNotes > 0)
        map.session = SessionTimer{3600, 1800, false};
    return map;
}

/// What makes the map invalid, one line each ("step \"s3\": no lane \"l9\""); empty when
/// the map is valid in the sense described at the top of this file. For checking that
/// code which builds or changes maps keeps them valid.
inline std::vector<std::string> mapProblems(const Map& map)
{
    std::vector<std::string> problems;
    std::set<std::string> ids;
    const auto unique = [&](const std::string& id) {
        if (id.empty())
            problems.push_back("an entity has an empty id");
        else if (!ids.insert(id).second)
            problems.push_back("id \"" + id + "\" is used twice");
    };
    for (const Lane& l : map.lanes) {
        unique(l.id);
        if (l.height <= 0)
            problems.push_back("lane \"" + l.id + "\": height " + std::to_string(l.height));
    }
    for (const Phase& p : map.phases) {
        unique(p.id);
        if (p.width <= 0)
            problems.push_back("phase \"" + p.id + "\": width " + std::to_string(p.width));
    }
    for (const Step& s : map.steps) {
        unique(s.id);
        if (!map.lane(s.lane))
            problems.push_back("step \"" + s.id + "\": no lane \"" + s.lane + "\"");
        if (!s.phase.empty() && !map.phase(s.phase))
            problems.push_back("step \"" + s.id + "\": no phase \"" + s.phase + "\"");
        if (s.w <= 0 || s.h <= 0)
            problems.push_back("step \"" + s.id + "\": size " + std::to_string(s.w) + "x" + std::to_string(s.h));
    }
    for (const Flow& f : map.flows) {
        unique(f.id);
        if (!map.step(f.from))
            problems.push_back("flow \"" + f.id + "\": no step \"" + f.from + "\"");
        if (!map.step(f.to))
            problems.push_back("flow \"" + f.id + "\": no step \"" + f.to + "\"");
    }
    for (const Annotation& a : map.annotations) {
        unique(a.id);
        if (!a.target.empty() && !map.step(a.target) && !map.flow(a.target) && !map.lane(a.target))
            problems.push_back("annotation \"" + a.id + "\": no step, flow or lane \"" + a.target + "\"");
        if (a.horizon && (a.kind != AnnotationKind::ChangeIdea || *a.horizon < 1 || *a.horizon > 3))
            problems.push_back("annotation \"" + a.id + "\": horizon " + std::to_string(*a.horizon));
        if (a.variation && a.kind != AnnotationKind::Variation)
            problems.push_back("annotation \"" + a.id + "\": variation on a " + std::string(toString(a.kind)));
    }
    for (const StickyNote& n : map.stickyNotes) {
        unique(n.id);
        if (!map.step(n.step))
            problems.push_back("sticky note \"" + n.id + "\": no step \"" + n.step + "\"");
    }
    for (const ParkingItem& item : map.parkingLot)
        unique(item.id);
    for (const auto& [step, count] : map.votes) {
        if (!map.step(step))
            problems.push_back("votes on missing step \"" + step + "\"");
        if (count <= 0 || count > kMaxVotesPerStep)
            problems.push_back("step \"" + step + "\": " + std::to_string(count) + " votes");
    }
    return problems;
}

/// A small fixed map for tests that name ids. Lanes l1 "Principal Supervisor", l2 "HR",
/// l3 "Principal" (160 high); phases p1 "Beginning of year" (480), p2 "Middle of year"
/// (480), p3 "End of year" (400); steps s1..s5 in phases p1, p1, p2, p2, p3 and s6 without a
/// phase; flows f1 s1->s2, f2 s2->s3 (a handoff), f3 s3->s4, f4 s4->s5, f5 s5->s6;
/// annotations a1 black box on s3, a2 harm on f2, a3 variation on lane l2, a4 change idea
/// (horizon 2) on the whole map, a5 question on s5.
inline Map smallMap()
{
    Map map;
    map.id = "m-small";
    map.props = {"Principal evaluation", "Lakeside USD", "Principal evaluation and support", MapState::Current, ""};
    map.lanes = {{"l1", "Principal Supervisor", "#E8F0FE", 160},
                 {"l2", "HR", "#FCE8E6", 160},
                 {"l3", "Principal", "#E6F4EA", 160}};
    map.phases = {{"p1", "Beginning of year", "#FFFFFF", 480},
                  {"p2", "Middle of year", "#F8F9FA", 480},
                  {"p3", "End of year", "#FFFFFF", 400}};
    map.steps = {
        {"s1", "l1", "p1", StepKind::Start, "Kick-off", "", 40, 45, 150, 70},
        {"s2", "l1", "p1", StepKind::Meeting, "Goal-setting conference", "", 240, 45, 150, 70},
        {"s3", "l2", "p2", StepKind::Document, "Mid-year review form", "", 520, 45, 150, 70},
        {"s4", "l3", "p2", StepKind::Activity, "Self-assessment", "", 720, 45, 150, 70},
        {"s5", "l1", "p3", StepKind::Decision, "Summative rating", "", 1000, 45, 150, 70},
        {"s6", "l3", "", StepKind::End, "Reflection", "", 1400, 45, 150, 70},
    };
    map.flows = {{"f1", "s1", "s2", ""},
                 {"f2", "s2", "s3", "goals"},
                 {"f3", "s3", "s4", ""},
                 {"f4", "s4", "s5", ""},
                 {"f5", "s5", "s6", ""}};
    Annotation a1{"a1", AnnotationKind::BlackBox, "s3", "What does HR do with the form?", "", {}, {}};
    Annotation a2{"a2", AnnotationKind::Harm, "f2", "Goals arrive late", "principals", {}, {}};
    Annotation a3{"a3", AnnotationKind::Variation, "l2", "Differs by region", "", Variation::Unintentional, {}};
    Annotation a4{"a4", AnnotationKind::ChangeIdea, "", "One shared calendar", "", {}, 2};
    Annotation a5{"a5", AnnotationKind::Question, "s5", "Who signs off?", "", {}, {}};
    map.annotations = {a1, a2, a3, a4, a5};
    return map;
}

namespace detail {

inline std::optional<Edit> randomEditOfKind(const Map& map, Rng& rng, int kind, int depth);

} // namespace detail

/// A random edit that apply() accepts on this map: any kind, Batches (of up to four parts,
/// nested at most twice) included. Fresh ids look like "r123456".
inline Edit randomEdit(const Map& map, Rng& rng, int depth = 0)
{
    constexpr int kKinds = std::variant_size_v<EditVariant>;
    for (;;) {
        if (auto edit = detail::randomEditOfKind(map, rng, rng.range(0, kKinds - 1), depth))
            return *edit;
    }
}

/// An edit that apply() refuses on this map with EditError, among every kind of mistake:
/// unknown ids, duplicate ids, dangling references, bad indices, bad sizes, misplaced
/// horizon or variation, and Batches whose last part fails after valid ones applied.
inline Edit invalidEdit(const Map& map, Rng& rng)
{
    using namespace detail;
    const std::string nope = "no-such-id";
    Step step;
    step.id = freshId(map, rng, "bad-");
    step.lane = map.lanes.empty() ? nope : rng.pick(map.lanes).id;
    for (;;) {
        switch (rng.range(0, 15)) {
        case 0:
            return RemoveStep{nope};
        case 1:
            step.lane = nope;
            return AddStep{step, std::nullopt};
        case 2: {
            if (map.lanes.empty())
                continue;
            // An id any entity already has, of whichever kind.
            std::vector<std::string> ids;
            for (const Lane& l : map.lanes)
                ids.push_back(l.id);
            for (const Step& s : map.steps)
                ids.push_back(s.id);
            for (const Annotation& a : map.annotations)
                ids.push_back(a.id);
            step.id = rng.pick(ids);
            return AddStep{step, std::nullopt};
        }
        case 3:
            if (map.steps.empty())
                continue;
            return AddFlow{{freshId(map, rng, "bad-"), rng.pick(map.steps).id, nope, ""}, std::nullopt};
        case 4:
            return AddLane{{freshId(map, rng, "bad-"), "Zero", "#FFFFFF", -rng.range(0, 50)}, std::nullopt};
        case 5:
            if (map.phases.empty())
                return RenamePhase{nope, "Nope"};
            return ResizePhase{rng.pick(map.phases).id, -rng.range(0, 50)};
        case 6: {
            Annotation a{freshId(map, rng, "bad-"), AnnotationKind::Question, nope, "?", "", {}, {}};
            return AddAnnotation{a, std::nullopt};
        }
        case 7: {
            Annotation a{freshId(map, rng, "bad-"), AnnotationKind::ChangeIdea, "", "?", "", {}, rng.range(4, 9)};
            if (rng.chance(50)) {
                a.kind = AnnotationKind::Question;
                a.horizon = rng.range(1, 3);
            }
            return AddAnnotation{a, std::nullopt};
        }
        case 8: {
            Annotation a{freshId(map, rng, "bad-"), AnnotationKind::Harm, "", "?", "", Variation::Intentional, {}};
            if (!map.annotations.empty() && rng.chance(50)) {
                a.id = rng.pick(map.annotations).id;
                a.kind = AnnotationKind::Insight;
                return UpdateAnnotation{a};
            }
            return AddAnnotation{a, std::nullopt};
        }
        case 9:
            if (map.lanes.empty())
                return RemoveLane{nope};
            return ReorderLane{rng.pick(map.lanes).id, map.lanes.size() + rng.below(3)};
        case 10:
            if (map.lanes.empty())
                continue;
            return AddStep{step, map.steps.size() + 1 + rng.below(3)};
        case 11: {
            // Valid parts first, so that the failure has to undo them.
            Map scratch = map;
            Batch batch{"Doomed batch", {}};
            for (int i = rng.range(1, 3); i > 0; --i) {
                Edit part = randomEdit(scratch, rng, 1);
                apply(scratch, part);
                batch.edits.push_back(std::move(part));
            }
            batch.edits.push_back(invalidEdit(scratch, rng));
            return batch;
        }
        case 12: {
            // A step that still has a flow: RemoveEntities does not cascade, so it refuses.
            if (map.flows.empty())
                return RemoveEntities{{nope}};
            return RemoveEntities{{rng.pick(map.flows).from}};
        }
        case 13: {
            InsertFragment insert;
            step.lane = nope;
            insert.fragment.steps.push_back({map.steps.size(), step});
            return insert;
        }
        case 14:
            if (map.steps.empty())
                continue;
            return MoveSteps{{{rng.pick(map.steps).id, map.lanes.front().id, nope, 0, 0}}};
        default: {
            if (map.steps.empty())
                continue;
            Step s = rng.pick(map.steps);
            s.phase = nope;
            return UpdateStep{s};
        }
        }
    }
}

namespace detail {

inline std::optional<Edit> randomEditOfKind(const Map& map, Rng& rng, int kind, int depth)
{
    const bool hasLanes = !map.lanes.empty();
    const bool hasPhases = !map.phases.empty();
    const bool hasSteps = !map.steps.empty();
    const bool hasFlows = !map.flows.empty();
    const bool hasAnnotations = !map.annotations.empty();
    const auto index = [&](std::size_t size) { return static_cast<std::size_t>(rng.below(size)); };
    switch (kind) {
    case 0: // AddStep
        if (!hasLanes)
            return std::nullopt;
        return AddStep{randomStep(map, rng, freshId(map, rng, ""), rng.pick(map.lanes).id),
                       randomIndex(rng, map.steps.size())};
    case 1: // RemoveStep
        if (!hasSteps)
            return std::nullopt;
        return RemoveStep{rng.pick(map.steps).id};
    case 2: { // UpdateStep
        if (!hasSteps)
            return std::nullopt;
        const Step& old = rng.pick(map.steps);
        Step s = randomStep(map, rng, old.id, rng.chance(50) ? old.lane : rng.pick(map.lanes).id);
        if (rng.chance(50))
            s.label = old.label; // often only some fields change
        return UpdateStep{s};
    }
    case 3: { // MoveSteps
        if (!hasSteps)
            return std::nullopt;
        std::set<std::string> chosen;
        MoveSteps move;
        for (int n = rng.range(1, 5); n > 0; --n) {
            const Step& s = rng.pick(map.steps);
            if (!chosen.insert(s.id).second)
                continue;
            move.moves.push_back({s.id, rng.chance(70) ? s.lane : rng.pick(map.lanes).id, randomPhaseOf(map, rng),
                                  s.x + rng.range(-200, 200), rng.range(0, 120)});
        }
        return move;
    }
    case 4: // AddLane
        return AddLane{{freshId(map, rng, ""), rng.pick(kRoles), randomColor(rng), 10 * rng.range(10, 30)},
                       randomIndex(rng, map.lanes.size())};
    case 5:
        if (!hasLanes)
            return std::nullopt;
        return RemoveLane{rng.pick(map.lanes).id};
    case 6:
        if (!hasLanes)
            return std::nullopt;
        return RenameLane{rng.pick(map.lanes).id, rng.pick(kRoles)};
    case 7:
        if (!hasLanes)
            return std::nullopt;
        return RecolourLane{rng.pick(map.lanes).id, randomColor(rng)};
    case 8:
        if (!hasLanes)
            return std::nullopt;
        return ReorderLane{rng.pick(map.lanes).id, index(map.lanes.size())};
    case 9:
        if (!hasLanes)
            return std::nullopt;
        return ResizeLane{rng.pick(map.lanes).id, 10 * rng.range(8, 40)};
    case 10: // AddPhase
        return AddPhase{{freshId(map, rng, ""), rng.pick(kPhaseNames), randomColor(rng), 10 * rng.range(16, 60)},
                        randomIndex(rng, map.phases.size())};
    case 11:
        if (!hasPhases)
            return std::nullopt;
        return RemovePhase{rng.pick(map.phases).id};
    case 12:
        if (!hasPhases)
            return std::nullopt;
        return RenamePhase{rng.pick(map.phases).id, rng.pick(kPhaseNames)};
    case 13:
        if (!hasPhases)
            return std::nullopt;
        return RecolourPhase{rng.pick(map.phases).id, randomColor(rng)};
    case 14:
        if (!hasPhases)
            return std::nullopt;
        return ReorderPhase{rng.pick(map.phases).id, index(map.phases.size())};
    case 15:
        if (!hasPhases)
            return std::nullopt;
        return ResizePhase{rng.pick(map.phases).id, 10 * rng.range(16, 60)};
    case 16: // AddFlow
        if (!hasSteps)
            return std::nullopt;
        return AddFlow{{freshId(map, rng, ""), rng.pick(map.steps).id, rng.pick(map.steps).id, rng.pick(kFlowLabels)},
                       randomIndex(rng, map.flows.size())};
    case 17:
        if (!hasFlows)
            return std::nullopt;
        return RemoveFlow{rng.pick(map.flows).id};
    case 18:
        if (!hasFlows)
            return std::nullopt;
        return RelabelFlow{rng.pick(map.flows).id, rng.pick(kFlowLabels)};
    case 19:
        return AddAnnotation{randomAnnotation(map, rng, freshId(map, rng, "")),
                             randomIndex(rng, map.annotations.size())};
    case 20:
        if (!hasAnnotations)
            return std::nullopt;
        return UpdateAnnotation{randomAnnotation(map, rng, rng.pick(map.annotations).id)};
    case 21:
        if (!hasAnnotations)
            return std::nullopt;
        return RemoveAnnotation{rng.pick(map.annotations).id};
    case 22: {
        MapProperties props = map.props;
        props.title = rng.pick(kLabels);
        if (rng.chance(50))
            props.state = props.state == MapState::Current ? MapState::Future : MapState::Current;
        if (rng.chance(50))
            props.notes = rng.pick(kTexts);
        return UpdateMapProperties{props};
    }
    case 23: { // InsertFragment: a new lane holding new steps, wired to the map
        std::set<std::string> taken;
        Fragment f;
        const Lane lane{freshId(map, rng, "", &taken), rng.pick(kRoles), randomColor(rng), 10 * rng.range(12, 30)};
        f.lanes.push_back({rng.below(map.lanes.size() + 1), lane});
        const std::size_t count = static_cast<std::size_t>(rng.range(1, 3));
        for (std::size_t at : ascendingSlots(rng, map.steps.size(), count))
            f.steps.push_back({at, randomStep(map, rng, freshId(map, rng, "", &taken), lane.id)});
        if (hasSteps) {
            const Flow flow{freshId(map, rng, "", &taken), f.steps.front().value.id, rng.pick(map.steps).id, ""};
            f.flows.push_back({rng.below(map.flows.size() + 1), flow});
        }
        Annotation a{freshId(map, rng, "", &taken), AnnotationKind::Insight, lane.id, "New lane", "", {}, {}};
        f.annotations.push_back({rng.below(map.annotations.size() + 1), a});
        return InsertFragment{f};
    }
    case 24: { // RemoveEntities of a closed set: a step with its flows and annotations, or an annotation
        RemoveEntities remove;
        if (hasSteps && rng.chance(60)) {
            const std::string id = rng.pick(map.steps).id;
            std::set<std::string> gone{id};
            for (const Flow& f : map.flows)
                if (f.from == id || f.to == id)
                    gone.insert(f.id);
            for (const Annotation& a : map.annotations)
                if (gone.count(a.target))
                    gone.insert(a.id);
            for (const StickyNote& n : map.stickyNotes)
                if (n.step == id)
                    gone.insert(n.id);
            remove.ids.assign(gone.begin(), gone.end());
            return remove;
        }
        if (!hasAnnotations)
            return std::nullopt;
        remove.ids.push_back(rng.pick(map.annotations).id);
        return remove;
    }
    case 25: { // ShiftSteps
        if (!hasSteps)
            return std::nullopt;
        std::set<std::string> chosen;
        for (int n = rng.range(1, 6); n > 0; --n)
            chosen.insert(rng.pick(map.steps).id);
        return ShiftSteps{{chosen.begin(), chosen.end()}, rng.range(-150, 150)};
    }
    case 27: // AddStickyNote
        if (!hasSteps)
            return std::nullopt;
        return AddStickyNote{{freshId(map, rng, ""), rng.pick(map.steps).id, rng.pick(kTexts), randomColor(rng)},
                             randomIndex(rng, map.stickyNotes.size())};
    case 28: { // UpdateStickyNote
        if (map.stickyNotes.empty())
            return std::nullopt;
        StickyNote note = rng.pick(map.stickyNotes);
        note.text = rng.pick(kTexts);
        if (rng.chance(50))
            note.step = rng.pick(map.steps).id;
        return UpdateStickyNote{note};
    }
    case 29:
        if (map.stickyNotes.empty())
            return std::nullopt;
        return RemoveStickyNote{rng.pick(map.stickyNotes).id};
    case 30:
        return AddParkingItem{{freshId(map, rng, ""), rng.pick(kTexts), "2026-03-05T15:04:00Z", rng.chance(30)},
                              randomIndex(rng, map.parkingLot.size())};
    case 31: {
        if (map.parkingLot.empty())
            return std::nullopt;
        ParkingItem item = rng.pick(map.parkingLot);
        item.done = !item.done;
        if (rng.chance(50))
            item.text = rng.pick(kTexts);
        return UpdateParkingItem{item};
    }
    case 32:
        if (map.parkingLot.empty())
            return std::nullopt;
        return RemoveParkingItem{rng.pick(map.parkingLot).id};
    case 33: // SetVotes
        if (!hasSteps)
            return std::nullopt;
        return SetVotes{rng.pick(map.steps).id, rng.range(0, 5)};
    case 34: { // ReplaceVotes: mostly a reset
        ReplaceVotes replace;
        if (hasSteps && rng.chance(30))
            for (int n = rng.range(1, 3); n > 0; --n)
                replace.votes[rng.pick(map.steps).id] = rng.range(1, 9);
        return replace;
    }
    case 35: { // SetSessionTimer
        const int duration = 60 * rng.range(0, 120);
        return SetSessionTimer{{duration, rng.range(0, duration), rng.chance(50)}};
    }
    default: { // Batch
        if (depth >= 2)
            return std::nullopt;
        Map scratch = map;
        Batch batch{rng.chance(80) ? "Random batch" : "", {}};
        for (int n = rng.range(0, 4); n > 0; --n) {
            Edit part = randomEdit(scratch, rng, depth + 1);
            apply(scratch, part);
            batch.edits.push_back(std::move(part));
        }
        return batch;
    }
    }
}

} // namespace detail

} // namespace crosswalk::test
