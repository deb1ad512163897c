#pragma once

#include <QWidget>

#include <cstddef>
#include <string>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace crosswalk {

class CompareSession;

/// The lane crosswalk of two districts as a table the team can correct: each pairing the
/// comparison proposed or the team decided, with how alike the role names are and who
/// decided it, each lane left without a partner, and each pairing the team rejected. The
/// team confirms or rejects a pairing, pairs two lanes the comparison missed, or clears a
/// decision. Decisions are stored in the workspace at once and the comparison recomputed,
/// so the overlay, side by side, grid and differences follow (steps are matched through
/// the lane pairs).
class LanePairingView final : public QWidget {
    Q_OBJECT

public:
    /// What a row of the table shows.
    enum class RowKind { Pair, OnlyA, OnlyB, Rejected };
    /// Item data on every cell of a row: lane ids and the RowKind (as int).
    enum Role { LaneARole = Qt::UserRole + 1, LaneBRole, RowKindRole };

    explicit LanePairingView(CompareSession& session, QWidget* parent = nullptr);

    /// Shows the lanes of maps i and j (any order; the earlier map is A).
    void showPair(std::size_t i, std::size_t j);
    std::size_t mapA() const { return m_a; }
    std::size_t mapB() const { return m_b; }

    /// The table row showing lane a of A with lane b of B (either may be empty for a lane
    /// without partner), of the given kind; -1 when there is none.
    int rowOf(const std::string& a, const std::string& b, RowKind kind) const;
    /// Selects a row as a click does (and offers its lanes in the Pair boxes).
    void selectRow(int row);

    QTableWidget* table() const { return m_table; }
    QComboBox* mapACombo() const { return m_comboA; }
    QComboBox* mapBCombo() const { return m_comboB; }
    QComboBox* laneACombo() const { return m_laneA; }
    QComboBox* laneBCombo() const { return m_laneB; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* rejectButton() const { return m_reject; }
    QPushButton* clearButton() const { return m_clear; }
    QPushButton* pairButton() const { return m_pair; }
    QLabel* detailsLabel() const { return m_details; }

    /// Rebuilds the table from the session's current result, keeping the selected row.
    void rebuild();

signals:
    /// A decision could not be stored (a read-only workspace, a disk error): the message says why.
    void failed(const QString& message);

private:
    enum What { ConfirmIt, RejectIt, AddIt, ClearIt };
    void decide(What what);
    void refreshActions();
    void fillLaneCombos();

    CompareSession& m_session;
    std::size_t m_a = 0;
    std::size_t m_b = 1;
    std::string m_selA; // lanes of the selected row
    std::string m_selB;
    RowKind m_selKind = RowKind::Pair;
    bool m_hasSelection = false;

    QComboBox* m_comboA = nullptr;
    QComboBox* m_comboB = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_clear = nullptr;
    QComboBox* m_laneA = nullptr;
    QComboBox* m_laneB = nullptr;
    QPushButton* m_pair = nullptr;
    QLabel* m_details = nullptr;
};

} // namespace crosswalk
