#include "clilibrary.h"

#include "cli.h"

#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/networklibrary.h"
#include "crosswalk/storage/workspace.h"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <thread>

namespace crosswalk::cli {
namespace {

constexpr const char* kLibraryHelp = R"(
Network library (a PostgreSQL database; WORKSPACE may be a postgresql:// URI everywhere above:
list, import, export in every format, compare --format json|pdf and check; `demo URI` adds
the six demo maps to a library):
  crosswalk library init URI               create the library in an empty database (or migrate it)
  crosswalk library add-district URI --district NAME --role ROLE
                                           let login role ROLE edit the maps of district NAME
  crosswalk library add-facilitator URI --role ROLE
                                           let ROLE read every shared map (and change none)
  crosswalk library share URI --map REF    show a map of your district to the network
  crosswalk library unshare URI --map REF  hide it again
  crosswalk library push WORKSPACE URI --map REF
                                           copy a local map into the library, keeping its id and revisions
  crosswalk library pull URI --map REF WORKSPACE
                                           copy a library map into a local workspace (created if missing)
  crosswalk watch WORKSPACE [--map REF] [--count N]
                                           one JSON line per committed change, until stopped
                                           (or after N lines)
)";

struct Failure {
    int status;
    std::string message;
};
[[noreturn]] void usage(const std::string& text)
{
    throw Failure{kUsage, text};
}
[[noreturn]] void userError(const std::string& text)
{
    throw Failure{kUserError, text};
}

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options;

    std::string one(const std::string& name, const std::string& usageText) const
    {
        const auto it = options.find(name);
        if (it == options.end() || it->second.size() != 1)
            usage("needs exactly one " + name + "\nusage: " + usageText);
        return it->second.front();
    }
    bool has(const std::string& name) const { return options.count(name) > 0; }
};

Args parse(const std::vector<std::string>& args, std::size_t from, const std::set<std::string>& allowed)
{
    Args a;
    for (std::size_t i = from; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 1 && arg[0] == '-') {
            if (!allowed.count(arg))
                usage("unknown option " + arg);
            if (i + 1 >= args.size())
                usage(arg + " needs a value");
            a.options[arg].push_back(args[++i]);
        } else {
            a.positional.push_back(arg);
        }
    }
    return a;
}

void expect(const Args& a, std::size_t n, const std::string& usageText)
{
    if (a.positional.size() != n)
        usage("usage: " + usageText);
}

void requireUri(const std::string& text, const std::string& usageText)
{
    if (!isLibraryUri(text))
        usage(text + " is not a network library URI (postgresql://...)\nusage: " + usageText);
}

std::atomic<bool> g_stop{false};
extern "C" void onStopSignal(int)
{
    g_stop = true;
}

int cmdWatch(const Args& a, std::ostream& out, std::ostream& err)
{
    const std::string usageText = "crosswalk watch WORKSPACE [--map REF] [--count N]";
    expect(a, 1, usageText);
    requireUri(a.positional[0], usageText);
    long count = 0;
    if (a.has("--count")) {
        try {
            count = std::stol(a.one("--count", usageText));
        } catch (const std::logic_error&) {
            usage("--count must be a number");
        }
    }
    NetworkLibrary lib = NetworkLibrary::open(a.positional[0], NetworkLibrary::Mode::ReadOnly);
    const std::string mapId = a.has("--map") ? lib.resolveMap(a.one("--map", usageText)) : std::string();
    std::map<std::string, std::int64_t> versions = lib.versions();
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    err << "watching " << lib.name() << (mapId.empty() ? "" : " (map " + mapId + ")") << "; Ctrl+C stops\n";
    long printed = 0;
    bool offline = false;
    while (!g_stop) {
        try {
            lib.waitForChanges(std::chrono::milliseconds(250));
            for (const LibraryChange& c : lib.changesAfter(versions, mapId)) {
                out << changeToJson(c) << '\n' << std::flush;
                versions[c.mapId] = c.version;
                if (count > 0 && ++printed >= count)
                    return kOk;
            }
            if (offline)
                err << "back online\n";
            offline = false;
        } catch (const LibraryError& e) {
            if (!offline)
                err << "offline: " << e.what() << "\n";
            offline = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
    }
    return kOk;
}

int cmdLibrary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (args.size() < 2)
        usage("crosswalk library init|add-district|add-facilitator|share|unshare|push|pull ...");
    const std::string& sub = args[1];
    if (sub == "init") {
        const Args a = parse(args, 2, {});
        expect(a, 1, "crosswalk library init URI");
        requireUri(a.positional[0], "crosswalk library init URI");
        out << NetworkLibrary::init(a.positional[0]) << "\n";
        return kOk;
    }
    if (sub == "add-district") {
        const std::string u = "crosswalk library add-district URI --district NAME --role ROLE";
        const Args a = parse(args, 2, {"--district", "--role"});
        expect(a, 1, u);
        requireUri(a.positional[0], u);
        const std::string district = a.one("--district", u);
        const std::string role = a.one("--role", u);
        NetworkLibrary::addDistrict(a.positional[0], district, role);
        out << "role " << role << " edits the maps of district \"" << district << "\"\n";
        return kOk;
    }
    if (sub == "add-facilitator") {
        const std::string u = "crosswalk library add-facilitator URI --role ROLE";
        const Args a = parse(args, 2, {"--role"});
        expect(a, 1, u);
        requireUri(a.positional[0], u);
        const std::string role = a.one("--role", u);
        NetworkLibrary::addFacilitator(a.positional[0], role);
        out << "role " << role << " is a facilitator: it reads every shared map\n";
        return kOk;
    }
    if (sub == "share" || sub == "unshare") {
        const std::string u = "crosswalk library " + sub + " URI --map REF";
        const Args a = parse(args, 2, {"--map"});
        expect(a, 1, u);
        requireUri(a.positional[0], u);
        NetworkLibrary lib = NetworkLibrary::open(a.positional[0]);
        const std::string id = lib.resolveMap(a.one("--map", u));
        lib.share(id, sub == "share");
        out << "map " << id << (sub == "share" ? " is shared with the network\n" : " is no longer shared\n");
        return kOk;
    }
    if (sub == "push") {
        const std::string u = "crosswalk library push WORKSPACE URI --map REF";
        const Args a = parse(args, 2, {"--map"});
        expect(a, 2, u);
        requireUri(a.positional[1], u);
        Workspace ws = Workspace::open(a.positional[0], Workspace::Mode::ReadOnly);
        const std::string id = ws.resolveMap(a.one("--map", u));
        NetworkLibrary lib = NetworkLibrary::open(a.positional[1]);
        const std::size_t revisions = pushMap(ws, id, lib);
        out << id << "\n";
        err << "pushed map " << id << " with " << revisions << " revision(s) to " << lib.name() << "\n";
        return kOk;
    }
    if (sub == "pull") {
        const std::string u = "crosswalk library pull URI --map REF WORKSPACE";
        const Args a = parse(args, 2, {"--map"});
        expect(a, 2, u);
        requireUri(a.positional[0], u);
        NetworkLibrary lib = NetworkLibrary::open(a.positional[0], NetworkLibrary::Mode::ReadOnly);
        const std::string id = lib.resolveMap(a.one("--map", u));
        const std::string& path = a.positional[1];
        Workspace ws = std::filesystem::exists(path) ? Workspace::open(path) : Workspace::create(path);
        if (ws.hasMap(id))
            userError(path + " already has map " + id + "; remove it there first, or pull into another file");
        const std::size_t revisions = pullMap(lib, id, ws);
        out << id << "\n";
        err << "pulled map " << id << " with " << revisions << " revision(s) into " << path << "\n";
        return kOk;
    }
    usage("unknown library command " + sub +
          "; one of init, add-district, add-facilitator, share, unshare, push, pull");
}

} // namespace

const char* libraryHelp()
{
    return kLibraryHelp;
}

std::optional<int> runLibrary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (args.empty())
        return std::nullopt;
    // list, import, export, compare and check take a URI in cli.cpp, as they take a file.
    const std::string& cmd = args[0];
    if (cmd != "library" && cmd != "watch")
        return std::nullopt;
    try {
        if (cmd == "library")
            return cmdLibrary(args, out, err);
        return cmdWatch(parse(args, 1, {"--map", "--count"}), out, err);
    } catch (const Failure& f) {
        err << "crosswalk: " << f.message << (f.status == kUsage ? "\n(see crosswalk --help)\n" : "\n");
        return f.status;
    } catch (const std::exception& e) {
        err << "crosswalk: " << e.what() << "\n";
        return kUserError;
    }
}

} // namespace crosswalk::cli
