#pragma once

#include "crosswalk/facilitation/presentwalk.h"
#include "crosswalk/facilitation/sessionclock.h"
#include "ui/present/presentscene.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <optional>
#include <string>

class QGraphicsView;
class QLabel;
class QLineEdit;
class QTimer;

class QScreen;

namespace crosswalk {

class MapDocument;
class PresentView;
class PresentTopBar;
class PresentCaption;

/// Presentation mode (F5): one map, full screen or in a window, for a screen-share. No
/// editing handles, panels or toolbars; large type; spotlight; a walk along the flows with the
/// current step's annotations in a large caption; annotation kinds shown or hidden by key.
/// It reads the editor's MapDocument and draws its own scene, so the editor underneath keeps
/// its zoom, scroll and selection; Esc closes the window.
class PresentationWindow final : public QWidget {
    Q_OBJECT
  public:
    enum class ViewMode { Fitted, WholeMap, Walk };

    explicit PresentationWindow(MapDocument* document, QWidget* parent = nullptr);
    ~PresentationWindow() override;

    /// Full screen on the screen of `near` (the main window), or a window of its own.
    /// Shows the presentation on `screen`, else on the screen `near` is on.
    void present(QWidget* near, bool fullScreen, QScreen* screen = nullptr);
    /// The size presentation mode is drawn for, and a window of its own has.
    static constexpr QSize kPresentSize{1920, 1080};
    /// Whether present() fills the screen: when asked to, or when a screen of this available
    /// size has no room for a kPresentSize window (a 1920x1080 screen).
    static bool fillsScreen(bool fullScreen, const QSize& available);

    PresentScene* scene() const { return m_scene; }
    QGraphicsView* view() const;
    ViewMode viewMode() const { return m_mode; }
    const PresentWalk& walk() const { return m_walk; }
    /// The step the walk is on, or "".
    const std::string& currentStep() const { return m_walk.current(); }
    QSet<AnnotationKind> hiddenKinds() const { return m_scene->hiddenKinds(); }
    /// The text of the top caption (title, district, status, timer, clock).
    QString topCaptionText() const;
    /// The big caption at the bottom while walking: plain text of its rows, "" when hidden.
    QString captionText() const;
    bool captionVisible() const;
    bool helpVisible() const;
    /// The parking-lot / note input, when open.
    QLineEdit* input() const { return m_input; }
    bool inputOpen() const;

    /// Animations off: the view jumps (tests, screenshots).
    void setAnimated(bool animated);
    /// The view's scale now (map unit -> screen pixel).
    qreal viewScale() const;
    /// The scene rectangle the view now shows (under the headers too).
    QRectF visibleSceneRect() const;
    /// Where the map is shown, in window pixels: below the top bar and phase names, right of
    /// the lane names, above the caption when there is one.
    QRect mapArea() const { return contentRect(); }
    /// The scene rectangle shown in mapArea() (nothing over it).
    QRectF mapAreaSceneRect() const;

    // Commands the keys call, public for the app's screenshot options.
    void showFitted();
    void showWholeMap();
    bool walkForward();
    bool walkBack();
    void chooseBranch(int delta);
    void spotlightLane(const std::string& laneId);
    void spotlightPhase(const std::string& phaseId);
    void spotlightStep(const std::string& stepId);
    void clearSpotlight();
    void toggleKind(AnnotationKind kind);
    void showOnly(AnnotationKind kind);
    void showAllKinds();
    // Facilitation, stored with the map through the document (undoable, saved at once).
    /// T: starts or pauses the session countdown; with no length set (or no time left), asks
    /// for the length first (kDefaultSessionMinutes offered) and starts it on Enter.
    void toggleTimer();
    /// +: adds minutes to the countdown (and to the session's length).
    void addTimerMinutes(int minutes);
    /// Shift+T: back to the whole session length, paused.
    void resetTimer();
    /// The countdown's time left now, in seconds, from the stored deadline (or time left).
    int timerRemaining() const;
    bool timerRunning() const;
    /// Whether the input asking for the session length is open (T without a length).
    bool timerLengthInputOpen() const;
    /// The wall clock the timer reads (UTC ms since 1970); tests set their own.
    void setWallClock(WallClock clock);
    /// Q: opens the input that parks a question; N: a sticky note on the current step.
    void openParkingLotInput();
    void openNoteInput();
    /// D / Shift+D: one dot vote more or less on the current step.
    void vote(int delta);

    /// For scripts (the app's --present options): walks `walk` steps from the start,
    /// spotlights the lane of this name, then presses the keys named in `keys` ("Right",
    /// "Shift+D", "?"), typing a word written 'like_this (underscores as spaces) into an
    /// open input.
    void play(int walk, const QString& laneName, const QString& keys);

    // Session (issue 17): while a session runs, Q, N and D go to the session's parking lot,
    // notes and votes instead of the map's; each hook returns whether it took the input.
    struct SessionHooks {
        std::function<bool(const QString& text)> park;
        std::function<bool(const std::string& mapId, const std::string& stepId, const QString& text)> note;
        std::function<bool(const std::string& mapId, const std::string& stepId, int delta)> vote;
        // The session's one timer while it runs (empty: the map's own timer is shown), and
        // how a timer the keys worked out (T, +, Shift+T, the length asked for) is stored.
        std::function<std::optional<SessionTimer>()> timer;
        std::function<bool(const SessionTimer& timer)> setTimer;
        // The length T offers when the session's timer has none (its planned minutes).
        std::function<int()> plannedMinutes;
        // The running session's sticky notes, each author as shown (empty: no session runs).
        std::function<std::vector<SessionNote>()> notes;
    };
    void setSessionHooks(SessionHooks hooks);
    /// Whether the top bar shows (and T, + and Shift+T change) a running session's timer.
    bool showsSessionTimer() const;

  signals:
    /// After the window closed (Esc); the editor is shown again.
    void finished();
    /// Ctrl+PageDown (1) / Ctrl+PageUp (-1): the session's next or previous agenda item.
    void agendaStep(int delta);
    /// Ctrl+Home: back to the item the facilitator shows (a participant who browsed).
    void agendaFollow();

  protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void clicked(const QPoint& viewportPos);
    void cycleLane(int delta);
    void cyclePhase(int delta);
    void panBy(qreal screens);
    void afterWalk();
    void updateOverlays();
    void updateCaption();
    void layoutOverlays();
    QRect contentRect() const;
    /// Moves the view so that `rect` fills the content area (clamped to the legible scales);
    /// alignLeftTop keeps the rect's top-left in view when it does not fit.
    void frame(const QRectF& rect, bool alignLeftTop, bool animate);
    void reframe(bool animate);
    void openInput(const QString& prompt, int purpose);
    void closeInput();
    void storeInput();
    void storeTimerLength();
    void fixOldRunningTimer();
    /// The timer shown: the running session's when there is one, else the map's.
    void syncTimer();
    std::optional<SessionTimer> sessionTimer() const;
    /// The session's notes from the hook into the scene (and the caption when they changed).
    void syncSessionNotes();
    /// Adds the session's notes on `step` (nullptr: on the whole map) to the caption's rows;
    /// `alone`: they are its only rows. False when there are none.
    bool captionSessionNotes(const Step* step, bool alone);
    /// Stores a started, paused or reset timer at once (off the undo stack).
    void storeTimer(const SessionTimer& timer);
    static constexpr int kTimerLengthInput = 3;

    QPointer<MapDocument> m_document;
    PresentScene* m_scene = nullptr;
    PresentView* m_view = nullptr;
    PresentTopBar* m_topBar = nullptr;
    PresentCaption* m_caption = nullptr;
    QLabel* m_help = nullptr;
    QWidget* m_inputBox = nullptr;
    QLabel* m_inputPrompt = nullptr;
    QLineEdit* m_input = nullptr;
    int m_inputPurpose = 0;
    QTimer* m_clock = nullptr;
    PresentWalk m_walk;
    ViewMode m_mode = ViewMode::Fitted;
    qreal m_panX = 0;           // left of the fitted view, in map units
    SessionClock m_session;        // the timer as last seen in the map
    WallClock m_now = systemNowMs; // what the timer reads the time from
    SessionHooks m_sessionHooks;
};

} // namespace crosswalk
