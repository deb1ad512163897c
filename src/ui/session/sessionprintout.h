#pragma once

#include "crosswalk/insights/sessionrecord.h"
#include "ui/print/printout.h"

#include <QStringList>

#include <vector>

namespace crosswalk {

/// The session record on paper, for `crosswalk export --session --format pdf` and the Session
/// window's "Export record…": the agenda, the votes and their tallies, the parking lot, the
/// notes and what changed in each map during the session, as tables that run on over pages.
/// The map PDF's title block on every page.
class SessionPrintout final : public Printout {
public:
    SessionPrintout(SessionRecord record, const ExportOptions& options);

    int pageCount() const override { return static_cast<int>(m_pages.size()); }
    QString pageName(int index) const override;
    /// "Session record: Third monthly session of the six districts".
    QString title() const;

protected:
    QString documentName() const override { return title(); }
    void paintContent(QPainter& painter, int index) override;
    void paintTitleBlock(QPainter& painter, const QRectF& block, int index) override;
    void paintLegendSymbol(QPainter&, const LegendEntry&, const QRectF&) override {}

private:
    /// A row of the record: a section heading, a table's head, a row of cells, or a line of
    /// words (the session's minutes, "none").
    struct Row {
        enum class Kind { Heading, Head, Cells, Words } kind = Kind::Cells;
        QStringList cells;
        std::vector<qreal> shares; // of the content width, per column
        qreal height = 0;
    };
    void addSection(const QString& heading, const QStringList& heads, const std::vector<qreal>& shares,
                    const std::vector<QStringList>& rows, const QString& none);
    void addWords(const QString& words);
    std::vector<qreal> widths(const Row& row) const;

    SessionRecord m_record;
    std::vector<Row> m_rows;
    std::vector<std::pair<int, int>> m_pages;
};

} // namespace crosswalk
