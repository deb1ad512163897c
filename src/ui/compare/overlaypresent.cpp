// The overlay's words on demand (hover tip, popup) and its presenting: a spotlight on one
// lane row across the districts and a walk through the shared phases.

#include "ui/compare/overlayview.h"

#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestepitem.h"
#include "ui/compare/comparestyle.h"
#include "ui/compare/findingtext.h"

#include <QEvent>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QLabel>

#include <algorithm>

namespace crosswalk {

namespace cs = comparestyle;

QString OverlayView::stackTip(const std::vector<std::size_t>& stack,
                              const std::vector<std::pair<std::size_t, std::size_t>>& where) const
{
    const QStringList& names = m_session.districtNames();
    const QStringList& initials = m_session.districtInitials();
    QString html = QStringLiteral("<div style='font-size:%1px'>").arg(m_presenting ? cs::kHeaderPx + 4 : cs::kUiPx);
    html += stack.size() > 1 ? tr("<b>The same step in %1 districts</b>").arg(stack.size())
                             : tr("<b>Only this district has this step here</b>");
    for (std::size_t node : stack) {
        const auto [mi, k] = where[node];
        const Map& map = m_session.map(mi);
        const Step& step = map.steps[k];
        const QColor colour = cs::districtColor(m_session.colorSlot(mi));
        const Lane* lane = map.lane(step.lane);
        const Phase* phase = map.phase(step.phase);
        QString place = lane ? QString::fromStdString(lane->name).toHtmlEscaped() : QString();
        if (phase)
            place += QStringLiteral(" · ") + QString::fromStdString(phase->name).toHtmlEscaped();
        html += QStringLiteral("<div style='margin-top:6px'><span style='background:%1;color:%2'><b>&nbsp;%3&nbsp;</b></span> "
                               "%4: <b>“%5”</b> <span style='color:#5f6368'>(%6)</span></div>")
                    .arg(colour.name(), cs::textOn(colour).name(), initials[static_cast<qsizetype>(mi)],
                         names[static_cast<qsizetype>(mi)].toHtmlEscaped(),
                         findingtext::stepLabel(map, step.id).toHtmlEscaped(), place);
        for (const Annotation& note : map.annotations) {
            if (note.target != step.id ||
                (note.kind != AnnotationKind::BlackBox && note.kind != AnnotationKind::Harm &&
                 note.kind != AnnotationKind::Variation))
                continue;
            html += QStringLiteral("<div style='margin-left:24px'>%1 (%2): %3</div>")
                        .arg(findingtext::kindWord(note.kind), initials[static_cast<qsizetype>(mi)],
                             findingtext::annotationText(note).toHtmlEscaped());
        }
    }
    return html + QStringLiteral("</div>");
}

bool OverlayView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && m_popup->isVisible()) {
        showDetails(nullptr);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QRectF OverlayView::columnBand(int column) const
{
    if (column < 0 || column >= m_columnCount)
        return {};
    const double bottom = m_rowBands.empty() ? cs::kPhaseHeaderHeight : m_rowBands.back().bottom();
    return QRectF(columnEdge(column), 0, columnEdge(column + 1) - columnEdge(column), bottom);
}

void OverlayView::setPresenting(bool on)
{
    if (m_presenting == on)
        return;
    m_presenting = on;
    if (!on) {
        m_spotlightRow = -1;
        m_focusColumn = -1;
    }
    rebuild();
    if (!on)
        m_view->fitWhole();
}

void OverlayView::setSpotlightRow(int row)
{
    m_spotlightRow = row >= 0 && row < static_cast<int>(m_rowBands.size()) ? row : -1;
    applySpotlight();
}

void OverlayView::setFocusColumn(int column)
{
    m_focusColumn = column >= 0 && column < m_columnCount ? column : -1;
    applySpotlight();
}

void OverlayView::applySpotlight()
{
    for (QGraphicsItem* veil : m_veils) {
        m_scene->removeItem(veil);
        delete veil;
    }
    m_veils.clear();
    if (m_spotlightRow >= static_cast<int>(m_rowBands.size()))
        m_spotlightRow = -1;
    if (m_focusColumn >= m_columnCount)
        m_focusColumn = -1;
    if (m_spotlightRow < 0 && m_focusColumn < 0)
        return;

    const QRectF all = m_scene->sceneRect();
    QRectF lit = all;
    if (m_spotlightRow >= 0) {
        const QRectF band = m_rowBands[static_cast<std::size_t>(m_spotlightRow)];
        lit.setTop(band.top());
        lit.setBottom(band.bottom());
    }
    if (m_focusColumn >= 0) {
        const QRectF band = columnBand(m_focusColumn);
        lit.setLeft(band.left());
        lit.setRight(band.right());
    }
    // A white veil over the rest (above the steps and chips, under a selected step): what is
    // lit keeps its colours, the rest stays in view, faint, as context.
    const QColor veil(255, 255, 255, 205);
    const QRectF parts[] = {QRectF(all.left(), all.top(), all.width(), lit.top() - all.top()),
                            QRectF(all.left(), lit.bottom(), all.width(), all.bottom() - lit.bottom()),
                            // The lane headings stay lit beside the lit part, to name its rows.
                            QRectF(m_laneHeaderWidth, lit.top(), lit.left() - m_laneHeaderWidth, lit.height()),
                            QRectF(lit.right(), lit.top(), all.right() - lit.right(), lit.height())};
    for (const QRectF& part : parts) {
        if (part.width() <= 0.5 || part.height() <= 0.5)
            continue;
        auto* item = m_scene->addRect(part, Qt::NoPen, veil);
        item->setZValue(500);
        item->setAcceptedMouseButtons(Qt::NoButton);
        m_veils.push_back(item);
    }
    // Presenting: the lit part fills the screen, so its words are large.
    if (m_presenting) {
        QRectF show = lit;
        if (m_focusColumn >= 0 && m_spotlightRow < 0)
            show.setLeft(0); // a phase beside its lane names
        m_view->fitRect(show.adjusted(-8, -8, 8, 8), 1.6);
    }
}

} // namespace crosswalk
