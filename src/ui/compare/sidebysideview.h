#pragma once

#include <QRectF>
#include <QWidget>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

class QComboBox;
class QGraphicsPathItem;
class QGraphicsScene;
class QLabel;
class QMenu;
class QPushButton;

namespace crosswalk {

class CompareGraphicsView;
class CompareSession;
class CompareStepItem;

/// Two districts' maps, one above the other or left and right, on the lane rows of their
/// crosswalk, with a line joining each pair of matched steps. Selecting a step selects its
/// partner; the team confirms or rejects a match, or selects one step in each map and
/// presses Match. Each decision is stored in the workspace and the comparison recomputed.
class SideBySideView final : public QWidget {
    Q_OBJECT

public:
    enum class Side { A, B };

    explicit SideBySideView(CompareSession& session, QWidget* parent = nullptr);

    /// Shows maps i and j (any order; the earlier map in the comparison is drawn as A).
    void showPair(std::size_t i, std::size_t j);
    std::size_t mapA() const { return m_a; }
    std::size_t mapB() const { return m_b; }
    void setLeftRight(bool leftRight);
    bool leftRight() const { return m_leftRight; }

    /// Selects a step as a click does: its partner, if it has one, is selected with it; with
    /// alone = true (Ctrl+click) only this side's selection changes.
    void selectStep(Side side, const std::string& stepId, bool alone = false);
    /// Selects these steps (either may be empty) and brings them into view.
    void selectAndCentre(const std::string& a, const std::string& b);
    void clearSelection();
    const std::string& selectedA() const { return m_selA; }
    const std::string& selectedB() const { return m_selB; }

    int matchLineCount() const { return static_cast<int>(m_lines.size()); }
    /// Match lines lie above every step (on a white halo), so none runs hidden behind an
    /// unrelated step; a selected step comes above them.
    static constexpr double kLineZ = 30;
    std::vector<QGraphicsPathItem*> matchLines() const
    {
        std::vector<QGraphicsPathItem*> out;
        for (const Line& line : m_lines)
            out.push_back(line.item);
        return out;
    }
    int stepItemCount() const { return static_cast<int>(m_itemsA.size() + m_itemsB.size()); }
    CompareStepItem* stepItem(Side side, const std::string& stepId) const;
    CompareGraphicsView* view() const { return m_view; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* rejectButton() const { return m_reject; }
    QPushButton* matchButton() const { return m_match; }
    QPushButton* clearButton() const { return m_clear; }
    QComboBox* mapACombo() const { return m_comboA; }
    QComboBox* mapBCombo() const { return m_comboB; }
    QLabel* detailsLabel() const { return m_details; }

    /// Rebuilds the picture from the session's current result, keeping the selection.
    void rebuild();

    /// The lane heading of this side's lane at a scene point, if there is one there.
    std::string laneHeadingAt(Side side, const QPointF& scenePos) const;
    /// The context menu of a lane heading: confirm or reject its pairing, pair it with a lane
    /// of the other district, clear the decision, or open the lane pairings. The caller owns it.
    QMenu* laneMenu(Side side, const std::string& laneId, QWidget* parent = nullptr);

signals:
    /// The user asked for the lane pairings of the two districts shown.
    void showLanePairings();

    /// A decision could not be stored (a read-only workspace, a disk error): the message says why.
    void failed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Heading {
        QRectF rect;
        Side side;
        std::string lane;
    };
    struct Line {
        std::string a;
        std::string b;
        QGraphicsPathItem* item;
    };

    void decide(int what);
    void refreshSelection();
    void onClicked(CompareStepItem* item);

    CompareSession& m_session;
    std::size_t m_a = 0;
    std::size_t m_b = 1;
    bool m_leftRight = false;
    std::string m_selA;
    std::string m_selB;

    QComboBox* m_comboA = nullptr;
    QComboBox* m_comboB = nullptr;
    QPushButton* m_orientation = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_match = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_details = nullptr;
    CompareGraphicsView* m_view = nullptr;
    QGraphicsScene* m_scene = nullptr;
    std::unordered_map<std::string, CompareStepItem*> m_itemsA;
    std::unordered_map<std::string, CompareStepItem*> m_itemsB;
    std::vector<Line> m_lines;
    std::vector<Heading> m_headings;
    bool m_fitted = false;
};

} // namespace crosswalk
