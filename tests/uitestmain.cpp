#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdlib>

int main(int argc, char* argv[])
{
    // Test discovery runs this binary at build time, with no display.
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication app(argc, argv);
    // Settings of this process only: ctest runs each test case in a process of its own, two
    // at a time, and tests that clear or set the (shared) user settings made each other fail
    // now and then. The folder goes when the process ends.
    QTemporaryDir settings(QDir::tempPath() + QStringLiteral("/crosswalk-ui-settings-XXXXXX"));
    if (settings.isValid()) {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    }
    return Catch::Session().run(argc, argv);
}
