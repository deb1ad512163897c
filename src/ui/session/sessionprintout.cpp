#include "ui/session/sessionprintout.h"

#include <QDateTime>

#include "crosswalk/facilitation/sessionclock.h"
#include "ui/common/strings.h"
#include "ui/print/exportfonts.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPen>
#include <QPointF>

namespace crosswalk {
namespace {

constexpr qreal kBody = 9;
constexpr qreal kHead = 8;
constexpr qreal kHeading = 12;

QString mapsText(const SessionRecord::Item& item)
{
    QStringList names;
    for (const SessionRecord::MapRef& m : item.maps)
        names << (m.missing ? QStringLiteral("%1 (no longer in the workspace)").arg(toQString(m.id))
                            : toQString(m.district.empty() ? m.title : m.district + ": " + m.title));
    return names.join(QStringLiteral("\n"));
}

} // namespace

SessionPrintout::SessionPrintout(SessionRecord record, const ExportOptions& options)
    : Printout(options), m_record(std::move(record))
{
    const Session& s = m_record.session;
    // Agenda
    std::vector<QStringList> agenda;
    int n = 1;
    for (const SessionRecord::Item& item : m_record.agenda)
        agenda.push_back({QString::number(n++), toQString(item.title),
                          item.item.isComparison() ? QStringLiteral("Comparison") : QStringLiteral("Map"),
                          mapsText(item),
                          item.item.plannedMinutes > 0 ? QStringLiteral("%1 min").arg(item.item.plannedMinutes)
                                                       : QStringLiteral("\u2014")});
    addSection(QStringLiteral("Agenda (%1 min planned)").arg(s.plannedMinutes()),
               {QStringLiteral("#"), QStringLiteral("Item"), QStringLiteral("Kind"), QStringLiteral("Maps"),
                QStringLiteral("Planned")},
               {0.05, 0.31, 0.13, 0.39, 0.12}, agenda, QStringLiteral("No agenda items."));
    // Votes
    std::vector<QStringList> tallies;
    for (const SessionRecord::Tally& t : m_record.tallies)
        tallies.push_back({QString::number(t.votes), toQString(t.label), toQString(t.district)});
    const VoteSettings& v = s.voteSettings;
    addSection(QStringLiteral("Dot votes (%1 per participant; %2; %3)")
                   .arg(v.votesPerParticipant)
                   .arg(v.revealed ? QStringLiteral("revealed") : QStringLiteral("not revealed"))
                   .arg(v.anonymous ? QStringLiteral("anonymous") : QStringLiteral("open")),
               {QStringLiteral("Votes"), QStringLiteral("Step"), QStringLiteral("District")}, {0.1, 0.55, 0.35},
               tallies, QStringLiteral("No votes were placed."));
    if (!v.anonymous && !s.votes.empty()) {
        std::vector<QStringList> each;
        for (const SessionVote& vote : s.votes)
            each.push_back({toQString(s.participantName(vote.participant)), toQString(vote.mapId), toQString(vote.stepId),
                            QString::number(vote.count)});
        addSection(QStringLiteral("Votes by participant"),
                   {QStringLiteral("Participant"), QStringLiteral("Map"), QStringLiteral("Step"),
                    QStringLiteral("Votes")},
                   {0.3, 0.3, 0.3, 0.1}, each, QString());
    }
    // Parking lot
    std::vector<QStringList> parking;
    for (const SessionParkingItem& p : s.parkingLot)
        parking.push_back({p.done ? QStringLiteral("\u2713") : QString(), toQString(p.text),
                           toQString(s.participantName(p.author))});
    addSection(QStringLiteral("Parking lot"), {QStringLiteral("Done"), QStringLiteral("Question"), QStringLiteral("From")},
               {0.08, 0.72, 0.2}, parking, QStringLiteral("Nothing was parked."));
    // Notes
    std::vector<QStringList> notes;
    for (std::size_t i = 0; i < s.notes.size(); ++i)
        notes.push_back({toQString(s.notes[i].text),
                         i < m_record.notePlaces.size() ? toQString(m_record.notePlaces[i]) : QString(),
                         toQString(s.participantName(s.notes[i].author))});
    addSection(QStringLiteral("Notes"), {QStringLiteral("Note"), QStringLiteral("On"), QStringLiteral("From")},
               {0.6, 0.25, 0.15}, notes, QStringLiteral("No sticky notes."));
    if (!s.minutes.empty())
        addWords(toQString(s.minutes));
    // What changed
    for (const SessionRecord::MapChanges& c : m_record.changes) {
        std::vector<QStringList> rows;
        for (const EntityDiff& d : c.changes)
            rows.push_back({toQString(std::string(toString(d.change))), toQString(d.text)});
        const QString name = toQString(c.map.district.empty() ? c.map.title : c.map.district);
        addSection(QStringLiteral("What changed in %1").arg(name.isEmpty() ? toQString(c.map.id) : name),
                   {QStringLiteral("Change"), QStringLiteral("What")}, {0.15, 0.85}, rows,
                   !c.known ? QStringLiteral("Not known: the session was not started in Crosswalk, so there is "
                                             "no revision to compare with.")
                            : QStringLiteral("No changes during the session."));
    }

    std::vector<qreal> heights;
    std::vector<bool> keep;
    for (const Row& row : m_rows) {
        heights.push_back(row.height);
        keep.push_back(row.kind == Row::Kind::Heading || row.kind == Row::Kind::Head);
    }
    m_pages = paginateRows(heights, contentArea().height() - kTitleBlockH - kGap, keep);
    if (m_pages.empty())
        m_pages.push_back({0, 0});
}

void SessionPrintout::addSection(const QString& heading, const QStringList& heads, const std::vector<qreal>& shares,
                                 const std::vector<QStringList>& rows, const QString& none)
{
    const qreal w = contentArea().width();
    m_rows.push_back({Row::Kind::Heading, {heading}, {1.0},
                      wrappedHeight(ExportFonts::font(kHeading, true), w, heading) + kGap + 4});
    if (rows.empty()) {
        if (!none.isEmpty())
            addWords(none);
        return;
    }
    auto height = [&](const QStringList& cells, const QFont& font) {
        qreal h = 0;
        for (qsizetype k = 0; k < cells.size(); ++k)
            h = std::max(h, wrappedHeight(font, w * shares[static_cast<std::size_t>(k)] - 2 * kCellPad, cells[k]));
        return h + 2 * kCellPad;
    };
    m_rows.push_back({Row::Kind::Head, heads, shares, height(heads, ExportFonts::font(kHead, true))});
    for (const QStringList& cells : rows)
        m_rows.push_back({Row::Kind::Cells, cells, shares, height(cells, ExportFonts::font(kBody))});
}

void SessionPrintout::addWords(const QString& words)
{
    m_rows.push_back(
        {Row::Kind::Words, {words}, {1.0}, wrappedHeight(ExportFonts::font(kBody), contentArea().width(), words) + 6});
}

std::vector<qreal> SessionPrintout::widths(const Row& row) const
{
    std::vector<qreal> w;
    for (const qreal share : row.shares)
        w.push_back(contentArea().width() * share);
    return w;
}

QString SessionPrintout::title() const
{
    return QStringLiteral("Session record: %1").arg(toQString(m_record.session.title));
}

QString SessionPrintout::pageName(int index) const
{
    return QStringLiteral("R%1").arg(index + 1);
}

void SessionPrintout::paintTitleBlock(QPainter& painter, const QRectF& block, int index)
{
    const qreal reserved = paintPageTag(painter, block, index);
    const Session& s = m_record.session;
    QString what =
        QStringLiteral("Session record  \u00B7  %1  \u00B7  %2 agenda items").arg(toQString(s.date)).arg(s.agenda.size());
    // "2026-02-12T16:05:00Z" as a reader writes it: "2026-02-12 16:05 UTC".
    const auto when = [](const std::string& iso) {
        const QDateTime t = QDateTime::fromString(toQString(iso), Qt::ISODate);
        return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : toQString(iso);
    };
    if (!s.startedAt.empty())
        what += QStringLiteral("  \u00B7  started %1").arg(when(s.startedAt));
    if (!s.endedAt.empty())
        what += QStringLiteral(", ended %1").arg(when(s.endedAt));
    const QFontMetricsF titleMetrics(ExportFonts::font(16, true));
    // The session's own title: "Session record" is on the line below, so that it fits.
    const QString heading =
        titleMetrics.elidedText(toQString(s.title), Qt::ElideRight, block.width() - reserved);
    paintTitleText(painter, block, block.width() - reserved, heading, what, whenText());
}

void SessionPrintout::paintContent(QPainter& painter, int index)
{
    const QRectF c = contentArea();
    qreal y = c.top() + kTitleBlockH + kGap;
    const auto [first, end] = m_pages[static_cast<std::size_t>(index)];
    bool striped = false;
    for (int i = first; i < end; ++i) {
        const Row& row = m_rows[static_cast<std::size_t>(i)];
        switch (row.kind) {
        case Row::Kind::Heading: {
            painter.setFont(ExportFonts::font(kHeading, true));
            painter.setPen(ink());
            painter.drawText(QRectF(c.left(), y + kGap, c.width(), row.height - kGap), Qt::TextWordWrap,
                             row.cells.front());
            striped = false;
            break;
        }
        case Row::Kind::Head:
            painter.setFont(ExportFonts::font(kHead, true));
            painter.setPen(muted());
            paintCells(painter, c.left(), y, row.height, widths(row), row.cells);
            painter.setPen(QPen(rule(), 0.8));
            painter.drawLine(QPointF(c.left(), y + row.height), QPointF(c.right(), y + row.height));
            break;
        case Row::Kind::Cells:
            if (striped)
                painter.fillRect(QRectF(c.left(), y, c.width(), row.height), Printout::stripe());
            striped = !striped;
            painter.setFont(ExportFonts::font(kBody));
            painter.setPen(ink());
            paintCells(painter, c.left(), y, row.height, widths(row), row.cells);
            break;
        case Row::Kind::Words:
            painter.setFont(ExportFonts::font(kBody));
            painter.setPen(muted());
            painter.drawText(QRectF(c.left(), y + 3, c.width(), row.height), Qt::TextWordWrap, row.cells.front());
            break;
        }
        y += row.height;
    }
}

} // namespace crosswalk
