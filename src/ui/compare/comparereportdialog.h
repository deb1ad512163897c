#pragma once

#include "ui/print/exportoptions.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSettings;

namespace crosswalk {

class CompareSession;

/// The comparison window's "Export report…": paper, orientation and greyscale for the
/// comparison report PDF (ComparisonPrintout), then a file to write it to. The options are
/// remembered (QSettings, group "compareReport").
class CompareReportDialog final : public QDialog {
    Q_OBJECT
  public:
    explicit CompareReportDialog(CompareSession& session, QWidget* parent = nullptr);

    ExportOptions options() const;
    void setOptions(const ExportOptions& options);

    /// Writes the report to path and remembers the options; on failure returns false with
    /// the reason in error, and any file at path is unchanged.
    bool exportTo(const QString& path, QString* error = nullptr);

    static ExportOptions loadOptions(const QSettings& settings);
    static void saveOptions(QSettings& settings, const ExportOptions& options);

  private:
    void chooseFileAndExport();

    CompareSession& m_session;
    QComboBox* m_paper = nullptr;
    QComboBox* m_orientation = nullptr;
    QCheckBox* m_greyscale = nullptr;
    QLineEdit* m_revision = nullptr;
};

} // namespace crosswalk
