// The cafe's business date as its hub counts it: the day begins at business_day_start in the
// cafe's time zone (both cafe settings), so at 02:00 on a late night it is still yesterday. The
// Reports view's quick picks and the dashboard's comparison ask the hub for these dates.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QTimeZone>
#include <QVariant>

namespace TableTap {

class BusinessDay
{
public:
    // The business date at `now` under the cafe's settings (ConsoleSession::settings()); without
    // them, the day starts at midnight in this computer's time zone.
    static QDate at(const QDateTime &now, const QHash<QString, QVariant> &settings);
    // The cafe's time zone (the `timezone` setting; this computer's when unset or unknown).
    static QTimeZone zone(const QHash<QString, QVariant> &settings);
    // The cafe's local time of an instant, for times shown in reports.
    static QDateTime local(const QDateTime &instant, const QHash<QString, QVariant> &settings);
};

} // namespace TableTap
