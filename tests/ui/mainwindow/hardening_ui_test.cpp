// Issue 19 in the app: a workspace in a sync folder is named once, without blocking (finding 1);
// a commit conflict shows the saved map at once and says so (11); the inspector refuses a bad
// title and puts the saved one back (11); export file names are cleaned (11).

#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/export/exportfilename.h"
#include "ui/inspector/inspectorpanel.h"
#include "ui/mainwindow/mainwindow.h"
#include "support/tempdir.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>

#include <filesystem>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

/// Closes the next modal message box as a user would, keeping its text.
void closeNextBox(QString* text)
{
    QTimer::singleShot(0, [text] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isModal()) {
                *text = box->text();
                box->accept();
            }
    });
}

} // namespace

TEST_CASE("A workspace in a sync folder is named once, without blocking", "[mainwindow][hardening]")
{
    test::isolateSettings();
    test::TempDir dir("cw-ui-sync");
    const fs::path folder = dir.path() / "OneDrive - Lakeside District";
    fs::create_directories(folder);
    const QString synced = QString::fromStdString((folder / "maps.crosswalk").string());
    test::createDemoWorkspace(synced.toStdString());
    const QString plain = QString::fromStdString(test::demoWorkspaceFile("cw-ui-plain"));

    MainWindow window;
    REQUIRE(window.openWorkspace(synced));
    QMessageBox* notice = window.syncFolderNotice();
    REQUIRE(notice != nullptr);
    CHECK(notice->isVisible());
    CHECK_FALSE(notice->isModal());
    CHECK(notice->text().contains(QStringLiteral("OneDrive")));
    CHECK(notice->text().contains(QStringLiteral("not synced")));
    // The workspace is open and usable meanwhile.
    REQUIRE(window.document() != nullptr);
    CHECK_FALSE(window.workspace()->readOnly());
    notice->close();
    QApplication::processEvents();
    CHECK(window.syncFolderNotice() == nullptr);

    // A plain folder: no note; the same workspace again: no second note.
    REQUIRE(window.openWorkspace(plain));
    CHECK(window.syncFolderNotice() == nullptr);
    REQUIRE(window.openWorkspace(synced));
    CHECK(window.syncFolderNotice() == nullptr);
    MainWindow second;
    REQUIRE(second.openWorkspace(synced));
    CHECK(second.syncFolderNotice() == nullptr);

    // Another workspace in a sync folder gets its own note, also when it is created here.
    const QString other = QString::fromStdString((folder / "other.crosswalk").string());
    { Workspace created = Workspace::create(other.toStdString()); }
    REQUIRE(window.openWorkspace(other));
    CHECK(window.syncFolderNotice() != nullptr);
    fs::remove(plain.toStdString());
}

TEST_CASE("A commit conflict shows the saved map at once and says nothing was lost", "[mainwindow][hardening]")
{
    test::isolateSettings();
    const std::string path = test::demoWorkspaceFile("cw-ui-conflict");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    MapDocument* doc = window.document();
    REQUIRE(doc);
    const std::string id = doc->map().id;

    // Another program renames the map.
    {
        Workspace other = Workspace::open(path);
        Map map = other.loadMap(id);
        MapProperties props = map.props;
        props.title = "Renamed elsewhere";
        other.commit(map, UpdateMapProperties{props});
    }
    // This window's edit of the stale map is refused; the map shown is the saved one.
    MapProperties mine = doc->map().props;
    mine.district = "Changed here";
    QString message;
    closeNextBox(&message);
    CHECK_FALSE(doc->push(UpdateMapProperties{mine}));
    CHECK(message.contains(QStringLiteral("was changed by another Crosswalk window or program")));
    CHECK(message.contains(QStringLiteral("nothing saved was lost")));
    CHECK_FALSE(message.contains(QStringLiteral("open the map again")));
    CHECK(doc->map().props.title == "Renamed elsewhere");
    CHECK(window.inspector()->mapTitle()->text() == QStringLiteral("Renamed elsewhere"));
    // The next edit goes in without switching maps.
    mine = doc->map().props;
    mine.district = "Changed here";
    REQUIRE(doc->push(UpdateMapProperties{mine}));
    const Map stored = Workspace::open(path, Workspace::Mode::ReadOnly).loadMap(id);
    CHECK(stored.props.title == "Renamed elsewhere");
    CHECK(stored.props.district == "Changed here");
    fs::remove(path);
}

TEST_CASE("The inspector refuses a bad title, says why and shows the saved one", "[inspector][hardening]")
{
    test::isolateSettings();
    const std::string path = test::demoWorkspaceFile("cw-ui-title");
    MainWindow window;
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    MapDocument* doc = window.document();
    REQUIRE(doc);
    InspectorPanel* inspector = window.inspector();
    inspector->inspect({}, {});
    const std::string saved = doc->map().props.title;
    QLineEdit* title = inspector->mapTitle();
    REQUIRE(title->text() == QString::fromStdString(saved));

    SECTION("blank")
    {
        title->setText(QStringLiteral("   "));
        emit title->editingFinished();
        CHECK(title->text() == QString::fromStdString(saved));
        CHECK_FALSE(inspector->mapProblem()->isHidden());
        CHECK(inspector->mapProblem()->text().contains(QStringLiteral("needs a title")));
    }
    SECTION("too long")
    {
        title->setText(QString(3000, QLatin1Char('x')));
        emit title->editingFinished();
        CHECK(title->text() == QString::fromStdString(saved));
        CHECK_FALSE(inspector->mapProblem()->isHidden());
        CHECK(inspector->mapProblem()->text().contains(QStringLiteral("title was not changed")));
    }
    CHECK(doc->map().props.title == saved);
    CHECK(Workspace::open(path, Workspace::Mode::ReadOnly).loadMap(doc->map().id).props.title == saved);

    // A good title goes in and the note goes away.
    title->setText(QStringLiteral("2025/26 evaluation"));
    emit title->editingFinished();
    CHECK(doc->map().props.title == "2025/26 evaluation");
    CHECK(inspector->mapProblem()->isHidden());
    fs::remove(path);
}

TEST_CASE("Export file names made from hostile titles are safe", "[export][hardening]")
{
    CHECK(safeFileName(QStringLiteral("Lakeside - 2025/26")) == QStringLiteral("Lakeside - 2025-26"));
    CHECK(safeFileName(QStringLiteral("../../etc/passwd")) == QStringLiteral("etc-passwd"));
    CHECK(safeFileName(QStringLiteral("C:\\Windows\\win.ini")) == QStringLiteral("C-Windows-win.ini"));
    CHECK(safeFileName(QStringLiteral("a*b?c\"d<e>f|g")) == QStringLiteral("a-b-c-d-e-f-g"));
    CHECK(safeFileName(QStringLiteral(".hidden")) == QStringLiteral("hidden"));
    CHECK(safeFileName(QStringLiteral("..")) == QStringLiteral("map"));
    CHECK(safeFileName(QStringLiteral("")) == QStringLiteral("map"));
    CHECK(safeFileName(QStringLiteral("Title. ")) == QStringLiteral("Title"));
    CHECK(safeFileName(QStringLiteral("CON")) == QStringLiteral("CON_"));
    CHECK(safeFileName(QStringLiteral("nul.txt")) == QStringLiteral("nul.txt_"));
    CHECK(safeFileName(QString::fromUtf8("line\nbreak\x1b[31mred\tTab")) == QStringLiteral("line break[31mred Tab"));
    // A right-to-left override that would show "evil.pdf" as "fdp.live" is dropped.
    CHECK(safeFileName(QString::fromUtf8("evil\u202Efdp.exe")) == QStringLiteral("evilfdp.exe"));
    CHECK(safeFileName(QString::fromUtf8("\u00C9valuation des directions")) ==
          QString::fromUtf8("\u00C9valuation des directions"));
    const QString longName = safeFileName(QString(500, QLatin1Char('a')));
    CHECK(longName.size() == 120);
    // A surrogate pair is not cut in half.
    QString emoji;
    for (int i = 0; i < 100; ++i)
        emoji += QString::fromUtf8("\xF0\x9F\x98\x80");
    const QString cut = safeFileName(emoji);
    CHECK(cut.size() <= 120);
    CHECK_FALSE(cut.back().isHighSurrogate());
}
