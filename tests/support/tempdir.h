#pragma once

// A scratch directory for tests and benchmarks (no Catch2, no Qt, so that both use it).

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace crosswalk::test {

/// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
  public:
    explicit TempDir(const std::string& prefix = "crosswalk-storage")
    {
        std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("mkdtemp failed for " + pattern);
        m_path = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir()
    {
        std::error_code ec;
        // A test may have made things read-only; give write access back so removal works.
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, ec);
        for (const auto& entry : std::filesystem::directory_iterator(m_path, ec))
            std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

} // namespace crosswalk::test
