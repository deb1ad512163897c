#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace crosswalk {

/// A file that could not be read or written; what() names the file and the reason.
class FileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Writes data to path through a temporary file in the same folder, flushed to disk and
/// renamed over path, so that path holds either its old content or the new, never a part.
void writeFileAtomically(const std::string& path, std::string_view data);

/// Reads a whole file; refuses files larger than maxBytes with a message giving both sizes.
std::string readFile(const std::string& path, std::size_t maxBytes);

} // namespace crosswalk
