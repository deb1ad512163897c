#pragma once

// Helpers shared by the data-safety tests: child processes (the edit-stream helper), file
// fingerprints and the numbers a run may be asked to scale.

#include "support/storagetest.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

namespace crosswalk::test {

/// A workspace at dir/name holding two maps: a small one and a random one ("m-other").
inline std::string makeTwoMapWorkspace(const TempDir& dir, const std::string& name = "ws.crosswalk")
{
    const std::string path = dir.file(name);
    Workspace ws = Workspace::create(path);
    ws.addMap(smallMap());
    Map other = randomMap(21, mapOptions(30, 30, 5, 4, 3, "o-"));
    other.id = "m-other";
    ws.addMap(other);
    return path;
}

/// A count from the environment (CROSSWALK_KILL_ROUNDS=1000 ...), else the given default.
inline int envCount(const char* name, int fallback)
{
    const char* value = std::getenv(name);
    if (!value || !*value)
        return fallback;
    const int n = std::atoi(value);
    return n > 0 ? n : fallback;
}

/// The edit-stream helper program (tests/tools/editstream.cpp), built beside the tests.
inline std::string editStreamProgram()
{
    return CROSSWALK_EDITSTREAM;
}

/// A child process with a pipe to its standard input and one from its standard output.
class Child {
  public:
    explicit Child(const std::vector<std::string>& args)
    {
        int in[2];
        int out[2];
        REQUIRE(::pipe2(in, O_CLOEXEC) == 0);
        REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        std::vector<char*> argv;
        for (const std::string& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const int rc = ::posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        m_in = in[1];
        m_out = out[0];
        INFO("spawning " << args.front());
        REQUIRE(rc == 0);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            wait();
        }
        if (m_in >= 0)
            ::close(m_in);
        if (m_out >= 0)
            ::close(m_out);
    }

    void send(const std::string& line)
    {
        const std::string text = line + "\n";
        REQUIRE(::write(m_in, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    }

    /// The next line the child prints; nullopt at end of output or after the timeout.
    std::optional<std::string> readLine(int timeoutMs = 30000)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        for (;;) {
            const auto newline = m_buffer.find('\n');
            if (newline != std::string::npos) {
                std::string line = m_buffer.substr(0, newline);
                m_buffer.erase(0, newline + 1);
                return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return std::nullopt;
            pollfd p{m_out, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char chunk[4096];
            const ssize_t n = ::read(m_out, chunk, sizeof chunk);
            if (n <= 0)
                return std::nullopt;
            m_buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }

    /// Everything the child printed until it closed its output (after it died).
    std::vector<std::string> drainLines()
    {
        std::vector<std::string> lines;
        while (auto line = readLine())
            lines.push_back(*line);
        if (!m_buffer.empty()) // a line cut short by the kill
            lines.push_back(std::exchange(m_buffer, {}) + "<cut>");
        return lines;
    }

    void kill() { ::kill(m_pid, SIGKILL); }

    /// Waits for the child to end; returns its wait status.
    int wait()
    {
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_pid = -1;
        return status;
    }

  private:
    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
    std::string m_buffer;
};

/// A 64-bit FNV-1a fingerprint of a file's bytes (empty file and missing file differ).
inline std::uint64_t fingerprint(const std::string& path)
{
    if (!exists(path))
        return 0;
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (const char c : readBytes(path)) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

/// Replays the edit stream the helper applies: the same generator, the same map.
class EditReplay {
  public:
    EditReplay(const Map& start, std::uint64_t seed) : m_map(start), m_rng(seed) {}
    void next()
    {
        const Edit edit = randomEdit(m_map, m_rng);
        apply(m_map, edit);
        ++m_count;
    }
    void advanceTo(long n)
    {
        while (m_count < n)
            next();
    }
    const Map& map() const { return m_map; }
    long count() const { return m_count; }

  private:
    Map m_map;
    Rng m_rng;
    long m_count = 0;
};

} // namespace crosswalk::test
