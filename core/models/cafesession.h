// The console's one connection to a hub: signs in, connects the five namespaces over one
// Socket.IO connection, fills the models from snapshots and then from events, resyncs after a
// reconnect the hub could not recover, tracks how fresh each namespace is, and sends the
// console's actions through an outbox (request ids, ack timeouts, retried once back online).
// Views use this object and the models; they never see JSON, codecs or sessions.
#pragma once

#include "alldaymodel.h"
#include "cafesnapshot.h"
#include "consoleclock.h"
#include "countermodel.h"
#include "dashboardmodel.h"
#include "eventlogmodel.h"
#include "inventorymodel.h"
#include "orderqueuemodel.h"
#include "outboxmodel.h"
#include "paymentmodel.h"
#include "sessionidentity.h"
#include "stockalertmodel.h"
#include "timesheetmodel.h"

#include "contract.h"
#include "siomanager.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <array>

class QNetworkAccessManager;

namespace TableTap {

class SioSocket;
struct SioEvent;

class CafeSession final : public QObject
{
    Q_OBJECT
public:
    enum class Liveness { Live, Connecting, Reconnecting, Silent, Offline, Refused };
    Q_ENUM(Liveness)

    explicit CafeSession(QObject *parent = nullptr);
    ~CafeSession() override;

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
    // Options for the Socket.IO connection (transports, TLS CA, timeouts) used by the next connect;
    // their TLS settings (a private CA in caFile) also apply to sign-in and token refresh.
    void setClientOptions(const SioClientOptions &options) { m_options = options; }
    const SioClientOptions &clientOptions() const { return m_options; }
    // How long a command may wait for its ack before it is retried (ms).
    void setCommandTimeout(int ms) { m_commandTimeout = ms; }

    QUrl hubUrl() const { return m_hub; }
    SessionIdentity identity() const { return m_identity; }
    QString accessToken() const { return m_token; }
    SioManager::State state() const;
    Liveness liveness() const { return m_liveness; }
    QString livenessText() const;
    QString transportName() const;
    // When the last event of a namespace arrived, on clock() (invalid if none yet).
    QDateTime lastEventAt(const QString &nsp) const { return m_lastEvent.value(nsp); }
    // What "now" is for every model and view of this session (the system clock, or a demo
    // hub's simulated time).
    ConsoleClock *clock() const { return m_clock; }
    bool isNamespaceConnected(const QString &nsp) const;
    QHash<QString, QVariant> settings() const { return m_settings; }
    const QList<MenuProduct> &menu() const { return m_menu; }

    OrderQueueModel *orders() const { return m_orders; }
    AllDayModel *allDay() const { return m_allDay; }
    CounterModel *counters() const { return m_counters; }
    InventoryModel *inventory() const { return m_inventory; }
    StockAlertModel *alerts() const { return m_alerts; }
    TimesheetModel *timesheets() const { return m_timesheets; }
    PaymentModel *payments() const { return m_payments; }
    DashboardModel *dashboard() const { return m_dashboard; }
    EventLogModel *eventLog() const { return m_eventLog; }
    OutboxModel *outbox() const { return m_outbox; }

    // Actions. Each returns the request id of its outbox entry.
    QString sendCommand(const QString &nsp, const QString &command, const QJsonObject &payload,
                        const QString &description, const QString &orderId = {});
    // The same, in the command's own namespace.
    QString sendCommand(Contract::Command command, const QJsonObject &payload,
                        const QString &description, const QString &orderId = {});
    QString advanceOrder(const QString &orderId);
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
    QString startPayment(const QString &orderId, const QString &method);
    // Confirms a cash or QR payment; without a transaction id, the one waiting for the order
    // (then the request id comes later and the return value is empty).
    QString confirmPayment(const QString &orderId, const QString &transactionId = {});
    // Joins one counter's room (the queue filter) or leaves it (empty = all counters).
    void followCounter(const QString &counter);
    QString followedCounter() const { return m_followedCounter; }
    // What this console last changed on an order (for recall), if recent enough.
    bool canRecall(const QString &orderId) const;

    // Reloads every snapshot (also done after each unrecovered reconnect).
    void resync();

Q_SIGNALS:
    void stateChanged();
    void livenessChanged(TableTap::CafeSession::Liveness liveness);
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

    void connectSockets();
    void teardown();
    void onEvent(const SioEvent &event);
    void onSocketConnected(SioSocket *socket);
    void snapshot(const QString &nsp);
    void request(const QString &nsp, const QString &command, const QJsonObject &payload,
                 std::function<void(const QJsonValue &data)> onData);
    void request(Contract::Command command, const QJsonObject &payload,
                 std::function<void(const QJsonValue &data)> onData);
    void flushOutbox();
    void sendEntry(const OutboxEntry &entry);
    void updateLiveness();
    void updateStockWarnings();
    void scheduleSummaries();
    void updateSummaries();
    void onStaffUpdated(const QJsonObject &data, const QDateTime &now);
    void refreshToken(std::function<void(bool)> done);
    void applyMenu(const QJsonValue &data);

    QUrl m_hub;
    QString m_token;
    QString m_refreshToken;
    SessionIdentity m_identity;
    SioClientOptions m_options;
    QPointer<SioManager> m_manager;
    QHash<QString, QPointer<SioSocket>> m_sockets;
    QNetworkAccessManager *m_http = nullptr;
    int m_commandTimeout = 10000;
    QSet<QString> m_inFlight;
    // Namespaces whose snapshot (or another request) went unanswered: asked again on the next
    // connect, even a recovered one (recovery replays events, not lost answers).
    QSet<QString> m_staleSnapshots;
    QHash<QString, QDateTime> m_lastEvent;
    QHash<QString, QVariant> m_settings;
    QList<MenuProduct> m_menu;
    QHash<QString, Recall> m_recalls;
    QString m_followedCounter;
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
    PaymentModel *m_payments;
    DashboardModel *m_dashboard;
    EventLogModel *m_eventLog;
    OutboxModel *m_outbox;
};

} // namespace TableTap
