#include "ui/print/exportfonts.h"

#include <QFontDatabase>
#include <QStringList>

// Q_INIT_RESOURCE must be called outside any namespace; crosswalk_ui is a static library,
// and without this call the linker drops the font resource as unreferenced.
static void initFontResource()
{
    Q_INIT_RESOURCE(fonts);
}

namespace crosswalk {

void ExportFonts::ensureLoaded()
{
    static const bool loaded = [] {
        initFontResource();
        const int regular = QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/DejaVuSans.ttf"));
        const int bold = QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/DejaVuSans-Bold.ttf"));
        return regular >= 0 && bold >= 0;
    }();
    Q_UNUSED(loaded)
}

QString ExportFonts::family()
{
    return QStringLiteral("DejaVu Sans");
}

QFont ExportFonts::font(qreal size, bool bold)
{
    QFont f(family());
    // Pixel sizes follow the painter's transform exactly; point sizes would be scaled again
    // by the device's resolution.
    f.setPixelSize(std::max(1, qRound(size)));
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting); // hinting snaps to a screen grid a page does not have
    f.setStyleStrategy(QFont::PreferNoShaping);     // no ligatures: see applicationFont()
    return f;
}

QFont ExportFonts::applicationFont(const QFont& base)
{
    QFont f = base;
    f.setFamilies(QStringList{family()});
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

} // namespace crosswalk
