#pragma once

#include <QString>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace crosswalk {

class CompareSession;

/// For each pair of districts: the steps only one of them has, and the matched steps where
/// one marks a black box, harm point or variation and the other does not. Each item leads to
/// its steps in the side-by-side view.
class DifferencesView final : public QWidget {
    Q_OBJECT

public:
    // Item data roles: map indices and step ids of a difference.
    enum Role { MapARole = Qt::UserRole + 1, MapBRole, StepARole, StepBRole };

    explicit DifferencesView(CompareSession& session, QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    void rebuild();

    /// The number of difference items of maps i < j: only-in-A, only-in-B, annotation differences.
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
