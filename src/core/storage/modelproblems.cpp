#include "modelproblems.h"

#include "crosswalk/model/validate.h"

namespace crosswalk::storage {

std::vector<std::string> modelProblems(const Map& map)
{
    // The one validator (model/validate.h) that edits and import use too.
    std::vector<std::string> problems;
    for (const MapProblem& problem : validateMap(map))
        problems.push_back(problem.toString());
    return problems;
}

} // namespace crosswalk::storage
