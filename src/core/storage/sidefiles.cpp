#include "sidefiles.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>
#include <cstdio>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace crosswalk::storage {
namespace {

// SQLite's unix locking bytes: every connection of a WAL database holds a read lock on the
// main file's SHARED range, and on the -shm's "dead man switch" byte.
constexpr long long kSharedFirst = 0x40000000LL + 2;
constexpr long long kSharedSize = 510;
constexpr long long kShmDms = 120 + 8;

struct LockRow {
    long pid = 0;
    unsigned major = 0;
    unsigned minor = 0;
    unsigned long long inode = 0;
    long long start = 0;
    long long end = -1; // -1: EOF
};

std::vector<LockRow> readLocks()
{
    std::vector<LockRow> rows;
#ifdef __linux__
    std::ifstream in("/proc/locks");
    std::string line;
    while (std::getline(in, line)) {
        // "1: POSIX  ADVISORY  READ 13562 fe:00:10954983 1073741826 1073742335"
        // (a blocked request has "->" after the number)
        std::istringstream words(line);
        std::string number, kind, advisory, type, pid, id, start, end;
        words >> number >> kind;
        if (kind == "->")
            words >> kind;
        words >> advisory >> type >> pid >> id >> start >> end;
        if (kind != "POSIX" || id.empty())
            continue;
        LockRow row;
        row.pid = std::atol(pid.c_str());
        if (std::sscanf(id.c_str(), "%x:%x:%llu", &row.major, &row.minor, &row.inode) != 3)
            continue;
        row.start = std::atoll(start.c_str());
        row.end = end == "EOF" ? -1 : std::atoll(end.c_str());
        rows.push_back(row);
    }
#endif
    return rows;
}

bool sameFile(const LockRow& row, const FileId& id)
{
    return row.inode == static_cast<unsigned long long>(id.inode) && row.major == ::major(id.device) &&
           row.minor == ::minor(id.device);
}

bool covers(const LockRow& row, long long first, long long last)
{
    return row.start <= last && (row.end < 0 || row.end >= first);
}

} // namespace

std::optional<FileId> fileIdOf(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

SideFiles SideFiles::of(const std::string& file)
{
    return SideFiles{fileIdOf(file + "-wal"), fileIdOf(file + "-shm")};
}

LockTable LockTable::of(const std::string& file)
{
    LockTable table;
    const auto main = fileIdOf(file);
    if (!main)
        return table;
    const auto shm = fileIdOf(file + "-shm");
    std::set<long> holders;
    std::set<long> shmHolders;
    for (const LockRow& row : readLocks()) {
        if (sameFile(row, *main) && covers(row, kSharedFirst, kSharedFirst + kSharedSize - 1))
            holders.insert(row.pid);
        else if (shm && sameFile(row, *shm) && covers(row, kShmDms, kShmDms))
            shmHolders.insert(row.pid);
    }
    table.holders = static_cast<int>(holders.size());
    table.holdersOfShm = static_cast<int>(
        std::count_if(holders.begin(), holders.end(), [&](long pid) { return shmHolders.count(pid) > 0; }));
    return table;
}

std::optional<std::string> syncFolderOf(const std::string& realPath)
{
    static const std::pair<const char*, const char*> folders[] = {
        {"onedrive", "OneDrive"},          {"dropbox", "Dropbox"},
        {"google drive", "Google Drive"},  {"googledrive", "Google Drive"},
        {"my drive", "Google Drive"},      {"com~apple~clouddocs", "iCloud Drive"},
        {"icloud drive", "iCloud Drive"},  {"icloud", "iCloud Drive"},
        {"clouddocs", "iCloud Drive"},     {"cloudstorage", "a cloud storage client"},
        {"nextcloud", "Nextcloud"},        {"owncloud", "ownCloud"},
    };
    std::string lower = realPath;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    std::istringstream parts(lower);
    std::string part;
    while (std::getline(parts, part, '/')) {
        for (const auto& [name, client] : folders) {
            // "OneDrive", "OneDrive - District 12", "Dropbox (Team)"
            if (part == name || part.rfind(std::string(name) + " ", 0) == 0 || part.rfind(std::string(name) + "-", 0) == 0)
                return std::string(client);
        }
    }
    return std::nullopt;
}

std::string realFilePath(const std::string& path)
{
    char buffer[PATH_MAX];
    if (::realpath(path.c_str(), buffer) == nullptr)
        return path;
    return buffer;
}

} // namespace crosswalk::storage

namespace crosswalk::storage {

FileStamp FileStamp::of(const std::string& file)
{
    FileStamp stamp;
    struct stat st {};
    auto ns = [](const timespec& t) { return static_cast<long long>(t.tv_sec) * 1000000000LL + t.tv_nsec; };
    if (::stat(file.c_str(), &st) == 0) {
        stamp.main = FileId{st.st_dev, st.st_ino};
        stamp.size = static_cast<long long>(st.st_size);
        stamp.modifiedNs = ns(st.st_mtim);
        stamp.changedNs = ns(st.st_ctim);
    }
    if (::stat((file + "-wal").c_str(), &st) == 0) {
        stamp.wal = FileId{st.st_dev, st.st_ino};
        stamp.walSize = static_cast<long long>(st.st_size);
        stamp.walModifiedNs = ns(st.st_mtim);
    }
    return stamp;
}

} // namespace crosswalk::storage
