// One cafe: database, commands, timers.
#include "cafedomain.h"

#include "commanderror.h"
#include "hubclock.h"
#include "hubdomainlogging.h"
#include "hubrooms.h"
#include "inventorydesk.h"
#include "menudefinition.h"
#include "menudesk.h"
#include "orderdesk.h"
#include "payloadreader.h"
#include "paymentdesk.h"
#include "reportbuilder.h"
#include "staffadmin.h"
#include "staffdesk.h"
#include "storagebackend.h"
#include "storageerror.h"
#include "systemdesk.h"
#include "timesheetdesk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>

namespace TableTap {

using Handler = QJsonObject (*)(CafeContext &, const PayloadReader &);

namespace {
// The chain owners' commands read every cafe of the hub: the hub answers them (ChainOffice),
// after this cafe admitted the actor as its admin.
QJsonObject chainOverview(CafeContext &ctx, const PayloadReader &p)
{
    return ctx.chainCommand(Contract::Command::ChainOverview, p);
}

QJsonObject openCafe(CafeContext &ctx, const PayloadReader &p)
{
    return ctx.chainCommand(Contract::Command::OpenCafe, p);
}

struct Entry
{
    CafeDomain::CommandSpec spec;
    Handler handler = nullptr;
};

// The hub's side of each command: its namespace, least role, whether it changes state, and its
// handler. Exhaustive, so a command added to the contract does not build until the hub has it.
Entry entryFor(Contract::Command command)
{
    using C = Contract::Command;
    using N = Contract::Namespace;
    using R = HubRole;
    switch (command) {
    case C::CreateOrder:
        return {{N::Orders, R::Employee, true}, &OrderDesk::createOrder};
    case C::UpdateOrderStatus:
        return {{N::Orders, R::Employee, true}, &OrderDesk::updateOrderStatus};
    case C::CancelOrder:
        return {{N::Orders, R::Manager, true}, &OrderDesk::cancelOrder};
    case C::AssignCounter:
        return {{N::Orders, R::Manager, true}, &OrderDesk::assignCounter};
    case C::JoinCounter:
        return {{N::Orders, R::Employee, false}, &OrderDesk::joinCounter};
    case C::LeaveCounter:
        return {{N::Orders, R::Employee, false}, &OrderDesk::leaveCounter};
    case C::CheckOrderItem:
        return {{N::Orders, R::Employee, true}, &OrderDesk::checkOrderItem};
    case C::ListOrders:
        return {{N::Orders, R::Employee, false}, &OrderDesk::listOrders};
    case C::ListMenu:
        return {{N::Orders, R::Employee, false}, &MenuDesk::listMenu};
    case C::SaveProduct:
        return {{N::Orders, R::Manager, true}, &MenuDesk::saveProduct};
    case C::RetireProduct:
        return {{N::Orders, R::Manager, true}, &MenuDesk::retireProduct};
    case C::RestoreProduct:
        return {{N::Orders, R::Manager, true}, &MenuDesk::restoreProduct};
    case C::SetAvailability:
        return {{N::Orders, R::Employee, true}, &MenuDesk::setAvailability};
    case C::ImportMenu:
        return {{N::Orders, R::Manager, true}, &MenuDesk::importMenu};
    case C::StartPayment:
        return {{N::Payments, R::Employee, true}, &PaymentDesk::startPayment};
    case C::ConfirmPayment:
        return {{N::Payments, R::Employee, true}, &PaymentDesk::confirmPayment};
    case C::ListPayments:
        return {{N::Payments, R::Employee, false}, &PaymentDesk::listPayments};
    case C::AdjustStock:
        return {{N::Inventory, R::Manager, true}, &InventoryDesk::adjustStock};
    case C::ListInventory:
        return {{N::Inventory, R::Employee, false}, &InventoryDesk::listInventory};
    case C::AcknowledgeAlert:
        return {{N::Inventory, R::Employee, true}, &InventoryDesk::acknowledgeAlert};
    case C::SetStockLevels:
        return {{N::Inventory, R::Manager, true}, &InventoryDesk::setStockLevels};
    case C::ClockIn:
        return {{N::Employees, R::Employee, true}, &StaffDesk::clockIn};
    case C::ClockOut:
        return {{N::Employees, R::Employee, true}, &StaffDesk::clockOut};
    case C::RecordDrink:
        return {{N::Employees, R::Employee, true}, &StaffDesk::recordDrink};
    case C::ListTimesheets:
        return {{N::Employees, R::Employee, false}, &StaffDesk::listTimesheets};
    case C::CorrectTimesheet:
        return {{N::Employees, R::Manager, true}, &TimesheetDesk::correctTimesheet};
    case C::ListStaff:
        return {{N::Employees, R::Manager, false}, &StaffDesk::listStaff};
    case C::DisableStaff:
        return {{N::Employees, R::Manager, true, true}, &StaffDesk::disableStaff};
    case C::EnableStaff:
        return {{N::Employees, R::Manager, true, true}, &StaffDesk::enableStaff};
    case C::SetStaffRole:
        return {{N::Employees, R::Manager, true, true}, &StaffDesk::setStaffRole};
    case C::SetStaffPin:
        return {{N::Employees, R::Manager, true, true}, &StaffDesk::setStaffPin};
    case C::RevokeStaffSessions:
        return {{N::Employees, R::Manager, true, true}, &StaffDesk::revokeStaffSessions};
    case C::AddStaff:
        return {{N::Employees, R::Manager, true, true}, &StaffDesk::addStaff};
    case C::UpdateStaff:
        return {{N::Employees, R::Manager, true, true}, &StaffDesk::updateStaff};
    case C::MintDeviceToken:
        return {{N::Employees, R::Manager, true}, &StaffDesk::mintDeviceToken};
    case C::SetCounterStatus:
        return {{N::System, R::Manager, true}, &SystemDesk::setCounterStatus};
    case C::UpdateSettings:
        return {{N::System, R::Manager, true}, &SystemDesk::updateSettings};
    case C::GetSettings:
        return {{N::System, R::Employee, false}, &SystemDesk::getSettings};
    case C::ListCounters:
        return {{N::System, R::Employee, false}, &SystemDesk::listCounters};
    case C::GetReport:
        return {{N::System, R::Manager, false}, &ReportBuilder::getReport};
    case C::ChainOverview:
        return {{N::System, R::Admin, false}, &chainOverview};
    case C::OpenCafe:
        return {{N::System, R::Admin, false}, &openCafe};
    }
    Q_UNREACHABLE();
    return {};
}

// Indexed by Contract::Command.
const std::array<Entry, Contract::kCommandCount> &commandTable()
{
    static const std::array<Entry, Contract::kCommandCount> table = [] {
        std::array<Entry, Contract::kCommandCount> t;
        for (const Contract::Command c : Contract::kCommands)
            t[static_cast<int>(c)] = entryFor(c);
        return t;
    }();
    return table;
}

const Entry &entryOf(Contract::Command command)
{
    return commandTable()[static_cast<int>(command)];
}

constexpr int kMaxRequestIdLength = 128;
constexpr int kPruneEvery = 500;
} // namespace

const CafeDomain::CommandSpec &CafeDomain::commandSpec(Contract::Command command)
{
    return entryOf(command).spec;
}

QHash<QString, CafeDomain::CommandSpec> CafeDomain::commandSpecs()
{
    QHash<QString, CommandSpec> specs;
    for (const Contract::Command c : Contract::kCommands)
        specs.insert(Contract::name(c), commandSpec(c));
    return specs;
}

CafeDomain::CafeDomain(QString cafeId, std::unique_ptr<StoreConnection> db, HubClock *clock,
                       const HubOptions &options, QObject *parent)
    : QObject(parent)
    , m_cafeId(std::move(cafeId))
    , m_clock(clock)
    , m_options(options)
    , m_db(std::move(db))
    , m_provider(options.randomSeed, options.cardDeclineRate)
    , m_ctx(*m_db, *clock, m_cafeId, m_options, m_throttle, m_provider,
            [this](qint64 at, CafeContext::TimerKind kind, const QString &id) {
                scheduleTimer(at, kind, id);
            })
{}

CafeDomain::~CafeDomain() = default;

static void prune(StoreConnection &db, qint64 now, int retentionHours)
{
    const qint64 cutoff = now - qint64(retentionHours) * 3600000;
    db.exec(QStringLiteral("DELETE FROM events WHERE at < ?"), {cutoff});
    db.exec(QStringLiteral("DELETE FROM processed_requests WHERE at < ?"), {cutoff});
    // Alerts that are over are history after the same time; standing ones stay.
    db.exec(QStringLiteral("DELETE FROM stock_alerts WHERE cleared_at < ?"), {cutoff});
}

bool CafeDomain::open(QString *error)
{
    try {
        prune(*m_db, m_clock->nowMs(), m_options.eventRetentionHours);
        m_roster.load(*m_db);
        // Payments in flight when the hub stopped get their answer now (card) or expire on time.
        QSqlQuery q = m_db->exec(
            QStringLiteral("SELECT transaction_id, method, complete_at, expires_at FROM payments "
                           "WHERE status = 'processing' AND method IN ('card','qr')"));
        while (q.next()) {
            if (q.value(1).toString() == u"card")
                scheduleTimer(q.value(2).toLongLong(), CafeContext::TimerKind::CardComplete,
                              q.value(0).toString());
            else
                scheduleTimer(q.value(3).toLongLong(), CafeContext::TimerKind::QrExpire,
                              q.value(0).toString());
        }
        // What was taken off sale for a time comes back on time (or now, if that passed).
        for (const auto &[key, until] : MenuDesk::offSaleDeadlines(*m_db))
            scheduleTimer(until, CafeContext::TimerKind::OffSaleEnds, key);
        // From here on the hub's thread waits for other writers only briefly (opening above
        // may wait longer: nobody is served before it is done).
        m_db->setBusyTimeout(m_options.storageBusyTimeoutMs);
    } catch (const StorageError &e) {
        if (error)
            *error = e.message();
        m_db->close();
        return false;
    }
    return true;
}

void CafeDomain::close()
{
    m_db->close();
}

bool CafeDomain::create(StorageBackend &storage, const QString &cafeId, const QString &name,
                        const MenuDefinition &menu, const QStringList &counters, qint64 nowMs,
                        QString *error)
{
    std::unique_ptr<StoreConnection> db = storage.createCafe(cafeId, error);
    if (!db)
        return false;
    try {
        db->begin();
        db->exec(QStringLiteral("INSERT INTO cafe_meta(key, value) VALUES ('id', ?), ('name', ?), "
                                "('created_at', ?)"),
                 {cafeId, name, QString::number(nowMs)});
        const CafeSettings defaults;
        defaults.save(*db, CafeSettings::keys());
        int position = 0;
        for (const QString &c : counters)
            db->exec(QStringLiteral("INSERT INTO counters(name, position, status, updated_at) "
                                    "VALUES (?, ?, 'active', ?)"),
                     {c, position++, nowMs});
        menu.apply(*db, nowMs);
        db->commit();
    } catch (const StorageError &e) {
        db->rollback();
        db.reset();
        storage.dropCafe(cafeId);
        if (error)
            *error = e.message();
        return false;
    }
    return true;
}

QString CafeDomain::name()
{
    try {
        return m_db->scalar(QStringLiteral("SELECT value FROM cafe_meta WHERE key = 'name'"))
            .toString();
    } catch (const StorageError &) {
        return {};
    }
}

CommandResult CafeDomain::runOne(const Request &r, QList<std::function<void()>> *afterCommit,
                                 bool *settingsHold)
{
    const std::optional<Contract::Command> command = Contract::commandFromName(r.command);
    const Entry *entry = command ? &entryOf(*command) : nullptr;
    if (!entry || entry->spec.nsp() != r.nsp)
        return CommandResult::failure(CommandError::notFound(
            QStringLiteral("unknown command %1 in namespace %2").arg(r.command, r.nsp),
            Contract::Keys::Event));
    if (r.actor.cafeId != m_cafeId)
        return CommandResult::failure(
            CommandError::denied(QStringLiteral("not a member of this cafe")));
    if (!r.actor.atLeast(entry->spec.minimumRole))
        return CommandResult::failure(
            CommandError::denied(QStringLiteral("%1 needs the %2 role")
                                     .arg(r.command, HubActor::roleName(entry->spec.minimumRole))));

    const StockThrottle throttleBefore = m_throttle;
    m_db->savepoint(QStringLiteral("cmd"));
    try {
        const PayloadReader reader = PayloadReader::fromPayload(r.payload);
        QString requestId;
        if (entry->spec.mutating && reader.has(Contract::Keys::RequestId)) {
            requestId = reader.string(Contract::Keys::RequestId, kMaxRequestIdLength);
            QSqlQuery q = m_db->exec(
                QStringLiteral(
                    "SELECT command, result FROM processed_requests WHERE actor_id = ? AND "
                    "request_id = ?"),
                {r.actor.userId, requestId});
            if (q.next()) {
                if (q.value(0).toString() != r.command)
                    throw CommandError::conflict(
                        QStringLiteral("request_id %1 was already used for %2")
                            .arg(requestId, q.value(0).toString()),
                        Contract::Keys::RequestId);
                CommandResult replay;
                replay.ack = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
                replay.replayed = true;
                m_db->releaseSavepoint(QStringLiteral("cmd"));
                return replay;
            }
        }
        m_ctx.beginWork(r.actor, *settingsHold);
        *settingsHold = true;
        m_ctx.setPreparedPinHash(r.preparedPinHash);
        const QJsonObject data = entry->handler(m_ctx, reader);
        CommandResult result = CommandResult::success(data);
        if (!requestId.isEmpty()) {
            m_db->exec(QStringLiteral("INSERT INTO processed_requests(actor_id, request_id, "
                                      "command, result, at) VALUES "
                                      "(?, ?, ?, ?, ?)"),
                       {r.actor.userId, requestId, r.command,
                        QString::fromUtf8(QJsonDocument(result.ack).toJson(QJsonDocument::Compact)),
                        m_ctx.now()});
        }
        m_db->releaseSavepoint(QStringLiteral("cmd"));
        result.events = m_ctx.takeEvents();
        result.joinRoom = m_ctx.joinRoom();
        result.leaveRoom = m_ctx.leaveRoom();
        afterCommit->append(m_ctx.takeAfterCommit());
        m_ctx.discardWork();
        return result;
    } catch (const CommandError &e) {
        qCDebug(lcHubDomain) << "cafe" << m_cafeId << r.command
                             << "refused:" << CommandError::typeName(e.type()) << e.message();
        m_db->rollbackToSavepoint(QStringLiteral("cmd"));
        m_throttle = throttleBefore;
        m_ctx.discardWork();
        *settingsHold = false; // it may have changed them before it failed
        return CommandResult::failure(e);
    }
}

QList<CommandResult> CafeDomain::executeBatch(const QList<Request> &requests)
{
    QList<CommandResult> results;
    if (requests.isEmpty())
        return results;
    const StockThrottle throttleBefore = m_throttle;
    QList<std::function<void()>> afterCommit;
    const bool pruneNow = ++m_workSincePrune >= kPruneEvery;
    if (pruneNow)
        m_workSincePrune = 0;
    for (int attempt = 1;; ++attempt) {
        try {
            m_db->begin();
            // Read once per transaction (what another node or the command line changed is seen
            // at the next batch), then as the batch's own commands leave them.
            bool settingsHold = false;
            for (const Request &r : requests)
                results.append(runOne(r, &afterCommit, &settingsHold));
            if (pruneNow)
                prune(*m_db, m_clock->nowMs(), m_options.eventRetentionHours);
            m_db->commit();
            break;
        } catch (const StorageError &e) {
            m_db->rollback();
            m_throttle = throttleBefore;
            m_ctx.discardWork();
            results.clear();
            afterCommit.clear();
            if (retryStorage(e, attempt))
                continue; // the whole batch again, on what the other node committed
            qCWarning(lcHubStore) << "cafe" << m_cafeId << "batch not stored:" << e.message();
            ++m_storageFailures;
            // Nothing of the batch was applied: each command says so and may be retried.
            for (qsizetype i = 0; i < requests.size(); ++i)
                results.append(CommandResult::failure(CommandError::conflict(QStringLiteral(
                    "the hub could not store the command; nothing was applied, retry"))));
            return results;
        }
    }
    for (const auto &fn : afterCommit)
        fn();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const std::optional<Contract::Command> command
            = Contract::commandFromName(requests.at(i).command);
        if (command && entryOf(*command).spec.changesStaff && results.at(i).ok()
            && !results.at(i).replayed) {
            // At once, so the next command or handshake of that person already sees it.
            checkStaff(true);
            break;
        }
    }
    return results;
}

std::optional<StaffRecord> CafeDomain::staffMember(const QString &userId, bool refresh)
{
    if (refresh || !m_roster.isLoaded())
        refreshStaff(false);
    if (const StaffRecord *s = m_roster.find(userId))
        return *s;
    return std::nullopt;
}

void CafeDomain::checkStaff(bool force)
{
    if (!m_db->isOpen())
        return;
    try {
        refreshStaff(force);
    } catch (const StorageError &e) {
        qCWarning(lcHubStore) << "cafe" << m_cafeId << "cannot read its staff:" << e.message();
    }
}

void CafeDomain::refreshStaff(bool force)
{
    const QList<StaffChange> changes = m_roster.refresh(*m_db, force);
    if (changes.isEmpty())
        return;
    if (m_pendingStaffChanges.isEmpty())
        QMetaObject::invokeMethod(this, &CafeDomain::publishStaffChanges, Qt::QueuedConnection);
    m_pendingStaffChanges += changes;
}

void CafeDomain::publishStaffChanges()
{
    const QList<StaffChange> changes = std::exchange(m_pendingStaffChanges, {});
    if (changes.isEmpty() || !m_db->isOpen())
        return;
    HubEventList events;
    for (int attempt = 1;; ++attempt) {
        try {
            m_db->begin();
            m_ctx.beginWork(HubActor{QStringLiteral("system"), QStringLiteral("System"),
                                     HubRole::Admin, m_cafeId});
            for (const StaffChange &c : changes) {
                // The whole staff object, so a console's staff list follows without asking again.
                QJsonObject data = StaffAdmin::toJson(c.after);
                data.insert(QStringLiteral("previous_role"),
                            c.roleChanged() ? QJsonValue(HubActor::roleName(c.before->role))
                                            : QJsonValue());
                data.insert(QStringLiteral("changes"), QJsonArray::fromStringList(c.kinds()));
                m_ctx.emitEvent(Contract::Event::StaffUpdated, data, c.after.id);
            }
            m_db->commit();
            events = m_ctx.takeEvents();
            m_ctx.discardWork();
            break;
        } catch (const StorageError &e) {
            m_db->rollback();
            m_ctx.discardWork();
            events.clear();
            if (retryStorage(e, attempt))
                continue;
            // The announcement is lost, the change itself is not: sockets are still acted on below.
            qCWarning(lcHubStore) << "cafe" << m_cafeId
                                  << "staff:updated not stored:" << e.message();
            ++m_storageFailures;
            break;
        }
    }
    if (!events.isEmpty())
        Q_EMIT asyncEvents(events);
    Q_EMIT staffChanged(changes);
}

bool CafeDomain::retryStorage(const StorageError &error, int attempt)
{
    if (error.kind() != StorageError::Kind::Retryable || attempt >= kMaxStorageAttempts)
        return false;
    ++m_storageRetries;
    qCDebug(lcHubStore) << "cafe" << m_cafeId << "retrying after:" << error.message();
    // A short, jittered pause so two nodes that collided do not collide again in step.
    QThread::usleep(QRandomGenerator::global()->bounded(200, 1000 * attempt + 1));
    return true;
}

CommandResult CafeDomain::execute(const Request &request)
{
    return executeBatch({request}).constFirst();
}

void CafeDomain::scheduleTimer(qint64 atMs, CafeContext::TimerKind kind, const QString &id)
{
    m_clock->callAt(atMs, this, [this, kind, id] { runTimer(kind, id); });
}

void CafeDomain::runTimer(CafeContext::TimerKind kind, const QString &id)
{
    if (!m_db->isOpen())
        return;
    const StockThrottle throttleBefore = m_throttle;
    HubEventList events;
    QList<std::function<void()>> afterCommit;
    for (int attempt = 1;; ++attempt) {
        try {
            m_db->begin();
            m_ctx.beginWork(HubActor{QStringLiteral("system"), QStringLiteral("System"),
                                     HubRole::Admin, m_cafeId});
            switch (kind) {
            case CafeContext::TimerKind::StockFlush:
                InventoryDesk::flushThrottled(m_ctx, id);
                break;
            case CafeContext::TimerKind::CardComplete:
                PaymentDesk::completeCard(m_ctx, id);
                break;
            case CafeContext::TimerKind::QrExpire:
                PaymentDesk::expireQr(m_ctx, id);
                break;
            case CafeContext::TimerKind::OffSaleEnds:
                MenuDesk::endOffSale(m_ctx, id);
                break;
            }
            m_db->commit();
            events = m_ctx.takeEvents();
            afterCommit = m_ctx.takeAfterCommit();
            m_ctx.discardWork();
            break;
        } catch (const std::exception &e) {
            // StorageError, or a CommandError from a rule: nothing of this work is kept; try again
            // shortly (the payment is still processing, the window still pending).
            m_db->rollback();
            m_throttle = throttleBefore;
            m_ctx.discardWork();
            const auto *storage = dynamic_cast<const StorageError *>(&e);
            if (storage && retryStorage(*storage, attempt))
                continue;
            qCWarning(lcHubStore) << "cafe" << m_cafeId << "timer work failed:" << e.what();
            if (storage)
                ++m_storageFailures;
            scheduleTimer(m_clock->nowMs() + 1000, kind, id);
            return;
        }
    }
    for (const auto &fn : afterCommit)
        fn();
    if (!events.isEmpty())
        Q_EMIT asyncEvents(events);
}

HubEventList CafeDomain::eventsSince(qint64 sequence, int limit)
{
    HubEventList out;
    QSqlQuery q = m_db->exec(
        QStringLiteral("SELECT seq, namespace, name, envelope, rooms FROM events WHERE seq > ? "
                       "ORDER BY seq LIMIT ?"),
        {sequence, limit});
    while (q.next()) {
        HubEvent e;
        e.sequence = q.value(0).toLongLong();
        e.cafeId = m_cafeId;
        e.nsp = q.value(1).toString();
        e.name = q.value(2).toString();
        e.envelope = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
        for (const QJsonValue &room : QJsonDocument::fromJson(q.value(4).toByteArray()).array())
            e.rooms.append(room.toString());
        e.cafeRoom = HubRooms::cafe(m_cafeId);
        out.append(e);
    }
    return out;
}

void CafeDomain::sweepOverdueTimers(qint64 graceMs)
{
    if (!m_db->isOpen())
        return;
    const qint64 due = m_clock->nowMs() - graceMs;
    QList<std::pair<CafeContext::TimerKind, QString>> overdue;
    QSqlQuery q = m_db->exec(
        QStringLiteral("SELECT transaction_id, method, complete_at, expires_at FROM payments "
                       "WHERE status = 'processing' AND method IN ('card','qr')"));
    while (q.next()) {
        const bool card = q.value(1).toString() == u"card";
        const qint64 at = (card ? q.value(2) : q.value(3)).toLongLong();
        if (at < due)
            overdue.append(
                {card ? CafeContext::TimerKind::CardComplete : CafeContext::TimerKind::QrExpire,
                 q.value(0).toString()});
    }
    for (const auto &[key, until] : MenuDesk::offSaleDeadlines(*m_db)) {
        if (until < due)
            overdue.append({CafeContext::TimerKind::OffSaleEnds, key});
    }
    for (const auto &[kind, id] : std::as_const(overdue))
        runTimer(kind, id);
}

qint64 CafeDomain::lastSequence()
{
    return m_db->scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events")).toLongLong();
}

} // namespace TableTap
