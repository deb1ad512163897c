// Issue 15: maps whose labels are in a language without lexical data still compare, by their
// words alone, and the comparison window and its report say so.
#include "crosswalk/compare/lexicon.h"
#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparewindow.h"
#include "ui/compare/comparisonprintout.h"
#include "ui/print/exportoptions.h"
#include "support/appfont.h"
#include "support/tempworkspace.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <array>
#include <filesystem>
#include <string>

using namespace crosswalk;

namespace {

/// Two demo districts with every lane and step renamed in Spanish (the same few phrases in
/// both, so that they match by their words).
std::vector<std::string> spanishWorkspace(const std::string& path)
{
    static const std::array<const char*, 8> steps = {
        "Publicar la convocatoria", "Revisar las solicitudes", "Entrevistar a los candidatos",
        "Evaluar a los candidatos", "Enviar la oferta",        "Reunión de seguimiento",
        "Visita a la escuela",      "Informe de evaluación"};
    static const std::array<const char*, 4> lanes = {"Dirección", "Supervisión", "Recursos Humanos", "Oficina de datos"};
    Workspace ws = Workspace::create(path);
    std::vector<std::string> ids;
    for (int k = 0; k < 2; ++k) {
        Map map = parseMapJson(demoMapTexts()[static_cast<std::size_t>(k)]).map;
        for (std::size_t i = 0; i < map.lanes.size(); ++i)
            map.lanes[i].name = std::string(lanes[i % lanes.size()]) + " " + std::to_string(i + 1);
        for (std::size_t i = 0; i < map.steps.size(); ++i)
            map.steps[i].label = steps[i % steps.size()];
        ids.push_back(map.id);
        ws.addMap(map);
    }
    return ids;
}

QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString::fromUtf8(p.readAllStandardOutput()).remove(space);
}

const QString kReportNote = QStringLiteral("labelscomparedbytheirwordsalone");

} // namespace

TEST_CASE("Maps in a language without lexical data: the window and the report say they were compared by words",
          "[compare-ui][lexical]")
{
    const test::AppFont font;
    const std::string path = test::tempWorkspacePath("cw-wordsonly");
    const auto ids = spanishWorkspace(path);
    Workspace ws = Workspace::open(path, Workspace::Mode::ReadOnly);

    CompareWindow window(ws, ids);
    REQUIRE(window.session()->result().pairs.at(0).lexical == "words-only");
    CHECK(window.session()->wordsOnly());
    auto* note = window.findChild<QLabel*>(QStringLiteral("wordsOnlyNote"));
    REQUIRE(note);
    CHECK_FALSE(note->isHidden());
    CHECK(note->text().contains(QStringLiteral("words alone")));
    CHECK_FALSE(window.session()->result().pairs.at(0).matches.empty()); // still compared

    const bool pdftotext = !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    ExportOptions options;
    ComparisonPrintout::write(*window.session(), options, pdf.toStdString());
    if (pdftotext)
        CHECK(pdfText(pdf).contains(kReportNote));
    else
        WARN("pdftotext is not installed: the report's text was not checked");

    SECTION("English maps with WordNet installed carry no such note")
    {
        if (!Lexicon::shared().available()) {
            WARN("WordNet is not installed here: every comparison is by words alone");
            return;
        }
        const std::string english = test::tempWorkspacePath("cw-wordnet");
        const auto demo = test::createDemoWorkspace(english);
        Workspace ews = Workspace::open(english, Workspace::Mode::ReadOnly);
        CompareWindow ewindow(ews, {demo[0], demo[1]});
        CHECK_FALSE(ewindow.session()->wordsOnly());
        auto* enote = ewindow.findChild<QLabel*>(QStringLiteral("wordsOnlyNote"));
        REQUIRE(enote);
        CHECK(enote->isHidden());
        const QString epdf = dir.filePath(QStringLiteral("english.pdf"));
        ComparisonPrintout::write(*ewindow.session(), options, epdf.toStdString());
        if (pdftotext)
            CHECK_FALSE(pdfText(epdf).contains(kReportNote));
        std::filesystem::remove(english);
    }
    std::filesystem::remove(path);
}
