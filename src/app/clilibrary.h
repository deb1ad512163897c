#pragma once

// The command line of the network library (docs/command-line.md, docs/network-library.md):
// `crosswalk library ...`, `crosswalk watch`, and list/check/import/export/compare on a
// library URI.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace crosswalk::cli {

/// Runs the command when it is a library command or names a library URI; nothing otherwise
/// (cli::run goes on with the workspace commands).
std::optional<int> runLibrary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The --help lines of these commands.
const char* libraryHelp();

} // namespace crosswalk::cli
