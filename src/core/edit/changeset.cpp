#include "crosswalk/edit/edit.h"

namespace crosswalk {

bool Batch::operator==(const Batch& other) const
{
    // Declared by hand in the header because Edit is incomplete where Batch is defined.
    return name == other.name && edits == other.edits;
}

bool ChangeSet::empty() const
{
    return !props && !laneOrder && !phaseOrder && !session && lanes.empty() && phases.empty() && steps.empty() &&
           flows.empty() && annotations.empty() && stickyNotes.empty() && parkingLot.empty() && votes.empty();
}

void ChangeSet::merge(const ChangeSet& other)
{
    props = props || other.props;
    laneOrder = laneOrder || other.laneOrder;
    phaseOrder = phaseOrder || other.phaseOrder;
    lanes.insert(other.lanes.begin(), other.lanes.end());
    phases.insert(other.phases.begin(), other.phases.end());
    steps.insert(other.steps.begin(), other.steps.end());
    flows.insert(other.flows.begin(), other.flows.end());
    annotations.insert(other.annotations.begin(), other.annotations.end());
    session = session || other.session;
    stickyNotes.insert(other.stickyNotes.begin(), other.stickyNotes.end());
    parkingLot.insert(other.parkingLot.begin(), other.parkingLot.end());
    votes.insert(other.votes.begin(), other.votes.end());
}

} // namespace crosswalk
