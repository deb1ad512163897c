#include "crosswalk/io/atomicfile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
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
    // What -o names may be a link: write through it, to the real file, which keeps its name
    // (and the link stays a link). A device, pipe or socket is never replaced by a regular
    // file: that would break whatever it is (as root, /dev/stdout was replaced).
    fs::path target(path);
    ::mode_t mode = 0;
    bool existed = false;
    struct stat link {};
    if (::lstat(path.c_str(), &link) == 0) {
        if (S_ISLNK(link.st_mode)) {
            char real[PATH_MAX];
            if (::realpath(path.c_str(), real) == nullptr)
                throw FileError("cannot write " + path + ": it is a link to " +
                                (errno == ENOENT ? std::string("a file that does not exist") : systemReason(errno)));
            target = real;
        }
        struct stat st {};
        if (::stat(target.c_str(), &st) != 0)
            throw FileError("cannot write " + path + ": " + systemReason(errno));
        if (S_ISDIR(st.st_mode))
            throw FileError("cannot write " + path + ": it is a folder");
        if (!S_ISREG(st.st_mode))
            throw FileError("cannot write " + path + ": it is not a regular file (a device, pipe or socket); "
                            "Crosswalk writes exports to files, or to standard output with -o -");
        existed = true;
        mode = st.st_mode & 07777;
    }
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    std::string tempName = ".";
    tempName += target.filename().string();
    tempName += ".tmp";
    tempName += std::to_string(rd() % 1000000);
    const fs::path temp = folder / tempName;

    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
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
    // The file keeps its permissions (a private 0600 export stays private); a new file
    // gets the usual 0666 less the umask, as open() gives it.
    if (existed && ::fchmod(fd, mode) != 0)
        fail(errno);
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
