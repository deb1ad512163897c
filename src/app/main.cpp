#include "cli.h"

#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <iostream>

namespace {

/// The workspace the app opens: the one given, else the last one used, else the demo
/// (written to the app's data folder the first time).
QString startupWorkspace(const std::vector<std::string>& args)
{
    if (!args.empty())
        return QString::fromStdString(args.front());
    const QString last = QSettings().value("workspace/last").toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    const QString demo = folder + "/demo.crosswalk";
    if (!QFileInfo::exists(demo))
        crosswalk::cli::writeDemoWorkspace(demo.toStdString());
    return demo;
}

} // namespace

int main(int argc, char* argv[])
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (auto status = crosswalk::cli::run(args, std::cout, std::cerr))
        return *status;
    if (args.size() > 1) {
        std::cerr << "crosswalk: the app opens one workspace\n(see crosswalk --help)\n";
        return crosswalk::cli::kUsage;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName("Crosswalk");
    QApplication::setOrganizationName("Crosswalk");
    QApplication::setApplicationVersion(CROSSWALK_VERSION);

    crosswalk::MainWindow window;
    QString path;
    try {
        path = startupWorkspace(args);
    } catch (const std::exception& e) {
        std::cerr << "crosswalk: " << e.what() << "\n";
        return crosswalk::cli::kUserError;
    }
    window.show();
    if (!window.openWorkspace(path) && !args.empty())
        return crosswalk::cli::kUserError;
    return app.exec();
}
