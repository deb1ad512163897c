#include "ui/print/printout.h"

#include "ui/print/exporterror.h"
#include "ui/print/exportfonts.h"

#include <QFile>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPrinter>
#include <QTemporaryDir>

#include <optional>

#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>

namespace crosswalk {

Printout::Printout(const ExportOptions& options)
    : m_options(options),
      m_pageSize(QPageLayout(QPageSize(options.paper), options.orientation, QMarginsF()).fullRectPoints().size()),
      m_date(QLocale(QLocale::English).toString(options.date(), QStringLiteral("d MMMM yyyy")))
{
    ExportFonts::ensureLoaded();
}

Printout::~Printout() = default;

QRectF Printout::contentArea() const
{
    const qreal margin = std::clamp(m_options.marginMm, 0.0, 50.0) * 72.0 / 25.4;
    return QRectF(QPointF(0, 0), m_pageSize).adjusted(margin, margin, -margin, -margin);
}

void Printout::paintPage(QPainter& painter, int index)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), m_pageSize), Qt::white);
    const QRectF c = contentArea();
    paintTitleBlock(painter, QRectF(c.left(), c.top(), c.width(), kTitleBlockH), index);
    paintContent(painter, index);
    painter.restore();
}

qreal Printout::paintPageTag(QPainter& painter, const QRectF& block, int index) const
{
    // Large enough to find in a stack of printouts.
    const QString name = pageName(index);
    const QFont tagFont = ExportFonts::font(16, true);
    const QFont small = ExportFonts::font(9);
    const QString pages = QStringLiteral("page %1 of %2").arg(index + 1).arg(pageCount());
    const qreal width =
        std::max(QFontMetricsF(tagFont).horizontalAdvance(name), QFontMetricsF(small).horizontalAdvance(pages)) + 4;
    painter.setPen(ink());
    painter.setFont(tagFont);
    painter.drawText(QRectF(block.right() - width, block.top(), width, 22), Qt::AlignRight | Qt::AlignVCenter, name);
    painter.setFont(small);
    painter.setPen(muted());
    painter.drawText(QRectF(block.right() - width, block.top() + 22, width, 16), Qt::AlignRight | Qt::AlignVCenter,
                     pages);
    return width + 12;
}

void Printout::paintTitleText(QPainter& painter, const QRectF& block, qreal leftWidth, const QString& title,
                              const QString& what, const QString& when)
{
    const QFont titleFont = ExportFonts::font(16, true);
    const QFont small = ExportFonts::font(9);
    painter.setFont(titleFont);
    painter.setPen(ink());
    painter.drawText(QRectF(block.left(), block.top(), leftWidth, 22), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(titleFont).elidedText(title, Qt::ElideRight, leftWidth));
    painter.setFont(small);
    painter.setPen(muted());
    painter.drawText(QRectF(block.left(), block.top() + 23, leftWidth, 14), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(small).elidedText(what, Qt::ElideRight, leftWidth));
    painter.drawText(QRectF(block.left(), block.top() + 37, leftWidth, 14), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(small).elidedText(when, Qt::ElideRight, leftWidth));
    painter.setPen(QPen(ink(), 1.2));
    painter.drawLine(QPointF(block.left(), block.bottom()), QPointF(block.right(), block.bottom()));
}

QString Printout::whenText() const
{
    QStringList when;
    if (!m_options.revisionName.isEmpty())
        when << QStringLiteral("Revision: %1").arg(m_options.revisionName);
    when << QStringLiteral("Exported %1").arg(m_date);
    return when.join(QStringLiteral("  \u00B7  "));
}

qreal Printout::layoutLegend(qreal width)
{
    m_legendHeight = 0;
    if (m_legend.empty())
        return 0;
    const QFontMetricsF metrics(ExportFonts::font(9));
    const qreal titleW = QFontMetricsF(ExportFonts::font(9, true)).horizontalAdvance(QStringLiteral("Legend")) + 12;
    qreal x = titleW;
    qreal y = 0;
    for (LegendEntry& entry : m_legend) {
        const qreal symbolW = entry.symbolWidth;
        const qreal w = symbolW + (symbolW > 0 ? 5 : 0) + metrics.horizontalAdvance(entry.text) + 16;
        if ((x + w > width || entry.newRow) && x > titleW) {
            x = titleW;
            y += kLegendRowH;
        }
        entry.rect = QRectF(x, y, w, kLegendRowH);
        x += w;
    }
    m_legendHeight = y + kLegendRowH + 6;
    return m_legendHeight;
}

void Printout::paintLegend(QPainter& painter, qreal top)
{
    if (m_legend.empty())
        return;
    const QRectF c = contentArea();
    const QPointF origin(c.left(), std::min(top, c.bottom() - m_legendHeight) + 6);
    painter.setPen(QPen(rule(), 0.8));
    painter.drawLine(QPointF(c.left(), origin.y() - 4), QPointF(c.right(), origin.y() - 4));
    const QFont font = ExportFonts::font(9);
    painter.setFont(ExportFonts::font(9, true));
    painter.setPen(ink());
    painter.drawText(QRectF(origin, QSizeF(60, kLegendRowH)), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("Legend"));
    for (const LegendEntry& entry : m_legend) {
        const QRectF r = entry.rect.translated(origin);
        painter.save();
        paintLegendSymbol(painter, entry, r);
        painter.restore();
        const qreal textLeft = r.left() + entry.symbolWidth + (entry.symbolWidth > 0 ? 5 : 0);
        painter.setFont(font);
        painter.setPen(entry.muted ? muted() : ink());
        painter.drawText(QRectF(textLeft, r.top(), r.right() - textLeft, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         entry.text);
    }
}

std::vector<std::pair<int, int>> Printout::paginateRows(const std::vector<qreal>& heights, qreal available,
                                                        const std::vector<bool>& keepWithNext,
                                                        const std::vector<qreal>& startExtra)
{
    std::vector<std::pair<int, int>> pages;
    std::size_t i = 0;
    while (i < heights.size()) {
        const std::size_t first = i;
        qreal used = startExtra.empty() ? 0 : startExtra[i];
        while (i < heights.size()) {
            // A heading never ends a page: it goes with what it heads.
            qreal need = heights[i];
            for (std::size_t j = i; j + 1 < heights.size() && keepWithNext[j]; ++j)
                need += heights[j + 1];
            if (used + need > available && i > first)
                break;
            used += heights[i];
            ++i;
        }
        pages.emplace_back(static_cast<int>(first), static_cast<int>(i));
    }
    return pages;
}

void Printout::paintCells(QPainter& painter, qreal left, qreal y, qreal height, const std::vector<qreal>& widths,
                          const QStringList& cells)
{
    qreal x = left;
    for (qsizetype k = 0; k < cells.size(); ++k) {
        const qreal w = widths[static_cast<std::size_t>(k)];
        painter.drawText(QRectF(x + kCellPad, y + kCellPad, w - 2 * kCellPad, height),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, cells[k]);
        x += w;
    }
}

qreal Printout::wrappedHeight(const QFont& font, qreal width, const QString& text)
{
    if (text.isEmpty())
        return 0;
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

namespace {

/// Where QPrinter writes the PDF before the caller puts the bytes in place. QPrinter writes
/// only to a file name; on Linux that name is an anonymous in-memory file (memfd), so an
/// export creates no file but its output and that output's temporary twin. Elsewhere, or
/// when the kernel refuses a memfd, a temporary folder as before.
class PdfScratch final {
public:
    PdfScratch()
    {
#ifdef __linux__
        m_fd = memfd_create("crosswalk-pdf", MFD_CLOEXEC);
        if (m_fd >= 0) {
            // QPrinter reaches it by name: that needs /proc, which a sandbox may not have.
            m_file = QStringLiteral("/proc/self/fd/%1").arg(m_fd);
            if (QFile(m_file).open(QIODevice::WriteOnly))
                return;
            ::close(m_fd);
            m_fd = -1;
        }
#endif
        m_dir.emplace();
        if (!m_dir->isValid())
            throw ExportError("cannot make a temporary folder for the PDF: " + m_dir->errorString().toStdString());
        m_file = m_dir->filePath(QStringLiteral("export.pdf"));
    }
    ~PdfScratch()
    {
#ifdef __linux__
        if (m_fd >= 0)
            ::close(m_fd);
#endif
    }
    PdfScratch(const PdfScratch&) = delete;
    PdfScratch& operator=(const PdfScratch&) = delete;

    const QString& fileName() const { return m_file; }

    QByteArray readAll() const
    {
        QFile in(m_file);
        if (!in.open(QIODevice::ReadOnly))
            throw ExportError("the PDF could not be read back: " + in.errorString().toStdString());
        return in.readAll();
    }

private:
    int m_fd = -1;
    std::optional<QTemporaryDir> m_dir;
    QString m_file;
};

} // namespace

QByteArray Printout::toPdf()
{
    // QPrinter's PDF engine, not QPdfWriter: only it can write the whole document in grey
    // (Qt 6.4 gives QPdfWriter no colour model). It writes to a file (PdfScratch); the caller
    // puts the bytes in place atomically.
    const PdfScratch scratch;
    const QString file = scratch.fileName();
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(file);
    printer.setColorMode(m_options.greyscale ? QPrinter::GrayScale : QPrinter::Color);
    printer.setPageLayout(QPageLayout(QPageSize(m_options.paper), m_options.orientation, QMarginsF()));
    printer.setFullPage(true);
    printer.setDocName(documentName());
    printer.setCreator(QStringLiteral("Crosswalk"));
    QPainter painter;
    if (!painter.begin(&printer))
        throw ExportError("the PDF could not be started");
    const qreal scale = printer.resolution() / 72.0;
    const int count = pageCount();
    for (int i = 0; i < count; ++i) {
        if (i > 0 && !printer.newPage())
            throw ExportError("the PDF could not add page " + std::to_string(i + 1));
        painter.save();
        painter.scale(scale, scale);
        paintPage(painter, i);
        painter.restore();
    }
    painter.end();
    QByteArray bytes = scratch.readAll();
    if (!bytes.startsWith("%PDF") || !bytes.trimmed().endsWith("%%EOF"))
        throw ExportError("the PDF could not be written completely (is memory or the temporary folder full?)");
    return bytes;
}

} // namespace crosswalk
