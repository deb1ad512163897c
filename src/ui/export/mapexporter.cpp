#include "ui/export/mapexporter.h"

#include "crosswalk/io/atomicfile.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"
#include "ui/print/exporterror.h"
#include "ui/export/mapexportscene.h"
#include "ui/export/mapprintout.h"
#include "ui/common/strings.h"
#include "ui/print/exportfonts.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <cmath>

namespace crosswalk {
namespace {

/// SVG has no grey mode: every fill and stroke colour becomes its grey (the same weights
/// as qGray, which the PDF's grey mode and the PNG use too).
QByteArray greySvg(const QByteArray& svg)
{
    static const QRegularExpression colour(QStringLiteral("(fill|stroke)=\"#([0-9a-fA-F]{6})\""));
    QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = colour.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const int g = qGray(QColor(QLatin1Char('#') + m.captured(2)).rgb());
        out += QStringLiteral("%1=\"%2\"").arg(m.captured(1), QColor(g, g, g).name());
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

} // namespace

QByteArray MapExporter::render(const Map& map, const ExportOptions& options)
{
    switch (options.format) {
    case ExportOptions::Format::Pdf:
        return pdf(map, options);
    case ExportOptions::Format::Svg:
        return svg(map, options);
    case ExportOptions::Format::Png:
        return png(map, options);
    case ExportOptions::Format::Json:
        return QByteArray::fromStdString(mapToJson(map));
    }
    return {};
}

void MapExporter::write(const Map& map, const ExportOptions& options, const std::string& path)
{
    const QByteArray bytes = render(map, options);
    writeFileAtomically(path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

QByteArray MapExporter::pdf(const Map& map, const ExportOptions& options)
{
    MapPrintout printout(map, options);
    return printout.toPdf();
}

namespace {

/// Text for SVG metadata: XML-escaped, without the control characters XML 1.0 forbids.
QString svgText(const std::string& text)
{
    QString clean = QString::fromStdString(text);
    clean.removeIf([](QChar c) { return c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r'; });
    return clean.toHtmlEscaped();
}

/// The map with the control characters XML 1.0 forbids taken out of every text. Imports and
/// edits refuse them since issue 19, but a workspace written before may hold them, and
/// QSvgGenerator writes drawn text as it is (a NUL or ESC made an SVG parsers reject).
Map withoutControlCharacters(const Map& map)
{
    const auto clean = [](std::string& text) {
        std::erase_if(text, [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7f;
        });
    };
    Map copy = map;
    forEachText(copy, clean);
    return copy;
}

} // namespace

QByteArray MapExporter::svg(const Map& given, const ExportOptions& options)
{
    const Map map = withoutControlCharacters(given);
    MapExportScene scene(map, options.hiddenKinds);
    const QRectF content = options.exportsView() ? scene.viewContent(options.viewRect) : scene.contentRect();
    const QRectF bounds = MapExportScene::withHeaders(content);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    // For slides: the width asked for, the height in proportion; the drawing is unchanged.
    const QSizeF shown = options.slideWidth > 0
                             ? QSizeF(options.slideWidth, bounds.height() * options.slideWidth / bounds.width())
                             : bounds.size();
    generator.setSize(shown.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), bounds.size()));
    generator.setResolution(96);
    // QSvgGenerator writes the title and description into <title> and <desc> as they are:
    // a title with markup would become live markup (a <script>), and a control character
    // makes the SVG unreadable to XML parsers. So they are escaped here.
    generator.setTitle(svgText(map.props.title));
    generator.setDescription(svgText(map.props.district) + QStringLiteral(" - exported by Crosswalk"));
    QPainter painter;
    if (!painter.begin(&generator))
        throw ExportError("the SVG could not be started");
    painter.fillRect(QRectF(QPointF(0, 0), bounds.size()), Qt::white);
    scene.paint(painter, QRectF(QPointF(0, 0), bounds.size()), content);
    painter.end();
    return options.greyscale ? greySvg(buffer.data()) : buffer.data();
}

QByteArray MapExporter::png(const Map& map, const ExportOptions& options)
{
    MapExportScene scene(map, options.hiddenKinds);
    const QRectF content = options.exportsView() ? scene.viewContent(options.viewRect) : scene.contentRect();
    const QRectF bounds = MapExportScene::withHeaders(content);
    const qreal scale = options.slideWidth > 0 ? options.slideWidth / bounds.width() : std::max(1, options.dpi) / 96.0;
    const QSize size(static_cast<int>(std::ceil(bounds.width() * scale)), static_cast<int>(std::ceil(bounds.height() * scale)));
    if (static_cast<qint64>(size.width()) * size.height() > kMaxPngPixels || size.width() > 32000 || size.height() > 32000) {
        const int fits = static_cast<int>(96 * std::min({std::sqrt(kMaxPngPixels / (bounds.width() * bounds.height())),
                                                         32000 / bounds.width(), 32000 / bounds.height()}));
        throw ExportError("the PNG would be " + std::to_string(size.width()) + " x " + std::to_string(size.height()) +
                          " pixels, too large to make; use --dpi " + std::to_string(std::max(1, fits)) +
                          " or less, or export a PDF or SVG");
    }
    QImage image(size, QImage::Format_RGB32);
    if (image.isNull())
        throw ExportError("there is not enough memory for a PNG of " + std::to_string(size.width()) + " x " +
                          std::to_string(size.height()) + " pixels; use a lower --dpi");
    image.fill(Qt::white);
    image.setDotsPerMeterX(static_cast<int>(std::lround(options.dpi / 0.0254)));
    image.setDotsPerMeterY(static_cast<int>(std::lround(options.dpi / 0.0254)));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.paint(painter, QRectF(QPointF(0, 0), bounds.size() * scale), content);
    }
    if (options.greyscale)
        image = image.convertToFormat(QImage::Format_Grayscale8);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setText(QStringLiteral("Title"), QString::fromStdString(map.props.title));
    writer.setText(QStringLiteral("Software"), QStringLiteral("Crosswalk"));
    if (!writer.write(image))
        throw ExportError("the PNG could not be encoded: " + writer.errorString().toStdString());
    return buffer.data();
}

qreal MapExporter::slideLabelPx(const Map& map, const ExportOptions& options)
{
    MapExportScene scene(map, options.hiddenKinds);
    const QRectF content = options.exportsView() ? scene.viewContent(options.viewRect) : scene.contentRect();
    const qreal width = MapExportScene::withHeaders(content).width();
    const qreal scale = options.slideWidth > 0 ? options.slideWidth / width
                        : options.format == ExportOptions::Format::Png ? std::max(1, options.dpi) / 96.0
                                                                       : 1.0;
    return scene.smallestLabelPx() * scale;
}

QString MapExporter::slideWarning(const Map& map, const ExportOptions& options)
{
    if (options.format != ExportOptions::Format::Png && options.format != ExportOptions::Format::Svg)
        return {};
    const qreal px = slideLabelPx(map, options);
    if (px >= ExportOptions::kLegiblePx - 0.05)
        return {};
    return QStringLiteral("at this width step labels are %1 px high, smaller than the %2 px of %3 pt text; "
                          "use a wider picture, export part of the map (Current view only) or a tiled PDF")
        .arg(px, 0, 'f', 1)
        .arg(ExportOptions::kLegiblePx, 0, 'f', 0)
        .arg(ExportOptions::kLegiblePt);
}

QStringList MapExporter::fontWarnings(const Map& map, const ExportOptions& options)
{
    QStringList warnings;
    auto check = [&warnings](const QString& what, const std::string& text) {
        const std::vector<char32_t> missing = ExportFonts::uncovered(toQString(text));
        if (missing.empty())
            return;
        QStringList chars;
        for (char32_t c : missing)
            chars << QStringLiteral("%1 (%2)").arg(QString::fromUcs4(&c, 1), ExportFonts::codePointName(c));
        warnings << QStringLiteral("%1: no font has %2; it would print as a box").arg(what, chars.join(QStringLiteral(", ")));
    };
    for (const Lane& l : map.lanes)
        check(QStringLiteral("lane \"%1\"").arg(toQString(l.name)), l.name);
    for (const Phase& p : map.phases)
        check(QStringLiteral("phase \"%1\"").arg(toQString(p.name)), p.name);
    for (const Step& s : map.steps)
        check(QStringLiteral("step %1 \"%2\"").arg(toQString(s.id), toQString(s.label)), s.label);
    for (const Flow& f : map.flows)
        check(QStringLiteral("flow label \"%1\"").arg(toQString(f.label)), f.label);
    for (const Annotation& a : map.annotations)
        if (options.shows(a.kind))
            check(QStringLiteral("annotation \"%1\"").arg(toQString(a.text)), a.text);
    check(QStringLiteral("the map's title"), map.props.title);
    check(QStringLiteral("the district's name"), map.props.district);
    return warnings;
}

} // namespace crosswalk
