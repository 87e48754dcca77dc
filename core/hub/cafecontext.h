// The state one unit of work (a command or a timer callback) sees inside a cafe: the open
// transaction's connection, the clock frozen at the work's start, the acting user, the cafe's
// settings, and the events and after-commit actions it produces. Also the single place that
// decides each event's namespace and target rooms.
#pragma once

#include "cafesettings.h"
#include "contract.h"
#include "hubactor.h"
#include "hubevent.h"
#include "huboptions.h"
#include "tokenclaims.h"

#include <QJsonObject>
#include <QList>

#include <functional>

namespace TableTap {

class HubClock;
class PayconicProvider;
class PayloadReader;
class StoreConnection;
class StockThrottle;

class CafeContext final
{
public:
    enum class TimerKind { StockFlush, CardComplete, QrExpire, OffSaleEnds };
    using Scheduler = std::function<void(qint64 atMs, TimerKind kind, const QString &id)>;

    CafeContext(StoreConnection &db, HubClock &clock, QString cafeId, const HubOptions &options,
                StockThrottle &throttle, PayconicProvider &provider, Scheduler scheduler);

    // keepSettings: the settings read by the previous work of the same transaction still hold
    // (a command batch reads them once, again after a command that failed, as it may have
    // changed them before its savepoint was rolled back).
    void beginWork(const HubActor &actor, bool keepSettings = false);
    void discardWork();

    StoreConnection &db() { return m_db; }
    const QString &cafeId() const { return m_cafeId; }
    qint64 now() const { return m_now; }
    const HubActor &actor() const { return m_actor; }
    const CafeSettings &settings() const { return m_settings; }
    CafeSettings &settings() { return m_settings; }
    const HubOptions &options() const { return m_options; }
    StockThrottle &throttle() { return m_throttle; }
    PayconicProvider &provider() { return m_provider; }
    QString businessDate() const; // yyyy-MM-dd in the cafe's zone, from business_day_start
    QString businessDateAt(qint64 ms) const; // the business day ms falls in
    QString businessMonth() const;           // yyyy-MM

    // Who hears an event (docs/events.md), besides the fence of the cafe room every event has.
    enum class Audience {
        Cafe,                // everyone connected to the cafe
        OrdersRoom,          // the /orders sockets of the cafe
        CountersAndManagers, // the named counters' rooms, managers and admins
        Managers,            // managers and admins
        SubjectAndManagers,  // the employee the event is about, managers and admins
    };
    static Audience audience(Contract::Event event);

    // Stores the event (inside the open transaction) and queues it for emission. Its namespace
    // is the contract's, its rooms follow from audience(); subjectUserId is the employee of
    // employee:* and staff:* events, counters the old and new counter of order:assigned_counter.
    // Never Contract::Event::Error, which is no cafe's event.
    void emitEvent(Contract::Event event, const QJsonObject &data,
                   const QString &subjectUserId = {}, const QStringList &counters = {});
    void schedule(qint64 atMs, TimerKind kind, const QString &id);
    void setRoomChange(const QString &join, const QString &leave);
    // A PIN hash computed before the work began (off the event loop), for set_staff_pin and
    // add_staff.
    void setPreparedPinHash(const QString &hash) { m_preparedPinHash = hash; }
    QString preparedPinHash() const { return m_preparedPinHash; }

    // What commands need from the hub around the cafe, set by HubDomain: its token secret
    // (mint_device_token) and its registry, where a new user id is claimed for this cafe
    // (add_staff; false: the id belongs to another cafe).
    // chain: the chain owners' commands (chain_overview, open_cafe), which read every cafe of
    // the hub and so run at its level (ChainOffice).
    struct HubHooks
    {
        std::function<QByteArray(const TokenClaims &claims)> signToken;
        std::function<bool(const QString &userId)> claimUser;
        std::function<QJsonObject(Contract::Command command, const HubActor &actor,
                                  const PayloadReader &payload)>
            chain;
    };
    void setHubHooks(HubHooks hooks) { m_hooks = std::move(hooks); }
    // Throw CommandError CONFLICT when the hook is missing (a cafe run without its hub) or
    // refuses.
    QByteArray signToken(const TokenClaims &claims) const;
    void claimUser(const QString &userId) const;
    // A chain command for the acting user, answered by the hub (throws CommandError).
    QJsonObject chainCommand(Contract::Command command, const PayloadReader &payload) const;

    HubEventList takeEvents();
    QList<std::function<void()>> takeAfterCommit();
    QString joinRoom() const { return m_joinRoom; }
    QString leaveRoom() const { return m_leaveRoom; }

    // {id, name, role} / {id, name} of the acting user, as the contract's *_by objects.
    QJsonObject actorWithRole() const;
    QJsonObject actorRef() const;

    static QString newId();

private:
    StoreConnection &m_db;
    HubClock &m_clock;
    QString m_cafeId;
    const HubOptions &m_options;
    StockThrottle &m_throttle;
    PayconicProvider &m_provider;
    Scheduler m_scheduler;

    qint64 m_now = 0;
    HubActor m_actor;
    CafeSettings m_settings;
    bool m_settingsLoaded = false;
    HubEventList m_events;
    QList<std::function<void()>> m_afterCommit;
    QString m_joinRoom, m_leaveRoom;
    QString m_preparedPinHash;
    HubHooks m_hooks;
};

} // namespace TableTap
