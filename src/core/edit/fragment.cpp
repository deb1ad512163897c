#include "fragment.h"

namespace crosswalk::editing {

Fragment fragmentOf(const Map& map, const Selection& sel)
{
    Fragment f;
    forEachFragmentKind([&]<typename T>() {
        const std::vector<T>& items = entitiesOf<T>(map);
        const IdSet& ids = sel.of<T>();
        for (std::size_t i = 0; i < items.size(); ++i)
            if (contains(ids, items[i].id))
                placedIn<T>(f).push_back({i, items[i]});
    });
    // Votes belong to their step: they leave and come back with it.
    for (const auto& [step, count] : map.votes)
        if (contains(sel.of<Step>(), step))
            f.votes.emplace(step, count);
    return f;
}

Selection cascade(const Map& map, Selection sel)
{
    for (const Step& s : map.steps)
        if (contains(sel.of<Lane>(), s.lane) || contains(sel.of<Phase>(), s.phase))
            sel.of<Step>().insert(s.id);
    for (const Flow& f : map.flows)
        if (contains(sel.of<Step>(), f.from) || contains(sel.of<Step>(), f.to))
            sel.of<Flow>().insert(f.id);
    for (const Annotation& a : map.annotations)
        if (sel.holdsTarget(a.target))
            sel.of<Annotation>().insert(a.id);
    for (const StickyNote& n : map.stickyNotes)
        if (contains(sel.of<Step>(), n.step))
            sel.of<StickyNote>().insert(n.id);
    return sel;
}

void removeFragment(Map& map, const Fragment& f)
{
    for (const auto& vote : f.votes)
        map.votes.erase(vote.first);
    // Each kind from the back, so that the indices of the entries still to erase stay valid.
    forEachFragmentKind([&]<typename T>() {
        std::vector<T>& items = entitiesOf<T>(map);
        const std::vector<Placed<T>>& placed = placedIn<T>(f);
        for (auto it = placed.rbegin(); it != placed.rend(); ++it)
            items.erase(iterAt(items, it->index));
    });
}

void insertFragment(Map& map, const Fragment& f)
{
    // In ascending order each entry lands exactly at its index once the ones before it are in.
    forEachFragmentKind([&]<typename T>() {
        std::vector<T>& items = entitiesOf<T>(map);
        for (const Placed<T>& p : placedIn<T>(f))
            items.insert(iterAt(items, p.index), p.value);
    });
    for (const auto& vote : f.votes)
        map.votes.insert(vote);
}

void noteFragment(ChangeSet& changes, const Fragment& f)
{
    forEachFragmentKind([&]<typename T>() {
        for (const Placed<T>& p : placedIn<T>(f))
            changedIds<T>(changes).insert(p.value.id);
    });
    for (const auto& vote : f.votes)
        changes.votes.insert(vote.first);
    changes.laneOrder = changes.laneOrder || !f.lanes.empty();
    changes.phaseOrder = changes.phaseOrder || !f.phases.empty();
}

} // namespace crosswalk::editing
