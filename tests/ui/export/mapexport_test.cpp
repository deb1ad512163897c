#include "crosswalk/demo/demo.h"
#include "crosswalk/insights/annotationnumbers.h"
#include "crosswalk/io/atomicfile.h"
#include "crosswalk/json/mapjson.h"
#include "ui/export/exportdialog.h"
#include "ui/print/exporterror.h"
#include "ui/print/exportfonts.h"
#include "ui/print/exportoptions.h"
#include "ui/export/mapexporter.h"
#include "ui/export/mapprintout.h"
#include "ui/export/tileplan.h"
#include "support/appfont.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace crosswalk;

namespace {

using test::AppFont; // support/appfont.h

Map demoMap(std::size_t index)
{
    return parseMapJson(demoMapTexts().at(index)).map;
}

/// Runs a poppler tool and returns its standard output.
QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(30000));
    INFO(program.toStdString() << " " << args.join(' ').toStdString() << ": " << p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// Text without any white space: a label wrapped over three lines on a step is still found.
QString squeezed(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.remove(space);
}

QString pdfText(const QString& pdf)
{
    return squeezed(run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")}));
}

int pdfPages(const QString& info)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString pdfPageSize(const QString& info)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+ x [0-9.]+) pts")).match(info);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString write(const QTemporaryDir& dir, const Map& map, const ExportOptions& options, const QString& name)
{
    const QString path = dir.filePath(name);
    MapExporter::write(map, options, path.toStdString());
    return path;
}

} // namespace

TEST_CASE("A fitted PDF of every demo map holds every label and annotation as text, with embedded fonts", "[export]")
{
    const AppFont font;
    QTemporaryDir dir;
    for (std::size_t d = 0; d < demoMapTexts().size(); ++d) {
        const Map map = demoMap(d);
        INFO(map.props.title);
        ExportOptions options;
        options.layout = ExportOptions::Layout::Fit; // (the default now chooses legible tiles)
        const QString pdf = write(dir, map, options, QStringLiteral("fit%1.pdf").arg(d));
        const QString text = pdfText(pdf);
        for (const Step& s : map.steps) {
            INFO("step " << s.label);
            CHECK(text.contains(squeezed(QString::fromStdString(s.label))));
        }
        for (const Lane& l : map.lanes)
            CHECK(text.contains(squeezed(QString::fromStdString(l.name))));
        for (const Annotation& a : map.annotations) {
            INFO("annotation " << a.text);
            CHECK(text.contains(squeezed(QString::fromStdString(a.text))));
        }
        CHECK(text.contains(squeezed(QString::fromStdString(map.props.title))));
        CHECK(text.contains(squeezed(QString::fromStdString(map.props.district))));

        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        MapPrintout printout(map, options);
        CHECK(pdfPages(info) == printout.pageCount());
        CHECK(pdfPageSize(info) == QStringLiteral("1224 x 792")); // Tabloid, landscape

        // Every font is embedded (pdffonts: the "emb" column), and there is at least one.
        const QStringList fonts = run(QStringLiteral("pdffonts"), {pdf}).split('\n', Qt::SkipEmptyParts).mid(2);
        REQUIRE_FALSE(fonts.isEmpty());
        for (const QString& line : fonts) {
            INFO(line.toStdString());
            CHECK(line.contains(QStringLiteral("DejaVu")));
            const QStringList cols = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            REQUIRE(cols.size() >= 5);
            CHECK(cols.at(cols.size() - 5) == QStringLiteral("yes")); // emb sub uni object-id(2)
        }
    }
}

TEST_CASE("A tiled PDF has an overview, one page per tile with its label, and the appendix", "[export]")
{
    const AppFont font;
    QTemporaryDir dir;
    const Map map = demoMap(0);
    ExportOptions options;
    options.paper = QPageSize::Letter;
    options.orientation = QPageLayout::Portrait;
    options.layout = ExportOptions::Layout::Tiles;
    options.columns = 3;
    options.rows = 2;
    options.revisionName = QStringLiteral("After session 3, March");
    MapPrintout printout(map, options);
    REQUIRE(printout.pageCount() >= 1 + 6 + 1);
    CHECK(printout.pageName(0) == QStringLiteral("Overview"));
    CHECK(printout.pageName(1) == QStringLiteral("A1"));
    CHECK(printout.pageName(5) == QStringLiteral("B2"));
    CHECK(printout.pageName(7) == QStringLiteral("Annotations"));

    const QString pdf = write(dir, map, options, QStringLiteral("tiles.pdf"));
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    CHECK(pdfPages(info) == printout.pageCount());
    CHECK(pdfPageSize(info) == QStringLiteral("612 x 792")); // Letter, portrait
    const QString text = pdfText(pdf);
    CHECK(text.contains(squeezed(QStringLiteral("page 3 of %1").arg(printout.pageCount()))));
    CHECK(text.contains(QStringLiteral("Revision:AfterSession3,March"), Qt::CaseInsensitive));
    for (const Step& s : map.steps)
        CHECK(text.contains(squeezed(QString::fromStdString(s.label))));

    // Lane names repeat on every tile page: page 3 (B1) names the first lane as page 2 (A1) does.
    const QString page3 = squeezed(run(QStringLiteral("pdftotext"),
                                       {QStringLiteral("-f"), QStringLiteral("3"), QStringLiteral("-l"), QStringLiteral("3"),
                                        pdf, QStringLiteral("-")}));
    CHECK(page3.contains(squeezed(QString::fromStdString(map.lanes.front().name))));
}

TEST_CASE("Tiles are cut between steps and cover the map without gaps", "[export]")
{
    const AppFont font;
    const Map map = demoMap(1);
    const QRectF content(0, 0, 3000, 1200);
    const TilePlan plan(map, content, 4, 3);
    CHECK(plan.xCuts().front() == 0);
    CHECK(plan.xCuts().back() == 3000);
    CHECK(plan.yCuts().back() == 1200);
    for (std::size_t i = 1; i < plan.xCuts().size(); ++i)
        CHECK(plan.xCuts()[i] > plan.xCuts()[i - 1]);
    CHECK(TilePlan::label(0, 0) == QStringLiteral("A1"));
    CHECK(TilePlan::label(2, 1) == QStringLiteral("C2"));
    CHECK(TilePlan::label(27, 0) == QStringLiteral("AB1"));
}

TEST_CASE("Left-out annotation kinds leave the map, the legend and the appendix", "[export]")
{
    const AppFont font;
    QTemporaryDir dir;
    Map map = demoMap(0);
    bool hasHarm = false;
    for (const Annotation& a : map.annotations)
        hasHarm |= a.kind == AnnotationKind::Harm;
    REQUIRE(hasHarm);
    ExportOptions options;
    options.hiddenKinds = {AnnotationKind::Harm};
    const QString text = pdfText(write(dir, map, options, QStringLiteral("clean.pdf")));
    for (const Annotation& a : map.annotations) {
        INFO(a.text);
        if (a.kind == AnnotationKind::Harm)
            CHECK_FALSE(text.contains(squeezed(QString::fromStdString(a.text))));
        else
            CHECK(text.contains(squeezed(QString::fromStdString(a.text))));
    }
    CHECK_FALSE(text.contains(QStringLiteral("Harmpoint")));
}

TEST_CASE("Greyscale exports have no colour", "[export]")
{
    const AppFont font;
    QTemporaryDir dir;
    const Map map = demoMap(2);
    ExportOptions options;
    options.greyscale = true;
    options.format = ExportOptions::Format::Png;
    options.dpi = 48;
    QImage png = QImage::fromData(MapExporter::png(map, options), "PNG");
    REQUIRE_FALSE(png.isNull());
    CHECK(png.isGrayscale());

    options.format = ExportOptions::Format::Pdf;
    const QString pdf = write(dir, map, options, QStringLiteral("grey.pdf"));
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-f"),
                                     QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, dir.filePath("grey")});
    // (-singlefile: the name does not depend on how many pages the default layout makes)
    QImage page(dir.filePath(QStringLiteral("grey.png")));
    REQUIRE_FALSE(page.isNull());
    page = page.convertToFormat(QImage::Format_RGB32);
    int coloured = 0;
    for (int y = 0; y < page.height(); ++y)
        for (int x = 0; x < page.width(); ++x) {
            const QColor c = page.pixelColor(x, y);
            coloured += std::max({std::abs(c.red() - c.green()), std::abs(c.green() - c.blue()), std::abs(c.red() - c.blue())}) > 8;
        }
    CHECK(coloured == 0);

    options.format = ExportOptions::Format::Svg;
    const QString svg = QString::fromUtf8(MapExporter::svg(map, options));
    const QRegularExpression colour(QStringLiteral("(fill|stroke)=\"#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})\""));
    for (auto it = colour.globalMatch(svg); it.hasNext();) {
        const auto m = it.next();
        CHECK(m.captured(2) == m.captured(3));
        CHECK(m.captured(3) == m.captured(4));
    }
}

TEST_CASE("SVG and PNG show the map as the canvas does, PNG at twice the canvas by default", "[export]")
{
    const AppFont font;
    const Map map = demoMap(3);
    ExportOptions options;
    const QByteArray svg = MapExporter::svg(map, options);
    QSvgRenderer renderer(svg);
    CHECK(renderer.isValid());
    const QString svgText = QString::fromUtf8(svg);
    CHECK(svgText.contains(QString::fromStdString(map.lanes.front().name).toHtmlEscaped()));

    const QImage png = QImage::fromData(MapExporter::png(map, options), "PNG");
    REQUIRE_FALSE(png.isNull());
    const QSizeF viewBox = renderer.viewBoxF().size();
    CHECK(std::abs(png.width() - 2 * viewBox.width()) <= 1);
    CHECK(std::abs(png.height() - 2 * viewBox.height()) <= 1);
    options.dpi = 96;
    const QImage one = QImage::fromData(MapExporter::png(map, options), "PNG");
    CHECK(std::abs(one.width() - viewBox.width()) <= 1);
}

TEST_CASE("A failed export leaves the existing file as it was", "[export]")
{
    const AppFont font;
    QTemporaryDir dir;
    const Map map = demoMap(0);
    const QString path = dir.filePath(QStringLiteral("keep.png"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("keep");
    }
    ExportOptions options;
    options.format = ExportOptions::Format::Png;
    options.dpi = 1200 * 8; // far too large an image
    CHECK_THROWS_AS(MapExporter::write(map, options, path.toStdString()), ExportError);
    options.format = ExportOptions::Format::Pdf;
    CHECK_THROWS_AS(MapExporter::write(map, options, dir.filePath("no/such/folder/x.pdf").toStdString()), FileError);
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == "keep");
}

TEST_CASE("Command-line words for export options", "[export]")
{
    const AppFont font;
    CHECK(ExportOptions::parsePaper("11x17") == QPageSize::Tabloid);
    CHECK(ExportOptions::parsePaper("A4") == QPageSize::A4);
    CHECK_FALSE(ExportOptions::parsePaper("b5"));
    CHECK(ExportOptions::parseTiles("3x2") == std::pair{3, 2});
    CHECK_FALSE(ExportOptions::parseTiles("0x2"));
    CHECK_FALSE(ExportOptions::parseTiles("3"));
    const auto kinds = ExportOptions::parseKinds("harm, black_box,Change idea,questions");
    REQUIRE(kinds);
    CHECK(*kinds == std::set<AnnotationKind>{AnnotationKind::Harm, AnnotationKind::BlackBox, AnnotationKind::ChangeIdea,
                                             AnnotationKind::Question});
    std::string bad;
    CHECK_FALSE(ExportOptions::parseKinds("harm,kudos", &bad));
    CHECK(bad == "kudos");
}

TEST_CASE("The export dialog previews the pages and remembers its options", "[export]")
{
    const AppFont font;
    QCoreApplication::setOrganizationName(QStringLiteral("CrosswalkTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ExportDialogTest"));
    QSettings().remove(QStringLiteral("export"));
    const Map map = demoMap(0);
    QTemporaryDir dir;
    {
        ExportDialog dialog(map);
        CHECK(dialog.previewPageCount() >= 2); // the map and the annotations
        CHECK_FALSE(dialog.previewImage().isNull());
        ExportOptions o = dialog.options();
        o.layout = ExportOptions::Layout::Tiles;
        o.columns = 2;
        o.rows = 2;
        o.paper = QPageSize::A3;
        o.hiddenKinds = {AnnotationKind::Harm};
        dialog.setOptions(o);
        QCoreApplication::processEvents();
        dialog.showPreviewPage(0);
        CHECK(dialog.previewPageCount() >= 1 + 4 + 1);
        dialog.showPreviewPage(2);
        CHECK(dialog.previewPage() == 2);
        const QImage page = dialog.previewImage();
        REQUIRE_FALSE(page.isNull());
        CHECK(page.width() < page.height() * 2); // a page, not a strip
        REQUIRE(dialog.exportTo(dir.filePath(QStringLiteral("dialog.pdf"))));
        CHECK(QFile(dir.filePath(QStringLiteral("dialog.pdf"))).size() > 1000);
        QString error;
        CHECK_FALSE(dialog.exportTo(dir.filePath(QStringLiteral("missing/dialog.pdf")), &error));
        CHECK_FALSE(error.isEmpty());
    }
    ExportDialog again(map);
    const ExportOptions remembered = again.options();
    CHECK(remembered.layout == ExportOptions::Layout::Tiles);
    CHECK(remembered.columns == 2);
    CHECK(remembered.rows == 2);
    CHECK(remembered.paper == QPageSize::A3);
    CHECK(remembered.hiddenKinds == std::set<AnnotationKind>{AnnotationKind::Harm});
    QSettings().remove(QStringLiteral("export"));
}

TEST_CASE("Exported SVG escapes the title, district and labels and passes an XML parser", "[export][hardening]")
{
    const AppFont font;
    Map map = demoMap(0);
    map.props.title = "</title><script>alert(1)</script> 2025/26 & \"more\"";
    map.props.district = "<desc>District & Co</desc>";
    map.steps[0].label = "<b>bold</b> & 'quoted'";
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    for (const bool grey : {false, true}) {
        options.greyscale = grey;
        const QByteArray svg = MapExporter::svg(map, options);
        QXmlStreamReader xml(svg);
        QStringList elements;
        QString title;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                elements << xml.name().toString();
                if (xml.name() == QLatin1String("title"))
                    title = xml.readElementText();
            }
        }
        INFO(xml.errorString().toStdString());
        CHECK_FALSE(xml.hasError());
        CHECK_FALSE(elements.contains(QStringLiteral("script")));
        CHECK(title == QString::fromStdString(map.props.title));
    }
}
