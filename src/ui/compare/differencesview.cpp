#include "ui/compare/differencesview.h"

#include "ui/common/strings.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestyle.h"

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

QString annotationWord(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::BlackBox: return QObject::tr("Black box");
    case AnnotationKind::Harm: return QObject::tr("Harm point");
    case AnnotationKind::Variation: return QObject::tr("Variation");
    default: return toQString(displayName(kind));
    }
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
            QTreeWidgetItem* notes = group(tr("Marked in one district only"),
                                           static_cast<int>(pair.annotationDifferences.size()));
            for (const AnnotationDifference& d : pair.annotationDifferences) {
                const Step* sa = a.step(d.a);
                const Step* sb = b.step(d.b);
                const QString text =
                    tr("%1 in %2, not in %3:   “%4”  ⟷  “%5”")
                        .arg(annotationWord(d.kind), d.onA ? nameA : nameB, d.onA ? nameB : nameA,
                             QString::fromStdString(sa ? sa->label : d.a), QString::fromStdString(sb ? sb->label : d.b));
                leaf(notes, text, d.a, d.b);
            }
            pairItem->setExpanded(first ? m_tree->topLevelItemCount() == 1 : open.contains(pairItem->text(0)));
        }
}

} // namespace crosswalk
