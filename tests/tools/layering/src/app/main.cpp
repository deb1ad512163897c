#include "../core/edit/applyinternal.h"
#include "ui/canvas/canvas.h"
#include <QApplication>
