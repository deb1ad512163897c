#include "crosswalk/io/atomicfile.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

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
