// The user guide's keyboard-only walkthrough, driven key by key through the main window: a
// new workspace, a map from the template, 12 steps across 4 lanes and 4 phases, two
// decisions with labelled branches, a loop back and an annotation. Every key press is counted.
#include "crosswalk/layout/layout.h"
#include "crosswalk/layout/placement.h"
#include "crosswalk/storage/workspace.h"
#include "ui/canvas/mapcanvas.h"
#include "ui/document/mapdocument.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/startpage.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

using namespace crosswalk;
namespace fs = std::filesystem;

namespace {

/// Sends keys to whatever has the focus (a menu or dialog when one is open), as a typist
/// would, and counts them: a character typed is one key press, a chord such as Ctrl+K is one.
struct Keyboard {
    QWidget* window = nullptr;
    int presses = 0;
    int typed = 0; // of those, characters of labels and texts

    static QWidget* target()
    {
        if (QWidget* popup = QApplication::activePopupWidget())
            return popup;
        // A dialog just opened may not be the active window yet: its keys still go to it.
        if (QWidget* modal = QApplication::activeModalWidget())
            return modal->focusWidget() ? modal->focusWidget() : modal;
        if (QWidget* focus = QApplication::focusWidget())
            return focus;
        return QApplication::activeWindow();
    }
    void press(Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        ++presses;
        if (qEnvironmentVariableIsSet("CROSSWALK_TRACE_KEYS"))
            std::cerr << "key " << QKeySequence(key | mods).toString().toStdString() << " -> "
                      << target()->metaObject()->className() << "\n";
        QTest::keyClick(target(), key, mods);
    }
    void type(const QString& text)
    {
        if (qEnvironmentVariableIsSet("CROSSWALK_TRACE_KEYS"))
            std::cerr << "type " << text.toStdString() << " -> " << target()->metaObject()->className() << "\n";
        presses += static_cast<int>(text.size());
        typed += static_cast<int>(text.size());
        QTest::keyClicks(target(), text);
        if (qEnvironmentVariableIsSet("CROSSWALK_TRACE_KEYS"))
            if (auto* combo = qobject_cast<QComboBox*>(target()))
                std::cerr << "  combo now: " << combo->currentText().toStdString() << " popup "
                          << (QApplication::activePopupWidget() ? "open" : "closed") << "\n";
    }
    /// A key that opens a modal dialog or menu; `inside` runs in it and presses its keys.
    void pressOpening(Qt::Key key, Qt::KeyboardModifiers mods, std::function<void()> inside)
    {
        QTimer::singleShot(0, std::move(inside));
        press(key, mods);
        // A desktop makes the main window active again when the dialog closes; the offscreen
        // platform leaves no window active, so the test does what the window manager would.
        if (!QApplication::activeWindow()) {
            QApplication::setActiveWindow(window);
            (void)QTest::qWaitForWindowActive(window);
        }
        QTest::qWait(10);
    }
};

const Step* stepLabelled(const Map& map, const std::string& label)
{
    for (const Step& s : map.steps)
        if (s.label == label)
            return &s;
    return nullptr;
}

const Flow* flowBetween(const Map& map, const std::string& fromLabel, const std::string& toLabel)
{
    const Step* a = stepLabelled(map, fromLabel);
    const Step* b = stepLabelled(map, toLabel);
    if (!a || !b)
        return nullptr;
    for (const Flow& f : map.flows)
        if (f.from == a->id && f.to == b->id)
            return &f;
    return nullptr;
}

} // namespace

TEST_CASE("Keyboard only: a 12-step map across 4 lanes and 4 phases, two decisions, a loop back, an annotation",
          "[mainwindow][keyboard][walkthrough]")
{
    test::isolateSettings();
    const std::string path = test::tempWorkspacePath("cw-walkthrough");
    Workspace::create(path);
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
    REQUIRE(window.openWorkspace(QString::fromStdString(path)));
    Keyboard keys;
    keys.window = &window;

    // The start page has the focus on "New map from the template": Enter, and Enter again
    // to take the suggested title.
    REQUIRE(window.startPage()->templateButton()->hasFocus());
    keys.pressOpening(Qt::Key_Return, Qt::NoModifier, [&keys] { keys.press(Qt::Key_Return); });
    REQUIRE(window.document());
    REQUIRE(window.canvas()->hasFocus());
    const Map& map = window.document()->map();
    REQUIRE(map.lanes.size() == 4);
    REQUIRE(map.phases.size() == 4);

    auto decision = [&keys] { // Ctrl+K, then D
        keys.pressOpening(Qt::Key_K, Qt::ControlModifier, [&keys] { keys.press(Qt::Key_D); });
    };
    auto labelIncomingFlow = [&keys](const QString& label) { // Alt+Left, Enter, label, Enter
        keys.press(Qt::Key_Left, Qt::AltModifier);
        keys.press(Qt::Key_Return);
        keys.type(label);
        keys.press(Qt::Key_Return);
    };

    // Summer, Principal: the first step, and the next in the lane below.
    keys.press(Qt::Key_Tab);
    keys.type("Self-assessment");
    keys.press(Qt::Key_Backtab, Qt::ShiftModifier);            // Principal Supervisor
    keys.type("Goal-setting conference");
    keys.press(Qt::Key_Tab);
    keys.type("Goals approved?");
    keys.press(Qt::Key_Return);
    decision();
    // Yes: on to the next step in the same lane.
    keys.press(Qt::Key_Tab);
    keys.type("Plan school visits");
    keys.press(Qt::Key_Return);
    labelIncomingFlow("Yes");
    // No: back on the decision, a step in the lane above, and a loop back to the conference.
    keys.press(Qt::Key_Left);                                   // along the flow, to the decision
    keys.press(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    keys.type("Revise goals");
    keys.press(Qt::Key_Return);
    labelIncomingFlow("No");
    keys.press(Qt::Key_Right);                                  // from the flow to Revise goals
    keys.pressOpening(Qt::Key_L, Qt::ControlModifier, [&keys] { // the loop back
        keys.type("Goal");                                      // completes to the conference
        keys.press(Qt::Key_Return);                             // takes the completion
        keys.press(Qt::Key_Return);                             // and the dialog
    });
    auto find = [&keys](const QString& label) { // Ctrl+F, a few letters, Enter
        keys.pressOpening(Qt::Key_F, Qt::ControlModifier, [&keys, label] {
            keys.type(label);
            keys.press(Qt::Key_Return); // takes the completion
            keys.press(Qt::Key_Return); // and the dialog
        });
    };
    // Beginning of year: visits, and the Chief of Schools' calibration.
    find("Plan");
    keys.press(Qt::Key_Tab);
    keys.type("School visits");
    keys.press(Qt::Key_Backtab, Qt::ShiftModifier);            // Chief of Schools
    keys.type("Calibration meeting");
    keys.press(Qt::Key_Tab);
    keys.type("Ratings consistent?");
    keys.press(Qt::Key_Return);
    decision();
    keys.press(Qt::Key_Tab);
    keys.type("Mid-year review");
    keys.press(Qt::Key_Return);
    labelIncomingFlow("Yes");
    find("Ratings");
    keys.press(Qt::Key_Backtab, Qt::ShiftModifier);            // HR / Talent
    keys.type("Recalibrate ratings");
    keys.press(Qt::Key_Return);
    labelIncomingFlow("No");
    // End of year: the summative rating and the contract decision, with a black box on it.
    find("Mid-year");
    keys.press(Qt::Key_Tab);
    keys.type("Summative rating");
    keys.press(Qt::Key_Backtab, Qt::ShiftModifier);
    keys.type("Contract decision");
    keys.press(Qt::Key_Return);
    keys.press(Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    keys.type("Criteria not shared with principals");
    keys.press(Qt::Key_Return);

    // What was stored is what was typed.
    const Map stored = window.workspace()->loadMap(map.id);
    CHECK(stored == map);
    std::ostringstream listing;
    for (const Step& s : stored.steps)
        listing << s.label << " | lane " << s.lane << " | phase " << s.phase << " | x " << s.x << "\n";
    INFO(listing.str());
    CHECK(stored.steps.size() == 12);
    std::set<std::string> lanes;
    std::set<std::string> phases;
    for (const Step& s : stored.steps) {
        lanes.insert(s.lane);
        phases.insert(s.phase);
    }
    CHECK(lanes.size() == 4);
    CHECK(phases.size() == 4);
    CHECK(layout::placementProblems(stored).empty());
    int decisions = 0;
    for (const Step& s : stored.steps) {
        if (s.kind != StepKind::Decision)
            continue;
        ++decisions;
        std::multiset<std::string> branchLabels;
        for (const Flow& f : stored.flows)
            if (f.from == s.id)
                branchLabels.insert(f.label);
        INFO(s.label);
        CHECK(branchLabels == std::multiset<std::string>{"No", "Yes"});
    }
    CHECK(decisions == 2);
    CHECK(flowBetween(stored, "Revise goals", "Goal-setting conference") != nullptr); // the loop back
    REQUIRE(stored.annotations.size() == 1);
    CHECK(stored.annotations.front().kind == AnnotationKind::BlackBox);
    CHECK(stored.annotations.front().text == "Criteria not shared with principals");
    CHECK(stored.annotations.front().target == stepLabelled(stored, "Contract decision")->id);

    // The figures the user guide quotes.
    const int commandKeys = keys.presses - keys.typed;
    std::cout << "keyboard walkthrough: " << keys.presses << " key presses, " << keys.typed
              << " of them label text, " << commandKeys << " commands; no mouse\n";
    CHECK(commandKeys <= 60);
    window.close();
    fs::remove(path);
}
