#include "crosswalk/insights/mapdiff.h"

#include "support/storagetest.h"
#include "support/randommap.h"
#include "crosswalk/storage/workspace.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace crosswalk;

namespace {

using Fields = std::vector<DiffField>;

struct Expected {
    DiffEntity entity;
    DiffChange change;
    std::string id;
    Fields fields;
    std::string text;
};

void checkChanges(const MapDiff& diff, const std::vector<Expected>& expected)
{
    const std::vector<EntityDiff>& got = diff.changes();
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
        INFO("change " << i << ": " << got[i].text);
        CHECK(got[i].entity == expected[i].entity);
        CHECK(got[i].change == expected[i].change);
        CHECK(got[i].id == expected[i].id);
        CHECK(got[i].fields == expected[i].fields);
        CHECK(got[i].text == expected[i].text);
    }
    CHECK(got.size() == expected.size());
}

} // namespace

TEST_CASE("Identical maps have no differences", "[insights]")
{
    const Map map = test::randomMap(3);
    CHECK(MapDiff(map, map).empty());
    CHECK(MapDiff(Map{}, Map{}).empty());
    // Where a step, flow or annotation sits in its list is not visible, so not a change.
    Map shuffled = map;
    std::reverse(shuffled.steps.begin(), shuffled.steps.end());
    std::reverse(shuffled.flows.begin(), shuffled.flows.end());
    std::reverse(shuffled.annotations.begin(), shuffled.annotations.end());
    CHECK(MapDiff(map, shuffled).empty());
}

TEST_CASE("MapDiff names every change of a hand-edited map, in order, with words", "[insights]")
{
    Map before = test::smallMap();
    before.step("s4")->label = "Mid-year review";

    Map after = before;
    after.props.title = "Principal support";
    std::swap(after.phases[0], after.phases[1]);
    after.phase("p3")->width = 520;
    after.lane("l1")->color = "#000000";
    after.lane("l3")->name = "Principals";
    after.lanes.push_back({"l4", "Superintendent", "#FFFFFF", 160});

    after.step("s1")->x = 60;
    after.step("s2")->label = "Goals conference";
    after.step("s2")->kind = StepKind::Activity;
    after.step("s4")->lane = "l2";
    after.step("s5")->w = 200;
    after.step("s5")->notes = "Signed by the chief";
    after.steps.erase(after.steps.begin() + 5); // s6, with f5 into it
    after.steps.push_back({"s7", "l2", "p3", StepKind::Activity, "Calibration", "", 1100, 45, 150, 70});

    after.flow("f1")->to = "s3";
    after.flow("f2")->label = "";
    after.flows.erase(after.flows.begin() + 4); // f5
    after.flows.push_back({"f6", "s5", "s7", "yes"});

    after.annotations.erase(after.annotations.begin()); // a1
    after.annotation("a2")->text = "Goals arrive in October";
    after.annotation("a2")->affects = "";
    after.annotation("a3")->variation = Variation::Intentional;
    after.annotation("a4")->horizon = 3;
    after.annotation("a5")->kind = AnnotationKind::Insight;
    after.annotation("a5")->target = "s1";
    after.annotations.push_back({"a6", AnnotationKind::Harm, "f6", "Too late", "principals", {}, {}});

    const MapDiff diff(before, after);
    using E = DiffEntity;
    using C = DiffChange;
    using F = DiffField;
    checkChanges(
        diff,
        {
            {E::Map,
             C::Changed,
             "m-small",
             {F::Title, F::PhaseOrder},
             "Map retitled \"Principal support\", phases reordered"},
            {E::Lane, C::Changed, "l1", {F::Color}, "Lane \"Principal Supervisor\" recoloured"},
            {E::Lane, C::Changed, "l3", {F::Name}, "Lane \"Principal\" renamed to \"Principals\""},
            {E::Lane, C::Added, "l4", {}, "Lane \"Superintendent\" added"},
            {E::Phase, C::Changed, "p3", {F::Width}, "Phase \"End of year\" resized"},
            {E::Step, C::Changed, "s1", {F::Position}, "Step \"Kick-off\" moved"},
            {E::Step,
             C::Changed,
             "s2",
             {F::Label, F::Kind},
             "Step \"Goal-setting conference\" renamed to \"Goals conference\", changed from meeting to activity"},
            {E::Step, C::Changed, "s4", {F::Lane}, "Step \"Mid-year review\" moved to lane \"HR\""},
            {E::Step, C::Changed, "s5", {F::Size, F::Notes}, "Step \"Summative rating\" resized, notes changed"},
            {E::Step, C::Added, "s7", {}, "Step \"Calibration\" added in lane \"HR\""},
            {E::Step, C::Removed, "s6", {}, "Step \"Reflection\" removed from lane \"Principal\""},
            {E::Flow,
             C::Changed,
             "f1",
             {F::To},
             "Flow from \"Kick-off\" to \"Goal-setting conference\" now ends at \"Mid-year review form\""},
            {E::Flow,
             C::Changed,
             "f2",
             {F::Label},
             "Flow from \"Goal-setting conference\" to \"Mid-year review form\" label removed"},
            {E::Flow, C::Added, "f6", {}, "Flow from \"Summative rating\" to \"Calibration\" added"},
            {E::Flow, C::Removed, "f5", {}, "Flow from \"Summative rating\" to \"Reflection\" removed"},
            {E::Annotation,
             C::Changed,
             "a2",
             {F::Text, F::Affects},
             "Harm point \"Goals arrive late\" text changed to \"Goals arrive in October\", no longer names who is "
             "affected"},
            {E::Annotation, C::Changed, "a3", {F::Variation}, "Variation \"Differs by region\" now marked intentional"},
            {E::Annotation, C::Changed, "a4", {F::Horizon}, "Change idea \"One shared calendar\" moved to horizon 3"},
            {E::Annotation,
             C::Changed,
             "a5",
             {F::Kind, F::Target},
             "Question \"Who signs off?\" is now an insight, moved to step \"Kick-off\""},
            {E::Annotation,
             C::Added,
             "a6",
             {},
             "Harm point \"Too late\" added on the flow from \"Summative rating\" to \"Calibration\""},
            {E::Annotation,
             C::Removed,
             "a1",
             {},
             "Black box \"What does HR do with the form?\" removed from step \"Mid-year review form\""},
        });

    CHECK(diff.ids(E::Step) == std::set<std::string>{"s1", "s2", "s4", "s5", "s6", "s7"});
    CHECK(diff.ids(E::Step, C::Removed) == std::set<std::string>{"s6"});
    CHECK(diff.ids(E::Annotation, C::Added) == std::set<std::string>{"a6"});
    CHECK(diff.ids(E::Phase, C::Added).empty());
    REQUIRE(diff.find(E::Step, "s4"));
    CHECK(diff.find(E::Step, "s4")->fields == Fields{F::Lane});
    CHECK(diff.find(E::Step, "s3") == nullptr);
    CHECK(diff.find(E::Flow, "s4") == nullptr); // the kind has to match

    // And back: what was added is removed, what was removed is added.
    const MapDiff back(after, before);
    CHECK(back.ids(E::Step, C::Added) == std::set<std::string>{"s6"});
    CHECK(back.ids(E::Step, C::Removed) == std::set<std::string>{"s7"});
    CHECK(back.ids(E::Step, C::Changed) == diff.ids(E::Step, C::Changed));
    CHECK(back.ids(E::Annotation, C::Removed) == std::set<std::string>{"a6"});
}

TEST_CASE("MapDiff reports each field on its own", "[insights]")
{
    const Map before = test::smallMap();
    using F = DiffField;
    const auto fieldsOf = [&](auto change, DiffEntity entity, const std::string& id) {
        Map after = before;
        change(after);
        const MapDiff diff(before, after);
        const EntityDiff* found = diff.find(entity, id);
        CHECK(diff.changes().size() == 1);
        return found ? found->fields : Fields{};
    };
    const auto stepFields = [&](auto change) { return fieldsOf(change, DiffEntity::Step, "s3"); };
    CHECK(stepFields([](Map& m) { m.step("s3")->label = "x"; }) == Fields{F::Label});
    CHECK(stepFields([](Map& m) { m.step("s3")->kind = StepKind::Wait; }) == Fields{F::Kind});
    CHECK(stepFields([](Map& m) { m.step("s3")->lane = "l1"; }) == Fields{F::Lane});
    CHECK(stepFields([](Map& m) { m.step("s3")->phase = "p1"; }) == Fields{F::Phase});
    CHECK(stepFields([](Map& m) { m.step("s3")->y = 0; }) == Fields{F::Position});
    CHECK(stepFields([](Map& m) { m.step("s3")->h = 90; }) == Fields{F::Size});
    CHECK(stepFields([](Map& m) { m.step("s3")->notes = "n"; }) == Fields{F::Notes});
    CHECK(stepFields([](Map& m) {
              m.step("s3")->lane = "l1";
              m.step("s3")->phase = "";
              m.step("s3")->x = 0;
          }) == Fields{F::Lane, F::Phase, F::Position});

    const auto flowFields = [&](auto change) { return fieldsOf(change, DiffEntity::Flow, "f2"); };
    CHECK(flowFields([](Map& m) { m.flow("f2")->label = "x"; }) == Fields{F::Label});
    CHECK(flowFields([](Map& m) { m.flow("f2")->from = "s1"; }) == Fields{F::From});
    CHECK(flowFields([](Map& m) { m.flow("f2")->to = "s5"; }) == Fields{F::To});

    const auto annotationFields = [&](auto change) { return fieldsOf(change, DiffEntity::Annotation, "a2"); };
    CHECK(annotationFields([](Map& m) { m.annotation("a2")->kind = AnnotationKind::Question; }) == Fields{F::Kind});
    CHECK(annotationFields([](Map& m) { m.annotation("a2")->target = "l1"; }) == Fields{F::Target});
    CHECK(annotationFields([](Map& m) { m.annotation("a2")->text = "t"; }) == Fields{F::Text});
    CHECK(annotationFields([](Map& m) { m.annotation("a2")->affects = "students"; }) == Fields{F::Affects});
    CHECK(annotationFields([](Map& m) { m.annotation("a2")->variation = Variation::Intentional; }) ==
          Fields{F::Variation});
    CHECK(annotationFields([](Map& m) { m.annotation("a2")->horizon = 1; }) == Fields{F::Horizon});

    CHECK(fieldsOf([](Map& m) { m.lane("l2")->name = "Talent"; }, DiffEntity::Lane, "l2") == Fields{F::Name});
    CHECK(fieldsOf([](Map& m) { m.lane("l2")->height = 300; }, DiffEntity::Lane, "l2") == Fields{F::Height});
    CHECK(fieldsOf([](Map& m) { m.phase("p2")->color = "#123456"; }, DiffEntity::Phase, "p2") == Fields{F::Color});
    CHECK(fieldsOf([](Map& m) { m.phase("p2")->name = "Winter"; }, DiffEntity::Phase, "p2") == Fields{F::Name});

    const auto mapFields = [&](auto change) { return fieldsOf(change, DiffEntity::Map, "m-small"); };
    CHECK(mapFields([](Map& m) { m.props.district = "d"; }) == Fields{F::District});
    CHECK(mapFields([](Map& m) { m.props.focus = "f"; }) == Fields{F::Focus});
    CHECK(mapFields([](Map& m) { m.props.state = MapState::Future; }) == Fields{F::State});
    CHECK(mapFields([](Map& m) { m.props.notes = "n"; }) == Fields{F::MapNotes});
    CHECK(mapFields([](Map& m) { std::swap(m.lanes[0], m.lanes[2]); }) == Fields{F::LaneOrder});
    CHECK(mapFields([](Map& m) { std::rotate(m.phases.begin(), m.phases.begin() + 1, m.phases.end()); }) ==
          Fields{F::PhaseOrder});
}

TEST_CASE("MapDiff texts name things people recognise", "[insights]")
{
    Map before = test::smallMap();
    Map after = before;
    after.step("s1")->label = "";
    after.step("s3")->phase = "";
    after.annotation("a3")->variation.reset();
    after.annotation("a4")->horizon.reset();
    after.annotation("a4")->target = "f2";
    after.annotation("a2")->affects = "new principals";
    after.props.state = MapState::Future;
    after.annotation("a1")->text = "Line one\nline two";
    Annotation longText{"a9", AnnotationKind::Question,
                        "l2", "A question so long that nobody wants to read all of it in one list line",
                        "",   {},
                        {}};
    after.annotations.push_back(longText);
    const MapDiff diff(before, after);
    const auto text = [&](DiffEntity e, const std::string& id) {
        const EntityDiff* found = diff.find(e, id);
        return found ? found->text : std::string("(none)");
    };
    CHECK(text(DiffEntity::Step, "s1") == "Step \"Kick-off\" renamed to \"\"");
    CHECK(text(DiffEntity::Step, "s3") == "Step \"Mid-year review form\" taken out of its phase");
    CHECK(text(DiffEntity::Annotation, "a3") ==
          "Variation \"Differs by region\" no longer marked intentional or unintentional");
    CHECK(text(DiffEntity::Annotation, "a4") ==
          "Change idea \"One shared calendar\" moved to the flow from \"Goal-setting conference\" to \"Mid-year "
          "review form\", taken off its horizon");
    CHECK(text(DiffEntity::Annotation, "a2") == "Harm point \"Goals arrive late\" now affects \"new principals\"");
    CHECK(text(DiffEntity::Annotation, "a9") ==
          "Question \"A question so long that nobody wants to\u2026\" added on lane \"HR\"");
    CHECK(text(DiffEntity::Annotation, "a1") ==
          "Black box \"What does HR do with the form?\" text changed to \"Line one line two\"");
    CHECK(text(DiffEntity::Map, "m-small") == "Map now shows the system as the team wants it");

    // A step without a label is named by its id; an annotation without text by its kind.
    Map unnamed = after;
    unnamed.steps.erase(unnamed.steps.begin()); // s1, now without a label
    unnamed.annotations.push_back({"a10", AnnotationKind::BlackBox, "", "", "", {}, {}});
    const MapDiff second(after, unnamed);
    REQUIRE(second.find(DiffEntity::Step, "s1"));
    CHECK(second.find(DiffEntity::Step, "s1")->text == "Step s1 removed from lane \"Principal Supervisor\"");
    CHECK(second.find(DiffEntity::Annotation, "a10")->text == "Black box added on the map");
}

namespace {

template <typename T> const T* findIn(const std::vector<T>& items, const std::string& id)
{
    for (const T& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

/// Every id the diff names was touched by the edits, and every id the edits touched but
/// the diff leaves out is in fact the same before and after (an edit that changed nothing,
/// or something added and removed again).
template <typename T>
void checkAgainst(const MapDiff& diff, DiffEntity entity, const std::set<std::string>& touched,
                  const std::vector<T>& before, const std::vector<T>& after)
{
    INFO("entity " << toString(entity));
    const std::set<std::string> named = diff.ids(entity);
    for (const std::string& id : named) {
        INFO("id " << id);
        CHECK(touched.count(id));
    }
    for (const std::string& id : touched) {
        if (named.count(id))
            continue;
        INFO("id " << id << " touched but not in the diff");
        const T* b = findIn(before, id);
        const T* a = findIn(after, id);
        CHECK(bool(b) == bool(a));
        if (a && b)
            CHECK(*a == *b);
    }
    for (const std::string& id : diff.ids(entity, DiffChange::Added))
        CHECK((!findIn(before, id) && findIn(after, id)));
    for (const std::string& id : diff.ids(entity, DiffChange::Removed))
        CHECK((findIn(before, id) && !findIn(after, id)));
    for (const std::string& id : diff.ids(entity, DiffChange::Changed)) {
        REQUIRE((findIn(before, id) && findIn(after, id)));
        CHECK(!(*findIn(before, id) == *findIn(after, id)));
    }
}

} // namespace

TEST_CASE("MapDiff agrees with the ChangeSets of random edits", "[insights]")
{
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        INFO("seed " << seed);
        test::Rng rng(seed);
        const Map before = test::randomMap(seed, {.phaselessPercent = 10});
        Map after = before;
        ChangeSet touched;
        std::vector<Edit> inverses;
        // One edit, or a session's worth of them since the revision.
        const int edits = seed % 4 == 0 ? 1 : rng.range(2, 12);
        for (int i = 0; i < edits; ++i) {
            const Edit edit = test::randomEdit(after, rng);
            ChangeSet changes;
            inverses.push_back(apply(after, edit, &changes));
            touched.merge(changes);
        }
        const MapDiff diff(before, after);
        checkAgainst(diff, DiffEntity::Step, touched.steps, before.steps, after.steps);
        checkAgainst(diff, DiffEntity::Flow, touched.flows, before.flows, after.flows);
        checkAgainst(diff, DiffEntity::Annotation, touched.annotations, before.annotations, after.annotations);
        checkAgainst(diff, DiffEntity::Lane, touched.lanes, before.lanes, after.lanes);
        checkAgainst(diff, DiffEntity::Phase, touched.phases, before.phases, after.phases);

        if (const EntityDiff* m = diff.find(DiffEntity::Map, before.id)) {
            for (DiffField f : m->fields) {
                if (f == DiffField::LaneOrder)
                    CHECK(touched.laneOrder);
                else if (f == DiffField::PhaseOrder)
                    CHECK(touched.phaseOrder);
                else
                    CHECK(touched.props);
            }
        }
        CHECK(MapDiff(before, after).changes() == diff.changes()); // deterministic
        for (const EntityDiff& change : diff.changes()) {
            CHECK_FALSE(change.text.empty());
            CHECK(change.fields.empty() == (change.change != DiffChange::Changed));
        }
        // Undoing every edit brings the diff back to nothing.
        Map undone = after;
        for (auto it = inverses.rbegin(); it != inverses.rend(); ++it)
            apply(undone, *it);
        CHECK(MapDiff(before, undone).empty());
    }
}

TEST_CASE("What changed since a named revision of a stored map", "[insights]")
{
    test::TempDir dir;
    Workspace ws = Workspace::create(dir.file("ws.crosswalk"));
    ws.addMap(test::smallMap());
    Map map = ws.loadMap("m-small");
    const Revision revision = ws.createRevision(map.id, "After session 3, March");

    ws.applyEdit(map, RenameLane{"l2", "Talent office"});
    ws.applyEdit(map, MoveSteps{{{"s4", "l2", "p2", 720, 45}}});
    ws.applyEdit(map, RemoveAnnotation{"a5"});

    const MapDiff diff(ws.loadRevision(revision.id), ws.loadMap(map.id));
    REQUIRE(diff.changes().size() == 3);
    CHECK(diff.changes()[0].text == "Lane \"HR\" renamed to \"Talent office\"");
    CHECK(diff.changes()[1].text == "Step \"Self-assessment\" moved to lane \"Talent office\"");
    CHECK(diff.changes()[2].text == "Question \"Who signs off?\" removed from step \"Summative rating\"");
}
