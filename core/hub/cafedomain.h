// One cafe: its own store (a database file, or a PostgreSQL schema), its commands and timers.
// Commands run in batches, one transaction per batch and a savepoint per command, so several
// commands arriving together cost one fsync while each is still acked only after that commit. Timer
// work (card answers, QR expiry, throttled stock updates) runs in its own transaction and is
// announced through asyncEvents(). A transaction another hub node's beat on the same PostgreSQL
// cafe (StorageError::Kind::Retryable) is run again whole, a few times, before anything is
// answered. Staff changes (its own commands, or the admin command line writing the same file) are
// noticed through StaffRoster and announced through staffChanged().
#pragma once

#include "cafecontext.h"
#include "commandresult.h"
#include "contract.h"
#include "hubactor.h"
#include "huboptions.h"
#include "payconicprovider.h"
#include "staffroster.h"
#include "stockthrottle.h"
#include "storeconnection.h"

#include <QJsonValue>
#include <QObject>

#include <memory>

namespace TableTap {

class HubClock;
class PayloadReader;
class StorageBackend;
class StorageError;
struct MenuDefinition;

class CafeDomain final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        HubActor actor;
        QString nsp;
        QString command;
        QJsonValue payload;
        QString preparedPinHash; // set_staff_pin, add_staff: the PIN hashed off the event loop
    };

    // db: the cafe's connection, open and migrated (StorageBackend::cafe).
    CafeDomain(QString cafeId, std::unique_ptr<StoreConnection> db, HubClock *clock,
               const HubOptions &options, QObject *parent = nullptr);
    ~CafeDomain() override;

    // Prunes old events, re-arms timers of payments that were in flight when the hub stopped.
    bool open(QString *error);
    void close();

    // Creates a new cafe store with its settings, counters and menu. False if it exists.
    static bool create(StorageBackend &storage, const QString &cafeId, const QString &name,
                       const MenuDefinition &menu, const QStringList &counters, qint64 nowMs,
                       QString *error);

    QList<CommandResult> executeBatch(const QList<Request> &requests);
    CommandResult execute(const Request &request);

    // Stored events after `sequence`, oldest first (at most limit).
    HubEventList eventsSince(qint64 sequence, int limit = 1000);
    qint64 lastSequence();

    // The token secret and the registry, for the commands that need them (HubDomain).
    void setHubHooks(CafeContext::HubHooks hooks) { m_ctx.setHubHooks(std::move(hooks)); }

    QString cafeId() const { return m_cafeId; }
    QString name();
    StoreConnection &connection() { return *m_db; }
    // Batches and timer work rolled back because storage failed (disk full, I/O error).
    quint64 storageFailures() const { return m_storageFailures; }
    // Batches and timer work run again because a concurrent transaction (another hub node on
    // the same PostgreSQL cafe) won: StorageError::Kind::Retryable, up to kMaxStorageAttempts.
    quint64 storageRetries() const { return m_storageRetries; }
    static constexpr int kMaxStorageAttempts = 5;

    // The staff member as authorisation sees them now (re-read first when another connection
    // wrote the database); nullopt for user ids that are not staff (device tokens). Throws
    // StorageError.
    // refresh false: as last read, for the commands of one batch after the first has
    // refreshed (HubDomain::flushQueue), which saves a store round trip per command.
    std::optional<StaffRecord> staffMember(const QString &userId, bool refresh = true);
    // Notices changes another process made to the staff table (the hub calls it periodically);
    // force: re-read even if no other connection wrote. Storage failures are logged.
    void checkStaff(bool force = false);
    // Runs the payment (card answer, QR expiry) and off-sale timers whose time passed more than
    // graceMs ago, as if they had fired here: with several nodes on one store, the node that
    // armed them may be gone. Each checks the stored state first. Throws StorageError.
    void sweepOverdueTimers(qint64 graceMs);

    // Every command: its namespace, least role, whether it changes state.
    struct CommandSpec
    {
        Contract::Namespace ns = Contract::Namespace::Orders;
        HubRole minimumRole = HubRole::Employee;
        bool mutating = true;
        bool changesStaff = false; // who may sign in or with which role

        QString nsp() const { return Contract::path(ns); } // the wire path
    };
    static const CommandSpec &commandSpec(Contract::Command command);
    // The same, by wire name.
    static QHash<QString, CommandSpec> commandSpecs();

Q_SIGNALS:
    void asyncEvents(const TableTap::HubEventList &events);
    // Staff whose access changed (disabled, enabled, a new role, PIN or token generation),
    // after the staff:updated events describing it went out through asyncEvents.
    void staffChanged(const QList<TableTap::StaffChange> &changes);

private:
    void scheduleTimer(qint64 atMs, CafeContext::TimerKind kind, const QString &id);
    void runTimer(CafeContext::TimerKind kind, const QString &id);
    CommandResult runOne(const Request &request, QList<std::function<void()>> *afterCommit,
                         bool *settingsHold);
    void refreshStaff(bool force);
    void publishStaffChanges();
    // After a failed attempt: true (counted, after a short jittered pause) when error is
    // Retryable and attempts are left.
    bool retryStorage(const StorageError &error, int attempt);

    QString m_cafeId;
    HubClock *m_clock;
    HubOptions m_options;
    std::unique_ptr<StoreConnection> m_db;
    StockThrottle m_throttle;
    PayconicProvider m_provider;
    CafeContext m_ctx;
    int m_workSincePrune = 0;
    quint64 m_storageFailures = 0;
    quint64 m_storageRetries = 0;
    StaffRoster m_roster;
    QList<StaffChange> m_pendingStaffChanges;
};

} // namespace TableTap
