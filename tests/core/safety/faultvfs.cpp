#include "faultvfs.h"

#include "support/randommap.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace crosswalk::test {

const char* toString(Fault fault)
{
    switch (fault) {
    case Fault::Read:
        return "read";
    case Fault::Write:
        return "write";
    case Fault::Sync:
        return "sync";
    case Fault::Truncate:
        return "truncate";
    case Fault::Lock:
        return "lock";
    }
    return "?";
}

namespace {

/// One change to a file not yet synced: what it replaced, so that a power cut can undo it.
struct Unsynced {
    std::int64_t offset = 0;
    std::string before; // the bytes at offset before the change (within the old size)
    std::string after;  // the bytes written (empty for a truncation)
    std::int64_t sizeBefore = 0;
    std::int64_t sizeAfter = 0;
    bool truncation = false;
};

std::int64_t realSize(sqlite3_file* real)
{
    sqlite3_int64 size = 0;
    if (real->pMethods->xFileSize(real, &size) != SQLITE_OK)
        return 0;
    return size;
}

std::string realRead(sqlite3_file* real, std::int64_t offset, std::int64_t amount)
{
    std::string bytes(static_cast<std::size_t>(std::max<std::int64_t>(amount, 0)), '\0');
    if (amount > 0)
        real->pMethods->xRead(real, bytes.data(), static_cast<int>(amount), offset); // short reads zero-fill
    return bytes;
}

} // namespace

struct FaultVfs::File {
    sqlite3_file base; // must come first: SQLite sees a File* as a sqlite3_file*
    sqlite3_file* real;
    std::string name;
    std::vector<Unsynced> unsynced;
};

// The sqlite3_io_methods and sqlite3_vfs callbacks. Each forwards to the real VFS unless the
// armed fault says this call fails; failing calls do nothing, as a failed system call would.
struct FaultVfsMethods {
    using File = FaultVfs::File;
    static FaultVfs& vfs() { return FaultVfs::instance(); }
    static sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

    static int close(sqlite3_file* f)
    {
        File* file = reinterpret_cast<File*>(f);
        auto& open = vfs().m_open;
        open.erase(std::remove(open.begin(), open.end(), file), open.end());
        const int rc = file->real->pMethods->xClose(file->real);
        file->~File();
        return rc;
    }
    static int read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset)
    {
        if (vfs().fails(Fault::Read))
            return SQLITE_IOERR_READ;
        return real(f)->pMethods->xRead(real(f), buffer, amount, offset);
    }
    static int write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset)
    {
        FaultVfs& v = vfs();
        File* file = reinterpret_cast<File*>(f);
        if (v.fails(Fault::Write))
            return SQLITE_IOERR_WRITE;
        if (v.m_cutAt != 0 && v.m_calls[FaultVfs::index(Fault::Write)] == v.m_cutAt) {
            v.m_cutUnsynced = v.powerCutImage(v.m_cutSource, v.m_cutTarget, v.m_cutSeed);
            v.m_cutTaken = true;
            v.m_cutAt = 0;
        }
        const std::int64_t size = realSize(file->real);
        if (v.m_quota && offset + amount > size && v.openBytes() + (offset + amount - size) > *v.m_quota) {
            ++v.m_fullErrors;
            return SQLITE_FULL;
        }
        if (v.m_recording) {
            Unsynced change;
            change.offset = offset;
            change.before = realRead(file->real, offset, std::min<std::int64_t>(amount, size - offset));
            change.after.assign(static_cast<const char*>(data), static_cast<std::size_t>(amount));
            change.sizeBefore = size;
            change.sizeAfter = std::max<std::int64_t>(size, offset + amount);
            file->unsynced.push_back(std::move(change));
        }
        return file->real->pMethods->xWrite(file->real, data, amount, offset);
    }
    static int truncate(sqlite3_file* f, sqlite3_int64 size)
    {
        FaultVfs& v = vfs();
        File* file = reinterpret_cast<File*>(f);
        if (v.fails(Fault::Truncate))
            return SQLITE_IOERR_TRUNCATE;
        if (v.m_recording) {
            Unsynced change;
            change.offset = size;
            change.sizeBefore = realSize(file->real);
            change.sizeAfter = size;
            change.before = realRead(file->real, size, change.sizeBefore - size);
            change.truncation = true;
            file->unsynced.push_back(std::move(change));
        }
        return file->real->pMethods->xTruncate(file->real, size);
    }
    static int sync(sqlite3_file* f, int flags)
    {
        if (vfs().fails(Fault::Sync))
            return SQLITE_IOERR_FSYNC;
        const int rc = real(f)->pMethods->xSync(real(f), flags);
        if (rc == SQLITE_OK)
            reinterpret_cast<File*>(f)->unsynced.clear();
        return rc;
    }
    static int fileSize(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
    static int lock(sqlite3_file* f, int level)
    {
        if (vfs().fails(Fault::Lock))
            return SQLITE_IOERR_LOCK;
        return real(f)->pMethods->xLock(real(f), level);
    }
    // Unlocking never fails here: a lock that stays held after a failed unlock is not a fault
    // the system has, and SQLite rightly ignores unlock results in places.
    static int unlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
    static int checkReservedLock(sqlite3_file* f, int* out)
    {
        return real(f)->pMethods->xCheckReservedLock(real(f), out);
    }
    static int fileControl(sqlite3_file* f, int op, void* arg)
    {
        return real(f)->pMethods->xFileControl(real(f), op, arg);
    }
    static int sectorSize(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
    static int deviceCharacteristics(sqlite3_file* f)
    {
        return real(f)->pMethods->xDeviceCharacteristics(real(f));
    }
    static int shmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out)
    {
        return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
    }
    static int shmLock(sqlite3_file* f, int offset, int n, int flags)
    {
        if ((flags & SQLITE_SHM_LOCK) && vfs().fails(Fault::Lock))
            return SQLITE_IOERR_SHMLOCK;
        return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
    }
    static void shmBarrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
    static int shmUnmap(sqlite3_file* f, int deleteFlag) { return real(f)->pMethods->xShmUnmap(real(f), deleteFlag); }
    static int fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out)
    {
        // No memory-mapped reads: every read must come through read() to be counted.
        *out = nullptr;
        (void)f;
        (void)offset;
        (void)amount;
        return SQLITE_OK;
    }
    static int unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p)
    {
        (void)f;
        (void)offset;
        (void)p;
        return SQLITE_OK;
    }

    static constexpr sqlite3_io_methods kMethods = {
        3,        close,  read,     write,    truncate,   sync,  fileSize, lock, unlock, checkReservedLock,
        fileControl, sectorSize, deviceCharacteristics, shmMap, shmLock, shmBarrier, shmUnmap, fetch, unfetch};

    static int open(sqlite3_vfs* self, const char* name, sqlite3_file* f, int flags, int* outFlags)
    {
        (void)self;
        FaultVfs& v = vfs();
        File* file = new (f) File{};
        file->base.pMethods = nullptr;
        file->real = reinterpret_cast<sqlite3_file*>(file + 1);
        file->name = name ? name : "";
        const int rc = v.m_real->xOpen(v.m_real, name, file->real, flags, outFlags);
        if (file->real->pMethods) {
            // The unix VFS speaks version 3; so do we, and nothing more.
            if (file->real->pMethods->iVersion < 3)
                throw std::logic_error("FaultVfs needs a version 3 VFS underneath");
            file->base.pMethods = &kMethods;
            v.m_open.push_back(file);
        } else {
            file->~File();
        }
        return rc;
    }
    static int remove(sqlite3_vfs*, const char* name, int syncDir)
    {
        return vfs().m_real->xDelete(vfs().m_real, name, syncDir);
    }
    static int access(sqlite3_vfs*, const char* name, int flags, int* out)
    {
        return vfs().m_real->xAccess(vfs().m_real, name, flags, out);
    }
    static int fullPathname(sqlite3_vfs*, const char* name, int n, char* out)
    {
        return vfs().m_real->xFullPathname(vfs().m_real, name, n, out);
    }
    static void* dlOpen(sqlite3_vfs*, const char* name) { return vfs().m_real->xDlOpen(vfs().m_real, name); }
    static void dlError(sqlite3_vfs*, int n, char* out) { vfs().m_real->xDlError(vfs().m_real, n, out); }
    static void (*dlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
    {
        return vfs().m_real->xDlSym(vfs().m_real, handle, symbol);
    }
    static void dlClose(sqlite3_vfs*, void* handle) { vfs().m_real->xDlClose(vfs().m_real, handle); }
    static int randomness(sqlite3_vfs*, int n, char* out) { return vfs().m_real->xRandomness(vfs().m_real, n, out); }
    static int sleep(sqlite3_vfs*, int micros) { return vfs().m_real->xSleep(vfs().m_real, micros); }
    static int currentTime(sqlite3_vfs*, double* out) { return vfs().m_real->xCurrentTime(vfs().m_real, out); }
    static int lastError(sqlite3_vfs*, int n, char* out) { return vfs().m_real->xGetLastError(vfs().m_real, n, out); }
    static int currentTimeInt64(sqlite3_vfs*, sqlite3_int64* out)
    {
        return vfs().m_real->xCurrentTimeInt64(vfs().m_real, out);
    }
};

FaultVfs::FaultVfs()
{
    m_real = sqlite3_vfs_find(nullptr);
    if (!m_real || m_real->iVersion < 2)
        throw std::logic_error("FaultVfs: no default VFS of version 2 or later");
    m_vfs.iVersion = 2;
    m_vfs.szOsFile = static_cast<int>(sizeof(File)) + m_real->szOsFile;
    m_vfs.mxPathname = m_real->mxPathname;
    m_vfs.zName = "crosswalk-fault";
    m_vfs.xOpen = FaultVfsMethods::open;
    m_vfs.xDelete = FaultVfsMethods::remove;
    m_vfs.xAccess = FaultVfsMethods::access;
    m_vfs.xFullPathname = FaultVfsMethods::fullPathname;
    m_vfs.xDlOpen = FaultVfsMethods::dlOpen;
    m_vfs.xDlError = FaultVfsMethods::dlError;
    m_vfs.xDlSym = FaultVfsMethods::dlSym;
    m_vfs.xDlClose = FaultVfsMethods::dlClose;
    m_vfs.xRandomness = FaultVfsMethods::randomness;
    m_vfs.xSleep = FaultVfsMethods::sleep;
    m_vfs.xCurrentTime = FaultVfsMethods::currentTime;
    m_vfs.xGetLastError = FaultVfsMethods::lastError;
    m_vfs.xCurrentTimeInt64 = FaultVfsMethods::currentTimeInt64;
    if (sqlite3_vfs_register(&m_vfs, 0) != SQLITE_OK)
        throw std::logic_error("FaultVfs: sqlite3_vfs_register failed");
}

FaultVfs& FaultVfs::instance()
{
    static FaultVfs vfs;
    return vfs;
}

FaultVfs::Scope::Scope()
{
    FaultVfs& v = instance();
    v.disarm();
    v.resetCounts();
    v.m_recording = false;
    v.m_paused = false;
    sqlite3_vfs_register(&v.m_vfs, 1);
}

FaultVfs::Scope::~Scope()
{
    FaultVfs& v = instance();
    v.disarm();
    v.m_recording = false;
    sqlite3_vfs_register(v.m_real, 1);
}

void FaultVfs::arm(Fault kind, long n, bool persistent)
{
    m_kind = kind;
    m_n = m_calls[index(kind)] + n;
    m_persistent = persistent;
    m_failures = 0;
}

void FaultVfs::disarm()
{
    m_kind.reset();
    m_quota.reset();
    m_cutAt = 0;
}

void FaultVfs::cutBeforeWrite(long n, const std::string& source, const std::string& target, std::uint64_t seed)
{
    m_cutAt = m_calls[index(Fault::Write)] + n;
    m_cutSource = source;
    m_cutTarget = target;
    m_cutSeed = seed;
    m_cutTaken = false;
    m_cutUnsynced = 0;
}

void FaultVfs::resetCounts()
{
    m_calls.fill(0);
    m_failures = 0;
    m_fullErrors = 0;
}

bool FaultVfs::fails(Fault kind)
{
    if (m_paused)
        return false;
    const long call = ++m_calls[index(kind)];
    if (!m_kind || *m_kind != kind)
        return false;
    if (call == m_n || (m_persistent && call > m_n)) {
        ++m_failures;
        return true;
    }
    return false;
}

std::int64_t FaultVfs::openBytes() const
{
    std::int64_t total = 0;
    for (File* file : m_open)
        total += realSize(file->real);
    return total;
}

void FaultVfs::recordUnsynced(bool on)
{
    m_recording = on;
    for (File* file : m_open)
        file->unsynced.clear();
}

long FaultVfs::powerCutImage(const std::string& source, const std::string& target, std::uint64_t seed) const
{
    Rng rng(seed);
    long count = 0;
    for (const File* file : m_open) {
        std::string suffix;
        if (file->name == source)
            suffix = "";
        else if (file->name == source + "-wal")
            suffix = "-wal";
        else
            continue; // -shm is rebuilt from the -wal after a power cut; other files are not ours
        std::string image;
        {
            std::ifstream in(file->name, std::ios::binary);
            image.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        auto put = [&](std::int64_t offset, const std::string& bytes) {
            const auto at = static_cast<std::size_t>(offset);
            if (image.size() < at + bytes.size())
                image.resize(at + bytes.size(), '\0');
            std::memcpy(image.data() + at, bytes.data(), bytes.size());
        };
        // Back to the synced state: undo every change, newest first ...
        for (auto it = file->unsynced.rbegin(); it != file->unsynced.rend(); ++it) {
            put(it->offset, it->before);
            image.resize(static_cast<std::size_t>(it->sizeBefore), '\0');
        }
        // ... then redo, oldest first, what the disk happened to keep. A lost extension of the
        // file reads back as zeros when a later kept write lies beyond it.
        for (const Unsynced& change : file->unsynced) {
            ++count;
            const int fate = rng.range(0, 99);
            if (fate < 30)
                continue; // lost
            if (change.truncation) {
                image.resize(static_cast<std::size_t>(change.sizeAfter), '\0');
                continue;
            }
            if (fate < 60 && change.after.size() > 512) { // torn: some sectors only
                for (std::size_t at = 0; at < change.after.size(); at += 512)
                    if (rng.chance(50))
                        put(change.offset + static_cast<std::int64_t>(at), change.after.substr(at, 512));
                continue;
            }
            put(change.offset, change.after);
        }
        std::ofstream out(target + suffix, std::ios::binary | std::ios::trunc);
        out.write(image.data(), static_cast<std::streamsize>(image.size()));
    }
    return count;
}

} // namespace crosswalk::test
