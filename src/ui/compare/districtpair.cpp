#include "ui/compare/districtpair.h"

#include "ui/compare/comparesession.h"
#include "ui/compare/comparestyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace crosswalk {

void addDistrictPair(QHBoxLayout* row, QComboBox* a, QComboBox* b, const CompareSession& session, const QString& before,
                     const QString& between, std::function<std::pair<std::size_t, std::size_t>()> shown,
                     std::function<void(std::size_t, std::size_t)> show)
{
    namespace cs = comparestyle;
    for (std::size_t i = 0; i < session.mapCount(); ++i) {
        const auto at = static_cast<qsizetype>(i);
        const QIcon icon = cs::districtIcon(session.colorSlot(i), session.districtInitials()[at]);
        a->addItem(icon, session.districtNames()[at]);
        b->addItem(icon, session.districtNames()[at]);
    }
    a->setIconSize(QSize(84, 28));
    b->setIconSize(QSize(84, 28));
    b->setCurrentIndex(1);
    row->addWidget(new QLabel(before));
    row->addWidget(a);
    row->addWidget(new QLabel(between));
    row->addWidget(b);
    const auto picked = [a, b, shown, show](QComboBox* changed) {
        int ia = a->currentIndex();
        int ib = b->currentIndex();
        if (ia == ib) {
            // The same district twice: the other box takes the district this one showed.
            QComboBox* other = changed == a ? b : a;
            const auto [shownA, shownB] = shown();
            const int previous = static_cast<int>(changed == a ? shownA : shownB);
            const int keep = static_cast<int>(changed == a ? shownB : shownA);
            const int replacement = previous != ia ? previous : keep;
            QSignalBlocker block(other);
            other->setCurrentIndex(replacement);
            (changed == a ? ib : ia) = replacement;
        }
        show(static_cast<std::size_t>(ia), static_cast<std::size_t>(ib));
    };
    QObject::connect(a, &QComboBox::currentIndexChanged, a, [a, picked] { picked(a); });
    QObject::connect(b, &QComboBox::currentIndexChanged, b, [b, picked] { picked(b); });
}

} // namespace crosswalk
