#pragma once

// An editor window on a demo workspace, shown and active so that its shortcuts work, that
// enters and leaves presentation mode as a facilitator does (the presentation tests).

#include "ui/mainwindow/mainwindow.h"
#include "ui/present/presentationwindow.h"
#include "support/tempworkspace.h"
#include "support/uisettings.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QPointer>
#include <QTest>

#include <cstdint>
#include <filesystem>
#include <string>

namespace crosswalk::test {

struct PresentEditor {
    /// The demo workspace at tempWorkspacePath(stem), mapId open in the window.
    explicit PresentEditor(const std::string& stem, const std::string& mapId = "m-harbor-city")
        : path(demoWorkspaceFile(stem))
    {
        isolateSettings();
        window.resize(1600, 900);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        REQUIRE(window.openWorkspace(QString::fromStdString(path)));
        REQUIRE(window.openMap(QString::fromStdString(mapId)));
        REQUIRE(window.document());
    }
    ~PresentEditor()
    {
        if (window.presentation())
            window.presentation()->close();
        std::filesystem::remove(path);
    }
    PresentEditor(const PresentEditor&) = delete;
    PresentEditor& operator=(const PresentEditor&) = delete;

    /// F5 through the main window's shortcut, at the size of a shared 1080p screen; with now,
    /// the presentation's clock reads it.
    PresentationWindow* enter(const std::int64_t* now = nullptr)
    {
        QTest::keyClick(&window, Qt::Key_F5);
        PresentationWindow* p = window.presentation();
        REQUIRE(p);
        p->setAnimated(false);
        if (now)
            p->setWallClock([now] { return *now; });
        p->showNormal();
        p->resize(1920, 1080);
        QApplication::processEvents();
        return p;
    }
    /// Esc: the presentation closes and is gone.
    void leave(PresentationWindow* p)
    {
        QPointer<PresentationWindow> guard(p);
        QTest::keyClick(p, Qt::Key_Escape);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QApplication::processEvents();
        CHECK(guard.isNull());
        REQUIRE(window.presentation() == nullptr);
    }

    std::string path;
    MainWindow window;
};

} // namespace crosswalk::test
