#include "crosswalk/edit/editkinds.h"

namespace crosswalk {

bool Batch::operator==(const Batch& other) const
{
    // Declared by hand in the header because Edit is incomplete where Batch is defined.
    return name == other.name && edits == other.edits;
}

bool ChangeSet::empty() const
{
    bool none = !props && !laneOrder && !phaseOrder && !session && votes.empty();
    forEachEntityKind([&]<typename T>() { none = none && changedIds<T>(*this).empty(); });
    return none;
}

void ChangeSet::merge(const ChangeSet& other)
{
    props = props || other.props;
    laneOrder = laneOrder || other.laneOrder;
    phaseOrder = phaseOrder || other.phaseOrder;
    session = session || other.session;
    forEachEntityKind([&]<typename T>() {
        const std::set<std::string>& theirs = changedIds<T>(other);
        changedIds<T>(*this).insert(theirs.begin(), theirs.end());
    });
    votes.insert(other.votes.begin(), other.votes.end());
}

} // namespace crosswalk
