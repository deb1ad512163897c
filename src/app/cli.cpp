#include "cli.h"
#include "clilibrary.h"

#include "crosswalk/compare/compare.h"
#include "crosswalk/demo/demo.h"
#include "crosswalk/facilitation/session.h"
#include "crosswalk/insights/sessionrecord.h"
#include "crosswalk/interchange/interchange.h"
#include "crosswalk/io/atomicfile.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/placement.h"
#include "crosswalk/storage/networklibrary.h"
#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparisonprintout.h"
#include "ui/print/exportfonts.h"
#include "ui/print/exportoptions.h"
#include "ui/export/mapexporter.h"
#include "ui/session/sessionprintout.h"

#include <QApplication>
#include <QByteArray>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <unistd.h>

namespace crosswalk::cli {
namespace {

constexpr const char* kHelp = R"(Crosswalk: swimlane process maps of principal evaluation and support.

Usage:
  crosswalk [WORKSPACE]                    open the app (no argument: last workspace, else the demo)
  crosswalk demo OUT.crosswalk             write the bundled demo workspace
  crosswalk new OUT.crosswalk              create an empty workspace (the app opens it on its start page)
  crosswalk list WORKSPACE                 one line per map: id, district, title, steps (tab-separated)
  crosswalk import WORKSPACE FILE          add the maps of FILE (the workspace is created if missing);
                                           prints each new map's id. FILE is recognised by its content:
                                           Crosswalk JSON, BPMN 2.0, draw.io or a step table (CSV); for
                                           other formats a report of what was made and what was left
                                           out, and why, goes to standard error
  crosswalk export WORKSPACE --map REF --format json|pdf|svg|png|bpmn|drawio|csv -o FILE [options]
                                           write one map; FILE "-" is standard output
      --paper letter|legal|tabloid|a4|a3   PDF paper (default tabloid, 11x17)
      --orientation landscape|portrait     (default landscape)
      --margin MM                          page margins in millimetres (default 10)
      --fit | --tiles CxR | --pages-wide N PDF layout. Default: the fewest pages on which step labels
                                           print at 8 pt or more (one page, or tiles). --fit: whole
                                           map on one page; --tiles: C x R pages; --pages-wide: N
                                           pages across, as many down as needed. Tiles come with an
                                           overview page and lane and phase headers on every page
      --votes                              PDF: the session's votes as dots on the steps
      --parking-lot                        PDF: the session's parking lot as an appendix
      --no-annotations KIND,...            leave out annotation kinds: black_box, harm, variation,
                                           question, insight, change_idea
      --greyscale                          grey instead of colour (PDF, SVG, PNG)
      --dpi N                              PNG resolution (default 192: twice the canvas)
      --width PX                           SVG, PNG for slides: the picture's width in pixels;
                                           warns when step labels come out under 11 px (8 pt)
      --revision NAME                      revision name for the PDF title block
  crosswalk compare WORKSPACE --map REF --map REF [...] --format json|pdf -o FILE [options]
                                           compare 2-8 maps pairwise: lane crosswalk, step matches,
                                           steps only in one map (FILE "-" is standard output);
                                           pdf is the comparison report: overlay, grid, differences
      --paper, --orientation, --margin, --greyscale, --revision   as for export (pdf only)
      --min-score X                        least calibrated score of a proposed step match (json
                                           and pdf), 0 to 1 (default 0.5; decided matches always stay)
      --candidates N                       json: list each step's N next-best partners
  crosswalk list WORKSPACE --sessions      one line per session: id, title, date (tab-separated)
  crosswalk export WORKSPACE --session REF --format pdf|json -o FILE
                                           a session's record: agenda, parking lot, notes, votes
                                           and tallies, what changed in each map during the session
                                           (REF: a session id or its exact title)
  crosswalk check WORKSPACE                integrity and schema check
  crosswalk --version | --help

REF is a map id or its exact title.
Exit status: 0 success, 1 a problem with the files or data (message on stderr), 2 wrong usage.
)";

/// Thrown for wrong usage: exit 2 with the message and a pointer to --help.
struct UsageError {
    std::string message;
};
/// Thrown for a problem a user can fix: exit 1 with the message.
struct UserError {
    std::string message;
};

struct Options {
    std::vector<std::string> positional;
    std::vector<std::string> maps;
    std::string format;
    std::string output;
    // export to pdf, svg, png
    std::optional<std::string> paper;
    std::optional<std::string> orientation;
    std::optional<std::string> margin;
    std::optional<std::string> tiles;
    std::optional<std::string> pagesWide;
    std::optional<std::string> width;
    bool votes = false;
    bool parkingLot = false;
    std::optional<std::string> noAnnotations;
    std::optional<std::string> dpi;
    std::optional<std::string> revision;
    bool fit = false;
    bool greyscale = false;
    // compare
    std::optional<std::string> minScore;
    std::optional<std::string> candidates;
    // sessions (issue 17)
    bool sessions = false;                // list --sessions
    std::vector<std::string> sessionRefs; // export --session REF
};

Options parseOptions(const std::vector<std::string>& args, std::size_t from, const std::set<std::string>& allowed)
{
    Options o;
    for (std::size_t i = from; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size())
                throw UsageError{a + " needs a value"};
            return args[++i];
        };
        if (a.size() > 1 && a[0] == '-' && !allowed.count(a))
            throw UsageError{"unknown option " + a};
        if (a == "--map")
            o.maps.push_back(value());
        else if (a == "--format")
            o.format = value();
        else if (a == "-o" || a == "--output")
            o.output = value();
        else if (a == "--paper")
            o.paper = value();
        else if (a == "--orientation")
            o.orientation = value();
        else if (a == "--margin")
            o.margin = value();
        else if (a == "--tiles")
            o.tiles = value();
        else if (a == "--width")
            o.width = value();
        else if (a == "--pages-wide")
            o.pagesWide = value();
        else if (a == "--votes")
            o.votes = true;
        else if (a == "--parking-lot")
            o.parkingLot = true;
        else if (a == "--no-annotations")
            o.noAnnotations = value();
        else if (a == "--min-score")
            o.minScore = value();
        else if (a == "--candidates")
            o.candidates = value();
        else if (a == "--dpi")
            o.dpi = value();
        else if (a == "--revision")
            o.revision = value();
        else if (a == "--fit")
            o.fit = true;
        else if (a == "--greyscale" || a == "--grayscale")
            o.greyscale = true;
        else if (a == "--sessions")
            o.sessions = true;
        else if (a == "--session")
            o.sessionRefs.push_back(value());
        else
            o.positional.push_back(a);
    }
    return o;
}

void expectPositional(const Options& o, std::size_t n, const std::string& usage)
{
    if (o.positional.size() != n)
        throw UsageError{"usage: " + usage};
}

Workspace openExisting(const std::string& path, Workspace::Mode mode)
{
    try {
        return Workspace::open(path, mode);
    } catch (const WorkspaceError& e) {
        throw UserError{e.what()};
    }
}

/// A workspace file or a network library URI, read-only: every read command takes either.
std::unique_ptr<MapStore> openForReading(const std::string& pathOrUri)
{
    if (isLibraryUri(pathOrUri))
        return std::make_unique<NetworkLibrary>(NetworkLibrary::open(pathOrUri, NetworkLibrary::Mode::ReadOnly));
    return std::make_unique<Workspace>(openExisting(pathOrUri, Workspace::Mode::ReadOnly));
}

/// The store's own check (schema, references, the model's rules).
std::vector<std::string> storeProblems(const MapStore& store)
{
    if (const auto* ws = dynamic_cast<const Workspace*>(&store))
        return ws->check();
    if (const auto* lib = dynamic_cast<const NetworkLibrary*>(&store))
        return lib->check();
    return {};
}

int cmdDemo(const Options& o, std::ostream& out)
{
    expectPositional(o, 1, "crosswalk demo OUT.crosswalk");
    if (isLibraryUri(o.positional[0])) {
        // A network library: the six demo maps are added (by its owner, who may store any
        // district's map), all or none checked first.
        NetworkLibrary lib = NetworkLibrary::open(o.positional[0]);
        std::vector<Map> maps;
        for (std::string_view text : demoMapTexts())
            maps.push_back(parseMapJson(text).map);
        for (const Map& m : maps)
            if (lib.hasMap(m.id))
                throw UserError{lib.name() + " already has the demo map " + m.id + "; nothing was added"};
        std::vector<std::string> added;
        try {
            for (const Map& m : maps) {
                lib.addMap(m);
                added.push_back(m.id);
            }
        } catch (const StoreError&) {
            for (const std::string& id : added) // a district role may add only its own: none then
                lib.deleteMap(id);
            throw;
        }
        out << "added the demo maps (" << maps.size() << ") to " << lib.name() << "\n";
        return kOk;
    }
    writeDemoWorkspace(o.positional[0]);
    out << "wrote the demo workspace (" << demoMapTexts().size() << " maps) to " << o.positional[0] << "\n";
    return kOk;
}

/// A field of `list` output: a tab or newline in a title would forge a column or a row, and
/// terminal escape codes would reach the terminal. Backslash, tab, newline, carriage return
/// and other control characters are written as C-style escapes (\\, \t, \n, \r, \xNN).
std::string listField(const std::string& text)
{
    std::string out;
    static constexpr char hex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        // A C1 control character (U+0080 to U+009F, UTF-8 C2 80 to C2 9F): U+009B opens an
        // escape sequence in some terminals, as ESC [ does. Workspaces written before import
        // refused control characters, or by other programs, may hold one.
        if (u == 0xc2 && next >= 0x80 && next <= 0x9f) {
            out += "\\u00";
            out += hex[next >> 4];
            out += hex[next & 0xf];
            ++i;
        } else if (c == '\\')
            out += "\\\\";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (u < 0x20 || u == 0x7f) {
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else
            out += c;
    }
    return out;
}

int cmdList(const Options& o, std::ostream& out)
{
    expectPositional(o, 1, "crosswalk list WORKSPACE");
    const auto store = openForReading(o.positional[0]);
    if (o.sessions) { // the sessions instead of the maps: id, title, date
        for (const SessionSummary& session : store->listSessions())
            out << listField(session.id) << '\t' << listField(session.title) << '\t' << listField(session.date) << '\n';
        return kOk;
    }
    for (const MapSummary& m : store->listMaps())
        out << listField(m.id) << '\t' << listField(m.district) << '\t' << listField(m.title) << '\t' << m.steps
            << '\n';
    return kOk;
}

int cmdImport(const Options& o, std::ostream& out, std::ostream& err)
{
    expectPositional(o, 2, "crosswalk import WORKSPACE FILE");
    const std::string& wsPath = o.positional[0];
    const std::string& file = o.positional[1];
    const std::string text = readFile(file, kMaxImportBytes);
    FileFormat format = recogniseFormat(text);
    // A file named .json that is not even JSON gets the JSON reader's message, as it always did.
    if (format == FileFormat::Unknown && std::filesystem::path(file).extension() == ".json")
        format = FileFormat::CrosswalkJson;
    // Crosswalk JSON is one map with plain notices; the other formats give every map of the
    // file and a report of what was left out.
    struct Parsed {
        std::optional<ImportResult> json;
        InterchangeResult other;
    };
    auto parse = [&](const MapStore* ws) {
        const auto taken = [&](const std::string& id) { return ws && ws->hasMap(id); };
        Parsed parsed;
        try {
            if (format == FileFormat::CrosswalkJson) {
                parsed.json = parseMapJson(text, taken);
                // A step drawn in another phase than its own, or on another, is placed by
                // its phase on free room (as every importer does).
                if (std::string moved = layout::settleImported(parsed.json->map); !moved.empty())
                    parsed.json->notices.push_back(std::move(moved));
            } else {
                parsed.other = importMapFile(text, taken);
            }
        } catch (const ImportError& e) {
            const bool named = format != FileFormat::Unknown && format != FileFormat::CrosswalkJson;
            throw UserError{file + (named ? " (" + std::string(displayName(format)) + ")" : std::string()) +
                            " cannot be imported:\n" + e.what()};
        }
        return parsed;
    };
    // What is added, and said, once the file is parsed and the store is open for writing.
    auto addParsed = [&](MapStore& store, Parsed& parsed, const std::string& shown) {
        if (store.readOnly())
            throw UserError{shown + (parsed.json ? " is read-only; the map was not imported"
                                                 : " is read-only; nothing was imported")};
        if (!parsed.json) {
            addImportedMaps(store, parsed.other.maps);
            err << file << ": " << displayName(format) << ", " << parsed.other.maps.size()
                << (parsed.other.maps.size() == 1 ? " map\n" : " maps\n") << importReport(parsed.other);
            for (const Map& map : parsed.other.maps)
                out << map.id << "\n";
            return kOk;
        }
        ImportResult& result = *parsed.json;
        for (int attempt = 0;; ++attempt) {
            try {
                store.addMap(result.map);
                break;
            } catch (const StoreError&) {
                // Another import took the id since we looked: the map gets a new one, as an
                // import of a taken id always does.
                if (attempt >= 3 || !store.hasMap(result.map.id))
                    throw;
                result = *parse(&store).json;
            }
        }
        for (const std::string& notice : result.notices)
            err << notice << "\n";
        if (result.laidOut)
            err << "the file had no positions; the map was laid out automatically\n";
        out << result.map.id << "\n";
        return kOk;
    };
    if (isLibraryUri(wsPath)) {
        // A network library: nothing to create, and opening it for writing changes nothing.
        NetworkLibrary lib = NetworkLibrary::open(wsPath);
        Parsed parsed = parse(&lib);
        return addParsed(lib, parsed, lib.name());
    }
    // Parse and validate before the workspace is opened for writing (or created): opening
    // for writing may upgrade an older schema and removes maps deleted long ago, so a file
    // that is refused must find the workspace only read.
    std::optional<Workspace> reader;
    if (std::filesystem::exists(wsPath)) {
        try {
            reader.emplace(Workspace::open(wsPath, Workspace::Mode::ReadOnly));
        } catch (const WorkspaceError&) {
            // An older schema opens only for writing; the open below says what is wrong.
        }
    }
    Parsed parsed = parse(reader ? &*reader : nullptr);
    reader.reset();
    std::optional<Workspace> ws;
    if (!std::filesystem::exists(wsPath)) {
        try {
            ws.emplace(Workspace::create(wsPath));
            err << "created the workspace " << wsPath << "\n";
        } catch (const WorkspaceError& e) {
            if (!std::filesystem::exists(wsPath))
                throw UserError{e.what()};
            // Another import created it first: add to it.
        }
    }
    if (!ws)
        ws.emplace(openExisting(wsPath, Workspace::Mode::ReadWrite));
    return addParsed(*ws, parsed, wsPath);
}

/// The export options given on the command line; wrong values are usage errors.
ExportOptions exportOptions(const Options& o, ExportOptions::Format format)
{
    ExportOptions e; // the defaults, not the dialog's remembered choices: scripts must be repeatable
    e.format = format;
    if (o.paper) {
        const auto paper = ExportOptions::parsePaper(*o.paper);
        if (!paper)
            throw UsageError{"--paper must be letter, legal, tabloid, a4 or a3, not " + *o.paper};
        e.paper = *paper;
    }
    if (o.orientation) {
        if (*o.orientation == "landscape")
            e.orientation = QPageLayout::Landscape;
        else if (*o.orientation == "portrait")
            e.orientation = QPageLayout::Portrait;
        else
            throw UsageError{"--orientation must be landscape or portrait, not " + *o.orientation};
    }
    if (o.margin) {
        bool ok = false;
        const double mm = QString::fromStdString(*o.margin).toDouble(&ok);
        if (!ok || mm < 0 || mm > 50)
            throw UsageError{"--margin must be millimetres between 0 and 50, not " + *o.margin};
        e.marginMm = mm;
    }
    if (o.fit && o.tiles)
        throw UsageError{"give either --fit or --tiles, not both"};
    if (o.pagesWide && (o.fit || o.tiles))
        throw UsageError{"give one of --fit, --tiles and --pages-wide"};
    if (o.fit)
        e.layout = ExportOptions::Layout::Fit;
    if (o.pagesWide) {
        bool ok = false;
        const int n = QString::fromStdString(*o.pagesWide).toInt(&ok);
        if (!ok || n < 1 || n > 12)
            throw UsageError{"--pages-wide must be a whole number from 1 to 12, not " + *o.pagesWide};
        e.layout = ExportOptions::Layout::PagesWide;
        e.pagesWide = n;
    }
    if (o.width) {
        bool ok = false;
        const int px = QString::fromStdString(*o.width).toInt(&ok);
        if (!ok || px < 100 || px > 16000)
            throw UsageError{"--width must be pixels from 100 to 16000, not " + *o.width};
        if (format != ExportOptions::Format::Png && format != ExportOptions::Format::Svg)
            throw UsageError{"--width is for --format svg or png"};
        e.slideWidth = px;
    }
    e.includeVotes = o.votes;
    e.includeParkingLot = o.parkingLot;
    if (o.tiles) {
        e.layout = ExportOptions::Layout::Tiles;
        const auto tiles = ExportOptions::parseTiles(*o.tiles);
        if (!tiles)
            throw UsageError{"--tiles must be COLUMNSxROWS, each 1 to 12 (e.g. 3x2), not " + *o.tiles};
        e.columns = tiles->first;
        e.rows = tiles->second;
    }
    if (o.noAnnotations) {
        std::string bad;
        const auto kinds = ExportOptions::parseKinds(*o.noAnnotations, &bad);
        if (!kinds)
            throw UsageError{"--no-annotations: unknown annotation kind \"" + bad +
                             "\" (kinds: black_box, harm, variation, question, insight, change_idea)"};
        e.hiddenKinds = *kinds;
    }
    if (o.dpi) {
        bool ok = false;
        const int dpi = QString::fromStdString(*o.dpi).toInt(&ok);
        if (!ok || dpi < 24 || dpi > 1200)
            throw UsageError{"--dpi must be a whole number from 24 to 1200, not " + *o.dpi};
        e.dpi = dpi;
    }
    e.greyscale = o.greyscale;
    if (o.revision)
        e.revisionName = QString::fromStdString(*o.revision);
    return e;
}

/// The renderers are the app's scenes, which need a QApplication; the command line has no
/// display, so Qt draws offscreen. Only the commands that draw pay for starting Qt.
std::unique_ptr<QApplication> startQt()
{
    std::unique_ptr<QApplication> app;
    if (!QCoreApplication::instance()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Qt's notes about a missing XDG_RUNTIME_DIR and the like mean nothing to someone
        // exporting a PDF; real problems reach stderr as our own messages.
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fputs(("crosswalk: " + message.toStdString() + "\n").c_str(), stderr);
        });
        static int argc = 1;
        static char name[] = "crosswalk";
        static char* argv[] = {name, nullptr};
        app = std::make_unique<QApplication>(argc, argv);
    }
    ExportFonts::ensureLoaded();
    // The scenes' items use the application font: the bundled one, so that every machine
    // lays out the same lines.
    if (app)
        QApplication::setFont(ExportFonts::applicationFont(QApplication::font()));
    return app;
}

/// export --session: the session record (agenda, parking lot, notes, votes and tallies, what
/// changed in each map) as JSON or PDF.
int cmdExportSession(const Options& o, std::ostream& out)
{
    const std::string usage = "crosswalk export WORKSPACE --session REF --format pdf|json -o FILE";
    if (o.sessionRefs.size() != 1 || !o.maps.empty())
        throw UsageError{"export takes one --session (and no --map)\nusage: " + usage};
    if (o.output.empty())
        throw UsageError{"export needs -o FILE\nusage: " + usage};
    if (o.format != "json" && o.format != "pdf")
        throw UsageError{"--format must be json or pdf for a session" + (o.format.empty() ? "" : ", not " + o.format)};
    const bool pdf = o.format == "pdf";
    if (!pdf && (o.paper || o.orientation || o.margin || o.greyscale || o.revision))
        throw UsageError{"--paper, --orientation, --margin, --greyscale and --revision are for --format pdf"};
    if (o.tiles || o.fit || o.pagesWide || o.width || o.votes || o.parkingLot || o.noAnnotations || o.dpi)
        throw UsageError{"a session record takes only --paper, --orientation, --margin and --greyscale"};
    ExportOptions options = pdf ? exportOptions(o, ExportOptions::Format::Pdf) : ExportOptions();
    // A record is pages of tables: letter, portrait, unless asked otherwise.
    if (!o.paper)
        options.paper = QPageSize::Letter;
    if (!o.orientation)
        options.orientation = QPageLayout::Portrait;
    const auto store = openForReading(o.positional[0]); // a workspace file or a library URI
    const SessionRecord record =
        buildSessionRecord(*store, store->loadSession(store->resolveSession(o.sessionRefs[0])));
    std::string bytes;
    if (pdf) {
        const auto app = startQt();
        SessionPrintout printout(record, options);
        const QByteArray pdfBytes = printout.toPdf();
        bytes.assign(pdfBytes.constData(), static_cast<std::size_t>(pdfBytes.size()));
    } else {
        bytes = sessionRecordToJson(record);
    }
    if (o.output == "-")
        out << bytes;
    else
        writeFileAtomically(o.output, bytes);
    return kOk;
}

int cmdExport(const Options& o, std::ostream& out, std::ostream& err)
{
    const std::string usage = "crosswalk export WORKSPACE --map REF --format json|pdf|svg|png|bpmn|drawio|csv -o FILE";
    expectPositional(o, 1, usage);
    if (!o.sessionRefs.empty())
        return cmdExportSession(o, out);
    if (o.maps.size() != 1)
        throw UsageError{"export takes exactly one --map\nusage: " + usage};
    if (o.output.empty())
        throw UsageError{"export needs -o FILE\nusage: " + usage};
    static const std::map<std::string, ExportOptions::Format> formats = {{"json", ExportOptions::Format::Json},
                                                                          {"pdf", ExportOptions::Format::Pdf},
                                                                          {"svg", ExportOptions::Format::Svg},
                                                                          {"png", ExportOptions::Format::Png}};
    // Other tools' formats: written by core, no drawing.
    if (const auto other = parseFormatKey(o.format); other && *other != FileFormat::CrosswalkJson) {
        if (o.paper || o.orientation || o.margin || o.tiles || o.fit || o.noAnnotations || o.dpi || o.greyscale ||
            o.revision)
            throw UsageError{"--paper, --orientation, --margin, --fit, --tiles, --no-annotations, --greyscale, --dpi "
                             "and --revision are for pdf, svg and png"};
        if (!canExport(*other))
            throw UserError{std::string(displayName(*other)) + " export is not available in this build"};
        const auto store = openForReading(o.positional[0]);
        const std::string text = exportMapFile(store->loadMap(store->resolveMap(o.maps[0])), *other);
        if (o.output == "-")
            out << text;
        else
            writeFileAtomically(o.output, text);
        return kOk;
    }
    const auto format = formats.find(o.format);
    if (format == formats.end())
        throw UsageError{"--format must be json, pdf, svg, png, bpmn, drawio or csv" +
                         (o.format.empty() ? "" : ", not " + o.format)};
    if (format->second == ExportOptions::Format::Json) {
        const auto store = openForReading(o.positional[0]);
        const std::string json = mapToJson(store->loadMap(store->resolveMap(o.maps[0])));
        if (o.output == "-")
            out << json;
        else
            writeFileAtomically(o.output, json);
        return kOk;
    }
    const ExportOptions options = exportOptions(o, format->second);
    const auto store = openForReading(o.positional[0]);
    const Map map = store->loadMap(store->resolveMap(o.maps[0]));

    // The renderer is the canvas's scene, which needs a QApplication.
    const auto app = startQt();
    // Warned, not refused: the rest of the map still prints, and the message says where.
    for (const QString& warning : MapExporter::fontWarnings(map, options))
        err << "crosswalk: warning: " << warning.toStdString() << "\n";
    if (options.slideWidth > 0)
        if (const QString warning = MapExporter::slideWarning(map, options); !warning.isEmpty())
            err << "crosswalk: warning: " << warning.toStdString() << "\n";
    const QByteArray bytes = MapExporter::render(map, options);
    if (o.output == "-")
        out.write(bytes.constData(), bytes.size());
    else
        writeFileAtomically(o.output, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    return kOk;
}

// --min-score and --candidates, checked.
CompareOptions compareOptions(const Options& o)
{
    CompareOptions options;
    if (o.minScore) {
        std::size_t used = 0;
        double value = -1.0;
        try {
            value = std::stod(*o.minScore, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != o.minScore->size() || !(value >= 0.0 && value <= 1.0))
            throw UsageError{"--min-score must be a number from 0 to 1, not " + *o.minScore};
        options.minScore = value;
    }
    if (o.candidates) {
        const std::string& text = *o.candidates;
        if (text.empty() || text.size() > 3 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            throw UsageError{"--candidates must be a whole number from 0 to 100, not " + text};
        const int n = std::stoi(text);
        if (n > 100)
            throw UsageError{"--candidates must be a whole number from 0 to 100, not " + text};
        options.candidates = static_cast<std::size_t>(n);
    }
    return options;
}

int cmdCompare(const Options& o, std::ostream& out)
{
    const std::string usage = "crosswalk compare WORKSPACE --map REF --map REF [...] --format json|pdf -o FILE";
    expectPositional(o, 1, usage);
    if (o.maps.size() < 2)
        throw UsageError{"compare needs at least two --map\nusage: " + usage};
    if (o.maps.size() > kMaxComparedMaps)
        throw UsageError{"compare takes at most " + std::to_string(kMaxComparedMaps) + " maps"};
    if (o.output.empty())
        throw UsageError{"compare needs -o FILE\nusage: " + usage};
    if (o.format != "json" && o.format != "pdf")
        throw UsageError{"--format must be json or pdf" + (o.format.empty() ? "" : ", not " + o.format)};
    const bool pdf = o.format == "pdf";
    if (!pdf && (o.paper || o.orientation || o.margin || o.greyscale || o.revision))
        throw UsageError{"--paper, --orientation, --margin, --greyscale and --revision are for --format pdf"};
    const CompareOptions matching = compareOptions(o); // checked before any file is opened
    if (pdf && o.candidates)
        throw UsageError{"--candidates is for --format json (the report lists matches, not candidates)"};
    const ExportOptions options = pdf ? exportOptions(o, ExportOptions::Format::Pdf) : ExportOptions();
    const auto store = openForReading(o.positional[0]);
    MapStore& ws = *store;
    std::vector<std::string> ids;
    std::vector<Map> maps;
    for (const std::string& ref : o.maps) {
        ids.push_back(ws.resolveMap(ref));
        if (std::count(ids.begin(), ids.end(), ids.back()) > 1)
            throw UserError{"map " + ids.back() + " is named twice; compare different maps"};
        maps.push_back(ws.loadMap(ids.back()));
    }
    if (pdf) {
        // The report draws the comparison window's overlay: the session the window uses.
        const auto app = startQt();
        CompareSession session(ws, ids);
        session.setMatchOptions(matching); // --min-score: the report shows the matches the JSON lists
        ComparisonPrintout printout(session, options);
        const QByteArray bytes = printout.toPdf();
        if (o.output == "-")
            out.write(bytes.constData(), bytes.size());
        else
            writeFileAtomically(o.output, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        return kOk;
    }
    const std::string json = comparisonToJson(compareMaps(maps, ws.loadDecisions(ids), matching));
    if (o.output == "-")
        out << json;
    else
        writeFileAtomically(o.output, json);
    return kOk;
}

int cmdCheck(const Options& o, std::ostream& out)
{
    expectPositional(o, 1, "crosswalk check WORKSPACE");
    const auto store = openForReading(o.positional[0]);
    const MapStore& ws = *store;
    // A URI is named as the store names it: without its password.
    const std::string shown = isLibraryUri(o.positional[0]) ? ws.name() : o.positional[0];
    auto problems = storeProblems(ws);
    if (problems.empty()) {
        // The drawing rules too: a step drawn in another phase than its own is counted there by
        // Insights and the comparison; a step on top of another hides its label.
        for (const MapSummary& m : ws.listMaps())
            for (const std::string& p : layout::placementProblems(ws.loadMap(m.id)))
                problems.push_back("map \"" + m.id + "\": " + p);
    }
    if (!problems.empty()) {
        std::string all = shown + " has " + std::to_string(problems.size()) + " problem(s):";
        for (const auto& p : problems)
            all += "\n  " + p;
        throw UserError{all};
    }
    out << shown << ": ok, " << ws.listMaps().size() << " maps\n";
    return kOk;
}

} // namespace

void writeDemoWorkspace(const std::string& path)
{
    if (std::filesystem::exists(path))
        throw FileError(path + " already exists; choose another name or remove it first");
    std::vector<Map> maps;
    for (std::string_view text : demoMapTexts())
        maps.push_back(parseMapJson(text).map);
    // Build next to the target and rename, so a failure leaves no half-written demo. The
    // temporary name is this process's own: a file the user has (X.part) is never touched.
    const std::string temp = path + ".part-" + std::to_string(::getpid());
    if (std::filesystem::exists(temp))
        throw FileError(temp + " already exists; remove it first");
    {
        Workspace ws = Workspace::create(temp);
        for (const Map& m : maps)
            ws.addMap(m);
        ws.saveSession(demoSession(maps), 0); // the third monthly session of the six districts
    }
    std::filesystem::rename(temp, path);
}

std::optional<int> run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (args.empty())
        return std::nullopt;
    const std::string& cmd = args[0];
    if (auto status = runLibrary(args, out, err)) // network library commands and URIs (clilibrary.cpp)
        return status;
    try {
        if (cmd == "--version" || cmd == "-v") {
            out << "crosswalk " << CROSSWALK_VERSION << "\n";
            return kOk;
        }
        if (cmd == "--help" || cmd == "-h" || cmd == "help") {
            out << kHelp << libraryHelp();
            return kOk;
        }
        static const std::map<std::string, std::set<std::string>> options = {
            {"demo", {}},
            {"new", {}},
            {"list", {"--sessions"}},
            {"import", {}},
            {"export",
             {"--map", "--format", "-o", "--output", "--paper", "--orientation", "--margin", "--fit", "--tiles",
              "--pages-wide", "--votes", "--parking-lot", "--width", "--no-annotations", "--greyscale", "--grayscale", "--dpi", "--revision",
              "--session"}},
            {"compare",
             {"--map", "--format", "-o", "--output", "--paper", "--orientation", "--margin", "--greyscale",
              "--grayscale", "--revision", "--min-score", "--candidates"}},
            {"check", {}},
        };
        const auto known = options.find(cmd);
        if (known == options.end()) {
            if (!cmd.empty() && cmd[0] == '-')
                throw UsageError{"unknown option " + cmd};
            return std::nullopt; // a workspace path: the GUI opens it
        }
        const Options o = parseOptions(args, 1, known->second);
        // A workspace in a sync folder (issue 19): a note on stderr, the command goes on.
        if (!o.positional.empty())
            if (const std::string note = Workspace::syncFolderWarning(o.positional[0]); !note.empty())
                err << "crosswalk: note: " << note << "\n";
        if (cmd == "demo")
            return cmdDemo(o, out);
        if (cmd == "new") {
            if (o.positional.size() != 1)
                throw UsageError{"new takes one path: crosswalk new OUT.crosswalk"};
            Workspace::create(o.positional[0]); // refuses a path that exists, naming it
            out << "created an empty workspace at " << o.positional[0] << "\n";
            return kOk;
        }
        if (cmd == "list")
            return cmdList(o, out);
        if (cmd == "import")
            return cmdImport(o, out, err);
        if (cmd == "export")
            return cmdExport(o, out, err);
        if (cmd == "compare")
            return cmdCompare(o, out);
        return cmdCheck(o, out);
    } catch (const UsageError& e) {
        err << "crosswalk: " << e.message << "\n(see crosswalk --help)\n";
        return kUsage;
    } catch (const UserError& e) {
        err << "crosswalk: " << e.message << "\n";
        return kUserError;
    } catch (const std::exception& e) {
        // FileError, WorkspaceError, ImportError, EditError: all are problems with data or files.
        err << "crosswalk: " << e.what() << "\n";
        return kUserError;
    }
}

} // namespace crosswalk::cli
