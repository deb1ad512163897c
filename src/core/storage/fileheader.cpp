#include "fileheader.h"

#include "crosswalk/storage/workspace.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace crosswalk::storage {
namespace {

constexpr char kMagic[] = "SQLite format 3"; // followed by its terminating NUL: 16 bytes

std::uint32_t be32(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

std::uint32_t be16(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 8) | std::uint32_t{p[1]};
}

} // namespace

std::uint64_t FileHeader::declaredSize() const
{
    // The in-header page count is only trustworthy when the version-valid-for number
    // matches the change counter (older writers did not maintain it).
    if (!complete || pageCount == 0 || versionValidFor != changeCounter)
        return 0;
    const std::uint64_t size = pageSize == 1 ? 65536u : pageSize;
    return size * pageCount;
}

FileHeader readFileHeader(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            throw WorkspaceError("no workspace at " + path);
        throw WorkspaceError("cannot read " + path + ": " + std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode))
        throw WorkspaceError(path + " is a directory, not a Crosswalk workspace");
    if (!S_ISREG(st.st_mode))
        throw WorkspaceError(path + " is not a Crosswalk workspace (it is not a regular file)");

    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw WorkspaceError("cannot read " + path + ": " + std::strerror(errno));
    std::array<unsigned char, 100> bytes{};
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    const auto got = static_cast<std::size_t>(in.gcount());

    FileHeader header;
    header.fileSize = static_cast<std::uint64_t>(st.st_size);
    header.isSqlite = got >= sizeof kMagic && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0;
    header.complete = got == bytes.size();
    if (header.complete) {
        header.pageSize = be16(&bytes[16]);
        header.changeCounter = be32(&bytes[24]);
        header.pageCount = be32(&bytes[28]);
        header.userVersion = be32(&bytes[60]);
        header.applicationId = be32(&bytes[68]);
        header.versionValidFor = be32(&bytes[92]);
    }
    return header;
}

} // namespace crosswalk::storage
