#pragma once

// The application font as the app sets it (src/app/main.cpp: the bundled DejaVu Sans), for one
// UI test whose measures depend on it; the font before is restored afterwards, so that the
// other tests in the same process keep theirs.

#include "ui/print/exportfonts.h"

#include <QApplication>
#include <QFont>

namespace crosswalk::test {

class AppFont {
  public:
    AppFont() : m_saved(QApplication::font())
    {
        ExportFonts::ensureLoaded();
        QApplication::setFont(ExportFonts::applicationFont(m_saved));
    }
    AppFont(const AppFont&) = delete;
    AppFont& operator=(const AppFont&) = delete;
    ~AppFont() { QApplication::setFont(m_saved); }

  private:
    QFont m_saved;
};

} // namespace crosswalk::test
