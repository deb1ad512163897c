// Facilitation tools in edit mode: sticky notes and dot votes on the canvas, the parking lot
// panel, all undoable and found again after reopening the workspace.

#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h"
#include "ui/panels/parkinglotpanel.h"
#include "support/uiinput.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>
#include <optional>

using namespace crosswalk;
using namespace crosswalk::test;

namespace {

Map sessionMap()
{
    Map m;
    m.id = "m-session";
    m.props.title = "Principal evaluation";
    m.lanes = {Lane{"l1", "Principal", "#E8F0FE", 160}, Lane{"l2", "Principal Supervisor", "#E6F4EA", 160}};
    m.phases = {Phase{"p1", "Fall", "#FFFFFF", 900}};
    m.steps = {Step{"s1", "l1", "p1", StepKind::Activity, "Self-assessment", "", 30, 45, 150, 70},
               Step{"s2", "l1", "p1", StepKind::Meeting, "Goal-setting conference", "", 330, 45, 150, 70},
               Step{"s3", "l2", "p1", StepKind::Decision, "Rating decision", "", 330, 45, 150, 70}};
    m.flows = {Flow{"f1", "s1", "s2", ""}, Flow{"f2", "s2", "s3", ""}};
    return m;
}

/// A workspace file with the map, a document, a canvas and the parking-lot panel on it;
/// reopen() closes everything and opens the file again, as after quitting the app.
struct Fixture {
    QTemporaryDir dir;
    std::string path;
    std::optional<Workspace> ws;
    std::unique_ptr<MapDocument> doc;
    std::unique_ptr<MapCanvas> canvas;
    std::unique_ptr<ParkingLotPanel> panel;

    explicit Fixture(const Map& map) : path(dir.filePath("session.crosswalk").toStdString())
    {
        Workspace created = Workspace::create(path);
        created.addMap(map);
        open();
    }

    void open()
    {
        ws.emplace(Workspace::open(path));
        doc = std::make_unique<MapDocument>(*ws, ws->loadMap("m-session"));
        canvas = std::make_unique<MapCanvas>();
        canvas->resize(1400, 800);
        canvas->setDocument(doc.get());
        canvas->show();
        panel = std::make_unique<ParkingLotPanel>();
        panel->setDocument(doc.get());
        panel->resize(360, 500);
        panel->show();
        QApplication::processEvents();
        canvas->setFocus();
    }

    void reopen()
    {
        panel.reset();
        canvas.reset();
        doc.reset();
        ws.reset();
        open();
    }

    const Map& map() const { return doc->map(); }
    MapScene* scene() const { return canvas->mapScene(); }
    QWidget* viewport() const { return canvas->viewport(); }
    QPoint at(const QPointF& scenePos) const { return canvas->mapFromScene(scenePos); }
    QPoint stepCentre(const std::string& id) const { return at(scene()->stepItem(id)->sceneRectOfStep().center()); }
    Map stored() const { return Workspace::open(path, Workspace::Mode::ReadOnly).loadMap("m-session"); }

    /// Opens the context menu at a viewport point and triggers the action with this text.
    void chooseFromMenu(const QPoint& pos, const QStringList& texts)
    {
        bool triggered = false;
        QTimer::singleShot(0, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QMenu* top = menu;
            for (int i = 0; menu && i < texts.size(); ++i) {
                QAction* found = nullptr;
                for (QAction* action : menu->actions())
                    if (action->text() == texts[i])
                        found = action;
                if (!found)
                    break;
                if (i + 1 == texts.size()) {
                    if (top)
                        top->close();
                    found->trigger();
                    triggered = true;
                    return;
                }
                menu = found->menu();
            }
            if (top)
                top->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, viewport()->mapToGlobal(pos));
        QApplication::sendEvent(viewport(), &event);
        QApplication::processEvents();
        REQUIRE(triggered);
    }
};

} // namespace

TEST_CASE("A sticky note is typed in place on a step, undone, redone and found after reopening",
          "[canvas][facilitation]")
{
    Fixture fx(sessionMap());
    QUndoStack* undo = fx.doc->undoStack();

    // Right-click the step, "Add sticky note", type, Enter: one note, stored at once.
    fx.chooseFromMenu(fx.stepCentre("s2"), {"Add sticky note"});
    REQUIRE(fx.canvas->isEditing());
    keyClicks(fx.canvas.get(), "Ask HR who reads it");
    keyClick(fx.canvas.get(), Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    CHECK_FALSE(fx.canvas->isEditing());
    REQUIRE(fx.map().stickyNotes.size() == 1);
    const StickyNote note = fx.map().stickyNotes.front();
    CHECK(note.step == "s2");
    CHECK(note.text == "Ask HR who reads it");
    CHECK(fx.stored().stickyNotes == fx.map().stickyNotes);
    CHECK(undo->undoText() == "Add sticky note");

    // Drawn below its step, clear of the label and of the handle in the middle of the bottom
    // edge (where flows from below arrive): to the right of the middle.
    StickyNoteItem* item = fx.scene()->stickyNoteItem(note.id);
    REQUIRE(item);
    const QRectF stepRect = fx.scene()->stepItem("s2")->sceneRectOfStep();
    const QRectF noteRect = item->sceneBoundingRect();
    CHECK(noteRect.top() > stepRect.bottom() + 6);
    CHECK(noteRect.left() > stepRect.center().x() + 6);
    CHECK(noteRect.left() < stepRect.right());
    CHECK(item->toolTip() == "Ask HR who reads it");

    // An empty note is not added; Esc adds nothing either.
    fx.canvas->addStickyNoteTo("s1");
    REQUIRE(fx.canvas->isEditing());
    keyClick(fx.canvas.get(), Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    fx.canvas->addStickyNoteTo("s1");
    keyClicks(fx.canvas.get(), "never mind");
    keyClick(fx.canvas.get(), Qt::Key_Escape);
    CHECK(fx.map().stickyNotes.size() == 1);
    CHECK(undo->count() == 1);

    // Double-click the note to edit it in place.
    doubleClick(fx.viewport(), fx.at(noteRect.center()));
    REQUIRE(fx.canvas->isEditing());
    CHECK_FALSE(item->isVisible()); // the editor takes its place
    keyClicks(fx.canvas.get(), "Who signs");
    keyClick(fx.canvas.get(), Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    CHECK(fx.map().stickyNotes.front().text == "Who signs");
    CHECK(fx.scene()->stickyNoteItem(note.id)->isVisible());

    // Undo and redo, the canvas following.
    undo->undo();
    CHECK(fx.map().stickyNotes.front().text == "Ask HR who reads it");
    undo->undo();
    CHECK(fx.map().stickyNotes.empty());
    CHECK(fx.scene()->stickyNoteItemCount() == 0);
    CHECK(fx.stored().stickyNotes.empty());
    undo->redo();
    undo->redo();
    REQUIRE(fx.scene()->stickyNoteItemCount() == 1);
    CHECK(fx.scene()->stickyNoteItem(note.id)->note().text == "Who signs");

    // The note's own menu recolours and deletes it; deleting its step takes it along and
    // undo brings both back.
    fx.chooseFromMenu(fx.at(fx.scene()->stickyNoteItem(note.id)->sceneBoundingRect().center()), {"Colour", "Green"});
    CHECK(fx.map().stickyNotes.front().color == "#C7F0D8");
    fx.canvas->selectStep("s2", false);
    fx.canvas->deleteSelection();
    CHECK(fx.map().stickyNotes.empty());
    CHECK(fx.scene()->stickyNoteItemCount() == 0);
    undo->undo();
    REQUIRE(fx.map().stickyNotes.size() == 1);
    CHECK(fx.scene()->stickyNoteItem(note.id) != nullptr);

    // After closing and reopening the workspace the note is there, drawn on its step.
    fx.reopen();
    REQUIRE(fx.map().stickyNotes.size() == 1);
    CHECK(fx.map().stickyNotes.front().text == "Who signs");
    CHECK(fx.map().stickyNotes.front().color == "#C7F0D8");
    REQUIRE(fx.scene()->stickyNoteItem(note.id));
    CHECK(fx.scene()->stickyNoteItem(note.id)->parentItem() == fx.scene()->stepItem("s2"));

    fx.chooseFromMenu(fx.at(fx.scene()->stickyNoteItem(note.id)->sceneBoundingRect().center()), {"Delete sticky note"});
    CHECK(fx.map().stickyNotes.empty());

    // Notes on one step alternate right and left of the middle of its bottom edge.
    REQUIRE(fx.doc->push(AddStickyNote{{"n-a", "s2", "First", "#FFE680"}, std::nullopt}));
    REQUIRE(fx.doc->push(AddStickyNote{{"n-b", "s2", "Second", "#FFE680"}, std::nullopt}));
    const QRectF step2 = fx.scene()->stepItem("s2")->sceneRectOfStep();
    CHECK(fx.scene()->stickyNoteItem("n-a")->sceneBoundingRect().left() > step2.center().x() + 6);
    CHECK(fx.scene()->stickyNoteItem("n-b")->sceneBoundingRect().right() < step2.center().x() - 6);
    CHECK(fx.scene()->nextNoteRect("s2").left() > fx.scene()->stickyNoteItem("n-a")->sceneBoundingRect().right());
}

TEST_CASE("Dot votes show on steps, reset as one undoable edit, and are stored", "[canvas][facilitation]")
{
    Fixture fx(sessionMap());
    QUndoStack* undo = fx.doc->undoStack();

    // The menu votes on the step clicked (nothing was selected); the key on the selection.
    fx.chooseFromMenu(fx.stepCentre("s3"), {"Add vote"});
    CHECK(fx.map().votesOn("s3") == 1);
    fx.canvas->selectStep("s3", false);
    fx.canvas->voteOnSelection(1);
    fx.canvas->voteOnSelection(1);
    CHECK(fx.map().votesOn("s3") == 3);
    VoteDotsItem* dots = fx.scene()->voteDots("s3");
    REQUIRE(dots);
    CHECK(dots->count() == 3);
    CHECK_FALSE(dots->showsNumber());
    // On the step's top edge at its left, away from the annotation badges at its right.
    const QRectF stepRect = fx.scene()->stepItem("s3")->sceneRectOfStep();
    CHECK(dots->sceneBoundingRect().center().x() < stepRect.center().x());
    CHECK(std::abs(dots->mapToScene(QPointF(0, VoteDotsItem::kDot / 2)).y() - stepRect.top()) < 1);

    fx.canvas->selectStep("s1", false);
    fx.canvas->voteOnSelection(1);
    fx.chooseFromMenu(fx.stepCentre("s1"), {"Remove vote"});
    CHECK(fx.map().votesOn("s1") == 0);
    CHECK(fx.scene()->voteDots("s1") == nullptr);
    fx.canvas->voteOnSelection(1);
    CHECK(fx.panel->voteSummary()->text() == "4 dot votes on 2 steps");
    CHECK(fx.stored().votes == std::map<std::string, int>{{"s1", 1}, {"s3", 3}});

    // Reset from the panel: one edit, undone and redone.
    const int before = undo->count();
    QTest::mouseClick(fx.panel->resetVotesButton(), Qt::LeftButton);
    CHECK(fx.map().votes.empty());
    CHECK(fx.scene()->voteDots("s3") == nullptr);
    CHECK(undo->count() == before + 1);
    CHECK(undo->undoText() == "Reset votes");
    CHECK_FALSE(fx.panel->resetVotesButton()->isEnabled());
    undo->undo();
    CHECK(fx.map().votesOn("s3") == 3);
    REQUIRE(fx.scene()->voteDots("s3"));
    CHECK(fx.stored().votesOn("s3") == 3);

    // Many votes read as one dot with the count.
    fx.canvas->selectStep("s3", false);
    for (int i = 0; i < 9; ++i)
        fx.canvas->voteOnSelection(1);
    CHECK(fx.scene()->voteDots("s3")->count() == 12);
    CHECK(fx.scene()->voteDots("s3")->showsNumber());

    fx.reopen();
    CHECK(fx.map().votesOn("s3") == 12);
    REQUIRE(fx.scene()->voteDots("s3"));
    CHECK(fx.scene()->voteDots("s3")->count() == 12);
}

TEST_CASE("The parking lot panel parks, edits, ticks and deletes questions, undoably and stored",
          "[panels][facilitation]")
{
    Fixture fx(sessionMap());
    QUndoStack* undo = fx.doc->undoStack();
    ParkingLotPanel& panel = *fx.panel;
    CHECK(panel.itemIds().isEmpty());
    CHECK_FALSE(panel.parkButton()->isEnabled());

    // Typed and parked with Return; a second one with the button.
    panel.questionEdit()->setFocus();
    QTest::keyClicks(panel.questionEdit(), "Who owns the calendar?");
    QTest::keyClick(panel.questionEdit(), Qt::Key_Return);
    REQUIRE(panel.itemIds().size() == 1);
    CHECK(panel.questionEdit()->text().isEmpty());
    QTest::keyClicks(panel.questionEdit(), "Budget for coaching");
    QTest::mouseClick(panel.parkButton(), Qt::LeftButton);
    CHECK(panel.itemTexts() == QStringList{"Who owns the calendar?", "Budget for coaching"});
    REQUIRE(fx.map().parkingLot.size() == 2);
    CHECK_FALSE(fx.map().parkingLot[0].createdAt.empty());
    CHECK(fx.stored().parkingLot == fx.map().parkingLot);
    CHECK(undo->undoText() == "Park question");

    // Tick the first one done through its check box.
    QListWidgetItem* first = panel.list()->item(0);
    first->setCheckState(Qt::Checked);
    CHECK(fx.map().parkingLot[0].done);
    CHECK(panel.list()->item(0)->checkState() == Qt::Checked);
    CHECK(panel.list()->item(0)->font().strikeOut());
    CHECK(undo->undoText() == "Tick parked question");

    // Edit the second one in the list.
    panel.list()->item(1)->setText("Budget for coaching, 2027");
    CHECK(fx.map().parkingLot[1].text == "Budget for coaching, 2027");

    // Delete it with the Delete key in the list.
    panel.list()->setCurrentRow(1);
    panel.list()->setFocus();
    QTest::keyClick(panel.list(), Qt::Key_Delete);
    CHECK(fx.map().parkingLot.size() == 1);
    CHECK(panel.itemIds().size() == 1);

    // Undo the delete and the edit; redo the edit.
    undo->undo();
    CHECK(panel.itemTexts() == QStringList{"Who owns the calendar?", "Budget for coaching, 2027"});
    undo->undo();
    CHECK(panel.itemTexts() == QStringList{"Who owns the calendar?", "Budget for coaching"});
    undo->redo();
    CHECK(fx.stored().parkingLot == fx.map().parkingLot);

    // The session length is stored too.
    panel.sessionMinutes()->setValue(90);
    CHECK(fx.map().session == SessionTimer{5400, 5400, false});
    CHECK(undo->undoText() == "Set session length");

    // The countdown's state is stored without an undo step; the length stays undoable.
    const int steps = undo->count();
    REQUIRE(fx.doc->storeSessionTimer(SessionTimer{5400, 3000, true}));
    CHECK(undo->count() == steps);
    CHECK(fx.stored().session == SessionTimer{5400, 3000, true});
    // While it runs, the length cannot be changed (it would wind the countdown back).
    CHECK_FALSE(fx.panel->sessionMinutes()->isEnabled());
    fx.panel->setSessionMinutes(30);
    CHECK(fx.map().session == SessionTimer{5400, 3000, true});
    REQUIRE(fx.doc->storeSessionTimer(SessionTimer{5400, 2950, false}));
    CHECK(fx.panel->sessionMinutes()->isEnabled());
    CHECK(fx.panel->sessionMinutes()->value() == 90);

    fx.reopen();
    CHECK(fx.panel->itemTexts() == QStringList{"Who owns the calendar?", "Budget for coaching, 2027"});
    CHECK(fx.panel->list()->item(0)->checkState() == Qt::Checked);
    CHECK(fx.panel->sessionMinutes()->value() == 90);
    CHECK(fx.map().session == SessionTimer{5400, 2950, false});
    // A new length keeps the time left of a paused timer; undo puts the old length back.
    fx.panel->setSessionMinutes(60);
    CHECK(fx.map().session == SessionTimer{3600, 2950, false});
    fx.doc->undoStack()->undo();
    CHECK(fx.map().session == SessionTimer{5400, 2950, false});
}
