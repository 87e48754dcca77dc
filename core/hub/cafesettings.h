// A cafe's settings: tax rate, tip suggestions, prep time, throttles, defaults, order age
// thresholds, the business day's start and the break rule. Stored as one JSON value per key in
// the cafe database; update_settings changes a subset of keys. The rules of each key (type,
// range) are SettingRules' (core/contract), which the console's form shares.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace TableTap {

class PayloadReader;
class StoreConnection;

struct CafeSettings
{
    qint64 taxRatePpm = 100000;                              // 10 %
    QList<qint64> tipSuggestionsPpm{100000, 150000, 200000}; // fractions of the subtotal
    int prepTimeMinutes = 15;
    int queueMinutesPerOrder = 1; // added to the estimate per order already waiting at the counter
    int stockUpdateIntervalMs = 1000;
    int drinkAllowanceDefault = 20;
    int qrExpiryMinutes = 5;
    // How long after a status change update_order_status may undo it (one step back); 0 = never.
    int recallWindowSeconds = 60;
    int ageWarningSeconds = 5 * 60; // the order queue's amber
    int ageLateSeconds = 8 * 60;    // and red
    // Minutes after midnight (cafe time) when a business day begins: orders and shifts before
    // it belong to the day before (a bar open past midnight).
    int businessDayStartMinutes = 0;
    int breakAfterMinutes = 6 * 60; // a longer shift needs a break; 0: no rule
    int breakMinimumMinutes = 30;
    QString timezone = QStringLiteral("UTC");
    QString currency = QStringLiteral("USD");

    static QStringList keys();
    QJsonValue value(const QString &key) const;
    QJsonObject toJson() const;

    // Reads every present key of payload (those in keys()), validating each by SettingRules;
    // throws CommandError INVALID_DATA naming the key. Returns the keys whose value changed.
    // The rules between keys (SettingRules::checkTogether) are the caller's.
    QStringList apply(const PayloadReader &payload);

    static CafeSettings load(StoreConnection &db);
    void save(StoreConnection &db, const QStringList &keys) const;

private:
    // The member of an integer setting (SettingRules::Kind::Integer), or nullptr.
    static int CafeSettings::*integerMember(QStringView key);
};

} // namespace TableTap
