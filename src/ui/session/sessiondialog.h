#pragma once

#include "crosswalk/facilitation/session.h"

#include <QDialog>

#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace crosswalk {

class MapStore;

/// Creates or edits a session: its title and date, the agenda (maps and comparisons, in
/// order, each with a planned length) and how dot voting runs. OK is refused, with the
/// problems listed, while the session is not valid.
class SessionDialog final : public QDialog {
    Q_OBJECT
public:
    SessionDialog(const MapStore& store, Session session, QWidget* parent = nullptr);

    /// The session as edited.
    Session session() const;

    // For the buttons, and for tests.
    void addMapItem(const std::string& mapId);
    void addComparisonItem(const std::vector<std::string>& mapIds);
    void moveItem(int row, int delta);
    void removeItem(int row);
    void setMinutes(int row, int minutes);

    QLineEdit* titleEdit() const { return m_title; }
    QDateEdit* dateEdit() const { return m_date; }
    QTableWidget* agendaTable() const { return m_agenda; }
    QSpinBox* votesPerParticipant() const { return m_votes; }
    QCheckBox* revealed() const { return m_revealed; }
    QCheckBox* anonymous() const { return m_anonymous; }
    /// The problems OK found, "" when none.
    QString problemText() const;

    void accept() override;

private:
    void rebuildAgenda();
    QString itemName(const AgendaItem& item) const;

    const MapStore& m_store;
    Session m_session;
    QLineEdit* m_title = nullptr;
    QDateEdit* m_date = nullptr;
    QTableWidget* m_agenda = nullptr;
    QComboBox* m_mapPicker = nullptr;
    QSpinBox* m_votes = nullptr;
    QCheckBox* m_revealed = nullptr;
    QCheckBox* m_anonymous = nullptr;
    QLabel* m_problems = nullptr;
};

} // namespace crosswalk
