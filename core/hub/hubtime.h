// Time formats of the contract: ISO-8601 UTC with a Z and whole seconds, business dates in
// the cafe's time zone.
#pragma once

#include <QDate>
#include <QString>
#include <QTimeZone>

namespace TableTap::HubTime {

QString isoUtc(qint64 ms);
// The calendar date at ms in the given zone (the cafe's business day).
QDate localDate(qint64 ms, const QTimeZone &zone);
QTimeZone zoneFromId(const QString &id); // invalid zone for an unknown id

} // namespace TableTap::HubTime
