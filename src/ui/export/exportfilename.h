#pragma once

#include <QString>

namespace crosswalk {

/// A file name made from a map's title and district that every system accepts and that cannot
/// point anywhere else: path separators and characters Windows refuses become "-" ("2025/26"
/// gives "2025-26", not "26"), control characters go, no leading dot (hidden, or "..") and no
/// trailing dot or space, no device name (CON, NUL, COM1 ...), at most 120 characters. Letters
/// of every language stay. fallback when nothing is left.
QString safeFileName(const QString& base, const QString& fallback = QStringLiteral("map"));

} // namespace crosswalk
