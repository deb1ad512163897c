#include "crosswalk/model/map.h"
#include <QString>
#include <vector>
