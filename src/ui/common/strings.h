#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace crosswalk {

// The one pair of conversions between core's UTF-8 strings and Qt's: core holds std::string,
// the widgets QString.

inline QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string toStd(const QString& text)
{
    return text.toStdString();
}

} // namespace crosswalk
