// Time formats of the contract.
#include "hubtime.h"

#include <QDateTime>

namespace TableTap::HubTime {

QString isoUtc(qint64 ms)
{
    // Qt::UTC (not a QTimeZone) is what makes Qt write the "Z" suffix.
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QDate localDate(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toTimeZone(zone).date();
}

QTimeZone zoneFromId(const QString &id)
{
    if (id == u"UTC")
        return QTimeZone::utc();
    return QTimeZone(id.toUtf8());
}

} // namespace TableTap::HubTime
