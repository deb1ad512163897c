#include "crosswalk/edit/edit.h"
#include "crosswalk/model/validate.h"

#include "editchecks.h"
#include "fragment.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

// Every edit first checks everything it needs and only then changes the map, so an
// EditError always leaves the map as it was (Batch undoes its applied parts instead).
// A valid map stays valid: every reference (step -> lane/phase, flow -> step,
// annotation -> target) points at an entity of the map, which is also why the inverse
// of an edit always applies to the map the edit produced. validateMap (the one list of
// the rules) is the final word: an edit that leaves a problem it would find is undone and
// refused (only what the edit touched is checked, see problemsOfChange).
// The checks (editchecks.h) come first so that a refused edit names what it did wrong.

namespace crosswalk {
namespace {

using namespace editing;

template <typename T>
void moveElement(std::vector<T>& items, std::size_t from, std::size_t to)
{
    const auto at = [&](std::size_t i) { return items.begin() + static_cast<std::ptrdiff_t>(i); };
    if (from < to)
        std::rotate(at(from), at(from + 1), at(to + 1));
    else if (to < from)
        std::rotate(at(to), at(from), at(from + 1));
}

Edit applyUnchecked(Map& map, const Edit& edit, ChangeSet& changes);

/// Applies one edit; each operator() validates fully before it changes anything.
class Applier {
public:
    Applier(Map& map, ChangeSet& changes) : m_map(map), m_changes(changes) {}

    Edit operator()(const AddStep& e)
    {
        addEntity(e.step, e.index);
        // A new step has no flows or annotations yet, so removing it takes out nothing else.
        return RemoveStep{e.step.id};
    }

    Edit operator()(const RemoveStep& e)
    {
        requireStep(e.id);
        return removeWithCascade<Step>(e.id);
    }

    Edit operator()(const UpdateStep& e) { return UpdateStep{updateEntity(e.step)}; }

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
        addEntity(e.lane, e.index);
        m_changes.laneOrder = true;
        return RemoveLane{e.lane.id};
    }

    Edit operator()(const RemoveLane& e)
    {
        requireLane(e.id);
        return removeWithCascade<Lane>(e.id);
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
        sel.of<Phase>().insert(e.id);
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
        addEntity(e.flow, e.index);
        return RemoveFlow{e.flow.id};
    }

    Edit operator()(const RemoveFlow& e)
    {
        require<Flow>(e.id);
        return removeWithCascade<Flow>(e.id);
    }

    Edit operator()(const RelabelFlow& e)
    {
        Flow& flow = require<Flow>(e.id);
        return RelabelFlow{e.id, setField(flow.label, e.label, m_changes.flows, e.id)};
    }

    Edit operator()(const AddAnnotation& e)
    {
        addEntity(e.annotation, e.index);
        return RemoveAnnotation{e.annotation.id};
    }

    Edit operator()(const UpdateAnnotation& e) { return UpdateAnnotation{updateEntity(e.annotation)}; }
    Edit operator()(const RemoveAnnotation& e) { return removeAlone<Annotation>(e.id); }

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
        forEachFragmentKind([&]<typename T>() {
            for (const Placed<T>& p : placedIn<T>(f))
                inverse.ids.push_back(p.value.id);
        });
        return inverse;
    }

    Edit operator()(const RemoveEntities& e)
    {
        Selection sel;
        for (const std::string& id : e.ids) {
            bool found = false;
            forEachFragmentKind([&]<typename T>() {
                if (!found && findEntity<T>(m_map, id)) {
                    sel.of<T>().insert(id);
                    found = true;
                }
            });
            if (!found)
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
                inverses.push_back(applyUnchecked(m_map, part, changes));
        } catch (...) {
            ChangeSet ignored;
            for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
                applyUnchecked(m_map, *it, ignored);
            throw;
        }
        m_changes.merge(changes);
        std::reverse(inverses.begin(), inverses.end());
        return Batch{e.name, std::move(inverses)};
    }

    Edit operator()(const AddStickyNote& e)
    {
        addEntity(e.note, e.index);
        return RemoveStickyNote{e.note.id};
    }

    Edit operator()(const UpdateStickyNote& e) { return UpdateStickyNote{updateEntity(e.note)}; }
    Edit operator()(const RemoveStickyNote& e) { return removeAlone<StickyNote>(e.id); }

    Edit operator()(const AddParkingItem& e)
    {
        addEntity(e.item, e.index);
        return RemoveParkingItem{e.item.id};
    }

    Edit operator()(const UpdateParkingItem& e) { return UpdateParkingItem{updateEntity(e.item)}; }
    Edit operator()(const RemoveParkingItem& e) { return removeAlone<ParkingItem>(e.id); }

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
    template <typename T>
    T& require(std::string_view id)
    {
        T* entity = findEntity<T>(m_map, id);
        if (!entity)
            fail(noSuch(EntityKind<T>::name, id));
        return *entity;
    }
    Step& requireStep(std::string_view id) { return require<Step>(id); }
    Lane& requireLane(std::string_view id) { return require<Lane>(id); }
    Phase& requirePhase(std::string_view id) { return require<Phase>(id); }

    /// Inserts a new entity at index (the end when none) and returns where it went.
    template <typename T>
    std::size_t addEntity(const T& entity, const std::optional<std::size_t>& index)
    {
        requireNewId(m_map, entity.id, EntityKind<T>::name);
        checkEntity(Known{m_map}, entity);
        std::vector<T>& items = entitiesOf<T>(m_map);
        const std::size_t at = insertionIndex(index, items.size(), EntityKind<T>::plural);
        items.insert(iterAt(items, at), entity);
        changedIds<T>(m_changes).insert(entity.id);
        return at;
    }

    /// Replaces every field of the entity with value's id; returns the old entity.
    template <typename T>
    T updateEntity(const T& value)
    {
        T& entity = require<T>(value.id);
        checkEntity(Known{m_map}, value);
        return setField(entity, value, changedIds<T>(m_changes), value.id);
    }

    /// Removes an entity nothing else refers to; the inverse adds it back where it was.
    template <typename T>
    Edit removeAlone(std::string_view id)
    {
        T& entity = require<T>(id);
        std::vector<T>& items = entitiesOf<T>(m_map);
        const auto index = static_cast<std::size_t>(&entity - items.data());
        T old = std::move(entity);
        items.erase(iterAt(items, index));
        changedIds<T>(m_changes).insert(old.id);
        return typename EditKind<T>::Add{std::move(old), index};
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

    template <typename T>
    Edit removeWithCascade(const std::string& id)
    {
        Selection sel;
        sel.of<T>().insert(id);
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
            if (contains(sel.of<Step>(), s.id))
                continue;
            if (contains(sel.of<Lane>(), s.lane))
                fail("lane " + q(s.lane) + " still holds step " + q(s.id));
            if (contains(sel.of<Phase>(), s.phase))
                fail("phase " + q(s.phase) + " still holds step " + q(s.id));
        }
        for (const Flow& f : m_map.flows) {
            if (contains(sel.of<Flow>(), f.id))
                continue;
            if (contains(sel.of<Step>(), f.from) || contains(sel.of<Step>(), f.to))
                fail("flow " + q(f.id) + " still connects step " + q(contains(sel.of<Step>(), f.from) ? f.from : f.to));
        }
        for (const Annotation& a : m_map.annotations) {
            if (contains(sel.of<Annotation>(), a.id) || a.target.empty())
                continue;
            if (sel.holdsTarget(a.target))
                fail("annotation " + q(a.id) + " is still on " + q(a.target));
        }
        for (const StickyNote& n : m_map.stickyNotes) {
            if (!contains(sel.of<StickyNote>(), n.id) && contains(sel.of<Step>(), n.step))
                fail("sticky note " + q(n.id) + " is still on step " + q(n.step));
        }
    }

    Map& m_map;
    ChangeSet& m_changes;
};

Edit applyUnchecked(Map& map, const Edit& edit, ChangeSet& changes)
{
    return std::visit(Applier{map, changes}, edit.v);
}

// Above this many touched entities one pass over the whole map is cheaper than checking
// each against the whole map.
constexpr std::size_t kMaxTouchedForLocalCheck = 32;

/// The problems an edit with these changes can have brought into a map that had none of
/// its own there: those of the entities it added or changed, references to the entities
/// it removed, and its votes and session. The rules are validateMap's (MapValidator).
std::vector<MapProblem> problemsOfChange(const Map& map, const ChangeSet& changes, const Edit& inverse)
{
    std::size_t touched = changes.votes.size();
    forEachEntityKind([&]<typename T>() { touched += changedIds<T>(changes).size(); });
    if (touched > kMaxTouchedForLocalCheck) {
        std::vector<MapProblem> problems = validateMap(map);
        if (problems.empty())
            return problems;
        // A map may carry a problem of its own (written by an older Crosswalk, or by hand):
        // a large edit is refused only for what it brought in, as a small one is. Problems
        // are told apart by their message (their place may have moved with the edit).
        Map before = map;
        ChangeSet ignored;
        applyUnchecked(before, inverse, ignored);
        std::multiset<std::string> had;
        for (const MapProblem& problem : validateMap(before))
            had.insert(problem.message);
        std::erase_if(problems, [&](const MapProblem& problem) {
            const auto it = had.find(problem.message);
            if (it == had.end())
                return false;
            had.erase(it);
            return true;
        });
        return problems;
    }
    MapValidator validator(map);
    IdSet removed;
    forEachEntityKind([&]<typename T>() {
        const std::set<std::string>& ids = changedIds<T>(changes);
        if (ids.empty())
            return;
        const std::vector<T>& items = entitiesOf<T>(map);
        IdSet present;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (ids.count(items[i].id)) {
                validator.check(items[i], i);
                present.insert(items[i].id);
            }
        }
        for (const std::string& id : ids)
            if (!contains(present, id))
                removed.insert(id);
    });
    if (!removed.empty()) {
        // What still refers to a removed entity is checked too (and found dangling).
        const auto refers = [&](std::initializer_list<const std::string*> ids) {
            return std::any_of(ids.begin(), ids.end(), [&](const std::string* id) { return contains(removed, *id); });
        };
        for (std::size_t i = 0; i < map.steps.size(); ++i)
            if (refers({&map.steps[i].lane, &map.steps[i].phase}))
                validator.check(map.steps[i], i);
        for (std::size_t i = 0; i < map.flows.size(); ++i)
            if (refers({&map.flows[i].from, &map.flows[i].to}))
                validator.check(map.flows[i], i);
        for (std::size_t i = 0; i < map.annotations.size(); ++i)
            if (refers({&map.annotations[i].target}))
                validator.check(map.annotations[i], i);
        for (std::size_t i = 0; i < map.stickyNotes.size(); ++i)
            if (refers({&map.stickyNotes[i].step}))
                validator.check(map.stickyNotes[i], i);
    }
    std::map<std::string, int> votes;
    for (const auto& [step, count] : map.votes)
        if (changes.votes.count(step) || contains(removed, step))
            votes.emplace(step, count);
    validator.checkVotes(votes);
    if (changes.session)
        validator.checkSession(map.session);
    return std::move(validator.problems());
}

} // namespace

Edit apply(Map& map, const Edit& edit, ChangeSet* changes)
{
    // Changes are collected apart and handed over only on success, so a failed edit
    // reports nothing.
    ChangeSet collected;
    Edit inverse = applyUnchecked(map, edit, collected);
    // The last word is the rules': an edit that would leave a problem is undone and refused.
    if (const std::vector<MapProblem> problems = problemsOfChange(map, collected, inverse); !problems.empty()) {
        ChangeSet ignored;
        applyUnchecked(map, inverse, ignored);
        throw EditError("the edit would leave the map invalid: " + problems.front().toString());
    }
    if (changes)
        changes->merge(collected);
    return inverse;
}

} // namespace crosswalk
