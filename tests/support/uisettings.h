#pragma once

// QSettings of their own for the UI tests, so that a test neither reads nor changes the
// settings of the app installed on the machine, nor what an earlier test left there.

#include <QCoreApplication>
#include <QSettings>

namespace crosswalk::test {

inline void isolateSettings()
{
    QCoreApplication::setOrganizationName("CrosswalkTests");
    QCoreApplication::setApplicationName("crosswalk-ui-tests");
    QSettings().clear();
}

} // namespace crosswalk::test
