// The console's connection to a hub.
#include "cafesession.h"

#include "enginesession.h"
#include "eventmapper.h"
#include "modelslogging.h"
#include "sioevent.h"
#include "siosocket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QTimerEvent>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>

namespace TableTap {

namespace {

using L1 = QLatin1String;
using Contract::Command;
using Contract::Namespace;
namespace Keys = Contract::Keys;

constexpr int RecallWindowMs = 60 * 1000;

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The sign-in and refresh answers name the token in one of two ways.
QString firstString(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isString())
            return v.toString();
    }
    return {};
}

// A snapshot command's answer as its CafeSnapshot alternative (mapSnapshot fails only for a
// command that is no snapshot, which these calls never name).
template<class Snapshot>
Snapshot mapped(Command command, const QJsonValue &data)
{
    Decoded<CafeSnapshot> snapshot = EventMapper::mapSnapshot(command, data);
    if (Snapshot *s = snapshot ? std::get_if<Snapshot>(&*snapshot) : nullptr)
        return std::move(*s);
    return {};
}

} // namespace

CafeSession::CafeSession(QObject *parent)
    : QObject(parent)
    , m_clock(new ConsoleClock(this))
    , m_orders(new OrderQueueModel(this))
    , m_allDay(new AllDayModel(this))
    , m_counters(new CounterModel(this))
    , m_inventory(new InventoryModel(this))
    , m_alerts(new StockAlertModel(this))
    , m_timesheets(new TimesheetModel(this))
    , m_payments(new PaymentModel(this))
    , m_dashboard(new DashboardModel(this))
    , m_eventLog(new EventLogModel(this))
    , m_outbox(new OutboxModel(this))
{
    connect(m_orders, &BatchedTableModel::flushed, this, &CafeSession::scheduleSummaries);
    connect(m_inventory, &BatchedTableModel::flushed, this, &CafeSession::scheduleSummaries);
    m_payments->setOrderNumberLookup([this](const QString &orderId) {
        const Order *o = m_orders->order(orderId);
        return o ? o->number : QString();
    });
    const auto now = [clock = m_clock] {
        return clock->now();
    };
    m_orders->setClock(now);
    m_timesheets->setClock(now);
    m_payments->setClock(now);
    m_dashboard->setClock(now);
    m_tick.start(1000, Qt::CoarseTimer, this);
}

CafeSession::~CafeSession()
{
    teardown();
}

const QStringList &CafeSession::namespaces()
{
    static const QStringList names = [] {
        QStringList out;
        for (const Namespace ns : kNamespaces)
            out << Contract::path(ns);
        return out;
    }();
    return names;
}

void CafeSession::signIn(const QUrl &hub, const QString &cafeId, const QString &employeeCode,
                         const QString &pin)
{
    if (!m_http)
        m_http = new QNetworkAccessManager(this);
    QString tlsError;
    const QSslConfiguration ssl = SioManager::sslConfiguration(m_options, &tlsError);
    if (!tlsError.isEmpty()) {
        // Reported after the caller has had the chance to wait for an answer.
        QTimer::singleShot(0, this, [this, tlsError] { Q_EMIT signInFailed(tlsError); });
        return;
    }
    // A connection kept from an earlier attempt keeps the TLS settings it was made with (a CA
    // chosen since would not count): sign-in is rare, start afresh.
    m_http->clearConnectionCache();
    QUrl url = hub;
    url.setPath(Contract::Http::Login);
    QNetworkRequest request(url);
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(15000);
    QJsonObject body{{QStringLiteral("employee_code"), employeeCode}, {QStringLiteral("pin"), pin}};
    if (!cafeId.isEmpty())
        body.insert(Keys::CafeId, cafeId);
    QNetworkReply *reply
        = m_http->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, hub] {
        reply->deleteLater();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        const QString token = firstString(answer, {"access_token", "token"});
        if (token.isEmpty()) {
            QString message = answer.value(Keys::Error).toObject().value(Keys::Message).toString();
            if (message.isEmpty())
                message = answer.value(Keys::Message).toString();
            if (message.isEmpty())
                message = reply->error() == QNetworkReply::NoError
                              ? tr("The hub did not answer with a token.")
                              : tr("Cannot reach the hub: %1").arg(reply->errorString());
            Q_EMIT signInFailed(message);
            return;
        }
        connectWithToken(hub, token, firstString(answer, {"refresh_token"}));
    });
}

void CafeSession::connectWithToken(const QUrl &hub, const QString &token, const QString &refresh)
{
    teardown();
    m_hub = hub;
    m_token = token;
    m_refreshToken = refresh;
    m_identity = SessionIdentity::fromToken(token);
    m_lastError.clear();
    Q_EMIT identityChanged(m_identity);

    SioClientOptions options = m_options;
    options.auth = {};
    options.authCallback = [this] {
        return QJsonObject{{Keys::Token, m_token}};
    };
    options.query.append({Keys::CafeId, m_identity.cafeId});
    options.query.append({Keys::UserRole, m_identity.role});
    options.authRefresh = [this](SioSocket *, std::function<void(bool)> done) {
        refreshToken(std::move(done));
    };
    m_manager = new SioManager(hub, options, this);
    connect(m_manager, &SioManager::stateChanged, this, [this] {
        updateLiveness();
        Q_EMIT stateChanged();
    });
    connect(m_manager, &SioManager::reconnectScheduled, this, [this](int attempt, int delay) {
        m_eventLog->appendNote(QString(), QStringLiteral("reconnecting"),
                               tr("attempt %1 in %2 ms").arg(attempt).arg(delay), m_clock->now());
    });
    connectSockets();
    updateLiveness();
}

void CafeSession::connectSockets()
{
    for (const QString &nsp : namespaces()) {
        SioSocket *socket = m_manager->socket(nsp);
        m_sockets.insert(nsp, socket);
        connect(socket, &SioSocket::connected, this, [this, socket] { onSocketConnected(socket); });
        connect(socket, &SioSocket::disconnected, this,
                [this, nsp](const QString &reason, const QString &) {
                    m_eventLog->appendNote(nsp, QStringLiteral("disconnected"), reason,
                                           m_clock->now());
                    updateLiveness();
                });
        connect(socket, &SioSocket::connectError, this,
                [this, nsp](const QString &message, const QJsonValue &data) {
                    const QString type = data.toObject().value(Keys::Type).toString();
                    m_lastError = type.isEmpty() ? message : type + QStringLiteral(": ") + message;
                    m_eventLog->appendNote(nsp, QStringLiteral("connect_error"), m_lastError,
                                           m_clock->now());
                    Q_EMIT connectError(nsp, message, type);
                    updateLiveness();
                });
        connect(socket, &SioSocket::eventReceived, this, &CafeSession::onEvent);
    }
}

void CafeSession::teardown()
{
    m_inFlight.clear();
    m_staleSnapshots.clear(); // a new connection loads every snapshot anyway
    for (const auto &socket : std::as_const(m_sockets))
        if (socket)
            disconnect(socket, nullptr, this, nullptr);
    m_sockets.clear();
    if (m_manager) {
        disconnect(m_manager, nullptr, this, nullptr);
        m_manager->close();
        m_manager->deleteLater();
        m_manager.clear();
    }
    // Whatever was in flight is pending again: it goes out with its request id next time.
    for (const OutboxEntry &e : m_outbox->unfinished())
        if (e.state == OutboxEntry::State::Sent)
            m_outbox->setState(e.requestId, OutboxEntry::State::Pending);
}

void CafeSession::disconnectFromHub()
{
    teardown();
    updateLiveness();
    Q_EMIT stateChanged();
}

SioManager::State CafeSession::state() const
{
    return m_manager ? m_manager->state() : SioManager::State::Disconnected;
}

QString CafeSession::transportName() const
{
    return m_manager ? m_manager->transportName() : QString();
}

bool CafeSession::isNamespaceConnected(const QString &nsp) const
{
    const auto s = m_sockets.value(nsp);
    return s && s->isConnected();
}

void CafeSession::onSocketConnected(SioSocket *socket)
{
    const QString nsp = socket->nsp();
    m_eventLog->appendNote(nsp, QStringLiteral("connected"),
                           socket->recovered() ? tr("recovered: missed events replayed")
                                               : tr("new session: loading snapshot"),
                           m_clock->now());
    if (!socket->recovered() || m_staleSnapshots.contains(nsp))
        snapshot(nsp);
    if (!socket->recovered()) {
        if (nsp == Contract::path(Namespace::Orders) && !m_followedCounter.isEmpty())
            socket->emitEvent(Contract::name(Command::JoinCounter),
                              {QJsonObject{{QStringLiteral("counter"), m_followedCounter}}});
    }
    flushOutbox();
    updateLiveness();
}

void CafeSession::request(const QString &nsp, const QString &command, const QJsonObject &payload,
                          std::function<void(const QJsonValue &)> onData)
{
    SioSocket *socket = m_sockets.value(nsp);
    if (!socket)
        return;
    socket->emitWithAck(
        command, {payload}, this,
        [this, nsp, command, onData = std::move(onData)](const SioAckResult &result) {
            if (!result.ok()) {
                qCWarning(lcModels) << command << "on" << nsp << "failed:" << result.error;
                // The answer is lost (the link dropped or it timed out): reload the namespace
                // once it is connected again, or shortly if it still is.
                m_staleSnapshots.insert(nsp);
                QTimer::singleShot(2000, this, [this, nsp] {
                    if (m_staleSnapshots.contains(nsp) && isNamespaceConnected(nsp))
                        snapshot(nsp);
                });
                return;
            }
            const QJsonObject answer = result.args.at(0).toObject();
            if (!answer.value(Keys::Ok).toBool()) {
                const QJsonObject error = answer.value(Keys::Error).toObject();
                m_eventLog->appendNote(nsp, command, error.value(Keys::Message).toString(),
                                       m_clock->now());
                return;
            }
            onData(answer.value(Keys::Data));
        },
        m_commandTimeout);
}

void CafeSession::request(Contract::Command command, const QJsonObject &payload,
                          std::function<void(const QJsonValue &)> onData)
{
    request(Contract::path(Contract::commandNamespace(command)), Contract::name(command), payload,
            std::move(onData));
}

void CafeSession::snapshot(const QString &nsp)
{
    m_staleSnapshots.remove(nsp);
    auto rebuildDashboard = [this] {
        QList<std::pair<QDateTime, Cents>> revenue;
        for (const PaymentRecord &p : m_payments->rows())
            if (p.status == QLatin1String("completed") || p.status == QLatin1String("refunded"))
                revenue.append({p.updatedAt, p.amount});
        m_dashboard->reset(m_orders->rows(), revenue);
    };
    const std::optional<Namespace> ns = Contract::namespaceFromPath(nsp);
    if (!ns)
        return;
    switch (*ns) {
    case Namespace::Orders:
        request(Command::ListMenu, {}, [this](const QJsonValue &data) { applyMenu(data); });
        // The whole day so far (the hub's most; its default is the last 50 closed): the
        // dashboard's buckets and "finished today" count every order of the day.
        request(Command::ListOrders, {{QStringLiteral("recent_limit"), 500}},
                [this, nsp, rebuildDashboard](const QJsonValue &data) {
                    const auto snapshot = mapped<OrdersSnapshot>(Command::ListOrders, data);
                    m_orders->resetOrders(snapshot.open + snapshot.recent);
                    rebuildDashboard();
                    Q_EMIT resynced(nsp);
                });
        break;
    case Namespace::Inventory:
        request(Command::ListInventory, {}, [this, nsp](const QJsonValue &data) {
            InventorySnapshot snapshot = mapped<InventorySnapshot>(Command::ListInventory, data);
            QHash<QString, QString> productNames;
            for (const MenuProduct &p : std::as_const(m_menu))
                productNames.insert(p.id, p.name);
            // Products disabled for lack of an ingredient, by ingredient.
            QHash<QString, QStringList> disabledBy;
            for (const DisabledProduct &d : std::as_const(snapshot.disabled))
                for (const QString &ingredient : d.missingIngredients)
                    disabledBy[ingredient] << d.name;
            for (StockItem &s : snapshot.items) {
                // Menu product ids (names when another server sends them).
                for (QString &ref : s.usedBy)
                    ref = productNames.value(ref, ref);
                s.disabledProducts = disabledBy.value(s.id);
            }
            m_inventory->resetItems(snapshot.items);
            m_alerts->resetFromInventory(snapshot.items);
            Q_EMIT resynced(nsp);
        });
        break;
    case Namespace::Employees:
        request(Command::ListTimesheets, {}, [this, nsp](const QJsonValue &data) {
            const auto snapshot = mapped<TimesheetsSnapshot>(Command::ListTimesheets, data);
            QHash<QString, StaffShift> byUser;
            QStringList order;
            const QDate today = m_clock->now().date();
            // Today's closed shifts add up to hours and pay today.
            QHash<QString, std::pair<double, Cents>> closedToday;
            for (const TimesheetRow &t : snapshot.timesheets) {
                if (!t.clockOutTime.isValid() || t.clockOutTime.date() != today)
                    continue;
                auto &sum = closedToday[t.userId];
                sum.first += t.totalHours;
                sum.second += t.totalPay;
            }
            for (const StaffRow &row : snapshot.staff) {
                if (row.userId.isEmpty())
                    continue;
                if (!byUser.contains(row.userId))
                    order << row.userId;
                StaffShift &s = byUser[row.userId];
                s.userId = row.userId;
                s.employeeCode = row.employeeCode;
                s.name = row.name;
                s.role = row.role;
                s.hourlyRate = row.hourlyRate;
                s.drinksThisMonth = row.drinksThisMonth;
                s.drinkLimit = row.drinkLimit;
                if (row.clockedIn)
                    s.clockedIn = *row.clockedIn;
                if (s.clockedIn && row.clockInTime.isValid()) {
                    s.clockInTime = row.clockInTime;
                    s.timesheetId = row.timesheetId;
                }
                const auto sum = closedToday.value(row.userId);
                s.hoursToday = sum.first;
                s.payToday = sum.second;
            }
            QList<StaffShift> shifts;
            for (const QString &u : std::as_const(order))
                shifts.append(byUser.value(u));
            m_timesheets->resetShifts(shifts);
            Q_EMIT resynced(nsp);
        });
        break;
    case Namespace::Payments:
        request(Command::ListPayments, {}, [this, nsp, rebuildDashboard](const QJsonValue &data) {
            m_payments->resetPayments(
                mapped<PaymentsSnapshot>(Command::ListPayments, data).payments);
            rebuildDashboard();
            Q_EMIT resynced(nsp);
        });
        break;
    case Namespace::System:
        request(Command::GetSettings, {}, [this](const QJsonValue &data) {
            m_settings = mapped<SettingsSnapshot>(Command::GetSettings, data).settings;
            Q_EMIT settingsChanged();
        });
        request(Command::ListCounters, {}, [this, nsp](const QJsonValue &data) {
            m_counters->resetCounters(
                mapped<CountersSnapshot>(Command::ListCounters, data).counters);
            m_counters->updateLoads(*m_orders);
            Q_EMIT resynced(nsp);
        });
        break;
    }
}

void CafeSession::applyMenu(const QJsonValue &data)
{
    m_menu = mapped<MenuSnapshot>(Command::ListMenu, data).products;
    updateStockWarnings();
    Q_EMIT menuChanged();
}

void CafeSession::onEvent(const SioEvent &event)
{
    const QDateTime now = m_clock->now();
    m_lastEvent.insert(event.nsp, now);
    if (event.name == Contract::name(Contract::Event::StaffUpdated)) {
        onStaffUpdated(event.args.at(0).toObject().value(Contract::Keys::Data).toObject(), now);
        return;
    }
    const auto mapped = EventMapper::mapEvent(event.nsp, event.name, event.args.at(0));
    if (!mapped) {
        // Not one of ours (or malformed): log it rather than guess.
        m_eventLog->appendNote(event.nsp, event.name, tr("not understood: %1").arg(mapped.error()),
                               now);
        return;
    }
    const CafeEvent &e = *mapped;
    if (!e.meta.cafeId.isEmpty() && m_identity.isValid() && e.meta.cafeId != m_identity.cafeId) {
        // Belt and braces: the hub never sends another cafe's events; if one came, drop it.
        m_eventLog->appendNote(event.nsp, event.name, tr("dropped: another cafe's event"), now);
        return;
    }
    m_eventLog->append(e, now);
    m_orders->apply(e);
    m_counters->apply(e);
    m_inventory->apply(e);
    m_alerts->apply(e);
    m_timesheets->apply(e);
    m_payments->apply(e);
    m_dashboard->apply(e);

    if (const auto *p = std::get_if<OrderCreated>(&e.payload))
        Q_EMIT orderCreated(p->order.number, p->order.customerName, p->order.counter);
    else if (const auto *p = std::get_if<OrderReady>(&e.payload))
        Q_EMIT orderReady(p->orderNumber, p->customerName, p->counter);
    else if (const auto *p = std::get_if<PaymentFailed>(&e.payload)) {
        const Order *o = m_orders->order(p->orderId);
        Q_EMIT paymentFailed(o ? o->number : p->orderId, p->errorMessage, p->retryAllowed);
    } else if (const auto *p = std::get_if<QrGenerated>(&e.payload))
        Q_EMIT qrGenerated(p->orderId, p->qrCodeData, p->expiresAt);
    else if (std::holds_alternative<LowStock>(e.payload)
             || std::holds_alternative<OutOfStock>(e.payload)) {
        if (const StockAlert *a = m_alerts->find(std::holds_alternative<LowStock>(e.payload)
                                                     ? std::get<LowStock>(e.payload).productId
                                                     : std::get<OutOfStock>(e.payload).productId))
            Q_EMIT stockAlertRaised(*a);
    } else if (const auto *p = std::get_if<SettingsUpdated>(&e.payload)) {
        for (const SettingChange &c : p->changes)
            m_settings.insert(c.key, c.next);
        Q_EMIT settingsChanged();
    }
    // Products are disabled when an ingredient runs out and enabled again by a restock: reload
    // the menu (small) on those events rather than mirror the hub's rules here.
    const auto *stock = std::get_if<StockUpdated>(&e.payload);
    if (std::holds_alternative<OutOfStock>(e.payload)
        || (stock && stock->changeType != QLatin1String("sale")))
        request(Command::ListMenu, {}, [this](const QJsonValue &data) { applyMenu(data); });
}

QString CafeSession::sendCommand(const QString &nsp, const QString &command,
                                 const QJsonObject &payload, const QString &description,
                                 const QString &orderId)
{
    OutboxEntry entry;
    entry.requestId = newRequestId();
    entry.createdAt = m_clock->now();
    entry.description = description;
    entry.nsp = nsp;
    entry.command = command;
    entry.payload = payload;
    entry.payload.insert(Keys::RequestId, entry.requestId);
    m_outbox->add(entry);
    if (!orderId.isEmpty())
        m_orders->setPendingAction(orderId, description);
    flushOutbox();
    return entry.requestId;
}

QString CafeSession::sendCommand(Contract::Command command, const QJsonObject &payload,
                                 const QString &description, const QString &orderId)
{
    return sendCommand(Contract::path(Contract::commandNamespace(command)), Contract::name(command),
                       payload, description, orderId);
}

void CafeSession::flushOutbox()
{
    for (const OutboxEntry &e : m_outbox->unfinished()) {
        if (e.state != OutboxEntry::State::Pending || m_inFlight.contains(e.requestId))
            continue;
        const auto socket = m_sockets.value(e.nsp);
        if (socket && socket->isConnected())
            sendEntry(e);
    }
}

void CafeSession::sendEntry(const OutboxEntry &entry)
{
    SioSocket *socket = m_sockets.value(entry.nsp);
    if (!socket)
        return;
    const QString id = entry.requestId;
    m_inFlight.insert(id);
    m_outbox->countAttempt(id);
    m_outbox->setState(id, OutboxEntry::State::Sent);
    const QString orderId = entry.payload.value(L1("order_id")).toString();
    socket->emitWithAck(
        entry.command, {entry.payload}, this,
        [this, id, orderId](const SioAckResult &result) {
            m_inFlight.remove(id);
            if (!result.ok()) {
                // No answer (timeout or the link dropped): it stays pending and goes out again,
                // with the same request id, so the hub applies it once.
                m_outbox->setState(id, OutboxEntry::State::Pending, result.error);
                return;
            }
            const QJsonObject answer = result.args.at(0).toObject();
            if (answer.value(Keys::Ok).toBool()) {
                m_outbox->setState(id, OutboxEntry::State::Done);
                Q_EMIT commandFinished(id, true, {}, {});
            } else {
                const QJsonObject error = answer.value(Keys::Error).toObject();
                const QString type = error.value(Keys::Type).toString();
                const QString message = error.value(Keys::Message).toString();
                m_outbox->setState(id, OutboxEntry::State::Refused, message, type);
                if (!orderId.isEmpty())
                    m_orders->setPendingAction(orderId, {});
                m_recalls.remove(orderId);
                Q_EMIT commandFinished(id, false, type, message);
            }
        },
        m_commandTimeout);
}

QString CafeSession::setOrderStatus(const QString &orderId, OrderStatus status,
                                    const QString &notes)
{
    const Order *o = m_orders->order(orderId);
    const QString number = o ? o->number : orderId;
    return sendCommand(Command::UpdateOrderStatus,
                       {{QStringLiteral("order_id"), orderId},
                        {QStringLiteral("status"), orderStatusName(status)},
                        {QStringLiteral("notes"), notes}},
                       tr("%1 → %2").arg(number, orderStatusName(status)), orderId);
}

QString CafeSession::advanceOrder(const QString &orderId)
{
    const Order *o = m_orders->order(orderId);
    if (!o)
        return {};
    const auto next = nextOrderStatus(o->status);
    if (!next)
        return {};
    m_recalls.insert(orderId, {orderId, o->status, *next, m_clock->now()});
    return setOrderStatus(orderId, *next, {});
}

bool CafeSession::canRecall(const QString &orderId) const
{
    const auto it = m_recalls.constFind(orderId);
    if (it == m_recalls.constEnd())
        return false;
    const Order *o = m_orders->order(orderId);
    return o && o->status == it->next && it->at.msecsTo(m_clock->now()) < RecallWindowMs;
}

QString CafeSession::recallOrder(const QString &orderId)
{
    if (!canRecall(orderId))
        return {};
    const Recall r = m_recalls.take(orderId);
    return setOrderStatus(orderId, r.previous, tr("Recalled"));
}

QString CafeSession::cancelOrder(const QString &orderId, const QString &reason)
{
    const Order *o = m_orders->order(orderId);
    return sendCommand(Command::CancelOrder,
                       {{QStringLiteral("order_id"), orderId}, {QStringLiteral("reason"), reason}},
                       tr("cancel %1").arg(o ? o->number : orderId), orderId);
}

QString CafeSession::reassignOrder(const QString &orderId, const QString &counter,
                                   const QString &reason)
{
    const Order *o = m_orders->order(orderId);
    return sendCommand(Command::AssignCounter,
                       {{QStringLiteral("order_id"), orderId},
                        {QStringLiteral("counter"), counter},
                        {QStringLiteral("reason"), reason}},
                       tr("move %1 to %2").arg(o ? o->number : orderId, counter), orderId);
}

QString CafeSession::setCounterStatus(const QString &counter, bool active, const QString &reason)
{
    const QString status = active ? QStringLiteral("active") : QStringLiteral("inactive");
    return sendCommand(Command::SetCounterStatus,
                       {{QStringLiteral("counter"), counter},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("reason"), reason}},
                       tr("%1 → %2").arg(counter, status));
}

QString CafeSession::adjustStock(const QString &itemId, const QString &changeType, double quantity,
                                 const QString &note)
{
    const StockItem *s = m_inventory->item(itemId);
    return sendCommand(
        Command::AdjustStock,
        {{QStringLiteral("product_id"), itemId},
         {QStringLiteral("change_type"), changeType},
         {QStringLiteral("quantity"), qint64(std::llround(quantity))},
         {QStringLiteral("notes"), note}},
        tr("%1 %2 %3").arg(changeType, QString::number(quantity), s ? s->name : itemId));
}

QString CafeSession::clockIn(const QString &notes)
{
    return sendCommand(Command::ClockIn, {{QStringLiteral("notes"), notes}}, tr("clock in"));
}

QString CafeSession::clockOut(int breakMinutes, const QString &notes)
{
    return sendCommand(
        Command::ClockOut,
        {{QStringLiteral("break_minutes"), breakMinutes}, {QStringLiteral("notes"), notes}},
        tr("clock out"));
}

QString CafeSession::recordDrink(const QString &productId, int quantity)
{
    QString name = productId;
    for (const MenuProduct &p : std::as_const(m_menu))
        if (p.id == productId)
            name = p.name;
    return sendCommand(
        Command::RecordDrink,
        {{QStringLiteral("product_id"), productId}, {QStringLiteral("quantity"), quantity}},
        tr("drink: %1× %2").arg(quantity).arg(name));
}

QString CafeSession::startPayment(const QString &orderId, const QString &method)
{
    const Order *o = m_orders->order(orderId);
    return sendCommand(Command::StartPayment,
                       {{QStringLiteral("order_id"), orderId}, {QStringLiteral("method"), method}},
                       tr("%1 payment for %2").arg(method, o ? o->number : orderId));
}

QString CafeSession::confirmPayment(const QString &orderId, const QString &transactionId)
{
    const Order *o = m_orders->order(orderId);
    const QString description = tr("confirm payment for %1").arg(o ? o->number : orderId);
    if (!transactionId.isEmpty())
        return sendCommand(Command::ConfirmPayment,
                           {{QStringLiteral("transaction_id"), transactionId}}, description);
    // A QR code's event does not name its transaction: ask the hub for the order's payments
    // and confirm the one still waiting.
    request(
        Command::ListPayments, {{QStringLiteral("order_id"), orderId}},
        [this, description](const QJsonValue &data) {
            for (const PaymentRecord &p :
                 mapped<PaymentsSnapshot>(Command::ListPayments, data).payments) {
                if (p.status == QLatin1String("processing") && p.method != QLatin1String("card")) {
                    sendCommand(Command::ConfirmPayment,
                                {{QStringLiteral("transaction_id"), p.transactionId}}, description);
                    return;
                }
            }
            m_eventLog->appendNote(Contract::path(Namespace::Payments),
                                   Contract::name(Command::ConfirmPayment),
                                   tr("nothing to confirm"), m_clock->now());
        });
    return {};
}

void CafeSession::followCounter(const QString &counter)
{
    if (counter == m_followedCounter)
        return;
    SioSocket *socket = m_sockets.value(Contract::path(Namespace::Orders));
    if (socket && !m_followedCounter.isEmpty())
        socket->emitEvent(Contract::name(Command::LeaveCounter),
                          {QJsonObject{{QStringLiteral("counter"), m_followedCounter}}});
    m_followedCounter = counter;
    if (socket && !counter.isEmpty())
        socket->emitEvent(Contract::name(Command::JoinCounter),
                          {QJsonObject{{QStringLiteral("counter"), counter}}});
    m_allDay->recount(*m_orders, m_followedCounter);
}

void CafeSession::resync()
{
    for (const QString &nsp : namespaces())
        if (isNamespaceConnected(nsp))
            snapshot(nsp);
}

void CafeSession::refreshToken(std::function<void(bool)> done)
{
    if (m_refreshToken.isEmpty() || !m_http) {
        done(false);
        return;
    }
    QUrl url = m_hub;
    url.setPath(Contract::Http::Refresh);
    QNetworkRequest request(url);
    request.setSslConfiguration(SioManager::sslConfiguration(m_options));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(15000);
    QNetworkReply *reply = m_http->post(
        request, QJsonDocument(QJsonObject{{QStringLiteral("refresh_token"), m_refreshToken}})
                     .toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        const QString token = firstString(answer, {"access_token", "token"});
        if (token.isEmpty()) {
            done(false);
            return;
        }
        const QString refresh = firstString(answer, {"refresh_token"});
        const SessionIdentity identity = SessionIdentity::fromToken(token);
        if (identity.role != m_identity.role || identity.cafeId != m_identity.cafeId) {
            // The hub gave another role (a manager changed it): the connection's query still
            // names the old one and every namespace would refuse it, so connect afresh with
            // the new token. The socket that asked is replaced and needs no answer.
            connectWithToken(m_hub, token, refresh.isEmpty() ? m_refreshToken : refresh);
            return;
        }
        m_token = token;
        if (!refresh.isEmpty())
            m_refreshToken = refresh;
        m_identity = identity;
        Q_EMIT identityChanged(m_identity);
        done(true);
    });
}

void CafeSession::onStaffUpdated(const QJsonObject &data, const QDateTime &now)
{
    // The hub's own event (docs/events.md): the console acts on news about its own user only.
    // A new role is taken at once, through a fresh token; a disable, a new PIN or a revocation
    // ends the connection on the hub's side, and the refused reconnect says so.
    const QString userId = data.value(L1("user_id")).toString();
    if (userId.isEmpty() || userId != m_identity.userId)
        return;
    const QJsonArray changes = data.value(L1("changes")).toArray();
    QStringList names;
    for (const QJsonValue &c : changes)
        names.append(c.toString());
    m_eventLog->appendNote(Contract::path(Namespace::Employees),
                           Contract::name(Contract::Event::StaffUpdated),
                           names.join(QStringLiteral(", ")), now);
    if (names.contains(QStringLiteral("role_changed"))
        && data.value(L1("role")).toString() != m_identity.role)
        refreshToken([](bool) {});
}

void CafeSession::updateStockWarnings()
{
    // "7 Oat Milk Latte waiting, 5 portions left": for each product that needs a low or empty
    // ingredient, how many wait in the queue against how many the stock still makes.
    QHash<QString, int> waiting;
    for (const Order &o : m_orders->rows()) {
        if (!isOpenStatus(o.status) || o.status == OrderStatus::Ready)
            continue;
        for (const OrderItem &i : o.items)
            waiting[i.productName] += i.quantity;
    }
    QHash<QString, QString> warnings;
    for (const MenuProduct &p : std::as_const(m_menu)) {
        for (auto it = p.recipe.constBegin(); it != p.recipe.constEnd(); ++it) {
            const StockItem *s = m_inventory->item(it.key());
            if (!s || (!s->isOut() && !s->isLow()) || it.value() <= 0)
                continue;
            const int portions = int(std::floor(s->stock / it.value()));
            const int w = waiting.value(p.name);
            QString text = s->isOut() ? tr("%1 out: %2 %3 waiting").arg(s->name).arg(w).arg(p.name)
                                      : tr("%1 %2 waiting, %3 portions of %4 left")
                                            .arg(w)
                                            .arg(p.name)
                                            .arg(portions)
                                            .arg(s->name);
            QString &slot = warnings[p.name];
            slot = slot.isEmpty() ? text : slot + QStringLiteral("; ") + text;
        }
    }
    m_orders->setStockWarnings(warnings);
}

QString CafeSession::livenessText() const
{
    switch (m_liveness) {
    case Liveness::Live:
        return tr("Live");
    case Liveness::Connecting:
        return tr("Connecting…");
    case Liveness::Reconnecting:
        return tr("Reconnecting…");
    case Liveness::Silent:
        return tr("No heartbeat from the hub");
    case Liveness::Offline:
        return tr("Offline");
    case Liveness::Refused:
        return tr("Refused: %1").arg(m_lastError);
    }
    return {};
}

void CafeSession::updateLiveness()
{
    Liveness next = Liveness::Offline;
    if (m_manager) {
        bool allConnected = true;
        for (const auto &s : std::as_const(m_sockets))
            allConnected = allConnected && s && s->isConnected();
        switch (m_manager->state()) {
        case SioManager::State::Connected: {
            next = allConnected
                       ? Liveness::Live
                       : (m_lastError.isEmpty() ? Liveness::Connecting : Liveness::Refused);
            // Silent beyond the heartbeat: the hub's pings stopped but the link has not dropped
            // yet. (The link's own time is real time, whatever clock the views show.)
            const EngineSession *session = m_manager->session();
            if (next == Liveness::Live && session) {
                const qint64 budget
                    = qint64(session->handshake().pingInterval) + session->handshake().pingTimeout;
                if (m_manager->lastPing().isValid()
                    && m_manager->lastPing().msecsTo(QDateTime::currentDateTimeUtc()) > budget)
                    next = Liveness::Silent;
            }
            break;
        }
        case SioManager::State::Connecting:
            next = m_lastError.isEmpty() ? Liveness::Connecting : Liveness::Refused;
            break;
        case SioManager::State::Reconnecting:
            next = Liveness::Reconnecting;
            break;
        case SioManager::State::Disconnected:
            next = m_lastError.isEmpty() ? Liveness::Offline : Liveness::Refused;
            break;
        }
    }
    if (next == Liveness::Live)
        m_lastError.clear();
    if (next != m_liveness) {
        m_liveness = next;
        Q_EMIT livenessChanged(next);
    }
}

void CafeSession::scheduleSummaries()
{
    // Counter loads, all-day counts and stock warnings are recounted over the whole queue. A
    // batch lands every frame under load, and recounting 5,000 orders each time stalled the UI
    // thread for tens of ms (benchmarks/uiresponsiveness): the first change after a quiet spell
    // recounts at once, changes inside the interval are folded into one trailing recount.
    if (m_summaryTimer.isActive())
        return;
    if (!m_lastSummaries.isValid() || m_lastSummaries.elapsed() >= SummaryIntervalMs) {
        updateSummaries();
        return;
    }
    m_summaryTimer.start(int(SummaryIntervalMs - m_lastSummaries.elapsed()), this);
}

void CafeSession::updateSummaries()
{
    m_summaryTimer.stop();
    m_lastSummaries.start();
    m_counters->updateLoads(*m_orders);
    m_allDay->recount(*m_orders, m_followedCounter);
    updateStockWarnings();
}

void CafeSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_summaryTimer.timerId()) {
        updateSummaries();
        return;
    }
    if (event->timerId() != m_tick.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    updateLiveness();
    m_dashboard->catchUp();
    Q_EMIT namespaceFreshnessChanged();
    flushOutbox();
}

} // namespace TableTap
