#pragma once

// A test sqlite3_vfs that wraps the default one (unix) and can
//  - fail the Nth read, write, sync, truncate or lock call, once or from then on;
//  - refuse writes that would grow the files past a size (a full disk);
//  - record the writes not yet synced, to build the file as a power cut could leave it.
//
// While a FaultVfs::Scope lives, the wrapper is SQLite's default VFS, so every connection the
// Workspace opens goes through it without the Workspace knowing: the code under test is the
// code the app runs. Single-threaded, like the tests that use it.

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crosswalk::test {

enum class Fault { Read, Write, Sync, Truncate, Lock };
inline constexpr std::array kAllFaults{Fault::Read, Fault::Write, Fault::Sync, Fault::Truncate, Fault::Lock};
const char* toString(Fault fault);

class FaultVfs {
  public:
    /// The one instance, registered (not as default) on first use.
    static FaultVfs& instance();

    /// Makes the wrapper the default VFS for its lifetime and clears every fault and count.
    class Scope {
      public:
        Scope();
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
    };

    /// From now on, the nth call (1-based) of this kind fails; with persistent, every later one too.
    void arm(Fault kind, long n, bool persistent);
    /// Lifts the fault (and the quota); counts stay.
    void disarm();
    /// While paused, calls are neither counted nor failed (for the test's own look at the file).
    void pause(bool on) { m_paused = on; }
    void resetCounts();
    long calls(Fault kind) const { return m_calls[index(kind)]; }
    /// How many calls the armed fault has failed.
    long failures() const { return m_failures; }

    /// Writes that would make the files opened through the wrapper larger than this many
    /// bytes in total fail with SQLITE_FULL; nullopt lifts the limit.
    void setQuota(std::optional<std::int64_t> bytes) { m_quota = bytes; }
    long fullErrors() const { return m_fullErrors; }
    /// Bytes in the files open through the wrapper (main file, -wal, journal; not -shm).
    std::int64_t openBytes() const;

    /// Power-cut simulation: while recording, every write keeps what it overwrote until the
    /// file is next synced.
    void recordUnsynced(bool on);
    /// Writes copies of the workspace at source (the file and its -wal, as far as they are open
    /// through the wrapper) to target and target + "-wal", as a power cut now could leave
    /// them: each change not yet synced survives whole, is lost (the old bytes are back) or is
    /// torn (512-byte sectors of it lost), at random. Returns how many unsynced changes there were.
    long powerCutImage(const std::string& source, const std::string& target, std::uint64_t seed) const;
    /// Takes powerCutImage(source, target, seed) just before the nth write call from now (so
    /// that the cut lands inside a commit or a checkpoint), once.
    void cutBeforeWrite(long n, const std::string& source, const std::string& target, std::uint64_t seed);
    /// Whether the cut asked for has been taken, and how many unsynced changes it saw.
    bool cutTaken() const { return m_cutTaken; }
    long cutUnsynced() const { return m_cutUnsynced; }

    struct File;

  private:
    FaultVfs();
    static int index(Fault kind) { return static_cast<int>(kind); }
    /// Counts a call of this kind and says whether it must fail.
    bool fails(Fault kind);

    friend struct FaultVfsMethods;
    sqlite3_vfs m_vfs{};
    sqlite3_vfs* m_real = nullptr;
    std::array<long, kAllFaults.size()> m_calls{};
    std::optional<Fault> m_kind;
    long m_n = 0;
    bool m_persistent = false;
    bool m_paused = false;
    long m_failures = 0;
    std::optional<std::int64_t> m_quota;
    long m_fullErrors = 0;
    bool m_recording = false;
    std::vector<File*> m_open;
    long m_cutAt = 0;
    std::string m_cutSource, m_cutTarget;
    std::uint64_t m_cutSeed = 0;
    bool m_cutTaken = false;
    long m_cutUnsynced = 0;
};

} // namespace crosswalk::test
