// The state one unit of work sees inside a cafe, and event targeting.
#include "cafecontext.h"

#include "commanderror.h"
#include "hubclock.h"
#include "hubrooms.h"
#include "hubtime.h"
#include "storageerror.h"
#include "storeconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace TableTap {

CafeContext::CafeContext(StoreConnection &db, HubClock &clock, QString cafeId,
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

void CafeContext::beginWork(const HubActor &actor, bool keepSettings)
{
    discardWork();
    m_now = m_clock.nowMs();
    m_actor = actor;
    if (!keepSettings || !m_settingsLoaded) {
        m_settingsLoaded = false;
        m_settings = CafeSettings::load(m_db);
        m_settingsLoaded = true;
    }
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
    return businessDateAt(m_now);
}

QString CafeContext::businessDateAt(qint64 ms) const
{
    // The day begins at business_day_start, cafe time: before it, it is still yesterday.
    return HubTime::localDate(ms - qint64(m_settings.businessDayStartMinutes) * 60000,
                              HubTime::zoneFromId(m_settings.timezone))
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

QByteArray CafeContext::signToken(const TokenClaims &claims) const
{
    const QByteArray token = m_hooks.signToken ? m_hooks.signToken(claims) : QByteArray();
    if (token.isEmpty())
        throw CommandError::conflict(QStringLiteral("this hub cannot sign tokens now"));
    return token;
}

void CafeContext::claimUser(const QString &userId) const
{
    if (!m_hooks.claimUser || !m_hooks.claimUser(userId))
        throw CommandError::conflict(
            QStringLiteral("user id %1 cannot be claimed for this cafe").arg(userId));
}

QJsonObject CafeContext::chainCommand(Contract::Command command, const PayloadReader &payload) const
{
    if (!m_hooks.chain)
        throw CommandError::conflict(QStringLiteral("this cafe runs without its hub"));
    return m_hooks.chain(command, m_actor, payload);
}

CafeContext::Audience CafeContext::audience(Contract::Event event)
{
    using E = Contract::Event;
    switch (event) {
    case E::OrderCreated:
    case E::OrderStatusChanged:
    case E::OrderReady:
    case E::OrderCancelled:
    case E::OrderItemChecked:
        return Audience::OrdersRoom;
    case E::OrderAssignedCounter:
        return Audience::CountersAndManagers;
    case E::MenuUpdated: // every console's menu, queue and order entry follow
    case E::MenuAvailabilityChanged:
        return Audience::Cafe;
    case E::LowStock:
        return Audience::Managers;
    case E::ClockedIn:
    case E::ClockedOut:
    case E::DrinkConsumed:
    case E::StaffUpdated:
    case E::TimesheetCorrected: // the employee whose sheet it is, and the managers
        return Audience::SubjectAndManagers;
    case E::PaymentProcessing:
    case E::PaymentCompleted:
    case E::PaymentFailed:
    case E::QrGenerated:
    case E::StockUpdated:
    case E::OutOfStock:
    case E::AlertAcknowledged:  // whoever rang for it (out of stock rings everywhere)
    case E::StockLevelsChanged: // every inventory view shows the levels
    case E::CounterStatusChanged:
    case E::SettingsUpdated:
    case E::Error: // never emitted into a cafe's rooms (emitEvent refuses it)
        return Audience::Cafe;
    }
    return Audience::Cafe;
}

void CafeContext::emitEvent(Contract::Event event, const QJsonObject &data,
                            const QString &subjectUserId, const QStringList &counters)
{
    const std::optional<Contract::Namespace> ns = Contract::eventNamespace(event);
    Q_ASSERT_X(ns, "CafeContext::emitEvent", "the error event belongs to no cafe's rooms");
    const QString name = Contract::name(event);
    HubEvent e;
    e.cafeId = m_cafeId;
    e.name = name;
    e.nsp = Contract::path(ns.value_or(Contract::Namespace::System));
    e.cafeRoom = HubRooms::cafe(m_cafeId);
    const QString managers = HubRooms::role(m_cafeId, HubRole::Manager);
    const QString admins = HubRooms::role(m_cafeId, HubRole::Admin);
    switch (audience(event)) {
    case Audience::CountersAndManagers:
        for (const QString &c : counters)
            e.rooms.append(HubRooms::counter(m_cafeId, c));
        e.rooms << managers << admins;
        break;
    case Audience::OrdersRoom:
        e.rooms = {HubRooms::orders(m_cafeId)};
        break;
    case Audience::Managers:
        e.rooms = {managers, admins};
        break;
    case Audience::SubjectAndManagers:
        e.rooms = {HubRooms::user(subjectUserId), managers, admins};
        break;
    case Audience::Cafe:
        e.rooms = {HubRooms::cafe(m_cafeId)};
        break;
    }
    e.rooms.removeDuplicates();

    const QString eventId = QStringLiteral("evt_") + newId();
    e.envelope = QJsonObject{
        {Contract::Keys::Event, name},
        {Contract::Keys::Data, data},
        {Contract::Keys::Meta, QJsonObject{{Contract::Keys::Timestamp, HubTime::isoUtc(m_now)},
                                           {Contract::Keys::CafeId, m_cafeId},
                                           {Contract::Keys::EventId, eventId}}}};
    QSqlQuery q = m_db.exec(
        QStringLiteral(
            "INSERT INTO events(event_id, namespace, name, envelope, rooms, except_rooms, "
            "at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq"),
        {eventId, e.nsp, name,
         QString::fromUtf8(QJsonDocument(e.envelope).toJson(QJsonDocument::Compact)),
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(e.rooms)).toJson(QJsonDocument::Compact)),
         QStringLiteral("[]"), m_now});
    // The sequence the store gave the row (RETURNING, not the driver's lastInsertId, which
    // PostgreSQL's driver cannot tell): recovery and gap detection hang on it.
    if (!q.next())
        throw StorageError(QStringLiteral("the event insert returned no sequence"));
    e.sequence = q.value(0).toLongLong();
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
