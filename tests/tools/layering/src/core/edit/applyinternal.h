#pragma once
#include "crosswalk/model/map.h"
