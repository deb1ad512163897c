#pragma once

#include <QFont>
#include <QString>

namespace crosswalk {

/// The typeface exports are set in. DejaVu Sans is built into the binary (resources/fonts),
/// so that a PDF made on any machine has the same line breaks and embeds the same font.
class ExportFonts final {
public:
    /// Registers the bundled fonts once; safe to call often. Needs a QGuiApplication.
    static void ensureLoaded();
    static QString family();
    /// A font sized in the painter's units (points on a page, map units on the map).
    static QFont font(qreal size, bool bold = false);
    /// base in the bundled family, without ligatures: the canvas's items take their font from
    /// the application font, and a PDF search for "profiles" must find the word even where
    /// "fi" would be set as one glyph (U+FB01, which pdftotext and some readers do not unfold).
    static QFont applicationFont(const QFont& base);
};

} // namespace crosswalk
