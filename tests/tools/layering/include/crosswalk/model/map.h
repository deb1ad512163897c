#pragma once
#include <QtCore/QList>
#include <qglobal.h>
#include <string>
// QString in a comment is not an include.
