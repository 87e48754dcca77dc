// Money as integer cents.
#include "moneycents.h"

#include <cmath>

namespace TableTap::MoneyCents {

qint64 mulDivRound(qint64 a, qint64 num, qint64 den)
{
    const __int128 p = static_cast<__int128>(a) * num;
    const bool negative = p < 0;
    const __int128 m = negative ? -p : p;
    const __int128 q = (m + den / 2) / den;
    return static_cast<qint64>(negative ? -q : q);
}

QJsonValue toJson(qint64 cents)
{
    return QJsonValue(static_cast<double>(cents) / 100.0);
}

static bool scaled(const QJsonValue &value, double scale, qint64 max, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d < 0)
        return false;
    const double s = d * scale;
    if (s > static_cast<double>(max) + 0.5)
        return false;
    const double r = std::round(s);
    // Tolerate the binary representation of decimals (0.1 * 100 = 10.000000000000002).
    if (std::fabs(s - r) > 1e-6 * qMax(1.0, std::fabs(s)))
        return false;
    *out = static_cast<qint64>(r);
    return *out <= max;
}

bool fromJson(const QJsonValue &value, qint64 maxCents, qint64 *cents)
{
    return scaled(value, 100.0, maxCents, cents);
}

bool rateFromJson(const QJsonValue &value, qint64 maxPpm, qint64 *ppm)
{
    return scaled(value, 1e6, maxPpm, ppm);
}

QJsonValue rateToJson(qint64 ppm)
{
    return QJsonValue(static_cast<double>(ppm) / 1e6);
}

} // namespace TableTap::MoneyCents
