#pragma once

#include "crosswalk/model/map.h"
#include "ui/print/exportoptions.h"

#include <QDialog>
#include <QImage>

#include <map>
#include <memory>
#include <set>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace crosswalk {

class MapPrintout;

/// File > Export: the options of a map export with a live preview of the pages as they will
/// print. The options are remembered (QSettings, group "export") for the next export.
class ExportDialog final : public QDialog {
    Q_OBJECT
  public:
    /// view: the canvas's visible scene rectangle, which SVG and PNG can export alone
    /// ("Current view only"); empty when there is no canvas to take it from.
    ExportDialog(const Map& map, QWidget* parent = nullptr, const QRectF& view = QRectF());
    ~ExportDialog() override;

    ExportOptions options() const;
    void setOptions(const ExportOptions& options);

    /// Pages of the preview (1 for SVG and PNG, 0 for JSON) and the one shown.
    int previewPageCount() const;
    int previewPage() const { return m_page; }
    void showPreviewPage(int page);
    /// What the dialog says of the layout's scale and type size ("... step labels 8.8 pt").
    QString scaleText() const;
    /// The dialog's warnings about characters no font has (empty when none).
    QString fontWarningText() const;
    /// The preview as last drawn, for tests.
    const QImage& previewImage() const { return m_preview; }

    /// Writes the export to path with the current options and remembers them; on failure
    /// returns false with the reason in error (the dialog's Export button shows it).
    bool exportTo(const QString& path, QString* error = nullptr);

  protected:
    /// The preview is drawn for the space it has: again when that changes.
    void resizeEvent(QResizeEvent* event) override;

  private:
    void buildUi();
    void optionsChanged();
    void updatePreview();
    void updateScaleInfo();
    void chooseFileAndExport();
    QString suggestedFileName() const;

    Map m_map;
    QRectF m_view;
    std::unique_ptr<MapPrintout> m_printout;
    QImage m_preview;
    int m_page = 0;

    QComboBox* m_format = nullptr;
    QComboBox* m_paper = nullptr;
    QComboBox* m_orientation = nullptr;
    QDoubleSpinBox* m_margin = nullptr;
    QRadioButton* m_legible = nullptr;
    QRadioButton* m_fit = nullptr;
    QRadioButton* m_wide = nullptr;
    QSpinBox* m_pagesWide = nullptr;
    QRadioButton* m_tile = nullptr;
    QLabel* m_scaleInfo = nullptr;
    QCheckBox* m_votes = nullptr;
    QCheckBox* m_parkingLot = nullptr;
    QLabel* m_fontWarnings = nullptr;
    QSpinBox* m_columns = nullptr;
    QSpinBox* m_rows = nullptr;
    std::map<AnnotationKind, QCheckBox*> m_kinds;
    QCheckBox* m_greyscale = nullptr;
    QSpinBox* m_dpi = nullptr;
    QSpinBox* m_slideWidth = nullptr;
    QCheckBox* m_currentView = nullptr;
    QLineEdit* m_revision = nullptr;
    QLabel* m_previewLabel = nullptr;
    QLabel* m_pageLabel = nullptr;
    QPushButton* m_prev = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_export = nullptr;
    QTimer* m_refresh = nullptr;
    std::set<AnnotationKind> m_hiddenAbsent; // remembered hidden kinds this map has none of
};

} // namespace crosswalk
