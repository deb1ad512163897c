#include "ui/export/printpage.h"

#include "ui/export/exporterror.h"
#include "ui/export/exportfonts.h"

#include <QFile>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPrinter>
#include <QTemporaryDir>

#include <algorithm>

namespace crosswalk::printpage {

QString dateText(const ExportOptions& options)
{
    return QLocale(QLocale::English).toString(options.date(), QStringLiteral("d MMMM yyyy"));
}

QSizeF pageSize(const ExportOptions& options)
{
    return QPageLayout(QPageSize(options.paper), options.orientation, QMarginsF()).fullRectPoints().size();
}

QRectF contentArea(const ExportOptions& options)
{
    const qreal margin = std::clamp(options.marginMm, 0.0, 50.0) * 72.0 / 25.4;
    return QRectF(QPointF(0, 0), pageSize(options)).adjusted(margin, margin, -margin, -margin);
}

qreal paintPageTag(QPainter& painter, const QRectF& block, const QString& name, int index, int count)
{
    // Large enough to find in a stack of printouts.
    const QFont tagFont = ExportFonts::font(16, true);
    const QFont small = ExportFonts::font(9);
    const QString pages = QStringLiteral("page %1 of %2").arg(index + 1).arg(count);
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

void paintTitleText(QPainter& painter, const QRectF& block, qreal leftWidth, const QString& title, const QString& what,
                    const QString& when)
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

QByteArray writePdf(const ExportOptions& options, const QString& documentName, int pageCount,
                    const std::function<void(QPainter&, int)>& paint)
{
    // QPrinter's PDF engine, not QPdfWriter: only it can write the whole document in grey
    // (Qt 6.4 gives QPdfWriter no colour model). It writes to a file; the caller puts the
    // bytes in place atomically.
    QTemporaryDir dir;
    if (!dir.isValid())
        throw ExportError("cannot make a temporary folder for the PDF: " + dir.errorString().toStdString());
    const QString file = dir.filePath(QStringLiteral("export.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(file);
    printer.setColorMode(options.greyscale ? QPrinter::GrayScale : QPrinter::Color);
    printer.setPageLayout(QPageLayout(QPageSize(options.paper), options.orientation, QMarginsF()));
    printer.setFullPage(true);
    printer.setDocName(documentName);
    printer.setCreator(QStringLiteral("Crosswalk"));
    QPainter painter;
    if (!painter.begin(&printer))
        throw ExportError("the PDF could not be started");
    const qreal scale = printer.resolution() / 72.0;
    for (int i = 0; i < pageCount; ++i) {
        if (i > 0 && !printer.newPage())
            throw ExportError("the PDF could not add page " + std::to_string(i + 1));
        painter.save();
        painter.scale(scale, scale);
        paint(painter, i);
        painter.restore();
    }
    painter.end();
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw ExportError("the PDF could not be read back: " + in.errorString().toStdString());
    QByteArray bytes = in.readAll();
    if (!bytes.startsWith("%PDF") || !bytes.trimmed().endsWith("%%EOF"))
        throw ExportError("the PDF could not be written completely (is the temporary folder full?)");
    return bytes;
}

} // namespace crosswalk::printpage
