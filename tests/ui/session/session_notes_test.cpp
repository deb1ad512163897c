// A running session's sticky notes are drawn (issue 17): on the canvas, below their step after
// the map's own notes and marked as the session's (author tab, dashed blue frame), or for a
// note on the whole map in a column right of the map that covers no step; in presentation, on
// their step (a framed paper with the count) and in the caption with their author.

#include "crosswalk/facilitation/session.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/canvas/mapscene.h"
#include "ui/canvas/sessionnoteitem.h"
#include "ui/canvas/stepitem.h"
#include "ui/canvas/stickynoteitem.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/present/presentationwindow.h"
#include "ui/present/presentitems.h"
#include "ui/present/presentscene.h"
#include "ui/session/sessionpanel.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

#include <filesystem>

using namespace crosswalk;

namespace {

std::string notesWorkspace()
{
    return test::demoSessionWorkspaceFile("cw-session-notes");
}

} // namespace

TEST_CASE("A running session's sticky notes are drawn on the canvas and in presentation", "[ui][session]")
{
    test::isolateSettings();
    const std::string path = notesWorkspace();
    {
        MainWindow window;
        window.resize(1600, 900);
        window.show();
        REQUIRE(window.openWorkspace(QString::fromStdString(path)));
        SessionPanel* panel = window.sessionPanel();
        REQUIRE(panel->session());
        REQUIRE(panel->startSession()); // opens the first item, Harbor City
        QApplication::processEvents();
        const Map& map = window.document()->map();
        REQUIRE(map.id == "m-harbor-city");
        MapScene* scene = window.canvas()->mapScene();

        // The step the walk reaches in two moves (found in presentation, left again).
        PresentationWindow* first = window.present(false);
        REQUIRE(first);
        REQUIRE(first->walkForward());
        REQUIRE(first->walkForward());
        const std::string stepId = first->currentStep();
        first->close();
        QApplication::processEvents();
        REQUIRE_FALSE(window.presentation());

        // A note on a step that also has a map note, one on the whole map, one on another map.
        window.document()->push(Edit{AddStickyNote{StickyNote{"n-map", stepId, "Map's own note", "#FFE680"}, {}}},
                                "Add Sticky Note");
        panel->setParticipant("kestrel-bay");
        REQUIRE(panel->addNote(map.id, stepId, "Ask HR who trains the supervisors"));
        REQUIRE(panel->addNote(map.id, "", "Compare with last year's rubric"));
        REQUIRE(panel->addNote("m-kestrel-bay", "", "Not on this map"));
        REQUIRE(panel->session()->notes.size() == 3);
        const SessionNote onStep = panel->session()->notes[0];
        const SessionNote onMap = panel->session()->notes[1];
        QApplication::processEvents();

        auto* layer = scene->findChild<SessionNoteLayer*>();
        REQUIRE(layer);
        CHECK(layer->itemCount() == 2); // the Kestrel Bay note is not on this map
        SessionNoteItem* stepNote = layer->item(onStep.id);
        REQUIRE(stepNote);
        CHECK(stepNote->tabText() == "Session \u00B7 Kestrel Bay team");
        CHECK(stepNote->parentItem() == scene->stepItem(stepId)); // moves with its step
        // Below the step, beside the map's own note, not over it.
        const QRectF stepRect = scene->stepItem(stepId)->sceneRectOfStep();
        const QRectF noteRect = stepNote->sceneBoundingRect();
        CHECK(noteRect.top() > stepRect.bottom());
        REQUIRE(scene->stickyNoteItem("n-map"));
        CHECK_FALSE(noteRect.intersects(scene->stickyNoteItem("n-map")->sceneBoundingRect()));
        // The whole-map note: right of the map, covering no step.
        SessionNoteItem* mapNote = layer->item(onMap.id);
        REQUIRE(mapNote);
        CHECK(mapNote->parentItem() == nullptr);
        for (const Step& s : map.steps)
            CHECK_FALSE(mapNote->sceneBoundingRect().intersects(scene->stepItem(s.id)->sceneRectOfStep()));
        CHECK(mapNote->sceneBoundingRect().left() > scene->mapBounds().right());
        CHECK(scene->sceneRect().contains(mapNote->sceneBoundingRect()));
        // A rebuild of the scene (an edit) keeps them.
        window.document()->push(Edit{AddStickyNote{StickyNote{"n-map2", stepId, "Another", "#FFE680"}, {}}},
                                "Add Sticky Note");
        QApplication::processEvents();
        REQUIRE(layer->item(onStep.id));
        CHECK_FALSE(layer->item(onStep.id)->sceneBoundingRect().intersects(
            scene->stickyNoteItem("n-map2")->sceneBoundingRect()));

        // In presentation: the step carries the session's note, the caption says who wrote it.
        PresentationWindow* p = window.present(false);
        REQUIRE(p);
        p->setAnimated(false);
        QApplication::processEvents();
        CHECK(p->scene()->stepItem(stepId)->decorations().sessionNotes == 1);
        CHECK(p->scene()->stepItem(stepId)->decorations().notes == 2);
        // No step current: the caption lists the notes on the whole map.
        CHECK(p->captionVisible());
        CHECK(p->captionText().contains("Session notes on this map"));
        CHECK(p->captionText().contains("Compare with last year's rubric"));
        CHECK_FALSE(p->captionText().contains("Not on this map"));
        REQUIRE(p->walkForward());
        REQUIRE(p->walkForward());
        REQUIRE(p->currentStep() == stepId);
        CHECK(p->captionText().contains("Ask HR who trains the supervisors"));
        CHECK(p->captionText().contains("Session note \u00B7 Kestrel Bay team"));
        CHECK(p->captionText().contains("Map's own note"));
        // A note added while presenting (N) shows at once, on the canvas too.
        REQUIRE(panel->addNote(map.id, stepId, "Second thought"));
        // Picked up on the presentation's next tick (every second).
        QElapsedTimer clock;
        clock.start();
        while (p->scene()->stepItem(stepId)->decorations().sessionNotes != 2 && clock.elapsed() < 3000)
            QTest::qWait(50);
        CHECK(p->scene()->stepItem(stepId)->decorations().sessionNotes == 2);
        CHECK(layer->itemCount() == 3);

        // Ended: the session's notes leave the map (they are in the session record).
        REQUIRE(panel->endSession());
        clock.restart();
        while (p->scene()->stepItem(stepId)->decorations().sessionNotes != 0 && clock.elapsed() < 3000)
            QTest::qWait(50);
        CHECK(layer->itemCount() == 0);
        CHECK(p->scene()->stepItem(stepId)->decorations().sessionNotes == 0);
        p->close();
        QApplication::processEvents();
    }
    std::filesystem::remove(path);
}
