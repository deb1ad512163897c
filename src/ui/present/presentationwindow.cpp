#include "ui/present/presentationwindow.h"

#include "crosswalk/facilitation/votes.h"
#include "ui/document/mapdocument.h"
#include "ui/present/presentcaption.h"
#include "ui/present/presentstyle.h"
#include "ui/present/presenttopbar.h"
#include "ui/present/presentview.h"

#include <QApplication>
#include <QDateTime>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace crosswalk {

using namespace presentstyle;

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
    connect(m_view, &PresentView::clicked, this, &PresentationWindow::clicked);
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
                       "<tr><td><b>Shift+T</b></td><td>reset the timer to the session length</td></tr>"
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

    connect(m_scene, &PresentScene::synced, this, [this] {
        // The countdown is the map's stored deadline (or time left when paused).
        if (const Map* m = m_scene->map())
            m_session = SessionClock(m->session);
        updateCaption();
        updateOverlays();
    });
    if (document) {
        setWindowTitle(tr("Presenting: %1").arg(QString::fromStdString(document->map().props.title)));
        m_session = SessionClock(document->map().session);
        // A countdown left running by a Crosswalk from before deadlines runs on from now.
        QTimer::singleShot(0, this, [this] { fixOldRunningTimer(); });
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

void PresentationWindow::setAnimated(bool animated)
{
    m_view->setAnimated(animated);
}

void PresentationWindow::present(QWidget* near, bool fullScreen, QScreen* screen)
{
    if (!screen)
        screen = near && near->screen() ? near->screen() : QGuiApplication::primaryScreen();
    setScreen(screen);
    if (fillsScreen(fullScreen, screen->availableGeometry().size())) {
        setGeometry(screen->geometry());
        showFullScreen();
    } else {
        // A window of its own, for sharing one window rather than the screen.
        const QRect available = screen->availableGeometry();
        const QSize size = kPresentSize;
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
        show();
    }
    raise();
    activateWindow();
    setFocus();
    reframe(false);
}

bool PresentationWindow::fillsScreen(bool fullScreen, const QSize& available)
{
    // The presentation is drawn for 1920x1080. A window of its own is that size where the
    // screen has room for it with its frame; on a screen that has not (a 1080p screen), a
    // smaller window would cut the map down, so it fills the screen instead.
    return fullScreen || available.width() < kPresentSize.width() + 16 ||
           available.height() < kPresentSize.height() + 48;
}

void PresentationWindow::closeEvent(QCloseEvent* event)
{
    m_view->stopAnimation();
    emit finished();
    QWidget::closeEvent(event);
}

qreal PresentationWindow::viewScale() const
{
    return m_view->viewScale();
}

QRectF PresentationWindow::visibleSceneRect() const
{
    return m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
}

QRectF PresentationWindow::mapAreaSceneRect() const
{
    const QRect area = contentRect();
    const QPoint topLeft = m_view->mapFrom(this, area.topLeft());
    return m_view->mapToScene(QRect(topLeft, area.size())).boundingRect();
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
    // isHidden, not isVisible: the caption is laid out before the window is first shown too.
    if (!m_caption->isHidden()) {
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
        !m_caption->isHidden() ? m_caption->y() - m_inputBox->height() - 24 : kTopBarPx + kPhaseRowPx + 40;
    m_inputBox->move((width() - iw) / 2, std::max(kTopBarPx + 8, inputY));
    m_help->raise();
    m_inputBox->raise();
}

QRect PresentationWindow::contentRect() const
{
    const int top = kTopBarPx + kPhaseRowPx;
    const int bottom = !m_caption->isHidden() ? m_caption->height() : 0;
    return QRect(kLaneColumnPx, top, std::max(100, width() - kLaneColumnPx), std::max(100, height() - top - bottom));
}

void PresentationWindow::frame(const QRectF& rect, bool alignLeftTop, bool animate)
{
    m_view->frame(rect, contentRect(), alignLeftTop, m_mode == ViewMode::WholeMap, animate);
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
    // Session agenda (issue 17): Ctrl+PageDown / Ctrl+PageUp step through the agenda (PageDown
    // and PageUp alone pan), Ctrl+Home comes back to the facilitator's item.
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->key() == Qt::Key_PageDown || event->key() == Qt::Key_PageUp) {
            emit agendaStep(event->key() == Qt::Key_PageDown ? 1 : -1);
            return;
        }
        if (event->key() == Qt::Key_Home) {
            emit agendaFollow();
            return;
        }
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
        if (shift)
            resetTimer();
        else
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
    if (m_inputPurpose == kTimerLengthInput) {
        storeTimerLength();
        return;
    }
    const int purpose = m_inputPurpose;
    const std::string text = m_input->text().trimmed().toStdString();
    const std::string step = m_walk.current();
    closeInput();
    if (!m_document || text.empty())
        return;
    // A running session keeps its own parking lot and notes (issue 17).
    if (purpose == 1 && m_sessionHooks.park && m_sessionHooks.park(QString::fromStdString(text)))
        return;
    if (purpose == 2 && m_sessionHooks.note && m_document->map().step(step) &&
        m_sessionHooks.note(m_document->map().id, step, QString::fromStdString(text)))
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
    if (m_sessionHooks.vote && m_sessionHooks.vote(m->id, m_walk.current(), delta))
        return; // a running session's dot, within the participant's limit (issue 17)
    if (const std::optional<SetVotes> edit = voteEdit(*m, m_walk.current(), delta))
        m_document->push(Edit{*edit}, delta > 0 ? tr("Add Vote") : tr("Remove Vote"));
}

// ----- captions ---------------------------------------------------------------------------------

void PresentationWindow::updateCaption()
{
    const Map* m = m_scene->map();
    const Step* step = m ? m->step(m_walk.current()) : nullptr;
    if (!step && m && m_mode == ViewMode::WholeMap) {
        // The whole map: its labels give way, so the caption says what the marks on it are.
        m_caption->showLegend(*m, m_scene->hiddenKinds());
        captionSessionNotes(nullptr, false);
        m_caption->show();
        layoutOverlays();
        return;
    }
    if (!step && m && captionSessionNotes(nullptr, true)) {
        m_caption->show(); // the session's notes on the whole map, below it rather than over it
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
    m_caption->showStep(*m, *step, m_scene->hiddenKinds(), m_walk.branch());
    captionSessionNotes(step, false);
    m_caption->show();
    layoutOverlays();
}

void PresentationWindow::updateOverlays()
{
    syncTimer();
    syncSessionNotes();
    m_topBar->setState(m_scene->map(), m_scene->spotlight(), m_scene->hiddenKinds(), m_mode == ViewMode::WholeMap);
    m_topBar->setTimerAt(m_session, m_now(), showsSessionTimer());
}

} // namespace crosswalk
