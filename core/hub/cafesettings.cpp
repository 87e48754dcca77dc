// A cafe's settings.
#include "cafesettings.h"

#include "commanderror.h"
#include "moneycents.h"
#include "payloadreader.h"
#include "settingrules.h"
#include "storeconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace TableTap {

QStringList CafeSettings::keys()
{
    return SettingRules::keys();
}

QJsonValue CafeSettings::value(const QString &key) const
{
    if (key == u"tax_rate")
        return MoneyCents::rateToJson(taxRatePpm);
    if (key == u"tip_suggestions") {
        QJsonArray a;
        for (qint64 ppm : tipSuggestionsPpm)
            a.append(MoneyCents::rateToJson(ppm));
        return a;
    }
    if (key == u"business_day_start")
        return SettingRules::timeOfDay(businessDayStartMinutes);
    if (key == u"timezone")
        return timezone;
    if (key == u"currency")
        return currency;
    if (const auto member = integerMember(key))
        return this->*member;
    return {};
}

int CafeSettings::*CafeSettings::integerMember(QStringView key)
{
    if (key == u"prep_time_minutes")
        return &CafeSettings::prepTimeMinutes;
    if (key == u"queue_minutes_per_order")
        return &CafeSettings::queueMinutesPerOrder;
    if (key == u"stock_update_interval_ms")
        return &CafeSettings::stockUpdateIntervalMs;
    if (key == u"drink_allowance_default")
        return &CafeSettings::drinkAllowanceDefault;
    if (key == u"qr_expiry_minutes")
        return &CafeSettings::qrExpiryMinutes;
    if (key == u"recall_window_seconds")
        return &CafeSettings::recallWindowSeconds;
    if (key == u"age_warning_seconds")
        return &CafeSettings::ageWarningSeconds;
    if (key == u"age_late_seconds")
        return &CafeSettings::ageLateSeconds;
    if (key == u"break_after_minutes")
        return &CafeSettings::breakAfterMinutes;
    if (key == u"break_minimum_minutes")
        return &CafeSettings::breakMinimumMinutes;
    return nullptr;
}

QJsonObject CafeSettings::toJson() const
{
    QJsonObject o;
    for (const QString &key : keys())
        o.insert(key, value(key));
    return o;
}

QStringList CafeSettings::apply(const PayloadReader &p)
{
    const CafeSettings before = *this;
    for (const QString &key : keys()) {
        if (!p.has(key))
            continue;
        const QJsonValue v = p.json().value(key);
        if (const auto problem = SettingRules::check(key, v))
            throw CommandError::invalid(problem->field, problem->message);
        if (key == u"tax_rate") {
            MoneyCents::rateFromJson(v, 1000000, &taxRatePpm);
        } else if (key == u"tip_suggestions") {
            QList<qint64> tips;
            for (const QJsonValue &tip : v.toArray()) {
                qint64 ppm = 0;
                MoneyCents::rateFromJson(tip, 1000000, &ppm);
                tips.append(ppm);
            }
            tipSuggestionsPpm = tips;
        } else if (key == u"business_day_start") {
            businessDayStartMinutes = *SettingRules::minutesOfDay(v.toString());
        } else if (key == u"timezone") {
            timezone = v.toString();
        } else if (key == u"currency") {
            currency = v.toString();
        } else if (const auto member = integerMember(key)) {
            this->*member = int(v.toInteger());
        }
    }
    QStringList changed;
    for (const QString &key : keys()) {
        if (before.value(key) != value(key))
            changed.append(key);
    }
    return changed;
}

CafeSettings CafeSettings::load(StoreConnection &db)
{
    CafeSettings s;
    QSqlQuery q = db.exec(QStringLiteral("SELECT key, value FROM settings"));
    while (q.next()) {
        const QJsonArray wrapped = QJsonDocument::fromJson(q.value(1).toByteArray()).array();
        if (wrapped.size() != 1)
            continue;
        QJsonObject one{{q.value(0).toString(), wrapped.at(0)}};
        try {
            s.apply(PayloadReader(one));
        } catch (const CommandError &) {
            // A stored value this version cannot read keeps its default.
        }
    }
    return s;
}

void CafeSettings::save(StoreConnection &db, const QStringList &changedKeys) const
{
    for (const QString &key : changedKeys) {
        const QByteArray json
            = QJsonDocument(QJsonArray{value(key)}).toJson(QJsonDocument::Compact);
        db.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                {key, QString::fromUtf8(json)});
    }
}

} // namespace TableTap
