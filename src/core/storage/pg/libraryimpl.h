#pragma once

// NetworkLibrary's state, private to storage; shared by the files that implement it.

#include "pgconnection.h"

#include "crosswalk/edit/edit.h"

#include <map>
#include <string>

namespace crosswalk {

struct NetworkLibrary::Impl {
    Impl(const std::string& uri, bool readOnly);

    /// The connection, reconnected (and listening again) when it was lost; throws
    /// LibraryError saying the library is offline when the server is still away.
    storage::PgConnection& connection();

    std::string uri; // kept in memory only, for reconnecting
    storage::PgConnection conn;
    bool readOnly = false;
    std::string clientId;
    std::string district;
    /// The server could not be reached at the last try; cleared when a reconnect succeeds.
    bool offline = false;
    /// The version of each map as this client last loaded or committed it.
    std::map<std::string, std::int64_t> known;
    /// The last version of each map delivered by pollChanges().
    std::map<std::string, std::int64_t> delivered;
};

namespace storage {

std::string changeSetToJson(const ChangeSet& changes);
/// An unreadable text gives a ChangeSet with every flag set (refresh everything).
ChangeSet changeSetFromJson(const std::string& text);
/// Whether two change sets name a common id or both change the same map-wide thing.
bool overlaps(const ChangeSet& a, const ChangeSet& b);

} // namespace storage
} // namespace crosswalk
