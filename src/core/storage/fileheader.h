#pragma once

// Reading a workspace file's SQLite header ourselves, before SQLite sees the file, so that a
// file that is not ours is refused without SQLite touching it (no journal, no -wal, no -shm).

#include <cstdint>
#include <string>

namespace crosswalk::storage {

/// The fields of the 100-byte SQLite header that decide whether we may open a file.
/// All multi-byte fields are big-endian in the file.
struct FileHeader {
    std::uint64_t fileSize = 0;
    bool isSqlite = false;             // starts with "SQLite format 3\0"
    bool complete = false;             // the whole 100-byte header is there
    std::uint32_t pageSize = 0;        // offset 16 (1 means 65536)
    std::uint32_t changeCounter = 0;   // offset 24
    std::uint32_t pageCount = 0;       // offset 28, valid only when versionValidFor == changeCounter
    std::uint32_t userVersion = 0;     // offset 60: our schema version
    std::uint32_t applicationId = 0;   // offset 68
    std::uint32_t versionValidFor = 0; // offset 92

    /// The size the header says the file has, or 0 when the header does not say.
    std::uint64_t declaredSize() const;
};

/// Reads the header of an existing regular file. Throws WorkspaceError ("no workspace at
/// PATH", "PATH is a directory ...", "cannot read PATH: ...") when it cannot.
FileHeader readFileHeader(const std::string& path);

} // namespace crosswalk::storage
