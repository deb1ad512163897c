#pragma once

// The raw SQLite connection of a Workspace, for storage code and for tests that inspect or
// damage the file on purpose (linked through crosswalk::core_internal). Never for src/ui or
// src/app: they go through MapStore.

#include "crosswalk/storage/workspace.h"

#include <sqlite3.h>

namespace crosswalk::storage {

/// The friend of Workspace that hands out its connection.
struct WorkspaceAccess {
    static sqlite3* handle(const Workspace& ws);
};

/// The connection of an open workspace; it lives as long as the workspace.
inline sqlite3* handle(const Workspace& ws)
{
    return WorkspaceAccess::handle(ws);
}

} // namespace crosswalk::storage
