#include "ui/compare/gridview.h"

#include "crosswalk/compare/compare.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/gridcelldelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cstdlib>
#include <unordered_map>

namespace crosswalk {
namespace {

namespace cs = comparestyle;

// A district name on two lines when it is long, so that eight columns keep whole names.
QString twoLines(const QString& name)
{
    if (name.size() < 18)
        return name;
    const qsizetype middle = name.size() / 2;
    qsizetype best = -1;
    for (qsizetype i = 0; i < name.size(); ++i)
        if (name[i] == QLatin1Char(' ') && (best < 0 || std::abs(i - middle) < std::abs(best - middle)))
            best = i;
    if (best < 0)
        return name;
    QString out = name;
    out[best] = QLatin1Char('\n');
    return out;
}

} // namespace

GridView::GridView(CompareSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("What each district's lane holds, lane by lane. Double-click a cell to open that lane "
                               "in the district's map."));
    note->setWordWrap(true);
    layout->addWidget(note);

    m_table = new QTableWidget(this);
    m_table->setItemDelegate(new GridCellDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(true);
    m_table->setShowGrid(true);
    m_table->setStyleSheet(QStringLiteral("QTableWidget { gridline-color: #9AA0A6; }"));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setFont(pixelFont(cs::kUiPx, true));
    m_table->horizontalHeader()->setMinimumHeight(64);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(GridCellDelegate().sizeHint({}, {}).height());
    m_table->verticalHeader()->setFont(pixelFont(cs::kUiPx, true));
    m_table->verticalHeader()->setMinimumWidth(220);
    m_table->verticalHeader()->setMaximumWidth(260);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_table, 1);

    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        const auto& rows = m_session.result().laneRows;
        if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= rows.size())
            return;
        const std::size_t c = static_cast<std::size_t>(column);
        emit openMapAt(QString::fromStdString(m_session.map(c).id),
                       QString::fromStdString(rows[static_cast<std::size_t>(row)][c]));
    });
    connect(&m_session, &CompareSession::changed, this, &GridView::rebuild);
    rebuild();
}

void GridView::rebuild()
{
    const auto& rows = m_session.result().laneRows;
    const std::size_t n = m_session.mapCount();
    m_table->clear();
    m_table->setRowCount(static_cast<int>(rows.size()));
    m_table->setColumnCount(static_cast<int>(n));

    for (std::size_t c = 0; c < n; ++c) {
        const QString name = m_session.districtNames()[static_cast<qsizetype>(c)];
        // Initials rather than an icon: a header draws icons too small to read.
        auto* header = new QTableWidgetItem(m_session.districtInitials()[static_cast<qsizetype>(c)] +
                                            QStringLiteral(" · ") + twoLines(name));
        header->setToolTip(name);
        m_table->setHorizontalHeaderItem(static_cast<int>(c), header);
    }

    std::vector<std::unordered_map<std::string, LaneTally>> figures;
    for (const Map& map : m_session.maps())
        figures.push_back(laneFigures(map));

    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto* rowHeader = new QTableWidgetItem(twoLines(m_session.rowName(r)));
        m_table->setVerticalHeaderItem(static_cast<int>(r), rowHeader);
        for (std::size_t c = 0; c < n; ++c) {
            auto* cell = new QTableWidgetItem;
            const std::string& laneId = rows[r][c];
            const Lane* lane = laneId.empty() ? nullptr : m_session.map(c).lane(laneId);
            cell->setData(GridCellDelegate::HasLaneRole, lane != nullptr);
            if (lane) {
                const LaneTally& f = figures[c].at(laneId);
                cell->setData(GridCellDelegate::LaneNameRole, QString::fromStdString(lane->name));
                cell->setData(GridCellDelegate::StepsRole, f.steps);
                cell->setData(GridCellDelegate::HandoffsRole, f.handoffs);
                cell->setData(GridCellDelegate::BlackBoxesRole, f.blackBoxes);
                cell->setData(GridCellDelegate::HarmPointsRole, f.harmPoints);
                cell->setData(GridCellDelegate::VariationsRole, f.variations);
                // The same figures in words, for screen readers and copying.
                cell->setText(tr("%1: %2 steps, %3 handoffs, %4 black boxes, %5 harm points, %6 variations")
                                  .arg(QString::fromStdString(lane->name))
                                  .arg(f.steps)
                                  .arg(f.handoffs)
                                  .arg(f.blackBoxes)
                                  .arg(f.harmPoints)
                                  .arg(f.variations));
                cell->setToolTip(tr("Double-click to open %1 at this lane")
                                     .arg(m_session.districtNames()[static_cast<qsizetype>(c)]));
            } else {
                cell->setText(tr("no such lane"));
                cell->setToolTip(tr("This district has no lane for this role. Double-click to open its map."));
            }
            m_table->setItem(static_cast<int>(r), static_cast<int>(c), cell);
        }
    }
}

} // namespace crosswalk
