#include "ui/compare/lanepairingview.h"

#include "crosswalk/compare/lanecrosswalk.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/districtpair.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <optional>

namespace crosswalk {
namespace {

namespace cs = comparestyle;

enum Column { LaneAColumn, LaneBColumn, ScoreColumn, DecisionColumn };

QString laneText(const Map& map, const std::string& laneId, int steps)
{
    const Lane* lane = map.lane(laneId);
    if (!lane)
        return {};
    const QString count = steps == 1 ? QObject::tr("1 step") : QObject::tr("%1 steps").arg(steps);
    return QStringLiteral("%1  ·  %2").arg(QString::fromStdString(lane->name), count);
}

} // namespace

LanePairingView::LanePairingView(CompareSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);

    auto* pick = new QHBoxLayout;
    m_comboA = new QComboBox;
    m_comboB = new QComboBox;
    addDistrictPair(
        pick, m_comboA, m_comboB, session, tr("Lanes of"), tr("and"), [this] { return std::pair{m_a, m_b}; },
        [this](std::size_t a, std::size_t b) { showPair(a, b); });
    pick->addStretch(1);
    layout->addLayout(pick);

    auto* note = new QLabel(tr("Lanes are paired by role, through a table of the names districts use for the same "
                               "role. Steps are matched through these pairs, so every view follows what you decide "
                               "here. Decisions are saved in the workspace and always win over the suggestions."));
    note->setWordWrap(true);
    layout->addWidget(note);

    m_table = new QTableWidget(this);
    m_table->setColumnCount(4);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setStyleSheet(QStringLiteral("QTableWidget { gridline-color: #DADCE0; }"));
    m_table->horizontalHeader()->setFont(pixelFont(cs::kUiPx, true));
    m_table->horizontalHeader()->setSectionResizeMode(LaneAColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(LaneBColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ScoreColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DecisionColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(44);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem*> selected = m_table->selectedItems();
        if (selected.isEmpty()) {
            m_hasSelection = false;
            refreshActions();
            return;
        }
        QTableWidgetItem* item = selected.front();
        m_hasSelection = true;
        m_selA = item->data(LaneARole).toString().toStdString();
        m_selB = item->data(LaneBRole).toString().toStdString();
        m_selKind = static_cast<RowKind>(item->data(RowKindRole).toInt());
        // Offer the row's lanes for pairing.
        if (!m_selA.empty())
            m_laneA->setCurrentIndex(m_laneA->findData(QString::fromStdString(m_selA)));
        if (!m_selB.empty())
            m_laneB->setCurrentIndex(m_laneB->findData(QString::fromStdString(m_selB)));
        refreshActions();
    });

    auto* actions = new QHBoxLayout;
    m_confirm = new QPushButton(tr("Confirm pairing"));
    m_confirm->setToolTip(tr("These two lanes hold the same role: keep them paired whatever the names suggest"));
    m_reject = new QPushButton(tr("Reject pairing"));
    m_reject->setToolTip(tr("These two lanes are not the same role: never pair them"));
    m_clear = new QPushButton(tr("Clear decision"));
    m_clear->setToolTip(tr("Forget what the team decided about these two lanes and let the comparison suggest again"));
    connect(m_confirm, &QPushButton::clicked, this, [this] { decide(ConfirmIt); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(RejectIt); });
    connect(m_clear, &QPushButton::clicked, this, [this] { decide(ClearIt); });
    for (QPushButton* b : {m_confirm, m_reject, m_clear})
        actions->addWidget(b);
    actions->addSpacing(40);
    actions->addWidget(new QLabel(tr("Pair")));
    m_laneA = new QComboBox;
    m_laneB = new QComboBox;
    m_laneA->setMinimumContentsLength(18);
    m_laneB->setMinimumContentsLength(18);
    actions->addWidget(m_laneA);
    actions->addWidget(new QLabel(tr("with")));
    actions->addWidget(m_laneB);
    m_pair = new QPushButton(tr("Pair lanes"));
    m_pair->setToolTip(tr("Pair these two lanes, which the comparison did not (a lane has one partner at most)"));
    connect(m_pair, &QPushButton::clicked, this, [this] { decide(AddIt); });
    connect(m_laneA, &QComboBox::currentIndexChanged, this, [this] { refreshActions(); });
    connect(m_laneB, &QComboBox::currentIndexChanged, this, [this] { refreshActions(); });
    actions->addWidget(m_pair);
    actions->addStretch(1);
    layout->addLayout(actions);

    m_details = new QLabel;
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setMinimumHeight(48);
    layout->addWidget(m_details);

    connect(&m_session, &CompareSession::changed, this, &LanePairingView::rebuild);
    rebuild();
}

void LanePairingView::showPair(std::size_t i, std::size_t j)
{
    if (i == j || i >= m_session.mapCount() || j >= m_session.mapCount())
        return;
    const std::size_t a = std::min(i, j);
    const std::size_t b = std::max(i, j);
    {
        QSignalBlocker blockA(m_comboA);
        QSignalBlocker blockB(m_comboB);
        m_comboA->setCurrentIndex(static_cast<int>(a));
        m_comboB->setCurrentIndex(static_cast<int>(b));
    }
    if (a == m_a && b == m_b)
        return;
    m_a = a;
    m_b = b;
    m_hasSelection = false;
    m_laneA->setCurrentIndex(-1); // the other districts' lanes
    m_laneB->setCurrentIndex(-1);
    rebuild();
}

void LanePairingView::fillLaneCombos()
{
    // Keeps the lane chosen in each box if it is still there (the maps may have been reloaded).
    for (auto [combo, index] : {std::pair{m_laneA, m_a}, std::pair{m_laneB, m_b}}) {
        QSignalBlocker block(combo);
        const QVariant chosen = combo->currentData();
        combo->clear();
        for (const Lane& lane : m_session.map(index).lanes)
            combo->addItem(QString::fromStdString(lane.name), QString::fromStdString(lane.id));
        combo->setCurrentIndex(chosen.isValid() ? combo->findData(chosen) : -1);
        combo->setPlaceholderText(tr("a lane of %1").arg(m_session.districtInitials()[static_cast<qsizetype>(index)]));
    }
}

int LanePairingView::rowOf(const std::string& a, const std::string& b, RowKind kind) const
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QTableWidgetItem* item = m_table->item(r, LaneAColumn);
        if (item->data(LaneARole).toString().toStdString() == a &&
            item->data(LaneBRole).toString().toStdString() == b &&
            item->data(RowKindRole).toInt() == static_cast<int>(kind))
            return r;
    }
    return -1;
}

void LanePairingView::selectRow(int row)
{
    if (row < 0 || row >= m_table->rowCount())
        m_table->clearSelection();
    else
        m_table->selectRow(row);
}

void LanePairingView::rebuild()
{
    const Map& mapA = m_session.map(m_a);
    const Map& mapB = m_session.map(m_b);
    const PairComparison& pair = m_session.pair(m_a, m_b);
    const QStringList& names = m_session.districtNames();
    const QStringList& initials = m_session.districtInitials();

    fillLaneCombos();
    QSignalBlocker block(m_table);
    m_table->clearContents();
    m_table->setHorizontalHeaderLabels(
        {tr("%1 · %2").arg(initials[static_cast<qsizetype>(m_a)], names[static_cast<qsizetype>(m_a)]),
         tr("%1 · %2").arg(initials[static_cast<qsizetype>(m_b)], names[static_cast<qsizetype>(m_b)]),
         tr("Name similarity"), tr("Decision")});

    struct Row {
        std::string a;
        std::string b;
        RowKind kind;
        double score;
        bool decided; // plain flags rather than an optional: GCC 12 warns falsely on those at -O3
        Decision decision;
    };
    const auto decisionOn = [this](const std::string& a, const std::string& b, Decision& out) {
        if (const std::optional<Decision> d = m_session.laneDecision(m_a, m_b, a, b)) {
            out = *d;
            return true;
        }
        return false;
    };
    std::vector<Row> rows;
    for (const LaneFiguresRow& f : pair.laneFigures) {
        if (!f.a.empty() && !f.b.empty()) {
            double score = 0;
            for (const LanePair& p : pair.lanes)
                if (p.a == f.a)
                    score = p.score;
            Decision decision = Decision::Confirmed;
            const bool decided = decisionOn(f.a, f.b, decision);
            rows.push_back({f.a, f.b, RowKind::Pair, score, decided, decision});
        } else {
            rows.push_back({f.a, f.b, f.a.empty() ? RowKind::OnlyB : RowKind::OnlyA, 0, false, Decision::Confirmed});
        }
    }
    for (const MatchDecision& d : m_session.laneDecisions(m_a, m_b)) {
        const Lane* la = mapA.lane(d.a);
        const Lane* lb = mapB.lane(d.b);
        if (d.decision == Decision::Rejected && la && lb)
            rows.push_back(
                {d.a, d.b, RowKind::Rejected, LaneCrosswalk::similarity(la->name, lb->name), true, d.decision});
    }

    const auto stepsIn = [&](const std::string& lane, bool sideA) {
        for (const LaneFiguresRow& f : pair.laneFigures) {
            if (sideA && f.a == lane && f.figuresA)
                return f.figuresA->steps;
            if (!sideA && f.b == lane && f.figuresB)
                return f.figuresB->steps;
        }
        return 0;
    };

    m_table->setRowCount(static_cast<int>(rows.size()));
    const QColor muted(0x5F, 0x63, 0x68);
    int selectedRow = -1;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Row& row = rows[r];
        QString decision;
        QString score = QStringLiteral("—");
        switch (row.kind) {
        case RowKind::Pair:
            score = QString::number(row.score, 'f', 2);
            if (!row.decided)
                decision = tr("suggested by the comparison");
            else if (row.decision == Decision::Confirmed)
                decision = tr("✓ confirmed by the team");
            else
                decision = tr("✓ paired by the team");
            break;
        case RowKind::OnlyA:
        case RowKind::OnlyB:
            decision = tr("no partner: %1 has no lane for this role")
                           .arg(names[static_cast<qsizetype>(row.kind == RowKind::OnlyA ? m_b : m_a)]);
            break;
        case RowKind::Rejected:
            score = QString::number(row.score, 'f', 2);
            decision = tr("✗ rejected by the team: never paired");
            break;
        }
        QString textA = row.a.empty() ? tr("(no lane)") : laneText(mapA, row.a, stepsIn(row.a, true));
        QString textB = row.b.empty() ? tr("(no lane)") : laneText(mapB, row.b, stepsIn(row.b, false));
        if (row.kind == RowKind::Rejected) {
            textA = QString::fromStdString(mapA.lane(row.a)->name);
            textB = QString::fromStdString(mapB.lane(row.b)->name);
        }
        const QString texts[] = {textA, textB, score, decision};
        for (int c = 0; c < 4; ++c) {
            auto* item = new QTableWidgetItem(texts[c]);
            item->setData(LaneARole, QString::fromStdString(row.a));
            item->setData(LaneBRole, QString::fromStdString(row.b));
            item->setData(RowKindRole, static_cast<int>(row.kind));
            const bool empty = (c == LaneAColumn && row.a.empty()) || (c == LaneBColumn && row.b.empty());
            if (empty || row.kind == RowKind::Rejected || (c == DecisionColumn && !row.decided)) {
                item->setForeground(muted);
                QFont font = item->font();
                font.setItalic(empty || row.kind == RowKind::Rejected);
                item->setFont(font);
            }
            if (c == DecisionColumn && row.decided && row.decision != Decision::Rejected) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            if (c == ScoreColumn)
                item->setTextAlignment(Qt::AlignCenter);
            m_table->setItem(static_cast<int>(r), c, item);
        }
        if (m_hasSelection && row.a == m_selA && row.b == m_selB && row.kind == m_selKind)
            selectedRow = static_cast<int>(r);
    }
    if (selectedRow >= 0) {
        m_table->selectRow(selectedRow);
    } else {
        m_table->clearSelection();
        m_hasSelection = false;
    }
    refreshActions();
}

void LanePairingView::refreshActions()
{
    const bool writable = !m_session.readOnly();
    bool decided = false;
    Decision decision = Decision::Rejected;
    if (m_hasSelection && !m_selA.empty() && !m_selB.empty())
        if (const std::optional<Decision> d = m_session.laneDecision(m_a, m_b, m_selA, m_selB)) {
            decided = true;
            decision = *d;
        }
    const bool isPair = m_hasSelection && m_selKind == RowKind::Pair;
    const bool confirmed = decided && decision != Decision::Rejected;
    m_confirm->setEnabled(writable && isPair && !confirmed);
    m_reject->setEnabled(writable && isPair);
    m_clear->setEnabled(writable && decided);

    const std::string pickA = m_laneA->currentData().toString().toStdString();
    const std::string pickB = m_laneB->currentData().toString().toStdString();
    const PairComparison& pair = m_session.pair(m_a, m_b);
    const bool alreadyPaired = std::any_of(pair.lanes.begin(), pair.lanes.end(),
                                           [&](const LanePair& p) { return p.a == pickA && p.b == pickB; });
    m_pair->setEnabled(writable && !pickA.empty() && !pickB.empty() && !alreadyPaired);

    const QStringList& names = m_session.districtNames();
    const auto laneName = [&](std::size_t map, const std::string& id) {
        const Lane* lane = m_session.map(map).lane(id);
        return lane ? QStringLiteral("<b>%1</b>").arg(QString::fromStdString(lane->name).toHtmlEscaped()) : QString();
    };
    QString text;
    if (!m_hasSelection) {
        text = tr("Select a pairing to confirm or reject it, or choose a lane of each district and press Pair lanes.");
    } else if (m_selKind == RowKind::Pair) {
        text = tr("%1 (%2) and %3 (%4) are paired: their steps can match as steps of the same role.")
                   .arg(laneName(m_a, m_selA), names[static_cast<qsizetype>(m_a)].toHtmlEscaped(),
                        laneName(m_b, m_selB), names[static_cast<qsizetype>(m_b)].toHtmlEscaped());
    } else if (m_selKind == RowKind::Rejected) {
        text = tr("The team decided that %1 and %2 are different roles. Clear the decision to let the comparison "
                  "suggest them again.")
                   .arg(laneName(m_a, m_selA), laneName(m_b, m_selB));
    } else {
        const bool onA = m_selKind == RowKind::OnlyA;
        text = tr("%1 has no partner in %2. If %2 has this role under another name, choose that lane and press "
                  "Pair lanes.")
                   .arg(onA ? laneName(m_a, m_selA) : laneName(m_b, m_selB),
                        names[static_cast<qsizetype>(onA ? m_b : m_a)].toHtmlEscaped());
    }
    m_details->setText(text);
}

void LanePairingView::decide(What what)
{
    // Copies: the session recomputes and this view rebuilds while the call runs.
    std::string a = m_selA;
    std::string b = m_selB;
    if (what == AddIt) {
        a = m_laneA->currentData().toString().toStdString();
        b = m_laneB->currentData().toString().toStdString();
    }
    if (a.empty() || b.empty())
        return;
    try {
        switch (what) {
        case ConfirmIt:
            m_session.confirmLanePair(m_a, m_b, a, b);
            break;
        case RejectIt:
            m_session.rejectLanePair(m_a, m_b, a, b);
            break;
        case AddIt:
            m_session.addLanePair(m_a, m_b, a, b);
            break;
        case ClearIt:
            m_session.clearLaneDecision(m_a, m_b, a, b);
            break;
        }
    } catch (const std::exception& e) {
        emit failed(tr("The decision was not stored: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    // Keep the decided lanes selected: a rejected pair now shows in its own row.
    m_selA = a;
    m_selB = b;
    m_selKind = what == RejectIt ? RowKind::Rejected : RowKind::Pair;
    m_hasSelection = true;
    int row = rowOf(a, b, m_selKind);
    if (row < 0 && what == ClearIt) {
        // A cleared rejection: the lanes may now be paired again, or each alone.
        row = rowOf(a, b, RowKind::Pair);
        if (row < 0)
            row = rowOf(a, "", RowKind::OnlyA);
    }
    selectRow(row);
}

} // namespace crosswalk
