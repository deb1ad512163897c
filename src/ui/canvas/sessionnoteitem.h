#pragma once

#include "crosswalk/facilitation/session.h"

#include <QGraphicsObject>
#include <QPointer>
#include <QString>

#include <string>
#include <unordered_map>
#include <vector>

namespace crosswalk {

class MapScene;
class StickyNoteItem;

/// A sticky note of a running session on the canvas: the map's sticky-note paper (a
/// StickyNoteItem inside), under a blue tab naming the session and the note's author and in a
/// dashed blue frame, so that it reads as the session's and not the map's. It takes no clicks:
/// the session's notes are edited in the Session panel, not on the map.
class SessionNoteItem final : public QGraphicsObject {
    Q_OBJECT
  public:
    enum { Type = UserType + 44 };
    static constexpr qreal kTab = 20; // least height of the author tab above the paper
    static constexpr int kTabPx = 12;

    explicit SessionNoteItem(QGraphicsItem* parent = nullptr);

    const SessionNote& note() const { return m_note; }
    /// The note and its author as shown (a participant's name, else their id).
    void setNote(const SessionNote& note, const QString& author);
    /// The author's tab text, "Session · Harbor City".
    QString tabText() const { return m_tab; }
    /// The whole note: tab and paper.
    qreal height() const;
    static qreal width();

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    SessionNote m_note;
    QString m_tab;
    qreal m_tabHeight = kTab; // the tab's text wraps (a long team name), never cut
    StickyNoteItem* m_paper = nullptr;
};

/// Puts a running session's sticky notes on a MapScene: a note on a step hangs below it after
/// the map's own notes (a child of the step: it moves with it); a note on the whole map goes
/// in a column right of the map, where it covers no step. Placed again after every sync of the
/// scene.
class SessionNoteLayer final : public QObject {
    Q_OBJECT
  public:
    explicit SessionNoteLayer(MapScene* scene);
    ~SessionNoteLayer() override;

    /// The session's notes (all maps; those on the scene's map are drawn) and who wrote them
    /// (participant id -> name). Empty: none drawn.
    void setNotes(const std::vector<SessionNote>& notes, const std::unordered_map<std::string, QString>& authors);
    SessionNoteItem* item(const std::string& noteId) const;
    std::size_t itemCount() const;

  private:
    void place();
    void clear();

    QPointer<MapScene> m_scene;
    std::vector<SessionNote> m_notes;
    std::unordered_map<std::string, QString> m_authors;
    std::unordered_map<std::string, QPointer<SessionNoteItem>> m_items;
};

} // namespace crosswalk
