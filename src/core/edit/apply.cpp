#include "crosswalk/edit/edit.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

// Every edit first checks everything it needs and only then changes the map, so an
// EditError always leaves the map as it was (Batch undoes its applied parts instead).
// A valid map stays valid: every reference (step -> lane/phase, flow -> step,
// annotation -> target) points at an entity of the map, which is also why the inverse
// of an edit always applies to the map the edit produced.

namespace crosswalk {
namespace {

using IdSet = std::set<std::string, std::less<>>;

[[noreturn]] void fail(const std::string& message) { throw EditError(message); }

std::string q(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string noSuch(std::string_view kind, std::string_view id)
{
    return "no " + std::string(kind) + " " + q(id) + " in this map";
}

bool contains(const IdSet& set, std::string_view id) { return set.find(id) != set.end(); }

template <typename T>
bool containsPlaced(const std::vector<Placed<T>>& items, std::string_view id)
{
    return std::any_of(items.begin(), items.end(), [&](const Placed<T>& p) { return p.value.id == id; });
}

/// What a reference may point at: the map's entities, plus those of a fragment being
/// inserted along with the entity that refers to them.
struct Known {
    const Map& map;
    const Fragment* extra = nullptr;

    bool lane(std::string_view id) const { return map.lane(id) || (extra && containsPlaced(extra->lanes, id)); }
    bool phase(std::string_view id) const { return map.phase(id) || (extra && containsPlaced(extra->phases, id)); }
    bool step(std::string_view id) const { return map.step(id) || (extra && containsPlaced(extra->steps, id)); }
    bool flow(std::string_view id) const { return map.flow(id) || (extra && containsPlaced(extra->flows, id)); }
};

void requireNewId(const Map& map, const std::string& id, std::string_view kind)
{
    if (id.empty())
        fail("a new " + std::string(kind) + " needs an id");
    if (map.hasEntity(id))
        fail("id " + q(id) + " is already used in this map");
}

/// The position for an insertion: the given index, or the end when none is given.
std::size_t insertionIndex(const std::optional<std::size_t>& index, std::size_t size, std::string_view plural)
{
    if (!index)
        return size;
    if (*index > size)
        fail("position " + std::to_string(*index) + " is past the end of the " + std::to_string(size) + " " +
             std::string(plural));
    return *index;
}

void requireMoveIndex(std::size_t index, std::size_t size, std::string_view plural)
{
    if (index >= size)
        fail("position " + std::to_string(index) + " is out of range: the map has " + std::to_string(size) + " " +
             std::string(plural));
}

void checkLane(const Lane& lane)
{
    if (lane.height <= 0)
        fail("lane " + q(lane.name) + " needs a positive height, not " + std::to_string(lane.height));
}

void checkPhase(const Phase& phase)
{
    if (phase.width <= 0)
        fail("phase " + q(phase.name) + " needs a positive width, not " + std::to_string(phase.width));
}

void checkStepPlace(const Known& known, std::string_view lane, std::string_view phase)
{
    if (!known.lane(lane))
        fail(lane.empty() ? std::string("a step needs a lane") : noSuch("lane", lane));
    if (!phase.empty() && !known.phase(phase))
        fail(noSuch("phase", phase));
}

void checkStep(const Known& known, const Step& step)
{
    checkStepPlace(known, step.lane, step.phase);
    if (step.w <= 0 || step.h <= 0)
        fail("step " + q(step.label) + " needs a positive width and height");
}

void checkFlow(const Known& known, const Flow& flow)
{
    if (!known.step(flow.from))
        fail(flow.from.empty() ? std::string("a flow needs a step to start from") : noSuch("step", flow.from));
    if (!known.step(flow.to))
        fail(flow.to.empty() ? std::string("a flow needs a step to lead to") : noSuch("step", flow.to));
}

void checkAnnotation(const Known& known, const Annotation& a)
{
    if (!a.target.empty() && !known.step(a.target) && !known.flow(a.target) && !known.lane(a.target)) {
        if (known.phase(a.target))
            fail("an annotation goes on a step, a flow, a lane or the whole map, not on phase " + q(a.target));
        fail("no step, flow or lane " + q(a.target) + " in this map");
    }
    if (a.horizon) {
        if (a.kind != AnnotationKind::ChangeIdea)
            fail("only a change idea has a horizon, not a " + std::string(displayName(a.kind)));
        if (*a.horizon < 1 || *a.horizon > 3)
            fail("a horizon is 1, 2 or 3, not " + std::to_string(*a.horizon));
    }
    if (a.variation && a.kind != AnnotationKind::Variation)
        fail("only a variation says whether it is intentional, not a " + std::string(displayName(a.kind)));
}

bool isColour(std::string_view text)
{
    if (text.size() != 7 || text[0] != '#')
        return false;
    return std::all_of(text.begin() + 1, text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

void checkStickyNote(const Known& known, const StickyNote& note)
{
    if (!known.step(note.step))
        fail(note.step.empty() ? std::string("a sticky note goes on a step") : noSuch("step", note.step));
    if (!isColour(note.color))
        fail("a sticky note's colour is written #RRGGBB, not " + q(note.color));
}

void checkVoteCount(int count, bool zeroAllowed)
{
    if (count < (zeroAllowed ? 0 : 1) || count > kMaxVotesPerStep)
        fail("a step has " + std::string(zeroAllowed ? "0" : "1") + " to " + std::to_string(kMaxVotesPerStep) +
             " votes, not " + std::to_string(count));
}

void checkSession(const SessionTimer& session)
{
    const auto inRange = [](int seconds) { return seconds >= 0 && seconds <= kMaxSessionSeconds; };
    if (!inRange(session.durationSeconds))
        fail("a session lasts 0 to " + std::to_string(kMaxSessionSeconds) + " seconds, not " +
             std::to_string(session.durationSeconds));
    if (!inRange(session.remainingSeconds))
        fail("a session has 0 to " + std::to_string(kMaxSessionSeconds) + " seconds left, not " +
             std::to_string(session.remainingSeconds));
}

template <typename T>
void moveElement(std::vector<T>& items, std::size_t from, std::size_t to)
{
    const auto at = [&](std::size_t i) { return items.begin() + static_cast<std::ptrdiff_t>(i); };
    if (from < to)
        std::rotate(at(from), at(from + 1), at(to + 1));
    else if (to < from)
        std::rotate(at(to), at(from), at(from + 1));
}

template <typename T>
auto iterAt(std::vector<T>& items, std::size_t index)
{
    return items.begin() + static_cast<std::ptrdiff_t>(index);
}

/// Ids of entities to take out of a map, by kind.
struct Selection {
    IdSet lanes, phases, steps, flows, annotations, stickyNotes;
};

template <typename T>
std::vector<Placed<T>> placedIn(const std::vector<T>& items, const IdSet& ids)
{
    std::vector<Placed<T>> out;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (contains(ids, items[i].id))
            out.push_back({i, items[i]});
    return out;
}

Fragment fragmentOf(const Map& map, const Selection& sel)
{
    Fragment f{placedIn(map.lanes, sel.lanes),
               placedIn(map.phases, sel.phases),
               placedIn(map.steps, sel.steps),
               placedIn(map.flows, sel.flows),
               placedIn(map.annotations, sel.annotations),
               placedIn(map.stickyNotes, sel.stickyNotes),
               {}};
    // Votes belong to their step: they leave and come back with it.
    for (const auto& [step, count] : map.votes)
        if (contains(sel.steps, step))
            f.votes.emplace(step, count);
    return f;
}

/// Widens the selection to everything that cannot stay without it: the steps of its
/// lanes and phases, the flows of its steps and the annotations on any of them.
Selection cascade(const Map& map, Selection sel)
{
    for (const Step& s : map.steps)
        if (contains(sel.lanes, s.lane) || contains(sel.phases, s.phase))
            sel.steps.insert(s.id);
    for (const Flow& f : map.flows)
        if (contains(sel.steps, f.from) || contains(sel.steps, f.to))
            sel.flows.insert(f.id);
    for (const Annotation& a : map.annotations) {
        const std::string& t = a.target;
        if (contains(sel.lanes, t) || contains(sel.phases, t) || contains(sel.steps, t) || contains(sel.flows, t))
            sel.annotations.insert(a.id);
    }
    for (const StickyNote& n : map.stickyNotes)
        if (contains(sel.steps, n.step))
            sel.stickyNotes.insert(n.id);
    return sel;
}

template <typename T>
void erasePlaced(std::vector<T>& items, const std::vector<Placed<T>>& placed)
{
    // From the back, so that the indices of the entries still to erase stay valid.
    for (auto it = placed.rbegin(); it != placed.rend(); ++it)
        items.erase(iterAt(items, it->index));
}

void removeFragment(Map& map, const Fragment& f)
{
    for (const auto& vote : f.votes)
        map.votes.erase(vote.first);
    erasePlaced(map.stickyNotes, f.stickyNotes);
    erasePlaced(map.annotations, f.annotations);
    erasePlaced(map.flows, f.flows);
    erasePlaced(map.steps, f.steps);
    erasePlaced(map.phases, f.phases);
    erasePlaced(map.lanes, f.lanes);
}

template <typename T>
void insertPlaced(std::vector<T>& items, const std::vector<Placed<T>>& placed)
{
    // In ascending order each entry lands exactly at its index once the ones before it are in.
    for (const Placed<T>& p : placed)
        items.insert(iterAt(items, p.index), p.value);
}

void insertFragment(Map& map, const Fragment& f)
{
    insertPlaced(map.lanes, f.lanes);
    insertPlaced(map.phases, f.phases);
    insertPlaced(map.steps, f.steps);
    insertPlaced(map.flows, f.flows);
    insertPlaced(map.annotations, f.annotations);
    insertPlaced(map.stickyNotes, f.stickyNotes);
    for (const auto& vote : f.votes)
        map.votes.insert(vote);
}

template <typename T>
void noteIds(std::set<std::string>& into, const std::vector<Placed<T>>& placed)
{
    for (const Placed<T>& p : placed)
        into.insert(p.value.id);
}

void noteFragment(ChangeSet& changes, const Fragment& f)
{
    noteIds(changes.lanes, f.lanes);
    noteIds(changes.phases, f.phases);
    noteIds(changes.steps, f.steps);
    noteIds(changes.flows, f.flows);
    noteIds(changes.annotations, f.annotations);
    noteIds(changes.stickyNotes, f.stickyNotes);
    for (const auto& vote : f.votes)
        changes.votes.insert(vote.first);
    changes.laneOrder = changes.laneOrder || !f.lanes.empty();
    changes.phaseOrder = changes.phaseOrder || !f.phases.empty();
}

template <typename T>
void checkPlacedIndices(const std::vector<Placed<T>>& placed, std::size_t size, std::string_view plural)
{
    std::optional<std::size_t> previous;
    for (std::size_t k = 0; k < placed.size(); ++k) {
        const std::size_t index = placed[k].index;
        if (previous && index <= *previous)
            fail("the " + std::string(plural) + " to insert are not in ascending order of position");
        // Before the k-th insertion the vector holds size + k entries.
        if (index > size + k)
            fail("position " + std::to_string(index) + " is past the end of the " + std::to_string(size + k) + " " +
                 std::string(plural));
        previous = index;
    }
}

template <typename T>
void checkPlacedIds(const Map& map, const std::vector<Placed<T>>& placed, std::string_view kind, IdSet& seen)
{
    for (const Placed<T>& p : placed) {
        requireNewId(map, p.value.id, kind);
        if (!seen.insert(p.value.id).second)
            fail("id " + q(p.value.id) + " appears twice in the entities to insert");
    }
}

void checkFragment(const Map& map, const Fragment& f)
{
    checkPlacedIndices(f.lanes, map.lanes.size(), "lanes");
    checkPlacedIndices(f.phases, map.phases.size(), "phases");
    checkPlacedIndices(f.steps, map.steps.size(), "steps");
    checkPlacedIndices(f.flows, map.flows.size(), "flows");
    checkPlacedIndices(f.annotations, map.annotations.size(), "annotations");
    checkPlacedIndices(f.stickyNotes, map.stickyNotes.size(), "sticky notes");
    IdSet seen;
    checkPlacedIds(map, f.lanes, "lane", seen);
    checkPlacedIds(map, f.phases, "phase", seen);
    checkPlacedIds(map, f.steps, "step", seen);
    checkPlacedIds(map, f.flows, "flow", seen);
    checkPlacedIds(map, f.annotations, "annotation", seen);
    checkPlacedIds(map, f.stickyNotes, "sticky note", seen);
    const Known known{map, &f};
    for (const auto& p : f.lanes)
        checkLane(p.value);
    for (const auto& p : f.phases)
        checkPhase(p.value);
    for (const auto& p : f.steps)
        checkStep(known, p.value);
    for (const auto& p : f.flows)
        checkFlow(known, p.value);
    for (const auto& p : f.annotations)
        checkAnnotation(known, p.value);
    for (const auto& p : f.stickyNotes)
        checkStickyNote(known, p.value);
    // Votes travel with their steps, so that RemoveEntities (the inverse) takes them out again.
    for (const auto& [step, count] : f.votes) {
        if (!containsPlaced(f.steps, step))
            fail("the votes on " + q(step) + " can only be inserted with that step");
        checkVoteCount(count, false);
    }
}

/// Applies one edit; each operator() validates fully before it changes anything.
class Applier {
public:
    Applier(Map& map, ChangeSet& changes) : m_map(map), m_changes(changes) {}

    Edit operator()(const AddStep& e)
    {
        requireNewId(m_map, e.step.id, "step");
        checkStep(Known{m_map}, e.step);
        const std::size_t at = insertionIndex(e.index, m_map.steps.size(), "steps");
        m_map.steps.insert(iterAt(m_map.steps, at), e.step);
        m_changes.steps.insert(e.step.id);
        // A new step has no flows or annotations yet, so removing it takes out nothing else.
        return RemoveStep{e.step.id};
    }

    Edit operator()(const RemoveStep& e)
    {
        requireStep(e.id);
        Selection sel;
        sel.steps.insert(e.id);
        return removeWithCascade(sel);
    }

    Edit operator()(const UpdateStep& e)
    {
        Step& step = requireStep(e.step.id);
        checkStep(Known{m_map}, e.step);
        Step old = step;
        if (old != e.step) {
            step = e.step;
            m_changes.steps.insert(e.step.id);
        }
        return UpdateStep{std::move(old)};
    }

    Edit operator()(const MoveSteps& e)
    {
        IdSet seen;
        std::vector<StepPlacement> old;
        old.reserve(e.moves.size());
        for (const StepPlacement& move : e.moves) {
            const Step& step = requireStep(move.id);
            if (!seen.insert(move.id).second)
                fail("step " + q(step.label) + " is moved twice in one edit");
            checkStepPlace(Known{m_map}, move.lane, move.phase);
            old.push_back({step.id, step.lane, step.phase, step.x, step.y});
        }
        for (const StepPlacement& move : e.moves) {
            Step& step = *m_map.step(move.id);
            const StepPlacement before{step.id, step.lane, step.phase, step.x, step.y};
            if (before != move) {
                step.lane = move.lane;
                step.phase = move.phase;
                step.x = move.x;
                step.y = move.y;
                m_changes.steps.insert(move.id);
            }
        }
        return MoveSteps{std::move(old)};
    }

    Edit operator()(const AddLane& e)
    {
        requireNewId(m_map, e.lane.id, "lane");
        checkLane(e.lane);
        const std::size_t at = insertionIndex(e.index, m_map.lanes.size(), "lanes");
        m_map.lanes.insert(iterAt(m_map.lanes, at), e.lane);
        m_changes.lanes.insert(e.lane.id);
        m_changes.laneOrder = true;
        return RemoveLane{e.lane.id};
    }

    Edit operator()(const RemoveLane& e)
    {
        requireLane(e.id);
        Selection sel;
        sel.lanes.insert(e.id);
        return removeWithCascade(sel);
    }

    Edit operator()(const RenameLane& e)
    {
        Lane& lane = requireLane(e.id);
        return RenameLane{e.id, setField(lane.name, e.name, m_changes.lanes, e.id)};
    }

    Edit operator()(const RecolourLane& e)
    {
        Lane& lane = requireLane(e.id);
        return RecolourLane{e.id, setField(lane.color, e.color, m_changes.lanes, e.id)};
    }

    Edit operator()(const ReorderLane& e)
    {
        requireLane(e.id);
        requireMoveIndex(e.index, m_map.lanes.size(), "lanes");
        const std::size_t from = *m_map.laneIndex(e.id);
        if (from != e.index) {
            moveElement(m_map.lanes, from, e.index);
            m_changes.laneOrder = true;
        }
        return ReorderLane{e.id, from};
    }

    Edit operator()(const ResizeLane& e)
    {
        Lane& lane = requireLane(e.id);
        if (e.height <= 0)
            fail("lane " + q(lane.name) + " needs a positive height, not " + std::to_string(e.height));
        return ResizeLane{e.id, setField(lane.height, e.height, m_changes.lanes, e.id)};
    }

    Edit operator()(const AddPhase& e)
    {
        requireNewId(m_map, e.phase.id, "phase");
        checkPhase(e.phase);
        const std::size_t at = insertionIndex(e.index, m_map.phases.size(), "phases");
        // The columns from the insertion point on move right by the new column's width.
        IdSet later;
        for (std::size_t i = at; i < m_map.phases.size(); ++i)
            later.insert(m_map.phases[i].id);
        m_map.phases.insert(iterAt(m_map.phases, at), e.phase);
        shiftStepsOf(later, e.phase.width);
        m_changes.phases.insert(e.phase.id);
        m_changes.phaseOrder = true;
        return RemovePhase{e.phase.id};
    }

    Edit operator()(const RemovePhase& e)
    {
        const Phase phase = requirePhase(e.id);
        const std::size_t index = *m_map.phaseIndex(e.id);
        IdSet later;
        for (std::size_t i = index + 1; i < m_map.phases.size(); ++i)
            later.insert(m_map.phases[i].id);
        Selection sel;
        sel.phases.insert(e.id);
        const Fragment fragment = fragmentOf(m_map, cascade(m_map, sel));
        removeFragment(m_map, fragment);
        noteFragment(m_changes, fragment);
        std::vector<std::string> shifted = shiftStepsOf(later, -phase.width);
        if (shifted.empty())
            return InsertFragment{fragment};
        std::vector<Edit> parts{ShiftSteps{std::move(shifted), phase.width}, InsertFragment{fragment}};
        return Batch{"Add phase " + q(phase.name), std::move(parts)};
    }

    Edit operator()(const RenamePhase& e)
    {
        Phase& phase = requirePhase(e.id);
        return RenamePhase{e.id, setField(phase.name, e.name, m_changes.phases, e.id)};
    }

    Edit operator()(const RecolourPhase& e)
    {
        Phase& phase = requirePhase(e.id);
        return RecolourPhase{e.id, setField(phase.color, e.color, m_changes.phases, e.id)};
    }

    Edit operator()(const ReorderPhase& e)
    {
        requirePhase(e.id);
        requireMoveIndex(e.index, m_map.phases.size(), "phases");
        const std::size_t from = *m_map.phaseIndex(e.id);
        if (from == e.index)
            return ReorderPhase{e.id, from};
        const std::map<std::string, int, std::less<>> before = phaseLefts();
        moveElement(m_map.phases, from, e.index);
        const std::map<std::string, int, std::less<>> after = phaseLefts();
        // Each step travels with its column: by how far that column's left edge moved.
        for (Step& step : m_map.steps) {
            const auto b = before.find(step.phase);
            if (b == before.end())
                continue;
            const int dx = after.find(step.phase)->second - b->second;
            if (dx != 0) {
                step.x += dx;
                m_changes.steps.insert(step.id);
            }
        }
        m_changes.phaseOrder = true;
        return ReorderPhase{e.id, from};
    }

    Edit operator()(const ResizePhase& e)
    {
        Phase& phase = requirePhase(e.id);
        if (e.width <= 0)
            fail("phase " + q(phase.name) + " needs a positive width, not " + std::to_string(e.width));
        const std::size_t index = *m_map.phaseIndex(e.id);
        IdSet later;
        for (std::size_t i = index + 1; i < m_map.phases.size(); ++i)
            later.insert(m_map.phases[i].id);
        const int old = setField(phase.width, e.width, m_changes.phases, e.id);
        shiftStepsOf(later, e.width - old);
        return ResizePhase{e.id, old};
    }

    Edit operator()(const AddFlow& e)
    {
        requireNewId(m_map, e.flow.id, "flow");
        checkFlow(Known{m_map}, e.flow);
        const std::size_t at = insertionIndex(e.index, m_map.flows.size(), "flows");
        m_map.flows.insert(iterAt(m_map.flows, at), e.flow);
        m_changes.flows.insert(e.flow.id);
        return RemoveFlow{e.flow.id};
    }

    Edit operator()(const RemoveFlow& e)
    {
        if (!m_map.flow(e.id))
            fail(noSuch("flow", e.id));
        Selection sel;
        sel.flows.insert(e.id);
        return removeWithCascade(sel);
    }

    Edit operator()(const RelabelFlow& e)
    {
        Flow* flow = m_map.flow(e.id);
        if (!flow)
            fail(noSuch("flow", e.id));
        return RelabelFlow{e.id, setField(flow->label, e.label, m_changes.flows, e.id)};
    }

    Edit operator()(const AddAnnotation& e)
    {
        requireNewId(m_map, e.annotation.id, "annotation");
        checkAnnotation(Known{m_map}, e.annotation);
        const std::size_t at = insertionIndex(e.index, m_map.annotations.size(), "annotations");
        m_map.annotations.insert(iterAt(m_map.annotations, at), e.annotation);
        m_changes.annotations.insert(e.annotation.id);
        return RemoveAnnotation{e.annotation.id};
    }

    Edit operator()(const UpdateAnnotation& e)
    {
        Annotation* annotation = m_map.annotation(e.annotation.id);
        if (!annotation)
            fail(noSuch("annotation", e.annotation.id));
        checkAnnotation(Known{m_map}, e.annotation);
        return UpdateAnnotation{setField(*annotation, e.annotation, m_changes.annotations, e.annotation.id)};
    }

    Edit operator()(const RemoveAnnotation& e)
    {
        Annotation* annotation = m_map.annotation(e.id);
        if (!annotation)
            fail(noSuch("annotation", e.id));
        const std::size_t index = static_cast<std::size_t>(annotation - m_map.annotations.data());
        Annotation old = std::move(*annotation);
        m_map.annotations.erase(iterAt(m_map.annotations, index));
        m_changes.annotations.insert(e.id);
        return AddAnnotation{std::move(old), index};
    }

    Edit operator()(const UpdateMapProperties& e)
    {
        MapProperties old = m_map.props;
        if (old != e.props) {
            m_map.props = e.props;
            m_changes.props = true;
        }
        return UpdateMapProperties{std::move(old)};
    }

    Edit operator()(const InsertFragment& e)
    {
        const Fragment& f = e.fragment;
        checkFragment(m_map, f);
        insertFragment(m_map, f);
        noteFragment(m_changes, f);
        RemoveEntities inverse;
        const auto addIds = [&](const auto& placed) {
            for (const auto& p : placed)
                inverse.ids.push_back(p.value.id);
        };
        addIds(f.lanes);
        addIds(f.phases);
        addIds(f.steps);
        addIds(f.flows);
        addIds(f.annotations);
        addIds(f.stickyNotes);
        return inverse;
    }

    Edit operator()(const RemoveEntities& e)
    {
        Selection sel;
        for (const std::string& id : e.ids) {
            if (m_map.lane(id))
                sel.lanes.insert(id);
            else if (m_map.phase(id))
                sel.phases.insert(id);
            else if (m_map.step(id))
                sel.steps.insert(id);
            else if (m_map.flow(id))
                sel.flows.insert(id);
            else if (m_map.annotation(id))
                sel.annotations.insert(id);
            else if (m_map.stickyNote(id))
                sel.stickyNotes.insert(id);
            else
                fail("nothing with id " + q(id) + " in this map");
        }
        requireNothingLeftDangling(sel);
        const Fragment fragment = fragmentOf(m_map, sel);
        removeFragment(m_map, fragment);
        noteFragment(m_changes, fragment);
        return InsertFragment{fragment};
    }

    Edit operator()(const ShiftSteps& e)
    {
        IdSet seen;
        for (const std::string& id : e.ids) {
            const Step& step = requireStep(id);
            if (!seen.insert(id).second)
                fail("step " + q(step.label) + " is shifted twice in one edit");
        }
        if (e.dx != 0) {
            for (const std::string& id : e.ids) {
                m_map.step(id)->x += e.dx;
                m_changes.steps.insert(id);
            }
        }
        return ShiftSteps{e.ids, -e.dx};
    }

    Edit operator()(const Batch& e)
    {
        std::vector<Edit> inverses;
        // Reserved up front so that recording an inverse cannot throw after its part applied.
        inverses.reserve(e.edits.size());
        ChangeSet changes;
        try {
            for (const Edit& part : e.edits)
                inverses.push_back(apply(m_map, part, &changes));
        } catch (...) {
            for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
                apply(m_map, *it);
            throw;
        }
        m_changes.merge(changes);
        std::reverse(inverses.begin(), inverses.end());
        return Batch{e.name, std::move(inverses)};
    }

    Edit operator()(const AddStickyNote& e)
    {
        requireNewId(m_map, e.note.id, "sticky note");
        checkStickyNote(Known{m_map}, e.note);
        const std::size_t at = insertionIndex(e.index, m_map.stickyNotes.size(), "sticky notes");
        m_map.stickyNotes.insert(iterAt(m_map.stickyNotes, at), e.note);
        m_changes.stickyNotes.insert(e.note.id);
        return RemoveStickyNote{e.note.id};
    }

    Edit operator()(const UpdateStickyNote& e)
    {
        StickyNote* note = m_map.stickyNote(e.note.id);
        if (!note)
            fail(noSuch("sticky note", e.note.id));
        checkStickyNote(Known{m_map}, e.note);
        return UpdateStickyNote{setField(*note, e.note, m_changes.stickyNotes, e.note.id)};
    }

    Edit operator()(const RemoveStickyNote& e)
    {
        StickyNote* note = m_map.stickyNote(e.id);
        if (!note)
            fail(noSuch("sticky note", e.id));
        const std::size_t index = static_cast<std::size_t>(note - m_map.stickyNotes.data());
        StickyNote old = std::move(*note);
        m_map.stickyNotes.erase(iterAt(m_map.stickyNotes, index));
        m_changes.stickyNotes.insert(e.id);
        return AddStickyNote{std::move(old), index};
    }

    Edit operator()(const AddParkingItem& e)
    {
        requireNewId(m_map, e.item.id, "parking-lot item");
        const std::size_t at = insertionIndex(e.index, m_map.parkingLot.size(), "parking-lot items");
        m_map.parkingLot.insert(iterAt(m_map.parkingLot, at), e.item);
        m_changes.parkingLot.insert(e.item.id);
        return RemoveParkingItem{e.item.id};
    }

    Edit operator()(const UpdateParkingItem& e)
    {
        ParkingItem* item = m_map.parkingItem(e.item.id);
        if (!item)
            fail(noSuch("parking-lot item", e.item.id));
        return UpdateParkingItem{setField(*item, e.item, m_changes.parkingLot, e.item.id)};
    }

    Edit operator()(const RemoveParkingItem& e)
    {
        ParkingItem* item = m_map.parkingItem(e.id);
        if (!item)
            fail(noSuch("parking-lot item", e.id));
        const std::size_t index = static_cast<std::size_t>(item - m_map.parkingLot.data());
        ParkingItem old = std::move(*item);
        m_map.parkingLot.erase(iterAt(m_map.parkingLot, index));
        m_changes.parkingLot.insert(e.id);
        return AddParkingItem{std::move(old), index};
    }

    Edit operator()(const SetVotes& e)
    {
        requireStep(e.step);
        checkVoteCount(e.count, true);
        const int old = m_map.votesOn(e.step);
        if (old != e.count) {
            if (e.count == 0)
                m_map.votes.erase(e.step);
            else
                m_map.votes[e.step] = e.count;
            m_changes.votes.insert(e.step);
        }
        return SetVotes{e.step, old};
    }

    Edit operator()(const ReplaceVotes& e)
    {
        for (const auto& [step, count] : e.votes) {
            requireStep(step);
            checkVoteCount(count, false);
        }
        std::map<std::string, int> old = m_map.votes;
        for (const auto& [step, count] : old)
            if (e.votes.count(step) == 0)
                m_changes.votes.insert(step);
        for (const auto& [step, count] : e.votes)
            if (m_map.votesOn(step) != count)
                m_changes.votes.insert(step);
        m_map.votes = e.votes;
        return ReplaceVotes{std::move(old)};
    }

    Edit operator()(const SetSessionTimer& e)
    {
        checkSession(e.session);
        SessionTimer old = m_map.session;
        if (old != e.session) {
            m_map.session = e.session;
            m_changes.session = true;
        }
        return SetSessionTimer{old};
    }

private:
    Step& requireStep(std::string_view id)
    {
        Step* step = m_map.step(id);
        if (!step)
            fail(noSuch("step", id));
        return *step;
    }

    Lane& requireLane(std::string_view id)
    {
        Lane* lane = m_map.lane(id);
        if (!lane)
            fail(noSuch("lane", id));
        return *lane;
    }

    Phase& requirePhase(std::string_view id)
    {
        Phase* phase = m_map.phase(id);
        if (!phase)
            fail(noSuch("phase", id));
        return *phase;
    }

    /// Sets field to value, notes id as changed when it differs, and returns the old value.
    template <typename T>
    T setField(T& field, const T& value, std::set<std::string>& changed, const std::string& id)
    {
        T old = field;
        if (old != value) {
            field = value;
            changed.insert(id);
        }
        return old;
    }

    Edit removeWithCascade(const Selection& sel)
    {
        const Fragment fragment = fragmentOf(m_map, cascade(m_map, sel));
        removeFragment(m_map, fragment);
        noteFragment(m_changes, fragment);
        return InsertFragment{fragment};
    }

    /// Shifts the steps of these phases by dx; returns their ids in map order.
    std::vector<std::string> shiftStepsOf(const IdSet& phases, int dx)
    {
        std::vector<std::string> shifted;
        if (dx == 0)
            return shifted;
        for (Step& step : m_map.steps) {
            if (!contains(phases, step.phase))
                continue;
            step.x += dx;
            shifted.push_back(step.id);
            m_changes.steps.insert(step.id);
        }
        return shifted;
    }

    std::map<std::string, int, std::less<>> phaseLefts() const
    {
        std::map<std::string, int, std::less<>> lefts;
        int left = 0;
        for (const Phase& phase : m_map.phases) {
            lefts[phase.id] = left;
            left += phase.width;
        }
        return lefts;
    }

    /// RemoveEntities does not cascade, so it refuses to leave a reference to what it removes.
    void requireNothingLeftDangling(const Selection& sel) const
    {
        for (const Step& s : m_map.steps) {
            if (contains(sel.steps, s.id))
                continue;
            if (contains(sel.lanes, s.lane))
                fail("lane " + q(s.lane) + " still holds step " + q(s.id));
            if (contains(sel.phases, s.phase))
                fail("phase " + q(s.phase) + " still holds step " + q(s.id));
        }
        for (const Flow& f : m_map.flows) {
            if (contains(sel.flows, f.id))
                continue;
            if (contains(sel.steps, f.from) || contains(sel.steps, f.to))
                fail("flow " + q(f.id) + " still connects step " + q(contains(sel.steps, f.from) ? f.from : f.to));
        }
        for (const Annotation& a : m_map.annotations) {
            if (contains(sel.annotations, a.id) || a.target.empty())
                continue;
            const std::string& t = a.target;
            if (contains(sel.lanes, t) || contains(sel.phases, t) || contains(sel.steps, t) || contains(sel.flows, t))
                fail("annotation " + q(a.id) + " is still on " + q(t));
        }
        for (const StickyNote& n : m_map.stickyNotes) {
            if (!contains(sel.stickyNotes, n.id) && contains(sel.steps, n.step))
                fail("sticky note " + q(n.id) + " is still on step " + q(n.step));
        }
    }

    Map& m_map;
    ChangeSet& m_changes;
};

} // namespace

Edit apply(Map& map, const Edit& edit, ChangeSet* changes)
{
    // Changes are collected apart and handed over only on success, so a failed edit
    // reports nothing.
    ChangeSet collected;
    Edit inverse = std::visit(Applier{map, collected}, edit.v);
    if (changes)
        changes->merge(collected);
    return inverse;
}

} // namespace crosswalk
