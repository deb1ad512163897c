// The overlay's glance layout for four districts or more: the step boxes, type and phase
// column widths that show six districts largest on the view they are drawn for, and filling
// it both ways (issue 15: six districts at a glance on 1920x1080 and at 960x540).

#include "ui/compare/overlayview.h"

#include "ui/compare/comparegraphicsview.h"
#include "ui/compare/comparesession.h"
#include "ui/compare/comparestyle.h"

#include <QResizeEvent>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <numeric>

namespace crosswalk {

namespace cs = comparestyle;

double OverlayView::columnEdge(int column) const
{
    if (m_columnEdges.empty())
        return columnLeftEdge(column);
    const auto c = static_cast<std::size_t>(std::clamp(column, 0, static_cast<int>(m_columnEdges.size()) - 1));
    return m_columnEdges[c];
}

OverlayView::Glance OverlayView::chooseGlance(const std::function<QSizeF(Glance&)>& sceneSize)
{
    Glance standard;
    const QSize vp = m_view->viewport()->size();
    m_glanceViewport = isVisible() ? vp : QSize();
    if (!isVisible() || m_presenting || vp.width() < 200 || vp.height() < 200) {
        // The report, a window not shown yet, and presenting: there a lit lane row or phase
        // fills the screen, which a drawing as wide as the screen already is could not.
        sceneSize(standard);
        return standard;
    }
    const auto scaleOf = [&](const QSizeF& size) {
        return std::min({(vp.width() - 4) / (size.width() + 20), (vp.height() - 4) / (size.height() + 20), 1.0});
    };
    // The type a person sees is the label's type times the scale at which the view fits the
    // scene: the layout where that is largest wins. Larger boxes carry larger type.
    Glance best = standard;
    double bestShown = -1;
    // Wide boxes and taller ones (three lines of a long label at the larger type).
    const std::array<std::array<double, 3>, 9> boxes{{{132, 54, 16}, {160, 64, 19}, {190, 76, 22}, {220, 88, 26},
                                                      {256, 100, 30}, {150, 72, 18}, {180, 86, 22}, {210, 100, 26},
                                                      {240, 114, 30}}};
    for (const auto& [w, h, px] : boxes)
        for (int per = 1; per <= 8; ++per) {
            Glance g;
            g.perTrack = per;
            g.stepW = w;
            g.stepH = h;
            g.labelPx = static_cast<int>(px);
            g.standard = false;
            const double shown = scaleOf(sceneSize(g)) * px;
            if (shown > bestShown + 1e-9) {
                bestShown = shown;
                best = g;
            }
        }
    // Then fill the view both ways: wider columns when the height binds, taller rows when the width does.
    Glance g = best;
    const QSizeF size = sceneSize(g);
    const double byWidth = (vp.width() - 4) / (size.width() + 20);
    const double byHeight = (vp.height() - 4) / (size.height() + 20);
    const double strip = std::accumulate(g.widths.begin(), g.widths.end(), 0.0);
    if (byHeight < byWidth && byHeight < 1.0 && strip > 0) {
        const double wanted = (vp.width() - 4) / byHeight - 20; // the scene width that fills the view
        const double grow = std::max(1.0, (strip + wanted - size.width()) / strip);
        for (double& w : g.widths)
            w *= grow;
    } else if (byWidth < byHeight && byWidth < 1.0) {
        const double wanted = (vp.height() - 4) / byWidth - 20;
        g.rowExtra = std::max(0.0, (wanted - size.height()) / std::max(1, m_rowCount));
    }
    sceneSize(g);
    return g;
}

void OverlayView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_session.mapCount() <= 3 || !isVisible())
        return;
    // Four districts or more are laid out for the view's size: again when it changed much,
    // once the resizing pauses (a rebuild of six districts takes some 60 ms).
    if (!m_relayout) {
        m_relayout = new QTimer(this);
        m_relayout->setSingleShot(true);
        m_relayout->setInterval(120);
        connect(m_relayout, &QTimer::timeout, this, [this] {
            const QSize vp = m_view->viewport()->size();
            if (!isVisible() || m_presenting || vp.width() < 200 || vp.height() < 200 ||
                (std::abs(vp.width() - m_glanceViewport.width()) <= vp.width() / 20 &&
                 std::abs(vp.height() - m_glanceViewport.height()) <= vp.height() / 20))
                return;
            rebuild();
            if (m_fitted && !m_presenting)
                m_view->fitWhole();
        });
    }
    m_relayout->start();
}

} // namespace crosswalk
