#include "ui/panels/insightspanel.h"

#include "crosswalk/insights/mapinsights.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationglyph.h"
#include "ui/common/annotationtext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace crosswalk {
namespace {

struct ColumnInfo {
    const char* title;
    const char* tooltip;
    std::optional<AnnotationKind> kind;
    std::optional<int> horizon;
    std::optional<Variation> variation;
    bool optionalColumn; // shown only when the map has some, so rare states do not widen the table
};

const ColumnInfo kColumns[InsightsPanel::ColumnCount] = {
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Steps"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Steps in this lane or phase"),
     {},
     {},
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Handoffs"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel",
                       "Flows that cross from one lane to another. Per lane a handoff counts in the lane it leaves and "
                       "in the lane it enters; per phase, in the phase it leaves."),
     {},
     {},
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Decisions"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Decision steps"),
     {},
     {},
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Waits"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Wait or delay steps"),
     {},
     {},
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Black boxes"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Black boxes: steps nobody in the room can see into"),
     AnnotationKind::BlackBox,
     {},
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Harm"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Potential sources of harm"),
     AnnotationKind::Harm,
     {},
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Var. I"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Intentional variation"),
     AnnotationKind::Variation,
     {},
     Variation::Intentional,
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Var. U"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Unintentional variation"),
     AnnotationKind::Variation,
     {},
     Variation::Unintentional,
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Var."),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Variation not yet marked intentional or unintentional"),
     AnnotationKind::Variation,
     {},
     {},
     true},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Questions"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Questions"),
     AnnotationKind::Question,
     {},
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Insights"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Insights"),
     AnnotationKind::Insight,
     {},
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "H1"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Change ideas on horizon 1: inside today's system, this year"),
     AnnotationKind::ChangeIdea,
     1,
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "H2"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Change ideas on horizon 2: redesign of a part of the system"),
     AnnotationKind::ChangeIdea,
     2,
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "H3"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Change ideas on horizon 3: transforming the system"),
     AnnotationKind::ChangeIdea,
     3,
     {},
     false},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "H?"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "Change ideas not yet placed on a horizon"),
     AnnotationKind::ChangeIdea,
     {},
     {},
     true},
    {QT_TRANSLATE_NOOP("crosswalk::InsightsPanel", "No way forward"),
     QT_TRANSLATE_NOOP("crosswalk::InsightsPanel",
                       "Steps with no flow out of them that are not end steps: the process stops there without ending"),
     {},
     {},
     {},
     false},
};

constexpr int ScopeRole = Qt::UserRole;

} // namespace

const Figure& InsightsPanel::figure(const Figures& f, Column column)
{
    switch (column) {
    case StepsColumn:
        return f.steps;
    case HandoffsColumn:
        return f.handoffs;
    case DecisionsColumn:
        return f.decisions;
    case WaitsColumn:
        return f.waits;
    case BlackBoxesColumn:
        return f.blackBoxes;
    case HarmPointsColumn:
        return f.harmPoints;
    case VariationIntentionalColumn:
        return f.variationIntentional;
    case VariationUnintentionalColumn:
        return f.variationUnintentional;
    case VariationUnspecifiedColumn:
        return f.variationUnspecified;
    case QuestionsColumn:
        return f.questions;
    case InsightsColumn:
        return f.insights;
    case Horizon1Column:
        return f.changeIdeas[0];
    case Horizon2Column:
        return f.changeIdeas[1];
    case Horizon3Column:
        return f.changeIdeas[2];
    case NoHorizonColumn:
        return f.changeIdeasNoHorizon;
    case NoWayForwardColumn:
    case ColumnCount:
        break;
    }
    return f.noWayForward;
}

QString InsightsPanel::columnTitle(Column column)
{
    return tr(kColumns[column].title);
}

InsightsPanel::InsightsPanel(QWidget* parent) : QWidget(parent)
{
    m_table = new QTableWidget(this);
    m_table->setColumnCount(ColumnCount);
    for (int c = 0; c < ColumnCount; ++c) {
        const ColumnInfo& info = kColumns[c];
        auto* header = new QTableWidgetItem(tr(info.title));
        header->setToolTip(tr(info.tooltip));
        if (info.kind)
            header->setIcon(annotationIcon(*info.kind, info.horizon, info.variation));
        m_table->setHorizontalHeaderItem(c, header);
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(false);
    m_table->setIconSize(QSize(18, 18));
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_loading)
            emitSelection();
    });

    m_pathText = new QLabel(this);
    m_pathText->setWordWrap(true);
    m_pathText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathButton = new QPushButton(tr("Show &longest path"), this);
    m_pathButton->setToolTip(tr("Highlight the steps of the longest path from a start to an end on the canvas"));
    connect(m_pathButton, &QPushButton::clicked, this, [this] {
        if (!m_insights)
            return;
        m_table->clearSelection();
        QStringList ids;
        for (const std::string& id : m_insights->longestPath().stepIds)
            ids << toQString(id);
        emit highlightSteps(ids);
    });

    auto* note = new QLabel(tr("Figures describe the map as drawn; select one to see the steps behind it."), this);
    note->setWordWrap(true);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathText, 1);
    pathRow->addWidget(m_pathButton, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(note);
    layout->addWidget(m_table, 1);
    layout->addLayout(pathRow);
    refresh();
}

InsightsPanel::~InsightsPanel() = default;

void InsightsPanel::setDocument(MapDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &MapDocument::changed, this, [this] { refresh(); });
    refresh();
}

int InsightsPanel::rowOf(RowScope scope, const QString& id) const
{
    for (int r = 0; r < static_cast<int>(m_rows.size()); ++r)
        if (m_rows[static_cast<std::size_t>(r)].scope == scope &&
            (scope == RowScope::Overall || m_rows[static_cast<std::size_t>(r)].id == id))
            return r;
    return -1;
}

void InsightsPanel::refresh()
{
    m_loading = true;
    // Keep the selected cell across edits, so a highlight survives typing on the canvas.
    const int selectedRow = m_table->currentRow();
    const int selectedColumn = m_table->currentColumn();
    const bool hadSelection = !m_table->selectedItems().isEmpty();

    m_rows.clear();
    m_insights.reset();
    m_table->clearContents();
    const Map* map = m_document ? &m_document->map() : nullptr;
    if (map) {
        m_insights = std::make_unique<MapInsights>(*map);
        m_rows.push_back({RowScope::Overall, QString(), &m_insights->overall()});
        if (!m_insights->lanes().empty())
            m_rows.push_back({RowScope::Heading, tr("Lanes"), nullptr});
        for (const LaneFigures& lane : m_insights->lanes())
            m_rows.push_back({RowScope::Lane, toQString(lane.laneId), &lane.figures});
        if (!m_insights->phases().empty())
            m_rows.push_back({RowScope::Heading, tr("Phases"), nullptr});
        for (const PhaseFigures& phase : m_insights->phases())
            m_rows.push_back({RowScope::Phase, toQString(phase.phaseId), &phase.figures});
    }
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    for (int r = 0; r < static_cast<int>(m_rows.size()); ++r) {
        const RowInfo& row = m_rows[static_cast<std::size_t>(r)];
        QString title;
        switch (row.scope) {
        case RowScope::Overall:
            title = tr("Whole map");
            break;
        case RowScope::Lane:
            title = QStringLiteral("   ") + toQString(map->lane(row.id.toStdString())->name);
            break;
        case RowScope::Phase:
            title = QStringLiteral("   ") + toQString(map->phase(row.id.toStdString())->name);
            break;
        case RowScope::Heading:
            title = row.id;
            break;
        }
        auto* header = new QTableWidgetItem(title);
        if (row.scope == RowScope::Overall || row.scope == RowScope::Heading) {
            QFont bold = header->font();
            bold.setBold(true);
            header->setFont(bold);
        }
        m_table->setVerticalHeaderItem(r, header);
        for (int c = 0; c < ColumnCount; ++c) {
            auto* cell = new QTableWidgetItem;
            cell->setData(ScopeRole, r);
            if (row.figures) {
                const Figure& f = figure(*row.figures, static_cast<Column>(c));
                // A zero is shown as a dot so that the figures that are there stand out;
                // it is not a judgement, only less ink.
                cell->setText(f.count == 0 ? QStringLiteral("\u00B7") : QString::number(f.count));
                cell->setData(Qt::UserRole + 1, f.count);
                cell->setTextAlignment(Qt::AlignCenter);
                if (row.scope == RowScope::Overall) {
                    QFont bold = cell->font();
                    bold.setBold(true);
                    cell->setFont(bold);
                }
                cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                cell->setToolTip(tr("%1: %2").arg(tr(kColumns[c].tooltip)).arg(f.count));
            } else {
                cell->setFlags(Qt::NoItemFlags);
            }
            m_table->setItem(r, c, cell);
        }
    }
    for (int c = 0; c < ColumnCount; ++c) {
        const bool hide = kColumns[c].optionalColumn &&
                          (!m_insights || figure(m_insights->overall(), static_cast<Column>(c)).count == 0);
        m_table->setColumnHidden(c, hide);
    }

    if (m_insights && !m_insights->longestPath().stepIds.empty()) {
        QStringList labels;
        for (const std::string& id : m_insights->longestPath().stepIds)
            if (const Step* step = map->step(id))
                labels << toQString(step->label);
        m_pathText->setText((labels.size() == 1
                                 ? tr("<b>Longest path</b> from start to end: 1 step<br>")
                                 : tr("<b>Longest path</b> from start to end: %1 steps<br>").arg(labels.size())) +
                            labels.join(QStringLiteral(" \u2192 ")).toHtmlEscaped());
        m_pathButton->setEnabled(true);
    } else {
        m_pathText->setText(map ? tr("<b>Longest path:</b> no end step can be reached from a start step.") : QString());
        m_pathButton->setEnabled(false);
    }
    if (hadSelection && selectedRow >= 0 && selectedRow < m_table->rowCount() && selectedColumn >= 0)
        m_table->setCurrentCell(selectedRow, selectedColumn);
    m_loading = false;
}

void InsightsPanel::emitSelection()
{
    QStringList ids;
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (!selected.isEmpty()) {
        const int r = selected.front()->row();
        const int c = selected.front()->column();
        if (r >= 0 && r < static_cast<int>(m_rows.size()) && m_rows[static_cast<std::size_t>(r)].figures)
            for (const std::string& id :
                 figure(*m_rows[static_cast<std::size_t>(r)].figures, static_cast<Column>(c)).stepIds)
                ids << toQString(id);
    }
    emit highlightSteps(ids);
}

} // namespace crosswalk
