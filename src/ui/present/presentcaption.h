#pragma once

#include "crosswalk/model/map.h"
#include "ui/common/annotationglyph.h" // qHash for QSet<AnnotationKind>

#include <QSet>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QPainter;

namespace crosswalk {

/// The large caption at the bottom of the presentation: the step the walk is on (where it
/// is, its marks, notes and votes, the ways on), or on the whole map what its marks are.
class PresentCaption final : public QWidget {
    Q_OBJECT
  public:
    struct Row {
        enum class Type { Head, Mark, Note, Info, Branch };
        Type type = Type::Info;
        QString text;
        QString detail;
        std::optional<Annotation> glyph;
        bool chosen = false;
        /// Laid out beside the row before when that one is inline too (the legend's kinds).
        bool inlineRow = false;
    };

    explicit PresentCaption(QWidget* parent = nullptr);

    /// The kinds of marks on the whole map (those not hidden), each with its count.
    void showLegend(const Map& map, const QSet<AnnotationKind>& hidden);
    /// A step of `map`: its kind, lane and phase, its marks of the kinds not hidden, its notes
    /// and votes, and the ways on, the one at `branch` chosen.
    void showStep(const Map& map, const Step& step, const QSet<AnnotationKind>& hidden, int branch);
    void setRows(std::vector<Row> rows);
    const std::vector<Row>& rows() const { return m_rows; }
    /// The rows as plain text, one line each.
    QString text() const;
    /// The height the rows take at this width.
    int heightFor(int width) const { return layoutRows(width, nullptr); }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    static QFont fontFor(Row::Type type, bool forDetail);
    /// Lays the rows out in `width`; paints them when a painter is given. Returns the height.
    int layoutRows(int width, QPainter* p) const;

    std::vector<Row> m_rows;
};

} // namespace crosswalk
