#pragma once
#include "ui/right/right.h"
