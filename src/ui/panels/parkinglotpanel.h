#pragma once

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;

namespace crosswalk {

class MapDocument;
struct ChangeSet;

/// The facilitation panel of the open map: the parking lot of side questions (park one, edit
/// it in place, tick it done, delete it), the session length, and the dot-vote tally with its
/// reset. Every change is one undoable edit through the document, stored at once.
class ParkingLotPanel final : public QWidget {
    Q_OBJECT
  public:
    explicit ParkingLotPanel(QWidget* parent = nullptr);

    void setDocument(MapDocument* document);

    /// The parked items' ids, in map order (as listed).
    QStringList itemIds() const;
    /// The listed texts, in order.
    QStringList itemTexts() const;

    QLineEdit* questionEdit() const { return m_question; }
    QPushButton* parkButton() const { return m_park; }
    QListWidget* list() const { return m_list; }
    QPushButton* deleteButton() const { return m_delete; }
    QSpinBox* sessionMinutes() const { return m_minutes; }
    QLabel* voteSummary() const { return m_votes; }
    QPushButton* resetVotesButton() const { return m_resetVotes; }

  public slots:
    /// Parks a question (trimmed; nothing for an empty text); returns its id, empty on failure.
    QString parkQuestion(const QString& text);
    void setDone(const QString& itemId, bool done);
    /// A new text; an empty one deletes the item.
    void setText(const QString& itemId, const QString& text);
    void deleteItem(const QString& itemId);
    /// Sets the session length; 0 removes the timer.
    void setSessionMinutes(int minutes);
    void resetVotes();
    /// Puts the cursor in the "park a question" field, ready for typing.
    void focusQuestion();

  private:
    void refresh();
    void refreshItems();
    void refreshSession();
    void onChanged(const ChangeSet& changes);
    void onItemChanged(QListWidgetItem* item);
    void updateButtons();
    bool editable() const;

    QPointer<MapDocument> m_document;
    QMetaObject::Connection m_changed;
    bool m_filling = false; // the list is being refilled from the model: its signals are not edits

    QSpinBox* m_minutes = nullptr;
    QLabel* m_votes = nullptr;
    QPushButton* m_resetVotes = nullptr;
    QLineEdit* m_question = nullptr;
    QPushButton* m_park = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_delete = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace crosswalk
