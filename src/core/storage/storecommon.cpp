#include "storecommon.h"

#include "modelproblems.h"
#include "workspacefiles.h"

#include <algorithm>
#include <cctype>

namespace crosswalk::storage {

namespace {

/// SQLite's NOCASE: ASCII letters folded, everything else as it is.
int compareNoCase(const std::string& a, const std::string& b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto ca = static_cast<unsigned char>(a[i]);
        const auto cb = static_cast<unsigned char>(b[i]);
        const int la = ca < 128 ? std::tolower(ca) : ca;
        const int lb = cb < 128 ? std::tolower(cb) : cb;
        if (la != lb)
            return la < lb ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

bool libraryOrder(const MapSummary& x, const MapSummary& y)
{
    if (const int c = compareNoCase(x.district, y.district))
        return c < 0;
    if (x.district != y.district)
        return x.district < y.district;
    if (const int c = compareNoCase(x.title, y.title))
        return c < 0;
    if (x.title != y.title)
        return x.title < y.title;
    return x.id < y.id;
}

} // namespace

void sortLibrary(std::vector<MapSummary>& maps)
{
    std::sort(maps.begin(), maps.end(), libraryOrder);
}

std::string unstorableMessage(const Map& map, const std::string& store)
{
    const std::vector<std::string> problems = modelProblems(map);
    if (problems.empty())
        return {};
    std::string message = "map " + quoted(map.id) + " cannot be stored in " + store + ": " + problems.front();
    if (problems.size() > 1)
        message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    return message;
}

} // namespace crosswalk::storage
