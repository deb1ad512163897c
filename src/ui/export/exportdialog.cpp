#include "ui/export/exportdialog.h"
#include "ui/export/exportfilename.h"

#include "ui/common/annotationglyph.h"
#include "ui/common/strings.h"
#include "ui/export/mapexporter.h"
#include "ui/export/mapexportscene.h"
#include "ui/export/mapprintout.h"
#include "ui/print/exportfonts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace crosswalk {
namespace {

constexpr QSize kPreviewSize(560, 440);
constexpr QSize kMinPreviewSize(320, 240); // on a small screen (960 x 540) the dialog still fits

} // namespace

ExportDialog::ExportDialog(const Map& map, QWidget* parent, const QRectF& view)
    : QDialog(parent), m_map(map), m_view(view)
{
    setWindowTitle(tr("Export %1").arg(QString::fromStdString(map.props.title)));
    ExportFonts::ensureLoaded();
    buildUi();
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(120); // typing a margin should not rebuild the pages on every key
    connect(m_refresh, &QTimer::timeout, this, &ExportDialog::updatePreview);
    setOptions(ExportOptions::load(QSettings()));
    updatePreview();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::buildUi()
{
    auto* form = new QFormLayout;
    m_format = new QComboBox;
    for (auto f : {ExportOptions::Format::Pdf, ExportOptions::Format::Svg, ExportOptions::Format::Png,
                   ExportOptions::Format::Json})
        m_format->addItem(ExportOptions::formatName(f), static_cast<int>(f));
    m_format->setItemText(0, tr("PDF: pages with title block, legend and annotation list"));
    m_format->setItemText(1, tr("SVG: the map as on the canvas"));
    m_format->setItemText(2, tr("PNG: the map as on the canvas"));
    m_format->setItemText(3, tr("JSON: the map's data, for another workspace"));
    form->addRow(tr("&Format:"), m_format);

    m_paper = new QComboBox;
    for (QPageSize::PageSizeId p : ExportOptions::papers())
        m_paper->addItem(ExportOptions::paperName(p), static_cast<int>(p));
    form->addRow(tr("&Paper:"), m_paper);
    m_orientation = new QComboBox;
    m_orientation->addItem(tr("Landscape"), static_cast<int>(QPageLayout::Landscape));
    m_orientation->addItem(tr("Portrait"), static_cast<int>(QPageLayout::Portrait));
    form->addRow(tr("&Orientation:"), m_orientation);
    m_margin = new QDoubleSpinBox;
    m_margin->setRange(0, 50);
    m_margin->setDecimals(0);
    m_margin->setSuffix(tr(" mm"));
    form->addRow(tr("&Margins:"), m_margin);

    m_legible = new QRadioButton(tr("&Readable: fewest pages with labels at %1 pt or more").arg(ExportOptions::kLegiblePt));
    m_fit = new QRadioButton(tr("&Whole map on one page"));
    m_wide = new QRadioButton(tr("Fit to"));
    m_pagesWide = new QSpinBox;
    m_pagesWide->setRange(1, 12);
    auto* wideRow = new QHBoxLayout;
    wideRow->addWidget(m_wide);
    wideRow->addWidget(m_pagesWide);
    wideRow->addWidget(new QLabel(tr("pages wide")));
    wideRow->addStretch();
    m_tile = new QRadioButton(tr("&Tile over"));
    m_columns = new QSpinBox;
    m_columns->setRange(1, 12);
    m_rows = new QSpinBox;
    m_rows->setRange(1, 12);
    auto* tileRow = new QHBoxLayout;
    tileRow->addWidget(m_tile);
    tileRow->addWidget(m_columns);
    tileRow->addWidget(new QLabel(tr("across \u00D7")));
    tileRow->addWidget(m_rows);
    tileRow->addWidget(new QLabel(tr("down")));
    tileRow->addStretch();
    m_scaleInfo = new QLabel;
    m_scaleInfo->setWordWrap(true);
    m_scaleInfo->setObjectName(QStringLiteral("scaleInfo"));
    auto* layoutBox = new QVBoxLayout;
    layoutBox->addWidget(m_legible);
    layoutBox->addWidget(m_fit);
    layoutBox->addLayout(wideRow);
    layoutBox->addLayout(tileRow);
    layoutBox->addWidget(m_scaleInfo);
    form->addRow(tr("Layout:"), layoutBox);

    int votes = 0;
    for (const auto& [step, count] : m_map.votes)
        votes += count;
    m_votes = new QCheckBox(votes == 1 ? tr("Session &votes as dots on the steps (1 dot)")
                                       : tr("Session &votes as dots on the steps (%1 dots)").arg(votes));
    const auto parked = static_cast<int>(m_map.parkingLot.size());
    m_parkingLot = new QCheckBox(parked == 1 ? tr("&Parking lot as an appendix (1 question)")
                                             : tr("&Parking lot as an appendix (%1 questions)").arg(parked));
    auto* sessionBox = new QVBoxLayout;
    sessionBox->addWidget(m_votes);
    sessionBox->addWidget(m_parkingLot);
    form->addRow(tr("Session:"), sessionBox);

    // Only the kinds this map has: a box for a kind that is not there would promise something.
    auto* kindsBox = new QVBoxLayout;
    std::set<AnnotationKind> present;
    for (const Annotation& a : m_map.annotations)
        present.insert(a.kind);
    for (AnnotationKind k : kAllAnnotationKinds) {
        if (!present.count(k))
            continue;
        auto* box =
            new QCheckBox(toQString(displayName(k)));
        box->setIcon(annotationIcon(k));
        box->setChecked(true);
        m_kinds[k] = box;
        kindsBox->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ExportDialog::optionsChanged);
    }
    if (m_kinds.empty())
        kindsBox->addWidget(new QLabel(tr("This map has no annotations.")));
    form->addRow(tr("Annotations:"), kindsBox);

    m_greyscale = new QCheckBox(tr("&Greyscale (for black-and-white printers)"));
    form->addRow(QString(), m_greyscale);
    m_dpi = new QSpinBox;
    m_dpi->setRange(24, 1200);
    m_dpi->setSingleStep(48);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setToolTip(tr("96 dpi is the canvas at 100 %; 192 dpi (twice) stays sharp on slides"));
    form->addRow(tr("PNG &resolution:"), m_dpi);
    m_slideWidth = new QSpinBox;
    m_slideWidth->setRange(0, 16000);
    m_slideWidth->setSingleStep(160);
    m_slideWidth->setSuffix(tr(" px"));
    m_slideWidth->setSpecialValueText(tr("as on the canvas"));
    m_slideWidth->setToolTip(tr("For slides: the picture's width (1920 px fills a 1080p screen)"));
    form->addRow(tr("Slide &width:"), m_slideWidth);
    m_currentView = new QCheckBox(tr("&Current view only (SVG, PNG)"));
    m_currentView->setToolTip(m_view.isEmpty() ? tr("Open the map on the canvas to export what it shows")
                                               : tr("Export only the part of the map the canvas shows, "
                                                    "with its lane and phase headers"));
    form->addRow(QString(), m_currentView);
    m_revision = new QLineEdit;
    m_revision->setPlaceholderText(tr("optional, e.g. After session 3, March"));
    form->addRow(tr("Re&vision name:"), m_revision);

    m_fontWarnings = new QLabel;
    m_fontWarnings->setWordWrap(true);
    m_fontWarnings->setObjectName(QStringLiteral("fontWarnings"));
    m_fontWarnings->setStyleSheet(QStringLiteral("color: #B3261E;"));
    m_fontWarnings->setTextFormat(Qt::PlainText);
    form->addRow(m_fontWarnings);

    auto* options = new QWidget;
    options->setLayout(form);
    // The options scroll when the screen is short; the preview takes what width is left.
    auto* left = new QScrollArea;
    left->setWidget(options);
    left->setWidgetResizable(true);
    left->setFrameShape(QFrame::NoFrame);
    left->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    left->setMinimumWidth(std::min(options->sizeHint().width(), 520) + 20);
    left->setMaximumWidth(560);

    m_previewLabel = new QLabel;
    m_previewLabel->setMinimumSize(kMinPreviewSize);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setStyleSheet(QStringLiteral("background: #DADCE0;"));
    m_prev = new QPushButton(tr("\u25C0 Previous"));
    m_next = new QPushButton(tr("Next \u25B6"));
    m_pageLabel = new QLabel;
    m_pageLabel->setAlignment(Qt::AlignCenter);
    auto* nav = new QHBoxLayout;
    nav->addWidget(m_prev);
    nav->addWidget(m_pageLabel, 1);
    nav->addWidget(m_next);
    auto* right = new QVBoxLayout;
    right->addWidget(m_previewLabel, 1);
    right->addLayout(nav);

    auto* columns = new QHBoxLayout;
    columns->addWidget(left);
    columns->addLayout(right, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_export = buttons->addButton(tr("&Export\u2026"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::chooseFileAndExport);

    auto* main = new QVBoxLayout(this);
    main->addLayout(columns, 1);
    main->addWidget(buttons);
    // Every option in view and a large preview where the screen allows; the scroll area's
    // own size hint would be a short one.
    const QSize wanted(left->minimumWidth() + kPreviewSize.width() + 60,
                       std::max(options->sizeHint().height(), kPreviewSize.height() + 40) + 80);
    const QSize screenSize = screen() ? screen()->availableGeometry().size() * 0.95 : wanted;
    resize(wanted.boundedTo(screenSize));

    connect(m_prev, &QPushButton::clicked, this, [this] { showPreviewPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPreviewPage(m_page + 1); });
    for (QComboBox* c : {m_format, m_paper, m_orientation})
        connect(c, &QComboBox::currentIndexChanged, this, &ExportDialog::optionsChanged);
    for (QSpinBox* s : {m_columns, m_rows, m_dpi, m_pagesWide, m_slideWidth})
        connect(s, &QSpinBox::valueChanged, this, &ExportDialog::optionsChanged);
    connect(m_margin, &QDoubleSpinBox::valueChanged, this, &ExportDialog::optionsChanged);
    for (QAbstractButton* b : std::initializer_list<QAbstractButton*>{m_legible, m_fit, m_wide, m_tile, m_greyscale,
                                                                        m_currentView, m_votes, m_parkingLot})
        connect(b, &QAbstractButton::toggled, this, &ExportDialog::optionsChanged);
    connect(m_revision, &QLineEdit::textChanged, this, &ExportDialog::optionsChanged);
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.format = static_cast<ExportOptions::Format>(m_format->currentData().toInt());
    o.paper = static_cast<QPageSize::PageSizeId>(m_paper->currentData().toInt());
    o.orientation = static_cast<QPageLayout::Orientation>(m_orientation->currentData().toInt());
    o.marginMm = m_margin->value();
    o.layout = m_tile->isChecked()   ? ExportOptions::Layout::Tiles
               : m_fit->isChecked()  ? ExportOptions::Layout::Fit
               : m_wide->isChecked() ? ExportOptions::Layout::PagesWide
                                     : ExportOptions::Layout::Legible;
    o.columns = m_tile->isChecked() ? m_columns->value() : 1;
    o.rows = m_tile->isChecked() ? m_rows->value() : 1;
    o.pagesWide = m_pagesWide->value();
    o.includeVotes = m_votes->isChecked();
    o.includeParkingLot = m_parkingLot->isChecked();
    o.hiddenKinds = m_hiddenAbsent;
    for (const auto& [kind, box] : m_kinds)
        if (!box->isChecked())
            o.hiddenKinds.insert(kind);
    o.greyscale = m_greyscale->isChecked();
    o.dpi = m_dpi->value();
    o.slideWidth = m_slideWidth->value();
    o.currentView = m_currentView->isChecked();
    o.viewRect = m_view;
    o.revisionName = m_revision->text().trimmed();
    return o;
}

void ExportDialog::setOptions(const ExportOptions& o)
{
    const QSignalBlocker blockers[] = {
        QSignalBlocker(m_format),  QSignalBlocker(m_paper),    QSignalBlocker(m_orientation),
        QSignalBlocker(m_margin),  QSignalBlocker(m_fit),      QSignalBlocker(m_tile),
        QSignalBlocker(m_columns), QSignalBlocker(m_rows),     QSignalBlocker(m_greyscale),
        QSignalBlocker(m_dpi),     QSignalBlocker(m_revision), QSignalBlocker(m_currentView),
        QSignalBlocker(m_legible), QSignalBlocker(m_wide),     QSignalBlocker(m_pagesWide),
        QSignalBlocker(m_votes),   QSignalBlocker(m_parkingLot), QSignalBlocker(m_slideWidth)};
    m_format->setCurrentIndex(std::max(0, m_format->findData(static_cast<int>(o.format))));
    m_paper->setCurrentIndex(std::max(0, m_paper->findData(static_cast<int>(o.paper))));
    m_orientation->setCurrentIndex(std::max(0, m_orientation->findData(static_cast<int>(o.orientation))));
    m_margin->setValue(o.marginMm);
    switch (o.layout) {
    case ExportOptions::Layout::Legible:
        m_legible->setChecked(true);
        break;
    case ExportOptions::Layout::Fit:
        m_fit->setChecked(true);
        break;
    case ExportOptions::Layout::PagesWide:
        m_wide->setChecked(true);
        break;
    case ExportOptions::Layout::Tiles:
        m_tile->setChecked(true);
        break;
    }
    const bool tiles = o.layout == ExportOptions::Layout::Tiles;
    m_columns->setValue(tiles ? o.columns : 2);
    m_rows->setValue(tiles ? o.rows : 1);
    m_pagesWide->setValue(o.pagesWide);
    m_votes->setChecked(o.includeVotes);
    m_parkingLot->setChecked(o.includeParkingLot);
    m_hiddenAbsent.clear();
    for (AnnotationKind k : o.hiddenKinds)
        if (!m_kinds.count(k))
            m_hiddenAbsent.insert(k); // kept, so that the next map's export leaves them out too
    for (const auto& [kind, box] : m_kinds) {
        const QSignalBlocker blocker(box);
        box->setChecked(o.shows(kind));
    }
    m_greyscale->setChecked(o.greyscale);
    m_dpi->setValue(o.dpi);
    m_slideWidth->setValue(o.slideWidth);
    m_currentView->setChecked(o.currentView);
    m_revision->setText(o.revisionName);
    optionsChanged();
    updatePreview(); // at once: whoever sets options wants to see them
}

void ExportDialog::optionsChanged()
{
    const auto format = static_cast<ExportOptions::Format>(m_format->currentData().toInt());
    const bool pdf = format == ExportOptions::Format::Pdf;
    for (QWidget* w : std::initializer_list<QWidget*>{m_paper, m_orientation, m_margin, m_legible, m_fit, m_wide,
                                                     m_tile, m_revision, m_votes, m_parkingLot})
        w->setEnabled(pdf);
    m_pagesWide->setEnabled(pdf && m_wide->isChecked());
    m_columns->setEnabled(pdf && m_tile->isChecked());
    m_rows->setEnabled(pdf && m_tile->isChecked());
    m_dpi->setEnabled(format == ExportOptions::Format::Png && m_slideWidth->value() == 0);
    m_slideWidth->setEnabled(format == ExportOptions::Format::Png || format == ExportOptions::Format::Svg);
    m_currentView->setEnabled(!m_view.isEmpty() &&
                              (format == ExportOptions::Format::Svg || format == ExportOptions::Format::Png));
    m_greyscale->setEnabled(format != ExportOptions::Format::Json);
    for (const auto& [kind, box] : m_kinds)
        box->setEnabled(format != ExportOptions::Format::Json);
    m_refresh->start();
}

void ExportDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    m_refresh->start();
}

int ExportDialog::previewPageCount() const
{
    const auto format = static_cast<ExportOptions::Format>(m_format->currentData().toInt());
    if (format == ExportOptions::Format::Json)
        return 0;
    return m_printout ? m_printout->pageCount() : 1;
}

void ExportDialog::updatePreview()
{
    m_refresh->stop();
    const ExportOptions o = options();
    m_printout.reset();
    if (o.format == ExportOptions::Format::Pdf)
        m_printout = std::make_unique<MapPrintout>(m_map, o);
    showPreviewPage(std::clamp(m_page, 0, std::max(0, previewPageCount() - 1)));
    updateScaleInfo();
}

void ExportDialog::updateScaleInfo()
{
    m_scaleInfo->setText(scaleText());
    m_scaleInfo->setVisible(!m_scaleInfo->text().isEmpty());
    if (m_printout) {
        // The one-page choice says what it would cost in type size, as Visio and draw.io do.
        const qreal fitPt = m_printout->scaleFor(1, 1) * m_printout->labelPx();
        m_fit->setText(tr("&Whole map on one page (labels %1 pt)").arg(fitPt, 0, 'f', 1));
    }
    const ExportOptions o = options();
    QStringList warnings =
        o.format == ExportOptions::Format::Json ? QStringList() : MapExporter::fontWarnings(m_map, o);
    if (warnings.size() > 4) {
        const qsizetype more = warnings.size() - 3;
        warnings = warnings.mid(0, 3);
        warnings << tr("and %n more", nullptr, static_cast<int>(more));
    }
    m_fontWarnings->setText(warnings.join(QLatin1Char('\n')));
    m_fontWarnings->setVisible(!warnings.isEmpty());
}

QString ExportDialog::fontWarningText() const
{
    return m_fontWarnings->text();
}

QString ExportDialog::scaleText() const
{
    const ExportOptions o = options();
    if (!m_printout && (o.format == ExportOptions::Format::Png || o.format == ExportOptions::Format::Svg)) {
        const QString warning = MapExporter::slideWarning(m_map, o);
        if (!warning.isEmpty())
            return warning.left(1).toUpper() + warning.mid(1) + QLatin1Char('.');
        return tr("Step labels %1 px high in the picture.").arg(MapExporter::slideLabelPx(m_map, o), 0, 'f', 1);
    }
    if (!m_printout)
        return QString();
    const ExportOptions& chosen = m_printout->options();
    const int mapPages = chosen.columns * chosen.rows;
    // One map unit is 0.75 pt on the canvas at 100 %.
    const QString pages = mapPages == 1 ? tr("1 map page")
                                        : tr("%1 map pages (%2 across \u00D7 %3 down) and an overview")
                                              .arg(mapPages)
                                              .arg(chosen.columns)
                                              .arg(chosen.rows);
    QString text = tr("%1; print scale %2 % of the canvas; step labels %3 pt")
                       .arg(pages)
                       .arg(qRound(m_printout->mapScale() / 0.75 * 100))
                       .arg(m_printout->labelPt(), 0, 'f', 1);
    if (m_printout->labelPt() < ExportOptions::kLegiblePt - 0.05)
        text += tr(", smaller than the %1 pt most readers need").arg(ExportOptions::kLegiblePt);
    return text + QLatin1Char('.');
}

void ExportDialog::showPreviewPage(int page)
{
    const ExportOptions o = options();
    const int count = previewPageCount();
    m_page = std::clamp(page, 0, std::max(0, count - 1));
    const qreal dpr = devicePixelRatioF();
    // Before the dialog is laid out the label has a size of its own, which the layout may
    // then shrink to the minimum: draw for the minimum until the dialog is shown.
    const QSize room = isVisible() ? m_previewLabel->size().expandedTo(kMinPreviewSize) : kPreviewSize;
    const QSizeF box = QSizeF(room) - QSizeF(16, 16);
    if (count == 0) {
        m_preview = QImage();
        m_previewLabel->setPixmap(QPixmap());
        m_previewLabel->setText(tr("JSON holds the map's data for another workspace; there is nothing to see."));
        m_pageLabel->clear();
    } else {
        QSizeF paper;
        if (m_printout)
            paper = m_printout->pageSize();
        MapExportScene* mapOnly = nullptr;
        std::unique_ptr<MapExportScene> scene;
        QRectF content;
        if (!m_printout) {
            scene = std::make_unique<MapExportScene>(m_map, o.hiddenKinds);
            mapOnly = scene.get();
            content = o.exportsView() ? mapOnly->viewContent(o.viewRect) : mapOnly->contentRect();
            paper = MapExportScene::withHeaders(content).size();
        }
        const qreal scale = std::min(box.width() / paper.width(), box.height() / paper.height());
        m_preview = QImage((paper * scale * dpr).toSize(), QImage::Format_RGB32);
        m_preview.setDevicePixelRatio(dpr);
        m_preview.fill(Qt::white);
        {
            QPainter painter(&m_preview);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.scale(scale, scale);
            if (m_printout)
                m_printout->paintPage(painter, m_page);
            else
                mapOnly->paint(painter, QRectF(QPointF(0, 0), paper), content);
        }
        if (o.greyscale)
            m_preview = m_preview.convertToFormat(QImage::Format_Grayscale8);
        m_previewLabel->setText(QString());
        m_previewLabel->setPixmap(QPixmap::fromImage(m_preview));
        m_pageLabel->setText(m_printout        ? m_printout->pageLabel(m_page)
                             : o.exportsView() ? tr("The current view as the canvas shows it")
                                               : tr("The map as the canvas shows it"));
    }
    m_prev->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < count);
}

QString ExportDialog::suggestedFileName() const
{
    const QString base = safeFileName(QString::fromStdString(
        m_map.props.district.empty() ? m_map.props.title : m_map.props.district + " " + m_map.props.title));
    const ExportOptions o = options();
    const QString suffix = o.format == ExportOptions::Format::Json ? QStringLiteral("crosswalk.json")
                                                                   : ExportOptions::fileSuffix(o.format);
    return base + QLatin1Char('.') + suffix;
}

void ExportDialog::chooseFileAndExport()
{
    QSettings settings;
    QString folder = settings.value(QStringLiteral("export/folder")).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const ExportOptions o = options();
    const QString filter = tr("%1 files (*.%2)")
                               .arg(ExportOptions::formatName(o.format), o.format == ExportOptions::Format::Json
                                                                             ? QStringLiteral("json")
                                                                             : ExportOptions::fileSuffix(o.format));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export map"), QDir(folder).filePath(suggestedFileName()), filter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    QString error;
    if (exportTo(path, &error)) {
        accept();
        return;
    }
    QMessageBox::warning(this, tr("Export failed"),
                         tr("The map could not be exported. Any file that was there is unchanged.\n\n%1").arg(error));
}

bool ExportDialog::exportTo(const QString& path, QString* error)
{
    const ExportOptions o = options();
    QSettings settings;
    o.save(settings);
    try {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        MapExporter::write(m_map, o, path.toStdString());
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
