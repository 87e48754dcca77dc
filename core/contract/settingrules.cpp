// The cafe settings' rules and their validator.
#include "settingrules.h"

#include "moneycents.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace TableTap::SettingRules {

namespace {
using L1 = QLatin1String;

Problem problem(QStringView field, const QString &message)
{
    return Problem{field.toString(), message};
}

bool isWholeNumber(const QJsonValue &v, qint64 min, qint64 max)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && d == std::floor(d) && d >= double(min) && d <= double(max);
}

QString percent(qint64 ppm)
{
    return QString::number(double(ppm) / 1e6, 'g', 6);
}
} // namespace

const QList<Rule> &rules()
{
    static const QList<Rule> all{
        {L1("tax_rate"), Kind::Rate, 0, 500000, L1("fraction"),
         L1("Sales tax on the subtotal (0.0825 = 8.25 %).")},
        {L1("tip_suggestions"), Kind::RateList, 0, 1000000, L1("fraction"),
         L1("The tips offered at payment, as fractions of the subtotal.")},
        {L1("prep_time_minutes"), Kind::Integer, 1, 240, L1("minutes"),
         L1("The base preparation time of an order's estimate.")},
        {L1("queue_minutes_per_order"), Kind::Integer, 0, 60, L1("minutes"),
         L1("Added to the estimate for every order already waiting at the counter.")},
        {L1("stock_update_interval_ms"), Kind::Integer, 0, 60000, L1("ms"),
         L1("At most one inventory:stock_updated per item in this window (0: every change).")},
        {L1("drink_allowance_default"), Kind::Integer, 0, 1000, L1("drinks"),
         L1("Staff drinks a month for everyone without their own allowance.")},
        {L1("qr_expiry_minutes"), Kind::Integer, 1, 60, L1("minutes"),
         L1("How long a QR payment code stays valid.")},
        {L1("recall_window_seconds"), Kind::Integer, 0, 3600, L1("seconds"),
         L1("How long a status change may be undone (0: never).")},
        {L1("age_warning_seconds"), Kind::Integer, 60, 10800, L1("seconds"),
         L1("An open order this old is shown as waiting long (amber).")},
        {L1("age_late_seconds"), Kind::Integer, 120, 14400, L1("seconds"),
         L1("An open order this old is shown as late (red); after the warning age.")},
        {L1("business_day_start"), Kind::TimeOfDay, 0, 1439, L1("HH:MM"),
         L1("When the business day begins in the cafe's time zone (order numbers, shift dates).")},
        {L1("break_after_minutes"), Kind::Integer, 0, 1440, L1("minutes"),
         L1("A shift longer than this needs a break (0: no break rule).")},
        {L1("break_minimum_minutes"), Kind::Integer, 0, 240, L1("minutes"),
         L1("The shortest break that counts for the break rule.")},
        {L1("timezone"), Kind::TimeZone, 0, kTimeZoneMaxLength, L1(""),
         L1("The cafe's IANA time zone (business dates, reports).")},
        {L1("currency"), Kind::Currency, 3, 3, L1(""), L1("The ISO 4217 currency code.")},
    };
    return all;
}

const Rule *find(QStringView key)
{
    for (const Rule &r : rules()) {
        if (r.key == key)
            return &r;
    }
    return nullptr;
}

QStringList keys()
{
    QStringList k;
    for (const Rule &r : rules())
        k.append(r.key);
    return k;
}

std::optional<int> minutesOfDay(const QString &text)
{
    static const QRegularExpression hhmm(QStringLiteral("^([01][0-9]|2[0-3]):([0-5][0-9])$"));
    const QRegularExpressionMatch m = hhmm.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt() * 60 + m.captured(2).toInt();
}

QString timeOfDay(int minutes)
{
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

std::optional<Problem> check(QStringView key, const QJsonValue &value)
{
    const Rule *rule = find(key);
    if (!rule)
        return problem(key, QStringLiteral("%1 is not a cafe setting").arg(key));
    qint64 ppm = 0;
    switch (rule->kind) {
    case Kind::Integer:
        if (!isWholeNumber(value, rule->minimum, rule->maximum))
            return problem(key, QStringLiteral("%1 must be an integer from %2 to %3")
                                    .arg(key)
                                    .arg(rule->minimum)
                                    .arg(rule->maximum));
        return std::nullopt;
    case Kind::Rate:
        if (!MoneyCents::rateFromJson(value, rule->maximum, &ppm))
            return problem(key, QStringLiteral("%1 must be a fraction from 0 to %2 with at most "
                                               "six decimals")
                                    .arg(key, percent(rule->maximum)));
        return std::nullopt;
    case Kind::RateList: {
        if (!value.isArray())
            return problem(key, QStringLiteral("%1 must be an array").arg(key));
        const QJsonArray a = value.toArray();
        if (a.size() > kTipSuggestionsMax)
            return problem(
                key,
                QStringLiteral("%1 has more than %2 entries").arg(key).arg(kTipSuggestionsMax));
        for (int i = 0; i < a.size(); ++i) {
            if (!MoneyCents::rateFromJson(a.at(i), rule->maximum, &ppm))
                return problem(QStringLiteral("%1[%2]").arg(key).arg(i),
                               QStringLiteral("tip suggestions are fractions from 0 to %1 (0.15 "
                                              "= 15 %)")
                                   .arg(percent(rule->maximum)));
        }
        return std::nullopt;
    }
    case Kind::TimeOfDay:
        if (!value.isString() || !minutesOfDay(value.toString()))
            return problem(key, QStringLiteral("%1 must be a time of day from 00:00 to 23:59 "
                                               "(HH:MM)")
                                    .arg(key));
        return std::nullopt;
    case Kind::TimeZone: {
        const QString id = value.toString();
        const bool valid = value.isString() && !id.isEmpty() && id.size() <= rule->maximum
                           && (id == u"UTC" || QTimeZone(id.toUtf8()).isValid());
        if (!valid)
            return problem(key, QStringLiteral("%1 must be an IANA zone id such as "
                                               "Europe/Berlin, or UTC")
                                    .arg(key));
        return std::nullopt;
    }
    case Kind::Currency: {
        static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
        if (!value.isString() || !iso.match(value.toString()).hasMatch())
            return problem(key, QStringLiteral("%1 must be a three-letter ISO 4217 code").arg(key));
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::optional<Problem> checkTogether(const QJsonObject &settings)
{
    const QJsonValue warning = settings.value(L1("age_warning_seconds"));
    const QJsonValue late = settings.value(L1("age_late_seconds"));
    if (warning.isDouble() && late.isDouble() && late.toDouble() <= warning.toDouble())
        return problem(u"age_late_seconds",
                       QStringLiteral("age_late_seconds must be longer than age_warning_seconds "
                                      "(%1 s)")
                           .arg(warning.toInteger()));
    const QJsonValue after = settings.value(L1("break_after_minutes"));
    const QJsonValue minimum = settings.value(L1("break_minimum_minutes"));
    if (after.isDouble() && minimum.isDouble() && after.toInteger() > 0
        && minimum.toInteger() >= after.toInteger())
        return problem(u"break_minimum_minutes",
                       QStringLiteral("break_minimum_minutes must be shorter than "
                                      "break_after_minutes (%1 min)")
                           .arg(after.toInteger()));
    return std::nullopt;
}

} // namespace TableTap::SettingRules
