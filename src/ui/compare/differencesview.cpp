#include "ui/compare/differencesview.h"

#include "ui/common/strings.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/findingtext.h"

#include "crosswalk/compare/findings.h"

#include <QHeaderView>
#include <QSet>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crosswalk {
namespace {

namespace cs = comparestyle;

QString stepLine(const Map& map, const std::string& stepId)
{
    const Step* step = map.step(stepId);
    if (!step)
        return QString::fromStdString(stepId);
    const Lane* lane = map.lane(step->lane);
    const Phase* phase = map.phase(step->phase);
    QString where = lane ? QString::fromStdString(lane->name) : QString();
    if (phase)
        where += QStringLiteral(" · ") + QString::fromStdString(phase->name);
    return QStringLiteral("“%1”   (%2)").arg(QString::fromStdString(step->label), where);
}

} // namespace

DifferencesView::DifferencesView(CompareSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("What one district has and the other does not, pair by pair. Click an item to see its "
                               "steps side by side."));
    note->setWordWrap(true);
    layout->addWidget(note);
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setStyleSheet(QStringLiteral("QTreeWidget::item { padding: 4px; }"));
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) { activate(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { activate(item); });
    connect(&m_session, &CompareSession::changed, this, &DifferencesView::rebuild);
    rebuild();
}

void DifferencesView::activate(QTreeWidgetItem* item)
{
    if (!item || !item->data(0, MapARole).isValid())
        return;
    emit showSteps(item->data(0, MapARole).toInt(), item->data(0, MapBRole).toInt(), item->data(0, StepARole).toString(),
                   item->data(0, StepBRole).toString());
}

int DifferencesView::itemCount(std::size_t i, std::size_t j) const
{
    int count = 0;
    for (int t = 0; t < m_tree->topLevelItemCount(); ++t) {
        QTreeWidgetItem* pairItem = m_tree->topLevelItem(t);
        if (pairItem->data(0, MapARole).toInt() != static_cast<int>(i) ||
            pairItem->data(0, MapBRole).toInt() != static_cast<int>(j))
            continue;
        for (int g = 0; g < pairItem->childCount(); ++g)
            if (!pairItem->child(g)->data(0, CheckRole).toBool())
                count += pairItem->child(g)->childCount();
    }
    return count;
}

void DifferencesView::rebuild()
{
    // Keep which pairs are open across a recompute, so that a decision does not fold the list.
    QSet<QString> open;
    for (int t = 0; t < m_tree->topLevelItemCount(); ++t)
        if (m_tree->topLevelItem(t)->isExpanded())
            open.insert(m_tree->topLevelItem(t)->text(0));
    const bool first = m_tree->topLevelItemCount() == 0;
    m_tree->clear();

    const QStringList& names = m_session.districtNames();
    const QStringList& initials = m_session.districtInitials();
    const QFont pairFont = pixelFont(cs::kHeaderPx, true);
    const QFont groupFont = pixelFont(cs::kUiPx, true);
    for (std::size_t i = 0; i < m_session.mapCount(); ++i)
        for (std::size_t j = i + 1; j < m_session.mapCount(); ++j) {
            const PairComparison& pair = m_session.pair(i, j);
            const Map& a = m_session.map(i);
            const Map& b = m_session.map(j);
            const QString nameA = names[static_cast<qsizetype>(i)];
            const QString nameB = names[static_cast<qsizetype>(j)];
            auto* pairItem = new QTreeWidgetItem(
                m_tree, {QStringLiteral("%1 (%2)  ⟷  %3 (%4)")
                             .arg(nameA, initials[static_cast<qsizetype>(i)], nameB, initials[static_cast<qsizetype>(j)])});
            pairItem->setFont(0, pairFont);
            pairItem->setData(0, MapARole, static_cast<int>(i));
            pairItem->setData(0, MapBRole, static_cast<int>(j));

            const auto group = [&](const QString& title, int count) {
                auto* g = new QTreeWidgetItem(pairItem, {QStringLiteral("%1 (%2)").arg(title).arg(count)});
                g->setFont(0, groupFont);
                g->setExpanded(true);
                return g;
            };
            const auto leaf = [&](QTreeWidgetItem* parent, const QString& text, const std::string& sa,
                                  const std::string& sb) {
                auto* item = new QTreeWidgetItem(parent, {text});
                item->setData(0, MapARole, static_cast<int>(i));
                item->setData(0, MapBRole, static_cast<int>(j));
                item->setData(0, StepARole, QString::fromStdString(sa));
                item->setData(0, StepBRole, QString::fromStdString(sb));
                item->setToolTip(0, tr("Show in the side-by-side view"));
            };

            QTreeWidgetItem* onlyA = group(tr("Only in %1").arg(nameA), static_cast<int>(pair.onlyA.size()));
            for (const std::string& id : pair.onlyA)
                leaf(onlyA, stepLine(a, id), id, {});
            QTreeWidgetItem* onlyB = group(tr("Only in %1").arg(nameB), static_cast<int>(pair.onlyB.size()));
            for (const std::string& id : pair.onlyB)
                leaf(onlyB, stepLine(b, id), {}, id);
            // Marks on one side only: across confirmed or sure matches, and on steps with no
            // counterpart. Across an unsure match a "difference" may only be a wrong match, so
            // those matches are listed to check instead (not counted as differences).
            std::vector<const MarkFinding*> across;
            std::vector<const MarkFinding*> alone;
            std::vector<const MarkFinding*> unsure;
            for (const MarkFinding& f : pair.findings)
                (f.basis == FindingBasis::NoCounterpart ? alone : f.basis == FindingBasis::Unsure ? unsure : across)
                    .push_back(&f);
            const auto findingLeaf = [&](QTreeWidgetItem* parent, const MarkFinding& f) {
                QString text = findingtext::sentence(f, a, b, nameA, nameB);
                if (f.basis != FindingBasis::NoCounterpart)
                    text += QStringLiteral("   [%1]").arg(findingtext::basis(f));
                else
                    text += QStringLiteral("   %1").arg(stepLine(f.onA ? a : b, (f.onA ? f.stepsA : f.stepsB).front()));
                leaf(parent, text, f.stepsA.empty() ? std::string() : f.stepsA.front(),
                     f.stepsB.empty() ? std::string() : f.stepsB.front());
                auto* item = parent->child(parent->childCount() - 1);
                item->setData(0, KindRole, static_cast<int>(f.kind));
                item->setData(0, BasisRole, static_cast<int>(f.basis));
                item->setData(0, OnARole, f.onA);
                const QStringList texts = findingtext::annotationTexts(f, f.onA ? a : b);
                if (!texts.isEmpty())
                    item->setToolTip(0, texts.join(QLatin1Char('\n')) + QStringLiteral("\n\n") +
                                            tr("Show in the side-by-side view"));
            };
            QTreeWidgetItem* notes =
                group(tr("Marked in one district only, across confirmed or sure matches"), static_cast<int>(across.size()));
            notes->setToolTip(0, tr("Only matches a person confirmed, or proposed with a score of at least %1")
                                     .arg(kSureMatchScore, 0, 'f', 2));
            for (const MarkFinding* f : across)
                findingLeaf(notes, *f);
            QTreeWidgetItem* lone = group(tr("Marked on a step with no counterpart"), static_cast<int>(alone.size()));
            for (const MarkFinding* f : alone)
                findingLeaf(lone, *f);
            if (!unsure.empty()) {
                auto* check = new QTreeWidgetItem(
                    pairItem, {tr("Check these matches first (%1): a mark differs across a proposed match scored below "
                                  "%2, which may be wrong. Confirm or reject it side by side.")
                                   .arg(unsure.size())
                                   .arg(kSureMatchScore, 0, 'f', 2)});
                check->setFont(0, groupFont);
                check->setData(0, CheckRole, true);
                for (const MarkFinding* f : unsure)
                    leaf(check,
                         QStringLiteral("%1  ⟷  %2   [%3]")
                             .arg(findingtext::stepLabels(a, f->stepsA), findingtext::stepLabels(b, f->stepsB),
                                  findingtext::basis(*f)),
                         f->stepsA.front(), f->stepsB.front());
            }
            pairItem->setExpanded(first ? m_tree->topLevelItemCount() == 1 : open.contains(pairItem->text(0)));
        }
}

} // namespace crosswalk
