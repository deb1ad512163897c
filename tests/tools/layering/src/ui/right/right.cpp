#include "right.h"
#include "../left/left.h"
