// Workspaces in sync folders (issue 19, finding 1): OneDrive, Dropbox, Google Drive, iCloud and
// Nextcloud copy files while they are written and may delete or restore the -wal and -shm
// beside a workspace. Crosswalk stops writing before that does damage (sidefiles.h), but a
// person should know before it happens, once.

#include "crosswalk/storage/workspace.h"

#include "sidefiles.h"

#include <filesystem>

namespace crosswalk {

std::string Workspace::syncFolderOf(const std::string& path)
{
    namespace fs = std::filesystem;
    std::string real = storage::realFilePath(path);
    if (real == path) {
        // Not there yet (a workspace being created), or relative: resolve its folder.
        std::error_code error;
        const fs::path absolute = fs::absolute(fs::path(path), error);
        if (!error) {
            const fs::path folder = absolute.parent_path();
            real = (fs::path(storage::realFilePath(folder.string())) / absolute.filename()).string();
        }
    }
    return storage::syncFolderOf(real).value_or(std::string());
}

std::string Workspace::syncFolderWarning(const std::string& path)
{
    const std::string client = syncFolderOf(path);
    if (client.empty())
        return {};
    return path + " is in a folder that " + client + " keeps in sync. Sync clients copy files while they " +
           "are written and may delete or restore the -wal and -shm files beside a workspace, which can " +
           "lose recent edits (Crosswalk then stops saving rather than damage the workspace). Keep " +
           "workspaces in a folder that is not synced, such as Documents on this computer, and export or " +
           "back up maps into the sync folder instead; for shared work use a network library.";
}

} // namespace crosswalk
