#include "ui/interchange/importreportdialog.h"

#include "ui/common/strings.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crosswalk {

ImportReportDialog::ImportReportDialog(const QString& fileName, FileFormat format, const InterchangeResult& result,
                                       QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import Report"));
    auto* layout = new QVBoxLayout(this);

    const auto maps = result.maps.size();
    QString made = (maps == 1 ? tr("<b>%1</b> (%2): 1 map imported.") : tr("<b>%1</b> (%2): %3 maps imported."))
                       .arg(fileName.toHtmlEscaped(), toQString(displayName(format)).toHtmlEscaped())
                       .arg(maps);
    made += "<ul>";
    for (const Map& map : result.maps)
        made += "<li>" + toQString(importSummary(map)).toHtmlEscaped() + "</li>";
    made += "</ul>";
    if (result.leftOut.empty())
        made += tr("Nothing was left out.");
    else
        made += (result.leftOut.size() == 1
                     ? tr("1 element could not be represented in Crosswalk and was left out; it is listed below "
                          "with the reason.")
                     : tr("%1 elements could not be represented in Crosswalk and were left out; they are listed "
                          "below with the reason.")
                           .arg(result.leftOut.size()));
    m_summary = new QLabel(made, this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    // Two groups, each note with the element it concerns, so that a person can find it in the
    // other tool; the whole text can be selected and copied.
    m_details = new QTreeWidget(this);
    m_details->setColumnCount(2);
    m_details->setHeaderLabels({tr("Element"), tr("What happened")});
    m_details->setRootIsDecorated(true);
    m_details->setWordWrap(true);
    m_details->setUniformRowHeights(false);
    m_details->setTextElideMode(Qt::ElideNone);
    m_details->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_details->header()->resizeSection(0, 330);
    m_details->header()->setStretchLastSection(true);
    m_details->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto group = [&](const QString& title, const std::vector<InterchangeNote>& notes) {
        if (notes.empty())
            return;
        auto* top = new QTreeWidgetItem(m_details, {title.arg(notes.size())});
        top->setFirstColumnSpanned(true);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const InterchangeNote& n : notes) {
            auto* item = new QTreeWidgetItem(top, {toQString(n.where), toQString(n.message)});
            item->setToolTip(1, toQString(n.message));
        }
        top->setExpanded(true);
    };
    group(tr("Left out (%1)"), result.leftOut);
    group(tr("Changed on the way (%1)"), result.notes);
    const bool any = m_details->topLevelItemCount() > 0;
    m_details->setVisible(any);
    layout->addWidget(m_details, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(1000, any ? 600 : 240);
}

} // namespace crosswalk
