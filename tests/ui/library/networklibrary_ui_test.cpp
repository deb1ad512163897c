// The network library in the main window, against a real PostgreSQL server: a district sees
// its own maps and those shared with it, another client's edit shows within a second, a
// conflict is reported with a clear message and nothing lost, and when the server goes away
// the window says so, refuses edits, keeps the map and catches up when it is back.
// Needs CROSSWALK_TEST_PG_URI (see support/pgtest.h); the offline test starts a server of its own.

#include "crosswalk/compare/decisionset.h"
#include "crosswalk/storage/networklibrary.h"
#include "support/pgtest.h"
#include "support/randommap.h"
#include "support/uisettings.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/document/mapdocument.h"
#include "ui/library/librarypanel.h"
#include "ui/mainwindow/mainwindow.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoStack>

#include <functional>

using namespace crosswalk;

namespace {

Map mapOf(std::uint64_t seed, const std::string& id, const std::string& district, const std::string& title)
{
    test::RandomMapOptions options;
    options.steps = 8;
    options.flows = 6;
    options.annotations = 2;
    options.lanes = 3;
    options.phases = 2;
    options.idPrefix = id + "-";
    Map map = test::randomMap(seed, options);
    map.id = id;
    map.props.district = district;
    map.props.title = title;
    return map;
}

/// Runs the event loop until the condition holds or the time is up.
bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    return true;
}

/// Every message box shown while it lives is read and closed, as a person would.
class MessageCatcher {
public:
    MessageCatcher()
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                    m_texts << box->text();
                    box->accept();
                }
        });
        m_timer.start(20);
    }
    const QStringList& texts() const { return m_texts; }
    int count() const { return static_cast<int>(m_texts.size()); }
    QString last() const { return m_texts.isEmpty() ? QString() : m_texts.back(); }

private:
    QTimer m_timer;
    QStringList m_texts;
};

QStringList listedIds(LibraryPanel* panel)
{
    QStringList ids;
    std::function<void(QTreeWidgetItem*)> walk = [&](QTreeWidgetItem* item) {
        const QString id = item->data(0, Qt::UserRole + 1).toString();
        if (!id.isEmpty())
            ids << id;
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < panel->tree()->topLevelItemCount(); ++i)
        walk(panel->tree()->topLevelItem(i));
    ids.sort();
    return ids;
}

Step relabelled(const Map& map, const std::string& stepId, const std::string& label)
{
    Step s = *map.step(stepId);
    s.label = label;
    return s;
}

} // namespace

TEST_CASE("A district in the window sees its maps and the shared ones, others' edits live, and conflicts reported",
          "[library][network]")
{
    if (!test::havePgServer())
        return;
    test::isolateSettings();
    test::TestLibrary lib;
    NetworkLibrary owner = NetworkLibrary::open(lib.ownerUri());
    const Map ours = mapOf(1, "m-ours", "Lakeside", "Our evaluation");
    const Map shared = mapOf(2, "m-shared", "Riverside", "Their shared map");
    const Map hidden = mapOf(3, "m-hidden", "Riverside", "Their private map");
    owner.addMap(ours);
    owner.addMap(shared);
    owner.addMap(hidden);
    owner.share(shared.id, true);

    MessageCatcher messages;
    MainWindow window;
    REQUIRE(window.openNetworkLibrary(QString::fromStdString(lib.uri(lib.roleA()))));
    // Only what is the district's own or shared with it; another district's private map is not even listed.
    CHECK(listedIds(window.library()) == QStringList{"m-ours", "m-shared"});
    REQUIRE(window.document());
    REQUIRE(window.document()->map().id == ours.id);
    CHECK_FALSE(window.document()->readOnly());
    CHECK(window.online());

    // Another client of the district (another computer) edits: the window has it within a second.
    NetworkLibrary other = NetworkLibrary::open(lib.uri(lib.roleA()));
    Map theirs = other.loadMap(ours.id);
    other.applyEdit(theirs, RenameLane{theirs.lanes[0].id, "Renamed on another computer"});
    QElapsedTimer shown;
    shown.start();
    CHECK(waitUntil([&] { return window.document()->map() == theirs; }, 1000));
    INFO("shown after " << shown.elapsed() << " ms");

    // An edit made on an out-of-date map that touches something else is rebased: both are kept.
    other.applyEdit(theirs, RenameLane{theirs.lanes[1].id, "Second rename"});
    const std::string stepId = theirs.steps[0].id;
    const std::string originalLabel = theirs.steps[0].label;
    REQUIRE(window.document()->push(UpdateStep{relabelled(window.document()->map(), stepId, "Our label")}));
    Map stored = owner.loadMap(ours.id);
    CHECK(stored.lanes[1].name == "Second rename");
    CHECK(stored.step(stepId)->label == "Our label");
    CHECK(window.document()->map() == stored);
    // Undo takes back this window's edit only.
    window.document()->undoStack()->undo();
    stored = owner.loadMap(ours.id);
    CHECK(stored.step(stepId)->label == originalLabel);
    CHECK(stored.lanes[1].name == "Second rename");
    CHECK(window.document()->map() == stored);

    // Both change the same step: the later one is refused with a clear message, the window shows
    // the other's version, and the other's edit is kept.
    theirs = other.loadMap(ours.id);
    other.applyEdit(theirs, UpdateStep{relabelled(theirs, stepId, "Their label")});
    const int before = messages.count();
    CHECK_FALSE(window.document()->push(UpdateStep{relabelled(window.document()->map(), stepId, "My label")}));
    REQUIRE(waitUntil([&] { return messages.count() > before; }, 2000));
    CHECK(messages.last().contains("changed by another client in the same place"));
    CHECK(messages.last().contains("not saved"));
    CHECK(window.document()->map().step(stepId)->label == "Their label");
    CHECK(owner.loadMap(ours.id) == theirs);
    CHECK(window.document()->map() == theirs);

    // Another district's shared map opens, but the server refuses a change, and the window says why.
    REQUIRE(window.openMap(QString::fromStdString(shared.id)));
    const int beforeShared = messages.count();
    CHECK_FALSE(window.document()->push(UpdateStep{relabelled(shared, shared.steps[0].id, "Not ours to change")}));
    REQUIRE(waitUntil([&] { return messages.count() > beforeShared; }, 2000));
    CHECK(messages.last().contains("belongs to district \"Riverside\""));
    CHECK(window.document()->map() == shared);
    CHECK(owner.loadMap(shared.id) == shared);
    // Unshared by its district: it leaves the list of the window when it is next shown.
    owner.share(shared.id, false);
    CHECK_FALSE(NetworkLibrary::open(lib.uri(lib.roleA())).hasMap(shared.id));
}

TEST_CASE("When the library's server goes away the window says so, refuses edits, keeps the map and catches up",
          "[library][network][offline]")
{
    if (!test::havePgServer())
        return;
    test::isolateSettings();
    test::ThrowawayServer server(CROSSWALK_SOURCE_DIR "/scripts/pg-throwaway.sh");
    REQUIRE(server.ok());
    test::TestLibrary lib(server.uri());
    const Map ours = mapOf(4, "m-ours", "Lakeside", "Our evaluation");
    NetworkLibrary::open(lib.ownerUri()).addMap(ours);

    MessageCatcher messages;
    MainWindow window;
    REQUIRE(window.openNetworkLibrary(QString::fromStdString(lib.uri(lib.roleA()))));
    REQUIRE(window.document());
    const std::string stepId = ours.steps[0].id;
    REQUIRE(window.document()->push(UpdateStep{relabelled(window.document()->map(), stepId, "Saved before")}));
    const Map before = window.document()->map();
    const int undoSteps = window.document()->undoStack()->count();
    CHECK(window.findChild<QToolBar*>("offlineBanner") == nullptr); // never offline yet: no banner

    server.pause();
    REQUIRE(waitUntil([&] { return !window.online(); }, 5000));
    auto* banner = window.findChild<QToolBar*>("offlineBanner");
    REQUIRE(banner);
    CHECK_FALSE(banner->isHidden());
    auto* bannerText = banner->findChild<QLabel*>("offlineBannerText");
    REQUIRE(bannerText);
    CHECK(bannerText->text().startsWith("Offline"));
    CHECK(bannerText->text().contains("read-only"));
    CHECK_FALSE(bannerText->text().contains("postgresql://crosswalk_admin")); // the role's URI, no other
    CHECK(window.document()->readOnly());
    bool statusSaysOffline = false;
    for (QLabel* label : window.statusBar()->findChildren<QLabel*>())
        statusSaysOffline = statusSaysOffline || label->text().startsWith("Offline");
    CHECK(statusSaysOffline);

    // The canvas is read-only: Delete on a selected step does nothing, and says nothing.
    const int quiet = messages.count();
    window.canvas()->selectStep(QString::fromStdString(stepId), false);
    QTest::keyClick(window.canvas(), Qt::Key_Delete);
    QCoreApplication::processEvents();
    CHECK(window.document()->map() == before);
    CHECK(messages.count() == quiet);
    // A change that reaches the store anyway (a panel, a label typed before the server went) is
    // refused with a message saying nothing was saved; the map and its undo history stay.
    CHECK_FALSE(window.document()->push(UpdateStep{relabelled(before, stepId, "While offline")}));
    REQUIRE(waitUntil([&] { return messages.count() > quiet; }, 2000));
    CHECK(messages.last().contains("offline"));
    CHECK(window.document()->map() == before);
    // A comparison decision, which goes to the store without the canvas, says the same.
    try {
        window.store()->storeDecision(MatchDecision{ours.id, ours.id + "-other", DecisionKind::Step, "a", "b",
                                                    Decision::Confirmed});
        FAIL("a decision was stored while offline");
    } catch (const std::exception& e) {
        CHECK(std::string(e.what()).find("offline") != std::string::npos);
        CHECK(std::string(e.what()).find("read-only") == std::string::npos);
    }
    CHECK(window.document()->undoStack()->count() == undoSteps);

    server.resume();
    REQUIRE(waitUntil([&] { return window.online(); }, 10000));
    CHECK(banner->isHidden());
    CHECK_FALSE(window.document()->readOnly());
    // Nothing acknowledged was lost, and the window catches up with others' edits again.
    NetworkLibrary other = NetworkLibrary::open(lib.uri(lib.roleA()));
    Map theirs = other.loadMap(ours.id);
    CHECK(theirs == before);
    other.applyEdit(theirs, RenameLane{theirs.lanes[0].id, "Renamed after the restart"});
    CHECK(waitUntil([&] { return window.document()->map() == theirs; }, 2000));
    REQUIRE(window.document()->push(UpdateStep{relabelled(window.document()->map(), stepId, "While offline")}));
    CHECK(other.loadMap(ours.id).step(stepId)->label == "While offline");
    window.document()->undoStack()->undo(); // the history kept through the outage still undoes
    CHECK(other.loadMap(ours.id).step(stepId)->label == "Saved before");
    CHECK(NetworkLibrary::open(lib.ownerUri()).check().empty());
}
