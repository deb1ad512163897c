#include "ui/compare/overlayview.h"

#include "crosswalk/compare/phasealignment.h"
#include "crosswalk/layout/layout.h"
#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestepitem.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/findingtext.h"
#include "ui/compare/stackmarksitem.h"

#include <QCheckBox>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace crosswalk {
namespace {

namespace cs = comparestyle;

// Union-find over the steps of all maps, to group steps that pairwise matches join.
struct Groups {
    std::vector<std::size_t> parent;
    explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t x)
    {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b); // the earlier step stays the root: stable groups
    }
};

QString escaped(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

// Counts of the annotations that the comparison talks about, per step.
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

QGraphicsTextItem* addHtml(QGraphicsScene& scene, const QString& html, double width, const QPointF& pos)
{
    auto* text = scene.addText(QString());
    text->setHtml(html);
    text->setTextWidth(width);
    text->setPos(pos);
    text->setZValue(3);
    return text;
}

} // namespace

OverlayView::OverlayView(CompareSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* toggles = new QGridLayout;
    toggles->setHorizontalSpacing(24);
    const std::size_t n = session.mapCount();
    const std::size_t perRow = n > 4 ? (n + 1) / 2 : n;
    for (std::size_t i = 0; i < n; ++i) {
        auto* box = new QCheckBox(session.districtNames()[static_cast<qsizetype>(i)]);
        box->setIcon(cs::districtIcon(session.colorSlot(i), session.districtInitials()[static_cast<qsizetype>(i)]));
        box->setIconSize(QSize(84, 28));
        box->setChecked(true);
        box->setToolTip(
            tr("Show or hide this district (%1 outline)").arg(cs::outlineName(cs::districtOutline(session.colorSlot(i)))));
        connect(box, &QCheckBox::toggled, this, [this] { rebuild(); });
        toggles->addWidget(box, static_cast<int>(i / perRow), static_cast<int>(i % perRow));
        m_toggles.push_back(box);
    }
    bar->addLayout(toggles);
    bar->addStretch(1);
    m_differencesOnly = new QCheckBox(tr("Differences only"));
    m_differencesOnly->setToolTip(
        tr("Hide steps that every shown district has, with the same black boxes, harm points and variations"));
    connect(m_differencesOnly, &QCheckBox::toggled, this, [this] { rebuild(); });
    bar->addWidget(m_differencesOnly);
    for (const auto& [label, factor] : {std::pair{QStringLiteral("−"), 1 / 1.25}, std::pair{QStringLiteral("+"), 1.25}}) {
        auto* zoom = new QPushButton(label);
        zoom->setFixedWidth(48);
        zoom->setToolTip(factor > 1 ? tr("Zoom in (Ctrl+wheel)") : tr("Zoom out (Ctrl+wheel)"));
        connect(zoom, &QPushButton::clicked, this, [this, f = factor] { m_view->zoomBy(f); });
        bar->addWidget(zoom);
    }
    auto* fit = new QPushButton(tr("Fit"));
    fit->setToolTip(tr("Show every lane row and phase at once"));
    connect(fit, &QPushButton::clicked, this, [this] { m_view->fitWhole(); });
    bar->addWidget(fit);
    layout->addLayout(bar);

    m_scene = new QGraphicsScene(this);
    m_view = new CompareGraphicsView(this);
    m_view->setScene(m_scene);
    layout->addWidget(m_view, 1);
    connect(m_view, &CompareGraphicsView::stepClicked, this, &OverlayView::showDetails);

    m_details = new QLabel(tr("Click a step to see which districts have it."));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setMinimumHeight(56);
    layout->addWidget(m_details);

    // The popup of a clicked stack lies over the view, beside the step, until the next click
    // or Esc.
    m_popup = new QLabel(m_view->viewport());
    m_popup->setTextFormat(Qt::RichText);
    m_popup->setWordWrap(true);
    m_popup->setStyleSheet(QStringLiteral("QLabel { background: white; border: 2px solid #3c4043; border-radius: 6px; "
                                          "padding: 8px; }"));
    m_popup->hide();
    m_view->installEventFilter(this);

    connect(&m_session, &CompareSession::changed, this, &OverlayView::rebuild);
    rebuild();
}

void OverlayView::setDistrictVisible(std::size_t mapIndex, bool visible)
{
    m_toggles.at(mapIndex)->setChecked(visible);
}

bool OverlayView::districtVisible(std::size_t mapIndex) const
{
    return m_toggles.at(mapIndex)->isChecked();
}

void OverlayView::setDifferencesOnly(bool on)
{
    m_differencesOnly->setChecked(on);
}

bool OverlayView::differencesOnly() const
{
    return m_differencesOnly->isChecked();
}

int OverlayView::stepItemCount() const
{
    return static_cast<int>(m_items.size());
}

int OverlayView::stackCount() const
{
    std::unordered_set<std::size_t> stacks;
    for (const auto& [item, stack] : m_items)
        if (m_stackSizes[stack] > 1)
            stacks.insert(stack);
    return static_cast<int>(stacks.size());
}

int OverlayView::ghostCount() const
{
    return static_cast<int>(std::count_if(m_items.begin(), m_items.end(), [](const auto& e) { return e.first->ghosted(); }));
}

std::vector<CompareStepItem*> OverlayView::stepItems() const
{
    std::vector<CompareStepItem*> out;
    for (const auto& [item, stack] : m_items)
        out.push_back(item);
    return out;
}

double OverlayView::columnLeftEdge(int column)
{
    return cs::kLaneHeaderWidth + column * cs::kColumnWidth;
}

void OverlayView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_session.mapCount() > 3 && m_view->viewport()->size() != m_glanceViewport)
        rebuild(); // the layout is chosen for the view, which has its size now
    if (!m_fitted) {
        m_fitted = true;
        // Four districts or more: every district at a glance (the layout is made for the view).
        // Two or three read best at full size, scrolled; Fit shows them whole.
        if (m_session.mapCount() > 3)
            m_view->fitWhole();
    }
}

void OverlayView::rebuild()
{
    m_popup->hide();
    m_veils.clear();
    m_chipItems.clear();
    m_rowBands.clear();
    m_scene->clear();
    m_items.clear();
    m_stackSizes.clear();
    m_details->setText(tr("Click a step to see which districts have it."));

    const std::vector<Map>& maps = m_session.maps();
    const std::size_t n = maps.size();
    std::vector<bool> visible(n);
    std::size_t visibleCount = 0;
    for (std::size_t i = 0; i < n; ++i) {
        visible[i] = districtVisible(i);
        visibleCount += visible[i] ? 1 : 0;
    }

    // Steps of all maps as nodes, grouped by the matches between shown districts.
    std::vector<std::size_t> offset(n + 1, 0);
    std::vector<std::unordered_map<std::string, std::size_t>> nodeOf(n);
    for (std::size_t i = 0; i < n; ++i) {
        offset[i + 1] = offset[i] + maps[i].steps.size();
        for (std::size_t k = 0; k < maps[i].steps.size(); ++k)
            nodeOf[i][maps[i].steps[k].id] = offset[i] + k;
    }
    Groups groups(offset[n]);
    std::vector<bool> flagged(offset[n], false);
    // Which districts each group holds (one bit per map): a stack never takes two steps of
    // one district, or chains of pairwise matches would pile up half a map.
    std::vector<unsigned> districtsOf(offset[n], 0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < maps[i].steps.size(); ++k)
            districtsOf[offset[i] + k] = 1u << i;
    struct Link {
        std::size_t a;
        std::size_t b;
        bool decided;
        double score;
    };
    std::vector<Link> links;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            if (!visible[i] || !visible[j])
                continue;
            const PairComparison& pair = m_session.pair(i, j);
            for (const StepMatch& m : pair.matches)
                links.push_back({nodeOf[i].at(m.a), nodeOf[j].at(m.b), m.decided, m.score});
            // Marked differently across a confirmed or sure match; an unsure match states nothing.
            for (const MarkFinding& f : pair.findings) {
                if (f.basis != FindingBasis::Confirmed && f.basis != FindingBasis::Sure)
                    continue;
                for (const std::string& id : f.stepsA)
                    flagged[nodeOf[i].at(id)] = true;
                for (const std::string& id : f.stepsB)
                    flagged[nodeOf[j].at(id)] = true;
            }
        }
    // The team's decisions first, then the surest matches; stable, so the same input gives the same stacks.
    std::stable_sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
        return x.decided != y.decided ? x.decided : x.score > y.score;
    });
    for (const Link& link : links) {
        const std::size_t ra = groups.find(link.a);
        const std::size_t rb = groups.find(link.b);
        if (ra == rb || (districtsOf[ra] & districtsOf[rb]) != 0)
            continue;
        groups.join(ra, rb);
        districtsOf[groups.find(ra)] = districtsOf[ra] | districtsOf[rb];
    }

    // Stacks in a stable order: by their first step, maps in the order given.
    std::vector<std::vector<std::size_t>> stacks;
    std::unordered_map<std::size_t, std::size_t> stackOfRoot;
    std::vector<std::pair<std::size_t, std::size_t>> where(offset[n]); // node -> (map, step index)
    for (std::size_t i = 0; i < n; ++i) {
        if (!visible[i])
            continue;
        for (std::size_t k = 0; k < maps[i].steps.size(); ++k) {
            const std::size_t node = offset[i] + k;
            where[node] = {i, k};
            const std::size_t root = groups.find(node);
            auto [it, fresh] = stackOfRoot.try_emplace(root, stacks.size());
            if (fresh)
                stacks.emplace_back();
            stacks[it->second].push_back(node);
        }
    }

    const bool differencesOnly = m_differencesOnly->isChecked() && visibleCount > 1;
    const auto alike = [&](const std::vector<std::size_t>& stack) {
        std::unordered_set<std::size_t> districts;
        for (std::size_t node : stack) {
            if (flagged[node])
                return false;
            districts.insert(where[node].first);
        }
        return districts.size() == visibleCount;
    };

    // Lane rows of the crosswalk that hold a lane of a shown district.
    const auto& laneRows = m_session.result().laneRows;
    std::vector<std::unordered_map<std::string, std::size_t>> rowOfLane(n);
    for (std::size_t r = 0; r < laneRows.size(); ++r)
        for (std::size_t i = 0; i < n; ++i)
            if (!laneRows[r][i].empty())
                rowOfLane[i][laneRows[r][i]] = r;
    std::vector<std::size_t> shownRows;
    for (std::size_t r = 0; r < laneRows.size(); ++r)
        for (std::size_t i = 0; i < n; ++i)
            if (visible[i] && !laneRows[r][i].empty()) {
                shownRows.push_back(r);
                break;
            }
    m_rowCount = static_cast<int>(shownRows.size());

    // The year: the shown maps' phases lined up by name and in year order (alignPhases), one
    // shared column per part of the year; a phase no other shown map has gets its own column.
    std::vector<std::size_t> shownMaps;
    std::vector<std::vector<std::string>> phaseNames;
    for (std::size_t i = 0; i < n; ++i) {
        if (!visible[i])
            continue;
        shownMaps.push_back(i);
        phaseNames.emplace_back();
        for (const Phase& phase : maps[i].phases)
            phaseNames.back().push_back(phase.name);
    }
    const std::vector<PhaseColumn> phaseColumns = alignPhases(phaseNames);
    std::vector<std::vector<std::size_t>> columnOfPhase(n); // [map][phase] -> shared column
    for (std::size_t i = 0; i < n; ++i)
        columnOfPhase[i].assign(maps[i].phases.size(), 0);
    for (std::size_t c = 0; c < phaseColumns.size(); ++c)
        for (std::size_t k = 0; k < shownMaps.size(); ++k)
            if (phaseColumns[c].phases[k] != kNoPhase)
                columnOfPhase[shownMaps[k]][phaseColumns[c].phases[k]] = c;
    const std::size_t columns = std::max<std::size_t>(1, phaseColumns.size());
    const auto stripWidth = [&] { return m_columnEdges.back() - m_columnEdges.front(); };
    std::vector<QGraphicsTextItem*> columnHeads;
    double x0 = cs::kLaneHeaderWidth; // wider for the larger headings of the glance layout, below
    m_columnCount = static_cast<int>(columns);
    m_columnLabels.clear();

    // Phase headings: one name when the districts agree; otherwise the most used name and,
    // smaller, the others with the districts that use them, and who has no such phase.
    double headerHeight = cs::kPhaseHeaderHeight;
    const QStringList& tags = m_session.districtInitials();
    for (std::size_t c = 0; c < columns; ++c) {
        QString html;
        QStringList tip;
        if (c < phaseColumns.size()) {
            std::vector<std::string> inColumn;
            QStringList missing;
            for (std::size_t k = 0; k < shownMaps.size(); ++k) {
                const std::size_t p = phaseColumns[c].phases[k];
                inColumn.push_back(p == kNoPhase ? std::string() : phaseNames[k][p]);
                const QString tag = tags[static_cast<qsizetype>(shownMaps[k])];
                if (p != kNoPhase)
                    tip << QStringLiteral("%1: %2").arg(tag, QString::fromStdString(phaseNames[k][p]));
                else if (!phaseNames[k].empty())
                    missing << tag;
            }
            const PhaseColumnLabel label = phaseColumnLabel(inColumn);
            m_columnLabels << QString::fromStdString(label.name);
            html = QStringLiteral("<div align=center style='font-size:%1px'><b>%2</b></div>")
                       .arg(cs::kHeaderPx)
                       .arg(escaped(label.name));
            QStringList others;
            for (const std::string& other : label.others) {
                QStringList users;
                for (std::size_t k = 0; k < shownMaps.size(); ++k)
                    if (QString::fromStdString(inColumn[k])
                            .compare(QString::fromStdString(other), Qt::CaseInsensitive) == 0)
                        users << tags[static_cast<qsizetype>(shownMaps[k])];
                others << QStringLiteral("%1 <span style='color:#5f6368'>(%2)</span>")
                              .arg(escaped(other), users.join(QStringLiteral(", ")));
            }
            if (!others.isEmpty())
                html += QStringLiteral("<div align=center style='font-size:%1px;color:#3c4043'>%2</div>")
                            .arg(cs::kSmallPx)
                            .arg(others.join(QStringLiteral(" · ")));
            if (!missing.isEmpty() && shownMaps.size() > 1)
                html += QStringLiteral("<div align=center style='font-size:%1px;color:#5f6368'><i>%2</i></div>")
                            .arg(cs::kSmallPx)
                            .arg(tr("no such phase: %1").arg(missing.join(QStringLiteral(", "))));
        } else {
            m_columnLabels << tr("The year");
            html = QStringLiteral("<div align=center style='font-size:%1px'><b>%2</b></div>")
                       .arg(cs::kHeaderPx)
                       .arg(tr("The year"));
        }
        auto* text = addHtml(*m_scene, html, cs::kColumnWidth - 16,
                             QPointF(x0 + static_cast<double>(c) * cs::kColumnWidth + 8, 6));
        text->setToolTip(tip.join(QLatin1Char('\n')));
        columnHeads.push_back(text);
        headerHeight = std::max(headerHeight, text->document()->size().height() + 12);
    }
    auto* yearNote = addHtml(*m_scene,
                             QStringLiteral("<div style='font-size:%1px;color:#5f6368'>%2</div>")
                                 .arg(cs::kSmallPx)
                                 .arg(tr("Lanes lined up by role, phases by name")),
                             x0 - 16, QPointF(8, 4));
    yearNote->setZValue(3);
    headerHeight = std::max(headerHeight, yearNote->document()->size().height() + 8);

    // Place each stack in the row of its first step's lane, at that step's place in the year.
    struct Placed {
        std::size_t stack;
        double left;
    };
    std::unordered_map<std::size_t, std::vector<Placed>> byRow;
    for (std::size_t s = 0; s < stacks.size(); ++s) {
        if (differencesOnly && alike(stacks[s]))
            continue;
        const auto [mi, k] = where[stacks[s].front()];
        const Map& map = maps[mi];
        const Step& step = map.steps[k];
        const double t = cs::yearPosition(map, step, layout::totalWidth(map));
        double left = cs::columnX(t, columns); // a map without phases spreads over the whole year
        if (const auto phase = map.phaseIndex(step.phase); phase && !map.phases.empty()) {
            // In the shared column of its phase, as far in as it is in its own phase.
            const double inside = t * static_cast<double>(map.phases.size()) - static_cast<double>(*phase);
            left = cs::columnLeft(columnOfPhase[mi][*phase], inside);
        }
        byRow[rowOfLane[mi].at(step.lane)].push_back({s, left});
    }

    std::vector<std::unordered_map<std::string, CompareStepItem::Marks>> marks;
    for (const Map& map : maps)
        marks.push_back(marksOf(map));
    const QStringList& initials = m_session.districtInitials();

    m_stackSizes.resize(stacks.size());

    // First each row's heading, stacks and chips, which the layout does not change.
    struct RowParts {
        QGraphicsTextItem* heading = nullptr;
        std::vector<Placed>* placed = nullptr;
        std::vector<int> column; // per placed stack, its phase column
        std::size_t tallest = 1;
        std::vector<std::vector<StackMarksItem::Chip>> chips;
    };
    std::vector<RowParts> rows(shownRows.size());
    for (std::size_t shown = 0; shown < shownRows.size(); ++shown) {
        const std::size_t r = shownRows[shown];
        RowParts& row = rows[shown];

        // The row heading: each lane name with the districts that use it, and who has no such lane.
        std::vector<std::pair<QString, QStringList>> laneNames;
        QStringList missing;
        for (std::size_t i = 0; i < n; ++i) {
            if (!visible[i])
                continue;
            const std::string& laneId = laneRows[r][i];
            if (laneId.empty()) {
                missing << initials[static_cast<qsizetype>(i)];
                continue;
            }
            const QString name = QString::fromStdString(maps[i].lane(laneId)->name);
            auto it = std::find_if(laneNames.begin(), laneNames.end(),
                                   [&](const auto& e) { return e.first.compare(name, Qt::CaseInsensitive) == 0; });
            if (it == laneNames.end())
                laneNames.push_back({name, {initials[static_cast<qsizetype>(i)]}});
            else
                it->second << initials[static_cast<qsizetype>(i)];
        }
        std::stable_sort(laneNames.begin(), laneNames.end(),
                         [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
        QString html = QStringLiteral("<div style='font-size:%1px'><b>%2</b></div>")
                           .arg(cs::kHeaderPx)
                           .arg(laneNames.front().first.toHtmlEscaped());
        if (laneNames.size() > 1 || visibleCount > 1)
            html += QStringLiteral("<div style='font-size:%1px;color:#3c4043'>%2</div>")
                        .arg(cs::kSmallPx)
                        .arg(laneNames.front().second.join(QStringLiteral(", ")));
        for (std::size_t k = 1; k < laneNames.size(); ++k)
            html += QStringLiteral("<div style='font-size:%1px'>%2 <span style='color:#3c4043'>(%3)</span></div>")
                        .arg(cs::kSmallPx + 1)
                        .arg(laneNames[k].first.toHtmlEscaped(), laneNames[k].second.join(QStringLiteral(", ")));
        if (!missing.isEmpty() && visibleCount > 1)
            html += QStringLiteral("<div style='font-size:%1px;color:#5f6368'><i>%2</i></div>")
                        .arg(cs::kSmallPx)
                        .arg(tr("no such lane: %1").arg(missing.join(QStringLiteral(", "))));
        row.heading = addHtml(*m_scene, html, x0 - 16, QPointF(8, 0));

        // Under each stack, a chip per district that marks it (initials and glyphs), so that
        // six districts' marks never pile up on one another.
        row.placed = &byRow[r];
        for (const Placed& p : *row.placed) {
            row.tallest = std::max(row.tallest, stacks[p.stack].size());
            row.column.push_back(std::clamp(static_cast<int>(p.left / cs::kColumnWidth), 0,
                                            static_cast<int>(columns) - 1));
            row.chips.emplace_back();
            for (std::size_t node : stacks[p.stack]) {
                const auto [mi, k] = where[node];
                const auto mk = marks[mi].find(maps[mi].steps[k].id);
                if (mk == marks[mi].end())
                    continue;
                const CompareStepItem::Marks& m = mk->second;
                if (m.blackBoxes + m.harmPoints + m.variations > 0)
                    row.chips.back().push_back({m_session.colorSlot(mi), initials[static_cast<qsizetype>(mi)],
                                                m.blackBoxes > 0, m.harmPoints > 0, m.variations > 0});
            }
        }
    }

    // Four districts or more: smaller boxes, stacks side by side in each phase column. How
    // many side by side and how large is chosen for the view: the layout it shows largest,
    // so that six districts fill a 1920x1080 screen both ways (chooseGlance).
    const bool compact = visibleCount > 3;
    double glanceHeader = headerHeight;
    std::size_t tallestAll = 1;
    for (const RowParts& row : rows)
        tallestAll = std::max(tallestAll, row.tallest);
    const double slotAll = static_cast<double>(tallestAll - 1) * 4 + 6; // a stack's offsets and gap
    const auto sizeOf = [&](Glance& g) {
        if (g.widths.empty()) {
            // Each phase column as wide as its busiest row needs, up to perTrack stacks side by side.
            g.per.assign(columns, 2);
            g.widths.assign(columns, cs::kColumnWidth);
            if (!g.standard) {
                std::vector<int> most(columns, 1);
                for (const RowParts& row : rows) {
                    std::vector<int> count(columns, 0);
                    for (int c : row.column)
                        most[static_cast<std::size_t>(c)] =
                            std::max(most[static_cast<std::size_t>(c)], ++count[static_cast<std::size_t>(c)]);
                }
                for (std::size_t c = 0; c < columns; ++c) {
                    g.per[c] = std::clamp(most[c], 1, g.perTrack);
                    g.widths[c] = std::max(180.0, 16 + g.per[c] * (g.stepW + slotAll));
                }
            }
        }
        // Headings grow with the labels' type, in the same widths (they wrap more).
        const double type = std::min(1.4, static_cast<double>(g.labelPx) / cs::kLabelPx);
        const double headerWidth = cs::kLaneHeaderWidth * type;
        yearNote->setScale(type);
        yearNote->setTextWidth((headerWidth - 16) / type);
        double height = std::max(cs::kPhaseHeaderHeight, yearNote->document()->size().height() * type + 8);
        for (std::size_t c = 0; c < columnHeads.size() && c < g.widths.size(); ++c) {
            columnHeads[c]->setScale(type);
            columnHeads[c]->setTextWidth((g.widths[c] - 16) / type);
            height = std::max(height, columnHeads[c]->document()->size().height() * type + 12);
        }
        glanceHeader = height;
        for (RowParts& row : rows) {
            row.heading->setScale(type);
            row.heading->setTextWidth((headerWidth - 16) / type);
        }
        for (const RowParts& row : rows) {
            const double extra = static_cast<double>(row.tallest - 1) * 4;
            double chipsHeight = 0;
            for (const auto& chips : row.chips)
                chipsHeight = std::max(chipsHeight, StackMarksItem::heightFor(chips, g.stepW + extra));
            std::vector<int> count(columns, 0);
            int tracks = 1;
            for (int c : row.column) {
                const auto cu = static_cast<std::size_t>(c);
                tracks = std::max(tracks, (++count[cu] + g.per[cu] - 1) / g.per[cu]);
            }
            const double trackHeight = g.stepH + extra + 6 + 14 + chipsHeight;
            height += std::max(tracks * trackHeight + 2 * cs::kRowPadding - cs::kTrackGap,
                               row.heading->document()->size().height() * type + 12) +
                      g.rowExtra;
        }
        g.laneHeaderWidth = headerWidth;
        return QSizeF(headerWidth + std::accumulate(g.widths.begin(), g.widths.end(), 0.0) + 20, height + 20);
    };
    Glance glance;
    if (compact) {
        glance = chooseGlance(sizeOf);
    } else {
        glance = Glance{2, cs::kStepW, cs::kStepH, cs::kLabelPx, 0, x0, true, {}, {}};
        glance.per.assign(columns, 2);
        glance.widths.assign(columns, cs::kColumnWidth);
    }
    m_laneHeaderWidth = glance.laneHeaderWidth;
    x0 = m_laneHeaderWidth;
    m_columnEdges.assign(1, x0);
    for (double w : glance.widths)
        m_columnEdges.push_back(m_columnEdges.back() + w);
    headerHeight = glanceHeader;
    for (std::size_t c = 0; c < columnHeads.size(); ++c)
        columnHeads[c]->setPos(m_columnEdges[c] + 8, 6);
    m_scene->addRect(QRectF(0, 0, x0 + stripWidth(), headerHeight), Qt::NoPen, cs::headerFill())->setZValue(0);

    double y = headerHeight;
    for (std::size_t shown = 0; shown < rows.size(); ++shown) {
        RowParts& row = rows[shown];
        row.heading->setPos(8, y + 6);
        std::vector<Placed>& placed = *row.placed;
        const std::vector<std::vector<StackMarksItem::Chip>>& chips = row.chips;

        // Stacks of the row on tracks, so that no two overlap.
        std::vector<double> lefts;
        for (const Placed& p : placed)
            lefts.push_back(p.left);
        const double stepW = glance.stepW;
        const double stepH = glance.stepH;
        const double stackStep = compact ? 4 : cs::kStackOffset;
        const double stackExtra = static_cast<double>(row.tallest - 1) * stackStep;
        double chipsHeight = 0;
        for (const auto& c : chips)
            chipsHeight = std::max(chipsHeight, StackMarksItem::heightFor(c, stepW + stackExtra));
        int tracks = 1;
        std::vector<int> track = cs::packTracks(lefts, stepW + stackExtra, &tracks);
        if (compact) {
            // Per phase column, in year order, glance.perTrack to a track.
            std::unordered_map<int, std::vector<std::size_t>> inColumn;
            for (std::size_t p = 0; p < placed.size(); ++p)
                inColumn[row.column[p]].push_back(p);
            tracks = 1;
            for (auto& [column, members] : inColumn) {
                const auto c = static_cast<std::size_t>(column);
                const auto per = static_cast<std::size_t>(glance.per[c]);
                // The stacks spread over the column's width, which may be wider than they need.
                const double slot = std::max(stepW + stackExtra + 6, (glance.widths[c] - 16) / static_cast<double>(per));
                std::stable_sort(members.begin(), members.end(),
                                 [&](std::size_t u, std::size_t v) { return placed[u].left < placed[v].left; });
                for (std::size_t k = 0; k < members.size(); ++k) {
                    placed[members[k]].left = m_columnEdges[c] - x0 + 8 + static_cast<double>(k % per) * slot;
                    track[members[k]] = static_cast<int>(k / per);
                    tracks = std::max(tracks, static_cast<int>(k / per) + 1);
                }
            }
        }
        const double trackHeight = stepH + stackExtra + (compact ? 6 : cs::kTrackGap) + 14 + chipsHeight;
        const double rowHeight = std::max(tracks * trackHeight + 2 * cs::kRowPadding - cs::kTrackGap,
                                          row.heading->document()->size().height() * row.heading->scale() + 12) +
                                 glance.rowExtra;

        m_scene->addRect(QRectF(0, y, x0 + stripWidth(), rowHeight), QPen(QColor(0x9A, 0xA0, 0xA6), 1.5),
                         cs::rowFill(shown))
            ->setZValue(0);
        m_scene->addRect(QRectF(0, y, x0, rowHeight), QPen(QColor(0x9A, 0xA0, 0xA6), 1.5), cs::headerFill())
            ->setZValue(1);
        m_rowBands.push_back(QRectF(0, y, x0 + stripWidth(), rowHeight));

        for (std::size_t p = 0; p < placed.size(); ++p) {
            const std::vector<std::size_t>& stack = stacks[placed[p].stack];
            m_stackSizes[placed[p].stack] = stack.size();
            const double top = y + cs::kRowPadding + 14 + track[p] * trackHeight;
            const QString tip = stackTip(stack, where);
            for (std::size_t m = 0; m < stack.size(); ++m) {
                const auto [mi, k] = where[stack[m]];
                const Step& step = maps[mi].steps[k];
                const auto mk = marks[mi].find(step.id);
                auto* item = new CompareStepItem(mi, step.id, step.kind, QString::fromStdString(step.label),
                                                 initials[static_cast<qsizetype>(mi)],
                                                 QRectF(0, 0, stepW, stepH),
                                                 mk == marks[mi].end() ? CompareStepItem::Marks{} : mk->second);
                const double shift = static_cast<double>(m) * stackStep;
                item->setPos(x0 + placed[p].left + shift, top + shift);
                // The first district's copy lies on top; the others peek out below and to the right.
                item->setZValue(10 + static_cast<double>(stack.size() - m));
                item->setColorSlot(m_session.colorSlot(mi));
                item->setLineScale(m_presenting ? 1.8 : 1.0);
                item->setGhosted(stack.size() == 1 && visibleCount > 1);
                item->setFlagged(flagged[stack[m]]);
                item->setLabelVisible(m == 0);
                item->setMarksVisible(false); // the chips under the stack show them
                if (compact)
                    item->setLargestLabelPx(glance.labelPx);
                item->setToolTip(tip);
                m_scene->addItem(item);
                m_items.push_back({item, placed[p].stack});
            }
            if (!chips[p].empty()) {
                auto* strip = new StackMarksItem(chips[p], stepW + stackExtra);
                strip->setPos(x0 + placed[p].left, top + stepH + stackExtra + 4);
                strip->setZValue(20);
                strip->setToolTip(tip);
                m_scene->addItem(strip);
                m_chipItems.push_back(strip);
            }
        }
        y += rowHeight;
    }

    // Phase borders over the bands, under the steps.
    for (std::size_t c = 1; c < columns; ++c) {
        const double x = m_columnEdges[c];
        m_scene->addLine(QLineF(x, 0, x, y), QPen(QColor(0x80, 0x86, 0x8B), 2, Qt::DashLine))->setZValue(2);
    }
    m_scene->setSceneRect(QRectF(0, 0, x0 + stripWidth() + 20, y + 20));
    applySpotlight();
}

void OverlayView::showDetails(CompareStepItem* clicked)
{
    for (const auto& [item, stack] : m_items)
        item->setHighlighted(false);
    m_popup->hide();
    if (!clicked) {
        m_details->setText(tr("Click a step to see which districts have it."));
        return;
    }
    std::size_t stackOfClicked = 0;
    for (const auto& [item, stack] : m_items)
        if (item == clicked)
            stackOfClicked = stack;
    std::vector<CompareStepItem*> members;
    for (const auto& [item, stack] : m_items)
        if (stack == stackOfClicked) {
            item->setHighlighted(true);
            members.push_back(item);
        }
    const QStringList& names = m_session.districtNames();
    QStringList parts;
    for (CompareStepItem* item : members) {
        const Map& map = m_session.map(item->mapIndex());
        const Step* step = map.step(item->stepId());
        const Lane* lane = step ? map.lane(step->lane) : nullptr;
        parts << QStringLiteral("<b>%1</b>: “%2”%3")
                     .arg(names[static_cast<qsizetype>(item->mapIndex())].toHtmlEscaped(), item->label().toHtmlEscaped(),
                          lane ? QStringLiteral(" <span style='color:#5f6368'>(%1)</span>").arg(escaped(lane->name))
                               : QString());
    }
    if (members.size() == 1)
        parts << tr("<i>no matching step in the other shown districts</i>");
    m_details->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));

    // The popup: every district's label and marks, with the marks' words, beside the step.
    m_popup->setText(clicked->toolTip());
    m_popup->setMaximumWidth(std::max(360, m_view->viewport()->width() / 3));
    m_popup->adjustSize();
    const QPoint at = m_view->mapFromScene(clicked->sceneBoundingRect().topRight());
    const QSize room = m_view->viewport()->size();
    int x = at.x() + 12;
    if (x + m_popup->width() > room.width())
        x = std::max(0, m_view->mapFromScene(clicked->sceneBoundingRect().topLeft()).x() - m_popup->width() - 12);
    const int y = std::clamp(at.y(), 0, std::max(0, room.height() - m_popup->height()));
    m_popup->move(x, y);
    m_popup->show();
    m_popup->raise();
}

} // namespace crosswalk
