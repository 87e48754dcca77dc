// The state one unit of work sees inside a cafe, and event targeting.
#include "cafecontext.h"

#include "hubclock.h"
#include "hubrooms.h"
#include "hubtime.h"
#include "sqliteconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace TableTap {

CafeContext::CafeContext(SqliteConnection &db, HubClock &clock, QString cafeId,
                         const HubOptions &options, StockThrottle &throttle,
                         PayconicProvider &provider, Scheduler scheduler)
    : m_db(db)
    , m_clock(clock)
    , m_cafeId(std::move(cafeId))
    , m_options(options)
    , m_throttle(throttle)
    , m_provider(provider)
    , m_scheduler(std::move(scheduler))
{}

void CafeContext::beginWork(const HubActor &actor)
{
    discardWork();
    m_now = m_clock.nowMs();
    m_actor = actor;
    m_settings = CafeSettings::load(m_db);
}

void CafeContext::discardWork()
{
    m_events.clear();
    m_afterCommit.clear();
    m_joinRoom.clear();
    m_leaveRoom.clear();
    m_preparedPinHash.clear();
}

QString CafeContext::businessDate() const
{
    return HubTime::localDate(m_now, HubTime::zoneFromId(m_settings.timezone))
        .toString(Qt::ISODate);
}

QString CafeContext::businessMonth() const
{
    return businessDate().left(7);
}

QString CafeContext::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString CafeContext::eventNamespace(const QString &name)
{
    if (name.startsWith(u"order:"))
        return QStringLiteral("/orders");
    if (name.startsWith(u"payment:") || name.startsWith(u"qr:"))
        return QStringLiteral("/payments");
    if (name.startsWith(u"inventory:"))
        return QStringLiteral("/inventory");
    if (name.startsWith(u"employee:") || name.startsWith(u"staff:"))
        return QStringLiteral("/employees");
    return QStringLiteral("/system");
}

void CafeContext::emitEvent(const QString &name, const QJsonObject &data,
                            const QString &subjectUserId, const QStringList &counters)
{
    HubEvent e;
    e.cafeId = m_cafeId;
    e.name = name;
    e.nsp = eventNamespace(name);
    e.cafeRoom = HubRooms::cafe(m_cafeId);
    const QString managers = HubRooms::role(m_cafeId, HubRole::Manager);
    const QString admins = HubRooms::role(m_cafeId, HubRole::Admin);
    if (name == u"order:assigned_counter") {
        for (const QString &c : counters)
            e.rooms.append(HubRooms::counter(m_cafeId, c));
        e.rooms << managers << admins;
    } else if (name.startsWith(u"order:")) {
        e.rooms = {HubRooms::orders(m_cafeId)};
    } else if (name == u"inventory:low_stock") {
        e.rooms = {managers, admins};
    } else if (name.startsWith(u"employee:") || name.startsWith(u"staff:")) {
        e.rooms = {HubRooms::user(subjectUserId), managers, admins};
    } else {
        e.rooms = {HubRooms::cafe(m_cafeId)};
    }
    e.rooms.removeDuplicates();

    const QString eventId = QStringLiteral("evt_") + newId();
    e.envelope = QJsonObject{
        {QStringLiteral("event"), name},
        {QStringLiteral("data"), data},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("timestamp"), HubTime::isoUtc(m_now)},
                                             {QStringLiteral("cafe_id"), m_cafeId},
                                             {QStringLiteral("event_id"), eventId}}}};
    QSqlQuery q = m_db.exec(
        QStringLiteral(
            "INSERT INTO events(event_id, namespace, name, envelope, rooms, except_rooms, "
            "at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {eventId, e.nsp, name,
         QString::fromUtf8(QJsonDocument(e.envelope).toJson(QJsonDocument::Compact)),
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(e.rooms)).toJson(QJsonDocument::Compact)),
         QStringLiteral("[]"), m_now});
    e.sequence = q.lastInsertId().toLongLong();
    m_events.append(e);
}

void CafeContext::schedule(qint64 atMs, TimerKind kind, const QString &id)
{
    m_afterCommit.append([this, atMs, kind, id] { m_scheduler(atMs, kind, id); });
}

void CafeContext::setRoomChange(const QString &join, const QString &leave)
{
    m_joinRoom = join;
    m_leaveRoom = leave;
}

HubEventList CafeContext::takeEvents()
{
    return std::exchange(m_events, {});
}

QList<std::function<void()>> CafeContext::takeAfterCommit()
{
    return std::exchange(m_afterCommit, {});
}

QJsonObject CafeContext::actorWithRole() const
{
    return QJsonObject{{QStringLiteral("id"), m_actor.userId},
                       {QStringLiteral("name"), m_actor.name},
                       {QStringLiteral("role"), HubActor::roleName(m_actor.role)}};
}

QJsonObject CafeContext::actorRef() const
{
    return QJsonObject{{QStringLiteral("id"), m_actor.userId},
                       {QStringLiteral("name"), m_actor.name}};
}

} // namespace TableTap
