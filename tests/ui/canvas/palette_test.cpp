#include "crosswalk/interact/gestures.h"
#include "ui/canvas/canvasstyle.h"

#include <catch2/catch.hpp>

using namespace crosswalk;

TEST_CASE("The canvas's soft palette is core's, colour for colour", "[canvas]")
{
    // Core gives new lanes their colour (gestures::newLaneColour); the colour menus show these.
    REQUIRE(canvasstyle::softPalette().size() == gestures::kSoftPalette.size());
    for (std::size_t i = 0; i < gestures::kSoftPalette.size(); ++i)
        CHECK(canvasstyle::softPalette()[i].name().toUpper().toStdString() == gestures::kSoftPalette[i]);
}
