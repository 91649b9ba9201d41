#include "localformat.h"

#include "analysis/timeaxis.h"
#include "analysis/timelinespans.h"

#include <QDateTime>
#include <QLocale>

namespace spanscope::local {

QString text(const std::string &plain) {
    QString s = QString::fromStdString(plain);
    const QLocale locale;
    const QString point = locale.decimalPoint();
    if (point == QLatin1String(".")) return s;
    // A point between two digits is a decimal point in what the analysis formats write.
    for (qsizetype i = 1; i + 1 < s.size(); ++i)
        if (s[i] == QLatin1Char('.') && s[i - 1].isDigit() && s[i + 1].isDigit())
            s.replace(i, 1, point);
    return s;
}

QString duration(std::int64_t ns) {
    return text(formatDuration(ns));
}

QString offset(std::int64_t ns, std::int64_t stepNs) {
    return text(formatOffset(ns, stepNs));
}

QString fixed(double value, int decimals) {
    return QLocale().toString(value, 'f', decimals);
}

QString dateTime(std::int64_t msSinceEpoch) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(msSinceEpoch);
    const QLocale locale;
    if (locale.language() == QLocale::C) return t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return locale.toString(t, QLocale::ShortFormat);
}

} // namespace spanscope::local
