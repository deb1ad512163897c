#include "crosswalk/demo/demo.h"
#include "crosswalk/io/atomicfile.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/layout.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparewindow.h"
#include "ui/compare/comparereportdialog.h"
#include "ui/compare/comparisonprintout.h"
#include "ui/export/exportdialog.h"
#include "ui/print/exportfonts.h"
#include "ui/print/exportoptions.h"
#include "ui/export/mapexporter.h"
#include "ui/export/mapexportscene.h"
#include "ui/mainwindow/mainwindow.h"
#include "support/tempworkspace.h"
#include "support/appfont.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace crosswalk;

namespace {

using test::AppFont; // support/appfont.h

/// A workspace in a temporary folder holding the six demo districts, ids in the demo's order.
struct DemoWorkspace {
    QTemporaryDir dir;
    std::string path;
    std::vector<std::string> ids;

    DemoWorkspace()
    {
        path = dir.filePath(QStringLiteral("demo.crosswalk")).toStdString();
        ids = test::createDemoWorkspace(path);
    }
    std::vector<std::string> first(std::size_t n) const { return {ids.begin(), ids.begin() + static_cast<long>(n)}; }
};

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(30000));
    INFO(program.toStdString() << " " << args.join(' ').toStdString() << ": "
                               << p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString squeezed(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.remove(space);
}

QString pdfText(const QString& pdf)
{
    return squeezed(run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")}));
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// Checks the report of these maps: every district, the grid's lanes, the differences' step
/// labels as text; the page count and paper; every font embedded.
void checkReport(const std::vector<std::string>& ids, const ExportOptions& options, const QString& paperPoints)
{
    const AppFont font;
    DemoWorkspace demo;
    Workspace ws = Workspace::open(demo.path, Workspace::Mode::ReadOnly);
    CompareSession session(ws, ids);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    ComparisonPrintout::write(session, options, pdf.toStdString());
    ComparisonPrintout printout(session, options);

    const QString text = pdfText(pdf);
    for (const QString& name : session.districtNames()) {
        INFO("district " << name.toStdString());
        CHECK(text.contains(squeezed(name)));
    }
    // The grid: every district's lane in every row.
    for (const auto& row : session.result().laneRows)
        for (std::size_t i = 0; i < row.size(); ++i)
            if (!row[i].empty()) {
                INFO("lane " << session.map(i).lane(row[i])->name);
                CHECK(text.contains(squeezed(q(session.map(i).lane(row[i])->name))));
            }
    // The differences: every step only one district of a pair has, and both steps of every
    // annotation difference.
    int differences = 0;
    for (std::size_t i = 0; i < session.mapCount(); ++i)
        for (std::size_t j = i + 1; j < session.mapCount(); ++j) {
            const PairComparison& pair = session.pair(i, j);
            for (const std::string& id : pair.onlyA) {
                INFO("only in " << session.map(i).props.district << ": " << session.map(i).step(id)->label);
                CHECK(text.contains(squeezed(q(session.map(i).step(id)->label))));
            }
            for (const std::string& id : pair.onlyB)
                CHECK(text.contains(squeezed(q(session.map(j).step(id)->label))));
            for (const AnnotationDifference& d : pair.annotationDifferences) {
                CHECK(text.contains(squeezed(q(session.map(i).step(d.a)->label))));
                CHECK(text.contains(squeezed(q(session.map(j).step(d.b)->label))));
            }
            differences += static_cast<int>(pair.onlyA.size() + pair.onlyB.size() + pair.annotationDifferences.size());
        }
    CHECK(differences > 0);
    CHECK(text.contains(QStringLiteral("Overlay")));
    CHECK(text.contains(QStringLiteral("Grid")));
    CHECK(text.contains(QStringLiteral("Differences")));
    CHECK(text.contains(squeezed(QStringLiteral("page %1 of %1").arg(printout.pageCount()))));

    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    REQUIRE(pages.hasMatch());
    CHECK(pages.captured(1).toInt() == printout.pageCount());
    CHECK(info.contains(QStringLiteral("Page size:       %1 pts").arg(paperPoints)));

    const QStringList fonts = run(QStringLiteral("pdffonts"), {pdf}).split('\n', Qt::SkipEmptyParts).mid(2);
    REQUIRE_FALSE(fonts.isEmpty());
    for (const QString& line : fonts) {
        INFO(line.toStdString());
        CHECK(line.contains(QStringLiteral("DejaVu")));
        const QStringList cols = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        REQUIRE(cols.size() >= 5);
        CHECK(cols.at(cols.size() - 5) == QStringLiteral("yes"));
    }
}

} // namespace

TEST_CASE("The comparison report of two districts holds the districts, the grid and the differences as text",
          "[export][report]")
{
    ExportOptions options; // Tabloid landscape, as the map PDF
    DemoWorkspace demo;
    checkReport(demo.first(2), options, QStringLiteral("1224 x 792"));
}

TEST_CASE("The comparison report of six districts, on Letter portrait", "[export][report]")
{
    ExportOptions options;
    options.paper = QPageSize::Letter;
    options.orientation = QPageLayout::Portrait;
    DemoWorkspace demo;
    checkReport(demo.ids, options, QStringLiteral("612 x 792"));
}

TEST_CASE("The report's pages: overlay, grid, then differences, titled after the districts", "[export][report]")
{
    const AppFont font;
    DemoWorkspace demo;
    Workspace ws = Workspace::open(demo.path, Workspace::Mode::ReadOnly);
    CompareSession session(ws, demo.first(2));
    ExportOptions options;
    options.revisionName = QStringLiteral("Network meeting, May");
    ComparisonPrintout printout(session, options);
    REQUIRE(printout.pageCount() >= 3);
    CHECK(printout.title() ==
          QStringLiteral("Comparison: %1 \u00B7 %2").arg(session.districtNames()[0], session.districtNames()[1]));
    CHECK(printout.pageName(0) == QStringLiteral("Overlay"));
    CHECK(printout.pageName(printout.pageCount() - 1) == QStringLiteral("Differences"));
    // In that order, each kind together.
    QStringList order;
    for (int i = 0; i < printout.pageCount(); ++i)
        if (order.isEmpty() || order.back() != printout.pageName(i))
            order << printout.pageName(i);
    CHECK(order == QStringList{QStringLiteral("Overlay"), QStringLiteral("Network summary"), QStringLiteral("Grid"),
                               QStringLiteral("Differences")});

    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    ComparisonPrintout::write(session, options, pdf.toStdString());
    // The overlay page names the lane rows as the comparison window does, and the title block the revision.
    const QString first =
        squeezed(run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                                   QStringLiteral("1"), pdf, QStringLiteral("-")}));
    CHECK(first.contains(squeezed(session.rowName(0))));
    CHECK(first.contains(QStringLiteral("Revision:Networkmeeting,May")));
    CHECK(first.contains(QStringLiteral("Legend")));
}

TEST_CASE("A greyscale report has no colour", "[export][report]")
{
    const AppFont font;
    DemoWorkspace demo;
    Workspace ws = Workspace::open(demo.path, Workspace::Mode::ReadOnly);
    CompareSession session(ws, demo.first(3));
    ExportOptions options;
    options.greyscale = true;
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("grey.pdf"));
    ComparisonPrintout::write(session, options, pdf.toStdString());
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-f"), QStringLiteral("1"),
         QStringLiteral("-l"), QStringLiteral("1"), pdf, dir.filePath("grey")});
    QImage page(dir.filePath(QStringLiteral("grey-1.png")));
    if (page.isNull())
        page = QImage(dir.filePath(QStringLiteral("grey-01.png")));
    REQUIRE_FALSE(page.isNull());
    page = page.convertToFormat(QImage::Format_RGB32);
    int coloured = 0;
    for (int y = 0; y < page.height(); ++y)
        for (int x = 0; x < page.width(); ++x) {
            const QColor c = page.pixelColor(x, y);
            coloured += std::max({std::abs(c.red() - c.green()), std::abs(c.green() - c.blue()),
                                  std::abs(c.red() - c.blue())}) > 8;
        }
    CHECK(coloured == 0);
}

TEST_CASE("A report that cannot be written says why and leaves the old file as it was", "[export][report]")
{
    const AppFont font;
    DemoWorkspace demo;
    Workspace ws = Workspace::open(demo.path, Workspace::Mode::ReadOnly);
    CompareSession session(ws, demo.first(2));
    QTemporaryDir dir;
    ExportOptions options;
    try {
        ComparisonPrintout::write(session, options, dir.filePath(QStringLiteral("no/such/folder/r.pdf")).toStdString());
        FAIL("an unwritable path was written");
    } catch (const FileError& e) {
        CHECK(QString::fromUtf8(e.what()).contains(QStringLiteral("cannot write")));
        CHECK(QString::fromUtf8(e.what()).contains(QStringLiteral("no/such/folder/r.pdf")));
    }
    // A folder where the file should go: refused, the folder untouched.
    const QString folder = dir.filePath(QStringLiteral("keep"));
    REQUIRE(QDir().mkpath(folder + QStringLiteral("/inside")));
    CHECK_THROWS_AS(ComparisonPrintout::write(session, options, folder.toStdString()), FileError);
    CHECK(QDir(folder + QStringLiteral("/inside")).exists());
}

TEST_CASE("The comparison window exports the report, the dialog remembers paper, orientation and grey",
          "[export][report]")
{
    const AppFont font;
    QCoreApplication::setOrganizationName(QStringLiteral("CrosswalkTests"));
    QCoreApplication::setApplicationName(QStringLiteral("CompareReportTest"));
    QSettings().remove(QStringLiteral("compareReport"));
    DemoWorkspace demo;
    Workspace ws = Workspace::open(demo.path, Workspace::Mode::ReadWrite);
    CompareWindow window(ws, demo.first(2));
    const QList<QAction*> actions = window.findChildren<QAction*>();
    const auto report = std::find_if(actions.begin(), actions.end(), [](QAction* a) {
        return a->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Export report"));
    });
    REQUIRE(report != actions.end());
    CHECK((*report)->isEnabled());

    QTemporaryDir dir;
    {
        CompareReportDialog dialog(*window.session(), &window);
        ExportOptions o = dialog.options();
        CHECK(o.paper == QPageSize::Tabloid);
        o.paper = QPageSize::A4;
        o.orientation = QPageLayout::Portrait;
        o.greyscale = true;
        dialog.setOptions(o);
        REQUIRE(dialog.exportTo(dir.filePath(QStringLiteral("window.pdf"))));
        const QString info = run(QStringLiteral("pdfinfo"), {dir.filePath(QStringLiteral("window.pdf"))});
        CHECK(info.contains(QStringLiteral("595 x 842 pts"))); // A4 portrait
        QString error;
        CHECK_FALSE(dialog.exportTo(dir.filePath(QStringLiteral("missing/window.pdf")), &error));
        CHECK(error.contains(QStringLiteral("cannot write")));
    }
    CompareReportDialog again(*window.session(), &window);
    CHECK(again.options().paper == QPageSize::A4);
    CHECK(again.options().orientation == QPageLayout::Portrait);
    CHECK(again.options().greyscale);
    QSettings().remove(QStringLiteral("compareReport"));
}

// ----- SVG and PNG of the current view ----------------------------------------------------

TEST_CASE("SVG and PNG of the current view show what the canvas shows, headers included", "[export][view]")
{
    const AppFont font;
    const Map map = parseMapJson(demoMapTexts().at(1)).map;
    MapExportScene scene(map, {});
    const QRectF whole = scene.mapBounds();
    // The canvas scrolled right and down a little, showing a part of the map.
    const QRectF view(whole.left() + 300, whole.top(), 900, 600);
    ExportOptions options;
    options.format = ExportOptions::Format::Svg;
    options.currentView = true;
    options.viewRect = view;
    REQUIRE(options.exportsView());

    const QByteArray svg = MapExporter::svg(map, options);
    QSvgRenderer renderer(svg);
    REQUIRE(renderer.isValid());
    CHECK(renderer.viewBoxF().size() == view.size());
    // The sticky lane headers: the first lane's name is there although its header is scrolled off.
    CHECK(QString::fromUtf8(svg).contains(QString::fromStdString(map.lanes.front().name).toHtmlEscaped()));

    options.format = ExportOptions::Format::Png; // 192 dpi by default: twice the canvas
    const QImage png = QImage::fromData(MapExporter::png(map, options), "PNG");
    REQUIRE_FALSE(png.isNull());
    CHECK(png.size() == (view.size() * 2).toSize());
    options.currentView = false;
    const QImage all = QImage::fromData(MapExporter::png(map, options), "PNG");
    CHECK(all.width() > png.width());

    // Steps wholly inside the view are drawn; steps wholly outside are not.
    const QRectF content = scene.viewContent(view);
    int inside = 0;
    int outside = 0;
    options.format = ExportOptions::Format::Svg;
    options.currentView = true;
    const QString text = QString::fromUtf8(MapExporter::svg(map, options));
    for (const Step& s : map.steps) {
        const layout::Rect lr = layout::stepRect(map, s);
        const QRectF r(lr.x, lr.y, lr.w, lr.h);
        const QString word = QString::fromStdString(s.label).section(QLatin1Char(' '), 0, 0).toHtmlEscaped();
        if (word.size() < 4)
            continue;
        if (content.contains(r)) {
            ++inside;
            CHECK(text.contains(word));
        } else if (!r.intersects(view)) {
            bool elsewhere = false; // the word may be on a step in view too
            for (const Step& t : map.steps)
                elsewhere |=
                    QRectF(t.x, t.y, t.w, t.h).intersects(view) && QString::fromStdString(t.label).contains(word);
            for (const Lane& l : map.lanes)
                elsewhere |= QString::fromStdString(l.name).contains(word);
            for (const Phase& p : map.phases)
                elsewhere |= QString::fromStdString(p.name).contains(word);
            if (!elsewhere) {
                ++outside;
                CHECK_FALSE(text.contains(QStringLiteral(">%1").arg(word)));
            }
        }
    }
    CHECK(inside > 0);
    CHECK(outside > 0);

    // A view beyond the map (zoomed far out) is the whole map, without the empty canvas around it.
    options.viewRect = whole.adjusted(-500, -500, 500, 500);
    CHECK(QSvgRenderer(MapExporter::svg(map, options)).viewBoxF().size() == whole.size());
}

TEST_CASE("The export dialog offers the current view for SVG and PNG and remembers the choice", "[export][view]")
{
    const AppFont font;
    QCoreApplication::setOrganizationName(QStringLiteral("CrosswalkTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ExportViewTest"));
    QSettings().remove(QStringLiteral("export"));
    const Map map = parseMapJson(demoMapTexts().at(0)).map;
    const QRectF whole = MapExportScene(map, {}).mapBounds();
    const QRectF view(whole.left(), whole.top(), whole.width() / 2, whole.height() / 2);
    QTemporaryDir dir;
    {
        ExportDialog dialog(map, nullptr, view);
        QCheckBox* box = nullptr;
        for (QCheckBox* b : dialog.findChildren<QCheckBox*>())
            if (b->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Current view")))
                box = b;
        REQUIRE(box);
        ExportOptions o = dialog.options();
        o.format = ExportOptions::Format::Pdf;
        dialog.setOptions(o);
        CHECK_FALSE(box->isEnabled()); // a PDF is made of pages, not of a view
        o.format = ExportOptions::Format::Png;
        o.currentView = true;
        o.dpi = 96;
        dialog.setOptions(o);
        CHECK(box->isEnabled());
        CHECK(box->isChecked());
        CHECK(dialog.options().viewRect == view);
        // The preview is the view: its shape, not the whole map's.
        const QImage preview = dialog.previewImage();
        REQUIRE_FALSE(preview.isNull());
        CHECK(std::abs(double(preview.width()) / preview.height() - view.width() / view.height()) < 0.02);
        REQUIRE(dialog.exportTo(dir.filePath(QStringLiteral("view.png"))));
        const QImage png(dir.filePath(QStringLiteral("view.png")));
        CHECK(png.size() == view.size().toSize());
    }
    ExportDialog again(map, nullptr, view);
    CHECK(again.options().currentView);
    CHECK(again.options().exportsView());
    // Without a canvas to take the view from, the choice cannot be made.
    ExportDialog noView(map);
    CHECK_FALSE(noView.options().exportsView());
    QSettings().remove(QStringLiteral("export"));
}

TEST_CASE("File > Export in the main window hands the dialog what the canvas shows", "[export][view]")
{
    const AppFont font;
    QCoreApplication::setOrganizationName(QStringLiteral("CrosswalkTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ExportViewWindowTest"));
    QSettings().clear();
    DemoWorkspace demo;
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(window.openWorkspace(QString::fromStdString(demo.path)));
    MapCanvas* canvas = window.canvas();
    REQUIRE(canvas);
    QCoreApplication::processEvents();
    canvas->horizontalScrollBar()->setValue(canvas->horizontalScrollBar()->maximum() / 2);
    QCoreApplication::processEvents();
    const QRectF shown = canvas->mapToScene(canvas->viewport()->rect()).boundingRect();
    REQUIRE(shown.left() > 0); // scrolled: the canvas shows a part of the map

    QRectF offered;
    bool opened = false;
    QTimer::singleShot(0, [&] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* dialog = qobject_cast<ExportDialog*>(w); dialog && dialog->isVisible()) {
                opened = true;
                offered = dialog->options().viewRect;
                dialog->reject();
            }
    });
    const QList<QAction*> actions = window.findChildren<QAction*>();
    const auto exportAction = std::find_if(actions.begin(), actions.end(), [](QAction* a) {
        return a->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Export as PDF"));
    });
    REQUIRE(exportAction != actions.end());
    (*exportAction)->trigger();
    CHECK(opened);
    CHECK(offered == shown);
    QSettings().clear();
}

TEST_CASE("Report and export dialogs rendered for review", "[.][report-shots]")
{
    // Run by hand: CROSSWALK_SHOTS=/some/folder crosswalk_ui_tests "[report-shots]"
    const AppFont font;
    const QString folder = qEnvironmentVariable("CROSSWALK_SHOTS", QDir::tempPath());
    QCoreApplication::setOrganizationName(QStringLiteral("CrosswalkTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ReportShots"));
    DemoWorkspace demo;
    Workspace ws = Workspace::open(demo.path, Workspace::Mode::ReadWrite);
    CompareWindow window(ws, demo.first(2));
    window.resize(1600, 960);
    window.show();
    CompareReportDialog dialog(*window.session(), &window);
    dialog.show();
    QCoreApplication::processEvents();
    CHECK(dialog.grab().save(folder + QStringLiteral("/report-dialog.png")));
    const Map map = parseMapJson(demoMapTexts().at(0)).map;
    const QRectF whole = MapExportScene(map, {}).mapBounds();
    ExportDialog exportDialog(map, nullptr, QRectF(whole.left() + 400, whole.top(), 1400, 700));
    ExportOptions o = exportDialog.options();
    o.format = ExportOptions::Format::Png;
    o.currentView = true;
    exportDialog.setOptions(o);
    exportDialog.show();
    QTest::qWait(300); // the preview follows the dialog's size after a short pause
    CHECK(exportDialog.grab().save(folder + QStringLiteral("/export-dialog-view.png")));
}

TEST_CASE("The report names each matched step's partner, the marks' words and who is affected, and sums up the "
          "network on one page",
          "[export][report]")
{
    const AppFont font;
    DemoWorkspace demo;
    Workspace ws = Workspace::open(demo.path, Workspace::Mode::ReadOnly);
    for (const std::size_t count : {std::size_t{2}, std::size_t{6}}) {
        INFO(count << " districts");
        CompareSession session(ws, demo.first(count));
        ComparisonPrintout printout(session, ExportOptions{});
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
        ComparisonPrintout::write(session, ExportOptions{}, pdf.toStdString());
        const QString text = pdfText(pdf);

        // Exactly one summary page, naming every lane row and what each initial stands for.
        int summary = -1;
        int summaries = 0;
        for (int i = 0; i < printout.pageCount(); ++i)
            if (printout.pageName(i) == QStringLiteral("Network summary")) {
                summary = i;
                ++summaries;
            }
        REQUIRE(summaries == 1);
        const QString page = squeezed(run(QStringLiteral("pdftotext"),
                                          {QStringLiteral("-f"), QString::number(summary + 1), QStringLiteral("-l"),
                                           QString::number(summary + 1), QStringLiteral("-raw"), pdf,
                                           QStringLiteral("-")}));
        for (std::size_t r = 0; r < session.result().laneRows.size(); ++r)
            CHECK(page.contains(squeezed(session.rowName(r))));
        for (qsizetype i = 0; i < session.districtNames().size(); ++i)
            CHECK(page.contains(squeezed(session.districtInitials()[i] + QStringLiteral("=") + session.districtNames()[i])));
        CHECK(page.contains(QStringLiteral("Blackboxesmarkedby")));
        CHECK(page.contains(QStringLiteral("Harmpointsmarkedby")));
        CHECK(page.contains(QStringLiteral("Variationmarkedby")));
        CHECK(page.contains(QStringLiteral("scoresorranksnodistrict")));

        if (count != 2)
            continue;
        const PairComparison& pair = session.pair(0, 1);
        CHECK(text.contains(squeezed(QStringLiteral("Its partner in %1").arg(session.districtInitials()[1]))));
        for (const StepMatch& m : pair.matches)
            CHECK(text.contains(squeezed(m.decided ? QStringLiteral("confirmed")
                                                   : QStringLiteral("proposed, %1").arg(m.score, 0, 'f', 2))));
        // Each matched step's partner is named by its label.
        for (const StepMatch& m : pair.matches)
            if (const Step* partner = session.map(1).step(m.b)) {
                INFO("partner " << partner->label);
                CHECK(text.contains(squeezed(q(partner->label))));
            }
        // Every stated mark's words, with who it affects.
        int stated = 0;
        for (const MarkFinding& f : pair.findings) {
            if (f.basis == FindingBasis::Unsure)
                continue;
            const Map& marking = session.map(f.onA ? 0 : 1);
            for (const std::string& id : f.annotations)
                for (const Annotation& note : marking.annotations)
                    if (note.id == id) {
                        ++stated;
                        INFO(note.text);
                        CHECK(text.contains(squeezed(q(note.text))));
                        if (!note.affects.empty())
                            CHECK(text.contains(squeezed(QStringLiteral("(affects: %1)").arg(q(note.affects)))));
                    }
        }
        CHECK(stated > 0);
        CHECK(text.contains(QStringLiteral("Markedonastepwithnocounterpart")));
    }
}
