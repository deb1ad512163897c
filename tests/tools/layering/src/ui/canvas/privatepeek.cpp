#include "crosswalk/model/map.h"
#include "storage/sqlite.h"
#include <QWidget>
