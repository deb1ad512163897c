#include "ui/present/presentationwindow.h"

#include "crosswalk/insights/annotationnumbers.h"
#include "ui/document/mapdocument.h"
#include "ui/common/annotationtext.h"
#include "ui/present/presentitems.h"
#include "ui/present/presentstyle.h"

#include <QApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QGraphicsView>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QScreen>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>
#include <optional>

namespace crosswalk {

using namespace presentstyle;

namespace {

QString kindWords(AnnotationKind kind)
{
    const std::string_view name = displayName(kind);
    return toQString(name);
}

QString stepKindWords(StepKind kind)
{
    const std::string_view name = displayName(kind);
    return toQString(name);
}

} // namespace

// ----- the view: the map, with lane and phase names drawn on top in screen pixels -----------

class PresentView final : public QGraphicsView {
  public:
    PresentView(PresentScene* scene, PresentationWindow* window) : QGraphicsView(scene, window), m_window(window)
    {
        setFrameShape(QFrame::NoFrame);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        // The headers are drawn in screen pixels over the map: every frame redraws them.
        setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
        setTransformationAnchor(QGraphicsView::NoAnchor);
        setResizeAnchor(QGraphicsView::NoAnchor);
        setFocusPolicy(Qt::NoFocus);
        setInteractive(false);
    }

  protected:
    void mousePressEvent(QMouseEvent* event) override { m_window->clicked(event->position().toPoint()); }
    void wheelEvent(QWheelEvent* event) override { event->accept(); }
    void drawForeground(QPainter* painter, const QRectF& rect) override;

  private:
    PresentationWindow* m_window;
};

void PresentView::drawForeground(QPainter* painter, const QRectF& rect)
{
    Q_UNUSED(rect)
    auto* scene = static_cast<PresentScene*>(this->scene());
    const Map* m = scene->map();
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing);
    const int top = kTopBarPx + kPhaseRowPx;
    const int w = viewport()->width();
    const int h = viewport()->height();
    const Spotlight& spot = scene->spotlight();

    // Lane names, in a column on the left that stays put while the map pans.
    painter->fillRect(QRect(0, top, kLaneColumnPx, h - top), QColor(0xD9, 0xDB, 0xDE));
    if (m) {
        int laneTop = 0;
        for (std::size_t i = 0; i < m->lanes.size(); ++i) {
            const Lane& lane = m->lanes[i];
            const qreal y0 = mapFromScene(QPointF(0, laneTop)).y();
            const qreal y1 = mapFromScene(QPointF(0, laneTop + lane.height)).y();
            laneTop += lane.height;
            QRectF cell(0, std::max<qreal>(y0, top), kLaneColumnPx, 0);
            cell.setBottom(y1);
            if (cell.height() <= 0)
                continue;
            const bool dim = spot.kind == Spotlight::Kind::Lane && spot.id != lane.id;
            painter->fillRect(cell, i % 2 == 0 ? QColor(0xF7, 0xF7, 0xF7) : QColor(0xE4, 0xE5, 0xE8));
            painter->fillRect(QRectF(cell.left(), cell.top(), 12, cell.height()),
                              laneMarkers()[i % laneMarkers().size()]);
            painter->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
            painter->drawLine(QPointF(0, y1), QPointF(kLaneColumnPx, y1));
            if (spot.kind == Spotlight::Kind::Lane && spot.id == lane.id) {
                painter->setPen(QPen(current(), 6));
                painter->setBrush(Qt::NoBrush);
                painter->drawRect(cell.adjusted(3, 3, -3, -3));
            }
            painter->setPen(dim ? QColor(0x88, 0x88, 0x88) : ink());
            painter->setFont(pixelFont(kHeaderPx, true));
            const QString name = lane.name.empty() ? QObject::tr("(unnamed lane)") : QString::fromStdString(lane.name);
            painter->drawText(cell.adjusted(22, 2, -8, -2), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, name);
        }
    }
    painter->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
    painter->drawLine(QPointF(kLaneColumnPx, top), QPointF(kLaneColumnPx, h));

    // Phase names in a row under the top caption, each centred on the part of its phase in view.
    const QRect row(kLaneColumnPx, kTopBarPx, w - kLaneColumnPx, kPhaseRowPx);
    painter->fillRect(QRect(0, kTopBarPx, w, kPhaseRowPx), QColor(0xF7, 0xF7, 0xF7));
    if (m) {
        int left = 0;
        for (const Phase& phase : m->phases) {
            const qreal x0 = mapFromScene(QPointF(left, 0)).x();
            const qreal x1 = mapFromScene(QPointF(left + phase.width, 0)).x();
            left += phase.width;
            QRectF cell(std::max<qreal>(x0, row.left()), row.top(), 0, row.height());
            cell.setRight(std::min<qreal>(x1, row.right()));
            if (cell.width() <= 0)
                continue;
            const bool dim = spot.kind == Spotlight::Kind::Phase && spot.id != phase.id;
            if (spot.kind == Spotlight::Kind::Phase && spot.id == phase.id) {
                painter->setPen(QPen(current(), 6));
                painter->setBrush(Qt::NoBrush);
                painter->drawRect(cell.adjusted(3, 3, -3, -3));
            }
            painter->setPen(QPen(QColor(0x77, 0x77, 0x77), 2));
            painter->drawLine(QPointF(x1, row.top()), QPointF(x1, row.bottom()));
            painter->setPen(dim ? QColor(0x88, 0x88, 0x88) : ink());
            painter->setFont(pixelFont(kHeaderPx, true));
            const QString name = QFontMetricsF(painter->font())
                                     .elidedText(QString::fromStdString(phase.name), Qt::ElideRight, cell.width() - 12);
            painter->drawText(cell, Qt::AlignCenter, name);
        }
    }
    painter->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
    painter->drawLine(QPointF(0, top), QPointF(w, top));
    // The corner: where to find the keys.
    painter->fillRect(QRect(0, kTopBarPx, kLaneColumnPx, kPhaseRowPx), QColor(0xE4, 0xE5, 0xE8));
    painter->setPen(ink());
    painter->setFont(pixelFont(kLabelPx));
    painter->drawText(QRect(12, kTopBarPx, kLaneColumnPx - 16, kPhaseRowPx), Qt::AlignVCenter | Qt::AlignLeft,
                      QObject::tr("? for keys"));
    painter->restore();
}

// ----- the thin caption at the top ------------------------------------------------------------

class PresentTopBar final : public QWidget {
  public:
    explicit PresentTopBar(QWidget* parent) : QWidget(parent) { setAttribute(Qt::WA_OpaquePaintEvent); }
    QString title;
    QString district;
    QString status;
    QString timer;
    bool timerRunning = false;
    bool timerUp = false;
    QString clock() const { return QTime::currentTime().toString(QStringLiteral("HH:mm")); }
    QString text() const
    {
        QStringList parts{title, district};
        if (!status.isEmpty())
            parts << status;
        if (!timer.isEmpty())
            parts << timer;
        parts << clock();
        return parts.join(QStringLiteral(" | "));
    }

  protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(rect(), captionBack());
        const QRect r = rect().adjusted(18, 0, -18, 0);
        // Right: the clock, and the session timer before it.
        p.setFont(pixelFont(kCaptionPx, true));
        QFontMetrics fm(p.font());
        const QString clockText = clock();
        const int clockW = fm.horizontalAdvance(clockText);
        p.setPen(captionText());
        p.drawText(r, Qt::AlignVCenter | Qt::AlignRight, clockText);
        int right = r.right() - clockW - 28;
        if (!timer.isEmpty()) {
            const QString t = timer;
            const int tw = fm.horizontalAdvance(t) + 24;
            const QRect pill(right - tw, (height() - 36) / 2, tw, 36);
            p.setPen(Qt::NoPen);
            // Running: green with black type; time up: vermillion; paused: grey.
            p.setBrush(timerUp ? vermillion() : (timerRunning ? bluishGreen() : QColor(0x55, 0x55, 0x55)));
            p.drawRoundedRect(pill, 8, 8);
            p.setPen(timerRunning && !timerUp ? QColor(Qt::black) : QColor(Qt::white));
            p.drawText(pill, Qt::AlignCenter, t);
            right = pill.left() - 24;
        }
        if (!status.isEmpty()) {
            p.setFont(pixelFont(kCaptionPx, true));
            const QString s =
                QFontMetrics(p.font()).elidedText(status, Qt::ElideRight, std::max(0, right - r.left()) / 2);
            const int sw = QFontMetrics(p.font()).horizontalAdvance(s);
            p.setPen(yellow());
            p.drawText(QRect(right - sw, 0, sw, height()), Qt::AlignVCenter | Qt::AlignRight, s);
            right -= sw + 28;
        }
        // Left: title and district.
        p.setFont(pixelFont(kCaptionPx, true));
        const QString t =
            QFontMetrics(p.font()).elidedText(title, Qt::ElideRight, std::max(0, right - r.left()) * 3 / 5);
        p.setPen(captionText());
        p.drawText(r, Qt::AlignVCenter | Qt::AlignLeft, t);
        const int tw = QFontMetrics(p.font()).horizontalAdvance(t);
        p.setFont(pixelFont(kCaptionPx));
        const int room = right - (r.left() + tw + 24);
        if (room > 40)
            p.drawText(QRect(r.left() + tw + 24, 0, room, height()), Qt::AlignVCenter | Qt::AlignLeft,
                       QFontMetrics(p.font()).elidedText(district, Qt::ElideRight, room));
    }
};

// ----- the large caption at the bottom: the current step, its marks, the way on -------------

class PresentCaption final : public QWidget {
  public:
    struct Row {
        enum class Type { Head, Mark, Note, Info, Branch };
        Type type = Type::Info;
        QString text;
        QString detail;
        std::optional<Annotation> glyph;
        bool chosen = false;
    };

    explicit PresentCaption(QWidget* parent) : QWidget(parent) {}
    void setRows(std::vector<Row> rows)
    {
        m_rows = std::move(rows);
        update();
    }
    const std::vector<Row>& rows() const { return m_rows; }
    QString text() const
    {
        QStringList lines;
        for (const Row& r : m_rows)
            lines << (r.detail.isEmpty() ? r.text : r.text + QStringLiteral(" ") + r.detail);
        return lines.join('\n');
    }
    int heightFor(int width) const { return layoutRows(width, nullptr); }

  protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(rect(), Qt::white);
        p.fillRect(QRect(0, 0, width(), 6), current());
        layoutRows(width(), &p);
    }

  private:
    static QFont fontFor(Row::Type type, bool forDetail)
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

    /// Lays the rows out in `width`; paints them when a painter is given. Returns the height.
    int layoutRows(int width, QPainter* p) const
    {
        constexpr int pad = 22;
        constexpr int glyph = 34;
        int y = 16;
        for (const Row& row : m_rows) {
            const QFont font = fontFor(row.type, false);
            const QFontMetricsF fm(font);
            const int indent =
                (row.glyph || row.type == Row::Type::Note || row.type == Row::Type::Branch) ? glyph + 14 : 0;
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
                    p->setPen(QPen(ink(), 2));
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
        return y + 6;
    }

    std::vector<Row> m_rows;
};

// ----- the window -------------------------------------------------------------------------------

PresentationWindow::PresentationWindow(MapDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    setWindowFlag(Qt::Window);
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);
    setObjectName(QStringLiteral("presentation"));
    m_scene = new PresentScene(this);
    m_scene->setDocument(document);
    m_view = new PresentView(m_scene, this);
    m_topBar = new PresentTopBar(this);
    m_caption = new PresentCaption(this);
    m_caption->hide();

    m_help = new QLabel(this);
    m_help->setObjectName(QStringLiteral("presentationHelp"));
    m_help->setTextFormat(Qt::RichText);
    m_help->setFont(pixelFont(20));
    m_help->setStyleSheet(QStringLiteral("QLabel { background: white; color: #111; border: 4px solid #0072B2;"
                                         " padding: 16px; }"));
    m_help->setText(tr("<table cellspacing=6>"
                       "<tr><td><b>&rarr; &larr;</b></td><td>next step along the flow / back</td></tr>"
                       "<tr><td><b>&uarr; &darr;</b></td><td>choose the way on at a decision</td></tr>"
                       "<tr><td><b>S</b> or <b>Space</b></td><td>spotlight the current step</td></tr>"
                       "<tr><td><b>L</b> / <b>P</b></td><td>spotlight the next lane / phase (Shift: back)</td></tr>"
                       "<tr><td><b>0</b></td><td>clear the spotlight</td></tr>"
                       "<tr><td><b>1</b>&ndash;<b>6</b></td><td>show or hide black boxes, harm, variation, "
                       "questions, insights, change ideas</td></tr>"
                       "<tr><td><b>B</b> <b>H</b> <b>V</b></td><td>only black boxes / harm points / variation</td></tr>"
                       "<tr><td><b>A</b></td><td>all marks</td></tr>"
                       "<tr><td><b>F</b></td><td>whole map / readable fit</td></tr>"
                       "<tr><td><b>Home</b>, <b>PgUp</b> <b>PgDn</b></td><td>back to the start, pan the map</td></tr>"
                       "<tr><td><b>T</b> / <b>+</b></td><td>start or pause the session timer / add 5 minutes</td></tr>"
                       "<tr><td><b>Q</b></td><td>park a question in the parking lot</td></tr>"
                       "<tr><td><b>N</b></td><td>stick a note on the current step</td></tr>"
                       "<tr><td><b>D</b> / <b>Shift+D</b></td><td>a dot vote more / less on the current step</td></tr>"
                       "<tr><td><b>?</b></td><td>this help</td></tr>"
                       "<tr><td><b>Esc</b></td><td>leave presentation mode</td></tr>"
                       "</table>"));
    m_help->adjustSize();
    m_help->hide();

    m_inputBox = new QWidget(this);
    m_inputBox->setObjectName(QStringLiteral("presentationInput"));
    m_inputBox->setAutoFillBackground(true);
    m_inputBox->setStyleSheet(QStringLiteral("#presentationInput { background: white; border: 4px solid #0072B2; }"));
    auto* inputLayout = new QVBoxLayout(m_inputBox);
    inputLayout->setContentsMargins(20, 14, 20, 18);
    m_inputPrompt = new QLabel(m_inputBox);
    m_inputPrompt->setFont(pixelFont(kBigCaptionPx, true));
    m_input = new QLineEdit(m_inputBox);
    m_input->setFont(pixelFont(kBigCaptionPx));
    m_input->setMinimumHeight(48);
    inputLayout->addWidget(m_inputPrompt);
    inputLayout->addWidget(m_input);
    m_inputBox->hide();
    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::returnPressed, this, &PresentationWindow::storeInput);

    m_clock = new QTimer(this);
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, [this] { updateOverlays(); });
    m_clock->start();

    m_animation = new QVariantAnimation(this);
    m_animation->setDuration(450);
    m_animation->setEasingCurve(QEasingCurve::InOutCubic);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);

    connect(m_scene, &PresentScene::synced, this, [this] {
        // The countdown runs from the time left the map stores, from when that was stored.
        if (const Map* m = m_scene->map(); m && !(m->session == m_session)) {
            m_session = m->session;
            m_sessionRun.restart();
        }
        updateCaption();
        updateOverlays();
    });
    if (document) {
        setWindowTitle(tr("Presenting: %1").arg(QString::fromStdString(document->map().props.title)));
        m_session = document->map().session;
        m_sessionRun.start();
        // Another map opened in the editor (or the workspace closed) ends the presentation.
        connect(document, &QObject::destroyed, this, &QWidget::close);
    }
    updateOverlays();
}

PresentationWindow::~PresentationWindow() = default;

QGraphicsView* PresentationWindow::view() const
{
    return m_view;
}

void PresentationWindow::present(QWidget* near, bool fullScreen, QScreen* screen)
{
    if (!screen)
        screen = near && near->screen() ? near->screen() : QGuiApplication::primaryScreen();
    if (fullScreen) {
        setGeometry(screen->geometry());
        showFullScreen();
    } else {
        // A window of its own, for sharing one window rather than the screen.
        const QRect available = screen->availableGeometry();
        const QSize size = QSize(1920, 1080).boundedTo(available.size() * 9 / 10);
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
        show();
    }
    raise();
    activateWindow();
    setFocus();
    reframe(false);
}

void PresentationWindow::closeEvent(QCloseEvent* event)
{
    m_animation->stop();
    emit finished();
    QWidget::closeEvent(event);
}

qreal PresentationWindow::viewScale() const
{
    return m_view->transform().m11();
}

QRectF PresentationWindow::visibleSceneRect() const
{
    return m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
}

bool PresentationWindow::captionVisible() const
{
    return m_caption->isVisible();
}

QString PresentationWindow::captionText() const
{
    return m_caption->isVisible() ? m_caption->text() : QString();
}

bool PresentationWindow::helpVisible() const
{
    return m_help->isVisible();
}

bool PresentationWindow::inputOpen() const
{
    return m_inputBox->isVisible();
}

QString PresentationWindow::topCaptionText() const
{
    return m_topBar->text();
}

// ----- geometry ---------------------------------------------------------------------------------

void PresentationWindow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutOverlays();
    reframe(false);
}

void PresentationWindow::layoutOverlays()
{
    m_view->setGeometry(rect());
    m_topBar->setGeometry(0, 0, width(), kTopBarPx);
    if (m_caption->isVisible()) {
        const int h = std::min(m_caption->heightFor(width()), height() * 45 / 100);
        m_caption->setGeometry(0, height() - h, width(), h);
    }
    m_help->adjustSize();
    m_help->move((width() - m_help->width()) / 2, std::max(kTopBarPx + 10, (height() - m_help->height()) / 2));
    const int iw = std::min(width() - 80, 1100);
    m_inputBox->setFixedWidth(iw);
    m_inputBox->adjustSize();
    // Above the caption when there is one (the current step is in the middle of the map),
    // else near the top.
    const int inputY =
        m_caption->isVisible() ? m_caption->y() - m_inputBox->height() - 24 : kTopBarPx + kPhaseRowPx + 40;
    m_inputBox->move((width() - iw) / 2, std::max(kTopBarPx + 8, inputY));
    m_help->raise();
    m_inputBox->raise();
}

QRect PresentationWindow::contentRect() const
{
    const int top = kTopBarPx + kPhaseRowPx;
    const int bottom = m_caption->isVisible() ? m_caption->height() : 0;
    return QRect(kLaneColumnPx, top, std::max(100, width() - kLaneColumnPx), std::max(100, height() - top - bottom));
}

void PresentationWindow::setCamera(const QPointF& center, qreal scale)
{
    m_cameraCenter = center;
    m_cameraScale = scale;
    m_view->setTransform(QTransform::fromScale(scale, scale));
    m_view->centerOn(center);
}

void PresentationWindow::frame(const QRectF& rect, bool alignLeftTop, bool animate)
{
    const QRect cr = contentRect();
    qreal s = std::min(cr.width() / rect.width(), cr.height() / rect.height());
    if (m_mode == ViewMode::WholeMap)
        s = std::min(s, 1.0);
    else
        s = std::clamp(s, kMinScale, kMaxScale);
    const qreal vw = cr.width() / s;
    const qreal vh = cr.height() / s;
    qreal cx = rect.center().x();
    qreal cy = rect.center().y();
    // Aligned: the rect's top left at the content's top left, whether it fits or not.
    if (alignLeftTop) {
        cx = rect.left() + vw / 2;
        cy = rect.top() + vh / 2;
    }
    const QPointF offset = QPointF(cr.center()) - QPointF(m_view->viewport()->rect().center());
    const QPointF target = QPointF(cx, cy) - offset / s;
    if (!animate || !m_animated || !isVisible()) {
        m_animation->stop();
        setCamera(target, s);
        return;
    }
    m_animation->stop();
    m_animation->disconnect(this);
    const QPointF fromC = m_cameraCenter;
    const qreal fromS = m_cameraScale;
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this, fromC, fromS, target, s](const QVariant& v) {
        const qreal t = v.toReal();
        setCamera(fromC + (target - fromC) * t, std::exp(std::log(fromS) + (std::log(s) - std::log(fromS)) * t));
    });
    m_animation->start();
}

void PresentationWindow::reframe(bool animate)
{
    const QRectF area = m_scene->drawingRect();
    switch (m_mode) {
    case ViewMode::WholeMap:
        frame(area.adjusted(-10, -40, 10, 10), true, animate);
        break;
    case ViewMode::Fitted:
        frame(QRectF(m_panX - 10, area.top() - 6, area.width() - m_panX + 20, area.height() + 12), true, animate);
        break;
    case ViewMode::Walk: {
        const Map* m = m_scene->map();
        const std::string& cur = m_walk.current();
        if (!m || cur.empty()) {
            frame(area, true, animate);
            break;
        }
        // The current step and its neighbours, as large as fits; when the neighbours are far
        // off, as much of them as fits with the current step in view.
        const QRectF curRect = m_scene->stepRect(cur).adjusted(-70, -80, 70, 60);
        QRectF all = curRect;
        for (const Flow* f : PresentWalk::outgoing(*m, cur))
            all = all.united(m_scene->stepRect(f->to).adjusted(-30, -60, 30, 40));
        for (const Flow* f : PresentWalk::incoming(*m, cur))
            all = all.united(m_scene->stepRect(f->from).adjusted(-30, -60, 30, 40));
        const QRect cr = contentRect();
        const qreal s =
            std::clamp(std::min(cr.width() / all.width(), cr.height() / all.height()), kMinScale, kMaxScale);
        const qreal vw = cr.width() / s;
        const qreal vh = cr.height() / s;
        QPointF c = all.center();
        if (all.width() > vw)
            c.setX(std::clamp(c.x(), curRect.right() - vw / 2, curRect.left() + vw / 2));
        if (all.height() > vh)
            c.setY(std::clamp(c.y(), curRect.bottom() - vh / 2, curRect.top() + vh / 2));
        // Never show more than a margin beyond the map's edges while there is map to show.
        const QRectF bounds = area.adjusted(-20, -20, 20, 20);
        c.setX(bounds.width() > vw ? std::clamp(c.x(), bounds.left() + vw / 2, bounds.right() - vw / 2)
                                   : bounds.center().x());
        c.setY(bounds.height() > vh ? std::clamp(c.y(), bounds.top() + vh / 2, bounds.bottom() - vh / 2)
                                    : bounds.center().y());
        frame(QRectF(c.x() - vw / 2, c.y() - vh / 2, vw, vh), false, animate);
        break;
    }
    }
}

// ----- commands -------------------------------------------------------------------------------

void PresentationWindow::showFitted()
{
    m_mode = ViewMode::Fitted;
    m_scene->setLabelsShown(true);
    updateCaption();
    updateOverlays();
    reframe(true);
}

void PresentationWindow::showWholeMap()
{
    m_mode = ViewMode::WholeMap;
    m_scene->setLabelsShown(false);
    updateCaption();
    updateOverlays();
    reframe(true);
}

void PresentationWindow::panBy(qreal screens)
{
    const QRect cr = contentRect();
    const qreal s = std::max(viewScale(), kMinScale);
    const qreal maxPan = std::max<qreal>(0, m_scene->drawingRect().width() - cr.width() / s + 20);
    if (m_mode != ViewMode::Fitted) {
        // Pan from what is on screen now.
        m_panX = std::clamp(m_view->mapToScene(cr.topLeft()).x(), 0.0, maxPan);
        m_mode = ViewMode::Fitted;
        m_scene->setLabelsShown(true);
        updateCaption();
    }
    m_panX = std::clamp(m_panX + screens * cr.width() / s, 0.0, maxPan);
    updateOverlays();
    reframe(true);
}

bool PresentationWindow::walkForward()
{
    const Map* m = m_scene->map();
    if (!m || !m_walk.next(*m))
        return false;
    afterWalk();
    return true;
}

bool PresentationWindow::walkBack()
{
    const Map* m = m_scene->map();
    if (!m || !m_walk.back(*m))
        return false;
    afterWalk();
    return true;
}

void PresentationWindow::chooseBranch(int delta)
{
    const Map* m = m_scene->map();
    if (!m || !m_walk.chooseBranch(*m, delta))
        return;
    afterWalk();
}

void PresentationWindow::afterWalk()
{
    const Map* m = m_scene->map();
    if (!m)
        return;
    const std::string& cur = m_walk.current();
    std::string chosen;
    const auto out = PresentWalk::outgoing(*m, cur);
    if (!out.empty())
        chosen = out[static_cast<std::size_t>(std::min<int>(m_walk.branch(), static_cast<int>(out.size()) - 1))]->id;
    m_scene->setWalk(cur, chosen);
    m_scene->setLabelsShown(true);
    if (m_scene->spotlight().kind == Spotlight::Kind::Step && !cur.empty())
        m_scene->setSpotlight({Spotlight::Kind::Step, cur});
    m_mode = cur.empty() ? ViewMode::Fitted : ViewMode::Walk;
    updateCaption();
    updateOverlays();
    reframe(true);
}

void PresentationWindow::spotlightLane(const std::string& laneId)
{
    m_scene->setSpotlight(laneId.empty() ? Spotlight{} : Spotlight{Spotlight::Kind::Lane, laneId});
    updateOverlays();
}

void PresentationWindow::spotlightPhase(const std::string& phaseId)
{
    m_scene->setSpotlight(phaseId.empty() ? Spotlight{} : Spotlight{Spotlight::Kind::Phase, phaseId});
    // Bring the phase into view when it is not.
    const QRectF r = m_scene->phaseRect(phaseId);
    if (!r.isEmpty() && m_mode != ViewMode::WholeMap) {
        const QRect cr = contentRect();
        const QRectF shown(m_view->mapToScene(cr.topLeft()), m_view->mapToScene(cr.bottomRight()));
        if (r.left() < shown.left() - 1 || r.right() > shown.right() + 1) {
            m_mode = ViewMode::Fitted;
            m_panX = std::max<qreal>(0, r.left());
            const qreal s = std::max(viewScale(), kMinScale);
            m_panX =
                std::clamp<qreal>(m_panX, 0, std::max<qreal>(0, m_scene->drawingRect().width() - cr.width() / s + 20));
            reframe(true);
        }
    }
    updateOverlays();
}

void PresentationWindow::spotlightStep(const std::string& stepId)
{
    const Map* m = m_scene->map();
    if (!m)
        return;
    if (!stepId.empty() && stepId != m_walk.current())
        m_walk.setCurrent(*m, stepId);
    if (m_walk.current().empty() && !m_walk.next(*m))
        return;
    m_scene->setSpotlight({Spotlight::Kind::Step, m_walk.current()});
    afterWalk();
}

void PresentationWindow::clearSpotlight()
{
    m_scene->setSpotlight({});
    updateOverlays();
}

void PresentationWindow::cycleLane(int delta)
{
    const Map* m = m_scene->map();
    if (!m || m->lanes.empty())
        return;
    const int n = static_cast<int>(m->lanes.size());
    int i = delta > 0 ? 0 : n - 1;
    if (m_scene->spotlight().kind == Spotlight::Kind::Lane)
        if (auto idx = m->laneIndex(m_scene->spotlight().id))
            i = ((static_cast<int>(*idx) + delta) % n + n) % n;
    spotlightLane(m->lanes[static_cast<std::size_t>(i)].id);
}

void PresentationWindow::cyclePhase(int delta)
{
    const Map* m = m_scene->map();
    if (!m || m->phases.empty())
        return;
    const int n = static_cast<int>(m->phases.size());
    int i = delta > 0 ? 0 : n - 1;
    if (m_scene->spotlight().kind == Spotlight::Kind::Phase)
        if (auto idx = m->phaseIndex(m_scene->spotlight().id))
            i = ((static_cast<int>(*idx) + delta) % n + n) % n;
    spotlightPhase(m->phases[static_cast<std::size_t>(i)].id);
}

void PresentationWindow::toggleKind(AnnotationKind kind)
{
    QSet<AnnotationKind> hidden = m_scene->hiddenKinds();
    if (hidden.contains(kind))
        hidden.remove(kind);
    else
        hidden.insert(kind);
    m_scene->setHiddenKinds(hidden);
    updateCaption();
    updateOverlays();
}

void PresentationWindow::showOnly(AnnotationKind kind)
{
    QSet<AnnotationKind> hidden;
    for (AnnotationKind k : kAllAnnotationKinds)
        if (k != kind)
            hidden.insert(k);
    m_scene->setHiddenKinds(hidden);
    updateCaption();
    updateOverlays();
}

void PresentationWindow::showAllKinds()
{
    m_scene->setHiddenKinds({});
    updateCaption();
    updateOverlays();
}

void PresentationWindow::clicked(const QPoint& pos)
{
    const Map* m = m_scene->map();
    if (!m || pos.y() < kTopBarPx || inputOpen())
        return;
    const QPointF scenePos = m_view->mapToScene(pos);
    if (pos.y() < kTopBarPx + kPhaseRowPx) {
        if (pos.x() > kLaneColumnPx)
            spotlightPhase(m_scene->phaseAt(scenePos.x()));
        return;
    }
    if (pos.x() < kLaneColumnPx) {
        spotlightLane(m_scene->laneAt(scenePos.y()));
        return;
    }
    if (const std::string step = m_scene->stepAt(scenePos); !step.empty()) {
        spotlightStep(step);
        return;
    }
    const std::string lane = m_scene->laneAt(scenePos.y());
    if (!lane.empty() && scenePos.x() >= 0 && scenePos.x() <= m_scene->drawingRect().right())
        spotlightLane(lane);
}

void PresentationWindow::play(int walk, const QString& laneName, const QString& keys)
{
    for (int k = 0; k < walk; ++k)
        walkForward();
    if (const Map* m = m_scene->map(); m && !laneName.isEmpty())
        for (const Lane& lane : m->lanes)
            if (QString::fromStdString(lane.name).compare(laneName, Qt::CaseInsensitive) == 0)
                spotlightLane(lane.id);
    for (const QString& key : keys.split(' ', Qt::SkipEmptyParts)) {
        QWidget* target = inputOpen() ? static_cast<QWidget*>(m_input) : this;
        const bool typed = key.startsWith('\'');
        const QKeyCombination combo = typed ? QKeyCombination(Qt::Key_unknown) : QKeySequence(key)[0];
        const QString text = typed ? key.mid(1).replace('_', ' ') : (combo.key() < 0x80 ? key.right(1) : QString());
        QKeyEvent press(QEvent::KeyPress, combo.key(), combo.keyboardModifiers(), text);
        QApplication::sendEvent(target, &press);
    }
}

// ----- keys -------------------------------------------------------------------------------------

void PresentationWindow::keyPressEvent(QKeyEvent* event)
{
    if (inputOpen()) {
        // Keys the input does not take (Up, Down, Tab) must not walk the map behind it.
        event->accept();
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_help->isVisible())
            m_help->hide();
        else
            close();
        return;
    case Qt::Key_Right:
        walkForward();
        return;
    case Qt::Key_Left:
        walkBack();
        return;
    case Qt::Key_Up:
        chooseBranch(-1);
        return;
    case Qt::Key_Down:
        chooseBranch(1);
        return;
    case Qt::Key_S:
    case Qt::Key_Space:
        spotlightStep({});
        return;
    case Qt::Key_L:
        cycleLane(shift ? -1 : 1);
        return;
    case Qt::Key_P:
        cyclePhase(shift ? -1 : 1);
        return;
    case Qt::Key_0:
        clearSpotlight();
        return;
    case Qt::Key_1:
    case Qt::Key_2:
    case Qt::Key_3:
    case Qt::Key_4:
    case Qt::Key_5:
    case Qt::Key_6:
        toggleKind(kAllAnnotationKinds[event->key() - Qt::Key_1]);
        return;
    case Qt::Key_B:
        showOnly(AnnotationKind::BlackBox);
        return;
    case Qt::Key_H:
        showOnly(AnnotationKind::Harm);
        return;
    case Qt::Key_V:
        showOnly(AnnotationKind::Variation);
        return;
    case Qt::Key_A:
        showAllKinds();
        return;
    case Qt::Key_F:
        if (m_mode == ViewMode::WholeMap)
            showFitted();
        else
            showWholeMap();
        return;
    case Qt::Key_Home:
        m_walk.clear();
        m_scene->setWalk({}, {});
        if (m_scene->spotlight().kind == Spotlight::Kind::Step)
            m_scene->setSpotlight({});
        m_panX = 0;
        updateCaption();
        showFitted();
        return;
    case Qt::Key_PageDown:
        panBy(0.8);
        return;
    case Qt::Key_PageUp:
        panBy(-0.8);
        return;
    case Qt::Key_T:
        toggleTimer();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        addTimerMinutes(5);
        return;
    case Qt::Key_Q:
        openParkingLotInput();
        return;
    case Qt::Key_N:
        openNoteInput();
        return;
    case Qt::Key_D:
        vote(shift ? -1 : 1);
        return;
    case Qt::Key_Question:
    case Qt::Key_Slash:
        m_help->setVisible(!m_help->isVisible());
        layoutOverlays();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

bool PresentationWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        closeInput();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PresentationWindow::openInput(const QString& prompt, int purpose)
{
    m_inputPurpose = purpose;
    m_inputPrompt->setText(prompt);
    m_input->clear();
    m_inputBox->show();
    layoutOverlays();
    m_input->setFocus();
}

void PresentationWindow::closeInput()
{
    m_inputBox->hide();
    m_inputPurpose = 0;
    setFocus();
}

void PresentationWindow::storeInput()
{
    const int purpose = m_inputPurpose;
    const std::string text = m_input->text().trimmed().toStdString();
    const std::string step = m_walk.current();
    closeInput();
    if (!m_document || text.empty())
        return;
    if (purpose == 1) {
        ParkingItem item;
        item.id = newId("k-");
        item.text = text;
        item.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
        m_document->push(Edit{AddParkingItem{item, {}}}, tr("Park a Question"));
    } else if (purpose == 2 && m_document->map().step(step)) {
        StickyNote note;
        note.id = newId("n-");
        note.step = step;
        note.text = text;
        m_document->push(Edit{AddStickyNote{note, {}}}, tr("Add Sticky Note"));
    }
}

void PresentationWindow::openParkingLotInput()
{
    if (m_document && !m_document->readOnly())
        openInput(tr("Park a question (Enter keeps it, Esc cancels)"), 1);
}

void PresentationWindow::openNoteInput()
{
    const Map* m = m_scene->map();
    const Step* step = m ? m->step(m_walk.current()) : nullptr;
    if (!step || m_document->readOnly())
        return;
    openInput(tr("Note on \u201C%1\u201D (Enter sticks it, Esc cancels)").arg(QString::fromStdString(step->label)), 2);
}

void PresentationWindow::vote(int delta)
{
    const Map* m = m_scene->map();
    if (!m || !m->step(m_walk.current()) || m_document->readOnly())
        return;
    const int now = m->votesOn(m_walk.current());
    const int next = std::clamp(now + delta, 0, kMaxVotesPerStep);
    if (next != now)
        m_document->push(Edit{SetVotes{m_walk.current(), next}}, delta > 0 ? tr("Add Vote") : tr("Remove Vote"));
}

int PresentationWindow::timerRemaining() const
{
    if (!m_session.running)
        return m_session.remainingSeconds;
    return std::max(0, m_session.remainingSeconds - static_cast<int>(m_sessionRun.elapsed() / 1000));
}

bool PresentationWindow::timerRunning() const
{
    return m_session.running;
}

void PresentationWindow::toggleTimer()
{
    if (!m_document || m_document->readOnly())
        return;
    SessionTimer next = m_session;
    next.remainingSeconds = timerRemaining();
    next.running = !m_session.running;
    if (next.running && next.remainingSeconds <= 0)
        return; // nothing left to count down: + adds minutes first
    // Starting and pausing is not a change of the map a team would undo: it is stored at
    // once (so the countdown survives a crash) but stays off the undo stack.
    m_document->storeSessionTimer(next);
}

void PresentationWindow::addTimerMinutes(int minutes)
{
    if (!m_document || m_document->readOnly())
        return;
    SessionTimer next = m_session;
    next.remainingSeconds = std::min(kMaxSessionSeconds, timerRemaining() + minutes * 60);
    next.durationSeconds =
        std::min(kMaxSessionSeconds, std::max(next.durationSeconds + minutes * 60, next.remainingSeconds));
    m_document->push(Edit{SetSessionTimer{next}}, tr("Add %n Minutes to the Timer", nullptr, minutes));
}

// ----- captions ---------------------------------------------------------------------------------

void PresentationWindow::updateCaption()
{
    const Map* m = m_scene->map();
    const Step* step = m ? m->step(m_walk.current()) : nullptr;
    using Row = PresentCaption::Row;
    if (!step && m && m_mode == ViewMode::WholeMap) {
        // The whole map: its labels give way, so the caption says what the marks on it are.
        std::vector<Row> rows;
        rows.push_back({Row::Type::Head,
                        tr("Marks on this map"),
                        tr("Right starts the walk, F returns to the readable view"),
                        {},
                        false});
        for (AnnotationKind kind : kAllAnnotationKinds) {
            if (m_scene->hiddenKinds().contains(kind))
                continue;
            const auto count = std::count_if(m->annotations.begin(), m->annotations.end(),
                                             [kind](const Annotation& a) { return a.kind == kind; });
            if (count == 0)
                continue;
            Annotation legend;
            legend.kind = kind;
            rows.push_back(
                {Row::Type::Mark, QStringLiteral("%1  %2").arg(count).arg(kindWords(kind)), {}, legend, false});
        }
        m_caption->setRows(std::move(rows));
        m_caption->show();
        layoutOverlays();
        return;
    }
    if (!step) {
        const bool was = m_caption->isVisible();
        m_caption->hide();
        if (was)
            layoutOverlays();
        return;
    }
    std::vector<Row> rows;
    QStringList where{stepKindWords(step->kind)};
    if (const Lane* lane = m->lane(step->lane))
        where << QString::fromStdString(lane->name);
    if (const Phase* phase = m->phase(step->phase))
        where << QString::fromStdString(phase->name);
    rows.push_back(
        {Row::Type::Head, QString::fromStdString(step->label), where.join(QStringLiteral("  ·  ")), {}, false});
    const auto numbers = annotationNumbers(*m);
    int hidden = 0;
    int shown = 0;
    for (const Annotation& a : m->annotations) {
        if (a.target != step->id)
            continue;
        if (m_scene->hiddenKinds().contains(a.kind)) {
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
    for (const StickyNote* note : m->notesOn(step->id))
        rows.push_back({Row::Type::Note, QString::fromStdString(note->text), {}, {}, false});
    if (const int votes = m->votesOn(step->id); votes > 0)
        rows.push_back({Row::Type::Info,
                        votes == 1 ? tr("1 dot vote on this step") : tr("%1 dot votes on this step").arg(votes),
                        {},
                        {},
                        false});
    const auto out = PresentWalk::outgoing(*m, step->id);
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
            const Step* to = m->step(out[i]->to);
            QString text = out[i]->label.empty()
                               ? QString()
                               : QStringLiteral("\"%1\"  ").arg(QString::fromStdString(out[i]->label));
            text += QStringLiteral("\u2192 ") + (to ? QString::fromStdString(to->label) : QString());
            rows.push_back(
                {Row::Type::Branch, text, QString::number(i + 1), {}, static_cast<int>(i) == m_walk.branch()});
        }
    }
    m_caption->setRows(std::move(rows));
    m_caption->show();
    layoutOverlays();
}

void PresentationWindow::updateOverlays()
{
    const Map* m = m_scene->map();
    if (m) {
        m_topBar->title = QString::fromStdString(m->props.title);
        m_topBar->district = QString::fromStdString(m->props.district);
    }
    QStringList status;
    const Spotlight& spot = m_scene->spotlight();
    if (m && spot.kind == Spotlight::Kind::Lane)
        if (const Lane* l = m->lane(spot.id))
            status << tr("Spotlight: %1").arg(QString::fromStdString(l->name));
    if (m && spot.kind == Spotlight::Kind::Phase)
        if (const Phase* p = m->phase(spot.id))
            status << tr("Spotlight: %1").arg(QString::fromStdString(p->name));
    if (m && spot.kind == Spotlight::Kind::Step)
        status << tr("Spotlight: step");
    const QSet<AnnotationKind> hidden = m_scene->hiddenKinds();
    if (hidden.size() == 5) {
        for (AnnotationKind k : kAllAnnotationKinds)
            if (!hidden.contains(k))
                status << tr("Only: %1").arg(kindWords(k));
    } else if (hidden.size() == 6) {
        status << tr("No marks");
    } else if (!hidden.isEmpty()) {
        QStringList names;
        for (AnnotationKind k : kAllAnnotationKinds)
            if (hidden.contains(k))
                names << kindWords(k);
        status << tr("Hidden: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (m_mode == ViewMode::WholeMap)
        status << tr("Whole map");
    m_topBar->status = status.join(QStringLiteral("  ·  "));
    if (m_session.durationSeconds > 0 || m_session.remainingSeconds > 0) {
        const int left = timerRemaining();
        m_topBar->timer = tr("%1 %2:%3")
                              .arg(m_session.running ? tr("Timer") : tr("Paused"))
                              .arg(left / 60)
                              .arg(left % 60, 2, 10, QLatin1Char('0'));
    } else {
        m_topBar->timer.clear();
    }
    m_topBar->timerRunning = m_session.running;
    m_topBar->timerUp = m_topBar->timer.size() > 0 && timerRemaining() == 0;
    m_topBar->update();
}

} // namespace crosswalk
