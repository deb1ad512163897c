#include "ui/print/exportoptions.h"

#include "ui/common/strings.h"
#include <QSettings>
#include <QStringList>

#include <algorithm>
#include <cctype>

namespace crosswalk {
namespace {

std::string normalised(std::string text)
{
    std::string out;
    for (char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

constexpr int kMaxTiles = 12;

} // namespace

const std::vector<QPageSize::PageSizeId>& ExportOptions::papers()
{
    static const std::vector<QPageSize::PageSizeId> list{QPageSize::Letter, QPageSize::Legal, QPageSize::Tabloid,
                                                         QPageSize::A4, QPageSize::A3};
    return list;
}

std::optional<QPageSize::PageSizeId> ExportOptions::parsePaper(const std::string& text)
{
    const std::string n = normalised(text);
    if (n == "letter")
        return QPageSize::Letter;
    if (n == "legal")
        return QPageSize::Legal;
    if (n == "tabloid" || n == "11x17" || n == "ledger")
        return QPageSize::Tabloid;
    if (n == "a4")
        return QPageSize::A4;
    if (n == "a3")
        return QPageSize::A3;
    return std::nullopt;
}

QString ExportOptions::paperName(QPageSize::PageSizeId paper)
{
    switch (paper) {
    case QPageSize::Letter:
        return QStringLiteral("Letter");
    case QPageSize::Legal:
        return QStringLiteral("Legal");
    case QPageSize::Tabloid:
        return QStringLiteral("Tabloid (11x17)");
    case QPageSize::A4:
        return QStringLiteral("A4");
    case QPageSize::A3:
        return QStringLiteral("A3");
    default:
        return QPageSize::name(paper);
    }
}

std::optional<std::pair<int, int>> ExportOptions::parseTiles(const std::string& text)
{
    const QStringList parts = QString::fromStdString(text).toLower().split('x');
    if (parts.size() != 2)
        return std::nullopt;
    bool okC = false;
    bool okR = false;
    const int c = parts[0].trimmed().toInt(&okC);
    const int r = parts[1].trimmed().toInt(&okR);
    if (!okC || !okR || c < 1 || r < 1 || c > kMaxTiles || r > kMaxTiles)
        return std::nullopt;
    return std::pair{c, r};
}

std::optional<std::set<AnnotationKind>> ExportOptions::parseKinds(const std::string& text, std::string* bad)
{
    std::set<AnnotationKind> kinds;
    for (const QString& part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts)) {
        const std::string word = normalised(part.trimmed().toStdString());
        // "harm", "harm point", "harm_points", "Black boxes": exchange names, shown names, plurals.
        const std::string singular = word.size() > 1 && word.back() == 's' ? word.substr(0, word.size() - 1) : word;
        std::optional<AnnotationKind> found;
        for (AnnotationKind k : kAllAnnotationKinds)
            for (const std::string& w : {word, singular})
                if (w == normalised(std::string(toString(k))) || w == normalised(std::string(displayName(k))))
                    found = k;
        if (!found && singular == "harm")
            found = AnnotationKind::Harm;
        if (!found && singular == "blackboxe")
            found = AnnotationKind::BlackBox;
        if (!found) {
            if (bad)
                *bad = part.trimmed().toStdString();
            return std::nullopt;
        }
        kinds.insert(*found);
    }
    return kinds;
}

QString ExportOptions::formatName(Format format)
{
    switch (format) {
    case Format::Pdf:
        return QStringLiteral("PDF");
    case Format::Svg:
        return QStringLiteral("SVG");
    case Format::Png:
        return QStringLiteral("PNG");
    case Format::Json:
        return QStringLiteral("JSON");
    }
    return {};
}

QString ExportOptions::fileSuffix(Format format)
{
    return formatName(format).toLower();
}

void ExportOptions::save(QSettings& settings) const
{
    settings.beginGroup(QStringLiteral("export"));
    settings.setValue("format", static_cast<int>(format));
    settings.setValue("paper", static_cast<int>(paper));
    settings.setValue("orientation", static_cast<int>(orientation));
    settings.setValue("marginMm", marginMm);
    settings.setValue("layout", static_cast<int>(layout));
    settings.setValue("pagesWide", pagesWide);
    settings.setValue("includeVotes", includeVotes);
    settings.setValue("includeParkingLot", includeParkingLot);
    settings.setValue("columns", columns);
    settings.setValue("rows", rows);
    QStringList hidden;
    for (AnnotationKind k : hiddenKinds)
        hidden << toQString(toString(k));
    settings.setValue("hiddenKinds", hidden);
    settings.setValue("greyscale", greyscale);
    settings.setValue("dpi", dpi);
    settings.setValue("slideWidth", slideWidth);
    settings.setValue("currentView", currentView);
    settings.endGroup();
}

ExportOptions ExportOptions::load(const QSettings& settings)
{
    ExportOptions o;
    auto value = [&](const char* key, const QVariant& fallback) {
        return settings.value(QStringLiteral("export/") + QLatin1String(key), fallback);
    };
    const int format = value("format", static_cast<int>(o.format)).toInt();
    if (format >= 0 && format <= static_cast<int>(Format::Json))
        o.format = static_cast<Format>(format);
    const auto paper = static_cast<QPageSize::PageSizeId>(value("paper", static_cast<int>(o.paper)).toInt());
    if (std::find(papers().begin(), papers().end(), paper) != papers().end())
        o.paper = paper;
    o.orientation = value("orientation", static_cast<int>(o.orientation)).toInt() == QPageLayout::Portrait
                        ? QPageLayout::Portrait
                        : QPageLayout::Landscape;
    o.marginMm = std::clamp(value("marginMm", o.marginMm).toDouble(), 0.0, 50.0);
    const QVariant layout = value("layout", QVariant());
    if (layout.isValid()) {
        const int l = layout.toInt();
        if (l >= 0 && l <= static_cast<int>(Layout::PagesWide))
            o.layout = static_cast<Layout>(l);
    } else if (value("columns", 1).toInt() * value("rows", 1).toInt() > 1) {
        o.layout = Layout::Tiles; // remembered before layouts had names: tiles were asked for
    }
    o.pagesWide = std::clamp(value("pagesWide", o.pagesWide).toInt(), 1, kMaxTiles);
    o.includeVotes = value("includeVotes", o.includeVotes).toBool();
    o.includeParkingLot = value("includeParkingLot", o.includeParkingLot).toBool();
    o.columns = std::clamp(value("columns", o.columns).toInt(), 1, kMaxTiles);
    o.rows = std::clamp(value("rows", o.rows).toInt(), 1, kMaxTiles);
    for (const QString& name : value("hiddenKinds", QStringList()).toStringList())
        if (auto k = parseAnnotationKind(name.toStdString()))
            o.hiddenKinds.insert(*k);
    o.greyscale = value("greyscale", o.greyscale).toBool();
    o.dpi = std::clamp(value("dpi", o.dpi).toInt(), 24, 1200);
    o.slideWidth = std::clamp(value("slideWidth", o.slideWidth).toInt(), 0, 16000);
    o.currentView = value("currentView", o.currentView).toBool();
    return o;
}

} // namespace crosswalk
