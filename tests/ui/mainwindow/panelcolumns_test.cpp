// Issue 14 point 8: at a 1920x1080 window every dock panel shows all its columns and whole
// headers at its default width, no mnemonic ampersand shows as text, and no window title has
// an empty "()".

#include "crosswalk/facilitation/session.h"
#include "crosswalk/storage/workspace.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/panels/revisionspanel.h"
#include "support/appfont.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <QStyle>
#include <QTreeView>

#include <filesystem>
#include <vector>

using namespace crosswalk;

namespace {

/// What a button, a menu or a label with a buddy draws of text: "&&" is one "&", and an "&"
/// before a character marks the mnemonic.
QString withoutMnemonics(const QString& text)
{
    QString shown;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            if (i + 1 < text.size() && text[i + 1] == '&') {
                shown += '&';
                ++i;
            }
            continue;
        }
        shown += text[i];
    }
    return shown;
}

/// What a label draws: a plain-text label processes mnemonics only when it has a buddy.
QString shownText(const QLabel* label)
{
    const bool rich = label->textFormat() == Qt::RichText ||
                      (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    if (rich)
        return QTextDocumentFragment::fromHtml(label->text()).toPlainText();
    return label->buddy() ? withoutMnemonics(label->text()) : label->text();
}

/// The texts with an "&" the user would see in the window (no UI string of the app has a
/// literal ampersand, and the demo's data has none either).
QStringList ampersandsShown(QWidget& window)
{
    QStringList found;
    for (QLabel* label : window.findChildren<QLabel*>())
        if (label->isVisibleTo(&window) && shownText(label).contains('&'))
            found << "label " + label->text();
    for (QAbstractButton* button : window.findChildren<QAbstractButton*>())
        if (button->isVisibleTo(&window) && withoutMnemonics(button->text()).contains('&'))
            found << "button " + button->text();
    for (QTabBar* bar : window.findChildren<QTabBar*>())
        for (int i = 0; i < bar->count(); ++i)
            if (withoutMnemonics(bar->tabText(i)).contains('&'))
                found << "tab " + bar->tabText(i);
    // The menus: every action of the menu bar and of its menus, as the menus draw them.
    QList<QAction*> actions = window.findChildren<QMenuBar*>().value(0)->actions();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        QAction* action = actions[i];
        if (action->isVisible() && withoutMnemonics(action->text()).contains('&'))
            found << "action " + action->text();
        if (QMenu* menu = action->menu())
            actions += menu->actions();
    }
    return found;
}

/// A tree that wraps its texts grows its rows for them (tables wrap by default but keep their
/// row heights, so they count as not wrapping).
bool wraps(const QAbstractItemView* view)
{
    const auto* tree = qobject_cast<const QTreeView*>(view);
    return tree && tree->wordWrap() && !tree->uniformRowHeights();
}

/// A tree that wraps its texts gives each row the lines its stretched column needs: every
/// district's name and map's title is shown whole (the library's "Principal evaluation and
/// support" used to end in "su…").
void checkWrappedWhole(QTreeView* tree)
{
    QAbstractItemModel* model = tree->model();
    std::vector<QModelIndex> pending{QModelIndex()};
    while (!pending.empty()) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex index = model->index(r, 0, parent);
            pending.push_back(index);
            const QRect cell = tree->visualRect(index);
            if (cell.isEmpty())
                continue; // collapsed or scrolled out
            INFO("wraps " << wraps(tree));
            const QString text = index.data().toString();
            const int textWidth = cell.width() - 2 * (tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
            const QRect needed =
                tree->fontMetrics().boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, text);
            INFO("item \"" << text.toStdString() << "\" in " << cell.width() << "x" << cell.height());
            CHECK(needed.width() <= textWidth);
            CHECK(needed.height() <= cell.height());
        }
    }
}

/// Checks every table and tree in the dock: all visible columns fit the view (no sideways
/// scrolling), no header is elided, and the columns that are not stretched show their
/// contents whole.
void checkColumns(QMainWindow& window, QDockWidget* dock)
{
    const QList<QAbstractItemView*> views = dock->findChildren<QAbstractItemView*>();
    for (QAbstractItemView* view : views) {
        QHeaderView* header = nullptr;
        if (auto* tree = qobject_cast<QTreeView*>(view))
            header = tree->header();
        else if (auto* table = qobject_cast<QTableView*>(view))
            header = table->horizontalHeader();
        if (!header || !view->isVisibleTo(&window) || !view->model())
            continue;
        INFO("dock " << dock->windowTitle().toStdString() << ", view " << view->objectName().toStdString());
        // The view itself lies wholly in the dock (a panel wider than its dock would scroll).
        const QRect inDock(view->mapTo(dock, QPoint(0, 0)), view->size());
        CHECK(inDock.left() >= 0);
        CHECK(inDock.right() < dock->width());
        int total = 0;
        for (int c = 0; c < header->count(); ++c) {
            if (header->isSectionHidden(c))
                continue;
            total += header->sectionSize(c);
            const QString title = view->model()->headerData(c, Qt::Horizontal).toString();
            INFO("column " << c << " \"" << title.toStdString() << "\" " << header->sectionSize(c) << " px");
            if (!header->isHidden()) {
                CHECK(header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(title));
                CHECK(header->sectionSize(c) >= header->sectionSizeHint(c)); // with the style's margins
            }
            if (header->sectionResizeMode(c) != QHeaderView::Stretch && !wraps(view) &&
                view->model()->rowCount() > 0) {
                // Only the main text column may elide (its whole text is in the tooltip), and
                // a view that wraps its texts shows them on more lines; the short columns of
                // the others show their content whole.
                CHECK(header->sectionSize(c) >= view->sizeHintForColumn(c)); // public in the base class
            }
        }
        CHECK(total <= view->viewport()->width());
        CHECK(view->horizontalScrollBar()->maximum() == 0);
        // The library names what there is to open: its names are never cut.
        if (auto* tree = qobject_cast<QTreeView*>(view);
            tree && (dock->objectName() == QLatin1String("LibraryDock") || wraps(view)))
            checkWrappedWhole(tree);
    }
    // Lists (the session's agenda, parking lot and notes) wrap rather than scroll sideways.
    for (QAbstractItemView* view : views)
        if (qobject_cast<QListView*>(view) && view->isVisibleTo(&window) && view->model() &&
            view->model()->rowCount() > 0) {
            INFO("dock " << dock->windowTitle().toStdString() << ", list " << view->accessibleName().toStdString());
            CHECK(view->horizontalScrollBar()->maximum() == 0);
        }
}

void settle()
{
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QTest::qWait(10);
    }
}

} // namespace

TEST_CASE("At 1920x1080 every dock shows whole columns and headers, and no ampersand or empty () shows",
          "[mainwindow][window][panels]")
{
    test::isolateSettings();
    test::AppFont font; // the app's font: the widths depend on it
    const std::string path = test::demoWorkspaceFile("cw-panel-columns");
    {
        // The demo's session too (as `crosswalk demo` writes it), so the Session panel has its lists.
        Workspace ws = Workspace::open(path);
        std::vector<Map> maps;
        for (const MapSummary& summary : ws.listMaps())
            maps.push_back(ws.loadMap(summary.id));
        ws.saveSession(demoSession(maps), 0);
    }
    {
        MainWindow window;
        // Maximised on a 1920x1080 screen (the offscreen screen is smaller, so set its size).
        window.show();
        window.resize(1920, 1050);
        REQUIRE(window.openWorkspace(QString::fromStdString(path)));
        REQUIRE(window.document());
        settle();
        window.fitDockTabs();
        settle();

        // The check itself sees an ampersand shown as text: a label with a mnemonic and no buddy.
        {
            QLabel planted(QStringLiteral("&Colour:"), &window);
            planted.show();
            CHECK(ampersandsShown(window).contains("label &Colour:"));
            planted.setBuddy(window.centralWidget());
            CHECK_FALSE(ampersandsShown(window).contains("label &Colour:"));
        }

        const QList<QDockWidget*> docks = window.findChildren<QDockWidget*>();
        REQUIRE(docks.size() >= 8); // library, inspector, annotations, horizons, revisions, insights, parking lot, session
        for (QDockWidget* dock : docks) {
            dock->show();
            dock->raise();
            settle();
            REQUIRE(dock->isVisible());
            checkColumns(window, dock);
            const QStringList shown = ampersandsShown(window);
            INFO("dock " << dock->windowTitle().toStdString() << ": " << shown.join(" | ").toStdString());
            CHECK(shown.isEmpty());
        }

        // Every demo map, and one without a district: no "()" in the title.
        for (const MapSummary& info : window.workspace()->listMaps()) {
            REQUIRE(window.openMap(QString::fromStdString(info.id)));
            INFO(window.windowTitle().toStdString());
            CHECK_FALSE(window.windowTitle().contains("()"));
            CHECK(window.windowTitle().contains(QString::fromStdString(info.title)));
        }
        MapProperties props = window.document()->map().props;
        props.district = " ";
        window.document()->push(UpdateMapProperties{props});
        settle();
        CHECK_FALSE(window.windowTitle().contains("()"));
        CHECK_FALSE(window.windowTitle().contains("( )"));

        // A revision of that map opens in a window of its own, titled without "()" too.
        window.revisions()->createRevision("Before the retreat");
        const QList<QWidget*> before = QApplication::topLevelWidgets();
        const std::vector<Revision> revisions = window.workspace()->listRevisions(window.document()->map().id);
        REQUIRE_FALSE(revisions.empty());
        emit window.revisions()->openRevisionReadOnly(QString::fromStdString(revisions.back().id));
        QWidget* shown = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (!before.contains(w) && w->isVisible())
                shown = w;
        REQUIRE(shown);
        INFO(shown->windowTitle().toStdString());
        CHECK(shown->windowTitle().contains("read-only revision"));
        CHECK_FALSE(shown->windowTitle().contains("()"));
        CHECK_FALSE(shown->windowTitle().contains("( )"));
        shown->close();
        window.close();
    }
    std::filesystem::remove(path);
}
