// Money as integer cents: parsing from JSON numbers, half-up rounding of products and rates,
// and the JSON form (a number exact to the cent). No float ever accumulates a money value.
#pragma once

#include <QJsonValue>

namespace TableTap::MoneyCents {

// a * num / den rounded half away from zero; den > 0.
qint64 mulDivRound(qint64 a, qint64 num, qint64 den);
// The JSON number for an amount in cents (1410 -> 14.1, printed as 14.1; exact to the cent).
QJsonValue toJson(qint64 cents);
// A JSON number with at most two decimals in [0, maxCents]; false for anything else
// (strings, NaN/inf, negative, 3+ decimals, too large).
bool fromJson(const QJsonValue &value, qint64 maxCents, qint64 *cents);
// A rate (0.0825) as parts per million, at most six decimals, in [0, maxPpm].
bool rateFromJson(const QJsonValue &value, qint64 maxPpm, qint64 *ppm);
QJsonValue rateToJson(qint64 ppm);

} // namespace TableTap::MoneyCents
