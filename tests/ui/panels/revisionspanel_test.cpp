#include "crosswalk/insights/mapdiff.h"
#include "ui/panels/panelfixture.h"
#include "ui/panels/revisionspanel.h"

#include <catch2/catch.hpp>

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace crosswalk;
using namespace crosswalk::paneltest;

TEST_CASE("Revisions are named, listed newest first, opened, compared and restored", "[panels]")
{
    DocumentFixture f(smallMap(), "revisions");
    RevisionsPanel panel;
    panel.setDocument(&*f.doc);
    panel.resize(700, 600);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    CHECK(panel.revisionIds().isEmpty());
    CHECK_FALSE(panel.saveButton()->isEnabled());

    // Name one by keyboard (Return), one by mouse.
    panel.nameEdit()->setFocus();
    QTest::keyClicks(panel.nameEdit(), "After session 1, October");
    QTest::keyClick(panel.nameEdit(), Qt::Key_Return);
    REQUIRE(panel.revisionIds().size() == 1);
    const QString first = panel.revisionIds().front();
    CHECK(panel.nameEdit()->text().isEmpty());

    Annotation harm;
    harm.id = "a-harm";
    harm.kind = AnnotationKind::Harm;
    harm.target = "s3";
    harm.text = "The rating rests on one visit";
    REQUIRE(f.doc->push(AddAnnotation{harm, std::nullopt}));
    REQUIRE(f.doc->push(RenameLane{"l1", "Principals"}));

    panel.nameEdit()->setText("After session 3, March");
    QTest::mouseClick(panel.saveButton(), Qt::LeftButton);
    REQUIRE(panel.revisionIds().size() == 2);
    CHECK(panel.revisionIds().back() == first); // newest first
    CHECK(panel.revisionList()->topLevelItem(0)->text(0) == "After session 3, March");
    std::vector<Revision> stored = f.ws->listRevisions(f.mapId);
    REQUIRE(stored.size() == 2);
    CHECK(QString::fromStdString(stored.front().id) == panel.revisionIds().front());

    // Open read-only: the map as it was, through the signal and the helper.
    panel.selectRevision(first);
    QSignalSpy opened(&panel, &RevisionsPanel::openRevisionReadOnly);
    QTest::mouseClick(panel.openButton(), Qt::LeftButton);
    REQUIRE(opened.size() == 1);
    CHECK(opened.front().at(0).toString() == first);
    const std::optional<Map> old = panel.revisionMap(first);
    REQUIRE(old);
    CHECK(*old == f.ws->loadRevision(first.toStdString()));
    CHECK(old->annotations.empty());
    CHECK_FALSE(RevisionsPanel::revisionMap(*f.ws, "r-none"));

    // What changed since the first: listed with its texts and highlighted.
    QSignalSpy highlight(&panel, &RevisionsPanel::highlightChanges);
    QTest::mouseClick(panel.compareButton(), Qt::LeftButton);
    REQUIRE(!highlight.isEmpty());
    const MapDiff diff(*old, f.doc->map());
    QStringList texts;
    for (const EntityDiff& change : diff.changes())
        texts << QString::fromStdString(change.text);
    CHECK(panel.changeTexts() == texts);
    CHECK(panel.changeTexts().size() == 2);
    QList<QVariant> args = highlight.takeLast();
    CHECK(args.at(0).toStringList() == QStringList{"a-harm"});
    CHECK(args.at(1).toStringList() == QStringList{"l1"});
    CHECK(args.at(2).toStringList().isEmpty());

    // It follows further edits: removing a step shows as removed.
    REQUIRE(f.doc->push(RemoveStep{"s1"}));
    REQUIRE(!highlight.isEmpty());
    args = highlight.takeLast();
    CHECK(args.at(2).toStringList().contains("s1"));
    CHECK(args.at(2).toStringList().contains("f1"));
    f.doc->undoStack()->undo();

    // One line selected highlights that change alone.
    panel.changeList()->setCurrentItem(panel.changeList()->topLevelItem(0));
    args = highlight.takeLast();
    CHECK(args.at(0).toStringList().size() + args.at(1).toStringList().size() == 1);

    panel.clearChanges();
    args = highlight.takeLast();
    CHECK(args.at(0).toStringList().isEmpty());
    CHECK(args.at(1).toStringList().isEmpty());
    CHECK(panel.changeTexts().isEmpty());

    // Restore as a new map: the current map stays, a new one holds the revision.
    QSignalSpy restored(&panel, &RevisionsPanel::mapRestored);
    panel.selectRevision(first);
    QTest::mouseClick(panel.restoreButton(), Qt::LeftButton);
    REQUIRE(restored.size() == 1);
    const std::string newId = restored.front().at(0).toString().toStdString();
    REQUIRE(f.ws->hasMap(newId));
    const Map copy = f.ws->loadMap(newId);
    CHECK(copy.steps == old->steps);
    CHECK(copy.lanes == old->lanes);
    CHECK(copy.props.title.find("After session 1, October") != std::string::npos);
    CHECK(f.stored().annotation("a-harm"));
    panel.setDocument(nullptr);
}
