#include "ui/compare/comparereportdialog.h"

#include "ui/compare/comparesession.h"
#include "ui/compare/comparisonprintout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

namespace crosswalk {

CompareReportDialog::CompareReportDialog(CompareSession& session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Export comparison report"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("A PDF of the %1 districts: the overlay, the grid and the differences, each page with "
                               "a title block. No district is scored or ranked.")
                                .arg(session.mapCount()));
    note->setWordWrap(true);
    layout->addWidget(note);

    auto* form = new QFormLayout;
    m_paper = new QComboBox;
    for (QPageSize::PageSizeId p : ExportOptions::papers())
        m_paper->addItem(ExportOptions::paperName(p), static_cast<int>(p));
    form->addRow(tr("&Paper:"), m_paper);
    m_orientation = new QComboBox;
    m_orientation->addItem(tr("Landscape"), static_cast<int>(QPageLayout::Landscape));
    m_orientation->addItem(tr("Portrait"), static_cast<int>(QPageLayout::Portrait));
    form->addRow(tr("&Orientation:"), m_orientation);
    m_greyscale = new QCheckBox(tr("&Greyscale (for black-and-white printers)"));
    form->addRow(QString(), m_greyscale);
    m_revision = new QLineEdit;
    m_revision->setPlaceholderText(tr("optional, e.g. Network meeting, May"));
    form->addRow(tr("Re&vision name:"), m_revision);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* exportButton = buttons->addButton(tr("&Export\u2026"), QDialogButtonBox::AcceptRole);
    exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &CompareReportDialog::chooseFileAndExport);
    layout->addWidget(buttons);

    setOptions(loadOptions(QSettings()));
}

ExportOptions CompareReportDialog::options() const
{
    ExportOptions o;
    o.paper = static_cast<QPageSize::PageSizeId>(m_paper->currentData().toInt());
    o.orientation = static_cast<QPageLayout::Orientation>(m_orientation->currentData().toInt());
    o.greyscale = m_greyscale->isChecked();
    o.revisionName = m_revision->text().trimmed();
    return o;
}

void CompareReportDialog::setOptions(const ExportOptions& o)
{
    m_paper->setCurrentIndex(std::max(0, m_paper->findData(static_cast<int>(o.paper))));
    m_orientation->setCurrentIndex(std::max(0, m_orientation->findData(static_cast<int>(o.orientation))));
    m_greyscale->setChecked(o.greyscale);
    m_revision->setText(o.revisionName);
}

ExportOptions CompareReportDialog::loadOptions(const QSettings& settings)
{
    ExportOptions o;
    const auto paper = static_cast<QPageSize::PageSizeId>(
        settings.value(QStringLiteral("compareReport/paper"), static_cast<int>(o.paper)).toInt());
    if (std::find(ExportOptions::papers().begin(), ExportOptions::papers().end(), paper) !=
        ExportOptions::papers().end())
        o.paper = paper;
    o.orientation =
        settings.value(QStringLiteral("compareReport/orientation"), static_cast<int>(o.orientation)).toInt() ==
                QPageLayout::Portrait
            ? QPageLayout::Portrait
            : QPageLayout::Landscape;
    o.greyscale = settings.value(QStringLiteral("compareReport/greyscale"), false).toBool();
    return o;
}

void CompareReportDialog::saveOptions(QSettings& settings, const ExportOptions& o)
{
    settings.setValue(QStringLiteral("compareReport/paper"), static_cast<int>(o.paper));
    settings.setValue(QStringLiteral("compareReport/orientation"), static_cast<int>(o.orientation));
    settings.setValue(QStringLiteral("compareReport/greyscale"), o.greyscale);
}

void CompareReportDialog::chooseFileAndExport()
{
    QSettings settings;
    QString folder = settings.value(QStringLiteral("export/folder")).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = tr("Comparison of %1 districts.pdf").arg(m_session.mapCount());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export comparison report"),
                                                      QDir(folder).filePath(suggested), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    QString error;
    if (exportTo(path, &error)) {
        accept();
        return;
    }
    QMessageBox::warning(
        this, tr("Export failed"),
        tr("The report could not be exported. Any file that was there is unchanged.\n\n%1").arg(error));
}

bool CompareReportDialog::exportTo(const QString& path, QString* error)
{
    const ExportOptions o = options();
    QSettings settings;
    saveOptions(settings, o);
    try {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        ComparisonPrintout::write(m_session, o, path.toStdString());
        QGuiApplication::restoreOverrideCursor();
        return true;
    } catch (const std::exception& e) {
        QGuiApplication::restoreOverrideCursor();
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

} // namespace crosswalk
