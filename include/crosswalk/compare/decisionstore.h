#pragma once

// Match decisions in the workspace file (table match_decisions), so that what a team
// confirmed, rejected or added survives closing the workspace.

#include "crosswalk/compare/decisionset.h"

#include <string>
#include <vector>

namespace crosswalk {

class Workspace;

/// The decisions between any two of the given maps (all decisions when mapIds is empty).
/// Throws WorkspaceError when the workspace cannot be read.
DecisionSet loadDecisions(const Workspace& ws, const std::vector<std::string>& mapIds = {});

/// Stores a decision in one transaction, with the same replacement rules as
/// DecisionSet::set(). Throws WorkspaceError for a read-only workspace, a map that is not
/// in it, or the same map on both sides.
void storeDecision(Workspace& ws, const MatchDecision& decision);

/// Removes the decision on these two entities (either orientation); nothing when there is none.
void clearDecision(Workspace& ws, const std::string& mapA, const std::string& mapB, DecisionKind kind,
                   const std::string& a, const std::string& b);

} // namespace crosswalk
