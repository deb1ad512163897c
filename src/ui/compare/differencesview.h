#pragma once

#include <QString>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace crosswalk {

class CompareSession;

/// For each pair of districts: the steps only one of them has, the black boxes, harm points
/// and variations one marks and the other does not across a confirmed or sure match (with
/// which it is), and those on steps with no counterpart. Differences across unsure matches are
/// not stated: those matches are listed to check. Each item leads to its steps side by side.
class DifferencesView final : public QWidget {
    Q_OBJECT

public:
    // Item data roles: map indices and step ids of a difference.
    enum Role { MapARole = Qt::UserRole + 1, MapBRole, StepARole, StepBRole, KindRole, BasisRole, OnARole, CheckRole };

    explicit DifferencesView(CompareSession& session, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    void rebuild();

    /// The number of difference items of maps i < j: only-in-A, only-in-B and the shown mark findings.
    int itemCount(std::size_t i, std::size_t j) const;

signals:
    /// Show these steps of maps a < b (either step id may be empty) in the side-by-side view.
    void showSteps(int mapA, int mapB, const QString& stepA, const QString& stepB);

private:
    void activate(QTreeWidgetItem* item);

    CompareSession& m_session;
    QTreeWidget* m_tree = nullptr;
};

} // namespace crosswalk
