#include "ui/panels/annotationspanel.h"
#include "ui/common/annotationtext.h"
#include "ui/panels/panelfixture.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace crosswalk;
using namespace crosswalk::paneltest;

namespace {

/// The target each choice is placed on in these tests: a step, a flow, a lane or the whole map.
struct Placement {
    QStringList steps, flows;
    QString lane;
    std::string expected;
};
Placement placementFor(std::size_t i)
{
    switch (i % 4) {
    case 0:
        return {{"s2"}, {}, "l2", "s2"};
    case 1:
        return {{}, {"f1"}, "", "f1"};
    case 2:
        return {{}, {}, "l1", "l1"};
    default:
        return {{}, {}, "", ""};
    }
}

struct PanelFixture : DocumentFixture {
    AnnotationsPanel panel;
    explicit PanelFixture(const Map& map, const std::string& name) : DocumentFixture(map, name)
    {
        panel.setDocument(&*doc);
        panel.resize(900, 700);
        panel.show();
        REQUIRE(QTest::qWaitForWindowExposed(&panel));
    }
    ~PanelFixture() { panel.setDocument(nullptr); }

    QTreeWidgetItem* row(const std::string& annotationId) const
    {
        for (QTreeWidgetItemIterator it(panel.list()); *it; ++it)
            if ((*it)->data(0, Qt::UserRole).toString() == QString::fromStdString(annotationId))
                return *it;
        return nullptr;
    }
    QPoint cellCentre(const std::string& annotationId, int column) const
    {
        QTreeWidgetItem* item = row(annotationId);
        REQUIRE(item);
        const QModelIndex index = panel.list()->model()->index(panel.list()->indexOfTopLevelItem(item), column);
        return panel.list()->visualRect(index).center();
    }
    void click(const std::string& annotationId, int column = AnnotationsPanel::TextColumn)
    {
        QTest::mouseClick(panel.list()->viewport(), Qt::LeftButton, {}, cellCentre(annotationId, column));
    }
    /// Adds one annotation of every kind choice, each on a different kind of target.
    std::vector<std::string> addOneOfEach()
    {
        std::vector<std::string> ids;
        const auto& choices = kindChoices();
        for (std::size_t i = 0; i < choices.size(); ++i) {
            Annotation a;
            a.id = "a" + std::to_string(i + 1);
            a.kind = choices[i].kind;
            a.variation = choices[i].variation;
            a.horizon = choices[i].horizon;
            a.target = placementFor(i).expected;
            a.text = "Note " + std::to_string(i + 1);
            REQUIRE(doc->push(AddAnnotation{a, std::nullopt}));
            ids.push_back(a.id);
        }
        return ids;
    }
};

/// A real double-click: press, release, then the double-click press and its release.
void doubleClick(QWidget* widget, QPoint pos)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
    QTest::mouseDClick(widget, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
}

QLineEdit* openLineEditor(QTreeWidget* list)
{
    QLineEdit* editor = nullptr;
    waitFor([&] {
        editor = list->viewport()->findChild<QLineEdit*>();
        return editor && editor->isVisible();
    });
    return editor;
}

} // namespace

TEST_CASE("Annotations of every kind are added from the form by keyboard and by mouse, stored and undoable", "[panels]")
{
    PanelFixture f(smallMap(), "add");
    const auto& choices = kindChoices();
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const Placement place = placementFor(i);
        f.panel.setSelection(place.steps, place.flows, place.lane);
        CHECK(f.panel.newTarget().toStdString() == place.expected);
        const QString text = QString("Observation %1").arg(i + 1);
        if (i % 2 == 0) {
            // Keyboard: pick the kind with Home / Down, type, Return.
            f.panel.newKind()->setFocus();
            QTest::keyClick(f.panel.newKind(), Qt::Key_Home);
            for (std::size_t k = 0; k < i; ++k)
                QTest::keyClick(f.panel.newKind(), Qt::Key_Down);
            QTest::keyClicks(f.panel.newAffects(), "New principals");
            f.panel.newText()->setFocus();
            QTest::keyClicks(f.panel.newText(), text);
            QTest::keyClick(f.panel.newText(), Qt::Key_Return);
        } else {
            f.panel.newKind()->setCurrentIndex(static_cast<int>(i));
            f.panel.newText()->setText(text);
            f.panel.newAffects()->setText("New principals");
            QTest::mouseClick(f.panel.addButton(), Qt::LeftButton);
        }
        INFO("choice " << i);
        REQUIRE(f.doc->map().annotations.size() == i + 1);
        const Annotation& added = f.doc->map().annotations.back();
        CHECK(added.kind == choices[i].kind);
        CHECK(added.variation == choices[i].variation);
        CHECK(added.horizon == choices[i].horizon);
        CHECK(added.target == place.expected);
        CHECK(added.text == text.toStdString());
        CHECK(added.affects == "New principals");
        CHECK(f.panel.newText()->text().isEmpty()); // ready for the next one
        // Stored at once, and listed with its number and target.
        REQUIRE(f.stored().annotation(added.id));
        CHECK(*f.stored().annotation(added.id) == added);
        QTreeWidgetItem* item = f.row(added.id);
        REQUIRE(item);
        CHECK(item->text(AnnotationsPanel::NumberColumn) == QString::number(i + 1));
        CHECK(item->text(AnnotationsPanel::TargetColumn) == annotationTargetText(f.doc->map(), place.expected));
    }
    CHECK(f.row("x") == nullptr);
    CHECK(f.panel.count(AnnotationKind::Variation) == 2);
    CHECK(f.panel.count(AnnotationKind::ChangeIdea) == 3);
    CHECK(f.panel.visibilityButton(AnnotationKind::ChangeIdea)->text() == "3");
    CHECK(f.row(f.doc->map().annotations[1].id)->text(AnnotationsPanel::TargetColumn) ==
          QString::fromUtf8("Flow: Self-assessment \u2192 Goal-setting conference"));
    CHECK(f.row(f.doc->map().annotations[2].id)->text(AnnotationsPanel::TargetColumn) == "Lane: Principal");
    CHECK(f.row(f.doc->map().annotations[3].id)->text(AnnotationsPanel::TargetColumn) == "Whole map");

    // A question needs words; a black box can stand on its own.
    f.panel.newKind()->setCurrentIndex(4);
    f.panel.newText()->clear();
    CHECK_FALSE(f.panel.addButton()->isEnabled());
    CHECK_FALSE(f.panel.addFromForm());
    f.panel.newKind()->setCurrentIndex(0);
    CHECK(f.panel.addButton()->isEnabled());

    const Map full = f.doc->map();
    for (std::size_t i = 0; i < choices.size(); ++i)
        f.doc->undoStack()->undo();
    CHECK(f.doc->map().annotations.empty());
    CHECK(f.stored().annotations.empty());
    CHECK(f.panel.list()->topLevelItemCount() == 0);
    for (std::size_t i = 0; i < choices.size(); ++i)
        f.doc->undoStack()->redo();
    CHECK(f.doc->map() == full);
    CHECK(f.stored() == full);
}

TEST_CASE("Annotations are edited in place by keyboard and by mouse", "[panels]")
{
    PanelFixture f(smallMap(), "edit");
    const std::vector<std::string> ids = f.addOneOfEach();
    const auto& choices = kindChoices();
    QSignalSpy targets(&f.panel, &AnnotationsPanel::targetActivated);
    QSignalSpy activated(&f.panel, &AnnotationsPanel::annotationActivated);

    for (std::size_t i = 0; i < ids.size(); ++i) {
        INFO("annotation " << ids[i]);
        const Annotation before = *f.doc->map().annotation(ids[i]);

        // Selecting it by mouse names its target for the canvas.
        f.click(ids[i]);
        REQUIRE(!targets.isEmpty());
        CHECK(targets.takeLast().at(0).toString().toStdString() == before.target);
        CHECK(activated.takeLast().at(0).toString().toStdString() == ids[i]);

        // Text: F2, type, Return.
        f.panel.list()->setFocus();
        QTest::keyClick(f.panel.list(), Qt::Key_F2);
        QLineEdit* editor = openLineEditor(f.panel.list());
        REQUIRE(editor);
        editor->selectAll();
        QTest::keyClicks(editor, "Edited by keyboard");
        QTest::keyClick(editor, Qt::Key_Return);
        REQUIRE(waitFor([&] { return f.doc->map().annotation(ids[i])->text == "Edited by keyboard"; }));
        CHECK(f.stored().annotation(ids[i])->text == "Edited by keyboard");

        // Who is affected: double-click the cell, type, Return.
        doubleClick(f.panel.list()->viewport(), f.cellCentre(ids[i], AnnotationsPanel::AffectsColumn));
        editor = openLineEditor(f.panel.list());
        REQUIRE(editor);
        editor->selectAll();
        QTest::keyClicks(editor, "Supervisors");
        QTest::keyClick(editor, Qt::Key_Return);
        REQUIRE(waitFor([&] { return f.doc->map().annotation(ids[i])->affects == "Supervisors"; }));

        // Kind: double-click the kind cell, pick the next choice with the keyboard.
        doubleClick(f.panel.list()->viewport(), f.cellCentre(ids[i], AnnotationsPanel::KindColumn));
        QComboBox* kindEditor = nullptr;
        REQUIRE(waitFor([&] { return (kindEditor = f.panel.list()->viewport()->findChild<QComboBox*>()) != nullptr; }));
        const std::size_t next = (i + 1) % choices.size();
        QTest::keyClick(kindEditor, i + 1 == choices.size() ? Qt::Key_Home : Qt::Key_Down);
        REQUIRE(waitFor([&] {
            const Annotation* a = f.doc->map().annotation(ids[i]);
            return a->kind == choices[next].kind && a->variation == choices[next].variation &&
                   a->horizon == choices[next].horizon;
        }));
        const Annotation after = *f.doc->map().annotation(ids[i]);
        CHECK(after.variation == choices[next].variation);
        CHECK(after.horizon == choices[next].horizon);
        CHECK(after.target == before.target);
        CHECK(*f.stored().annotation(ids[i]) == after);

        // Three edits, three undo steps, back to where it was.
        f.doc->undoStack()->undo();
        f.doc->undoStack()->undo();
        f.doc->undoStack()->undo();
        CHECK(*f.doc->map().annotation(ids[i]) == before);
        CHECK(*f.stored().annotation(ids[i]) == before);
        CHECK(f.row(ids[i])->text(AnnotationsPanel::TextColumn).toStdString() == before.text);
    }
}

TEST_CASE("Annotations are filtered and grouped by kind, lane, phase and horizon", "[panels]")
{
    PanelFixture f(smallMap(), "filter");
    const std::vector<std::string> ids = f.addOneOfEach();
    const Map& map = f.doc->map();
    CHECK(f.panel.listedAnnotationIds().size() == static_cast<int>(ids.size()));

    // Kind, by keyboard in the filter box: "All kinds" then the kinds in order.
    for (std::size_t k = 0; k < std::size(kAllAnnotationKinds); ++k) {
        const AnnotationKind kind = kAllAnnotationKinds[k];
        f.panel.kindFilterBox()->setFocus();
        QTest::keyClick(f.panel.kindFilterBox(), Qt::Key_Home);
        for (std::size_t d = 0; d <= k; ++d)
            QTest::keyClick(f.panel.kindFilterBox(), Qt::Key_Down);
        const QStringList listed = f.panel.listedAnnotationIds();
        INFO("kind " << toString(kind));
        CHECK(listed.size() == f.panel.count(kind));
        for (const QString& id : listed)
            CHECK(map.annotation(id.toStdString())->kind == kind);
    }
    f.panel.setKindFilter(std::nullopt);

    // Lane: a step's lane, a flow's source lane, the lane itself.
    f.panel.setLaneFilter("l1");
    for (const QString& id : f.panel.listedAnnotationIds())
        CHECK(annotationLane(map, *map.annotation(id.toStdString())) == "l1");
    CHECK_FALSE(f.panel.listedAnnotationIds().isEmpty());
    f.panel.setLaneFilter({});

    f.panel.setPhaseFilter("p1");
    const QStringList inFall = f.panel.listedAnnotationIds();
    CHECK_FALSE(inFall.isEmpty());
    for (const QString& id : inFall)
        CHECK(annotationPhase(map, *map.annotation(id.toStdString())) == "p1");
    f.panel.setPhaseFilter({});

    for (int h = 1; h <= 3; ++h) {
        f.panel.setHorizonFilter(h);
        const QStringList listed = f.panel.listedAnnotationIds();
        REQUIRE(listed.size() == 1);
        CHECK(map.annotation(listed.front().toStdString())->horizon == h);
    }
    f.panel.setHorizonFilter(std::nullopt);

    // Grouped by kind: one heading per kind in use, every annotation under its kind.
    f.panel.setGrouping(AnnotationsPanel::Grouping::Kind);
    CHECK(f.panel.list()->topLevelItemCount() == static_cast<int>(std::size(kAllAnnotationKinds)));
    CHECK(f.panel.list()->topLevelItem(0)->text(0) == "Black box (1)");
    CHECK(f.panel.list()->topLevelItem(5)->text(0) == "Change idea (3)");
    CHECK(f.panel.listedAnnotationIds().size() == static_cast<int>(ids.size()));
    f.panel.setGrouping(AnnotationsPanel::Grouping::Horizon);
    CHECK(f.panel.list()->topLevelItem(0)->text(0) == "Horizon 1 (1)");
    f.panel.setGrouping(AnnotationsPanel::Grouping::Lane);
    f.panel.setGrouping(AnnotationsPanel::Grouping::Phase);
    CHECK(f.panel.listedAnnotationIds().size() == static_cast<int>(ids.size()));
    f.panel.setGrouping(AnnotationsPanel::Grouping::None);
    CHECK(f.panel.list()->topLevelItemCount() == static_cast<int>(ids.size()));
}

TEST_CASE("Each kind's visibility toggles by mouse and by keyboard", "[panels]")
{
    PanelFixture f(smallMap(), "hide");
    f.addOneOfEach();
    QSignalSpy changed(&f.panel, &AnnotationsPanel::visibilityChanged);
    int expected = 0;
    for (AnnotationKind kind : kAllAnnotationKinds) {
        QToolButton* button = f.panel.visibilityButton(kind);
        REQUIRE(button);
        CHECK(button->isChecked());
        QTest::mouseClick(button, Qt::LeftButton);
        CHECK(f.panel.hiddenKinds().contains(kind));
        CHECK(changed.size() == ++expected);
    }
    CHECK(f.panel.hiddenKinds().size() == static_cast<int>(std::size(kAllAnnotationKinds)));
    // Hidden on the canvas, still listed here.
    CHECK(f.panel.listedAnnotationIds().size() == static_cast<int>(kindChoices().size()));
    for (AnnotationKind kind : kAllAnnotationKinds) {
        QToolButton* button = f.panel.visibilityButton(kind);
        button->setFocus();
        QTest::keyClick(button, Qt::Key_Space);
        CHECK_FALSE(f.panel.hiddenKinds().contains(kind));
        CHECK(changed.size() == ++expected);
    }
    f.panel.setKindHidden(AnnotationKind::Harm, true);
    CHECK_FALSE(f.panel.visibilityButton(AnnotationKind::Harm)->isChecked());
    f.panel.setKindHidden(AnnotationKind::Harm, true); // no change, no signal
    CHECK(changed.size() == expected + 1);
}

TEST_CASE("Annotations of every kind are deleted by keyboard and by mouse, stored and undoable", "[panels]")
{
    PanelFixture f(smallMap(), "delete");
    const std::vector<std::string> ids = f.addOneOfEach();
    const Map full = f.doc->map();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        INFO("annotation " << ids[i]);
        f.click(ids[i]);
        if (i % 2 == 0) {
            f.panel.list()->setFocus();
            QTest::keyClick(f.panel.list(), Qt::Key_Delete);
        } else {
            QTest::mouseClick(f.panel.deleteButton(), Qt::LeftButton);
        }
        CHECK_FALSE(f.doc->map().annotation(ids[i]));
        CHECK_FALSE(f.stored().annotation(ids[i]));
        CHECK_FALSE(f.row(ids[i]));
    }
    CHECK(f.doc->map().annotations.empty());
    for (std::size_t i = 0; i < ids.size(); ++i)
        f.doc->undoStack()->undo();
    CHECK(f.doc->map() == full);
    CHECK(f.stored() == full);

    // Several at once: one undo step.
    f.panel.list()->setFocus();
    f.click(ids.front());
    QTest::keyClick(f.panel.list(), Qt::Key_A, Qt::ControlModifier);
    CHECK(f.panel.selectedAnnotationIds().size() == static_cast<int>(ids.size()));
    QTest::keyClick(f.panel.list(), Qt::Key_Delete);
    CHECK(f.doc->map().annotations.empty());
    CHECK(f.stored().annotations.empty());
    f.doc->undoStack()->undo();
    CHECK(f.stored() == full);
}

TEST_CASE("A badge selected on the canvas selects its annotation, a demo map lists all its annotations", "[panels]")
{
    PanelFixture f(demoMap(), "demo");
    const Map& map = f.doc->map();
    CHECK(f.panel.listedAnnotationIds().size() == static_cast<int>(map.annotations.size()));
    QSignalSpy targets(&f.panel, &AnnotationsPanel::targetActivated);
    const Annotation& last = map.annotations.back();
    f.panel.selectAnnotation(QString::fromStdString(last.id));
    CHECK(f.panel.selectedAnnotationIds() == QStringList{QString::fromStdString(last.id)});
    REQUIRE(targets.size() == 1);
    CHECK(targets.front().at(0).toString().toStdString() == last.target);
}
