#include "ui/panels/horizonsview.h"
#include "ui/panels/panelfixture.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace crosswalk;
using namespace crosswalk::paneltest;

namespace {

std::optional<int> storedHorizon(const DocumentFixture& f, const QString& id)
{
    return f.stored().annotation(id.toStdString())->horizon;
}

/// Drops the annotation on the list, as a drag from another horizon would.
void drop(QListWidget* list, const QString& annotationId)
{
    QMimeData mime;
    mime.setData(HorizonsView::kMimeType, annotationId.toUtf8());
    const QPoint pos = list->viewport()->rect().center();
    QDragEnterEvent enter(pos, Qt::MoveAction | Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &enter);
    CHECK(enter.isAccepted());
    QDragMoveEvent move(pos, Qt::MoveAction | Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &move);
    QDropEvent dropEvent(QPointF(pos), Qt::MoveAction | Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &dropEvent);
    // A copy, so that the source list does not remove the item the rebuild already moved.
    CHECK(dropEvent.dropAction() == Qt::CopyAction);
}

} // namespace

TEST_CASE("Change ideas are listed under their horizons and move by drag and drop, buttons and keys", "[panels]")
{
    DocumentFixture f(demoMap(0), "horizons");
    HorizonsView view;
    view.setDocument(&*f.doc);
    view.resize(1100, 500);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));

    // The demo map has one idea on each horizon.
    REQUIRE(view.ideasOn(1).size() == 1);
    REQUIRE(view.ideasOn(2).size() == 1);
    REQUIRE(view.ideasOn(3).size() == 1);
    CHECK(view.ideasOn(0).isEmpty());
    CHECK_FALSE(view.list(0)->parentWidget()->isVisible());
    const QString idea = view.ideasOn(1).front();
    // Its target is named with it.
    CHECK(view.list(1)->item(0)->text().contains(
        QString::fromStdString(f.doc->map().step(f.doc->map().annotation(idea.toStdString())->target)->label)));

    // Drag and drop onto horizon 3.
    drop(view.list(3), idea);
    CHECK(view.ideasOn(3).contains(idea));
    CHECK_FALSE(view.ideasOn(1).contains(idea));
    CHECK(storedHorizon(f, idea) == 3);

    // Button by mouse: one horizon earlier.
    view.selectIdea(idea);
    QSignalSpy targets(&view, &HorizonsView::targetActivated);
    QTest::mouseClick(view.earlierButton(), Qt::LeftButton);
    CHECK(view.ideasOn(2).contains(idea));
    CHECK(storedHorizon(f, idea) == 2);
    CHECK(view.currentIdea() == idea); // the selection follows the idea

    // Keys: Ctrl+Left, then "3", then Ctrl+Right on the last horizon does nothing.
    QListWidget* list = view.list(2);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Left, Qt::ControlModifier);
    CHECK(storedHorizon(f, idea) == 1);
    CHECK_FALSE(view.earlierButton()->isEnabled());
    QTest::keyClick(view.list(1), Qt::Key_3);
    CHECK(storedHorizon(f, idea) == 3);
    const int steps = f.doc->undoStack()->count();
    QTest::keyClick(view.list(3), Qt::Key_Right, Qt::ControlModifier);
    CHECK(f.doc->undoStack()->count() == steps);
    CHECK_FALSE(view.laterButton()->isEnabled());

    // A click on an idea names its target for the canvas.
    const QRect rect = view.list(2)->visualItemRect(view.list(2)->item(0));
    QTest::mouseClick(view.list(2)->viewport(), Qt::LeftButton, {}, rect.center());
    REQUIRE_FALSE(targets.isEmpty());
    const std::string other = view.ideasOn(2).front().toStdString();
    CHECK(targets.takeLast().at(0).toString().toStdString() == f.doc->map().annotation(other)->target);

    // Four moves, four undo steps.
    for (int i = 0; i < 4; ++i)
        f.doc->undoStack()->undo();
    CHECK(storedHorizon(f, idea) == 1);
    CHECK(view.ideasOn(1).contains(idea));

    // Only change ideas move.
    const QString blackBox = QString::fromStdString(f.doc->map().annotations.front().id);
    CHECK_FALSE(view.moveIdea(blackBox, 2));

    // An idea not yet on a horizon shows in its own column until it is placed.
    Annotation unplaced;
    unplaced.id = "a-unplaced";
    unplaced.kind = AnnotationKind::ChangeIdea;
    unplaced.text = "Share calibration notes";
    REQUIRE(f.doc->push(AddAnnotation{unplaced, std::nullopt}));
    CHECK(view.ideasOn(0) == QStringList{"a-unplaced"});
    CHECK(view.list(0)->parentWidget()->isVisibleTo(&view));
    drop(view.list(2), "a-unplaced");
    CHECK(storedHorizon(f, "a-unplaced") == 2);
    CHECK(view.ideasOn(0).isEmpty());
    view.setDocument(nullptr);
}
