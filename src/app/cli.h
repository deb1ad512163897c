#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace crosswalk::cli {

inline constexpr int kOk = 0;
inline constexpr int kUserError = 1;
inline constexpr int kUsage = 2;

/// Runs a headless subcommand (args without the program name). Returns nothing when the
/// arguments ask for the GUI (no subcommand), else the exit status.
std::optional<int> run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Writes the bundled demo workspace to path (which must not exist yet).
void writeDemoWorkspace(const std::string& path);

} // namespace crosswalk::cli
