#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/memorystore.h"
#include "ui/canvas/canvasstyle.h"
#include "ui/canvas/flowitem.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/document/mapdocument.h"
#include "ui/export/exportdialog.h"
#include "ui/export/mapexporter.h"
#include "ui/export/mapprintout.h"
#include "ui/print/exportfonts.h"
#include "ui/print/exportoptions.h"
#include "support/appfont.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QScreen>
#include <QTest>
#include <QTextLayout>
#include <QGlyphRun>
#include <QRawFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <set>

using namespace crosswalk;

namespace {

using test::AppFont; // support/appfont.h

Map demoMap(std::size_t index)
{
    return parseMapJson(demoMapTexts().at(index)).map;
}

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(60000));
    INFO(program.toStdString() << " " << args.join(' ').toStdString() << ": " << p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// A word of `pdftotext -bbox`, with its page (from 1) and height in points.
struct Word {
    int page = 0;
    QString text;
    double xMin = 0;
    double height = 0;
};

std::vector<Word> bboxWords(const QString& pdf)
{
    const QString html = run(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    static const QRegularExpression word(QStringLiteral(
        "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>"));
    std::vector<Word> words;
    int page = 0;
    for (const QString& line : html.split('\n')) {
        if (line.contains(QStringLiteral("<page ")))
            ++page;
        const QRegularExpressionMatch m = word.match(line);
        if (m.hasMatch())
            words.push_back({page, m.captured(5).replace(QStringLiteral("&amp;"), QStringLiteral("&")),
                             m.captured(1).toDouble(), m.captured(4).toDouble() - m.captured(2).toDouble()});
    }
    return words;
}

/// The height pdftotext gives a word set at 8 pt in the export font.
double referenceHeight(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("reference.pdf"));
    {
        QPdfWriter writer(path);
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.setFont(ExportFonts::font(ExportOptions::kLegiblePt));
        painter.drawText(QPointF(100, 100), QStringLiteral("Reference"));
    }
    const std::vector<Word> words = bboxWords(path);
    REQUIRE(words.size() == 1);
    return words.front().height;
}

} // namespace

TEST_CASE("The default PDF of every demo map prints its step labels at 8 pt or more", "[export][legible]")
{
    const AppFont font;
    QTemporaryDir dir;
    const double reference = referenceHeight(dir);
    CHECK(reference > 6); // 8 pt type is more than 6 pt from descender to ascender
    for (std::size_t d = 0; d < demoMapTexts().size(); ++d) {
        const Map map = demoMap(d);
        INFO(map.props.title << " (" << map.id << ")");
        const ExportOptions options; // the defaults: Layout::Legible
        MapPrintout printout(map, options);
        INFO("tiles " << printout.tiles().columns() << " x " << printout.tiles().rows() << ", scale "
                      << printout.mapScale() << ", smallest label " << printout.labelPx() << " px = "
                      << printout.labelPt() << " pt");
        CHECK(printout.labelPt() >= ExportOptions::kLegiblePt - 1e-6);
        // No smaller tiling would do: the fewest pages.
        if (printout.tiles().count() > 1)
            CHECK(printout.scaleFor(1, 1) * printout.labelPx() < ExportOptions::kLegiblePt);

        const QString pdf = dir.filePath(QStringLiteral("default%1.pdf").arg(d));
        MapExporter::write(map, options, pdf.toStdString());
        // The pages that show the map at print scale: "Map" or a tile's name.
        std::set<int> mapPages;
        for (int p = 0; p < printout.pageCount(); ++p) {
            const QString name = printout.pageName(p);
            if (name != QStringLiteral("Overview") && name != QStringLiteral("Annotations") && name != QStringLiteral("Steps"))
                mapPages.insert(p + 1);
        }
        REQUIRE_FALSE(mapPages.empty());
        // Words that only step labels use (not lane, phase or flow names, nor page furniture).
        std::set<QString> other;
        auto addOther = [&other](const std::string& text) {
            for (const QString& w : QString::fromStdString(text).split(' ', Qt::SkipEmptyParts))
                other.insert(w);
        };
        for (const Lane& l : map.lanes)
            addOther(l.name);
        for (const Phase& p : map.phases)
            addOther(p.name);
        for (const Flow& f : map.flows)
            addOther(f.label);
        addOther(map.props.title + " " + map.props.district + " " + map.props.focus);
        for (const char* furniture : {"Start End Activity Meeting Decision Document Data source Wait Flow Handoff to another lane",
                                      "Black box Harm point Variation Question Insight Change idea Legend Numbers refer",
                                      "the list of annotations at end left: right: above: below: whole map: page of"})
            addOther(furniture);
        std::set<QString> stepWords;
        for (const Step& s : map.steps)
            for (const QString& w : QString::fromStdString(s.label).split(' ', Qt::SkipEmptyParts))
                if (!other.count(w) && w.size() > 2)
                    stepWords.insert(w);
        int measured = 0;
        for (const Word& w : bboxWords(pdf)) {
            if (!mapPages.count(w.page) || !stepWords.count(w.text))
                continue;
            INFO("page " << w.page << ": \"" << w.text.toStdString() << "\" is " << w.height << " pt high, 8 pt text "
                         << reference);
            CHECK(w.height >= reference * 0.995);
            ++measured;
        }
        CHECK(measured >= static_cast<int>(map.steps.size()));
    }
}


namespace {

/// A small map whose steps are labelled in the languages districts work in.
Map scriptsMap()
{
    Map map;
    map.id = "m-scripts";
    map.props.title = "Family conferences";
    map.props.district = "Lakeside USD";
    map.lanes = {{"l1", "Principal", "#E8F0FE", 160}, {"l2", "Family liaison", "#E6F4EA", 160}};
    map.phases = {{"p1", "Fall", "#FFFFFF", 520}, {"p2", "Spring", "#FFFFFF", 520}};
    auto step = [&map](const char* id, const char* lane, const char* phase, int x, const char* label) {
        Step s;
        s.id = id;
        s.lane = lane;
        s.phase = phase;
        s.x = x;
        s.y = 40;
        s.label = label;
        map.steps.push_back(s);
    };
    step("s1", "l1", "p1", 40, "اجتماع المدير (الخريف)");         // Arabic: principal meeting (fall)
    step("s2", "l1", "p1", 280, "校长会议");                     // Chinese: principal meeting
    step("s3", "l2", "p1", 40, "Reunión con la familia");         // Spanish
    step("s4", "l2", "p1", 280, "Họp phụ huynh đầu năm");         // Vietnamese
    step("s5", "l2", "p2", 560, "Kulanka waalidiinta");           // Somali
    step("s6", "l2", "p2", 800, "Reyinyon ak paran yo");          // Haitian Creole
    step("s7", "l1", "p2", 560, "Sib tham nrog niam txiv");       // Hmong (RPA)
    map.flows = {{"f1", "s1", "s2", ""}, {"f2", "s3", "s4", ""}};
    return map;
}

} // namespace

TEST_CASE("Arabic and Chinese labels print shaped, from embedded fonts, and extract in logical order", "[export][scripts]")
{
    const AppFont font;
    REQUIRE(ExportFonts::missingFamilies().isEmpty()); // fonts-noto-core and fonts-noto-cjk (scripts/setup.sh)
    QTemporaryDir dir;
    const Map map = scriptsMap();
    ExportOptions options;
    options.layout = ExportOptions::Layout::Fit;
    CHECK(MapExporter::fontWarnings(map, options).isEmpty());
    const QString pdf = qEnvironmentVariableIsSet("CROSSWALK_KEEP_PDF") ? qEnvironmentVariable("CROSSWALK_KEEP_PDF")
                                                                       : dir.filePath(QStringLiteral("scripts.pdf"));
    MapExporter::write(map, options, pdf.toStdString());

    // Page 1 is the map; its text in reading order, one line per line of type.
    const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                                          QStringLiteral("1"), pdf, QStringLiteral("-")});
    // What a reader's search or copy gets. Joined Arabic letters are glyphs that only the
    // presentation forms (U+FE70...) map to, and pdftotext marks right-to-left runs with
    // embedding controls: compatibility normalisation (NFKC) and dropping the controls
    // give the letters as typed. Noto Sans CJK draws 长 and the radical ⻓ (U+2ED3) with one
    // glyph, and Qt's PDF writer names a glyph by its lowest code point: fold that back.
    // Shaped: the Arabic words are drawn with joined forms (unshaped text uses only the
    // isolated forms, which the text layer names by the plain letters).
    CHECK(std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0xFE70 && c.unicode() <= 0xFEFC; }));
    QString extracted = text.normalized(QString::NormalizationForm_KC);
    extracted.remove(QRegularExpression(QStringLiteral("[\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]")));
    extracted.replace(QChar(0x2ED3), QChar(0x957F));
    extracted = extracted.simplified();
    INFO(extracted.toStdString());
    for (const Step& s : map.steps) {
        INFO(s.label);
        // Logical order: every word as typed and the words in the order typed (an unshaped
        // or visually ordered run would come out reversed). Brackets are left out: the text
        // layer names a mirrored bracket by the glyph drawn.
        QString label = QString::fromStdString(s.label);
        label.remove(QRegularExpression(QStringLiteral("[()]")));
        qsizetype at = 0;
        for (const QString& word : label.split(' ', Qt::SkipEmptyParts)) {
            INFO(word.toStdString());
            const qsizetype found = extracted.indexOf(word, at);
            CHECK(found >= 0);
            if (found >= 0)
                at = found + word.size();
        }
    }
    // Only the export families are embedded: no fallback font this machine happens to have.
    const QString fonts = run(QStringLiteral("pdffonts"), {pdf});
    INFO(fonts.toStdString());
    CHECK(fonts.contains(QStringLiteral("NotoSansCJK")));
    for (const QString& line : fonts.split('\n', Qt::SkipEmptyParts).mid(2))
        CHECK((line.contains(QStringLiteral("DejaVu")) || line.contains(QStringLiteral("Noto"))));
}

TEST_CASE("A character no export font has is named with its step, not printed as a box unannounced", "[export][scripts]")
{
    const AppFont font;
    Map map = scriptsMap();
    map.steps[2].label = "Meeting \U00013000 notes"; // an Egyptian hieroglyph: no export font has it
    const QStringList warnings = MapExporter::fontWarnings(map, ExportOptions{});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings.front().contains(QStringLiteral("step s3")));
    CHECK(warnings.front().contains(QStringLiteral("U+13000")));
    MapPrintout printout(map, ExportOptions{});
    CHECK(printout.warnings() == warnings);
}

TEST_CASE("Fit to N pages wide keeps N columns and adds rows only as the height needs", "[export][legible]")
{
    const AppFont font;
    const Map map = demoMap(1); // Kestrel Bay: wide and tall
    ExportOptions options;
    options.layout = ExportOptions::Layout::PagesWide;
    for (int wide : {1, 2, 4}) {
        options.pagesWide = wide;
        MapPrintout printout(map, options);
        INFO(wide << " wide: " << printout.tiles().columns() << " x " << printout.tiles().rows());
        CHECK(printout.tiles().columns() == wide);
        CHECK(printout.options().columns == wide);
        // The scale is the one the width allows: more rows would not make the type larger.
        CHECK(printout.mapScale() == Approx(printout.scaleFor(wide, 12)));
        if (printout.tiles().rows() > 1)
            CHECK(printout.scaleFor(wide, printout.tiles().rows() - 1) < printout.mapScale());
    }
    // Wider means larger type.
    options.pagesWide = 1;
    const qreal one = MapPrintout(map, options).labelPt();
    options.pagesWide = 4;
    CHECK(MapPrintout(map, options).labelPt() > one * 2);
    // "Whole map on one page" keeps its meaning, however small its type.
    options.layout = ExportOptions::Layout::Fit;
    MapPrintout fit(map, options);
    CHECK(fit.pageName(0) == QStringLiteral("Map"));
    CHECK(fit.labelPt() < ExportOptions::kLegiblePt);
}

TEST_CASE("Every tile names each phase it shows, even one cut by the page edge", "[export][legible]")
{
    const AppFont font;
    QTemporaryDir dir;
    const Map map = demoMap(1);
    ExportOptions options;
    options.layout = ExportOptions::Layout::Tiles;
    options.columns = 4;
    options.rows = 1;
    MapPrintout printout(map, options);
    const QString pdf = dir.filePath(QStringLiteral("tiles.pdf"));
    MapExporter::write(map, options, pdf.toStdString());
    int cut = 0;
    for (int t = 0; t < printout.tiles().count(); ++t) {
        const QRectF tile = printout.tiles().tile(t);
        const QString page = QString::number(t + 2); // the overview is page 1
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), page, QStringLiteral("-l"), page, pdf,
                                                              QStringLiteral("-")})
                                 .simplified();
        qreal left = 0;
        for (const Phase& p : map.phases) {
            const qreal right = left + p.width;
            // A phase with a usable part of its column on this tile (60 map units: a word).
            if (std::min(right, tile.right()) - std::max(left, tile.left()) >= 60) {
                INFO("tile " << t << " phase " << p.name);
                CHECK(text.contains(QString::fromStdString(p.name)));
                cut += left < tile.left() || right > tile.right();
            }
            left = right;
        }
    }
    CHECK(cut > 0); // the test saw a phase cut by a page edge
}

TEST_CASE("Votes and the parking lot print only when asked", "[export][session]")
{
    const AppFont font;
    QTemporaryDir dir;
    Map map = demoMap(0);
    REQUIRE(map.steps.size() > 3);
    map.votes[map.steps[0].id] = 3;
    map.votes[map.steps[2].id] = 2;
    map.parkingLot.push_back({"pk1", "Who approves the coaching budget?", "2026-03-05T15:04:00Z", false});
    map.parkingLot.push_back({"pk2", "Can HR share the calibration data?", "", true});

    auto pageNames = [](const MapPrintout& p) {
        QStringList names;
        for (int i = 0; i < p.pageCount(); ++i)
            names << p.pageName(i);
        return names;
    };
    ExportOptions options;
    options.layout = ExportOptions::Layout::Fit;
    const QString plainPdf = dir.filePath(QStringLiteral("plain.pdf"));
    MapExporter::write(map, options, plainPdf.toStdString());
    const QString plain = run(QStringLiteral("pdftotext"), {plainPdf, QStringLiteral("-")});
    CHECK_FALSE(pageNames(MapPrintout(map, options)).contains(QStringLiteral("Parking lot")));
    CHECK_FALSE(plain.contains(QStringLiteral("coaching budget")));
    CHECK_FALSE(plain.contains(QStringLiteral("Session votes")));

    options.includeVotes = true;
    options.includeParkingLot = true;
    MapPrintout printout(map, options);
    CHECK(pageNames(printout).contains(QStringLiteral("Parking lot")));
    const QString askedPdf = dir.filePath(QStringLiteral("asked.pdf"));
    MapExporter::write(map, options, askedPdf.toStdString());
    const QString asked = run(QStringLiteral("pdftotext"), {askedPdf, QStringLiteral("-")}).simplified();
    CHECK(asked.contains(QStringLiteral("Session votes (5 dots in all)")));
    CHECK(asked.contains(QStringLiteral("Parking lot (2)")));
    CHECK(asked.contains(QStringLiteral("Who approves the coaching budget?")));
    CHECK(asked.contains(QStringLiteral("5 March 2026")));
    CHECK(asked.contains(QStringLiteral("Done")));
    // The dots are drawn on the map page: it has more of the dots' colour than without them.
    auto dotPixels = [&dir](const QString& pdf, const QString& name) {
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("72"),
                                         QStringLiteral("-singlefile"), pdf, dir.filePath(name)});
        const QImage page = QImage(dir.filePath(name + QStringLiteral(".png"))).convertToFormat(QImage::Format_RGB32);
        int n = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x) {
                const QColor c = page.pixelColor(x, y);
                n += std::abs(c.red() - 0xA6) < 30 && std::abs(c.green() - 0x1E) < 30 && std::abs(c.blue() - 0x6A) < 30;
            }
        return n;
    };
    CHECK(dotPixels(askedPdf, QStringLiteral("asked")) > dotPixels(plainPdf, QStringLiteral("plain")) + 20);
}

TEST_CASE("Long flow labels wrap within their box and stay clear of steps", "[export][labels]")
{
    const AppFont font;
    Map map = demoMap(1);
    REQUIRE(map.flows.size() > 4);
    const std::string longLabel =
        "only when the supervisor and the principal both agree that the evidence is complete and "
        "Superintendentsapprovalrequiredbeforeanythingelsehappens";
    for (std::size_t i = 0; i < map.flows.size(); i += 3)
        map.flows[i].label = longLabel;
    MemoryStore store("the test map");
    MapDocument document(store, map);
    MapScene scene;
    scene.setDocument(&document);
    const QFontMetricsF fm(pixelFont(canvasstyle::kFlowLabelPx));
    int clear = 0;
    int labelled = 0;
    for (std::size_t i = 0; i < map.flows.size(); i += 3) {
        const FlowItem* item = scene.flowItem(map.flows[i].id);
        REQUIRE(item);
        const QStringList lines = item->shownLabel().split('\n');
        INFO(item->shownLabel().toStdString());
        CHECK(lines.size() == 3);
        for (const QString& line : lines)
            CHECK(fm.horizontalAdvance(line) <= 150.5);
        CHECK(lines.last().endsWith(QChar(0x2026)));
        CHECK(lines.first().startsWith(QStringLiteral("only when the")));
        const QRectF box = item->labelRect();
        bool covers = false;
        for (const Step& s : map.steps)
            covers = covers || scene.stepItem(s.id)->sceneRectOfStep().intersects(box);
        clear += !covers;
        ++labelled;
    }
    // Where the route leaves room, the label takes it: nearly all of them are clear of steps.
    CHECK(clear >= labelled * 8 / 10);
}

// Not run by CTest: grabs the export dialog as shown on a screen, for looking at it.
//   xvfb-run -a -s "-screen 0 960x540x24" env QT_QPA_PLATFORM=xcb CROSSWALK_DIALOG_PNG=/tmp/d.png
//     crosswalk_ui_tests "[dialogshot]"
TEST_CASE("Export dialog screenshot", "[.dialogshot]")
{
    const AppFont font;
    Map map = demoMap(1);
    map.votes[map.steps[3].id] = 4;
    map.parkingLot.push_back({"pk1", "Who approves the coaching budget?", "", false});
    map.steps[5].label += " \xF0\x93\x80\x80"; // a character no export font has
    ExportDialog dialog(map);
    const QRect screen = dialog.screen()->availableGeometry();
    dialog.show();
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    QTest::qWait(400);
    INFO(dialog.scaleText().toStdString());
    CHECK(dialog.scaleText().contains(QStringLiteral("pt")));
    CHECK(dialog.fontWarningText().contains(QStringLiteral("U+13000")));
    CHECK(dialog.frameGeometry().height() <= screen.height() + 40);
    CHECK(dialog.frameGeometry().width() <= screen.width() + 20);
    dialog.grab().save(qEnvironmentVariable("CROSSWALK_DIALOG_PNG", QStringLiteral("/tmp/export-dialog.png")));
}

TEST_CASE("Pictures for slides take the width asked for and say when labels would be too small", "[export][legible]")
{
    const AppFont font;
    const Map map = demoMap(1);
    ExportOptions options;
    options.format = ExportOptions::Format::Png;
    options.slideWidth = 1920;
    const QImage png = QImage::fromData(MapExporter::png(map, options), "PNG");
    CHECK(png.width() == 1920);
    // A whole wide map on one 1920 px slide: labels of about 5 px, and a sentence saying so.
    const qreal px = MapExporter::slideLabelPx(map, options);
    CHECK(px < ExportOptions::kLegiblePx);
    CHECK(MapExporter::slideWarning(map, options).contains(QStringLiteral("px high")));
    // Wide enough: no warning.
    options.slideWidth = 8000;
    CHECK(MapExporter::slideLabelPx(map, options) == Approx(px * 8000 / 1920));
    CHECK(MapExporter::slideWarning(map, options).isEmpty());
    // SVG: the width attribute, the drawing unchanged.
    options.format = ExportOptions::Format::Svg;
    options.slideWidth = 1920;
    const QString svg = QString::fromUtf8(MapExporter::svg(map, options));
    CHECK(svg.contains(QStringLiteral("width=\"508mm\""))); // 1920 px at 96 px per inch
}

TEST_CASE("Every script districts write in has glyphs in the export fonts, upright and italic", "[export][scripts]")
{
    const AppFont font;
    const QStringList samples = {
        QStringLiteral("Reunión con la familia, ¿qué sigue?"),         // Spanish
        QStringLiteral("Họp phụ huynh đầu năm"),                       // Vietnamese
        QString::fromUtf8("校长会议与评估"),                             // Chinese
        QString::fromUtf8("اجتماع المدير (الخريف)"),                     // Arabic
        QStringLiteral("Kulanka waalidiinta"),                         // Somali
        QStringLiteral("Reyinyon ak paran yo, lekòl la"),              // Haitian Creole
        QStringLiteral("Sib tham nrog niam txiv"),                     // Hmong (RPA)
        QString::fromUtf8("م.ع · ح.س"),                                  // Arabic initials, as in sub-captions
    };
    for (const QString& text : samples) {
        INFO(text.toStdString());
        CHECK(ExportFonts::uncovered(text).empty());
        for (bool italic : {false, true})
            for (bool bold : {false, true}) {
                QFont f = ExportFonts::font(12, bold);
                f.setItalic(italic);
                QTextLayout layout(text, f);
                layout.beginLayout();
                layout.createLine();
                layout.endLayout();
                // Glyph 0 is the font's box for a character it lacks.
                for (const QGlyphRun& run : layout.glyphRuns()) {
                    INFO((italic ? "italic " : "") << (bold ? "bold " : "") << run.rawFont().familyName().toStdString());
                    CHECK(ExportFonts::families().contains(run.rawFont().familyName()));
                    for (quint32 g : run.glyphIndexes())
                        CHECK(g != 0);
                }
            }
    }
}
