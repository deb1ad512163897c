#include "crosswalk/io/atomicfile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace crosswalk {
namespace {

std::string systemReason(int err) { return std::strerror(err); }

std::string megabytes(std::uintmax_t bytes)
{
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
    return out.str();
}

} // namespace

void writeFileAtomically(const std::string& path, std::string_view data)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    if (fs::is_directory(target))
        throw FileError("cannot write " + path + ": it is a folder");
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    std::string tempName = ".";
    tempName += target.filename().string();
    tempName += ".tmp";
    tempName += std::to_string(rd() % 1000000);
    const fs::path temp = folder / tempName;

    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw FileError("cannot write " + path + ": " + systemReason(errno));
    auto fail = [&](int err) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw FileError("cannot write " + path + ": " + systemReason(err) + "; the existing file, if any, is unchanged");
    };
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(errno);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        fail(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw FileError("cannot write " + path + ": " + systemReason(err));
    }
    if (std::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw FileError("cannot write " + path + ": " + systemReason(err) + "; the existing file, if any, is unchanged");
    }
}

std::string readFile(const std::string& path, std::size_t maxBytes)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw FileError("no file at " + path);
    if (fs::is_directory(path, ec))
        throw FileError(path + " is a folder, not a file");
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw FileError("cannot read " + path + ": " + ec.message());
    if (size > maxBytes)
        throw FileError(path + " is " + megabytes(size) + "; Crosswalk reads files of at most " + megabytes(maxBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw FileError("cannot read " + path + ": " + systemReason(errno));
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size)
        throw FileError("cannot read " + path + ": the file changed while it was read");
    return data;
}

} // namespace crosswalk
