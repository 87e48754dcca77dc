// Money as integer cents: the wire carries numbers with two decimals, the console never
// accumulates float drift (revenue sums, totals per bucket).
#pragma once

#include <QString>
#include <QtMath>

namespace TableTap {

using Cents = qint64;

inline Cents centsFromNumber(double value)
{
    if (!qIsFinite(value) || qAbs(value) > 1e12)
        return 0;
    return qRound64(value * 100.0);
}

inline QString formatCents(Cents cents)
{
    const QLatin1Char zero('0');
    const Cents a = cents < 0 ? -cents : cents;
    return (cents < 0 ? QStringLiteral("-") : QString()) + QString::number(a / 100)
           + QLatin1Char('.') + QStringLiteral("%1").arg(a % 100, 2, 10, zero);
}

} // namespace TableTap
