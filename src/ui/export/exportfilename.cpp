#include "ui/export/exportfilename.h"

#include <QRegularExpression>
#include <QStringList>

namespace crosswalk {

namespace {
constexpr int kMaxChars = 120;
}

QString safeFileName(const QString& base, const QString& fallback)
{
    QString name;
    name.reserve(base.size());
    for (const QChar c : base) {
        const QChar::Category category = c.category();
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r') ||
            category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            name += QLatin1Char(' ');
        else if (category == QChar::Other_Control || category == QChar::Other_Format)
            continue; // NUL, escape codes, bidirectional overrides that disguise an extension
        else if (QStringLiteral("/\\:*?\"<>|").contains(c))
            name += QLatin1Char('-');
        else
            name += c;
    }
    name = name.simplified();
    name.replace(QRegularExpression(QStringLiteral("-( *-)+")), QStringLiteral("-"));
    // No hidden file, no "." or "..", nothing Windows trims or refuses at either end.
    while (!name.isEmpty() && (name.front() == QLatin1Char('.') || name.front() == QLatin1Char(' ') ||
                               name.front() == QLatin1Char('-')))
        name.remove(0, 1);
    if (name.size() > kMaxChars) {
        int cut = kMaxChars;
        if (name.at(cut - 1).isHighSurrogate())
            --cut;
        name.truncate(cut);
    }
    while (!name.isEmpty() && (name.back() == QLatin1Char('.') || name.back() == QLatin1Char(' ')))
        name.chop(1);
    static const QRegularExpression device(QStringLiteral("^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (device.match(name).hasMatch())
        name += QLatin1Char('_');
    return name.isEmpty() ? fallback : name;
}

} // namespace crosswalk
