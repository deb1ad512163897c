// Issue 19, finding 1: a workspace in a sync folder is named, whatever the path looks like
// (a link into the folder, a file not yet made, a relative path), and the message says what
// to do. The app shows it once (tests/ui/mainwindow/hardening_ui_test.cpp), the command line
// on stderr (tests/cli/hardening_cli_test.sh).

#include "crosswalk/storage/workspace.h"
#include "storage/sidefiles.h"
#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

using namespace crosswalk;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

TEST_CASE("Nextcloud and ownCloud folders are sync folders too", "[hardening][safety]")
{
    CHECK(storage::syncFolderOf("/home/ann/Nextcloud/maps/ws.crosswalk") == "Nextcloud");
    CHECK(storage::syncFolderOf("/home/ann/ownCloud/ws.crosswalk") == "ownCloud");
    CHECK_FALSE(storage::syncFolderOf("/home/ann/nextclouds-notes/ws.crosswalk"));
}

TEST_CASE("A workspace's sync folder is found through links and before the file exists", "[hardening][safety]")
{
    test::TempDir dir("cw-sync");
    const fs::path dropbox = dir.path() / "Dropbox (Lakeside)" / "maps";
    const fs::path plain = dir.path() / "plain";
    fs::create_directories(dropbox);
    fs::create_directories(plain);

    // Not made yet: the folder decides.
    const std::string inside = (dropbox / "ws.crosswalk").string();
    CHECK(Workspace::syncFolderOf(inside) == "Dropbox");
    CHECK(Workspace::syncFolderOf((plain / "ws.crosswalk").string()).empty());
    { Workspace ws = Workspace::create(inside); }
    CHECK(Workspace::syncFolderOf(inside) == "Dropbox");

    // A link in a plain folder to a workspace in the sync folder: the real file counts.
    const fs::path link = plain / "link.crosswalk";
    fs::create_symlink(inside, link);
    CHECK(Workspace::syncFolderOf(link.string()) == "Dropbox");
    // A plain folder reached through a link named like a sync folder is not one.
    fs::create_directory_symlink(plain, dir.path() / "OneDrive");
    CHECK(Workspace::syncFolderOf((dir.path() / "OneDrive" / "x.crosswalk").string()).empty());

    // A relative path, from inside the sync folder.
    const fs::path before = fs::current_path();
    fs::current_path(dropbox);
    CHECK(Workspace::syncFolderOf("new.crosswalk") == "Dropbox");
    fs::current_path(before);

    const std::string warning = Workspace::syncFolderWarning(link.string());
    CHECK_THAT(warning, Contains(link.string()));
    CHECK_THAT(warning, Contains("Dropbox"));
    CHECK_THAT(warning, Contains("Keep workspaces in a folder that is not synced"));
    CHECK(Workspace::syncFolderWarning((plain / "ws.crosswalk").string()).empty());
}
