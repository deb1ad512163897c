#include "ui/print/exportfonts.h"

#include <QFile>
#include <QFontDatabase>
#include <QRawFont>

#include <algorithm>

// Q_INIT_RESOURCE must be called outside any namespace; crosswalk_ui is a static library,
// and without this call the linker drops the font resource as unreferenced.
static void initFontResource()
{
    Q_INIT_RESOURCE(fonts);
}

namespace crosswalk {
namespace {

/// A fallback family and the files it is loaded from (Debian's paths).
struct Fallback {
    const char* family;
    const char* regular;
    const char* bold;
};

const Fallback kFallbacks[] = {
    {"Noto Sans Arabic", "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf"},
    {"Noto Sans CJK SC", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
     "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"},
};

struct Loaded {
    QStringList families;
    QStringList missing;
    std::vector<QRawFont> raw; // one per family, to ask which characters it covers
};

const Loaded& loaded()
{
    static const Loaded state = [] {
        initFontResource();
        Loaded l;
        QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/DejaVuSans.ttf"));
        QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/DejaVuSans-Bold.ttf"));
        // Italics by name too (fonts-dejavu-extra), rather than slanted by Qt on one machine
        // and taken from the system's file on another.
        for (const char* oblique : {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
                                    "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf"})
            if (QFile::exists(QString::fromLatin1(oblique)))
                QFontDatabase::addApplicationFont(QString::fromLatin1(oblique));
        l.families << QStringLiteral("DejaVu Sans");
        l.raw.emplace_back(QStringLiteral(":/fonts/DejaVuSans.ttf"), 12);
        for (const Fallback& f : kFallbacks) {
            const QString family = QString::fromLatin1(f.family);
            const int id = QFile::exists(QString::fromLatin1(f.regular))
                               ? QFontDatabase::addApplicationFont(QString::fromLatin1(f.regular))
                               : -1;
            if (id < 0 || !QFontDatabase::applicationFontFamilies(id).contains(family)) {
                l.missing << family;
                continue;
            }
            QFontDatabase::addApplicationFont(QString::fromLatin1(f.bold));
            l.families << family;
            // A .ttc holds several faces; QRawFont of the family picks the right one.
            QFont probe(family);
            probe.setPixelSize(12);
            l.raw.push_back(QRawFont::fromFont(probe));
        }
        return l;
    }();
    return state;
}

} // namespace

void ExportFonts::ensureLoaded()
{
    (void)loaded();
}

QString ExportFonts::family()
{
    return QStringLiteral("DejaVu Sans");
}

QStringList ExportFonts::families()
{
    return loaded().families;
}

QStringList ExportFonts::missingFamilies()
{
    return loaded().missing;
}

void ExportFonts::style(QFont& f)
{
    f.setFamilies(families());
    f.setHintingPreference(QFont::PreferNoHinting); // hinting snaps to a screen grid a page does not have
    // Shaping stays on: Arabic needs it to join its letters and Qt turns it off for Arabic
    // under PreferNoShaping. Latin ligatures ("fi" as U+FB01) break searching the PDF;
    // Qt leaves out liga/clig/dlig wherever letter spacing is set and the script does not
    // need them, so a spacing of 1/64 px (Qt's smallest step) turns them off unseen.
    f.setStyleStrategy(QFont::PreferDefault);
    f.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 64.0);
}

QFont ExportFonts::font(qreal size, bool bold)
{
    QFont f(family());
    // Pixel sizes follow the painter's transform exactly; point sizes would be scaled again
    // by the device's resolution.
    f.setPixelSize(std::max(1, qRound(size)));
    f.setBold(bold);
    style(f);
    return f;
}

QFont ExportFonts::applicationFont(const QFont& base)
{
    QFont f = base;
    style(f);
    return f;
}

std::vector<char32_t> ExportFonts::uncovered(const QString& text)
{
    std::vector<char32_t> out;
    const Loaded& l = loaded();
    for (char32_t c : text.toUcs4()) {
        const QChar::Category cat = QChar::category(c);
        // White space and invisible controls (joiners, direction marks) need no glyph.
        if (c < 0x20 || QChar::isSpace(c) || cat == QChar::Other_Format || cat == QChar::Other_Control)
            continue;
        const bool covered =
            std::any_of(l.raw.begin(), l.raw.end(), [c](const QRawFont& raw) { return raw.supportsCharacter(c); });
        if (!covered && std::find(out.begin(), out.end(), c) == out.end())
            out.push_back(c);
    }
    return out;
}

QString ExportFonts::codePointName(char32_t c)
{
    return QStringLiteral("U+") + QString::number(static_cast<uint>(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

} // namespace crosswalk
