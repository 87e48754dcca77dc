// The business date, computed the way the hub's CafeContext::businessDateAt does.
#include "businessday.h"

#include <QTime>

namespace TableTap {

QTimeZone BusinessDay::zone(const QHash<QString, QVariant> &settings)
{
    const QString id = settings.value(QStringLiteral("timezone")).toString();
    if (id == u"UTC")
        return QTimeZone::utc();
    if (!id.isEmpty()) {
        const QTimeZone z(id.toUtf8());
        if (z.isValid())
            return z;
    }
    return QTimeZone::systemTimeZone();
}

QDate BusinessDay::at(const QDateTime &now, const QHash<QString, QVariant> &settings)
{
    const QTime start = QTime::fromString(
        settings.value(QStringLiteral("business_day_start")).toString(), QStringLiteral("HH:mm"));
    const qint64 shift = start.isValid() ? start.msecsSinceStartOfDay() : 0;
    return QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch() - shift, QTimeZone::utc())
        .toTimeZone(zone(settings))
        .date();
}

QDateTime BusinessDay::local(const QDateTime &instant, const QHash<QString, QVariant> &settings)
{
    return instant.toTimeZone(zone(settings));
}

} // namespace TableTap
