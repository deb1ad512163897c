#include "ui/present/presentcaption.h"

#include "crosswalk/facilitation/presentwalk.h"
#include "crosswalk/insights/annotationnumbers.h"
#include "ui/common/annotationtext.h"
#include "ui/present/presentstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace crosswalk {

using namespace presentstyle;

PresentCaption::PresentCaption(QWidget* parent) : QWidget(parent) {}

void PresentCaption::setRows(std::vector<Row> rows)
{
    m_rows = std::move(rows);
    update();
}

QString PresentCaption::text() const
{
    QStringList lines;
    for (const Row& r : m_rows)
        lines << (r.detail.isEmpty() ? r.text : r.text + QStringLiteral(" ") + r.detail);
    return lines.join('\n');
}

void PresentCaption::showLegend(const Map& m, const QSet<AnnotationKind>& hidden)
{
    std::vector<Row> rows;
    rows.push_back({Row::Type::Head,
                    tr("Marks on this map"),
                    tr("Right starts the walk, F returns to the readable view"),
                    {},
                    false});
    for (AnnotationKind kind : kAllAnnotationKinds) {
        if (hidden.contains(kind))
            continue;
        const auto count = std::count_if(m.annotations.begin(), m.annotations.end(),
                                         [kind](const Annotation& a) { return a.kind == kind; });
        if (count == 0)
            continue;
        Annotation legend;
        legend.kind = kind;
        rows.push_back({Row::Type::Mark,
                        QStringLiteral("%1  %2").arg(count).arg(toQString(displayName(kind))),
                        {},
                        legend,
                        false,
                        true});
    }
    // The marks on the whole map itself have no place on it: they are shown here, each with
    // its glyph, number and text.
    const auto numbers = annotationNumbers(m);
    for (const Annotation& a : m.annotations) {
        if (!a.target.empty() || hidden.contains(a.kind))
            continue;
        int number = 0;
        for (const auto& [id, n] : numbers)
            if (id == a.id)
                number = n;
        rows.push_back({Row::Type::Mark,
                        tr("%1  %2, on the whole map: %3")
                            .arg(number)
                            .arg(annotationKindText(a))
                            .arg(a.text.empty() ? tr("(no text yet)") : QString::fromStdString(a.text)),
                        {},
                        a,
                        false});
    }
    setRows(std::move(rows));
}

void PresentCaption::showStep(const Map& m, const Step& step, const QSet<AnnotationKind>& hiddenKinds, int branch)
{
    std::vector<Row> rows;
    QStringList where{toQString(displayName(step.kind))};
    if (const Lane* lane = m.lane(step.lane))
        where << QString::fromStdString(lane->name);
    if (const Phase* phase = m.phase(step.phase))
        where << QString::fromStdString(phase->name);
    rows.push_back(
        {Row::Type::Head, QString::fromStdString(step.label), where.join(QStringLiteral("  ·  ")), {}, false});
    const auto numbers = annotationNumbers(m);
    int hidden = 0;
    int shown = 0;
    for (const Annotation& a : m.annotations) {
        if (a.target != step.id)
            continue;
        if (hiddenKinds.contains(a.kind)) {
            ++hidden;
            continue;
        }
        ++shown;
        int number = 0;
        for (const auto& [id, n] : numbers)
            if (id == a.id)
                number = n;
        QString text = QStringLiteral("%1  %2: %3")
                           .arg(number)
                           .arg(annotationKindText(a))
                           .arg(a.text.empty() ? tr("(no text yet)") : QString::fromStdString(a.text));
        rows.push_back({Row::Type::Mark, text,
                        a.affects.empty() ? QString() : tr("Affects: %1").arg(QString::fromStdString(a.affects)), a,
                        false});
    }
    if (shown == 0)
        rows.push_back({Row::Type::Info,
                        hidden > 0 ? tr("No marks of the kinds shown (%n hidden).", nullptr, hidden)
                                   : tr("No marks on this step."),
                        {},
                        {},
                        false});
    for (const StickyNote* note : m.notesOn(step.id))
        rows.push_back({Row::Type::Note, QString::fromStdString(note->text), {}, {}, false});
    if (const int votes = m.votesOn(step.id); votes > 0)
        rows.push_back({Row::Type::Info,
                        votes == 1 ? tr("1 dot vote on this step") : tr("%1 dot votes on this step").arg(votes),
                        {},
                        {},
                        false});
    const auto out = PresentWalk::outgoing(m, step.id);
    if (out.empty()) {
        rows.push_back(
            {Row::Type::Info, tr("End of the way: no flow leaves this step (Left goes back)."), {}, {}, false});
    } else if (out.size() > 1) {
        rows.push_back({Row::Type::Info,
                        tr("%n ways on: Up/Down chooses, Right follows.", nullptr, static_cast<int>(out.size())),
                        {},
                        {},
                        false});
        for (std::size_t i = 0; i < out.size(); ++i) {
            const Step* to = m.step(out[i]->to);
            QString text = out[i]->label.empty()
                               ? QString()
                               : QStringLiteral("\"%1\"  ").arg(QString::fromStdString(out[i]->label));
            text += QStringLiteral("\u2192 ") + (to ? QString::fromStdString(to->label) : QString());
            rows.push_back({Row::Type::Branch, text, QString::number(i + 1), {}, static_cast<int>(i) == branch});
        }
    }
    setRows(std::move(rows));
}

void PresentCaption::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), Qt::white);
    p.fillRect(QRect(0, 0, width(), 6), current());
    layoutRows(width(), &p);
}

QFont PresentCaption::fontFor(Row::Type type, bool forDetail)
{
    switch (type) {
    case Row::Type::Head:
        return forDetail ? pixelFont(kCaptionPx) : pixelFont(kBigCaptionPx + 4, true);
    case Row::Type::Mark:
    case Row::Type::Note:
    case Row::Type::Branch:
        return pixelFont(kBigCaptionPx, false);
    case Row::Type::Info:
        return pixelFont(kCaptionPx, false);
    }
    return pixelFont(kBigCaptionPx);
}

int PresentCaption::layoutRows(int width, QPainter* p) const
{
    constexpr int pad = 22;
    constexpr int glyph = 34;
    int y = 16;
    // Inline rows (the legend's kinds) side by side, wrapping to a new line when full.
    qreal inlineX = -1;
    int inlineH = 0;
    for (const Row& row : m_rows) {
        if (row.inlineRow) {
            const QFont font = fontFor(row.type, false);
            const qreal w = glyph + 10 + QFontMetricsF(font).horizontalAdvance(row.text) + 36;
            if (inlineX < 0 || inlineX + w > width - pad) {
                if (inlineX >= 0)
                    y += inlineH + 12;
                inlineX = pad;
            }
            inlineH = glyph;
            if (p) {
                if (row.glyph) {
                    p->save();
                    paintAnnotationGlyph(*p, QRectF(inlineX, y, glyph, glyph), *row.glyph);
                    p->restore();
                }
                p->setPen(ink());
                p->setFont(font);
                p->drawText(QRectF(inlineX + glyph + 10, y, w, glyph), Qt::AlignVCenter | Qt::AlignLeft, row.text);
            }
            inlineX += w;
            continue;
        }
        if (inlineX >= 0) {
            y += inlineH + 12;
            inlineX = -1;
        }
        const QFont font = fontFor(row.type, false);
        const QFontMetricsF fm(font);
        const int indent = (row.glyph || row.type == Row::Type::Note || row.type == Row::Type::Branch) ? glyph + 14 : 0;
        QString text = row.text;
        if (!row.detail.isEmpty() && row.type != Row::Type::Head)
            text += QStringLiteral("  ") + row.detail;
        const QRectF area(pad + indent, y, width - 2 * pad - indent, 1000);
        QRectF box = fm.boundingRect(area, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
        if (row.type == Row::Type::Head && !row.detail.isEmpty()) {
            const QFontMetricsF dm(fontFor(row.type, true));
            const QRectF dbox = dm.boundingRect(QRectF(pad, box.bottom() + 2, width - 2 * pad, 1000),
                                                Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, row.detail);
            if (p) {
                p->setPen(QColor(0x33, 0x33, 0x33));
                p->setFont(fontFor(row.type, true));
                p->drawText(dbox, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, row.detail);
            }
            box.setBottom(dbox.bottom());
        }
        const int rowH = static_cast<int>(std::ceil(std::max<qreal>(box.height(), indent ? glyph : 0)));
        if (p) {
            if (row.type == Row::Type::Branch && row.chosen) {
                p->setPen(Qt::NoPen);
                p->setBrush(chosenBranch());
                p->drawRoundedRect(QRectF(pad - 8, y - 4, width - 2 * pad + 16, rowH + 8), 8, 8);
            }
            if (row.glyph) {
                p->save();
                paintAnnotationGlyph(*p, QRectF(pad, y, glyph, glyph), *row.glyph);
                p->restore();
            } else if (row.type == Row::Type::Note) {
                // A session's note (it names its author) in the session's thick blue frame.
                p->setPen(row.detail.isEmpty() ? QPen(ink(), 2) : QPen(blue(), 4));
                p->setBrush(yellow());
                p->drawRect(QRectF(pad + 2, y + 2, glyph - 4, glyph - 4));
            } else if (row.type == Row::Type::Branch) {
                p->setPen(QPen(Qt::white, 2));
                p->setBrush(row.chosen ? ink() : chosenBranch());
                p->drawEllipse(QRectF(pad, y, glyph, glyph));
            }
            p->setPen(row.type == Row::Type::Branch && row.chosen ? QColor(Qt::white) : ink());
            p->setFont(font);
            if (row.type == Row::Type::Branch) {
                p->setFont(pixelFont(kBigCaptionPx - 4, true));
                p->setPen(Qt::white);
                p->drawText(QRectF(pad, y, glyph, glyph), Qt::AlignCenter, row.detail);
                p->setPen(row.chosen ? QColor(Qt::white) : ink());
                p->setFont(font);
                p->drawText(area, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, row.text);
            } else {
                p->drawText(area, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
            }
        }
        y += rowH + 12;
    }
    if (inlineX >= 0)
        y += inlineH + 12;
    return y + 6;
}

} // namespace crosswalk
