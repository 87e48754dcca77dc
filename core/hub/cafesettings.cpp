// A cafe's settings.
#include "cafesettings.h"

#include "commanderror.h"
#include "hubtime.h"
#include "moneycents.h"
#include "payloadreader.h"
#include "storeconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

namespace TableTap {

QStringList CafeSettings::keys()
{
    return {QStringLiteral("tax_rate"),
            QStringLiteral("tip_suggestions"),
            QStringLiteral("prep_time_minutes"),
            QStringLiteral("queue_minutes_per_order"),
            QStringLiteral("stock_update_interval_ms"),
            QStringLiteral("drink_allowance_default"),
            QStringLiteral("qr_expiry_minutes"),
            QStringLiteral("recall_window_seconds"),
            QStringLiteral("timezone"),
            QStringLiteral("currency")};
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
    if (key == u"prep_time_minutes")
        return prepTimeMinutes;
    if (key == u"queue_minutes_per_order")
        return queueMinutesPerOrder;
    if (key == u"stock_update_interval_ms")
        return stockUpdateIntervalMs;
    if (key == u"drink_allowance_default")
        return drinkAllowanceDefault;
    if (key == u"qr_expiry_minutes")
        return qrExpiryMinutes;
    if (key == u"recall_window_seconds")
        return recallWindowSeconds;
    if (key == u"timezone")
        return timezone;
    if (key == u"currency")
        return currency;
    return {};
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
    if (p.has(QStringLiteral("tax_rate"))) {
        qint64 ppm = 0;
        if (!MoneyCents::rateFromJson(p.json().value(u"tax_rate"), 500000, &ppm))
            throw CommandError::invalid(QStringLiteral("tax_rate"),
                                        QStringLiteral("tax_rate must be a fraction from 0 to 0.5 "
                                                       "with at most six decimals"));
        taxRatePpm = ppm;
    }
    if (p.has(QStringLiteral("tip_suggestions"))) {
        const QJsonArray a = p.array(QStringLiteral("tip_suggestions"), 6, true);
        QList<qint64> tips;
        for (int i = 0; i < a.size(); ++i) {
            qint64 ppm = 0;
            if (!MoneyCents::rateFromJson(a.at(i), 1000000, &ppm))
                throw CommandError::invalid(
                    QStringLiteral("tip_suggestions[%1]").arg(i),
                    QStringLiteral("tip suggestions are fractions from 0 to 1 (0.15 = 15 %)"));
            tips.append(ppm);
        }
        tipSuggestionsPpm = tips;
    }
    if (p.has(QStringLiteral("prep_time_minutes")))
        prepTimeMinutes = int(p.integer(QStringLiteral("prep_time_minutes"), 1, 240));
    if (p.has(QStringLiteral("queue_minutes_per_order")))
        queueMinutesPerOrder = int(p.integer(QStringLiteral("queue_minutes_per_order"), 0, 60));
    if (p.has(QStringLiteral("stock_update_interval_ms")))
        stockUpdateIntervalMs
            = int(p.integer(QStringLiteral("stock_update_interval_ms"), 0, 60000));
    if (p.has(QStringLiteral("drink_allowance_default")))
        drinkAllowanceDefault = int(p.integer(QStringLiteral("drink_allowance_default"), 0, 1000));
    if (p.has(QStringLiteral("qr_expiry_minutes")))
        qrExpiryMinutes = int(p.integer(QStringLiteral("qr_expiry_minutes"), 1, 60));
    if (p.has(QStringLiteral("recall_window_seconds")))
        recallWindowSeconds = int(p.integer(QStringLiteral("recall_window_seconds"), 0, 3600));
    if (p.has(QStringLiteral("timezone"))) {
        const QString tz = p.string(QStringLiteral("timezone"), 64);
        if (!HubTime::zoneFromId(tz).isValid())
            throw CommandError::invalid(QStringLiteral("timezone"),
                                        QStringLiteral("timezone must be an IANA zone id such as "
                                                       "Europe/Berlin, or UTC"));
        timezone = tz;
    }
    if (p.has(QStringLiteral("currency"))) {
        const QString c = p.string(QStringLiteral("currency"), 3);
        static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
        if (!iso.match(c).hasMatch())
            throw CommandError::invalid(
                QStringLiteral("currency"),
                QStringLiteral("currency must be a three-letter ISO 4217 code"));
        currency = c;
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
