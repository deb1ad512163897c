#pragma once
#include "ui/left/left.h"
