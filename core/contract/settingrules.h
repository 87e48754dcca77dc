// The cafe settings' rules, spelled once: each key's type, range, unit and meaning, and the one
// validator both the hub (CafeSettings, update_settings) and the console's settings form use, so
// a value the form accepts is one the hub accepts, and the error names the same field.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>

namespace TableTap::SettingRules {

enum class Kind : quint8 {
    Integer,   // a whole number in [minimum, maximum], in `unit`
    Rate,      // a fraction with at most six decimals, parts per million in [minimum, maximum]
    RateList,  // up to kTipSuggestionsMax rates, each as Rate
    TimeOfDay, // "HH:MM", 00:00 to 23:59
    TimeZone,  // an IANA zone id, or UTC
    Currency,  // three capital letters (ISO 4217)
};

struct Rule
{
    QLatin1String key;
    Kind kind;
    qint64 minimum; // Integer: the value; Rate and RateList: ppm of each entry
    qint64 maximum;
    QLatin1String unit;    // "minutes", "seconds", "ms", "drinks", "fraction", "HH:MM", ""
    QLatin1String meaning; // one English sentence, for errors and docs/commands.md
};

inline constexpr int kTipSuggestionsMax = 6; // entries of tip_suggestions
inline constexpr int kTimeZoneMaxLength = 64;

// Every setting, in the order of docs/commands.md.
const QList<Rule> &rules();
const Rule *find(QStringView key);
QStringList keys();

struct Problem
{
    QString field; // the key, or key[i] for a list entry
    QString message;
};

// Whether value is valid for key (an unknown key is a problem too). Null means "not given" to
// the hub and is not checked here.
std::optional<Problem> check(QStringView key, const QJsonValue &value);
// The rules between keys, over the complete settings after a change: age_late_seconds after
// age_warning_seconds, break_minimum_minutes below break_after_minutes when that rule is on.
std::optional<Problem> checkTogether(const QJsonObject &settings);

// "HH:MM" -> minutes after midnight; nullopt when not a time of day.
std::optional<int> minutesOfDay(const QString &text);
QString timeOfDay(int minutes); // 90 -> "01:30"

} // namespace TableTap::SettingRules
