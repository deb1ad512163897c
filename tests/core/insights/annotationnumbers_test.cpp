#include "crosswalk/insights/annotationnumbers.h"

#include "support/randommap.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

TEST_CASE("Annotations are numbered 1..n in map order", "[insights]")
{
    Map map = test::smallMap();
    using Numbers = std::vector<std::pair<std::string, int>>;
    CHECK(annotationNumbers(map) == Numbers{{"a1", 1}, {"a2", 2}, {"a3", 3}, {"a4", 4}, {"a5", 5}});
    CHECK(annotationNumber(map, "a1") == 1);
    CHECK(annotationNumber(map, "a5") == 5);
    CHECK_FALSE(annotationNumber(map, "s1").has_value()); // a step, not an annotation
    CHECK_FALSE(annotationNumber(map, "").has_value());

    // Removing one renumbers those after it: the badge follows the list, as in the PDF.
    apply(map, RemoveAnnotation{"a2"});
    CHECK(annotationNumbers(map) == Numbers{{"a1", 1}, {"a3", 2}, {"a4", 3}, {"a5", 4}});
    CHECK(annotationNumber(map, "a5") == 4);

    // Stable: the same map always gives the same numbers, whatever the kinds.
    const Map random = test::randomMap(11, {.annotations = 40});
    const Numbers numbers = annotationNumbers(random);
    REQUIRE(numbers.size() == random.annotations.size());
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        CHECK(numbers[i].first == random.annotations[i].id);
        CHECK(numbers[i].second == static_cast<int>(i) + 1);
        CHECK(annotationNumber(random, numbers[i].first) == numbers[i].second);
    }
    CHECK(annotationNumbers(random) == numbers);
    CHECK(annotationNumbers(Map{}).empty());
}
