#include "ui/compare/sidebysideview.h"

#include "crosswalk/compare/phasealignment.h"
#include "crosswalk/layout/layout.h"
#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestepitem.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/districtpair.h"

#include <QComboBox>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>

namespace crosswalk {
namespace {

namespace cs = comparestyle;

constexpr double kTitleHeight = 46;
constexpr double kBlockGapDown = 80;  // between the two maps, one above the other
constexpr double kBlockGapRight = 140; // between the two maps, left and right

enum What { ConfirmIt, RejectIt, AddIt, ClearIt };

QGraphicsTextItem* addHtml(QGraphicsScene& scene, const QString& html, double width, const QPointF& pos)
{
    auto* text = scene.addText(QString());
    text->setHtml(html);
    text->setTextWidth(width);
    text->setPos(pos);
    text->setZValue(3);
    return text;
}

std::unordered_map<std::string, CompareStepItem::Marks> marksOf(const Map& map)
{
    std::unordered_map<std::string, CompareStepItem::Marks> out;
    for (const Annotation& note : map.annotations) {
        if (!map.step(note.target))
            continue;
        CompareStepItem::Marks& m = out[note.target];
        if (note.kind == AnnotationKind::BlackBox)
            ++m.blackBoxes;
        else if (note.kind == AnnotationKind::Harm)
            ++m.harmPoints;
        else if (note.kind == AnnotationKind::Variation)
            ++m.variations;
    }
    return out;
}

QString stepText(const Map& map, const std::string& stepId)
{
    const Step* step = map.step(stepId);
    if (!step)
        return {};
    const Lane* lane = map.lane(step->lane);
    return QStringLiteral("“%1”%2").arg(
        QString::fromStdString(step->label).toHtmlEscaped(),
        lane ? QStringLiteral(" <span style='color:#5f6368'>(%1)</span>")
                   .arg(QString::fromStdString(lane->name).toHtmlEscaped())
             : QString());
}

} // namespace

SideBySideView::SideBySideView(CompareSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);

    auto* pick = new QHBoxLayout;
    m_comboA = new QComboBox;
    m_comboB = new QComboBox;
    addDistrictPair(
        pick, m_comboA, m_comboB, session, tr("Compare"), tr("with"), [this] { return std::pair{m_a, m_b}; },
        [this](std::size_t a, std::size_t b) { showPair(a, b); });
    pick->addSpacing(24);
    m_orientation = new QPushButton(tr("Left and right"));
    m_orientation->setCheckable(true);
    m_orientation->setToolTip(tr("Show the two maps left and right instead of one above the other"));
    connect(m_orientation, &QPushButton::toggled, this, &SideBySideView::setLeftRight);
    pick->addWidget(m_orientation);
    pick->addStretch(1);
    for (const auto& [label, factor] : {std::pair{QStringLiteral("−"), 1 / 1.25}, std::pair{QStringLiteral("+"), 1.25}}) {
        auto* zoom = new QPushButton(label);
        zoom->setFixedWidth(48);
        connect(zoom, &QPushButton::clicked, this, [this, f = factor] { m_view->zoomBy(f); });
        pick->addWidget(zoom);
    }
    auto* fit = new QPushButton(tr("Fit"));
    connect(fit, &QPushButton::clicked, this, [this] { m_view->fitScene(); });
    pick->addWidget(fit);
    layout->addLayout(pick);

    auto* actions = new QHBoxLayout;
    m_confirm = new QPushButton(tr("Confirm match"));
    m_confirm->setToolTip(tr("These two steps do the same thing: keep them paired whatever the comparison suggests"));
    m_reject = new QPushButton(tr("Reject match"));
    m_reject->setToolTip(tr("These two steps are not the same: never pair them"));
    m_match = new QPushButton(tr("Match"));
    m_match->setToolTip(tr("Pair the step selected in each map (Ctrl+click selects a step without its partner)"));
    m_clear = new QPushButton(tr("Clear decision"));
    m_clear->setToolTip(tr("Forget what the team decided about these two steps and let the comparison suggest again"));
    connect(m_confirm, &QPushButton::clicked, this, [this] { decide(ConfirmIt); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(RejectIt); });
    connect(m_match, &QPushButton::clicked, this, [this] { decide(AddIt); });
    connect(m_clear, &QPushButton::clicked, this, [this] { decide(ClearIt); });
    for (QPushButton* b : {m_confirm, m_reject, m_match, m_clear})
        actions->addWidget(b);
    m_details = new QLabel;
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    actions->addSpacing(16);
    actions->addWidget(m_details, 1);
    layout->addLayout(actions);

    m_scene = new QGraphicsScene(this);
    m_view = new CompareGraphicsView(this);
    m_view->setScene(m_scene);
    layout->addWidget(m_view, 1);
    connect(m_view, &CompareGraphicsView::stepClicked, this, &SideBySideView::onClicked);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QPointF at = m_view->mapToScene(pos);
        for (Side side : {Side::A, Side::B}) {
            const std::string lane = laneHeadingAt(side, at);
            if (lane.empty())
                continue;
            QMenu* menu = laneMenu(side, lane, this);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_view->viewport()->mapToGlobal(pos));
            return;
        }
    });

    connect(&m_session, &CompareSession::changed, this, &SideBySideView::rebuild);
    rebuild();
}

void SideBySideView::showPair(std::size_t i, std::size_t j)
{
    if (i == j || i >= m_session.mapCount() || j >= m_session.mapCount())
        return;
    const std::size_t a = std::min(i, j);
    const std::size_t b = std::max(i, j);
    {
        QSignalBlocker blockA(m_comboA);
        QSignalBlocker blockB(m_comboB);
        m_comboA->setCurrentIndex(static_cast<int>(i));
        m_comboB->setCurrentIndex(static_cast<int>(j));
    }
    if (a == m_a && b == m_b)
        return;
    m_a = a;
    m_b = b;
    m_selA.clear();
    m_selB.clear();
    rebuild();
    m_view->fitScene();
}

void SideBySideView::setLeftRight(bool leftRight)
{
    if (leftRight == m_leftRight)
        return;
    m_leftRight = leftRight;
    {
        QSignalBlocker block(m_orientation);
        m_orientation->setChecked(leftRight);
    }
    rebuild();
    m_view->fitScene();
}

void SideBySideView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_fitted) {
        m_fitted = true;
        m_view->fitScene();
    }
}

CompareStepItem* SideBySideView::stepItem(Side side, const std::string& stepId) const
{
    const auto& items = side == Side::A ? m_itemsA : m_itemsB;
    const auto it = items.find(stepId);
    return it == items.end() ? nullptr : it->second;
}

void SideBySideView::rebuild()
{
    m_scene->clear();
    m_itemsA.clear();
    m_itemsB.clear();
    m_lines.clear();
    m_headings.clear();

    const Map* maps[2] = {&m_session.map(m_a), &m_session.map(m_b)};
    const std::size_t index[2] = {m_a, m_b};
    const PairComparison& pair = m_session.pair(m_a, m_b);
    if (!maps[0]->step(m_selA))
        m_selA.clear();
    if (!maps[1]->step(m_selB))
        m_selB.clear();

    // Rows: A's lanes in order with their partners, then B's lanes without one.
    std::vector<std::unordered_map<std::string, std::size_t>> rowOf(2);
    for (std::size_t r = 0; r < pair.laneFigures.size(); ++r) {
        if (!pair.laneFigures[r].a.empty())
            rowOf[0][pair.laneFigures[r].a] = r;
        if (!pair.laneFigures[r].b.empty())
            rowOf[1][pair.laneFigures[r].b] = r;
    }
    const std::size_t rows = pair.laneFigures.size();
    // The year: the two maps' phases lined up by name and in year order (alignPhases); a phase
    // the other map has no counterpart for gets its own column, so neither map is stretched.
    std::vector<std::vector<std::string>> phaseNames(2);
    for (int s = 0; s < 2; ++s)
        for (const Phase& phase : maps[s]->phases)
            phaseNames[static_cast<std::size_t>(s)].push_back(phase.name);
    const std::vector<PhaseColumn> phaseColumns = alignPhases(phaseNames);
    std::vector<std::vector<std::size_t>> columnOfPhase{std::vector<std::size_t>(maps[0]->phases.size()),
                                                        std::vector<std::size_t>(maps[1]->phases.size())};
    for (std::size_t c = 0; c < phaseColumns.size(); ++c)
        for (std::size_t s = 0; s < 2; ++s)
            if (phaseColumns[c].phases[s] != kNoPhase)
                columnOfPhase[s][phaseColumns[c].phases[s]] = c;
    const std::size_t columns = std::max<std::size_t>(1, phaseColumns.size());
    const double stripWidth = static_cast<double>(columns) * cs::kColumnWidth;
    const double x0 = cs::kLaneHeaderWidth;

    // Each step's place: its row, its left edge in the strip and its track inside the row.
    struct Place {
        std::size_t row = 0;
        double left = 0;
        int track = 0;
    };
    std::vector<std::vector<Place>> places(2);
    for (int s = 0; s < 2; ++s) {
        const Map& map = *maps[s];
        const double width = layout::totalWidth(map);
        std::vector<std::vector<std::size_t>> stepsOfRow(rows);
        for (std::size_t k = 0; k < map.steps.size(); ++k) {
            const Step& step = map.steps[k];
            Place p;
            p.row = rowOf[static_cast<std::size_t>(s)].at(step.lane);
            const double t = cs::yearPosition(map, step, width);
            p.left = cs::columnX(t, columns); // a map without phases spreads over the whole year
            if (const auto phase = map.phaseIndex(step.phase); phase && !map.phases.empty())
                p.left = cs::columnLeft(columnOfPhase[static_cast<std::size_t>(s)][*phase],
                                        t * static_cast<double>(map.phases.size()) - static_cast<double>(*phase));
            places[static_cast<std::size_t>(s)].push_back(p);
            stepsOfRow[p.row].push_back(k);
        }
        for (std::size_t r = 0; r < rows; ++r) {
            std::vector<double> lefts;
            for (std::size_t k : stepsOfRow[r])
                lefts.push_back(places[static_cast<std::size_t>(s)][k].left);
            int tracks = 1;
            const std::vector<int> track = cs::packTracks(lefts, cs::kStepW, &tracks);
            for (std::size_t q = 0; q < stepsOfRow[r].size(); ++q)
                places[static_cast<std::size_t>(s)][stepsOfRow[r][q]].track = track[q];
        }
    }
    const double trackHeight = cs::kStepH + cs::kTrackGap + 14;

    const QStringList& names = m_session.districtNames();
    const QStringList& initials = m_session.districtInitials();

    // Lane headings of both maps. One above the other, the two maps' lanes of a crosswalk row
    // sit in adjacent bands, so that a matched pair is a short line apart; left and right,
    // the rows line up across the two maps.
    const auto laneHeading = [&](int s, std::size_t r) {
        const LaneFiguresRow& row = pair.laneFigures[r];
        const std::string& laneId = s == 0 ? row.a : row.b;
        const std::string& otherId = s == 0 ? row.b : row.a;
        const QString tag = m_leftRight ? QString() : initials[static_cast<qsizetype>(index[s])] + QStringLiteral(" · ");
        if (laneId.empty()) {
            const Lane* other = maps[1 - s]->lane(otherId);
            return QStringLiteral("<div style='font-size:%1px;color:#5f6368'><i>%2%3</i></div>")
                .arg(cs::kSmallPx + 1)
                .arg(tag, tr("no lane like “%1”").arg(QString::fromStdString(other ? other->name : "").toHtmlEscaped()));
        }
        return QStringLiteral("<div style='font-size:%1px'><b>%2%3</b></div>")
            .arg(cs::kHeaderPx)
            .arg(tag, QString::fromStdString(maps[s]->lane(laneId)->name).toHtmlEscaped());
    };
    std::vector<QString> headings[2];
    std::vector<double> heights[2];
    for (int s = 0; s < 2; ++s) {
        for (std::size_t r = 0; r < rows; ++r) {
            headings[s].push_back(laneHeading(s, r));
            QTextDocument doc;
            doc.setHtml(headings[s].back());
            doc.setTextWidth(x0 - 24);
            int tracks = 1;
            for (const Place& p : places[static_cast<std::size_t>(s)])
                if (p.row == r)
                    tracks = std::max(tracks, p.track + 1);
            heights[s].push_back(std::max(tracks * trackHeight + 2 * cs::kRowPadding - cs::kTrackGap,
                                          doc.size().height() + 12));
        }
    }
    if (m_leftRight)
        for (std::size_t r = 0; r < rows; ++r)
            heights[0][r] = heights[1][r] = std::max(heights[0][r], heights[1][r]);

    std::vector<std::unordered_map<std::string, CompareStepItem::Marks>> marks{marksOf(*maps[0]), marksOf(*maps[1])};
    std::unordered_map<std::string, bool> flaggedA;
    std::unordered_map<std::string, bool> flaggedB;
    // Marked differently across a confirmed or sure match: an unsure match states nothing.
    for (const MarkFinding& f : pair.findings) {
        if (f.basis != FindingBasis::Confirmed && f.basis != FindingBasis::Sure)
            continue;
        for (const std::string& id : f.stepsA)
            flaggedA[id] = true;
        for (const std::string& id : f.stepsB)
            flaggedB[id] = true;
    }

    // Where each side's strip starts, and the top of each of its lane bands.
    double originX[2] = {0, 0};
    std::vector<double> bandTop[2] = {std::vector<double>(rows), std::vector<double>(rows)};
    const auto phaseHeader = [&](int s, double ox, double y) {
        const Map& map = *maps[s];
        const double columnWidth = cs::kColumnWidth;
        double height = m_leftRight ? cs::kPhaseHeaderHeight : 34.0;
        std::vector<QGraphicsTextItem*> texts;
        for (std::size_t c = 0; c < map.phases.size(); ++c) {
            const double left =
                ox + x0 + static_cast<double>(columnOfPhase[static_cast<std::size_t>(s)][c]) * columnWidth;
            auto* text = addHtml(*m_scene,
                                 QStringLiteral("<div align=center style='font-size:%1px'><b>%2</b></div>")
                                     .arg(cs::kHeaderPx)
                                     .arg(QString::fromStdString(map.phases[c].name).toHtmlEscaped()),
                                 columnWidth - 16, QPointF(left + 8, y + 3));
            height = std::max(height, text->document()->size().height() + 6);
        }
        m_scene->addRect(QRectF(ox, y, x0 + stripWidth, height), Qt::NoPen, cs::headerFill())->setZValue(0);
        addHtml(*m_scene,
                QStringLiteral("<div style='font-size:%1px'><b>%2</b> <span style='color:#5f6368'>%3</span></div>")
                    .arg(cs::kSmallPx)
                    .arg(initials[static_cast<qsizetype>(index[s])], tr("phases")),
                x0 - 16, QPointF(ox + 8, y + 5));
        return height;
    };
    if (m_leftRight) {
        for (int s = 0; s < 2; ++s) {
            const std::size_t mi = index[s];
            const double ox = s == 0 ? 0 : x0 + stripWidth + kBlockGapRight;
            originX[s] = ox;
            double y = 0;
            m_scene->addRect(QRectF(ox, y, x0 + stripWidth, kTitleHeight), Qt::NoPen, QColor(0xF8, 0xF9, 0xFA))
                ->setZValue(0);
            QPainterPath underline;
            underline.moveTo(ox, y + kTitleHeight - 3);
            underline.lineTo(ox + x0 + stripWidth, y + kTitleHeight - 3);
            m_scene->addPath(underline, cs::outlinePen(cs::districtOutline(m_session.colorSlot(mi)), cs::districtColor(m_session.colorSlot(mi)), 6))->setZValue(1);
            addHtml(*m_scene,
                    QStringLiteral("<span style='font-size:%1px'><b>%2</b> &nbsp;<span style='color:#5f6368'>%3 · %4</span></span>")
                        .arg(cs::kTitlePx)
                        .arg(names[static_cast<qsizetype>(mi)].toHtmlEscaped(), initials[static_cast<qsizetype>(mi)],
                             tr("%1 outline").arg(cs::outlineName(cs::districtOutline(m_session.colorSlot(mi))))),
                    x0 + stripWidth - 20, QPointF(ox + 8, y + 6));
            y += kTitleHeight;
            y += phaseHeader(s, ox, y);
            for (std::size_t r = 0; r < rows; ++r) {
                bandTop[s][r] = y;
                y += heights[s][r];
            }
        }
    } else {
        double y = 0;
        y += phaseHeader(0, 0, y);
        y += phaseHeader(1, 0, y);
        for (std::size_t r = 0; r < rows; ++r) {
            y += 10; // a gap between crosswalk rows, so that each pair of bands reads as one unit
            bandTop[0][r] = y;
            y += heights[0][r];
            bandTop[1][r] = y;
            y += heights[1][r];
        }
    }

    for (int s = 0; s < 2; ++s) {
        const Map& map = *maps[s];
        const std::size_t mi = index[s];
        const double ox = originX[s];
        for (std::size_t r = 0; r < rows; ++r) {
            const double y = bandTop[s][r];
            const double h = heights[s][r];
            const bool hasLane = !(s == 0 ? pair.laneFigures[r].a : pair.laneFigures[r].b).empty();
            m_scene->addRect(QRectF(ox, y, x0 + stripWidth, h), QPen(QColor(0x9A, 0xA0, 0xA6), 1.5),
                             hasLane ? QBrush(cs::rowFill(r)) : QBrush(QColor(0xDA, 0xDC, 0xE0), Qt::BDiagPattern))
                ->setZValue(0);
            m_scene->addRect(QRectF(ox, y, x0, h), QPen(QColor(0x9A, 0xA0, 0xA6), 1.5), cs::headerFill())->setZValue(1);
            if (hasLane)
                m_headings.push_back({QRectF(ox, y, x0, h), s == 0 ? Side::A : Side::B,
                                      s == 0 ? pair.laneFigures[r].a : pair.laneFigures[r].b});
            // The district's colour and line pattern down the edge of its lane heading.
            QPainterPath edge;
            edge.moveTo(ox + 5, y + 4);
            edge.lineTo(ox + 5, y + h - 4);
            m_scene->addPath(edge, cs::outlinePen(cs::districtOutline(m_session.colorSlot(mi)), cs::districtColor(m_session.colorSlot(mi)), 7))->setZValue(2);
            addHtml(*m_scene, headings[s][r], x0 - 24, QPointF(ox + 14, y + 6));
            for (std::size_t c = 1; c < columns; ++c) {
                const double x = ox + x0 + static_cast<double>(c) * cs::kColumnWidth;
                m_scene->addLine(QLineF(x, y, x, y + h), QPen(QColor(0x80, 0x86, 0x8B), 2, Qt::DashLine))->setZValue(2);
            }
        }

        auto& items = s == 0 ? m_itemsA : m_itemsB;
        auto& flagged = s == 0 ? flaggedA : flaggedB;
        for (std::size_t k = 0; k < map.steps.size(); ++k) {
            const Step& step = map.steps[k];
            const Place& p = places[static_cast<std::size_t>(s)][k];
            const auto mk = marks[static_cast<std::size_t>(s)].find(step.id);
            auto* item = new CompareStepItem(mi, step.id, step.kind, QString::fromStdString(step.label),
                                             initials[static_cast<qsizetype>(mi)], QRectF(0, 0, cs::kStepW, cs::kStepH),
                                             mk == marks[static_cast<std::size_t>(s)].end() ? CompareStepItem::Marks{}
                                                                                            : mk->second);
            item->setPos(ox + x0 + p.left, bandTop[s][p.row] + cs::kRowPadding + 14 + p.track * trackHeight);
            item->setZValue(10);
            item->setColorSlot(m_session.colorSlot(mi));
            item->setFlagged(flagged.count(step.id) > 0);
            item->setToolTip(QStringLiteral("%1: %2").arg(names[static_cast<qsizetype>(mi)],
                                                          QString::fromStdString(step.label)));
            m_scene->addItem(item);
            items[step.id] = item;
        }
    }
    // A line for each match.
    for (const StepMatch& m : pair.matches) {
        CompareStepItem* ia = m_itemsA.at(m.a);
        CompareStepItem* ib = m_itemsB.at(m.b);
        QPointF from;
        QPointF to;
        QPainterPath path;
        if (m_leftRight) {
            from = ia->pos() + QPointF(cs::kStepW, cs::kStepH / 2);
            to = ib->pos() + QPointF(0, cs::kStepH / 2);
            const double dx = std::max(60.0, (to.x() - from.x()) / 2);
            path.moveTo(from);
            path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
        } else {
            // From the facing edges: B's band is usually just below A's, but a match across
            // lanes may lead upwards.
            const bool down = ib->pos().y() >= ia->pos().y();
            from = ia->pos() + QPointF(cs::kStepW / 2, down ? cs::kStepH : 0);
            to = ib->pos() + QPointF(cs::kStepW / 2, down ? 0 : cs::kStepH);
            const double dy = (down ? 1 : -1) * std::max(30.0, std::abs(to.y() - from.y()) / 2);
            path.moveTo(from);
            path.cubicTo(from + QPointF(0, dy), to - QPointF(0, dy), to);
        }
        // Over the steps, on a white halo: a line under an unrelated step would vanish behind
        // it and seem to end there; over it, the halo keeps both the line and the words apart.
        auto* halo = m_scene->addPath(path, QPen(QColor(255, 255, 255, 215), 10, Qt::SolidLine, Qt::RoundCap));
        halo->setZValue(kLineZ - 0.5);
        halo->setAcceptedMouseButtons(Qt::NoButton);
        auto* line = m_scene->addPath(path);
        line->setZValue(kLineZ);
        line->setAcceptedMouseButtons(Qt::NoButton);
        const std::optional<Decision> decided = m_session.stepDecision(m_a, m_b, m.a, m.b);
        line->setToolTip(decided ? tr("Match decided by the team")
                                 : tr("Match suggested by the comparison (score %1)").arg(m.score, 0, 'f', 2));
        m_lines.push_back({m.a, m.b, line});
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    refreshSelection();
}

std::string SideBySideView::laneHeadingAt(Side side, const QPointF& scenePos) const
{
    for (const Heading& h : m_headings)
        if (h.side == side && h.rect.contains(scenePos))
            return h.lane;
    return {};
}

QMenu* SideBySideView::laneMenu(Side side, const std::string& laneId, QWidget* parent)
{
    const std::size_t own = side == Side::A ? m_a : m_b;
    const std::size_t other = side == Side::A ? m_b : m_a;
    const Map& ownMap = m_session.map(own);
    const Map& otherMap = m_session.map(other);
    const Lane* lane = ownMap.lane(laneId);
    auto* menu = new QMenu(parent);
    if (!lane)
        return menu;
    const PairComparison& pair = m_session.pair(m_a, m_b);
    std::string partner;
    for (const LanePair& p : pair.lanes)
        if ((side == Side::A ? p.a : p.b) == laneId)
            partner = side == Side::A ? p.b : p.a;
    // Lane ids in the session's orientation: a in map m_a, b in map m_b.
    const auto inOrder = [side, laneId](const std::string& otherLane) {
        return side == Side::A ? std::pair{laneId, otherLane} : std::pair{otherLane, laneId};
    };
    const auto run = [this](auto call) {
        try {
            call();
        } catch (const std::exception& e) {
            emit failed(tr("The decision was not stored: %1").arg(QString::fromUtf8(e.what())));
        }
    };
    const bool writable = !m_session.readOnly();
    const QString otherName = m_session.districtNames()[static_cast<qsizetype>(other)];
    menu->addSection(QString::fromStdString(lane->name));
    if (!partner.empty()) {
        const auto [a, b] = inOrder(partner);
        const std::optional<Decision> decision = m_session.laneDecision(m_a, m_b, a, b);
        const QString partnerName = QString::fromStdString(otherMap.lane(partner)->name);
        QAction* confirm = menu->addAction(tr("Confirm pairing with “%1”").arg(partnerName));
        confirm->setEnabled(writable && !decision);
        connect(confirm, &QAction::triggered, this,
                [this, run, a = a, b = b] { run([&] { m_session.confirmLanePair(m_a, m_b, a, b); }); });
        QAction* reject = menu->addAction(tr("Reject pairing with “%1”").arg(partnerName));
        reject->setEnabled(writable);
        connect(reject, &QAction::triggered, this,
                [this, run, a = a, b = b] { run([&] { m_session.rejectLanePair(m_a, m_b, a, b); }); });
        if (decision) {
            QAction* clear = menu->addAction(tr("Clear decision"));
            clear->setEnabled(writable);
            connect(clear, &QAction::triggered, this,
                    [this, run, a = a, b = b] { run([&] { m_session.clearLaneDecision(m_a, m_b, a, b); }); });
        }
    }
    QMenu* with = menu->addMenu(tr("Pair with a lane of %1").arg(otherName));
    with->setEnabled(writable);
    for (const Lane& candidate : otherMap.lanes) {
        if (candidate.id == partner)
            continue;
        QAction* action = with->addAction(QString::fromStdString(candidate.name));
        const auto [a, b] = inOrder(candidate.id);
        connect(action, &QAction::triggered, this,
                [this, run, a = a, b = b] { run([&] { m_session.addLanePair(m_a, m_b, a, b); }); });
    }
    menu->addSeparator();
    connect(menu->addAction(tr("All lane pairings…")), &QAction::triggered, this, &SideBySideView::showLanePairings);
    return menu;
}

void SideBySideView::onClicked(CompareStepItem* item)
{
    if (!item)
        return;
    const bool alone = QGuiApplication::keyboardModifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
    selectStep(item->mapIndex() == m_a ? Side::A : Side::B, item->stepId(), alone);
}

void SideBySideView::selectStep(Side side, const std::string& stepId, bool alone)
{
    if (side == Side::A) {
        m_selA = stepId;
        if (!alone)
            if (const StepMatch* m = m_session.matchOf(m_a, m_b, stepId))
                m_selB = m->b;
    } else {
        m_selB = stepId;
        if (!alone)
            if (const StepMatch* m = m_session.matchOf(m_b, m_a, stepId))
                m_selA = m->a;
    }
    refreshSelection();
}

void SideBySideView::clearSelection()
{
    m_selA.clear();
    m_selB.clear();
    refreshSelection();
}

void SideBySideView::selectAndCentre(const std::string& a, const std::string& b)
{
    m_selA = a;
    m_selB = b;
    refreshSelection();
    QRectF area;
    for (CompareStepItem* item : {stepItem(Side::A, a), stepItem(Side::B, b)})
        if (item)
            area = area.isNull() ? item->sceneBoundingRect() : area.united(item->sceneBoundingRect());
    if (area.isNull())
        return;
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    if (area.width() > visible.width() * 0.9 || area.height() > visible.height() * 0.9) {
        m_view->fitInView(area.adjusted(-60, -60, 60, 60), Qt::KeepAspectRatio);
        if (m_view->zoom() > 1.0) {
            m_view->resetTransform();
        }
    }
    m_view->centerOn(area.center());
}

void SideBySideView::refreshSelection()
{
    for (auto& [id, item] : m_itemsA)
        item->setHighlighted(id == m_selA);
    for (auto& [id, item] : m_itemsB)
        item->setHighlighted(id == m_selB);

    bool paired = false;
    double score = 0;
    for (const Line& line : m_lines) {
        const bool selected = line.a == m_selA && line.b == m_selB;
        paired = paired || selected;
        const bool decided = m_session.stepDecision(m_a, m_b, line.a, line.b).has_value();
        QColor ink = selected ? cs::selection() : cs::matchLine();
        ink.setAlpha(selected ? 255 : 150);
        QPen pen(ink, selected ? 7 : 3.5, decided || selected ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap);
        line.item->setPen(pen);
        line.item->setZValue(selected ? kLineZ + 1 : kLineZ);
        if (selected)
            for (const StepMatch& m : m_session.pair(m_a, m_b).matches)
                if (m.a == line.a && m.b == line.b)
                    score = m.score;
    }

    const bool both = !m_selA.empty() && !m_selB.empty();
    // Plain flags rather than comparisons of an optional: GCC 12 warns falsely on those at -O3.
    bool decided = false;
    Decision decision = Decision::Rejected;
    if (both)
        if (const std::optional<Decision> d = m_session.stepDecision(m_a, m_b, m_selA, m_selB)) {
            decided = true;
            decision = *d;
        }
    const bool confirmed = decided && decision != Decision::Rejected;
    const bool rejected = decided && decision == Decision::Rejected;
    const bool writable = !m_session.readOnly();
    m_confirm->setEnabled(writable && paired && !confirmed);
    m_reject->setEnabled(writable && paired);
    m_match->setEnabled(writable && both && !paired);
    m_clear->setEnabled(writable && decided);

    const QStringList& names = m_session.districtNames();
    QStringList parts;
    if (!m_selA.empty())
        parts << QStringLiteral("<b>%1</b>: %2").arg(names[static_cast<qsizetype>(m_a)].toHtmlEscaped(),
                                                      stepText(m_session.map(m_a), m_selA));
    if (!m_selB.empty())
        parts << QStringLiteral("<b>%1</b>: %2").arg(names[static_cast<qsizetype>(m_b)].toHtmlEscaped(),
                                                      stepText(m_session.map(m_b), m_selB));
    QString status;
    if (paired && confirmed && decision == Decision::Confirmed)
        status = tr("matched, confirmed by the team");
    else if (paired && confirmed)
        status = tr("matched by the team");
    else if (paired)
        status = tr("matched by the comparison <span style='color:#80868b'>(score %1)</span>").arg(score, 0, 'f', 2);
    else if (rejected)
        status = tr("not the same step (rejected by the team)");
    else if (both)
        status = tr("not matched: press Match to pair them");
    else if (!m_selA.empty() || !m_selB.empty())
        status = tr("no matching step in the other district: Ctrl+click a step there, then press Match");
    if (parts.isEmpty())
        m_details->setText(tr("Click a step to select it with its partner. Ctrl+click selects a step on its own."));
    else
        m_details->setText(parts.join(QStringLiteral(" &nbsp;⟷&nbsp; ")) + QStringLiteral("<br><i>%1</i>").arg(status));
}

void SideBySideView::decide(int what)
{
    if (m_selA.empty() || m_selB.empty())
        return;
    // Copies: the session recomputes and this view rebuilds while the call runs.
    const std::string a = m_selA;
    const std::string b = m_selB;
    try {
        switch (what) {
        case ConfirmIt: m_session.confirmMatch(m_a, m_b, a, b); break;
        case RejectIt: m_session.rejectMatch(m_a, m_b, a, b); break;
        case AddIt: m_session.addMatch(m_a, m_b, a, b); break;
        default: m_session.clearDecision(m_a, m_b, a, b); break;
        }
    } catch (const std::exception& e) {
        emit failed(tr("The decision was not stored: %1").arg(QString::fromUtf8(e.what())));
    }
    m_selA = a;
    m_selB = b;
    refreshSelection();
}

} // namespace crosswalk
