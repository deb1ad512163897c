#pragma once

#include <QFont>
#include <QString>
#include <QStringList>

#include <vector>

namespace crosswalk {

/// The typefaces exports (and the app) are set in, in the order Qt tries them for each
/// character: DejaVu Sans, built into the binary (resources/fonts), for Latin, Vietnamese,
/// Greek, Cyrillic and Arabic; then Noto Sans Arabic and Noto Sans CJK SC, loaded from the
/// Debian packages fonts-noto-core and fonts-noto-cjk, for what DejaVu lacks (Chinese,
/// Japanese, Korean). Only these families are asked for, so a PDF made on any machine with
/// those packages has the same line breaks and embeds the same fonts; a character none of
/// them covers is reported (uncovered()) rather than left to whatever the machine has.
class ExportFonts final {
public:
    /// Registers the fonts once; safe to call often. Needs a QGuiApplication.
    static void ensureLoaded();
    static QString family();
    /// Every family exports ask for, first choice first.
    static QStringList families();
    /// The fallback families (after DejaVu Sans) that could not be loaded on this machine.
    static QStringList missingFamilies();
    /// A font sized in the painter's units (points on a page, map units on the map).
    static QFont font(qreal size, bool bold = false);
    /// base in the export families. Text is shaped (Arabic joined, marks placed), but
    /// without Latin ligatures: a PDF search for "profiles" must find the word even where
    /// "fi" would be set as one glyph (U+FB01, which pdftotext and some readers do not unfold).
    static QFont applicationFont(const QFont& base);
    /// The characters of text (as code points) that no export family has a glyph for:
    /// they would print as boxes or in a font this machine happens to have.
    static std::vector<char32_t> uncovered(const QString& text);
    /// "U+4E2D" for a code point.
    static QString codePointName(char32_t c);
    /// Turns a font into the export style: families, no hinting, shaping without ligatures.
    static void style(QFont& font);
};

} // namespace crosswalk
