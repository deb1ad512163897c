#include "crosswalk/insights/annotationnumbers.h"

namespace crosswalk {

std::vector<std::pair<std::string, int>> annotationNumbers(const Map& map)
{
    std::vector<std::pair<std::string, int>> numbers;
    numbers.reserve(map.annotations.size());
    int number = 0;
    for (const Annotation& a : map.annotations)
        numbers.emplace_back(a.id, ++number);
    return numbers;
}

std::optional<int> annotationNumber(const Map& map, std::string_view annotationId)
{
    int number = 0;
    for (const Annotation& a : map.annotations) {
        ++number;
        if (a.id == annotationId)
            return number;
    }
    return std::nullopt;
}

} // namespace crosswalk
