#pragma once

#include "crosswalk/interchange/interchange.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace crosswalk {

/// What an import of another tool's file made and left out, as `crosswalk import` reports it:
/// one line per map, then what could not be represented and what changed on the way, each
/// with the element it concerns.
class ImportReportDialog final : public QDialog {
    Q_OBJECT
public:
    ImportReportDialog(const QString& fileName, FileFormat format, const InterchangeResult& result,
                       QWidget* parent = nullptr);

    QLabel* summary() const { return m_summary; }
    QTreeWidget* details() const { return m_details; }

private:
    QLabel* m_summary = nullptr;
    QTreeWidget* m_details = nullptr;
};

} // namespace crosswalk
