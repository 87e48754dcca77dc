// The console's session with a hub, the one object views use beside the models: it fills the
// models from snapshots (SnapshotLoader) and then from events, resyncs after a reconnect the hub
// could not recover, tracks how fresh each namespace is, follows its own user's role changes,
// and sends the console's actions through an outbox (Outbox: request ids, ack timeouts, retried
// once back online). The hub itself is behind an EventSource (HubConnection over the network in
// HubSession, core/session; a fake in the unit tests; none: offline); views never see JSON,
// codecs or sockets.
#pragma once

#include "alldaymodel.h"
#include "cafeevent.h"
#include "cafesnapshot.h"
#include "consoleclock.h"
#include "countermodel.h"
#include "dashboardmodel.h"
#include "eventlogmodel.h"
#include "inventorymodel.h"
#include "orderqueuemodel.h"
#include "outboxmodel.h"
#include "outboxstore.h"
#include "paymentmodel.h"
#include "sessionidentity.h"
#include "shiftlistmodel.h"
#include "staffmodel.h"
#include "stockalertmodel.h"
#include "timesheetmodel.h"

#include "contract.h"
#include "decoded.h"
#include "eventsource.h"
#include "menufile.h"
#include "snapshotloader.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <array>
#include <functional>

namespace TableTap {

class Outbox;

class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    enum class Liveness { Live, Connecting, Reconnecting, Silent, Offline, Refused };
    Q_ENUM(Liveness)

    // A session without a source: offline, actions stay pending (views and their tests); a
    // token given to connectWithToken still names its user, so views follow that role. Code
    // that connects to a hub uses HubSession.
    explicit ConsoleSession(QObject *parent = nullptr);
    // A session on a source (HubSession's HubConnection, the unit tests' fake); null: offline.
    explicit ConsoleSession(EventSource *source, QObject *parent = nullptr);
    ~ConsoleSession() override;

    // The console's order of the namespaces (not the hub's): sockets are created and the
    // status strip shows them in this order.
    static constexpr std::array<Contract::Namespace, 5> kNamespaces{
        Contract::Namespace::Orders, Contract::Namespace::Inventory, Contract::Namespace::Employees,
        Contract::Namespace::Payments, Contract::Namespace::System};
    // Their paths, in that order.
    static const QStringList &namespaces();

    // Signs in with an employee code and PIN over HTTP (POST /api/auth/login), then connects.
    void signIn(const QUrl &hub, const QString &cafeId, const QString &employeeCode,
                const QString &pin);
    // Connects with a token obtained elsewhere (device tokens, other Table Tap servers).
    void connectWithToken(const QUrl &hub, const QString &token, const QString &refresh = {});
    void disconnectFromHub();
    // A PEM file of certificate authorities an https hub is trusted by on top of the system's
    // (a shop's own CA), used from the next sign-in or connect on; empty: the system's only.
    void setCaFile(const QString &path) { m_caFile = path; }
    QString caFile() const { return m_caFile; }
    // Why the source could not trust the authorities in this file (translated, naming it);
    // empty when it can, for an empty path, and without a source.
    QString caFileProblem(const QString &path) const;
    // How long a command may wait for its ack (or, without acks, its event) before it is retried
    // (our hub) or shown as unknown (ms).
    void setCommandTimeout(int ms);
    // How long the first snapshot requests wait before the server is taken for one without.
    void setSnapshotProbeTimeout(int ms);
    // Where waiting actions are kept across restarts (the app: its AppDataLocation; empty: in
    // memory only). Each hub, cafe and person has its own file (OutboxStore); signing in to the
    // same ones again sends what waited there with the original request ids.
    void setOutboxDirectory(const QString &directory);
    // Whether this session's waiting actions survive a close (a directory and a signed-in person).
    bool outboxPersistent() const { return m_store.isEnabled() && m_storeKey.isValid(); }
    // Actions pending or sent and not yet answered.
    int waitingActions() const { return m_outbox->pendingCount(); }
    // The outbox panel's buttons (Outbox::retry, Outbox::discard); discardWaitingActions drops
    // every pending, sent and unknown action (the close dialog's "Discard them").
    bool retryAction(const QString &requestId);
    bool discardAction(const QString &requestId);
    void discardWaitingActions();
    // The sender itself (its bounds and clocks, for tests).
    Outbox *sender() const { return m_sender; }

    EventSource *source() const { return m_source; }
    QUrl hubUrl() const { return m_hub; }
    SessionIdentity identity() const { return m_identity; }
    QString accessToken() const;
    EventSource::LinkState linkState() const;
    Liveness liveness() const { return m_liveness; }
    QString livenessText() const;
    QString transportName() const;
    // When the last event of a namespace arrived, on clock() (invalid if none yet).
    QDateTime lastEventAt(const QString &nsp) const { return m_lastEvent.value(nsp); }
    // What "now" is for every model and view of this session (the system clock, or a demo
    // hub's simulated time).
    ConsoleClock *clock() const { return m_clock; }
    bool isNamespaceConnected(const QString &nsp) const;
    // Whether the server answers snapshot commands (our hub) or offers live events only (a
    // server of the bare event contract); Unknown until the first snapshot request of a link is
    // answered or times out (SnapshotLoader::ProbeMs).
    SnapshotLoader::Offer snapshotOffer() const;
    // Live events only: the models hold what arrived since liveSince(), kept across reconnects,
    // and what happened while a namespace was away (the last time: lastGapAt()) is missing.
    bool liveEventsOnly() const { return snapshotOffer() == SnapshotLoader::Offer::NotOffered; }
    QDateTime liveSince() const { return m_liveSince; }
    QDateTime lastGapAt() const { return m_lastGap; }
    QHash<QString, QVariant> settings() const { return m_settings; }
    // Who changed which cafe setting when, newest first (get_settings' history, then
    // cafe:settings_updated as they come).
    const QList<SettingHistoryEntry> &settingsHistory() const { return m_settingsHistory; }
    const QList<MenuProduct> &menu() const { return m_menu; }

    OrderQueueModel *orders() const { return m_orders; }
    AllDayModel *allDay() const { return m_allDay; }
    CounterModel *counters() const { return m_counters; }
    InventoryModel *inventory() const { return m_inventory; }
    StockAlertModel *alerts() const { return m_alerts; }
    TimesheetModel *timesheets() const { return m_timesheets; }
    ShiftListModel *shifts() const { return m_shifts; }
    PaymentModel *payments() const { return m_payments; }
    DashboardModel *dashboard() const { return m_dashboard; }
    EventLogModel *eventLog() const { return m_eventLog; }
    OutboxModel *outbox() const { return m_outbox; }
    // The cafe's staff for managers: empty until loadStaff() was answered.
    StaffModel *staff() const { return m_staff; }
    // Asks the hub for list_staff (managers and admins); staffLoaded() tells how it went. From
    // then on (also when asked while offline) it is loaded whenever /employees connects without
    // recovering its session, and staff:updated keeps it current. False: not sent now (offline,
    // or not a manager).
    bool loadStaff();

    // A read the hub answers with data (list_staff, get_settings, list_menu with options, ...):
    // no request id, no outbox. errorType is the hub's, or "OFFLINE" (not sent: no link) or
    // "TIMEOUT" (no answer within the command timeout).
    struct QueryAnswer
    {
        bool ok = false;
        QJsonValue data;
        QString errorType;
        QString message;
    };
    using QueryDone = std::function<void(const QueryAnswer &)>;
    // done runs once (at once when not sent), never after context is destroyed. False: not sent.
    bool query(Contract::Command command, const QJsonObject &payload, QObject *context,
               QueryDone done);

    // Actions. Each returns the request id of its outbox entry.
    QString sendCommand(const QString &nsp, const QString &command, const QJsonObject &payload,
                        const QString &description, const QString &orderId = {});
    // The same, in the command's own namespace.
    QString sendCommand(Contract::Command command, const QJsonObject &payload,
                        const QString &description, const QString &orderId = {});
    QString advanceOrder(const QString &orderId);
    // Ticks (made) or unticks one item of an order (check_order_item, the hub's item
    // check-off); the hub makes the order ready when its last item is made.
    QString checkItem(const QString &orderId, const QString &itemId, bool made);
    QString setOrderStatus(const QString &orderId, OrderStatus status, const QString &notes);
    // Undo of this console's last status change on the order, while the hub allows it.
    QString recallOrder(const QString &orderId);
    QString cancelOrder(const QString &orderId, const QString &reason);
    QString reassignOrder(const QString &orderId, const QString &counter, const QString &reason);
    QString setCounterStatus(const QString &counter, bool active, const QString &reason);
    QString adjustStock(const QString &itemId, const QString &changeType, double quantity,
                        const QString &note);
    QString clockIn(const QString &notes);
    QString clockOut(int breakMinutes, const QString &notes);
    QString recordDrink(const QString &productId, int quantity);
    // The back office (manager, admin): cafe settings (only the keys given), an item's stock
    // levels (a negative value: unchanged), and a timesheet correction (an invalid time or a
    // negative break: unchanged) with its reason.
    QString updateSettings(const QJsonObject &changes);
    QString setStockLevels(const QString &itemId, qint64 reorderLevel, qint64 maxStock);
    QString correctTimesheet(const QString &timesheetId, const QDateTime &clockIn,
                             const QDateTime &clockOut, int breakMinutes, const QString &reason);
    QString startPayment(const QString &orderId, const QString &method);
    // Confirms a cash or QR payment; without a transaction id, the one waiting for the order
    // (then the request id comes later and the return value is empty). amountReceived: the cash
    // the customer handed over (the hub answers with the change due); none: not said.
    QString confirmPayment(const QString &orderId, const QString &transactionId = {},
                           std::optional<Cents> amountReceived = std::nullopt);
    // Acknowledges a stock alert: it stops ringing here at once, and, on a server that lists its
    // alerts (our hub: list_inventory's `alert`), acknowledge_alert goes out so it stops at every
    // console. Another server's alerts are acknowledged at this console only. Returns the
    // request id (empty: local only).
    QString acknowledgeAlert(const QString &productId);
    void acknowledgeAllAlerts();
    // The menu (our hub's own commands, docs/commands.md): managers and admins edit, retire,
    // restore and import; anyone takes a product or a customization (customizationId) off sale
    // with a reason and maybe an end (invalid until: until put back), or puts it back.
    QString saveProduct(const QString &productId, const MenuFile::Product &product);
    QString retireProduct(const QString &productId);
    QString restoreProduct(const QString &productId, const QString &name = {});
    QString importMenu(const QList<MenuFile::Product> &products, bool replace);
    QString setAvailability(const QString &productId, const QString &customizationId,
                            bool available, const QString &reason = {},
                            const QDateTime &until = {});
    // The menu as the hub answers list_menu now: as the console's products, and as a menu file's
    // products (export writes exactly what the hub answered); retired ones too when asked.
    struct MenuFetch
    {
        bool ok = false;
        QString error;
        QList<MenuProduct> products;
        QList<MenuFile::Product> file;
    };
    bool fetchMenu(bool includeRetired, QObject *context,
                   std::function<void(const MenuFetch &)> done);
    // Joins one counter's room (the queue filter) or leaves it (empty = all counters).
    void followCounter(const QString &counter);
    QString followedCounter() const { return m_followedCounter; }
    // What this console last changed on an order (for recall), if recent enough.
    bool canRecall(const QString &orderId) const;
    // How long after a change it may be recalled: the cafe's recall_window_seconds (settings
    // snapshot, cafe:settings_updated), 60 s when the server never said; 0 turns recalls off.
    qint64 recallWindowMs() const;

    // Reloads every snapshot (also done after each unrecovered reconnect).
    void resync();

Q_SIGNALS:
    void stateChanged();
    void livenessChanged(TableTap::ConsoleSession::Liveness liveness);
    void identityChanged(const TableTap::SessionIdentity &identity);
    void signInFailed(const QString &message);
    void connectError(const QString &nsp, const QString &message, const QString &type);
    void namespaceFreshnessChanged();
    void resynced(const QString &nsp);
    void menuChanged();
    void settingsChanged();
    void orderCreated(const QString &orderNumber, const QString &customer, const QString &counter);
    void orderReady(const QString &orderNumber, const QString &customer, const QString &counter);
    void stockAlertRaised(const TableTap::StockAlert &alert);
    void paymentFailed(const QString &orderNumber, const QString &message, bool retryAllowed);
    void qrGenerated(const QString &orderId, const QString &qrData, const QDateTime &expiresAt);
    // A command's final answer (done or refused; refused carries the hub's type and message).
    void commandFinished(const QString &requestId, bool ok, const QString &errorType,
                         const QString &message);
    // The ack data of an action the hub applied, just before its commandFinished(…, true, …)
    // (an order created at this console, a minted token).
    void commandAnswered(const QString &requestId, const QJsonValue &data);
    // loadStaff()'s answer: refused or unanswered with the hub's message.
    void staffLoaded(bool ok, const QString &message);
    // A command ended with neither an answer nor its event: it may or may not have been applied.
    void commandUnconfirmed(const QString &requestId, const QString &why);
    // An `error` event that answers none of this console's actions (they come as
    // commandFinished): shown as it is.
    void serverError(const QString &nsp, const QString &type, const QString &message,
                     const QString &command);
    // snapshotOffer() changed.
    void snapshotOfferChanged();
    // A live event of this console's cafe, after every model applied it (printing's triggers).
    // Snapshots never come through here: only what happened while the console listened, or was
    // replayed by the hub's connection state recovery.
    void eventApplied(const TableTap::CafeEvent &event);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Recall
    {
        QString orderId;
        OrderStatus previous = OrderStatus::Unknown;
        OrderStatus next = OrderStatus::Unknown;
        QDateTime at;
    };

    void connectSource();
    void onOpened(const QUrl &hub, const QString &accessToken);
    void onEvent(const QString &nsp, const QString &name, const QJsonValue &envelope);
    void onLiteEvent(const QString &nsp, const QString &name, const LiteJsonArg &envelope);
    void applyMapped(const QString &nsp, const QString &name, const Decoded<CafeEvent> &mapped,
                     const QDateTime &now);
    void onNamespaceConnected(const QString &nsp, bool recovered);
    void onSnapshot(const QString &nsp, const CafeSnapshot &snapshot);
    void rebuildDashboard();
    // Product ids in the inventory's "used by" and the alerts' "affects" replaced by the menu's
    // names (an inventory answer may come before the menu's).
    void nameProductsInStock();
    // Joins and leaves counter rooms so that this console hears every order move it shows.
    void syncCounterRooms();
    void setCounterRoom(const QString &counter, bool in);
    void updateLiveness();
    void updateStockWarnings();
    void scheduleSummaries();
    void updateSummaries();
    void onStaffUpdated(const QJsonObject &data, const QDateTime &now);
    void onServerError(const QString &nsp, const QJsonValue &payload, const QDateTime &now);
    void confirmActions(const CafeEvent &event);
    void applyMenu(QList<MenuProduct> menu);
    // menu:updated and menu:availability_changed into the menu this session holds.
    void applyMenuEvent(const CafeEvent &event);
    // Binds the outbox to the signed-in hub, cafe and person: another's actions leave the
    // outbox (they stay in their own file), this one's come back.
    void bindOutboxStore();
    void saveOutbox();

    int m_queryTimeoutMs = 10000;
    QPointer<EventSource> m_source;
    QString m_caFile;
    QUrl m_hub;
    SessionIdentity m_identity;
    bool m_open = false; // a link was opened and not closed since
    QHash<QString, QDateTime> m_lastEvent;
    QDateTime m_liveSince;
    QDateTime m_lastGap;
    QSet<QString> m_connectedOnce; // namespaces connected at least once on this link
    QHash<QString, QVariant> m_settings;
    QList<SettingHistoryEntry> m_settingsHistory;
    QList<MenuProduct> m_menu;
    QHash<QString, Recall> m_recalls;
    QString m_followedCounter;
    // The counter rooms this console is in on the current /orders session.
    QSet<QString> m_counterRooms;
    bool m_counterRoomsFull = false; // warned that MaxCounterRooms was reached
    QString m_lastError;
    ConsoleClock *m_clock;
    Liveness m_liveness = Liveness::Offline;
    QBasicTimer m_tick;
    // Summaries over the whole queue (counter loads, all-day counts, stock warnings) are
    // recounted at most this often.
    static constexpr qint64 SummaryIntervalMs = 250;
    QBasicTimer m_summaryTimer;
    QElapsedTimer m_lastSummaries;

    OrderQueueModel *m_orders;
    AllDayModel *m_allDay;
    CounterModel *m_counters;
    InventoryModel *m_inventory;
    StockAlertModel *m_alerts;
    TimesheetModel *m_timesheets;
    ShiftListModel *m_shifts;
    PaymentModel *m_payments;
    DashboardModel *m_dashboard;
    // The last list_orders answer carried the hub's day figures (the dashboard's source).
    bool m_dayFigures = false;
    // The last inventory snapshot listed alerts (our hub): acknowledgements go to the hub.
    bool m_alertsNamed = false;
    EventLogModel *m_eventLog;
    OutboxModel *m_outbox;
    StaffModel *m_staff;
    bool m_staffWanted = false; // loadStaff() was asked for by this person
    SnapshotLoader *m_loader;
    Outbox *m_sender;
    OutboxStore m_store;
    OutboxStore::Key m_storeKey;
    bool m_restoring = false;
};

} // namespace TableTap
