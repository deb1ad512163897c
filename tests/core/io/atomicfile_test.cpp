#include "crosswalk/io/atomicfile.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {
fs::path freshDir(const std::string& name)
{
    const fs::path dir = fs::temp_directory_path() / ("cw-io-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
} // namespace

TEST_CASE("writeFileAtomically replaces the content and leaves no temporary file", "[io]")
{
    const fs::path dir = freshDir("write");
    const std::string path = (dir / "out.json").string();
    writeFileAtomically(path, "first");
    writeFileAtomically(path, "second, longer");
    CHECK(readFile(path, 1000) == "second, longer");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("writeFileAtomically names the file when it cannot write, and keeps the old one", "[io]")
{
    const fs::path dir = freshDir("fail");
    const std::string path = (dir / "out.json").string();
    writeFileAtomically(path, "keep me");
    REQUIRE_THROWS_WITH(writeFileAtomically((dir / "missing" / "x.json").string(), "data"),
                        Catch::Contains("missing/x.json") && Catch::Contains("No such file"));
    REQUIRE_THROWS_WITH(writeFileAtomically(dir.string(), "data"), Catch::Contains("folder"));
    CHECK(readFile(path, 1000) == "keep me");
}

TEST_CASE("readFile refuses files over the limit and names both sizes", "[io]")
{
    const fs::path dir = freshDir("big");
    const std::string path = (dir / "big.json").string();
    std::ofstream(path) << std::string(3 * 1024 * 1024, 'x');
    REQUIRE_THROWS_WITH(readFile(path, 1024 * 1024), Catch::Contains("3.0 MB") && Catch::Contains("1.0 MB"));
    REQUIRE_THROWS_WITH(readFile((dir / "none.json").string(), 10), Catch::Contains("no file at"));
}

TEST_CASE("writeFileAtomically writes through a link to the real file and keeps its mode", "[io][hardening]")
{
    const fs::path dir = freshDir("link");
    const std::string real = (dir / "private.pdf").string();
    const std::string link = (dir / "link.pdf").string();
    writeFileAtomically(real, "old");
    REQUIRE(::chmod(real.c_str(), 0600) == 0);
    fs::create_symlink(real, link);

    writeFileAtomically(link, "new through the link");
    CHECK(fs::is_symlink(link));
    CHECK(readFile(real, 1000) == "new through the link");
    CHECK((fs::status(real).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));

    writeFileAtomically(real, "again");
    CHECK((fs::status(real).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);
}

TEST_CASE("writeFileAtomically refuses pipes and devices, and links to them, and leaves them as they are",
          "[io][hardening]")
{
    const fs::path dir = freshDir("special");
    const std::string fifo = (dir / "pipe").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string toNull = (dir / "null.svg").string();
    fs::create_symlink("/dev/null", toNull);
    for (const std::string& path : {fifo, toNull}) {
        INFO(path);
        REQUIRE_THROWS_WITH(writeFileAtomically(path, "data"), Catch::Contains("not a regular file") &&
                                                                   Catch::Contains(path));
    }
    CHECK(fs::is_fifo(fifo));
    CHECK(fs::is_symlink(toNull));
    CHECK(fs::is_character_file("/dev/null"));
    const std::string dangling = (dir / "dangling.pdf").string();
    fs::create_symlink((dir / "nowhere" / "x.pdf").string(), dangling);
    REQUIRE_THROWS_WITH(writeFileAtomically(dangling, "data"), Catch::Contains("does not exist"));
    CHECK(fs::is_symlink(dangling));
}
