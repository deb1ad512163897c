#pragma once

#include <QString>

#include <cstddef>
#include <functional>
#include <utility>

class QComboBox;
class QHBoxLayout;

namespace crosswalk {

class CompareSession;

/// Fills two boxes with the session's districts (badge and name) and lays them out in
/// `row` as "before [A] between [B]", B on the second district. The boxes always show two
/// different districts: choosing in one the district the other shows moves the other to
/// the district shown before. show(a, b) is called whenever the pair changes; shown()
/// gives the pair on screen.
void addDistrictPair(QHBoxLayout* row, QComboBox* a, QComboBox* b, const CompareSession& session, const QString& before,
                     const QString& between, std::function<std::pair<std::size_t, std::size_t>()> shown,
                     std::function<void(std::size_t, std::size_t)> show);

} // namespace crosswalk
