#include "editchecks.h"

#include "crosswalk/model/validate.h"

#include <algorithm>
#include <optional>
#include <string>

namespace crosswalk::editing {

[[noreturn]] void fail(const std::string& message) { throw EditError(message); }

std::string q(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string noSuch(std::string_view kind, std::string_view id)
{
    return "no " + std::string(kind) + " " + q(id) + " in this map";
}

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
    if (session.deadlineMs < 0 || session.deadlineMs > kMaxSessionDeadlineMs)
        fail("a session's deadline is 0 to " + std::to_string(kMaxSessionDeadlineMs) + " ms since 1970, not " +
             std::to_string(session.deadlineMs));
}

namespace {

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

} // namespace

void checkFragment(const Map& map, const Fragment& f)
{
    forEachFragmentKind([&]<typename T>() {
        checkPlacedIndices(placedIn<T>(f), entitiesOf<T>(map).size(), EntityKind<T>::plural);
    });
    IdSet seen;
    forEachFragmentKind([&]<typename T>() {
        for (const Placed<T>& p : placedIn<T>(f)) {
            requireNewId(map, p.value.id, EntityKind<T>::name);
            if (!seen.insert(p.value.id).second)
                fail("id " + q(p.value.id) + " appears twice in the entities to insert");
        }
    });
    const Known known{map, &f};
    forEachFragmentKind([&]<typename T>() {
        for (const Placed<T>& p : placedIn<T>(f))
            checkEntity(known, p.value);
    });
    // Votes travel with their steps, so that RemoveEntities (the inverse) takes them out again.
    for (const auto& [step, count] : f.votes) {
        if (!containsPlaced(f.steps, step))
            fail("the votes on " + q(step) + " can only be inserted with that step");
        checkVoteCount(count, false);
    }
}

} // namespace crosswalk::editing
