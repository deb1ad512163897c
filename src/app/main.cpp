#include "cli.h"

#include "crosswalk/storage/networklibrary.h"

#include "ui/canvas/mapcanvas.h"
#include "ui/compare/comparewindow.h"
#include "ui/print/exportfonts.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/present/presentationwindow.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <iostream>
#include <map>
#include <memory>

namespace {

/// The demo workspace in the app's data folder, written there the first time.
QString demoWorkspace()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    const QString demo = folder + "/demo.crosswalk";
    if (!QFileInfo::exists(demo))
        crosswalk::cli::writeDemoWorkspace(demo.toStdString());
    return demo;
}

/// The workspace the app opens: the one given, else the last one used, else the demo.
QString startupWorkspace(const std::vector<std::string>& args)
{
    if (!args.empty())
        return QString::fromStdString(args.front());
    const QString last = QSettings().value("workspace/last").toString();
    if (!last.isEmpty() && (QFileInfo::exists(last) || crosswalk::isLibraryUri(last.toStdString())))
        return last;
    return demoWorkspace();
}

} // namespace

int main(int argc, char* argv[])
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (auto status = crosswalk::cli::run(args, std::cout, std::cerr))
        return *status;
    // GUI options, used by the documentation's screenshot script.
    QString mapRef;
    QString screenshot;
    QSize size(1920, 1080);
    bool fit = false;
    QString compareRefs; // --compare REF,REF[,...]: open the comparison window on these maps
    QString compareTab = "overlay";
    // --present [--walk N] [--spotlight-lane NAME] [--present-keys "KEY ..."]: presentation mode.
    bool present = false;
    int walk = 0;
    QString spotlightLane;
    QString presentKeys;
    // --session REF [--session-step N]: the Session panel on this session, started and moved
    // N items on when --session-step is given (issue 17; the facilitator's guide screenshots).
    QString sessionRef;
    int sessionStep = -1;
    // --dock NAME: that dock panel shown and in front (its title, "Parking Lot", or its object
    // name, "ParkingLotDock"), for pictures of each panel at the window's size (issue 14).
    QString dockName;
    for (std::size_t i = 0; i < args.size();) {
        const std::string& a = args[i];
        if (a == "--fit") {
            fit = true;
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
        } else if (a == "--present") {
            present = true;
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
        } else if ((a == "--walk" || a == "--spotlight-lane" || a == "--present-keys") && i + 1 < args.size()) {
            const QString value = QString::fromStdString(args[i + 1]);
            if (a == "--walk")
                walk = value.toInt();
            else if (a == "--spotlight-lane")
                spotlightLane = value;
            else
                presentKeys = value;
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                       args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
        } else if (a == "--dock" && i + 1 < args.size()) {
            dockName = QString::fromStdString(args[i + 1]);
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                       args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
        } else if ((a == "--session" || a == "--session-step") && i + 1 < args.size()) {
            if (a == "--session")
                sessionRef = QString::fromStdString(args[i + 1]);
            else
                sessionStep = QString::fromStdString(args[i + 1]).toInt();
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                       args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
        } else if ((a == "--map" || a == "--screenshot" || a == "--size" || a == "--compare" || a == "--tab") &&
                   i + 1 < args.size()) {
            const QString value = QString::fromStdString(args[i + 1]);
            if (a == "--map")
                mapRef = value;
            else if (a == "--screenshot")
                screenshot = value;
            else if (a == "--compare")
                compareRefs = value;
            else if (a == "--tab")
                compareTab = value;
            else
                size = QSize(value.section('x', 0, 0).toInt(), value.section('x', 1, 1).toInt());
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                       args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
        } else {
            ++i;
        }
    }
    if (args.size() > 1 || size.isEmpty()) {
        std::cerr << "crosswalk: the app opens one workspace\n(see crosswalk --help)\n";
        return crosswalk::cli::kUsage;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName("Crosswalk");
    QApplication::setOrganizationName("Crosswalk");
    QApplication::setApplicationVersion(CROSSWALK_VERSION);
    // The canvas draws in the application font: the bundled DejaVu Sans, so that the screen,
    // every export and every machine break a step's label into the same lines.
    crosswalk::ExportFonts::ensureLoaded();
    QApplication::setFont(crosswalk::ExportFonts::applicationFont(QApplication::font()));

    crosswalk::MainWindow window;
    window.setDemoOpener(demoWorkspace);
    QString path;
    try {
        path = startupWorkspace(args);
    } catch (const std::exception& e) {
        std::cerr << "crosswalk: " << e.what() << "\n";
        return crosswalk::cli::kUserError;
    }
    if (!screenshot.isEmpty()) {
        window.resize(size);
        window.show();
    } else {
        window.showAsLeft();
    }
    // A path that holds nothing yet (crosswalk NEW.crosswalk) is offered as a new workspace.
    if (!window.openOrOfferToCreate(path) && !args.empty())
        return crosswalk::cli::kUserError;
    if (!mapRef.isEmpty()) {
        try {
            window.openMap(QString::fromStdString(window.store()->resolveMap(mapRef.toStdString())));
        } catch (const std::exception& e) {
            std::cerr << "crosswalk: " << e.what() << "\n";
            return crosswalk::cli::kUserError;
        }
    }
    if (!sessionRef.isEmpty() && !window.showSession(sessionRef, sessionStep)) {
        std::cerr << "crosswalk: no session " << sessionRef.toStdString() << "\n";
        return crosswalk::cli::kUserError;
    }
    if (!dockName.isEmpty()) {
        QDockWidget* dock = nullptr;
        for (QDockWidget* d : window.findChildren<QDockWidget*>())
            if (d->objectName().compare(dockName, Qt::CaseInsensitive) == 0 ||
                d->windowTitle().compare(dockName, Qt::CaseInsensitive) == 0)
                dock = d;
        if (!dock) {
            std::cerr << "crosswalk: no dock " << dockName.toStdString() << "\n";
            return crosswalk::cli::kUsage;
        }
        dock->show();
        dock->raise();
    }
    std::unique_ptr<crosswalk::CompareWindow> compare;
    if (!compareRefs.isEmpty()) {
        const std::map<QString, crosswalk::CompareWindow::Tab> tabs{
            {"overlay", crosswalk::CompareWindow::Tab::Overlay},
            {"side", crosswalk::CompareWindow::Tab::SideBySide},
            {"grid", crosswalk::CompareWindow::Tab::Grid},
            {"differences", crosswalk::CompareWindow::Tab::Differences},
            {"lanes", crosswalk::CompareWindow::Tab::Lanes},
            {"present", crosswalk::CompareWindow::Tab::Overlay}}; // presenting; --walk, --spotlight-lane
        if (!tabs.count(compareTab)) {
            std::cerr << "crosswalk: --tab is overlay, side, grid, differences, lanes or present\n";
            return crosswalk::cli::kUsage;
        }
        try {
            std::vector<std::string> ids;
            for (const QString& ref : compareRefs.split(',', Qt::SkipEmptyParts))
                ids.push_back(window.store()->resolveMap(ref.trimmed().toStdString()));
            compare = std::make_unique<crosswalk::CompareWindow>(*window.store(), ids);
        } catch (const std::exception& e) {
            std::cerr << "crosswalk: " << e.what() << "\n";
            return crosswalk::cli::kUserError;
        }
        compare->showTab(tabs.at(compareTab));
        compare->resize(size);
        compare->show();
        if (compareTab == "present") {
            compare->setPresenting(true);
            if (!screenshot.isEmpty())
                compare->showNormal(); // the screenshot's size, not the screen's
            compare->resize(size);
            if (!spotlightLane.isEmpty())
                compare->spotlightRowNamed(spotlightLane);
            for (int k = 0; k < walk; ++k)
                compare->walkPhases(1);
        }
    }
    QPointer<crosswalk::PresentationWindow> presentation;
    if (present) {
        presentation = window.present(screenshot.isEmpty());
        if (!presentation) {
            std::cerr << "crosswalk: --present needs a map\n";
            return crosswalk::cli::kUserError;
        }
        if (!screenshot.isEmpty()) {
            presentation->setAnimated(false);
            presentation->resize(size);
        }
        presentation->play(walk, spotlightLane, presentKeys);
    }
    if (!screenshot.isEmpty()) {
        // Let the window settle (layout, first paint), then grab it and leave.
        QTimer::singleShot(800, &window, [&window, &compare, &presentation, screenshot, fit] {
            if (fit) {
                window.canvas()->zoomToFit();
                QApplication::processEvents();
            }
            QWidget* shown = compare ? static_cast<QWidget*>(compare.get()) : &window;
            if (presentation)
                shown = presentation;
            if (!shown->grab().save(screenshot))
                std::cerr << "crosswalk: cannot write " << screenshot.toStdString() << "\n";
            QApplication::exit(0);
        });
    }
    return app.exec();
}
