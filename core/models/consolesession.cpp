// The console's connection to a hub.
#include "consolesession.h"

#include "eventmapper.h"
#include "modelslogging.h"
#include "moneycents.h"
#include "outbox.h"
#include "snapshotloader.h"

#include <QJsonArray>
#include <QTimerEvent>

#include <algorithm>
#include <cmath>
#include <memory>

namespace TableTap {

namespace {

using L1 = QLatin1String;
using Contract::Command;
using Contract::Namespace;
namespace Keys = Contract::Keys;

// The hub's default recall window (docs/commands.md), for a server whose settings do not say.
constexpr int DefaultRecallWindowSeconds = 60;
// A window longer than a day is not a recall any more; the bound keeps the milliseconds sane.
constexpr int MaxRecallWindowSeconds = 24 * 60 * 60;
// On "All counters" the console joins the room of every counter it hears of; counter names come
// from the server, so the rooms it asks for are bounded (a cafe has a handful of counters).
constexpr int MaxCounterRooms = 64;

} // namespace

ConsoleSession::ConsoleSession(QObject *parent)
    : ConsoleSession(nullptr, parent)
{}

ConsoleSession::ConsoleSession(EventSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_clock(new ConsoleClock(this))
    , m_orders(new OrderQueueModel(this))
    , m_allDay(new AllDayModel(this))
    , m_counters(new CounterModel(this))
    , m_inventory(new InventoryModel(this))
    , m_alerts(new StockAlertModel(this))
    , m_timesheets(new TimesheetModel(this))
    , m_shifts(new ShiftListModel(this))
    , m_payments(new PaymentModel(this))
    , m_dashboard(new DashboardModel(this))
    , m_eventLog(new EventLogModel(this))
    , m_outbox(new OutboxModel(this))
    , m_staff(new StaffModel(this))
    , m_loader(new SnapshotLoader(source, this))
    , m_sender(new Outbox(source, m_outbox, this))
{
    connect(m_orders, &BatchedTableModel::flushed, this, &ConsoleSession::scheduleSummaries);
    connect(m_inventory, &BatchedTableModel::flushed, this, &ConsoleSession::scheduleSummaries);
    m_payments->setOrderNumberLookup([this](const QString &orderId) {
        const Order *o = m_orders->order(orderId);
        return o ? o->number : QString();
    });
    const auto now = [clock = m_clock] {
        return clock->now();
    };
    m_orders->setClock(now);
    m_timesheets->setClock(now);
    m_shifts->setClock(now);
    m_payments->setClock(now);
    m_dashboard->setClock(now);
    m_sender->setClock(now);
    connect(m_loader, &SnapshotLoader::loaded, this, &ConsoleSession::onSnapshot);
    connect(m_loader, &SnapshotLoader::refused, this,
            [this](const QString &nsp, const QString &command, const QString &message) {
                m_eventLog->appendNote(nsp, command, message, m_clock->now());
            });
    connect(m_loader, &SnapshotLoader::offerChanged, this, [this](SnapshotLoader::Offer offer) {
        // Only a server known to ack and apply request ids once gets an unanswered action again.
        m_sender->setResendUnanswered(offer != SnapshotLoader::Offer::NotOffered);
        saveOutbox();
        if (offer == SnapshotLoader::Offer::NotOffered)
            m_eventLog->appendNote(QString(), QStringLiteral("snapshots"),
                                   tr("this server offers no snapshots: live events only"),
                                   m_clock->now());
        Q_EMIT snapshotOfferChanged();
    });
    connect(m_sender, &Outbox::serverAnswered, m_loader, &SnapshotLoader::serverAnswered);
    // Every change of the outbox reaches the disk before anything else happens.
    connect(m_outbox, &BatchedTableModel::flushed, this, &ConsoleSession::saveOutbox);
    connect(m_sender, &Outbox::unconfirmed, this,
            [this](const QString &requestId, const QString &why) {
                const OutboxEntry *e = m_outbox->entry(requestId);
                if (e) {
                    m_eventLog->appendNote(e->nsp, e->command, tr("unknown: %1").arg(why),
                                           m_clock->now());
                    // The row may be acted on again (after a look at the order).
                    const QString orderId = e->payload.value(QLatin1String("order_id")).toString();
                    if (!orderId.isEmpty())
                        m_orders->setPendingAction(orderId, {});
                }
                Q_EMIT commandUnconfirmed(requestId, why);
            });
    connect(m_sender, &Outbox::answered, this, &ConsoleSession::commandAnswered);
    connect(m_sender, &Outbox::finished, this,
            [this](const QString &requestId, bool ok, const QString &errorType,
                   const QString &message) {
                const OutboxEntry *e = m_outbox->entry(requestId);
                const QString orderId
                    = e ? e->payload.value(QLatin1String("order_id")).toString() : QString();
                if (!ok) {
                    if (!orderId.isEmpty())
                        m_orders->setPendingAction(orderId, {});
                    m_recalls.remove(orderId);
                } else if (e && e->command == Contract::name(Command::CheckOrderItem)
                           && !orderId.isEmpty()) {
                    // A tick the hub found done already answers without an event: the ack is
                    // the confirmation (the event, when there is one, follows it).
                    m_orders->setPendingAction(orderId, {});
                }
                Q_EMIT commandFinished(requestId, ok, errorType, message);
            });
    if (m_source)
        connectSource();
    m_tick.start(1000, Qt::CoarseTimer, this);
}

ConsoleSession::~ConsoleSession()
{
    if (m_source) {
        disconnect(m_source, nullptr, this, nullptr);
        m_source->close();
    }
}

const QStringList &ConsoleSession::namespaces()
{
    static const QStringList names = [] {
        QStringList out;
        for (const Namespace ns : kNamespaces)
            out << Contract::path(ns);
        return out;
    }();
    return names;
}

void ConsoleSession::connectSource()
{
    connect(m_source, &EventSource::opened, this, &ConsoleSession::onOpened);
    connect(m_source, &EventSource::eventReceived, this, &ConsoleSession::onEvent);
    connect(m_source, &EventSource::liteEventReceived, this, &ConsoleSession::onLiteEvent);
    connect(m_source, &EventSource::namespaceConnected, this,
            &ConsoleSession::onNamespaceConnected);
    connect(m_source, &EventSource::namespaceDisconnected, this,
            [this](const QString &nsp, const QString &reason) {
                m_eventLog->appendNote(nsp, QStringLiteral("disconnected"), reason, m_clock->now());
                updateLiveness();
            });
    connect(m_source, &EventSource::connectError, this,
            [this](const QString &nsp, const QString &message, const QString &type) {
                m_lastError = type.isEmpty() ? message : type + QStringLiteral(": ") + message;
                m_eventLog->appendNote(nsp, QStringLiteral("connect_error"), m_lastError,
                                       m_clock->now());
                Q_EMIT connectError(nsp, message, type);
                updateLiveness();
            });
    connect(m_source, &EventSource::signInFailed, this, &ConsoleSession::signInFailed);
    connect(m_source, &EventSource::tokenChanged, this, [this](const QString &token) {
        m_identity = SessionIdentity::fromToken(token);
        Q_EMIT identityChanged(m_identity);
    });
    connect(m_source, &EventSource::linkStateChanged, this, [this] {
        updateLiveness();
        Q_EMIT stateChanged();
    });
    connect(m_source, &EventSource::reconnectScheduled, this, [this](int attempt, int delay) {
        m_eventLog->appendNote(QString(), QStringLiteral("reconnecting"),
                               tr("attempt %1 in %2 ms").arg(attempt).arg(delay), m_clock->now());
    });
}

void ConsoleSession::signIn(const QUrl &hub, const QString &cafeId, const QString &employeeCode,
                            const QString &pin)
{
    if (m_source)
        m_source->open({hub, cafeId, employeeCode, pin, {}, {}, m_caFile});
}

void ConsoleSession::connectWithToken(const QUrl &hub, const QString &token, const QString &refresh)
{
    if (m_source)
        m_source->open({hub, {}, {}, {}, token, refresh, m_caFile});
    else
        onOpened(hub, token); // the token names whom the views serve; nothing is ever sent
}

void ConsoleSession::onOpened(const QUrl &hub, const QString &accessToken)
{
    // A new link: what was asked on the old one is lost. Actions sent go out again with their
    // request ids; snapshots are all loaded again on the first connect.
    m_sender->linkLost();
    m_loader->forget();
    m_connectedOnce.clear();
    m_liveSince = {};
    m_lastGap = {};
    m_open = true;
    m_hub = hub;
    const SessionIdentity before = m_identity;
    m_identity = SessionIdentity::fromToken(accessToken);
    // Another person or cafe, or no longer a manager: the staff list is not theirs to keep.
    if (m_identity.userId != before.userId || m_identity.cafeId != before.cafeId
        || !m_identity.isManager()) {
        m_staff->clear();
        m_staffWanted = false;
    }
    m_lastError.clear();
    bindOutboxStore();
    Q_EMIT identityChanged(m_identity);
    updateLiveness();
}

void ConsoleSession::disconnectFromHub()
{
    m_open = false;
    if (m_source)
        m_source->close();
    m_sender->linkLost();
    m_loader->forget();
    updateLiveness();
    Q_EMIT stateChanged();
}

QString ConsoleSession::caFileProblem(const QString &path) const
{
    return m_source ? m_source->caFileProblem(path) : QString();
}

void ConsoleSession::setCommandTimeout(int ms)
{
    m_queryTimeoutMs = ms;
    m_loader->setTimeout(ms);
    m_sender->setTimeout(ms);
}

void ConsoleSession::setSnapshotProbeTimeout(int ms)
{
    m_loader->setProbeTimeout(ms);
}

void ConsoleSession::setOutboxDirectory(const QString &directory)
{
    m_store = OutboxStore(directory);
    m_storeKey = {};
    if (m_open)
        bindOutboxStore();
}

void ConsoleSession::bindOutboxStore()
{
    const OutboxStore::Key key{m_hub, m_identity.cafeId, m_identity.userId};
    if (key == m_storeKey)
        return;
    if (m_storeKey.isValid()) {
        // Another person, cafe or hub: the previous one's actions are in their file already and
        // must not go out under this sign-in.
        saveOutbox();
        const QList<OutboxEntry> rows = m_outbox->rows();
        m_restoring = true; // their file stays as it is
        for (const OutboxEntry &e : rows)
            m_outbox->remove(e.requestId);
        m_restoring = false;
    }
    m_storeKey = key;
    if (!m_store.isEnabled() || !key.isValid())
        return;
    QString error;
    const QList<OutboxEntry> restored = m_store.load(key, &error);
    if (!error.isEmpty())
        m_eventLog->appendNote(QString(), QStringLiteral("outbox"),
                               tr("the saved outbox could not be read: %1").arg(error),
                               m_clock->now());
    if (!restored.isEmpty()) {
        m_eventLog->appendNote(
            QString(), QStringLiteral("outbox"),
            tr("%n action(s) saved at the last close wait again", nullptr, int(restored.size())),
            m_clock->now());
        // Actions taken before this sign-in (none named a person yet) stay after the saved ones.
        const QList<OutboxEntry> before = m_outbox->rows();
        m_restoring = true;
        for (const OutboxEntry &e : before)
            m_outbox->remove(e.requestId);
        m_sender->restore(restored);
        m_sender->restore(before);
        m_restoring = false;
    }
    saveOutbox();
}

void ConsoleSession::saveOutbox()
{
    if (m_restoring || !outboxPersistent())
        return;
    QString error;
    if (!m_store.save(m_storeKey, m_outbox->rows(), m_sender->resendUnanswered(), &error))
        m_eventLog->appendNote(QString(), QStringLiteral("outbox"),
                               tr("the outbox could not be saved: %1").arg(error), m_clock->now());
}

bool ConsoleSession::retryAction(const QString &requestId)
{
    return m_sender->retry(requestId);
}

bool ConsoleSession::discardAction(const QString &requestId)
{
    const OutboxEntry *e = m_outbox->entry(requestId);
    const QString orderId = e ? e->payload.value(QLatin1String("order_id")).toString() : QString();
    if (!m_sender->discard(requestId))
        return false;
    if (!orderId.isEmpty())
        m_orders->setPendingAction(orderId, {});
    return true;
}

void ConsoleSession::discardWaitingActions()
{
    const QList<OutboxEntry> rows = m_outbox->rows();
    for (const OutboxEntry &e : rows)
        if (OutboxStore::isWaiting(e.state)) {
            m_sender->discard(e.requestId, true);
            const QString orderId = e.payload.value(QLatin1String("order_id")).toString();
            if (!orderId.isEmpty())
                m_orders->setPendingAction(orderId, {});
        }
}

SnapshotLoader::Offer ConsoleSession::snapshotOffer() const
{
    return m_loader->offer();
}

QString ConsoleSession::accessToken() const
{
    return m_source ? m_source->accessToken() : QString();
}

EventSource::LinkState ConsoleSession::linkState() const
{
    return m_source && m_open ? m_source->linkState() : EventSource::LinkState::Offline;
}

QString ConsoleSession::transportName() const
{
    return m_source ? m_source->transportName() : QString();
}

bool ConsoleSession::isNamespaceConnected(const QString &nsp) const
{
    return m_source && m_source->isConnected(nsp);
}

void ConsoleSession::onNamespaceConnected(const QString &nsp, bool recovered)
{
    m_eventLog->appendNote(nsp, QStringLiteral("connected"),
                           recovered ? tr("recovered: missed events replayed")
                           : liveEventsOnly()
                               ? tr("new session: events missed meanwhile are lost (this server "
                                    "offers no snapshots)")
                               : tr("new session: loading snapshot"),
                           m_clock->now());
    if (!m_liveSince.isValid())
        m_liveSince = m_clock->now();
    if (!recovered && m_connectedOnce.contains(nsp))
        m_lastGap = m_clock->now();
    m_connectedOnce.insert(nsp);
    if (!recovered || m_loader->isStale(nsp))
        m_loader->load(nsp);
    // staff:updated missed meanwhile: the staff list again, if this console keeps one.
    if (nsp == Contract::path(Namespace::Employees) && m_staffWanted
        && (!recovered || !m_staff->isLoaded()))
        loadStaff();
    // Counter rooms are the hub's per connection: a recovered session is still in them, a new
    // one in none.
    if (nsp == Contract::path(Namespace::Orders)) {
        if (!recovered) {
            m_counterRooms.clear();
            m_counterRoomsFull = false;
        }
        syncCounterRooms();
    }
    m_sender->flush();
    updateLiveness();
}

void ConsoleSession::rebuildDashboard()
{
    QList<std::pair<QDateTime, Cents>> revenue;
    for (const PaymentRecord &p : m_payments->rows())
        if (p.status == QLatin1String("completed") || p.status == QLatin1String("refunded"))
            revenue.append({p.updatedAt, p.amount});
    m_dashboard->reset(m_orders->rows(), revenue);
}

void ConsoleSession::onSnapshot(const QString &nsp, const CafeSnapshot &snapshot)
{
    // Each answer into its models; what needs other rows or the menu is put together here.
    if (const auto *menu = std::get_if<MenuSnapshot>(&snapshot)) {
        applyMenu(menu->products);
    } else if (const auto *orders = std::get_if<OrdersSnapshot>(&snapshot)) {
        m_orders->resetOrders(orders->open + orders->recent);
        if (m_followedCounter.isEmpty())
            syncCounterRooms();
        // Our hub sums the whole day; recent_orders alone is the last few hundred at most.
        m_dayFigures = orders->day.has_value();
        if (orders->day)
            m_dashboard->resetFromDay(*orders->day, orders->open + orders->recent);
        else
            rebuildDashboard();
        Q_EMIT resynced(nsp);
    } else if (const auto *inventory = std::get_if<InventorySnapshot>(&snapshot)) {
        QList<StockItem> items = inventory->items;
        QHash<QString, QString> productNames;
        for (const MenuProduct &p : std::as_const(m_menu))
            productNames.insert(p.id, p.name);
        // Products disabled for lack of an ingredient, by ingredient.
        QHash<QString, QStringList> disabledBy;
        for (const DisabledProduct &d : inventory->disabled)
            for (const QString &ingredient : d.missingIngredients)
                disabledBy[ingredient] << d.name;
        for (StockItem &s : items) {
            // Menu product ids (names when another server sends them).
            for (QString &ref : s.usedBy)
                ref = productNames.value(ref, ref);
            s.disabledProducts = disabledBy.value(s.id);
        }
        m_inventory->resetItems(items);
        m_alerts->resetFromInventory(items);
        m_alertsNamed = std::any_of(items.cbegin(), items.cend(),
                                    [](const StockItem &s) { return s.alertsNamed; });
        Q_EMIT resynced(nsp);
    } else if (const auto *times = std::get_if<TimesheetsSnapshot>(&snapshot)) {
        QHash<QString, StaffShift> byUser;
        QStringList order;
        const QDate today = m_clock->now().date();
        // Today's closed shifts add up to hours and pay today.
        QHash<QString, std::pair<double, Cents>> closedToday;
        for (const TimesheetRow &t : times->timesheets) {
            if (!t.clockOutTime.isValid() || t.clockOutTime.date() != today)
                continue;
            auto &sum = closedToday[t.userId];
            sum.first += t.totalHours;
            sum.second += t.totalPay;
        }
        for (const StaffRow &row : times->staff) {
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
        m_shifts->resetSheets(times->timesheets);
        Q_EMIT resynced(nsp);
    } else if (const auto *payments = std::get_if<PaymentsSnapshot>(&snapshot)) {
        m_payments->resetPayments(payments->payments);
        // The day's figures already hold the revenue (and the events since): a reset from the
        // payments would drop what arrived after them.
        if (!m_dayFigures)
            rebuildDashboard();
        Q_EMIT resynced(nsp);
    } else if (const auto *settings = std::get_if<SettingsSnapshot>(&snapshot)) {
        m_settings = settings->settings;
        m_settingsHistory = settings->history;
        Q_EMIT settingsChanged();
    } else if (const auto *counters = std::get_if<CountersSnapshot>(&snapshot)) {
        m_counters->resetCounters(counters->counters);
        m_counters->updateLoads(*m_orders);
        if (m_followedCounter.isEmpty())
            syncCounterRooms();
        Q_EMIT resynced(nsp);
    }
}

void ConsoleSession::applyMenu(QList<MenuProduct> menu)
{
    m_menu = std::move(menu);
    nameProductsInStock();
    updateStockWarnings();
    Q_EMIT menuChanged();
}

void ConsoleSession::nameProductsInStock()
{
    // Our hub lists the products an ingredient goes into by id; an inventory answer that came
    // before the menu kept the ids. Now that the names are known, rows and alerts show them.
    QHash<QString, QString> names;
    for (const MenuProduct &p : std::as_const(m_menu))
        names.insert(p.id, p.name);
    const auto rename = [&names](QStringList &refs) {
        bool changed = false;
        for (QString &ref : refs) {
            const QString name = names.value(ref);
            if (!name.isEmpty() && name != ref) {
                ref = name;
                changed = true;
            }
        }
        return changed;
    };
    for (int r = 0; r < m_inventory->rowCount(); ++r) {
        const QString key = m_inventory->keyAt(r);
        const StockItem *current = m_inventory->find(key);
        if (!current)
            continue;
        StockItem s = *current;
        if (rename(s.usedBy))
            m_inventory->upsert(key, s);
    }
    for (int r = 0; r < m_alerts->rowCount(); ++r) {
        const QString key = m_alerts->keyAt(r);
        const StockAlert *current = m_alerts->find(key);
        if (!current)
            continue;
        StockAlert a = *current;
        if (rename(a.affects))
            m_alerts->upsert(key, a);
    }
}

void ConsoleSession::applyMenuEvent(const CafeEvent &e)
{
    if (const auto *p = std::get_if<MenuUpdated>(&e.payload)) {
        QList<MenuProduct> menu = m_menu;
        menu.removeIf([p](const MenuProduct &m) { return p->removed.contains(m.id); });
        for (const MenuProduct &changed : p->products) {
            const auto it = std::find_if(menu.begin(), menu.end(),
                                         [&](const MenuProduct &m) { return m.id == changed.id; });
            if (it != menu.end())
                *it = changed;
            else
                menu.append(changed);
        }
        std::stable_sort(menu.begin(), menu.end(), [](const MenuProduct &a, const MenuProduct &b) {
            return a.position < b.position;
        });
        applyMenu(std::move(menu));
    } else if (const auto *p = std::get_if<MenuAvailabilityChanged>(&e.payload)) {
        QList<MenuProduct> menu = m_menu;
        bool found = false;
        for (MenuProduct &m : menu) {
            if (m.id != p->productId)
                continue;
            const auto mark = [p](auto &target) {
                target.offSale = !p->available;
                target.offSaleReason = p->available ? QString() : p->reason;
                target.offSaleUntil = p->available ? QDateTime() : p->until;
            };
            if (p->customizationId.isEmpty()) {
                mark(m);
                found = true;
            }
            for (MenuCustomization &c : m.options) {
                if (!p->customizationId.isEmpty() && c.id == p->customizationId) {
                    mark(c);
                    found = true;
                }
            }
        }
        if (!found)
            return;
        // Off sale shows at once; whether stock allows it back is the hub's to say (the
        // automatic flag and short ingredients): the menu is reloaded when it comes back.
        if (!p->available) {
            for (MenuProduct &m : menu) {
                if (m.id == p->productId && p->customizationId.isEmpty())
                    m.available = false;
                for (MenuCustomization &c : m.options)
                    if (c.id == p->customizationId && !p->customizationId.isEmpty())
                        c.available = false;
            }
        }
        applyMenu(std::move(menu));
        if (p->available)
            m_loader->query(Command::ListMenu, {}, [this](const CafeSnapshot &snapshot) {
                if (const auto *m = std::get_if<MenuSnapshot>(&snapshot))
                    applyMenu(m->products);
            });
    }
}

void ConsoleSession::onEvent(const QString &nsp, const QString &name, const QJsonValue &envelope)
{
    const QDateTime now = m_clock->now();
    m_lastEvent.insert(nsp, now);
    if (name == Contract::name(Contract::Event::StaffUpdated)) {
        onStaffUpdated(envelope.toObject().value(Contract::Keys::Data).toObject(), now);
        return;
    }
    if (name == Contract::name(Contract::Event::Error)) {
        onServerError(nsp, envelope, now);
        return;
    }
    applyMapped(nsp, name, EventMapper::mapEvent(nsp, name, envelope), now);
}

void ConsoleSession::onLiteEvent(const QString &nsp, const QString &name,
                                 const LiteJsonArg &envelope)
{
    // The two events read whole as Qt's tree take the tree (rare: a staff change, an error).
    if (name == Contract::name(Contract::Event::StaffUpdated)
        || name == Contract::name(Contract::Event::Error)) {
        onEvent(nsp, name, envelope.value.toJsonValue());
        return;
    }
    const QDateTime now = m_clock->now();
    m_lastEvent.insert(nsp, now);
    applyMapped(nsp, name, EventMapper::mapEvent(nsp, name, envelope.value), now);
}

void ConsoleSession::applyMapped(const QString &nsp, const QString &name,
                                 const Decoded<CafeEvent> &mapped, const QDateTime &now)
{
    if (!mapped) {
        // Not one of ours (or malformed): log it rather than guess.
        m_eventLog->appendNote(nsp, name, tr("not understood: %1").arg(mapped.error()), now);
        return;
    }
    const CafeEvent &e = *mapped;
    if (!e.meta.cafeId.isEmpty() && m_identity.isValid() && e.meta.cafeId != m_identity.cafeId) {
        // Belt and braces: the hub never sends another cafe's events; if one came, drop it.
        m_eventLog->appendNote(nsp, name, tr("dropped: another cafe's event"), now);
        return;
    }
    m_eventLog->append(e, now);
    m_orders->apply(e);
    m_counters->apply(e);
    m_inventory->apply(e);
    m_alerts->apply(e);
    m_timesheets->apply(e);
    m_shifts->apply(e);
    m_payments->apply(e);
    m_dashboard->apply(e);
    confirmActions(e);
    Q_EMIT eventApplied(e);
    if (m_followedCounter.isEmpty()) {
        // A counter this console has not heard of yet: into its room as well.
        if (const auto *p = std::get_if<OrderCreated>(&e.payload))
            setCounterRoom(p->order.counter, true);
        else if (const auto *p = std::get_if<OrderAssignedCounter>(&e.payload))
            setCounterRoom(p->newCounter, true);
        else if (const auto *p = std::get_if<CounterStatusChanged>(&e.payload)) {
            setCounterRoom(p->counterName, true);
            setCounterRoom(p->ordersReassignedTo, true);
        }
    }

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
        for (const SettingChange &c : p->changes) {
            m_settings.insert(c.key, c.next);
            m_settingsHistory.prepend(
                {c.key, c.previous, c.next, p->updatedBy.id, p->updatedBy.name, e.meta.timestamp});
        }
        Q_EMIT settingsChanged();
    } else if (std::holds_alternative<TimesheetCorrected>(e.payload)) {
        // Hours and pay today per person follow the corrected sheet: the hub sums them again.
        m_loader->load(Contract::path(Namespace::Employees));
    } else if (std::holds_alternative<StockLevelsChanged>(e.payload)) {
        // The item's levels, its low flag and its alert, as the hub now has them.
        m_loader->load(Contract::path(Namespace::Inventory));
    }
    applyMenuEvent(e);
    // Products are disabled when an ingredient runs out and enabled again by a restock: reload
    // the menu (small) on those events rather than mirror the hub's rules here.
    const auto *stock = std::get_if<StockUpdated>(&e.payload);
    if (std::holds_alternative<OutOfStock>(e.payload)
        || (stock && stock->changeType != QLatin1String("sale")))
        m_loader->query(Command::ListMenu, {}, [this](const CafeSnapshot &menu) {
            if (const auto *m = std::get_if<MenuSnapshot>(&menu))
                applyMenu(m->products);
        });
}

QString ConsoleSession::sendCommand(const QString &nsp, const QString &command,
                                    const QJsonObject &payload, const QString &description,
                                    const QString &orderId)
{
    const QString requestId = m_sender->submit(nsp, command, payload, description);
    // Refused at once (the outbox is full): the row is not waiting for anything.
    const OutboxEntry *e = m_outbox->entry(requestId);
    if (!orderId.isEmpty() && e && e->state != OutboxEntry::State::Refused)
        m_orders->setPendingAction(orderId, description);
    m_sender->flush();
    return requestId;
}

bool ConsoleSession::query(Contract::Command command, const QJsonObject &payload, QObject *context,
                           QueryDone done)
{
    const QString nsp = Contract::path(Contract::commandNamespace(command));
    if (!m_source || !m_source->isConnected(nsp)) {
        done({false, {}, QStringLiteral("OFFLINE"), tr("not connected to the hub")});
        return false;
    }
    // NotSent answers synchronously, inside request(): that is how "not sent" is known here.
    auto sent = std::make_shared<bool>(true);
    QPointer<SnapshotLoader> loader = m_loader;
    m_source->request(
        nsp, Contract::name(command), payload, m_queryTimeoutMs, context,
        [done = std::move(done), sent, loader](const SourceReply &reply) {
            QueryAnswer a;
            if (reply.kind == SourceReply::Kind::NotSent) {
                *sent = false;
                a.errorType = QStringLiteral("OFFLINE");
                a.message = reply.error;
            } else if (reply.kind == SourceReply::Kind::NoAnswer) {
                a.errorType = QStringLiteral("TIMEOUT");
                a.message = reply.error.isEmpty() ? tr("no answer from the hub") : reply.error;
            } else {
                const QJsonObject answer = reply.answer.toObject();
                const QJsonObject error = answer.value(Contract::Keys::Error).toObject();
                a.ok = answer.value(Contract::Keys::Ok).toBool();
                a.data = answer.value(Contract::Keys::Data);
                a.errorType = error.value(Contract::Keys::Type).toString();
                a.message = error.value(Contract::Keys::Message).toString();
                if (loader)
                    loader->serverAnswered();
            }
            done(a);
        });
    return *sent;
}

bool ConsoleSession::loadStaff()
{
    if (!m_identity.isManager())
        return false;
    // Asked for before /employees is up (a console opening on the Staff view): loaded then.
    m_staffWanted = true;
    return query(Contract::Command::ListStaff, {}, this, [this](const QueryAnswer &a) {
        if (a.ok)
            m_staff->resetStaff(EventMapper::mapStaffList(a.data));
        Q_EMIT staffLoaded(a.ok, a.message.isEmpty() ? a.errorType : a.message);
    });
}

QString ConsoleSession::sendCommand(Contract::Command command, const QJsonObject &payload,
                                    const QString &description, const QString &orderId)
{
    return sendCommand(Contract::path(Contract::commandNamespace(command)), Contract::name(command),
                       payload, description, orderId);
}

QString ConsoleSession::setOrderStatus(const QString &orderId, OrderStatus status,
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

QString ConsoleSession::advanceOrder(const QString &orderId)
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

QString ConsoleSession::checkItem(const QString &orderId, const QString &itemId, bool made)
{
    const Order *o = m_orders->order(orderId);
    QString what = itemId;
    if (o) {
        for (const OrderItem &i : o->items)
            if (i.id == itemId)
                what = i.productName;
    }
    const QString number = o ? o->number : orderId;
    return sendCommand(Command::CheckOrderItem,
                       {{QStringLiteral("order_id"), orderId},
                        {QStringLiteral("item_id"), itemId},
                        {QStringLiteral("made"), made}},
                       made ? tr("%1: %2 made").arg(number, what)
                            : tr("%1: %2 not made").arg(number, what),
                       orderId);
}

bool ConsoleSession::canRecall(const QString &orderId) const
{
    const auto it = m_recalls.constFind(orderId);
    if (it == m_recalls.constEnd())
        return false;
    const Order *o = m_orders->order(orderId);
    return o && o->status == it->next && it->at.msecsTo(m_clock->now()) < recallWindowMs();
}

qint64 ConsoleSession::recallWindowMs() const
{
    // The hub accepts a recall for the cafe's recall_window_seconds (0: never); offering one it
    // would refuse, or hiding one it would take, is the console being wrong.
    const QVariant v = m_settings.value(QStringLiteral("recall_window_seconds"));
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (!v.isValid() || !ok || !std::isfinite(seconds) || seconds < 0)
        return qint64(DefaultRecallWindowSeconds) * 1000;
    return qint64(std::min<double>(seconds, MaxRecallWindowSeconds) * 1000);
}

QString ConsoleSession::recallOrder(const QString &orderId)
{
    if (!canRecall(orderId))
        return {};
    const Recall r = m_recalls.take(orderId);
    return setOrderStatus(orderId, r.previous, tr("Recalled"));
}

QString ConsoleSession::cancelOrder(const QString &orderId, const QString &reason)
{
    const Order *o = m_orders->order(orderId);
    return sendCommand(Command::CancelOrder,
                       {{QStringLiteral("order_id"), orderId}, {QStringLiteral("reason"), reason}},
                       tr("cancel %1").arg(o ? o->number : orderId), orderId);
}

QString ConsoleSession::reassignOrder(const QString &orderId, const QString &counter,
                                      const QString &reason)
{
    const Order *o = m_orders->order(orderId);
    return sendCommand(Command::AssignCounter,
                       {{QStringLiteral("order_id"), orderId},
                        {QStringLiteral("counter"), counter},
                        {QStringLiteral("reason"), reason}},
                       tr("move %1 to %2").arg(o ? o->number : orderId, counter), orderId);
}

QString ConsoleSession::setCounterStatus(const QString &counter, bool active, const QString &reason)
{
    const QString status = active ? QStringLiteral("active") : QStringLiteral("inactive");
    return sendCommand(Command::SetCounterStatus,
                       {{QStringLiteral("counter"), counter},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("reason"), reason}},
                       tr("%1 → %2").arg(counter, status));
}

QString ConsoleSession::adjustStock(const QString &itemId, const QString &changeType,
                                    double quantity, const QString &note)
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

QString ConsoleSession::updateSettings(const QJsonObject &changes)
{
    return sendCommand(Command::UpdateSettings, changes,
                       tr("settings: %1").arg(changes.keys().join(QStringLiteral(", "))));
}

QString ConsoleSession::setStockLevels(const QString &itemId, qint64 reorderLevel, qint64 maxStock)
{
    const StockItem *s = m_inventory->item(itemId);
    QJsonObject payload{{QStringLiteral("item_id"), itemId}};
    if (reorderLevel >= 0)
        payload.insert(QStringLiteral("reorder_level"), reorderLevel);
    if (maxStock >= 0)
        payload.insert(QStringLiteral("max_stock"), maxStock);
    return sendCommand(Command::SetStockLevels, payload,
                       tr("stock levels of %1").arg(s ? s->name : itemId));
}

QString ConsoleSession::correctTimesheet(const QString &timesheetId, const QDateTime &clockIn,
                                         const QDateTime &clockOut, int breakMinutes,
                                         const QString &reason)
{
    QJsonObject payload{{QStringLiteral("timesheet_id"), timesheetId},
                        {QStringLiteral("reason"), reason}};
    if (clockIn.isValid())
        payload.insert(QStringLiteral("clock_in"), clockIn.toUTC().toString(Qt::ISODate));
    if (clockOut.isValid())
        payload.insert(QStringLiteral("clock_out"), clockOut.toUTC().toString(Qt::ISODate));
    if (breakMinutes >= 0)
        payload.insert(QStringLiteral("break_minutes"), breakMinutes);
    const TimesheetRow *sheet = m_shifts->sheet(timesheetId);
    return sendCommand(
        Command::CorrectTimesheet, payload,
        tr("correct the timesheet of %1").arg(sheet ? sheet->employeeName : timesheetId));
}

QString ConsoleSession::clockIn(const QString &notes)
{
    return sendCommand(Command::ClockIn, {{QStringLiteral("notes"), notes}}, tr("clock in"));
}

QString ConsoleSession::clockOut(int breakMinutes, const QString &notes)
{
    return sendCommand(
        Command::ClockOut,
        {{QStringLiteral("break_minutes"), breakMinutes}, {QStringLiteral("notes"), notes}},
        tr("clock out"));
}

QString ConsoleSession::recordDrink(const QString &productId, int quantity)
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

QString ConsoleSession::startPayment(const QString &orderId, const QString &method)
{
    const Order *o = m_orders->order(orderId);
    return sendCommand(Command::StartPayment,
                       {{QStringLiteral("order_id"), orderId}, {QStringLiteral("method"), method}},
                       tr("%1 payment for %2").arg(method, o ? o->number : orderId));
}

QString ConsoleSession::confirmPayment(const QString &orderId, const QString &transactionId,
                                       std::optional<Cents> amountReceived)
{
    const Order *o = m_orders->order(orderId);
    const QString description = tr("confirm payment for %1").arg(o ? o->number : orderId);
    if (!transactionId.isEmpty()) {
        QJsonObject payload{{QStringLiteral("transaction_id"), transactionId}};
        if (amountReceived)
            payload.insert(QStringLiteral("amount_received"), MoneyCents::toJson(*amountReceived));
        return sendCommand(Command::ConfirmPayment, payload, description);
    }
    // A QR code's event does not name its transaction: ask the hub for the order's payments
    // and confirm the one still waiting.
    const bool asked = m_loader->query(
        Command::ListPayments, {{QStringLiteral("order_id"), orderId}},
        [this, description](const CafeSnapshot &snapshot) {
            const auto *payments = std::get_if<PaymentsSnapshot>(&snapshot);
            for (const PaymentRecord &p : payments ? payments->payments : QList<PaymentRecord>()) {
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
    if (!asked)
        m_eventLog->appendNote(
            Contract::path(Namespace::Payments), Contract::name(Command::ConfirmPayment),
            tr("this server offers no payment list to find the payment in"), m_clock->now());
    return {};
}

QString ConsoleSession::acknowledgeAlert(const QString &productId)
{
    const StockAlert *a = m_alerts->find(productId);
    if (!a || a->acknowledged)
        return {};
    const QString name = a->productName.isEmpty() ? productId : a->productName;
    m_alerts->acknowledge(productId);
    // Only a server that lists its alerts (our hub) knows the command. By the item: the hub
    // acknowledges its standing alert, the newest (one raised meanwhile comes before the
    // acknowledgement on /inventory, so every console ends silent).
    if (!m_alertsNamed)
        return {};
    return sendCommand(Command::AcknowledgeAlert, {{QStringLiteral("product_id"), productId}},
                       tr("acknowledge %1 alert").arg(name));
}

void ConsoleSession::acknowledgeAllAlerts()
{
    QStringList ids;
    for (const StockAlert &a : m_alerts->rows())
        if (!a.acknowledged)
            ids << a.productId;
    for (const QString &id : std::as_const(ids))
        acknowledgeAlert(id);
}

QString ConsoleSession::saveProduct(const QString &productId, const MenuFile::Product &product)
{
    QJsonObject payload = MenuFile::toJson(product);
    if (!productId.isEmpty())
        payload.insert(QStringLiteral("product_id"), productId);
    return sendCommand(Command::SaveProduct, payload,
                       productId.isEmpty() ? tr("add %1 to the menu").arg(product.name)
                                           : tr("change %1 on the menu").arg(product.name));
}

static QString productName(const QList<MenuProduct> &menu, const QString &id)
{
    for (const MenuProduct &p : menu)
        if (p.id == id)
            return p.name;
    return id;
}

QString ConsoleSession::retireProduct(const QString &productId)
{
    return sendCommand(Command::RetireProduct, {{QStringLiteral("product_id"), productId}},
                       tr("retire %1").arg(productName(m_menu, productId)));
}

QString ConsoleSession::restoreProduct(const QString &productId, const QString &name)
{
    return sendCommand(Command::RestoreProduct, {{QStringLiteral("product_id"), productId}},
                       tr("bring back %1").arg(name.isEmpty() ? productId : name));
}

QString ConsoleSession::importMenu(const QList<MenuFile::Product> &products, bool replace)
{
    return sendCommand(
        Command::ImportMenu,
        {{QStringLiteral("products"), MenuFile::toJson(products)},
         {QStringLiteral("mode"), replace ? QStringLiteral("replace") : QStringLiteral("merge")}},
        replace ? tr("replace the menu (%n products)", nullptr, int(products.size()))
                : tr("import %n products into the menu", nullptr, int(products.size())));
}

QString ConsoleSession::setAvailability(const QString &productId, const QString &customizationId,
                                        bool available, const QString &reason,
                                        const QDateTime &until)
{
    QJsonObject payload{{QStringLiteral("available"), available}};
    QString name = productName(m_menu, productId);
    if (customizationId.isEmpty()) {
        payload.insert(QStringLiteral("product_id"), productId);
    } else {
        payload.insert(QStringLiteral("customization_id"), customizationId);
        for (const MenuProduct &p : std::as_const(m_menu))
            for (const MenuCustomization &c : p.options)
                if (c.id == customizationId)
                    name = QStringLiteral("%1 (%2)").arg(c.name, p.name);
    }
    if (!available) {
        payload.insert(QStringLiteral("reason"), reason);
        if (until.isValid())
            payload.insert(QStringLiteral("until"), until.toUTC().toString(Qt::ISODate));
    }
    return sendCommand(Command::SetAvailability, payload,
                       available ? tr("%1 back on sale").arg(name)
                                 : tr("%1 off sale: %2").arg(name, reason));
}

bool ConsoleSession::fetchMenu(bool includeRetired, QObject *context,
                               std::function<void(const MenuFetch &)> done)
{
    QJsonObject payload;
    if (includeRetired)
        payload.insert(QStringLiteral("include_retired"), true);
    return query(
        Command::ListMenu, payload, context, [done = std::move(done)](const QueryAnswer &answer) {
            MenuFetch fetch;
            fetch.error = answer.message;
            if (answer.ok) {
                const auto snapshot = EventMapper::mapSnapshot(Command::ListMenu, answer.data);
                const MenuFile::Parsed file = MenuFile::productsFromJson(
                    answer.data.toObject().value(QLatin1String("products")).toArray());
                if (!snapshot || !std::holds_alternative<MenuSnapshot>(*snapshot))
                    fetch.error = snapshot ? QString() : snapshot.error();
                else if (!file.ok())
                    fetch.error = file.message;
                else {
                    fetch.ok = true;
                    fetch.products = std::get<MenuSnapshot>(*snapshot).products;
                    fetch.file = file.products;
                }
            }
            done(fetch);
        });
}

void ConsoleSession::followCounter(const QString &counter)
{
    if (counter == m_followedCounter)
        return;
    m_followedCounter = counter;
    syncCounterRooms();
    m_allDay->recount(*m_orders, m_followedCounter);
}

void ConsoleSession::syncCounterRooms()
{
    // Following one counter: its room only. On "All counters": every counter's room this
    // console knows of (list_counters, counter:status_changed, the orders' counters), because
    // order:assigned_counter reaches only the two counters' rooms and the managers. join_counter
    // is the contract's own command, so this works against any Table Tap server.
    if (!m_followedCounter.isEmpty()) {
        const QStringList joined(m_counterRooms.cbegin(), m_counterRooms.cend());
        for (const QString &c : joined)
            if (c != m_followedCounter)
                setCounterRoom(c, false);
        setCounterRoom(m_followedCounter, true);
        return;
    }
    for (const CounterInfo &c : m_counters->rows())
        setCounterRoom(c.name, true);
    QSet<QString> seen;
    m_orders->flush(); // rows() without the orders still waiting in the batch would miss some
    for (const Order &o : m_orders->rows())
        if (!o.counter.isEmpty() && !seen.contains(o.counter)) {
            seen.insert(o.counter);
            setCounterRoom(o.counter, true);
        }
}

void ConsoleSession::setCounterRoom(const QString &counter, bool in)
{
    if (counter.isEmpty() || m_counterRooms.contains(counter) == in)
        return;
    if (in && m_counterRooms.size() >= MaxCounterRooms) {
        if (!m_counterRoomsFull) // once per session: the names are the server's to repeat
            qCWarning(lcModels, "not joining more than %d counter rooms (%s and later left out)",
                      MaxCounterRooms, qUtf8Printable(counter.left(64)));
        m_counterRoomsFull = true;
        return;
    }
    const QString orders = Contract::path(Namespace::Orders);
    // Without a link nothing is sent: a new session starts with no rooms, a recovered one
    // catches up in syncCounterRooms.
    if (!m_source || !m_source->isConnected(orders))
        return;
    m_source->send(orders, Contract::name(in ? Command::JoinCounter : Command::LeaveCounter),
                   QJsonObject{{QStringLiteral("counter"), counter}});
    if (in)
        m_counterRooms.insert(counter);
    else
        m_counterRooms.remove(counter);
}

void ConsoleSession::resync()
{
    // Asked for by hand (F5): a server taken for one without snapshots is asked once more.
    if (liveEventsOnly())
        m_loader->forget();
    for (const QString &nsp : namespaces())
        if (isNamespaceConnected(nsp))
            m_loader->load(nsp);
    if (m_staffWanted)
        loadStaff();
}

void ConsoleSession::onStaffUpdated(const QJsonObject &data, const QDateTime &now)
{
    // The hub's own event (docs/events.md): the staff list takes every change; otherwise the
    // console acts on news about its own user only.
    // A new role is taken at once, through a fresh token; a disable, a new PIN or a revocation
    // ends the connection on the hub's side, and the refused reconnect says so.
    // A manager's staff list follows every change (the event reaches managers and admins).
    m_staff->apply(EventMapper::mapStaffMember(data));
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
        && data.value(L1("role")).toString() != m_identity.role && m_source)
        m_source->renewToken();
}

void ConsoleSession::onServerError(const QString &nsp, const QJsonValue &payload,
                                   const QDateTime &now)
{
    // The contract's failure of a command sent without an answer: {type, message}; our hub and
    // some servers add command, order_id, request_id. An envelope's data is read the same way.
    QJsonObject error = payload.toObject();
    if (error.value(Keys::Data).isObject())
        error = error.value(Keys::Data).toObject();
    const QString type = error.value(Keys::Type).toString();
    const QString message = error.value(Keys::Message).toString();
    const QString command = error.value(Keys::Command).toString();
    const QString orderId = error.value(QLatin1String("order_id")).toString();
    const QString requestId = error.value(Keys::RequestId).toString();
    QString text = type.isEmpty() ? message : type + QStringLiteral(": ") + message;
    if (!command.isEmpty())
        text += QStringLiteral(" (") + command + u')';
    m_eventLog->appendNote(nsp, Contract::name(Contract::Event::Error), text, now);
    // A server without snapshots may refuse them with an error event instead of staying silent.
    // It answers the snapshot request it names; a bare one, while the first snapshot requests
    // of the namespace are still out (they are the first thing sent on a connect), answers them.
    if (command.isEmpty() ? requestId.isEmpty() && snapshotOffer() != SnapshotLoader::Offer::Offered
                                && m_loader->awaiting(nsp)
                          : SnapshotLoader::isSnapshotCommand(command)) {
        m_loader->refusedByErrorEvent(nsp);
        return;
    }
    const QString matched = m_sender->refuse(nsp, type, message, command, orderId, requestId);
    if (matched.isEmpty())
        Q_EMIT serverError(nsp, type, message, command);
}

void ConsoleSession::confirmActions(const CafeEvent &event)
{
    // Without acks the event an action causes is its confirmation (with acks it comes after the
    // ack, and finds the action done already).
    const auto orderIs = [](const QString &id) {
        return [id](const QJsonObject &p) {
            return p.value(QLatin1String("order_id")).toString() == id;
        };
    };
    if (const auto *p = std::get_if<OrderStatusChanged>(&event.payload)) {
        const QString status = orderStatusName(p->newStatus);
        m_sender->confirm(Contract::name(Command::UpdateOrderStatus),
                          [id = p->orderId, status](const QJsonObject &payload) {
                              return payload.value(QLatin1String("order_id")).toString() == id
                                     && payload.value(QLatin1String("status")).toString() == status;
                          });
    } else if (const auto *p = std::get_if<OrderItemChecked>(&event.payload)) {
        m_sender->confirm(Contract::name(Command::CheckOrderItem), [p](const QJsonObject &payload) {
            return payload.value(QLatin1String("order_id")).toString() == p->orderId
                   && payload.value(QLatin1String("item_id")).toString() == p->itemId
                   && payload.value(QLatin1String("made")).toBool() == p->made;
        });
    } else if (const auto *p = std::get_if<OrderCancelled>(&event.payload)) {
        m_sender->confirm(Contract::name(Command::CancelOrder), orderIs(p->orderId));
    } else if (const auto *p = std::get_if<OrderAssignedCounter>(&event.payload)) {
        m_sender->confirm(Contract::name(Command::AssignCounter),
                          [id = p->orderId, counter = p->newCounter](const QJsonObject &payload) {
                              return payload.value(QLatin1String("order_id")).toString() == id
                                     && payload.value(QLatin1String("counter")).toString()
                                            == counter;
                          });
    }
}

void ConsoleSession::updateStockWarnings()
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

QString ConsoleSession::livenessText() const
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

void ConsoleSession::updateLiveness()
{
    Liveness next = Liveness::Offline;
    if (m_source && m_open) {
        bool allConnected = true;
        for (const QString &nsp : namespaces())
            allConnected = allConnected && m_source->isConnected(nsp);
        switch (m_source->linkState()) {
        case EventSource::LinkState::Connected:
            next = allConnected
                       ? Liveness::Live
                       : (m_lastError.isEmpty() ? Liveness::Connecting : Liveness::Refused);
            // Silent beyond the heartbeat: the hub's pings stopped but the link has not dropped
            // yet.
            if (next == Liveness::Live && m_source->heartbeatOverdue())
                next = Liveness::Silent;
            break;
        case EventSource::LinkState::Connecting:
            next = m_lastError.isEmpty() ? Liveness::Connecting : Liveness::Refused;
            break;
        case EventSource::LinkState::Reconnecting:
            next = Liveness::Reconnecting;
            break;
        case EventSource::LinkState::Offline:
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

void ConsoleSession::scheduleSummaries()
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

void ConsoleSession::updateSummaries()
{
    m_summaryTimer.stop();
    m_lastSummaries.start();
    m_counters->updateLoads(*m_orders);
    m_allDay->recount(*m_orders, m_followedCounter);
    updateStockWarnings();
}

void ConsoleSession::timerEvent(QTimerEvent *event)
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
    m_sender->flush();
}

} // namespace TableTap
